/**
The manual's own forced Continentalclusters recovery (DRC-2011 p.96, reference.md table row 27): halt the primary
cluster with cmhaltcl, wait for the alert, then cmrecovercl -f. When the logs show that order, the recovery site is
the only one that wrote since: the forced recovery is the plain disaster, not the "both sites may be written" case.

Read only from positive evidence, each piece a line of the bundle:
- a cmhaltcl on a node H other than the recovery node, before the recovery command;
- H is not of the recovery node's cluster: no membership or configured cluster names both, and the recovery node
  formed no cluster after the halt (had the halt been of its own cluster, it could have started the recovery
  package only in a cluster formed again);
- H's cluster (H and the nodes a membership named with it) logged a package halted or failing to start by the
  recovery command, and no package is running there or started there since the halt.
A bundle without the primary's logs, or whose primary package the logs still show running, never reads as halted.
*/

import type { LogEvent, Scalar } from "../model/events.js";

/** What the check needs to know of a package: where the logs last showed it and whether it runs. */
export interface PackageWhereabouts {
  readonly node: string | null;
  readonly running: boolean;
  readonly startedAt: number | null;
}

export interface ClusterKnowledge {
  sameCluster(node: string, other: string): boolean;
  peersOf(node: string): ReadonlySet<string>;
  packages(): Iterable<PackageWhereabouts>;
}

export class PrimaryClusterHalt {
  /** The latest cmhaltcl, by whom and when. */
  private halt: { readonly node: string; readonly ts: number; readonly line: LogEvent } | null = null;
  /** The latest cmrecovercl (any options). */
  private recoverAt: number | null = null;
  /** When each node last logged a cluster it formed or a membership naming itself. */
  private readonly formedAt = new Map<string, number>();
  /** When each node last logged a package halted or failing to start (as reporter or as the package's node), and the line. */
  private readonly stoppedBy = new Map<string, { readonly ts: number; readonly line: LogEvent }>();

  /** An administrator's or operator's command line (CM-CMD, sudo, a shell history). */
  noteCommand(event: LogEvent, fields: Readonly<Record<string, Scalar>>, node: string | null): void {
    if (event.ts === null || node === null) return;
    if (fields.command === "cmhaltcl") this.halt = { node, ts: event.ts, line: event };
    else if (fields.command === "cmrecovercl") this.recoverAt = event.ts;
  }

  noteFormed(node: string | null, ts: number | null): void {
    if (node === null || node === "" || ts === null) return;
    if (ts > (this.formedAt.get(node) ?? Number.NEGATIVE_INFINITY)) this.formedAt.set(node, ts);
  }

  notePackageStopped(event: LogEvent, node: string | null): void {
    if (event.ts === null) return;
    for (const who of new Set([event.host, node])) {
      if (who !== null && who !== "") this.stoppedBy.set(who, { ts: event.ts, line: event });
    }
  }

  /**
  The lines that show the primary cluster halted before the recovery `recoveryNode` ran (the cmhaltcl, the package
  stop), or null when the logs do not show it.
  */
  haltedBeforeRecovery(recoveryNode: string | null, cluster: ClusterKnowledge): LogEvent[] | null {
    const halt = this.halt;
    if (halt === null || recoveryNode === null || this.recoverAt === null) return null;
    if (halt.node === recoveryNode || halt.ts > this.recoverAt) return null;
    if (cluster.sameCluster(halt.node, recoveryNode)) return null;
    if ((this.formedAt.get(recoveryNode) ?? Number.NEGATIVE_INFINITY) > halt.ts) return null;
    const halted = new Set([halt.node, ...cluster.peersOf(halt.node)]);
    if (halted.has(recoveryNode)) return null;
    for (const state of cluster.packages()) {
      if (state.node === null || !halted.has(state.node)) continue;
      if (state.running || (state.startedAt !== null && state.startedAt > halt.ts)) return null;
    }
    let stop: LogEvent | null = null;
    for (const node of halted) {
      const stopped = this.stoppedBy.get(node);
      if (stopped !== undefined && stopped.ts <= this.recoverAt && (stop === null || stopped.ts > (stop.ts ?? 0))) stop = stopped.line;
    }
    return stop === null ? null : [stop, halt.line].sort((a, b) => (a.ts ?? 0) - (b.ts ?? 0));
  }
}
