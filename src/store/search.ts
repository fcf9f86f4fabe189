/**
Full-text search over stored lines, kept off the ingest path (docs/decisions.md "Search off the ingest
path"). What a search means is defined once, here, as a matcher on a line's text with FTS5's unicode61
rules (letters, digits and private-use characters make words; case and Latin diacritics do not count;
each typed term is a phrase of its words, all terms are required, a trailing `*` makes a prefix). The
block scan runs that matcher over decoded blocks; the search index only narrows which lines it has to
look at, so a search gives the same lines with or without the index.

The index is a contentless FTS5 table in a sidecar database beside the main one (`<db>.search`): it
holds no text (the blocks do), only which line ids hold which words (detail=none: 26 MiB per million
lines instead of 65 with positions). It is built after the findings are printed, at the first search,
and kept current incrementally: per file, it records how many lines it covers, and lines beyond that
(new since) are scanned. It is a cache: a sidecar that is missing, damaged or belongs to another
database is rebuilt, never trusted.
*/
import { Database, type SqliteDatabase } from "./sqlite.js";
import { createPrivateFile } from "./private-file.js";
import { existsSync, rmSync } from "node:fs";
import { fileIdOfLine, lineIdOf, lineNoOfLine } from "./block-codec.js";
import { blockReader, isoOf, mergedLines, type BlockRef, type DecodedBlock, type StoredLine } from "./blocks.js";

type Connection = SqliteDatabase;

// FTS5 unicode61's word characters (its default categories "L* N* Co").
const WORD = "\\p{L}\\p{N}\\p{Co}";
const NOT_WORD = new RegExp(`[^${WORD}]+`, "u");
const NON_ASCII = /[^\x00-\x7f]/;

/** Latin diacritics removed (unicode61 remove_diacritics), for text that is not plain ASCII. */
function fold(text: string): string {
  return NON_ASCII.test(text) ? text.normalize("NFD").replace(/\p{Mn}/gu, "") : text;
}

/** The words of a text as the index holds them. */
export function wordsOf(text: string): string[] {
  return fold(text)
    .toLowerCase()
    .split(NOT_WORD)
    .filter((word) => word !== "");
}

/** One typed term: its words, in order, the last one a prefix when the term ended with `*`. */
export interface SearchTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/**
The terms of what a user typed: split on white space, each taken as plain words (quotes, `-`, `:`,
parentheses and FTS keywords mean nothing). Terms without a word are left out; null when none is left.
*/
export function searchTerms(input: string): SearchTerm[] | null {
  const terms: SearchTerm[] = [];
  for (const raw of input.split(/\s+/)) {
    if (raw === "") continue;
    const prefix = raw.length > 1 && raw.endsWith("*");
    const words = wordsOf(prefix ? raw.slice(0, -1) : raw);
    if (words.length > 0) terms.push({ words, prefix });
  }
  return terms.length > 0 ? terms : null;
}

/**
Tests a line's text; `mayMatch` rejects a whole block's text at once (most blocks, for a rare word).
`ascii`: the text is known to be plain ASCII, so Unicode folding is skipped (most logs).
*/
export interface TextMatcher {
  test(text: string, ascii?: boolean): boolean;
  mayMatch(blockText: string, ascii?: boolean): boolean;
  /** The FTS5 query (on the contentless index) whose rows include every line `test` accepts. */
  readonly indexQuery: string;
}

function termPattern(term: SearchTerm): string {
  // Between the words of a phrase: anything but word characters, within one line.
  const phrase = term.words.join(`[^${WORD}\\n]+`);
  return `(?<![${WORD}])${phrase}${term.prefix ? "" : `(?![${WORD}])`}`;
}

function regexMatcher(patterns: readonly RegExp[], indexQuery: string, every: boolean): TextMatcher {
  const test = (text: string, ascii = false): boolean => {
    const folded = ascii ? text : fold(text);
    return every ? patterns.every((pattern) => pattern.test(folded)) : patterns.some((pattern) => pattern.test(folded));
  };
  return { test, mayMatch: test, indexQuery };
}

const quoted = (word: string, prefix: boolean): string => `"${word}"${prefix ? "*" : ""}`;

/** What a search for the user's input matches; null when it holds no word. */
export function searchMatcher(input: string): TextMatcher | null {
  const terms = searchTerms(input);
  if (!terms) return null;
  // The index has no positions (detail=none): it is asked for lines holding every word, the phrase is checked on the text.
  const indexQuery = terms.flatMap((term) => term.words.map((word, index) => quoted(word, term.prefix && index === term.words.length - 1))).join(" ");
  return regexMatcher(
    terms.map((term) => new RegExp(termPattern(term), "iu")),
    indexQuery,
    true,
  );
}

/** Lines holding any of these single words (`error*` as a prefix): the Logs view's error and warning levels. */
export function anyWordMatcher(words: readonly string[]): TextMatcher {
  const terms = words.map((word) => (word.endsWith("*") ? { words: [word.slice(0, -1)], prefix: true } : { words: [word], prefix: false }));
  const pattern = new RegExp(terms.map(termPattern).join("|"), "iu");
  return regexMatcher([pattern], terms.map((term) => quoted(term.words[0], term.prefix)).join(" OR "), false);
}

// ---- the sidecar index -----------------------------------------------------------------------------

/** Where the search index of a database lives. */
export const searchIndexPath = (databasePath: string): string => `${databasePath}.search`;

const SIDECAR_SCHEMA = `
  CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS indexed (file_id INTEGER PRIMARY KEY, line_count INTEGER NOT NULL);
  CREATE VIRTUAL TABLE IF NOT EXISTS line_fts USING fts5(text, content='', detail=none, columnsize=0);
`;
// Merge index segments 16 at a time, not 4: with one segment per build step, merging 4 at a time rewrote
// the index again and again (measured before blocks: -12 % of the store stage).
const FTS_AUTOMERGE = 16;
/** Lines indexed per sidecar transaction while building. */
const BUILD_STEP_LINES = 20_000;

function identityOf(main: Connection): string | null {
  try {
    return (main.prepare("SELECT value FROM store_meta WHERE key = 'identity'").pluck().get() as string | undefined) ?? null;
  } catch {
    // a database without the block layout (older schema) has nothing to index
    return null;
  }
}

function removeSidecar(path: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${path}${suffix}`, { force: true });
}

/**
Opens the sidecar of `main` for reading or building. A sidecar that does not open, is damaged, or belongs
to another database (the main one was replaced at the same path) is removed and begun again. Returns null
where there can be none (an in-memory database, a folder mcadvisor cannot write, `create` false and no file).
*/
function openSidecar(main: Connection, create: boolean): Connection | null {
  if (main.memory) return null;
  const identity = identityOf(main);
  if (identity === null) return null;
  const path = searchIndexPath(main.name);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (!create && !existsSync(path)) return null;
    let sidecar: Connection | null = null;
    try {
      createPrivateFile(path);
      sidecar = new Database(path);
      sidecar.pragma("busy_timeout = 5000");
      sidecar.pragma("journal_mode = WAL");
      // A cache: a power cut may cost it, never the main database (it is rebuilt when it does not check out).
      sidecar.pragma("synchronous = OFF");
      sidecar.exec(SIDECAR_SCHEMA);
      const stored = sidecar.prepare("SELECT value FROM search_meta WHERE key = 'identity'").pluck().get() as string | undefined;
      if (stored === undefined) {
        sidecar.prepare("INSERT INTO search_meta (key, value) VALUES ('identity', ?)").run(identity);
        sidecar.prepare(`INSERT INTO line_fts (line_fts, rank) VALUES ('automerge', ${FTS_AUTOMERGE})`).run();
      } else if (stored !== identity) {
        throw new Error("the search index belongs to another database");
      }
      return sidecar;
    } catch {
      // Damaged, foreign or unwritable: start again once; if that fails too, searches scan the blocks.
      sidecar?.close();
      try {
        removeSidecar(path);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Which lines the index covers: per file, its lines 1..n. */
type Coverage = ReadonlyMap<number, number>;

function coverageOf(sidecar: Connection): Map<number, number> {
  const rows = sidecar.prepare("SELECT file_id, line_count FROM indexed").all() as { file_id: number; line_count: number }[];
  return new Map(rows.map((row) => [row.file_id, row.line_count]));
}

/** Lines the index still lacks, per file (file id -> its stored line count, and how many are indexed). */
function missingOf(main: Connection, coverage: Coverage): Array<{ fileId: number; indexed: number; lines: number }> {
  const files = main.prepare("SELECT id, line_count FROM file ORDER BY id").all() as { id: number; line_count: number }[];
  return files.map((file) => ({ fileId: file.id, indexed: coverage.get(file.id) ?? 0, lines: file.line_count })).filter((file) => file.lines > file.indexed);
}

export interface SearchIndexState {
  /** The sidecar exists and belongs to this database. */
  readonly exists: boolean;
  /** Lines stored but not indexed yet (they are found by scanning). */
  readonly missingLines: number;
}

export function searchIndexState(main: Connection): SearchIndexState {
  const sidecar = openSidecar(main, false);
  if (!sidecar) return { exists: false, missingLines: main.prepare("SELECT coalesce(sum(line_count), 0) FROM file").pluck().get() as number };
  try {
    return { exists: true, missingLines: missingOf(main, coverageOf(sidecar)).reduce((sum, file) => sum + file.lines - file.indexed, 0) };
  } finally {
    sidecar.close();
  }
}

export interface BuildOptions {
  /** Stop after the first transaction that ends past this many ms (the rest is done by a later call). */
  readonly budgetMs?: number;
  /** Lines per transaction. */
  readonly stepLines?: number;
}

/**
Indexes the lines the index lacks, in transactions of about BUILD_STEP_LINES lines that move each file's
coverage with its rows (a build killed at any moment resumes where it stopped, without a line twice).
Returns true when the index is complete. Reads blocks through `main` (read-only is enough).
*/
export function buildSearchIndex(main: Connection, options: BuildOptions = {}): boolean {
  try {
    return buildSidecar(main, options);
  } catch (error) {
    // Damage found while building (SQLite says so when it reads a bad page): the index is begun again once.
    if (!isDamage(error) || main.memory) throw error;
    removeSidecar(searchIndexPath(main.name));
    return buildSidecar(main, options);
  }
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === "SQLITE_CORRUPT" || code === "SQLITE_NOTADB" || (typeof code === "string" && code.startsWith("SQLITE_CORRUPT"));
}

function buildSidecar(main: Connection, options: BuildOptions): boolean {
  const budgetMs = options.budgetMs ?? Infinity;
  const stepLines = options.stepLines ?? BUILD_STEP_LINES;
  const sidecar = openSidecar(main, true);
  if (!sidecar) return true;
  const reader = blockReader(main);
  const insert = sidecar.prepare("INSERT INTO line_fts (rowid, text) VALUES (?, ?)");
  const setCoverage = sidecar.prepare(
    "INSERT INTO indexed (file_id, line_count) VALUES (?, ?) ON CONFLICT(file_id) DO UPDATE SET line_count = excluded.line_count",
  );
  const started = performance.now();
  try {
    for (;;) {
      const done = sidecar
        .transaction((): boolean => {
          // Read inside the write transaction: another process building at the same time cannot make us index a line twice.
          const missing = missingOf(main, coverageOf(sidecar));
          if (missing.length === 0) return true;
          let lines = 0;
          for (const file of missing) {
            let next = file.indexed + 1;
            while (next <= file.lines && lines < stepLines) {
              const ref = reader.blockOfLine(file.fileId, next);
              if (!ref) break;
              const block = reader.decode(ref);
              const texts = block.texts();
              const last = Math.min(ref.firstLine + block.count - 1, file.lines);
              for (let lineNo = next; lineNo <= last; lineNo++) insert.run(lineIdOf(file.fileId, lineNo), texts[lineNo - ref.firstLine]);
              lines += last - next + 1;
              next = last + 1;
            }
            setCoverage.run(file.fileId, next - 1);
            if (lines >= stepLines) break;
          }
          return false;
        })
        .immediate();
      if (done) return true;
      if (performance.now() - started > budgetMs) return false;
    }
  } finally {
    sidecar.close();
  }
}

/** What the index says about a search: matching indexed lines per file, and how far each file is indexed. */
export interface IndexAnswer {
  readonly coverage: Coverage;
  readonly lines: ReadonlyMap<number, ReadonlySet<number>>;
}

/** The indexed lines the index query selects (a superset of the matches), or null when there is no usable index. */
export function askSearchIndex(main: Connection, matcher: TextMatcher): IndexAnswer | null {
  const sidecar = openSidecar(main, false);
  if (!sidecar) return null;
  try {
    const coverage = coverageOf(sidecar);
    const lines = new Map<number, Set<number>>();
    for (const id of sidecar.prepare("SELECT rowid FROM line_fts WHERE line_fts MATCH ?").pluck().iterate(matcher.indexQuery) as IterableIterator<number>) {
      const fileId = fileIdOfLine(id);
      let set = lines.get(fileId);
      if (!set) {
        set = new Set();
        lines.set(fileId, set);
      }
      set.add(lineNoOfLine(id));
    }
    return { coverage, lines };
  } catch {
    // A query the index cannot answer (or a sidecar damaged since it opened): the scan answers alone.
    return null;
  } finally {
    sidecar.close();
  }
}

/** The blocks that can hold a match: those with indexed candidates, or with lines the index does not cover yet. */
export function candidateBlocks(blocks: readonly BlockRef[], answer: IndexAnswer): BlockRef[] {
  const sorted = new Map<number, number[]>();
  for (const [fileId, set] of answer.lines)
    sorted.set(
      fileId,
      [...set].sort((left, right) => left - right),
    );
  return blocks.filter((ref) => {
    const last = ref.firstLine + ref.lineCount - 1;
    if (last > (answer.coverage.get(ref.fileId) ?? 0)) return true;
    const lines = sorted.get(ref.fileId);
    if (!lines) return false;
    // The first candidate at or after the block's first line.
    let low = 0;
    let high = lines.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (lines[middle] < ref.firstLine) low = middle + 1;
      else high = middle;
    }
    return low < lines.length && lines[low] <= last;
  });
}

/** Whether a line of a decoded block is among the index's candidates (or beyond what it covers). */
export function isCandidate(answer: IndexAnswer, block: DecodedBlock, index: number): boolean {
  const lineNo = block.ref.firstLine + index;
  if (lineNo > (answer.coverage.get(block.ref.fileId) ?? 0)) return true;
  return answer.lines.get(block.ref.fileId)?.has(lineNo) ?? false;
}

// ---- building in the background ------------------------------------------------------------------

const building = new WeakSet<Connection>();
/** A slice of building per turn of the event loop, so an interactive reader (the TUI) stays responsive. */
const SLICE_MS = 40;
const SLICE_LINES = 2_000;

/**
Brings the index up to date in the background of this process, a slice at a time, unless it already is
being: the first search asks for it (the TUI), and searches meanwhile are answered by scanning.
*/
export function requestSearchIndex(main: Connection): void {
  if (main.memory || building.has(main)) return;
  building.add(main);
  const slice = (): void => {
    if (!main.open) return;
    let complete = true;
    try {
      complete = buildSearchIndex(main, { budgetMs: SLICE_MS, stepLines: SLICE_LINES });
    } catch {
      // A search index is a convenience: when it cannot be built, searches keep scanning.
      complete = true;
    }
    if (complete) building.delete(main);
    else setTimeout(slice, 5).unref();
  };
  setTimeout(slice, 0).unref();
}

// ---- log_search: the search from SQL -------------------------------------------------------------

/** The columns of log_lines, which log_search gives too. */
const LINE_COLUMNS = ["file", "line_no", "ts", "host", "program", "package", "format", "event_count", "text", "line_id", "bundle"];

const helpers = new WeakMap<Connection, Connection>();
const searched = new WeakSet<Connection>();

/**
A second, read-only connection to the same database file: log_search reads blocks and files while SQLite
runs the statement that reads log_search, which better-sqlite3 does not allow on the same connection.
*/
function helperOf(main: Connection): Connection {
  let helper = helpers.get(main);
  if (!helper || !helper.open) {
    helper = new Database(main.name, { readonly: true, fileMustExist: true });
    helper.pragma("busy_timeout = 5000");
    helpers.set(main, helper);
  }
  return helper;
}

/** Every stored line the search matches, in time order, with the search index when it exists and blocks scanned otherwise. */
export function* searchLines(main: Connection, matcher: TextMatcher): Generator<{ line: StoredLine; file: string; bundle: string }> {
  const reader = blockReader(main);
  const files = new Map(
    (main.prepare("SELECT id, path, bundle FROM file").all() as { id: number; path: string; bundle: string }[]).map((row) => [row.id, row]),
  );
  const answer = askSearchIndex(main, matcher);
  const blocks = answer ? candidateBlocks(reader.blocks(), answer) : reader.blocks();
  for (const line of mergedLines(reader, blocks, {
    direction: "forward",
    acceptBlock: (block) => matcher.mayMatch(block.text(), block.ascii),
    accept: (block, index) => (!answer || isCandidate(answer, block, index)) && matcher.test(block.texts()[index], block.ascii),
  })) {
    const file = files.get(line.fileId);
    yield { line, file: file?.path ?? "?", bundle: file?.bundle ?? "?" };
  }
}

/**
`log_search('words')`: the lines a search matches (search.ts semantics), with log_lines' columns, in time
order. The first search of a database marks it: `mcadvisor query` then brings the search index up to date
after printing, so the next searches use it.
*/
export function registerSearchTable(main: Connection): void {
  main.table("log_search", {
    parameters: ["terms"],
    columns: LINE_COLUMNS,
    rows: function* (terms: unknown) {
      if (typeof terms !== "string" || main.memory) return;
      const matcher = searchMatcher(terms);
      if (!matcher) return;
      searched.add(main);
      const helper = helperOf(main);
      for (const { line, file, bundle } of searchLines(helper, matcher)) {
        yield [file, line.lineNo, isoOf(line.ts), line.host, line.program, line.package, line.format, line.eventCount, line.text, line.id, bundle];
      }
    } as (...parameters: unknown[]) => Generator,
  });
}

/** Whether a statement on this connection searched with log_search (and so may want the index built). */
export function searchedWith(main: Connection): boolean {
  return searched.has(main);
}
