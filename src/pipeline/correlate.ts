import { RuleEngine } from "../correlate/engine.js";
import type { SiteDefinition } from "../correlate/sites.js";
import type { Finding } from "../model/findings.js";
import type { Store } from "../store/store.js";
import type { Rule } from "../catalogue/rule.js";

/**
Runs the rules over every stored event of a bundle, from the start, and stores what they conclude.
Re-running from the start (not incrementally) is what makes a second analysis, a later node's logs
or a changed rule give exactly the findings one pass over everything would give.
*/
export function correlateBundle(store: Store, bundle: string, rules: readonly Rule[], options: { sites?: readonly SiteDefinition[] } = {}): Finding[] {
  const engine = new RuleEngine(rules, { sites: options.sites });
  for (const event of store.eventsOfBundle(bundle)) engine.push(event);
  const end = store.lastTimeOfBundle(bundle);
  if (end !== null) engine.advance(end);
  // The bundle's logs end here (as far as this analysis knows): decide what still waited for more lines.
  engine.finish();
  const findings = engine.findings();
  store.replaceFindings(bundle, findings);
  return findings;
}
