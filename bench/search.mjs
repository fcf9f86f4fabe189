// Searching and reading back a database analyze wrote (the 1M-line one of `npm run bench`), in-process on the
// built modules, each figure the median of a few runs:
//   - the Logs view's search (seekLogLine from the first line: the first match, and a word no line holds,
//     which visits every line) and query's log_search (every match), before the search index exists (the
//     blocks are scanned) and after it is built; the build itself and the index's size;
//   - a one-hour window: the report's count of the window's lines (store API: the block time index) and the
//     same question in SQL through log_lines (every block decoded: better-sqlite3's virtual tables receive
//     no range constraints; docs/decisions.md);
//   - the lines of one file through log_lines (the file constraint reaches the block index).
// Usage: node bench/search.mjs DB   (prints JSON; removes DB.search before it starts)
import { rmSync, statSync } from "node:fs";
import { resolve } from "node:path";

const dist = new URL("../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { openDatabase } = await load("store/db.js");
const { seekLogLine } = await load("store/logs.js");
const { buildSearchIndex, searchIndexPath } = await load("store/search.js");
const { windowLines } = await load("store/report.js");

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const round = (ms) => Math.round(ms * 100) / 100;

/**
Median wall time of `runs` calls of `task` on one connection, and the first call's (nothing decoded yet).
The connection is opened before the clock starts, as the TUI and query hold theirs.
*/
function timed(path, runs, task) {
  const database = openDatabase(path, { readonly: true });
  try {
    const times = [];
    let result;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const value = task(database);
      times.push(performance.now() - started);
      if (run === 0) result = value;
    }
    return { ms: round(median(times)), firstMs: round(times[0]), runs, result };
  } finally {
    database.close();
  }
}

export function measureSearch(path, { runs = 5 } = {}) {
  const indexPath = searchIndexPath(path);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${indexPath}${suffix}`, { force: true });
  const withDatabase = (task) => {
    const database = openDatabase(path, { readonly: true });
    try {
      return task(database);
    } finally {
      database.close();
    }
  };
  const words = { rare: "wap000039161", absent: "zebrafish" };
  const seek = (word) => timed(path, runs, (database) => seekLogLine(database, {}, { from: undefined, direction: "forward", search: word })?.lineNo ?? null);
  const sql = (word) => timed(path, runs, (database) => database.prepare("SELECT count(*) FROM log_search(?)").pluck().get(word));
  const searches = () => ({
    tuiFirstMatch: { word: words.rare, ...seek(words.rare) },
    tuiNoMatch: { word: words.absent, ...seek(words.absent) },
    queryAllMatches: { word: words.rare, ...sql(words.rare) },
    queryNoMatch: { word: words.absent, ...sql(words.absent) },
  });
  const before = searches();
  const build = withDatabase((database) => {
    const started = performance.now();
    buildSearchIndex(database);
    return { ms: round(performance.now() - started) };
  });
  build.indexBytes = ["", "-wal"].reduce((sum, suffix) => {
    try {
      return sum + statSync(`${indexPath}${suffix}`).size;
    } catch {
      return sum;
    }
  }, 0);
  const after = searches();

  const span = withDatabase((database) =>
    database
      .prepare(
        "SELECT min(ts_min) AS first, max(ts_max) AS last, (SELECT bundle FROM file LIMIT 1) AS bundle, (SELECT path FROM file LIMIT 1) AS file FROM block",
      )
      .get(),
  );
  // An hour in the middle of the data.
  const since = Math.floor((span.first + (span.last - span.first) / 2) / 3_600_000) * 3_600_000;
  const until = since + 3_600_000;
  const iso = (ms) => new Date(ms).toISOString().slice(0, 19);
  const hour = {
    since: iso(since),
    storeApi: timed(path, runs, (database) => windowLines(database, [span.bundle], since, until).lines),
    sql: timed(path, Math.min(runs, 3), (database) =>
      database.prepare("SELECT count(*) FROM log_lines WHERE ts >= ? AND ts < ?").pluck().get(iso(since), iso(until)),
    ),
  };
  const oneFile = timed(path, Math.min(runs, 3), (database) => database.prepare("SELECT count(*) FROM log_lines WHERE file = ?").pluck().get(span.file));
  const everyLine = timed(path, Math.min(runs, 3), (database) => database.prepare("SELECT count(*) FROM log_lines").pluck().get());
  return { database: path, before, build, after, hour, oneFile, everyLine };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: node bench/search.mjs DB");
    process.exit(2);
  }
  console.log(JSON.stringify(measureSearch(resolve(path)), null, 2));
}
