/** What the rules engine concludes, as every presenter (text, JSON, TUI, report) reads it. */

export type Severity = "critical" | "warning" | "info";
export type FindingStatus = "open" | "resolved";

export const severityRank: Readonly<Record<Severity, number>> = { critical: 3, warning: 2, info: 1 };

/** One recommended step: where to run it, the exact command (placeholders filled), and why. */
export interface Step {
  readonly where: string;
  readonly command: string;
  readonly why: string;
  /** Done instead of the step(s) above it, not after them (the rule's step says `alternative: true`). */
  readonly alternative?: boolean;
}

/** A log line that proves the finding. */
export interface Evidence {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  /** Event time of the line (naive ms, see LogEvent.ts). */
  readonly ts?: number | null;
  readonly host?: string | null;
}

export interface Finding {
  /** Stable: derived from rule id, the correlation key and the first evidence, so re-analysis updates instead of duplicating. */
  readonly id: string;
  readonly rule: string;
  /** An action id of the contract (full-resync, swap-resync, ...). */
  readonly action: string;
  readonly severity: Severity;
  readonly status: FindingStatus;
  readonly title: string;
  /** What happened, in plain words, with the facts filled in. */
  readonly summary: string;
  readonly package: string | null;
  readonly deviceGroup: string | null;
  readonly node: string | null;
  readonly site: string | null;
  /** Naive event-time milliseconds (see LogEvent.ts). */
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly resolvedAt: number | null;
  /** What to verify before acting (dangerous steps say it here and in their `why`). */
  readonly checkFirst: readonly string[];
  readonly steps: readonly Step[];
  readonly evidence: readonly Evidence[];
}
