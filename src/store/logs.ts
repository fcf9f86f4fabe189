/**
The log-lines read API of the TUI's Logs view: every stored line merged by time across files and
nodes, filtered, searched (search.ts), and paged by the (ts, id) key: a page decodes only the blocks
around its position (blocks.ts), so it costs the same on a million lines as on a hundred. Lines without
a time (configuration files) sort first.
*/
import type { SqliteDatabase } from "./db.js";
import { TROUBLE_WORDS } from "../catalogue/vocabulary.js";
import { fileIdOfLine } from "./block-codec.js";
import { blockReader, mergedLines, type BlockRef, type BlockTest, type LineTest, type StoredLine } from "./blocks.js";
import { anyWordMatcher, askSearchIndex, candidateBlocks, isCandidate, requestSearchIndex, searchMatcher, type TextMatcher } from "./search.js";

export interface LogLine {
  /** log_lines.line_id: the file and line number (unique, stable). */
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

// Words that mark trouble (src/catalogue/vocabulary.ts): error words alone, or with the warning words.
const errorMatcher = anyWordMatcher(TROUBLE_WORDS.error);
const troubleMatcher = anyWordMatcher([...TROUBLE_WORDS.error, ...TROUBLE_WORDS.warning]);

/** A line with a warning or error word: what the Logs view's `warning` level and the report's unexplained lines show. */
export const isTroubleLine = (text: string): boolean => troubleMatcher.test(text);

/** How the lines of a question are found: which blocks, and which of their lines count. */
interface Plan {
  readonly blocks: BlockRef[];
  readonly accept: LineTest;
  readonly acceptBlock?: BlockTest;
}

function fileIdsOf(database: SqliteDatabase, bundles: readonly string[]): number[] {
  return database
    .prepare(`SELECT id FROM file WHERE bundle IN (${bundles.map(() => "?").join(", ") || "NULL"})`)
    .pluck()
    .all(...bundles) as number[];
}

/**
The plan for a filter, a level and an optional search. With a search index (search.ts) only the blocks
holding candidate lines are read; either way every line is checked on its text, so the answer is the same.
*/
function planFor(database: SqliteDatabase, filter: LogFilter, search: TextMatcher | null): Plan {
  const reader = blockReader(database);
  let blocks = reader.blocks(filter.bundles ? { fileIds: fileIdsOf(database, filter.bundles) } : {});
  const level = filter.level ?? "all";
  const words = level === "error" ? errorMatcher : level === "all" ? null : troubleMatcher;
  const answer = search ? askSearchIndex(database, search) : null;
  if (answer) blocks = candidateBlocks(blocks, answer);
  const accept: LineTest = (block, index) => {
    const columns = block.columns;
    if (filter.host !== undefined && columns.host[index] !== filter.host) return false;
    if (filter.package !== undefined && columns.package[index] !== filter.package) return false;
    if (filter.program !== undefined && columns.program[index] !== filter.program) return false;
    if (!filter.configuration && columns.format[index] === "config") return false;
    const text = block.texts()[index];
    // Blank lines (between package-log runs) carry nothing to read.
    if (text === "") return false;
    if (words && !(level === "notable" && columns.eventCount[index] > 0) && !words.test(text, block.ascii)) return false;
    if (search) {
      if (answer && !isCandidate(answer, block, index)) return false;
      if (!search.test(text, block.ascii)) return false;
    }
    return true;
  };
  // A block whose text holds no match at all is skipped before its lines are looked at.
  const acceptBlock: BlockTest | undefined =
    search || (words && level !== "notable")
      ? (block) => (!search || search.mayMatch(block.text(), block.ascii)) && (!words || level === "notable" || words.mayMatch(block.text(), block.ascii))
      : undefined;
  return { blocks, accept, acceptBlock };
}

function toLogLine(database: SqliteDatabase, line: StoredLine): LogLine {
  return {
    id: line.id,
    ts: line.ts,
    file: blockReader(database).pathOf(line.fileId),
    lineNo: line.lineNo,
    host: line.host,
    program: line.program,
    package: line.package,
    format: line.format,
    text: line.text,
    eventCount: line.eventCount,
  };
}

function take(database: SqliteDatabase, lines: Iterable<StoredLine>, limit: number): LogLine[] {
  const taken: LogLine[] = [];
  if (limit <= 0) return taken;
  for (const line of lines) {
    taken.push(toLogLine(database, line));
    if (taken.length >= limit) break;
  }
  return taken;
}

/** Up to `limit` lines from `position` on, in merged order (inclusive: the line at `position` itself too). */
function linesAfter(database: SqliteDatabase, plan: Plan, position: LogPosition | undefined, limit: number, inclusive: boolean): LogLine[] {
  return take(
    database,
    mergedLines(blockReader(database), plan.blocks, { from: position, inclusive, direction: "forward", accept: plan.accept, acceptBlock: plan.acceptBlock }),
    limit,
  );
}

/** Up to `limit` lines before `position` (exclusive), nearest first. */
function linesBefore(database: SqliteDatabase, plan: Plan, position: LogPosition | undefined, limit: number): LogLine[] {
  return take(
    database,
    mergedLines(blockReader(database), plan.blocks, {
      from: position,
      inclusive: false,
      direction: "backward",
      accept: plan.accept,
      acceptBlock: plan.acceptBlock,
    }),
    limit,
  );
}

export interface PageRequest {
  /** First line of the page: this one and the ones after it. Absent: the first line. */
  readonly from?: LogPosition;
  readonly limit: number;
}

/** One page in merged order starting at `from` (inclusive). */
export function readLogPage(database: SqliteDatabase, filter: LogFilter, request: PageRequest): LogLine[] {
  return linesAfter(database, planFor(database, filter, null), request.from, request.limit, true);
}

/** Up to `count` lines just before `position`, in merged (ascending) order. */
export function readLogLinesBefore(database: SqliteDatabase, filter: LogFilter, position: LogPosition | undefined, count: number): LogLine[] {
  return linesBefore(database, planFor(database, filter, null), position, count).reverse();
}

export interface SeekRequest {
  readonly from: LogPosition | undefined;
  readonly direction: "forward" | "backward";
  /** A full-text search (user input: plain words, search.ts); absent: the next line that passes the filter. */
  readonly search?: string;
  /** Narrow to lines with error words, on top of the filter. */
  readonly level?: LogLevel;
}

/**
The next (or previous) line from `from` (exclusive) that matches: n/N for a search, e/E for errors. The
first search of a database asks for its search index to be built in the background (search.ts); until it
is complete the blocks are scanned.
*/
export function seekLogLine(database: SqliteDatabase, filter: LogFilter, request: SeekRequest): LogLine | undefined {
  let search: TextMatcher | null = null;
  if (request.search !== undefined) {
    search = searchMatcher(request.search);
    if (search === null) return undefined;
    requestSearchIndex(database);
  }
  const plan = planFor(database, { ...filter, level: request.level ?? filter.level }, search);
  const [line] = request.direction === "forward" ? linesAfter(database, plan, request.from, 1, false) : linesBefore(database, plan, request.from, 1);
  return line;
}

/** The stored line a finding's evidence names (file as stored, 1-based line); the newest file record wins. */
export function findLogLine(database: SqliteDatabase, file: string, lineNo: number): LogLine | undefined {
  const reader = blockReader(database);
  for (const fileId of database.prepare("SELECT id FROM file WHERE path = ? ORDER BY id DESC").pluck().all(file) as number[]) {
    const line = reader.line(fileId, lineNo);
    if (line) return toLogLine(database, line);
  }
  return undefined;
}

/** Whether a line passes the filter (a jump target the filter hides is shown by clearing the filter). */
export function lineMatchesFilter(database: SqliteDatabase, filter: LogFilter, line: LogLine): boolean {
  const reader = blockReader(database);
  const fileId = fileIdOfLine(line.id);
  const ref = reader.blockOfLine(fileId, line.lineNo);
  if (!ref) return false;
  if (filter.bundles && !fileIdsOf(database, filter.bundles).includes(fileId)) return false;
  const block = reader.decode(ref);
  const plan = planFor(database, { ...filter, bundles: undefined }, null);
  return (!plan.acceptBlock || plan.acceptBlock(block)) && plan.accept(block, line.lineNo - ref.firstLine);
}

export interface LogFacets {
  readonly hosts: readonly string[];
  readonly packages: readonly string[];
}

/** Hosts and packages to cycle through in the filters, from the file table (small: no scan of the lines). */
export function logFacets(database: SqliteDatabase, bundles?: readonly string[]): LogFacets {
  const scope = bundles ? `WHERE bundle IN (${bundles.map(() => "?").join(", ") || "NULL"})` : "";
  const parameters = bundles ?? [];
  const hosts = database
    .prepare(`SELECT DISTINCT host_hint AS value FROM file ${scope} ${scope ? "AND" : "WHERE"} host_hint IS NOT NULL ORDER BY 1`)
    .all(...parameters) as Array<{ value: string }>;
  const packages = database
    .prepare(`SELECT DISTINCT package_hint AS value FROM file ${scope} ${scope ? "AND" : "WHERE"} package_hint IS NOT NULL ORDER BY 1`)
    .all(...parameters) as Array<{ value: string }>;
  return { hosts: hosts.map((row) => row.value), packages: packages.map((row) => row.value) };
}

/** The incident bundles that have stored files (within `scope` when given), for picking one to look at. */
export function listBundles(database: SqliteDatabase, scope?: readonly string[]): string[] {
  const where = scope ? `WHERE bundle IN (${scope.map(() => "?").join(", ") || "NULL"})` : "";
  // A bundle whose analysis began is one even before a file of it was stored (a run that stopped first is said so).
  return database
    .prepare(`SELECT bundle FROM (SELECT bundle FROM file UNION SELECT bundle FROM analysis) ${where} ORDER BY bundle`)
    .pluck()
    .all(...(scope ?? [])) as string[];
}
