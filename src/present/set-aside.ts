import type { Finding } from "../model/findings.js";

/** Why a superseded finding's steps are not to be followed now, naming the finding that set it aside. */
export function supersededNote(finding: Pick<Finding, "supersededBy">): string {
  const by = finding.supersededBy ? `finding ${finding.supersededBy.slice(0, 8)}` : "another finding";
  return `Set aside while ${by} is open: what that finding found forbids these steps for now. Follow it first; this one opens again when it resolves.`;
}
