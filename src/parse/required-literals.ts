/**
Required literals of a regular expression: a set of plain strings such that every text the expression
matches contains at least one of them (RE2's "prefilter" idea). Testing a body for a few literals is a
cheaper first step than running the grammars' prefilters, whose alternatives carry classes, \b and
lookarounds: a body holding none of the literals cannot match, and most log lines hold none.

It is derived from the expression's source, so it follows the grammars' `meta.prefilter` as they change.
Anything this reader does not understand gives `undefined` (no shortcut), never a wrong answer: every
step keeps the condition necessary (a zero-width assertion is read as "matches the empty string", a
class or a repetition it cannot enumerate as "anything"), and test/parse/required-literals.test.ts
checks on random and real lines that the shortcut never rejects a body the expression matches.
*/

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { codeFolder } from "../version.js";

/**
The literals of every pattern a run derives them for (the grammars' prefilter parts, the replication
vocabulary's prefilter), derived when the CLI is built and written beside its modules by
scripts/derive-literals.mjs, keyed by flags and source. Deriving them at run time was cold code paid at
every start (about 5 % of a one-line analyze); a pattern not in the table (another source, the tests'
src/, a build without it) is derived as before, so the table can make a run faster but never different.
*/
export const LITERALS_FILE = "prefilter-literals.json";
let built: ReadonlyMap<string, readonly string[] | null> | undefined;
/** Every answer given in this process, by key: what the build writes (derivedLiterals). */
const given = new Map<string, readonly string[] | null>();

function builtLiterals(): ReadonlyMap<string, readonly string[] | null> {
  if (built === undefined) {
    try {
      built = new Map(Object.entries(JSON.parse(readFileSync(join(codeFolder, LITERALS_FILE), "utf8")) as Record<string, string[] | null>));
    } catch {
      // No table (the tests run src/; a build by hand): every pattern is derived.
      built = new Map();
    }
  }
  return built;
}

/** The literals this process gave, by `flags/source` (null: none derived), for the build to write. */
export function derivedLiterals(): Record<string, readonly string[] | null> {
  return Object.fromEntries(given);
}

/** What one piece of a pattern can match: every string exactly (when few), or literals every match contains. */
interface Info {
  /** All the strings it matches, when there are at most MAX_SET of them; null otherwise. */
  readonly exact: readonly string[] | null;
  /** Every match contains one of these (null: no such set is known). */
  readonly factors: readonly string[] | null;
}

const MAX_SET = 16;
/** Classes of at most this many characters are enumerated ([Pp], [PS], [12]). */
const MAX_CLASS = 4;

const ANYTHING: Info = { exact: null, factors: null };
const EMPTY: Info = { exact: [""], factors: null };

class Unsupported extends Error {}

const unique = (strings: readonly string[]): string[] => [...new Set(strings)];

/** The literal set a piece contributes as a necessary condition, or null when it has none (or only ""). */
function effective(info: Info): readonly string[] | null {
  const set = info.exact ?? info.factors;
  if (set === null || set.length === 0 || set.some((text) => text === "")) return null;
  return set;
}

/** The better of two necessary sets: longer shortest literal first (fewer false hits), then fewer literals. */
function better(left: readonly string[] | null, right: readonly string[] | null): readonly string[] | null {
  if (left === null) return right;
  if (right === null) return left;
  const shortest = (set: readonly string[]): number => Math.min(...set.map((text) => text.length));
  if (shortest(left) !== shortest(right)) return shortest(left) > shortest(right) ? left : right;
  return left.length <= right.length ? left : right;
}

function cross(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_SET) return null;
  const out: string[] = [];
  for (const head of left) for (const tail of right) out.push(head + tail);
  return unique(out);
}

function sequence(parts: readonly Info[]): Info {
  let run: readonly string[] = [""];
  let allExact = true;
  let best: readonly string[] | null = null;
  for (const part of parts) {
    if (part.exact !== null) {
      const joined = cross(run, part.exact);
      if (joined !== null) {
        run = joined;
        continue;
      }
      allExact = false;
      best = better(best, effective({ exact: run, factors: null }));
      run = part.exact;
      continue;
    }
    allExact = false;
    best = better(best, effective({ exact: run, factors: null }));
    best = better(best, effective(part));
    run = [""];
  }
  if (allExact) return { exact: run, factors: null };
  return { exact: null, factors: better(best, effective({ exact: run, factors: null })) };
}

function alternation(branches: readonly Info[]): Info {
  if (branches.every((branch) => branch.exact !== null)) {
    const all = unique(branches.flatMap((branch) => branch.exact as readonly string[]));
    if (all.length <= MAX_SET) return { exact: all, factors: null };
  }
  const sets = branches.map(effective);
  if (sets.some((set) => set === null)) return ANYTHING;
  return { exact: null, factors: unique(sets.flatMap((set) => set as readonly string[])) };
}

function repeat(atom: Info, min: number, max: number): Info {
  if (min === 0 && max === 1) return atom.exact !== null ? { exact: unique(["", ...atom.exact]), factors: null } : ANYTHING;
  if (min === 0) return ANYTHING;
  if (min === max && atom.exact !== null) {
    let run: readonly string[] | null = [""];
    for (let count = 0; count < min && run !== null; count++) run = cross(run, atom.exact);
    if (run !== null) return { exact: run, factors: null };
  }
  return { exact: null, factors: effective(atom) };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { t: "\t", n: "\n", r: "\r", f: "\f", v: "\v", "0": "\0" };

/** A recursive-descent reader of JavaScript regex source (no flags), just enough to find literals. */
class Reader {
  private at = 0;
  constructor(private readonly source: string) {}

  read(): Info {
    const info = this.disjunction();
    if (this.at !== this.source.length) throw new Unsupported("unbalanced parenthesis");
    return info;
  }

  private peek(): string | undefined {
    return this.source[this.at];
  }

  private disjunction(): Info {
    const branches = [this.alternative()];
    while (this.peek() === "|") {
      this.at++;
      branches.push(this.alternative());
    }
    return branches.length === 1 ? branches[0] : alternation(branches);
  }

  private alternative(): Info {
    const parts: Info[] = [];
    while (this.at < this.source.length && this.peek() !== "|" && this.peek() !== ")") {
      const atom = this.atom();
      parts.push(this.quantified(atom));
    }
    return sequence(parts);
  }

  private quantified(atom: Info): Info {
    const next = this.peek();
    let min: number;
    let max: number;
    if (next === "?") [min, max] = [0, 1];
    else if (next === "*") [min, max] = [0, Infinity];
    else if (next === "+") [min, max] = [1, Infinity];
    else if (next === "{") {
      const bounds = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
      if (!bounds) return atom; // a literal "{" was already read as the atom's follower: handled by atom()
      min = Number(bounds[1]);
      max = bounds[2] === undefined ? min : bounds[3] === "" ? Infinity : Number(bounds[3]);
      this.at += bounds[0].length - 1;
    } else {
      return atom;
    }
    this.at++;
    if (this.peek() === "?") this.at++; // lazy: same strings
    return this.quantified(repeat(atom, min, max));
  }

  private atom(): Info {
    const char = this.source[this.at++];
    switch (char) {
      case "^":
      case "$":
        return EMPTY;
      case ".":
        return ANYTHING;
      case "(":
        return this.group();
      case "[":
        return this.characterClass();
      case "\\":
        return this.escape(false);
      case "{":
        if (/^\d+(,\d*)?\}/.test(this.source.slice(this.at))) throw new Unsupported("quantifier without an atom");
        return { exact: ["{"], factors: null };
      case "*":
      case "+":
      case "?":
      case ")":
        throw new Unsupported(`unexpected '${char}'`);
      default:
        return { exact: [char], factors: null };
    }
  }

  private group(): Info {
    let zeroWidth = false;
    if (this.source.startsWith("?:", this.at)) this.at += 2;
    else if (this.source.startsWith("?=", this.at) || this.source.startsWith("?!", this.at)) {
      this.at += 2;
      zeroWidth = true;
    } else if (this.source.startsWith("?<=", this.at) || this.source.startsWith("?<!", this.at)) {
      this.at += 3;
      zeroWidth = true;
    } else if (this.source.startsWith("?<", this.at)) {
      const close = this.source.indexOf(">", this.at);
      if (close < 0) throw new Unsupported("group name");
      this.at = close + 1;
    } else if (this.peek() === "?") {
      throw new Unsupported("group modifier");
    }
    const inner = this.disjunction();
    if (this.source[this.at++] !== ")") throw new Unsupported("unclosed group");
    return zeroWidth ? EMPTY : inner;
  }

  /** One escape; `inClass`: \b is a backspace inside a class. Returns the characters it stands for, or ANYTHING. */
  private escape(inClass: boolean): Info {
    const char = this.source[this.at++];
    if (char === undefined) throw new Unsupported("trailing backslash");
    if ("dDwWsS".includes(char)) return ANYTHING;
    if (char === "b") return inClass ? { exact: ["\b"], factors: null } : EMPTY;
    if (char === "B") {
      if (inClass) throw new Unsupported("\\B in a class");
      return EMPTY;
    }
    if (char in SIMPLE_ESCAPES && !(char === "0" && /\d/.test(this.peek() ?? ""))) return { exact: [SIMPLE_ESCAPES[char]], factors: null };
    if (char === "x" || char === "u") {
      const digits = char === "x" ? 2 : 4;
      const hex = this.source.slice(this.at, this.at + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) throw new Unsupported("escape");
      this.at += digits;
      return { exact: [String.fromCharCode(Number.parseInt(hex, 16))], factors: null };
    }
    if (/[0-9ckpP]/.test(char)) throw new Unsupported(`\\${char}`); // back-references, control and property escapes
    return { exact: [char], factors: null };
  }

  private characterClass(): Info {
    const negated = this.peek() === "^";
    if (negated) this.at++;
    const chars: string[] = [];
    let wide = false;
    while (this.peek() !== "]") {
      if (this.at >= this.source.length) throw new Unsupported("unclosed class");
      const start = this.classAtom();
      if (start === null) {
        wide = true;
        continue;
      }
      if (this.peek() === "-" && this.source[this.at + 1] !== "]" && this.at + 1 < this.source.length) {
        this.at++;
        const end = this.classAtom();
        if (end === null) throw new Unsupported("range to a class escape");
        const from = start.charCodeAt(0);
        const to = end.charCodeAt(0);
        if (to - from + 1 > MAX_CLASS) wide = true;
        else for (let code = from; code <= to; code++) chars.push(String.fromCharCode(code));
        continue;
      }
      chars.push(start);
    }
    this.at++;
    if (negated || wide || chars.length === 0 || chars.length > MAX_CLASS) return ANYTHING;
    return { exact: unique(chars), factors: null };
  }

  /** One character of a class, or null for a class escape (\d, \w ...). */
  private classAtom(): string | null {
    const char = this.source[this.at++];
    if (char !== "\\") return char;
    const info = this.escape(true);
    return info.exact !== null && info.exact.length === 1 && info.exact[0].length === 1 ? info.exact[0] : null;
  }
}

/**
Literals one of which every match of `pattern` contains, or undefined when none can be derived (flags
other than none, a construct this reader does not know, or a branch that can match almost anything).
*/
export function requiredLiterals(pattern: RegExp): string[] | undefined {
  const key = `${pattern.flags}/${pattern.source}`;
  const known = builtLiterals().get(key) ?? given.get(key);
  if (known !== undefined) return known === null ? undefined : [...known];
  const literals = deriveLiterals(pattern);
  given.set(key, literals === undefined ? null : Object.freeze([...literals]));
  return literals;
}

function deriveLiterals(pattern: RegExp): string[] | undefined {
  if (pattern.flags.replace(/[dgsy]/g, "") !== "") return undefined; // i, m, u, v change what the source means
  try {
    const literals = effective(new Reader(pattern.source).read());
    if (literals === null) return undefined;
    // A literal that contains another is implied by it: keep the shorter.
    const sorted = unique(literals).sort((left, right) => left.length - right.length);
    const kept: string[] = [];
    for (const text of sorted) if (!kept.some((shorter) => text.includes(shorter))) kept.push(text);
    return kept;
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/**
The top-level alternatives of a regular expression's source (`a|b(c|d)|[|]` gives `a`, `b(c|d)`, `[|]`),
or undefined when they cannot stand alone: a backreference (`\1`, `\k<name>`) counts the groups of
the whole source. A text matches the whole somewhere exactly when it matches one alternative somewhere.
*/
export function topLevelBranches(source: string): string[] | undefined {
  if (/\\(?:[1-9]|k<)/.test(source)) return undefined;
  const branches: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let at = 0; at < source.length; at++) {
    const character = source[at];
    if (character === "\\") {
      at++;
    } else if (inClass) {
      if (character === "]") inClass = false;
    } else if (character === "[") {
      inClass = true;
    } else if (character === "(") {
      depth++;
    } else if (character === ")") {
      depth--;
    } else if (character === "|" && depth === 0) {
      branches.push(source.slice(start, at));
      start = at + 1;
    }
  }
  if (depth !== 0 || inClass) return undefined;
  branches.push(source.slice(start));
  return branches;
}

/**
Finds which of several literal sets a text touches, in one pass over the text. For every pair of ASCII
characters (folded to 7 bits) a 32-bit mask says which third characters (hashed to 5 bits) a literal
starting with that pair can have; a two-character literal's pair has them all. One table read per
position rejects nearly every position of a log body; only where the mask allows it, and a bucket's mask
of fourth characters too, is a bucket of literals compared. On a
body of ~70 characters this costs a fraction of one alternation regex of the same literals (V8 tries every
alternative at every position). Each set is one bit of the answer.

A set may be matched ignoring case (`foldCase`, for a vocabulary read with the `i` flag): its literals
must be ASCII, are entered under every case of their first characters and compared folded. Without the
`u` flag JavaScript folds no character outside ASCII into ASCII, so for an ASCII literal folding ASCII
letters is the whole of what `i` does.
*/
export class LiteralScanner {
  /** For the pair (first << 7 | second), folded to 7 bits: bit slotOf(third) for each literal's third character; -1 for a two-character literal's pair. */
  private readonly thirds = new Int32Array(PAIRS);
  /** Two-character literals: for their pair, the bits of the sets holding them. */
  private readonly pairBits = new Int32Array(PAIRS);
  /**
  For bucketKey(pair, third): 1 + the index of the bucket of literals that may start there, or 0. Keys that
  collide share a bucket (each literal is compared whole), so 32 KiB serve where one slot per (pair,
  third) took 1 MiB a scanner.
  */
  private readonly bucketOf = new Uint16Array(BUCKET_SLOTS);
  /** Per bucket, bit slotOf(fourth) for each literal's fourth character; -1 when one has three characters. */
  private readonly bucketFourths: number[] = [];
  private readonly bucketTexts: string[][] = [];
  private readonly bucketBits: number[][] = [];
  /** 1 for a bucket literal compared ignoring ASCII case. */
  private readonly bucketFolded: number[][] = [];
  /** Literals not made of ASCII in their first three characters, or of one character: looked for with includes(). */
  private readonly otherTexts: string[] = [];
  private readonly otherBits: number[] = [];

  /**
  `sets[i]`: the literals of bit i (at most 31 sets); `foldCase`: the bits whose literals are matched
  ignoring ASCII case (their literals must be ASCII: a RangeError otherwise).
  */
  constructor(sets: ReadonlyArray<readonly string[]>, options: { foldCase?: number } = {}) {
    if (sets.length > 31) throw new RangeError("at most 31 literal sets");
    const foldCase = options.foldCase ?? 0;
    sets.forEach((set, index) => {
      const bit = 1 << index;
      const folded = (foldCase & bit) !== 0;
      if (folded && set.some((text) => /[^\x00-\x7f]/.test(text))) throw new RangeError("literals matched ignoring case must be ASCII");
      for (const text of folded ? set.map(lowerAscii) : set) {
        const [first, second, third] = [text.charCodeAt(0), text.charCodeAt(1), text.charCodeAt(2)];
        if (text.length === 2 && first < 128 && second < 128) {
          for (const a of cases(first, folded)) {
            for (const b of cases(second, folded)) {
              this.pairBits[(a << 7) | b] |= bit;
              this.thirds[(a << 7) | b] = -1;
            }
          }
        } else if (text.length >= 3 && first < 128 && second < 128 && third < 128) {
          for (const a of cases(first, folded))
            for (const b of cases(second, folded)) for (const c of cases(third, folded)) this.enter(a, b, c, text, bit, folded);
        } else if (folded) {
          // One character: looked for in both cases.
          for (const code of cases(first, true)) {
            this.otherTexts.push(String.fromCharCode(code));
            this.otherBits.push(bit);
          }
        } else {
          this.otherTexts.push(text);
          this.otherBits.push(bit);
        }
      }
    });
  }

  private enter(first: number, second: number, third: number, text: string, bit: number, folded: boolean): void {
    const pair = (first << 7) | second;
    this.thirds[pair] |= 1 << slotOf(third);
    const key = bucketKey(pair, third);
    if (this.bucketOf[key] === 0) {
      this.bucketTexts.push([]);
      this.bucketBits.push([]);
      this.bucketFolded.push([]);
      this.bucketFourths.push(0);
      this.bucketOf[key] = this.bucketTexts.length;
    }
    const bucket = this.bucketOf[key] - 1;
    if (text.length === 3) this.bucketFourths[bucket] = -1;
    else for (const code of cases(text.charCodeAt(3), folded)) this.bucketFourths[bucket] |= 1 << slotOf(code);
    this.bucketTexts[bucket].push(text);
    this.bucketBits[bucket].push(bit);
    this.bucketFolded[bucket].push(folded ? 1 : 0);
  }

  /**
  The bits of the sets one of whose literals `text.slice(start)` contains. Given the start, a body is
  scanned inside the line it was cut from: a sliced string costs a third more per character read.
  With `split`, a literal that starts before it gives only the bits of `beforeSplit`: one pass answers
  for the whole line (those bits) and for the body from `split` on (every bit).
  */
  scan(text: string, start = 0, split = start, beforeSplit = 0): number {
    let found = 0;
    for (let index = 0; index < this.otherTexts.length; index++) {
      const bit = this.otherBits[index];
      if (text.includes(this.otherTexts[index], split) || ((bit & beforeSplit) !== 0 && text.includes(this.otherTexts[index], start))) found |= bit;
    }
    const { thirds, pairBits, bucketOf, bucketTexts, bucketBits, bucketFolded, bucketFourths } = this;
    const length = text.length;
    if (length - start < 2) return found;
    let pair = ((text.charCodeAt(start) & 127) << 7) | (text.charCodeAt(start + 1) & 127);
    for (let at = start + 2; at < length; at++) {
      const third = text.charCodeAt(at);
      const mask = thirds[pair];
      // A shift counts modulo 32: `1 << (third ^ (third >> 5))` is bit slotOf(third).
      if (mask !== 0 && (mask & (1 << (third ^ (third >> 5)))) !== 0) {
        const allowed = at - 2 >= split ? -1 : beforeSplit;
        if (pairBits[pair] !== 0 && (text.charCodeAt(at - 2) | text.charCodeAt(at - 1)) < 128) found |= pairBits[pair] & allowed;
        const bucket = bucketOf[bucketKey(pair, third)];
        const fourth = at + 1 < length ? text.charCodeAt(at + 1) : -1;
        if (bucket !== 0 && (fourth === -1 || (bucketFourths[bucket - 1] & (1 << (fourth ^ (fourth >> 5)))) !== 0)) {
          const texts = bucketTexts[bucket - 1];
          const bits = bucketBits[bucket - 1];
          const folded = bucketFolded[bucket - 1];
          for (let index = 0; index < texts.length; index++) {
            if (
              (bits[index] & allowed & ~found) !== 0 &&
              (folded[index] === 0 ? text.startsWith(texts[index], at - 2) : startsWithFolded(text, texts[index], at - 2))
            ) {
              found |= bits[index];
            }
          }
        }
      }
      pair = ((pair << 7) | (third & 127)) & (PAIRS - 1);
    }
    if (pairBits[pair] !== 0 && (text.charCodeAt(length - 2) | text.charCodeAt(length - 1)) < 128)
      found |= pairBits[pair] & (length - 2 >= split ? -1 : beforeSplit);
    return found;
  }
}

const PAIRS = 128 * 128;
const BUCKET_SLOTS = 1 << 14;

/**
A character's bit in a 32-bit mask: its low five bits mixed with the next ones, so that the two cases of
an ASCII letter (and a letter and the digit or sign 32 away) fall on different bits; with `code & 31`
every capital of a host name ("nodeA1") hit the mask of a lower-case literal ("deadman").
*/
const slotOf = (code: number): number => (code ^ (code >> 5)) & 31;

/** A pair (folded to 7 bits each) and a third character, hashed to a bucket slot. */
const bucketKey = (pair: number, third: number): number => (Math.imul((pair << 5) | slotOf(third), 0x9e3779b1) >>> 18) & (BUCKET_SLOTS - 1);

/** ASCII letters lower-cased, every other character kept (what the `i` flag does without `u`). */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}

/** The codes a character of a literal stands for: both cases of an ASCII letter when folded. */
function cases(code: number, folded: boolean): number[] {
  if (!folded || code < 97 || code > 122) return [code];
  return [code, code - 32];
}

/** Whether `text` holds the lower-case `literal` at `at`, ignoring the case of ASCII letters. */
function startsWithFolded(text: string, literal: string, at: number): boolean {
  if (at + literal.length > text.length) return false;
  for (let index = 0; index < literal.length; index++) {
    const code = text.charCodeAt(at + index);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== literal.charCodeAt(index)) return false;
  }
  return true;
}
