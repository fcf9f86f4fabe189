import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtInRulesDirectory, loadRules } from "../../src/catalogue/load.js";
import { runRuleExamples } from "../../src/pipeline/rule-examples.js";
import { parse } from "yaml";
import { ACTION_IDS } from "../../src/catalogue/vocabulary.js";

const loaded = loadRules([], { collectErrors: true });

describe("the built-in catalog", () => {
  it("loads without errors or warnings", () => {
    expect(loaded.problems.map((problem) => problem.toString())).toEqual([]);
  });

  it("loads every rule file on disk, named after its id", () => {
    const files = readdirSync(builtInRulesDirectory())
      .filter((name) => name.endsWith(".yaml"))
      .sort();
    expect(loaded.rules.map((rule) => `${rule.id}.yaml`).sort()).toEqual(files);
    for (const file of files) expect(file).toMatch(/^[a-z0-9][a-z0-9-]{2,80}\.yaml$/);
  });

  it("says 'cannot tell yet' at the logs' end for exactly the suspensions the full-resync rule judges after the hour", () => {
    const byId = new Map(loaded.rules.map((rule) => [rule.id, rule]));
    const atLogsEnd = byId.get("pairs-suspended-at-logs-end");
    const afterTheHour = byId.get("pairs-suspended-no-resync");
    expect(atLogsEnd?.match.event).toEqual(afterTheHour?.match.event);
    expect(atLogsEnd?.match.key).toEqual(afterTheHour?.match.key);
    expect(atLogsEnd?.match.absent?.event).toEqual(afterTheHour?.match.absent?.event);
    expect(atLogsEnd?.match.absent?.within).toEqual(afterTheHour?.match.absent?.within);
    expect(atLogsEnd?.match.absent?.openWhenLogsEnd).toBe("only");
    expect(atLogsEnd?.resolvedBy).toEqual(afterTheHour?.resolvedBy);
  });

  it("ships a schema whose every property has a description (editors show them)", () => {
    const schema = JSON.parse(readFileSync(join(builtInRulesDirectory(), "rule.schema.json"), "utf8")) as unknown;
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (typeof node !== "object" || node === null) return;
      const properties = (node as { properties?: Record<string, unknown> }).properties;
      for (const [name, child] of Object.entries(properties ?? {})) {
        if (typeof (child as { description?: unknown }).description !== "string") undocumented.push(`${path}/${name}`);
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
    };
    walk(schema, "");
    expect(undocumented).toEqual([]);
  });

  it("lists every rule in docs/rules.md's catalog, with its action", () => {
    const catalog = readFileSync(new URL("../../docs/rules.md", import.meta.url), "utf8");
    const missing = loaded.rules
      .filter((rule) => !catalog.includes(`| \`${rule.id}\` | \`${rule.advice.action}\` |`))
      .map((rule) => `${rule.id} (${rule.advice.action})`);
    expect(missing).toEqual([]);
  });

  it("keeps the documented key order in every rule file (docs/rules.md)", () => {
    const order = ["$schema", "id", "title", "severity", "escalate", "description", "summary", "references", "match", "advice", "resolvedBy", "examples"];
    for (const file of readdirSync(builtInRulesDirectory()).filter((name) => name.endsWith(".yaml"))) {
      const keys = Object.keys(parse(readFileSync(join(builtInRulesDirectory(), file), "utf8")) as object);
      expect({ file, keys }).toEqual({ file, keys: [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)) });
    }
  });

  it("checks an example's step commands: order and forbidden commands", () => {
    const rule = loaded.rules.find((candidate) => candidate.id === "start-refused-noncurdata")!;
    const pvolExample = rule.examples!.fire![1];
    const withExpect = (expect: object) => ({ ...rule, examples: { fire: [{ ...pvolExample, expect }], notFire: [] } });
    expect(runRuleExamples(withExpect({ commands: ["pairresync -g dbdg -c 15", "FORCEFLAG"] }))[0].reason).toMatch(
      /^no step command 'FORCEFLAG' after the previous one/,
    );
    expect(runRuleExamples(withExpect({ notCommands: ["FORCEFLAG"] }))[0].reason).toBe("a step command contains 'FORCEFLAG', which this example forbids");
    expect(runRuleExamples(withExpect({ commands: ["FORCEFLAG", "pairresync -g dbdg -c 15"] }))[0].reason).toBeUndefined();
  });

  it("uses every contract action id at least once", () => {
    const used = new Set(loaded.rules.map((rule) => rule.advice.action));
    expect(Object.keys(ACTION_IDS).filter((action) => !used.has(action))).toEqual([]);
  });
});

describe.each(loaded.rules.map((rule) => [rule.id, rule] as const))("rule %s", (_id, rule) => {
  it.each(runRuleExamples(rule, loaded.rules).map((result) => [`${result.kind} #${result.index + 1}: ${result.name}`, result] as const))(
    "%s",
    (_name, result) => {
      expect(result.reason ?? "passed").toBe("passed");
    },
  );
});
