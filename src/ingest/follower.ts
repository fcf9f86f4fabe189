/**
The live follower: reads growing logs by file descriptor from a committed byte offset, so every line
appended is stored exactly once across rename rotation, copy-truncate, truncation, delete and
recreate, a partial last line, and a kill -9 (see docs/decisions.md for why not the `tail` package).

- A reader holds one open descriptor on one inode and one stored file record. Holding the descriptor
  keeps the inode alive, so its number cannot be reused while we follow it.
- A path that now names another inode (rename rotation, delete and recreate) retires its reader: the
  old descriptor is drained to EOF and kept for `rotateWaitMs` after its last growth, because writers
  keep writing to the renamed file for a moment.
- The same inode shrinking below the read position, or its head no longer hashing to the record's
  fingerprint, is a truncation: the rest of the old content is read from a rotated copy beside it when
  one has the same head (copytruncate), and the new content is a new record read from byte 0.
- After we have seen the followed path rotate (its inode replaced, or truncated), a rotated copy that
  appears beside it holding content no stored file and no open reader has (a file created, filled and
  copy-truncated between two of our looks) is read from byte 0 once it has settled. Rotated files
  present at our first look, and copies before any rotation (a tree copied in), are history, not ours.
- Lines go to a sink that must store them and the checkpoint in one transaction; the checkpoint
  offset covers complete lines only (a partial last line is held until its newline arrives).

Everything here is synchronous (reads are small and local; SQLite is synchronous too), so two checks
never interleave; a catch-up stops after a byte budget and continues on the next turn of the loop.
*/

import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join } from "node:path";
import { FINGERPRINT_BYTES, hashHead } from "./source.js";
import { LineFramer, type FramedLine } from "./lines.js";
import { specialFileKind } from "./discover.js";
import type { FileKind } from "../model/events.js";
import type { FileRecord, Store } from "../store/store.js";

export interface FollowedPlace {
  readonly kind: FileKind;
  readonly hostHint: string | null;
  readonly packageHint: string | null;
  readonly bundle: string;
}

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

const READ_CHUNK = 1 << 20;
/** A new rotated copy is examined once it has not changed for this long (a copy may still be written). */
const SIBLING_SETTLE_MS = 250;
/**
File times come from the kernel's coarse clock (updated each tick, up to 10 ms behind the clock
Date.now() reads): a file written just after a look may carry a time just before it.
*/
const FILE_CLOCK_MARGIN_MS = 50;
/** After the path rotates, its siblings are looked at this long after (a copy may take a moment to appear and fill). */
const COPY_LOOKS_MS = [0, SIBLING_SETTLE_MS, 1000];

const identityOf = (stats: Stats): string => `${stats.dev}:${stats.ino}`;

/** Marks a fingerprint given up to a later file with the same head; the original stays its prefix. */
const SUPERSEDED = "~superseded~";
const originalFingerprint = (fingerprint: string): string => {
  const cut = fingerprint.indexOf(SUPERSEDED);
  return cut < 0 ? fingerprint : fingerprint.slice(0, cut);
};

/** The complete lines of a file's head as the framer stores them (a last line without newline is left out). */
function completeLinesOf(content: Buffer): string[] {
  const end = content.lastIndexOf(0x0a);
  if (end < 0) return [];
  return content.subarray(0, end).toString("utf8").split("\n").map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}
const TRAILING_CHECK_MS = 60;
const ROTATED_SUFFIX = /^(\.\d+|\.old|-\d{8}(\d{2})?)$/;

/** Names a rotated copy of `name` may take beside it: OLDsyslog.log, syslog.log.1, syslog.log.old, syslog.log-20261125. */
export function isRotatedSibling(name: string, candidate: string): boolean {
  if (candidate === name || candidate.endsWith(".gz")) return false;
  if (candidate === `OLD${name}`) return true;
  return candidate.startsWith(name) && ROTATED_SUFFIX.test(candidate.slice(name.length));
}

/** A rotated copy held open until it is judged (FollowerHub.notice). */
interface Candidate {
  readonly fd: number;
  /** Where it was seen (it may have been renamed since: the descriptor is what counts). */
  readonly path: string;
  readonly owner: FileFollower;
  readonly identity: string;
  timer: NodeJS.Timeout | null;
}

class Reader {
  readonly framer: LineFramer;
  readPosition: number;
  fingerprint: string;
  headBytes: number;
  lastGrowth = Date.now();
  retired = false;
  committedPending: string | null = null;
  owner: FileFollower | null = null;
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
}

function readHead(fd: number, bytes: number): Buffer {
  const buffer = Buffer.alloc(bytes);
  let filled = 0;
  while (filled < bytes) {
    const count = readSync(fd, buffer, filled, bytes - filled, filled);
    if (count === 0) break;
    filled += count;
  }
  return buffer.subarray(0, filled);
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw error;
  }
}

/** One followed path: whatever file currently has that name. */
export class FileFollower {
  reader: Reader | null = null;
  private scheduled = false;
  private siblingsScanned = false;
  private trailingTimer: NodeJS.Timeout | null = null;
  private lastProblem: string | null = null;

  /**
  Rotated files beside the path at our first look (inode → hash of its head): history, never read as new
  content. An inode number reused by a later file (logrotate deleting the oldest) has another head.
  */
  siblingsAtStart: Map<string, string> | null = null;
  /** The path was seen to rotate (inode replaced or truncated): only then can an unseen copy be ours. */
  rotationSeen = false;
  /**
  Rotated files last written before this are history: the time of the last look that found the path as
  we left it before its first rotation (less the file clock's coarseness). Content written to the path
  after that look is newer, and so is any copy of it, whenever its event reaches us.
  */
  historyBefore: number | null = null;
  /** When the last look found no rotation (taken before its stat). */
  private lastSteadyLook: number | null = null;
  private rotations = 0;

  constructor(readonly path: string, readonly place: FollowedPlace, private readonly hub: FollowerHub) {}

  /**
  Something may have changed: check soon (coalesced), and once more a little later, because chokidar
  drops a file's `change` events that follow another within 50 ms (a lost wake-up otherwise).
  */
  poke(trailing = true): void {
    if (trailing && !this.hub.closed) {
      // Re-armed on every event: the check must come after the throttle window of the last event emitted.
      if (this.trailingTimer) clearTimeout(this.trailingTimer);
      this.trailingTimer = setTimeout(() => {
        this.trailingTimer = null;
        this.poke(false);
      }, TRAILING_CHECK_MS);
    }
    if (this.scheduled || this.hub.closed) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.hub.closed) return;
      try {
        if (this.check()) this.poke();
        this.lastProblem = null;
      } catch (error) {
        this.reportOnce(error as Error);
      }
    });
  }

  /** Reported once per distinct problem (an unreadable file would otherwise repeat on every event). */
  private reportOnce(error: Error): void {
    if (error.message !== this.lastProblem) this.hub.problem(this.path, error);
    this.lastProblem = error.message;
  }

  cancelTrailing(): void {
    if (this.trailingTimer) clearTimeout(this.trailingTimer);
    this.trailingTimer = null;
  }

  /** A check now, outside the event flow (before judging a sibling, at stop); problems are reported. */
  checkNow(): void {
    try {
      while (this.check()) { /* read what is there */ }
    } catch (error) {
      this.reportOnce(error as Error);
    }
  }

  private truncatedUnderUs(reader: Reader): void {
    this.reader = null;
    this.sawRotation();
    this.hub.afterTruncation(reader, this.path, this.place);
  }

  private sawRotation(): void {
    if (!this.rotationSeen && this.lastSteadyLook !== null) this.historyBefore = this.lastSteadyLook - FILE_CLOCK_MARGIN_MS;
    this.rotationSeen = true;
    this.rotations++;
    this.hub.lookForCopies(this);
  }

  /** Reads what is new; true when the byte budget ran out and more is waiting. */
  check(): boolean {
    const lookedAt = Date.now();
    const rotations = this.rotations;
    const more = this.look();
    if (this.rotations === rotations) this.lastSteadyLook = lookedAt;
    return more;
  }

  private look(): boolean {
    if (!this.siblingsScanned) {
      // Content rotated away while we were not running (restart during rotation): finish it first.
      this.siblingsScanned = true;
      this.siblingsAtStart = this.hub.siblingHeads(this.path);
      this.hub.scanSiblings(this.path, this.place, null);
    }
    const stats = statOrNull(this.path);
    const reader = this.reader;
    if (reader) {
      if (!stats || stats.ino !== reader.ino || stats.dev !== reader.dev) {
        // Renamed away or deleted (and perhaps recreated): the old inode is drained, then let go.
        this.reader = null;
        this.sawRotation();
        this.hub.retire(reader);
      } else {
        const current = fstatSync(reader.fd);
        if (this.hub.truncated(reader, current)) {
          this.reader = null;
          this.sawRotation();
          this.hub.afterTruncation(reader, this.path, this.place);
        } else {
          const more = this.hub.drain(reader);
          if (!reader.headChanged) {
            this.hub.refreshFingerprint(reader, current.size);
            return more;
          }
          this.truncatedUnderUs(reader);
        }
      }
    }
    if (!this.reader && stats && !stats.isFile()) {
      // Said once (poke reports each distinct problem once): a folder, FIFO or socket where the log should be.
      throw new Error(`${stats.isDirectory() ? "a folder" : specialFileKind(stats) ?? "not a regular file"}, not a log file: not followed until a file takes its place`);
    }
    if (!this.reader && stats && stats.isFile() && stats.size > 0) {
      const opened = this.hub.open(this, this.path, this.place);
      if (opened) {
        this.reader = opened;
        const more = this.hub.drain(opened);
        if (!opened.headChanged) return more;
        this.truncatedUnderUs(opened);
        return true; // look again: the new content is a new file
      }
    }
    return false;
  }
}

/** All followed paths, the readers they hold (one per stored file record), and the retired ones. */
export class FollowerHub {
  closed = false;
  private readonly followers = new Map<string, FileFollower>();
  private readonly held = new Map<number, Reader>();
  private readonly retired = new Set<Reader>();
  private retiredTimer: NodeJS.Timeout | null = null;
  /** Rotated copies that may hold content nobody has, held open (by inode) until they settle and are judged. */
  private readonly candidates = new Map<string, Candidate>();
  private readonly siblingRechecks = new Map<string, NodeJS.Timeout>();
  private readonly copyLooks = new Set<NodeJS.Timeout>();
  private readonly rotateWaitMs: number;
  private readonly budgetBytes: number;
  private readonly buffer = Buffer.alloc(READ_CHUNK);

  constructor(private readonly options: FollowerHubOptions) {
    this.rotateWaitMs = options.rotateWaitMs ?? 2000;
    this.budgetBytes = options.budgetBytes ?? 8 * READ_CHUNK;
  }

  get store(): Store {
    return this.options.store;
  }

  follower(path: string): FileFollower | undefined {
    return this.followers.get(path);
  }

  follow(path: string, place: FollowedPlace): FileFollower {
    let follower = this.followers.get(path);
    if (!follower) {
      follower = new FileFollower(path, place, this);
      this.followers.set(path, follower);
    }
    follower.poke();
    return follower;
  }

  paths(): string[] {
    return [...this.followers.keys()];
  }

  /** Poke every follower in `directory` (a rename or create there may concern them), or all. */
  pokeAll(directory?: string): void {
    for (const follower of this.followers.values()) {
      if (directory === undefined || dirname(follower.path) === directory) follower.poke();
    }
    if (this.retired.size > 0) this.checkRetired();
  }

  problem(path: string, error: Error): void {
    if (this.options.onProblem) this.options.onProblem(path, error);
    else throw error;
  }

  /** Opens the file now at `path` and finds (or adds) its record; null when another reader already holds that content. */
  open(owner: FileFollower | null, path: string, place: FollowedPlace, known?: FileRecord): Reader | null {
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return this.attach(fd, owner, path, place, known);
  }

  /** A reader on an open descriptor (closed here unless a reader keeps it). */
  private attach(fd: number, owner: FileFollower | null, path: string, place: FollowedPlace, known?: FileRecord): Reader | null {
    let keep = false;
    try {
      const stats = fstatSync(fd);
      if (stats.size === 0) return null; // an empty file has no head to recognise it by: wait for content
      const head = readHead(fd, Math.min(stats.size, FINGERPRINT_BYTES));
      let record = known ?? this.recordFor(path, place, stats, head);
      if (!known && record.offset > stats.size && !this.held.has(record.id)) {
        // Same head, less content than we read: rewritten from the start with an identical head. The old
        // record keeps its lines under a retired identity; the new content is a new file from byte 0.
        this.store.refingerprint(record.id, `${originalFingerprint(record.fingerprint)}${SUPERSEDED}${record.id}`, record.headBytes);
        record = this.recordFor(path, place, stats, head);
      }
      const holder = this.held.get(record.id);
      if (holder) {
        if (holder.dev === stats.dev && holder.ino === stats.ino && owner) {
          // The renamed file we were still draining is followed under its new name: adopt it.
          this.retired.delete(holder);
          holder.retired = false;
          holder.owner = owner;
          holder.path = path;
          this.store.relocateFile(record.id, path, stats.dev, stats.ino);
          return holder;
        }
        return null; // its content is being read from another copy: look again once that reader is done
      }
      if (record.path !== path || record.dev !== stats.dev || record.ino !== stats.ino) {
        this.store.relocateFile(record.id, path, stats.dev, stats.ino);
      }
      const reader = new Reader(fd, path, stats.dev, stats.ino, record, this.options.sinkFor(record, path, place));
      if (record.headBytes < head.length && hashHead(head.subarray(0, record.headBytes)) === record.fingerprint) {
        this.updateFingerprint(reader, head);
      }
      reader.owner = owner;
      this.held.set(record.id, reader);
      keep = true;
      return reader;
    } finally {
      if (!keep) closeSync(fd);
    }
  }

  private recordFor(path: string, place: FollowedPlace, stats: Stats, head: Buffer): FileRecord {
    const fingerprint = hashHead(head);
    const known = this.identify(place.bundle, path, stats, head);
    if (known) return known;
    this.retireFingerprint(place.bundle, fingerprint);
    return this.store.addFile({
      path, bundle: place.bundle, hostHint: place.hostHint, packageHint: place.packageHint, kind: place.kind,
      fingerprint, headBytes: head.length, dev: stats.dev, ino: stats.ino, size: stats.size, mtime: Math.round(stats.mtimeMs),
    });
  }

  /**
  The stored record of a file with this head, or undefined for new content. The head fingerprint finds
  the candidates: the record holding it now, and older ones a later file with the same head superseded
  (a log may repeat itself byte for byte: the same 4 KiB head is then no identity). The inode decides
  between them: the record of this very inode; else one whose own inode no longer holds its content
  (copied, then truncated or deleted: this may be the copy). A record whose content is still where it
  was is never taken for another file that merely starts the same.
  */
  private identify(bundle: string, path: string, stats: Stats, head: Buffer): FileRecord | undefined {
    const fingerprint = hashHead(head);
    const candidates = this.store.filesOfBundle(bundle).filter((record) => {
      const original = originalFingerprint(record.fingerprint);
      if (record.headBytes === head.length) return original === fingerprint;
      // A file stored while shorter than the fingerprint window has grown since: its stored head is a prefix
      // of this one. A short head could prefix anything: only at the same path or inode.
      return record.headBytes < head.length && record.headBytes < FINGERPRINT_BYTES
        && (record.path === path || (record.dev === stats.dev && record.ino === stats.ino))
        && original === hashHead(head.subarray(0, record.headBytes));
    });
    // The same inode is the same file unless it now holds less than we read (rewritten from the start).
    const sameInode = candidates.find((record) => record.dev === stats.dev && record.ino === stats.ino);
    if (sameInode) return stats.size >= sameInode.offset ? sameInode : undefined;
    return candidates.reverse().find((record) => !this.contentInPlace(record));
  }

  /** The record's content is still in its own inode: held by a reader, or at its path or a rotated name beside it, with its head and size. */
  private contentInPlace(record: FileRecord): boolean {
    for (const reader of this.held.values()) if (reader.record.id === record.id) return true;
    if (record.dev === null || record.ino === null) return false;
    for (const candidate of [record.path, ...this.siblingsOf(record.path)]) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile() || stats.dev !== record.dev || stats.ino !== record.ino) continue;
      if (stats.size < record.offset || stats.size < record.headBytes) return false;
      return hashHead(this.headOf(candidate, record.headBytes)) === originalFingerprint(record.fingerprint);
    }
    return false;
  }

  /** A new file takes this fingerprint: a stored file with the same head keeps its lines under a retired one. */
  private retireFingerprint(bundle: string, fingerprint: string): void {
    const holder = this.store.findFileByFingerprint(bundle, fingerprint);
    if (holder) this.store.refingerprint(holder.id, `${fingerprint}${SUPERSEDED}${holder.id}`, holder.headBytes);
  }

  /** Reads from the reader's position to EOF (or the byte budget); true when more is waiting. */
  drain(reader: Reader): boolean {
    let budget = this.budgetBytes;
    let grew = false;
    while (budget > 0) {
      const count = readSync(reader.fd, this.buffer, 0, READ_CHUNK, reader.readPosition);
      if (count === 0) break;
      // Bytes of the head were read: checked after the read, so a truncation just before it cannot
      // pass the new content off under the old identity (it is then handled as a truncation).
      if (reader.readPosition < reader.headBytes && hashHead(readHead(reader.fd, reader.headBytes)) !== reader.fingerprint) {
        reader.headChanged = true;
        break;
      }
      grew = true;
      reader.readPosition += count;
      budget -= count;
      const lines = reader.framer.push(this.buffer.subarray(0, count));
      if (lines.length > 0) this.commit(reader, lines);
    }
    // Only a partial line arrived: the checkpoint shows it as pending (its offset does not move).
    if (grew && reader.framer.pendingBytes > 0 && reader.framer.pendingText() !== reader.committedPending) this.commit(reader, []);
    if (grew) reader.lastGrowth = Date.now();
    return budget <= 0;
  }

  private commit(reader: Reader, lines: readonly FramedLine[]): void {
    const pending = reader.framer.pendingText();
    reader.committedPending = pending;
    reader.sink(lines, {
      offset: reader.framer.committedOffset, lineCount: reader.framer.lineCount, pending,
      size: reader.readPosition, dev: reader.dev, ino: reader.ino,
    });
  }

  /** The same inode no longer holds the content we read: shorter than what we read, or another head. */
  truncated(reader: Reader, stats: Stats): boolean {
    if (stats.size < reader.readPosition || stats.size < reader.headBytes) return true;
    return hashHead(readHead(reader.fd, reader.headBytes)) !== reader.fingerprint;
  }

  /** A short file grew: its head (up to 4 KiB) is its identity from now on, so a restart recognises it. */
  refreshFingerprint(reader: Reader, size: number): void {
    if (reader.headBytes >= FINGERPRINT_BYTES || size <= reader.headBytes) return;
    const head = readHead(reader.fd, Math.min(size, FINGERPRINT_BYTES));
    if (hashHead(head.subarray(0, reader.headBytes)) !== reader.fingerprint) return; // a truncation: the next check sees it
    this.updateFingerprint(reader, head);
  }

  private updateFingerprint(reader: Reader, head: Buffer): void {
    const fingerprint = hashHead(head);
    const other = this.store.findFileByFingerprint(reader.record.bundle, fingerprint);
    if (other && other.id !== reader.record.id) return; // identical heads (rare): keep the shorter identity
    this.store.refingerprint(reader.record.id, fingerprint, head.length);
    reader.fingerprint = fingerprint;
    reader.headBytes = head.length;
  }

  /**
  Truncated in place. If a rotated copy beside it starts with the same head (copytruncate), the rest
  of the old content is read from that copy; otherwise the old content's partial last line will never
  be completed and is stored as it is. The new content is then followed as a new file.
  */
  afterTruncation(reader: Reader, path: string, place: FollowedPlace): void {
    const copy = this.findCopy(reader, path);
    this.held.delete(reader.record.id);
    if (!copy) this.flush(reader);
    closeSync(reader.fd);
    if (copy) this.scanSiblings(path, place, reader.record);
    this.pokeAll(dirname(path));
  }

  private findCopy(reader: Reader, path: string): string | null {
    for (const candidate of this.siblingsOf(path)) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile() || stats.ino === reader.ino || stats.size < reader.framer.committedOffset) continue;
      const fd = openSync(candidate, "r");
      try {
        if (hashHead(readHead(fd, reader.headBytes)) === reader.fingerprint) return candidate;
      } finally {
        closeSync(fd);
      }
    }
    return null;
  }

  /** Each rotated sibling's identity and the hash of its head, read at a follower's first look. */
  siblingHeads(path: string): Map<string, string> {
    const heads = new Map<string, string>();
    for (const candidate of this.siblingsOf(path)) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile()) continue;
      heads.set(identityOf(stats), hashHead(this.headOf(candidate, stats.size)));
    }
    return heads;
  }

  private headOf(path: string, size: number): Buffer {
    const fd = openSync(path, "r");
    try {
      return readHead(fd, Math.min(size, FINGERPRINT_BYTES));
    } finally {
      closeSync(fd);
    }
  }

  /**
  A file that may be a rotated copy of a followed one appeared or changed. Content we hold or have
  stored is left to the rotation and truncation paths; content nobody has, beside a path we have seen
  rotate, is a file that was created, filled and rotated between two of our looks. It is opened at
  once, so a later shift or deletion cannot take it away, and read from byte 0 once it has settled.
  */
  siblingChanged(candidate: string): void {
    if (this.closed) return;
    const owner = this.ownerOf(candidate);
    if (!owner) return;
    this.noticeGuarded(candidate, owner);
    // Once more a little later: the event may have come while the copy was still empty, and chokidar
    // drops a change that follows another within 50 ms (the follower's trailing check, for siblings).
    clearTimeout(this.siblingRechecks.get(candidate));
    this.siblingRechecks.set(candidate, setTimeout(() => {
      this.siblingRechecks.delete(candidate);
      if (!this.closed) this.noticeGuarded(candidate, owner);
    }, SIBLING_SETTLE_MS));
  }

  private noticeGuarded(candidate: string, owner: FileFollower): void {
    try {
      this.notice(candidate, owner);
    } catch (error) {
      this.problem(candidate, error as Error);
    }
  }

  /**
  The path rotated: a copy of content we never saw may sit beside it now. Its own events may never come
  (chokidar sees a name replaced by another file in one burst as at most one change, and drops a change
  within 50 ms of another), so the siblings are looked at directly, just after this check and twice more
  as a copy may still be being made.
  */
  lookForCopies(owner: FileFollower): void {
    if (this.closed) return;
    for (const delay of COPY_LOOKS_MS) {
      const timer = setTimeout(() => {
        this.copyLooks.delete(timer);
        if (this.closed) return;
        for (const sibling of this.siblingsOf(owner.path)) this.noticeGuarded(sibling, owner);
      }, delay);
      this.copyLooks.add(timer);
    }
  }

  private ownerOf(candidate: string): FileFollower | undefined {
    return [...this.followers.values()].find((follower) =>
      dirname(follower.path) === dirname(candidate) && isRotatedSibling(basename(follower.path), basename(candidate)));
  }

  private notice(path: string, owner: FileFollower): void {
    const stats = statOrNull(path);
    if (!stats || !stats.isFile() || stats.size === 0) return;
    const pending = this.candidates.get(identityOf(stats));
    if (pending) {
      this.settleLater(pending); // still changing: judged once it has settled
      return;
    }
    if (this.heldInode(stats)) return;
    // The path itself may have rotated a moment ago without its event handled yet: look first.
    if (!owner.rotationSeen) owner.checkNow();
    const history = (owner.siblingsAtStart ??= new Map());
    if (!owner.rotationSeen) {
      // Before the path has rotated under our eyes, a new sibling cannot hold content written there
      // while we watched (a tree copied in, history restored): it is history, also after later shifts.
      history.set(identityOf(stats), hashHead(this.headOf(path, stats.size)));
      return;
    }
    if (owner.historyBefore !== null && stats.mtimeMs < owner.historyBefore) return; // written before the path first rotated
    if (history.get(identityOf(stats)) === hashHead(this.headOf(path, stats.size))) return;
    let fd: number;
    try {
      fd = openSync(path, "r");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const opened = fstatSync(fd);
    const identity = identityOf(opened);
    if (this.candidates.has(identity) || this.heldInode(opened)) {
      closeSync(fd); // renamed in between: the inode is already in hand
      return;
    }
    const candidate: Candidate = { fd, path, owner, identity, timer: null };
    this.candidates.set(identity, candidate);
    this.settleLater(candidate);
  }

  private heldInode(stats: Stats): boolean {
    for (const reader of this.held.values()) if (reader.dev === stats.dev && reader.ino === stats.ino) return true;
    return false;
  }

  private settleLater(candidate: Candidate): void {
    if (candidate.timer) clearTimeout(candidate.timer);
    candidate.timer = setTimeout(() => this.judge(candidate, false), SIBLING_SETTLE_MS);
  }

  /** A settled candidate: read from byte 0 as a new file unless its content is known; at stop, judged at once. */
  private judge(candidate: Candidate, stopping: boolean): void {
    this.candidates.delete(candidate.identity);
    if (candidate.timer) clearTimeout(candidate.timer);
    candidate.timer = null;
    let keep = false;
    try {
      const stats = fstatSync(candidate.fd);
      if (!stopping && Date.now() - stats.mtimeMs < SIBLING_SETTLE_MS) {
        this.candidates.set(candidate.identity, candidate);
        this.settleLater(candidate); // a copy may still be being written
        keep = true;
        return;
      }
      if (stats.size === 0 || this.heldInode(stats)) return;
      if (this.contentKnown(candidate.owner.place.bundle, readHead(candidate.fd, Math.min(stats.size, FINGERPRINT_BYTES)), stats)) return;
      keep = true; // attach takes the descriptor (and closes it when it does not keep it)
      const reader = this.attach(candidate.fd, null, candidate.path, candidate.owner.place);
      if (reader) this.retire(reader);
    } catch (error) {
      this.problem(candidate.path, error as Error);
    } finally {
      if (!keep) closeSync(candidate.fd);
    }
  }

  /** The file (`stats`) is a stored one, or an open reader's file or a stored file starts with its content (a copy of what we read, however short). */
  private contentKnown(bundle: string, head: Buffer, stats: Stats): boolean {
    for (const reader of this.held.values()) {
      // The reader's file must hold the whole head, not merely share a short prefix with it.
      if (readHead(reader.fd, head.length).equals(head)) return true;
    }
    const lines = completeLinesOf(head);
    return this.store.filesOfBundle(bundle).some((record) => {
      // That very file, renamed, with nothing unread (with more, attach() goes on from its offset).
      if (record.dev === stats.dev && record.ino === stats.ino) return stats.size === record.offset;
      // A full 4 KiB head is a strong identity; a shorter one (a file that was small, or a partial line)
      // could be the prefix of anything, so the stored lines decide: every complete line of this head
      // must be stored, in order, at the start of that file.
      if (record.headBytes >= FINGERPRINT_BYTES && head.length >= record.headBytes) {
        // The same head is that file's copy only if the file itself no longer holds it (a log may repeat itself).
        return hashHead(head.subarray(0, record.headBytes)) === originalFingerprint(record.fingerprint) && !this.contentInPlace(record);
      }
      if (lines.length === 0) return false;
      const stored = this.store.firstLines(record.id, lines.length);
      return stored.length === lines.length && stored.every((text, index) => text === lines[index]);
    });
  }

  private siblingsOf(path: string): string[] {
    const directory = dirname(path);
    const name = basename(path);
    let names: string[];
    try {
      names = readdirSync(directory);
    } catch {
      return [];
    }
    return names.filter((candidate) => isRotatedSibling(name, candidate)).sort().map((candidate) => join(directory, candidate));
  }

  /**
  Finishes stored files whose content now sits in a rotated sibling (renamed or copied while we were
  not looking): each is read from its checkpoint to EOF as a retired reader. `known` is a record whose
  copy is expected (copytruncate); other siblings are recognised by their stored fingerprint.
  */
  scanSiblings(path: string, place: FollowedPlace, known: FileRecord | null): void {
    for (const candidate of this.siblingsOf(path)) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile() || stats.size === 0) continue;
      let record: FileRecord | undefined;
      const fd = openSync(candidate, "r");
      try {
        const head = readHead(fd, Math.min(stats.size, FINGERPRINT_BYTES));
        const hashOf = (bytes: number): string => hashHead(head.subarray(0, bytes));
        if (known && known.headBytes <= head.length && hashOf(known.headBytes) === originalFingerprint(known.fingerprint)) {
          record = this.store.fileById(known.id);
        } else {
          record = this.identify(place.bundle, candidate, stats, head);
        }
      } finally {
        closeSync(fd);
      }
      if (!record || record.offset >= stats.size || this.held.has(record.id)) continue;
      const reader = this.open(null, candidate, { ...place, bundle: record.bundle }, record);
      if (reader) this.retire(reader);
    }
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
      while (this.drain(reader)) { /* a retired file is finite: read it all */ }
      if (reader.headChanged || now - reader.lastGrowth >= this.rotateWaitMs) this.closeRetired(reader);
    }
    if (this.retired.size > 0 && !this.retiredTimer && !this.closed) {
      // Only while something is being drained: a rotated file gets no events of its own.
      this.retiredTimer = setInterval(() => this.checkRetired(), 100);
    } else if (this.retired.size === 0 && this.retiredTimer) {
      clearInterval(this.retiredTimer);
      this.retiredTimer = null;
    }
  }

  private closeRetired(reader: Reader): void {
    this.retired.delete(reader);
    // The file is finished: a last line without newline will never be completed, store it as it is.
    this.flush(reader);
    closeSync(reader.fd);
    this.held.delete(reader.record.id);
    // A follower may be waiting for this content (it found it held by us).
    for (const follower of this.followers.values()) if (!follower.reader) follower.poke();
  }

  private flush(reader: Reader): void {
    const lines = reader.framer.flush();
    if (lines.length > 0) this.commit(reader, lines);
  }

  /** Reads everything still available (retired files to the end, partial last lines still held), then closes. */
  close(): void {
    if (this.closed) return;
    for (const follower of this.followers.values()) {
      follower.cancelTrailing();
      try {
        if (follower.reader) while (this.drain(follower.reader)) { /* finish what is there */ }
      } catch (error) {
        this.problem(follower.path, error as Error);
      }
    }
    // A copy still settling, or not yet reported, is examined now: after a restart it would be history.
    for (const timer of this.siblingRechecks.values()) clearTimeout(timer);
    this.siblingRechecks.clear();
    for (const timer of this.copyLooks) clearTimeout(timer);
    this.copyLooks.clear();
    for (const follower of this.followers.values()) {
      follower.checkNow();
      if (!follower.rotationSeen) continue;
      for (const candidate of this.siblingsOf(follower.path)) {
        try {
          this.notice(candidate, follower);
        } catch (error) {
          this.problem(candidate, error as Error);
        }
      }
    }
    for (const candidate of [...this.candidates.values()]) this.judge(candidate, true);
    for (const reader of [...this.retired]) {
      while (this.drain(reader)) { /* finish */ }
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
