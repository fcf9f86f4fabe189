import { severityRank } from "../../model/findings.js";
import type { StoredFinding } from "../../store/read.js";
import { compareText } from "../../util/compare.js";
import type { FindingChangeEvent } from "./record.js";

const ORDER = ["opened", "escalated", "superseded", "resolved", "withdrawn"];

export interface AnalysisScope {
  /** The bundles this analysis correlated again: only their findings can have changed or gone. */
  readonly bundles: readonly string[];
  /** Bundles recognised as moved (old name -> new name): their findings were stored under the old name. */
  readonly renamed?: ReadonlyMap<string, string>;
}

/**
What `analyze` changed, in the names `watch` uses, by comparing the findings stored before the analysis
with those after it (analyze correlates each bundle again from its first event, so its engine's own
history is not news - a second analysis of the same logs changes nothing and sends nothing):

- a finding not stored before is `opened` (and `resolved` as well when the logs already resolve it);
- one stored as resolved and open now is `opened` again;
- a higher severity while open is `escalated`;
- open before and resolved now is `resolved`;
- open before and set aside now (another finding's situation forbids its advice) is `superseded`, and set aside
  before and open now is `opened` again;
- a finding of an analysed bundle that the rules no longer conclude (a rule changed, later lines
  explain it) is `withdrawn`, with what was stored of it.

Ordered by bundle, then by when each change happened in the logs.
*/
export function findingChanges(before: readonly StoredFinding[], after: readonly StoredFinding[], scope: AnalysisScope): FindingChangeEvent[] {
  const bundles = new Set(scope.bundles);
  const bundleNow = (bundle: string): string => scope.renamed?.get(bundle) ?? bundle;
  const previous = new Map(before.filter((finding) => bundles.has(bundleNow(finding.bundle))).map((finding) => [finding.id, finding]));
  const changes: Array<FindingChangeEvent & { at: number }> = [];
  const add = (change: string, finding: StoredFinding, at: number): void => {
    changes.push({ change, finding, bundle: bundleNow(finding.bundle), at });
  };

  for (const finding of after) {
    if (!bundles.has(finding.bundle)) continue;
    const old = previous.get(finding.id);
    previous.delete(finding.id);
    const resolvedAt = finding.resolvedAt ?? finding.lastSeen;
    if (!old || (old.status !== "open" && finding.status === "open")) {
      add("opened", finding, finding.firstSeen);
      if (!old && finding.status === "resolved") add("resolved", finding, resolvedAt);
      continue;
    }
    if (finding.status === "open" && severityRank[finding.severity] > severityRank[old.severity]) add("escalated", finding, finding.lastSeen);
    if (old.status !== "resolved" && finding.status === "resolved") add("resolved", finding, resolvedAt);
    if (old.status === "open" && finding.status === "superseded") add("superseded", finding, finding.lastSeen);
  }
  for (const gone of previous.values()) add("withdrawn", gone, Number.MAX_SAFE_INTEGER); // after what the logs show

  return changes
    .sort((left, right) => compareText(left.bundle, right.bundle) || left.at - right.at || ORDER.indexOf(left.change) - ORDER.indexOf(right.change))
    .map(({ change, finding, bundle }) => ({ change, finding, bundle }));
}
