/**
The compiled grammar modules (src/generated/grammars, built from grammars/*.ne by
scripts/build-grammars.mjs), checked against the grammar module contract in docs/architecture.md
and compiled once. Nothing here knows any message: a new grammar file needs no change in src/.
*/

import nearley from "nearley";
import { grammarModules } from "../generated/grammars/index.js";
import { GrammarError } from "./errors.js";

export type GrammarRole = "header" | "body" | "config";

export interface GrammarSample {
  readonly text: string;
  readonly expect: unknown;
}

/** How a table row's event is read in its file (GrammarEntry.tableRows). */
export interface TableRow {
  readonly table?: string;
  readonly fill?: Readonly<Record<string, string>>;
}

/** The kind of a table header row's event (fields.table: its first column): read by the file's parser, never stored. */
export const TABLE_HEADER_KIND = "table.header";

export interface GrammarEntry {
  readonly name: string;
  readonly role: GrammarRole;
  /** Header formats whose bodies a body grammar reads; for header/config grammars, the format they produce. */
  readonly formats: readonly string[];
  /** Body grammars: nearley runs only on bodies this matches. */
  readonly prefilter?: RegExp;
  /**
  Body grammars whose language is a fixed output layout (Raid Manager's tables, sudo's lines): when
  one parses a body, the body is its alone and the token-based grammars do not read it again.
  */
  readonly exclusive: boolean;
  /** Event kinds that belong to a device group: a line's event of such a kind without one takes the file's context group. */
  readonly groupScoped: readonly string[];
  /** Event kinds whose device group becomes the context of the lines after them (a command line before its output). */
  readonly opensContext: readonly string[];
  /**
  Event kinds that are rows of a table whose meaning is its header's (cmviewcl's `name up running` is a node only under
  `NODE STATUS STATE`): `table`, the header's first column a row must sit under (TABLE_HEADER_KIND events say which);
  `fill`, a field taken from the last row of another kind above it in the file (a node's cluster from the cluster row).
  */
  readonly tableRows: Readonly<Record<string, TableRow>>;
  /**
  Header grammars: the prefix the events of a line with no time (none on it, none before it in its file) take
  ("untimed."): such a line says what happened, never when, so its events are kept out of the timeline the
  rules replay (a command in a shell history that keeps no times is `untimed.operator.command`).
  */
  readonly untimedPrefix?: string;
  readonly description: string;
  readonly samples: readonly GrammarSample[];
  /** The module's other exports (e.g. syslog's `fastParse`). */
  readonly module: Readonly<Record<string, unknown>>;
  readonly grammar: nearley.Grammar;
}

const ROLES: readonly GrammarRole[] = ["header", "body", "config"];

function invalid(name: string, problem: string): GrammarError {
  return new GrammarError(`grammars/${name}.ne: ${problem}`, {
    grammar: name,
    hint: 'Fix the `meta`/`samples` exports in the grammar\'s @{% %} block (see docs/architecture.md, "Grammar module contract"), then run `npm run build:grammars`.',
  });
}

/** Check one compiled module against the contract (exported for tests). */
export function checkGrammarModule(key: string, module: Record<string, unknown>): GrammarEntry {
  const meta = module.meta as Record<string, unknown> | undefined;
  if (!meta || typeof meta !== "object") throw invalid(key, "exports no `meta` object");
  if (meta.name !== key) throw invalid(key, `meta.name is ${JSON.stringify(meta.name)} but the file is ${key}.ne; they must be equal`);
  const role = meta.role as GrammarRole;
  if (!ROLES.includes(role)) throw invalid(key, `meta.role must be one of ${ROLES.join(", ")}, not ${JSON.stringify(meta.role)}`);
  const formats = meta.formats;
  if (!Array.isArray(formats) || formats.length === 0 || !formats.every((format) => typeof format === "string")) {
    throw invalid(key, "meta.formats must be a non-empty list of format names");
  }
  const prefilter = meta.prefilter;
  if (role === "body" && !(prefilter instanceof RegExp)) throw invalid(key, "a body grammar needs meta.prefilter (a RegExp)");
  if (prefilter instanceof RegExp && (prefilter.global || prefilter.sticky))
    throw invalid(key, "meta.prefilter must not use the g or y flag (test() would keep state between lines)");
  if (typeof meta.description !== "string" || meta.description.length === 0) throw invalid(key, "meta.description must be a sentence");
  if (meta.exclusive !== undefined && typeof meta.exclusive !== "boolean") throw invalid(key, "meta.exclusive must be true or false");
  const kindList = (name: string): string[] => {
    const value = meta[name];
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every((kind) => typeof kind === "string")) throw invalid(key, `meta.${name} must be a list of event kinds`);
    return value as string[];
  };
  const untimedPrefix = meta.untimedPrefix;
  if (untimedPrefix !== undefined && (role !== "header" || typeof untimedPrefix !== "string" || !/^[a-z]+\.$/.test(untimedPrefix)))
    throw invalid(key, 'meta.untimedPrefix is for header grammars, a lower-case word and a dot ("untimed.")');
  const groupScoped = kindList("groupScoped");
  const opensContext = kindList("opensContext");
  const tableRows = tableRowsOf(key, meta.tableRows);
  const samples = module.samples;
  if (!Array.isArray(samples) || samples.length === 0) throw invalid(key, "exports no `samples`; every grammar rule needs at least one sample");
  for (const sample of samples as unknown[]) {
    if (!sample || typeof (sample as GrammarSample).text !== "string" || !("expect" in (sample as object))) {
      throw invalid(key, "every sample must be { text: string, expect: ... }");
    }
  }
  const compiled = module.default as nearley.CompiledRules | undefined;
  if (!compiled || !Array.isArray(compiled.ParserRules)) throw invalid(key, "has no compiled grammar (default export)");
  // nearley's Grammar (a Rule object per parser rule, thousands for the token-based grammars) is made at the
  // grammar's first parse: a run loads every grammar for its prefilter and parses with few (start-up).
  let grammar: nearley.Grammar | undefined;
  return {
    name: key,
    role,
    formats: formats as string[],
    prefilter: prefilter instanceof RegExp ? prefilter : undefined,
    description: meta.description,
    exclusive: meta.exclusive === true,
    groupScoped,
    opensContext,
    tableRows,
    untimedPrefix: typeof untimedPrefix === "string" ? untimedPrefix : undefined,
    samples: samples as GrammarSample[],
    module,
    get grammar(): nearley.Grammar {
      return (grammar ??= nearley.Grammar.fromCompiled(compiled));
    },
  };
}

/** meta.tableRows, checked: kinds to { table?: "COLUMN", fill?: { field: "kind" } }. */
function tableRowsOf(key: string, value: unknown): Record<string, TableRow> {
  if (value === undefined) return {};
  const problem = 'meta.tableRows must map event kinds to { table?: "HEADER", fill?: { field: "kind" } }';
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw invalid(key, problem);
  const rows: Record<string, TableRow> = {};
  for (const [kind, row] of Object.entries(value as Record<string, unknown>)) {
    if (row === null || typeof row !== "object" || Array.isArray(row)) throw invalid(key, `${problem} (${kind})`);
    const { table, fill, ...other } = row as Record<string, unknown>;
    if (Object.keys(other).length > 0 || (table !== undefined && typeof table !== "string")) throw invalid(key, `${problem} (${kind})`);
    if (fill !== undefined && (fill === null || typeof fill !== "object" || !Object.values(fill).every((from) => typeof from === "string")))
      throw invalid(key, `${problem} (${kind})`);
    rows[kind] = { ...(table !== undefined ? { table } : {}), ...(fill !== undefined ? { fill: fill as Record<string, string> } : {}) };
  }
  return rows;
}

let entries: readonly GrammarEntry[] | undefined;

/** Every compiled grammar, checked; throws GrammarError naming the file when one breaks the contract. */
export function grammars(): readonly GrammarEntry[] {
  if (!entries)
    entries = Object.keys(grammarModules)
      .sort()
      .map((key) => checkGrammarModule(key, grammarModules[key]));
  return entries;
}

export function grammarNamed(name: string): GrammarEntry {
  const entry = grammars().find((candidate) => candidate.name === name);
  if (!entry) {
    throw new GrammarError(`no grammar named ${name}`, {
      grammar: name,
      hint: "Run `npm run build:grammars`; grammars/*.ne are compiled into src/generated/grammars/.",
    });
  }
  return entry;
}

/**
Every parse of `text` (nearley's `results`): empty when the text does not fit the grammar (a lexer
error counts as no parse), more than one when the grammar is ambiguous for it.
*/
export function runGrammar(entry: GrammarEntry, text: string): unknown[] {
  const parser = new nearley.Parser(entry.grammar) as nearley.Parser & QuietParser;
  // nearley builds a long "expected one of ..." report for every rejected input; most bodies that
  // pass a prefilter are still rejected, so skip the report (the error itself is what we need).
  parser.reportError = quietReport;
  parser.reportLexerError = quietReport;
  try {
    parser.feed(text);
  } catch (error) {
    // nearley marks "this text is not in the language" with an offset; a postprocessor bug has none and propagates.
    if (error instanceof Error && "offset" in error) return [];
    throw error;
  }
  return parser.results as unknown[];
}

interface QuietParser {
  reportError: (token: unknown) => string;
  reportLexerError: (error: unknown) => string;
}

const quietReport = (): string => "text does not fit the grammar";
