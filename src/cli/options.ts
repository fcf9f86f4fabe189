import { resolve } from "node:path";
import { UsageError, RuleError } from "../errors.js";
import { isValidTimeZone } from "../ingest/year.js";
import { defaultDatabasePath } from "../store/db.js";
import { loadRules } from "../advise/load.js";
import { parseEmitTarget, type EmitTarget } from "../present/emit/index.js";

/** Options several commands share, parsed and checked once. */
export function databasePath(value: string | undefined): string {
  return resolve(value ?? defaultDatabasePath());
}

export function timeZoneOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isValidTimeZone(value)) {
    throw new UsageError(`unknown time zone '${value}'`, { hint: "use an IANA name such as Europe/Paris, America/New_York or UTC" });
  }
  return value;
}

export function yearOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const year = Number(value);
  if (!Number.isInteger(year) || year < 1970 || year > 9999) {
    throw new UsageError(`--year takes a four-digit year, not '${value}'`);
  }
  return year;
}

/** Collects repeated `--rules DIR` values. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
Built-in rules plus the site's; any invalid rule file stops the command with every problem listed.
Warnings (a site rule replacing a built-in one) go to `warn` (stderr by default): they change the advice.
*/
export function loadRulesOrFail(extraDirectories: readonly string[] = [], warn: (message: string) => void = (message) => process.stderr.write(`${message}\n`)) {
  const loaded = loadRules(extraDirectories.map((directory) => resolve(directory)), { collectErrors: true });
  const warnings = loaded.problems.filter((problem) => (problem as { severity?: string }).severity === "warning");
  for (const warning of warnings) warn(`mcadvisor: warning: ${String((warning as { toString(): string }).toString())}`);
  const errors = loaded.problems.filter((problem) => (problem as { severity?: string }).severity !== "warning");
  if (errors.length > 0) {
    const listing = errors.map((problem) => `  ${String((problem as { toString(): string }).toString())}`).join("\n");
    throw new RuleError(`${errors.length} problem(s) in rule files:\n${listing}`, {
      hint: "fix the rule files (mcadvisor rules lint DIR shows the same list), then run again",
    });
  }
  return loaded.rules;
}

export function formatOption(value: string | undefined, allowed: readonly string[], fallback: string): string {
  const format = value ?? fallback;
  if (!allowed.includes(format)) throw new UsageError(`--format must be one of ${allowed.join(", ")}, not '${format}'`);
  return format;
}

/** `--emit` values (repeatable), checked before any work is done. */
export function emitTargets(values: readonly string[] = [], format: string): EmitTarget[] {
  const targets = values.map(parseEmitTarget);
  if (format === "json" && targets.some((target) => target.kind === "jsonl" && target.path === "-")) {
    throw new UsageError("--emit jsonl:- and --format json would both write to stdout", {
      hint: "send the changes to a file (--emit jsonl:FILE), or keep --format text",
    });
  }
  return targets;
}
