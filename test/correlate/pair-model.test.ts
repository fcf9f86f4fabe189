import { describe, expect, it } from "vitest";
import { PairModel } from "../../src/correlate/pair-model.js";
import type { LogEvent, Scalar } from "../../src/model/events.js";

const T0 = Date.UTC(2026, 10, 5, 10, 0, 0);
let line = 0;
function event(kind: string, fields: Record<string, Scalar>, extra: Partial<LogEvent> = {}): LogEvent {
  return {
    id: 0,
    kind,
    ts: T0,
    host: "nodeA1",
    package: null,
    deviceGroup: "oradg",
    node: null,
    fields,
    source: { file: "nodeA1/var/adm/syslog/syslog.log", line: ++line },
    raw: "",
    ...extra,
  };
}
/** The events of one log line (they share a source line). */
function oneLine(...events: LogEvent[]): LogEvent[] {
  const shared = ++line;
  return events.map((each) => ({ ...each, source: { ...each.source, line: shared } }));
}
const lookup = (model: PairModel, path: string, node = "nodeA1") => model.lookup(path, { deviceGroup: "oradg", package: "oracle_pkg", node, now: T0 });

describe("PairModel", () => {
  it("keeps each node's local and remote view and the state per role", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }));
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "PSUS" }));
    expect(lookup(model, "local.state")).toBe("PSUE");
    expect(lookup(model, "remote.state")).toBe("PSUS");
    expect(lookup(model, "pvol.node")).toBe("nodeA1");
    expect(lookup(model, "node.role")).toBe("PVOL");
    expect(lookup(model, "pair.suspended")).toBe(true);
    expect(lookup(model, "pair.synced")).toBe(false);
  });

  it("reads the rows of one pairdisplay table as one report: a PSUE volume among PAIR ones leaves the group PSUE and mixed", () => {
    const model = new PairModel();
    const row = (side: string, role: string, state: string, pairVolume: string): LogEvent =>
      event("pair.state", { side, role, state, pairVolume, deviceGroupFrom: "table" });
    model.apply(row("local", "PVOL", "PAIR", "d01"));
    model.apply(row("remote", "SVOL", "PAIR", "d01"));
    model.apply(row("local", "PVOL", "PSUE", "d02"));
    model.apply(row("remote", "SVOL", "PSUE", "d02"));
    model.apply(row("local", "PVOL", "PAIR", "d03"));
    model.apply(row("remote", "SVOL", "PAIR", "d03"));
    expect(lookup(model, "local.state")).toBe("PSUE");
    expect(lookup(model, "remote.state")).toBe("PSUE");
    expect(lookup(model, "pvol.state")).toBe("PSUE");
    expect(lookup(model, "pair.mixed")).toBe(true);
    expect(lookup(model, "pair.synced")).toBe(false);
    // A later table, every row PAIR, is a new report: the group is whole again.
    line += 5;
    for (const volume of ["d01", "d02", "d03"]) {
      model.apply(row("local", "PVOL", "PAIR", volume));
      model.apply(row("remote", "SVOL", "PAIR", volume));
    }
    expect(lookup(model, "local.state")).toBe("PAIR");
    expect(lookup(model, "pair.synced")).toBe(true);
    expect(lookup(model, "pair.mixed")).toBe(false);
  });

  it("reads an unreachable remote side as its EX_ code", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PAIR" }, { host: "nodeB1" }));
    model.apply(event("pair.unreachable", { side: "remote", code: "EX_ENORMT", number: 242 }, { host: "nodeB1" }));
    expect(lookup(model, "remote.status", "nodeB1")).toBe("EX_ENORMT");
    expect(lookup(model, "remote.state", "nodeB1")).toBeNull();
  });

  it("ignores an unreachable side said by its role when that role is the node's own", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUS" }, { host: "nodeB1" }));
    model.apply(event("pair.unreachable", { side: "remote", code: "EX_ENORMT", number: null, role: "PVOL", codeFrom: "words" }, { host: "nodeB1" }));
    expect(lookup(model, "remote.status", "nodeB1")).toBe("EX_ENORMT");
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUS" }, { host: "nodeA1" }));
    model.apply(event("pair.unreachable", { side: "remote", code: "EX_ENORMT", number: null, role: "PVOL", codeFrom: "words" }, { host: "nodeA1" }));
    expect(lookup(model, "remote.status", "nodeA1")).toBeNull();
  });

  it("reads pairevtwait -s pair done as both sides PAIR, and a wait for another status as nothing", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }));
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "SSWS" }));
    model.apply(event("pair.wait", { outcome: "done", waitFor: "PSUS" }));
    expect(lookup(model, "pair.synced")).toBe(false);
    model.apply(event("pair.wait", { outcome: "timeout", waitFor: "PAIR" }));
    expect(lookup(model, "pair.synced")).toBe(false);
    model.apply(event("pair.wait", { outcome: "done", waitFor: "PAIR" }));
    expect(lookup(model, "pair.synced")).toBe(true);
    expect(lookup(model, "pair.suspended")).toBe(false);
  });

  it("counts a state named without a side as the node's own", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: null, role: "SVOL", state: "SSWS" }, { host: "nodeB1" }));
    expect(lookup(model, "local.state", "nodeB1")).toBe("SSWS");
    expect(lookup(model, "node.role", "nodeB1")).toBe("SVOL");
  });

  it("treats a line naming PAIR and PSUE for one side as a mixed group, not as PAIR", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "PAIR" }));
    for (const each of oneLine(
      event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }),
      event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }),
    ))
      model.apply(each);
    expect(lookup(model, "local.state")).toBe("PSUE");
    expect(lookup(model, "pair.mixed")).toBe(true);
    expect(lookup(model, "pair.synced")).toBe(false);
    for (const each of oneLine(
      event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }),
      event("pair.state", { side: "remote", role: "SVOL", state: "PAIR" }),
    ))
      model.apply(each);
    expect(lookup(model, "pair.mixed")).toBe(false);
    expect(lookup(model, "pair.synced")).toBe(true);
  });

  it("reads COPY then PAIR on one line as a transition", () => {
    const model = new PairModel();
    for (const each of oneLine(
      event("pair.state", { side: "local", role: "PVOL", state: "COPY" }),
      event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }),
    ))
      model.apply(each);
    expect(lookup(model, "local.state")).toBe("PAIR");
    expect(lookup(model, "pair.mixed")).toBe(false);
  });

  it("maps packages and device groups from configuration, and logged values win over configured ones", () => {
    const model = new PairModel();
    const config = (name: string, value: string) => event("config.setting", { name, value }, { ts: null, deviceGroup: null, package: "oracle_pkg" });
    model.apply(config("AUTO_NONCURDATA", "0"));
    model.apply(config("DEVICE_GROUP", "oradg"));
    model.apply(config("NODE_NAME", "nodeA1"));
    model.apply(config("NODE_NAME", "nodeB1"));
    expect(model.resolve(event("mc.start.refused", {}, { deviceGroup: null, package: "oracle_pkg" }))).toEqual({
      deviceGroup: "oradg",
      package: "oracle_pkg",
      deviceGroupFrom: "package-config",
    });
    expect(lookup(model, "auto.AUTO_NONCURDATA")).toBe(0);
    expect(lookup(model, "setting.NODE_NAME")).toBe("nodeA1");
    model.apply(event("auto.setting", { name: "AUTO_NONCURDATA", value: 1 }, { deviceGroup: null, package: "oracle_pkg" }));
    expect(lookup(model, "auto.AUTO_NONCURDATA")).toBe(1);
  });

  it("takes a leading label for a group only when the bundle knows no better: 'MC-XP: ...' is a tag when the package's configuration names its group", () => {
    const model = new PairModel();
    const labelled = (group: string) => event("mc.start.refused", { deviceGroupFrom: "label" }, { deviceGroup: group, package: "erpprd" });
    expect(model.resolve(labelled("erpdg"))).toMatchObject({ deviceGroup: "erpdg", deviceGroupFrom: "label" });
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "erp_dg" }, { ts: null, deviceGroup: null, package: "erpprd" }));
    expect(model.resolve(labelled("MC-XP"))).toEqual({ deviceGroup: "erp_dg", package: "erpprd", deviceGroupFrom: "package-config" });
    expect(model.resolve(labelled("erp_dg"))).toEqual({ deviceGroup: "erp_dg", package: "erpprd", deviceGroupFrom: "label" });
  });

  it("knows where the package runs and on which side", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "SSWS" }, { host: "nodeB1", package: "oracle_pkg" }));
    model.apply(event("pkg.started", {}, { host: "nodeB1", node: "nodeB1", package: "oracle_pkg", deviceGroup: null }));
    expect(lookup(model, "package.running")).toBe(true);
    expect(lookup(model, "package.node")).toBe("nodeB1");
    expect(lookup(model, "package.side")).toBe("SVOL");
    model.apply(event("pkg.halted", {}, { host: "nodeB1", node: "nodeB1", package: "oracle_pkg", deviceGroup: null }));
    expect(lookup(model, "package.running")).toBe(false);
  });

  it("follows halts: a failed start elsewhere does not stop a running package, a halt, a run-script failure or timeout on its node does", () => {
    const model = new PairModel();
    const on = (node: string) => ({ host: node, node, package: "oracle_pkg", deviceGroup: null });
    model.apply(event("pkg.started", {}, on("nodeB1")));
    model.apply(event("pkg.start.failed", {}, on("nodeA1")));
    expect(lookup(model, "package.running")).toBe(true);
    model.apply(event("pkg.halt.completed", {}, on("nodeB1")));
    expect(lookup(model, "package.running")).toBe(false);
    expect(lookup(model, "package.node")).toBe("nodeB1");
    model.apply(event("pkg.started", {}, on("nodeB1")));
    model.apply(event("pkg.script.timeout", { phase: "run" }, on("nodeB1")));
    expect(lookup(model, "package.running")).toBe(false);
    model.apply(event("pkg.started", {}, on("nodeB1")));
    model.apply(event("pkg.script.exit", { phase: "halt", status: "NO_RESTART" }, on("nodeB1")));
    expect(lookup(model, "package.running")).toBe(true);
    model.apply(event("pkg.script.exit", { phase: "run", status: "NO_RESTART" }, on("nodeB1")));
    expect(lookup(model, "package.running")).toBe(false);
  });

  it("counts what ran on a node as down when the cluster times the node out or its cmcld dies", () => {
    const model = new PairModel();
    model.apply(event("pkg.started", {}, { host: "nodeA1", node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    model.apply(event("node.timeout", {}, { host: "nodeB1", node: "nodeA2", deviceGroup: null }));
    expect(lookup(model, "package.running")).toBe(true);
    model.apply(event("node.timeout", {}, { host: "nodeB1", node: "nodeA1", deviceGroup: null }));
    expect(lookup(model, "package.running")).toBe(false);
    model.apply(event("pkg.started", {}, { host: "nodeA1", node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    model.apply(event("daemon.died", { daemon: "cmcld", signal: 6 }, { host: "nodeA1", deviceGroup: null }));
    expect(lookup(model, "package.running")).toBe(false);
  });

  it("reads an S-VOL reported PSUS after a successful S-VOL takeover as SSWS, until the group is PAIR again", () => {
    const model = new PairModel();
    const onB = { host: "nodeB1" };
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }));
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "PAIR" }));
    expect(lookup(model, "takeover.sinceSync", "nodeB1")).toBe(false);
    // Before any takeover an S-VOL PSUS is a split (SSUS), not SSWS.
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUS" }, onB));
    expect(lookup(model, "local.state", "nodeB1")).toBe("PSUS");
    model.apply(event("takeover", { ok: true, result: 2, resultName: "svol" }, onB));
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUS" }, onB));
    model.apply(event("pair.state", { side: null, role: null, state: "PSUS" }, onB));
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "PSUS" }));
    expect(lookup(model, "local.state", "nodeB1")).toBe("SSWS");
    expect(lookup(model, "svol.state")).toBe("SSWS");
    expect(lookup(model, "remote.state")).toBe("SSWS");
    expect(lookup(model, "takeover.sinceSync")).toBe(true);
    // The P-VOL side keeps its PSUS.
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUS" }));
    expect(lookup(model, "local.state")).toBe("PSUS");
    // Swap resync done: both sides PAIR, the takeover is history.
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PAIR" }, onB));
    model.apply(event("pair.state", { side: "remote", role: "PVOL", state: "PAIR" }, onB));
    expect(lookup(model, "takeover.sinceSync")).toBe(false);
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUS" }, onB));
    expect(lookup(model, "local.state", "nodeB1")).toBe("PSUS");
  });

  it("knows when the P-VOL side wrote while the pairs were suspended, and whether a start was refused meanwhile", () => {
    const model = new PairModel();
    const config = (name: string, value: string) => event("config.setting", { name, value }, { ts: null, deviceGroup: null, package: "oracle_pkg" });
    model.apply(config("DEVICE_GROUP", "oradg"));
    model.apply(config("FENCE", "NEVER"));
    const onB = { host: "nodeB1", package: "oracle_pkg" };
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }));
    model.apply(event("pkg.started", {}, { node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    expect(lookup(model, "pvol.wroteWhileSuspended")).toBe(false);
    // The links fail while the package runs on the P-VOL side: fence NEVER keeps accepting writes there.
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }, { ts: T0 }));
    // Not yet: a site failing at once reports its suspension in its last seconds (the async tail).
    expect(lookup(model, "pvol.wroteWhileSuspended")).toBe(false);
    // Still running there two minutes later: it wrote what the S-VOL lacks.
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }, { ts: T0 + 3 * 60_000 }));
    expect(lookup(model, "pvol.wroteWhileSuspended")).toBe(true);
    expect(lookup(model, "pair.refusedWhileSuspended")).toBe(false);
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUE" }, onB));
    model.apply(event("mc.start.refused", {}, { ...onB, deviceGroup: null }));
    expect(lookup(model, "pair.refusedWhileSuspended", "nodeB1")).toBe(true);
    // Both sides PAIR again: the suspension and what happened during it are history.
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }));
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "PAIR" }));
    expect(lookup(model, "pvol.wroteWhileSuspended")).toBe(false);
    expect(lookup(model, "pair.refusedWhileSuspended")).toBe(false);
  });

  it("does not count the suspension a P-VOL site reports in its last seconds as writes the S-VOL lacks", () => {
    const model = new PairModel();
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, { ts: null, deviceGroup: null, package: "oracle_pkg" }));
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { ts: T0 - 3600_000 }));
    model.apply(event("pkg.started", {}, { ts: T0 - 3600_000, node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }, { ts: T0 }));
    model.apply(event("node.timeout", {}, { ts: T0 + 30_000, host: "nodeB1", node: "nodeA1", deviceGroup: null }));
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUE" }, { ts: T0 + 60_000, host: "nodeB1", package: "oracle_pkg" }));
    model.apply(event("takeover", { ok: true, result: 2, resultName: "svol" }, { ts: T0 + 5 * 60_000, host: "nodeB1", package: "oracle_pkg" }));
    expect(lookup(model, "pvol.wroteWhileSuspended", "nodeB1")).toBe(false);
  });

  it("says when two nodes of one site contradict each other about the group, until the one that says broken says PAIR", () => {
    const model = new PairModel();
    const onA1 = { host: "nodeA1", node: "nodeA1" };
    const onA2 = { host: "nodeA2", node: "nodeA2" };
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { ...onA2, ts: T0 - 3600_000 }));
    model.apply(event("raid.error", { code: "EX_ENQVOL" }, { ...onA2, ts: T0 }));
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { ...onA1, ts: T0 + 60_000 }));
    // One error after another's PAIR is a change of state, not yet a contradiction.
    expect(lookup(model, "pair.disputed")).toBeNull();
    model.apply(event("raid.error", { code: "EX_ENQVOL" }, { ...onA2, ts: T0 + 3600_000 }));
    expect(lookup(model, "pair.disputed")).toMatch(/^nodeA2 at .*EX_ENQVOL; nodeA1 at .*PVOL_PAIR$/);
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { ...onA2, ts: T0 + 7200_000 }));
    expect(lookup(model, "pair.disputed")).toBeNull();
  });

  it("reads a side's copy completing (COPY -> PAIR) as the whole pair PAIR, and a copy broken off by a suspension", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: null, role: "SVOL", state: "PSUS" }, { host: "nodeB1", ts: T0 }));
    model.apply(event("pair.state", { side: null, role: "PVOL", state: "COPY" }, { ts: T0 + 60_000 }));
    expect(lookup(model, "pair.synced")).toBe(false);
    model.apply(event("pair.state", { side: null, role: "PVOL", state: "PAIR" }, { ts: T0 + 120_000 }));
    expect(lookup(model, "pair.synced")).toBe(true);
    // A PAIR that does not end a copy says nothing of the other side.
    const other = new PairModel();
    other.apply(event("pair.state", { side: null, role: "SVOL", state: "PSUE" }, { host: "nodeB1", ts: T0 }));
    other.apply(event("pair.state", { side: null, role: "PVOL", state: "PAIR" }, { ts: T0 + 60_000 }));
    expect(lookup(other, "pair.synced")).toBe(false);
    // COPY, then a suspension without PAIR between: the copy broke off.
    other.apply(event("pair.state", { side: null, role: "SVOL", state: "COPY" }, { host: "nodeB1", ts: T0 + 120_000 }));
    expect(lookup(other, "pair.copyInterrupted")).toBe(false);
    other.apply(event("pair.state", { side: null, role: "SVOL", state: "PSUE" }, { host: "nodeB1", ts: T0 + 180_000 }));
    expect(lookup(other, "pair.copyInterrupted")).toBe(true);
  });

  it("reads two pairdisplay tables pasted one under the other at different times as two reports, not one mixed group", () => {
    const model = new PairModel();
    const row = (line: number, role: string, state: string, ts: number) =>
      event(
        "pair.state",
        { side: role === "SVOL" ? "local" : "remote", role, state, deviceGroupFrom: "table" },
        { host: "gra1", ts, source: { file: "gra1/var/tmp/split.txt", line } },
      );
    [row(3, "SVOL", "PAIR", T0), row(4, "PVOL", "PAIR", T0), row(5, "SVOL", "PAIR", T0), row(6, "PVOL", "PAIR", T0)].forEach((line) => model.apply(line));
    // "== 06:33:15 after pairsplit", the header, then the rows: two lines further down, two minutes later.
    [row(9, "SVOL", "PSUS", T0 + 125_000), row(10, "PVOL", "PSUS", T0 + 125_000)].forEach((line) => model.apply(line));
    expect(lookup(model, "pair.mixed")).toBe(false);
    // One table logged row by row a second apart is still one report: a PSUE row among PAIR rows mixes it.
    const logged = new PairModel();
    [row(3, "PVOL", "PAIR", T0), row(4, "PVOL", "PSUE", T0 + 1000), row(5, "PVOL", "PAIR", T0 + 2000)].forEach((line) => logged.apply(line));
    expect(lookup(logged, "pair.mixed")).toBe(true);
  });

  it("second review: the P-VOL answering again after an EX_CMDIOE, a suspension newer than the copy, a logged swap resync, table rows two seconds apart", () => {
    // The P-VOL's array answers again: it was not lost, and its node's later lines count as writes.
    const answering = new PairModel();
    answering.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }, { ts: T0 }));
    answering.apply(event("pair.unreachable", { side: "remote", code: "EX_CMDIOE" }, { host: "nodeB1", ts: T0 + 30_000 }));
    answering.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUE" }, { host: "nodeB1", ts: T0 + 30_000 }));
    answering.apply(event("pair.state", { side: "remote", role: "PVOL", state: "PSUE" }, { host: "nodeB1", ts: T0 + 30 * 60_000 }));
    expect((answering as unknown as { groups: Map<string, { pvolArrayLost: boolean }> }).groups.get("oradg")?.pvolArrayLost).toBe(false);
    // The S-VOL's own "COPY -> PSUE" after the copy began stands against the P-VOL's "COPY -> PAIR".
    const broken = new PairModel();
    broken.apply(event("pair.state", { side: null, role: "SVOL", state: "COPY" }, { host: "ber1", ts: T0 }));
    broken.apply(event("pair.state", { side: null, role: "PVOL", state: "COPY" }, { host: "bas1", ts: T0 }));
    broken.apply(event("pair.state", { side: null, role: "SVOL", state: "PSUE" }, { host: "ber1", ts: T0 + 16 * 60_000 }));
    broken.apply(event("pair.state", { side: null, role: "PVOL", state: "PAIR" }, { host: "bas1", ts: T0 + 16 * 60_000 + 20_000 }));
    expect(lookup(broken, "pair.synced")).toBe(false);
    expect(lookup(broken, "pair.copyInterrupted")).toBe(true);
    // A swap resync logged since the takeover: a checker's "COPY (P-VOL)" is the new P-VOL's copy, not a plain resync.
    const swapped = new PairModel();
    swapped.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, { ts: null, deviceGroup: null, package: "oracle_pkg" }));
    swapped.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { host: "rom1", ts: T0 }));
    swapped.apply(event("takeover", { ok: true, result: 2, resultName: "svol" }, { host: "mil1", package: "oracle_pkg", ts: T0 + 60_000 }));
    swapped.apply(event("pair.state", { side: "local", role: "SVOL", state: "SSWS" }, { host: "mil1", ts: T0 + 60_000 }));
    swapped.apply(event("pkg.started", {}, { host: "mil1", node: "mil1", package: "oracle_pkg", deviceGroup: null, ts: T0 + 120_000 }));
    swapped.apply(event("pair.resync", { mode: "swaps", outcome: "started" }, { host: "mil1", ts: T0 + 3600_000 }));
    swapped.apply(event("pair.state", { side: null, role: "PVOL", state: "COPY" }, { host: "rom1", ts: T0 + 3600_000 + 6000 }));
    expect(lookup(swapped, "pvol.copiedOverSsws")).toBe(false);
    // Rows of one table logged two seconds apart over ten seconds are still one report.
    const slow = new PairModel();
    const row = (line: number, state: string) =>
      event(
        "pair.state",
        { side: "local", role: "PVOL", state, deviceGroupFrom: "table" },
        { ts: T0 + line * 2000, source: { file: "nodeA1/var/adm/syslog/syslog.log", line } },
      );
    [row(1, "PSUE"), row(2, "PAIR"), row(3, "PAIR"), row(4, "PAIR"), row(5, "PAIR"), row(6, "PAIR")].forEach((line) => slow.apply(line));
    expect(lookup(slow, "pair.mixed")).toBe(true);
  });

  it("keeps one node's contradiction open when another disputing node is fixed", () => {
    const model = new PairModel();
    const at = (host: string) => ({ host, node: host });
    for (const hour of [0, 1]) {
      model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { ...at("oslo1"), ts: T0 + hour * 3600_000 }));
      model.apply(event("raid.error", { code: "EX_ENQVOL" }, { ...at("oslo2"), ts: T0 + hour * 3600_000 + 2000 }));
      model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PAIR" }, { ...at("bergen1"), ts: T0 + hour * 3600_000 + 4000 }));
      model.apply(event("raid.error", { code: "EX_ENQVOL" }, { ...at("bergen2"), ts: T0 + hour * 3600_000 + 6000 }));
    }
    expect(lookup(model, "pair.disputed")).toMatch(/^bergen2 /);
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PAIR" }, { ...at("bergen2"), ts: T0 + 2 * 3600_000 }));
    expect(lookup(model, "pair.disputed")).toMatch(/^oslo2 at .*EX_ENQVOL/);
  });

  it("counts a package failed over from a P-VOL node that failed during the suspension as written there, though its start there is not logged", () => {
    const model = new PairModel();
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, { ts: null, deviceGroup: null, package: "oracle_pkg" }));
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }, { ts: T0 }));
    expect(lookup(model, "pvol.wroteWhileSuspended")).toBe(false);
    model.apply(event("node.timeout", {}, { ts: T0 + 25 * 60_000, host: "nodeB1", node: "nodeA1", deviceGroup: null }));
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUE" }, { ts: T0 + 26 * 60_000, host: "nodeB1", package: "oracle_pkg" }));
    model.apply(event("takeover", { ok: true, result: 2, resultName: "svol" }, { ts: T0 + 26 * 60_000, host: "nodeB1", package: "oracle_pkg" }));
    expect(lookup(model, "pvol.wroteWhileSuspended", "nodeB1")).toBe(true);
  });

  it("voids the timeouts a node reported before it lost the tie-break: the other side of the partition kept running", () => {
    const model = new PairModel();
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, { ts: null, deviceGroup: null, package: "oracle_pkg" }));
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { host: "nodeA1", package: "oracle_pkg" }));
    model.apply(event("pkg.started", {}, { node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    const fromB = { file: "nodeB1/var/adm/syslog/syslog.log", line: 1 };
    model.apply(event("node.timeout", {}, { ts: T0 + 60_000, host: "nodeA1", node: "nodeA1", deviceGroup: null, source: fromB }));
    expect(lookup(model, "package.running")).toBe(false);
    // nodeB1 then loses the quorum server's lock and halts: nodeA1 did not fail.
    model.apply(event("cluster.lock.failed", {}, { ts: T0 + 62_000, host: "nodeB1", node: "nodeB1", deviceGroup: null, source: { ...fromB, line: 2 } }));
    expect(lookup(model, "package.running")).toBe(true);
    expect(lookup(model, "package.node")).toBe("nodeA1");
  });

  it("reads a line naming only a pair volume as its group's, and a line naming no group as the bundle's only group", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR", pairVolume: "ora_d01" }, { deviceGroup: "oradg" }));
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR", pairVolume: "sap_d01" }, { deviceGroup: "sapdg" }));
    expect(model.resolve(event("pair.state", { side: "local", role: null, state: "PSUE", pairVolume: "sap_d01" }, { deviceGroup: null }))).toMatchObject({
      deviceGroup: "sapdg",
      deviceGroupFrom: "pair-volume",
    });
    // Two groups known: a state naming neither stays without one.
    expect(model.resolve(event("pair.state", { side: "local", role: null, state: "PSUE" }, { deviceGroup: null })).deviceGroup).toBeNull();
    const single = new PairModel();
    single.apply(event("config.setting", { name: "DEVICE_GROUP", value: "vod_jdg" }, { ts: null, deviceGroup: null, package: "vod_meta" }));
    expect(single.resolve(event("pair.state", { side: "local", role: null, state: "PSUE", pairVolume: "vod_d01" }, { deviceGroup: null }))).toMatchObject({
      deviceGroup: "vod_jdg",
      deviceGroupFrom: "only-group-of-bundle",
    });
  });

  it("reads a membership as news about its own cluster's nodes only (Continentalclusters: two clusters)", () => {
    const model = new PairModel();
    const conf = { file: "dub1/etc/cmcluster/cmconcl/cmconcl.config", line: 1 };
    const setting = (name: string, value: string) =>
      event("config.setting", { name, value }, { ts: null, deviceGroup: null, source: { ...conf, line: ++line } });
    for (const [name, value] of [
      ["CLUSTER_NAME", "ccl_lon"],
      ["NODE_NAME", "lon1"],
      ["NODE_NAME", "lon2"],
      ["CLUSTER_NAME", "ccl_dub"],
      ["NODE_NAME", "dub1"],
      ["NODE_NAME", "dub2"],
    ]) {
      model.apply(setting(name, value));
    }
    model.apply(event("pkg.started", {}, { host: "dub1", node: "dub1", package: "pay_rec", deviceGroup: null }));
    // The primary cluster comes back and forms with its own two nodes: nothing about dub1.
    model.apply(event("cluster.membership", { members: "lon1,lon2" }, { ts: T0 + 60_000, host: "lon1", deviceGroup: null }));
    model.apply(event("cluster.membership", { members: "lon1,lon2" }, { ts: T0 + 61_000, host: "lon2", deviceGroup: null }));
    const at = { deviceGroup: null, package: "pay_rec", node: "dub1", now: T0 + 61_000 };
    expect(model.lookup("package.running", at)).toBe(true);
    expect(model.lookup("membership.failed", at)).toBeNull();
  });

  it("reads a leading label that is a configured package, not a group, as that package", () => {
    const model = new PairModel();
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "dg_ana" }, { ts: null, deviceGroup: null, package: "pkg_ana" }));
    const labelled = event("raid.error", { code: "EX_EWSTOT", deviceGroupFrom: "label" }, { deviceGroup: "pkg_ana" });
    expect(model.resolve(labelled)).toMatchObject({ deviceGroup: "dg_ana", package: "pkg_ana" });
  });

  it("reads a leading label that is a package whose lines named another group as that package (round 25 #17)", () => {
    const model = new PairModel();
    // No configuration: the package log's lines named the group ("ord_jnl: local PVOL_PAIR ...").
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "label" }, { package: "orders", deviceGroup: "ord_jnl" }));
    // "xpca_dgmon[19406]: orders: ord_jnl state change: local PVOL_PSUE": the monitor tags its syslog line with the package.
    const labelled = event("pair.state", { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" }, { deviceGroup: "orders" });
    expect(model.resolve(labelled)).toMatchObject({ deviceGroup: "ord_jnl", package: "orders" });
    // A label naming a group and a package of the same name stays the group.
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "label" }, { package: "pkgA", deviceGroup: "pkgA" }));
    expect(model.resolve(event("pair.state", { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" }, { deviceGroup: "pkgA" }))).toMatchObject(
      {
        deviceGroup: "pkgA",
      },
    );
  });

  it("counts the P-VOL side as writing past a takeover only while its package ran across it on a node not restarted since", () => {
    const run = (restart: boolean): boolean => {
      const model = new PairModel();
      model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, { ts: null, deviceGroup: null, package: "ora" }));
      model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { ts: T0 }));
      model.apply(event("pkg.started", {}, { ts: T0 + 1_000, node: "nodeA1", package: "ora", deviceGroup: null }));
      model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUE" }, { ts: T0 + 600_000, host: "nodeB1" }));
      model.apply(event("takeover", { ok: true, result: 2, resultName: "svol" }, { ts: T0 + 610_000, host: "nodeB1" }));
      model.apply(event("pair.state", { side: "local", role: "SVOL", state: "SSWS" }, { ts: T0 + 610_000, host: "nodeB1" }));
      if (restart) model.apply(event("horcm.started", { instance: 0 }, { ts: T0 + 3_600_000, deviceGroup: null }));
      model.apply(event("pair.state", { side: null, role: "PVOL", state: "PSUE" }, { ts: T0 + 3_700_000 }));
      return model.lookup("pvol.wroteSinceTakeover", { deviceGroup: "oradg", package: "ora", node: "nodeA1", now: T0 + 3_700_000 }) === true;
    };
    expect(run(false)).toBe(true);
    // The primary site came back (its instance restarted): the plain disaster, swap-resync's case.
    expect(run(true)).toBe(false);
  });

  it("does not count the P-VOL side as writing when the suspension begins with a takeover, or with fence DATA", () => {
    const failover = new PairModel();
    failover.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, { ts: null, deviceGroup: null, package: "oracle_pkg" }));
    failover.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }));
    failover.apply(event("pkg.started", {}, { node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    // Site A lost without a line about it: the first state out of PAIR is the S-VOL taken over.
    failover.apply(event("takeover", { ok: true, result: 2, resultName: "svol" }, { host: "nodeB1" }));
    failover.apply(event("pair.state", { side: "local", role: "SVOL", state: "SSWS" }, { host: "nodeB1" }));
    expect(failover.lookup("pvol.wroteWhileSuspended", { deviceGroup: "oradg", package: "oracle_pkg", node: "nodeB1", now: T0 })).toBe(false);

    const fenceData = new PairModel();
    fenceData.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, { ts: null, deviceGroup: null, package: "oracle_pkg" }));
    fenceData.apply(event("config.setting", { name: "FENCE", value: "DATA" }, { ts: null, deviceGroup: null, package: "oracle_pkg" }));
    fenceData.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }));
    fenceData.apply(event("pkg.started", {}, { node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    fenceData.apply(event("pair.state", { side: "local", role: "PVOL", state: "PSUE" }));
    expect(lookup(fenceData, "pvol.wroteWhileSuspended")).toBe(false);
    // Restarted on the P-VOL side during the suspension (AUTO_FENCEDATA_SPLIT=1): it writes there now.
    fenceData.apply(event("pkg.started", {}, { node: "nodeA1", package: "oracle_pkg", deviceGroup: null }));
    expect(lookup(fenceData, "pvol.wroteWhileSuspended")).toBe(true);
  });

  it("does not read PSUS as SSWS after a failed takeover or a swap-takeover", () => {
    const outcomes: Array<Record<string, Scalar>> = [
      { ok: false, result: null, resultName: null, code: "EX_EWSTOT" },
      { ok: true, result: 1, resultName: "swap", code: null },
    ];
    for (const fields of outcomes) {
      const model = new PairModel();
      model.apply(event("takeover", fields, { host: "nodeB1" }));
      model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUS" }, { host: "nodeB1" }));
      expect(lookup(model, "local.state", "nodeB1")).toBe("PSUS");
    }
  });

  it("remembers the last pairsplit and whether the group was PAIR since", () => {
    const model = new PairModel();
    expect(lookup(model, "split.sinceSync")).toBe(false);
    expect(lookup(model, "split.option")).toBeNull();
    model.apply(event("pair.split", { option: "rw", outcome: null }));
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "SSWS" }));
    expect(lookup(model, "split.option")).toBe("rw");
    expect(lookup(model, "split.node")).toBe("nodeA1");
    expect(lookup(model, "split.sinceSync")).toBe(true);
    // A split with S-VOL write is not an S-VOL takeover: SSWS stays what it is, PSUS is not read as SSWS.
    expect(lookup(model, "takeover.sinceSync")).toBe(false);
    model.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }));
    model.apply(event("pair.state", { side: "remote", role: "SVOL", state: "PAIR" }));
    expect(lookup(model, "split.sinceSync")).toBe(false);
    model.apply(event("pair.split", { option: "S", outcome: "failed" }));
    expect(lookup(model, "split.option")).toBe("rw");
  });

  it("remembers that cmrecovercl ran until the monitored cluster is UP again", () => {
    const model = new PairModel();
    expect(lookup(model, "continental.recovered")).toBe(false);
    model.apply(event("cc.recover", { recoveryGroup: null, cluster: "recovery_cluster" }, { deviceGroup: null, package: "ora_bkpkg" }));
    expect(lookup(model, "continental.recovered")).toBe(true);
    model.apply(event("cc.alarm", { cluster: "primary_cluster", condition: "UNREACHABLE", minutes: 98 }, { deviceGroup: null }));
    expect(lookup(model, "continental.recovered")).toBe(true);
    model.apply(event("cc.alert", { cluster: "primary_cluster", condition: "UP", minutes: null }, { deviceGroup: null }));
    expect(lookup(model, "continental.recovered")).toBe(false);
  });
  it("reads a package cmrecovercl started on the S-VOLs it took over as a Continentalclusters recovery package, never over its configuration", () => {
    const onB = (minutes: number, extra: Partial<LogEvent> = {}): Partial<LogEvent> => ({
      host: "nodeB1",
      package: "ora_rec",
      ts: T0 + minutes * 60_000,
      ...extra,
    });
    const recoverAndStart = (model: PairModel, startAfter: number): void => {
      model.apply(event("cc.maintenance", { on: false, recoveryGroup: null, recovery: true }, onB(0, { deviceGroup: null, package: null })));
      model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PAIR" }, onB(startAfter - 1)));
      model.apply(event("takeover", { ok: true, result: 2, resultName: "svol" }, onB(startAfter - 1)));
      model.apply(event("pkg.start.completed", {}, onB(startAfter, { deviceGroup: null })));
    };
    const setting = (model: PairModel) => model.lookup("setting.CLUSTER_TYPE", { deviceGroup: "oradg", package: "ora_rec", node: "nodeB1", now: T0 });
    // Started three minutes after cmrecovercl on the S-VOLs it took over: a recovery package (recovery-side logs only).
    const recovered = new PairModel();
    recoverAndStart(recovered, 3);
    expect(setting(recovered)).toBe("continental");
    // Started by hand the next day after a takeover of its own: nothing says what it is.
    const later = new PairModel();
    recoverAndStart(later, 26 * 60);
    expect(setting(later)).toBeNull();
    // cmrecovercl's own line names the recovery package it started: whenever that package starts.
    const named = new PairModel();
    named.apply(event("cc.recover", { recoveryGroup: null, cluster: "drclu" }, onB(0, { deviceGroup: null })));
    named.apply(event("pkg.start.completed", {}, onB(5 * 60, { deviceGroup: "oradg" })));
    expect(setting(named)).toBe("continental");
    // The configuration says otherwise: its word stands.
    const configured = new PairModel();
    configured.apply(event("config.setting", { name: "CLUSTER_TYPE", value: "metro" }, onB(-10, { deviceGroup: null })));
    recoverAndStart(configured, 3);
    expect(setting(configured)).toBe("metro");
  });

  it("places pairvolchk's bare answer as the node's local volume, and the opposite role a moment later as the remote check's answer", () => {
    const model = new PairModel();
    // pairvolchk -g oradg (no -c): "Volstat is S-VOL.[status = PAIR ...]", no side named.
    model.apply(event("pair.state", { side: null, role: "SVOL", state: "PAIR" }, { host: "nodeB1", ts: T0 }));
    expect(lookup(model, "local.state", "nodeB1")).toBe("PAIR");
    expect(lookup(model, "node.role", "nodeB1")).toBe("SVOL");
    // pairvolchk -g oradg -c a second later prints the same prefix: "Volstat is P-VOL.[status = PSUE ...]".
    model.apply(event("pair.state", { side: null, role: "PVOL", state: "PSUE" }, { host: "nodeB1", ts: T0 + 1000 }));
    expect(lookup(model, "node.role", "nodeB1")).toBe("SVOL");
    expect(lookup(model, "local.state", "nodeB1")).toBe("PAIR");
    expect(lookup(model, "remote.state", "nodeB1")).toBe("PSUE");
    expect(lookup(model, "remote.role", "nodeB1")).toBe("PVOL");
  });

  it("reads an opposite role as the node's own after a takeover, or long after, or when the side is stated", () => {
    const model = new PairModel();
    model.apply(event("pair.state", { side: null, role: "SVOL", state: "PAIR" }, { host: "nodeB1", ts: T0 }));
    model.apply(event("takeover", { ok: true, resultName: "swap", code: null, number: null, result: 1 }, { host: "nodeB1", ts: T0 + 500 }));
    model.apply(event("pair.state", { side: null, role: "PVOL", state: "PAIR" }, { host: "nodeB1", ts: T0 + 1000 }));
    expect(lookup(model, "node.role", "nodeB1")).toBe("PVOL");
    const later = new PairModel();
    later.apply(event("pair.state", { side: null, role: "SVOL", state: "PAIR" }, { host: "nodeB1", ts: T0 }));
    later.apply(event("pair.state", { side: null, role: "PVOL", state: "PAIR" }, { host: "nodeB1", ts: T0 + 3_600_000 }));
    expect(lookup(later, "node.role", "nodeB1")).toBe("PVOL");
    const stated = new PairModel();
    stated.apply(event("pair.state", { side: null, role: "SVOL", state: "PAIR" }, { host: "nodeB1", ts: T0 }));
    stated.apply(event("pair.state", { side: "local", role: "PVOL", state: "PAIR" }, { host: "nodeB1", ts: T0 + 1000 }));
    expect(lookup(stated, "node.role", "nodeB1")).toBe("PVOL");
  });
});
