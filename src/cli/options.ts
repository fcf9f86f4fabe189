import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { Option } from "commander";
import { homedir } from "node:os";
import { basename, join, resolve } from "node:path";
import { UsageError, RuleError } from "../errors.js";
import { isValidTimeZone } from "../model/time.js";
import { defaultDatabasePath, stateFolder } from "../store/db.js";
import { builtInRulesDirectory, loadRules } from "../catalogue/load.js";
import { parseEmitTarget, type EmitTarget } from "../present/emit/target.js";
import type { ColorMode } from "../present/color.js";
import type { Severity } from "../model/findings.js";
import { conflictingSites, parseSiteSpec, parseSitesFile, type SiteDefinition } from "../correlate/sites.js";

// ---- Options several commands declare: each written once here, with the words that vary by command ----------

/** What commander gives for the shared options (each command adds its own). */
export interface SharedFlags {
  db?: string;
  year?: string;
  tz?: string;
  nodeTz?: string[];
  rules?: string[];
  site?: string[];
  sites?: string;
}

/** Commands that read the database and analyze logs only when given PATHs say so in the options about logs. */
interface FlagContext {
  readonly withPaths?: boolean;
}

const pathsPrefix = (context: FlagContext): string => (context.withPaths ? "with PATHs: " : "");

/** `--db FILE`; a writer says it stores into it. */
export function databaseFlag(use: "store" | "read"): Option {
  return new Option(
    "--db <file>",
    `SQLite database${use === "store" ? " to store into" : ""} (default: $MCADVISOR_DB or ~/.local/state/mcadvisor/mcadvisor.db)`,
  );
}

/** `--year YEAR`; watch reads as the logs are written, so its reference is now, not the files' mtime. */
export function yearFlag(context: FlagContext & { readonly reference?: "file mtime" | "now" } = {}): Option {
  return new Option(
    "--year <year>",
    `${pathsPrefix(context)}year of the bundle's newest year-less log lines (earlier lines, and a log that ended before them in December, take the year before); default: from package-log banners, else ${context.reference ?? "file mtime"}`,
  );
}

/** `--tz ZONE`; `alsoFor` says what else the zone decides in this command. */
export function timeZoneFlag(context: FlagContext & { readonly alsoFor?: string } = {}): Option {
  return new Option(
    "--tz <zone>",
    `${pathsPrefix(context)}the logs' time zone (IANA name)${context.alsoFor ? `: ${context.alsoFor}` : ""}; default: this machine's`,
  );
}

/** `--node-tz NODE=ZONE` (repeatable). */
export function nodeTimeZoneFlag(context: FlagContext = {}): Option {
  return new Option(
    "--node-tz <node=zone>",
    `${pathsPrefix(context)}a node that logs in another time zone than the others (IANA name), e.g. nodeB1=UTC: its year-less lines are placed on the logs' clock (--tz) (repeatable)`,
  ).argParser(collect);
}

/** `--rules DIR` (repeatable). */
export function rulesFlag(context: FlagContext = {}): Option {
  return new Option("--rules <dir>", `${pathsPrefix(context)}add a site's rule folder to the built-in rules (repeatable)`).argParser(collect);
}

/** `--site NAME=NODES` (repeatable). */
export function siteFlag(context: FlagContext = {}): Option {
  return new Option(
    "--site <name=nodes>",
    `${pathsPrefix(context)}name a site and its nodes, e.g. dc-east=nodeA1,nodeA2 (repeatable; over the sites file and the cluster ASCII file)`,
  ).argParser(collect);
}

/** `--sites FILE`. */
export function sitesFlag(context: FlagContext = {}): Option {
  return new Option(
    "--sites <file>",
    `${pathsPrefix(context)}sites file, one NAME=node,node a line (default: $XDG_CONFIG_HOME/mcadvisor/sites, ~/.config/mcadvisor/sites, when present)`,
  );
}

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

/** `--node-tz` values as node -> zone; a bad entry is a usage error. */
export function nodeTimeZoneOption(values: readonly string[] | undefined): Readonly<Record<string, string>> | undefined {
  if (values === undefined || values.length === 0) return undefined;
  const zones: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf("=");
    const node = at > 0 ? value.slice(0, at).trim() : "";
    const zone = at > 0 ? value.slice(at + 1).trim() : "";
    if (node === "" || zone === "") throw new UsageError(`--node-tz takes NODE=ZONE, not '${value}'`, { hint: "e.g. --node-tz nodeB1=UTC" });
    if (!isValidTimeZone(zone)) {
      throw new UsageError(`unknown time zone '${zone}' for node ${node}`, { hint: "use an IANA name such as Europe/Paris, America/New_York or UTC" });
    }
    zones[node] = zone;
  }
  return zones;
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
  // The checked rules are cached in mcadvisor's state folder, keyed by their content: never beside a database
  // the user named (--db, $MCADVISOR_DB), whose folder mcadvisor must not create.
  // One cache per installation: two installs (a new build beside the old one, two checkouts) sharing one
  // file would each find the other's key and parse every rule again on every run.
  const install = createHash("sha256").update(builtInRulesDirectory()).digest("hex").slice(0, 12);
  const cacheFile = join(stateFolder(), `rule-cache-${install}.json`);
  const loaded = loadRules(
    extraDirectories.map((directory) => resolve(directory)),
    { collectErrors: true, cacheFile },
  );
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

/** The sites file read when no --sites is given: `$XDG_CONFIG_HOME/mcadvisor/sites` (`~/.config/mcadvisor/sites`). */
export function defaultSitesFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME !== "" ? env.XDG_CONFIG_HOME : join(homedir(), ".config");
  return join(base, "mcadvisor", "sites");
}

/**
The sites the operator names: `--site NAME=node,node` (repeatable) over the sites file (`--sites FILE`, else
the default file when it exists), one `NAME=node,node` a line. A node named on the command line is placed
there whatever the file says. Any bad entry stops the command before work, naming it.
*/
export function siteOptions(values: readonly string[] = [], file?: string): SiteDefinition[] {
  const path = file !== undefined ? resolve(file) : defaultSitesFile();
  let fromFile: SiteDefinition[] = [];
  if (file !== undefined || existsSync(path)) {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      throw new UsageError(`cannot read the sites file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: "give --sites an existing file with one NAME=node,node a line",
      });
    }
    const parsed = parseSitesFile(text, path);
    if (parsed.problems.length > 0) {
      throw new UsageError(`the sites file has ${parsed.problems.length} bad line(s):\n${parsed.problems.map((problem) => `  ${problem}`).join("\n")}`, {
        hint: "each line is NAME=node,node (e.g. dc-east=nodeA1,nodeA2); # starts a comment",
      });
    }
    fromFile = parsed.sites;
  }
  const fromOptions = values.map((value) => {
    const parsed = parseSiteSpec(value, "site-option", "--site");
    if (typeof parsed === "string")
      throw new UsageError(`--site ${value}: ${parsed}`, { hint: "write --site NAME=node,node, e.g. --site dc-east=nodeA1,nodeA2 (repeat it for each site)" });
    return parsed;
  });
  for (const [sites, where] of [
    [fromFile, path],
    [fromOptions, "--site"],
  ] as const) {
    const conflict = conflictingSites(sites);
    if (conflict !== null) throw new UsageError(`${where}: ${conflict}`, { hint: "a node belongs to one site" });
  }
  // The file first: a node also named by --site is placed by the later definition.
  return [...fromFile, ...fromOptions];
}

export function colorOption(value: string | undefined): ColorMode {
  const mode = value ?? "auto";
  if (mode !== "auto" && mode !== "always" && mode !== "never") throw new UsageError(`--color must be auto, always or never, not '${mode}'`);
  return mode;
}

export function severityOption(value: string | undefined): Severity | null {
  if (value === undefined) return null;
  const severity = value.toLowerCase();
  if (severity !== "critical" && severity !== "warning" && severity !== "info") {
    throw new UsageError(`--severity must be critical, warning or info, not '${value}'`, { hint: "it shows findings of that severity or worse" });
  }
  return severity;
}

/**
The bundles `--bundle` keeps among those analysed: a value matches a bundle by its path (absolute or
relative to the current folder) or by the folder's name. A value that matches none is an error that
lists them, never an empty all-clear.
*/
export function bundleFilter(values: readonly string[] | undefined, bundles: readonly string[]): readonly string[] {
  if (values === undefined || values.length === 0) return bundles;
  const kept = new Set<string>();
  for (const value of values) {
    const wanted = resolve(value.replace(/\/+$/, ""));
    const matches = bundles.filter((bundle) => bundle === wanted || basename(bundle) === value.replace(/\/+$/, ""));
    if (matches.length === 0) {
      throw new UsageError(`--bundle ${value} names none of the bundles analysed`, {
        hint: `the bundles are: ${bundles.map((bundle) => basename(bundle)).join(", ")}`,
      });
    }
    for (const match of matches) kept.add(match);
  }
  return bundles.filter((bundle) => kept.has(bundle));
}
