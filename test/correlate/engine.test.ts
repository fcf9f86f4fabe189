import { describe, expect, it } from "vitest";
import { RuleEngine } from "../../src/correlate/engine.js";
import type { Rule } from "../../src/catalogue/rule.js";
import type { LogEvent, Scalar } from "../../src/model/events.js";

const T0 = Date.UTC(2026, 10, 20, 10, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let line = 0;
function event(kind: string, at: number | null, extra: Partial<Omit<LogEvent, "fields">> & { fields?: Record<string, Scalar> } = {}): LogEvent {
  line++;
  return {
    id: 0,
    kind,
    ts: at,
    host: "nodeA1",
    package: null,
    deviceGroup: null,
    node: null,
    source: { file: "nodeA1/var/adm/syslog/syslog.log", line },
    raw: `line ${line} ${kind}`,
    ...extra,
    fields: extra.fields ?? {},
  };
}

function rule(partial: Partial<Rule> & Pick<Rule, "match">): Rule {
  return {
    id: "test-rule",
    title: "A test rule",
    severity: "warning",
    description: "for tests",
    summary: "{deviceGroup} on {node}",
    advice: { action: "full-resync", steps: [{ where: "P-VOL side ({pvol.node})", command: "pairresync -g {deviceGroup} -c 15", why: "resync" }] },
    ...partial,
  };
}

const suspended = (at: number, node = "nodeA1") =>
  event("pair.state", at, { deviceGroup: "oradg", host: node, fields: { side: "local", role: "PVOL", state: "PSUE" } });
const remotePair = (at: number, state: string) => event("pair.state", at, { deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state } });
const localPair = (at: number) => event("pair.state", at, { deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PAIR" } });

describe("RuleEngine", () => {
  it("fires a single-event rule once per key and keeps adding evidence", () => {
    const engine = new RuleEngine([rule({ match: { event: { kind: "pair.state", where: { state: ["PSUE", "PSUS"] } } } })]);
    engine.push(suspended(T0));
    expect(engine.drainChanges().map((change) => change.change)).toEqual(["opened"]);
    engine.push(suspended(T0 + MINUTE));
    const findings = engine.findings();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "test-rule", action: "full-resync", deviceGroup: "oradg", status: "open", node: "nodeA1", site: "P-VOL side" });
    expect(findings[0].evidence).toHaveLength(2);
    expect(findings[0].steps[0]).toEqual({ where: "P-VOL side (nodeA1)", command: "pairresync -g oradg -c 15", why: "resync" });
    expect(engine.drainChanges().map((change) => change.change)).toEqual(["updated"]);
    expect(engine.drainChanges()).toEqual([]);
  });

  it("resolves when the resolvedBy evidence arrives and keeps the finding", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "PSUE" } } },
        resolvedBy: [{ kind: "pair.state", state: { "pair.synced": true } }],
      }),
    ]);
    engine.push(suspended(T0));
    engine.push(remotePair(T0 + HOUR, "PSUE"));
    engine.push(localPair(T0 + 2 * HOUR));
    expect(engine.findings()[0].status).toBe("open");
    engine.push(remotePair(T0 + 2 * HOUR + MINUTE, "PAIR"));
    const [finding] = engine.findings();
    expect(finding).toMatchObject({ status: "resolved", resolvedAt: T0 + 2 * HOUR + MINUTE });
    // Not drained in between: one entry per kind of change, with the finding as it is now.
    expect(engine.drainChanges().map((change) => [change.change, change.finding.status])).toEqual([
      ["opened", "resolved"],
      ["resolved", "resolved"],
    ]);
  });

  /** A node's instance errors, closed by a state of the finding's group when the opening code is one of `codes`. */
  const closedByGroupStateFor = (codes: string[]): RuleEngine =>
    new RuleEngine([
      rule({
        match: { key: "node", event: { kind: "horcm.error" } },
        resolvedBy: [
          {
            kind: "pair.state",
            where: { deviceGroup: "$finding.deviceGroup", state: { exists: true } },
            state: { "finding.event.code": codes },
          },
        ],
      }),
    ]);

  it("closes a finding only with an event about what the finding names ($finding operands) and reads the opening event (finding.event.*)", () => {
    const engine = closedByGroupStateFor(["EX_COMERR"]);
    const error = (at: number, deviceGroup: string | null, code: string) => event("horcm.error", at, { deviceGroup, fields: { code, instance: null } });
    const state = (at: number, deviceGroup: string) => event("pair.state", at, { deviceGroup, fields: { side: "local", role: "PVOL", state: "PAIR" } });
    engine.push(error(T0, "med_dg", "EX_COMERR"));
    engine.push(state(T0 + MINUTE, "crm_dg"));
    expect(engine.findings().map((finding) => finding.status)).toEqual(["open"]);
    engine.push(state(T0 + 2 * MINUTE, "med_dg"));
    expect(engine.findings().map((finding) => finding.status)).toEqual(["resolved"]);

    // Opened by another code: finding.event.code does not match, the group's state leaves it open.
    engine.push(error(T0 + HOUR, "med_dg", "EX_ENOENT"));
    engine.push(state(T0 + HOUR + MINUTE, "med_dg"));
    expect(engine.findings().map((finding) => finding.status)).toEqual(["resolved", "open"]);
  });

  it("closes on an event's field the finding's events disagree on only when the resolution holds for each of their values", () => {
    const engine = closedByGroupStateFor(["EX_ATTHOR", "EX_ENOGRP"]);
    const error = (at: number, code: string) => event("horcm.error", at, { deviceGroup: "ord_ca", fields: { code, instance: null } });
    const state = (at: number) => event("pair.state", at, { deviceGroup: "ord_ca", fields: { side: "local", role: "PVOL", state: "COPY" } });
    // An EX_ENOGRP and an EX_ATTHOR (two wrong instances typed): both codes meet the resolution, the group's state closes it.
    engine.push(error(T0, "EX_ENOGRP"));
    engine.push(error(T0 + MINUTE, "EX_ATTHOR"));
    engine.push(state(T0 + 2 * MINUTE));
    expect(engine.findings().map((finding) => finding.status)).toEqual(["resolved"]);

    // An EX_ATTHOR and an EX_ENOENT: the EX_ENOENT does not meet it, the finding stays open.
    engine.push(error(T0 + HOUR, "EX_ATTHOR"));
    engine.push(error(T0 + HOUR + MINUTE, "EX_ENOENT"));
    engine.push(state(T0 + HOUR + 2 * MINUTE));
    expect(engine.findings().map((finding) => finding.status)).toEqual(["resolved", "open"]);
  });

  it("reads as unknown what the finding's events disagree on: errors of two groups are not answered by one group's state", () => {
    const engine = new RuleEngine([
      rule({
        match: { key: "node", event: { kind: "horcm.error" } },
        resolvedBy: [{ kind: "pair.state", where: { deviceGroup: "$finding.deviceGroup" } }],
      }),
    ]);
    engine.push(event("horcm.error", T0, { deviceGroup: "med_dg", fields: { code: "EX_COMERR" } }));
    engine.push(event("horcm.error", T0 + MINUTE, { deviceGroup: "crm_dg", fields: { code: "EX_COMERR" } }));
    engine.push(event("pair.state", T0 + 2 * MINUTE, { deviceGroup: "med_dg", fields: { side: "local", role: "PVOL", state: "PAIR" } }));
    expect(engine.findings().map((finding) => finding.status)).toEqual(["open"]);
  });

  it("leaves a finding that names no device group to its other resolutions ($finding.deviceGroup null)", () => {
    const engine = new RuleEngine([
      rule({
        match: { key: "node", event: { kind: "horcm.error" } },
        resolvedBy: [{ kind: "pair.state", where: { deviceGroup: "$finding.deviceGroup" } }],
      }),
    ]);
    engine.push(event("horcm.error", T0, { fields: { code: "EX_COMERR" } }));
    engine.push(event("pair.state", T0 + MINUTE, { fields: { side: "local", role: "PVOL", state: "PAIR" } }));
    expect(engine.findings().map((finding) => finding.status)).toEqual(["open"]);
  });

  it("opens a new finding with its own id when the problem comes back after resolution", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "PSUE" } }, related: { events: [{ kind: "link.failure" }], within: "1d" } },
        resolvedBy: [{ kind: "pair.state", state: { "pair.synced": true } }],
      }),
    ]);
    engine.push(event("link.failure", T0 - MINUTE, { deviceGroup: "oradg" }));
    engine.push(suspended(T0));
    engine.push(localPair(T0 + HOUR));
    engine.push(remotePair(T0 + HOUR, "PAIR"));
    engine.push(suspended(T0 + 2 * HOUR));
    const findings = engine.findings();
    expect(findings.map((finding) => finding.status)).toEqual(["resolved", "open"]);
    expect(new Set(findings.map((finding) => finding.id)).size).toBe(2);
    // The related line is evidence of both, the id comes from the line that matched.
    expect(findings[1].evidence[0].text).toContain("link.failure");
    expect(findings[1].firstSeen).toBe(T0 + 2 * HOUR);
  });

  it("matches a sequence only within its window", () => {
    const sequenceRule = rule({ match: { sequence: [{ kind: "link.failure" }, { kind: "pkg.start.failed" }], within: "1h", key: "cluster" } });
    const late = new RuleEngine([sequenceRule]);
    late.push(event("link.failure", T0));
    late.push(event("pkg.start.failed", T0 + 2 * HOUR));
    expect(late.findings()).toHaveLength(0);
    const inTime = new RuleEngine([sequenceRule]);
    inTime.push(event("link.failure", T0));
    inTime.push(event("pkg.start.failed", T0 + 30 * MINUTE));
    expect(inTime.findings()).toHaveLength(1);
    expect(inTime.findings()[0].evidence).toHaveLength(2);
  });

  it("adds a later last-step event inside the window to the sequence's open finding, never opening a second", () => {
    const sequenceRule = rule({ match: { sequence: [{ kind: "link.failure" }, { kind: "pkg.start.failed" }], within: "1h", key: "cluster" } });
    const engine = new RuleEngine([sequenceRule]);
    engine.push(event("link.failure", T0));
    engine.push(event("pkg.start.failed", T0 + 10 * MINUTE, { package: "pkg_one" }));
    engine.push(event("pkg.start.failed", T0 + 20 * MINUTE, { package: "pkg_two" }));
    // Past the window from the sequence's start: not the same situation any more.
    engine.push(event("pkg.start.failed", T0 + 2 * HOUR, { package: "pkg_three" }));
    const findings = engine.findings();
    expect(findings).toHaveLength(1);
    expect(findings[0].evidence).toHaveLength(3);
    expect(findings[0].package).toBe("pkg_two");
  });

  it("counts occurrences in a sliding event-time window, and fills {max.field*10}", () => {
    const countRule = rule({
      match: { key: "cluster", event: { kind: "cmcld.starved" }, count: { atLeast: 3, within: "30d" } },
      advice: { action: "raise-member-timeout", steps: [{ where: "any node", command: "MEMBER_TIMEOUT > {max.seconds*10} s", why: "x" }] },
    });
    const engine = new RuleEngine([countRule]);
    engine.push(event("cmcld.starved", T0, { fields: { seconds: 2.5 } }));
    engine.push(event("cmcld.starved", T0 + 40 * 24 * HOUR, { fields: { seconds: 1.2 } }));
    engine.push(event("cmcld.starved", T0 + 41 * 24 * HOUR, { fields: { seconds: 1.6 } }));
    expect(engine.findings()).toHaveLength(0);
    engine.push(event("cmcld.starved", T0 + 42 * 24 * HOUR, { fields: { seconds: 1.1 } }));
    const [finding] = engine.findings();
    expect(finding.evidence).toHaveLength(3);
    expect(finding.steps[0].command).toBe("MEMBER_TIMEOUT > 16 s");
  });

  it("counts a late event by its own time: it leaves the window when it is too old, not when the events before it do", () => {
    const engine = new RuleEngine([rule({ match: { key: "cluster", event: { kind: "cmcld.starved" }, count: { atLeast: 3, within: "1h" } } })]);
    engine.push(event("cmcld.starved", T0 + 100 * MINUTE, { fields: { seconds: 2 } }));
    engine.push(event("cmcld.starved", T0 + 50 * MINUTE, { fields: { seconds: 2 } })); // logged earlier, read later
    engine.push(event("cmcld.starved", T0 + 160 * MINUTE, { fields: { seconds: 2 } }));
    // At 160 min the late event (50) is 110 min old, the first (100) exactly 60: two inside the hour.
    expect(engine.findings()).toHaveLength(0);
    engine.push(event("cmcld.starved", T0 + 165 * MINUTE, { fields: { seconds: 2 } }));
    engine.push(event("cmcld.starved", T0 + 166 * MINUTE, { fields: { seconds: 2 } }));
    expect(engine.findings()).toHaveLength(1);
  });

  it("keeps adding each new occurrence to an open count finding, once", () => {
    const engine = new RuleEngine([rule({ match: { key: "cluster", event: { kind: "cmcld.starved" }, count: { atLeast: 2, within: "30d" } } })]);
    for (let index = 0; index < 10; index++) engine.push(event("cmcld.starved", T0 + index * HOUR, { fields: { seconds: index } }));
    const [finding] = engine.findings();
    expect(finding.evidence.map((evidence) => evidence.ts)).toEqual(Array.from({ length: 10 }, (_, index) => T0 + index * HOUR));
    expect(finding.lastSeen).toBe(T0 + 9 * HOUR);
  });

  // Review (attack/cdl2): instance 0 and instance 1 each losing one command device was counted as one instance losing two.
  it("counts only events that agree on count.sameFields (a null agrees with any), and joins an open finding the same way", () => {
    const failed = (at: number, instance: Scalar) =>
      event("horcm.error", at, { node: "nodeB1", host: "nodeB1", fields: { instance, commandDevice: "/dev/sdh" } });
    const counting = rule({
      summary: "instance {event.instance} on {node}",
      match: { key: "node", event: { kind: "horcm.error" }, count: { atLeast: 2, within: "24h", sameFields: ["instance"] } },
    });
    const engine = new RuleEngine([counting]);
    engine.push(failed(T0, 0));
    engine.push(failed(T0 + MINUTE, 1));
    expect(engine.findings()).toEqual([]);
    engine.push(failed(T0 + 2 * MINUTE, 0));
    expect(engine.findings()).toHaveLength(1);
    expect(engine.findings()[0].summary).toBe("instance 0 on nodeB1");
    expect(engine.findings()[0].evidence.map((evidence) => evidence.ts)).toEqual([T0, T0 + 2 * MINUTE]);
    // Instance 1's second failure is its own count: it joins the node's finding, which then names it.
    engine.push(failed(T0 + 3 * MINUTE, 2));
    expect(engine.findings()[0].evidence).toHaveLength(2);
    engine.push(failed(T0 + 4 * MINUTE, 1));
    expect(engine.findings()[0].summary).toBe("instance 1 on nodeB1");
    // A line naming no instance counts with any.
    const unnamed = new RuleEngine([counting]);
    unnamed.push(failed(T0, 3));
    unnamed.push(failed(T0 + MINUTE, null));
    expect(unnamed.findings()).toHaveLength(1);
  });

  it("fires an absence at its deadline, the same in replay and live", () => {
    const absenceRule = rule({
      match: { event: { kind: "pair.state", where: { state: "PSUE" } }, absent: { event: { kind: "pair.resync" }, within: "24h" } },
    });
    const trigger = suspended(T0);
    const replay = new RuleEngine([absenceRule]);
    replay.push(trigger);
    replay.push(event("cluster.formed", T0 + 30 * HOUR));
    const live = new RuleEngine([absenceRule]);
    live.push(trigger);
    live.advance(T0 + 23 * HOUR);
    expect(live.findings()).toHaveLength(0);
    live.advance(T0 + 24 * HOUR);
    expect(live.findings()).toHaveLength(1);
    expect(replay.findings()).toEqual(live.findings());
    expect(replay.findings()[0].firstSeen).toBe(T0);
  });

  it("counts an absence's window in real time across the change to winter time when the logs' zone is named (--tz), in wall-clock time without it", () => {
    const absenceRule = rule({
      match: { event: { kind: "pair.state", where: { state: "PSUE" } }, absent: { event: { kind: "pair.resync" }, within: "24h" } },
    });
    // Lisbon, 25 Oct 2025 22:10 WEST; the clocks went back at 02:00 that night: 24 hours later is 21:10 WET on the 26th.
    const split = Date.UTC(2025, 9, 25, 22, 10);
    const zoned = new RuleEngine([absenceRule], { timeZone: "Europe/Lisbon" });
    zoned.push(suspended(split));
    zoned.advance(Date.UTC(2025, 9, 26, 21, 9));
    expect(zoned.findings()).toHaveLength(0);
    zoned.advance(Date.UTC(2025, 9, 26, 21, 10));
    expect(zoned.findings()).toHaveLength(1);
    const naive = new RuleEngine([absenceRule]);
    naive.push(suspended(split));
    naive.advance(Date.UTC(2025, 9, 26, 22, 5));
    expect(naive.findings()).toHaveLength(0);
  });

  it("checks an absence rule's conditions again at its deadline: a state that stopped holding meanwhile does not fire", () => {
    const absenceRule = rule({
      match: {
        event: { kind: "pair.state", where: { state: "PSUE" }, state: { noneOf: [{ "takeover.sinceSync": true }] } },
        absent: { event: { kind: "pair.resync" }, within: "24h" },
      },
    });
    // Still the situation at the deadline: fires.
    const holding = new RuleEngine([absenceRule]);
    holding.push(suspended(T0));
    holding.advance(T0 + 25 * HOUR);
    expect(holding.findings()).toHaveLength(1);
    // The S-VOL side took over before the deadline (no resync, so the absence itself still holds): not fired.
    const changed = new RuleEngine([absenceRule]);
    changed.push(suspended(T0));
    changed.push(
      event("takeover", T0 + 2 * HOUR, { deviceGroup: "oradg", host: "nodeB1", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null } }),
    );
    changed.advance(T0 + 25 * HOUR);
    expect(changed.findings()).toHaveLength(0);
  });

  it("does not fire an absence when the awaited event comes in time", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "PSUE" } }, absent: { event: { kind: "pair.resync" }, within: "24h" } },
      }),
    ]);
    engine.push(suspended(T0));
    engine.push(event("pair.resync", T0 + 5 * HOUR, { deviceGroup: "oradg", fields: { mode: "normal", outcome: "started" } }));
    engine.advance(T0 + 48 * HOUR);
    expect(engine.findings()).toHaveLength(0);
  });

  it("tolerates a little disorder: an awaited event logged just before the deadline but read just after it still counts", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "PSUE" } }, absent: { event: { kind: "pair.resync" }, within: "24h" } },
      }),
    ]);
    engine.push(suspended(T0));
    engine.push(event("cluster.formed", T0 + 24 * HOUR + 30_000));
    engine.push(event("pair.resync", T0 + 24 * HOUR - 10_000, { deviceGroup: "oradg", fields: { mode: "normal", outcome: "started" } }));
    engine.advance(T0 + 25 * HOUR);
    expect(engine.findings()).toHaveLength(0);
  });

  it("escalates with event time and says for how long", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "PSUE" } } },
        escalate: [{ after: "24h", severity: "critical", summary: "{deviceGroup} not remotely protected for {hours} hours" }],
      }),
    ]);
    engine.push(suspended(T0));
    engine.drainChanges();
    engine.advance(T0 + 30 * HOUR);
    const [finding] = engine.findings();
    expect(finding.severity).toBe("critical");
    expect(finding.summary).toBe("oradg not remotely protected for 30 hours");
    expect(engine.drainChanges().map((change) => change.change)).toEqual(["escalated"]);
  });

  it("a finding that opens already escalated (its first event is old) is reported opened, not also escalated", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "PSUE" } } },
        escalate: [{ after: "24h", severity: "critical" }],
      }),
    ]);
    engine.advance(T0 + 30 * HOUR); // the logs' clock is past the escalation when the line is read
    engine.push(suspended(T0));
    const changes = engine.drainChanges();
    expect(changes.map((change) => [change.change, change.finding.severity])).toEqual([["opened", "critical"]]);
    engine.advance(T0 + 31 * HOUR);
    expect(engine.drainChanges()).toEqual([]);
  });

  it("gives the same stable id when the same logs are analysed again", () => {
    const make = () => {
      const engine = new RuleEngine([rule({ match: { event: { kind: "pair.state", where: { state: "PSUE" } } } })]);
      line = 100;
      engine.push(suspended(T0));
      return engine.findings()[0].id;
    };
    expect(make()).toBe(make());
    expect(make()).toMatch(/^[0-9a-f]{16}$/);
  });

  it("applies configuration facts first, whatever their file order, and maps package to device group", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "mc.start.refused", state: { "auto.AUTO_NONCURDATA": 0, fence: "NEVER" } } },
        summary: "{package} refused on {node}; fence {fence}",
      }),
    ]);
    const packageEvent = (kind: string, at: number | null, fields: Record<string, Scalar>) =>
      event(kind, at, { package: "oracle_pkg", host: "nodeB1", fields });
    engine.push(packageEvent("config.setting", null, { name: "AUTO_NONCURDATA", value: "0" }));
    engine.push(packageEvent("config.setting", null, { name: "FENCE", value: "never" }));
    engine.push(packageEvent("config.setting", null, { name: "DEVICE_GROUP", value: "oradg" }));
    engine.push(packageEvent("mc.start.refused", T0, { exitCode: 1 }));
    const [finding] = engine.findings();
    expect(finding).toMatchObject({ deviceGroup: "oradg", package: "oracle_pkg", summary: "oracle_pkg refused on nodeB1; fence NEVER" });
  });

  it("reads each side's state from the reporting node's point of view", () => {
    const engine = new RuleEngine([
      rule({
        match: {
          event: { kind: ["pair.state", "pair.unreachable"], state: { "local.role": "SVOL", "local.state": "PAIR", "remote.status": ["PSUE", "EX_ENORMT"] } },
        },
      }),
    ]);
    engine.push(event("pair.state", T0, { deviceGroup: "oradg", host: "nodeB1", fields: { side: "local", role: "SVOL", state: "PAIR" } }));
    expect(engine.findings()).toHaveLength(0);
    engine.push(event("pair.unreachable", T0, { deviceGroup: "oradg", host: "nodeB1", fields: { side: "remote", code: "EX_ENORMT", number: 242 } }));
    expect(engine.findings()).toHaveLength(1);
  });

  it("lets no rule see half a line: all events of a line are applied first", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { side: "local" }, state: { "local.state": "PAIR", "remote.status": "EX_ENORMT" } } },
      }),
    ]);
    const source = { file: "nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log", line: 6 };
    engine.push({ ...event("pair.state", T0, { deviceGroup: "oradg", host: "nodeB1", fields: { side: "local", role: "SVOL", state: "PAIR" } }), source });
    engine.push({ ...event("pair.unreachable", T0, { deviceGroup: "oradg", host: "nodeB1", fields: { side: "remote", code: "EX_ENORMT" } }), source });
    expect(engine.findings()).toHaveLength(1);
  });

  it("lets a generic rule step aside while a specific one is open for the key (unlessOpen)", () => {
    const specific = rule({ id: "specific", match: { event: { kind: "pair.state", where: { state: "PSUE" } } } });
    const generic = rule({ id: "generic", match: { event: { kind: "pair.state", where: { state: "PSUE" } }, unlessOpen: ["specific"] } });
    const engine = new RuleEngine([specific, generic]);
    engine.push(suspended(T0));
    expect(engine.findings().map((finding) => finding.rule)).toEqual(["specific"]);
    const alone = new RuleEngine([generic]);
    alone.push(suspended(T0));
    expect(alone.findings().map((finding) => finding.rule)).toEqual(["generic"]);
  });

  it("steps aside for any other rule's finding at least as severe for the key (unlessOpen: any), never for a milder one", () => {
    const generic = rule({ id: "generic", severity: "warning", match: { event: { kind: "pair.state", where: { state: "PSUE" } }, unlessOpen: "any" } });
    const critical = rule({ id: "critical-one", severity: "critical", match: { event: { kind: "pair.state", where: { state: "PSUE" } } } });
    const note = rule({ id: "a-note", severity: "info", match: { event: { kind: "pair.state", where: { state: "PSUE" } } } });
    const covered = new RuleEngine([generic, critical]);
    covered.push(suspended(T0));
    expect(covered.findings().map((finding) => finding.rule)).toEqual(["critical-one"]);
    const notCovered = new RuleEngine([generic, note]);
    notCovered.push(suspended(T0));
    expect(
      notCovered
        .findings()
        .map((finding) => finding.rule)
        .sort(),
    ).toEqual(["a-note", "generic"]);
  });

  describe("absent.openWhenLogsEnd: only - a finding for logs that stop before the wait is over", () => {
    const atLogsEnd = rule({
      id: "at-logs-end",
      match: {
        event: { kind: "pair.state", where: { state: "PSUE" } },
        absent: { event: { kind: "pair.state", where: { state: "PAIR" } }, within: "1h", openWhenLogsEnd: "only" },
      },
    });

    it("opens when the logs end before the hour", () => {
      const engine = new RuleEngine([atLogsEnd]);
      engine.push(suspended(T0));
      engine.push(event("node.seen", T0 + 20 * MINUTE));
      engine.finish();
      expect(engine.findings().map((finding) => [finding.rule, finding.status])).toEqual([["at-logs-end", "open"]]);
    });

    it("never opens at the deadline, in analyze or watch", () => {
      const engine = new RuleEngine([atLogsEnd]);
      engine.push(suspended(T0));
      engine.advance(T0 + 2 * HOUR);
      expect(engine.findings()).toEqual([]);
      engine.finish();
      expect(engine.findings()).toEqual([]);
    });

    it("with state conditions, opens at the logs' end only when they hold then (what the wait was for is proven)", () => {
      const proven = rule({
        id: "proven-at-logs-end",
        match: {
          event: { kind: "pair.state", where: { state: "PSUE" } },
          absent: { event: { kind: "pair.state", where: { state: "PAIR" } }, within: "1h", openWhenLogsEnd: { state: { "remote.state": "PSUE" } } },
        },
      });
      const bothSides = new RuleEngine([proven]);
      bothSides.push(event("pair.state", T0, { deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PSUE" } }));
      bothSides.push(event("pair.state", T0, { deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUE" } }));
      bothSides.finish();
      expect(bothSides.findings().map((finding) => finding.rule)).toEqual(["proven-at-logs-end"]);
      const oneSide = new RuleEngine([proven]);
      oneSide.push(suspended(T0));
      oneSide.push(remotePair(T0, "PAIR"));
      oneSide.finish();
      expect(oneSide.findings()).toEqual([]);
      // At the deadline it opens as any absence does.
      const late = new RuleEngine([proven]);
      late.push(suspended(T0));
      late.advance(T0 + 2 * HOUR);
      expect(late.findings().map((finding) => finding.rule)).toEqual(["proven-at-logs-end"]);
    });

    it("stays quiet when the awaited event came", () => {
      const engine = new RuleEngine([atLogsEnd]);
      engine.push(suspended(T0));
      engine.push(localPair(T0 + 10 * MINUTE));
      engine.finish();
      expect(engine.findings()).toEqual([]);
    });
  });

  describe("supersedes: a finding whose situation forbids another's advice sets it aside while it is open", () => {
    const resync = rule({
      id: "resync",
      severity: "critical",
      match: { event: { kind: "pair.state", where: { state: "PSUE" } } },
      resolvedBy: [{ kind: "pair.synced" }],
    });
    const splitBrain = rule({
      id: "split-brain",
      severity: "critical",
      match: { event: { kind: "pkg.started", where: { node: "nodeB1" } }, supersedes: ["resync"] },
      advice: { action: "investigate", steps: [{ where: "both sites", command: "cmviewcl -v", why: "which cluster runs it" }] },
      resolvedBy: [{ kind: "pkg.halted" }],
    });
    const started = (at: number) => event("pkg.started", at, { deviceGroup: "oradg", host: "nodeB1", node: "nodeB1" });
    const statuses = (engine: RuleEngine) =>
      Object.fromEntries(engine.findings().map((finding) => [finding.rule, [finding.status, finding.supersededBy ?? null]]));

    it("sets aside an open finding of a named rule with the same device group, and says so once", () => {
      const engine = new RuleEngine([resync, splitBrain]);
      engine.push(suspended(T0));
      engine.drainChanges();
      engine.push(started(T0 + MINUTE));
      const investigate = engine.findings().find((finding) => finding.rule === "split-brain");
      expect(statuses(engine)).toEqual({ resync: ["superseded", investigate?.id], "split-brain": ["open", null] });
      expect(engine.drainChanges().map(({ change, finding }) => `${change} ${finding.rule}`)).toEqual(["opened split-brain", "superseded resync"]);
      // Its lines still go to it: no second finding of the rule opens beside it.
      engine.push(suspended(T0 + 2 * MINUTE));
      expect(engine.findings().filter((finding) => finding.rule === "resync")).toHaveLength(1);
    });

    it("sets aside at once a finding of a named rule that opens while it is open", () => {
      const engine = new RuleEngine([resync, splitBrain]);
      engine.push(started(T0));
      engine.push(suspended(T0 + MINUTE));
      expect(statuses(engine).resync[0]).toBe("superseded");
    });

    it("opens them again when it resolves, and never touches another device group's", () => {
      const engine = new RuleEngine([resync, splitBrain]);
      engine.push(suspended(T0));
      engine.push(event("pair.state", T0, { deviceGroup: "otherdg", host: "nodeA1", fields: { side: "local", role: "PVOL", state: "PSUE" } }));
      engine.push(started(T0 + MINUTE));
      expect(
        engine
          .findings()
          .filter((finding) => finding.rule === "resync")
          .map((finding) => finding.status)
          .sort(),
      ).toEqual(["open", "superseded"]);
      engine.drainChanges();
      engine.push(event("pkg.halted", T0 + 2 * MINUTE, { deviceGroup: "oradg", host: "nodeB1", node: "nodeB1" }));
      expect(engine.findings().map((finding) => finding.status)).toEqual(["open", "open", "resolved"]);
      expect(
        engine
          .drainChanges()
          .map(({ change, finding }) => `${change} ${finding.rule}`)
          .sort(),
      ).toEqual(["opened resync", "resolved split-brain"]);
    });

    it("sets aside the findings of every device group a node's finding matched, not only the first one's", () => {
      const refused = (at: number, deviceGroup: string) => event("mc.start.refused", at, { deviceGroup, host: "nodeA1", node: "nodeA1" });
      const force = rule({ id: "force", severity: "critical", match: { event: { kind: "mc.start.refused" } } });
      const lostTiebreak = rule({
        id: "lost-tiebreak",
        severity: "critical",
        match: { key: "node", sequence: [{ kind: "cluster.quorum.lost" }, { kind: "mc.start.refused" }], within: "24h", supersedes: ["force"] },
        advice: { action: "investigate", steps: [{ where: "the other site", command: "cmviewcl -v", why: "who won" }] },
      });
      // Either order of the rules: the node's finding taking the second group's refusal may come before or after the
      // second group's own finding opens on that line.
      for (const rules of [
        [force, lostTiebreak],
        [lostTiebreak, force],
      ]) {
        const engine = new RuleEngine(rules);
        engine.push(event("cluster.quorum.lost", T0, { host: "nodeA1", node: "nodeA1" }));
        engine.push(refused(T0 + 20 * MINUTE, "mes_dg"));
        engine.push(refused(T0 + 20 * MINUTE + 2000, "hist_dg"));
        const byGroup = Object.fromEntries(
          engine
            .findings()
            .filter((finding) => finding.rule === "force")
            .map((finding) => [finding.deviceGroup, finding.status]),
        );
        expect(byGroup).toEqual({ mes_dg: "superseded", hist_dg: "superseded" });
        expect(engine.findings().filter((finding) => finding.rule === "lost-tiebreak")).toHaveLength(1);
      }
    });

    it("lets a superseded finding still resolve by its own evidence", () => {
      const engine = new RuleEngine([resync, splitBrain]);
      engine.push(suspended(T0));
      engine.push(started(T0 + MINUTE));
      engine.push(event("pair.synced", T0 + 2 * MINUTE, { deviceGroup: "oradg" }));
      expect(statuses(engine).resync).toEqual(["resolved", null]);
    });
  });

  it("knows on which side the package runs", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "SSWS" }, state: { "package.side": "SVOL", "package.running": true } } },
      }),
    ]);
    engine.push(
      event("pair.state", T0, { deviceGroup: "oradg", package: "oracle_pkg", host: "nodeB1", fields: { side: "local", role: "SVOL", state: "PAIR" } }),
    );
    engine.push(event("pkg.started", T0 + MINUTE, { package: "oracle_pkg", host: "nodeB1", node: "nodeB1" }));
    engine.push(event("pair.state", T0 + 2 * MINUTE, { deviceGroup: "oradg", host: "nodeB1", fields: { side: "local", role: "SVOL", state: "SSWS" } }));
    expect(engine.findings()).toMatchObject([{ package: "oracle_pkg", deviceGroup: "oradg" }]);
  });

  it("shows a step only when its 'when' holds on the finding's values", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pair.state", where: { state: "PSUE" } } },
        advice: {
          action: "full-resync",
          steps: [
            { where: "here", command: "pairdisplay -g {deviceGroup} -fc", why: "look" },
            { where: "P-VOL side", command: "pairresync -g {deviceGroup} -c 15", why: "resync", when: { "local.role": "PVOL" } },
            { where: "S-VOL side", command: "pairresync -g {deviceGroup} -c 15 -swaps", why: "swap", when: { "local.role": "SVOL" } },
          ],
        },
      }),
    ]);
    engine.push(suspended(T0));
    expect(engine.findings()[0].steps.map((step) => step.command)).toEqual(["pairdisplay -g oradg -fc", "pairresync -g oradg -c 15"]);
  });

  it("reads a `$path` operand inside 'where' from the pair model, as docs/rules.md says", () => {
    // The node that took over, named by the model; the event's own node is compared with it.
    const engine = new RuleEngine([rule({ match: { event: { kind: "pair.state", where: { state: "SSWS", node: "$takeover.node" } } } })]);
    engine.push(event("takeover", T0, { deviceGroup: "oradg", host: "nodeB1", fields: { ok: true, result: 2, resultName: "svol" } }));
    engine.push(event("pair.state", T0 + MINUTE, { deviceGroup: "oradg", host: "nodeA1", fields: { side: "remote", role: "SVOL", state: "SSWS" } }));
    expect(engine.findings()).toEqual([]);
    engine.push(event("pair.state", T0 + 2 * MINUTE, { deviceGroup: "oradg", host: "nodeB1", fields: { side: "local", role: "SVOL", state: "SSWS" } }));
    expect(engine.findings()).toMatchObject([{ node: "nodeB1", deviceGroup: "oradg" }]);
  });

  it("reads `$setting.<NAME>` operands inside 'where' and inside a step's 'when'", () => {
    const engine = new RuleEngine([
      rule({
        match: { event: { kind: "pkg.halted", where: { package: "$setting.MONITOR_PACKAGE_NAME" } } },
        advice: {
          action: "fix-package-failure",
          steps: [
            { where: "any node", command: "cmrunpkg {package}", why: "restart the monitor", when: { package: "$setting.MONITOR_PACKAGE_NAME" } },
            { where: "any node", command: "never shown", why: "operand differs", when: { package: { not: "$setting.MONITOR_PACKAGE_NAME" } } },
          ],
        },
      }),
    ]);
    engine.push(event("config.setting", null, { fields: { name: "MONITOR_PACKAGE_NAME", value: "mymon" } }));
    engine.push(event("pkg.halted", T0, { package: "ccmonpkg", host: "nodeC1" }));
    expect(engine.findings()).toEqual([]);
    engine.push(event("pkg.halted", T0 + MINUTE, { package: "mymon", host: "nodeC1" }));
    const findings = engine.findings();
    expect(findings).toMatchObject([{ package: "mymon" }]);
    expect(findings[0].steps.map((step) => step.command)).toEqual(["cmrunpkg mymon"]);
  });

  it("prints a missing placeholder as <name>", () => {
    const engine = new RuleEngine([
      rule({ match: { key: "cluster", event: { kind: "cluster.formed" } }, summary: "dg {deviceGroup}, instance {instance|<HORCMINST>}" }),
    ]);
    engine.push(event("cluster.formed", T0));
    expect(engine.findings()[0].summary).toBe("dg <deviceGroup>, instance <HORCMINST>");
  });

  it("caps evidence, keeping the first lines and the latest", () => {
    const engine = new RuleEngine([rule({ match: { event: { kind: "pair.state" } } })], { maxEvidence: 6 });
    for (let index = 0; index < 20; index++) engine.push(suspended(T0 + index * MINUTE));
    const { evidence } = engine.findings()[0];
    expect(evidence).toHaveLength(6);
    expect(evidence[0].ts).toBe(T0);
    expect(evidence[5].ts).toBe(T0 + 19 * MINUTE);
  });
});

describe("related lines", () => {
  const withRelated = rule({
    match: { event: { kind: "pair.state", where: { state: "PSUE" } }, related: { events: [{ kind: "link.failure" }], within: "30m" } },
  });
  const linkFailure = (at: number | null) => event("link.failure", at, { deviceGroup: "oradg" });
  // A configuration fact (no time, never too old), one the window passes before the next arrives, one it keeps.
  const early = () => [linkFailure(null), linkFailure(T0 - 40 * MINUTE), linkFailure(T0 - 15 * MINUTE)];

  it("shows those inside the window, a configuration fact however old, in time order", () => {
    const engine = new RuleEngine([withRelated]);
    const [fact, passed, kept] = early();
    const later = [0, 1, 2].map((minutes) => linkFailure(T0 + minutes * MINUTE));
    for (const each of [fact, passed, kept, ...later]) engine.push(each);
    const failed = suspended(T0 + 10 * MINUTE);
    engine.push(failed);
    const [finding] = engine.findings();
    expect(finding.evidence.map((evidence) => evidence.text)).toEqual([fact, kept, ...later, failed].map((each) => each.raw));
  });

  it("shows the latest six, the older ones making room in turn", () => {
    const engine = new RuleEngine([withRelated]);
    const later = [0, 1, 2, 3, 4, 5, 6].map((minutes) => linkFailure(T0 + minutes * MINUTE));
    for (const each of [...early(), ...later]) engine.push(each);
    const failed = suspended(T0 + 10 * MINUTE);
    engine.push(failed);
    const [finding] = engine.findings();
    expect(finding.evidence.map((evidence) => evidence.text)).toEqual([...later.slice(-6), failed].map((each) => each.raw));
  });

  it("shows the lines behind what the model says, however old and however many related lines came since", () => {
    // Split brain: oracle_pkg started on nodeA1 at midnight; at 13:00 nodeA1 forms a cluster without site B; at 14:00
    // site B forces it on nodeB1 after a flood of related lines. Its evidence must show why "still running on nodeA1".
    const engine = new RuleEngine([
      rule({
        id: "split-brain",
        severity: "critical",
        summary: "{package} started on {node} while running on {package.alsoRunningOn}",
        match: {
          key: "package",
          related: { within: "24h", events: [{ kind: ["pair.state", "pkg.started"] }] },
          event: { kind: "pkg.started", state: { "package.alsoRunningOn": { exists: true } } },
        },
        advice: { action: "investigate", steps: [{ where: "both sites", command: "cmviewcl -v", why: "which cluster runs it" }] },
      }),
    ]);
    const onNode = (kind: string, at: number, node: string, fields: Record<string, Scalar> = {}) =>
      event(kind, at, {
        host: node,
        node,
        package: "oracle_pkg",
        deviceGroup: "oradg",
        source: { file: `${node}/var/adm/syslog/syslog.log`, line: ++line },
        fields,
      });
    engine.push(event("config.setting", null, { package: "oracle_pkg", fields: { name: "DEVICE_GROUP", value: "oradg" } }));
    const startA = onNode("pkg.started", T0, "nodeA1");
    engine.push(startA);
    engine.push(onNode("cluster.member.unhealthy", T0 + 3 * HOUR, "nodeB1", { member: "nodeA1" }));
    const ownCluster = event("cluster.membership", T0 + 3 * HOUR + MINUTE, {
      host: "nodeA1",
      source: { file: "nodeA1/var/adm/syslog/syslog.log", line: ++line },
      fields: { members: "nodeA1,nodeA2" },
    });
    engine.push(ownCluster);
    engine.push(
      event("cluster.membership", T0 + 3 * HOUR + 2 * MINUTE, {
        host: "nodeB1",
        source: { file: "nodeB1/var/adm/syslog/syslog.log", line: ++line },
        fields: { members: "nodeB1,nodeB2" },
      }),
    );
    for (let minute = 0; minute < 10; minute++)
      engine.push(onNode("pair.state", T0 + 4 * HOUR + minute * MINUTE, "nodeB1", { side: "local", role: "SVOL", state: "SSWS" }));
    const startB = onNode("pkg.started", T0 + 5 * HOUR, "nodeB1");
    engine.push(startB);
    const [finding] = engine.findings();
    expect(finding.summary).toBe("oracle_pkg started on nodeB1 while running on nodeA1");
    const shown = finding.evidence.map((evidence) => evidence.text);
    expect(shown.slice(0, 2)).toEqual([startA.raw, ownCluster.raw]);
    expect(shown.at(-1)).toBe(startB.raw);
  });
});
