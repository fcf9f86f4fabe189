/**
Copies nobody has read: a file created, filled and rotated between two of our looks (a burst after a
rename rotation, then copy-truncate) was never held, and no truncation is seen. Once its followed path
has rotated, a rotated sibling that appears or changes is opened at once (so a later shift or deletion
cannot take it away), and judged once it has settled: read from byte 0 as a new file unless it is
history or its content is known (rotation.ts `judgeSibling`, `copyOfStored`).
*/

import { closeSync, fstatSync } from "node:fs";
import { basename, dirname } from "node:path";
import { FINGERPRINT_BYTES, hashHead } from "../source.js";
import type { FileFollower } from "./path-follower.js";
import { headOf, openIfThere, readHead, siblingsOf, statOrNull } from "./reader.js";
import type { FileRecords, FollowedPlace } from "./records.js";
import { copyOfStored, identityOf, isRotatedSibling, judgeSibling, type Inode } from "./rotation.js";

/** A new rotated copy is examined once it has not changed for this long (a copy may still be written). */
export const SIBLING_SETTLE_MS = 250;
/** After the path rotates, its siblings are looked at this long after (a copy may take a moment to appear and fill). */
const COPY_LOOKS_MS = [0, SIBLING_SETTLE_MS, 1000];

/** What the copies ask of the hub that holds every reader. */
export interface CopyHost {
  readonly closed: boolean;
  readonly records: FileRecords;
  problem(path: string, error: Error): void;
  followers(): Iterable<FileFollower>;
  /** An open reader holds this inode. */
  holdsInode(inode: Inode): boolean;
  /** An open reader's file holds the whole of `head` (not merely a short prefix of it). */
  holdsHead(head: Buffer): boolean;
  /** Reads the file on this descriptor from byte 0 as a new file, to its end; takes the descriptor. */
  readAsNew(fd: number, path: string, place: FollowedPlace): void;
}

/** A rotated copy held open until it is judged. */
interface Candidate {
  readonly fd: number;
  /** Where it was seen (it may have been renamed since: the descriptor is what counts). */
  readonly path: string;
  readonly owner: FileFollower;
  readonly identity: string;
  timer: NodeJS.Timeout | null;
}

export class UnseenCopies {
  /** Rotated copies that may hold content nobody has, held open (by inode) until they settle and are judged. */
  private readonly candidates = new Map<string, Candidate>();
  private readonly siblingRechecks = new Map<string, NodeJS.Timeout>();
  private readonly copyLooks = new Set<NodeJS.Timeout>();

  constructor(private readonly host: CopyHost) {}

  /**
  A file that may be a rotated copy of a followed one appeared or changed. Content we hold or have
  stored is left to the rotation and truncation paths; content nobody has, beside a path we have seen
  rotate, is examined.
  */
  siblingChanged(candidate: string): void {
    if (this.host.closed) return;
    const owner = this.ownerOf(candidate);
    if (!owner) return;
    this.noticeGuarded(candidate, owner);
    // Once more a little later: the event may have come while the copy was still empty, and chokidar
    // drops a change that follows another within 50 ms (the follower's trailing check, for siblings).
    clearTimeout(this.siblingRechecks.get(candidate));
    this.siblingRechecks.set(
      candidate,
      setTimeout(() => {
        this.siblingRechecks.delete(candidate);
        if (!this.host.closed) this.noticeGuarded(candidate, owner);
      }, SIBLING_SETTLE_MS),
    );
  }

  /**
  The path rotated: a copy of content we never saw may sit beside it now. Its own events may never come
  (chokidar sees a name replaced by another file in one burst as at most one change, and drops a change
  within 50 ms of another), so the siblings are looked at directly, just after this check and twice more
  as a copy may still be being made.
  */
  lookForCopies(owner: FileFollower): void {
    if (this.host.closed) return;
    for (const delay of COPY_LOOKS_MS) {
      const timer = setTimeout(() => {
        this.copyLooks.delete(timer);
        if (this.host.closed) return;
        this.noticeSiblings(owner);
      }, delay);
      this.copyLooks.add(timer);
    }
  }

  /** At stop: no more timers; every sibling of a rotated path and every copy still settling is judged now (after a restart it would be history). */
  judgeAllNow(): void {
    for (const timer of this.siblingRechecks.values()) clearTimeout(timer);
    this.siblingRechecks.clear();
    for (const timer of this.copyLooks) clearTimeout(timer);
    this.copyLooks.clear();
    for (const follower of this.host.followers()) {
      follower.checkNow();
      if (follower.rotationSeen) this.noticeSiblings(follower);
    }
    for (const candidate of [...this.candidates.values()]) this.judge(candidate, true);
  }

  private noticeSiblings(owner: FileFollower): void {
    for (const sibling of siblingsOf(owner.path)) this.noticeGuarded(sibling, owner);
  }

  private noticeGuarded(candidate: string, owner: FileFollower): void {
    try {
      this.notice(candidate, owner);
    } catch (error) {
      this.host.problem(candidate, error as Error);
    }
  }

  private ownerOf(candidate: string): FileFollower | undefined {
    return [...this.host.followers()].find(
      (follower) => dirname(follower.path) === dirname(candidate) && isRotatedSibling(basename(follower.path), basename(candidate)),
    );
  }

  /** A sibling of `owner`'s path to look at: history is left alone, an unseen copy is held open until it settles. */
  private notice(path: string, owner: FileFollower): void {
    const stats = statOrNull(path);
    if (!stats || !stats.isFile() || stats.size === 0) return;
    const pending = this.candidates.get(identityOf(stats));
    if (pending) {
      this.settleLater(pending); // still changing: judged once it has settled
      return;
    }
    if (this.host.holdsInode(stats)) return;
    // The path itself may have rotated a moment ago without its event handled yet: look first.
    if (!owner.rotationSeen) owner.checkNow();
    const headHash = (): string => hashHead(headOf(path, Math.min(stats.size, FINGERPRINT_BYTES)));
    const verdict = judgeSibling(owner, { identity: identityOf(stats), mtimeMs: stats.mtimeMs, headHash });
    if (verdict === "new history") owner.siblingsAtStart.set(identityOf(stats), headHash());
    if (verdict !== "unseen") return;
    this.holdOpen(path, owner);
  }

  /** Opened at once, so a later shift or deletion cannot take it away. */
  private holdOpen(path: string, owner: FileFollower): void {
    const fd = openIfThere(path);
    if (fd === null) return;
    const opened = fstatSync(fd);
    const identity = identityOf(opened);
    if (this.candidates.has(identity) || this.host.holdsInode(opened)) {
      closeSync(fd); // renamed in between: the inode is already in hand
      return;
    }
    const candidate: Candidate = { fd, path, owner, identity, timer: null };
    this.candidates.set(identity, candidate);
    this.settleLater(candidate);
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
      if (stats.size === 0 || this.host.holdsInode(stats)) return;
      const head = readHead(candidate.fd, Math.min(stats.size, FINGERPRINT_BYTES));
      if (this.contentKnown(candidate.owner.place.bundle, head, stats)) return;
      keep = true; // readAsNew takes the descriptor
      this.host.readAsNew(candidate.fd, candidate.path, candidate.owner.place);
    } catch (error) {
      this.host.problem(candidate.path, error as Error);
    } finally {
      if (!keep) closeSync(candidate.fd);
    }
  }

  /** An open reader's file, or a stored file, holds this content (a copy of what we read, however short). */
  private contentKnown(bundle: string, head: Buffer, file: Inode & { readonly size: number }): boolean {
    if (this.host.holdsHead(head)) return true;
    const { records } = this.host;
    return copyOfStored(records.store.filesOfBundle(bundle), head, file, {
      contentInPlace: (record) => records.contentInPlace(record),
      firstLines: (record, count) => records.store.firstLines(record.id, count),
    });
  }
}
