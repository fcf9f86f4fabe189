/**
Bytes from an offset: one open descriptor on one inode, read from where its stored record's checkpoint
left off, framed into lines by ingest/lines.ts and handed to a sink with the checkpoint that covers
them. Holding the descriptor keeps the inode alive, so its number cannot be reused while we read it.
Also the few file-system looks the rest of the follower shares (a head, a stat, the rotated names beside a path).
*/

import { closeSync, openSync, readdirSync, readSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { hashHead } from "../source.js";
import { LineFramer, type FramedLine } from "../lines.js";
import type { FileRecord } from "../../store/store.js";
import { isRotatedSibling, originalFingerprint, truncatedBelow } from "./rotation.js";

export interface FollowCheckpoint {
  readonly offset: number;
  readonly lineCount: number;
  readonly pending: string | null;
  readonly size: number;
  readonly dev: number;
  readonly ino: number;
}

/** Stores lines and the checkpoint that covers them in ONE transaction (Store.appendLines). */
export type LineSink = (lines: readonly FramedLine[], checkpoint: FollowCheckpoint) => void;

/** Who reads a file: the path that follows it, or nobody (a rotated copy drained until it is quiet). */
export interface ReaderOwner {
  readonly path: string;
}

export const READ_CHUNK = 1 << 20;

export class Reader {
  readonly framer: LineFramer;
  readPosition: number;
  fingerprint: string;
  headBytes: number;
  lastGrowth = Date.now();
  retired = false;
  committedPending: string | null = null;
  owner: ReaderOwner | null = null;
  /** The head no longer matched the fingerprint when bytes of it were read: truncated under us. */
  headChanged = false;

  constructor(
    public fd: number,
    public path: string,
    readonly dev: number,
    readonly ino: number,
    readonly record: FileRecord,
    readonly sink: LineSink,
  ) {
    this.framer = new LineFramer({ offset: record.offset, lineCount: record.lineCount });
    this.readPosition = record.offset;
    this.fingerprint = record.fingerprint;
    this.headBytes = record.headBytes;
  }

  /** Reads from the read position to EOF, or until `budgetBytes` are read; true when more is waiting. */
  drain(buffer: Buffer, budgetBytes: number): boolean {
    let budget = budgetBytes;
    let grew = false;
    while (budget > 0) {
      const count = readSync(this.fd, buffer, 0, buffer.length, this.readPosition);
      if (count === 0) break;
      // The head is checked after every read, wherever it read: a truncation before the read, even one
      // followed by regrowth past our position (copytruncate under a busy writer), shows as another
      // head, and the bytes are then dropped here and read again as the new content they are. A
      // truncation after the check came after the read: the bytes were the old content's.
      if (!this.headStillMatches()) {
        this.headChanged = true;
        break;
      }
      grew = true;
      this.readPosition += count;
      budget -= count;
      const lines = this.framer.push(buffer.subarray(0, count));
      if (lines.length > 0) this.commit(lines);
    }
    // Only a partial line arrived: the checkpoint shows it as pending (its offset does not move).
    if (grew && this.framer.pendingBytes > 0 && this.framer.pendingText() !== this.committedPending) this.commit([]);
    if (grew) this.lastGrowth = Date.now();
    return budget <= 0;
  }

  /** The file is finished: a last line without newline will never be completed, store it as it is. */
  flush(): void {
    const lines = this.framer.flush();
    if (lines.length > 0) this.commit(lines);
  }

  /** The same inode no longer holds the content we read: shorter than what we read, or another head. */
  truncated(stats: Stats): boolean {
    return truncatedBelow(stats.size, this.readPosition, this.headBytes, () => this.headStillMatches());
  }

  /**
  `head` starts with the content this reader reads. The record may have given its fingerprint up to a
  later file with the same head (a superseded fingerprint): its original is what the head must match.
  */
  isHeadOf(head: Buffer): boolean {
    return head.length >= this.headBytes && hashHead(head.subarray(0, this.headBytes)) === originalFingerprint(this.fingerprint);
  }

  private headStillMatches(): boolean {
    return this.isHeadOf(readHead(this.fd, this.headBytes));
  }

  private commit(lines: readonly FramedLine[]): void {
    const pending = this.framer.pendingText();
    this.committedPending = pending;
    this.sink(lines, {
      offset: this.framer.committedOffset,
      lineCount: this.framer.lineCount,
      pending,
      size: this.readPosition,
      dev: this.dev,
      ino: this.ino,
    });
  }
}

/** Up to `bytes` from the start of an open file. */
export function readHead(fd: number, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  let filled = 0;
  while (filled < bytes) {
    const count = readSync(fd, buffer, filled, bytes - filled, filled);
    if (count === 0) break;
    filled += count;
  }
  return buffer.subarray(0, filled);
}

/** Up to `bytes` from the start of the file at `path` (opened and closed here). */
export function headOf(path: string, bytes: number): Buffer {
  const fd = openSync(path, "r");
  try {
    return readHead(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/** Opens a file for reading; null when it is gone. */
export function openIfThere(path: string): number | null {
  try {
    return openSync(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw error;
  }
}

/** The rotated copies beside `path` now, by name order. */
export function siblingsOf(path: string): string[] {
  const directory = dirname(path);
  const name = basename(path);
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch {
    return [];
  }
  return names
    .filter((candidate) => isRotatedSibling(name, candidate))
    .sort()
    .map((candidate) => join(directory, candidate));
}
