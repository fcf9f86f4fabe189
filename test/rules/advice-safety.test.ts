import { describe, expect, it } from "vitest";
import { loadRules } from "../../src/advise/load.js";
import type { Rule } from "../../src/advise/rule.js";
import { severityRank } from "../../src/model/findings.js";

/**
Invariants of the advice that an operator may run at night: the steps that can hurt come with what makes
them safe. They hold for the rules reviewed in the safety pass of issue 17; a rule is added to the list
once its advice was checked against the manuals.
*/
const REVIEWED = new Set([
  "automated-link-failure-psuepsus", "cmcld-starved-member-timeout", "continental-alarm", "continental-alert",
  "continental-monitor-not-running", "failback-after-failover", "failback-auto-psuepsus", "failback-continental",
  "full-resync-after-fence-data-split", "full-resync-after-link-failure", "full-resync-after-recovery-array-failure",
  "horcm-config-changed-not-restarted", "horctakeover-timeout", "package-cannot-move", "package-down-after-takeover",
  "package-halt-failure", "package-run-failure", "pair-consistency-error", "pairs-left-split", "pairs-suspended-no-resync",
  "quorum-lost-cluster-halted", "raid-manager-instance-error", "recreate-pairs-both-smpl", "run-script-timeout",
  "run-script-timeout-below-horctimeout", "run-script-timeout-too-short", "serviceguard-daemon-died",
  "start-refused-fencedata-split", "start-refused-noncurdata", "start-refused-psuepsus", "start-refused-psussssws",
  "start-refused-svolpfus", "start-refused-svolpsue", "start-refused-svolpsus", "swap-resync-after-takeover",
]);

const { rules } = loadRules([], { collectErrors: true });
const reviewed = rules.filter((rule) => REVIEWED.has(rule.id));

const stepsOf = (rule: Rule) => rule.advice.steps;

describe.each(reviewed.map((rule) => [rule.id, rule] as const))("advice of %s", (_id, rule) => {
  it("says what to do when pairevtwait times out (EX_EWSTOT: a long copy is not a failed one)", () => {
    const silent = stepsOf(rule).filter((step) => step.command.includes("pairevtwait") && !step.why.includes("EX_EWSTOT"));
    expect(silent.map((step) => step.command)).toEqual([]);
  });

  it("starts a forced package on the flagged node, then removes the flag and checks every node", () => {
    const steps = stepsOf(rule);
    steps.forEach((step, index) => {
      if (!/^touch .*FORCEFLAG$/.test(step.command)) return;
      const after = steps.slice(index + 1).map((later) => later.command);
      const run = after.findIndex((command) => command === "cmrunpkg -n {node} {package}");
      expect(run, `cmrunpkg -n {node} after ${step.command}`).toBeGreaterThanOrEqual(0);
      // Enabling switching first would start the package on the first eligible node, not the flagged one.
      expect(after.slice(0, run)).not.toContain("cmmodpkg -e {package}");
      expect(after.some((command) => /^rm -f .*FORCEFLAG$/.test(command)), "rm -f FORCEFLAG").toBe(true);
      expect(after.some((command) => /^ls -l .*FORCEFLAG$/.test(command)), "ls -l FORCEFLAG on every node").toBe(true);
    });
  });

  it("splits the Business Copy mirror of the S-VOLs before any resync that copies the P-VOL over them", () => {
    const steps = stepsOf(rule);
    steps.forEach((step, index) => {
      if (step.command !== "pairresync -g {deviceGroup} -c 15") return;
      const before = steps.slice(0, index).map((earlier) => earlier.command);
      expect(before.some((command) => command.startsWith("pairsplit -g <Business Copy group")), `${rule.id}: ${step.where}`).toBe(true);
    });
  });

  it("names the cost of a swap resync: what the old P-VOL had not sent is overwritten", () => {
    const swaps = stepsOf(rule).some((step) => / -swap[ps]\b/.test(step.command));
    if (!swaps) return;
    const texts = [...(rule.advice.checkFirst ?? []), ...stepsOf(rule).map((step) => step.why), rule.description].join(" ");
    expect(texts).toMatch(/not sent|overwritten|overwrites/);
  });

  it("escalates only to a higher severity (a critical finding counts its hours in its summary)", () => {
    for (const escalation of rule.escalate ?? []) expect(severityRank[escalation.severity]).toBeGreaterThan(severityRank[rule.severity]);
  });
});

describe("severities", () => {
  it("every rule whose summary says the data is not remotely protected is critical, or escalates to critical within a day", () => {
    const soft = reviewed
      .filter((rule) => /not remotely protected/.test(rule.summary) && rule.severity !== "critical")
      .filter((rule) => !(rule.escalate ?? []).some((escalation) => escalation.severity === "critical" && /^(\d+)h$/.test(escalation.after) && Number(escalation.after.slice(0, -1)) <= 24))
      .map((rule) => rule.id);
    expect(soft).toEqual([]);
  });
});
