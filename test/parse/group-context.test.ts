// A fact without a group name still belongs to one: the command line before a pasted output names it
// (fields.deviceGroupFrom "command"), a leading label names it unless the label is the node or package,
// and the pair-state model attaches the package's configured group or the only group it is known with.
import { describe, expect, it } from "vitest";
import { PairModel } from "../../src/correlate/pair-model.js";
import type { LogEvent } from "../../src/model/events.js";
import { createFileParser, parseText } from "../../src/parse/index.js";

const pkglog = (text: string) =>
  parseText(text, { kind: "pkglog", hostHint: "nodeB1", packageHint: "oracle_pkg", path: "nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log" });
const syslog = (text: string) => parseText(text, { kind: "syslog", hostHint: "nodeB1", path: "nodeB1/var/adm/syslog/syslog.log" });

describe("the command line before an output", () => {
  it("gives its group and the side pairvolchk -c asks about", () => {
    const lines = pkglog(
      ['Nov 20 10:00:01 - Node "nodeB1": pairvolchk -g oradg -c -s', "pairvolchk : Volstat is P-VOL.[status = PSUE fence = NEVER]"].join("\n"),
    );
    expect(lines[0].events).toEqual([
      { kind: "raid.command", deviceGroup: "oradg", fields: { command: "pairvolchk", side: "remote", instance: null, deviceGroupFrom: "line" } },
    ]);
    expect(lines[1].events).toEqual([
      { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "PVOL", state: "PSUE", deviceGroupFrom: "command" } },
      { kind: "fence", deviceGroup: "oradg", fields: { level: "NEVER", deviceGroupFrom: "command" } },
    ]);
  });

  it("gives pairevtwait's awaited status to its result, and takes the script's tag before both for no group (round 36 #07)", () => {
    const cmdlog = (text: string) => parseText(text, { kind: "cmdlog", hostHint: "hrp-b1", path: "hrp-b1/var/opt/bcbkp/bc_cycle.log" });
    const lines = cmdlog(
      [
        "2020-08-01 22:30:13 bc_cycle: pairresync -g ps_bc -IM1",
        "2020-08-01 22:30:13 bc_cycle: pairevtwait -g ps_bc -s pair -t 7200 -IM1",
        "2020-08-01 22:56:43 bc_cycle: pairevtwait : Wait status done.",
        "2020-08-02 00:30:11 oradg: pairvolchk -g oradg -s",
        "2020-08-02 00:30:11 oradg: pairvolchk : Volstat is P-VOL.[status = PAIR fence = NEVER]",
      ].join("\n"),
    );
    // The wait ran on the Business Copy instance (-IM1): its result is of the Business Copy pairs.
    expect(lines[2].events).toEqual([
      { kind: "pair.wait", deviceGroup: "ps_bc", fields: { outcome: "done", waitFor: "PAIR", deviceGroupFrom: "command", replication: "local" } },
    ]);
    // A label that is the command's own group stays the group's label.
    expect(lines[4].events[0]).toMatchObject({ kind: "pair.state", deviceGroup: "oradg", fields: { state: "PAIR", deviceGroupFrom: "label" } });
  });

  it("goes on past other writers' lines for a run known by its pid, and marks a Business Copy run's results local (round 62 #15)", () => {
    const lines = syslog(
      [
        "Nov 16 07:00:01 zha-n1 snaprot[14755]: PF_SNP refresh: pairresync -g PF_SNP -IM2 ok",
        "Nov 16 07:00:09 zha-n1 inetd[1207]: registrar/tcp: Connection from 10.30.1.51",
        "Nov 16 07:00:09 zha-n1 snaprot[14799]: another run, state PSUS",
        "Nov 16 07:00:09 zha-n1 snaprot[14755]: split done, state PSUS",
      ].join("\n"),
    );
    // Another run of the same script (another pid) is not this run's.
    expect(lines[2].events.find((event) => event.kind === "pair.state")?.deviceGroup).toBeUndefined();
    expect(lines[3].events.find((event) => event.kind === "pair.state")).toMatchObject({
      deviceGroup: "PF_SNP",
      fields: { state: "PSUS", deviceGroupFrom: "command", replication: "local" },
    });
  });

  it("ends at another writer's line when the run has no pid", () => {
    const lines = syslog(
      [
        "Nov 16 07:00:01 zha-n1 snaprot: pairresync -g PF_SNP -IM2 ok",
        "Nov 16 07:00:09 zha-n1 inetd[1207]: connection",
        "Nov 16 07:00:09 zha-n1 snaprot: state PSUS",
      ].join("\n"),
    );
    expect(lines[2].events.find((event) => event.kind === "pair.state")?.deviceGroup).toBeUndefined();
  });

  it("gives a saved output's one group, named by its pairdisplay rows, to its pairvolchk answer; not when the run names two (round 35 #12)", () => {
    const cmdlog = (text: string) => parseText(text, { kind: "cmdlog", hostHint: "waw-mes1", path: "waw-mes1/root/mes_dg_before_resync.txt" });
    const one = cmdlog(
      [
        "Wed Feb  6 13:40:55 CET 2019",
        "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,  %,P-LDEV# M",
        "mes_dg  mes_v1(L)    (CL4-A-0, 1,  8)  30471  e08.P-VOL PSUE NEVER ,   96  f08 -",
        "mes_dg  mes_v1(R)    (CL4-A-0, 1,  8)  30533  f08.S-VOL PSUE NEVER ,   96  e08 -",
        "pairvolchk : Volstat is P-VOL.[status = PSUE fence = NEVER]",
        "Wed Feb  6 14:02:11 CET 2019",
        "pairvolchk : Volstat is P-VOL.[status = PAIR fence = NEVER]",
      ].join("\n"),
    );
    expect(one[4].events[0]).toMatchObject({ kind: "pair.state", deviceGroup: "mes_dg", fields: { state: "PSUE", deviceGroupFrom: "command" } });
    // A new run (its banner) names nothing yet.
    expect(one[6].events[0].deviceGroup).toBeUndefined();
    const two = cmdlog(
      [
        "Wed Feb  6 13:40:55 CET 2019",
        "mes_dg  mes_v1(L)    (CL4-A-0, 1,  8)  30471  e08.P-VOL PSUE NEVER ,   96  f08 -",
        "erp_dg  erp_v1(L)    (CL4-A-0, 1,  9)  30471  e09.P-VOL PAIR NEVER ,  100  f09 -",
        "pairvolchk : Volstat is P-VOL.[status = PSUE fence = NEVER]",
      ].join("\n"),
    );
    expect(two[3].events[0].deviceGroup).toBeUndefined();
  });

  it("leaves a state under a script's tag its own label's group: only a wait's result loses the tag (review of round 36's changes)", () => {
    const cmdlog = (text: string) => parseText(text, { kind: "cmdlog", hostHint: "nodeB1", path: "nodeB1/var/adm/ops/bkp.log" });
    const lines = cmdlog(["2026-11-16 01:00:00 erp_dg: pairsplit -g erp_bc -IM1", "2026-11-16 01:00:02 erp_dg: local SVOL_PSUE, remote PVOL_PSUE"].join("\n"));
    expect(lines[1].events.map((event) => event.deviceGroup)).toEqual(["erp_dg", "erp_dg"]);
  });

  it("lets a context stored with a checkpoint expire after as many lines as one never stored (a resumed parser counts from 0)", () => {
    const options = { kind: "cmdlog" as const, hostHint: "nodeA1", path: "nodeA1/var/adm/ops/pairwatch.log", yearFor: () => 2026 };
    const table = ["==== Mon Nov 16 10:00:00 MET 2026 ====", "mes_dg  mes_v1(L)    (CL4-A-0, 1,  8)  30471  e08.P-VOL PSUE NEVER ,   96  f08 -"];
    const filler = Array.from({ length: 300 }, (_, index) => `filler line ${index}`);
    const answer = "pairvolchk : Volstat is P-VOL.[status = PSUE fence = NEVER]";
    const whole = createFileParser(options);
    const wholeEvents = [...table, ...filler, ...filler, answer].map((line) => whole.parseLine(line)).at(-1)!.events;
    const first = createFileParser(options);
    for (const line of [...table, ...filler]) first.parseLine(line);
    const resumed = createFileParser({ ...options, resume: first.context() });
    const resumedEvents = [...filler, answer].map((line) => resumed.parseLine(line)).at(-1)!.events;
    expect(resumedEvents).toEqual(wholeEvents);
    expect(resumedEvents[0].deviceGroup).toBeUndefined();
  });

  it("gives the instance to a HORCM error of its output", () => {
    const lines = pkglog('Nov 20 10:00:01 - Node "nodeB1": pairdisplay -g oradg -I2\npairdisplay: [EX_ATTHOR] Can\'t be attached to HORC manager');
    expect(lines[1].events).toContainEqual({
      kind: "horcm.error",
      deviceGroup: "oradg",
      fields: { instance: 2, code: "EX_ATTHOR", number: 251, deviceGroupFrom: "command" },
    });
    expect(lines[1].events[0]).toMatchObject({ kind: "raid.error", deviceGroup: "oradg", fields: { deviceGroupFrom: "command" } });
  });

  it("holds over a script's own log that stamps every line, through a split's result line naming no group; a bare stamp starts a new run", () => {
    const cmdlog = (text: string) => parseText(text, { kind: "cmdlog", hostHint: "wh-e1", path: "wh-e1/var/log/ops/bcsplit.log" });
    const lines = cmdlog(
      [
        "[2023-02-06 01:00:10] running: pairsplit -g dwh_dg -IH30",
        "[2023-02-06 01:00:33] pairsplit rc=0",
        "[2023-02-06 01:00:35] pairvolchk : Volstat is P-VOL.[status = PSUS fence = NEVER]",
        "==== Tue Feb  7 01:00:01 2023 ====",
        "pairvolchk : Volstat is P-VOL.[status = PAIR fence = NEVER]",
        "[2023-02-07 01:00:10] running: pairsplit -g dwh_dg -IH30",
        "---- Tue Feb  7 01:30:00 2023 jnlwatch (HORCMINST=60)",
        "local PVOL_PAIR, remote SVOL_PAIR",
      ].join("\n"),
    );
    expect(lines[7].events.find((event) => event.kind === "pair.state")?.deviceGroup).toBeUndefined();
    expect(lines[1].events.find((event) => event.kind === "pair.split")).toMatchObject({ deviceGroup: "dwh_dg", fields: { deviceGroupFrom: "command" } });
    expect(lines[2].events.find((event) => event.kind === "pair.state")).toMatchObject({
      deviceGroup: "dwh_dg",
      fields: { state: "PSUS", deviceGroupFrom: "command" },
    });
    expect(lines[4].events.find((event) => event.kind === "pair.state")?.deviceGroup).toBeUndefined();
  });

  it("holds for the same syslog tag only, an hour at most, and not across a package-log banner", () => {
    const other = syslog("Nov 20 10:00:01 nodeB1 mcwrap[10]: pairvolchk -g oradg -s\nNov 20 10:00:02 nodeB1 other[11]: pairvolchk : Volstat is SMPL.");
    expect(other[1].events).toEqual([{ kind: "pair.state", fields: { side: null, role: null, state: "SMPL" } }]);
    const late = syslog("Nov 20 10:00:01 nodeB1 mcwrap[10]: pairvolchk -g oradg -s\nNov 20 11:30:02 nodeB1 mcwrap[10]: pairvolchk : Volstat is SMPL.");
    expect(late[1].events[0].deviceGroup).toBeUndefined();
    const banner = pkglog(
      [
        'Nov 20 10:00:01 - Node "nodeB1": pairvolchk -g oradg -s',
        '\t########### Node "nodeB1": Starting package at Fri Nov 20 10:00:05 EST 2026 ###########',
        "pairvolchk : Volstat is SMPL.",
      ].join("\n"),
    );
    expect(banner[2].events[0].deviceGroup).toBeUndefined();
  });

  it("is replaced by the next command line, and a command naming no group closes it", () => {
    const lines = syslog(
      [
        "Nov 20 10:00:01 nodeB1 mcwrap[10]: pairvolchk -g oradg -s",
        "Nov 20 10:00:02 nodeB1 mcwrap[10]: pairvolchk -g sapdg -c",
        "Nov 20 10:00:03 nodeB1 mcwrap[10]: pairvolchk : Volstat is S-VOL.[status = SSWS fence = NEVER]",
      ].join("\n"),
    );
    expect(lines[2].events[0]).toMatchObject({ deviceGroup: "sapdg", fields: { side: "remote", role: "SVOL", state: "SSWS" } });
  });
});

describe("a leading label", () => {
  it("names the group unless it is the node or the package", () => {
    expect(syslog("Nov 20 10:00:01 nodeB1 mcwrap[10]: oradg: local S-VOL PSUE")[0].events[0]).toMatchObject({
      deviceGroup: "oradg",
      fields: { deviceGroupFrom: "label" },
    });
    const node = syslog("Nov 20 10:00:01 nodeB1 mcwrap[10]: nodeB1: local S-VOL PSUE")[0].events[0];
    expect(node).toEqual({ kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PSUE" } });
    const packageLabel = pkglog('Nov 20 10:00:01 - Node "nodeB1": oracle_pkg: local S-VOL PSUE')[0].events[0];
    expect(packageLabel.deviceGroup).toBeUndefined();
  });
});

describe("commands run through sudo", () => {
  it("are what the operator did on the logging node, or on the host an ssh in front names", () => {
    const lines = parseText(
      [
        "Nov 20 10:00:01 nodeA1 sudo:     root : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/vi /etc/horcm0.conf",
        "Nov 20 10:05:01 nodeA1 sudo:     root : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/ssh nodeA2 /HORCM/usr/bin/horcmstart.sh 0",
        "Nov 20 10:06:01 nodeA1 sudo:    oper1 : command not allowed ; TTY=pts/3 ; PWD=/ ; USER=root ; COMMAND=/HORCM/usr/bin/horcmshutdown.sh 0",
      ].join("\n"),
      { kind: "syslog", hostHint: "nodeA1" },
    );
    expect(lines[0].events.map((event) => [event.kind, event.node ?? lines[0].host])).toEqual([
      ["operator.command", "nodeA1"],
      ["horcm.config.changed", "nodeA1"],
    ]);
    expect(lines[1].events.map((event) => [event.kind, event.node])).toEqual([
      ["operator.command", "nodeA2"],
      ["horcm.started", "nodeA2"],
    ]);
    expect(lines[2].events.map((event) => event.kind)).toEqual(["operator.denied"]);
  });
});

describe("the package's group (PairModel.resolve)", () => {
  const event = (
    kind: string,
    fields: Record<string, unknown>,
    packageName: string | null,
    deviceGroup: string | null = null,
    ts: number | null = 1,
  ): LogEvent => ({
    id: 0,
    kind,
    ts,
    host: "nodeB1",
    package: packageName,
    deviceGroup,
    node: "nodeB1",
    fields: fields as LogEvent["fields"],
    source: { file: "f", line: 1 },
    raw: "",
  });

  it("takes the configured group first, then the only group the package's events named, and never guesses between two", () => {
    const model = new PairModel();
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "oradg" }, "oracle_pkg", null, null));
    expect(model.resolve(event("pair.state", { side: "local" }, "oracle_pkg"))).toEqual({
      deviceGroup: "oradg",
      package: "oracle_pkg",
      deviceGroupFrom: "package-config",
    });

    model.apply(event("fence", { level: "NEVER", deviceGroupFrom: "line" }, "sap_pkg", "sapdg"));
    expect(model.resolve(event("pair.state", { side: "local" }, "sap_pkg"))).toEqual({
      deviceGroup: "sapdg",
      package: "sap_pkg",
      deviceGroupFrom: "only-group-of-package",
    });

    model.apply(event("fence", { level: "NEVER", deviceGroupFrom: "line" }, "sap_pkg", "sapdg2"));
    expect(model.resolve(event("pair.state", { side: "local" }, "sap_pkg"))).toEqual({ deviceGroup: null, package: "sap_pkg" });

    expect(model.resolve(event("pair.state", { side: "local", deviceGroupFrom: "table" }, "sap_pkg", "erpdg"))).toMatchObject({
      deviceGroup: "erpdg",
      deviceGroupFrom: "table",
    });
  });

  it("gives a line of a package with two groups that names none the group its node checked last, within 10 minutes", () => {
    const model = new PairModel();
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "trd_data" }, "trd_pkg", null, null));
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "trd_redo" }, "trd_pkg", null, null));
    const minute = 60_000;
    const checked = event("pair.state", { side: "local", role: "SVOL", state: "PSUE", deviceGroupFrom: "command" }, "trd_pkg", "trd_redo", 10 * minute);
    model.resolve(checked);
    model.apply(checked);
    expect(model.resolve(event("mc.start.refused", { exitCode: 2 }, "trd_pkg", null, 11 * minute))).toEqual({
      deviceGroup: "trd_redo",
      package: "trd_pkg",
      deviceGroupFrom: "last-checked-group",
    });
    // Too long after, or before the check: no guess between two.
    expect(model.resolve(event("mc.start.refused", { exitCode: 2 }, "trd_pkg", null, 30 * minute))).toEqual({ deviceGroup: null, package: "trd_pkg" });
    expect(model.resolve(event("mc.start.refused", { exitCode: 2 }, "trd_pkg", null, 5 * minute))).toEqual({ deviceGroup: null, package: "trd_pkg" });
  });

  it("gives a line naming no group, after checks of several groups, the last group its node reported in trouble", () => {
    const model = new PairModel();
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "core_sync" }, "core_pkg", null, null));
    model.apply(event("config.setting", { name: "DEVICE_GROUP", value: "core_jnl" }, "core_pkg", null, null));
    const minute = 60_000;
    // A 3DC check: the synchronous group's P-VOL suspended and its remote side unreachable, then the journal group in PAIR.
    for (const checked of [
      event("pair.state", { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" }, "core_pkg", "core_sync", 10 * minute),
      event("pair.unreachable", { side: "remote", code: "EX_CMDIOE", deviceGroupFrom: "line" }, "core_pkg", "core_sync", 10 * minute),
      event("pair.state", { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" }, "core_pkg", "core_jnl", 10 * minute + 2000),
      event("pair.state", { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" }, "core_pkg", "core_jnl", 10 * minute + 2000),
    ]) {
      model.resolve(checked);
      model.apply(checked);
    }
    expect(model.resolve(event("mc.start.refused", { exitCode: 1 }, "core_pkg", null, 11 * minute))).toEqual({
      deviceGroup: "core_sync",
      package: "core_pkg",
      deviceGroupFrom: "last-checked-group",
    });
    // Once the synchronous group answers in PAIR again, the last group checked.
    const healed = event("pair.state", { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" }, "core_pkg", "core_sync", 12 * minute);
    model.resolve(healed);
    model.apply(healed);
    expect(model.resolve(event("mc.start.refused", { exitCode: 1 }, "core_pkg", null, 13 * minute))).toMatchObject({ deviceGroup: "core_sync" });
    const jnl = event("pair.state", { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" }, "core_pkg", "core_jnl", 13 * minute);
    model.resolve(jnl);
    model.apply(jnl);
    expect(model.resolve(event("mc.start.refused", { exitCode: 1 }, "core_pkg", null, 14 * minute))).toMatchObject({ deviceGroup: "core_jnl" });
  });
});
