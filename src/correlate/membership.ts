/**
Who is in which cluster, by the logs: the nodes each membership names, the nodes that failed or left and when,
the tie-breaks lost, the clusters the configuration lists. The pair model asks it whether a package's node was
really down (failed, or cut off and still working, or in a cluster of its own after a partition); the rules read
it through the `node.outOfCluster` and `membership.*` state paths.

`Stopped` is what a timeout changed for the model that reported it (the packages it counted as down), handed back
when that timeout is voided.
*/

import type { LogEvent } from "../model/events.js";

/**
How long after a node was reported failing a membership without it says it failed out (a re-formation takes seconds
to a minute), and how far back a lost tie-break voids the timeouts its node logged.
*/
export const FAILED_OUT_WINDOW_MS = 10 * 60_000;

/**
Lines by which a node's own cluster daemon shows it still ran, in touch with its peers or its packages: hearing a peer
again, starving, watching a member, a package's service ending. Logged by the loser of a tie-break, by the process that
logged the loss, a while after it, they say the node did not halt (a reset node logs its boot and a new cmcld first).
*/
const CARRIED_ON_KINDS: ReadonlySet<string> = new Set(["cluster.heartbeat.restored", "cmcld.starved", "cluster.member.unhealthy", "pkg.service.failed"]);
/** The seconds after a lost tie-break in which its daemon's last words (services ending as it halts) say nothing. */
const CARRIED_ON_AFTER_MS = 60_000;
/** The kinds by which a node logs losing the tie-break itself. */
const TIE_BREAK_LOST_KINDS: ReadonlySet<string> = new Set(["cluster.lock.failed", "cluster.quorum.lost"]);

/**
The host and the process a log line's header names ("atha1", "cmcld[2011]"), or null. An event's host is the node it is
about ("Member athb1 seems unhealthy" is athb1's), so the writer is read from the line itself.
*/
export function writerOf(event: LogEvent): { readonly host: string; readonly process: string } | null {
  const match = /^\S[^[\]]{0,80}?\s([^\s[\]]+)\s+([A-Za-z][\w./-]*\[\d+\]):/.exec(event.raw);
  return match === null ? null : { host: match[1].replace(/^[^@]*@/, ""), process: match[2] };
}

/** The folder of a log file: one node's logs (syslog.log and OLDsyslog.log side by side). */
export function folderOf(file: string): string {
  const slash = Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\"));
  return slash >= 0 ? file.slice(0, slash) : "";
}

interface TimeoutReport<Stopped> {
  readonly node: string;
  readonly ts: number;
  readonly lostBefore: number | undefined;
  readonly stopped: Stopped;
}

export class ClusterMembership<Stopped> {
  /** Nodes that logged losing the cluster's tie-break (lock or quorum) and were not seen in a cluster since. */
  private readonly outOfCluster = new Map<string, LogEvent>();
  /** Nodes that logged the tie-breaker granting the lock or quorum to the other partition (which goes on as the cluster). */
  private readonly lostToOther = new Map<string, LogEvent>();
  /** When each node was last seen failing or leaving (timed out, reset, lost the tie-break, left a membership). */
  private readonly lostAtByNode = new Map<string, number>();
  /** Per node, every node a membership named with it: its cluster. */
  private readonly clusterPeers = new Map<string, Set<string>>();
  /** The nodes each configured cluster lists (CLUSTER_NAME, then its NODE_NAMEs), and the cluster a file is at. */
  private readonly nodesOfCluster = new Map<string, Set<string>>();
  private readonly configuredCluster = new Map<string, string>();
  /**
  Per reporting node (the folder of the log that says it: an event about a node carries that node, not the reporter),
  the nodes it timed out and what that changed: undone when the reporter itself then loses the tie-break, as its view
  of the others failing was its own isolation.
  */
  private readonly timeoutsBy = new Map<string, Array<TimeoutReport<Stopped>>>();
  /** The latest cluster membership each node logged naming itself, and when: the cluster it is in by its own account. */
  private readonly ownMembership = new Map<string, { readonly members: ReadonlySet<string>; readonly ts: number; readonly line: LogEvent }>();
  /**
  Nodes reported failing (not heard, timed out, reset) that a new membership then left out, until one includes them
  again: the line of that membership.
  */
  private readonly failedOut = new Map<string, LogEvent>();
  /** Nodes left out of their cluster's latest membership (for any reason), with the membership line that first did. */
  private readonly leftOut = new Map<string, LogEvent>();
  /** When a membership of its cluster last left each node out (failed out, or left out for any reason). */
  private readonly leftOutAt = new Map<string, number>();
  /** Per host, the time of its latest own replication line (its monitor, its checks). */
  private readonly lastOwnWork = new Map<string, number>();
  /** When each node logged losing its cluster itself (the tie-break lost, cmcld died). */
  private readonly selfLostAt = new Map<string, number>();
  /** The line by which each node lost the tie-break itself, while it has not restarted (reset, cmcld died) or rejoined since. */
  private readonly tieBreakLost = new Map<string, LogEvent>();
  /** Nodes whose daemon went on after their tie-break loss (see carriedOnAfterTieBreak), and the line that showed it. */
  private readonly carriedOn = new Map<string, { readonly loss: LogEvent; readonly line: LogEvent }>();

  /** `configuredNodeSets`: the node lists of the configured packages (who may run them), for mayBeMemberOf. */
  constructor(private readonly configuredNodeSets: () => Iterable<ReadonlySet<string>>) {}

  /** A cluster ASCII file's or cmconcl.config's CLUSTER_NAME and the NODE_NAMEs under it. */
  noteConfig(file: string, name: string, value: string): void {
    if (name === "CLUSTER_NAME" && value !== "") this.configuredCluster.set(file, value);
    const cluster = this.configuredCluster.get(file);
    if (name === "NODE_NAME" && value !== "" && cluster !== undefined) {
      const nodes = this.nodesOfCluster.get(cluster) ?? new Set<string>();
      nodes.add(value);
      this.nodesOfCluster.set(cluster, nodes);
    }
  }

  /** The host logged its own replication work at `ts`: it was up and working then. */
  noteOwnWork(host: string, ts: number): void {
    this.lastOwnWork.set(host, Math.max(ts, this.lastOwnWork.get(host) ?? ts));
  }

  /** The node is in a cluster again (formed, joined, named by a membership), or lost its tie-break. */
  clusterMember(node: string | null, member: boolean, event: LogEvent): void {
    if (node === null || node === "") return;
    if (member) {
      this.outOfCluster.delete(node);
      this.lostToOther.delete(node);
      this.tieBreakLost.delete(node);
    } else {
      this.outOfCluster.set(node, event);
      if (event.kind === "cluster.lock.failed" && event.fields.toOther === true) this.lostToOther.set(node, event);
    }
  }

  /**
  The line where the tie-breaker gave the cluster to the other partition, while `node` has not been in a cluster since:
  its own, or one another node logged in the same re-formation (10 minutes before `ts`, `node` out of any cluster since):
  the tie-breaker chose one half for all its nodes, and only one of them may say so. Not a node of another cluster, nor
  a line that names `node` among the winners.
  */
  lostToOtherLine(node: string, ts: number | null): LogEvent | undefined {
    const own = this.lostToOther.get(node);
    if (own !== undefined) return own;
    if (ts === null || !this.outOfCluster.has(node)) return undefined;
    const peers = this.clusterPeers.get(node);
    let named: RegExp | undefined;
    for (const [other, line] of this.lostToOther) {
      named ??= new RegExp(`(?:^|[^\\w.-])${node.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:$|[^\\w.-])`, "i");
      // Only a node of its own cluster when its cluster is known, and a line that does not name it among the winners
      // ("granted quorum to another partition (nodeB1, nodeB2)" is no loss for nodeB2: review).
      // Peers unknown (the node's logs begin after its reboot, round 52 #20): the line's own winners decide.
      if ((peers !== undefined && !peers.has(other)) || named.test(line.raw)) continue;
      if (line.ts !== null && line.ts <= ts && ts - line.ts <= 10 * 60_000) return line;
    }
    return undefined;
  }

  /** A node failed or left the cluster at `ts`. */
  nodeLost(node: string | null, ts: number | null): void {
    if (node === null || node === "" || ts === null) return;
    this.lostAtByNode.set(node, Math.max(ts, this.lostAtByNode.get(node) ?? ts));
  }

  lostAt(node: string): number | undefined {
    return this.lostAtByNode.get(node);
  }

  /** Every node lost and when. */
  lostNodes(): IterableIterator<[string, number]> {
    return this.lostAtByNode.entries();
  }

  /** The node logged losing its cluster itself. */
  selfLost(node: string | null, event: LogEvent): void {
    if (node === null || event.ts === null || event.host !== node) return;
    this.selfLostAt.set(node, event.ts);
    // A reset or a dead daemon ends what a tie-break loss began: the node halted.
    if (TIE_BREAK_LOST_KINDS.has(event.kind)) {
      if (!this.tieBreakLost.has(node)) this.tieBreakLost.set(node, event);
    } else {
      this.tieBreakLost.delete(node);
      this.carriedOn.delete(node);
    }
  }

  /**
  `event`, logged by a node that lost the tie-break, shows its cluster daemon still running a while after the loss:
  the same process (when both lines name theirs) heard a peer again or went on with its packages, and the node neither
  reset, nor saw its daemon die, nor formed or joined a cluster since. The tie-break's loser is assumed to halt
  (Managing Serviceguard, "Cluster Lock"); this one did not, and what it ran still runs. Returns the loss line the
  first time a node shows it, else undefined.
  */
  carriedOnAfterTieBreak(event: LogEvent): { readonly node: string; readonly loss: LogEvent } | undefined {
    if (event.ts === null || !CARRIED_ON_KINDS.has(event.kind) || this.tieBreakLost.size === 0) return undefined;
    const writer = writerOf(event);
    for (const [node, loss] of this.tieBreakLost) {
      if (this.carriedOn.has(node) || loss.ts === null || event.ts - loss.ts < CARRIED_ON_AFTER_MS) continue;
      // Written by that node: its header says so, else (no header process) the same node's logs (its folder).
      if (writer !== null ? writer.host !== node : folderOf(event.source.file) !== folderOf(loss.source.file)) continue;
      // A new process of the daemon is a restart, whatever else the logs left out (boot lines are no event).
      const before = writerOf(loss);
      if (before !== null && writer !== null && before.process !== writer.process) continue;
      this.carriedOn.set(node, { loss, line: event });
      return { node, loss };
    }
    return undefined;
  }

  /** The node (by its log's folder, `reporter`) timed `node` out at `ts`; `stopped` is what that changed. */
  timedOut(reporter: string, node: string, ts: number, lostBefore: number | undefined, stopped: Stopped): void {
    // Only the last minutes' reports can be voided: older ones are dropped, so a long watch keeps few.
    const reports = (this.timeoutsBy.get(reporter) ?? []).filter((report) => ts - report.ts <= FAILED_OUT_WINDOW_MS);
    reports.push({ node, ts, lostBefore, stopped });
    this.timeoutsBy.set(reporter, reports);
  }

  /**
  The node whose logs are in `reporter` lost the tie-break (cluster lock, quorum) and halts: the nodes it timed out in
  the minutes before were on the other side of the partition, which kept the cluster. They did not fail: their loss
  is undone here, and what each timeout changed is returned for the caller to undo.
  */
  voidTimeoutsBy(reporter: string, ts: number | null): Array<{ readonly node: string; readonly stopped: Stopped }> {
    if (ts === null) return [];
    const voided: Array<{ node: string; stopped: Stopped }> = [];
    for (const report of this.timeoutsBy.get(reporter) ?? []) {
      if (report.ts > ts || ts - report.ts > FAILED_OUT_WINDOW_MS) continue;
      if (this.lostAtByNode.get(report.node) === report.ts) {
        if (report.lostBefore === undefined) this.lostAtByNode.delete(report.node);
        else this.lostAtByNode.set(report.node, report.lostBefore);
      }
      voided.push({ node: report.node, stopped: report.stopped });
    }
    this.timeoutsBy.delete(reporter);
    return voided;
  }

  /** A membership line (`members`, logged by event.host): who is in, who failed out, who is whose peer. */
  noteMembership(members: ReadonlySet<string>, event: LogEvent): void {
    this.noteLeftOut(members, event);
    for (const member of members) this.clusterMember(member, true, event);
    this.noteFailedOut(members, event);
    if (event.host && members.has(event.host) && event.ts !== null) this.ownMembership.set(event.host, { members, ts: event.ts, line: event });
    for (const member of members) {
      const peers = this.clusterPeers.get(member) ?? new Set<string>();
      for (const other of members) peers.add(other);
      this.clusterPeers.set(member, peers);
    }
  }

  /**
  A membership that leaves out a node others reported failing in the minutes before it (heartbeat lost, timed out,
  reset): that node failed out of the cluster. One that names it again: it rejoined.
  */
  private noteFailedOut(members: ReadonlySet<string>, event: LogEvent): void {
    for (const member of members) this.failedOut.delete(member);
    if (event.ts === null) return;
    for (const [node, lostAt] of this.lostAtByNode) {
      if (members.has(node) || node === event.host || event.ts - lostAt > FAILED_OUT_WINDOW_MS || lostAt > event.ts) continue;
      if (!this.mayBeMemberOf(node, members)) continue;
      if (!this.failedOut.has(node)) this.failedOut.set(node, event);
      this.leftOutAt.set(node, event.ts);
    }
  }

  /**
  Whether `node` belongs to the cluster whose membership is `members`: a membership speaks only of its own cluster's
  nodes (Continentalclusters: the recovery cluster's nodes are never in the primary's). Known from an earlier
  membership naming the node, else from the configured clusters' node lists, else from those of the packages
  configured on it; unknown counts as yes.
  */
  mayBeMemberOf(node: string, members: ReadonlySet<string>): boolean {
    const peers = this.clusterPeers.get(node);
    if (peers !== undefined) return [...peers].some((peer) => peer !== node && members.has(peer));
    const clusters = [...this.nodesOfCluster.values()].filter((nodes) => nodes.has(node));
    if (clusters.length > 0) return clusters.some((nodes) => [...nodes].some((other) => other !== node && members.has(other)));
    let configured = false;
    for (const nodes of this.configuredNodeSets()) {
      if (!nodes.has(node)) continue;
      configured = true;
      if ([...nodes].some((other) => other !== node && members.has(other))) return true;
    }
    return !configured;
  }

  /** The nodes a membership named with `node`, and those of the configured clusters listing it: its cluster as far as known. */
  peersOf(node: string): ReadonlySet<string> {
    const peers = new Set(this.clusterPeers.get(node) ?? []);
    for (const nodes of this.nodesOfCluster.values()) if (nodes.has(node)) for (const other of nodes) peers.add(other);
    return peers;
  }

  /** Whether two nodes are of one cluster: a membership named both, or a configured cluster lists both. */
  sameCluster(node: string, other: string): boolean {
    if (node === other) return true;
    if (this.clusterPeers.get(node)?.has(other)) return true;
    for (const nodes of this.nodesOfCluster.values()) if (nodes.has(node) && nodes.has(other)) return true;
    return false;
  }

  /**
  Other nodes reported `node` gone (not heard, left out of their membership), yet by its own log its latest cluster
  (formed before the package started there, or kept after) is one without `other`, and it did not lose it since:
  two clusters, not a failure. (A site that wins the tie-break forms its cluster first and starts the package in it.)
  */
  inSeparateCluster(node: string, other: string | null): boolean {
    const own = this.ownMembership.get(node);
    if (own === undefined || other === null || own.members.has(other)) return false;
    const selfLost = this.selfLostAt.get(node);
    return selfLost === undefined || selfLost < own.ts;
  }

  /**
  `node` was left out of a membership of its cluster, has since logged one naming itself (it rejoined), and no line
  reported it lost after that: it is back in its cluster now. A reset it tells of now is the one it came back from
  (an operator's note after cmrunnode), not a new one: a node reset anew is timed out and left out again first, and
  logs its reset after the reboot, before it can rejoin.
  */
  backInCluster(node: string): boolean {
    const own = this.ownMembership.get(node);
    const out = this.leftOutAt.get(node);
    if (own === undefined || out === undefined || own.ts < out) return false;
    const lost = this.lostAtByNode.get(node);
    return lost === undefined || lost <= own.ts;
  }

  /** The membership line by which `node` said which cluster it is in. */
  ownMembershipLine(node: string): LogEvent | undefined {
    return this.ownMembership.get(node)?.line;
  }

  /**
  Others reported `node` gone at `lostAt`, yet its own log goes on with its replication lines after that (its monitor
  still checking its P-VOL) and never says it lost its cluster, or its daemon went on after the tie-break it lost: it
  was cut off, not down, and what it ran still ran.
  */
  keptWorking(node: string, lostAt: number): boolean {
    // Its daemon went on after the tie-break it lost (carriedOnAfterTieBreak), since it was reported gone.
    const carried = this.carriedOn.get(node);
    if (carried !== undefined && carried.line.ts !== null && carried.line.ts > lostAt && this.tieBreakLost.get(node) === carried.loss) return true;
    const worked = this.lastOwnWork.get(node);
    if (worked === undefined || worked <= lostAt) return false;
    const selfLost = this.selfLostAt.get(node);
    return selfLost === undefined || selfLost < lostAt;
  }

  /** The line by which `node` lost the tie-break, while it has not been seen in a cluster since. */
  outOfClusterLine(node: string): LogEvent | undefined {
    return this.outOfCluster.get(node);
  }

  /** Nodes that failed out of the cluster and have not rejoined, sorted. */
  failedNodes(): string[] {
    return [...this.failedOut.keys()].sort();
  }

  hasFailedOut(node: string): boolean {
    return this.failedOut.has(node);
  }

  /** Whether the logs show `node` lost: failed out of its cluster (not halted on purpose), or beaten at the tie-break. */
  isLost(node: string): boolean {
    return this.failedOut.has(node) || this.outOfCluster.has(node);
  }

  /**
  A membership of a cluster that no longer names a node an earlier one of the same cluster named: it left (halted for
  patching, rebooted, failed). One that names it again: it rejoined.
  */
  private noteLeftOut(members: ReadonlySet<string>, event: LogEvent): void {
    for (const member of members) this.leftOut.delete(member);
    for (const node of this.clusterPeers.keys()) {
      if (members.has(node) || this.leftOut.has(node) || !this.mayBeMemberOf(node, members)) continue;
      this.leftOut.set(node, event);
      if (event.ts !== null) this.leftOutAt.set(node, event.ts);
    }
  }

  /** A node said to have halted and left its cluster (cmhaltnode): out until a membership names it again. */
  nodeHalted(node: string | null, event: LogEvent): void {
    if (node !== null && !this.leftOut.has(node)) this.leftOut.set(node, event);
  }

  /** Nodes a membership left out without any report of them failing (see failedNodes), not named again since; sorted. */
  leftNodes(): string[] {
    return [...this.leftOut.keys()].filter((node) => !this.failedOut.has(node)).sort();
  }

  /** The membership lines that left the failed nodes out. */
  failedOutLines(): LogEvent[] {
    return [...new Set(this.failedOut.values())];
  }
}
