import { resolve, sep } from "node:path";
import type { Command } from "commander";
import { builtInRulesDirectory, loadRules, RuleProblem } from "../../catalogue/load.js";
import { runRuleExamples } from "../../pipeline/rule-examples.js";
import { validateRuleSet } from "../../catalogue/validate.js";
import { renderTable } from "../../present/table.js";
import { formatOption, rulesFlag } from "../options.js";

/**
Exit codes of `rules lint` and `rules test` (docs/rules.md): 0 clean / all examples pass,
1 warnings only / an example failed, 3 a rule file has errors (the same code analyze gives for them).
*/
export const RULES_EXIT = { clean: 0, warnings: 1, failed: 1, errors: 3 } as const;

/**
The rules a lint or test run looks at: the built-in folder, or a site folder loaded on top of the
built-in rules (so overrides and references to built-in ids are checked) with only its own files reported.
*/
function selection(directory: string | undefined): { directories: string[]; mine: (path: string | undefined) => boolean } {
  if (directory === undefined) return { directories: [], mine: () => true };
  const root = resolve(directory);
  return { directories: [root], mine: (path) => path !== undefined && (path === root || path.startsWith(`${root}${sep}`)) };
}

function printProblems(problems: readonly RuleProblem[]): void {
  for (const problem of problems) process.stderr.write(`${problem.toString()}\n`);
}

export function register(program: Command): void {
  const rules = program.command("rules").description("list, lint and test the rule catalog (rules/*.yaml and --rules folders)");

  rules
    .command("list")
    .description("list the rules in effect: built-in plus each --rules folder (a site rule replaces a built-in one with its id)")
    .addOption(rulesFlag())
    .option("--format <format>", "table (default) or json")
    .action((flags: { rules?: string[]; format?: string }) => {
      const format = formatOption(flags.format, ["table", "json"], "table");
      const loaded = loadRules(
        (flags.rules ?? []).map((directory) => resolve(directory)),
        { collectErrors: true },
      );
      printProblems(loaded.problems);
      const rows = loaded.rules.map((rule) => ({
        id: rule.id,
        severity: rule.severity,
        action: rule.advice.action,
        title: rule.title,
        source: rule.source?.builtIn ? "built-in" : (rule.source?.path ?? ""),
      }));
      process.stdout.write(format === "json" ? `${JSON.stringify(rows, null, 2)}\n` : renderTable(rows, ["id", "severity", "action", "title", "source"]));
      if (loaded.problems.some((problem) => problem.severity === "error")) process.exitCode = RULES_EXIT.errors;
    });

  rules
    .command("lint")
    .description("check rule files: schema, id = file name, contract action ids, known event kinds, examples (exit 0 clean, 1 warnings, 3 errors)")
    .argument("[dir]", `a site's rule folder, checked on top of the built-in rules (default: the built-in ${builtInRulesDirectory()})`)
    .action((directory: string | undefined) => {
      const { directories, mine } = selection(directory);
      const loaded = loadRules(directories, { collectErrors: true });
      const problems: RuleProblem[] = loaded.problems.filter((problem) => mine(problem.location?.path));
      for (const issue of validateRuleSet(loaded.rules)) {
        if (mine(issue.path))
          problems.push(new RuleProblem(issue.severity, issue.code, issue.message, { path: issue.path, line: issue.line, hint: issue.hint }));
      }
      printProblems(problems);
      const errors = problems.filter((problem) => problem.severity === "error").length;
      const warnings = problems.length - errors;
      const checked = loaded.rules.filter((rule) => mine(rule.source?.path)).length;
      process.stdout.write(`${checked} rule(s) loaded; ${errors} error(s), ${warnings} warning(s)\n`);
      process.exitCode = errors > 0 ? RULES_EXIT.errors : warnings > 0 ? RULES_EXIT.warnings : RULES_EXIT.clean;
    });

  rules
    .command("test")
    .description("run every rule's fire/notFire examples through the real parser and engine (exit 0 all pass, 1 a failure, 3 rule errors)")
    .argument("[dir]", "a site's rule folder (default: the built-in rules)")
    .action((directory: string | undefined) => {
      const { directories, mine } = selection(directory);
      const loaded = loadRules(directories, { collectErrors: true });
      const errors = loaded.problems.filter((problem) => problem.severity === "error" && mine(problem.location?.path));
      printProblems(errors);
      let passed = 0;
      let failed = 0;
      for (const rule of loaded.rules.filter((candidate) => mine(candidate.source?.path))) {
        for (const result of runRuleExamples(rule, loaded.rules)) {
          if (result.passed) passed++;
          else failed++;
          const mark = result.passed ? "pass" : "FAIL";
          process.stdout.write(`${mark}  ${rule.id}  ${result.kind} #${result.index + 1}: ${result.name}${result.reason ? `  -- ${result.reason}` : ""}\n`);
        }
      }
      process.stdout.write(`${passed} passed, ${failed} failed\n`);
      process.exitCode = errors.length > 0 ? RULES_EXIT.errors : failed > 0 ? RULES_EXIT.failed : RULES_EXIT.clean;
    });
}
