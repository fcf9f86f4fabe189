/**
A followed file's stored record: found by the head fingerprint and decided by the inode
(rotation.ts judges, this module looks at the files and asks the store), added for new content, and
its fingerprint kept current as a short file grows (so a restart recognises it).
*/

import type { Stats } from "node:fs";
import { FINGERPRINT_BYTES, hashHead } from "../source.js";
import type { FileKind } from "../../model/events.js";
import type { FileRecord, Store } from "../../store/store.js";
import { headOf, readHead, siblingsOf, statOrNull, type Reader } from "./reader.js";
import { continuedRecord, headMatches, recordsWithHead, sameInode, supersededFingerprint } from "./rotation.js";

/** Where a followed file sits: what a new record of it is stored with. */
export interface FollowedPlace {
  readonly kind: FileKind;
  /** Saved output dated only by its name: that time (InputFile.namedTime). */
  readonly namedTime?: number;
  readonly hostHint: string | null;
  readonly packageHint: string | null;
  readonly bundle: string;
}

export class FileRecords {
  /** `isHeld`: an open reader holds that record (its content is then in place by definition). */
  constructor(
    readonly store: Store,
    private readonly isHeld: (recordId: number) => boolean,
  ) {}

  /**
  The record of the file opened at `path` (given `known`, that one), added when its content is new.
  Same head, less content than we read and nobody reading it: rewritten from the start with an identical
  head. The old record keeps its lines under a superseded fingerprint; the new content is a new file.
  */
  recordOf(path: string, place: FollowedPlace, stats: Stats, head: Buffer, known?: FileRecord): FileRecord {
    if (known) return known;
    const record = this.findOrAdd(path, place, stats, head);
    if (record.offset <= stats.size || this.isHeld(record.id)) return record;
    this.store.refingerprint(record.id, supersededFingerprint(record.fingerprint, record.id), record.headBytes);
    return this.findOrAdd(path, place, stats, head);
  }

  /** The stored record a file with this head continues, or undefined for new content (rotation.ts says how). */
  identify(bundle: string, path: string, stats: Stats, head: Buffer): FileRecord | undefined {
    const candidates = recordsWithHead(this.store.filesOfBundle(bundle), path, stats, head);
    return continuedRecord(candidates, stats, (record) => this.contentInPlace(record));
  }

  /** The record's content is still in its own inode: held by a reader, or at its path or a rotated name beside it, with its head and size. */
  contentInPlace(record: FileRecord): boolean {
    if (this.isHeld(record.id)) return true;
    if (record.dev === null || record.ino === null) return false;
    for (const candidate of [record.path, ...siblingsOf(record.path)]) {
      const stats = statOrNull(candidate);
      if (!stats || !stats.isFile() || !sameInode(stats, record)) continue;
      if (stats.size < record.offset || stats.size < record.headBytes) return false;
      return headMatches(record, headOf(candidate, record.headBytes));
    }
    return false;
  }

  /** A short file grew: its head (up to 4 KiB) is its identity from now on, so a restart recognises it. */
  refreshFingerprint(reader: Reader, size: number): void {
    if (reader.headBytes >= FINGERPRINT_BYTES || size <= reader.headBytes) return;
    const head = readHead(reader.fd, Math.min(size, FINGERPRINT_BYTES));
    if (!reader.isHeadOf(head)) return; // a truncation: the next check sees it
    this.updateFingerprint(reader, head);
  }

  /** The reader's record was stored with a shorter head than `head` now holds: take the longer one. */
  growFingerprint(reader: Reader, head: Buffer): void {
    if (reader.headBytes < head.length && reader.isHeadOf(head)) {
      this.updateFingerprint(reader, head);
    }
  }

  private updateFingerprint(reader: Reader, head: Buffer): void {
    const fingerprint = hashHead(head);
    const other = this.store.findFileByFingerprint(reader.record.bundle, fingerprint);
    if (other && other.id !== reader.record.id) return; // identical heads (rare): keep the shorter identity
    this.store.refingerprint(reader.record.id, fingerprint, head.length);
    reader.fingerprint = fingerprint;
    reader.headBytes = head.length;
  }

  private findOrAdd(path: string, place: FollowedPlace, stats: Stats, head: Buffer): FileRecord {
    const known = this.identify(place.bundle, path, stats, head);
    if (known) return known;
    const fingerprint = hashHead(head);
    this.supersedeHolder(place.bundle, fingerprint);
    return this.store.addFile({
      path,
      bundle: place.bundle,
      hostHint: place.hostHint,
      packageHint: place.packageHint,
      kind: place.kind,
      fingerprint,
      headBytes: head.length,
      dev: stats.dev,
      ino: stats.ino,
      size: stats.size,
      mtime: Math.round(stats.mtimeMs),
    });
  }

  /** A new file takes this fingerprint: a stored file with the same head keeps its lines under a superseded one. */
  private supersedeHolder(bundle: string, fingerprint: string): void {
    const holder = this.store.findFileByFingerprint(bundle, fingerprint);
    if (holder) this.store.refingerprint(holder.id, supersededFingerprint(fingerprint, holder.id), holder.headBytes);
  }
}
