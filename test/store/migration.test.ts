import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { inputTotals, listFindings } from "../../src/store/read.js";
import { seekLogLine } from "../../src/store/logs.js";
import { lineIdOf } from "../../src/store/block-codec.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { loadRules } from "../../src/catalogue/load.js";
import { schemaVersion } from "../../src/store/schema.js";
import { StoreError } from "../../src/errors.js";
import { tempDir } from "../helpers/temp.js";

/*
test/fixtures/store/schema4-two-samples.db.gz is a database written by the code at main 0753152 (schema 4:
a row per line, FTS5 in the main database), by
  mcadvisor analyze --db v4.db --tz UTC samples/site-failover-svol-takeover samples/links-fence-never-primary-restart
run from a checkout of that commit at /tmp/h6/main (so its bundles are /tmp/h6/main/samples/...), then VACUUMed.
*/
function schema4Database(): string {
  const path = join(tempDir(), "v4.db");
  writeFileSync(path, gunzipSync(readFileSync("test/fixtures/store/schema4-two-samples.db.gz")));
  return path;
}

type Row = Record<string, unknown>;

/** What the old database shows through its views, read with plain SQLite before it is upgraded. */
function before(path: string) {
  const database = new Database(path, { readonly: true });
  try {
    return {
      version: database.pragma("user_version", { simple: true }) as number,
      lines: database
        .prepare("SELECT file, line_no, ts, host, program, package, format, event_count, text, bundle FROM log_lines ORDER BY file, line_no")
        .all() as Row[],
      lineIds: database.prepare("SELECT f.id AS file_id, l.line_no FROM line l JOIN file f ON f.id = l.file_id ORDER BY f.path, l.line_no").all() as {
        file_id: number;
        line_no: number;
      }[],
      events: database.prepare("SELECT * FROM events ORDER BY id").all() as Row[],
      findings: database.prepare("SELECT * FROM findings ORDER BY id").all() as Row[],
      perFile: database
        .prepare(
          `SELECT f.id, (SELECT count(*) FROM line l WHERE l.file_id = f.id) AS lines,
                (SELECT count(*) FROM line l WHERE l.file_id = f.id AND l.format = 'unknown') AS unparsed,
                (SELECT count(*) FROM event e WHERE e.file_id = f.id) AS events FROM file f ORDER BY f.id`,
        )
        .all() as { id: number; lines: number; unparsed: number; events: number }[],
      matches: database.prepare("SELECT count(*) FROM line_fts WHERE line_fts MATCH '\"horctakeover\"'").pluck().get() as number,
    };
  } finally {
    database.close();
  }
}

describe("migration 6: a row per line into blocks", () => {
  it("upgrades a database the previous layout wrote: every line, event and finding reads as before", () => {
    const path = schema4Database();
    const old = before(path);
    expect(old.version).toBe(4);
    expect(old.lines.length).toBeGreaterThan(2000);

    const database = openDatabase(path);
    try {
      expect(database.pragma("user_version", { simple: true })).toBe(schemaVersion);
      const tables = database.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
      expect(tables).not.toContain("line");
      expect(tables).not.toContain("line_fts");
      expect(database.prepare("SELECT count(*) FROM block").pluck().get()).toBeGreaterThan(0);

      const lines = database
        .prepare("SELECT file, line_no, ts, host, program, package, format, event_count, text, bundle, line_id FROM log_lines ORDER BY file, line_no")
        .all() as Row[];
      expect(lines.map(({ line_id: _id, ...rest }) => rest)).toEqual(old.lines);
      // line_id is now the file and line number, the same for the line whatever block holds it.
      expect(lines.map((line) => line.line_id)).toEqual(old.lineIds.map((line) => lineIdOf(line.file_id, line.line_no)));
      expect(database.prepare("SELECT * FROM events ORDER BY id").all()).toEqual(old.events);
      // Migration 5 (site_info) adds a last column to findings, empty for findings stored before it.
      // Migration 9 (superseded_by) adds another, and migration 13 (cluster) a third, empty for findings stored before them.
      expect(database.prepare("SELECT * FROM findings ORDER BY id").all()).toEqual(
        old.findings.map((finding) => ({ ...finding, site_info: null, superseded_by: null, cluster: null })),
      );
      // Totals are kept per file now; they equal what counting the old rows gave.
      for (const file of old.perFile) {
        expect(inputTotals(database, [file.id])).toEqual({ files: 1, lines: file.lines, events: file.events, unparsed: file.unparsed, unread: 0 });
      }
      // Search (the index is gone from the main database; the blocks are scanned until a sidecar exists).
      const found: unknown[] = [];
      let from: { ts: number | null; id: number } | undefined;
      for (;;) {
        const line = seekLogLine(database, { configuration: true }, { from, direction: "forward", search: "horctakeover" });
        if (!line) break;
        found.push(line.id);
        from = line;
      }
      expect(found).toHaveLength(old.matches);
    } finally {
      database.close();
    }
  });

  it("a reader (query, tui, report) does not upgrade: it says which command does", () => {
    const path = schema4Database();
    let error: unknown;
    try {
      openDatabase(path, { readonly: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/older mcadvisor \(schema 4/);
    expect((error as StoreError).hint).toMatch(/analyze|watch/);
  });

  it("after the upgrade, the same incidents analysed from another folder are recognised: nothing is stored twice", async () => {
    const path = schema4Database();
    const old = before(path);
    const store = new Store(openDatabase(path));
    try {
      const rules = loadRules([]).rules;
      const result = await analyzePaths(store, {
        paths: ["samples/site-failover-svol-takeover", "samples/links-fence-never-primary-restart"],
        timeZone: "UTC",
        rules,
      });
      expect(result.newLines).toBe(0);
      expect(result.movedBundles.map((moved) => moved.from).sort()).toEqual([
        "/tmp/h6/main/samples/links-fence-never-primary-restart",
        "/tmp/h6/main/samples/site-failover-svol-takeover",
      ]);
      expect(inputTotals(store.database).lines).toBe(old.lines.length);
      // The same findings (one each, none twice); their statuses are the current rules' (the fixture's are older ones').
      expect(
        listFindings(store.database)
          .map((finding) => finding.rule)
          .sort(),
      ).toEqual(old.findings.map((finding) => finding.rule).sort());
    } finally {
      store.close();
    }
  });
});
