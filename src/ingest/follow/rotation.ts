/**
What rotation does to a followed file, decided without touching the file system: which names a rotated
copy may take, which stored record a file with a given head and inode continues, whether a copy
beside a followed path is history or content nobody has read. The callers read the bytes and stats;
these functions only judge them (test/ingest/rotation.test.ts).
*/

import { FINGERPRINT_BYTES, hashHead } from "../source.js";

/** A file's place on disk: what tells two files apart while both exist. */
export interface Inode {
  readonly dev: number;
  readonly ino: number;
}

/** What a stored file record says about the content it holds (a FileRecord, as far as identity goes). */
export interface RecordIdentity {
  readonly path: string;
  readonly fingerprint: string;
  readonly headBytes: number;
  readonly dev: number | null;
  readonly ino: number | null;
  readonly offset: number;
}

const ROTATED_SUFFIX = /^(\.\d+|\.old|-\d{8}(\d{2})?)$/;

/** Names a rotated copy of `name` may take beside it: OLDsyslog.log, syslog.log.1, syslog.log.old, syslog.log-20261125. */
export function isRotatedSibling(name: string, candidate: string): boolean {
  if (candidate === name || candidate.endsWith(".gz")) return false;
  if (candidate === `OLD${name}`) return true;
  return candidate.startsWith(name) && ROTATED_SUFFIX.test(candidate.slice(name.length));
}

export const identityOf = (inode: Inode): string => `${inode.dev}:${inode.ino}`;

export const sameInode = (left: Inode, right: { readonly dev: number | null; readonly ino: number | null }): boolean =>
  left.dev === right.dev && left.ino === right.ino;

/** Marks a fingerprint given up to a later file with the same head; the original stays its prefix. */
const SUPERSEDED = "~superseded~";

/** The fingerprint a record had before a later file with the same head took it over. */
export function originalFingerprint(fingerprint: string): string {
  const cut = fingerprint.indexOf(SUPERSEDED);
  return cut < 0 ? fingerprint : fingerprint.slice(0, cut);
}

/** The fingerprint a record keeps when a later file takes its head's: unique, and the original is its prefix. */
export function supersededFingerprint(fingerprint: string, recordId: number): string {
  return `${originalFingerprint(fingerprint)}${SUPERSEDED}${recordId}`;
}

/** The first `bytes` of `head` hash to the record's original fingerprint (the head holds at least that much). */
export function headMatches(record: Pick<RecordIdentity, "fingerprint" | "headBytes">, head: Buffer): boolean {
  return record.headBytes <= head.length && hashHead(head.subarray(0, record.headBytes)) === originalFingerprint(record.fingerprint);
}

/** The complete lines of a file's head as the framer stores them (a last line without newline is left out). */
export function completeLinesOf(content: Buffer): string[] {
  const end = content.lastIndexOf(0x0a);
  if (end < 0) return [];
  return content
    .subarray(0, end)
    .toString("utf8")
    .split("\n")
    .map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

/** Every line of `lines` is stored, in order, at the start of a file (`stored`: its first stored lines). */
export function startsWithStoredLines(lines: readonly string[], stored: readonly string[]): boolean {
  return lines.length > 0 && stored.length === lines.length && stored.every((text, index) => text === lines[index]);
}

/**
The records a file with this head may continue. The fingerprint finds them: the record holding it now,
and older ones a later file with the same head superseded (a log may repeat itself byte for byte). A
record stored while shorter than the fingerprint window has grown since: its stored head is a prefix of
this one; a short head could prefix anything, so only at the same path or inode.
*/
export function recordsWithHead<R extends RecordIdentity>(records: readonly R[], path: string, inode: Inode, head: Buffer): R[] {
  const fingerprint = hashHead(head);
  return records.filter((record) => {
    const original = originalFingerprint(record.fingerprint);
    if (record.headBytes === head.length) return original === fingerprint;
    return (
      record.headBytes < head.length &&
      record.headBytes < FINGERPRINT_BYTES &&
      (record.path === path || sameInode(inode, record)) &&
      original === hashHead(head.subarray(0, record.headBytes))
    );
  });
}

/**
Which of the records with its head a file continues. The inode decides: the record of this very inode
(unless the file now holds less than we read: rewritten from the start, new content); else the newest
one whose own inode no longer holds its content (copied, then truncated or deleted: this may be the
copy). A record whose content is still in place is never taken for another file that merely starts the same.
*/
export function continuedRecord<R extends RecordIdentity>(
  candidates: readonly R[],
  file: Inode & { readonly size: number },
  contentInPlace: (record: R) => boolean,
): R | undefined {
  const ofThisInode = candidates.find((record) => sameInode(file, record));
  if (ofThisInode) return file.size >= ofThisInode.offset ? ofThisInode : undefined;
  return [...candidates].reverse().find((record) => !contentInPlace(record));
}

/** The same inode no longer holds what we read: shorter than our position or its head (the head's hash is asked only when needed). */
export function truncatedBelow(size: number, readPosition: number, headBytes: number, headStillMatches: () => boolean): boolean {
  if (size < readPosition || size < headBytes) return true;
  return !headStillMatches();
}

/** What a followed path's history says about a rotated file beside it (FileFollower's fields of that name). */
export interface SiblingHistory {
  readonly rotationSeen: boolean;
  readonly historyBefore: number | null;
  /** Rotated files known as history: identity -> hash of its head. */
  readonly siblingsAtStart: ReadonlyMap<string, string>;
}

/**
- `history`: written before the path rotated under our eyes, or known as history: never read as new.
- `new history`: noticed before the path has rotated (a tree copied in, history restored): to be
  remembered as history, also after later shifts.
- `unseen`: may hold content written to the path while we watched and never read: examine it.
*/
export type SiblingVerdict = "history" | "new history" | "unseen";

export function judgeSibling(
  owner: SiblingHistory,
  sibling: { readonly identity: string; readonly mtimeMs: number; readonly headHash: () => string },
): SiblingVerdict {
  if (!owner.rotationSeen) return "new history";
  if (owner.historyBefore !== null && sibling.mtimeMs < owner.historyBefore) return "history";
  return owner.siblingsAtStart.get(sibling.identity) === sibling.headHash() ? "history" : "unseen";
}

/**
A rotated copy holds a stored file's content (so it is not new). `headHeldOpen`: an open reader's file
holds the whole head. Else a stored record explains it: that very file renamed with nothing unread; a
full 4 KiB head hashing to a stored fingerprint whose own file no longer holds it; or a shorter head
(a small file, a partial line: it could prefix anything) whose every complete line is stored, in order,
at the start of that file.
*/
export function copyOfStored<R extends RecordIdentity>(
  records: readonly R[],
  head: Buffer,
  file: Inode & { readonly size: number },
  ask: { readonly contentInPlace: (record: R) => boolean; readonly firstLines: (record: R, count: number) => readonly string[] },
): boolean {
  const lines = completeLinesOf(head);
  return records.some((record) => {
    // That very file, renamed, with nothing unread (with more, it is read on from its offset).
    if (sameInode(file, record)) return file.size === record.offset;
    if (record.headBytes >= FINGERPRINT_BYTES && head.length >= record.headBytes) {
      // The same head is that file's copy only if the file itself no longer holds it (a log may repeat itself).
      return headMatches(record, head) && !ask.contentInPlace(record);
    }
    return lines.length > 0 && startsWithStoredLines(lines, ask.firstLines(record, lines.length));
  });
}
