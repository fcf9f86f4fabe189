/**
Bytes to lines. Logs copied off failing nodes are not clean text: CRLF, invalid UTF-8, NUL bytes,
binary junk, megabyte-long lines and a last line without a newline all occur. The framer never
throws and never drops a byte range: every line keeps the byte offsets it came from, a line over
`maxLineBytes` is stored cut with a marker saying how much was left out, and a partial last line
is held (live) or released at end of input (saved files).
*/

export interface FramedLine {
  /** 1-based line number within the file. */
  readonly lineNo: number;
  /** Byte offset of the line's first byte, and of the byte after its newline. */
  readonly startOffset: number;
  readonly endOffset: number;
  /** Decoded text without the line terminator; invalid UTF-8 becomes U+FFFD. */
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

  private emit(terminatorBytes: number, sink: FramedLineSink): void {
    let bytes = Buffer.concat(this.held, this.heldBytes);
    if (this.droppedBytes === 0 && bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) {
      bytes = bytes.subarray(0, bytes.length - 1);
    }
    let text = this.decoder.decode(bytes);
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
