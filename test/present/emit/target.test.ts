import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseEmitTarget } from "../../../src/present/emit/target.js";
import { UsageError } from "../../../src/errors.js";

describe("--emit values", () => {
  it.each([
    ["syslog://127.0.0.1:5514", { kind: "syslog-udp", host: "127.0.0.1", port: 5514, label: "syslog://127.0.0.1:5514" }],
    ["syslog+tcp://loghost.example:601", { kind: "syslog-tcp", host: "loghost.example", port: 601, label: "syslog+tcp://loghost.example:601" }],
    ["syslog+tcp://[::1]:514/", { kind: "syslog-tcp", host: "::1", port: 514, label: "syslog+tcp://[::1]:514" }],
    ["syslog://loghost", { kind: "syslog-udp", host: "loghost", port: 514, label: "syslog://loghost:514" }],
    ["jsonl:-", { kind: "jsonl", path: "-", label: "jsonl:-" }],
    ["jsonl:changes.jsonl", { kind: "jsonl", path: resolve("changes.jsonl"), label: "jsonl:changes.jsonl" }],
  ])("%s", (value, expected) => {
    expect(parseEmitTarget(value)).toEqual(expected);
  });

  it.each([
    ["udp://host:514", "unknown form"],
    ["syslog:/host:514", "unknown form"],
    ["host:514", "unknown form"],
    ["syslog://host:0", "the PORT must be a number from 1 to 65535, not '0'"],
    ["syslog://host:65536", "the PORT must be a number from 1 to 65535"],
    ["syslog+tcp://host:", "the PORT must be a number from 1 to 65535, not ''"],
    ["syslog://host:514/path", "expected HOST:PORT after the scheme"],
    ["syslog://user@host:514", "expected HOST:PORT after the scheme"],
    ["syslog://:514", "expected HOST:PORT after the scheme"],
    ["jsonl:", "the FILE is missing"],
  ])("%s is a usage error naming the accepted forms", (value, why) => {
    let error: unknown;
    try {
      parseEmitTarget(value);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toContain(why);
    expect((error as UsageError).hint).toContain("syslog://HOST:PORT");
    expect((error as UsageError).hint).toContain("syslog+tcp://HOST:PORT");
    expect((error as UsageError).hint).toContain("jsonl:FILE");
  });
});
