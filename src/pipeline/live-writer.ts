/**
watch's store writer: each batch of lines a follower reads is parsed and stored with the checkpoint
that covers it (one transaction, Store.appendLines), then the events it stored go to their bundles'
engines (live-findings.ts) in the order a replay gives them.

Catching up (the content a file already had when it was first followed, all of a bundle at start) is
merged by time: the followers read their files a chunk at a time in turn, and a bundle's stored events
are held until every file of the bundle still catching up has stored lines past them, then pushed in
REPLAY_ORDER. The engines then stay in the logs' order (a file read whole after another would step back
in time, and the bundle would wait for a replay after its last line), so a finding is printed as soon
as the merged logs reach it. The engines' watermark stays where it is until the catch-up ends (analyze
does not advance one before its last event either). A file that stored nothing for a whole tick stops
holding the others back (deleted, rotated, unreadable); any step back still makes the bundle dirty and
replayed (live-findings.ts), so the merge only makes that rarer.
*/

import { statSync } from "node:fs";
import type { FollowCheckpoint, FollowedPlace, LineSink } from "../ingest/follower.js";
import type { FramedLine } from "../ingest/lines.js";
import type { LogEvent } from "../model/events.js";
import { fileYearResolver, lastYearlessStamp, newestStamp, type YearlessStamp } from "../model/time.js";
import { readTailPlain } from "../ingest/source.js";
import { createFileParser, type FileParser } from "../parse/index.js";
import type { FileRecord, LineToStore, Store } from "../store/store.js";
import { bundleZoneOffset, resumeContext } from "./ingest.js";
import { compareKeys, keyOf, type LiveFindings, type OrderKey } from "./live-findings.js";
import { parseFramedLine } from "./parse-batches.js";
import { compressionOf } from "../model/file-names.js";

export interface LiveParsing {
  readonly timeZone?: string;
  readonly nodeZones?: Readonly<Record<string, string>>;
  readonly fixedYear?: number;
  /** The machine's clock in the logs' wall clock. */
  readonly wallClock: () => number;
}

/** A file of a bundle still reading the content it had when it was first followed. */
interface CatchingUp {
  /** Its size then: caught up once this much is read. */
  readonly target: number;
  /** The newest line time it stored so far (-Infinity before its first timed line). */
  newest: number;
  /** Whether it stored lines since the last tick. */
  progressed: boolean;
}

interface HeldEvent {
  readonly key: OrderKey;
  readonly event: LogEvent;
  readonly fileId: number;
}

/** A bundle's catch-up merge: its files still catching up (by path) and the events held for them. */
interface BundleMerge {
  readonly reading: Map<string, CatchingUp>;
  held: HeldEvent[];
  /** Whether `held` is in replay order. */
  sorted: boolean;
  /** The newest line time stored while the merge held the watermark. */
  newestLine: number | null;
}

/** Events a bundle's merge may hold (about 30 MB, as analyze's merge): past it they go on unmerged. */
const HOLD_LIMIT = 100_000;

export class LiveStoreWriter {
  /** The newest stored event the engines have been given (or that is held for them). */
  private lastEventId: number;
  private readonly merges = new Map<string, BundleMerge>();
  /** Until the first walk of the targets is done, no bundle knows all of its files: everything is held. */
  private walkPending = true;

  constructor(
    private readonly store: Store,
    private readonly findings: LiveFindings,
    private readonly parsing: LiveParsing,
  ) {
    this.lastEventId = store.lastEventId();
  }

  /** A path is about to be followed: its content up to its current size is caught up in the bundle's merge. */
  expect(bundle: string, path: string): void {
    const size = sizeOf(path);
    if (size > 0) this.catchUp(bundle, path, size);
  }

  /** The first walk of the targets is done: every bundle's files are known. */
  walked(): void {
    this.walkPending = false;
    for (const [bundle, merge] of this.merges) {
      for (const file of merge.reading.values()) file.progressed = true; // a whole tick from now to start
      this.release(bundle);
    }
  }

  /** Each second: a file that stored nothing for a whole tick no longer holds its bundle back. */
  tick(): void {
    if (this.walkPending) return; // syslogs wait for the walk: not stalled
    for (const [bundle, merge] of this.merges) {
      for (const [path, file] of merge.reading) {
        if (!file.progressed) merge.reading.delete(path);
        file.progressed = false;
      }
      this.release(bundle);
    }
  }

  /** At stop: whatever is held goes to the engines. */
  flush(): void {
    this.walkPending = false;
    for (const [bundle, merge] of this.merges) {
      merge.reading.clear();
      this.release(bundle);
    }
  }

  /** How one follower's lines are parsed and stored (FollowerHubOptions.sinkFor). */
  sinkFor(record: FileRecord, path: string, place: FollowedPlace): LineSink {
    this.findings.open(record.bundle, this.lastEventId); // before any new line: the replay must not swallow them
    const parser = this.parserFor(record, path, place);
    const expected = this.merges.get(record.bundle)?.reading.get(path);
    if (expected === undefined) {
      const size = sizeOf(path);
      if (size > record.offset) this.catchUp(record.bundle, path, size);
    } else if (record.offset >= expected.target) {
      this.merges.get(record.bundle)?.reading.delete(path); // restarted at its end: nothing to catch up
    }
    return (lines, checkpoint) => {
      const { batch, newest } = this.parse(parser, lines);
      this.store.appendLines(record.id, batch, { ...checkpoint, parserContext: JSON.stringify(parser.context()) });
      this.stored(record.bundle, path, checkpoint, newest);
    };
  }

  private catchUp(bundle: string, path: string, target: number): void {
    let merge = this.merges.get(bundle);
    if (!merge) {
      merge = { reading: new Map(), held: [], sorted: true, newestLine: null };
      this.merges.set(bundle, merge);
      this.findings.hold(bundle, true);
    }
    merge.reading.set(path, { target, newest: -Infinity, progressed: true });
  }

  /** After a commit: the file's place in its bundle's merge moves, and the new stored events go on. */
  private stored(bundle: string, path: string, checkpoint: FollowCheckpoint, newest: number | null): void {
    const merge = this.merges.get(bundle);
    const file = merge?.reading.get(path);
    if (merge && file) {
      file.progressed = true;
      if (newest !== null && newest > file.newest) file.newest = newest;
      if (checkpoint.size >= file.target) merge.reading.delete(path);
    }
    if (newest !== null) {
      if (merge) merge.newestLine = Math.max(merge.newestLine ?? newest, newest);
      else this.findings.noteLineTime(bundle, newest);
    }
    this.takeNewEvents(bundle);
  }

  /** The events stored since the last look, in the order they were stored: pushed now, or held by their bundle's merge. */
  private takeNewEvents(bundle: string): void {
    // A bundle in a merge is looked at after every batch of its files (their progress releases events).
    const touched = new Set<string>(this.merges.has(bundle) ? [bundle] : []);
    for (const stored of this.store.eventsStoredAfter(this.lastEventId)) {
      this.findings.open(stored.bundle, stored.id - 1); // later ones are pushed live
      this.lastEventId = stored.id;
      const merge = this.merges.get(stored.bundle);
      if (merge) {
        const key = keyOf(stored.event, stored.fileId);
        if (merge.sorted && merge.held.length > 0 && compareKeys(key, merge.held[merge.held.length - 1].key) < 0) merge.sorted = false;
        merge.held.push({ key, event: stored.event, fileId: stored.fileId });
      } else this.findings.push(stored.bundle, stored.event, stored.fileId);
      touched.add(stored.bundle);
    }
    for (const [heldBundle, merge] of this.merges) {
      // A file with no time (or one far behind) would hold the others' events without bound: they go on unmerged.
      if (merge.held.length > HOLD_LIMIT) {
        merge.reading.clear();
        touched.add(heldBundle);
      }
    }
    for (const touchedBundle of touched) {
      if (this.merges.has(touchedBundle)) this.release(touchedBundle);
      else this.findings.report(touchedBundle);
    }
  }

  /**
  Pushes the bundle's held events that no file still catching up can precede (those before the oldest
  of their newest line times), in replay order; when none is catching up, all of them, the watermark
  moves to the newest line stored, and the bundle's events go straight to its engine again.
  */
  private release(bundle: string): void {
    const merge = this.merges.get(bundle);
    if (!merge || this.walkPending) return;
    let before = Infinity;
    for (const file of merge.reading.values()) before = Math.min(before, file.newest);
    const done = merge.reading.size === 0;
    if (!merge.sorted) {
      merge.held.sort((left, right) => compareKeys(left.key, right.key));
      merge.sorted = true;
    }
    let count = merge.held.length;
    if (!done) {
      count = 0;
      while (count < merge.held.length && (merge.held[count].key[0] === 0 || merge.held[count].key[1] < before)) count++;
    }
    for (let index = 0; index < count; index++) {
      const { event, fileId } = merge.held[index];
      this.findings.push(bundle, event, fileId);
    }
    merge.held = count === merge.held.length ? [] : merge.held.slice(count);
    if (done) {
      this.merges.delete(bundle);
      this.findings.hold(bundle, false);
      if (merge.newestLine !== null) this.findings.noteLineTime(bundle, merge.newestLine);
    }
    if (count > 0 || done) this.findings.report(bundle);
  }

  /** A syslog's year-less lines take the year of the bundle's package logs when it has some, else the clock's. */
  private parserFor(record: FileRecord, path: string, place: FollowedPlace): FileParser {
    const { fixedYear, timeZone, nodeZones, wallClock } = this.parsing;
    const logged = place.kind === "syslog" ? this.store.lastPackageLogTime(record.bundle) : null;
    return createFileParser({
      path,
      kind: record.kind,
      hostHint: record.hostHint,
      packageHint: record.packageHint,
      // Dated as analyze dates the file (its newest stamped line anchors the others), the lines to come after it.
      yearFor: fileYearResolver({
        fixedYear,
        reference: logged !== null ? { reference: logged, source: "logged" } : { reference: wallClock(), source: "mtime" },
        lastStamp: lastYearlessStamp(readTailPlain(path, sizeOf(path)), { writtenInOrder: record.kind === "pkglog" }),
        bundleNewest: fixedYear !== undefined ? this.bundleNewest(record.bundle, path, record.kind) : null,
        following: true,
      }),
      resume: resumeContext(record.parserContext),
      startTime: place.namedTime ?? null,
      timeZone,
      nodeZones,
      zoneOffset: timeZone === undefined ? bundleZoneOffset(this.store, record.bundle) : null,
      markNodeSeen: true,
    });
  }

  /**
  For --year, as analyze dates a bundle: the newest last stamp among its logs known now (stored, or being caught up,
  and this one). A package log followed before the first walk found the bundle's syslogs may miss theirs.
  */
  private bundleNewest(bundle: string, path: string, kind: FileRecord["kind"]): YearlessStamp | null {
    const logs = new Map<string, FileRecord["kind"]>([[path, kind]]);
    for (const file of this.store.filesOfBundle(bundle)) if (compressionOf(file.path) === null) logs.set(file.path, file.kind);
    for (const other of this.merges.get(bundle)?.reading.keys() ?? []) if (!logs.has(other)) logs.set(other, "syslog");
    const stamps = [...logs].map(([log, logKind]) =>
      logKind === "config" ? null : lastYearlessStamp(readTailPlain(log, sizeOf(log)), { writtenInOrder: logKind === "pkglog" }),
    );
    return newestStamp(stamps);
  }

  /** The lines as the store takes them, and the newest time among them. */
  private parse(parser: FileParser, lines: readonly FramedLine[]): { batch: LineToStore[]; newest: number | null } {
    let newest: number | null = null;
    const batch: LineToStore[] = lines.map((framed) => {
      const line = parseFramedLine(parser, framed);
      if (line.ts !== null && (newest === null || line.ts > newest)) newest = line.ts;
      return line;
    });
    return { batch, newest };
  }
}

/** The size of the file at `path` now (0 when it is not there). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
