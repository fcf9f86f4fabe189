/**
Steps marked `alternative` (done instead of the step above): numbered and drawn the same way by the text
output and the HTML report, from the built-in rules to the page; an alternative first step is refused.
*/
import { describe, expect, it } from "vitest";
import { numberedSteps, stepLabel } from "../../src/present/steps.js";
import { renderFindingsText } from "../../src/present/findings-text.js";
import { renderReportHtml } from "../../src/present/report/html.js";
import { loadRules } from "../../src/catalogue/load.js";
import { validateRule } from "../../src/catalogue/validate.js";
import type { Step } from "../../src/model/findings.js";
import type { StoredFinding } from "../../src/store/read.js";
import type { ReportModel } from "../../src/present/report/model.js";

const step = (command: string, alternative = false): Step => ({
  where: `where ${command}`,
  command,
  why: `why ${command}`,
  ...(alternative ? { alternative } : {}),
});

describe("numberedSteps", () => {
  it("gives an alternative no number of its own, letters an alternative of several steps, and numbers on after it", () => {
    const steps = [step("one"), step("swaps"), step("swapp", true), step("wait"), step("last"), step("a1", true), step("a2", true)];
    expect(numberedSteps(steps).map((entry) => `${entry.step.command}=${stepLabel(entry)}`)).toEqual([
      "one=1.",
      "swaps=2.",
      "swapp=or:",
      "wait=3.",
      "last=4.",
      "a1=or: a.",
      "a2=    b.",
    ]);
  });

  it("an alternative with nothing above it (its step did not apply) is an ordinary step", () => {
    expect(numberedSteps([step("only", true), step("next")]).map(stepLabel)).toEqual(["1.", "2."]);
  });
});

describe("the built-in rules", () => {
  const { rules } = loadRules([], { collectErrors: true });

  it("mark the -swapp step of swap-resync-after-takeover as the alternative to -swaps", () => {
    const swap = rules.find((rule) => rule.id === "swap-resync-after-takeover");
    const swapp = swap?.advice.steps.find((candidate) => candidate.command.includes("-swapp"));
    expect(swapp?.alternative).toBe(true);
    // Every step that says it replaces the step above is marked; a marked step says what it replaces.
    // ("Instead of the takeover, if the P-VOL site is healthy" is a condition, not an alternative to the step above it.)
    for (const rule of rules) {
      for (const candidate of rule.advice.steps) {
        if (/^Instead of the step above\b/.test(candidate.where)) expect(candidate.alternative, `${rule.id}: ${candidate.where}`).toBe(true);
        if (candidate.alternative) expect(candidate.where, rule.id).toMatch(/^Instead\b/);
      }
    }
    // failback-continental's last six steps are one alternative: recreate the pairs and reverse the roles.
    const continental = rules.find((rule) => rule.id === "failback-continental");
    expect(continental?.advice.steps.slice(-6).every((candidate) => candidate.alternative === true)).toBe(true);
  });

  it("refuse an alternative first step", () => {
    const rule = rules.find((candidate) => candidate.id === "swap-resync-after-takeover");
    if (!rule) throw new Error("rule missing");
    const broken = { ...rule, advice: { ...rule.advice, steps: [{ ...rule.advice.steps[0], alternative: true }, ...rule.advice.steps.slice(1)] } };
    expect(validateRule(broken, "swap-resync-after-takeover.yaml")).toContainEqual(expect.objectContaining({ code: "alternative-first", severity: "error" }));
    expect(validateRule(rule, "swap-resync-after-takeover.yaml").filter((issue) => issue.code === "alternative-first")).toEqual([]);
  });
});

describe("presenters", () => {
  const finding: StoredFinding = {
    id: "0123456789abcdef",
    bundle: "/b",
    rule: "r",
    action: "swap-resync",
    severity: "critical",
    status: "open",
    title: "T",
    summary: "S",
    package: null,
    deviceGroup: null,
    node: null,
    site: null,
    firstSeen: 0,
    lastSeen: 0,
    resolvedAt: null,
    checkFirst: [],
    steps: [step("pairresync -swaps"), step("pairresync -swapp", true), step("pairevtwait")],
    evidence: [],
    updatedAt: "now",
  };

  it("text: the alternative sits under the step it replaces, led by or:", () => {
    const text = renderFindingsText([finding], { files: 0, lines: 0, events: 0, unparsed: 0, unread: 0 }, [], { version: "t", cwd: "/" });
    expect(text).toContain(
      [
        "    1. where pairresync -swaps:",
        "         pairresync -swaps",
        "       why: why pairresync -swaps",
        "       or: where pairresync -swapp:",
        "             pairresync -swapp",
        "           why: why pairresync -swapp",
        "    2. where pairevtwait:",
      ].join("\n"),
    );
  });

  it("HTML: the alternative is inside the numbered item it replaces, not an item of its own", () => {
    const model: ReportModel = {
      version: "t",
      window: { since: 0, until: 1, sinceSource: "option", untilSource: "option" },
      summary: {
        bundles: ["/b"],
        clusters: [],
        nodes: [],
        silentNodes: [],
        staleNodes: [],
        clockNotes: [],
        packages: [],
        deviceGroups: [],
        worstSeverity: "critical",
        openCounts: { critical: 1, warning: 0, info: 0 },
        acknowledged: 0,
        lines: 0,
        unparsed: 0,
        events: 0,
        dataStart: null,
        dataEnd: null,
      },
      openFindings: [{ ...finding, isNew: false }],
      resolvedFindings: [],
      supersededFindings: [],
      timelines: [],
      packageActivity: [],
      packages: [],
      suspicious: [],
      suspiciousLines: 0,
      suspiciousGroupsOmitted: 0,
      missingLogs: [],
      unreadLines: [],
      unreadTotal: 0,
      readings: [],
      exitStatus: 2,
    };
    const html = renderReportHtml(model);
    const steps = html.slice(html.indexOf('<ol class="steps">'), html.indexOf("</ol>", html.indexOf('<ol class="steps">')) + 5);
    expect(steps.match(/<li /g)).toHaveLength(2);
    expect(steps).toMatch(
      /<li value="1">.*pairresync -swaps.*\n<div class="alternative"><span class="or">or, instead:<\/span>\n<div>.*pairresync -swapp.*<\/div>\n<\/div>\n<\/li>\n<li value="2">.*pairevtwait/,
    );
  });
});
