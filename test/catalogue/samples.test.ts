import { describe, expect, it } from "vitest";
import { analyseFiles, parseBundle } from "../../src/pipeline/rule-examples.js";
import { RuleEngine } from "../../src/correlate/engine.js";
import { loadRules } from "../../src/catalogue/load.js";
import type { Finding } from "../../src/model/findings.js";
import { expectedFindings, scenarioFiles, scenarios } from "../helpers/samples-files.js";

const { rules } = loadRules([], { collectErrors: true });
type Comparable = { action: string; severity: string; status: string; package: string | null; deviceGroup: string | null };
const describeFinding = (finding: Comparable | Finding) =>
  `${finding.action} ${finding.severity} ${finding.status} package=${String(finding.package)} deviceGroup=${String(finding.deviceGroup)}`;

/**
Each sample scenario, parsed by the real parser and run through the built-in catalog, gives the
findings its expected-findings.json lists (action, severity, status, package, device group), none of
its mustNotInclude actions, and no warning or critical finding the expert did not expect.
*/
/** The rules some sample scenario's findings come from (filled while the scenarios below are collected). */
const firedOnSamples = new Set<string>();

describe.each(scenarios())("sample %s", (scenario) => {
  const expected = expectedFindings(scenario);
  const findings = analyseFiles(rules, scenarioFiles(scenario));
  for (const finding of findings) firedOnSamples.add(finding.rule);
  const got = findings.map(describeFinding);

  it("gives every expected finding (from the rule named, when the expert named one)", () => {
    for (const wanted of expected.findings) {
      expect(got).toContain(describeFinding(wanted));
      if (wanted.rule !== undefined) {
        const fromRule = findings.filter((finding) => finding.rule === wanted.rule).map(describeFinding);
        expect(fromRule, `rule ${wanted.rule}`).toContain(describeFinding(wanted));
      }
    }
  });

  it("gives none of the actions that would be wrong", () => {
    for (const action of expected.mustNotInclude ?? []) {
      expect(findings.filter((finding) => finding.action === action).map((finding) => `${finding.rule}: ${describeFinding(finding)}`)).toEqual([]);
    }
  });

  it("raises no warning or critical finding the expert did not expect", () => {
    const expectedActions = new Set(expected.findings.map((finding) => finding.action));
    const surprises = findings
      .filter((finding) => finding.severity !== "info" && finding.status === "open" && !expectedActions.has(finding.action))
      .map((finding) => `${finding.rule}: ${describeFinding(finding)}`);
    expect(surprises).toEqual([]);
  });
});

/** Following the logs live (watermarks and drains along the way) ends with the findings of one replay. */
describe.each(scenarios())("sample %s live", (scenario) => {
  it("gives the same findings, ids included, as a replay", () => {
    const { events, lastTs } = parseBundle(scenarioFiles(scenario));
    const replay = new RuleEngine(rules);
    for (const event of events) replay.push(event);
    if (lastTs !== null) replay.advance(lastTs);

    const live = new RuleEngine(rules);
    // Every finding is told opened (once, or again when a finding that set it aside resolves).
    const opened = new Set<string>();
    events.forEach((event, index) => {
      live.push(event);
      const next = events[index + 1];
      const lineDone = !next || next.source.file !== event.source.file || next.source.line !== event.source.line;
      // As watch does: after each line, drain; now and then a watermark.
      if (!lineDone) return;
      if (index % 7 === 0 && event.ts !== null) live.advance(event.ts);
      for (const change of live.drainChanges()) if (change.change === "opened") opened.add(change.finding.id);
    });
    if (lastTs !== null) live.advance(lastTs);
    for (const change of live.drainChanges()) if (change.change === "opened") opened.add(change.finding.id);

    expect(live.findings()).toEqual(replay.findings());
    expect(opened.size).toBe(replay.findings().length);
  });
});

describe("the sample scenarios", () => {
  it("show every built-in rule at work at least once (docs/rules.md says which one)", () => {
    expect(rules.map((rule) => rule.id).filter((id) => !firedOnSamples.has(id))).toEqual([]);
  });
});
