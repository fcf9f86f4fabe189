/**
Findings while watching, equal to analyze's on the same lines. analyze replays a bundle's stored events
in one order (REPLAY_ORDER: configuration first, then time, file, line) and ends with a watermark at
the newest line's time. watch keeps one engine per bundle and pushes each event as it is stored, which
gives the same state as long as:

- every event comes in that order: an event that sorts before one already pushed (two files read
  one after the other, a line written late) makes the bundle *dirty*;
- a watermark moved before the next event changed nothing a replay would not change at that event:
  when an advance opened or escalated a finding, or judged configuration facts before any timed event,
  the bundle is *provisional*, and the next event makes it dirty.

A dirty bundle prints nothing more until it is replayed from the store (as analyze does): once its logs
are quiet for a tick, at the latest after RECONCILE_TICKS ticks, and at stop. What the replay concludes
is compared with what was printed, so a finding that no longer holds is reported `withdrawn` (and
removed), never silently dropped. The same comparison runs when watch starts, against the stored
findings of the previous run.

The watermark is the logs' own clock, the newest line's time, as analyze's. Only while the logs are
being written now (a line stamped within CURRENT_MS of the machine's clock, in --tz, has been read)
does silence count: the logs' clock is then the machine's, less WATERMARK_GRACE_MS, so a deadline
passes even when nothing is logged. Catching up on older lines never reads the machine's clock.
*/

import type { FindingChange, RuleEngineOptions } from "../correlate/engine.js";
import { ClusteredEngine } from "../correlate/clustered-engine.js";
import { ClusterFacts } from "../correlate/clusters.js";
import { isClockStep } from "../correlate/clock-steps.js";
import type { LogEvent } from "../model/events.js";
import { severityRank, type Finding } from "../model/findings.js";
import { listFindings } from "../store/read.js";
import { clusterFactsOf, replayOf } from "./correlate.js";
import type { Store } from "../store/store.js";
import type { Rule } from "../catalogue/rule.js";

/**
What watch prints: `opened`, `escalated` (the severity rose), `resolved`, `withdrawn` (a replay of the
logs in their order no longer gives it: close it) and `updated` (a replay lowered its severity).
*/
export type LiveChange = FindingChange | "withdrawn";

export interface LiveFindingsOptions {
  readonly store: Store;
  readonly rules: readonly Rule[];
  /** Sites the operator named (--site, the sites file). */
  readonly sites?: RuleEngineOptions["sites"];
  /** The logs' time zone when the operator named it (--tz): see RuleEngineOptions.timeZone. */
  readonly timeZone?: string;
  /** The machine's clock in the logs' wall clock (naive ms, see docs/architecture.md). */
  readonly wallClock: () => number;
  readonly onChange: (change: LiveChange, finding: Finding, bundle: string) => void;
}

// A line stamped this close to the machine's clock means the logs are being written now.
const CURRENT_MS = 10 * 60_000;
// A dirty bundle is replayed after this many ticks even while lines keep coming (its findings wait meanwhile).
const RECONCILE_TICKS = 5;
// Live watermark: the machine's clock less this, so a line stamped with the current second still counts as on time.
const WATERMARK_GRACE_MS = 2000;

/** Position of an event in REPLAY_ORDER. */
export type OrderKey = readonly [hasTime: number, ts: number, fileId: number, line: number, id: number];

export function keyOf(event: LogEvent, fileId: number): OrderKey {
  return [event.ts === null ? 0 : 1, event.ts ?? 0, fileId, event.source.line, event.id];
}

export function compareKeys(left: OrderKey, right: OrderKey): number {
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return left[index] - right[index];
  return 0;
}

interface BundleState {
  readonly bundle: string;
  engine: ClusteredEngine;
  /**
  What the bundle's events say of its clusters, and the partition the engine routes by (its signature): a fact that
  changes it (a second cluster's configuration read) makes the bundle dirty, and the replay correlates each on its own.
  */
  clusters: ClusterFacts;
  partition: string | null;
  last: OrderKey | null;
  /** The newest line time stored for the bundle. */
  logsClock: number | null;
  /** A line stamped near the machine's clock was read: the logs are being written now. */
  live: boolean;
  /** Configuration facts were pushed and no timed event yet: a watermark would judge them before a replay does. */
  configWaiting: boolean;
  provisional: boolean;
  dirty: boolean;
  dirtyTicks: number;
  pushedSinceTick: boolean;
  /** The stored findings are not (yet) this engine's: compare all of them at the next report. */
  compareAll: boolean;
  /** What consumers were last told (printed, stored), per finding id. */
  told: Map<string, Finding>;
}

export class LiveFindings {
  private readonly bundles = new Map<string, BundleState>();
  /**
  Bundles whose stored events the writer holds for its catch-up merge (live-writer.ts): their watermark
  waits, and a dirty one is not replayed yet (the replay would read the held events, which come after).
  */
  private readonly held = new Set<string>();
  /** Bundles whose findings were stored with nothing held back since their last catch-up began. */
  private readonly concluded = new Set<string>();

  constructor(private readonly options: LiveFindingsOptions) {}

  has(bundle: string): boolean {
    return this.bundles.has(bundle);
  }

  /**
  Builds the bundle's engine from its stored events up to `upToEventId` (later ones are pushed), as
  analyze would. The stored findings are what a previous run told: the next report compares them.
  */
  open(bundle: string, upToEventId: number): void {
    if (this.bundles.has(bundle)) return;
    const told = new Map(listFindings(this.options.store.database, { bundles: [bundle] }).map((finding) => [finding.id, finding as Finding]));
    const state: BundleState = {
      bundle,
      engine: new ClusteredEngine(this.options.rules, { sites: this.options.sites, timeZone: this.options.timeZone }, null),
      // Both set by replayInto below.
      clusters: new ClusterFacts(),
      partition: null,
      last: null,
      logsClock: this.options.store.lastTimeOfBundle(bundle),
      live: false,
      configWaiting: false,
      provisional: false,
      dirty: false,
      dirtyTicks: 0,
      pushedSinceTick: false,
      compareAll: true,
      told,
    };
    state.live = this.isCurrent(state.logsClock);
    this.replayInto(state, upToEventId);
    this.bundles.set(bundle, state);
  }

  /** Whether the writer holds stored events of the bundle back (see `held`). */
  hold(bundle: string, holding: boolean): void {
    if (holding) {
      this.held.add(bundle);
      // Catching up: until it is done, the findings stored are those of the lines read so far (readers say so).
      this.options.store.beginAnalysis(bundle, "watch");
      this.concluded.delete(bundle);
    } else this.held.delete(bundle);
  }

  /** Lines up to `ts` were stored for the bundle: the logs' clock moves. */
  noteLineTime(bundle: string, ts: number): void {
    const state = this.bundles.get(bundle);
    if (!state) return;
    if (state.logsClock === null || ts > state.logsClock) state.logsClock = ts;
    if (!state.live && this.isCurrent(ts)) state.live = true;
  }

  /** A stored event, in storage order (the caller opened its bundle first). */
  push(bundle: string, event: LogEvent, fileId: number): void {
    const state = this.bundles.get(bundle);
    if (!state) throw new Error(`bundle ${bundle} not opened`);
    const key = keyOf(event, fileId);
    if (state.last !== null && compareKeys(key, state.last) < 0) state.dirty = true;
    else state.last = key;
    // The node's earlier events move (correlate/clock-steps.ts): only a replay reads them in their place.
    if (isClockStep(event)) state.dirty = true;
    if (state.provisional) {
      state.dirty = true;
      state.provisional = false;
    }
    if (state.clusters.note(event) && (state.clusters.partition()?.signature ?? null) !== state.partition) state.dirty = true;
    state.configWaiting = event.ts === null;
    state.pushedSinceTick = true;
    state.engine.push(event);
  }

  /** After a batch of events: move the watermark, then print and store what changed. */
  report(bundle: string): void {
    this.reportChanges(bundle);
    // The first report with nothing held back and no replay due: what is stored is what all the stored lines say (an analysis stopped
    // part way before this watch, or this watch's catch-up, is finished).
    const state = this.bundles.get(bundle);
    if (state !== undefined && !state.dirty && !this.held.has(bundle) && !this.concluded.has(bundle)) {
      this.options.store.finishAnalysis(bundle);
      this.concluded.add(bundle);
    }
  }

  private reportChanges(bundle: string): void {
    const state = this.bundles.get(bundle);
    if (!state) return;
    const pushed = state.engine.drainChanges();
    const watermark = this.held.has(bundle) ? null : this.watermarkOf(state);
    let advanced: ReturnType<ClusteredEngine["drainChanges"]> = [];
    if (watermark !== null) {
      const judgesConfig = state.configWaiting;
      state.engine.advance(watermark);
      state.configWaiting = false;
      advanced = state.engine.drainChanges();
      if (judgesConfig || advanced.some((entry) => entry.change !== "updated")) state.provisional = true;
    }
    if (state.compareAll) {
      this.compareAll(state);
      return;
    }
    // Out of the logs' order, the engine may conclude what a replay would not: its replay speaks next.
    if (state.dirty) return;
    const latest = new Map<string, Finding>();
    for (const { finding } of [...pushed, ...advanced]) latest.set(finding.id, finding);
    for (const finding of latest.values()) {
      // Stored before it is printed: a consumer that reads the database on the printed line finds it there.
      this.options.store.upsertFinding(bundle, finding);
      this.tell(state, finding);
    }
  }

  /** Each second: watermarks move; a dirty bundle whose logs were quiet for a tick is replayed. */
  tick(): void {
    for (const state of this.bundles.values()) {
      if (state.dirty && !this.held.has(state.bundle) && (!state.pushedSinceTick || ++state.dirtyTicks >= RECONCILE_TICKS)) this.reconcile(state);
      state.pushedSinceTick = false;
      this.report(state.bundle);
    }
  }

  /** At stop: every dirty bundle is replayed, so what watch leaves stored and printed is analyze's. */
  finish(): void {
    for (const state of this.bundles.values()) {
      if (state.dirty) this.reconcile(state);
      this.report(state.bundle);
    }
  }

  private isCurrent(ts: number | null): boolean {
    return ts !== null && Math.abs(this.options.wallClock() - ts) <= CURRENT_MS;
  }

  private watermarkOf(state: BundleState): number | null {
    if (state.logsClock === null) return null;
    return state.live ? Math.max(state.logsClock, this.options.wallClock() - WATERMARK_GRACE_MS) : state.logsClock;
  }

  private replayInto(state: BundleState, upToEventId: number): void {
    const clusters = clusterFactsOf(this.options.store, state.bundle);
    const partition = clusters.partition();
    const engine = new ClusteredEngine(this.options.rules, { sites: this.options.sites, timeZone: this.options.timeZone }, partition);
    let last: OrderKey | null = null;
    let configWaiting = false;
    for (const { event, fileId } of replayOf(this.options.store, state.bundle, upToEventId).items) {
      engine.push(event);
      last = keyOf(event, fileId);
      configWaiting = event.ts === null;
    }
    engine.drainChanges(); // what the replay concludes is compared whole (compareAll), not as news
    Object.assign(state, {
      engine,
      clusters,
      partition: partition?.signature ?? null,
      last,
      configWaiting,
      provisional: false,
      dirty: false,
      dirtyTicks: 0,
      compareAll: true,
    });
  }

  /** Replays the bundle from the store, as analyze does; the next report compares and tells the differences. */
  private reconcile(state: BundleState): void {
    this.replayInto(state, Number.MAX_SAFE_INTEGER);
  }

  /** Compares every finding of the engine with what was told: prints the differences, withdraws the gone, stores the rest. */
  private compareAll(state: BundleState): void {
    state.compareAll = false;
    const findings = state.engine.findings();
    this.options.store.replaceFindings(state.bundle, findings); // stored before anything is printed
    const current = new Set(findings.map((finding) => finding.id));
    for (const [id, finding] of state.told) {
      if (current.has(id)) continue;
      state.told.delete(id);
      this.options.onChange("withdrawn", finding, state.bundle);
    }
    for (const finding of findings) this.tell(state, finding);
  }

  /** Prints how the finding differs from what was told (nothing when only its evidence grew). */
  private tell(state: BundleState, finding: Finding): void {
    const before = state.told.get(finding.id);
    state.told.set(finding.id, finding);
    const say = (change: LiveChange): void => this.options.onChange(change, finding, state.bundle);
    if (!before || (before.status !== "open" && finding.status === "open")) {
      say("opened");
      if (finding.status === "resolved") say("resolved");
      return;
    }
    const raised = severityRank[finding.severity] - severityRank[before.severity];
    if (raised > 0 && finding.status === "open") say("escalated");
    else if (raised < 0) say("updated");
    if (before.status !== "resolved" && finding.status === "resolved") say("resolved");
    if (before.status === "open" && finding.status === "superseded") say("superseded");
  }
}
