/**
Header dispatch: which header grammar reads a line of a file of a given kind. Syslog lines and package
log step lines go through their grammar's fast path first (nearley is about 13x slower than one regex;
stack.md §3) and through nearley only when the fast path declines.
*/

import type { FileKind, Header } from "../model/events.js";
import { grammarNamed, grammars, runGrammar } from "./registry.js";
import type { GrammarEntry } from "./registry.js";

export type { FileKind };

/** Header grammars read at most this much of a line; the rest of a longer line is kept in the body. */
export const MAX_HEADER_INPUT = 16 * 1024;

type FastParse = (line: string) => Header | undefined;

let headerGrammarsByFormat: Map<string, GrammarEntry> | undefined;

function headerGrammar(format: string): GrammarEntry | undefined {
  if (!headerGrammarsByFormat) {
    headerGrammarsByFormat = new Map();
    for (const entry of grammars()) {
      if (entry.role !== "header") continue;
      for (const produced of entry.formats) if (!headerGrammarsByFormat.has(produced)) headerGrammarsByFormat.set(produced, entry);
    }
  }
  return headerGrammarsByFormat.get(format);
}

const fastParsers = new Map<string, FastParse | null>();

/** The `fastParse` a header grammar exports for its most common lines (syslog, pkglog), if any. */
function fastPath(fileKind: FileKind): FastParse | null {
  let fast = fastParsers.get(fileKind);
  if (fast === undefined) {
    const exported = headerGrammar(fileKind)?.module.fastParse;
    fast = typeof exported === "function" ? (exported as FastParse) : null;
    fastParsers.set(fileKind, fast);
  }
  return fast;
}

/** The header grammar's single parse of `text`, or undefined. Several parses: the first (the grammar tests forbid them). */
function runHeader(entry: GrammarEntry, text: string): Header | undefined {
  const results = runGrammar(entry, text);
  return results.length > 0 ? (results[0] as Header) : undefined;
}

/** Parse a long line's header from its head, then put the rest of the line back into the body. */
function runHeaderOnHead(entry: GrammarEntry, line: string): Header | undefined {
  if (line.length <= MAX_HEADER_INPUT) return runHeader(entry, line);
  const head = line.slice(0, MAX_HEADER_INPUT);
  const header = runHeader(entry, head);
  if (!header) return undefined;
  // The body is a suffix of the head for every shape except a banner (rebuilt from words): a
  // banner this long is not a banner worth its date.
  return head.endsWith(header.body) ? { ...header, body: header.body + line.slice(MAX_HEADER_INPUT) } : header;
}

/** Where a header's body sits in its line (parseHeader's out-parameter: one object reused for every line). */
export interface BodyPlace {
  /** The body is `line.slice(bodyStart)`; -1 when it is not a suffix of the line (a rebuilt banner). */
  bodyStart: number;
}

/**
The header of one line of a file of kind `fileKind`, or undefined when no header grammar
recognises it (the caller keeps the line as plain text). Configuration files have no header.
`place`, when given, is told where the body starts in the line, so a caller can read the body inside
the line without comparing it with the line's end.
*/
export function parseHeader(line: string, fileKind: FileKind, place?: BodyPlace): Header | undefined {
  if (fileKind === "config") return undefined;
  // The syslog fast path reads any length the way the grammar reads its head plus the rest; the others
  // only lines the grammar reads whole.
  const fast = fileKind === "syslog" || line.length <= MAX_HEADER_INPUT ? fastPath(fileKind) : null;
  const header = fast ? fast(line) : undefined;
  if (header) {
    // A fast path's body is the rest of the line after the tag (grammars/syslog.ne, pkglog.ne), except a journal entry's
    // JSON MESSAGE (its escapes decoded), which is not in the line as such.
    if (place) place.bodyStart = line.charCodeAt(0) === 123 /* { */ || line.startsWith("data: {") ? -1 : line.length - header.body.length;
    return header;
  }
  const entry = headerGrammar(fileKind);
  const read = entry ? runHeaderOnHead(entry, line) : undefined;
  if (place) place.bodyStart = read !== undefined && line.endsWith(read.body) ? line.length - read.body.length : -1;
  return read;
}

/** The prefix of untimed facts' kinds: grammars/history.ne's meta.untimedPrefix, and saved output with no time (FileParserOptions.untimed). */
export const UNTIMED_PREFIX = "untimed.";

/** The prefix the events of an untimed line of this kind of file take (a header grammar's meta.untimedPrefix), if any. */
export function untimedPrefixOf(fileKind: FileKind): string | undefined {
  return fileKind === "config" ? undefined : headerGrammar(fileKind)?.untimedPrefix;
}

export function hasHeaderGrammar(format: string): boolean {
  return headerGrammar(format) !== undefined;
}

export function configGrammar(): GrammarEntry | undefined {
  return grammars().find((entry) => entry.role === "config");
}

export { grammarNamed };
