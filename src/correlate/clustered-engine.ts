/**
The rules over a bundle of several clusters (correlate/clusters.ts): one RuleEngine per cluster, each reading its own
nodes' events, and those of no known cluster (no host, or a host no fact places) read by all. One cluster, or none
known: one engine, as before.
*/

import { RuleEngine, type FindingChange, type RuleEngineOptions } from "./engine.js";
import type { ClusterPartition } from "./clusters.js";
import type { Rule } from "../catalogue/rule.js";
import type { LogEvent } from "../model/events.js";
import type { Finding } from "../model/findings.js";

export class ClusteredEngine {
  private readonly engines: readonly RuleEngine[];

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
    const part = this.partition?.partOf(event.host ?? event.node);
    if (part === undefined) for (const engine of this.engines) engine.push(event);
    else this.engines[part].push(event);
  }

  advance(watermark: number): void {
    for (const engine of this.engines) engine.advance(watermark);
  }

  finish(): void {
    for (const engine of this.engines) engine.finish();
  }

  /** Every cluster's findings, each named by its cluster; one seen by several (from lines of no cluster) once. */
  findings(): Finding[] {
    if (this.engines.length === 1) return this.engines[0].findings();
    const byId = new Map<string, Finding>();
    this.engines.forEach((engine, part) => {
      for (const finding of engine.findings()) if (!byId.has(finding.id)) byId.set(finding.id, this.named(finding, part));
    });
    return [...byId.values()].sort((a, b) => a.firstSeen - b.firstSeen || a.id.localeCompare(b.id));
  }

  drainChanges(): Array<{ change: FindingChange; finding: Finding }> {
    if (this.engines.length === 1) return this.engines[0].drainChanges();
    return this.engines.flatMap((engine, part) => engine.drainChanges().map(({ change, finding }) => ({ change, finding: this.named(finding, part) })));
  }

  get ruleEvaluations(): number {
    return this.engines.reduce((sum, engine) => sum + engine.ruleEvaluations, 0);
  }

  private named(finding: Finding, part: number): Finding {
    const cluster = this.partition?.parts[part]?.name ?? null;
    return cluster === null ? finding : { ...finding, cluster };
  }
}
