/**
Which node is in which cluster, when one collection holds the logs of several clusters built from one standard (the
same package, device group and instance names in each): each cluster is then correlated on its own, or sgl-crm's
nightly resync of its dg01 would close what sgl-bil's split of its own dg01 opened (round 73).

A configured cluster (the NODE_NAMEs under a CLUSTER_NAME in a cluster ASCII file or cmconcl.config, or the node rows
under a cluster's row in a saved cmviewcl table, dated or not) is a part of its own. Other facts only tie nodes
together: the members of a logged membership, a cluster daemon speaking of a member it stopped hearing, the nodes
contending for one cluster lock, a Continentalclusters monitor naming the cluster it watches (which ties the two
clusters of one Continentalclusters together). Nodes tied to no configured cluster are read
together, as one more part: memberships alone never split (the two halves of a cluster cut in two log one each), and
package node lists are no cluster at all (a package may run on half of one). A Continentalclusters bundle keeps
together every cluster it cannot tie to its partner: its rules read the primary's and the recovery cluster's logs as
one.
*/

import type { LogEvent } from "../model/events.js";
import { nameNamesNode, nodeKey } from "../model/node-names.js";
import { writerOf } from "./membership.js";

/** The kinds whose events may say who is in which cluster (config settings: only the names below). */
export const CLUSTER_FACT_KINDS: readonly string[] = [
  "config.setting",
  "cluster.membership",
  "cluster.member.unhealthy",
  "node.timeout",
  "cluster.lock.failed",
  "cc.alert",
  "cc.alarm",
  "cc.maintenance",
  "cc.recover",
  "node.status",
  "untimed.node.status",
];

/** Kinds by which a node's cluster daemon speaks of another member (it stopped hearing it, timed it out). */
const MEMBER_KINDS: ReadonlySet<string> = new Set(["cluster.member.unhealthy", "node.timeout"]);

/** Settings that say a bundle holds a Continentalclusters configuration (cmconcl.config). */
const CONTINENTAL_SETTINGS: ReadonlySet<string> = new Set(["CONTINENTAL_CLUSTER_NAME", "RECOVERY_GROUP_NAME", "PRIMARY_PACKAGE", "RECOVERY_PACKAGE"]);

/** A node name without its number ("lxbil" of lxbil02, "ln-dbx" of ln-dbx03): names alike are one build's. */
function stemOf(node: string): string {
  return node.replace(/[-_.]?\d+[a-z]?$/, "");
}

export interface ClusterPart {
  /** The cluster's name (or the Continentalclusters' names joined by "+"), else its nodes'. */
  readonly name: string;
  readonly nodes: readonly string[];
}

/** The clusters of a bundle and the part each host's events go to. */
export class ClusterPartition {
  constructor(
    readonly parts: readonly ClusterPart[],
    private readonly partByHost: ReadonlyMap<string, number>,
  ) {}

  /** Per file name: the part of the one node it names (partOfNamedFile). */
  private readonly partByFileName = new Map<string, number | undefined>();

  /** The part that reads an event of this host; undefined: every part (no host, or one of no cluster known). */
  partOf(host: string | null): number | undefined {
    return host === null ? undefined : this.partByHost.get(nodeKey(host));
  }

  /**
  The part of a file no host places whose name names nodes of one part only (a collection's
  raid/fin01_pairdisplay_20241120_0916.txt beside a loghost's file: round 76 #01, where it closed the other cluster's
  suspension of a group of the same name); undefined otherwise.
  */
  partOfNamedFile(path: string): number | undefined {
    const name = path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
    if (this.partByFileName.has(name)) return this.partByFileName.get(name);
    const parts = new Set<number>();
    for (const [host, part] of this.partByHost) if (nameNamesNode(name, host)) parts.add(part);
    const part = parts.size === 1 ? [...parts][0] : undefined;
    this.partByFileName.set(name, part);
    return part;
  }

  /** Equal for two partitions that route every event alike. */
  get signature(): string {
    return JSON.stringify([...this.partByHost].sort());
  }
}

/** Union-find over node names. */
class NodeSets {
  private readonly parent = new Map<string, string>();

  find(node: string): string {
    let root = this.parent.get(node) ?? node;
    if (root === node) {
      this.parent.set(node, node);
      return node;
    }
    root = this.find(root);
    this.parent.set(node, root);
    return root;
  }

  has(node: string): boolean {
    return this.parent.has(node);
  }

  union(left: string, right: string): void {
    const a = this.find(left);
    const b = this.find(right);
    if (a !== b) this.parent.set(b, a);
  }

  nodes(): IterableIterator<string> {
    return this.parent.keys();
  }
}

/**
What a bundle's events say of its clusters, gathered event by event (`note`), and the partition it gives. `analyze`
gathers it from the store before the rules run; `watch` as lines come, and replays when the partition changes.
*/
export class ClusterFacts {
  /** Per configuration file: the CLUSTER_NAME section being read. */
  private readonly sectionOfFile = new Map<string, string>();
  /** Per cluster name: the NODE_NAMEs configured under it. */
  private readonly nodesOfCluster = new Map<string, Set<string>>();
  /** Per configuration file: the clusters it configures (two or more: one Continentalclusters). */
  private readonly clustersOfFile = new Map<string, Set<string>>();
  /** The node sets logged memberships (and member reports, lock contention) named together, by their sorted names. */
  private readonly memberships = new Map<string, readonly string[]>();
  /** Per cluster lock (server and name): the nodes that logged contending for it. */
  private readonly lockContenders = new Map<string, Set<string>>();
  /** "host\u0000cluster": a Continentalclusters monitor on host speaks of that cluster. */
  private readonly watched = new Set<string>();
  private readonly hosts = new Set<string>();
  private continental = false;

  /** A host that logged events; true when it is new. */
  noteHost(name: string): boolean {
    const host = nodeKey(name);
    if (host === "" || this.hosts.has(host)) return false;
    this.hosts.add(host);
    return true;
  }

  /** Reads one event; true when it changed what is known (a new host, a new cluster fact). */
  note(event: LogEvent): boolean {
    const changed = event.host !== null && this.noteHost(event.host);
    const host = event.host === null || event.host === "" ? null : nodeKey(event.host);
    switch (event.kind) {
      case "config.setting":
        return this.noteSetting(event) || changed;
      case "node.status":
      case "untimed.node.status":
        // A cmviewcl node row under its cluster's row: the cluster's own view of its nodes, whenever it was taken.
        return typeof event.fields.cluster === "string" && event.node !== null ? this.noteConfigured(event.fields.cluster, event.node) || changed : changed;
      case "cluster.membership":
        return typeof event.fields.members === "string" ? this.noteTogether(event.fields.members.split(",")) || changed : changed;
      case "cluster.lock.failed": {
        // The nodes contending for one lock (the halves of a cluster cut in two): one cluster.
        const lock = typeof event.fields.lock === "string" ? `${String(event.fields.server ?? "")}:${event.fields.lock}` : null;
        if (lock === null || host === null) return changed;
        const contenders = this.lockContenders.get(lock) ?? new Set<string>();
        contenders.add(host);
        this.lockContenders.set(lock, contenders);
        return this.noteTogether([...contenders]) || changed;
      }
      default: {
        if (MEMBER_KINDS.has(event.kind)) {
          // "draco cmcld: Member orion seems unhealthy": the writer and the member it speaks of are one cluster's.
          const writer = writerOf(event)?.host ?? null;
          const member = event.node ?? event.host;
          return writer !== null && member !== null ? this.noteTogether([writer, member]) || changed : changed;
        }
        if (!event.kind.startsWith("cc.")) return changed;
        const cluster = typeof event.fields.cluster === "string" ? event.fields.cluster.toLowerCase() : null;
        const fresh = !this.continental;
        this.continental = true;
        if (host === null || cluster === null || this.watched.has(`${host}\u0000${cluster}`)) return changed || fresh;
        this.watched.add(`${host}\u0000${cluster}`);
        return true;
      }
    }
  }

  /** Nodes a fact says are in one cluster; true when they were not known together. */
  private noteTogether(names: readonly string[]): boolean {
    const members = [...new Set(names.map(nodeKey).filter((name) => name !== ""))].sort();
    if (members.length < 2 || this.memberships.has(members.join(" "))) return false;
    this.memberships.set(members.join(" "), members);
    return true;
  }

  private noteSetting(event: LogEvent): boolean {
    const name = String(event.fields.name ?? "").toUpperCase();
    const value = event.fields.value === null || event.fields.value === undefined ? "" : String(event.fields.value).trim();
    const file = event.source.file;
    if (CONTINENTAL_SETTINGS.has(name) || (name === "CLUSTER_TYPE" && /continental/i.test(value))) {
      const fresh = !this.continental;
      this.continental = true;
      return fresh;
    }
    if (name === "CLUSTER_NAME" && value !== "") {
      const cluster = value.toLowerCase();
      this.sectionOfFile.set(file, cluster);
      const clusters = this.clustersOfFile.get(file) ?? new Set<string>();
      const fresh = !clusters.has(cluster);
      clusters.add(cluster);
      this.clustersOfFile.set(file, clusters);
      // A second cluster in one file ties the two (cmconcl.config), even when their nodes are known already.
      return fresh && clusters.size > 1;
    }
    const cluster = this.sectionOfFile.get(file);
    if (name !== "NODE_NAME" || cluster === undefined || value === "" || value === "*") return false;
    return this.noteConfigured(cluster, value);
  }

  /** A node a cluster's configuration or status names; true when it is new. */
  private noteConfigured(clusterName: string, nodeName: string): boolean {
    const cluster = clusterName.toLowerCase();
    const node = nodeKey(nodeName);
    if (node === "") return false;
    const nodes = this.nodesOfCluster.get(cluster) ?? new Set<string>();
    if (nodes.has(node)) return false;
    nodes.add(node);
    this.nodesOfCluster.set(cluster, nodes);
    return true;
  }

  /**
  The clusters the hosts of the bundle belong to, when they are two or more; null when one (or none is known). A
  configured cluster (its NODE_NAMEs under a CLUSTER_NAME) is a part, with the hosts the facts tie to it and those
  named like its nodes; the hosts the facts place in no configured cluster are one more part together (memberships
  alone never split: the halves of a cluster cut in two log one each); a host no fact places is read by every part.
  */
  partition(): ClusterPartition | null {
    if (this.hosts.size < 2 || this.nodesOfCluster.size === 0) return null;
    const sets = new NodeSets();
    const named = new Set<string>();
    for (const nodes of this.nodesOfCluster.values()) {
      const [first, ...rest] = nodes;
      if (first === undefined) continue;
      named.add(first);
      for (const node of rest) sets.union(first, node);
    }
    for (const members of this.memberships.values()) for (const member of members.slice(1)) sets.union(members[0], member);
    // The two clusters of one Continentalclusters: configured together, or one's monitor speaking of the other. A tie
    // counts only when it joined two clusters (the recovery cluster naming itself joins nothing).
    const linked = new Set<string>();
    const tie = (nodes: Iterable<string>, to?: string): void => {
      let first = to;
      for (const node of nodes) {
        first ??= node;
        if (sets.find(first) !== sets.find(node)) {
          sets.union(first, node);
          linked.add(first);
        }
      }
    };
    for (const clusters of this.clustersOfFile.values()) {
      if (clusters.size < 2) continue;
      tie([...clusters].flatMap((cluster) => [...(this.nodesOfCluster.get(cluster) ?? [])]));
    }
    for (const entry of this.watched) {
      const [host, cluster] = entry.split("\u0000");
      const nodes = this.nodesOfCluster.get(cluster);
      if (nodes !== undefined && nodes.size > 0) tie(nodes, host);
    }
    const namedRoots = new Set([...named].map((node) => sets.find(node)));
    const rest = "\u0000rest";
    // Each host to its cluster: tied to a configured one, else named like the nodes of exactly one; a host the facts
    // tie only to unconfigured nodes, or named like them, joins the rest.
    const partOfHost = new Map<string, string>();
    for (const host of this.hosts) {
      if (sets.has(host)) {
        const root = sets.find(host);
        partOfHost.set(host, namedRoots.has(root) ? root : rest);
        continue;
      }
      const stem = stemOf(host);
      if (stem === "") continue;
      const alike = new Set(
        [...sets.nodes()].filter((node) => stemOf(node) === stem).map((node) => (namedRoots.has(sets.find(node)) ? sets.find(node) : rest)),
      );
      if (alike.size === 1) partOfHost.set(host, [...alike][0]);
    }
    // A Continentalclusters bundle: the clusters not tied to their partner are read together.
    const linkedRoots = new Set([...linked].map((node) => sets.find(node)));
    if (this.continental) for (const [host, root] of partOfHost) if (!linkedRoots.has(root)) partOfHost.set(host, rest);
    const roots = [...new Set(partOfHost.values())].sort();
    if (roots.length < 2) return null;
    const hostsOfRoot = new Map<string, string[]>();
    for (const [host, root] of partOfHost) {
      const hosts = hostsOfRoot.get(root);
      if (hosts === undefined) hostsOfRoot.set(root, [host]);
      else hosts.push(host);
    }
    const parts = roots.map((root): ClusterPart => {
      const nodes = [...(hostsOfRoot.get(root) ?? [])].sort();
      const clusters =
        root === rest
          ? []
          : [...this.nodesOfCluster]
              .filter(([, members]) => [...members].some((node) => sets.has(node) && sets.find(node) === root))
              .map(([cluster]) => cluster)
              .sort();
      return { name: clusters.length > 0 ? clusters.join("+") : nodes.join(","), nodes };
    });
    const partByHost = new Map<string, number>();
    for (const [host, root] of partOfHost) partByHost.set(host, roots.indexOf(root));
    return new ClusterPartition(parts, partByHost);
  }
}
