/**
Bytes to lines. Logs copied off failing nodes are not clean text: CRLF, invalid UTF-8, NUL bytes,
binary junk, megabyte-long lines and a last line without a newline all occur. The framer never
throws and never drops a byte range: every line keeps the byte offsets it came from, a line over
`maxLineBytes` is stored cut with a marker saying how much was left out, and a partial last line
is held (live) or released at end of input (saved files).
*/

import { isUtf8 } from "node:buffer";
import { LegacyText } from "./legacy-text.js";

export interface FramedLine {
  /** 1-based line number within the file. */
  readonly lineNo: number;
  /** Byte offset of the line's first byte, and of the byte after its newline. */
  readonly startOffset: number;
  readonly endOffset: number;
  /** Decoded text without the line terminator: UTF-8, else a legacy encoding that reads it as text (legacy-text.ts), else U+FFFD for what is invalid. */
  readonly text: string;
  /** How many bytes of the line were cut off (0 when whole). */
  readonly cutBytes: number;
}

// A megabyte line (a stack dump, a base64 blob) is stored whole; the bound only keeps a binary file with no
// newline in it from being held in memory as one line.
export const DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

/**
Whether every byte is below 0x80. node:buffer's isAscii read 100 MiB of log in ~165 ms on the bench machine
(Node 20); OR-ing the bytes four at a time here takes ~25 ms.
*/
export function isAsciiBytes(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let at = 0;
  // Bytes up to a 4-byte boundary of the underlying memory, then whole 32-bit words, then the rest.
  const head = Math.min((4 - (bytes.byteOffset & 3)) & 3, length);
  for (; at < head; at++) if (bytes[at] >= 0x80) return false;
  const wordCount = (length - at) >> 2;
  if (wordCount > 0) {
    const words = new Int32Array(bytes.buffer, bytes.byteOffset + at, wordCount);
    let high = 0;
    for (let index = 0; index < wordCount; index++) {
      high |= words[index];
      // An early answer for binary input, without a test per word.
      if ((index & 1023) === 1023 && (high & 0x80808080) !== 0) return false;
    }
    if ((high & 0x80808080) !== 0) return false;
    at += wordCount * 4;
  }
  for (; at < length; at++) if (bytes[at] >= 0x80) return false;
  return true;
}

/**
`buffer.toString("latin1", start, end)`. Node's Buffer has a latin1Slice method (undocumented, what
toString calls after normalising its arguments and looking the encoding up): called directly it took
a third less time a line on the bench syslog (1M lines); toString where it is missing.
*/
type Latin1Buffer = Buffer & { latin1Slice(start: number, end: number): string };
const hasLatin1Slice = typeof (Buffer.prototype as Partial<Latin1Buffer>).latin1Slice === "function";
function latin1Text(chunk: Buffer, start: number, end: number): string {
  return hasLatin1Slice && end > start ? (chunk as Latin1Buffer).latin1Slice(start, end) : chunk.toString("latin1", start, end);
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Takes framed lines one by one (LineFramer.frame): no FramedLine object per line. */
export interface FramedLineSink {
  line(text: string, lineNo: number, startOffset: number, endOffset: number, cutBytes: number): void;
}

/** Collects FramedLine objects (what push and flush return). */
class FramedLineList implements FramedLineSink {
  readonly lines: FramedLine[] = [];
  line(text: string, lineNo: number, startOffset: number, endOffset: number, cutBytes: number): void {
    this.lines.push({ lineNo, startOffset, endOffset, text, cutBytes });
  }
}

export class LineFramer {
  private readonly decoder = new TextDecoder("utf-8", { fatal: false });
  private legacy: LegacyText | null = null;
  private readonly maxLineBytes: number;
  private held: Buffer[] = [];
  private heldBytes = 0;
  private droppedBytes = 0;
  private nextLineNo: number;
  private lineStart: number;

  /** Resume at `offset` with `lineCount` lines already framed before it. */
  constructor(options: { offset?: number; lineCount?: number; maxLineBytes?: number } = {}) {
    this.lineStart = options.offset ?? 0;
    this.nextLineNo = (options.lineCount ?? 0) + 1;
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** Offset of the first byte not yet part of a complete line: the checkpoint to store. */
  get committedOffset(): number {
    return this.lineStart;
  }

  get lineCount(): number {
    return this.nextLineNo - 1;
  }

  /** Bytes of an incomplete last line held back. */
  get pendingBytes(): number {
    return this.heldBytes + this.droppedBytes;
  }

  push(chunk: Buffer): FramedLine[] {
    const list = new FramedLineList();
    this.frame(chunk, list);
    return list.lines;
  }

  /** What push does, each complete line handed to `sink` as it is found. */
  frame(chunk: Buffer, sink: FramedLineSink): void {
    // Logs are nearly always ASCII: then a line's text is its bytes read as latin1 (the same code points
    // UTF-8 decoding gives), taken straight from the chunk without copying it aside first (bench/stages.mjs:
    // framing was about a fifth of parsing time).
    const ascii = isAsciiBytes(chunk);
    let position = 0;
    while (position < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, position);
      if (newline === -1) {
        this.hold(chunk.subarray(position));
        break;
      }
      if (ascii && this.heldBytes === 0 && this.droppedBytes === 0 && newline - position <= this.maxLineBytes) {
        this.emitWhole(chunk, position, newline, sink);
      } else {
        this.hold(chunk.subarray(position, newline));
        this.emit(1, sink);
      }
      position = newline + 1;
    }
  }

  /** End of input: release a last line that has no newline. */
  flush(): FramedLine[] {
    const list = new FramedLineList();
    this.flushTo(list);
    return list.lines;
  }

  /** What flush does, the last line handed to `sink`. */
  flushTo(sink: FramedLineSink): void {
    if (this.pendingBytes > 0) this.emit(0, sink);
  }

  /** The held partial line as text (for checkpoints and display), without consuming it. */
  pendingText(): string | null {
    if (this.pendingBytes === 0) return null;
    return this.decoder.decode(Buffer.concat(this.held));
  }

  private hold(part: Buffer): void {
    const room = this.maxLineBytes - this.heldBytes;
    if (part.length <= room) {
      if (part.length > 0) this.held.push(Buffer.from(part));
      this.heldBytes += part.length;
    } else {
      if (room > 0) this.held.push(Buffer.from(part.subarray(0, room)));
      this.heldBytes += Math.max(room, 0);
      this.droppedBytes += part.length - Math.max(room, 0);
    }
  }

  /** A whole ASCII line inside one chunk (nothing held): `start` up to the newline at `newline`. */
  private emitWhole(chunk: Buffer, start: number, newline: number, sink: FramedLineSink): void {
    const end = newline > start && chunk[newline - 1] === CARRIAGE_RETURN ? newline - 1 : newline;
    const totalBytes = newline - start + 1;
    const startOffset = this.lineStart;
    this.lineStart += totalBytes;
    sink.line(latin1Text(chunk, start, end), this.nextLineNo++, startOffset, startOffset + totalBytes, 0);
  }

  /** Made on the file's first line that is not UTF-8: most files have none. */
  private legacyText(): LegacyText {
    return (this.legacy ??= new LegacyText());
  }

  private emit(terminatorBytes: number, sink: FramedLineSink): void {
    let bytes = Buffer.concat(this.held, this.heldBytes);
    if (this.droppedBytes === 0 && bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) {
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    let text = isUtf8(bytes) ? this.decoder.decode(bytes) : (this.legacyText().read(bytes) ?? this.decoder.decode(bytes));
    if (this.droppedBytes > 0) text += ` [mcadvisor: line cut, ${this.droppedBytes} more bytes not stored]`;
    const totalBytes = this.heldBytes + this.droppedBytes + terminatorBytes;
    const startOffset = this.lineStart;
    const cutBytes = this.droppedBytes;
    this.lineStart += totalBytes;
    this.held = [];
    this.heldBytes = 0;
    this.droppedBytes = 0;
    sink.line(text, this.nextLineNo++, startOffset, startOffset + totalBytes, cutBytes);
  }
}

/**
A text run shorter than this, between bytes that are not text, counts as not text: random bytes are printable ASCII
a third of the time (0x20-0x7e), in runs of one or two, and counted one by one they made random data only about
half "not text"; a log's text comes in words and lines.
*/
const MIN_TEXT_RUN = 4;

/**
How many of `bytes` are not text: NUL and the other control bytes (tab, newline, vertical tab, form feed, carriage
return, backspace, bell and escape aside: terminals' output has them), DEL, bytes of invalid UTF-8, and text in runs
shorter than MIN_TEXT_RUN next to them. `complete`: `bytes` is the whole content, else a head whose last run and a
UTF-8 character cut at its end are taken as text.
*/
export function countNonTextBytes(bytes: Uint8Array, complete: boolean): number {
  // Nearly every log's head: ASCII without a control byte that is not text, found without a loop in JavaScript.
  if (isAsciiBytes(bytes) && !NON_TEXT_ASCII.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1"))) return 0;
  let nonText = 0;
  let run = 0;
  const notText = (count: number): void => {
    if (run < MIN_TEXT_RUN) nonText += run;
    run = 0;
    nonText += count;
  };
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at];
    if (byte < 0x80) {
      if (byte === 0x7f || (byte < 0x20 && !TEXT_CONTROLS.has(byte))) notText(1);
      else run++;
      at++;
      continue;
    }
    const length = utf8SequenceLength(bytes, at);
    if (length > 0) {
      run += length;
      at += length;
    } else if (length === 0 && !complete) {
      // A character cut by the end of the head: text, as far as anyone can tell.
      run += bytes.length - at;
      at = bytes.length;
    } else {
      notText(1);
      at++;
    }
  }
  // The content's last run, after bytes that are not text (a head's may go on past it).
  if (complete && nonText > 0 && run < MIN_TEXT_RUN) nonText += run;
  return nonText;
}

// The ASCII bytes that are not text (TEXT_CONTROLS are).
const NON_TEXT_ASCII = /[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f]/;
const TEXT_CONTROLS: ReadonlySet<number> = new Set([0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);

/** The length of the valid UTF-8 sequence at `at` (its first byte 0x80 or above), 0 when cut by the end of `bytes`, -1 when invalid. */
function utf8SequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at];
  let length: number;
  // The second byte's range excludes overlong forms and surrogates (RFC 3629, section 4).
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return -1;
  for (let offset = 1; offset < length; offset++) {
    if (at + offset >= bytes.length) return 0;
    const next = bytes[at + offset];
    if (offset === 1 ? next < low || next > high : next < 0x80 || next > 0xbf) return -1;
  }
  return length;
}

/** A file's content looks binary when more than half of the bytes looked at are not text (countNonTextBytes). */
export function looksBinary(nonTextBytes: number, bytesLookedAt: number): boolean {
  return nonTextBytes * 2 > bytesLookedAt;
}
