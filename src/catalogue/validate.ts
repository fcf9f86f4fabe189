/**
Checks a schema-valid rule for what the schema cannot say: id = file name, contract action ids,
known event kinds and state paths, regular expressions, template placeholders, examples that agree
with the advice. Each check is small and returns issues with a JSON pointer the loader maps to a line.
*/

import type { Conditions, EventPattern, Rule } from "./rule.js";
import { ACTION_IDS, EVENT_KINDS } from "./vocabulary.js";
import { FINDING_OPERANDS, isFindingOperand, isKnownStatePath, SITE_PLACEHOLDERS, STATE_PATHS } from "./state-paths.js";
import { placeholdersOf } from "./template.js";
import { severityRank } from "../model/findings.js";

export interface RuleIssue {
  readonly severity: "error" | "warning";
  readonly code: string;
  readonly message: string;
  /** JSON pointer into the rule (`/match/event/kind`). */
  readonly pointer: string;
  readonly hint?: string;
}

const EVENT_PATHS = new Set(["kind", "package", "deviceGroup", "node", "host"]);
const TEMPLATE_NAMES = new Set(["deviceGroup", "package", "node", "host", "site", "fence", "instance", "count", "events", "hours", ...SITE_PLACEHOLDERS]);

/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** "did you mean x? " when a known name is close, else "". */
function suggestion(name: string, known: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const candidateDistance = distance(name.toLowerCase(), candidate.toLowerCase());
    if (candidateDistance < bestDistance) {
      best = candidate;
      bestDistance = candidateDistance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? `did you mean '${best}'? ` : "";
}

function patternsOf(rule: Rule): Array<{ pattern: EventPattern; pointer: string }> {
  const found: Array<{ pattern: EventPattern; pointer: string }> = [];
  if (rule.match.event) found.push({ pattern: rule.match.event, pointer: "/match/event" });
  rule.match.sequence?.forEach((pattern, index) => found.push({ pattern, pointer: `/match/sequence/${index}` }));
  if (rule.match.absent) found.push({ pattern: rule.match.absent.event, pointer: "/match/absent/event" });
  const atLogsEnd = rule.match.absent?.openWhenLogsEnd;
  if (typeof atLogsEnd === "object" && rule.match.event)
    found.push({ pattern: { kind: rule.match.event.kind, state: atLogsEnd.state }, pointer: "/match/absent/openWhenLogsEnd" });
  rule.match.related?.events.forEach((pattern, index) => found.push({ pattern, pointer: `/match/related/events/${index}` }));
  rule.resolvedBy?.forEach((pattern, index) => found.push({ pattern, pointer: `/resolvedBy/${index}` }));
  return found;
}

function conditionEntries(conditions: Conditions | undefined, pointer: string): Array<{ path: string; value: unknown; pointer: string }> {
  if (!conditions) return [];
  const entries: Array<{ path: string; value: unknown; pointer: string }> = [];
  for (const [path, value] of Object.entries(conditions)) {
    if (path === "anyOf" || path === "noneOf") {
      (value as Conditions[]).forEach((inner, index) => entries.push(...conditionEntries(inner, `${pointer}/${path}/${index}`)));
    } else {
      entries.push({ path, value, pointer: `${pointer}/${path}` });
    }
  }
  return entries;
}

/** `$path` references inside a condition value. */
function references(value: unknown): string[] {
  if (typeof value === "string") return value.startsWith("$") ? [value.slice(1)] : [];
  if (Array.isArray(value)) return value.flatMap(references);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(references);
  return [];
}

function regexes(value: unknown): string[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && typeof (value as { matches?: unknown }).matches === "string") {
    return [(value as { matches: string }).matches];
  }
  return [];
}

/** One check: what it finds wrong with a rule, in the order it finds it. */
type RuleCheck = (rule: Rule, fileName: string) => RuleIssue[];

/** One check of one event pattern (`pointer` names where the pattern sits in the rule). */
type PatternCheck = (pattern: EventPattern, pointer: string) => RuleIssue[];

function idIsFileName(rule: Rule, fileName: string): RuleIssue[] {
  const expectedId = fileName.replace(/\.ya?ml$/, "");
  if (rule.id === expectedId) return [];
  return [
    {
      severity: "error",
      code: "id-file-name",
      message: `id '${rule.id}' differs from the file name '${fileName}'`,
      pointer: "/id",
      hint: `rename the file to ${rule.id}.yaml or set id: ${expectedId}`,
    },
  ];
}

function actionIsContract(rule: Rule): RuleIssue[] {
  if (rule.advice.action in ACTION_IDS) return [];
  return [
    {
      severity: "error",
      code: "unknown-action",
      message: `action '${rule.advice.action}' is not a contract action id`,
      pointer: "/advice/action",
      hint: `${suggestion(rule.advice.action, Object.keys(ACTION_IDS))}use one of: ${Object.keys(ACTION_IDS).join(", ")}`,
    },
  ];
}

function eachPackageHasPackageKey(rule: Rule): RuleIssue[] {
  if (!rule.match.eachPackageOnNode || rule.match.key === "package") return [];
  return [
    {
      severity: "warning",
      code: "each-package-key",
      message: "eachPackageOnNode gives each package its own finding only with key: package",
      pointer: "/match/eachPackageOnNode",
      hint: "add match.key: package",
    },
  ];
}

function sequenceHasWindow(rule: Rule): RuleIssue[] {
  if (!rule.match.sequence || rule.match.within !== undefined) return [];
  return [
    {
      severity: "warning",
      code: "sequence-without-window",
      message: "the sequence has no 'within': its steps may be days apart",
      pointer: "/match/sequence",
      hint: "add match.within, e.g. 1h",
    },
  ];
}

const kindsAreKnown: PatternCheck = (pattern, pointer) => {
  const kinds = typeof pattern.kind === "string" ? [pattern.kind] : pattern.kind;
  return kinds.flatMap((kind, index): RuleIssue[] =>
    EVENT_KINDS.includes(kind)
      ? []
      : [
          {
            severity: "warning",
            code: "unknown-kind",
            message: `event kind '${kind}' is not in docs/events.md: no grammar emits it`,
            pointer: typeof pattern.kind === "string" ? `${pointer}/kind` : `${pointer}/kind/${index}`,
            hint: `${suggestion(kind, EVENT_KINDS)}known kinds: ${EVENT_KINDS.join(", ")}`,
          },
        ],
  );
};

const statePathsAreKnown: PatternCheck = (pattern, pointer) =>
  conditionEntries(pattern.state, `${pointer}/state`).flatMap((entry): RuleIssue[] =>
    entry.path.startsWith("finding.")
      ? findingReferenceIssues(entry.path, entry.pointer)
      : isKnownStatePath(entry.path)
        ? []
        : [
            {
              severity: "warning",
              code: "unknown-state-path",
              message: `state path '${entry.path}' is not known to the pair model`,
              pointer: entry.pointer,
              hint: `${suggestion(entry.path, STATE_PATHS)}known paths: ${STATE_PATHS.join(", ")}`,
            },
          ],
  );

/** `finding.<name>` (a state path) or `$finding.<name>` (an operand) reads the open finding: only in resolvedBy. */
function findingReferenceIssues(reference: string, pointer: string): RuleIssue[] {
  const name = reference.replace(/^\$?finding\./, "");
  if (pointer.startsWith("/resolvedBy/") && isFindingOperand(name)) return [];
  return [
    {
      severity: "error",
      code: "unknown-finding-path",
      message: `'${reference}' names the open finding: only in resolvedBy, and only ${FINDING_OPERANDS.map((operand) => `finding.${operand}`).join(", ")}`,
      pointer,
    },
  ];
}

/**
A condition's value: its `$path` references name known state paths (in `resolvedBy`, also `$finding.<name>`: the
open finding's package, device group or node), its regular expressions compile.
*/
function conditionValueIssues(entry: { value: unknown; pointer: string }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const reference of references(entry.value)) {
    if (reference.startsWith("finding.")) {
      issues.push(...findingReferenceIssues(`$${reference}`, entry.pointer));
    } else if (!isKnownStatePath(reference)) {
      issues.push({
        severity: "warning",
        code: "unknown-state-path",
        message: `'$${reference}' is not a known state path`,
        pointer: entry.pointer,
        hint: `known paths: ${STATE_PATHS.join(", ")}`,
      });
    }
  }
  for (const source of regexes(entry.value)) {
    try {
      new RegExp(source, "i");
    } catch (error) {
      issues.push({ severity: "error", code: "bad-regex", message: `invalid regular expression: ${(error as Error).message}`, pointer: entry.pointer });
    }
  }
  return issues;
}

const conditionValuesAreSound: PatternCheck = (pattern, pointer) =>
  [...conditionEntries(pattern.where, `${pointer}/where`), ...conditionEntries(pattern.state, `${pointer}/state`)].flatMap(conditionValueIssues);

// Field names are open (grammars may add fields); a dotted name other than fields.x is a typo for a state path.
const whereNamesFields: PatternCheck = (pattern, pointer) =>
  conditionEntries(pattern.where, `${pointer}/where`).flatMap((entry): RuleIssue[] =>
    entry.path.includes(".") && !entry.path.startsWith("fields.") && !EVENT_PATHS.has(entry.path)
      ? [
          {
            severity: "warning",
            code: "where-state-path",
            message: `'${entry.path}' in 'where' looks like a state path`,
            pointer: entry.pointer,
            hint: "move it under 'state', or name the event field without dots",
          },
        ]
      : [],
  );

/** Run on every event pattern of a rule, one pattern after the other. */
const PATTERN_CHECKS: readonly PatternCheck[] = [kindsAreKnown, statePathsAreKnown, conditionValuesAreSound, whereNamesFields];

function patternsAreSound(rule: Rule): RuleIssue[] {
  return patternsOf(rule).flatMap(({ pattern, pointer }) => PATTERN_CHECKS.flatMap((check) => check(pattern, pointer)));
}

function stepConditionsAreKnown(rule: Rule): RuleIssue[] {
  return rule.advice.steps.flatMap((step, index) =>
    conditionEntries(step.when, `/advice/steps/${index}/when`).flatMap((entry): RuleIssue[] =>
      TEMPLATE_NAMES.has(entry.path) || isKnownStatePath(entry.path)
        ? []
        : [
            {
              severity: "error",
              code: "unknown-step-condition",
              message: `'${entry.path}' is neither a template name nor a state path: the step would never show`,
              pointer: entry.pointer,
              hint: `${suggestion(entry.path, STATE_PATHS)}use ${[...TEMPLATE_NAMES].join(", ")} or a state path`,
            },
          ],
    ),
  );
}

function firstStepIsNotAlternative(rule: Rule): RuleIssue[] {
  if (rule.advice.steps[0]?.alternative !== true) return [];
  return [
    {
      severity: "error",
      code: "alternative-first",
      message: "the first step is marked alternative, but there is no step above it to be an alternative to",
      pointer: "/advice/steps/0/alternative",
      hint: "remove alternative: true from it, or move it under the step it replaces",
    },
  ];
}

function someStepIsUnconditional(rule: Rule): RuleIssue[] {
  if (!rule.advice.steps.every((step) => step.when !== undefined)) return [];
  return [
    { severity: "warning", code: "no-unconditional-step", message: "every step has a 'when': a finding may show no step at all", pointer: "/advice/steps" },
  ];
}

/** Every text of a rule that is filled as a template, with where it sits. */
function templatesOf(rule: Rule): Array<{ text: string; pointer: string }> {
  const templates: Array<{ text: string; pointer: string }> = [{ text: rule.summary, pointer: "/summary" }];
  rule.escalate?.forEach((step, index) => step.summary && templates.push({ text: step.summary, pointer: `/escalate/${index}/summary` }));
  rule.advice.checkFirst?.forEach((text, index) => templates.push({ text, pointer: `/advice/checkFirst/${index}` }));
  rule.advice.steps.forEach((step, index) => {
    for (const part of ["where", "command", "why"] as const) templates.push({ text: step[part], pointer: `/advice/steps/${index}/${part}` });
  });
  return templates;
}

function placeholdersHaveSources(rule: Rule): RuleIssue[] {
  return templatesOf(rule).flatMap(({ text, pointer }) =>
    placeholdersOf(text).flatMap((name): RuleIssue[] => {
      const known = TEMPLATE_NAMES.has(name) || name.startsWith("event.") || name.startsWith("max.") || isKnownStatePath(name);
      return known
        ? []
        : [
            {
              severity: "warning",
              code: "unknown-placeholder",
              message: `placeholder '{${name}}' has no source: it will print as <${name}>`,
              pointer,
              hint: `use ${[...TEMPLATE_NAMES].join(", ")}, event.<field>, max.<field> or a state path`,
            },
          ];
    }),
  );
}

function escalationsRaise(rule: Rule): RuleIssue[] {
  return (rule.escalate ?? []).flatMap((step, index): RuleIssue[] => {
    const lower = severityRank[step.severity] < severityRank[rule.severity];
    if (!lower && !(severityRank[step.severity] === severityRank[rule.severity] && !step.summary)) return [];
    return [
      {
        severity: "warning",
        code: "escalation-not-higher",
        message: `escalation to ${step.severity} neither raises the severity ${rule.severity} nor changes the summary`,
        pointer: `/escalate/${index}/severity`,
      },
    ];
  });
}

function examplesExpectTheAction(rule: Rule): RuleIssue[] {
  return (rule.examples?.fire ?? []).flatMap((example, index): RuleIssue[] =>
    example.expect?.action === undefined || example.expect.action === rule.advice.action
      ? []
      : [
          {
            severity: "error",
            code: "example-action",
            message: `example expects action '${example.expect.action}' but the rule gives '${rule.advice.action}'`,
            pointer: `/examples/fire/${index}/expect/action`,
          },
        ],
  );
}

/** The checks of one rule, in the order their issues are reported (`rules lint` prints them so). */
const RULE_CHECKS: readonly RuleCheck[] = [
  idIsFileName,
  actionIsContract,
  eachPackageHasPackageKey,
  sequenceHasWindow,
  patternsAreSound,
  stepConditionsAreKnown,
  firstStepIsNotAlternative,
  someStepIsUnconditional,
  placeholdersHaveSources,
  escalationsRaise,
  examplesExpectTheAction,
];

export function validateRule(rule: Rule, fileName: string): RuleIssue[] {
  return RULE_CHECKS.flatMap((check) => check(rule, fileName));
}

/** Cross-rule checks (after every file is loaded): titles used twice confuse the operator. */
export function validateRuleSet(rules: readonly Rule[]): Array<RuleIssue & { path: string; line?: number }> {
  const issues: Array<RuleIssue & { path: string; line?: number }> = [];
  const ids = new Set(rules.map((rule) => rule.id));
  for (const rule of rules) {
    rule.match.setAsideBy?.rules.forEach((ruleId, index) => {
      if (!ids.has(ruleId)) {
        issues.push({
          severity: "warning",
          code: "unknown-rule",
          message: `setAsideBy names '${ruleId}', which is not loaded`,
          pointer: `/match/setAsideBy/rules/${index}`,
          path: rule.source?.path ?? rule.id,
          hint: "use the id of a loaded rule",
        });
      }
    });
    for (const field of ["unlessOpen", "supersedes"] as const) {
      const named = rule.match[field];
      if (named === "any") continue;
      named?.forEach((ruleId, index) => {
        if (!ids.has(ruleId)) {
          issues.push({
            severity: "warning",
            code: "unknown-rule",
            message: `${field} names '${ruleId}', which is not loaded`,
            pointer: `/match/${field}/${index}`,
            path: rule.source?.path ?? rule.id,
            hint: "use the id of a loaded rule",
          });
        }
      });
    }
  }
  const titles = new Map<string, Rule>();
  for (const rule of rules) {
    const earlier = titles.get(rule.title.toLowerCase());
    if (earlier) {
      issues.push({
        severity: "warning",
        code: "duplicate-title",
        message: `title also used by rule '${earlier.id}'`,
        pointer: "/title",
        path: rule.source?.path ?? rule.id,
        line: rule.source?.idLine,
        hint: "titles tell findings apart: make them specific",
      });
    }
    titles.set(rule.title.toLowerCase(), rule);
  }
  return issues;
}
