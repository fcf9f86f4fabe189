import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { FramedLine } from "../../src/ingest/lines.js";
import { isReadFact, MARKER_KINDS_SQL, type LogEvent } from "../../src/model/events.js";
import { compareKeys, keyOf, type LiveFindings } from "../../src/pipeline/live-findings.js";
import { LiveStoreWriter } from "../../src/pipeline/live-writer.js";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";

const folders: string[] = [];
afterEach(() => {
  while (folders.length > 0) rmSync(folders.pop() as string, { recursive: true, force: true });
});

/** What the writer gives the engines, in order (a LiveFindings that only records). */
function recordingFindings(): { findings: LiveFindings; pushed: { event: LogEvent; fileId: number }[]; held: () => boolean } {
  const pushed: { event: LogEvent; fileId: number }[] = [];
  let holding = false;
  const findings = {
    open: () => {},
    noteLineTime: () => {},
    report: () => {},
    hold: (_bundle: string, value: boolean) => {
      holding = value;
    },
    push: (_bundle: string, event: LogEvent, fileId: number) => pushed.push({ event, fileId }),
  } as unknown as LiveFindings;
  return { findings, pushed, held: () => holding };
}

/** A node's syslog: a cmcld event every `step` seconds from `start`, framed as the follower frames it. */
function syslogLines(host: string, start: number, step: number, count: number): FramedLine[] {
  const lines: FramedLine[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const second = start + index * step;
    const clock = `${String(Math.floor(second / 3600) % 24).padStart(2, "0")}:${String(Math.floor(second / 60) % 60).padStart(2, "0")}:${String(second % 60).padStart(2, "0")}`;
    const text = `Nov 11 ${clock} ${host} cmcld[2048]: Attempting to form a new cluster`;
    const bytes = Buffer.byteLength(text) + 1;
    lines.push({ lineNo: index + 1, startOffset: offset, endOffset: offset + bytes, text, cutBytes: 0 });
    offset += bytes;
  }
  return lines;
}

describe("watch's catch-up merge (live-writer.ts)", () => {
  it("gives the engines a bundle's events in replay order while its files are read a chunk at a time in turn", () => {
    const bundle = mkdtempSync(join(tmpdir(), "mcadvisor-merge-"));
    folders.push(bundle);
    const store = new Store(openDatabase(join(bundle, "m.db")));
    const { findings, pushed, held } = recordingFindings();
    const writer = new LiveStoreWriter(store, findings, { fixedYear: 2026, timeZone: "UTC", wallClock: () => Date.UTC(2026, 10, 20) });
    // Two nodes' syslogs over the same hours, interleaved in time; each is read in three chunks.
    const files = ["nodeA1", "nodeB1"].map((host, index) => {
      const path = join(bundle, `${host}.log`);
      const lines = syslogLines(host, 3600 + index, 2, 300);
      writeFileSync(path, lines.map((line) => `${line.text}\n`).join(""));
      return { host, path, lines };
    });
    const place = (host: string) => ({ kind: "syslog" as const, hostHint: host, packageHint: null, bundle });
    for (const file of files) writer.expect(bundle, file.path);
    const sinks = files.map((file) => {
      const record = store.addFile({
        ...place(file.host),
        path: file.path,
        fingerprint: file.host,
        headBytes: 4096,
        dev: null,
        ino: null,
        size: null,
        mtime: null,
      });
      return writer.sinkFor(record, file.path, place(file.host));
    });
    writer.walked();
    for (let chunk = 0; chunk < 3; chunk++) {
      files.forEach((file, index) => {
        const lines = file.lines.slice(chunk * 100, chunk * 100 + 100);
        const last = lines[lines.length - 1];
        sinks[index](lines, { offset: last.endOffset, lineCount: last.lineNo, pending: null, size: last.endOffset, dev: 0, ino: 0 });
      });
      // Nothing is pushed that a file still being read could precede.
      expect(held()).toBe(chunk < 2);
    }
    // The grammars' 600 events, and the node.seen marks beside them (the same in the store and pushed).
    const stored = store.database.prepare(`SELECT count(*) FROM event WHERE kind NOT IN (${MARKER_KINDS_SQL})`).pluck().get() as number;
    expect(stored).toBe(600);
    expect(pushed.filter(({ event }) => isReadFact(event.kind))).toHaveLength(600);
    expect(pushed).toHaveLength(store.database.prepare("SELECT count(*) FROM event").pluck().get() as number);
    const keys = pushed.map(({ event, fileId }) => keyOf(event, fileId));
    for (let index = 1; index < keys.length; index++) expect(compareKeys(keys[index - 1], keys[index])).toBeLessThan(0);
    // The files alternate in the pushed order: merged by time, not one file after the other.
    expect(new Set(pushed.slice(0, 4).map(({ fileId }) => fileId)).size).toBe(2);
    store.close();
  });
});

describe("watch dates a file's year-less lines as analyze does", () => {
  it("keeps November before January in a log that runs into a new year, --year naming January's", () => {
    const bundle = mkdtempSync(join(tmpdir(), "mcadvisor-years-"));
    folders.push(bundle);
    const store = new Store(openDatabase(join(bundle, "y.db")));
    const { findings, pushed } = recordingFindings();
    const writer = new LiveStoreWriter(store, findings, { fixedYear: 2027, timeZone: "UTC", wallClock: () => Date.UTC(2026, 11, 5) });
    const path = join(bundle, "syslog.log");
    const texts = [
      "Nov 16 08:04:20 lnxb1 cmcld[2048]: Attempting to form a new cluster",
      "Jan 22 13:02:30 lnxb1 cmcld[2048]: Attempting to form a new cluster",
    ];
    writeFileSync(path, texts.map((text) => `${text}\n`).join(""));
    let offset = 0;
    const lines: FramedLine[] = texts.map((text, index) => {
      const bytes = Buffer.byteLength(text) + 1;
      const line = { lineNo: index + 1, startOffset: offset, endOffset: offset + bytes, text, cutBytes: 0 };
      offset += bytes;
      return line;
    });
    const place = { kind: "syslog" as const, hostHint: "lnxb1", packageHint: null, bundle };
    writer.expect(bundle, path);
    const record = store.addFile({ ...place, path, fingerprint: "lnxb1", headBytes: 4096, dev: null, ino: null, size: null, mtime: null });
    const sink = writer.sinkFor(record, path, place);
    writer.walked();
    sink(lines, { offset, lineCount: 2, pending: null, size: offset, dev: 0, ino: 0 });
    const facts = pushed.filter(({ event }) => isReadFact(event.kind));
    expect(facts.map(({ event }) => new Date(event.ts ?? 0).toISOString().slice(0, 10))).toEqual(["2026-11-16", "2027-01-22"]);
  });
});
