import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtInRulesDirectory, loadRules } from "../../src/advise/load.js";
import { runRuleExamples } from "../../src/advise/examples.js";
import { ACTION_IDS } from "../../src/advise/vocabulary.js";

const loaded = loadRules([], { collectErrors: true });

describe("the built-in catalog", () => {
  it("loads without errors or warnings", () => {
    expect(loaded.problems.map((problem) => problem.toString())).toEqual([]);
  });

  it("loads every rule file on disk, named after its id", () => {
    const files = readdirSync(builtInRulesDirectory()).filter((name) => name.endsWith(".yaml")).sort();
    expect(loaded.rules.map((rule) => `${rule.id}.yaml`).sort()).toEqual(files);
    for (const file of files) expect(file).toMatch(/^[a-z0-9][a-z0-9-]{2,80}\.yaml$/);
  });

  it("uses every contract action id at least once", () => {
    const used = new Set(loaded.rules.map((rule) => rule.advice.action));
    expect(Object.keys(ACTION_IDS).filter((action) => !used.has(action))).toEqual([]);
  });
});

describe.each(loaded.rules.map((rule) => [rule.id, rule] as const))("rule %s", (_id, rule) => {
  it.each(runRuleExamples(rule).map((result) => [`${result.kind} #${result.index + 1}: ${result.name}`, result] as const))("%s", (_name, result) => {
    expect(result.reason ?? "passed").toBe("passed");
  });
});
