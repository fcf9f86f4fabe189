/**
The README's main command, `mcadvisor analyze samples`: every incident analysed in one run, through
the store, gives each bundle the findings its expected-findings.json lists, as analysing it alone does.
(Incidents whose logs share content must not borrow each other's lines.)
*/
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { expectedFindings, samplesDirectory, scenarios } from "../helpers/samples-files.js";

interface Finding {
  action: string;
  severity: string;
  status: string;
  package: string | null;
  deviceGroup: string | null;
  bundle: string;
  rule: string;
}

const describeFinding = (finding: Omit<Finding, "bundle" | "rule">): string =>
  `${finding.action} ${finding.severity} ${finding.status} package=${String(finding.package)} deviceGroup=${String(finding.deviceGroup)}`;

describe("analyze samples", () => {
  it("gives every incident its expected findings and no unexpected warning", () => {
    const result = runMcadvisor(["analyze", "--db", join(tempDir(), "all.db"), "--format", "json", "samples"]);
    // The notices samples give on purpose: clock-stepped-command-before-failure says which of nodeB2's lines were moved,
    // undated-output-state-not-in-logs that its saved pairdisplay has no time.
    const expectedNotices = [
      /clock-stepped-command-before-failure: nodeB2's clock was stepped by -2400 s/,
      /undated-output-state-not-in-logs\/nodeA1\/root\/pd_oradg_2310\.txt holds Raid Manager output that shows pairs out of PAIR/,
    ];
    expect(result.stderr.split("\n").filter((line) => line !== "" && !expectedNotices.some((notice) => notice.test(line)))).toEqual([]);
    const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
    const problems: string[] = [];
    for (const scenario of scenarios()) {
      const bundle = join(samplesDirectory, scenario);
      const expected = expectedFindings(scenario);
      const got = findings.filter((finding) => finding.bundle === bundle);
      const gotDescribed = got.map(describeFinding);
      for (const wanted of expected.findings) {
        if (!gotDescribed.includes(describeFinding(wanted))) problems.push(`${scenario}: missing ${describeFinding(wanted)}`);
      }
      const expectedActions = new Set(expected.findings.map((finding) => finding.action));
      for (const finding of got) {
        if (finding.severity !== "info" && finding.status === "open" && !expectedActions.has(finding.action)) {
          problems.push(`${scenario}: unexpected ${finding.rule}: ${describeFinding(finding)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
