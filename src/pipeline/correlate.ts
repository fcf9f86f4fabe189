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
The rules fed while a bundle's files are read: a k-way merge of the files as they are stored. Each file's
events wait in its run until no input of the bundle can still bring an earlier one: every input has begun
(`expect`, `begin`) and each input still being read has stored lines past them (its frontier, `push`'s
`through`). They are then fed in the order a replay reads them (REPLAY_ORDER: configuration facts first,
then time, file, line), so the rules conclude while the files are read (analyze reads a bundle's large
syslogs side by side, paced by their time, for that) and what they conclude so far is handed to
`onFindings`.

A file that steps back below what was fed (its own clock stepped, a line out of order) drops the engine.
The events of each file are also held (up to `holdLimit` events): the runs are then sorted and merged into
replay order and fed to a new engine at the end, without reading anything back. Past the limit the bundle
is replayed from the store by `correlateBundle`. Whichever way, the findings are the replay's, so `analyze`
on one thread or two, fed, merged or replayed, and `watch` agree. A caller that does not say which inputs
to expect (`rules test`) has every event fed at `conclude`, merged.
*/
export class BundleCorrelator {
  /** The engine fed as events are released (none once they stepped back, or for a bundle stored before). */
  private engine: ClusteredEngine | null;
  /** Whether every event fed so far came in replay order. */
  private ordered: boolean;
  private lastNull = true;
  private lastTs = 0;
  private lastFile = 0;
  private lastLine = 0;
  /** Each file's events by file id: all of them while `retained` (a merge at the end can do without the store), else those not fed yet. */
  private runs: Map<number, FileRun> | null;
  private retained: boolean;
  private held = 0;
  /** Inputs of the bundle not begun yet (null: not told, nothing is fed before `conclude`). */
  private unstarted: number | null = null;
  /** Each input begun and not ended: the replay key its later events come at or after, null before it stored a line. */
  private readonly frontiers = new Map<object, ReplayKey | null>();
  /** The path each file's events were given: a file whose record moved since (the same content read again at another path) is read back under its new path. */
  private readonly paths = new Map<number, string>();
  private concludedBy: CorrelationPath | null = null;
  /** A node's clock was stepped: its earlier events are moved, which only the replay does. */
  private clockStepped = false;
  /** When `onFindings` was last told (performance.now()), null before. */
  private toldAt: number | null = null;
  /** What the events so far say of the bundle's clusters: several, and the fed engine's findings are not theirs. */
  private readonly clusters = new ClusterFacts();

  /**
  `fed`: the bundle has no stored event yet, so what is stored from now on is all a replay would read.
  `holdLimit`: how many events may be held in memory for a merge at the end (0 for a bundle of one log file,
  whose events cannot step back across files: they are then dropped once fed). `onFindings`: the fed engine's
  findings so far, each time they change while the files are read (the final ones are `conclude`'s).
  */
  constructor(
    private readonly bundle: string,
    private readonly rules: readonly Rule[],
    private readonly options: { sites?: readonly SiteDefinition[]; until?: number; timeZone?: string },
    fed: boolean,
    private readonly holdLimit = DEFAULT_HOLD_LIMIT,
    private readonly onFindings?: (findings: Finding[]) => void,
  ) {
    this.ordered = fed;
    this.runs = fed ? new Map() : null;
    this.retained = holdLimit > 0;
    this.engine = fed ? new ClusteredEngine(rules, { sites: options.sites, timeZone: options.timeZone }, null) : null;
  }

  /** Whether the events fed so far came in replay order. */
  get inOrder(): boolean {
    return this.ordered;
  }

  /**
  How `conclude` reached its findings (before it: how it would so far): the engine fed as lines were stored,
  the held files merged, or a replay from the store.
  */
  get path(): CorrelationPath {
    return this.concludedBy ?? (this.ordered ? "fed" : this.runs !== null && this.retained ? "merged" : "replayed");
  }

  /** How many inputs the bundle has in this run: nothing is fed until each has begun. */
  expect(inputs: number): void {
    this.unstarted = inputs;
  }

  /** An input (any object naming it) begins: until it stores lines, nothing may be fed past its start. */
  begin(input: object): void {
    if (this.unstarted !== null && this.unstarted > 0) this.unstarted--;
    this.frontiers.set(input, null);
  }

  /**
  The file's record, as the input about to be read found it: an identical file read before is stored once, under the
  path read last, which its events name in a replay. Events not fed yet are renamed; once some were fed, `conclude`
  merges the runs again under the new path.
  */
  recorded(file: FileRecord): void {
    const given = this.paths.get(file.id);
    if (given === undefined || given === file.path) return;
    const run = this.runs?.get(file.id);
    if (run === undefined || run.fed > 0 || !this.retained) return;
    run.moveTo(file.path);
    this.paths.set(file.id, file.path);
  }

  /** The input was read to its end (or failed): it brings nothing more. */
  end(input: object): void {
    this.frontiers.delete(input);
    this.release();
  }

  /**
  A committed batch of a file's lines (those with events, in line order), from `input`; `through`: the batch's
  newest time and the file's line count after it, below which the file's later lines come if it stays in order.
  */
  push(file: FileRecord, lines: readonly LineToStore[], through?: { ts: number | null; lineCount: number }, input?: object): void {
    if (input !== undefined && through !== undefined && this.frontiers.has(input)) {
      const before = this.frontiers.get(input) ?? null;
      // A batch of no timed line leaves a timed frontier where it was (the file's later lines are still after it).
      if (through.ts !== null || before === null || before.ts === null)
        this.frontiers.set(input, { ts: through.ts, fileId: file.id, lineNo: through.lineCount + 1, seq: 0 });
    }
    if (this.runs === null) return;
    this.paths.set(file.id, file.path);
    if (this.feedsDirectly(input)) {
      this.feedLines(file, lines);
      return;
    }
    let run = this.runs.get(file.id);
    if (run === undefined) {
      run = new FileRun(file.id);
      this.runs.set(file.id, run);
    }
    for (const line of lines) {
      if (line.events.length === 0) continue;
      for (const draft of line.events) run.add(this.eventOf(file, line, draft), line.ts, line.lineNo);
      this.held += line.events.length;
    }
    if (this.retained && this.held > this.holdLimit) {
      // Too many to keep: the events fed are dropped from the runs; a step back (now or later) is replayed from the store.
      this.retained = false;
      if (!this.ordered) this.runs = null;
    }
    this.release();
  }

  /**
  Whether a batch of `input` can go to the engine as it comes: the only input still read, every input begun, nothing
  held waiting, and nothing kept for a merge (a bundle of one log file once its configuration was fed: the 1M-line
  syslog's events then cost no run and no heap).
  */
  private feedsDirectly(input: object | undefined): boolean {
    if (this.retained || this.engine === null || this.unstarted !== 0 || this.frontiers.size !== 1 || input === undefined || !this.frontiers.has(input))
      return false;
    for (const run of this.runs?.values() ?? []) if (run.fed < run.events.length) return false;
    return true;
  }

  /** A batch fed in line order (feedsDirectly); a line that steps back drops the engine, and the store replays. */
  private feedLines(file: FileRecord, lines: readonly LineToStore[]): void {
    const engine = this.engine;
    if (engine === null) return;
    let fed = 0;
    for (const line of lines) {
      if (line.events.length === 0) continue;
      if (!this.follows(line.ts, file.id, line.lineNo)) {
        this.ordered = false;
        this.engine = null;
        this.runs = null;
        return;
      }
      for (const draft of line.events) {
        engine.push(this.eventOf(file, line, draft));
        fed++;
      }
    }
    this.tellFindings(engine, fed);
  }

  /** A stored line's event as the rules read it, noted for what it says of the bundle's clusters and clocks. */
  private eventOf(file: FileRecord, line: LineToStore, draft: LineToStore["events"][number]): LogEvent {
    const event = storedEvent(file.path, line, draft);
    // The node's earlier lines move (clock-steps.ts): only a replay of the whole bundle reads them in their place.
    if (isClockStep(event)) this.clockStepped = true;
    this.clusters.note(event);
    return event;
  }

  /** Feeds every held event no input can still precede, in replay order. */
  private release(): void {
    if (this.engine === null || this.runs === null || this.unstarted !== 0) return;
    let bound: ReplayKey | null = null;
    for (const frontier of this.frontiers.values()) {
      if (frontier === null) return;
      if (bound === null || compareReplay(frontier, bound) < 0) bound = frontier;
    }
    this.feed(bound);
  }

  /** Feeds the runs' events below `bound` (all of them when null) in replay order, then tells the findings if they changed. */
  private feed(bound: ReplayKey | null): void {
    const engine = this.engine;
    const runs = this.runs;
    if (engine === null || runs === null) return;
    let fed = 0;
    for (const { event, key } of mergeHeads([...runs.values()], bound)) {
      if (!this.follows(key.ts, key.fileId, key.lineNo)) {
        // A file stepped back below what was fed: the runs (if kept) are merged at the end, else the store replays.
        this.ordered = false;
        this.engine = null;
        if (!this.retained) this.runs = null;
        return;
      }
      engine.push(event);
      fed++;
    }
    if (!this.retained) for (const run of runs.values()) run.dropFed();
    this.tellFindings(engine, fed);
  }

  /**
  The engine's findings to `onFindings` when one opened, escalated, resolved or was set aside since they were last
  told (evidence that only grew waits for `conclude`): looked at once TELL_FINDINGS_MS passed since the last look, the
  first finding at once.
  */
  private tellFindings(engine: ClusteredEngine, fed: number): void {
    if (fed === 0 || this.onFindings === undefined) return;
    const now = performance.now();
    if (this.toldAt !== null && now - this.toldAt < TELL_FINDINGS_MS) return;
    if (!engine.drainChanges().some(({ change }) => change !== "updated")) return;
    this.toldAt = now;
    this.onFindings(engine.findings());
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
    // Every input has ended: what is still held is fed.
    this.frontiers.clear();
    this.unstarted = 0;
    this.feed(null);
    // An identical file read twice is one stored file, under the path read last: its events' source is that path.
    const stored = new Map(store.filesOfBundle(this.bundle).map((file) => [file.id, file.path]));
    const moved = new Map([...this.paths].filter(([id, path]) => stored.has(id) && stored.get(id) !== path).map(([id]) => [id, stored.get(id) as string]));
    // Several clusters: each is correlated on its own, from the held events or the store (the fed engine read them as one).
    const partition = this.clusters.partition();
    if (this.engine !== null && moved.size === 0 && partition === null && !this.clockStepped) {
      this.concludedBy = "fed";
      return conclude(store, this.bundle, this.engine, this.options.until);
    }
    if (this.runs === null || !this.retained || this.clockStepped) {
      this.concludedBy = "replayed";
      return correlateBundle(store, this.bundle, this.rules, this.options);
    }
    this.concludedBy = "merged";
    for (const [id, path] of moved) this.runs.get(id)?.moveTo(path);
    const engine = new ClusteredEngine(this.rules, { sites: this.options.sites, timeZone: this.options.timeZone }, partition);
    for (const event of mergeRuns([...this.runs.values()])) engine.push(event);
    this.runs = null;
    return conclude(store, this.bundle, engine, this.options.until);
  }
}

export type CorrelationPath = "fed" | "merged" | "replayed";

/** How often the findings so far are looked at for `onFindings` (a look builds the changed findings' snapshots). */
const TELL_FINDINGS_MS = 250;

/** Events held for a merge: at most this many per bundle (about 30 MB), past it the store replays. */
const DEFAULT_HOLD_LIMIT = 100_000;

/** One file's events in the order they were stored, with what REPLAY_ORDER sorts them by, and how many were fed. */
class FileRun {
  events: LogEvent[] = [];
  keys: ReplayKey[] = [];
  /** Events before this index were fed to the engine. */
  fed = 0;
  /** Storage order of the next event (REPLAY_ORDER's event id), kept across dropped events. */
  private seq = 0;
  /** Whether the file's own events are already in replay order (a file whose clock stepped back is sorted once). */
  private sorted = true;

  constructor(private readonly fileId: number) {}

  add(event: LogEvent, ts: number | null, lineNo: number): void {
    const key: ReplayKey = { ts, fileId: this.fileId, lineNo, seq: this.seq++ };
    const last = this.keys[this.keys.length - 1];
    if (last !== undefined && compareReplay(last, key) > 0) this.sorted = false;
    this.events.push(event);
    this.keys.push(key);
  }

  /** Forgets the events fed (not kept for a merge): done once they are a good share of the run, not on every batch. */
  dropFed(): void {
    if (this.fed < 1024 || this.fed * 2 < this.events.length) return;
    this.events = this.events.slice(this.fed);
    this.keys = this.keys.slice(this.fed);
    this.fed = 0;
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

/** A run's events from `next` on, for a merge. */
interface MergeSource {
  readonly events: readonly LogEvent[];
  readonly keys: readonly ReplayKey[];
  next: number;
}

/**
The sources' events in replay order while they stay below `bound` (null: all of them): a k-way merge on a binary
heap of their heads, each source in its own order. Yields the source whose head is next, then moves past it.
*/
function* mergeSources<Source extends MergeSource>(sources: readonly Source[], bound: ReplayKey | null): IterableIterator<Source> {
  const below = (source: Source): boolean => source.next < source.keys.length && (bound === null || compareReplay(source.keys[source.next], bound) < 0);
  const heap = sources.filter(below);
  const less = (a: Source, b: Source): boolean => compareReplay(a.keys[a.next], b.keys[b.next]) < 0;
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
    yield source;
    source.next++;
    if (!below(source)) {
      heap[0] = heap[heap.length - 1];
      heap.pop();
    }
    siftDown(0);
  }
}

/** The runs' events not fed yet and below `bound`, in replay order (each run as stored); each run's `fed` moves past what is given. */
function* mergeHeads(runs: readonly FileRun[], bound: ReplayKey | null): IterableIterator<{ event: LogEvent; key: ReplayKey }> {
  const sources = runs.map((run) => ({ run, events: run.events, keys: run.keys, next: run.fed }));
  for (const source of mergeSources(sources, bound)) {
    source.run.fed = source.next + 1;
    yield { event: source.events[source.next], key: source.keys[source.next] };
  }
}

/** Every event of the runs in replay order (each run sorted first). */
function* mergeRuns(runs: readonly FileRun[]): IterableIterator<LogEvent> {
  for (const source of mergeSources(
    runs.map((run) => ({ ...run.ordered(), next: 0 })),
    null,
  ))
    yield source.events[source.next];
}
