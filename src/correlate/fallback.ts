/**
The last-resort findings: a rule marked `fallback: true` (docs/rules.md "Fallback rules") says "something
failed and no specific rule explains it". Whether a specific rule explains it is known only once the
lines around the failure are read (a refusal is explained by the line before it, a package that cannot
move by the line after it), so a fallback finding is parked when its rule fires and decided when event
time has passed FALLBACK_WINDOW_MS after it, or when the input ends: it is dropped when a finding of
any other rule matched an event of the same package or device group (or one about the whole cluster did)
within the window before or after it, and published otherwise. Published fallback findings count too,
so one failure seen as a refusal, a failed start and a NO_RESTART exit gives one finding, from the rule
that fired first.

Generic over the engine's finding state: it knows scopes (package, device group) and times, no rule.
*/

const NOTHING: readonly never[] = Object.freeze([]);

/** How far (event time) before and after a failure another rule's finding counts as explaining it. */
export const FALLBACK_WINDOW_MS = 5 * 60_000;

export interface Scope {
  readonly package: string | null;
  readonly deviceGroup: string | null;
  /** A finding about the whole cluster (its rule's key is `cluster`: the cluster halted, the primary cluster lost). */
  readonly wholeCluster: boolean;
  /** Its severity as a rank (severityRank: higher is worse): a finding explains only a failure it speaks for as loudly. */
  readonly severity: number;
  /** Still open (not resolved). */
  readonly open: boolean;
  /** The kinds of the events its rule matched: for a fallback, the failure's. */
  readonly matchedKinds: ReadonlySet<string>;
}

interface Parked<State> {
  readonly slot: string;
  readonly state: State;
  /** Event time window in which another finding's match explains this one. */
  readonly from: number;
  readonly to: number;
  /** When the rule matched (the first trigger, then each update while parked). */
  readonly matchTimes: number[];
  covered: boolean;
}

/**
A finding explains a failure when it is at least as severe (a warning that a journal fills does not explain a
package that is down) and names the same package or device group, or is about the whole cluster (a cluster
that halted explains every package it stopped); a failure that names neither is explained by another
finding that names neither.
*/
export function explains(finding: Scope, failure: Scope): boolean {
  if (finding.severity < failure.severity) return false;
  if (finding.wholeCluster) return true;
  if (failure.package !== null && failure.package === finding.package) return true;
  if (failure.deviceGroup !== null && failure.deviceGroup === finding.deviceGroup) return true;
  return failure.package === null && failure.deviceGroup === null && finding.package === null && finding.deviceGroup === null;
}

function sharesKind(finding: Scope, failure: Scope): boolean {
  for (const kind of failure.matchedKinds) if (finding.matchedKinds.has(kind)) return true;
  return false;
}

export class FallbackGate<State extends object> {
  /** Parked findings in the order they were parked. */
  private parked: Parked<State>[] = [];
  /** The latest match time of every finding that is out (opened by a rule, or a fallback published). */
  private readonly lastMatch = new Map<State, number>();

  /** `scopeOf` says what a finding is about (read when it is parked, matched or published). */
  constructor(private readonly scopeOf: (state: State) => Scope) {}

  /**
  A fallback rule fired at event time `at` (for an absence: its deadline) on a match that began at
  `startedAt`; the finding waits until `at + FALLBACK_WINDOW_MS`.
  */
  park(slot: string, state: State, startedAt: number, at: number): void {
    const from = Math.min(startedAt, at) - FALLBACK_WINDOW_MS;
    const scope = this.scopeOf(state);
    let covered = false;
    // Explained by a finding that matched around the failure, or by one still open that spoke for the same kind
    // of failure: the failure restated later ("DR test aborted: swap-takeover timeout") or repeated while its cause
    // stands. An open finding about something else (pairs left split) does not explain a refused start.
    for (const [other, time] of this.lastMatch) {
      const otherScope = this.scopeOf(other);
      const around = time >= from && time <= at;
      if ((around || (otherScope.open && sharesKind(otherScope, scope))) && explains(otherScope, scope)) covered = true;
    }
    this.parked.push({ slot, state, from, to: at + FALLBACK_WINDOW_MS, matchTimes: [at], covered });
  }

  /** Nothing parked (the usual case). */
  get isEmpty(): boolean {
    return this.parked.length === 0;
  }

  /** The parked findings of this slot (one still open takes the later matches of its rule). */
  parkedIn(slot: string): readonly State[] {
    // Asked for every rule and event: nothing parked (the usual case) must cost nothing.
    if (this.parked.length === 0) return NOTHING;
    return this.parked.filter((entry) => entry.slot === slot).map((entry) => entry.state);
  }

  isParked(state: State): boolean {
    return this.parked.length > 0 && this.parked.some((entry) => entry.state === state);
  }

  /** Parked findings (a rule with `unlessOpen` steps aside for them as for open ones). */
  parkedStates(): State[] {
    return this.parked.map((entry) => entry.state);
  }

  /**
  A finding matched an event at `at`. A parked one remembers it; one that is out explains every parked
  finding of the same scope whose window holds `at`.
  */
  matched(state: State, at: number): void {
    const own = this.parked.length > 0 ? this.parked.find((entry) => entry.state === state) : undefined;
    if (own) {
      own.matchTimes.push(at);
      return;
    }
    this.lastMatch.set(state, Math.max(this.lastMatch.get(state) ?? at, at));
    const scope = this.scopeOf(state);
    for (const entry of this.parked) {
      if (!entry.covered && at >= entry.from && at <= entry.to && explains(scope, this.scopeOf(entry.state))) entry.covered = true;
    }
  }

  /**
  The earliest parked finding due by `until` (its window has passed), taken out of the gate; undefined
  when none is due. An unexplained one (`covered` false) is out from now on: its matches explain the
  parked findings after it, so one failure gives one fallback finding.
  */
  nextDue(until: number): { slot: string; state: State; covered: boolean } | undefined {
    if (this.parked.length === 0) return undefined;
    let next: Parked<State> | undefined;
    for (const entry of this.parked) {
      if (entry.to <= until && (next === undefined || entry.to < next.to)) next = entry;
    }
    if (!next) return undefined;
    const taken = next;
    this.parked = this.parked.filter((entry) => entry !== taken);
    if (!taken.covered) for (const time of taken.matchTimes) this.matched(taken.state, time);
    return { slot: taken.slot, state: taken.state, covered: taken.covered };
  }
}
