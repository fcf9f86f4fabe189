// Fallback rules ("no specific rule explains this") and unread-line evidence, through the real engine.
import { describe, expect, it } from "vitest";
import { RuleEngine } from "../../src/correlate/engine.js";
import type { Rule } from "../../src/catalogue/rule.js";
import type { LogEvent, Scalar } from "../../src/model/events.js";

const T0 = Date.UTC(2026, 11, 1, 8, 0, 0);
const MINUTE = 60_000;

let line = 0;
function event(kind: string, at: number, extra: Partial<Omit<LogEvent, "fields">> & { fields?: Record<string, Scalar> } = {}): LogEvent {
  line++;
  return {
    id: 0,
    kind,
    ts: at,
    host: "nodeB1",
    package: "oracle_pkg",
    deviceGroup: null,
    node: null,
    source: { file: "nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log", line },
    raw: `line ${line} ${kind}`,
    ...extra,
    fields: extra.fields ?? {},
  };
}

function rule(id: string, partial: Partial<Rule> & Pick<Rule, "match">): Rule {
  return {
    id,
    title: id,
    severity: "critical",
    description: "for tests",
    summary: "{package} on {node}",
    advice: { action: "investigate", steps: [{ where: "{node}", command: "cmviewcl -v -p {package}", why: "look" }] },
    ...partial,
  };
}

const refused = rule("refused-unexplained", {
  match: { key: "package", fallback: true, event: { kind: "mc.start.refused" } },
  resolvedBy: [{ kind: "pkg.started" }],
});
const failed = rule("failed-unexplained", { match: { key: "package", fallback: true, event: { kind: "pkg.start.failed" } } });
const specific = rule("specific-copy", { severity: "critical", match: { key: "package", event: { kind: "pair.state", where: { state: "COPY" } } } });
const moveRule = rule("cannot-move", { match: { key: "package", event: { kind: "pkg.no.eligible.node" }, unlessOpen: ["refused-unexplained"] } });

function run(rules: Rule[], events: LogEvent[], finish = true) {
  const engine = new RuleEngine(rules);
  for (const item of events) engine.push(item);
  if (finish) engine.finish();
  return engine.findings();
}

describe("fallback rules", () => {
  it("step aside, later, for a finding still open that spoke for the same kind of failure; not for one about something else", () => {
    const takeoverFailed = rule("takeover-unexplained", { match: { key: "package", fallback: true, event: { kind: "takeover", where: { ok: false } } } });
    const timeout = rule("takeover-timeout", { match: { key: "package", event: { kind: "takeover", where: { code: "EX_EWSTOT" } } } });
    const failedTakeover = (at: number, code: string | null) => event("takeover", at, { fields: { ok: false, code } });
    // The timed-out takeover restated an hour later ("DR test aborted: swap-takeover timeout"): one finding.
    expect(run([takeoverFailed, timeout], [failedTakeover(T0, "EX_EWSTOT"), failedTakeover(T0 + 60 * MINUTE, null)]).map((finding) => finding.rule)).toEqual([
      "takeover-timeout",
    ]);
    // The same hour later, a refused start is news: the open takeover finding does not speak for it.
    expect(
      run([takeoverFailed, timeout, refused], [failedTakeover(T0, "EX_EWSTOT"), event("mc.start.refused", T0 + 60 * MINUTE)]).map((finding) => finding.rule),
    ).toEqual(["takeover-timeout", "refused-unexplained"]);
  });

  it("open when nothing else speaks for the package, with the failure's time", () => {
    const findings = run([refused, specific], [event("mc.start.refused", T0)]);
    expect(findings.map((finding) => [finding.rule, finding.status, finding.firstSeen])).toEqual([["refused-unexplained", "open", T0]]);
  });

  it("step aside for another rule's finding on the same package within 5 minutes before or after", () => {
    const copy = (at: number) => event("pair.state", at, { fields: { state: "COPY" } });
    expect(run([refused, specific], [copy(T0 - 4 * MINUTE), event("mc.start.refused", T0)]).map((finding) => finding.rule)).toEqual(["specific-copy"]);
    expect(run([refused, specific], [event("mc.start.refused", T0), copy(T0 + 4 * MINUTE)]).map((finding) => finding.rule)).toEqual(["specific-copy"]);
    // Ten minutes before is another story: both speak.
    expect(run([refused, specific], [copy(T0 - 10 * MINUTE), event("mc.start.refused", T0)]).map((finding) => finding.rule)).toEqual([
      "specific-copy",
      "refused-unexplained",
    ]);
    // Another package's finding explains nothing here.
    expect(run([refused, specific], [copy(T0 - MINUTE), event("mc.start.refused", T0, { package: "sap_pkg" })]).map((finding) => finding.rule)).toEqual([
      "specific-copy",
      "refused-unexplained",
    ]);
  });

  it("are not explained by a less severe finding (a journal filling does not explain a package that is down)", () => {
    const warning = rule("journal-filling", { severity: "warning", match: { key: "package", event: { kind: "journal.state" } } });
    const findings = run([refused, warning], [event("journal.state", T0 - MINUTE), event("mc.start.refused", T0)]);
    expect(findings.map((finding) => finding.rule)).toEqual(["journal-filling", "refused-unexplained"]);
    // A finding about the whole cluster, as severe, explains it.
    const halted = rule("cluster-halted", { match: { key: "cluster", event: { kind: "cluster.quorum.lost" } } });
    expect(
      run([refused, halted], [event("mc.start.refused", T0), event("cluster.quorum.lost", T0 + MINUTE, { package: null })]).map((finding) => finding.rule),
    ).toEqual(["cluster-halted"]);
  });

  it("give one finding for one failure seen several ways: the first fallback speaks for the others", () => {
    const findings = run([failed, refused], [event("mc.start.refused", T0), event("pkg.start.failed", T0 + 1000)]);
    expect(findings.map((finding) => finding.rule)).toEqual(["refused-unexplained"]);
  });

  it("wait for event time in a live engine, and open once the window has passed", () => {
    const engine = new RuleEngine([refused, specific]);
    engine.push(event("mc.start.refused", T0));
    engine.advance(T0 + 4 * MINUTE);
    expect(engine.drainChanges()).toEqual([]);
    expect(engine.findings()).toEqual([]);
    engine.advance(T0 + 5 * MINUTE);
    expect(engine.drainChanges().map((change) => [change.change, change.finding.rule])).toEqual([["opened", "refused-unexplained"]]);
  });

  it("open resolved when the package started while they waited", () => {
    const engine = new RuleEngine([refused]);
    engine.push(event("mc.start.refused", T0));
    engine.push(event("pkg.started", T0 + MINUTE));
    engine.advance(T0 + 10 * MINUTE);
    expect(engine.drainChanges().map((change) => [change.change, change.finding.status])).toEqual([
      ["opened", "resolved"],
      ["resolved", "resolved"],
    ]);
  });

  it("keep a rule that steps aside (unlessOpen) quiet while they wait", () => {
    const findings = run([refused, moveRule], [event("mc.start.refused", T0), event("pkg.no.eligible.node", T0 + 2000)]);
    expect(findings.map((finding) => finding.rule)).toEqual(["refused-unexplained"]);
  });

  it("count an event that names no package once for each package running on its node (eachPackageOnNode)", () => {
    const lost = rule("lost", {
      match: {
        key: "package",
        eachPackageOnNode: true,
        fallback: true,
        event: { kind: "node.timeout" },
        absent: { event: { kind: "pkg.started" }, within: "10m" },
      },
    });
    const started = (pkg: string, node: string, at: number) => event("pkg.started", at, { package: pkg, node, host: "nodeA2" });
    const timeout = event("node.timeout", T0, { package: null, node: "nodeA1", host: "nodeA2" });
    const findings = run(
      [lost],
      [
        started("oracle_pkg", "nodeA1", T0 - 60 * MINUTE),
        started("sap_pkg", "nodeA1", T0 - 50 * MINUTE),
        started("web_pkg", "nodeA2", T0 - 40 * MINUTE),
        timeout,
        started("sap_pkg", "nodeA2", T0 + 2 * MINUTE),
        event("pkg.halted", T0 + 30 * MINUTE, { package: "web_pkg" }),
      ],
    );
    expect(findings.map((finding) => [finding.package, finding.node, finding.firstSeen])).toEqual([["oracle_pkg", "nodeA1", T0]]);
  });
});

describe("unread replication lines", () => {
  it("are evidence of the findings of their package, not of another package's", () => {
    const unread = (pkg: string | null, at: number) => event("line.unread", at, { package: pkg, fields: { text: "x", terms: "S-VOL" } });
    const [finding] = run(
      [refused],
      [unread("oracle_pkg", T0 - MINUTE), unread("sap_pkg", T0 - MINUTE), event("mc.start.refused", T0), unread("oracle_pkg", T0 + MINUTE)],
    );
    // The one before (its package's), the refusal, and the one after it while the finding waited; not sap_pkg's.
    expect(finding.evidence.map((evidence) => [evidence.text.split(" ")[2], evidence.ts])).toEqual([
      ["line.unread", T0 - MINUTE],
      ["mc.start.refused", T0],
      ["line.unread", T0 + MINUTE],
    ]);
  });
});
