/** What the rules engine concludes, as every presenter (text, JSON, TUI, report) reads it. */

export type Severity = "critical" | "warning" | "info";
/** `superseded`: set aside while a finding whose situation forbids its advice is open (a rule's `match.supersedes`). */
export type FindingStatus = "open" | "resolved" | "superseded";

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
  /**
  The cluster the finding is about, when the bundle holds several (correlate/clusters.ts: each is correlated on its own);
  absent when it holds one.
  */
  readonly cluster?: string | null;
  /** The site by name and its nodes, or the side and how it was inferred (src/correlate/sites.ts); absent in findings stored before it existed. */
  readonly siteInfo?: SiteInfo | null;
  /** Naive event-time milliseconds (see LogEvent.ts). */
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly resolvedAt: number | null;
  /** The id of the open finding that set this one aside (status `superseded`); absent otherwise. */
  readonly supersededBy?: string;
  /** What to verify before acting (dangerous steps say it here and in their `why`). */
  readonly checkFirst: readonly string[];
  readonly steps: readonly Step[];
  readonly evidence: readonly Evidence[];
}

/** Where a site's name came from: the operator's word wins over the cluster ASCII file. */
export type SiteSource = "site-option" | "sites-file" | "cluster-ascii";
/** How a finding's site was told: named by one of the sources, or only its side, from the pair states. */
export type SiteInference = SiteSource | "pair-states";

/** A finding's site as presenters show it (JSON `siteInfo`). */
export interface SiteInfo {
  /** The site's name, null when no source names it. */
  readonly name: string | null;
  /** Its nodes: from the name's source, else the nodes the logs show on that side. */
  readonly nodes: readonly string[];
  /** The side the site's volumes are on now for the finding's device group (`PVOL`/`SVOL`), null when not logged. */
  readonly side: string | null;
  /** The side its nodes first reported in these logs (before the incident): differs from `side` after a swap. */
  readonly firstSide: string | null;
  readonly inferredFrom: SiteInference | null;
  /** The option, file or log line the name or side comes from. */
  readonly source: string | null;
  /** The other site of the pair, when the sources or the pair states tell it. */
  readonly otherSite: { readonly name: string | null; readonly nodes: readonly string[]; readonly side: string | null } | null;
}
