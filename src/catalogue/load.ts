/**
Loads rules/*.yaml (built-in) and a site's rule folders. Every problem of every file is reported at
once, each with file:line and a hint; a site rule with the id of a built-in one replaces it.
*/

import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { basename, dirname, extname, join, sep } from "node:path";
import type { ErrorObject } from "ajv";
import type { Document, LineCounter } from "yaml";
import { RuleError, formatLocation } from "../errors.js";
import { codeFolder, packageRoot, version } from "../version.js";
import type { Rule } from "./rule.js";
import { validateRule } from "./validate.js";

// The YAML parser and the schema validator are loaded only when rule files are read for real: with the
// compiled-rule cache (below) a run that finds its rules unchanged never loads them (about 0.3 s of start-up).
const require = createRequire(import.meta.url);
let yamlModule: typeof import("yaml") | undefined;
const yaml = (): typeof import("yaml") => (yamlModule ??= require("yaml") as typeof import("yaml"));

export type ProblemSeverity = "error" | "warning";

/** One problem in one rule file: where, what, and how to fix it. */
export class RuleProblem extends RuleError {
  readonly severity: ProblemSeverity;
  readonly code: string;

  constructor(severity: ProblemSeverity, code: string, message: string, options: { path: string; line?: number; hint?: string }) {
    super(message, { hint: options.hint, location: { path: options.path, line: options.line } });
    this.severity = severity;
    this.code = code;
  }

  /** One greppable line: `path:line: error [code] message (hint: ...)`. */
  override toString(): string {
    const where = this.location ? formatLocation(this.location) : "<rules>";
    return `${where}: ${this.severity} [${this.code}] ${this.message}${this.hint ? ` (hint: ${this.hint})` : ""}`;
  }
}

export interface LoadRulesOptions {
  /** Return every problem instead of throwing the first error. @default false */
  readonly collectErrors?: boolean;
  /** Load the built-in rules/ folder first. @default true */
  readonly builtIn?: boolean;
  /**
  A file where the checked rules are kept, keyed by a hash of every rule file's content, the schema and
  mcadvisor's own code: a later load with nothing changed reads them from it instead of parsing and
  validating the YAML again. A missing, damaged or outdated cache is rebuilt; it never holds rules with errors.
  */
  readonly cacheFile?: string;
}

export interface LoadedRules {
  readonly rules: Rule[];
  readonly problems: RuleProblem[];
}

/** rules/ at the package root (with a trailing separator). */
export function builtInRulesDirectory(): string {
  return join(packageRoot, "rules") + sep;
}

export const SCHEMA_FILE = "rule.schema.json";

let cachedSchema: object | undefined;
function ruleSchema(): object {
  cachedSchema ??= JSON.parse(readFileSync(join(builtInRulesDirectory(), SCHEMA_FILE), "utf8")) as object;
  return cachedSchema;
}

type Validator = ReturnType<import("ajv").Ajv["compile"]>;
let cachedValidator: Validator | undefined;
function schemaValidator(): Validator {
  if (!cachedValidator) {
    const { Ajv } = require("ajv") as typeof import("ajv");
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    cachedValidator = ajv.compile(ruleSchema());
  }
  return cachedValidator;
}

/** Where a JSON pointer (ajv instancePath) sits in the YAML text: the line of its node, or of its nearest parent. */
function lineOf(document: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const segments = pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
  for (let length = segments.length; length >= 0; length--) {
    const path = segments.slice(0, length).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const node = length === 0 ? document.contents : document.getIn(path, true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
    // A key whose value is null has no value node: use the pair's key.
    if (length > 0) {
      const parent = length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
      if (yaml().isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === path[path.length - 1]);
        const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (keyRange) return lineCounter.linePos(keyRange[0]).line;
      }
      if (yaml().isSeq(parent)) continue;
    }
  }
  return undefined;
}

/** The line of a key inside the map at `pointer` (for "unknown key" problems). */
function lineOfKey(document: Document, lineCounter: LineCounter, pointer: string, key: string): number | undefined {
  const segments = pointer
    .split("/")
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
  const parent = segments.length === 0 ? document.contents : document.getIn(segments, true);
  if (yaml().isMap(parent)) {
    const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineCounter.linePos(range[0]).line;
  }
  return lineOf(document, lineCounter, pointer);
}

function describeSchemaError(error: ErrorObject): { message: string; hint?: string; key?: string } {
  const at = error.instancePath === "" ? "the rule" : `'${error.instancePath.slice(1).replace(/\//g, ".")}'`;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { message: `unknown key '${key}' in ${at}`, hint: allowed.length > 0 ? `valid keys here: ${allowed.join(", ")}` : undefined, key };
    }
    case "required":
      return { message: `${at} misses '${(error.params as { missingProperty: string }).missingProperty}'`, hint: "see docs/rules.md for what each key means" };
    case "enum":
      return { message: `${at} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(", ")}` };
    case "pattern":
      if (error.instancePath.endsWith("/id")) return { message: `${at} must be lower case letters, digits and dashes`, hint: "and equal to the file name" };
      return { message: `${at} is not valid: ${String(error.data)}`, hint: (error.parentSchema as { description?: string } | undefined)?.description };
    case "type":
      return {
        message: `${at} must be ${(error.params as { type: string }).type}`,
        hint: (error.parentSchema as { description?: string } | undefined)?.description,
      };
    case "oneOf":
      if (error.instancePath === "/match")
        return {
          message: "'match' needs exactly one of 'event' or 'sequence'",
          hint: "a single event: match.event; events in order: match.sequence with within",
        };
      return { message: `${at} is not a valid value`, hint: (error.parentSchema as { description?: string } | undefined)?.description };
    case "minItems":
      return {
        message: `${at} needs at least ${(error.params as { limit: number }).limit} item(s)`,
        hint: (error.parentSchema as { description?: string } | undefined)?.description,
      };
    default:
      return { message: `${at} ${error.message ?? "is invalid"}`, hint: (error.parentSchema as { description?: string } | undefined)?.description };
  }
}

/** Keep the most useful schema errors: the deepest per path; a oneOf/anyOf only when nothing deeper explains it. */
function usefulErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const alternatives = new Set(["oneOf", "anyOf", "not", "if"]);
  const kept: ErrorObject[] = [];
  const seen = new Set<string>();
  // Under a oneOf of alternatives (a condition may be a value, a list or operators), the branch errors are noise.
  const oneOfPaths = errors.filter((error) => alternatives.has(error.keyword)).map((error) => error.instancePath);
  for (const error of errors) {
    const underAlternative = oneOfPaths.some((path) => error.instancePath === path && !alternatives.has(error.keyword) && error.schemaPath.includes("oneOf"));
    if (underAlternative) continue;
    if (error.keyword === "not" || error.keyword === "anyOf") continue;
    const signature = `${error.instancePath}|${error.keyword}|${JSON.stringify(error.params)}`;
    if (seen.has(signature)) continue;
    seen.add(signature);
    kept.push(error);
  }
  return kept;
}

/** Parse and check one rule file (`text`: its content when already read). */
export function loadRuleFile(path: string, builtIn: boolean, text: string | null = null): { rule?: Rule; problems: RuleProblem[] } {
  const problems: RuleProblem[] = [];
  if (text === null) {
    try {
      text = readFileSync(path, "utf8");
    } catch (error) {
      problems.push(new RuleProblem("error", "unreadable", `cannot read the rule file: ${(error as Error).message}`, { path }));
      return { problems };
    }
  }
  const lineCounter = new (yaml().LineCounter)();
  const document = yaml().parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of document.errors) {
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    problems.push(
      new RuleProblem("error", "yaml", `YAML syntax: ${error.message.split("\n")[0]}`, { path, line, hint: "check indentation and quoting around this line" }),
    );
  }
  if (problems.length > 0) return { problems };
  const data: unknown = document.toJS();
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    problems.push(
      new RuleProblem("error", "not-a-rule", "the file is not a YAML mapping", {
        path,
        line: 1,
        hint: "a rule starts with `$schema: ./rule.schema.json` and `id: <file name>`",
      }),
    );
    return { problems };
  }
  const validate = schemaValidator();
  if (!validate(data)) {
    for (const error of usefulErrors(validate.errors ?? [])) {
      const { message, hint, key } = describeSchemaError(error);
      const line = key ? lineOfKey(document, lineCounter, error.instancePath, key) : lineOf(document, lineCounter, error.instancePath);
      problems.push(new RuleProblem("error", `schema-${error.keyword}`, message, { path, line, hint }));
    }
    return { problems };
  }
  const rule = { ...(data as Omit<Rule, "source">), source: { path, builtIn, idLine: lineOf(document, lineCounter, "/id") } } as Rule;
  for (const issue of validateRule(rule, basename(path))) {
    const line = lineOf(document, lineCounter, issue.pointer);
    problems.push(new RuleProblem(issue.severity, issue.code, issue.message, { path, line, hint: issue.hint }));
  }
  return { rule, problems };
}

function ruleFilesIn(directory: string, problems: RuleProblem[]): string[] {
  try {
    if (!statSync(directory).isDirectory()) {
      problems.push(
        new RuleProblem("error", "not-a-folder", `'${directory}' is not a folder`, { path: directory, hint: "--rules takes a folder of *.yaml rule files" }),
      );
      return [];
    }
    return readdirSync(directory)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => join(directory, name));
  } catch (error) {
    problems.push(
      new RuleProblem("error", "unreadable", `cannot read the rule folder: ${(error as Error).message}`, { path: directory, hint: "check the --rules path" }),
    );
    return [];
  }
}

/**
Built-in rules plus the given folders (in order; a later folder's rule replaces an earlier one with
the same id, with a warning). Throws the first error unless `collectErrors`.
*/
export function loadRules(directories: readonly string[], options: LoadRulesOptions = {}): LoadedRules {
  const problems: RuleProblem[] = [];
  const sources: Array<{ directory: string; builtIn: boolean; files: Array<{ path: string; text: string | null }> }> = [];
  if (options.builtIn ?? true) sources.push({ directory: builtInRulesDirectory(), builtIn: true, files: [] });
  for (const directory of directories) sources.push({ directory, builtIn: false, files: [] });
  for (const source of sources) source.files = ruleFilesIn(source.directory, problems).map((path) => ({ path, text: readText(path) }));

  const key = options.cacheFile && problems.length === 0 ? cacheKey(sources) : null;
  const cached = key ? readCache(options.cacheFile as string, key) : null;
  if (cached) return cached;

  const byId = new Map<string, Rule>();
  for (const { builtIn, files } of sources) {
    const idsHere = new Map<string, string>();
    for (const { path, text } of files) {
      const loaded = loadRuleFile(path, builtIn, text);
      problems.push(...loaded.problems);
      const rule = loaded.rule;
      if (!rule || loaded.problems.some((problem) => problem.severity === "error")) continue;
      const sameFolder = idsHere.get(rule.id);
      if (sameFolder) {
        problems.push(
          new RuleProblem("error", "duplicate-id", `rule id '${rule.id}' is also used by ${sameFolder}`, {
            path,
            line: rule.source?.idLine,
            hint: "ids are unique: rename one file and its id",
          }),
        );
        continue;
      }
      idsHere.set(rule.id, path);
      const earlier = byId.get(rule.id);
      if (earlier) {
        problems.push(
          new RuleProblem("warning", "overrides", `rule '${rule.id}' replaces the one in ${earlier.source?.path ?? "an earlier folder"}`, {
            path,
            line: rule.source?.idLine,
            hint: "intended for site-specific advice; rename the id to keep both",
          }),
        );
      }
      byId.set(rule.id, rule);
    }
  }
  const loaded = { rules: [...byId.values()], problems };
  if (key && !problems.some((problem) => problem.severity === "error")) writeCache(options.cacheFile as string, key, loaded);
  if (!options.collectErrors) {
    const firstError = problems.find((problem) => problem.severity === "error");
    if (firstError) throw firstError;
  }
  return loaded;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    // loadRuleFile reports it with its reason
    return null;
  }
}

// ---- the compiled-rule cache ---------------------------------------------------------------------

const CACHE_FORMAT = 2;

/**
What the checked rules depend on: the rule files (path and content), the schema, and mcadvisor's code (the
validator, the vocabulary), the last by the size and time of each compiled module beside this one.
*/
function cacheKey(sources: ReadonlyArray<{ builtIn: boolean; files: ReadonlyArray<{ path: string; text: string | null }> }>): string | null {
  const hash = createHash("sha256");
  hash.update(`${CACHE_FORMAT}\u0000${version}\u0000${readText(join(builtInRulesDirectory(), SCHEMA_FILE)) ?? ""}\u0000`);
  for (const source of sources) {
    for (const file of source.files) {
      if (file.text === null) return null;
      hash.update(`${source.builtIn ? "built-in" : "site"}\u0000${file.path}\u0000${file.text.length}\u0000${file.text}\u0000`);
    }
  }
  hash.update(codeStamp());
  return hash.digest("hex");
}

/**
Names, sizes and times of the modules of mcadvisor itself (dist/ when built, src/ under the tests). A build
writes dist/.build-stamp after every module (package.json), and the launcher refuses a dist/ older than its
sources: its time and content stand for the whole tree, without a stat of every module at each start-up.
*/
function codeStamp(): string {
  const root = codeFolder;
  try {
    const stamp = join(root, ".build-stamp");
    return `build\u0000${statSync(stamp).mtimeMs}\u0000${readFileSync(stamp, "utf8")}`;
  } catch {
    // No stamp (src/ under the tests, a build by hand): every module's own stamp.
  }
  const entries: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if ([".js", ".ts", ".tsx"].includes(extname(entry.name))) {
        const stats = statSync(path);
        entries.push(`${path}\u0000${stats.size}\u0000${stats.mtimeMs}`);
      }
    }
  };
  walk(root);
  return entries.sort().join("\n");
}

interface CachedProblem {
  severity: ProblemSeverity;
  code: string;
  message: string;
  path: string;
  line?: number;
  hint?: string;
}

/**
The rules' examples are kept in a file of their own beside the cache (`<cache>.examples.json`): they are 44 % of
the checked rules' JSON, and analyze, report, tui and watch never read them (`rules test`, which does, never uses
the cache). A rule read from the cache gets them when they are first asked for: from that file while it holds
the same key, else from the rule's own file, as a load without the cache would.
*/
function examplesFileOf(file: string): string {
  return `${file.replace(/\.json$/, "")}.examples.json`;
}

function readExamples(file: string, key: string, count: number): unknown[] | null {
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as { key?: unknown; examples?: unknown };
    return cached.key === key && Array.isArray(cached.examples) && cached.examples.length === count ? cached.examples : null;
  } catch {
    return null;
  }
}

function readCache(file: string, key: string): LoadedRules | null {
  try {
    const cached = JSON.parse(readFileSync(file, "utf8")) as { key?: unknown; rules?: unknown; problems?: unknown; withExamples?: unknown };
    if (cached.key !== key || !Array.isArray(cached.rules) || !Array.isArray(cached.problems) || !Array.isArray(cached.withExamples)) return null;
    const rules = cached.rules as Rule[];
    const withExamples = cached.withExamples as number[];
    if (!withExamples.every((index) => Number.isInteger(index) && rules[index] !== undefined)) return null;
    let examples: unknown[] | null | undefined;
    withExamples.forEach((index, position) => {
      const rule = rules[index];
      let value: Rule["examples"] | undefined;
      Object.defineProperty(rule, "examples", {
        enumerable: true,
        configurable: true,
        get: (): Rule["examples"] => {
          if (value === undefined) {
            examples ??= readExamples(examplesFileOf(file), key, withExamples.length);
            value = examples
              ? (examples[position] as Rule["examples"])
              : rule.source
                ? loadRuleFile(rule.source.path, rule.source.builtIn).rule?.examples
                : undefined;
          }
          return value;
        },
      });
    });
    const problems = (cached.problems as CachedProblem[]).map(
      (problem) => new RuleProblem(problem.severity, problem.code, problem.message, { path: problem.path, line: problem.line, hint: problem.hint }),
    );
    return { rules, problems };
  } catch {
    // No cache yet, or one that cannot be read (damaged, half-written by a crash): the rules are read again.
    return null;
  }
}

function writeCache(file: string, key: string, loaded: LoadedRules): void {
  const problems: CachedProblem[] = loaded.problems.map((problem) => ({
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    path: problem.location?.path ?? "",
    line: problem.location?.line,
    hint: problem.hint,
  }));
  const withExamples: number[] = [];
  const examples: unknown[] = [];
  const rules = loaded.rules.map((rule, index) => {
    if (!("examples" in rule)) return rule;
    withExamples.push(index);
    examples.push(rule.examples);
    const { examples: omitted, ...rest } = rule;
    void omitted;
    return rest;
  });
  // The examples first: a reader that finds the new cache finds its examples (a reader of the old cache finds
  // examples under another key and reads them from the rule files).
  const writeAtomically = (target: string, content: unknown): void => {
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(content));
    renameSync(temporary, target);
  };
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeAtomically(examplesFileOf(file), { key, examples });
    writeAtomically(file, { key, rulesDirectory: builtInRulesDirectory(), rules, withExamples, problems });
  } catch {
    // A cache that cannot be written (read-only state folder) only costs the next start-up the parse.
    return;
  }
  pruneCachesOfRemovedInstalls(file);
}

/**
Each installation keeps its own cache in the state folder (src/cli/options.ts): one removed (a checkout in a temporary
folder, an old release's folder) would leave its ~0.8 MB there for good. A new cache is written only when rules or
code changed: then the others whose rules folder is gone are deleted.
*/
function pruneCachesOfRemovedInstalls(ownFile: string): void {
  const folder = dirname(ownFile);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // The folder just written to cannot be listed: nothing to prune.
  }
  for (const name of names) {
    if (!/^rule-cache-[0-9a-f]+\.json$/.test(name) || join(folder, name) === ownFile) continue;
    const path = join(folder, name);
    const directory = cachedRulesDirectory(path);
    if (directory === undefined || existsSync(directory)) continue;
    for (const stale of [path, examplesFileOf(path)]) rmSync(stale, { force: true });
  }
}

/** The rules folder a cache file was written for; undefined when unknown (written before it was recorded, unreadable). */
function cachedRulesDirectory(path: string): string | undefined {
  try {
    const cached = JSON.parse(readFileSync(path, "utf8")) as { rulesDirectory?: unknown };
    return typeof cached.rulesDirectory === "string" ? cached.rulesDirectory : undefined;
  } catch {
    return undefined; // Another process is replacing it, or it is damaged: left alone, it is no one's to delete.
  }
}
