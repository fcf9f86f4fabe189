/**
Reading lines back out of blocks (block-codec.ts): the `block_lines` virtual table behind the log_lines
view, and, for the store's own readers (the TUI's Logs view, reports, evidence), block look-ups by file,
line and time that decode only the blocks a question needs, and lines merged across files in time order.
*/
import type Database from "better-sqlite3";
import { isAscii } from "node:buffer";
import { decompress, lineIdOf, splitTexts, textOf, unpackColumns, unpackTexts, type BlockColumns, type BlockLine } from "./block-codec.js";

type Connection = Database.Database;

/** ISO text of naive wall-clock ms, as the views show times (`strftime('%Y-%m-%dT%H:%M:%S', ts / 1000, 'unixepoch')`). */
export function isoOf(ms: number | null): string | null {
  if (ms === null) return null;
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19);
}

/**
The table-valued function log_lines reads each block through: given one block row's columns it yields its
lines. It reads nothing from the database: better-sqlite3 forbids a second statement on a connection while
SQLite runs one (which is also why a block carries its own name dictionary). Registered on every connection
db.ts opens; a plain sqlite3 shell does not have it, so there log_lines cannot be read (README, query).
*/
export function registerLineTable(database: Connection): void {
  database.table("block_lines", {
    parameters: ["block_file", "block_first_line", "block_codec", "block_columns", "block_text"],
    columns: ["line_no", "ts", "host", "program", "package", "format", "event_count", "text", "line_id"],
    rows: function* (fileId: unknown, firstLine: unknown, codec: unknown, columnsBlob: unknown, textBlob: unknown) {
      if (
        typeof fileId !== "number" ||
        typeof firstLine !== "number" ||
        typeof codec !== "string" ||
        !Buffer.isBuffer(columnsBlob) ||
        !Buffer.isBuffer(textBlob)
      )
        return;
      const columns = unpackColumns(columnsBlob);
      const texts = unpackTexts(decompress(codec, textBlob), columns.count);
      let lastMs: number | null = null;
      let lastIso: string | null = null;
      for (let index = 0; index < columns.count; index++) {
        const ts = columns.ts[index];
        if (ts !== lastMs) {
          lastMs = ts;
          lastIso = isoOf(ts);
        }
        const lineNo = firstLine + index;
        yield [
          lineNo,
          lastIso,
          columns.host[index],
          columns.program[index],
          columns.package[index],
          columns.format[index],
          columns.eventCount[index],
          texts[index],
          lineIdOf(fileId, lineNo),
        ];
      }
    } as (...parameters: unknown[]) => Generator,
  });
}

/** What a block row says of its lines, without the blobs. */
export interface BlockRef {
  readonly id: number;
  readonly fileId: number;
  readonly firstLine: number;
  readonly lineCount: number;
  readonly tsMin: number | null;
  readonly tsMax: number | null;
  readonly untimed: number;
}

/** A stored line, as the store's readers get it: what its block holds of it, and where it is. */
export interface StoredLine extends BlockLine {
  /** log_lines.line_id: file id and line number (block-codec.ts lineIdOf). */
  readonly id: number;
  readonly fileId: number;
  readonly lineNo: number;
}

/**
One block read from its row: columns unpacked and text inflated when first asked for, so a search that
rejects a block on its text never unpacks its columns, and a time or host question never inflates text.
*/
export class DecodedBlock {
  private unpacked: BlockColumns | null = null;
  private joined: string | null = null;
  private split: string[] | null = null;
  private asciiText = false;

  constructor(
    readonly ref: BlockRef,
    private readonly codec: string,
    private readonly columnsBlob: Buffer,
    private readonly textBlob: Buffer,
    private readonly textBytes: number,
  ) {}

  get columns(): BlockColumns {
    this.unpacked ??= unpackColumns(this.columnsBlob);
    return this.unpacked;
  }

  /** Lines in the block as stored (a watched file's last block may hold more than its ref said when it was listed). */
  get count(): number {
    return this.columns.count;
  }

  /** All the block's texts as one string, a newline between lines (a search rejects a block on it at once). */
  text(): string {
    if (this.joined === null) {
      const data = decompress(this.codec, this.textBlob, this.textBytes);
      this.asciiText = isAscii(data);
      this.joined = textOf(data);
    }
    return this.joined;
  }

  /** Whether every text of the block is plain ASCII (a search then needs no Unicode folding). */
  get ascii(): boolean {
    this.text();
    return this.asciiText;
  }

  texts(): string[] {
    this.split ??= splitTexts(this.text(), this.columns.count);
    return this.split;
  }

  /** The line at `index` (0-based within the block). */
  line(index: number): StoredLine {
    const { columns, ref } = this;
    const lineNo = ref.firstLine + index;
    return {
      id: lineIdOf(ref.fileId, lineNo),
      fileId: ref.fileId,
      lineNo,
      ts: columns.ts[index],
      host: columns.host[index],
      program: columns.program[index],
      package: columns.package[index],
      format: columns.format[index],
      eventCount: columns.eventCount[index],
      text: this.texts()[index],
    };
  }
}

interface BlockRow {
  id: number;
  file_id: number;
  first_line: number;
  line_count: number;
  ts_min: number | null;
  ts_max: number | null;
  untimed: number;
}

const toRef = (row: BlockRow): BlockRef => ({
  id: row.id,
  fileId: row.file_id,
  firstLine: row.first_line,
  lineCount: row.line_count,
  tsMin: row.ts_min,
  tsMax: row.ts_max,
  untimed: row.untimed,
});

const REF_COLUMNS = "id, file_id, first_line, line_count, ts_min, ts_max, untimed";
const CACHED_BLOCKS = 48;

/** Which blocks a question concerns: files, and a time window pushed down to the block index. */
export interface BlockScope {
  /** Only blocks of these files (all when absent). */
  readonly fileIds?: readonly number[];
  /** Blocks that may hold a line at or after this time (lines without a time count as before any time). */
  readonly since?: number;
  /** Blocks that may hold a line before this time (exclusive). */
  readonly until?: number;
  /** Also blocks holding lines without a time when a window is given. */
  readonly untimed?: boolean;
}

/**
The block reader of one connection: block look-ups in SQL (the time and file indexes), decoding in
JavaScript with a small cache, so paging through the Logs view decodes a block once, not per page.
*/
export class BlockReader {
  private readonly cache = new Map<number, DecodedBlock>();
  private readonly paths = new Map<number, string>();
  private readonly statements;
  private allBlocks: { readonly version: string; readonly refs: readonly BlockRef[] } | null = null;

  constructor(readonly database: Connection) {
    this.statements = {
      blob: database.prepare("SELECT codec, columns, text, text_bytes, line_count FROM block WHERE id = ?"),
      blockOfLine: database.prepare(`SELECT ${REF_COLUMNS} FROM block WHERE file_id = ? AND first_line <= ? ORDER BY first_line DESC LIMIT 1`),
      path: database.prepare("SELECT path FROM file WHERE id = ?").pluck(),
      all: database.prepare(`SELECT ${REF_COLUMNS} FROM block`),
      // Changes by other connections, and by this one: together they say whether the block table may have changed.
      version: database.prepare("SELECT (SELECT data_version FROM pragma_data_version) || ':' || total_changes()").pluck(),
    };
  }

  /** Every block's ref, read again only when the database changed since (a page of the Logs view asks often). */
  private everyBlock(): readonly BlockRef[] {
    const version = this.statements.version.get() as string;
    if (this.allBlocks?.version !== version) this.allBlocks = { version, refs: (this.statements.all.all() as BlockRow[]).map(toRef) };
    return this.allBlocks.refs;
  }

  /** The blocks of a scope, with the time window answered by the block index (block_time). */
  blocks(scope: BlockScope = {}): BlockRef[] {
    if (scope.since === undefined && scope.until === undefined) {
      const files = scope.fileIds ? new Set(scope.fileIds) : null;
      return this.everyBlock().filter((ref) => files === null || files.has(ref.fileId));
    }
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    if (scope.fileIds) conditions.push(`file_id IN (${scope.fileIds.map((id) => String(Math.trunc(id))).join(", ") || "NULL"})`);
    const window: string[] = [];
    if (scope.since !== undefined) {
      window.push("ts_max >= ?");
      parameters.push(scope.since);
    }
    if (scope.until !== undefined) {
      window.push("ts_min < ?");
      parameters.push(scope.until);
    }
    if (window.length > 0) conditions.push(scope.untimed ? `(untimed > 0 OR (${window.join(" AND ")}))` : window.join(" AND "));
    const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
    return (this.database.prepare(`SELECT ${REF_COLUMNS} FROM block ${where}`).all(...parameters) as BlockRow[]).map(toRef);
  }

  /** The block holding a file's line, if it is stored. */
  blockOfLine(fileId: number, lineNo: number): BlockRef | undefined {
    const row = this.statements.blockOfLine.get(fileId, lineNo) as BlockRow | undefined;
    return row && lineNo < row.first_line + row.line_count ? toRef(row) : undefined;
  }

  decode(ref: BlockRef): DecodedBlock {
    const cached = this.cache.get(ref.id);
    // A watched file's last block grows (it is rewritten with the new lines): a shorter copy is stale.
    if (cached && cached.ref.lineCount >= ref.lineCount) {
      this.cache.delete(ref.id);
      this.cache.set(ref.id, cached);
      return cached;
    }
    const row = this.statements.blob.get(ref.id) as { codec: string; columns: Buffer; text: Buffer; text_bytes: number; line_count: number } | undefined;
    if (!row) throw new Error(`block ${ref.id} vanished while it was read`);
    const decoded = new DecodedBlock({ ...ref, lineCount: row.line_count }, row.codec, row.columns, row.text, row.text_bytes);
    this.cache.set(ref.id, decoded);
    if (this.cache.size > CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value as number);
    return decoded;
  }

  /** One stored line by file and number. */
  line(fileId: number, lineNo: number): StoredLine | undefined {
    const ref = this.blockOfLine(fileId, lineNo);
    return ref ? this.decode(ref).line(lineNo - ref.firstLine) : undefined;
  }

  pathOf(fileId: number): string {
    let path = this.paths.get(fileId);
    if (path === undefined) {
      path = this.statements.path.get(fileId) as string;
      this.paths.set(fileId, path);
    }
    return path;
  }
}

const readers = new WeakMap<Connection, BlockReader>();

/** The block reader of a connection (one per connection, so its cache serves every reader of the TUI). */
export function blockReader(database: Connection): BlockReader {
  let reader = readers.get(database);
  if (!reader) {
    reader = new BlockReader(database);
    readers.set(database, reader);
  }
  return reader;
}

/** A line's place in the merged order: time (none sorts first), then id. */
export interface LineKey {
  readonly ts: number | null;
  readonly id: number;
}

const tsKey = (ts: number | null): number => (ts === null ? -Infinity : ts);

/** Negative when a comes before b in the merged order. */
export function compareKeys(a: LineKey, b: LineKey): number {
  const left = tsKey(a.ts);
  const right = tsKey(b.ts);
  return left !== right ? (left < right ? -1 : 1) : a.id - b.id;
}

const lowOf = (ref: BlockRef): number => (ref.untimed > 0 ? -Infinity : tsKey(ref.tsMin));
const highOf = (ref: BlockRef): number => tsKey(ref.tsMax);

/** Which lines of a decoded block count (a filter, a search); `index` is within the block. */
export type LineTest = (block: DecodedBlock, index: number) => boolean;

/** Per block, before decoding its lines: false skips it (no candidate line in it). */
export type BlockTest = (block: DecodedBlock) => boolean;

interface Cursor {
  readonly block: DecodedBlock;
  /** Indexes of the accepted lines, in merged order (ascending, or descending going backward). */
  readonly order: number[];
  position: number;
  key: LineKey;
}

/**
Lines of `blocks` in merged (ts, id) order, after (or before, going backward) `from`, that pass `accept`.
Blocks are opened lazily in the order of their time bounds, and a line is given out only when no unopened
block can hold one that comes first, so a page near `from` decodes only the blocks around it.
*/
export function* mergedLines(
  reader: BlockReader,
  blocks: readonly BlockRef[],
  options: {
    readonly from?: LineKey;
    readonly inclusive?: boolean;
    readonly direction: "forward" | "backward";
    readonly accept?: LineTest;
    readonly acceptBlock?: BlockTest;
  },
): Generator<StoredLine> {
  const forward = options.direction === "forward";
  const sign = forward ? 1 : -1;
  const from = options.from;
  const fromTs = from ? tsKey(from.ts) : undefined;
  const candidates = blocks
    .filter((ref) => fromTs === undefined || (forward ? highOf(ref) >= fromTs : lowOf(ref) <= fromTs))
    .sort((left, right) => (forward ? lowOf(left) - lowOf(right) : highOf(right) - highOf(left)) || sign * (left.id - right.id));
  const keyAt = (block: DecodedBlock, index: number): LineKey => ({ ts: block.columns.ts[index], id: lineIdOf(block.ref.fileId, block.ref.firstLine + index) });
  const heap: Cursor[] = [];
  const before = (a: Cursor, b: Cursor): boolean => sign * compareKeys(a.key, b.key) < 0;
  const push = (cursor: Cursor): void => {
    heap.push(cursor);
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index], heap[parent])) break;
      [heap[index], heap[parent]] = [heap[parent], heap[index]];
      index = parent;
    }
  };
  const siftDown = (): void => {
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let best = index;
      if (left < heap.length && before(heap[left], heap[best])) best = left;
      if (right < heap.length && before(heap[right], heap[best])) best = right;
      if (best === index) return;
      [heap[index], heap[best]] = [heap[best], heap[index]];
      index = best;
    }
  };
  const open = (ref: BlockRef): void => {
    const block = reader.decode(ref);
    if (options.acceptBlock && !options.acceptBlock(block)) return;
    const order: number[] = [];
    // Only the lines the block had when its bounds were read: a watched file's block may have grown since.
    const count = Math.min(block.ref.lineCount, ref.lineCount);
    for (let index = 0; index < count; index++) {
      if (from) {
        const comparison = sign * compareKeys(keyAt(block, index), from);
        if (comparison < 0 || (comparison === 0 && !options.inclusive)) continue;
      }
      if (options.accept && !options.accept(block, index)) continue;
      order.push(index);
    }
    if (order.length === 0) return;
    // Lines of one file are nearly always in time order already; sort only when they are not.
    let sorted = true;
    for (let index = 1; index < order.length && sorted; index++) sorted = sign * compareKeys(keyAt(block, order[index - 1]), keyAt(block, order[index])) < 0;
    if (!sorted) order.sort((left, right) => sign * compareKeys(keyAt(block, left), keyAt(block, right)));
    push({ block, order, position: 0, key: keyAt(block, order[0]) });
  };

  let next = 0;
  for (;;) {
    while (
      next < candidates.length &&
      (heap.length === 0 || (forward ? lowOf(candidates[next]) <= tsKey(heap[0].key.ts) : highOf(candidates[next]) >= tsKey(heap[0].key.ts)))
    ) {
      open(candidates[next++]);
    }
    if (heap.length === 0) return;
    const cursor = heap[0];
    yield cursor.block.line(cursor.order[cursor.position]);
    cursor.position++;
    if (cursor.position < cursor.order.length) {
      cursor.key = keyAt(cursor.block, cursor.order[cursor.position]);
    } else {
      const last = heap.pop() as Cursor;
      if (heap.length > 0) heap[0] = last;
    }
    if (heap.length > 0) siftDown();
  }
}
