import { ClusteredEngine } from "../correlate/clustered-engine.js";
import { CLUSTER_FACT_KINDS, ClusterFacts, type ClusterPartition } from "../correlate/clusters.js";
import { CLOCK_STEP_KIND, correctClockSteps, isClockStep, type ClockCorrection, type ReplayItem } from "../correlate/clock-steps.js";
import type { SiteDefinition } from "../correlate/sites.js";
import type { Finding } from "../model/findings.js";
import { storedEvent, type FileRecord, type LineToStore, type Store } from "../store/store.js";
import type { Rule } from "../catalogue/rule.js";
import type { LogEvent } from "../model/events.js";

/**
Runs the rules over every stored event of a bundle, from the start, and stores what they conclude.
Re-running from the start (not incrementally) is what makes a second analysis, a later node's logs
or a changed rule give exactly the findings one pass over everything would give.
*/
export function correlateBundle(
  store: Store,
  bundle: string,
  rules: readonly Rule[],
  options: { sites?: readonly SiteDefinition[]; until?: number; timeZone?: string } = {},
): Finding[] {
  const engine = new ClusteredEngine(rules, { sites: options.sites, timeZone: options.timeZone }, clusterPartitionOf(store, bundle));
  for (const { event } of replayOf(store, bundle).items) engine.push(event);
  return conclude(store, bundle, engine, options.until);
}

/** What the bundle's stored events say of its clusters (read before the rules run: a few facts and the hosts). */
export function clusterFactsOf(store: Store, bundle: string): ClusterFacts {
  const facts = new ClusterFacts();
  for (const event of store.eventsOfKinds(bundle, CLUSTER_FACT_KINDS)) facts.note(event);
  for (const host of store.hostsOfBundle(bundle)) facts.noteHost(host);
  return facts;
}

/** The clusters the bundle's nodes belong to when they are several (each correlated on its own), else null. */
export function clusterPartitionOf(store: Store, bundle: string): ClusterPartition | null {
  return clusterFactsOf(store, bundle).partition();
}

/**
A bundle's stored events (up to `upToId`) in the order the rules read them: REPLAY_ORDER, with a node's events moved
where its clock was stepped (correlate/clock-steps.ts), and what was moved. Streamed from the store when no step is
stored; held in memory to be sorted again when one is.
*/
export function replayOf(
  store: Store,
  bundle: string,
  upToId = Number.MAX_SAFE_INTEGER,
): { items: Iterable<ReplayItem>; corrections: readonly ClockCorrection[] } {
  const stored = store.replayOfBundle(bundle, upToId);
  if (!store.bundleHasEventKind(bundle, CLOCK_STEP_KIND)) return { items: stored, corrections: [] };
  const items = [...stored];
  const corrected = correctClockSteps(items);
  return corrected ?? { items, corrections: [] };
}

function conclude(store: Store, bundle: string, engine: ClusteredEngine, until: number | undefined): Finding[] {
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
(a second node's log starting earlier than the first one ended) drops the engine. The events of each
file are also held (up to `holdLimit` events): the bundle's files are then merged in memory into
replay order and fed to a new engine at the end (a k-way merge of the files, each in its own replay
order), without reading anything back. Past the limit the bundle is replayed from the store by
`correlateBundle`, as before. Whichever way, the findings are the replay's, so `analyze` on one
thread or two, fed, merged or replayed, and `watch` agree.

While the events are held the rules are not fed yet: the findings are stored only at the end either
way, and a bundle whose files step back (most bundles of several nodes) would have had the rules run
twice over its first files. Events that stayed in order are fed from the held files at the end (the
merge then gives them in the order they came), or when the held events pass the limit.
*/
export class BundleCorrelator {
  /** The engine fed as events come (none while they are held, or once they stepped back). */
  private engine: ClusteredEngine | null;
  /** Whether every event so far came in replay order. */
  private ordered: boolean;
  private lastNull = true;
  private lastTs = 0;
  private lastFile = 0;
  private lastLine = 0;
  /** The events of each file so far, by file id, while they may be merged (null: not held, or past the limit). */
  private runs: Map<number, FileRun> | null;
  private held = 0;
  /** The path each file's events were given: a file whose record moved since (the same content read again at another path) is read back under its new path. */
  private readonly paths = new Map<number, string>();
  private concludedBy: CorrelationPath | null = null;
  /** A node's clock was stepped: its earlier events are moved, which only the replay does. */
  private clockStepped = false;
  /** What the events fed so far say of the bundle's clusters: several, and the fed engine's findings are not theirs. */
  private readonly clusters = new ClusterFacts();

  /**
  `fed`: the bundle has no stored event yet, so what is stored from now on is all a replay would read.
  `holdLimit`: how many events may be held in memory for a merge when the files step back in time (0 for
  a bundle of one log file, which cannot: the events are then not kept once fed).
  */
  constructor(
    private readonly bundle: string,
    private readonly rules: readonly Rule[],
    private readonly options: { sites?: readonly SiteDefinition[]; until?: number; timeZone?: string },
    fed: boolean,
    private readonly holdLimit = DEFAULT_HOLD_LIMIT,
  ) {
    this.ordered = fed;
    this.runs = fed && holdLimit > 0 ? new Map() : null;
    this.engine = fed && this.runs === null ? new ClusteredEngine(rules, { sites: options.sites, timeZone: options.timeZone }, null) : null;
  }

  /** Whether the events so far came in replay order (the rules have them all). */
  get inOrder(): boolean {
    return this.ordered;
  }

  /**
  How `conclude` reached its findings (before it: how it would so far): the engine fed as lines were stored,
  the held files merged, or a replay from the store.
  */
  get path(): CorrelationPath {
    return this.concludedBy ?? (this.ordered ? "fed" : this.runs !== null ? "merged" : "replayed");
  }

  /** A committed batch of a file's lines. */
  push(file: FileRecord, lines: readonly LineToStore[]): void {
    if (!this.ordered && this.runs === null) return;
    this.paths.set(file.id, file.path);
    let run = this.runs?.get(file.id);
    if (this.runs !== null && run === undefined) {
      run = new FileRun(file.id);
      this.runs.set(file.id, run);
    }
    for (const line of lines) {
      if (line.events.length === 0) continue;
      if (this.ordered && !this.follows(line.ts, file.id, line.lineNo)) {
        this.ordered = false;
        this.engine = null;
      }
      for (const draft of line.events) {
        const event = storedEvent(file.path, line, draft);
        // The node's earlier lines move (clock-steps.ts): only a replay of the whole bundle reads them in their place.
        if (isClockStep(event)) this.clockStepped = true;
        this.clusters.note(event);
        this.engine?.push(event);
        if (run !== undefined) run.add(event, line.ts, line.lineNo);
      }
      this.held += line.events.length;
      if (run !== undefined && this.held > this.holdLimit) {
        // Too many to keep: the rules are fed what was held (in order so far) and then each event as it comes;
        // a step back (now or later) is replayed from the store.
        if (this.ordered) this.engine = this.mergedEngine();
        this.runs = null;
        run = undefined;
      }
      if (!this.ordered && this.runs === null) return;
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

  /** The bundle's findings, stored: from the fed engine, the held files merged, or replayed from the store when neither is left. */
  conclude(store: Store): Finding[] {
    // An identical file read twice is one stored file, under the path read last: its events' source is that path.
    const stored = new Map(store.filesOfBundle(this.bundle).map((file) => [file.id, file.path]));
    const moved = new Map([...this.paths].filter(([id, path]) => stored.has(id) && stored.get(id) !== path).map(([id]) => [id, stored.get(id) as string]));
    // Several clusters: each is correlated on its own, from the held events or the store (the fed engine read them as one).
    const partition = this.clusters.partition();
    if (this.engine !== null && moved.size === 0 && partition === null) {
      this.concludedBy = "fed";
      return conclude(store, this.bundle, this.engine, this.options.until);
    }
    if (this.runs === null || this.clockStepped) {
      this.concludedBy = "replayed";
      return correlateBundle(store, this.bundle, this.rules, this.options);
    }
    // Held events in order and no file moved: what the rules would have been fed as they came, in that order.
    this.concludedBy = this.ordered && moved.size === 0 ? "fed" : "merged";
    for (const [id, path] of moved) this.runs.get(id)?.moveTo(path);
    const engine = this.mergedEngine(partition);
    this.runs = null;
    return conclude(store, this.bundle, engine, this.options.until);
  }

  /** A new engine fed the held events in replay order. */
  private mergedEngine(partition: ClusterPartition | null = null): ClusteredEngine {
    const engine = new ClusteredEngine(this.rules, { sites: this.options.sites, timeZone: this.options.timeZone }, partition);
    for (const event of mergeRuns([...(this.runs?.values() ?? [])])) engine.push(event);
    return engine;
  }
}

export type CorrelationPath = "fed" | "merged" | "replayed";

/** Events held for a merge: at most this many per bundle (about 30 MB), past it the store replays. */
const DEFAULT_HOLD_LIMIT = 100_000;

/** One file's events in the order they were stored, with what REPLAY_ORDER sorts them by. */
class FileRun {
  readonly events: LogEvent[] = [];
  readonly keys: ReplayKey[] = [];
  /** Whether the file's own events are already in replay order (a file whose clock stepped back is sorted once). */
  private sorted = true;

  constructor(private readonly fileId: number) {}

  add(event: LogEvent, ts: number | null, lineNo: number): void {
    const key: ReplayKey = { ts, fileId: this.fileId, lineNo, seq: this.keys.length };
    const last = this.keys[this.keys.length - 1];
    if (last !== undefined && compareReplay(last, key) > 0) this.sorted = false;
    this.events.push(event);
    this.keys.push(key);
  }

  /** The file is stored under another path now: its events say so. */
  moveTo(path: string): void {
    for (let index = 0; index < this.events.length; index++) {
      const event = this.events[index];
      this.events[index] = { ...event, source: { ...event.source, file: path } };
    }
  }

  /** The file's events in replay order. */
  ordered(): { events: readonly LogEvent[]; keys: readonly ReplayKey[] } {
    if (this.sorted) return { events: this.events, keys: this.keys };
    const order = this.keys.map((_, index) => index).sort((left, right) => compareReplay(this.keys[left], this.keys[right]));
    return { events: order.map((index) => this.events[index]), keys: order.map((index) => this.keys[index]) };
  }
}

interface ReplayKey {
  readonly ts: number | null;
  readonly fileId: number;
  readonly lineNo: number;
  /** Storage order within the file (REPLAY_ORDER's event id). */
  readonly seq: number;
}

/** REPLAY_ORDER (src/store/store.ts): events without a time first, then time, file, line, storage order. */
function compareReplay(left: ReplayKey, right: ReplayKey): number {
  if ((left.ts === null) !== (right.ts === null)) return left.ts === null ? -1 : 1;
  if (left.ts !== null && right.ts !== null && left.ts !== right.ts) return left.ts - right.ts;
  return left.fileId - right.fileId || left.lineNo - right.lineNo || left.seq - right.seq;
}

/** The files' events in replay order: a k-way merge of the runs (each in replay order) on a binary heap of their heads. */
function* mergeRuns(runs: readonly FileRun[]): IterableIterator<LogEvent> {
  const sources = runs.map((run) => run.ordered()).filter((source) => source.events.length > 0);
  const next = sources.map(() => 0);
  const heap = sources.map((_, index) => index);
  const less = (a: number, b: number): boolean => compareReplay(sources[a].keys[next[a]], sources[b].keys[next[b]]) < 0;
  const siftDown = (from: number): void => {
    for (let at = from; ;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < heap.length && less(heap[left], heap[least])) least = left;
      if (right < heap.length && less(heap[right], heap[least])) least = right;
      if (least === at) return;
      [heap[at], heap[least]] = [heap[least], heap[at]];
      at = least;
    }
  };
  for (let index = Math.floor(heap.length / 2) - 1; index >= 0; index--) siftDown(index);
  while (heap.length > 0) {
    const source = heap[0];
    yield sources[source].events[next[source]];
    next[source]++;
    if (next[source] === sources[source].events.length) {
      heap[0] = heap[heap.length - 1];
      heap.pop();
    }
    siftDown(0);
  }
}
