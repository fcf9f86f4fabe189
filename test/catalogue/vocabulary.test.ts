import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVENT_DISPLAY, EVENT_KINDS, PAIR_STATES } from "../../src/catalogue/vocabulary.js";

describe("event vocabulary", () => {
  it("lists exactly the kinds docs/events.md documents", () => {
    const markdown = readFileSync(new URL("../../docs/events.md", import.meta.url), "utf8");
    const documented = new Set<string>();
    for (const line of markdown.split("\n")) {
      const cell = /^\| ((?:`[a-z.]+`(?: \/ )?)+) \|/.exec(line);
      if (cell) for (const kind of cell[1].matchAll(/`([a-z.]+)`/g)) documented.add(kind[1]);
    }
    expect([...EVENT_KINDS].sort()).toEqual([...documented].sort());
  });

  it("states each pair state's class as docs/events.md does", () => {
    const markdown = readFileSync(new URL("../../docs/events.md", import.meta.url), "utf8");
    const documented: Record<string, string> = {};
    for (const row of markdown.matchAll(/^\| ([A-Z]{4}) \| ([a-z]+) \| (.+) \|$/gm)) documented[row[1]] = `${row[2]}: ${row[3]}`;
    const stated = Object.fromEntries(Object.entries(PAIR_STATES).map(([state, entry]) => [state, `${entry.class}: ${entry.meaning}`]));
    expect(stated).toEqual(documented);
  });

  it("shows only event kinds the grammars emit", () => {
    expect(Object.keys(EVENT_DISPLAY).filter((kind) => !EVENT_KINDS.includes(kind))).toEqual([]);
  });
});
