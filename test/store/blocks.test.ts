import { describe, expect, it } from "vitest";
import { addSyslogFile } from "../helpers/store-files.js";
import Database from "better-sqlite3";
import { join } from "node:path";
import { openDatabase } from "../../src/store/db.js";
import { Store, type LineToStore } from "../../src/store/store.js";
import { blockReader } from "../../src/store/blocks.js";
import { BLOCK_TARGET_BYTES, lineIdOf, packColumns, unpackColumns, type BlockLine } from "../../src/store/block-codec.js";
import { windowLines } from "../../src/store/report.js";
import { inputTotals } from "../../src/store/read.js";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const HOSTS = ["nodeA1", "nodeA2", "nodeB1", "nodeB2"];
const START = Date.UTC(2026, 10, 16, 0, 0, 0);

/** Line `n` (1-based) of a generated syslog: one every 2 seconds, hosts in turn, every 7th line an event. */
function lineAt(n: number): LineToStore {
  const ts = START + (n - 1) * 2000;
  const host = HOSTS[n % HOSTS.length];
  const stamp = new Date(ts).toISOString();
  return {
    lineNo: n,
    ts,
    host,
    program: n % 3 === 0 ? "cmcld" : "sshd",
    package: n % 5 === 0 ? "oracle_pkg" : null,
    format: n % 11 === 0 ? "unknown" : "syslog",
    text: `${stamp} ${host} line ${n} ${"x".repeat(n % 90)}`,
    events: n % 7 === 0 ? [{ kind: "test.event", fields: { n } }] : [],
  };
}

function storeLines(store: Store, fileId: number, from: number, to: number): void {
  const lines: LineToStore[] = [];
  for (let n = from; n <= to; n++) lines.push(lineAt(n));
  store.appendLines(fileId, lines, { offset: to * 100, lineCount: to, pending: null });
}

function newFile(store: Store, bundle: string, name: string): number {
  return addSyslogFile(store, bundle, name);
}

describe("blocks", () => {
  it("pack and unpack a block's columns: times (none, whole seconds, ms), names, runs", () => {
    const lines: BlockLine[] = [
      { text: "a", ts: null, host: null, program: null, package: null, format: "config", eventCount: 0 },
      { text: "b", ts: START, host: "nodeA1", program: "cmcld", package: "oracle_pkg", format: "syslog", eventCount: 2 },
      { text: "c", ts: START, host: "nodeA1", program: "cmcld", package: "oracle_pkg", format: "syslog", eventCount: 2 },
      { text: "d", ts: START - 1234, host: "nødeB1", program: null, package: null, format: "unknown", eventCount: 0 },
      { text: "e", ts: START + 86_400_000, host: "nodeA1", program: "sshd", package: null, format: "syslog", eventCount: 300 },
    ];
    const columns = unpackColumns(packColumns(lines));
    expect(columns.count).toBe(5);
    expect(columns.ts).toEqual(lines.map((line) => line.ts));
    expect(columns.host).toEqual(lines.map((line) => line.host));
    expect(columns.program).toEqual(lines.map((line) => line.program));
    expect(columns.package).toEqual(lines.map((line) => line.package));
    expect(columns.format).toEqual(lines.map((line) => line.format));
    expect(columns.eventCount).toEqual(lines.map((line) => line.eventCount));
  });

  it("a file appended to a line at a time (watch) and in batches (analyze) reads back the same, its last block rewritten until full", () => {
    const directory = tempDir();
    const store = new Store(openDatabase(join(directory, "b.db")));
    try {
      const batched = newFile(store, directory, "batched.log");
      const oneByOne = newFile(store, directory, "one-by-one.log");
      storeLines(store, batched, 1, 1500);
      storeLines(store, batched, 1501, 3000);
      for (let n = 1; n <= 3000; n++) storeLines(store, oneByOne, n, n);
      const blocks = store.database.prepare("SELECT file_id, first_line, line_count, codec, text_bytes FROM block ORDER BY file_id, first_line").all() as {
        file_id: number;
        first_line: number;
        line_count: number;
        codec: string;
        text_bytes: number;
      }[];
      for (const file of [batched, oneByOne]) {
        const own = blocks.filter((block) => block.file_id === file);
        expect(own.length).toBeGreaterThan(2);
        // Consecutive, each full but the last, which stays uncompressed while lines may still join it.
        let next = 1;
        for (const [index, block] of own.entries()) {
          expect(block.first_line).toBe(next);
          next += block.line_count;
          const last = index === own.length - 1;
          expect(block.codec).toBe(last ? "none" : "deflate");
          if (!last) expect(block.text_bytes).toBeGreaterThanOrEqual(BLOCK_TARGET_BYTES - 200);
        }
        expect(next).toBe(3001);
      }
      store.compressLastBlock(batched);
      expect(store.database.prepare("SELECT codec FROM block WHERE file_id = ? ORDER BY first_line DESC LIMIT 1").pluck().get(batched)).toBe("deflate");
      storeLines(store, batched, 3001, 3001); // a saved file that grew: its last block opens again
      const read = (file: number) =>
        store.database
          .prepare("SELECT line_no, ts, host, program, package, format, event_count, text, line_id FROM log_lines WHERE file = ? ORDER BY line_no")
          .all(join(directory, file === batched ? "batched.log" : "one-by-one.log"));
      const expected = Array.from({ length: 3001 }, (_, index) => {
        const line = lineAt(index + 1);
        return {
          line_no: line.lineNo,
          ts: new Date(line.ts as number).toISOString().slice(0, 19),
          host: line.host,
          program: line.program,
          package: line.package,
          format: line.format,
          event_count: line.events.length,
          text: line.text,
          line_id: lineIdOf(batched, line.lineNo),
        };
      });
      expect(read(batched)).toEqual(expected);
      expect(read(oneByOne)).toEqual(expected.slice(0, 3000).map((line) => ({ ...line, line_id: lineIdOf(oneByOne, line.line_no) })));
      // Totals kept per file as lines were stored.
      expect(inputTotals(store.database, [batched])).toEqual({
        files: 1,
        lines: 3001,
        events: expected.filter((line) => line.event_count > 0).length,
        unparsed: expected.filter((line) => line.format === "unknown").length,
        unread: 0,
      });
      expect(store.lastTimeOfBundle(directory)).toBe(lineAt(3001).ts);
    } finally {
      store.close();
    }
  });

  it("a batch that fails is rolled back whole, and the next one continues the last block as stored", () => {
    const directory = tempDir();
    const store = new Store(openDatabase(join(directory, "b.db")));
    try {
      const file = newFile(store, directory, "f.log");
      storeLines(store, file, 1, 10);
      const broken = { ...lineAt(11), events: [{ kind: "test.event", fields: { big: 1n as unknown as number } }] };
      expect(() => store.appendLines(file, [broken], { offset: 1100, lineCount: 11, pending: null })).toThrow();
      storeLines(store, file, 11, 12);
      expect(store.database.prepare("SELECT line_no FROM log_lines ORDER BY line_no").pluck().all()).toEqual(
        Array.from({ length: 12 }, (_, index) => index + 1),
      );
      // The open block's cached lines and joined text were extended by the failed append: none of it may remain.
      expect(store.database.prepare("SELECT text FROM log_lines ORDER BY line_no").pluck().all()).toEqual(
        Array.from({ length: 12 }, (_, index) => lineAt(index + 1).text),
      );
      expect(store.fileById(file)?.lineCount).toBe(12);
    } finally {
      store.close();
    }
  });

  it("lines appended one at a time (watch) are stored as the same blocks as one batch of them, across block boundaries and in any script", () => {
    const directory = tempDir();
    const oneByOne = new Store(openDatabase(join(directory, "one.db")));
    const batch = new Store(openDatabase(join(directory, "batch.db")));
    try {
      const scripts = ["", " été", " 東京", " 😀 ok", " \u{10FFFF}"];
      const lines = Array.from({ length: 1500 }, (_, index) => {
        const line = lineAt(index + 1);
        // Line 701 is longer than a block: the joined text kept for the next append grows past its first buffer.
        return { ...line, text: `${line.text}${scripts[index % scripts.length]}${index === 700 ? "y".repeat(90_000) : ""}` };
      });
      const single = newFile(oneByOne, directory, "f.log");
      for (const line of lines) oneByOne.appendLines(single, [line], { offset: line.lineNo * 100, lineCount: line.lineNo, pending: null });
      const whole = newFile(batch, directory, "f.log");
      batch.appendLines(whole, lines, { offset: 150_000, lineCount: 1500, pending: null });
      const stored = (store: Store): unknown => ({
        blocks: store.database.prepare("SELECT first_line, line_count, codec, text_bytes FROM block ORDER BY first_line").all(),
        lines: store.database.prepare("SELECT line_no, ts, host, program, text FROM log_lines ORDER BY line_no").all(),
      });
      const expected = stored(batch) as { blocks: unknown[]; lines: { text: string }[] };
      expect(expected.blocks.length).toBeGreaterThan(1);
      expect(expected.lines.map((line) => line.text)).toEqual(lines.map((line) => line.text));
      expect(stored(oneByOne)).toEqual(expected);
    } finally {
      oneByOne.close();
      batch.close();
    }
  });

  it("in a commit group, a batch that fails is rolled back alone; the others commit with their checkpoints when the group does", () => {
    const directory = tempDir();
    const path = join(directory, "b.db");
    const store = new Store(openDatabase(path));
    const reader = new Database(path, { readonly: true });
    try {
      const lineCount = (): unknown => reader.prepare("SELECT coalesce(sum(line_count), 0) FROM file").pluck().get();
      store.beginGroup();
      const first = newFile(store, directory, "a.log");
      storeLines(store, first, 1, 10);
      const second = newFile(store, directory, "b.log");
      const broken = { ...lineAt(1), events: [{ kind: "test.event", fields: { big: 1n as unknown as number } }] };
      expect(() => store.appendLines(second, [broken], { offset: 100, lineCount: 1, pending: null })).toThrow();
      storeLines(store, second, 1, 3);
      expect(lineCount()).toBe(0);
      store.commitGroup();
      expect(lineCount()).toBe(13);
      expect([store.fileById(first)?.lineCount, store.fileById(second)?.offset]).toEqual([10, 300]);
      expect(reader.prepare("SELECT count(*) FROM event").pluck().get()).toBe(1);
      store.commitGroup(); // none open: nothing to do
    } finally {
      reader.close();
      store.close();
    }
  });

  it("log_lines answers constraints on file, bundle, time and line as a table would, and reads only the blocks of the file asked for", () => {
    const directory = tempDir();
    const path = join(directory, "b.db");
    const store = new Store(openDatabase(path));
    const first = newFile(store, join(directory, "one"), "syslog.log");
    const second = newFile(store, join(directory, "two"), "syslog.log");
    storeLines(store, first, 1, 4000);
    storeLines(store, second, 1, 2000);
    store.close();

    const database = openDatabase(path, { readonly: true });
    try {
      type Row = { file: string; line_no: number; ts: string; host: string; bundle: string };
      const all = database.prepare("SELECT file, line_no, ts, host, bundle FROM log_lines").all() as Row[];
      expect(all).toHaveLength(6000);
      const where = (test: (row: Row) => boolean) => all.filter(test).sort((a, b) => a.file.localeCompare(b.file) || a.line_no - b.line_no);
      const ask = (sql: string, ...parameters: unknown[]) =>
        database.prepare(`SELECT file, line_no, ts, host, bundle FROM log_lines WHERE ${sql} ORDER BY file, line_no`).all(...parameters);
      const secondPath = join(directory, "two", "syslog.log");
      expect(ask("file = ?", secondPath)).toEqual(where((row) => row.file === secondPath));
      expect(ask("bundle = ?", join(directory, "one"))).toEqual(where((row) => row.bundle === join(directory, "one")));
      expect(ask("ts >= ? AND ts < ?", "2026-11-16T01:00:00", "2026-11-16T02:00:00")).toEqual(
        where((row) => row.ts >= "2026-11-16T01:00:00" && row.ts < "2026-11-16T02:00:00"),
      );
      expect(ask("line_no BETWEEN 1000 AND 1010 AND host = 'nodeB1'")).toEqual(
        where((row) => row.line_no >= 1000 && row.line_no <= 1010 && row.host === "nodeB1"),
      );
      expect(database.prepare("SELECT line_no FROM log_lines WHERE file = ? ORDER BY ts DESC LIMIT 3").pluck().all(secondPath)).toEqual([2000, 1999, 1998]);
      // The file constraint reaches the block index: only that file's blocks are decoded.
      const plan = (database.prepare("EXPLAIN QUERY PLAN SELECT text FROM log_lines WHERE file = ?").all(secondPath) as { detail: string }[])
        .map((row) => row.detail)
        .join("\n");
      expect(plan).toMatch(/SEARCH b USING INDEX block_file_line/);
      // The store's readers push a time window down to the block time index.
      const reader = blockReader(database);
      const hour = { since: Date.UTC(2026, 10, 16, 1), until: Date.UTC(2026, 10, 16, 2) };
      const touched = reader.blocks(hour);
      expect(touched.length).toBeLessThan(reader.blocks().length / 2);
      expect(windowLines(database, [join(directory, "one"), join(directory, "two")], hour.since, hour.until).lines).toBe(
        where((row) => row.ts >= "2026-11-16T01:00:00" && row.ts < "2026-11-16T02:00:00").length,
      );
    } finally {
      database.close();
    }
  });

  it("a plain SQLite connection (the sqlite3 shell) cannot read log_lines' text, but events and findings are plain views", () => {
    const directory = tempDir();
    const path = join(directory, "b.db");
    const store = new Store(openDatabase(path));
    storeLines(store, newFile(store, directory, "f.log"), 1, 20);
    store.close();
    const plain = new Database(path, { readonly: true });
    try {
      expect(() => plain.prepare("SELECT text FROM log_lines").all()).toThrow(/no such table: main.block_lines/);
      expect(plain.prepare("SELECT count(*) FROM events").pluck().get()).toBe(2);
      expect(plain.prepare("SELECT raw FROM events ORDER BY id").pluck().all()).toEqual([lineAt(7).text, lineAt(14).text]);
    } finally {
      plain.close();
    }
    const result = runMcadvisor(["query", "--db", path, "--format", "json", "SELECT count(*) AS n FROM log_lines"]);
    expect(JSON.parse(result.stdout)).toEqual([{ n: 20 }]);
  });
});
