/**
watch's store writer: each batch of lines a follower reads is parsed and stored with the checkpoint
that covers it (one transaction, Store.appendLines), then the events it stored go, in the order they
were stored, to their bundles' engines (live-findings.ts).
*/

import type { FollowedPlace, LineSink } from "../ingest/follower.js";
import type { FramedLine } from "../ingest/lines.js";
import { yearResolver } from "../model/time.js";
import { createFileParser, type FileParser } from "../parse/index.js";
import type { FileRecord, LineToStore, Store } from "../store/store.js";
import { bundleZoneOffset, resumeContext } from "./ingest.js";
import type { LiveFindings } from "./live-findings.js";
import { parseFramedLine } from "./parse-batches.js";

export interface LiveParsing {
  readonly timeZone?: string;
  readonly fixedYear?: number;
  /** The machine's clock in the logs' wall clock. */
  readonly wallClock: () => number;
}

export class LiveStoreWriter {
  /** The newest stored event the engines have been given. */
  private lastEventId: number;

  constructor(
    private readonly store: Store,
    private readonly findings: LiveFindings,
    private readonly parsing: LiveParsing,
  ) {
    this.lastEventId = store.lastEventId();
  }

  /** How one follower's lines are parsed and stored (FollowerHubOptions.sinkFor). */
  sinkFor(record: FileRecord, path: string, place: FollowedPlace): LineSink {
    this.findings.open(record.bundle, this.lastEventId); // before any new line: the replay must not swallow them
    const parser = this.parserFor(record, path, place);
    return (lines, checkpoint) => {
      const { batch, newest } = this.parse(parser, lines);
      this.store.appendLines(record.id, batch, { ...checkpoint, parserContext: JSON.stringify(parser.context()) });
      if (newest !== null) this.findings.noteLineTime(record.bundle, newest);
      this.pushNewEvents();
    };
  }

  /** A syslog's year-less lines take the year of the bundle's package logs when it has some, else the clock's. */
  private parserFor(record: FileRecord, path: string, place: FollowedPlace): FileParser {
    const { fixedYear, timeZone, wallClock } = this.parsing;
    const logged = place.kind === "syslog" ? this.store.lastPackageLogTime(record.bundle) : null;
    return createFileParser({
      path,
      kind: record.kind,
      hostHint: record.hostHint,
      packageHint: record.packageHint,
      yearFor: yearResolver({
        fixedYear,
        reference: logged !== null ? { reference: logged, source: "logged" } : { reference: wallClock(), source: "mtime" },
      }),
      resume: resumeContext(record.parserContext),
      timeZone,
      zoneOffset: timeZone === undefined ? bundleZoneOffset(this.store, record.bundle) : null,
    });
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

  /** After a commit: the new stored events go to their bundles' engines, in the order they were stored. */
  private pushNewEvents(): void {
    const touched = new Set<string>();
    for (const stored of this.store.eventsStoredAfter(this.lastEventId)) {
      this.findings.open(stored.bundle, stored.id - 1); // later ones are pushed live
      this.lastEventId = stored.id;
      this.findings.push(stored.bundle, stored.event, stored.fileId);
      touched.add(stored.bundle);
    }
    for (const bundle of touched) this.findings.report(bundle);
  }
}
