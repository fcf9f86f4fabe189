import { describe, expect, it } from "vitest";
import { PairModel } from "../../src/correlate/pair-model.js";
import { parseSitesFile, siteInfoOf, siteValues } from "../../src/correlate/sites.js";
import type { LogEvent, Scalar } from "../../src/model/events.js";
import { detailLines } from "../../src/present/tui/detail-view.js";
import { themeFromEnvironment } from "../../src/present/tui/theme.js";
import type { StoredFinding } from "../../src/store/read.js";

let line = 0;
function event(kind: string, fields: Record<string, Scalar>, extra: Partial<LogEvent> = {}): LogEvent {
  return {
    id: 0,
    kind,
    ts: Date.UTC(2026, 10, 5),
    host: "nodeA1",
    package: null,
    deviceGroup: "oradg",
    node: null,
    fields,
    source: { file: "/b/nodeA1/var/adm/syslog/syslog.log", line: ++line },
    raw: "",
    ...extra,
  };
}
function clusterAscii(text: string, file = "/b/cluster.ascii"): LogEvent[] {
  return text.split("\n").flatMap((row, index) => {
    const match = /^\s*(\S+)\s+(\S+)/.exec(row);
    return match ? [event("config.setting", { name: match[1], value: match[2] }, { ts: null, deviceGroup: null, source: { file, line: index + 1 } })] : [];
  });
}
const state = (node: string, role: string, pairState: string): LogEvent => event("pair.state", { side: "local", role, state: pairState }, { host: node });

describe("the site model", () => {
  it("reads SITE under each NODE_NAME of a cluster ASCII file, and the sides from the pair states", () => {
    const model = new PairModel();
    for (const fact of clusterAscii(
      "CLUSTER_NAME metro\nSITE_NAME east\nSITE_NAME west\nNODE_NAME a1\n  SITE east\n  NETWORK_INTERFACE lan0\nNODE_NAME a2\n  SITE east\nNODE_NAME b1\n  SITE west\n",
    ))
      model.apply(fact);
    model.apply(state("a1", "PVOL", "PAIR"));
    model.apply(state("b1", "SVOL", "PAIR"));
    // a2 never reported: its site's other node tells the side.
    expect(model.siteInfo({ deviceGroup: "oradg", node: "a2" })).toEqual({
      name: "east",
      nodes: ["a1", "a2"],
      side: "PVOL",
      firstSide: "PVOL",
      inferredFrom: "cluster-ascii",
      source: "/b/cluster.ascii:8",
      otherSite: { name: "west", nodes: ["b1"], side: "SVOL" },
    });
    // After a swap the site's side changed: both are kept.
    model.apply(state("b1", "PVOL", "PAIR"));
    expect(model.siteInfo({ deviceGroup: "oradg", node: "b1" })).toMatchObject({ name: "west", side: "PVOL", firstSide: "SVOL" });
  });

  it("lets the operator's sites win, and with three sites picks the one on the other side", () => {
    const model = new PairModel({
      sites: [
        { name: "dc1", nodes: ["a1"], source: "site-option", origin: "--site" },
        { name: "dc3", nodes: ["c1"], source: "site-option", origin: "--site" },
      ],
    });
    for (const fact of clusterAscii("SITE_NAME x\nSITE_NAME y\nNODE_NAME a1\n SITE x\nNODE_NAME b1\n SITE y\n")) model.apply(fact);
    model.apply(state("a1", "PVOL", "PAIR"));
    model.apply(state("b1", "SVOL", "PAIR"));
    expect(model.siteInfo({ deviceGroup: "oradg", node: "a1" })).toMatchObject({
      name: "dc1",
      inferredFrom: "site-option",
      otherSite: { name: "y", nodes: ["b1"] },
    });
  });

  it("without names: the side, the nodes seen on each side, and the line that placed the node", () => {
    const model = new PairModel();
    model.apply(state("a1", "PVOL", "PSUE"));
    model.apply(event("pair.state", { side: "local", role: "SVOL", state: "PSUE" }, { host: "b1", source: { file: "/b/b1/x.log", line: 7 } }));
    expect(model.siteInfo({ deviceGroup: "oradg", node: "b1" })).toEqual({
      name: null,
      nodes: ["b1"],
      side: "SVOL",
      firstSide: "SVOL",
      inferredFrom: "pair-states",
      source: "/b/b1/x.log:7",
      otherSite: { name: null, nodes: ["a1"], side: "PVOL" },
    });
    expect(model.siteInfo({ deviceGroup: "oradg", node: "zz" })).toBeNull();
    expect(model.siteInfo({ deviceGroup: null, node: "a1" })).toBeNull();
  });

  it("round-trips through the template values the engine keeps", () => {
    const info = {
      name: "east",
      nodes: ["a1", "a2"],
      side: "PVOL",
      firstSide: "SVOL",
      inferredFrom: "sites-file" as const,
      source: "/etc/sites:2",
      otherSite: { name: "west", nodes: ["b1"], side: "SVOL" },
    };
    const values = siteValues(info);
    expect(values["site.nodes"]).toBe("a1,a2");
    expect(values["site.label"]).toBe("site east (S-VOL side before the incident, P-VOL side now): nodes a1, a2");
    expect(siteInfoOf(values)).toEqual(info);
    expect(siteInfoOf({})).toBeNull();
  });

  it("parses the sites file and says which lines are wrong", () => {
    expect(parseSitesFile("# comment\n dc-east = a1 , a2 \n\nbad\n", "/f")).toEqual({
      sites: [{ name: "dc-east", nodes: ["a1", "a2"], source: "sites-file", origin: "/f:2" }],
      problems: ["/f:4: 'bad' is not NAME=node,node"],
    });
  });
});

describe("the TUI's Detail view", () => {
  it("shows the site in one line under the scope (wrapped only when narrow)", () => {
    const finding = {
      id: "x",
      rule: "r",
      action: "swap-resync",
      severity: "critical",
      status: "open",
      title: "t",
      summary: "s",
      package: "p",
      deviceGroup: "oradg",
      node: "b1",
      site: "S-VOL side",
      firstSeen: 0,
      lastSeen: 0,
      resolvedAt: null,
      checkFirst: [],
      steps: [],
      evidence: [],
      bundle: "/b",
      updatedAt: "",
      siteInfo: {
        name: "west",
        nodes: ["b1", "b2"],
        side: "SVOL",
        firstSide: "SVOL",
        inferredFrom: "cluster-ascii",
        source: "/b/cluster.ascii:9",
        otherSite: { name: "east", nodes: ["a1"], side: "PVOL" },
      },
    } as StoredFinding;
    const rows = detailLines(finding, 200, themeFromEnvironment({ NO_COLOR: "1" })).map((entry) => entry.row.map((part) => part.text).join(""));
    expect(rows).toContain("site west (S-VOL side): nodes b1, b2; other site east (P-VOL side): nodes a1 (named by the cluster ASCII file cluster.ascii:9)");
    expect(rows.join("\n")).not.toContain("site\u00a0S-VOL");
  });
});
