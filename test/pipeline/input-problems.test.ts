/**
What analyze says about a log it read all the same: a file that looks binary (a problem naming it, and its bundle
cannot be called OK, on every run), lines too long to store whole (one problem per file naming the line and the bytes
left out); and a log it could not read at all, which leaves its bundle UNKNOWN. Parsed on this thread and in the worker alike.
*/
import { randomBytes } from "node:crypto";
import { mkdirSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { readabilityVerdict } from "../../src/model/readability.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";
import { writeFileAt } from "../helpers/files.js";

const rules = loadRules([]).rules;

const syslogLines = [
  "Nov 20 16:31:00 nodeA1 cmcld[2048]: The new active cluster membership is: nodeA1(id=1), nodeA2(id=2)",
  "Nov 20 16:31:02 nodeA1 cmcld[2048]: Request from node nodeA1 to start package oracle_pkg on node nodeA1.",
  "Nov 20 16:31:09 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.",
];

const write = writeFileAt;

async function analyze(database: string, bundle: string, parseThread: "main" | "worker" = "main") {
  const store = new Store(openDatabase(database));
  try {
    const result = await analyzePaths(store, { paths: [bundle], rules, timeZone: "UTC", fixedYear: 2026, parseThread });
    return { problems: result.problems.map((problem) => problem.message), readings: result.readings };
  } finally {
    store.close();
  }
}

describe("analyze: logs read all the same, said by name", () => {
  it("a log that looks binary is named, its lines stored, and its bundle not judged, on every run", async () => {
    const root = tempDir();
    const bundle = join(root, "b");
    // Enough readable lines that the binary file's are not most of the bundle's (that is "mostly unreadable").
    write(bundle, "nodeA1/var/adm/syslog/syslog.log", `${Array.from({ length: 20 }, () => syslogLines.join("\n")).join("\n")}\n`);
    const binary = write(bundle, "nodeA1/var/adm/syslog/OLDsyslog.log", randomBytes(3000));
    const database = join(root, "db.sqlite");
    for (let run = 0; run < 2; run++) {
      const { problems, readings } = await analyze(database, bundle);
      expect(problems).toEqual([
        expect.stringMatching(
          new RegExp(`^${binary} looks binary \\(\\d[\\d,]* of its 3,000 bytes are not text\\): its lines are stored but no grammar reads them$`),
        ),
      ]);
      expect(readings).toHaveLength(1);
      expect(readabilityVerdict(readings[0])).toBe("files-unreadable");
      expect(readings[0].unreadableFiles).toEqual([{ path: binary, why: expect.stringMatching(/^looks binary: [\d,]+ of its 3,000 bytes are not text$/) }]);
    }
  });

  it("a log whose head only is looked at says so ('of its first')", async () => {
    const root = tempDir();
    const bundle = join(root, "b");
    write(bundle, "nodeA1/var/adm/syslog/syslog.log", `${syslogLines.join("\n")}\n`);
    write(bundle, "nodeA1/var/adm/syslog/OLDsyslog.log", randomBytes(200_000));
    const { problems } = await analyze(join(root, "db.sqlite"), bundle);
    expect(problems).toEqual([expect.stringMatching(/looks binary \([\d,]+ of its first 4,096 bytes are not text\)/)]);
  });

  it.each(["main", "worker"] as const)(
    "lines over 4 MiB: one problem per file, with the first line, the count and the bytes left out (%s thread)",
    async (parseThread) => {
      const root = tempDir();
      const bundle = join(root, "b");
      const long = (bytes: number): string => `Nov 20 16:31:05 nodeA1 app: ${"x".repeat(bytes)}`;
      const limit = 4 * 1024 * 1024;
      const one = write(bundle, "nodeA1/var/adm/syslog/syslog.log", `${syslogLines[0]}\n${long(limit + 100)}\n${syslogLines[1]}\n`);
      const several = write(
        bundle,
        "nodeA2/var/adm/syslog/syslog.log",
        `${syslogLines[0]}\n${syslogLines[1]}\n${long(limit + 10)}\n${long(limit + 20)}\n${syslogLines[2]}\n`,
      );
      const { problems, readings } = await analyze(join(root, `${parseThread}.db`), bundle, parseThread);
      const prefix = "Nov 20 16:31:05 nodeA1 app: ".length;
      expect(problems).toEqual([
        `${one}:2: a line longer than 4 MiB was cut: its last ${(prefix + 100).toLocaleString("en-US")} bytes were not stored`,
        `${several}: 2 lines longer than 4 MiB were cut, the first at line 3: ${(2 * prefix + 30).toLocaleString("en-US")} bytes were not stored (${(prefix + 10).toLocaleString("en-US")} bytes of the first)`,
      ]);
      // It does not make the bundle UNKNOWN by itself.
      expect(readabilityVerdict(readings[0])).toBeNull();
    },
  );

  it("a log that could not be read at all leaves its bundle UNKNOWN, naming it; a configuration file does not", async () => {
    const root = tempDir();
    const bundle = join(root, "b");
    write(bundle, "nodeA1/var/adm/syslog/syslog.log", `${syslogLines.join("\n")}\n`);
    // A configuration file that is a link loop is said, and is no log.
    const config = join(bundle, "nodeA1/etc/cmcluster/pkg/pkg.conf");
    mkdirSync(dirname(config), { recursive: true });
    symlinkSync(config, config);
    const configOnly = await analyze(join(root, "config.db"), bundle);
    expect(configOnly.problems).toEqual([`cannot read ${config}: a symbolic link loop`]);
    expect(configOnly.readings.map(readabilityVerdict)).toEqual([null]);
    const archive = write(bundle, "nodeA1/var/adm/syslog/OLDsyslog.log.gz", "not gzip");
    const { problems, readings } = await analyze(join(root, "db.sqlite"), bundle);
    expect(problems).toEqual([`cannot read ${config}: a symbolic link loop`, expect.stringContaining(`cannot read ${archive}: not a valid gzip archive`)]);
    expect(readings[0].unreadableFiles).toEqual([{ path: archive, why: "not a valid gzip archive" }]);
    expect(readabilityVerdict(readings[0])).toBe("files-unreadable");
  });
});
