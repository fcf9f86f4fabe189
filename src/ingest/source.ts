import { createReadStream, statSync, openSync, readSync, closeSync, fstatSync, type Stats } from "node:fs";
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";
import { InputError, UnreadableFileError } from "../errors.js";
import { decompressedStream } from "./compression.js";
import { compressionOf } from "../model/file-names.js";

/** How much of a file's head identifies it: enough to tell two logs apart, small enough to read on every event. */
export const FINGERPRINT_BYTES = 4096;

export interface FileIdentity {
  readonly fingerprint: string;
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  /** Bytes in the head that was hashed (a file shorter than FINGERPRINT_BYTES is hashed whole). */
  readonly headBytes: number;
  /** That head: the first FINGERPRINT_BYTES of the content (decompressed), or all of it when shorter. */
  readonly head: Buffer;
  /** Hash of the first n bytes of the head (to recognise a short file that has grown). */
  readonly headHash: (bytes: number) => string;
  /** The whole content of a small plain file, read with the head when asked for (identify's `readSmall`). */
  readonly readAhead?: ReadAhead;
}

/**
A small plain file read whole where its head was read, its descriptor still open: the parse takes its bytes
from here and goes on reading from the descriptor as contentChunks would, so the file is opened, looked at
and read once instead of twice. Whoever holds it closes it (again is harmless).
*/
export interface ReadAhead {
  /** The bytes from 0 read in one call. */
  readonly data: Buffer;
  /** How much the next read asks for (readAtOnce: a probe for growth after a short read). */
  readonly nextRoom: number;
  readonly descriptor: number;
  close(): void;
}

export function hashHead(head: Buffer): string {
  return createHash("sha256").update(head).digest("hex");
}

function readHeadPlain(path: string): Buffer {
  const descriptor = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(FINGERPRINT_BYTES);
    const count = readSync(descriptor, buffer, 0, FINGERPRINT_BYTES, 0);
    return buffer.subarray(0, count);
  } finally {
    closeSync(descriptor);
  }
}

/** A compressed file's content: the format its name says (compression.ts); gzip for a file flagged compressed without a known suffix. */
function decompressed(path: string, chunkSize?: number): Readable {
  return decompressedStream(path, compressionOf(path) ?? "gzip", chunkSize);
}

async function readHeadCompressed(path: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decompressed(path, 64 * 1024);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      total += chunk.length;
      if (total >= FINGERPRINT_BYTES) break;
    }
  } catch (error) {
    if (total === 0) throw error; // a truncated archive still has a readable head
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, FINGERPRINT_BYTES);
}

/**
The last `bytes` of a compressed file's text (its newest lines, for the year of year-less ones): the archive is
read through once more, keeping only the tail. A truncated archive gives the tail of what it holds (the newest lines
that can be read); empty when nothing can be read (the read that follows reports why).
*/
export async function readTailCompressed(path: string, bytes = 4096): Promise<string> {
  let tail: Buffer = Buffer.alloc(0);
  const stream = decompressed(path);
  try {
    // A trailing run of NUL bytes is no text (blocks the writer never filled): the tail ends before it. What a chunk's
    // end left out is given back, NULs aside, when text follows (a line end between two chunks).
    let gap: Buffer = Buffer.alloc(0);
    for await (const whole of stream as AsyncIterable<Buffer>) {
      const end = textEnd(whole);
      const left = Buffer.from(whole.subarray(end).filter((byte) => byte !== 0)).subarray(-16);
      if (end === 0) {
        gap = Buffer.concat([gap, left]).subarray(-16);
        continue;
      }
      const chunk = Buffer.concat([gap, whole.subarray(0, end)]);
      gap = left;
      tail = chunk.length >= bytes ? chunk.subarray(chunk.length - bytes) : Buffer.concat([tail, chunk]).subarray(-bytes);
    }
  } catch {
    // truncated or damaged: what was read so far is the newest readable text
  } finally {
    stream.destroy();
  }
  return Buffer.from(tail).toString("latin1");
}

/**
How far a tail read looks back over a file's trailing NUL bytes for its last text: a node that crashed while writing
leaves blocks allocated and never written (kilobytes of NULs after the last line, round 60 #17), and the year of a
log's year-less lines comes from its newest text, not from them.
*/
const NUL_TAIL_LOOKBACK = 4 * 1024 * 1024;

/** The end of `buffer` without its trailing NUL bytes and the line ends or blanks among them (0 when it holds nothing else). */
export function textEnd(buffer: Uint8Array): number {
  let end = buffer.length;
  while (end > 0 && (buffer[end - 1] === 0 || buffer[end - 1] === 0x0a || buffer[end - 1] === 0x0d || buffer[end - 1] === 0x20)) end--;
  return end;
}

/**
The last `bytes` of a plain file's text (its newest lines, for the year of year-less ones), a trailing run of NUL
bytes left out (NUL_TAIL_LOOKBACK); empty when it cannot be read.
*/
export function readTailPlain(path: string, size: number, bytes = 4096): string {
  if (size <= 0) return "";
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    let end = size;
    const block = Buffer.alloc(Math.max(bytes, 64 * 1024));
    // Step back over the NUL run, a block at a time, to the last byte that is not NUL.
    while (end > 0 && size - end < NUL_TAIL_LOOKBACK) {
      const length = Math.min(block.length, end);
      const count = readSync(descriptor, block, 0, length, end - length);
      const found = textEnd(block.subarray(0, count));
      if (found > 0) {
        end = end - length + found;
        break;
      }
      end -= length;
    }
    if (end <= 0) return "";
    const length = Math.min(bytes, end);
    const buffer = Buffer.alloc(length);
    const count = readSync(descriptor, buffer, 0, length, end - length);
    return buffer.subarray(0, count).toString("latin1");
  } catch {
    return ""; // unreadable: the read that follows reports it
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** The first FINGERPRINT_BYTES of a file's content (decompressed). */
export async function readHead(path: string, compressed: boolean): Promise<Buffer> {
  return compressed ? readHeadCompressed(path) : readHeadPlain(path);
}

/**
Identity by content (head fingerprint) plus device and inode, so a renamed or copied log is recognised.
`readSmall`: a plain file that contentChunks would read in one call is read whole here (`readAhead`).
`stats`: the path's stat the caller already took in this run (analyze, for its progress total), used instead
of a second one; the whole-file read still reads past its size, so lines added since are read.
`head`: the file's first FINGERPRINT_BYTES (decompressed) the caller already read in this run (analyze, to tell
a dated syslog), used instead of reading them again when the file is not read whole here.
*/
export async function identify(
  path: string,
  compressed: boolean,
  options: { readonly readSmall?: boolean; readonly stats?: Stats; readonly head?: Buffer } = {},
): Promise<FileIdentity> {
  try {
    const stats = options.stats ?? statSync(path);
    if (!stats.isFile()) throw new UnreadableFileError(`${path} is not a regular file`, path, "not a regular file");
    const readAhead = !compressed && options.readSmall === true && stats.size <= READ_AT_ONCE_BYTES ? readWholeSmall(path, stats.size) : undefined;
    const head = readAhead
      ? readAhead.data.subarray(0, FINGERPRINT_BYTES)
      : (options.head ?? (compressed ? await readHeadCompressed(path) : readHeadPlain(path)));
    return {
      fingerprint: hashHead(head),
      dev: stats.dev,
      ino: stats.ino,
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      headBytes: head.length,
      head,
      headHash: (bytes) => hashHead(head.subarray(0, bytes)),
      readAhead,
    };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new UnreadableFileError(`cannot read ${path}: ${describeError(error)}`, path, errorInBrief(error), {
      hint: "check that the file exists, is readable, and (when compressed) is a complete archive of the kind its name says; the other inputs are analysed",
      cause: error,
    });
  }
}

/** zlib's "unexpected end of file": the archive stops before its end-of-stream marker (a copy cut short). */
export function isTruncatedGzip(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "Z_BUF_ERROR" && /unexpected end of file/.test((error as Error).message ?? "");
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? String(error);
  if (isTruncatedGzip(error)) return "truncated gzip archive: it ends before its end-of-stream marker, nothing could be decompressed";
  if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") return `not a valid gzip archive (${message})`;
  return code ? `${code}: ${message}` : message;
}

// What the file system's refusals mean for a log that was to be read, in a few words.
const ERROR_CODES_IN_BRIEF: Readonly<Record<string, string>> = {
  ENOENT: "no such file, or a dangling symbolic link",
  ELOOP: "a symbolic link loop",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "a folder",
  EIO: "an I/O error",
};

/** Why a file could not be read, in a few words (for a sentence naming several files); describeError says it in full. */
export function errorInBrief(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (isTruncatedGzip(error)) return "a truncated gzip archive, nothing could be decompressed";
  if (code === "Z_DATA_ERROR" || code === "Z_BUF_ERROR") return "not a valid gzip archive";
  return (code === undefined ? undefined : ERROR_CODES_IN_BRIEF[code]) ?? describeError(error);
}

/**
The file's bytes from `offset` (decompressed when compressed). A compressed stream cannot seek, so for a
compressed file the caller must skip `skipBytes` of the stream itself.
*/
export function openContent(path: string, compressed: boolean, offset: number): { stream: Readable; skipBytes: number } {
  if (!compressed) return { stream: createReadStream(path, { start: offset, highWaterMark: 1 << 20 }), skipBytes: 0 };
  return { stream: decompressed(path), skipBytes: offset };
}

/** Up to this many bytes past the offset, a plain file is read in one synchronous call (contentChunks). */
export const READ_AT_ONCE_BYTES = 1 << 20;
/** The read that looks past a small file's end: small enough for Node's shared buffer pool. */
const GROWTH_PROBE_BYTES = 1024;

/** The chunks of a file's content from `offset`, how many of them to skip (see openContent), and how to let go of the file. */
export interface Content {
  readonly chunks: AsyncIterable<Buffer> | Iterable<Buffer>;
  readonly skipBytes: number;
  close(): void;
}

/**
The file's bytes from `offset`, as openContent gives them, except that a small plain file is read with
one synchronous call when the chunks are iterated (so an unreadable file fails there, as a stream does):
a stream's open, reads and close each wait for the thread pool, and over the hundreds of small files of
a set of bundles those waits were about a tenth of analyze's wall time (samples/, a loaded machine).
*/
export function contentChunks(path: string, compressed: boolean, offset: number, readAhead?: ReadAhead): Content {
  if (readAhead !== undefined) {
    if (!compressed && offset < readAhead.data.length) return { chunks: readOnFrom(readAhead, offset), skipBytes: 0, close: () => readAhead.close() };
    readAhead.close();
  }
  if (!compressed && remainingBytes(path, offset) <= READ_AT_ONCE_BYTES) return { chunks: readAtOnce(path, offset), skipBytes: 0, close: () => {} };
  const { stream, skipBytes } = openContent(path, compressed, offset);
  return { chunks: stream as AsyncIterable<Buffer>, skipBytes, close: () => stream.destroy() };
}

/** Bytes past `offset`; infinite when the file cannot be looked at (its stream then reports why). */
function remainingBytes(path: string, offset: number): number {
  try {
    return statSync(path).size - offset;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** The file from `offset` to its end, in one read (more if it grew meanwhile). */
function* readAtOnce(path: string, offset: number): Generator<Buffer> {
  const descriptor = openSync(path, "r");
  try {
    yield* readOn(descriptor, offset, Math.max(fstatSync(descriptor).size - offset, 0) + 1);
  } finally {
    closeSync(descriptor);
  }
}

/** Reads from `position` until a read finds nothing, the first read asking for `room` bytes. */
function* readOn(descriptor: number, position: number, room: number): Generator<Buffer> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(room);
    const count = readSync(descriptor, buffer, 0, room, position);
    if (count === 0) return;
    position += count;
    // After a short read (the file's end) the next only looks for lines added since: a megabyte a file to
    // read nothing was most of what analyze allocated on samples/ (886 small files).
    room = nextRoom(count, room);
    yield buffer.subarray(0, count);
  }
}

function nextRoom(count: number, room: number): number {
  return count < room ? GROWTH_PROBE_BYTES : READ_AT_ONCE_BYTES;
}

/** readAtOnce of a file whose first read identify made: its bytes from `offset`, then on from the descriptor. */
function* readOnFrom(readAhead: ReadAhead, offset: number): Generator<Buffer> {
  try {
    yield readAhead.data.subarray(offset);
    yield* readOn(readAhead.descriptor, readAhead.data.length, readAhead.nextRoom);
  } finally {
    readAhead.close();
  }
}

/** A small plain file's first read, as readAtOnce makes it from byte 0, with its descriptor kept open (ReadAhead). */
function readWholeSmall(path: string, size: number): ReadAhead {
  const descriptor = openSync(path, "r");
  let open = true;
  const close = (): void => {
    if (open) closeSync(descriptor);
    open = false;
  };
  try {
    const room = size + 1;
    const buffer = Buffer.allocUnsafe(room);
    const count = readSync(descriptor, buffer, 0, room, 0);
    return { data: buffer.subarray(0, count), nextRoom: nextRoom(count, room), descriptor, close };
  } catch (error) {
    close();
    throw error;
  }
}
