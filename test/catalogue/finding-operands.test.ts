import { describe, expect, it } from "vitest";
import type { Rule } from "../../src/catalogue/rule.js";
import { validateRule } from "../../src/catalogue/validate.js";

/** A rule keyed by node whose resolution reads the open finding. */
function ruleWith(resolvedBy: Rule["resolvedBy"], match: Rule["match"] = { key: "node", event: { kind: "horcm.error" } }): Rule {
  return {
    id: "finding-operands",
    title: "A test rule",
    severity: "warning",
    description: "for tests",
    summary: "{node}",
    match,
    advice: { action: "investigate", steps: [{ where: "Any node", command: "cmviewcl -v", why: "look" }] },
    resolvedBy,
  };
}

const codes = (rule: Rule): string[] => validateRule(rule, "finding-operands.yaml").map((issue) => issue.code);

describe("reading the open finding in resolvedBy", () => {
  it("accepts $finding.deviceGroup / package / node and finding.event.<field> there", () => {
    const rule = ruleWith([
      { kind: "pair.state", where: { deviceGroup: "$finding.deviceGroup", node: "$finding.node" }, state: { "finding.event.code": ["EX_COMERR"] } },
      { kind: "pkg.started", where: { package: "$finding.package" } },
    ]);
    expect(codes(rule)).not.toContain("unknown-finding-path");
  });

  it("refuses a name the finding does not have, and the finding outside resolvedBy (nothing is open to read there)", () => {
    expect(codes(ruleWith([{ kind: "pair.state", where: { deviceGroup: "$finding.devicegroup" } }]))).toContain("unknown-finding-path");
    expect(codes(ruleWith([{ kind: "pair.state", state: { "finding.fence": "DATA" } }]))).toContain("unknown-finding-path");
    const inMatch = ruleWith(undefined, { key: "node", event: { kind: "horcm.error", where: { deviceGroup: "$finding.deviceGroup" } } });
    expect(codes(inMatch)).toContain("unknown-finding-path");
  });
});
