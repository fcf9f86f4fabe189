/**
One followed path: whatever file currently has that name. A state machine, run at each look:

- **first look**: rotated files already beside the path are remembered as history, and stored files
  whose content was rotated away while we were not running are finished first; then *waiting*.
- **waiting** (no reader): nothing at the path, or an empty file. A regular file with content is
  opened (its stored record found or added): *reading*. A folder, FIFO or socket is reported.
- **reading**: new bytes are read from the checkpoint on. The path naming another inode (renamed
  away, deleted) is a *replacement*: the reader is retired (drained for a while, FollowerHub). The
  same inode shorter than what we read, or with another head, is a *truncation*: the rest of the old
  content is looked for in a copy (FollowerHub.afterTruncation). Either way: *waiting* again, at once.

Beside that, the path's rotation history, which decides whether a copy that appears beside it can be
content nobody read (rotation.ts `judgeSibling`): *unrotated* until the first replacement or
truncation seen, *rotated* after it, with `historyBefore` the time of the last steady look before it.
*/

import { fstatSync, type Stats } from "node:fs";
import { specialFileKind } from "../discover.js";
import { statOrNull, type Reader } from "./reader.js";
import type { FollowedPlace } from "./records.js";
import { sameInode, type SiblingHistory } from "./rotation.js";

/** What a followed path asks of the hub that holds every reader. */
export interface FollowerContext {
  readonly closed: boolean;
  problem(path: string, error: Error): void;
  /** Each rotated sibling's identity and the hash of its head now. */
  siblingHeads(path: string): Map<string, string>;
  /** Finishes stored files whose content now sits in a rotated sibling of `path`. */
  scanSiblings(path: string, place: FollowedPlace, known: null): void;
  /** Opens the file now at the path, with its record; null when another reader already holds that content. */
  open(owner: FileFollower, path: string, place: FollowedPlace): Reader | null;
  drain(reader: Reader): boolean;
  refreshFingerprint(reader: Reader, size: number): void;
  /** The path names another inode now: drain the old one for a while, then close it. */
  retire(reader: Reader): void;
  afterTruncation(reader: Reader, path: string, place: FollowedPlace): void;
  /** The path rotated: look at its siblings for a copy of content we never saw. */
  lookForCopies(owner: FileFollower): void;
}

/**
File times come from the kernel's coarse clock (updated each tick, up to 10 ms behind the clock
Date.now() reads): a file written just after a look may carry a time just before it.
*/
const FILE_CLOCK_MARGIN_MS = 50;
const TRAILING_CHECK_MS = 60;

export class FileFollower implements SiblingHistory {
  reader: Reader | null = null;
  private scheduled = false;
  private firstLookDone = false;
  private trailingTimer: NodeJS.Timeout | null = null;
  private lastProblem: string | null = null;

  /**
  Rotated files beside the path at our first look (inode → hash of its head): history, never read as new
  content. An inode number reused by a later file (logrotate deleting the oldest) has another head.
  */
  siblingsAtStart = new Map<string, string>();
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

  constructor(
    readonly path: string,
    readonly place: FollowedPlace,
    private readonly hub: FollowerContext,
  ) {}

  /**
  Something may have changed: check soon (coalesced), and once more a little later, because chokidar
  drops a file's `change` events that follow another within 50 ms (a lost wake-up otherwise).
  */
  poke(trailing = true): void {
    if (trailing && !this.hub.closed) this.armTrailingCheck();
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

  /** Re-armed on every event: the check must come after the throttle window of the last event emitted. */
  private armTrailingCheck(): void {
    if (this.trailingTimer) clearTimeout(this.trailingTimer);
    this.trailingTimer = setTimeout(() => {
      this.trailingTimer = null;
      this.poke(false);
    }, TRAILING_CHECK_MS);
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
      while (this.check()) {
        /* read what is there */
      }
    } catch (error) {
      this.reportOnce(error as Error);
    }
  }

  /** Reads what is new; true when the byte budget ran out and more is waiting. */
  check(): boolean {
    const lookedAt = Date.now();
    const rotations = this.rotations;
    const more = this.look();
    if (this.rotations === rotations) this.lastSteadyLook = lookedAt;
    return more;
  }

  /** Where the path's state machine stands (see the top of this file). */
  get state(): "first look" | "waiting" | "reading" {
    if (!this.firstLookDone) return "first look";
    return this.reader ? "reading" : "waiting";
  }

  /** One step of the state machine: reading may fall back to waiting, and waiting then opens what is there. */
  private look(): boolean {
    if (this.state === "first look") this.firstLook();
    const stats = statOrNull(this.path);
    if (this.reader) {
      const more = this.readOn(this.reader, stats);
      if (more !== null) return more;
    }
    return this.openWhatIsThere(stats);
  }

  /** Content rotated away while we were not running (restart during rotation) is finished first. */
  private firstLook(): void {
    this.firstLookDone = true;
    this.siblingsAtStart = this.hub.siblingHeads(this.path);
    this.hub.scanSiblings(this.path, this.place, null);
  }

  /** Reading: true when more is waiting, false when all is read, null when the reader was let go (replaced, truncated). */
  private readOn(reader: Reader, stats: Stats | null): boolean | null {
    if (!stats || !sameInode(stats, reader)) {
      // Renamed away or deleted (and perhaps recreated): the old inode is drained, then let go.
      this.letGo(reader, "replaced");
      return null;
    }
    const current = fstatSync(reader.fd);
    if (reader.truncated(current)) {
      this.letGo(reader, "truncated");
      return null;
    }
    const more = this.hub.drain(reader);
    if (reader.headChanged) {
      this.letGo(reader, "truncated"); // truncated while we read it
      return null;
    }
    this.hub.refreshFingerprint(reader, current.size);
    return more;
  }

  /** Waiting: opens the file at the path when there is one with content; true when it must be looked at again. */
  private openWhatIsThere(stats: Stats | null): boolean {
    if (!stats) return false;
    if (!stats.isFile()) {
      // Said once (poke reports each distinct problem once): a folder, FIFO or socket where the log should be.
      throw new Error(
        `${stats.isDirectory() ? "a folder" : (specialFileKind(stats) ?? "not a regular file")}, not a log file: not followed until a file takes its place`,
      );
    }
    if (stats.size === 0) return false;
    const opened = this.hub.open(this, this.path, this.place);
    if (!opened) return false;
    this.reader = opened;
    const more = this.hub.drain(opened);
    if (!opened.headChanged) return more;
    this.letGo(opened, "truncated");
    return true; // look again: the new content is a new file
  }

  /** Reading -> waiting: the path moved on from the reader's file. */
  private letGo(reader: Reader, how: "replaced" | "truncated"): void {
    this.reader = null;
    this.sawRotation();
    if (how === "replaced") this.hub.retire(reader);
    else this.hub.afterTruncation(reader, this.path, this.place);
  }

  /** Unrotated -> rotated (at the first one); each rotation may leave a copy beside the path. */
  private sawRotation(): void {
    if (!this.rotationSeen && this.lastSteadyLook !== null) this.historyBefore = this.lastSteadyLook - FILE_CLOCK_MARGIN_MS;
    this.rotationSeen = true;
    this.rotations++;
    this.hub.lookForCopies(this);
  }
}
