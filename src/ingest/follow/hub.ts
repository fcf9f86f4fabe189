/**
All followed paths (path-follower.ts), the readers they hold (reader.ts: one per stored file record),
and the retired ones: files a path has moved on from, drained for `rotateWaitMs` after they last grew,
because writers keep writing to a renamed file for a moment. Also where rotated content is finished:
a copy that continues a truncated file (copytruncate), and stored files whose content now sits in a
rotated sibling (a restart during rotation). Copies nobody read are copies.ts's.
*/

import { closeSync, fstatSync, type Stats } from "node:fs";
import { dirname } from "node:path";
import { FINGERPRINT_BYTES, hashHead } from "../source.js";
import type { FileRecord, Store } from "../../store/store.js";
import { UnseenCopies, type CopyHost } from "./copies.js";
import { FileFollower, type FollowerContext } from "./path-follower.js";
import { headOf, openIfThere, READ_CHUNK, readHead, Reader, siblingsOf, statOrNull, type LineSink } from "./reader.js";
import { FileRecords, type FollowedPlace } from "./records.js";
import { headMatches, identityOf, sameInode, type Inode } from "./rotation.js";

export interface FollowerHubOptions {
  readonly store: Store;
  /** Called once per reader before any of its lines: how its lines are parsed and stored. */
  readonly sinkFor: (record: FileRecord, path: string, place: FollowedPlace) => LineSink;
  /** How long a rotated or deleted file is still read after it last grew. @default 2000 */
  readonly rotateWaitMs?: number;
  /** Bytes one check reads before yielding to the event loop. @default 8 MiB */
  readonly budgetBytes?: number;
  /** A file that cannot be read (permissions, I/O): reported, the others go on. */
  readonly onProblem?: (path: string, error: Error) => void;
}

/** How often retired readers are drained (they get no events of their own). */
const RETIRED_CHECK_MS = 100;

export class FollowerHub implements FollowerContext, CopyHost {
  closed = false;
  readonly records: FileRecords;
  private readonly byPath = new Map<string, FileFollower>();
  private readonly held = new Map<number, Reader>();
  private readonly retired = new Set<Reader>();
  private retiredTimer: NodeJS.Timeout | null = null;
  private readonly copies = new UnseenCopies(this);
  private readonly rotateWaitMs: number;
  private readonly budgetBytes: number;
  private readonly buffer = Buffer.alloc(READ_CHUNK);

  constructor(private readonly options: FollowerHubOptions) {
    this.rotateWaitMs = options.rotateWaitMs ?? 2000;
    this.budgetBytes = options.budgetBytes ?? 8 * READ_CHUNK;
    this.records = new FileRecords(options.store, (recordId) => this.held.has(recordId));
  }

  get store(): Store {
    return this.options.store;
  }

  follower(path: string): FileFollower | undefined {
    return this.byPath.get(path);
  }

  followers(): Iterable<FileFollower> {
    return this.byPath.values();
  }

  follow(path: string, place: FollowedPlace): FileFollower {
    let follower = this.byPath.get(path);
    if (!follower) {
      follower = new FileFollower(path, place, this);
      this.byPath.set(path, follower);
    }
    follower.poke();
    return follower;
  }

  paths(): string[] {
    return [...this.byPath.keys()];
  }

  /** Poke every follower in `directory` (a rename or create there may concern them), or all. */
  pokeAll(directory?: string): void {
    for (const follower of this.byPath.values()) {
      if (directory === undefined || dirname(follower.path) === directory) follower.poke();
    }
    if (this.retired.size > 0) this.checkRetired();
  }

  problem(path: string, error: Error): void {
    if (this.options.onProblem) this.options.onProblem(path, error);
    else throw error;
  }

  /** A file that may be a rotated copy of a followed one appeared or changed (copies.ts). */
  siblingChanged(candidate: string): void {
    this.copies.siblingChanged(candidate);
  }

  lookForCopies(owner: FileFollower): void {
    this.copies.lookForCopies(owner);
  }

  /** Opens the file now at `path` and finds (or adds) its record; null when another reader already holds that content. */
  open(owner: FileFollower | null, path: string, place: FollowedPlace, known?: FileRecord): Reader | null {
    const fd = openIfThere(path);
    return fd === null ? null : this.attach(fd, owner, path, place, known);
  }

  readAsNew(fd: number, path: string, place: FollowedPlace): void {
    const reader = this.attach(fd, null, path, place);
    if (reader) this.retire(reader);
  }

  /** A reader on an open descriptor (closed here unless a reader keeps it). */
  private attach(fd: number, owner: FileFollower | null, path: string, place: FollowedPlace, known?: FileRecord): Reader | null {
    let keep = false;
    try {
      const stats = fstatSync(fd);
      if (stats.size === 0) return null; // an empty file has no head to recognise it by: wait for content
      const head = readHead(fd, Math.min(stats.size, FINGERPRINT_BYTES));
      const record = this.records.recordOf(path, place, stats, head, known);
      const holder = this.held.get(record.id);
      if (holder) return owner && sameInode(stats, holder) ? this.adopt(holder, owner, path) : null;
      if (record.path !== path || !sameInode(stats, record)) this.store.relocateFile(record.id, path, stats.dev, stats.ino);
      const reader = new Reader(fd, path, stats.dev, stats.ino, record, this.options.sinkFor(record, path, place));
      this.records.growFingerprint(reader, head);
      reader.owner = owner;
      this.held.set(record.id, reader);
      keep = true;
      return reader;
    } finally {
      if (!keep) closeSync(fd);
    }
  }

  /**
  The renamed file we were still draining is followed under its new name: its reader goes on. (Any other
  holder means its content is being read from another copy: look again once that reader is done.)
  */
  private adopt(holder: Reader, owner: FileFollower, path: string): Reader {
    this.retired.delete(holder);
    holder.retired = false;
    holder.owner = owner;
    holder.path = path;
    this.store.relocateFile(holder.record.id, path, holder.dev, holder.ino);
    return holder;
  }

  /** Reads from the reader's position to EOF (or the byte budget); true when more is waiting. */
  drain(reader: Reader): boolean {
    return reader.drain(this.buffer, this.budgetBytes);
  }

  refreshFingerprint(reader: Reader, size: number): void {
    this.records.refreshFingerprint(reader, size);
  }

  holdsInode(inode: Inode): boolean {
    for (const reader of this.held.values()) if (sameInode(inode, reader)) return true;
    return false;
  }

  holdsHead(head: Buffer): boolean {
    for (const reader of this.held.values()) if (readHead(reader.fd, head.length).equals(head)) return true;
    return false;
  }

  /** Each rotated sibling's identity and the hash of its head, read at a follower's first look. */
  siblingHeads(path: string): Map<string, string> {
    const heads = new Map<string, string>();
    for (const candidate of siblingsOf(path)) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile()) continue;
      heads.set(identityOf(stats), hashHead(headOf(candidate, Math.min(stats.size, FINGERPRINT_BYTES))));
    }
    return heads;
  }

  /**
  Truncated in place. If a rotated copy beside it starts with the same head (copytruncate), the rest
  of the old content is read from that copy; otherwise the old content's partial last line will never
  be completed and is stored as it is. The new content is then followed as a new file.
  */
  afterTruncation(reader: Reader, path: string, place: FollowedPlace): void {
    const copy = this.findCopy(reader, path);
    this.held.delete(reader.record.id);
    if (!copy) reader.flush();
    closeSync(reader.fd);
    if (copy) this.scanSiblings(path, place, reader.record);
    this.pokeAll(dirname(path));
  }

  private findCopy(reader: Reader, path: string): string | null {
    for (const candidate of siblingsOf(path)) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile() || stats.ino === reader.ino || stats.size < reader.framer.committedOffset) continue;
      if (reader.isHeadOf(headOf(candidate, reader.headBytes))) return candidate;
    }
    return null;
  }

  /**
  Finishes stored files whose content now sits in a rotated sibling (renamed or copied while we were
  not looking): each is read from its checkpoint to EOF as a retired reader. `known` is a record whose
  copy is expected (copytruncate); other siblings are recognised by their stored fingerprint.
  */
  scanSiblings(path: string, place: FollowedPlace, known: FileRecord | null): void {
    for (const candidate of siblingsOf(path)) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile() || stats.size === 0) continue;
      const record = this.recordOfSibling(candidate, stats, place, known);
      if (!record || record.offset >= stats.size || this.held.has(record.id)) continue;
      const reader = this.open(null, candidate, { ...place, bundle: record.bundle }, record);
      if (reader) this.retire(reader);
    }
  }

  private recordOfSibling(candidate: string, stats: Stats, place: FollowedPlace, known: FileRecord | null): FileRecord | undefined {
    const head = headOf(candidate, Math.min(stats.size, FINGERPRINT_BYTES));
    if (known && headMatches(known, head)) return this.store.fileById(known.id);
    return this.records.identify(place.bundle, candidate, stats, head);
  }

  /** The path moved on: drain this inode now and for a while after it last grows, then close it. */
  retire(reader: Reader): void {
    reader.retired = true;
    reader.owner = null;
    reader.lastGrowth = Date.now();
    this.retired.add(reader);
    this.checkRetired();
  }

  private checkRetired(): void {
    const now = Date.now();
    for (const reader of this.retired) {
      while (this.drain(reader)) {
        /* a retired file is finite: read it all */
      }
      if (reader.headChanged || now - reader.lastGrowth >= this.rotateWaitMs) this.closeRetired(reader);
    }
    if (this.retired.size > 0 && !this.retiredTimer && !this.closed) {
      // Only while something is being drained: a rotated file gets no events of its own.
      this.retiredTimer = setInterval(() => this.checkRetired(), RETIRED_CHECK_MS);
    } else if (this.retired.size === 0 && this.retiredTimer) {
      clearInterval(this.retiredTimer);
      this.retiredTimer = null;
    }
  }

  private closeRetired(reader: Reader): void {
    this.retired.delete(reader);
    // The file is finished: a last line without newline will never be completed, store it as it is.
    reader.flush();
    closeSync(reader.fd);
    this.held.delete(reader.record.id);
    // A follower may be waiting for this content (it found it held by us).
    for (const follower of this.byPath.values()) if (!follower.reader) follower.poke();
  }

  /** Reads everything still available (retired files to the end, partial last lines still held), then closes. */
  close(): void {
    if (this.closed) return;
    for (const follower of this.byPath.values()) {
      follower.cancelTrailing();
      try {
        if (follower.reader)
          while (this.drain(follower.reader)) {
            /* finish what is there */
          }
      } catch (error) {
        this.problem(follower.path, error as Error);
      }
    }
    // A copy still settling, or not yet reported, is examined now: after a restart it would be history.
    this.copies.judgeAllNow();
    for (const reader of [...this.retired]) {
      while (this.drain(reader)) {
        /* finish */
      }
    }
    this.closed = true;
    if (this.retiredTimer) clearInterval(this.retiredTimer);
    this.retiredTimer = null;
    // Retired readers keep their partial lines unstored: a restart finds them again from the checkpoint.
    for (const reader of this.held.values()) closeSync(reader.fd);
    this.held.clear();
    this.retired.clear();
  }
}
