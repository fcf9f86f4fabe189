/**
A parsed batch as the store needs it, and as it crosses from the parse worker to the main thread.

Slim: the lines inside the batch's sealed blocks (packed and compressed on the parse side) are not handed
on one by one; only the lines the main thread still reads are: every line that gave events (stored as
events, fed to the rules) and the lines of blocks the parse side did not seal (the file's open last block,
a stored block the batch continues). The rest of the batch is its totals. The main thread then does per-line
work for about a quarter of the lines (1M bench syslog: ~240k of 1M) instead of all of them, whichever
thread parsed.

Packed: the slim lines' texts are one UTF-8 buffer and their columns typed arrays, moved without a copy,
and only the lines that gave events carry objects. Exact: a framed line holds no newline and no lone
surrogate (it was decoded from UTF-8 or read as Latin-1), so joining, encoding, decoding and splitting give
it back.
*/

import { readEventCount, type EventDraft } from "../model/events.js";
import type { BlockCodec, SealedBlock } from "../store/block-codec.js";
import type { LineToStore, SlimTotals } from "../store/store.js";
import type { ParsedBatch } from "./parse-batches.js";

/** A ParsedBatch whose `lines` leave out the lines of its sealed blocks that gave no events. */
export interface SlimBatch extends Omit<ParsedBatch, "type"> {
  readonly type: "slim";
  readonly totals: SlimTotals;
}

/**
The batch made slim: its sealed blocks' lines without events are dropped, its totals counted. Lines of a
batch come in line order and its sealed blocks too (BlockSealer), so one pass walks both.
*/
export function slimBatch(batch: ParsedBatch): SlimBatch {
  const { lines, blocks } = batch;
  const kept: LineToStore[] = [];
  const blockStart: (number | null)[] = blocks.map(() => null);
  const blockEnd: (number | null)[] = blocks.map(() => null);
  let unparsed = 0;
  let events = 0;
  let tsMax: number | null = null;
  let block = 0;
  for (const line of lines) {
    const lineNo = line.lineNo;
    while (block < blocks.length && blocks[block].firstLine + blocks[block].block.lineCount <= lineNo) block++;
    const inside = block < blocks.length && lineNo >= blocks[block].firstLine;
    if (inside) {
      const { firstLine, block: sealed } = blocks[block];
      if (lineNo === firstLine) blockStart[block] = line.startOffset ?? null;
      if (lineNo === firstLine + sealed.lineCount - 1) blockEnd[block] = line.endOffset ?? null;
    }
    const eventCount = line.events.length === 0 ? 0 : readEventCount(line.events);
    if (!inside || line.events.length > 0) kept.push(line);
    events += eventCount;
    if (line.format === "unknown") unparsed++;
    if (line.ts !== null && (tsMax === null || line.ts > tsMax)) tsMax = line.ts;
  }
  return {
    ...batch,
    type: "slim",
    lines: kept,
    totals: { lines: lines.length, unparsed, events, tsMax, blockStart, blockEnd },
  };
}

export interface PackedBatch {
  readonly type: "packed";
  readonly count: number;
  readonly text: Uint8Array;
  /** The joined text's length in UTF-16 units: equal to its byte length when it is all ASCII (decoded faster, as Latin-1). */
  readonly textLength: number;
  readonly lineNo: Float64Array;
  /** NaN: no time (or no offset). */
  readonly ts: Float64Array;
  readonly startOffset: Float64Array;
  readonly endOffset: Float64Array;
  /** Host, program, package and format as indexes into `names` (-1: null). */
  readonly names: string[];
  readonly host: Int32Array;
  readonly program: Int32Array;
  readonly package: Int32Array;
  readonly format: Int32Array;
  /** The lines (indexes) that gave events, and their events. */
  readonly eventLines: Int32Array;
  readonly events: (readonly EventDraft[])[];
  /** The sealed blocks: per block BLOCK_FIELDS numbers, their blobs one after the other in `blockBytes`. */
  readonly blockFields: Float64Array;
  readonly blockCodecs: BlockCodec[];
  readonly blockBytes: Uint8Array;
  readonly rest: Omit<SlimBatch, "lines" | "blocks" | "type">;
}

// firstLine, lineCount, tsMin, tsMax (NaN: none), untimed, textBytes, compressed text length, columns length
const BLOCK_FIELDS = 8;

/** Sealed blocks as one buffer of their blobs (copied once: zlib's and the packer's buffers may be views of larger ones). */
function packBlocks(blocks: readonly SealedBlock[]): Pick<PackedBatch, "blockFields" | "blockCodecs" | "blockBytes"> {
  const blockFields = new Float64Array(blocks.length * BLOCK_FIELDS);
  let total = 0;
  for (const { block } of blocks) total += block.text.length + block.columns.length;
  const blockBytes = new Uint8Array(total);
  let at = 0;
  blocks.forEach(({ firstLine, block }, index) => {
    blockFields.set(
      [
        firstLine,
        block.lineCount,
        block.tsMin ?? Number.NaN,
        block.tsMax ?? Number.NaN,
        block.untimed,
        block.textBytes,
        block.text.length,
        block.columns.length,
      ],
      index * BLOCK_FIELDS,
    );
    blockBytes.set(block.text, at);
    blockBytes.set(block.columns, at + block.text.length);
    at += block.text.length + block.columns.length;
  });
  return { blockFields, blockCodecs: blocks.map(({ block }) => block.codec), blockBytes };
}

function unpackBlocks(packed: PackedBatch): SealedBlock[] {
  const { blockFields: fields, blockBytes } = packed;
  const blocks: SealedBlock[] = [];
  let at = 0;
  for (let index = 0; index < packed.blockCodecs.length; index++) {
    const base = index * BLOCK_FIELDS;
    const textLength = fields[base + 6];
    const columnsLength = fields[base + 7];
    const view = (offset: number, length: number): Buffer => Buffer.from(blockBytes.buffer, blockBytes.byteOffset + offset, length);
    blocks.push({
      firstLine: fields[base],
      block: {
        lineCount: fields[base + 1],
        tsMin: Number.isNaN(fields[base + 2]) ? null : fields[base + 2],
        tsMax: Number.isNaN(fields[base + 3]) ? null : fields[base + 3],
        untimed: fields[base + 4],
        textBytes: fields[base + 5],
        codec: packed.blockCodecs[index],
        text: view(at, textLength),
        columns: view(at + textLength, columnsLength),
      },
    });
    at += textLength + columnsLength;
  }
  return blocks;
}

const NO_EVENTS: readonly EventDraft[] = Object.freeze([]);

export function packBatch(batch: SlimBatch): PackedBatch {
  const { lines, blocks, type: _type, ...rest } = batch;
  const count = lines.length;
  const lineNo = new Float64Array(count);
  const ts = new Float64Array(count);
  const startOffset = new Float64Array(count);
  const endOffset = new Float64Array(count);
  const host = new Int32Array(count);
  const program = new Int32Array(count);
  const packageIndex = new Int32Array(count);
  const format = new Int32Array(count);
  const names: string[] = [];
  const known = new Map<string, number>();
  const name = (value: string | null): number => {
    if (value === null) return -1;
    let index = known.get(value);
    if (index === undefined) {
      index = names.length;
      names.push(value);
      known.set(value, index);
    }
    return index;
  };
  const eventLines: number[] = [];
  const events: (readonly EventDraft[])[] = [];
  const texts = new Array<string>(count);
  for (let index = 0; index < count; index++) {
    const line = lines[index];
    texts[index] = line.text;
    lineNo[index] = line.lineNo;
    ts[index] = line.ts ?? Number.NaN;
    startOffset[index] = line.startOffset ?? Number.NaN;
    endOffset[index] = line.endOffset ?? Number.NaN;
    host[index] = name(line.host);
    program[index] = name(line.program);
    packageIndex[index] = name(line.package);
    format[index] = name(line.format);
    if (line.events.length > 0) {
      eventLines.push(index);
      events.push(line.events);
    }
  }
  const joined = texts.join("\n");
  return {
    // TextEncoder gives the text its own ArrayBuffer (Buffer.from may share a pool, which must not be handed over).
    type: "packed",
    count,
    text: new TextEncoder().encode(joined),
    textLength: joined.length,
    lineNo,
    ts,
    startOffset,
    endOffset,
    names,
    host,
    program,
    package: packageIndex,
    format,
    eventLines: Int32Array.from(eventLines),
    events,
    ...packBlocks(blocks),
    rest,
  };
}

/** The buffers a packed batch can hand over instead of copying. */
export function transferables(packed: PackedBatch): ArrayBuffer[] {
  return [
    packed.text,
    packed.lineNo,
    packed.ts,
    packed.startOffset,
    packed.endOffset,
    packed.host,
    packed.program,
    packed.package,
    packed.format,
    packed.eventLines,
    packed.blockFields,
    packed.blockBytes,
  ]
    .map((array) => array.buffer as ArrayBuffer)
    .filter((buffer, index, all) => all.indexOf(buffer) === index && buffer.byteLength > 0);
}

export function unpackBatch(packed: PackedBatch): SlimBatch {
  const { count, names } = packed;
  const bytes = Buffer.from(packed.text.buffer, packed.text.byteOffset, packed.text.byteLength);
  // As many bytes as characters: all ASCII, where Latin-1 and UTF-8 agree and Latin-1 needs no decoding.
  const encoding = bytes.length === packed.textLength ? "latin1" : "utf8";
  const texts = count === 0 ? [] : bytes.toString(encoding).split("\n");
  const lines = new Array<LineToStore>(count);
  let next = 0;
  const nameAt = (index: number): string | null => (index < 0 ? null : names[index]);
  let at = 0;
  for (let index = 0; index < count; index++) {
    let events = NO_EVENTS;
    let text = texts[index];
    const bytesOfText = encoding === "latin1" ? text.length : Buffer.byteLength(text);
    if (next < packed.eventLines.length && packed.eventLines[next] === index) {
      events = packed.events[next++];
      // Its own copy: a split piece is a slice that keeps the whole batch's text alive, and an event's text
      // may be kept (evidence, a held run) long after the batch is stored.
      text = bytes.toString(encoding, at, at + bytesOfText);
    }
    at += bytesOfText + 1;
    const ts = packed.ts[index];
    const startOffset = packed.startOffset[index];
    const endOffset = packed.endOffset[index];
    lines[index] = {
      lineNo: packed.lineNo[index],
      ts: Number.isNaN(ts) ? null : ts,
      host: nameAt(packed.host[index]),
      program: nameAt(packed.program[index]),
      package: nameAt(packed.package[index]),
      format: names[packed.format[index]],
      text,
      events,
      startOffset: Number.isNaN(startOffset) ? undefined : startOffset,
      endOffset: Number.isNaN(endOffset) ? undefined : endOffset,
    };
  }
  return { ...packed.rest, type: "slim", lines, blocks: unpackBlocks(packed) };
}
