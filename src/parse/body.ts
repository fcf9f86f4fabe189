/**
Body dispatch: every body grammar that reads the line's format and whose prefilter matches the
body runs on it; their events are concatenated in grammar-name order. A grammar must give at most
one parse: more is a grammar bug, thrown in strict mode (tests) and counted otherwise.
Exclusive grammars (`meta.exclusive`: a fixed output layout such as a pairdisplay row) run first,
and a body one of them parses is theirs: the token-based grammars, which would read the same
tokens a second way, do not see it.
*/

import type { EventDraft } from "../model/events.js";
import { GrammarError } from "./errors.js";
import { grammars, runGrammar } from "./registry.js";
import type { GrammarEntry } from "./registry.js";
import { LiteralScanner, requiredLiterals } from "./required-literals.js";

/** Bodies longer than this are stored but not given to the body grammars (keeps a junk line linear). */
export const MAX_BODY_INPUT = 8 * 1024;

export interface ParseCounters {
  /** Bodies a grammar parsed more than one way (grammar bugs; the first parse was used). */
  ambiguous: number;
  /** Bodies skipped because they were longer than MAX_BODY_INPUT. */
  tooLong: number;
}

export interface BodyOptions {
  /** Throw GrammarError on an ambiguous parse instead of counting it. */
  readonly strict?: boolean;
  readonly counters?: ParseCounters;
  /** For error messages. */
  readonly location?: { path: string; line?: number };
}

interface FormatGrammars {
  /** Exclusive grammars first, then the others, each group in name order. */
  readonly entries: readonly GrammarEntry[];
  /** All the entries' prefilters in one regex: most lines are noise, and one scan rejects them. */
  readonly anyPrefilter: RegExp | undefined;
  /**
  Literals each entry's prefilter requires (required-literals.ts), bit i for entry i: one pass over a
  body says which prefilters can match at all, and a body that holds none of the literals is rejected
  without running a regex. Undefined when some prefilter gives no literals (the merged regex is used).
  */
  readonly literals: LiteralScanner | undefined;
}

let bodyGrammarsByFormat: Map<string, FormatGrammars> | undefined;
const NO_GRAMMARS: FormatGrammars = { entries: [], anyPrefilter: undefined, literals: undefined };

/** The scanner of the entries' required literals, when every entry's prefilter has some. */
function literalScanner(entries: readonly GrammarEntry[]): LiteralScanner | undefined {
  if (entries.length > 30) return undefined;
  const sets = entries.map((entry) => (entry.prefilter ? requiredLiterals(entry.prefilter) : undefined));
  return sets.every((set) => set !== undefined) ? new LiteralScanner(sets as string[][]) : undefined;
}

function bodyGrammars(format: string): FormatGrammars {
  if (!bodyGrammarsByFormat) {
    const byFormat = new Map<string, GrammarEntry[]>();
    for (const entry of grammars()) {
      if (entry.role !== "body") continue;
      for (const read of entry.formats) byFormat.set(read, [...(byFormat.get(read) ?? []), entry]);
    }
    bodyGrammarsByFormat = new Map();
    for (const [read, unordered] of byFormat) {
      const entries = [...unordered.filter((entry) => entry.exclusive), ...unordered.filter((entry) => !entry.exclusive)];
      const filters = entries.map((entry) => entry.prefilter);
      // Flags would change what a source means once merged; only plain prefilters are merged.
      const mergeable = filters.every((filter) => filter !== undefined && filter.flags === "");
      const anyPrefilter = mergeable ? new RegExp(filters.map((filter) => `(?:${(filter as RegExp).source})`).join("|")) : undefined;
      bodyGrammarsByFormat.set(read, { entries, anyPrefilter, literals: literalScanner(entries) });
    }
  }
  return bodyGrammarsByFormat.get(format) ?? NO_GRAMMARS;
}

function isEventList(value: unknown): value is EventDraft[] {
  return Array.isArray(value) && value.every((event) => event !== null && typeof event === "object" && typeof (event as EventDraft).kind === "string");
}

/** The single parse of `text` by one grammar, checked; [] when the text does not fit. */
export function eventsFrom(entry: GrammarEntry, text: string, options: BodyOptions = {}): EventDraft[] {
  return parseWith(entry, text, options) ?? [];
}

/** The single parse of `text` by one grammar, checked; undefined when the text does not fit. */
export function parseWith(entry: GrammarEntry, text: string, options: BodyOptions = {}): EventDraft[] | undefined {
  const results = runGrammar(entry, text);
  if (results.length === 0) return undefined;
  if (results.length > 1) {
    if (options.strict) {
      throw new GrammarError(`grammars/${entry.name}.ne gives ${results.length} parses for: ${JSON.stringify(text)}`, {
        grammar: entry.name,
        text,
        location: options.location ? { ...options.location } : undefined,
        hint: "A grammar must be unambiguous: make the overlapping rules exclusive and add this text to the grammar's samples.",
      });
    }
    if (options.counters) options.counters.ambiguous++;
  }
  const events = results[0];
  if (!isEventList(events)) {
    throw new GrammarError(`grammars/${entry.name}.ne returned something other than a list of events for: ${JSON.stringify(text)}`, {
      grammar: entry.name,
      text,
      location: options.location ? { ...options.location } : undefined,
      hint: "The start rule of a body or config grammar must return EventDraft[] (see docs/architecture.md).",
    });
  }
  return events;
}

const NO_EVENTS: readonly EventDraft[] = Object.freeze([]);

/**
Logs repeat themselves (the same cmcld warning, the same package's steps on every start), and
nearley costs microseconds per body, so bodies the grammars parsed are remembered. The events are
frozen: callers share them. Bounded: cleared when full; long bodies are not kept.
*/
const CACHE_LIMIT = 8192;
const CACHEABLE_LENGTH = 512;
const cache = new Map<string, readonly EventDraft[]>();

function freeze(events: EventDraft[]): readonly EventDraft[] {
  for (const event of events) {
    if (event.fields) Object.freeze(event.fields);
    Object.freeze(event);
  }
  return Object.freeze(events);
}

/** Events from every body grammar that reads `format` and whose prefilter matches `body`. */
export function parseBody(format: string, body: string, options: BodyOptions = {}): readonly EventDraft[] {
  const { entries, anyPrefilter, literals } = bodyGrammars(format);
  if (entries.length === 0 || body.length === 0) return NO_EVENTS;
  if (body.length > MAX_BODY_INPUT) {
    if (options.counters) options.counters.tooLong++;
    return NO_EVENTS;
  }
  let matching: GrammarEntry[] | undefined;
  if (literals) {
    const possible = literals.scan(body);
    if (possible === 0) return NO_EVENTS;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index];
      if ((possible & (1 << index)) === 0 || (entry.prefilter && !entry.prefilter.test(body))) continue;
      (matching ??= []).push(entry);
    }
  } else {
    if (anyPrefilter && !anyPrefilter.test(body)) return NO_EVENTS;
    for (const entry of entries) {
      if (entry.prefilter && !entry.prefilter.test(body)) continue;
      (matching ??= []).push(entry);
    }
  }
  if (!matching) return NO_EVENTS;
  const key = body.length <= CACHEABLE_LENGTH ? `${format}\n${body}` : undefined;
  if (key !== undefined) {
    const known = cache.get(key);
    if (known) return known;
  }
  let found: EventDraft[] = [];
  let claimed = false;
  for (const entry of matching) {
    if (claimed && !entry.exclusive) break;
    const more = parseWith(entry, body, options);
    if (more === undefined) continue;
    if (entry.exclusive) claimed = true;
    if (more.length > 0) found = found.length > 0 ? found.concat(more) : more;
  }
  const events = found.length > 0 ? freeze(found) : NO_EVENTS;
  if (key !== undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, events);
  }
  return events;
}

/** Forget remembered bodies (tests that measure the grammars themselves). */
export function clearBodyCache(): void {
  cache.clear();
}
