// Metrocluster's wording is not public, so one fact must give the same events however it is put.
// Each group lists phrasings of one fact and the events all of them must give.
import { describe, expect, it } from "vitest";
import { parseBody } from "../../src/parse/index.js";

const eventsOf = (text: string) => parseBody("pkglog", text, { strict: true });
// A group the line names itself is recorded as such (fields.deviceGroupFrom, docs/events.md).
const named = (events: unknown[]): unknown[] =>
  events.map((event) => {
    const { deviceGroup, fields } = event as { deviceGroup?: string; fields: Record<string, unknown> };
    return deviceGroup === undefined ? event : { ...(event as object), fields: { ...fields, deviceGroupFrom: "line" } };
  });

const facts: Array<{ fact: string; phrasings: string[]; events: unknown[] }> = [
  {
    fact: "local pair state SVOL_PSUE",
    phrasings: [
      "local state is SVOL_PSUE",
      "local SVOL_PSUE",
      "Local device group state: S-VOL PSUE",
      "local: SVOL-PSUE",
      "The local state of the device group is SVOL_PSUE",
      "local S-VOL is in PSUE",
    ],
    events: [{ kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PSUE" } }],
  },
  {
    fact: "a state change that names the state before it: only the new state is news",
    phrasings: [
      "dgmon oradg: state change local=PVOL_PSUE remote=SVOL_PSUE (was PVOL_PAIR/SVOL_PAIR)",
      "local PVOL_PSUE, remote SVOL_PSUE; previously PVOL_PAIR / SVOL_PAIR",
      "local state PVOL_PSUE remote state SVOL_PSUE, formerly PVOL_PAIR and SVOL_PAIR",
    ],
    events: [
      { kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PSUE" } },
      { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PSUE" } },
    ],
  },
  {
    fact: "remote side unreachable (EX_ENORMT)",
    phrasings: [
      "remote state EX_ENORMT",
      "remote: EX_ENORMT (242)",
      "remote returned 242",
      "remote error code 242",
      "pairvolchk -c returned 242",
      "remote state is EX_ENORMT, error code 242",
    ],
    events: [{ kind: "pair.unreachable", fields: { side: "remote", code: "EX_ENORMT", number: 242 } }],
  },
  {
    fact: "device group named in several ways",
    phrasings: [
      "device group pkgA local state SVOL_PAIR",
      "dev_group pkgA: local SVOL_PAIR",
      "DEVICE_GROUP=pkgA local state SVOL_PAIR",
      "group pkgA: local state is SVOL_PAIR",
      "device group name is pkgA, local state SVOL_PAIR",
    ],
    events: [{ kind: "pair.state", deviceGroup: "pkgA", fields: { side: "local", role: "SVOL", state: "PAIR" } }],
  },
  {
    fact: "swapped personality PSUS(SSWS)",
    phrasings: ["local state SVOL_SSWS", "local state is PSUS(SSWS)", "local SVOL_PSUS(SSWS)", "local: S-VOL SSWS"],
    events: [{ kind: "pair.state", fields: { side: "local", role: "SVOL", state: "SSWS" } }],
  },
  {
    fact: "Raid Manager error by name and by number",
    phrasings: [
      "pairvolchk failed with EX_EVOLCE",
      "pairvolchk failed with EX_EVOLCE (235)",
      "pairvolchk error code 235",
      "pairvolchk returned 235",
      "pairvolchk: EX_EVOLCE 235",
    ],
    events: [{ kind: "raid.error", fields: { code: "EX_EVOLCE", number: 235, command: "pairvolchk" } }],
  },
  {
    fact: "fence level DATA",
    phrasings: [
      "fence level DATA",
      "FENCE=DATA",
      "fence DATA",
      "fence level is data",
      "Fence: DATA",
      'FENCE="DATA"',
      "Fence level for the device group is DATA.",
    ],
    events: [{ kind: "fence", fields: { level: "DATA" } }],
  },
  {
    fact: "AUTO_SVOLPSUE is 0",
    phrasings: ["AUTO_SVOLPSUE=0", "AUTO_SVOLPSUE is 0", "AUTO_SVOLPSUE set to 0", "AUTO_SVOLPSUE = 0", "AUTO_SVOLPSUE: 0", "AUTO_SVOLPSUE is set to 0"],
    events: [{ kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } }],
  },
  {
    fact: "swap-takeover",
    phrasings: [
      "horctakeover -g pkgA returned 1",
      "horctakeover -g pkgA: swap-takeover",
      "horctakeover -g pkgA result 1 (swap-takeover)",
      "device group pkgA: horctakeover executed a Swap-takeover",
    ],
    events: [{ kind: "takeover", deviceGroup: "pkgA", fields: { ok: true, result: 1, resultName: "swap", code: null, number: null } }],
  },
  {
    fact: "PVOL-PSUE-takeover",
    phrasings: ["horctakeover -g pkgA returned 4", "horctakeover -g pkgA: PVOL-PSUE-takeover"],
    events: [{ kind: "takeover", deviceGroup: "pkgA", fields: { ok: true, result: 4, resultName: "pvol-psue", code: null, number: null } }],
  },
  ...(["nop", "swap", "SVOL", "PVOL-SMPL", "PVOL-PSUE", "SVOL-SSUS"] as const).map((name, result) => ({
    fact: `takeover result ${result} by name and by number`,
    phrasings: [
      `horctakeover -g pkgA: ${name}-takeover`,
      `horctakeover -g pkgA returned ${result}`,
      `horctakeover -g pkgA exit code ${result} (${name}-takeover)`,
    ],
    events: [
      {
        kind: "takeover",
        deviceGroup: "pkgA",
        fields: { ok: true, result, resultName: ["nop", "swap", "svol", "pvol-smpl", "pvol-psue", "svol-ssus"][result], code: null, number: null },
      },
    ],
  })),
  {
    fact: "horctakeover timed out (EX_EWSTOT)",
    phrasings: [
      "horctakeover -g pkgA failed with EX_EWSTOT",
      "horctakeover -g pkgA returned 233",
      "horctakeover -g pkgA failed, error code 233",
      "horctakeover -g pkgA: EX_EWSTOT (233)",
    ],
    events: [
      { kind: "raid.error", deviceGroup: "pkgA", fields: { code: "EX_EWSTOT", number: 233, command: "horctakeover" } },
      { kind: "takeover", deviceGroup: "pkgA", fields: { ok: false, code: "EX_EWSTOT", number: 233, result: null, resultName: null } },
    ],
  },
  {
    fact: "resync with swap from the SVOL side, started",
    phrasings: ["Starting pairresync -swaps for device group pkgA"],
    events: [{ kind: "pair.resync", deviceGroup: "pkgA", fields: { mode: "swaps", outcome: "started" } }],
  },
  {
    // The command line announced names the group of the output that follows it (raid.command opens that context).
    fact: "resync with swap from the SVOL side, started, its command line given",
    phrasings: ["pairresync -g pkgA -swaps started", "pairresync -swaps -g pkgA initiated", "Executing pairresync -g pkgA -c 15 -swaps"],
    events: [
      { kind: "pair.resync", deviceGroup: "pkgA", fields: { mode: "swaps", outcome: "started" } },
      { kind: "raid.command", deviceGroup: "pkgA", fields: { command: "pairresync", side: null, instance: null } },
    ],
  },
  {
    fact: "start refused with exit 1",
    phrasings: ["Do not start with exit 1", "The package will not start (exit 1)", "package will not be started, exit 1", "exit 1"],
    events: [{ kind: "mc.start.refused", fields: { exitCode: 1 } }],
  },
  {
    fact: "starting on non-current data",
    phrasings: ["Starting with non-current data", "data may be noncurrent", "The SVOL data is not current", "starting even though the data cannot be current"],
    events: [{ kind: "mc.noncurrent", fields: {} }],
  },
  {
    fact: "HORCM instance 0 not running",
    phrasings: [
      "HORCM instance 0 is not running",
      "HORCMINST=0: HORCM not running",
      "Raid Manager instance 0 is not running",
      "HORCM instance 0 cannot be reached: not running",
    ],
    events: [{ kind: "horcm.error", fields: { instance: 0 } }],
  },
  {
    fact: "HORCM instance 1 started",
    phrasings: ["horcmstart.sh 1", "/usr/bin/horcmstart.sh 1", "HORCM instance 1 started"],
    events: [{ kind: "horcm.started", fields: { instance: 1 } }],
  },
  {
    fact: "CA link failure",
    phrasings: ["CA link failure", "Continuous Access link down", "all CA links failed", "remote copy link lost"],
    events: [{ kind: "link.failure", fields: { link: "CA" } }],
  },
  {
    fact: "FORCEFLAG present",
    phrasings: ["FORCEFLAG found", "FORCEFLAG=yes", "found /etc/cmcluster/pkgA/FORCEFLAG, starting the package", "Force flag is present"],
    events: [{ kind: "forceflag", fields: { present: true } }],
  },
  {
    fact: "Continentalclusters alarm",
    phrasings: [
      "CLUSTER_ALARM primary_cluster/UNREACHABLE 15 MINUTES",
      "Cluster ALARM: primary_cluster UNREACHABLE for 15 minutes",
      "primary_cluster UNREACHABLE alarm after 15 minutes",
    ],
    events: [{ kind: "cc.alarm", fields: { cluster: "primary_cluster", condition: "UNREACHABLE", minutes: 15 } }],
  },
];

for (const { fact, phrasings, events } of facts) {
  describe(fact, () => {
    it.each(phrasings)("%s", (text) => {
      expect(eventsOf(text)).toEqual(named(events));
    });
  });
}

describe("one body, several facts", () => {
  it("reads the local and the remote state as two events with their sides", () => {
    expect(eventsOf("Device group pkgA: local state SVOL_PAIR, remote state PVOL_PSUE; AUTO_NONCURDATA=0, do not start with exit 1")).toEqual(
      named([
        { kind: "pair.state", deviceGroup: "pkgA", fields: { side: "local", role: "SVOL", state: "PAIR" } },
        { kind: "pair.state", deviceGroup: "pkgA", fields: { side: "remote", role: "PVOL", state: "PSUE" } },
        { kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 0 } },
        { kind: "mc.start.refused", deviceGroup: "pkgA", fields: { exitCode: 1 } },
      ]),
    );
  });

  it("does not read a volume group as a device group", () => {
    expect(eventsOf("volume group vg01: local state SVOL_PAIR")).toEqual([{ kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PAIR" } }]);
  });

  it("leaves network link messages alone", () => {
    expect(eventsOf("lan1: link down")).toEqual([]);
  });
});

// Round3 misreadings: the group behind a tag, a slashed pair of states, refusals that were not Metrocluster's.
const labelled = (events: unknown[]): unknown[] =>
  events.map((event) => {
    const { deviceGroup, fields } = event as { deviceGroup?: string; fields: Record<string, unknown> };
    return deviceGroup === undefined ? event : { ...(event as object), fields: { ...fields, deviceGroupFrom: "label" } };
  });

describe("a tool tag with the group in brackets names the group", () => {
  it.each(["mcxp[pos_async] local PVOL_PSUE", "dgcheck[pos_async]: local PVOL_PSUE", "MC-XP[pos_async] local state PVOL_PSUE"])("%s", (text) => {
    expect(eventsOf(text)).toEqual(labelled([{ kind: "pair.state", deviceGroup: "pos_async", fields: { side: "local", role: "PVOL", state: "PSUE" } }]));
  });
  it.each(["mcxp[4711] local PVOL_PSUE", "XPCA[12] local PVOL_PSUE"])("a PID in brackets is not a group: %s", (text) => {
    expect(eventsOf(text)).toEqual([{ kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PSUE" } }]);
  });
});

describe("a product or tool tag is not a device group", () => {
  it.each([
    "XPCA: local=PVOL_PSUE",
    "MC: local PVOL_PSUE",
    "Metrocluster: local state PVOL_PSUE",
    "HORCM: local PVOL_PSUE",
    "RaidManager: local PVOL_PSUE",
    "cmcld: local PVOL_PSUE",
    "XP/CA: local PVOL_PSUE",
  ])("%s", (text) => {
    expect(eventsOf(text)).toEqual([{ kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PSUE" } }]);
  });
  it.each(["Metrocluster: fin_xp is PSUE locally", "XPCA: fin_xp: local PSUE", "MC-XP: fin_xp local state PSUE"])(
    "the name after it is the group: %s",
    (text) => {
      expect(eventsOf(text)).toEqual(labelled([{ kind: "pair.state", deviceGroup: "fin_xp", fields: { side: "local", role: null, state: "PSUE" } }]));
    },
  );
  it("a user's group that is not a product name keeps being read from its label", () => {
    expect(eventsOf("oradg: local PVOL_PSUE")).toEqual(
      labelled([{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PSUE" } }]),
    );
  });
});

describe("two states joined by a slash are one per side", () => {
  const localFirst = [
    { kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PFUS" } },
    { kind: "pair.state", fields: { side: "remote", role: "PVOL", state: "PFUS" } },
  ];
  it.each([
    "Both sides suspended (SVOL_PFUS / PVOL_PFUS)",
    "states SVOL_PFUS/PVOL_PFUS",
    "local/remote: SVOL_PFUS / PVOL_PFUS",
    "L/R = S-VOL PFUS / P-VOL PFUS",
    "local / remote: SVOL_PFUS/PVOL_PFUS",
  ])("%s", (text) => {
    expect(eventsOf(text)).toEqual(localFirst);
  });
  it.each(["remote/local: PVOL_PFUS / SVOL_PFUS", "R/L = PVOL_PFUS/SVOL_PFUS", "remote / local: PVOL_PFUS / SVOL_PFUS"])(
    "a label puts the remote first: %s",
    (text) => {
      expect(eventsOf(text)).toEqual([localFirst[1], localFirst[0]]);
    },
  );
  it("states not joined by a slash keep their own sides", () => {
    expect(eventsOf("local SVOL_PFUS, remote PVOL_PFUS")).toEqual(localFirst);
  });
});

describe("a daemon, a unit or a Serviceguard switch not starting is not a Metrocluster refusal", () => {
  it.each([
    "Cluster daemon not started on this node: AUTOSTART_CMCLD=0 in /etc/rc.config.d/cmcluster",
    "cmclconfd: cmcld not started",
    "Package payroll not started: AUTO_RUN is disabled after recovery",
    "Package payroll will not be started: package switching is disabled",
    "Service bankcore_mon in package bankpkg failed (exit 1).",
    "cmcld: cmclconfd exited (exit 2)",
  ])("%s", (text) => {
    expect(eventsOf(text).filter((event) => event.kind === "mc.start.refused")).toEqual([]);
  });
  it.each([
    "Package payroll not started: AUTO_SVOLPSUE=0",
    "Package not started (exit 1)",
    "start on the split S-VOL is disabled by AUTO_SVOLPSUS=0; not starting",
    "automatic start on a split secondary copy is disabled; refusing here (exit 2)",
  ])("but a replication reason keeps it one: %s", (text) => {
    expect(eventsOf(text).filter((event) => event.kind === "mc.start.refused")).toHaveLength(1);
  });
});

describe("states offered as alternatives are what the line does not know", () => {
  it.each([
    "Device group gov_dg: The previous state (PAIR or COPY) of the SVOL cannot be determined; AUTO_SVOLPSUS=0.",
    "oradg is PAIR or COPY: cannot tell which",
    "local PVOL_PAIR or PVOL_COPY",
    "the S-VOL was in PAIR, COPY or PSUS before the split",
    "The package will not be started. Wait until the device group is in PAIR state before moving the package.",
    "do not fail back unless both sides are PAIR",
  ])("%s gives no pair state", (text) => {
    expect(eventsOf(text).filter((event) => event.kind === "pair.state")).toEqual([]);
  });
  it("a state stated before 'until' is still read", () => {
    expect(eventsOf("local SVOL_PSUE until the links are repaired")).toEqual([{ kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PSUE" } }]);
  });
  it("a stated state beside an alternative is still read", () => {
    expect(eventsOf("local state SVOL_PSUS; whether it was PAIR or COPY before is unknown")).toEqual([
      { kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PSUS" } },
    ]);
  });
});
