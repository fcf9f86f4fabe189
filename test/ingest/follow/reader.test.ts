import { afterEach, describe, expect, it } from "vitest";
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FINGERPRINT_BYTES, hashHead } from "../../../src/ingest/source.js";
import { Reader, READ_CHUNK, type FollowCheckpoint } from "../../../src/ingest/follow/reader.js";
import { supersededFingerprint } from "../../../src/ingest/follow/rotation.js";
import type { FileRecord } from "../../../src/store/store.js";
import type { FramedLine } from "../../../src/ingest/lines.js";

// The reader's own promise, without the follower's timing: bytes it commits are bytes of the content
// its record names. The race the watch suites hit only under load (a copytruncate and regrowth between
// the follower's look and its read) is played here step by step.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const linesOf = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `Nov 25 04:00:00 nodeB1 app[1]: ${prefix} line ${String(index).padStart(5, "0")}`);
const text = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join("");

interface Opened {
  readonly reader: Reader;
  readonly stored: string[];
  readonly checkpoints: FollowCheckpoint[];
  readonly path: string;
}

function openReader(content: string, fingerprintOf: (fingerprint: string) => string = (fingerprint) => fingerprint): Opened {
  const folder = mkdtempSync(join(tmpdir(), "mcadvisor-reader-"));
  folders.push(folder);
  const path = join(folder, "syslog.log");
  writeFileSync(path, content);
  const head = Buffer.from(content).subarray(0, FINGERPRINT_BYTES);
  const record: FileRecord = {
    id: 7,
    path,
    bundle: "live",
    hostHint: null,
    packageHint: null,
    kind: "syslog",
    fingerprint: fingerprintOf(hashHead(head)),
    headBytes: head.length,
    offset: 0,
    lineCount: 0,
    pending: null,
    parserContext: null,
    year: null,
    dev: 1,
    ino: 1,
    size: null,
    contentHash: null,
    contentHashBytes: null,
  };
  const stored: string[] = [];
  const checkpoints: FollowCheckpoint[] = [];
  const sink = (lines: readonly FramedLine[], checkpoint: FollowCheckpoint): void => {
    stored.push(...lines.map((line) => line.text));
    checkpoints.push(checkpoint);
  };
  const fd = openSync(path, "r");
  return { reader: new Reader(fd, path, 1, 1, record, sink), stored, checkpoints, path };
}

describe("Reader", () => {
  it("never commits a regrown content's bytes as the old content's lines (copytruncate between look and read)", () => {
    const old = linesOf("old", 200); // past the 4 KiB head
    const opened = openReader(text(old));
    try {
      opened.reader.drain(Buffer.alloc(READ_CHUNK), READ_CHUNK);
      expect(opened.stored).toEqual(old);
      // Truncated and written again beyond the old end before the next read.
      truncateSync(opened.path, 0);
      appendFileSync(opened.path, text(linesOf("new", 400)));
      appendFileSync(opened.path, text(linesOf("more", 5)));
      opened.reader.drain(Buffer.alloc(READ_CHUNK), READ_CHUNK);
      expect(opened.reader.headChanged).toBe(true);
      expect(opened.stored).toEqual(old); // nothing of the new content under the old record
      expect(opened.checkpoints.at(-1)?.lineCount).toBe(old.length);
    } finally {
      closeSync(opened.reader.fd);
    }
  });

  it("reads on, in small reads too, while the head stays the same", () => {
    const first = linesOf("first", 150);
    const opened = openReader(text(first));
    try {
      const small = Buffer.alloc(1000);
      while (opened.reader.drain(small, 1000)) {
        /* read it all, a kilobyte at a time */
      }
      const second = linesOf("second", 50);
      appendFileSync(opened.path, text(second));
      while (opened.reader.drain(small, 1000)) {
        /* and what was appended */
      }
      expect(opened.reader.headChanged).toBe(false);
      expect(opened.stored).toEqual([...first, ...second]);
    } finally {
      closeSync(opened.reader.fd);
    }
  });

  it("reads a record whose fingerprint a later file with the same head superseded (its original is what the head must match)", () => {
    const content = linesOf("same", 120);
    const opened = openReader(text(content), (fingerprint) => supersededFingerprint(fingerprint, 3));
    try {
      opened.reader.drain(Buffer.alloc(READ_CHUNK), READ_CHUNK);
      expect(opened.reader.headChanged).toBe(false);
      expect(opened.stored).toEqual(content);
    } finally {
      closeSync(opened.reader.fd);
    }
  });
});
