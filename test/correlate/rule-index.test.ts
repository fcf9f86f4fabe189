import { describe, expect, it } from "vitest";
import { RuleEngine } from "../../src/correlate/engine.js";
import { compileConditions, testConditions } from "../../src/correlate/conditions.js";
import { parseBundle } from "../../src/pipeline/rule-examples.js";
import { loadRules } from "../../src/catalogue/load.js";
import type { Conditions, Rule } from "../../src/catalogue/rule.js";
import type { LogEvent, Scalar } from "../../src/model/events.js";
import { scenarioFiles, scenarios } from "../helpers/samples-files.js";

/*
The engine looks at an event only with the rules whose patterns can match it (src/correlate/engine.ts,
RuleEngine.evaluate). `indexRules: false` makes every rule look at every event: the reference these
tests compare with, finding for finding and change for change.
*/

const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);
const MINUTE = 60_000;

let line = 0;
function event(kind: string, at: number | null, extra: Partial<Omit<LogEvent, "fields">> & { fields?: Record<string, Scalar> } = {}): LogEvent {
  line++;
  return {
    id: 0,
    kind,
    ts: at,
    host: "nodeA1",
    package: null,
    deviceGroup: "oradg",
    node: null,
    source: { file: "nodeA1/var/adm/syslog/syslog.log", line },
    raw: `line ${line} ${kind}`,
    ...extra,
    fields: extra.fields ?? {},
  };
}

function rule(id: string, partial: Partial<Rule> & Pick<Rule, "match">): Rule {
  return {
    id,
    title: "A test rule",
    severity: "warning",
    description: "for tests",
    summary: "{deviceGroup}",
    advice: { action: "full-resync", steps: [{ where: "P-VOL side", command: "pairresync -g {deviceGroup}", why: "resync" }] },
    ...partial,
  };
}

/** Both engines over the same events, draining after every event and now and then a watermark, as watch does. */
function runBoth(rules: readonly Rule[], events: readonly LogEvent[], end: number | null) {
  const run = (indexRules: boolean) => {
    const engine = new RuleEngine(rules, { indexRules });
    const changes: unknown[] = [];
    events.forEach((each, index) => {
      engine.push(each);
      if (index % 5 === 0 && each.ts !== null) engine.advance(each.ts);
      changes.push(...engine.drainChanges());
    });
    if (end !== null) engine.advance(end);
    engine.finish();
    changes.push(...engine.drainChanges());
    return { findings: engine.findings(), changes, evaluations: engine.ruleEvaluations };
  };
  return { indexed: run(true), reference: run(false) };
}

describe("rule index", () => {
  const suspended = rule("suspended", { match: { event: { kind: "pair.state", where: { state: ["PSUE", "PSUS"] } } } });

  it("evaluates a rule for an event of a kind it names, and not for an event of another kind", () => {
    const engine = new RuleEngine([suspended]);
    engine.push(event("pkg.started", T0, { package: "pkgA" }));
    engine.findings();
    expect(engine.ruleEvaluations).toBe(0);
    engine.push(event("pair.state", T0 + MINUTE, { fields: { state: "PSUE" } }));
    expect(engine.findings()).toHaveLength(1);
    expect(engine.ruleEvaluations).toBe(1);
  });

  it("skips a rule whose event-only conditions fail, but not one whose conditions read the event's context", () => {
    const byContext = rule("by-package", { match: { key: "package", event: { kind: "pair.state", where: { package: "pkgA" } } } });
    const engine = new RuleEngine([suspended, byContext]);
    engine.push(event("pair.state", T0, { fields: { state: "PAIR" } }));
    engine.findings();
    // `state: PAIR` rules out `suspended` on the event alone; `package` is resolved through the model.
    expect(engine.ruleEvaluations).toBe(1);
  });

  it("gives the findings and changes of the unindexed engine, and looks at fewer rules", () => {
    const rules = [
      suspended,
      rule("count", { match: { event: { kind: "cmcld.starved" }, count: { atLeast: 2, within: "10m" } } }),
      rule("never-resynced", {
        match: {
          event: { kind: "pair.state", where: { state: "PSUE" } },
          absent: { event: { kind: "pair.state", state: { "pair.synced": true } }, within: "30m" },
        },
      }),
    ];
    const events = [
      event("pkg.started", T0, { package: "pkgA" }),
      event("cmcld.starved", T0 + MINUTE),
      event("pair.state", T0 + 2 * MINUTE, { fields: { side: "local", role: "PVOL", state: "PSUE" } }),
      event("admin.command", T0 + 3 * MINUTE),
      event("cmcld.starved", T0 + 4 * MINUTE),
      event("pair.state", T0 + 5 * MINUTE, { fields: { side: "local", role: "PVOL", state: "PAIR" } }),
      event("admin.command", T0 + 60 * MINUTE),
    ];
    const { indexed, reference } = runBoth(rules, events, T0 + 90 * MINUTE);
    expect(indexed.findings.length).toBeGreaterThan(0);
    expect(indexed.findings).toEqual(reference.findings);
    expect(indexed.changes).toEqual(reference.changes);
    expect(indexed.evaluations).toBeLessThan(reference.evaluations);
  });

  it("re-checks a waiting rule at its deadline on the model that events no rule names have changed", () => {
    // The rule names only pair.state; the package start it waits on comes as pkg.started, which no rule names.
    const waiting = rule("waiting", {
      match: {
        key: "package",
        event: { kind: "pair.state", where: { state: "SSWS" }, state: { "package.running": false } },
        absent: { event: { kind: "pair.state", where: { state: "PAIR" } }, within: "10m" },
      },
    });
    const events = [
      event("pair.state", T0, { package: "pkgA", fields: { side: "local", role: "SVOL", state: "SSWS" } }),
      event("pkg.started", T0 + MINUTE, { package: "pkgA", host: "nodeB1", fields: {} }),
      event("admin.command", T0 + 20 * MINUTE),
    ];
    const { indexed, reference } = runBoth([waiting], events, T0 + 30 * MINUTE);
    expect(indexed.findings).toEqual(reference.findings);
    expect(indexed.changes).toEqual(reference.changes);
  });

  it("lets a pending sequence drop its expired starts on an event it cannot match, as the full pass does (events that step back)", () => {
    const sequence = rule("sequence", {
      match: {
        sequence: [
          { kind: "pair.state", where: { state: "PSUE" } },
          { kind: "pair.state", where: { state: "SSWS" } },
        ],
        within: "10m",
      },
    });
    const events = [
      event("pair.state", T0, { fields: { state: "PSUE" } }),
      // Matches no step, 20 minutes later: the start above expires here.
      event("pair.state", T0 + 20 * MINUTE, { fields: { state: "COPY" } }),
      // Logged before the start expired, read after (another node's file): no longer completes it.
      event("pair.state", T0 + 5 * MINUTE, { fields: { state: "SSWS" } }),
    ];
    const { indexed, reference } = runBoth([sequence], events, T0 + 30 * MINUTE);
    expect(reference.findings).toEqual([]);
    expect(indexed.findings).toEqual(reference.findings);
  });

  it("gives every sample scenario's findings and changes exactly as the unindexed engine does", () => {
    const { rules } = loadRules([], { collectErrors: true });
    let saved = 0;
    for (const scenario of scenarios()) {
      const { events, lastTs } = parseBundle(scenarioFiles(scenario));
      const { indexed, reference } = runBoth(rules, events, lastTs);
      expect(indexed.findings, scenario).toEqual(reference.findings);
      expect(indexed.changes, scenario).toEqual(reference.changes);
      saved += reference.evaluations - indexed.evaluations;
    }
    expect(saved).toBeGreaterThan(0);
  });
});

describe("compiled conditions", () => {
  const cases: Array<[Conditions, Record<string, Scalar>]> = [
    [{ state: ["psue", "PSUS"] }, { state: "PSUE" }],
    [{ state: "PAIR" }, { state: "pair" }],
    [{ code: { not: ["EX_ENORMT", "EX_CMDIOE"] } }, { code: "ex_enormt" }],
    [{ percent: { gte: 50, lt: "70" } }, { percent: "60" }],
    [{ percent: { gt: "$limit" } }, { percent: 80, limit: 70 }],
    [{ usage: { exists: true } }, {}],
    [{ usage: { exists: false }, flag: null }, { flag: null }],
    [{ text: { matches: "^horc.*fail" } }, { text: "HORCM start FAILED" }],
    [
      { anyOf: [{ a: 1 }, { b: "x" }], noneOf: [{ c: true }] },
      { a: 2, b: "X", c: false },
    ],
    [
      { anyOf: [{ a: 1 }], noneOf: [{ c: true }] },
      { a: 1, c: true },
    ],
    [{ count: "$expected" }, { count: 3, expected: "3" }],
    [{ flag: true }, { flag: "true" }],
    [{ missing: null }, {}],
  ];
  it.each(cases)("%j on %j answers as testConditions does", (conditions, values) => {
    const lookup = (path: string): Scalar | undefined => values[path];
    expect(compileConditions(conditions)(lookup)).toBe(testConditions(conditions, lookup));
  });
});

describe("case-insensitive equality", () => {
  // Rule constants are compared without case; the ASCII fast path must answer as toUpperCase does.
  const pairs: Array<[string, string]> = [
    ["PAIR", "pair"],
    ["PAIR", "PSUE"],
    ["PSUE", "psue"],
    ["PAIR", "PAIRS"],
    ["PAIR", ""],
    ["STRASSE", "straße"],
    ["STRASSE", "strasse"],
    ["ÉTAT", "état"],
    ["ÉTAT", "etat"],
    ["A1-B_2", "a1-b_2"],
    ["[A]", "{a}"],
  ];
  it.each(pairs)("%j against %j answers as toUpperCase does", (expected, actual) => {
    const lookup = (): Scalar | undefined => actual;
    const reference = actual === expected || actual.toUpperCase() === expected.toUpperCase();
    expect(testConditions({ value: expected }, lookup)).toBe(reference);
    expect(compileConditions({ value: expected })(lookup)).toBe(reference);
  });
});
