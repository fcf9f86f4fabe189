import { appendFileSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";

describe("resuming a file that grew", () => {
  it("places the new step lines in the year of the banner read before, not the file's mtime year", async () => {
    const root = tempDir();
    const folder = join(root, "nodeA1", "etc", "cmcluster", "pkgA");
    mkdirSync(folder, { recursive: true });
    const log = join(folder, "pkgA.log");
    writeFileSync(
      log,
      [
        "",
        '\t########### Node "nodeA1": Starting package at Thu Dec 31 23:59:50 EST 2020 ###########',
        'Dec 31 23:59:55 - Node "nodeA1": Activating volume group vgA with exclusive option.',
        "",
      ].join("\n"),
    );
    // The copy was taken years later: mtime alone would place year-less lines in 2026.
    const later = new Date("2026-06-01T00:00:00Z");
    utimesSync(log, later, later);
    const rules = loadRules([]).rules;
    const store = new Store(openDatabase(join(root, "m.db")));
    await analyzePaths(store, { paths: [root], timeZone: "UTC", rules });
    appendFileSync(log, 'Dec 31 23:59:58 - Node "nodeA1": Mounting /dev/vgA/lvol1 at /data\n');
    utimesSync(log, later, later);
    await analyzePaths(store, { paths: [root], timeZone: "UTC", rules });

    const rows = store.database.prepare("SELECT line_no, ts FROM log_lines WHERE ts IS NOT NULL ORDER BY line_no").all() as { line_no: number; ts: string }[];
    expect(rows.map((row) => new Date(`${row.ts}Z`).getUTCFullYear())).toEqual([2020, 2020, 2020]);
    store.database.close();
  });
});
