/**
What each node last said about its own volume of one device group, and the nodes that contradict another. Two nodes
of one side cannot both be right about one volume: the one that keeps saying broken after the other said PAIR maps
other LDEVs, runs another horcm.conf or reads a stale state, and nobody should act on the group until that is known.
*/

import type { LogEvent } from "../model/events.js";

/** A node that said broken again after `contradictedBy` (another node of its side) said PAIR since its previous broken report. */
export interface Dispute {
  readonly node: string;
  readonly line: LogEvent;
  readonly contradictedBy: LogEvent;
}

interface Verdict {
  readonly broken: boolean;
  readonly role: string | null;
  readonly ts: number;
  readonly line: LogEvent;
}

/** How long a node's last broken report keeps a dispute open after the logs' newest line (it stopped reporting). */
const DISPUTE_MS = 2 * 60 * 60_000;

export class NodeVerdicts {
  /** Each node's latest word: broken (out of PAIR, a Raid Manager error) or PAIR. */
  private readonly verdicts = new Map<string, Verdict>();
  /** One per node: a second disputing node that is fixed must not close the first one's contradiction. */
  private readonly disputes = new Map<string, Dispute>();

  /** A node's word on its own volume of the group. A node's dispute ends when it says PAIR. */
  note(node: string, broken: boolean, role: string | null, event: LogEvent): void {
    if (event.ts === null) return;
    const previous = this.verdicts.get(node);
    // A Raid Manager error on the group is what the whole pair answers, from either side; a state is one side's view.
    const error = event.kind === "raid.error";
    if (broken && previous?.broken) {
      for (const [other, verdict] of this.verdicts) {
        if (other === node || verdict.broken || verdict.ts < previous.ts || verdict.ts > event.ts) continue;
        // A suspended state is one side's view (an S-VOL may show PAIR after the links fail): compare within a side.
        if (!error && (role === null || verdict.role !== role)) continue;
        this.disputes.set(node, { node, line: event, contradictedBy: verdict.line });
      }
    }
    if (!broken) this.disputes.delete(node);
    this.verdicts.set(node, { broken, role, ts: event.ts, line: event });
  }

  /** The latest dispute of a node that still says broken and has not gone quiet (DISPUTE_MS before the logs' newest line). */
  openDispute(latestTs: number | null): Dispute | null {
    if (latestTs === null) return null;
    let open: Dispute | null = null;
    for (const [node, dispute] of this.disputes) {
      const latest = this.verdicts.get(node);
      if (latest === undefined || !latest.broken || latestTs - latest.ts > DISPUTE_MS) continue;
      if (open === null || (dispute.line.ts ?? 0) > (open.line.ts ?? 0)) open = dispute;
    }
    return open;
  }
}
