/**
How a block of lines is laid out in its `block` row: the lines' texts joined by newlines, compressed,
and beside them a packed column of what each line's header said (time, host, program, package, header
format, event count), compressed too. A block holds about 64 KiB of text of one file's consecutive
lines, so a million lines are some 1,600 rows instead of a million (docs/decisions.md "Lines in blocks").

A block is self-contained: its host, program, package and format names are in its own small dictionary,
so it decodes from its row alone. That is what lets the `block_lines` virtual table (db.ts) decode it:
better-sqlite3 does not let a virtual table run a query on its connection while SQLite runs the statement
that reads it, so a global name table could not be read there.
*/
import zlib from "node:zlib";
import { isAscii } from "node:buffer";
import { StoreError } from "../errors.js";
import { isReadFact } from "../model/events.js";

/**
The compression of a block's text, recorded per row so another one can be added (zstd once Node has it);
the columns are packed small enough without it (packColumns). A file's last block stays uncompressed ("none") while lines still join it: watch rewrites
it on every append, and compressing 64 KiB each time would be paid again and again; it is compressed
once, when it is full.
*/
export type BlockCodec = "deflate" | "none";
export const WRITE_CODEC: BlockCodec = "deflate";

/** Text bytes at which a block is closed and a new one begun. */
export const BLOCK_TARGET_BYTES = 64 * 1024;
/** Lines at which a block is closed whatever its size (a file of empty lines). */
export const BLOCK_MAX_LINES = 16_384;

const COLUMNS_VERSION = 1;
// Level 1: on the 1M-line bench syslog (100 MiB) raw deflate took 370 ms for 17.0 MiB at level 1, 455 ms for
// 16.1 MiB at level 3, 960 ms for 13.8 MiB at level 6 (docs/decisions.md "Lines in blocks"): writing speed first.
const DEFLATE_OPTIONS: zlib.ZlibOptions = { level: 1 };

export function compress(codec: BlockCodec, data: Buffer): Buffer {
  switch (codec) {
    case "deflate":
      return zlib.deflateRawSync(data, DEFLATE_OPTIONS);
    case "none":
      return data;
  }
}

/** The stored data back; `size` (the uncompressed length, when known) lets zlib write it in one piece. */
export function decompress(codec: string, data: Buffer, size?: number): Buffer {
  if (codec === "deflate") return zlib.inflateRawSync(data, size ? { chunkSize: Math.max(64 * 1024, size + 64) } : undefined);
  if (codec === "none") return data;
  throw new StoreError(`a block of stored lines uses the codec '${codec}', which this mcadvisor cannot read`, {
    hint: "upgrade mcadvisor (the database was written by a newer one), or analyse the logs again into a new --db",
  });
}

/** One line as a block stores it. `ts` is naive wall-clock ms (docs/architecture.md "Time"). */
export interface BlockLine {
  readonly text: string;
  readonly ts: number | null;
  readonly host: string | null;
  readonly program: string | null;
  readonly package: string | null;
  readonly format: string;
  readonly eventCount: number;
}

/**
A line as a block is written from: a decoded one (its event count), or a parsed one as the pipeline hands
it over (its events; markers are not counted), taken as it is rather than copied into a BlockLine.
*/
export type LineToPack = BlockLine | (Omit<BlockLine, "eventCount"> & { readonly events: readonly { readonly kind: string }[] });

// An index loop, not readEventCount's for-of: that allocated an iterator per line (packColumns runs on every line).
const eventCountOf = (line: LineToPack): number => {
  if ("eventCount" in line) return line.eventCount;
  const { events } = line;
  let count = 0;
  for (let index = 0; index < events.length; index++) if (isReadFact(events[index].kind)) count++;
  return count;
};

/** The decoded per-line columns of a block, index i = line first_line + i. */
export interface BlockColumns {
  readonly count: number;
  readonly ts: readonly (number | null)[];
  readonly host: readonly (string | null)[];
  readonly program: readonly (string | null)[];
  readonly package: readonly (string | null)[];
  readonly format: readonly string[];
  readonly eventCount: readonly number[];
}

class ByteWriter {
  private buffer = Buffer.allocUnsafe(4096);
  length = 0;

  private room(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }

  /** An unsigned integer up to 2^53 (arithmetic, not bit operations: times in ms exceed 32 bits). */
  varint(value: number): void {
    this.room(8);
    let rest = value;
    while (rest >= 128) {
      this.buffer[this.length++] = (rest % 128) | 128;
      rest = Math.floor(rest / 128);
    }
    this.buffer[this.length++] = rest;
  }

  bytes(data: Buffer): void {
    this.room(data.length);
    data.copy(this.buffer, this.length);
    this.length += data.length;
  }

  result(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

const zigzag = (value: number): number => (value >= 0 ? value * 2 : -value * 2 - 1);
const unzigzag = (value: number): number => (value % 2 === 0 ? value / 2 : -(value + 1) / 2);

/*
The packed columns (COLUMNS_VERSION 1), not compressed: about 4 bytes a line, read without inflating
anything (a time or host question never pays for decompression, and a zlib call costs ~50 us of set-up).
  varint count, varint names, then each name as varint byte length + UTF-8
  time: per line a varint, 0 = no time, else 1 + w where w = 2 * zigzag(delta / 1000) for whole seconds
        (1 byte for the same or the next second) or 2 * zigzag(delta) + 1 in ms; delta from the line before
  host, program: per line the name's varint index (0 = none)
  package, format, event count: runs of (varint value, varint length): they change rarely
*/

/** The packed columns of `lines`. */
export function packColumns(lines: readonly LineToPack[]): Buffer {
  const names = new Map<string, number>();
  const order: string[] = [];
  const nameIndex = (value: string | null): number => {
    if (value === null) return 0;
    let index = names.get(value);
    if (index === undefined) {
      order.push(value);
      index = order.length;
      names.set(value, index);
    }
    return index;
  };
  // One pass over the lines; consecutive lines mostly repeat a name, so the last one of each column is
  // remembered before the map is asked.
  const count = lines.length;
  const host = new Uint32Array(count);
  const program = new Uint32Array(count);
  const packageName = new Uint32Array(count);
  const format = new Uint32Array(count);
  const events = new Uint32Array(count);
  let lastHost: string | null = null;
  let lastProgram: string | null = null;
  let lastPackage: string | null = null;
  let lastFormat: string | null = null;
  let hostIndex = 0;
  let programIndex = 0;
  let packageIndex = 0;
  let formatIndex = 0;
  for (let index = 0; index < count; index++) {
    const line = lines[index];
    if (line.host !== lastHost) hostIndex = nameIndex((lastHost = line.host));
    if (line.program !== lastProgram) programIndex = nameIndex((lastProgram = line.program));
    if (line.package !== lastPackage) packageIndex = nameIndex((lastPackage = line.package));
    if (line.format !== lastFormat) formatIndex = nameIndex((lastFormat = line.format));
    host[index] = hostIndex;
    program[index] = programIndex;
    packageName[index] = packageIndex;
    format[index] = formatIndex;
    events[index] = eventCountOf(line);
  }

  const writer = new ByteWriter();
  writer.varint(COLUMNS_VERSION);
  writer.varint(count);
  writer.varint(order.length);
  for (const name of order) {
    const bytes = Buffer.from(name, "utf8");
    writer.varint(bytes.length);
    writer.bytes(bytes);
  }
  // Index loops throughout: a for-of here allocated an iterator result per line and column.
  let previous = 0;
  for (let index = 0; index < count; index++) {
    const ts = lines[index].ts;
    if (ts === null) {
      writer.varint(0);
      continue;
    }
    const delta = ts - previous;
    writer.varint(1 + (delta % 1000 === 0 ? 2 * zigzag(delta / 1000) : 2 * zigzag(delta) + 1));
    previous = ts;
  }
  for (let index = 0; index < count; index++) writer.varint(host[index]);
  for (let index = 0; index < count; index++) writer.varint(program[index]);
  const runs = (values: Uint32Array): void => {
    let at = 0;
    while (at < values.length) {
      let end = at + 1;
      while (end < values.length && values[end] === values[at]) end++;
      writer.varint(values[at]);
      writer.varint(end - at);
      at = end;
    }
  };
  runs(packageName);
  runs(format);
  runs(events);
  return writer.result();
}

export function unpackColumns(data: Buffer): BlockColumns {
  // Read with a local cursor, not a method per value: a million lines are millions of varints.
  let position = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (position >= data.length)
        throw new StoreError("a stored block of lines is damaged (its columns end early)", { hint: "analyse the logs again into a new --db" });
      const byte = data[position++];
      if (byte < 128) return value + byte * scale;
      value += (byte & 127) * scale;
      scale *= 128;
    }
  };
  const version = varint();
  if (version !== COLUMNS_VERSION) {
    throw new StoreError(`a block of stored lines has columns of version ${version}, which this mcadvisor cannot read`, {
      hint: "upgrade mcadvisor, or analyse the logs again into a new --db",
    });
  }
  const count = varint();
  const nameCount = varint();
  const names: (string | null)[] = [null];
  for (let index = 0; index < nameCount; index++) {
    const bytes = varint();
    names.push(data.toString("utf8", position, position + bytes));
    position += bytes;
  }
  const ts: (number | null)[] = new Array(count);
  let previous = 0;
  for (let index = 0; index < count; index++) {
    const byte = data[position];
    const value = byte < 128 ? (position++, byte) : varint();
    if (value === 0) {
      ts[index] = null;
      continue;
    }
    const coded = value - 1;
    previous += coded % 2 === 0 ? unzigzag(coded / 2) * 1000 : unzigzag((coded - 1) / 2);
    ts[index] = previous;
  }
  const named = (): (string | null)[] => {
    const values: (string | null)[] = new Array(count);
    for (let index = 0; index < count; index++) {
      const byte = data[position];
      values[index] = names[byte < 128 ? (position++, byte) : varint()] ?? null;
    }
    return values;
  };
  const host = named();
  const program = named();
  const runs = <T>(map: (value: number) => T): T[] => {
    const values: T[] = new Array(count);
    let at = 0;
    while (at < count) {
      const value = map(varint());
      const length = varint();
      if (length === 0 || at + length > count)
        throw new StoreError("a stored block of lines is damaged (its columns do not add up)", { hint: "analyse the logs again into a new --db" });
      values.fill(value, at, at + length);
      at += length;
    }
    return values;
  };
  const packageName = runs((value) => names[value] ?? null);
  const format = runs((value) => names[value] ?? "unknown");
  const eventCount = runs((value) => value);
  return { count, ts, host, program, package: packageName, format, eventCount };
}

/** The lines' texts as one buffer (newline-separated; a framed line never holds a newline). */
export function packTexts(lines: readonly LineToPack[]): Buffer {
  // join writes one flat string; appending line by line made a rope of a string per line, flattened again by Buffer.from.
  const texts = new Array<string>(lines.length);
  for (let index = 0; index < lines.length; index++) texts[index] = lines[index].text;
  return Buffer.from(texts.join("\n"), "utf8");
}

/** The texts of a block as one string (newline-separated). */
export function textOf(data: Buffer): string {
  // Logs are nearly always ASCII, where latin1 decoding gives the same characters faster.
  return data.toString(isAscii(data) ? "latin1" : "utf8");
}

export function unpackTexts(data: Buffer, count: number): string[] {
  return splitTexts(textOf(data), count);
}

export function splitTexts(text: string, count: number): string[] {
  const texts = text.split("\n");
  if (texts.length !== count) {
    throw new StoreError(`a stored block of lines is damaged (${texts.length} texts for ${count} lines)`, { hint: "analyse the logs again into a new --db" });
  }
  return texts;
}

/** What a block row says about its lines, besides the blobs. */
export interface BlockSummary {
  readonly lineCount: number;
  readonly tsMin: number | null;
  readonly tsMax: number | null;
  /** Lines without a time (configuration files, lines before any timestamp). */
  readonly untimed: number;
  readonly textBytes: number;
}

export function summarise(lines: readonly LineToPack[], textBytes: number): BlockSummary {
  let tsMin: number | null = null;
  let tsMax: number | null = null;
  let untimed = 0;
  for (let index = 0; index < lines.length; index++) {
    const ts = lines[index].ts;
    if (ts === null) {
      untimed++;
      continue;
    }
    if (tsMin === null || ts < tsMin) tsMin = ts;
    if (tsMax === null || ts > tsMax) tsMax = ts;
  }
  return { lineCount: lines.length, tsMin, tsMax, untimed, textBytes };
}

/** The id of a line in `log_lines.line_id` and in the search index: its file and line number, stable whatever the blocks. */
export const LINE_ID_FILE_FACTOR = 2 ** 32;
export const lineIdOf = (fileId: number, lineNo: number): number => fileId * LINE_ID_FILE_FACTOR + lineNo;
export const fileIdOfLine = (lineId: number): number => Math.floor(lineId / LINE_ID_FILE_FACTOR);
export const lineNoOfLine = (lineId: number): number => lineId % LINE_ID_FILE_FACTOR;

/** A block ready to store: its summary and the compressed blobs. */
export interface EncodedBlock extends BlockSummary {
  readonly codec: BlockCodec;
  /** The texts, compressed with `codec`. */
  readonly text: Buffer;
  /** The packed columns (packColumns), never compressed. */
  readonly columns: Buffer;
}

/** `packedText`: the lines' texts already joined (packTexts, or an OpenText that holds exactly these lines). */
export function encodeBlock(lines: readonly LineToPack[], codec: BlockCodec, packedText?: Buffer): EncodedBlock {
  const text = packedText ?? packTexts(lines);
  return { ...summarise(lines, text.length), codec, text: compress(codec, text), columns: packColumns(lines) };
}

/**
The joined text of a block that lines still join (a followed file's last block), kept between appends: an
appended line writes its own bytes instead of the whole block's texts being joined and encoded into new 64 KiB
strings and buffers again, whose garbage was the appends' p99 (bench/append-latency.mjs).

Each value is a snapshot (a length and a line count) of a buffer its continuations share. `plus` writes past
the snapshot's end, so a continuation made in a transaction that rolled back is overwritten by the next one
made from the committed snapshot; only the newest continuation of a snapshot is valid.
*/
export class OpenText {
  private constructor(
    private readonly shared: { buffer: Buffer },
    readonly length: number,
    readonly count: number,
  ) {}

  static of(lines: readonly LineToPack[]): OpenText {
    const text = packTexts(lines);
    const buffer = Buffer.allocUnsafe(Math.max(OPEN_TEXT_CAPACITY, text.length * 2));
    text.copy(buffer);
    return new OpenText({ buffer }, text.length, lines.length);
  }

  /** This text with `text` as one more line. */
  plus(text: string): OpenText {
    const separator = this.count > 0 ? 1 : 0;
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    const needed = this.length + separator + text.length * 3;
    let { buffer } = this.shared;
    if (needed > buffer.length) {
      const larger = Buffer.allocUnsafe(Math.max(needed, buffer.length * 2));
      buffer.copy(larger, 0, 0, this.length);
      this.shared.buffer = buffer = larger;
    }
    if (separator) buffer[this.length] = 10;
    const written = buffer.write(text, this.length + separator, "utf8");
    return new OpenText(this.shared, this.length + separator + written, this.count + 1);
  }

  /** The joined texts (a view: valid until a continuation of an older snapshot is made). */
  bytes(): Buffer {
    return this.shared.buffer.subarray(0, this.length);
  }
}

/** A block closes at BLOCK_TARGET_BYTES of text; its last line may take it past that. */
const OPEN_TEXT_CAPACITY = BLOCK_TARGET_BYTES + 16 * 1024;

/** Whether a block holding `bytes` of text in `count` lines takes no more lines. */
export const blockIsFull = (bytes: number, count: number): boolean => bytes >= BLOCK_TARGET_BYTES || count >= BLOCK_MAX_LINES;

/** A line's share of its block's text (UTF-16 length: close enough to its bytes to decide where a block ends). */
export const textCost = (text: string): number => text.length + 1;

/**
A block packed before it reaches the store (by the parse side, in the parse worker when it runs):
`firstLine` and the block's own line count say which lines it holds. The store writes it when its own block
boundaries agree (Store.appendLines), and encodes the block itself otherwise, so a sealed block saves work
and never decides what is stored. A sealed block is full, and the store writes every full block with
WRITE_CODEC, so a sealed block whose codec is "none" is one whose text is not compressed yet (BlockSealer
`compress: false`): the store compresses it before writing it (compressSealed).
*/
export interface SealedBlock {
  readonly firstLine: number;
  readonly block: EncodedBlock;
}

/**
The sealed blocks with their texts compressed: those the sealer left uncompressed are compressed here, the
others are kept as they are. Where the parse worker runs, this is the main thread's share of the per-block
work (deflate was the largest single item of the worker's profile, while the main thread waited for batches).
*/
export function compressSealed(blocks: readonly SealedBlock[]): readonly SealedBlock[] {
  if (!blocks.some((entry) => entry.block.codec === "none")) return blocks;
  return blocks.map((entry) =>
    entry.block.codec !== "none"
      ? entry
      : { firstLine: entry.firstLine, block: { ...entry.block, codec: WRITE_CODEC, text: compress(WRITE_CODEC, entry.block.text) } },
  );
}

/** The stored last block a file's new lines join first, as the store counts it (Store.openBlock). */
export interface OpenBlockState {
  readonly firstLine: number;
  readonly lineCount: number;
  /** Sum of the lines' textCost. */
  readonly bytes: number;
}

/** How a BlockSealer hands its blocks on. */
export interface SealerOptions {
  /**
  Compress each block's text here (default), or leave it for the store (compressSealed): the parse side then
  packs (texts and columns, which need the parsed lines) and the store's thread deflates (which needs only the
  bytes). What is stored is the same either way.
  */
  readonly compress?: boolean;
}

/**
Closes blocks where the store will close them (Store.appendLines: full by blockIsFull, or a gap in the line
numbers) and packs each closed one as soon as it is full, so packing runs where the lines are parsed: its
text compressed with WRITE_CODEC, or left for the store to compress (`compress: false`). It keeps the lines
of the block still open (at most a block's worth) across batches. A block that began in the stored last
block (`open`) is not sealed: its first lines are not here, and the store rewrites it as before.
*/
export class BlockSealer {
  private readonly lines: (LineToPack & { readonly lineNo: number })[] = [];
  private sealed: SealedBlock[] = [];
  private firstLine = 0;
  private count = 0;
  private bytes = 0;
  /** The open block began before these lines (in the stored last block): count it, do not seal it. */
  private inherited = false;
  private readonly codec: BlockCodec;

  constructor(open: OpenBlockState | null = null, options: SealerOptions = {}) {
    this.codec = options.compress === false ? "none" : WRITE_CODEC;
    if (open !== null && open.lineCount > 0 && !blockIsFull(open.bytes, open.lineCount)) {
      this.firstLine = open.firstLine;
      this.count = open.lineCount;
      this.bytes = open.bytes;
      this.inherited = true;
    }
  }

  /** Takes the next line; the blocks it closed are kept for `take`. */
  add(line: LineToPack & { readonly lineNo: number }): void {
    if (this.count > 0 && line.lineNo !== this.firstLine + this.count) this.close();
    if (this.count === 0) this.firstLine = line.lineNo;
    if (!this.inherited) this.lines.push(line);
    this.count++;
    this.bytes += textCost(line.text);
    if (blockIsFull(this.bytes, this.count)) this.close();
  }

  /** Seals the open block (the file is read to its end). */
  finish(): void {
    if (this.count > 0) this.close();
  }

  /** The blocks sealed since the last call. */
  take(): SealedBlock[] {
    const sealed = this.sealed;
    this.sealed = [];
    return sealed;
  }

  private close(): void {
    if (!this.inherited && this.lines.length > 0) this.sealed.push({ firstLine: this.firstLine, block: encodeBlock(this.lines, this.codec) });
    // encodeBlock keeps nothing of the array: it is emptied and refilled, not grown anew for every block.
    this.lines.length = 0;
    this.count = 0;
    this.bytes = 0;
    this.inherited = false;
  }
}
