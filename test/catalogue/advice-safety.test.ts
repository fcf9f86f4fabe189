import { describe, expect, it } from "vitest";
import { parseBundle, parseEventTime } from "../../src/pipeline/rule-examples.js";
import { loadRules } from "../../src/catalogue/load.js";
import type { ExampleFile, Rule } from "../../src/catalogue/rule.js";
import { RuleEngine } from "../../src/correlate/engine.js";
import type { Finding } from "../../src/model/findings.js";
import { severityRank } from "../../src/model/findings.js";
import { scenarioFiles, scenarios } from "../helpers/samples-files.js";

/**
Invariants of the advice that an operator may run at night: the steps that can hurt come with what makes
them safe. They hold for the rules reviewed in the safety pass of issue 17; a rule is added to the list
once its advice was checked against the manuals.
*/
const REVIEWED = new Set([
  "automated-link-failure-psuepsus",
  "cmcld-starved-member-timeout",
  "continental-alarm",
  "continental-alert",
  "continental-monitor-not-running",
  "failback-after-failover",
  "failback-auto-psuepsus",
  "failback-continental",
  "full-resync-after-fence-data-split",
  "full-resync-after-link-failure",
  "full-resync-after-recovery-array-failure",
  "horcm-config-changed-not-restarted",
  "horctakeover-timeout",
  "package-cannot-move",
  "package-down-after-takeover",
  "package-halt-failure",
  "package-run-failure",
  "pair-consistency-error",
  "pairs-left-split",
  "pairs-suspended-no-resync",
  "quorum-lost-cluster-halted",
  "raid-manager-instance-error",
  "recreate-pairs-both-smpl",
  "run-script-near-timeout",
  "run-script-timeout",
  "run-script-timeout-below-horctimeout",
  "run-script-timeout-too-short",
  "serviceguard-daemon-died",
  "start-refused-fencedata-split",
  "start-refused-noncurdata",
  "start-refused-psuepsus",
  "start-refused-psussssws",
  "start-refused-svolpfus",
  "start-refused-svolpsue",
  "start-refused-svolpsus",
  "swap-resync-after-takeover",
  // issue 17 item 0 and the rules of the never-silent pass
  "start-refused-unexplained",
  "package-start-failed-unexplained",
  "package-halt-failed-unexplained",
  "takeover-failed-unexplained",
  "package-lost-with-node",
  "failure-during-copy",
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
      expect(
        after.some((command) => /^rm -f .*FORCEFLAG$/.test(command)),
        "rm -f FORCEFLAG",
      ).toBe(true);
      expect(
        after.some((command) => /^ls -l .*FORCEFLAG$/.test(command)),
        "ls -l FORCEFLAG on every node",
      ).toBe(true);
    });
  });

  it("removes FORCEFLAG (and checks every node) before package switching is enabled again after a forced start", () => {
    // Between `cmmodpkg -e {package}` and the removal a package failure lets Serviceguard restart the package,
    // forced again on the flagged node without anyone deciding it.
    const steps = stepsOf(rule);
    steps.forEach((step, index) => {
      if (!/^touch .*FORCEFLAG$/.test(step.command)) return;
      const after = steps.slice(index + 1).map((later) => later.command);
      const enable = after.indexOf("cmmodpkg -e {package}");
      if (enable < 0) return;
      const remove = after.findIndex((command) => /^rm -f .*FORCEFLAG$/.test(command));
      const check = after.findIndex((command) => /^ls -l .*FORCEFLAG$/.test(command));
      expect(remove, `rm -f FORCEFLAG before cmmodpkg -e {package} (${rule.id})`).toBeLessThan(enable);
      expect(check, `ls -l FORCEFLAG before cmmodpkg -e {package} (${rule.id})`).toBeLessThan(enable);
    });
  });

  it("names the node of a restart (cmrunpkg -n) before it enables package switching again", () => {
    // `cmmodpkg -e {package}` alone starts a halted or disabled package on the first eligible node of its list,
    // which may be the wrong site. Only these rules restart through switching, after a fix that has nothing to
    // do with replication (Serviceguard's own procedure: fix, then cmmodpkg -e).
    const throughSwitching = new Set(["package-run-failure", "package-halt-failure", "package-cannot-move", "pair-consistency-error"]);
    if (throughSwitching.has(rule.id)) return;
    const commands = stepsOf(rule).map((step) => step.command);
    const enablesSwitching = (command: string) => command.split(";").some((part) => part.trim() === "cmmodpkg -e {package}");
    const firstRun = commands.findIndex((command) => /^cmrunpkg -n /.test(command));
    commands.forEach((command, index) => {
      if (!enablesSwitching(command)) return;
      expect(firstRun, `${rule.id}: cmrunpkg -n before '${command}'`).toBeGreaterThanOrEqual(0);
      expect(firstRun, `${rule.id}: cmrunpkg -n before '${command}'`).toBeLessThan(index);
    });
  });

  it("splits the Business Copy mirror of the S-VOLs before any resync that copies the P-VOL over them", () => {
    const steps = stepsOf(rule);
    steps.forEach((step, index) => {
      if (step.command !== "pairresync -g {deviceGroup} -c 15") return;
      const before = steps.slice(0, index).map((earlier) => earlier.command);
      expect(
        before.some((command) => command.startsWith("pairsplit -g <Business Copy group")),
        `${rule.id}: ${step.where}`,
      ).toBe(true);
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
      .filter(
        (rule) =>
          !(rule.escalate ?? []).some(
            (escalation) => escalation.severity === "critical" && /^(\d+)h$/.test(escalation.after) && Number(escalation.after.slice(0, -1)) <= 24,
          ),
      )
      .map((rule) => rule.id);
    expect(soft).toEqual([]);
  });
});

/** Every bundle at hand: the sample scenarios and every rule's fire and notFire examples, each run through the whole catalog. */
interface Bundle {
  readonly name: string;
  readonly files: readonly ExampleFile[];
  readonly until?: string;
  readonly year?: number;
}
function bundles(): Bundle[] {
  const all: Bundle[] = scenarios().map((scenario) => ({ name: `sample ${scenario}`, files: scenarioFiles(scenario) }));
  for (const rule of rules) {
    for (const kind of ["fire", "notFire"] as const) {
      (rule.examples?.[kind] ?? []).forEach((example, index) => {
        all.push({ name: `${rule.id} ${kind} #${index + 1} (${example.name ?? ""})`, files: example.files, until: example.until, year: example.year });
      });
    }
  }
  return all;
}

function replay(bundle: Bundle): { findings: Finding[]; engine: RuleEngine } {
  const engine = new RuleEngine(rules);
  const { events, lastTs } = parseBundle(bundle.files, { year: bundle.year });
  for (const event of events) engine.push(event);
  const end = bundle.until !== undefined ? Math.max(lastTs ?? 0, parseEventTime(bundle.until)) : lastTs;
  if (end !== null) engine.advance(end);
  return { findings: engine.findings(), engine };
}

const PLAIN_RESYNC = /^pairresync\b(?!.*-swap[ps]\b)/;

describe.each(bundles().map((bundle) => [bundle.name, bundle] as const))("advice on %s", (_name, bundle) => {
  const { findings, engine } = replay(bundle);
  const open = findings.filter((finding) => finding.status === "open");

  it("shows no plain pairresync while an S-VOL takeover of the group is not resynchronized (it would overwrite the newer data)", () => {
    const offending = open.flatMap((finding) => {
      const context = { deviceGroup: finding.deviceGroup, package: finding.package, node: finding.node, now: null };
      const tookOver =
        engine.pairModel.lookup("takeover.sinceSync", context) === true &&
        engine.pairModel.lookup("takeover.ok", context) === true &&
        ["svol", "svol-ssus"].includes(String(engine.pairModel.lookup("takeover.resultName", context)));
      if (!tookOver) return [];
      return finding.steps.filter((step) => PLAIN_RESYNC.test(step.command)).map((step) => `${finding.rule}: ${step.where}: ${step.command}`);
    });
    expect(offending).toEqual([]);
  });
});
