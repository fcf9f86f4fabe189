/**
The rules over a bundle of several clusters (correlate/clusters.ts): one RuleEngine per cluster, each reading its own
nodes' events, and those of no known cluster (no host, or a host no fact places) read by all. One cluster, or none
known: one engine, as before.

Configuration facts (events without a time) are held until the first timed event, then given to each cluster's engine
its own files first: a file naming nodes (a cluster ASCII file, a package's NODE_NAMEs) is only its node's cluster's;
one naming none (an environment file) is every cluster's, after the cluster's own. The same file on two clusters' nodes
is stored once (file identity is content), under whichever node was read first; shared this way, each cluster has it
whichever copy was kept, and a cluster's own differing file wins over another's (the model keeps a setting's first value).
*/

import { RuleEngine, type FindingChange, type RuleEngineOptions } from "./engine.js";
import type { ClusterPartition } from "./clusters.js";
import type { Rule } from "../catalogue/rule.js";
import type { LogEvent } from "../model/events.js";
import { severityRank, type Finding, type FindingStatus } from "../model/findings.js";

/** Settings that make a configuration file one cluster's: it names that cluster's nodes. */
const NODE_SETTINGS: ReadonlySet<string> = new Set(["NODE_NAME", "CLUSTER_NAME"]);

/** Of one finding seen by several clusters' engines (from lines of no cluster), the one shown: open before set aside before resolved. */
const STATUS_RANK: Readonly<Record<FindingStatus, number>> = { open: 3, superseded: 2, resolved: 1 };

export class ClusteredEngine {
  private readonly engines: readonly RuleEngine[];
  /** Configuration facts waiting for the first timed event (null once given out). */
  private held: LogEvent[] | null = [];

  constructor(
    rules: readonly Rule[],
    options: RuleEngineOptions,
    private readonly partition: ClusterPartition | null,
  ) {
    const count = partition === null ? 1 : partition.parts.length;
    this.engines = Array.from({ length: count }, () => new RuleEngine(rules, options));
  }

  push(event: LogEvent): void {
    if (this.engines.length === 1) {
      this.engines[0].push(event);
      return;
    }
    if (event.ts === null && this.held !== null) {
      this.held.push(event);
      return;
    }
    this.giveOutConfiguration();
    const part = this.partOf(event);
    if (part === undefined) for (const engine of this.engines) engine.push(event);
    else this.engines[part].push(event);
  }

  advance(watermark: number): void {
    this.giveOutConfiguration();
    for (const engine of this.engines) engine.advance(watermark);
  }

  finish(): void {
    this.giveOutConfiguration();
    for (const engine of this.engines) engine.finish();
  }

  /** Every cluster's findings, each named by its cluster; one seen by several (from lines of no cluster) once. */
  findings(): Finding[] {
    if (this.engines.length === 1) return this.engines[0].findings();
    this.giveOutConfiguration();
    const byId = new Map<string, Finding>();
    this.engines.forEach((engine, part) => {
      for (const finding of engine.findings()) this.keep(byId, this.named(finding, part));
    });
    return [...byId.values()].sort((a, b) => a.firstSeen - b.firstSeen || a.id.localeCompare(b.id));
  }

  drainChanges(): Array<{ change: FindingChange; finding: Finding }> {
    if (this.engines.length === 1) return this.engines[0].drainChanges();
    this.giveOutConfiguration();
    const drained = this.engines.flatMap((engine, part) =>
      engine.drainChanges().map(({ change, finding }) => ({ change, finding: this.named(finding, part) })),
    );
    if (drained.length === 0) return drained;
    // A finding several engines hold is told as findings() shows it, whichever engine changed it.
    const shown = new Map(this.findings().map((finding) => [finding.id, finding]));
    return drained.map(({ change, finding }) => ({ change, finding: shown.get(finding.id) ?? finding }));
  }

  get ruleEvaluations(): number {
    return this.engines.reduce((sum, engine) => sum + engine.ruleEvaluations, 0);
  }

  private partOf(event: LogEvent): number | undefined {
    if (this.partition === null) return undefined;
    const host = event.host || event.node || null;
    // A line of no host (saved output beside the node folders): the node its file's name names, if any.
    return host !== null ? this.partition.partOf(host) : this.partition.partOfNamedFile(event.source.file);
  }

  /** The held configuration facts to each engine: its own files first, then the files naming no nodes of other clusters. */
  private giveOutConfiguration(): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    const files = new Map<string, LogEvent[]>();
    for (const event of held) {
      const events = files.get(event.source.file);
      if (events === undefined) files.set(event.source.file, [event]);
      else events.push(event);
    }
    const owned = [...files.values()].map((events) => ({
      events,
      part: this.partOf(events[0]),
      namesNodes: events.some((event) => NODE_SETTINGS.has(String(event.fields.name ?? "").toUpperCase())),
    }));
    this.engines.forEach((engine, part) => {
      for (const file of owned) if (file.part === part) for (const event of file.events) engine.push(event);
      for (const file of owned) {
        if (file.part === part || (file.part !== undefined && file.namesNodes)) continue;
        for (const event of file.events) engine.push(event);
      }
    });
  }

  /** Keeps the copy of a finding that says most: open before set aside before resolved, then the more severe. */
  private keep(byId: Map<string, Finding>, finding: Finding): void {
    const kept = byId.get(finding.id);
    if (
      kept === undefined ||
      STATUS_RANK[finding.status] > STATUS_RANK[kept.status] ||
      (finding.status === kept.status && severityRank[finding.severity] > severityRank[kept.severity])
    )
      byId.set(finding.id, finding);
  }

  private named(finding: Finding, part: number): Finding {
    const cluster = this.partition?.parts[part]?.name ?? null;
    return cluster === null ? finding : { ...finding, cluster };
  }
}
