import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LineFramer } from "../../../src/ingest/lines.js";
import { FINGERPRINT_BYTES, hashHead } from "../../../src/ingest/source.js";
import {
  completeLinesOf,
  continuedRecord,
  copyOfStored,
  headMatches,
  isRotatedSibling,
  judgeSibling,
  originalFingerprint,
  recordsWithHead,
  startsWithStoredLines,
  supersededFingerprint,
  truncatedBelow,
  type RecordIdentity,
  type SiblingHistory,
} from "../../../src/ingest/follow/rotation.js";

// The judgements of the follower over rotated copies, without a file system (the watch suites drive them
// through real files and the real process).

interface TestRecord extends RecordIdentity {
  readonly id: number;
}

const head = (text: string): Buffer => Buffer.from(text);
const fullHead = (seed: string): Buffer => Buffer.from(seed.repeat(Math.ceil(FINGERPRINT_BYTES / seed.length)).slice(0, FINGERPRINT_BYTES));

function record(id: number, content: Buffer, overrides: Partial<TestRecord> = {}): TestRecord {
  return {
    id,
    path: "/logs/syslog.log",
    fingerprint: hashHead(content),
    headBytes: content.length,
    dev: 1,
    ino: 100 + id,
    offset: content.length,
    ...overrides,
  };
}

describe("isRotatedSibling", () => {
  it("knows the names logrotate and HP-UX give a rotated copy", () => {
    for (const name of ["OLDsyslog.log", "syslog.log.1", "syslog.log.12", "syslog.log.old", "syslog.log-20261125", "syslog.log-2026112503"]) {
      expect(isRotatedSibling("syslog.log", name), name).toBe(true);
    }
  });

  it("leaves out the file itself, archives and other logs", () => {
    for (const name of ["syslog.log", "syslog.log.1.gz", "syslog.log.bak", "syslog.log-2026", "mail.log.1", "syslog.logx", "OLDsyslog.log.1"]) {
      expect(isRotatedSibling("syslog.log", name), name).toBe(false);
    }
  });
});

describe("superseded fingerprints", () => {
  it("keeps the original as a prefix, once, however often it is superseded", () => {
    const superseded = supersededFingerprint("abc", 7);
    expect(superseded).not.toBe("abc");
    expect(originalFingerprint(superseded)).toBe("abc");
    expect(originalFingerprint(supersededFingerprint(superseded, 9))).toBe("abc");
    expect(originalFingerprint("abc")).toBe("abc");
  });

  it("headMatches compares the record's head bytes with its original fingerprint", () => {
    const content = head("line 1\nline 2\n");
    const stored = record(1, content, { fingerprint: supersededFingerprint(hashHead(content), 1) });
    expect(headMatches(stored, head("line 1\nline 2\nline 3\n"))).toBe(true);
    expect(headMatches(stored, head("line 1\n"))).toBe(false); // shorter than the stored head
    expect(headMatches(stored, head("line 1\nline X\nline 3\n"))).toBe(false);
  });
});

describe("completeLinesOf", () => {
  it("gives the complete lines without their CR, and leaves out a last line without newline", () => {
    expect(completeLinesOf(head("a\r\nb\nc"))).toEqual(["a", "b"]);
    expect(completeLinesOf(head("partial"))).toEqual([]);
    expect(completeLinesOf(head("\n"))).toEqual([""]);
  });

  it("equals what the line framer stores of the same bytes", () => {
    const piece = fc.constantFrom("a", "é", "\r", "\n", "\u0000", " ", "9");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const bytes = Buffer.from(pieces.join(""));
        const framed = new LineFramer().push(bytes).map((line) => line.text);
        expect(completeLinesOf(bytes)).toEqual(framed);
      }),
    );
  });

  it("startsWithStoredLines wants every line, in order, and at least one", () => {
    expect(startsWithStoredLines(["a", "b"], ["a", "b"])).toBe(true);
    expect(startsWithStoredLines(["a", "b"], ["a"])).toBe(false); // fewer stored
    expect(startsWithStoredLines(["a", "b"], ["b", "a"])).toBe(false);
    expect(startsWithStoredLines([], [])).toBe(false);
  });
});

describe("which record a file continues", () => {
  const content = fullHead("Nov 20 16:31:05 nodeA1 cmcld[11]: repeated\n");

  it("finds the records with the same head, also a superseded one", () => {
    const current = record(2, content);
    const older = record(1, content, { fingerprint: supersededFingerprint(hashHead(content), 1) });
    const other = record(3, fullHead("another log\n"));
    expect(recordsWithHead([older, current, other], "/logs/syslog.log.1", { dev: 1, ino: 999 }, content).map((found) => found.id)).toEqual([1, 2]);
  });

  it("takes a short stored head as a prefix only at the same path or inode", () => {
    const short = head("first line\n");
    const grown = Buffer.concat([short, head("second line\n")]);
    const stored = record(1, short, { path: "/logs/syslog.log", ino: 50 });
    expect(recordsWithHead([stored], "/logs/syslog.log", { dev: 1, ino: 60 }, grown)).toHaveLength(1);
    expect(recordsWithHead([stored], "/elsewhere.log", { dev: 1, ino: 50 }, grown)).toHaveLength(1);
    expect(recordsWithHead([stored], "/elsewhere.log", { dev: 1, ino: 60 }, grown)).toHaveLength(0);
  });

  it("prefers the record of the same inode, unless the file now holds less than was read", () => {
    const a = record(1, content, { ino: 10, offset: 9000 });
    const b = record(2, content, { ino: 20, offset: 5000 });
    const nothingInPlace = (): boolean => false;
    expect(continuedRecord([a, b], { dev: 1, ino: 20, size: 6000 }, nothingInPlace)?.id).toBe(2);
    expect(continuedRecord([a, b], { dev: 1, ino: 20, size: 4000 }, nothingInPlace)).toBeUndefined(); // rewritten from the start
  });

  it("otherwise takes the newest record whose own file no longer holds its content", () => {
    const a = record(1, content, { ino: 10 });
    const b = record(2, content, { ino: 20 });
    const copy = { dev: 1, ino: 30, size: 9000 };
    expect(continuedRecord([a, b], copy, () => false)?.id).toBe(2);
    expect(continuedRecord([a, b], copy, (candidate) => candidate.id === 2)?.id).toBe(1);
    expect(continuedRecord([a, b], copy, () => true)).toBeUndefined(); // a log that repeats itself is not a copy
  });
});

describe("truncatedBelow", () => {
  it("is a truncation when shorter than what was read or than the head, else when the head changed", () => {
    let asked = 0;
    const head = (matches: boolean) => (): boolean => {
      asked++;
      return matches;
    };
    expect(truncatedBelow(100, 200, 50, head(true))).toBe(true);
    expect(truncatedBelow(40, 30, 50, head(true))).toBe(true);
    expect(asked).toBe(0); // the size says it: no read of the head
    expect(truncatedBelow(300, 200, 50, head(true))).toBe(false);
    expect(truncatedBelow(300, 200, 50, head(false))).toBe(true);
  });
});

describe("judgeSibling", () => {
  const sibling = { identity: "1:30", mtimeMs: 5_000, headHash: () => "hash-now" };
  const history = (overrides: Partial<SiblingHistory>): SiblingHistory => ({
    rotationSeen: true,
    historyBefore: null,
    siblingsAtStart: new Map(),
    ...overrides,
  });

  it("takes a sibling noticed before the path rotated for history to remember (a tree copied in)", () => {
    expect(judgeSibling(history({ rotationSeen: false }), sibling)).toBe("new history");
  });

  it("leaves a sibling last written before the path's first rotation alone, whenever its event arrives", () => {
    expect(judgeSibling(history({ historyBefore: 6_000 }), sibling)).toBe("history");
    expect(judgeSibling(history({ historyBefore: 4_000 }), sibling)).toBe("unseen");
  });

  it("knows history by inode and head: a reused inode number with another head is unseen", () => {
    expect(judgeSibling(history({ siblingsAtStart: new Map([["1:30", "hash-now"]]) }), sibling)).toBe("history");
    expect(judgeSibling(history({ siblingsAtStart: new Map([["1:30", "hash-then"]]) }), sibling)).toBe("unseen");
  });
});

describe("copyOfStored", () => {
  const lines = head("a 1\na 2\npartial");
  const ask = (stored: Record<number, string[]>, inPlace: readonly number[] = []) => ({
    contentInPlace: (found: TestRecord): boolean => inPlace.includes(found.id),
    firstLines: (found: TestRecord, count: number): string[] => (stored[found.id] ?? []).slice(0, count),
  });

  it("knows the very file renamed with nothing unread (more unread: it is read on, not as new)", () => {
    const stored = record(1, lines, { ino: 30, offset: 100 });
    expect(copyOfStored([stored], lines, { dev: 1, ino: 30, size: 100 }, ask({}))).toBe(true);
    expect(copyOfStored([stored], lines, { dev: 1, ino: 30, size: 120 }, ask({}))).toBe(false);
  });

  it("takes a full head as a copy only when the stored file no longer holds it", () => {
    const content = fullHead("x\n");
    const stored = record(1, content, { ino: 10 });
    const copy = { dev: 1, ino: 30, size: 9000 };
    expect(copyOfStored([stored], content, copy, ask({}))).toBe(true);
    expect(copyOfStored([stored], content, copy, ask({}, [1]))).toBe(false);
  });

  it("asks the stored lines for a short head: every complete line, in order, at the start", () => {
    const stored = record(1, head("a 1\n"), { ino: 10 });
    const copy = { dev: 1, ino: 30, size: lines.length };
    expect(copyOfStored([stored], lines, copy, ask({ 1: ["a 1", "a 2", "a 3"] }))).toBe(true);
    expect(copyOfStored([stored], lines, copy, ask({ 1: ["a 1"] }))).toBe(false);
    expect(copyOfStored([stored], head("partial"), copy, ask({ 1: ["partial"] }))).toBe(false); // no complete line: could prefix anything
  });
});
