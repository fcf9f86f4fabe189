/**
The live follower: reads growing logs by file descriptor from a committed byte offset, so every line
appended is stored exactly once across rename rotation, copy-truncate, truncation, delete and
recreate, a partial last line, and a kill -9 (see docs/decisions.md for why not the `tail` package).
Its parts, in src/ingest/follow/:

- `reader.ts`: bytes from an offset. One open descriptor on one inode and one stored file record,
  framed by ingest/lines.ts; lines go to a sink that stores them and the checkpoint in one transaction
  (the checkpoint offset covers complete lines only, a partial last line is held until its newline).
- `rotation.ts`: pure judgements over a file's identity and its rotated copies: the names a copy may
  take, which stored record a head and an inode continue, whether a copy is history or unread content.
- `records.ts`: the stored record of a file (found by head fingerprint, decided by inode, added, its
  fingerprint grown with a short file).
- `path-follower.ts`: the state machine of one followed path (first look, waiting, reading; a
  replacement or a truncation moves it back to waiting), and its rotation history.
- `copies.ts`: copies nobody has read (created, filled and rotated between two of our looks), held
  open until they settle and judged.
- `hub.ts`: every followed path and the readers they hold; retired readers drained after a rotation,
  the rest of a truncated file read from its copy.

Everything here is synchronous (reads are small and local; SQLite is synchronous too), so two checks
never interleave; a catch-up stops after a byte budget and continues on the next turn of the loop.
*/

export { FollowerHub, type FollowerHubOptions } from "./follow/hub.js";
export type { FileFollower } from "./follow/path-follower.js";
export type { FollowCheckpoint, LineSink } from "./follow/reader.js";
export type { FollowedPlace } from "./follow/records.js";
export { isRotatedSibling } from "./follow/rotation.js";
