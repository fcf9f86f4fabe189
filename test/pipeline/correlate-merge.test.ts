import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { BundleCorrelator, correlateBundle } from "../../src/pipeline/correlate.js";
import { loadRules } from "../../src/catalogue/load.js";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import type { Finding } from "../../src/model/findings.js";
import { samplesDirectory, scenarios } from "../helpers/samples-files.js";

/*
analyze feeds the rules as lines are stored; when a bundle's second log file steps back in time the
files' held events are merged in memory into replay order (src/pipeline/correlate.ts). Either way the
findings must be exactly those of a replay of the stored events (correlateBundle), ids and evidence included.
*/

const { rules } = loadRules([], { collectErrors: true });
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

type Conclusion = { path: string; findings: Finding[] };

/** How each bundle was concluded during `run` (fed, merged or replayed) and with which findings. */
async function conclusionsDuring<T>(run: () => Promise<T>): Promise<{ result: T; conclusions: Conclusion[] }> {
  const conclusions: Conclusion[] = [];
  const original = BundleCorrelator.prototype.conclude;
  BundleCorrelator.prototype.conclude = function (this: BundleCorrelator, store: Store) {
    const findings = original.call(this, store);
    conclusions.push({ path: this.path, findings });
    return findings;
  };
  try {
    return { result: await run(), conclusions };
  } finally {
    BundleCorrelator.prototype.conclude = original;
  }
}

async function analyzeScenario(scenario: string) {
  const folder = mkdtempSync(join(tmpdir(), "mcadvisor-merge-"));
  folders.push(folder);
  const store = new Store(openDatabase(join(folder, "m.db")));
  const { result, conclusions } = await conclusionsDuring(() =>
    analyzePaths(store, { paths: [join(samplesDirectory, scenario)], rules, fixedYear: 2026, timeZone: "UTC", parseThread: "main" }),
  );
  return { store, bundles: result.bundles, conclusions };
}

describe("merging a bundle's files in memory", () => {
  it("gives every sample scenario the findings of a replay from the store, merging the bundles whose files step back", async () => {
    const used = new Set<string>();
    for (const scenario of scenarios()) {
      const { store, bundles, conclusions } = await analyzeScenario(scenario);
      // A scenario is one incident folder: one bundle.
      expect(bundles, scenario).toHaveLength(1);
      expect(conclusions, scenario).toHaveLength(1);
      used.add(conclusions[0].path);
      expect(correlateBundle(store, bundles[0], rules), scenario).toEqual(conclusions[0].findings);
      store.close();
    }
    // Multi-node scenarios step back across files: the merge is what they used.
    expect(used).toContain("merged");
    // Every sample scenario (64) analysed twice: minutes on a loaded machine, not a hang.
  }, 300_000);
});
