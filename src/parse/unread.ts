/**
Unread replication lines: a log line that carries replication vocabulary (P-VOL, PSUE, fence, horcm,
pairdisplay, EX_ codes, AUTO_ ...) and from which no grammar read an event. mcadvisor cannot act on
such a line, but it must not pretend it saw nothing: the parse stage marks it with a `line.unread`
event carrying its text and the words that made it count, so the engine can show it as evidence and
analyze, the report and `query` can say how many there were. The vocabulary is data
(grammars/replication-vocabulary.yaml); this module only loads it and tests lines against it.
*/

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../version.js";
import { vocabularyDocument, vocabularyText } from "../generated/grammars/vocabulary.js";
import { UNREAD_LINE_KIND } from "../model/events.js";
import type { EventDraft } from "../model/events.js";
import { GrammarError } from "./errors.js";
import { requiredLiterals } from "./required-literals.js";

/** The vocabulary file, under the package root. */
export const VOCABULARY_FILE = join(packageRoot, "grammars", "replication-vocabulary.yaml");

/** The line text kept in the event (the line itself stays whole in the store). */
const MAX_KEPT_TEXT = 1000;
/** Only the head of a huge line is scanned: a binary blob is not replication. */
const MAX_SCANNED = 64 * 1024;
/** At most this many distinct words are named in `terms`. */
const MAX_TERMS = 8;

interface Term {
  readonly name: string;
  readonly pattern: RegExp;
}

export interface Vocabulary {
  /** A cheap test every term implies: one scan rejects the (many) lines that carry no term. */
  readonly prefilter: RegExp;
  readonly terms: readonly Term[];
  /** Lines known to hold no fact although they carry terms (table column headers): never unread. */
  readonly ignore: readonly Term[];
}

function invalid(problem: string): GrammarError {
  return new GrammarError(`grammars/replication-vocabulary.yaml: ${problem}`, {
    grammar: "replication-vocabulary",
    hint: "give a prefilter, and for each entry of 'terms' a name, a pattern (JavaScript regular expression), caseSensitive: true or false and examples it finds",
  });
}

// The YAML parser is loaded only when the vocabulary file differs from the copy parsed at build time.
const require = createRequire(import.meta.url);

/** Reads and checks a vocabulary document (the YAML text of grammars/replication-vocabulary.yaml). */
export function compileVocabulary(text: string): Vocabulary {
  let document: unknown;
  try {
    document = (require("yaml") as typeof import("yaml")).parse(text);
  } catch (error) {
    throw invalid(`not valid YAML: ${(error as Error).message}`);
  }
  return compileVocabularyDocument(document);
}

/** Checks a parsed vocabulary document. */
function compileVocabularyDocument(document: unknown): Vocabulary {
  const { prefilter: prefilterSource, terms: entries, ignore: ignoreEntries } = (document ?? {}) as { prefilter?: unknown; terms?: unknown; ignore?: unknown };
  if (typeof prefilterSource !== "string") throw invalid("'prefilter' must be a regular expression");
  let prefilter: RegExp;
  try {
    prefilter = new RegExp(prefilterSource, "i");
  } catch (error) {
    throw invalid(`the prefilter is not a valid regular expression: ${(error as Error).message}`);
  }
  if (!Array.isArray(entries) || entries.length === 0) throw invalid("'terms' must be a non-empty list");
  const terms = entries.map((entry: unknown, index): Term => {
    const { name, pattern, caseSensitive, examples } = (entry ?? {}) as { name?: unknown; pattern?: unknown; caseSensitive?: unknown; examples?: unknown };
    if (
      typeof name !== "string" ||
      typeof pattern !== "string" ||
      typeof caseSensitive !== "boolean" ||
      !Array.isArray(examples) ||
      examples.length === 0 ||
      !examples.every((example) => typeof example === "string")
    ) {
      throw invalid(`term ${index + 1} is incomplete`);
    }
    let expression: RegExp;
    try {
      expression = new RegExp(pattern, caseSensitive ? "g" : "gi");
    } catch (error) {
      throw invalid(`term '${name}': invalid regular expression: ${(error as Error).message}`);
    }
    for (const example of examples as string[]) {
      expression.lastIndex = 0;
      if (!expression.test(example)) throw invalid(`term '${name}' does not find its example '${example}'`);
      if (!prefilter.test(example)) throw invalid(`the prefilter rejects '${example}', an example of term '${name}'`);
    }
    return { name, pattern: expression };
  });
  if (ignoreEntries !== undefined && !Array.isArray(ignoreEntries)) throw invalid("'ignore' must be a list");
  const ignore = ((ignoreEntries ?? []) as unknown[]).map((entry, index): Term => {
    const { name, pattern, examples } = (entry ?? {}) as { name?: unknown; pattern?: unknown; examples?: unknown };
    if (typeof name !== "string" || typeof pattern !== "string" || !Array.isArray(examples) || examples.length === 0) {
      throw invalid(`ignore entry ${index + 1} is incomplete`);
    }
    let expression: RegExp;
    try {
      expression = new RegExp(pattern);
    } catch (error) {
      throw invalid(`ignore entry '${name}': invalid regular expression: ${(error as Error).message}`);
    }
    for (const example of examples) {
      if (typeof example !== "string" || !expression.test(example)) throw invalid(`ignore entry '${name}' does not match its example '${String(example)}'`);
    }
    return { name, pattern: expression };
  });
  return { prefilter, terms, ignore };
}

let builtIn: Vocabulary | undefined;

/** The shipped vocabulary (read once). */
export function replicationVocabulary(): Vocabulary {
  if (!builtIn) {
    const text = readFileSync(VOCABULARY_FILE, "utf8");
    builtIn = text === vocabularyText ? compileVocabularyDocument(vocabularyDocument) : compileVocabulary(text);
  }
  return builtIn;
}

let builtInLiterals: { readonly literals: readonly string[] | undefined } | undefined;

/**
Literals one of which, ignoring ASCII case, every text the shipped vocabulary's prefilter accepts
contains (src/parse/required-literals.ts reads the prefilter's source); undefined when none can be
derived or one is not ASCII. The body scan looks for them in the same pass as the grammars' literals
(src/parse/body.ts scanLine), so a line that holds none is not given to the prefilter.
*/
export function vocabularyLiterals(): readonly string[] | undefined {
  if (!builtInLiterals) {
    const { prefilter } = replicationVocabulary();
    // Only the i flag is known here: it folds ASCII letters of an ASCII literal (LiteralScanner's foldCase).
    const literals = prefilter.flags === "i" ? requiredLiterals(new RegExp(prefilter.source)) : undefined;
    builtInLiterals = { literals: literals !== undefined && literals.every((literal) => /^[\x00-\x7f]+$/.test(literal)) ? literals : undefined };
  }
  return builtInLiterals.literals;
}

/** Whether the text passes the vocabulary's prefilter (else it holds no term). */
function mayHoldTerms(text: string, vocabulary: Vocabulary = replicationVocabulary()): boolean {
  return vocabulary.prefilter.test(text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text);
}

/** The replication words a text carries (distinct, in order of appearance, at most MAX_TERMS); [] for none. */
export function replicationTerms(text: string, vocabulary: Vocabulary = replicationVocabulary()): string[] {
  if (!mayHoldTerms(text, vocabulary)) return [];
  const scanned = text.length > MAX_SCANNED ? text.slice(0, MAX_SCANNED) : text;
  const found: Array<{ at: number; word: string }> = [];
  for (const term of vocabulary.terms) {
    term.pattern.lastIndex = 0;
    for (const match of scanned.matchAll(term.pattern)) {
      if (match[0] !== "") found.push({ at: match.index ?? 0, word: match[0] });
    }
  }
  found.sort((left, right) => left.at - right.at);
  const words: string[] = [];
  for (const { word } of found) {
    if (!words.includes(word)) words.push(word);
    if (words.length >= MAX_TERMS) break;
  }
  return words;
}

/**
The `line.unread` event of a log line that gave no event, or undefined when the line carries no
replication vocabulary. `text` is the whole line as read (its head, for a very long one).
*/
export function unreadReplicationLine(text: string, vocabulary: Vocabulary = replicationVocabulary()): EventDraft | undefined {
  const terms = replicationTerms(text, vocabulary);
  if (terms.length === 0 || vocabulary.ignore.some((entry) => entry.pattern.test(text))) return undefined;
  const kept = text.length > MAX_KEPT_TEXT ? `${text.slice(0, MAX_KEPT_TEXT)} [...]` : text;
  return Object.freeze({ kind: UNREAD_LINE_KIND, fields: Object.freeze({ text: kept, terms: terms.join(", ") }) });
}

/** Control characters (not TAB) or undecodable bytes: no command prints these, a binary file does. */
export const BINARY_JUNK = /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/;

/**
The hook of the file parser: a line's events as the grammars gave them, or, when they gave none and
the line is text carrying replication vocabulary, its `line.unread` marker. `termsPossible` false: a
scan of the line found none of vocabularyLiterals() in it, so the prefilter cannot match.
*/
export function withUnreadMarker(events: readonly EventDraft[], text: string, termsPossible = true): readonly EventDraft[] {
  // The vocabulary's prefilter first: most lines fail it, and then the control-character pass is not needed.
  if (events.length > 0 || !termsPossible || !mayHoldTerms(text) || BINARY_JUNK.test(text)) return events;
  const unread = unreadReplicationLine(text);
  return unread ? Object.freeze([unread]) : events;
}
