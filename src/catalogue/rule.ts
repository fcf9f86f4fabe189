/**
The shape of a rule once loaded from rules/*.yaml (validated against rules/rule.schema.json).
docs/rules.md explains every field with examples; the engine (src/correlate/) reads only this.
*/

import type { Severity } from "../model/findings.js";
import type { Scalar } from "../model/events.js";

/**
A test on one value. A scalar means "equals" (strings case-insensitively), a list means "any of",
an object combines operators (all must hold). A string starting with `$` names a state path whose
value is used instead (`lte: $setting.HORCTIMEOUT`).
*/
export type Condition = Scalar | readonly Scalar[] | ConditionOperators;

export interface ConditionOperators {
  readonly eq?: Scalar;
  readonly in?: readonly Scalar[];
  readonly not?: Scalar | readonly Scalar[];
  readonly exists?: boolean;
  readonly gt?: number | string;
  readonly gte?: number | string;
  readonly lt?: number | string;
  readonly lte?: number | string;
  /** A regular expression (case-insensitive) the value's text must match. */
  readonly matches?: string;
}

/** Path → condition, all must hold; `anyOf` / `noneOf` add alternatives. */
export interface Conditions {
  readonly [path: string]: Condition | readonly Conditions[] | undefined;
  readonly anyOf?: readonly Conditions[];
  readonly noneOf?: readonly Conditions[];
}

/** One event to look for: its kind, tests on its own fields (`where`) and on the pair model (`state`). */
export interface EventPattern {
  readonly kind: string | readonly string[];
  readonly where?: Conditions;
  readonly state?: Conditions;
}

export type CorrelationKey = "deviceGroup" | "package" | "node" | "cluster";

export interface RuleMatch {
  /** What one finding is about: one per device group (default), package, node, or the whole cluster. */
  readonly key?: CorrelationKey;
  /** A single event (shorthand for a one-step sequence). */
  readonly event?: EventPattern;
  /** Events in this order, all with the same key, within `within` of the first. */
  readonly sequence?: readonly EventPattern[];
  readonly within?: string;
  /**
  The (last) pattern must match at least `atLeast` times within `within`; with `sameFields`, events that agree on these
  fields (a null on either side agrees with anything): the command devices of one instance, not of any on the node.
  */
  readonly count?: { readonly atLeast: number; readonly within: string; readonly sameFields?: readonly string[] };
  /** Earlier events (same key, within `within`, default 1h) shown as evidence; they never make the rule fire. */
  readonly related?: { readonly events: readonly EventPattern[]; readonly within?: string };
  /**
  Do not open while one of these rules has an open finding with the same key, device group or package; `any`: while
  any other rule's finding at least as severe as this rule does (a rule that speaks only when nothing else does).
  */
  readonly unlessOpen?: readonly string[] | "any";
  /**
  While this rule's finding is open, open findings of these rules with the same key, device group or package
  are set aside (status `superseded`): their advice is what this situation forbids. They open again when it resolves.
  */
  readonly supersedes?: readonly string[];
  /**
  The other direction, stated by the rule that steps aside: while an open finding of one of `rules` shares this finding's
  key, device group or package (or, with `scope: consistencyGroup`, is about a device group in the same consistency group
  as this finding's), this finding is set aside (status `superseded`); it opens again when that finding resolves.
  */
  readonly setAsideBy?: { readonly rules: readonly string[]; readonly scope?: "finding" | "consistencyGroup" };
  /**
  A last resort ("no specific rule explains this"): open only when no other rule's finding matched an
  event of the same package or device group within FALLBACK_WINDOW_MS before or after (src/correlate/fallback.ts).
  */
  readonly fallback?: boolean;
  /** An event that names no package counts once for each package running on its node (with `key: package`). */
  readonly eachPackageOnNode?: boolean;
  /** Fire only when this event does not follow the trigger within `within` (same key). */
  /**
  `openWhenLogsEnd`: analyze opens the finding when the logs end first (the outcome was never logged); `only`: then
  and never at the deadline (another rule speaks once the wait is over, this one for logs that stop before it);
  `{ state }`: then only when these conditions hold on the model at the logs' end (what the wait was for is proven
  already: a suspension both sides reported, the package still running on the P-VOL side).
  */
  readonly absent?: {
    readonly event: EventPattern;
    readonly within: string;
    readonly openWhenLogsEnd?: boolean | "only" | { readonly state: Conditions };
    /** Fields the awaited event must share with the one that started the wait (either side's null matches anything). */
    readonly sameFields?: readonly string[];
    /**
    `first`: with a sequence, the awaited event also counts when it comes between the steps, from the first one on
    (it drops the match under way): switching enabled between the disable and the restart answers as well as after.
    Default `last`: only after the match is complete.
    */
    readonly since?: "first" | "last";
    /** A state path giving a time (`split.at`): the wait counts from it when it is earlier than the match. */
    readonly from?: string;
  };
}

export interface Escalation {
  /** How long the finding has been open (event time), e.g. `24h`. */
  readonly after: string;
  readonly severity: Severity;
  /** Replaces the summary once escalated; `{hours}` is the open time in whole hours. */
  readonly summary?: string;
}

export interface RuleStep {
  readonly where: string;
  readonly command: string;
  readonly why: string;
  /** The step applies only when the finding's captured values match (`local.role: PVOL`). */
  readonly when?: Conditions;
  /** Done instead of the step above, not after it (src/present/steps.ts shows it so). */
  readonly alternative?: boolean;
}

export interface RuleAdvice {
  readonly action: string;
  readonly checkFirst?: readonly string[];
  readonly steps: readonly RuleStep[];
}

export interface ExampleFile {
  readonly path: string;
  readonly text: string;
}

export interface Example {
  readonly name?: string;
  readonly files: readonly ExampleFile[];
  /** Analysis end (event time `YYYY-MM-DD HH:MM:SS`) for absence and escalation; default: the last event. */
  readonly until?: string;
  readonly year?: number;
  readonly expect?: {
    readonly action?: string;
    readonly status?: "open" | "resolved" | "superseded";
    readonly severity?: Severity;
    readonly deviceGroup?: string | null;
    readonly package?: string | null;
    /** Substrings of step commands that must appear, in this order. */
    readonly commands?: readonly string[];
    /** Substrings no step command may contain. */
    readonly notCommands?: readonly string[];
  };
}

export interface Rule {
  readonly id: string;
  readonly title: string;
  readonly severity: Severity;
  readonly escalate?: readonly Escalation[];
  readonly description: string;
  /** One line with the facts filled in (templates as in steps). */
  readonly summary: string;
  readonly references?: readonly string[];
  readonly match: RuleMatch;
  readonly advice: RuleAdvice;
  /** Any one of these events (with the same key) closes an open finding. */
  readonly resolvedBy?: readonly EventPattern[];
  readonly examples?: { readonly fire?: readonly Example[]; readonly notFire?: readonly Example[] };
  /** Where the rule came from (set by the loader). */
  readonly source?: { readonly path: string; readonly builtIn: boolean; readonly idLine?: number };
}
