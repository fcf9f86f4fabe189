/**
The rules engine: events in (event time), findings out. Windows, absence deadlines and escalation
run on the logs' own timestamps and a watermark, never on the wall clock, so replaying saved logs
and following them live give the same findings with the same ids. Nothing here knows a rule:
every pattern comes from rules/*.yaml (see docs/rules.md).
*/

import { createHash } from "node:crypto";
import { nodeOf, UNREAD_LINE_KIND } from "../model/events.js";
import { shortNodeName } from "../model/node-names.js";
import type { LogEvent, Scalar } from "../model/events.js";
import type { Evidence, Finding, FindingStatus, Severity, Step } from "../model/findings.js";
import { severityRank } from "../model/findings.js";
import { TIME_UNKNOWN, wallClockAfter } from "../model/time.js";
import type { Conditions, CorrelationKey, EventPattern, Rule } from "../catalogue/rule.js";
import { fillTemplate, placeholdersOf, printedPlaceholdersOf } from "../catalogue/template.js";
import { IDENTITY_PLACEHOLDERS, screenValues, withheldWarning } from "../catalogue/names.js";
import { compileConditions, conditionOperands, conditionPaths, testConditions, type ConditionTest, type Lookup } from "./conditions.js";
import { durationMs } from "./duration.js";
import { FallbackGate, type Scope } from "./fallback.js";
import { sharesStem } from "./attribution.js";
import { PairModel } from "./pair-model.js";
import { siteInfoOf, siteValues, type SiteDefinition } from "./sites.js";

export interface RuleEngineOptions {
  /**
  How late (event time) an event may arrive after a later one and still count: absence deadlines
  wait this long after an event passes them (advance() does not wait: a watermark is a promise).
  @default 60_000
  */
  readonly lateness?: number;
  /** Evidence lines kept per finding: the first few (what started it) and the most recent. @default 12 */
  readonly maxEvidence?: number;
  /** Sites named by the operator (--site, the sites file); the cluster ASCII file's come with the events. */
  readonly sites?: readonly SiteDefinition[];
  /**
  The logs' time zone when the operator named it (--tz): absence deadlines then count real time across a change of
  daylight saving time (wallClockAfter); without it, wall-clock time.
  */
  readonly timeZone?: string;
  /**
  Look at an event only with the rules whose patterns can match it (by kind and by the `where` conditions
  that read the event alone). False: every rule looks at every event, the reference the tests compare with.
  @default true
  */
  readonly indexRules?: boolean;
}

export type FindingChange = "opened" | "updated" | "escalated" | "resolved" | "superseded";

/**
A pattern of a rule, ready for the hot path. `eventOnly` holds the top-level `where` conditions that read
nothing but the event (no package, device group or node, which come from the model, and no `$path`
operand): they are tested first, on their own, and `where` holds the rest. `where` is a conjunction of
pure tests, so splitting it changes no answer; it lets an event no rule can match be told apart with a
set lookup and a few field reads (see RuleEngine.evaluate).
*/
interface CompiledPattern {
  readonly kinds: ReadonlySet<string>;
  readonly eventOnly: ConditionTest | undefined;
  readonly where: ConditionTest | undefined;
  readonly state: ConditionTest | undefined;
  /** The `$finding.<name>` operands read (resolvedBy only), tested against the open finding: a finding without one of them is not closed by the pattern. */
  readonly findingOperands: readonly string[];
  /** What it reads of the open finding, as `$finding.<name>` operands or `finding.<name>` state paths, without the prefix. */
  readonly findingReads: readonly string[];
  /** Whether the pattern reads the open finding at all (`$finding.<name>` operands, `finding.<name>` state paths). */
  readonly readsFinding: boolean;
}

interface CompiledRule {
  readonly rule: Rule;
  /** What the engine reads of `rule` for every event, copied here: one object shape for all rules. */
  readonly key: CorrelationKey;
  /** `key`'s place in RuleEngine.eventContexts. */
  readonly keyIndex: number;
  readonly eachPackageOnNode: boolean;
  /**
  The rule's place in the engine's per-key lists (KeyState): one per rule id, as a finding slot is (rules
  of one id share theirs).
  */
  readonly ruleIndex: number;
  readonly steps: readonly CompiledPattern[];
  readonly withinMs: number | null;
  /** `sameFields`: only events that agree on these fields count together (a null on either side agrees with anything). */
  readonly count: { atLeast: number; withinMs: number; sameFields: readonly string[] } | null;
  readonly absent: {
    pattern: CompiledPattern;
    withinMs: number;
    openWhenLogsEnd: boolean | "only" | CompiledPattern;
    sameFields: readonly string[];
    /** The awaited event also answers between the sequence's steps (Rule.match.absent.since: first). */
    fromFirst: boolean;
    /** A state path whose time, when earlier, starts the wait (Rule.match.absent.from). */
    startPath: string | null;
  } | null;
  readonly related: { patterns: readonly CompiledPattern[]; withinMs: number } | null;
  /** The state paths its steps read: the model shows the lines behind those it keeps (PairModel.witnesses). */
  readonly witnessPaths: readonly string[];
  readonly resolvedBy: readonly CompiledPattern[];
  /** Every pattern the rule has (steps, absent, related, resolvedBy): an event none of them can match changes nothing of the rule's. */
  readonly patterns: readonly CompiledPattern[];
  readonly escalations: ReadonlyArray<{ afterMs: number; severity: Severity; summary?: string }>;
  /** Placeholders the summary and advice use: their values are captured when the finding changes. */
  readonly placeholders: readonly string[];
  /** Placeholders whose values must be valid names to be shown (src/catalogue/names.ts): in a command or place, and the identity names. */
  readonly screened: readonly string[];
  /** Every placeholder the rule's texts use: those not in `screened` are screened as prose (names by their rule, the rest as text). */
  readonly screenedInProse: readonly string[];
  /** Every event kind the rule looks at: other events skip it entirely. */
  readonly kinds: ReadonlySet<string>;
  /** Its patterns by the kind they name (one plan for each of `kinds`). */
  readonly plans: ReadonlyMap<string, KindPlan>;
  /** How far back unread replication lines of the finding's scope are shown as its evidence; null: never (cluster-wide rules). */
  readonly unreadWithinMs: number | null;
}

/**
A rule's patterns that name one event kind: a pattern naming another kind cannot match the event, so
evaluateRule tries only these. And for the indexed engine: when none but its related patterns can match
an event (by kind and the event's own fields), the event can do nothing for the rule but become one of
its related lines (while no sequence of the rule is under way): the rest of evaluateRule is skipped.
Most events of a busy bundle (pair states) are only that for most rules.
*/
interface KindPlan {
  readonly compiled: CompiledRule;
  /** Its steps, absence and resolutions that name the kind. */
  readonly acting: readonly CompiledPattern[];
  /** Its related patterns that name the kind. */
  readonly related: readonly CompiledPattern[];
  /** Its resolutions that name the kind. */
  readonly resolvedBy: readonly CompiledPattern[];
  /** Some related pattern names the kind and nothing else: every event of the kind is a related line. */
  readonly alwaysRelated: boolean;
}

function planFor(compiled: CompiledRule, kind: string): KindPlan {
  const names = (pattern: CompiledPattern): boolean => pattern.kinds.has(kind);
  const related = (compiled.related?.patterns ?? []).filter(names);
  // The tests are pure, so their order changes no answer: those that read no field come first.
  const acting = compiled.patterns.filter((pattern) => names(pattern) && !related.includes(pattern));
  return {
    compiled,
    acting: [...acting.filter((pattern) => pattern.eventOnly === undefined), ...acting.filter((pattern) => pattern.eventOnly !== undefined)],
    related,
    resolvedBy: compiled.resolvedBy.filter(names),
    alwaysRelated: related.some((pattern) => pattern.eventOnly === undefined && pattern.where === undefined && pattern.state === undefined),
  };
}

/** The lookups of RuleEngine.matches for one event in one context at one time. */
interface PatternLookups {
  readonly of: LogEvent;
  readonly context: Context;
  readonly now: number;
  /** The event's own fields (`eventOnly`). */
  readonly field: Lookup;
  /** `where`: the event's fields and its context (package, device group, node). */
  readonly event: Lookup;
  /** `state` and `$path` operands: the pair-state model, or the event with `event.`. */
  readonly state: Lookup;
}

interface Context {
  readonly deviceGroup: string | null;
  readonly package: string | null;
  readonly node: string | null;
  readonly key: string;
  readonly keyState: KeyState;
}

/**
What the engine keeps per correlation key (`dg:oradg`), made once per key and reached from an event's
context without a lookup: the rules an event reaches find their slot and related lines by index.
*/
interface KeyState {
  readonly key: string;
  /** Each rule's finding slot under this key, `rule\0key`, at its ruleIndex (made on first use). */
  readonly slots: Array<string | undefined>;
  /** Each rule's latest related events (match.related) under this key, at its ruleIndex: shown as evidence. */
  readonly related: Array<RelatedLines | undefined>;
}

function keyState(key: string): KeyState {
  return { key, slots: [], related: [] };
}

interface PartialMatch {
  next: number;
  readonly startTs: number;
  readonly events: LogEvent[];
}

interface PendingAbsence {
  /** The finding's slot (rule and key) the wait opens a finding in. */
  readonly slot: string;
  readonly deadline: number;
  readonly events: LogEvent[];
  /** The first event of the match (not a related one): anchors the finding's id. */
  readonly anchor: LogEvent;
  /** The latest event that matched: its rule's conditions are checked again at the deadline. */
  last: LogEvent;
  readonly context: Context;
}

interface FindingState {
  readonly id: string;
  readonly compiled: CompiledRule;
  readonly context: Context;
  /**
  The events that matched the rule, with their contexts (the opening one first), up to TRIGGERS_KEPT: what
  `$finding.<name>` and `finding.event.<field>` read in resolvedBy. A finding keyed by node may hold errors of
  several groups or codes; a name they disagree on, or more triggers than kept, reads as unknown: a scope name is then
  answered value by value (findingScopeValues), an event's field must meet the resolution with every value (findingFieldValues).
  */
  readonly triggers: Array<{ readonly event: LogEvent; readonly context: Context }>;
  triggersOverflowed: boolean;
  /**
  The scope names the triggers disagree on that a resolvedBy event has answered since ("deviceGroup=TRDG"): a node's
  finding holding errors of two groups closes once each group has answered (findingScopeValues). A later trigger of
  an answered value takes its answer back.
  */
  readonly answered: Set<string>;
  readonly firstSeen: number;
  lastSeen: number;
  status: FindingStatus;
  resolvedAt: number | null;
  severity: Severity;
  escalatedSummary: string | null;
  readonly evidence: Evidence[];
  /** The lines already in evidence, by file (line numbers, not "file:line" strings: a long-open finding may see tens of thousands). */
  readonly evidenceLines: Map<string, Set<number>>;
  evidenceCount: number;
  values: Record<string, Scalar | undefined>;
  /** Numeric maxima of event fields over the matching events (`{max.field}`). */
  readonly maxima: Map<string, number>;
  matchCount: number;
  /** The kinds of the events that matched the rule's patterns (not its related lines): what it speaks for. */
  readonly matchedKinds: Set<string>;
  /** The open finding whose rule sets this one aside (`match.supersedes`), while it is open. */
  supersededBy: FindingState | null;
}

const KEEP_FIRST_EVIDENCE = 4;
const CHANGE_ORDER: readonly FindingChange[] = ["opened", "updated", "escalated", "superseded", "resolved"];
const RELATED_KEPT = 6;
/** Unread replication lines: at most this many shown per finding, from at most this long before it. */
const UNREAD_SHOWN = 6;
const UNREAD_WINDOW_MS = 3_600_000;

/** Whether two events' fields give different values for a field both state (a field one of them lacks or leaves null says nothing). */
function fieldsDisagree(left: LogEvent["fields"], right: LogEvent["fields"]): boolean {
  for (const key in left) {
    const [mine, theirs] = [left[key], right[key]];
    if (mine !== null && mine !== undefined && theirs !== null && theirs !== undefined && mine !== theirs) return true;
  }
  return false;
}

/**
The events a count rule has seen inside its window. Events mostly come in time order, so the window
drops expired events from its front (amortised O(1) per event, where filtering the whole window on
every event made a 30-day window quadratic); an event older than the newest falls back to a filter.
The times are kept for every event; the events themselves only while they may become evidence (the
caller passes none while the finding is open), so a long window of frequent warnings costs 8 bytes
an event, not the event with its line.
*/
class CountWindow {
  /** Event times (NaN: no time, never expires), a double array. */
  private times: number[] = [];
  private events: (LogEvent | undefined)[] = [];
  /** With `sameFields`: each event's values of those fields (its event may not be kept). */
  private shared: (readonly Scalar[] | undefined)[] = [];
  private head = 0;
  private inOrder = true;
  private last: { file: string; line: number; kind: string; ts: number | null; deviceGroup: string | null; fields: LogEvent["fields"] } | undefined;

  /** Drops what is older than `withinMs` before `now`, then counts the event unless it repeats the newest line's event. */
  push(event: LogEvent, keep: boolean, now: number, withinMs: number, sameFields: readonly string[] = []): void {
    const expired = (time: number): boolean => now - time > withinMs; // false for NaN
    if (this.inOrder) {
      while (this.head < this.times.length && expired(this.times[this.head])) this.head++;
      if (this.head > 1024 && this.head * 2 > this.times.length) this.compact(() => true);
    } else {
      this.compact((time) => !expired(time));
      this.inOrder = this.times.every(
        (time, index) => index === 0 || Number.isNaN(time) || Number.isNaN(this.times[index - 1]) || time >= this.times[index - 1],
      );
    }
    // One line may yield the same event twice; count lines, not duplicates. One failure may be said on the next line
    // again, at the same time, for the same group, its fields agreeing: Raid Manager's command error log writes a failed
    // command's "[pairdisplay][exit(239)]" and then its "[EX_ENOGRP] No such group". One failed command counts once.
    // Two command devices failing in the same second ("HORCM_CMD /dev/sdh ...", "HORCM_CMD /dev/sdp ...") are two.
    const last = this.size > 0 ? this.last : undefined;
    if (last && last.file === event.source.file && last.kind === event.kind) {
      if (last.line === event.source.line) return;
      if (last.line + 1 === event.source.line && last.ts === event.ts && last.deviceGroup === event.deviceGroup && !fieldsDisagree(last.fields, event.fields)) {
        this.last = { ...last, line: event.source.line };
        return;
      }
    }
    const time = event.ts ?? Number.NaN;
    const newest = this.size > 0 ? this.times[this.times.length - 1] : Number.NaN;
    if (time < newest) this.inOrder = false;
    this.times.push(time);
    this.events.push(keep ? event : undefined);
    this.shared.push(sameFields.length > 0 ? sharedValues(sameFields, event) : undefined);
    this.last = { file: event.source.file, line: event.source.line, kind: event.kind, ts: event.ts, deviceGroup: event.deviceGroup, fields: event.fields };
  }

  private compact(keep: (time: number) => boolean): void {
    const times: number[] = [];
    const events: (LogEvent | undefined)[] = [];
    const shared: (readonly Scalar[] | undefined)[] = [];
    for (let index = this.head; index < this.times.length; index++) {
      if (!keep(this.times[index])) continue;
      times.push(this.times[index]);
      events.push(this.events[index]);
      shared.push(this.shared[index]);
    }
    this.times = times;
    this.events = events;
    this.shared = shared;
    this.head = 0;
  }

  get size(): number {
    return this.times.length - this.head;
  }

  /** The kept events inside the window, in arrival order. */
  all(): LogEvent[] {
    return this.events.slice(this.head).filter((event): event is LogEvent => event !== undefined);
  }

  /** How many events inside the window agree with `values` (pushed with the same `sameFields`). */
  sizeAgreeing(values: readonly Scalar[]): number {
    let size = 0;
    for (let index = this.head; index < this.times.length; index++) if (agree(this.shared[index], values)) size++;
    return size;
  }

  /** The kept events inside the window that agree with `values`, in arrival order. */
  allAgreeing(values: readonly Scalar[]): LogEvent[] {
    const found: LogEvent[] = [];
    for (let index = this.head; index < this.times.length; index++) {
      const event = this.events[index];
      if (event !== undefined && agree(this.shared[index], values)) found.push(event);
    }
    return found;
  }
}

/** An event's values of `names` (null when it has none). */
function sharedValues(names: readonly string[], event: LogEvent): Scalar[] {
  return names.map((name) => event.fields[name] ?? null);
}

/** Values of the same fields agree when each pair is equal or one of them is null (unknown). */
function agree(left: readonly Scalar[] | undefined, right: readonly Scalar[]): boolean {
  if (left === undefined) return true;
  for (let index = 0; index < right.length; index++) {
    const a = left[index] ?? null;
    const b = right[index];
    if (a !== null && b !== null && a !== b) return false;
  }
  return true;
}

/**
The latest related events of a rule under a key, oldest first: at most RELATED_KEPT, inside the window.
A ring: when full, the oldest makes room by moving the start, not by moving the others. The lists live
long and the events are new, so each store is a write barrier's slow path: one per event here, where
compacting and shifting an array stored up to eleven (most events of a busy bundle come here).
*/
class RelatedLines {
  private readonly ring: Array<LogEvent | undefined> = new Array<LogEvent | undefined>(RELATED_KEPT).fill(undefined);
  private start = 0;
  private size = 0;

  /** Drops the events the window has passed by `now` (the others keep their order), then adds this one. */
  push(event: LogEvent, now: number, withinMs: number): void {
    let kept = 0;
    for (let offset = 0; offset < this.size; offset++) {
      const earlier = this.ring[this.at(offset)] as LogEvent;
      if (now - (earlier.ts ?? now) > withinMs) continue;
      if (kept !== offset) this.ring[this.at(kept)] = earlier;
      kept++;
    }
    for (let offset = kept; offset < this.size; offset++) this.ring[this.at(offset)] = undefined;
    this.size = kept;
    if (this.size === RELATED_KEPT) {
      this.start = this.at(1);
      this.size--;
    }
    this.ring[this.at(this.size)] = event;
    this.size++;
  }

  /** The place of the event `offset` after the oldest. */
  private at(offset: number): number {
    return (this.start + offset) % RELATED_KEPT;
  }

  inOrder(): LogEvent[] {
    const events: LogEvent[] = [];
    for (let offset = 0; offset < this.size; offset++) events.push(this.ring[this.at(offset)] as LogEvent);
    return events;
  }
}

/** Paths of `where` that read the event's context (resolved through the model), not the event itself. */
const CONTEXT_PATHS: ReadonlySet<string> = new Set(["package", "deviceGroup", "node"]);

/** A path of an event as `where` names it: `kind`, `host`, or a field (`fields.x` or `x`). */
function eventField(event: LogEvent, path: string): Scalar | undefined {
  switch (path) {
    case "kind":
      return event.kind;
    case "host":
      return event.host;
    case "package":
      // The package whose log or line it is: a command in a package's log is its control script's doing.
      return event.package;
    default: {
      const name = path.startsWith("fields.") ? path.slice("fields.".length) : path;
      return Object.prototype.hasOwnProperty.call(event.fields, name) ? event.fields[name] : undefined;
    }
  }
}

/** The state of the key `prefix` + `name`, made once per name. */
function keyStateOf(states: Map<string, KeyState>, prefix: string, name: string): KeyState {
  let state = states.get(name);
  if (state === undefined) {
    state = keyState(`${prefix}${name}`);
    states.set(name, state);
  }
  return state;
}

/** Whether one of these patterns (all naming the event's kind) holds on the event's own fields. */
function mayMatch(patterns: readonly CompiledPattern[], field: (path: string) => Scalar | undefined): boolean {
  for (const pattern of patterns) if (pattern.eventOnly === undefined || pattern.eventOnly(field)) return true;
  return false;
}

function compilePattern(pattern: EventPattern): CompiledPattern {
  const eventOnly: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [path, condition] of Object.entries(pattern.where ?? {})) {
    if (condition === undefined) continue;
    const entry = { [path]: condition } as Conditions;
    const readsOnlyTheEvent = conditionOperands(entry).length === 0 && conditionPaths(entry).every((name) => !CONTEXT_PATHS.has(name));
    (readsOnlyTheEvent ? eventOnly : rest)[path] = condition;
  }
  const some = (conditions: Conditions | undefined): ConditionTest | undefined =>
    conditions !== undefined && Object.keys(conditions).length > 0 ? compileConditions(conditions) : undefined;
  const findingOperands = [...conditionOperands(pattern.where), ...conditionOperands(pattern.state)]
    .filter((name) => name.startsWith("finding."))
    .map((name) => name.slice("finding.".length));
  const findingPaths = [...conditionPaths(pattern.where), ...conditionPaths(pattern.state)]
    .filter((name) => name.startsWith("finding."))
    .map((name) => name.slice("finding.".length));
  return {
    kinds: new Set(typeof pattern.kind === "string" ? [pattern.kind] : pattern.kind),
    findingOperands,
    findingReads: [...new Set([...findingOperands, ...findingPaths])],
    readsFinding: findingOperands.length > 0 || findingPaths.length > 0,
    eventOnly: some(eventOnly as Conditions),
    where: some(rest as Conditions),
    state: some(pattern.state),
  };
}

/**
Compiled once per rule object: analyze builds an engine per bundle (and a fresh one when a bundle's files are
merged), and compiling 40-odd rules each time cost more than correlating a small bundle (samples/: 12 % of the
CPU). A compiled rule holds no state of an engine: its patterns are pure tests.
*/
const compiledRules = new WeakMap<Rule, CompiledRule>();

const TRIGGERS_KEPT = 32;

/** A further event that matched the rule of an open finding: kept for `$finding.<name>` (distinct ones, up to TRIGGERS_KEPT). */
function noteTrigger(finding: FindingState, event: LogEvent, context: Context): void {
  if (finding.triggersOverflowed || finding.triggers.some((trigger) => trigger.event === event)) return;
  for (const name of SCOPE_OPERANDS) finding.answered.delete(`${name}=${String(triggerValue({ event, context }, name))}`);
  if (finding.triggers.length >= TRIGGERS_KEPT) finding.triggersOverflowed = true;
  else finding.triggers.push({ event, context });
}

/** One trigger's value of a FINDING_OPERANDS name. */
function triggerValue(trigger: { readonly event: LogEvent; readonly context: Context }, name: string): Scalar {
  if (name.startsWith("event.")) return eventField(trigger.event, name.slice("event.".length)) ?? null;
  switch (name) {
    case "package":
      return trigger.context.package;
    case "deviceGroup":
      return trigger.context.deviceGroup;
    case "node":
      return trigger.context.node;
    default:
      return null;
  }
}

/**
`$finding.<name>` in a resolvedBy pattern: the open finding's package, device group or node, or a field of the events
that matched it (FINDING_OPERANDS), when every one of them agrees; null when they disagree (a node's finding holding
errors of two groups is not answered by one group's state, review of round 29 #20's change) or too many were seen.
*/
function findingOperand(finding: FindingState, name: string): Scalar | undefined {
  const values = triggerValues(finding, name);
  return values !== null && values.size === 1 ? [...values][0] : null;
}

/**
The values the triggers give a finding operand; null when too many triggers were seen. A trigger that does not know the
name does not count when another event of its own line knows it: one line often gives two events, the group on one of
them only ("ecd_dg local EX_ATTHOR": raid.error of ecd_dg, horcm.error of the node's instance; round 38 #16's EX_ATTHOR
of a restart window stayed open after the group read PAIR again). A trigger of another line that does not know it still
counts, as unknown (an instance killed, then one group reading PAIR, review).
*/
function triggerValues(finding: FindingState, name: string): Set<Scalar> | null {
  if (finding.triggersOverflowed) return null;
  const lineOf = (trigger: { readonly event: LogEvent }): string => `${trigger.event.source.file}:${trigger.event.source.line}`;
  const knownOnLine = new Set<string>();
  for (const trigger of finding.triggers) if (triggerValue(trigger, name) !== null) knownOnLine.add(lineOf(trigger));
  const values = new Set<Scalar>();
  for (const trigger of finding.triggers) {
    const value = triggerValue(trigger, name);
    if (value === null && knownOnLine.has(lineOf(trigger))) continue;
    values.add(value);
  }
  return values;
}

/** The finding operands that name a scope (not an event's field): triggers may disagree on them, each then answered in turn. */
const SCOPE_OPERANDS = ["package", "deviceGroup", "node"] as const;

/**
The distinct values the triggers give a scope operand (a node's finding with errors of two groups: both groups), when
they disagree; null when they agree, do not know it, or too many were seen.
*/
function findingScopeValues(finding: FindingState, name: string): Scalar[] | null {
  if (!(SCOPE_OPERANDS as readonly string[]).includes(name)) return null;
  const values = triggerValues(finding, name);
  if (values === null || values.has(null) || values.size < 2) return null;
  return [...values];
}

/**
The distinct values the triggers give an operand that is an event's field, not a scope (`event.code`), when they disagree;
null when they agree, it names a scope, or too many were seen. A trigger that does not know it gives null, which a
condition on the value fails: the finding then closes only when the resolving pattern holds for every trigger's value.
*/
function findingFieldValues(finding: FindingState, name: string): Scalar[] | null {
  if ((SCOPE_OPERANDS as readonly string[]).includes(name)) return null;
  const values = triggerValues(finding, name);
  if (values === null || values.size < 2) return null;
  return [...values];
}

function compile(rule: Rule): CompiledRule {
  let compiled = compiledRules.get(rule);
  if (compiled === undefined) {
    compiled = compileRule(rule);
    const plans = compiled.plans as Map<string, KindPlan>;
    for (const kind of compiled.kinds) plans.set(kind, planFor(compiled, kind));
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

/** The event kinds a rule's patterns name (steps, absence, related lines, resolutions): the kinds it looks at. */
function kindsNamedBy(rule: Rule): Set<string> {
  const { match } = rule;
  const patterns: ReadonlyArray<{ readonly kind: string | readonly string[] }> = [
    ...(match.sequence ?? (match.event ? [match.event] : [])),
    ...(match.absent ? [match.absent.event] : []),
    ...(match.related?.events ?? []),
    ...(rule.resolvedBy ?? []),
  ];
  return new Set(patterns.flatMap((pattern) => (typeof pattern.kind === "string" ? [pattern.kind] : pattern.kind)));
}

/**
What every engine over one rules array shares: the rules in the order they look at an event, and the plans of
the rules that name each event kind, in that order. Only read by the engines, so one run's engines (analyze: one
per bundle, and one more when a bundle's files are merged) share one, keyed by the array's identity; what an
engine keeps of its own (key states, partial matches, findings) is its own. A rule is compiled when an event of a
kind it names first comes (or when every rule is asked for): a run whose lines name few kinds, a one-line
bundle, compiles few of the forty-odd.
*/
class RulePlans {
  /** Rules that step aside for others (unlessOpen) look at each event after the others did. */
  private readonly ordered: readonly Rule[];
  private readonly rulesByKind = new Map<string, Rule[]>();
  private readonly byKind = new Map<string, readonly KindPlan[]>();
  private all: readonly CompiledRule[] | undefined;

  constructor(rules: readonly Rule[]) {
    this.ordered = [...rules].sort((a, b) => Number(a.match.unlessOpen !== undefined) - Number(b.match.unlessOpen !== undefined));
    for (const rule of this.ordered) {
      for (const kind of kindsNamedBy(rule)) {
        const list = this.rulesByKind.get(kind);
        if (list) list.push(rule);
        else this.rulesByKind.set(kind, [rule]);
      }
    }
  }

  /** Every rule, compiled, in the order they look at an event. */
  get compiled(): readonly CompiledRule[] {
    return (this.all ??= this.ordered.map(compile));
  }

  /** The plans of the rules that name `kind`, in the order they look at an event; undefined when none does. */
  plansFor(kind: string): readonly KindPlan[] | undefined {
    let plans = this.byKind.get(kind);
    if (plans === undefined) {
      const rules = this.rulesByKind.get(kind);
      if (rules === undefined) return undefined;
      plans = rules.map((rule) => compile(rule).plans.get(kind) as KindPlan);
      this.byKind.set(kind, plans);
    }
    return plans;
  }
}

const rulePlans = new WeakMap<readonly Rule[], RulePlans>();

function plansOf(rules: readonly Rule[]): RulePlans {
  let plans = rulePlans.get(rules);
  if (plans === undefined) {
    plans = new RulePlans(rules);
    rulePlans.set(rules, plans);
  }
  return plans;
}

const CORRELATION_KEYS: readonly CorrelationKey[] = ["deviceGroup", "package", "node", "cluster"];

/** Rules' places in the per-key lists by rule id, for the life of the process (a few dozen ids). */
const ruleIndexes = new Map<string, number>();

function ruleIndexOf(ruleId: string): number {
  let index = ruleIndexes.get(ruleId);
  if (index === undefined) {
    index = ruleIndexes.size;
    ruleIndexes.set(ruleId, index);
  }
  return index;
}

/** The awaited event shares these fields with the one that started the wait; a null on either side matches anything. */
/** A wait's key: its slot, with the anchor's values of the absence's `sameFields` when it has some. */
function absenceKey(sameFields: readonly string[], slot: string, anchor: LogEvent): string {
  if (sameFields.length === 0) return slot;
  return `${slot}\u0001${JSON.stringify(sameFields.map((name) => anchor.fields[name] ?? null))}`;
}

function sharesFields(names: readonly string[], anchor: LogEvent, event: LogEvent): boolean {
  for (const name of names) {
    const expected = anchor.fields[name] ?? null;
    const actual = event.fields[name] ?? null;
    if (expected !== null && actual !== null && expected !== actual) return false;
  }
  return true;
}

/** How an absence rule treats logs that end before its deadline (Rule.match.absent.openWhenLogsEnd), compiled. */
function logsEndMode(match: Rule["match"]): boolean | "only" | CompiledPattern {
  const mode = match.absent?.openWhenLogsEnd ?? false;
  if (typeof mode !== "object") return mode;
  const last = match.sequence?.[match.sequence.length - 1] ?? match.event;
  return compilePattern({ kind: last?.kind ?? [], state: mode.state });
}

function compileRule(rule: Rule): CompiledRule {
  const match = rule.match;
  const steps = (match.sequence ?? (match.event ? [match.event] : [])).map(compilePattern);
  const absent = match.absent ? compilePattern(match.absent.event) : null;
  // Related events are shown as evidence whatever the model says: their `state` is not read.
  const related = (match.related?.events ?? []).map((pattern) => compilePattern({ kind: pattern.kind, where: pattern.where }));
  const resolvedBy = (rule.resolvedBy ?? []).map(compilePattern);
  const patterns = [...steps, ...(absent ? [absent] : []), ...related, ...resolvedBy];
  const templates = [
    rule.summary,
    ...(rule.escalate ?? []).map((step) => step.summary ?? ""),
    ...(rule.advice.checkFirst ?? []),
    ...rule.advice.steps.flatMap((step) => [step.where, step.command, step.why]),
  ];
  return {
    rule,
    key: match.key ?? "deviceGroup",
    keyIndex: CORRELATION_KEYS.indexOf(match.key ?? "deviceGroup"),
    eachPackageOnNode: match.eachPackageOnNode === true,
    ruleIndex: ruleIndexOf(rule.id),
    steps,
    withinMs: match.within !== undefined ? durationMs(match.within) : null,
    count: match.count ? { atLeast: match.count.atLeast, withinMs: durationMs(match.count.within), sameFields: match.count.sameFields ?? [] } : null,
    absent:
      absent && match.absent
        ? {
            pattern: absent,
            withinMs: durationMs(match.absent.within),
            openWhenLogsEnd: logsEndMode(match),
            sameFields: match.absent.sameFields ?? [],
            fromFirst: match.absent.since === "first",
            startPath: match.absent.from ?? null,
          }
        : null,
    related: match.related ? { patterns: related, withinMs: durationMs(match.related.within ?? "1h") } : null,
    witnessPaths: [...new Set((match.sequence ?? (match.event ? [match.event] : [])).flatMap((pattern) => conditionPaths(pattern.state)))],
    resolvedBy,
    patterns,
    escalations: [...(rule.escalate ?? [])]
      .map((step) => ({ afterMs: durationMs(step.after), severity: step.severity, summary: step.summary }))
      .sort((a, b) => a.afterMs - b.afterMs),
    placeholders: [
      ...new Set([
        ...templates.flatMap(placeholdersOf),
        ...rule.advice.steps.flatMap((step) => [...conditionPaths(step.when), ...conditionOperands(step.when)]),
      ]),
    ],
    // As the templates print them: a multiplied value is screened as its product (`max.seconds*10000000`).
    screened: [
      ...new Set([
        ...IDENTITY_PLACEHOLDERS,
        ...rule.advice.steps.flatMap((step) => [...printedPlaceholdersOf(step.command), ...printedPlaceholdersOf(step.where)]),
      ]),
    ],
    screenedInProse: [...new Set(templates.flatMap(printedPlaceholdersOf))],
    kinds: kindsNamedBy(rule),
    plans: new Map(), // filled by compile(): a plan refers to its rule
    unreadWithinMs:
      (match.key ?? "deviceGroup") === "cluster"
        ? null
        : Math.min(UNREAD_WINDOW_MS, match.related ? durationMs(match.related.within ?? "1h") : UNREAD_WINDOW_MS),
  };
}

function stableId(ruleId: string, key: string, first: Evidence | undefined): string {
  const anchor = first ? `${first.file}:${first.line}` : "";
  return createHash("sha256").update(`${ruleId}\u0000${key}\u0000${anchor}`).digest("hex").slice(0, 16);
}

/** A field of the latest of the events that states it (the refusal names no code, the line before does). */
function latestField(events: readonly LogEvent[], field: string): Scalar | undefined {
  for (let index = events.length - 1; index >= 0; index--) {
    const value = events[index].fields[field];
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** What a finding is about, for the fallback gate: the package and device group it names. */
function scopeOf(state: FindingState): Scope {
  const packageName = state.values.package ?? state.context.package;
  const deviceGroup = state.values.deviceGroup ?? state.context.deviceGroup;
  return {
    package: typeof packageName === "string" ? packageName : null,
    deviceGroup: typeof deviceGroup === "string" ? deviceGroup : null,
    wholeCluster: state.compiled.rule.match.key === "cluster",
    severity: severityRank[state.severity],
    open: state.status !== "resolved",
    matchedKinds: state.matchedKinds,
  };
}

/**
Two findings about the same key, device group or package. A finding's device groups and packages are its own and
those of every event that matched it (a node's finding holding the refusals of two packages speaks for both: round 55
#14, a node that lost the tie-break refused pkg_scada, then pkg_hist).
*/
function sharesScope(one: FindingState, other: FindingState): boolean {
  if (one.context.key === other.context.key) return true;
  const a = scopeNamesOf(one);
  const b = scopeNamesOf(other);
  for (const name of a.deviceGroups) if (b.deviceGroups.has(name)) return true;
  for (const name of a.packages) if (b.packages.has(name)) return true;
  return false;
}

function scopeNamesOf(state: FindingState): { deviceGroups: Set<string>; packages: Set<string> } {
  const own = scopeOf(state);
  const deviceGroups = new Set<string>();
  const packages = new Set<string>();
  if (own.deviceGroup !== null) deviceGroups.add(own.deviceGroup);
  if (own.package !== null) packages.add(own.package);
  for (const trigger of state.triggers) {
    if (trigger.context.deviceGroup !== null) deviceGroups.add(trigger.context.deviceGroup);
    if (trigger.context.package !== null) packages.add(trigger.context.package);
  }
  return { deviceGroups, packages };
}

function evidenceOf(event: LogEvent): Evidence {
  return { file: event.source.file, line: event.source.line, text: event.raw, ts: event.ts, host: event.host };
}

/**
Use: `push()` every event in event-time order (configuration facts, ts null, first; all events of a
line together), `advance(watermark)` when event time has passed (the end of a replay, or "now" in the
logs' wall clock while watching: absence deadlines and escalations fire then), `findings()` for the
result, `drainChanges()` after each line or batch while watching.
*/
export class RuleEngine {
  /** The rules' compiled plans, shared by the engines over the same rules (plansOf): the rules that name an event's kind look at it, the others never see it. */
  private readonly plans: RulePlans;
  private readonly indexed: boolean;
  private evaluations = 0;
  private readonly lateness: number;
  private readonly timeZone: string | undefined;
  private readonly maxEvidence: number;
  private readonly model: PairModel;
  /** The latest event time seen or promised by a watermark. */
  private clock: number | null = null;
  /** The pair model's consistencyVersion when the open findings' supersession was last settled against it. */
  private consistencySeen = 0;
  private watermark: number | null = null;
  /** Configuration facts wait for the first timed event, so every file's settings are known when rules look. */
  private readonly pendingConfig: LogEvent[] = [];
  /** The contexts of the event being evaluated, by correlation key (CompiledRule.keyIndex): built once, shared by the rules. */
  private readonly eventContexts: Array<Context | undefined> = CORRELATION_KEYS.map(() => undefined);
  /** The state of each correlation key, by device group, package or node name (see KeyState). */
  private readonly keyStates = { deviceGroups: new Map<string, KeyState>(), packages: new Map<string, KeyState>(), nodes: new Map<string, KeyState>() };
  private readonly clusterKey = keyState("cluster");
  /** The lookups matches() built last (see lookupsOf). */
  private lastLookups: PatternLookups | undefined;
  /** Events of the line being read (see flushLine). */
  private readonly pendingLine: LogEvent[] = [];
  /** Sequence matches under way, per rule and slot (a rule with none may skip an event it cannot match). */
  private readonly partials = new Map<CompiledRule, Map<string, PartialMatch[]>>();
  private readonly counted = new Map<string, CountWindow>();
  /**
  The waits under way, by slot, or by slot and the values of the absence's `sameFields` when it has some: a wait for
  recovery group rg_cargo's -e is not ended by rg_booking's, nor merged into rg_booking's wait (round 84 #13).
  */
  private readonly absences = new Map<string, PendingAbsence>();
  /** The keys of `absences` under each slot, for a rule with `sameFields` (several waits per slot). */
  private readonly absenceKeysOfSlot = new Map<string, Set<string>>();
  private readonly open = new Map<string, FindingState>();
  private readonly all: FindingState[] = [];
  private readonly usedIds = new Set<string>();
  /**
  What changed since the last drainChanges(), per finding (at most one entry of each kind): bounded by
  the number of findings even when nobody drains (analyze), and cheap (snapshots are built on drain).
  */
  private readonly changes = new Map<FindingState, Set<FindingChange>>();
  /** Fallback findings waiting to know whether another rule explains their failure (src/correlate/fallback.ts). */
  private readonly gate = new FallbackGate<FindingState>((state) => scopeOf(state));
  /**
  The latest unread replication lines (line.unread) per scope (`pkg:`, `dg:`, or `node:` for a line naming
  neither), at most UNREAD_SHOWN each: shown as evidence of the findings of their scope. Looked up on every
  match, so a flood of unread lines costs a few array reads, not a scan.
  */
  private readonly unreadByScope = new Map<string, LogEvent[]>();

  constructor(rules: readonly Rule[], options: RuleEngineOptions = {}) {
    this.plans = plansOf(rules);
    this.indexed = options.indexRules ?? true;
    this.lateness = options.lateness ?? 60_000;
    this.maxEvidence = Math.max(options.maxEvidence ?? 12, KEEP_FIRST_EVIDENCE + 1);
    this.model = new PairModel({ sites: options.sites });
    this.timeZone = options.timeZone;
  }

  /** How many times a rule looked at an event (or at an event for one package): what the rule index saves, for tests and benches. */
  get ruleEvaluations(): number {
    return this.evaluations;
  }

  /** The pair-state model (read-only use: presenters and tests). */
  get pairModel(): PairModel {
    return this.model;
  }

  push(logged: LogEvent): void {
    // One node is one name: its FQDN (rsyslog's host) and its short name (Serviceguard's) are read alike.
    const event = withShortNodeNames(logged);
    if (event.ts === null) {
      // A configuration fact: true from the start. Rules see it once the other facts are in.
      this.model.apply(event);
      this.pendingConfig.push(event);
      return;
    }
    const previous = this.pendingLine[this.pendingLine.length - 1];
    if (previous && (previous.source.file !== event.source.file || previous.source.line !== event.source.line)) this.flushLine();
    this.pendingLine.push(event);
  }

  /**
  The events of one line are one fact ("local SVOL_PAIR, remote EX_ENORMT"; "6 volumes PAIR, 2 PSUE"):
  the model takes all of them before any rule looks, so no rule sees half a line.
  */
  private flushLine(): void {
    const batch = this.spreadVolumeStates(this.pendingLine.splice(0));
    if (batch.length === 0) return;
    const ts = batch[0].ts ?? this.clock ?? TIME_UNKNOWN;
    if (this.clock === null || ts > this.clock) this.clock = ts;
    this.flushConfig();
    this.expireAbsences(this.clock - this.lateness);
    this.settleFallbacks(this.clock - this.lateness);
    for (const event of batch) this.model.apply(event);
    // A group's consistency group learnt late (a pairdisplay -fe hours after the takeover): what the open findings set
    // aside across groups of one CTG (match.setAsideBy) is looked at again.
    if (this.model.consistencyVersion !== this.consistencySeen) {
      this.consistencySeen = this.model.consistencyVersion;
      for (const state of [...this.open.values()]) this.settleSupersession(state);
    }
    for (const event of batch) this.evaluate(event, ts);
    this.escalate();
  }

  /**
  One pair volume's state whose group nothing ties it to (horcmd's notice names the volume, not its group) is read as
  each group the node holds volumes of (else each group the bundle knows): a suspension is never lost for want of a
  name, and each group's own later state closes what it opened (rounds 24 #11, 36 #01: read as no group, it opened a
  finding nothing closed; dropped, a real suspension went unsaid: review). A state naming no volume either is read as
  the node's group when it holds one only.
  */
  private spreadVolumeStates(batch: LogEvent[]): LogEvent[] {
    if (!batch.some((event) => event.kind === "pair.state" && event.deviceGroup === null)) return batch;
    const spread: LogEvent[] = [];
    for (const event of batch) {
      if (event.kind !== "pair.state" || event.deviceGroup !== null || this.model.resolve(event).deviceGroup !== null) {
        spread.push(event);
        continue;
      }
      // A state naming neither group nor volume (a monitoring alert's "PVOL_PSUE JNLS=PJSE AP=0") from a node that holds
      // the volumes of one group only is that group's: read as no group it opened a finding nothing could close, its
      // PAIR later naming no group either (round 58 #16). A node holding several groups leaves it as it is: which one
      // is a guess.
      if (typeof event.fields.pairVolume !== "string") {
        const node = nodeOf(event);
        const onNode = node === null ? [] : this.model.groupsOnNode(node);
        spread.push(onNode.length === 1 ? { ...event, deviceGroup: onNode[0], fields: { ...event.fields, deviceGroupFrom: "label" } } : event);
        continue;
      }
      // The one group of the bundle named like the volume (payora_d01, payora_dg), when exactly one is; else the node's.
      const named = this.model.deviceGroups().filter((name) => sharesStem(String(event.fields.pairVolume), name));
      const node = nodeOf(event);
      const onNode = node === null ? [] : this.model.groupsOnNode(node);
      const groups = named.length === 1 ? named : onNode.length > 0 ? onNode : this.model.deviceGroups().sort();
      if (groups.length === 0) spread.push(event);
      for (const deviceGroup of groups) spread.push({ ...event, deviceGroup, fields: { ...event.fields, deviceGroupFrom: "label" } });
    }
    return spread;
  }

  /** Event time has reached `watermark`: no event before it will come. Fires absence deadlines and escalations. */
  advance(watermark: number): void {
    this.flushLine();
    if (this.watermark === null || watermark > this.watermark) this.watermark = watermark;
    if (this.clock === null || watermark > this.clock) this.clock = watermark;
    this.flushConfig();
    this.expireAbsences(this.watermark);
    this.settleFallbacks(this.watermark);
    this.escalate();
  }

  /**
  The input has ended (analyze, rule examples): fallback findings still waiting for their window are
  decided with what is known, so a failure in the last minutes of a bundle is never left unsaid.
  Absences whose deadline the last line reached open; those still waiting stay so (their event may yet come),
  unless their rule says an outcome the logs never reach is itself the finding (absent.openWhenLogsEnd: a start
  that began and that no line says ended). `watch` never calls it: event time decides.
  */
  finish(): void {
    this.flushLine();
    this.flushConfig();
    if (this.clock !== null) this.expireAbsences(this.clock);
    this.settleFallbacks(Number.POSITIVE_INFINITY);
    this.openUnfinished();
    // A fallback rule's absence the logs ended before (package-lost-with-node: the node's own logs end at its halt)
    // was parked just now: decided with what is known, as the others were (review).
    this.settleFallbacks(Number.POSITIVE_INFINITY);
    this.escalate();
  }

  private openUnfinished(): void {
    const ruleOf = (slot: string) => this.plans.compiled.find((candidate) => slot.startsWith(`${candidate.rule.id}\u0000`));
    // Rules that speak only for logs that stop early (`only`) come last: they say what nothing else said.
    const lastWord = (slot: string): number => Number(ruleOf(slot)?.absent?.openWhenLogsEnd === "only");
    for (const [key, pending] of [...this.absences].sort((a, b) => lastWord(a[1].slot) - lastWord(b[1].slot) || a[1].deadline - b[1].deadline)) {
      const slot = pending.slot;
      const compiled = ruleOf(slot);
      const mode = compiled?.absent?.openWhenLogsEnd;
      if (!compiled || !mode) continue;
      this.deleteAbsence(key);
      if (this.current(slot)) continue;
      const now = Math.max(this.clock ?? pending.last.ts ?? TIME_UNKNOWN, pending.last.ts ?? TIME_UNKNOWN);
      const waitedOn = compiled.steps[compiled.steps.length - 1];
      if (waitedOn && !this.matches(waitedOn, pending.last, pending.context, now)) continue;
      if (typeof mode === "object" && !this.matches(mode, pending.last, pending.context, now)) continue;
      this.openFinding(compiled, slot, pending.events, pending.anchor, pending.context, now, [pending.anchor, pending.last]);
    }
  }

  findings(): Finding[] {
    this.flushLine();
    this.flushConfig();
    return this.all.map((state) => this.snapshot(state)).sort((a, b) => a.firstSeen - b.firstSeen || a.id.localeCompare(b.id));
  }

  /**
  What changed since the last call, for `watch`: per finding, in the order opened, updated, escalated,
  resolved, each with the finding as it is now.
  */
  drainChanges(): Array<{ change: FindingChange; finding: Finding }> {
    // The current line is complete when the caller drains (push a line's events together); configuration
    // waits for the first timed event or a watermark, so a half-read set of files is never judged.
    this.flushLine();
    const drained: Array<{ change: FindingChange; finding: Finding }> = [];
    for (const [state, changes] of this.changes) {
      const finding = this.snapshot(state);
      for (const change of CHANGE_ORDER) {
        // An opened finding's snapshot already shows its later evidence and its severity.
        if (changes.has(change) && !(change !== "opened" && change !== "resolved" && changes.has("opened"))) drained.push({ change, finding });
      }
    }
    this.changes.clear();
    return drained;
  }

  private flushConfig(): void {
    if (this.pendingConfig.length === 0) return;
    const pending = this.pendingConfig.splice(0);
    for (const event of pending) this.evaluate(event, this.clock ?? TIME_UNKNOWN);
  }

  private contextOf(event: LogEvent, correlationKey: CorrelationKey, resolved: { deviceGroup: string | null; package: string | null }): Context {
    const { deviceGroup, package: packageName } = resolved;
    const node = nodeOf(event);
    let state: KeyState;
    const { deviceGroups, packages, nodes } = this.keyStates;
    switch (correlationKey) {
      case "deviceGroup":
        state =
          deviceGroup !== null
            ? keyStateOf(deviceGroups, "dg:", deviceGroup)
            : packageName !== null
              ? keyStateOf(packages, "pkg:", packageName)
              : this.clusterKey;
        break;
      case "package":
        state =
          packageName !== null
            ? keyStateOf(packages, "pkg:", packageName)
            : deviceGroup !== null
              ? keyStateOf(deviceGroups, "dg:", deviceGroup)
              : this.clusterKey;
        break;
      case "node":
        state = node !== null ? keyStateOf(nodes, "node:", node) : this.clusterKey;
        break;
      default:
        state = this.clusterKey;
    }
    return { deviceGroup, package: packageName, node, key: state.key, keyState: state };
  }

  private stateLookup(context: Context, now: number | null) {
    const scope = { deviceGroup: context.deviceGroup, package: context.package, node: context.node, now };
    return (path: string): Scalar | undefined => this.model.lookup(path, scope);
  }

  private matches(pattern: CompiledPattern, event: LogEvent, context: Context, now: number): boolean {
    if (!pattern.kinds.has(event.kind)) return false;
    // Most patterns (related lines, many resolutions) name a kind and nothing else.
    if (pattern.eventOnly === undefined && pattern.where === undefined && pattern.state === undefined) return true;
    const lookups = this.lookupsOf(event, context, now);
    if (pattern.eventOnly !== undefined && !pattern.eventOnly(lookups.field)) return false;
    if (pattern.where === undefined && pattern.state === undefined) return true;
    // Paths in `where` name the event's fields; `$path` operands, there as in `state`, read the model.
    if (pattern.where !== undefined && !pattern.where(lookups.event, lookups.state)) return false;
    return pattern.state === undefined || pattern.state(lookups.state);
  }

  /**
  What the conditions of a pattern read for an event in a context: built once and shared by the patterns of
  all the rules that test the same event in the same context (most of them), not once per pattern.
  */
  private lookupsOf(event: LogEvent, context: Context, now: number): PatternLookups {
    const last = this.lastLookups;
    if (last !== undefined && last.of === event && last.context === context && last.now === now) return last;
    const lookups = this.buildLookups(event, context, now);
    this.lastLookups = lookups;
    return lookups;
  }

  private buildLookups(event: LogEvent, context: Context, now: number): PatternLookups {
    const state = this.stateLookup(context, now);
    const eventLookup = (path: string): Scalar | undefined => {
      switch (path) {
        case "package":
          return context.package;
        case "deviceGroup":
          return context.deviceGroup;
        case "node":
          return context.node;
        default:
          return eventField(event, path);
      }
    };
    // A state path, or with `event.` a field of the event itself, so one condition set can mix both (anyOf).
    const stateLookup = (path: string): Scalar | undefined => (path.startsWith("event.") ? eventLookup(path.slice("event.".length)) : state(path));
    return { of: event, context, now, field: (path) => eventField(event, path), event: eventLookup, state: stateLookup };
  }

  private evaluate(event: LogEvent, now: number): void {
    const resolved = this.model.resolve(event);
    // An unread line with no time (a history that keeps none) happened some day: no finding's evidence "just before" it.
    if (event.kind === UNREAD_LINE_KIND && event.ts !== null) this.noteUnread(event, resolved);
    // One context per correlation key for this event, shared by the rules (contexts are never changed).
    const contexts = this.eventContexts;
    for (let index = 0; index < contexts.length; index++) contexts[index] = undefined;
    if (!this.indexed) {
      // The reference the indexed pass is tested against: every rule naming the kind looks, all of evaluateRule.
      for (const compiled of this.plans.compiled) {
        const plan = compiled.plans.get(event.kind);
        if (plan === undefined) continue;
        if (compiled.eachPackageOnNode && resolved.package === null) this.evaluateEachPackage(plan, event, now);
        else this.evaluateRule(plan, event, this.sharedContext(compiled, event, resolved, contexts), now);
      }
      return;
    }
    const plans = this.plans.plansFor(event.kind);
    if (plans === undefined) return;
    const field = (path: string): Scalar | undefined => eventField(event, path);
    for (const plan of plans) {
      const compiled = plan.compiled;
      // A rule none of whose patterns can match the event would only drop its expired sequence starts:
      // it looks only while it has some (so an event stepping back in time sees what the full pass sees).
      const acts = this.partials.has(compiled) || mayMatch(plan.acting, field);
      if (!acts && !(plan.alwaysRelated || mayMatch(plan.related, field))) continue;
      if (compiled.eachPackageOnNode && resolved.package === null) {
        this.evaluateEachPackage(plan, event, now);
        continue;
      }
      const context = this.sharedContext(compiled, event, resolved, contexts);
      if (acts) this.evaluateRule(plan, event, context, now);
      else this.noteRelatedOnly(plan, event, context, now);
    }
  }

  /** The event's context under the rule's correlation key, built once per key for all the rules. */
  private sharedContext(
    compiled: CompiledRule,
    event: LogEvent,
    resolved: { deviceGroup: string | null; package: string | null },
    contexts: Array<Context | undefined>,
  ): Context {
    return contexts[compiled.keyIndex] ?? (contexts[compiled.keyIndex] = this.contextOf(event, compiled.key, resolved));
  }

  /** node.timeout names no package: it is news for each package that ran on that node. */
  private evaluateEachPackage(plan: KindPlan, event: LogEvent, now: number): void {
    for (const packageName of this.model.packagesOn(nodeOf(event))) {
      const resolvedFor = this.model.resolve({ ...event, package: packageName });
      this.evaluateRule(plan, event, this.contextOf(event, plan.compiled.key, { ...resolvedFor, package: packageName }), now);
    }
  }

  /**
  evaluateRule for a rule none of whose steps, absence or resolutions can match the event and which has no
  sequence under way: the event can only become a related line.
  */
  private noteRelatedOnly(plan: KindPlan, event: LogEvent, context: Context, now: number): void {
    this.evaluations++;
    if (plan.alwaysRelated || this.matchesAny(plan.related, event, context, now)) this.rememberRelated(plan.compiled, context.keyState, event, now);
  }

  private slotOf(compiled: CompiledRule, key: KeyState): string {
    let slot = key.slots[compiled.ruleIndex];
    if (slot === undefined) {
      slot = `${compiled.rule.id}\u0000${key.key}`;
      key.slots[compiled.ruleIndex] = slot;
    }
    return slot;
  }

  private evaluateRule(plan: KindPlan, event: LogEvent, context: Context, now: number): void {
    const compiled = plan.compiled;
    this.evaluations++;
    const slot = this.slotOf(compiled, context.keyState);

    const openFinding = this.current(slot);
    if (openFinding && this.resolves(plan.resolvedBy, openFinding, event, context, now)) {
      this.resolve(slot, openFinding, event, now);
    }
    if (compiled.absent) {
      const absent = compiled.absent;
      let awaited: boolean | undefined;
      for (const key of this.absenceKeys(compiled, slot)) {
        const pending = this.absences.get(key);
        if (!pending || now > pending.deadline || !sharesFields(absent.sameFields, pending.anchor, event)) continue;
        awaited ??= this.matches(absent.pattern, event, context, now);
        if (!awaited) break;
        this.deleteAbsence(key);
      }
    }
    // `since: first`: the awaited event between the sequence's steps answers the matches under way it shares the
    // `sameFields` with (an enable between the disable and the restart): they are dropped; a step this same event
    // matches starts anew below.
    const underWay = compiled.absent?.fromFirst ? this.partials.get(compiled)?.get(slot) : undefined;
    if (underWay !== undefined && compiled.absent && this.matches(compiled.absent.pattern, event, context, now)) {
      const sameFields = compiled.absent.sameFields;
      const left = underWay.filter((partial) => !sharesFields(sameFields, partial.events[0], event));
      if (left.length > 0) this.partials.get(compiled)!.set(slot, left);
      else this.deletePartials(compiled, slot);
    }
    if (plan.related.length > 0 && (plan.alwaysRelated || this.matchesAny(plan.related, event, context, now)))
      this.rememberRelated(compiled, context.keyState, event, now);
    const completed = this.advanceMatch(compiled, slot, event, context, now);
    if (completed) this.trigger(compiled, slot, completed, context, now);
  }

  /** The latest RELATED_KEPT related events inside the window, kept in place (this runs for most events of a busy bundle). */
  private rememberRelated(compiled: CompiledRule, key: KeyState, event: LogEvent, now: number): void {
    const within = compiled.related?.withinMs ?? 0;
    let recent = key.related[compiled.ruleIndex];
    if (!recent) {
      recent = new RelatedLines();
      key.related[compiled.ruleIndex] = recent;
    }
    recent.push(event, now, within);
  }

  /** Whether one of a rule's `resolvedBy` patterns matches: their `$finding.<name>` operands read the open finding's context. */
  private resolves(patterns: readonly CompiledPattern[], finding: FindingState, event: LogEvent, context: Context, now: number): boolean {
    for (const pattern of patterns) {
      if (!pattern.readsFinding) {
        if (this.matches(pattern, event, context, now)) return true;
        continue;
      }
      if (!pattern.kinds.has(event.kind)) continue;
      // One scope name the triggers disagree on (errors of two groups on one node): the pattern is tried with each of its
      // values, and closes the finding once every one of them has been answered.
      const unknown = pattern.findingOperands.filter((name) => findingOperand(finding, name) === null);
      const split = unknown.length === 1 ? findingScopeValues(finding, unknown[0]) : null;
      // One event's field the triggers disagree on, read as an operand or a state path (a node's finding holding an
      // EX_ENOGRP and an EX_ATTHOR): the pattern must hold for each of their values, on the same event (round 67 #06).
      const disagreed = split === null ? pattern.findingReads.filter((name) => findingOperand(finding, name) === null) : [];
      const each = disagreed.length === 1 ? findingFieldValues(finding, disagreed[0]) : null;
      if (unknown.length > 0 && split === null && each === null) continue;
      const lookups = this.lookupsOf(event, context, now);
      if (pattern.eventOnly !== undefined && !pattern.eventOnly(lookups.field)) continue;
      const matchesWith = (name: string | null, value: Scalar): boolean => {
        const withFinding: Lookup = (path) => {
          if (!path.startsWith("finding.")) return lookups.state(path);
          const operand = path.slice("finding.".length);
          return operand === name ? value : findingOperand(finding, operand);
        };
        if (pattern.where !== undefined && !pattern.where(lookups.event, withFinding)) return false;
        return pattern.state === undefined || pattern.state(withFinding, withFinding);
      };
      if (each !== null) {
        if (each.every((value) => matchesWith(disagreed[0], value))) return true;
        continue;
      }
      if (split === null) {
        if (matchesWith(null, null)) return true;
        continue;
      }
      const name = unknown[0];
      for (const value of split) if (matchesWith(name, value)) finding.answered.add(`${name}=${String(value)}`);
      if (split.every((value) => finding.answered.has(`${name}=${String(value)}`))) return true;
    }
    return false;
  }

  private matchesAny(patterns: readonly CompiledPattern[], event: LogEvent, context: Context, now: number): boolean {
    for (const pattern of patterns) if (this.matches(pattern, event, context, now)) return true;
    return false;
  }

  /** The open finding of a slot: opened, or parked while a fallback waits for its window. */
  private current(slot: string): FindingState | undefined {
    const open = this.open.get(slot);
    if (open !== undefined || this.gate.isEmpty) return open;
    return this.gate.parkedIn(slot).find((state) => state.status === "open");
  }

  /**
  The match's events preceded by the related events still inside the window, and by the unread
  replication lines of the same scope (src/parse/unread.ts), in time order.
  */
  private withRelated(compiled: CompiledRule, slot: string, events: LogEvent[], context: Context, now: number): LogEvent[] {
    // Up to the event that completed the match: a sequence's related lines may sit between its steps.
    const last = events[events.length - 1]?.ts ?? now;
    const related = compiled.related
      ? (context.keyState.related[compiled.ruleIndex]?.inOrder() ?? []).filter(
          (earlier) => !events.includes(earlier) && (earlier.ts ?? last) <= last && last - (earlier.ts ?? last) <= compiled.related!.withinMs,
        )
      : [];
    const unread = this.unreadOf(compiled, context, last).filter((line) => !events.includes(line) && !related.includes(line));
    // The lines behind what the model says (a start on another node hours before): however old, they are the proof.
    const witnesses =
      compiled.witnessPaths.length > 0
        ? this.model
            .witnesses(compiled.witnessPaths, context)
            .filter((line) => !events.includes(line) && !related.includes(line) && !unread.includes(line) && (line.ts ?? last) <= last)
        : [];
    if (related.length === 0 && unread.length === 0 && witnesses.length === 0) return events;
    return [...witnesses, ...unread, ...related, ...events].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  }

  /** A line about replication that no grammar read: remembered (bounded) for the findings of its scope. */
  private noteUnread(event: LogEvent, resolved: { deviceGroup: string | null; package: string | null }): void {
    const scoped: LogEvent =
      resolved.deviceGroup !== event.deviceGroup || resolved.package !== event.package
        ? { ...event, deviceGroup: resolved.deviceGroup, package: resolved.package }
        : event;
    const scopes =
      scoped.package === null && scoped.deviceGroup === null
        ? [`node:${nodeOf(scoped) ?? ""}`]
        : [...(scoped.package !== null ? [`pkg:${scoped.package}`] : []), ...(scoped.deviceGroup !== null ? [`dg:${scoped.deviceGroup}`] : [])];
    for (const scope of scopes) {
      const recent = this.unreadByScope.get(scope) ?? [];
      recent.push(scoped);
      if (recent.length > UNREAD_SHOWN) recent.shift();
      this.unreadByScope.set(scope, recent);
    }
    // A fallback finding still waiting shows the unread lines of its scope that follow the failure too.
    for (const state of this.gate.parkedStates()) {
      if (state.status === "open" && state.compiled.unreadWithinMs !== null && this.unreadInScope(scoped, state.context)) this.addEvidence(state, [scoped]);
    }
  }

  /** The unread lines of a finding's scope from the `unreadWithinMs` before `until`, the latest UNREAD_SHOWN. */
  private unreadOf(compiled: CompiledRule, context: Context, until: number): LogEvent[] {
    if (compiled.unreadWithinMs === null || this.unreadByScope.size === 0) return [];
    const within = compiled.unreadWithinMs;
    const candidates = [
      ...(context.package !== null ? (this.unreadByScope.get(`pkg:${context.package}`) ?? []) : []),
      ...(context.deviceGroup !== null ? (this.unreadByScope.get(`dg:${context.deviceGroup}`) ?? []) : []),
      ...(context.node !== null ? (this.unreadByScope.get(`node:${context.node}`) ?? []) : []),
    ];
    const found = [...new Set(candidates)]
      .filter((line) => (line.ts ?? until) <= until && until - (line.ts ?? until) <= within)
      .sort((left, right) => (left.ts ?? 0) - (right.ts ?? 0));
    return found.slice(-UNREAD_SHOWN);
  }

  /** An unread line belongs to a finding that names its package or device group, or (naming neither) to one on its node. */
  private unreadInScope(line: LogEvent, context: Context): boolean {
    if (line.package !== null && line.package === context.package) return true;
    if (line.deviceGroup !== null && line.deviceGroup === context.deviceGroup) return true;
    return line.package === null && line.deviceGroup === null && context.node !== null && nodeOf(line) === context.node;
  }

  /** The events of a completed match when this event completes one, else null. */
  private advanceMatch(compiled: CompiledRule, slot: string, event: LogEvent, context: Context, now: number): LogEvent[] | null {
    const { steps } = compiled;
    if (steps.length === 0) return null;
    if (compiled.count) {
      if (!this.matches(steps[steps.length - 1], event, context, now)) return null;
      let window = this.counted.get(slot);
      if (!window) {
        window = new CountWindow();
        this.counted.set(slot, window);
      }
      const isOpen = this.open.has(slot);
      const { sameFields } = compiled.count;
      // While its finding is open the window only counts (the finding holds the evidence).
      window.push(event, !isOpen, now, compiled.count.withinMs, sameFields);
      if (sameFields.length === 0) {
        if (window.size < compiled.count.atLeast) return null;
        // An open finding already holds the earlier events as evidence: only the new one is news.
        return isOpen ? [event] : window.all();
      }
      // Only the events that agree on `sameFields` count together (instance 0 and instance 1 each losing one command
      // device is no instance losing both): an event joins an open finding too only once its own count is reached.
      const values = sharedValues(sameFields, event);
      if (window.sizeAgreeing(values) < compiled.count.atLeast) return null;
      return isOpen ? [event] : window.allAgreeing(values);
    }
    if (steps.length === 1) return this.matches(steps[0], event, context, now) ? [event] : null;

    const within = compiled.withinMs ?? Number.POSITIVE_INFINITY;
    let ofRule = this.partials.get(compiled);
    const underWay = ofRule?.get(slot);
    const startsHere = this.matches(steps[0], event, context, now);
    // Nothing under way in this slot and no start here: nothing to advance, keep or drop.
    if (underWay === undefined && !startsHere) return this.extendsOpenSequence(compiled, slot, event, context, now, within);
    const partials = (underWay ?? []).filter((partial) => now - partial.startTs <= within);
    let completed: LogEvent[] | null = null;
    for (const partial of partials) {
      if (this.matches(steps[partial.next], event, context, now)) {
        partial.events.push(event);
        partial.next++;
        if (partial.next === steps.length && completed === null) completed = [...partial.events];
      }
    }
    const remaining = partials.filter((partial) => partial.next < steps.length);
    if (startsHere) {
      // Keep only the newest start: an older one with the same progress adds nothing.
      const fresh: PartialMatch = { next: 1, startTs: now, events: [event] };
      const withoutStale = remaining.filter((partial) => partial.next > 1);
      withoutStale.push(fresh);
      if (!ofRule) this.partials.set(compiled, (ofRule = new Map()));
      ofRule.set(slot, withoutStale.slice(-16));
    } else if (ofRule) {
      // None left: the slot (and the rule, when it was its last) leaves the map, so `partials.has(rule)` means some are under way.
      if (remaining.length > 0) ofRule.set(slot, remaining.slice(-16));
      else this.deletePartials(compiled, slot);
    }
    return completed ?? this.extendsOpenSequence(compiled, slot, event, context, now, within);
  }

  /**
  A sequence's start is used up by the match it completes; while the finding it opened is open, a later event matching
  the last step inside the window from that start is the same situation again and adds to the finding, as a single
  event rule's later matches do (round 55 #14: a node that lost the tie-break refused a second package two seconds after
  the first; that refusal belonged to the same finding). It never opens a finding.
  */
  private extendsOpenSequence(compiled: CompiledRule, slot: string, event: LogEvent, context: Context, now: number, within: number): LogEvent[] | null {
    const open = this.open.get(slot);
    if (open === undefined || open.status === "resolved" || now - open.firstSeen > within) return null;
    return this.matches(compiled.steps[compiled.steps.length - 1], event, context, now) ? [event] : null;
  }

  /** When an absence's wait began: the time the model gives at `startPath` (Rule.match.absent.from) when earlier than now. */
  private absenceStart(startPath: string | null, context: Context, now: number): number {
    if (startPath === null) return now;
    const start = this.stateLookup(context, now)(startPath);
    return typeof start === "number" && Number.isFinite(start) && start < now ? start : now;
  }

  private trigger(compiled: CompiledRule, slot: string, matched: LogEvent[], context: Context, now: number): void {
    const existing = this.current(slot);
    const events = this.withRelated(compiled, slot, matched, context, now);
    if (existing) {
      const before = scopeNamesOf(existing);
      for (const event of matched) existing.matchedKinds.add(event.kind);
      for (const event of matched) noteTrigger(existing, event, context);
      this.update(existing, events, context, now);
      // A device group or package it did not speak for yet: what it sets aside (or what sets it aside) may change.
      const widened =
        (context.deviceGroup !== null && !before.deviceGroups.has(context.deviceGroup)) || (context.package !== null && !before.packages.has(context.package));
      if (widened) this.settleSupersession(existing);
      return;
    }
    if (compiled.absent) {
      const key = absenceKey(compiled.absent.sameFields, slot, matched[0]);
      const pending = this.absences.get(key);
      if (pending) {
        for (const event of events) if (!pending.events.includes(event)) pending.events.push(event);
        pending.last = matched[matched.length - 1];
        return;
      }
      this.setAbsence(key, {
        slot,
        deadline: wallClockAfter(this.absenceStart(compiled.absent.startPath, context, now), compiled.absent.withinMs, this.timeZone),
        events,
        anchor: matched[0],
        last: matched[matched.length - 1],
        context,
      });
      return;
    }
    this.openFinding(compiled, slot, events, matched[0], context, now, matched);
  }

  /** The keys of the slot's waits: the slot itself, or one per `sameFields` values. */
  private absenceKeys(compiled: CompiledRule, slot: string): Iterable<string> {
    if (compiled.absent === null || compiled.absent.sameFields.length === 0) return this.absences.has(slot) ? [slot] : [];
    const keys = this.absenceKeysOfSlot.get(slot);
    return keys === undefined ? [] : [...keys];
  }

  private setAbsence(key: string, pending: PendingAbsence): void {
    this.absences.set(key, pending);
    if (key === pending.slot) return;
    let keys = this.absenceKeysOfSlot.get(pending.slot);
    if (!keys) this.absenceKeysOfSlot.set(pending.slot, (keys = new Set()));
    keys.add(key);
  }

  private deleteAbsence(key: string): void {
    const pending = this.absences.get(key);
    if (!pending) return;
    this.absences.delete(key);
    if (key === pending.slot) return;
    const keys = this.absenceKeysOfSlot.get(pending.slot);
    keys?.delete(key);
    if (keys?.size === 0) this.absenceKeysOfSlot.delete(pending.slot);
  }

  private expireAbsences(until: number): void {
    // Called for every line: sorting only when some deadline has passed.
    let due = false;
    for (const pending of this.absences.values()) {
      if (pending.deadline <= until) {
        due = true;
        break;
      }
    }
    if (!due) return;
    for (const [key, pending] of [...this.absences].sort((a, b) => a[1].deadline - b[1].deadline)) {
      if (pending.deadline > until) continue;
      this.deleteAbsence(key);
      const slot = pending.slot;
      const compiled = this.plans.compiled.find((candidate) => slot.startsWith(`${candidate.rule.id}\u0000`));
      if (!compiled || this.current(slot)) continue;
      // Speaks only for logs that stop before the wait is over: past it, another rule says what to do.
      if (compiled.absent?.openWhenLogsEnd === "only") continue;
      // What the rule waited on must still be the situation at the deadline: its last pattern's conditions are
      // read again on the model as it is now (the S-VOL side took over, the package moved, a setting changed).
      const waitedOn = compiled.steps[compiled.steps.length - 1];
      if (waitedOn && !this.matches(waitedOn, pending.last, pending.context, pending.deadline)) continue;
      this.openFinding(compiled, slot, pending.events, pending.anchor, pending.context, pending.deadline, [pending.anchor, pending.last]);
    }
  }

  private openFinding(
    compiled: CompiledRule,
    slot: string,
    events: LogEvent[],
    anchor: LogEvent,
    context: Context,
    now: number,
    matched: readonly LogEvent[],
  ): void {
    // A generic rule steps aside while a more specific one already speaks for this key.
    const unlessOpen = compiled.rule.match.unlessOpen;
    if (unlessOpen && this.coveredBy(unlessOpen, context, compiled)) return;
    const firstTs = anchor.ts ?? now;
    const state: FindingState = {
      id: this.uniqueId(stableId(compiled.rule.id, context.key, evidenceOf(anchor))),
      compiled,
      context,
      triggers: [{ event: anchor, context }],
      triggersOverflowed: false,
      answered: new Set(),
      firstSeen: firstTs,
      lastSeen: now,
      status: "open",
      resolvedAt: null,
      severity: compiled.rule.severity,
      escalatedSummary: null,
      evidence: [],
      evidenceLines: new Map(),
      evidenceCount: 0,
      values: {},
      maxima: new Map(),
      matchCount: 0,
      matchedKinds: new Set(matched.map((event) => event.kind)),
      supersededBy: null,
    };
    this.addEvidence(state, events);
    this.captureValues(state, events, context, now);
    if (compiled.rule.match.fallback) {
      // A last resort waits until event time shows whether another rule explains the failure.
      this.gate.park(slot, state, firstTs, now);
      return;
    }
    this.publish(slot, state);
    this.gate.matched(state, now);
  }

  private publish(slot: string, state: FindingState): void {
    if (state.status === "open") this.open.set(slot, state);
    this.all.push(state);
    this.noteChange(state, "opened");
    if (state.status === "resolved") this.noteChange(state, "resolved");
    this.escalateOne(state);
    this.settleSupersession(state);
  }

  /**
  `match.supersedes`: while a finding is open, the open findings of the rules it names that share its key,
  device group or package are set aside (their advice is what its situation forbids, e.g. a resync in either
  direction while both sites may be writing); a finding of such a rule opening later is set aside at once.
  A superseded finding stays in its slot (its lines still go to it, no second finding opens beside it) and is
  open again when the finding that set it aside resolves.
  */
  private settleSupersession(state: FindingState): void {
    if (state.status !== "open") return;
    const supersedes = state.compiled.rule.match.supersedes;
    for (const other of this.open.values()) {
      if (other === state || other.status !== "open") continue;
      if ((supersedes?.includes(other.compiled.rule.id) === true && sharesScope(state, other)) || this.setAsideBy(other, state)) {
        other.status = "superseded";
        other.supersededBy = state;
        this.noteChange(other, "superseded");
      }
    }
    for (const other of this.open.values()) {
      if (other === state || other.status !== "open") continue;
      if ((other.compiled.rule.match.supersedes?.includes(state.compiled.rule.id) === true && sharesScope(other, state)) || this.setAsideBy(state, other)) {
        state.status = "superseded";
        state.supersededBy = other;
        this.noteChange(state, "superseded");
        return;
      }
    }
  }

  /**
  `match.setAsideBy` (the rule's own side of `supersedes`): `state`'s rule steps aside while `other`, a finding of one of
  the named rules, shares its key, device group or package, or, with `scope: consistencyGroup`, is about a device group
  in the same consistency group as one of `state`'s (Raid Manager takes over and resynchronizes a CTG as a whole).
  */
  private setAsideBy(state: FindingState, other: FindingState): boolean {
    const setAside = state.compiled.rule.match.setAsideBy;
    if (setAside === undefined || !setAside.rules.includes(other.compiled.rule.id)) return false;
    if (sharesScope(state, other)) return true;
    if (setAside.scope !== "consistencyGroup") return false;
    const own = new Set<number>();
    for (const group of scopeNamesOf(state).deviceGroups) {
      const ctg = this.model.consistencyGroupOf(group);
      if (ctg !== null) own.add(ctg);
    }
    if (own.size === 0) return false;
    for (const group of scopeNamesOf(other).deviceGroups) {
      const ctg = this.model.consistencyGroupOf(group);
      if (ctg !== null && own.has(ctg)) return true;
    }
    return false;
  }

  /** The findings `state` set aside are open again (it resolved: what it forbade may be what is left to do). */
  private releaseSuperseded(state: FindingState): void {
    for (const other of this.open.values()) {
      if (other.supersededBy !== state) continue;
      other.supersededBy = null;
      other.status = "open";
      this.noteChange(other, "opened");
      this.settleSupersession(other);
    }
  }

  /** Fallback findings whose window has passed by `until`: published unless another finding explained them. */
  private settleFallbacks(until: number): void {
    for (let due = this.gate.nextDue(until); due !== undefined; due = this.gate.nextDue(until)) {
      if (!due.covered) this.publish(due.slot, due.state);
    }
  }

  /**
  An open (or parked fallback) finding of one of these rules speaks for the same key, device group or package;
  with `any`, a finding of any other rule that is at least as severe as `compiled` (an info note does not speak
  for a failure) and matched an event of a kind `compiled` waits for.
  */
  private coveredBy(ruleIds: readonly string[] | "any", context: Context, compiled: CompiledRule): boolean {
    for (const state of [...this.open.values(), ...this.gate.parkedStates()]) {
      // A finding set aside (superseded) still speaks for its key: a generic rule does not open in its place.
      if (state.status === "resolved") continue;
      if (ruleIds === "any") {
        if (state.compiled === compiled || severityRank[state.severity] < severityRank[compiled.rule.severity]) continue;
        // About the same kind of fact (a pair's state, not a setting's: a RUN_SCRIPT_TIMEOUT warning, acknowledged
        // or not, says nothing of a suspension; review).
        const triggers = compiled.steps[compiled.steps.length - 1]?.kinds;
        if (triggers !== undefined && ![...state.matchedKinds].some((kind) => triggers.has(kind))) continue;
      } else if (!ruleIds.includes(state.compiled.rule.id)) continue;
      if (state.context.key === context.key) return true;
      // Every group and package the finding matched (scopeNamesOf), as what it sets aside: a forced recovery that took
      // in three recovery groups speaks for each (round 55 #17).
      const names = scopeNamesOf(state);
      if (context.deviceGroup !== null && names.deviceGroups.has(context.deviceGroup)) return true;
      if (context.package !== null && names.packages.has(context.package)) return true;
    }
    return false;
  }

  /** The id, or a deterministic variant when a finding of the same rule and key already began on that line. */
  private uniqueId(id: string): string {
    let candidate = id;
    for (let attempt = 1; this.usedIds.has(candidate); attempt++) {
      candidate = createHash("sha256").update(`${id}\u0000${attempt}`).digest("hex").slice(0, 16);
    }
    this.usedIds.add(candidate);
    return candidate;
  }

  private update(state: FindingState, events: LogEvent[], context: Context, now: number): void {
    const added = this.addEvidence(state, events);
    state.lastSeen = Math.max(state.lastSeen, now);
    this.captureValues(state, events, context, now);
    if (added) this.noteChange(state, "updated");
    this.gate.matched(state, now);
  }

  private resolve(slot: string, state: FindingState, event: LogEvent, now: number): void {
    this.addEvidence(state, [event]);
    state.status = "resolved";
    state.resolvedAt = now;
    state.supersededBy = null;
    state.lastSeen = Math.max(state.lastSeen, now);
    this.open.delete(slot);
    this.releaseSuperseded(state);
    // Counted and partial matches belonged to the problem just fixed: a new finding needs new events.
    this.counted.delete(slot);
    this.deletePartials(state.compiled, slot);
    this.noteChange(state, "resolved");
  }

  private deletePartials(compiled: CompiledRule, slot: string): void {
    const ofRule = this.partials.get(compiled);
    if (!ofRule) return;
    ofRule.delete(slot);
    if (ofRule.size === 0) this.partials.delete(compiled);
  }

  private noteChange(state: FindingState, change: FindingChange): void {
    // A parked fallback finding is not news yet: it is opened (and its changes noted) when published.
    if (this.gate.isParked(state)) return;
    let changes = this.changes.get(state);
    if (!changes) {
      changes = new Set();
      this.changes.set(state, changes);
    }
    changes.add(change);
  }

  /** True when a line was new to the finding. */
  private addEvidence(state: FindingState, events: readonly LogEvent[]): boolean {
    let added = false;
    for (const event of events) {
      let lines = state.evidenceLines.get(event.source.file);
      if (!lines) {
        lines = new Set();
        state.evidenceLines.set(event.source.file, lines);
      }
      if (lines.has(event.source.line)) continue;
      lines.add(event.source.line);
      state.evidenceCount++;
      state.evidence.push(evidenceOf(event));
      added = true;
      if (state.evidence.length > this.maxEvidence) state.evidence.splice(KEEP_FIRST_EVIDENCE, 1);
    }
    return added;
  }

  private captureValues(state: FindingState, events: readonly LogEvent[], context: Context, now: number): void {
    state.matchCount += 1;
    for (const event of events) {
      for (const [name, value] of Object.entries(event.fields)) {
        if (typeof value === "number") state.maxima.set(name, Math.max(state.maxima.get(name) ?? value, value));
      }
    }
    const last = events[events.length - 1];
    const lookup = this.stateLookup(context, now);
    const site = this.model.roleOf(context.deviceGroup, context.node);
    const values: Record<string, Scalar | undefined> = {
      deviceGroup: context.deviceGroup,
      package: context.package,
      node: context.node,
      host: last?.host ?? null,
      site: site === "PVOL" ? "P-VOL side" : site === "SVOL" ? "S-VOL side" : null,
      fence: lookup("fence"),
      instance: lookup("instance"),
      count: state.matchCount,
      events: state.evidenceCount,
      ...siteValues(this.model.siteInfo(context)),
    };
    for (const name of state.compiled.placeholders) {
      if (name in values || name === "hours") continue;
      if (name.startsWith("event.")) values[name] = latestField(events, name.slice("event.".length));
      else if (name.startsWith("max.")) values[name] = state.maxima.get(name.slice("max.".length));
      else values[name] = lookup(name);
    }
    // A later match may not know what an earlier one did (a package log without the device group).
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined || value === null) {
        const previous = state.values[name];
        if (previous !== undefined && previous !== null) values[name] = previous;
      }
    }
    state.values = values;
  }

  private escalate(): void {
    for (const state of this.open.values()) this.escalateOne(state);
  }

  private escalateOne(state: FindingState): void {
    if (state.status !== "open" || this.clock === null) return;
    const openFor = this.clock - state.firstSeen;
    for (const escalation of state.compiled.escalations) {
      if (openFor < escalation.afterMs) break;
      if (severityRank[escalation.severity] > severityRank[state.severity] || (escalation.summary && state.escalatedSummary !== escalation.summary)) {
        const raised = severityRank[escalation.severity] > severityRank[state.severity];
        if (raised) state.severity = escalation.severity;
        if (escalation.summary) state.escalatedSummary = escalation.summary;
        if (raised) this.noteChange(state, "escalated");
      }
    }
  }

  private snapshot(state: FindingState): Finding {
    const rule = state.compiled.rule;
    const until = state.status === "resolved" ? (state.resolvedAt ?? state.lastSeen) : (this.clock ?? state.lastSeen);
    const raw: Record<string, Scalar | undefined> = { ...state.values, hours: Math.max(0, Math.floor((until - state.firstSeen) / 3_600_000)) };
    // Log text is never a command: a name no product would accept is not pasted anywhere, it is named in a warning.
    const { values, withheld } = screenValues(raw, state.compiled.screened, state.compiled.screenedInProse);
    const steps: Step[] = rule.advice.steps
      .filter((step) => testConditions(step.when, (name) => raw[name]))
      .map((step) => ({
        where: fillTemplate(step.where, values),
        command: fillTemplate(step.command, values),
        why: fillTemplate(step.why, values),
        ...(step.alternative ? { alternative: true } : {}),
      }));
    return {
      id: state.id,
      rule: rule.id,
      action: rule.advice.action,
      severity: state.severity,
      status: state.status,
      title: rule.title,
      summary: fillTemplate(state.escalatedSummary ?? rule.summary, values),
      package: typeof raw.package === "string" ? raw.package : state.context.package,
      deviceGroup: typeof raw.deviceGroup === "string" ? raw.deviceGroup : state.context.deviceGroup,
      node: typeof raw.node === "string" ? raw.node : state.context.node,
      site: typeof raw.site === "string" ? raw.site : null,
      siteInfo: siteInfoOf(raw),
      firstSeen: state.firstSeen,
      lastSeen: state.lastSeen,
      resolvedAt: state.resolvedAt,
      ...(state.supersededBy ? { supersededBy: state.supersededBy.id } : {}),
      checkFirst: [...withheld.map(withheldWarning), ...(rule.advice.checkFirst ?? []).map((text) => fillTemplate(text, values))],
      steps,
      evidence: [...state.evidence],
    };
  }
}

/** The event with its host and node written without their DNS domain (src/model/node-names.ts). */
function withShortNodeNames(event: LogEvent): LogEvent {
  const host = event.host === null ? null : shortNodeName(event.host);
  const node = event.node === null ? null : shortNodeName(event.node);
  return host === event.host && node === event.node ? event : { ...event, host, node };
}
