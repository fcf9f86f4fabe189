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
import { LiteralScanner, requiredLiterals, topLevelBranches } from "./required-literals.js";
import { vocabularyLiterals } from "./unread.js";

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
  The entries' prefilters cut into parts (prefilterParts), bit i for part i, with the literals each part
  requires (required-literals.ts): one pass over a body says which parts can match at all, and a body that
  holds none of the literals is rejected without running a regex. Undefined when some part gives no
  literals (the merged regex is used).
  */
  readonly literals: LiteralScanner | undefined;
  /**
  The same literals and, as VOCABULARY_BIT, the replication vocabulary's (src/parse/unread.ts), in one
  scanner: a line is read once for both questions (which grammars may match its body, may it be an
  unread replication line). Undefined without `literals` or when the vocabulary gives no literals.
  */
  readonly lineLiterals: LiteralScanner | undefined;
  readonly parts: readonly PrefilterPart[];
}

/** A group of one prefilter's top-level alternatives: the prefilter matches a body exactly when one of its parts does. */
interface PrefilterPart {
  /** Index of the entry whose prefilter it is part of. */
  readonly entry: number;
  readonly pattern: RegExp;
}

let bodyEntriesByFormat: Map<string, GrammarEntry[]> | undefined;
const bodyGrammarsByFormat = new Map<string, FormatGrammars>();
const NO_GRAMMARS: FormatGrammars = { entries: [], anyPrefilter: undefined, literals: undefined, lineLiterals: undefined, parts: [] };
/**
Bits of a scan given to the prefilters' parts; the next is the vocabulary's. Every answer stays below
2^30, a small integer V8 passes unboxed (bit 30 set made a heap number of each such answer).
*/
const SCAN_BITS = 29;
/** In scanLine's answer: the line may hold a replication vocabulary term (its prefilter may match). */
export const VOCABULARY_BIT = 1 << SCAN_BITS;
/** scanLine's answer when it could not scan: every grammar and the vocabulary may match. */
export const NOT_SCANNED = -1;

/**
Each prefilter cut into parts, the scan's bits shared out by how many top-level alternatives each has.
A long prefilter is a long alternation that V8 tries at every position of a body; a body often holds
one of its literals by chance (sendmail's `mailer=local`, an EMS notice's `command`), and then only the
part that literal comes from runs, not the whole (the bench syslog: 200,000 such bodies a million lines).
*/
function prefilterParts(entries: readonly GrammarEntry[]): PrefilterPart[] | undefined {
  if (entries.length > SCAN_BITS || entries.some((entry) => entry.prefilter === undefined)) return undefined;
  const branches = entries.map((entry) => {
    const prefilter = entry.prefilter as RegExp;
    return (prefilter.flags === "" ? topLevelBranches(prefilter.source) : undefined) ?? [prefilter.source];
  });
  const counts = entries.map(() => 1);
  for (let spare = SCAN_BITS - entries.length; spare > 0; spare--) {
    let widest = -1;
    for (let index = 0; index < entries.length; index++) {
      if (counts[index] >= branches[index].length) continue;
      if (widest === -1 || branches[index].length / counts[index] > branches[widest].length / counts[widest]) widest = index;
    }
    if (widest === -1) break;
    counts[widest]++;
  }
  return entries.flatMap((entry, index) => {
    const prefilter = entry.prefilter as RegExp;
    if (counts[index] === 1) return [{ entry: index, pattern: prefilter }];
    const size = Math.ceil(branches[index].length / counts[index]);
    const parts: PrefilterPart[] = [];
    for (let first = 0; first < branches[index].length; first += size) {
      parts.push({ entry: index, pattern: new RegExp(branches[index].slice(first, first + size).join("|"), prefilter.flags) });
    }
    return parts;
  });
}

/**
Each part's required literals, by its source: the formats that share a grammar often cut it into the same
parts, and both scanners of a format read the same sets. Deriving them is start-up work (about 8 ms for the
grammars' whole prefilters alone), paid once a part.
*/
const literalsBySource = new Map<string, string[] | undefined>();
function literalsOf(part: PrefilterPart): string[] | undefined {
  const { source, flags } = part.pattern;
  const key = `${flags}/${source}`;
  if (!literalsBySource.has(key)) literalsBySource.set(key, requiredLiterals(part.pattern));
  return literalsBySource.get(key);
}

/** The scanner of the parts' required literals, when every part has some. */
function literalScanner(parts: readonly PrefilterPart[]): LiteralScanner | undefined {
  const sets = parts.map(literalsOf);
  return sets.every((set) => set !== undefined) ? new LiteralScanner(sets as string[][]) : undefined;
}

/** The parts' literals and the vocabulary's (ignoring case, as its prefilter reads), or undefined. */
function lineScanner(parts: readonly PrefilterPart[]): LiteralScanner | undefined {
  const vocabulary = vocabularyLiterals();
  if (vocabulary === undefined) return undefined;
  const sets = parts.map((part) => literalsOf(part) as string[]);
  return new LiteralScanner([...sets, ...new Array<string[]>(SCAN_BITS - sets.length).fill([]), vocabulary], { foldCase: VOCABULARY_BIT });
}

// The last format asked for: a file's lines are all of one or two formats, and the Map lookup was asked twice a line.
let lastFormat: string | undefined;
let lastGrammars: FormatGrammars = NO_GRAMMARS;

function bodyGrammars(format: string): FormatGrammars {
  if (format === lastFormat) return lastGrammars;
  lastGrammars = grammarsOf(format);
  lastFormat = format;
  return lastGrammars;
}

/** The body grammars of each format, in name order; their scanners are built when a line of the format is first read. */
function entriesByFormat(): Map<string, GrammarEntry[]> {
  if (!bodyEntriesByFormat) {
    bodyEntriesByFormat = new Map();
    for (const entry of grammars()) {
      if (entry.role !== "body") continue;
      for (const read of entry.formats) bodyEntriesByFormat.set(read, [...(bodyEntriesByFormat.get(read) ?? []), entry]);
    }
  }
  return bodyEntriesByFormat;
}

/** Builds every format's scanners, as a run does at a format's first line: the build derives their literals this way (scripts/derive-literals.mjs). */
export function prepareAllFormats(): void {
  for (const format of entriesByFormat().keys()) grammarsOf(format);
}

function grammarsOf(format: string): FormatGrammars {
  let found = bodyGrammarsByFormat.get(format);
  if (found === undefined) {
    const unordered = entriesByFormat().get(format);
    found = unordered === undefined ? NO_GRAMMARS : formatGrammars(unordered);
    bodyGrammarsByFormat.set(format, found);
  }
  return found;
}

function formatGrammars(unordered: readonly GrammarEntry[]): FormatGrammars {
  const entries = [...unordered.filter((entry) => entry.exclusive), ...unordered.filter((entry) => !entry.exclusive)];
  const filters = entries.map((entry) => entry.prefilter);
  // Flags would change what a source means once merged; only plain prefilters are merged.
  const mergeable = filters.every((filter) => filter !== undefined && filter.flags === "");
  const anyPrefilter = mergeable ? new RegExp(filters.map((filter) => `(?:${(filter as RegExp).source})`).join("|")) : undefined;
  const parts = prefilterParts(entries) ?? [];
  const literals = parts.length > 0 ? literalScanner(parts) : undefined;
  return { entries, anyPrefilter, literals, lineLiterals: literals && lineScanner(parts), parts };
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

/**
One pass over a line whose body of format `format` starts at `bodyStart`: bit i set when the body holds
a literal of prefilter part i, VOCABULARY_BIT when the line (header included, as the unread check reads
it) holds a literal of the replication vocabulary. NOT_SCANNED when the format's prefilters or the
vocabulary give no literals, or the body is not one the grammars read (empty or too long): then
parseBody scans as it would without it, and the unread check runs.
*/
export function scanLine(format: string, line: string, bodyStart: number): number {
  const { lineLiterals } = bodyGrammars(format);
  if (lineLiterals === undefined || bodyStart >= line.length || line.length - bodyStart > MAX_BODY_INPUT) return NOT_SCANNED;
  // Grammar literals count from the body on, the vocabulary's from the start of the line.
  return lineLiterals.scan(line, 0, bodyStart, VOCABULARY_BIT);
}

/**
Events from every body grammar that reads `format` and whose prefilter matches `body`. `line`, when
given, is the line `body` was cut from, ending with it: the literal scan reads the body there (a flat
string) instead of through the slice. `scanned`, when given, is scanLine's answer for that line and
body: the scan is not repeated.
*/
export function parseBody(format: string, body: string, options: BodyOptions = {}, line?: string, scanned: number = NOT_SCANNED): readonly EventDraft[] {
  const { entries, anyPrefilter, literals, parts } = bodyGrammars(format);
  if (entries.length === 0 || body.length === 0) return NO_EVENTS;
  if (body.length > MAX_BODY_INPUT) {
    if (options.counters) options.counters.tooLong++;
    return NO_EVENTS;
  }
  let matching: GrammarEntry[] | undefined;
  if (literals) {
    const possible =
      scanned !== NOT_SCANNED
        ? scanned & (VOCABULARY_BIT - 1)
        : line !== undefined && line.length > body.length && line.endsWith(body)
          ? literals.scan(line, line.length - body.length)
          : literals.scan(body);
    if (possible === 0) return NO_EVENTS;
    // Bit e: entry e's prefilter matches (one of its parts whose literals the body holds does).
    let accepted = 0;
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      if ((possible & (1 << index)) === 0 || (accepted & (1 << part.entry)) !== 0) continue;
      if (part.pattern.test(body)) accepted |= 1 << part.entry;
    }
    if (accepted === 0) return NO_EVENTS;
    for (let index = 0; index < entries.length; index++) if ((accepted & (1 << index)) !== 0) (matching ??= []).push(entries[index]);
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

/**
Configuration lines repeat even more than log bodies: every node of a bundle holds the same package
configuration, and bundles of one cluster share it (samples/: 16,252 configuration lines, 93 distinct).
A line's parse by the configuration grammar depends on its text alone, so it is remembered as bodies
are (undefined: the grammar does not read it). Frozen and shared; bounded as the body cache.
*/
const configCache = new Map<string, readonly EventDraft[] | undefined>();

/** The configuration grammar's parse of one line (parseWith), remembered. */
export function parseConfigLine(entry: GrammarEntry, text: string, options: BodyOptions = {}): readonly EventDraft[] | undefined {
  const cacheable = text.length <= CACHEABLE_LENGTH;
  if (cacheable && configCache.has(text)) return configCache.get(text);
  const parsed = parseWith(entry, text, options);
  const events = parsed === undefined ? undefined : parsed.length > 0 ? freeze(parsed) : NO_EVENTS;
  if (cacheable) {
    if (configCache.size >= CACHE_LIMIT) configCache.clear();
    configCache.set(text, events);
  }
  return events;
}

/** Forget remembered bodies and configuration lines (tests that measure the grammars themselves). */
export function clearBodyCache(): void {
  cache.clear();
  configCache.clear();
}
