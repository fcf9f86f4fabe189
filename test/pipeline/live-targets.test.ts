// watch without PATHs on a Linux node follows its layout: /var/log/messages and the Serviceguard folders
// that exist under the root, besides the HP-UX defaults (followed when they appear).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultTargets } from "../../src/pipeline/live.js";
import { tempDir } from "../helpers/temp.js";

describe("watch's default targets", () => {
  it("add the Linux layout's files and folders that exist, and only those", () => {
    const root = tempDir();
    mkdirSync(join(root, "var", "log"), { recursive: true });
    writeFileSync(join(root, "var", "log", "messages"), "");
    mkdirSync(join(root, "usr", "local", "cmcluster", "conf"), { recursive: true });
    mkdirSync(join(root, "usr", "local", "cmcluster", "run", "log"), { recursive: true });
    mkdirSync(join(root, "var", "opt", "resmon", "log", "cc"), { recursive: true });
    expect(defaultTargets(root)).toEqual({
      files: [join(root, "var/adm/syslog/syslog.log"), join(root, "var/log/messages")],
      directories: [
        join(root, "etc/cmcluster"),
        join(root, "usr/local/cmcluster/conf"),
        join(root, "usr/local/cmcluster/run/log"),
        join(root, "var/opt/resmon/log/cc"),
      ],
    });
  });

  it("stay the HP-UX ones on an HP-UX tree", () => {
    const root = tempDir();
    mkdirSync(join(root, "etc", "cmcluster"), { recursive: true });
    expect(defaultTargets(root)).toEqual({ files: [join(root, "var/adm/syslog/syslog.log")], directories: [join(root, "etc/cmcluster")] });
  });
});
