/**
What analyze says about a log it read all the same: a file that looks binary (a problem naming it, and its bundle
cannot be called OK, on every run); and a log it could not read at all, which leaves its bundle UNKNOWN.
*/
import { randomBytes } from "node:crypto";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { readabilityVerdict } from "../../src/model/readability.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";

const rules = loadRules([]).rules;

const syslogLines = [
  "Nov 20 16:31:00 nodeA1 cmcld[2048]: The new active cluster membership is: nodeA1(id=1), nodeA2(id=2)",
  "Nov 20 16:31:02 nodeA1 cmcld[2048]: Request from node nodeA1 to start package oracle_pkg on node nodeA1.",
  "Nov 20 16:31:09 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.",
];

function write(root: string, relative: string, content: string | Buffer): string {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function analyze(database: string, bundle: string) {
  const store = new Store(openDatabase(database));
  try {
    const result = await analyzePaths(store, { paths: [bundle], rules, timeZone: "UTC", fixedYear: 2026 });
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
