import { RuleEngine } from "../correlate/engine.js";
import type { SiteDefinition } from "../correlate/sites.js";
import type { Finding } from "../model/findings.js";
import { storedEvent, type FileRecord, type LineToStore, type Store } from "../store/store.js";
import type { Rule } from "../catalogue/rule.js";

/**
Runs the rules over every stored event of a bundle, from the start, and stores what they conclude.
Re-running from the start (not incrementally) is what makes a second analysis, a later node's logs
or a changed rule give exactly the findings one pass over everything would give.
*/
export function correlateBundle(store: Store, bundle: string, rules: readonly Rule[], options: { sites?: readonly SiteDefinition[]; until?: number } = {}): Finding[] {
  const engine = new RuleEngine(rules, { sites: options.sites });
  for (const event of store.eventsOfBundle(bundle)) engine.push(event);
  return conclude(store, bundle, engine, options.until);
}

function conclude(store: Store, bundle: string, engine: RuleEngine, until: number | undefined): Finding[] {
  let end = store.lastTimeOfBundle(bundle);
  if (until !== undefined) end = Math.max(end ?? until, until);
  if (end !== null) engine.advance(end);
  // The bundle's logs end here (as far as this analysis knows): decide what still waited for more lines.
  engine.finish();
  const findings = engine.findings();
  store.replaceFindings(bundle, findings);
  return findings;
}

/**
The rules fed as lines are stored, while the events come in the order a replay would read them
(REPLAY_ORDER: configuration facts first, then time, file, line). The first event that steps back
(a second node's log starting earlier than the first one ended) drops the engine: the bundle is then
correlated by `correlateBundle`'s replay from the store, as before. Either way the findings are the
replay's, so `analyze` on one thread or two, fed or replayed, and `watch` agree.
*/
export class BundleCorrelator {
  private engine: RuleEngine | null;
  private lastNull = true;
  private lastTs = 0;
  private lastFile = 0;
  private lastLine = 0;

  /** `fed`: the bundle has no stored event yet, so what is stored from now on is all a replay would read. */
  constructor(private readonly bundle: string, private readonly rules: readonly Rule[], private readonly options: { sites?: readonly SiteDefinition[]; until?: number }, fed: boolean) {
    this.engine = fed ? new RuleEngine(rules, { sites: options.sites }) : null;
  }

  /** Whether the events so far came in replay order (the rules have them all). */
  get inOrder(): boolean {
    return this.engine !== null;
  }

  /** A committed batch of a file's lines. */
  push(file: FileRecord, lines: readonly LineToStore[]): void {
    const engine = this.engine;
    if (engine === null) return;
    for (const line of lines) {
      if (line.events.length === 0) continue;
      if (!this.follows(line.ts, file.id, line.lineNo)) {
        this.engine = null;
        return;
      }
      for (const draft of line.events) engine.push(storedEvent(file.path, line, draft));
    }
  }

  /** Whether an event at (ts, file, line) comes at or after the last one in replay order; if so it becomes the last. */
  private follows(ts: number | null, fileId: number, lineNo: number): boolean {
    const isNull = ts === null;
    const time = ts ?? 0;
    if (isNull && !this.lastNull) return false;
    if (isNull === this.lastNull) {
      if (!isNull && time !== this.lastTs) {
        if (time < this.lastTs) return false;
      } else if (fileId !== this.lastFile) {
        if (fileId < this.lastFile) return false;
      } else if (lineNo < this.lastLine) {
        return false;
      }
    }
    this.lastNull = isNull;
    this.lastTs = time;
    this.lastFile = fileId;
    this.lastLine = lineNo;
    return true;
  }

  /** The bundle's findings, stored: from the fed engine, or replayed from the store when the order broke. */
  conclude(store: Store): Finding[] {
    if (this.engine === null) return correlateBundle(store, this.bundle, this.rules, this.options);
    return conclude(store, this.bundle, this.engine, this.options.until);
  }
}
