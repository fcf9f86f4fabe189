import { describe, expect, it } from "vitest";
import { ClusterFacts } from "../../src/correlate/clusters.js";
import { nodeKey } from "../../src/model/node-names.js";
import type { LogEvent, Scalar } from "../../src/model/events.js";

let line = 0;

function event(host: string | null, kind: string, fields: Record<string, Scalar> = {}, file = `/b/${host}/var/adm/syslog/syslog.log`): LogEvent {
  return {
    id: 0,
    kind,
    ts: kind === "config.setting" ? null : 1000,
    host,
    package: null,
    deviceGroup: null,
    node: null,
    fields,
    source: { file, line: ++line },
    raw: "",
  };
}

/** A cluster ASCII file (or cmconcl.config) on `host`: CLUSTER_NAME then its NODE_NAMEs, per cluster. */
function config(facts: ClusterFacts, host: string, clusters: Record<string, string[]>, name = "cluster.ascii"): void {
  const file = `/b/${host}/etc/cmcluster/${name}`;
  for (const [cluster, nodes] of Object.entries(clusters)) {
    facts.note(event(host, "config.setting", { name: "CLUSTER_NAME", value: cluster }, file));
    for (const node of nodes) facts.note(event(host, "config.setting", { name: "NODE_NAME", value: node }, file));
  }
}

function hosts(facts: ClusterFacts, ...names: string[]): void {
  for (const name of names) facts.noteHost(name);
}

function routes(facts: ClusterFacts): Record<string, string | undefined> {
  const partition = facts.partition();
  if (partition === null) return {};
  const routed: Record<string, string | undefined> = {};
  for (const host of ["a1", "a2", "a3", "b1", "b2", "b3", "c1", "x9", "lxbil02", "lxcrm03"]) {
    const part = partition.partOf(host);
    routed[host] = part === undefined ? undefined : partition.parts[part].name;
  }
  return routed;
}

describe("cluster partition", () => {
  it("splits the nodes of two configured clusters, and places a node no file names by its name's stem", () => {
    const facts = new ClusterFacts();
    config(facts, "lxbil01", { "sgl-bil": ["lxbil01", "lxbil03"] });
    config(facts, "lxcrm01", { "sgl-crm": ["lxcrm01.example.com", "LXCRM02"] });
    hosts(facts, "lxbil01", "lxbil02", "lxbil03", "lxcrm01", "lxcrm03");
    const partition = facts.partition();
    expect(partition?.parts.map((part) => part.name)).toEqual(["sgl-bil", "sgl-crm"]);
    expect(partition?.parts.map((part) => part.nodes)).toEqual([
      ["lxbil01", "lxbil02", "lxbil03"],
      ["lxcrm01", "lxcrm03"],
    ]);
    expect(partition?.parts[partition.partOf("lxcrm03.example.com") ?? -1]?.name).toBe("sgl-crm");
    // A host of no known cluster and no alike name: read by every cluster's rules.
    expect(partition?.partOf("x9")).toBeUndefined();
    expect(partition?.partOf(null)).toBeUndefined();
  });

  it("is one cluster (no partition) with one configuration, or none", () => {
    const one = new ClusterFacts();
    config(one, "a1", { prod: ["a1", "a2", "b1", "b2"] });
    hosts(one, "a1", "a2", "b1", "b2");
    expect(one.partition()).toBeNull();
    const none = new ClusterFacts();
    hosts(none, "a1", "b1");
    expect(none.partition()).toBeNull();
  });

  it("never splits on memberships alone: the halves of a cluster cut in two log one each", () => {
    for (const [left, right] of [
      ["node1,node2", "node3,node4"],
      ["ppda1,ppda2", "ppdb1,ppdb2"],
      ["hra1,hra2", "hrb1,hrb2"],
      ["orion,lyra", "draco,hydra"],
    ]) {
      const facts = new ClusterFacts();
      facts.note(event(left.split(",")[0], "cluster.membership", { members: left }));
      facts.note(event(right.split(",")[0], "cluster.membership", { members: right }));
      hosts(facts, ...left.split(","), ...right.split(","));
      expect(facts.partition(), `${left} / ${right}`).toBeNull();
    }
  });

  it("ties to a configured cluster the nodes its daemons spoke of, and those contending for its lock", () => {
    const halves = (): ClusterFacts => {
      const facts = new ClusterFacts();
      // An old cluster ASCII file naming site 1 only, and another cluster beside it.
      config(facts, "orion", { trade: ["orion", "lyra"] });
      config(facts, "x1", { other: ["x1", "x2"] });
      facts.note(event("orion", "cluster.membership", { members: "orion,lyra" }));
      facts.note(event("draco", "cluster.membership", { members: "draco,hydra" }));
      hosts(facts, "orion", "lyra", "draco", "hydra", "x1", "x2");
      return facts;
    };
    const partNames = (facts: ClusterFacts): string[] => (facts.partition()?.parts.map((part) => part.name) ?? []).sort();
    expect(partNames(halves())).toEqual(["draco,hydra", "other", "trade"]);
    const heard = halves();
    // The writer is the line's host; the event is about the member it names.
    heard.note({
      ...event("orion", "cluster.member.unhealthy"),
      raw: "Mar 22 01:58:40 draco cmcld[2393]: Member orion seems unhealthy, not receiving heartbeats from it.",
    });
    expect(partNames(heard)).toEqual(["other", "trade"]);
    const locked = halves();
    locked.note(event("draco", "cluster.lock.failed", { lock: "/sg/mctrade", server: "10.90.0.9" }));
    locked.note(event("orion", "cluster.lock.failed", { lock: "/sg/mctrade", server: "10.90.0.9" }));
    expect(partNames(locked)).toEqual(["other", "trade"]);
  });

  it("a recovery cluster naming itself ties nothing: its primary is not split from it", () => {
    const facts = new ClusterFacts();
    config(facts, "a1", { primary_cluster: ["a1", "a2"] });
    config(facts, "c1", { recovery_cluster: ["c1", "c2"] });
    facts.note(event("c1", "cc.recover", { cluster: "recovery_cluster" }));
    hosts(facts, "a1", "a2", "c1", "c2");
    expect(facts.partition()).toBeNull();
  });

  it("ties the two clusters of one Continentalclusters together, and each Continentalclusters apart from the other", () => {
    const facts = new ClusterFacts();
    config(facts, "b1", { paychi: ["a1", "a2"], paynyc: ["b1", "b2"] }, "cmconcl.config");
    config(facts, "c1", { trdchi: ["a3"], trdnyc: ["b3", "c1"] }, "cmconcl.config");
    facts.note(event("b1", "config.setting", { name: "RECOVERY_GROUP_NAME", value: "ordb_rg" }, "/b/b1/etc/cmconcl/cmconcl.config"));
    hosts(facts, "a1", "a2", "b1", "b2", "a3", "b3", "c1");
    expect(routes(facts)).toMatchObject({ a1: "paychi+paynyc", b2: "paychi+paynyc", a3: "trdchi+trdnyc", c1: "trdchi+trdnyc" });
  });

  it("reads Continentalclusters clusters it cannot tie to their partner together, not apart", () => {
    // The primary's and the recovery cluster's ASCII files, no cmconcl.config: an alert on b1 names a cluster not
    // configured here, so nothing ties a* to b*: both are read as one, as before partitions existed.
    const facts = new ClusterFacts();
    config(facts, "a1", { chi: ["a1", "a2"] });
    config(facts, "b1", { nyc: ["b1", "b2"] });
    facts.note(event("b1", "cc.alert", { cluster: "elsewhere" }));
    hosts(facts, "a1", "a2", "b1", "b2");
    expect(facts.partition()).toBeNull();
    // The monitor on b1 speaking of chi ties them: one Continentalclusters, still one part.
    facts.note(event("b1", "cc.alert", { cluster: "chi" }));
    expect(facts.partition()).toBeNull();
  });

  it("a monitor naming its primary ties that pair; an unrelated Metrocluster beside it is its own", () => {
    const facts = new ClusterFacts();
    config(facts, "a1", { chi: ["a1", "a2"] });
    config(facts, "b1", { nyc: ["b1", "b2"] });
    config(facts, "c1", { mc: ["c1", "c2"] });
    facts.note(event("b1", "cc.alarm", { cluster: "chi" }));
    hosts(facts, "a1", "b1", "c1");
    // A Continentalclusters bundle: the Metrocluster tied to no partner is read apart from the pair, with the rest.
    expect(routes(facts)).toMatchObject({ a1: "chi+nyc", b1: "chi+nyc", c1: "c1" });
  });

  it("says when a fact changed what it knows, and a repeated one did not", () => {
    const facts = new ClusterFacts();
    expect(facts.note(event("a1", "cluster.membership", { members: "a1,a2" }))).toBe(true);
    expect(facts.note(event("a1", "cluster.membership", { members: "a2,a1" }))).toBe(false);
    expect(facts.note(event("a2", "pkg.start.begin"))).toBe(true);
    expect(facts.note(event("a2", "pkg.start.begin"))).toBe(false);
  });

  // Round 74 #15: mcsd came with its cluster ASCII file, mcmm only with a cmviewcl saved on one of its nodes (no time).
  it("reads a cmviewcl node row under its cluster's row as that cluster's node, dated or not", () => {
    const facts = new ClusterFacts();
    config(facts, "a1", { mcsd: ["a1", "a2"] });
    const row = (node: string, kind: string, cluster?: string): LogEvent => ({
      ...event("b1", kind, cluster === undefined ? { status: "up", state: "running" } : { status: "up", state: "running", cluster }, "/b/b1/tmp/cmviewcl.out"),
      node,
    });
    expect(facts.note(row("b1", "untimed.node.status", "MCMM"))).toBe(true);
    facts.note(row("b2", "node.status", "mcmm"));
    // A node row no cluster row stood above ties nothing.
    facts.note(row("c1", "untimed.node.status"));
    hosts(facts, "a1", "a2", "b1", "b2", "c1");
    expect(facts.partition()?.parts).toEqual(
      expect.arrayContaining([
        { name: "mcmm", nodes: ["b1", "b2"] },
        { name: "mcsd", nodes: ["a1", "a2"] },
      ]),
    );
    expect(facts.partition()?.parts).toHaveLength(2);
    expect(facts.partition()?.partOf("c1")).toBeUndefined();
  });

  // Round 76 #01: an audit's raid/fin01_pairdisplay_...txt beside a loghost's file was read by both clusters' engines.
  it("places a file of no host by the node its name names, when that node's cluster is known and alone", () => {
    const facts = new ClusterFacts();
    config(facts, "a1", { fin: ["a1", "a2"] });
    config(facts, "b1", { hr: ["b1", "b2"] });
    hosts(facts, "a1", "a2", "b1", "b2");
    const partition = facts.partition()!;
    const name = (path: string) => {
      const part = partition.partOfNamedFile(path);
      return part === undefined ? undefined : partition.parts[part].name;
    };
    expect(name("/c/audit/raid/a1_pairdisplay_20241120_0916.txt")).toBe("fin");
    expect(name("/c/audit/raid/pd-B2.txt")).toBe("hr");
    expect(name("/c/audit/raid/a1-b1_pairdisplay.txt")).toBeUndefined();
    expect(name("/c/audit/raid/pairdisplay.txt")).toBeUndefined();
  });

  it("names nodes as the logs write them", () => {
    expect(nodeKey("LXBIL01.corp.example")).toBe("lxbil01");
    expect(nodeKey("10.1.2.3")).toBe("10.1.2.3");
  });
});
