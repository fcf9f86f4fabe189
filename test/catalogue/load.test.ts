import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadRules, RuleProblem } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";

const invalid = fileURLToPath(new URL("../fixtures/rules-invalid/", import.meta.url));
const load = () => loadRules([invalid], { collectErrors: true, builtIn: false });
const problemIn = (file: string) => load().problems.filter((problem) => problem.location?.path.endsWith(`/${file}`));

describe("loadRules", () => {
  it("collects every problem of every file at once and keeps the valid rules", () => {
    const { rules, problems } = load();
    expect(rules.map((rule) => rule.id)).toEqual(["good-rule", "unknown-kind"]);
    const files = new Set(problems.map((problem) => problem.location?.path.split("/").pop()));
    expect([...files].sort()).toEqual([
      "bad-action.yaml",
      "bad-severity.yaml",
      "bad-step-condition.yaml",
      "id-mismatch.yaml",
      "no-examples.yaml",
      "unknown-key.yaml",
      "unknown-kind.yaml",
      "yaml-syntax.yaml",
    ]);
    expect(problems.every((problem) => problem instanceof RuleProblem && problem.location?.line !== undefined)).toBe(true);
  });

  it("names an unknown key with its line and lists the valid keys", () => {
    const [problem] = problemIn("unknown-key.yaml");
    expect(problem.message).toBe("unknown key 'severty' in the rule");
    expect(problem.location?.line).toBe(28);
    expect(problem.hint).toContain("severity");
  });

  it("lists the contract action ids for an unknown action", () => {
    const [problem] = problemIn("bad-action.yaml");
    expect(problem).toMatchObject({ severity: "error", code: "unknown-action" });
    expect(problem.location?.line).toBe(12);
    expect(problem.hint).toContain("swap-resync");
  });

  it("lists the allowed values of an enum", () => {
    const [problem] = problemIn("bad-severity.yaml");
    expect(problem.message).toBe("'severity' must be one of critical, warning, info");
    expect(problem.location?.line).toBe(4);
  });

  it("requires id = file name, examples, and valid YAML", () => {
    expect(problemIn("id-mismatch.yaml")[0]).toMatchObject({ code: "id-file-name" });
    expect(problemIn("id-mismatch.yaml")[0].location?.line).toBe(1);
    expect(problemIn("no-examples.yaml")[0].message).toBe("the rule misses 'examples'");
    expect(problemIn("yaml-syntax.yaml")[0]).toMatchObject({ code: "yaml" });
  });

  it("warns (without rejecting the rule) about an event kind no grammar emits", () => {
    const [problem] = problemIn("unknown-kind.yaml");
    expect(problem).toMatchObject({ severity: "warning", code: "unknown-kind" });
    expect(problem.location?.line).toBe(9);
    expect(problem.hint).toMatch(/^did you mean 'pair\.state'\? known kinds: /);
  });

  it("rejects a step condition on a path that has no value (a typo would hide the step for ever)", () => {
    const [problem] = problemIn("bad-step-condition.yaml");
    expect(problem).toMatchObject({ severity: "error", code: "unknown-step-condition" });
    expect(problem.location?.line).toBe(20);
    expect(problem.hint).toMatch(/^did you mean 'local\.role'\?/);
  });

  it("throws the first error when not collecting", () => {
    expect(() => loadRules([invalid], { builtIn: false })).toThrow(RuleProblem);
  });

  it("formats a problem as one greppable line", () => {
    expect(problemIn("bad-action.yaml")[0].toString()).toMatch(
      /bad-action\.yaml:12: error \[unknown-action\] action 'resync-now' is not a contract action id \(hint: use one of: full-resync, /,
    );
  });

  it("lets a site folder override a built-in rule with a warning", () => {
    const twice = loadRules([invalid, invalid], { collectErrors: true, builtIn: false });
    expect(twice.rules.map((rule) => rule.id)).toEqual(["good-rule", "unknown-kind"]);
    expect(twice.problems.filter((problem) => problem.code === "overrides")).toHaveLength(2);
  });
});

describe("the compiled-rule cache", () => {
  const site = fileURLToPath(new URL("../fixtures/rules-site/", import.meta.url));

  it("keeps the checked rules and their warnings, and gives them back unchanged while no rule file changes", () => {
    const cacheFile = join(tempDir(), "state", "rule-cache.json");
    const fresh = loadRules([site], { collectErrors: true, cacheFile });
    expect(existsSync(cacheFile)).toBe(true);
    const again = loadRules([site], { collectErrors: true, cacheFile });
    expect(again.rules).toEqual(JSON.parse(JSON.stringify(fresh.rules)));
    expect(again.problems.map(String)).toEqual(fresh.problems.map(String));
    expect(again.problems.every((problem) => problem instanceof RuleProblem)).toBe(true);
    // Served from the cache: a cache entry that says otherwise is what comes back.
    const cached = JSON.parse(readFileSync(cacheFile, "utf8")) as { rules: Array<{ title: string }> };
    cached.rules[0].title = "from the cache";
    writeFileSync(cacheFile, JSON.stringify(cached));
    expect(loadRules([site], { collectErrors: true, cacheFile }).rules[0].title).toBe("from the cache");
  });

  it("is read again when a rule file changes, and ignored when damaged", () => {
    const folder = tempDir();
    const cacheFile = join(folder, "rule-cache.json");
    const rules = join(folder, "rules");
    cpSync(site, rules, { recursive: true });
    const before = loadRules([rules], { collectErrors: true, cacheFile });
    const file = join(rules, readdirSync(rules).find((name) => name.endsWith(".yaml")) as string);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: changed by the site"));
    const after = loadRules([rules], { collectErrors: true, cacheFile });
    expect(after.rules.map((rule) => rule.title)).toContain("changed by the site");
    expect(before.rules.map((rule) => rule.title)).not.toContain("changed by the site");
    writeFileSync(cacheFile, "{ half a JSON docu");
    expect(loadRules([rules], { collectErrors: true, cacheFile }).rules).toEqual(after.rules);
    expect(JSON.parse(readFileSync(cacheFile, "utf8"))).toHaveProperty("rules");
  });

  it("keeps the examples beside the rules, read only when asked for, from the rule files when that file is gone", () => {
    const cacheFile = join(tempDir(), "rule-cache.json");
    const fresh = loadRules([site], { collectErrors: true, cacheFile });
    const withExamples = fresh.rules.filter((rule) => rule.examples !== undefined);
    expect(withExamples.length).toBeGreaterThan(0);
    expect(JSON.stringify(JSON.parse(readFileSync(cacheFile, "utf8")))).not.toContain('"examples"');
    const examplesFile = cacheFile.replace(/\.json$/, ".examples.json");
    expect(existsSync(examplesFile)).toBe(true);
    expect(loadRules([site], { collectErrors: true, cacheFile }).rules).toEqual(JSON.parse(JSON.stringify(fresh.rules)));
    rmSync(examplesFile);
    const again = loadRules([site], { collectErrors: true, cacheFile });
    expect(again.rules.map((rule) => rule.examples)).toEqual(
      JSON.parse(JSON.stringify(fresh.rules.map((rule) => rule.examples ?? null))).map((examples: unknown) => examples ?? undefined),
    );
  });

  it("deletes the caches of installations whose rules folder is gone when it writes its own, and no other", () => {
    const state = tempDir();
    const write = (name: string, content: unknown): string => {
      writeFileSync(join(state, name), JSON.stringify(content));
      return join(state, name);
    };
    const gone = write("rule-cache-aaaaaaaaaaaa.json", { key: "x", rulesDirectory: join(state, "removed-checkout", "rules"), rules: [] });
    const goneExamples = write("rule-cache-aaaaaaaaaaaa.examples.json", { key: "x", examples: [] });
    const present = write("rule-cache-bbbbbbbbbbbb.json", { key: "y", rulesDirectory: site, rules: [] });
    const unknown = write("rule-cache-cccccccccccc.json", { key: "z", rules: [] });
    const other = write("notes.json", { rulesDirectory: join(state, "removed") });
    loadRules([site], { collectErrors: true, cacheFile: join(state, "rule-cache-dddddddddddd.json") });
    expect([gone, goneExamples].map(existsSync)).toEqual([false, false]);
    expect([present, unknown, other, join(state, "rule-cache-dddddddddddd.json")].map(existsSync)).toEqual([true, true, true, true]);
  });

  it("never holds rules with errors: an invalid folder is checked every time", () => {
    const cacheFile = join(tempDir(), "rule-cache.json");
    loadRules([invalid], { collectErrors: true, builtIn: false, cacheFile });
    expect(existsSync(cacheFile)).toBe(false);
  });
});
