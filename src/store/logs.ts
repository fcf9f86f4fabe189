/**
The log-lines read API of the TUI's Logs view: every stored line merged by time across files and
nodes, filtered, searched with FTS5, and paged by the (ts, id) key so a page costs the same on a
million lines as on a hundred. Lines without a time (configuration files) sort first, as SQLite
orders NULL before any number.
*/
import type { SqliteDatabase } from "./db.js";

export interface LogLine {
  readonly id: number;
  /** Naive wall-clock ms (docs/architecture.md "Time"); null for configuration files. */
  readonly ts: number | null;
  readonly file: string;
  readonly lineNo: number;
  readonly host: string | null;
  readonly program: string | null;
  readonly package: string | null;
  readonly format: string;
  readonly text: string;
  readonly eventCount: number;
}

/** Which lines count: every one, those that produced events or carry warning/error words, warning or error words, error words. */
export type LogLevel = "all" | "notable" | "warning" | "error";
export const logLevels: readonly LogLevel[] = ["all", "notable", "warning", "error"];

export interface LogFilter {
  /** Only lines of files in these bundles (all when absent). */
  readonly bundles?: readonly string[];
  readonly host?: string;
  readonly package?: string;
  readonly program?: string;
  readonly level?: LogLevel;
  /** Also the lines of configuration files (they carry no time, so they sort first); hidden by default. */
  readonly configuration?: boolean;
}

/** A place in the merged order: the key of one line. */
export interface LogPosition {
  readonly ts: number | null;
  readonly id: number;
}

// Words that mark trouble in Serviceguard, Metrocluster and Raid Manager messages. EX_ codes are Raid
// Manager errors; the unicode61 tokenizer splits EX_EWSTOT into "ex" "ewstot", so "ex" finds them all.
const errorWords = ["error*", "fail*", "ex", "abort*", "cannot", "unable", "timed", "timeout*", "died", "panic*", "critical", "alarm", "refused", "denied"];
const warningWords = ["warn*", "halted", "psue", "pfus", "ssws", "suspend*", "lost", "alert", "unreachable"];

function wordsQuery(words: readonly string[]): string {
  return words.map((word) => word.endsWith("*") ? `"${word.slice(0, -1)}"*` : `"${word}"`).join(" OR ");
}

/**
A safe FTS5 query from what the user typed: each term quoted (so `-`, `:`, `"` and FTS keywords are
plain text) and all terms required. A trailing `*` on a term keeps its prefix meaning. null when empty.
*/
export function ftsQuery(input: string): string | null {
  const terms = input.split(/\s+/).filter((term) => term !== "");
  const quoted = terms.map((term) => {
    const prefix = term.length > 1 && term.endsWith("*");
    const body = prefix ? term.slice(0, -1) : term;
    return `"${body.replace(/"/g, "\"\"")}"${prefix ? "*" : ""}`;
  });
  return quoted.length > 0 ? quoted.join(" ") : null;
}

// The file's path is looked up per page, not joined: with the join SQLite's plan for a filtered page
// (program = ?) scanned a million rows (230 ms) where the plain (ts, id) index walk takes 0.1 ms.
const columns = `l.id, l.ts, l.file_id AS fileId, l.line_no AS lineNo, l.host, l.program, l.package, l.format, l.text, l.event_count AS eventCount`;

type LineRow = Omit<LogLine, "file"> & { fileId: number };

function withPaths(database: SqliteDatabase, rows: readonly LineRow[]): LogLine[] {
  const paths = new Map<number, string>();
  const pathOf = database.prepare("SELECT path FROM file WHERE id = ?").pluck();
  return rows.map(({ fileId, ...line }) => {
    let path = paths.get(fileId);
    if (path === undefined) {
      path = pathOf.get(fileId) as string;
      paths.set(fileId, path);
    }
    return { ...line, file: path };
  });
}

interface Built {
  readonly conditions: string[];
  readonly parameters: unknown[];
}

function buildFilter(database: SqliteDatabase, filter: LogFilter, match: string | null): Built {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (filter.bundles) {
    // The bundle's file ids, read first and written into the query as integers: with a subquery SQLite
    // built a Bloom filter over the line table on every page (230 ms on a million lines). The unary +
    // keeps it on the (ts, id) index: sorting a whole bundle per page would defeat keyset paging.
    const ids = database.prepare(`SELECT id FROM file WHERE bundle IN (${filter.bundles.map(() => "?").join(", ") || "NULL"})`)
      .pluck().all(...filter.bundles) as number[];
    conditions.push(`+l.file_id IN (${ids.map((id) => String(Math.trunc(id))).join(", ") || "NULL"})`);
  }
  if (filter.host !== undefined) {
    conditions.push("l.host = ?");
    parameters.push(filter.host);
  }
  if (filter.package !== undefined) {
    conditions.push("l.package = ?");
    parameters.push(filter.package);
  }
  if (filter.program !== undefined) {
    conditions.push("l.program = ?");
    parameters.push(filter.program);
  }
  if (!filter.configuration) conditions.push("l.format <> 'config'");
  // Blank lines (between package-log runs) carry nothing to read.
  conditions.push("l.text <> ''");
  const level = filter.level ?? "all";
  if (level !== "all") {
    const words = level === "error" ? errorWords : [...errorWords, ...warningWords];
    const wordMatch = `l.id IN (SELECT rowid FROM line_fts WHERE line_fts MATCH ?)`;
    conditions.push(level === "notable" ? `(l.event_count > 0 OR ${wordMatch})` : wordMatch);
    parameters.push(wordsQuery(words));
  }
  if (match !== null) {
    conditions.push("l.id IN (SELECT rowid FROM line_fts WHERE line_fts MATCH ?)");
    parameters.push(match);
  }
  return { conditions, parameters };
}

function select(database: SqliteDatabase, built: Built, extra: string[], extraParameters: unknown[], order: "asc" | "desc", limit: number): LogLine[] {
  const where = [...built.conditions, ...extra];
  const direction = order === "asc" ? "" : " DESC";
  return withPaths(database, database.prepare(
    `SELECT ${columns} FROM line l
      ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY l.ts${direction}, l.id${direction} LIMIT ?`,
  ).all(...built.parameters, ...extraParameters, limit) as LineRow[]);
}

/**
Up to `limit` lines after `position` (exclusive), in merged order; from the first line when position is
absent. Undated lines come first, then dated ones by (ts, id).
*/
function linesAfter(database: SqliteDatabase, built: Built, position: LogPosition | undefined, limit: number, inclusive: boolean): LogLine[] {
  const comparison = inclusive ? ">=" : ">";
  const lines: LogLine[] = [];
  if (position === undefined || position.ts === null) {
    const idCondition = position === undefined ? [] : [`l.id ${comparison} ?`];
    lines.push(...select(database, built, ["l.ts IS NULL", ...idCondition], position === undefined ? [] : [position.id], "asc", limit));
    if (lines.length < limit) lines.push(...select(database, built, ["l.ts IS NOT NULL"], [], "asc", limit - lines.length));
    return lines;
  }
  return select(database, built, ["l.ts IS NOT NULL", `(l.ts, l.id) ${comparison} (?, ?)`], [position.ts, position.id], "asc", limit);
}

/** Up to `limit` lines before `position` (exclusive), nearest first. */
function linesBefore(database: SqliteDatabase, built: Built, position: LogPosition | undefined, limit: number): LogLine[] {
  const lines: LogLine[] = [];
  if (position === undefined || position.ts !== null) {
    const keyCondition = position === undefined ? [] : ["(l.ts, l.id) < (?, ?)"];
    lines.push(...select(database, built, ["l.ts IS NOT NULL", ...keyCondition], position === undefined ? [] : [position.ts, position.id], "desc", limit));
    if (lines.length < limit) lines.push(...select(database, built, ["l.ts IS NULL"], [], "desc", limit - lines.length));
    return lines;
  }
  return select(database, built, ["l.ts IS NULL", "l.id < ?"], [position.id], "desc", limit);
}

export interface PageRequest {
  /** First line of the page: this one and the ones after it. Absent: the first line. */
  readonly from?: LogPosition;
  readonly limit: number;
}

/** One page in merged order starting at `from` (inclusive). */
export function readLogPage(database: SqliteDatabase, filter: LogFilter, request: PageRequest): LogLine[] {
  return linesAfter(database, buildFilter(database, filter, null), request.from, request.limit, true);
}

/** Up to `count` lines just before `position`, in merged (ascending) order. */
export function readLogLinesBefore(database: SqliteDatabase, filter: LogFilter, position: LogPosition | undefined, count: number): LogLine[] {
  return linesBefore(database, buildFilter(database, filter, null), position, count).reverse();
}

export interface SeekRequest {
  readonly from: LogPosition | undefined;
  readonly direction: "forward" | "backward";
  /** A full-text search (user input, escaped here); absent: the next line that passes the filter. */
  readonly search?: string;
  /** Narrow to lines with error words, on top of the filter. */
  readonly level?: LogLevel;
}

/** The next (or previous) line from `from` (exclusive) that matches: n/N for a search, e/E for errors. */
export function seekLogLine(database: SqliteDatabase, filter: LogFilter, request: SeekRequest): LogLine | undefined {
  const match = request.search === undefined ? null : ftsQuery(request.search);
  if (request.search !== undefined && match === null) return undefined;
  const built = buildFilter(database, { ...filter, level: request.level ?? filter.level }, match);
  const [line] = request.direction === "forward"
    ? linesAfter(database, built, request.from, 1, false)
    : linesBefore(database, built, request.from, 1);
  return line;
}

/** The stored line a finding's evidence names (file as stored, 1-based line); the newest file record wins. */
export function findLogLine(database: SqliteDatabase, file: string, lineNo: number): LogLine | undefined {
  const row = database.prepare(
    `SELECT ${columns} FROM line l JOIN file f ON f.id = l.file_id WHERE f.path = ? AND l.line_no = ? ORDER BY f.id DESC LIMIT 1`,
  ).get(file, lineNo) as LineRow | undefined;
  return row ? withPaths(database, [row])[0] : undefined;
}

/** Whether a line passes the filter (a jump target the filter hides is shown by clearing the filter). */
export function lineMatchesFilter(database: SqliteDatabase, filter: LogFilter, line: LogLine): boolean {
  const built = buildFilter(database, filter, null);
  const where = [...built.conditions, "l.id = ?"];
  return database.prepare(`SELECT 1 FROM line l WHERE ${where.join(" AND ")}`).get(...built.parameters, line.id) !== undefined;
}

export interface LogFacets {
  readonly hosts: readonly string[];
  readonly packages: readonly string[];
}

/** Hosts and packages to cycle through in the filters, from the file table (small: no scan of the lines). */
export function logFacets(database: SqliteDatabase, bundles?: readonly string[]): LogFacets {
  const scope = bundles ? `WHERE bundle IN (${bundles.map(() => "?").join(", ") || "NULL"})` : "";
  const parameters = bundles ?? [];
  const hosts = database.prepare(`SELECT DISTINCT host_hint AS value FROM file ${scope} ${scope ? "AND" : "WHERE"} host_hint IS NOT NULL ORDER BY 1`).all(...parameters) as Array<{ value: string }>;
  const packages = database.prepare(`SELECT DISTINCT package_hint AS value FROM file ${scope} ${scope ? "AND" : "WHERE"} package_hint IS NOT NULL ORDER BY 1`).all(...parameters) as Array<{ value: string }>;
  return { hosts: hosts.map((row) => row.value), packages: packages.map((row) => row.value) };
}

/** The incident bundles that have stored files (within `scope` when given), for picking one to look at. */
export function listBundles(database: SqliteDatabase, scope?: readonly string[]): string[] {
  const where = scope ? `WHERE bundle IN (${scope.map(() => "?").join(", ") || "NULL"})` : "";
  return database.prepare(`SELECT DISTINCT bundle FROM file ${where} ORDER BY bundle`).pluck().all(...(scope ?? [])) as string[];
}
