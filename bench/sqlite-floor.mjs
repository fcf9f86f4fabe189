// The floor under `analyze`'s store stage: the same lines inserted with better-sqlite3 into a table with
// one text column, in one transaction, WAL as the store opens it; then the same with an external-content
// FTS5 index filled the way Store.appendLines fills it. No parsing, no other columns, no indexes.
// Usage: node bench/sqlite-floor.mjs FILE   (prints JSON)
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

export function sqliteFloor(path) {
  const lines = readFileSync(path, "utf8").split("\n");
  if (lines.at(-1) === "") lines.pop();
  const folder = mkdtempSync(join(tmpdir(), "mcadvisor-floor-"));
  try {
    const run = (withFts) => {
      const file = join(folder, `floor-${withFts ? "fts" : "plain"}.db`);
      const database = new Database(file);
      database.pragma("journal_mode = WAL");
      database.pragma("synchronous = NORMAL");
      database.exec("CREATE TABLE line (id INTEGER PRIMARY KEY, text TEXT NOT NULL)");
      if (withFts) database.exec("CREATE VIRTUAL TABLE line_fts USING fts5(text, content='line', content_rowid='id')");
      const insert = database.prepare("INSERT INTO line (text) VALUES (?)");
      const index = withFts && database.prepare("INSERT INTO line_fts (rowid, text) SELECT id, text FROM line WHERE id > ? AND id <= ?");
      const started = performance.now();
      // One transaction, the FTS index filled every 5000 lines as Store.appendLines does per batch.
      database.transaction(() => {
        for (let first = 0; first < lines.length; first += 5000) {
          const last = Math.min(lines.length, first + 5000);
          for (let row = first; row < last; row++) insert.run(lines[row]);
          if (index) index.run(first, last);
        }
      })();
      const elapsed = performance.now() - started;
      database.close();
      return { ms: Math.round(elapsed), bytes: statSync(file).size };
    };
    const plain = run(false);
    const fts = run(true);
    return { lines: lines.length, plainMs: plain.ms, plainBytes: plain.bytes, ftsMs: fts.ms, ftsBytes: fts.bytes };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith("sqlite-floor.mjs")) console.log(JSON.stringify(sqliteFloor(process.argv[2])));
