// The body dispatch's fast path (src/parse/required-literals.ts): the literals derived from a grammar's
// meta.prefilter are a necessary condition, so the literal scan never rejects a body the prefilter
// accepts. Checked on every grammar's prefilter against real lines (the sample bundles, the grammars'
// own samples), random lines built from the literals, and random text; and on hand-written patterns
// for the reader's corners (classes, optional parts, lookarounds, what it must refuse).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleLines as sampleLinesOf } from "../helpers/samples-files.js";
import { grammars, parseBody, parseHeader } from "../../src/parse/index.js";
import { LiteralScanner, requiredLiterals, topLevelBranches } from "../../src/parse/required-literals.js";

const bodyGrammars = grammars().filter((entry) => entry.role === "body" && entry.prefilter !== undefined);
const prefilters = bodyGrammars.map((entry) => entry.prefilter as RegExp);
const literalSets = prefilters.map((prefilter) => requiredLiterals(prefilter));

const sampleLines = sampleLinesOf();

/** Every body the prefilter at `index` accepts has one of its bits in the scan. */
function agrees(scanner: LiteralScanner, text: string): void {
  const bits = scanner.scan(text);
  prefilters.forEach((prefilter, index) => {
    if (prefilter.test(text))
      expect({ text, grammar: bodyGrammars[index].name, hit: (bits & (1 << index)) !== 0 }).toEqual({ text, grammar: bodyGrammars[index].name, hit: true });
  });
}

describe("required literals of the grammars' prefilters", () => {
  it("are derived for every shipped body grammar (a new prefilter the reader cannot read only loses the shortcut)", () => {
    for (const [index, set] of literalSets.entries())
      expect({ grammar: bodyGrammars[index].name, derived: set !== undefined && set.length > 0 }).toEqual({ grammar: bodyGrammars[index].name, derived: true });
  });

  const scanner = new LiteralScanner(literalSets.map((set) => set ?? [""]));

  it("never reject a real line the prefilters accept (sample bundles and grammar samples)", () => {
    expect(sampleLines.length).toBeGreaterThan(1000);
    const texts = [...sampleLines, ...grammars().flatMap((entry) => entry.samples.map((sample) => sample.text))];
    let accepted = 0;
    for (const text of texts) {
      agrees(scanner, text);
      if (prefilters.some((prefilter) => prefilter.test(text))) accepted++;
    }
    expect(accepted).toBeGreaterThan(100);
  });

  it("give the same events when a body is scanned inside its line (sample bundles)", () => {
    let bodies = 0;
    for (const text of sampleLines) {
      const header = parseHeader(text, "syslog");
      if (!header) continue;
      bodies++;
      // Inside the line first: a scan that missed a literal there would return no events, and none are cached then.
      const inLine = parseBody(header.format, header.body, {}, text);
      expect({ text, events: inLine }).toEqual({ text, events: parseBody(header.format, header.body) });
    }
    expect(bodies).toBeGreaterThan(1000);
    // A line the body is not the end of is not used.
    expect(parseBody("syslog", "pairdisplay -g oradg: PSUE", {}, "pairdisplay -g oradg: PSUE!")).toEqual(parseBody("syslog", "pairdisplay -g oradg: PSUE"));
  });

  it("never reject a random line made of the literals' pieces, real words and noise", () => {
    const pieces = [...new Set(literalSets.flatMap((set) => set ?? []))];
    const piece = fc.oneof(
      fc.constantFrom(...pieces).chain((literal) => fc.nat(literal.length).map((cut) => literal.slice(0, cut))),
      fc.constantFrom(...pieces),
      fc.constantFrom(...sampleLines.filter((line) => line.length > 0).slice(0, 2000)),
      fc.string({ maxLength: 6 }),
      fc.constantFrom(" ", "\t", "=", "_", "-", ".", "[", "]", "(", ")", ":", "é", "\u00a0"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => agrees(scanner, parts.join(""))),
      { numRuns: 3000 },
    );
  });
});

describe("the literal reader", () => {
  const cases: Array<[RegExp, string[] | undefined]> = [
    [/[PS]-?VOL/, ["PVOL", "SVOL", "P-VOL", "S-VOL"]],
    [/^LVM: /, ["LVM: "]],
    [/\bfoo\b|bar(?=x)/, ["bar", "foo"]],
    [/a.*bcd/, ["bcd"]],
    [/x[a-z]+yz/, ["yz"]],
    [/(?:ab|cd)+e/, ["ab", "cd"]],
    [/a{2}/, ["aa"]],
    [/\d+/, undefined],
    [/ab|\w/, undefined],
    [/ab?/, ["a"]],
    [/x*/, undefined],
    [/(a)\1/, undefined],
    [/abc/i, undefined],
    [/[^x]yz/, ["yz"]],
    [/\x41\u0042C/, ["ABC"]],
    [/a{/, ["a{"]],
  ];
  it.each(cases.map(([pattern, expected]) => [String(pattern), pattern, expected] as const))("%s", (_label, pattern, expected) => {
    const literals = requiredLiterals(pattern);
    expect(literals === undefined ? undefined : [...literals].sort()).toEqual(expected === undefined ? undefined : [...expected].sort());
  });

  it("finds literals at either end of a text, with control characters and non-ASCII in them", () => {
    const scanner = new LiteralScanner([["ab\u0000", "dg"], ["é-x", "xyz"], ["q"]]);
    expect(scanner.scan("ab\u0000")).toBe(1);
    expect(scanner.scan("..dg")).toBe(1);
    expect(scanner.scan("xyz")).toBe(2);
    expect(scanner.scan("café-x")).toBe(2);
    expect(scanner.scan("q")).toBe(4);
    expect(scanner.scan("ab d g xy")).toBe(0);
    expect(scanner.scan("")).toBe(0);
  });

  it("scans a text from an offset exactly as it scans the slice from there (a body read inside its line)", () => {
    const scanner = new LiteralScanner([["ab\u0000", "dg"], ["é-x", "xyz"], ["q"], ["abc", "abd", "zz"]]);
    const char = fc.constantFrom("a", "b", "c", "d", "g", "q", "x", "y", "z", "é", "-", "\u0000", " ");
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 14 }).map((chars) => chars.join("")),
        fc.nat(16),
        (text, cut) => {
          const start = Math.min(cut, text.length);
          expect(scanner.scan(text, start)).toBe(scanner.scan(text.slice(start)));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("answers exactly which sets a text holds a literal of, at any offset, case folded where asked (random literals and texts)", () => {
    // Characters that share 7 bits or the low 5 bits with others (é & 127 is 'i', '`' & 31 is '@' & 31), both cases, controls.
    const char = fc.constantFrom("a", "b", "A", "B", "c", "i", "I", "é", "É", "`", "@", "_", "-", " ", "\u0000", "\u00e9", "\u0161", "\u212a", "k", "K");
    const word = (minLength: number) => fc.array(char, { minLength, maxLength: 5 }).map((chars) => chars.join(""));
    const asciiWord = fc
      .array(fc.constantFrom("a", "b", "A", "c", "i", "K", "k", "_", "`", "@", "-", " "), { minLength: 1, maxLength: 5 })
      .map((chars) => chars.join(""));
    const lowerAscii = (text: string): string => text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
    fc.assert(
      fc.property(
        fc.array(fc.array(word(1), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.array(asciiWord, { minLength: 1, maxLength: 4 }),
        fc.array(char, { maxLength: 24 }).map((chars) => chars.join("")),
        fc.nat(26),
        (sets, foldedSet, text, cut) => {
          const scanner = new LiteralScanner([...sets, foldedSet], { foldCase: 1 << sets.length });
          const start = Math.min(cut, text.length);
          const rest = text.slice(start);
          let expected = 0;
          sets.forEach((set, index) => {
            if (set.some((literal) => rest.includes(literal))) expected |= 1 << index;
          });
          if (foldedSet.some((literal) => lowerAscii(rest).includes(lowerAscii(literal)))) expected |= 1 << sets.length;
          expect({ sets, foldedSet, text, start, found: scanner.scan(text, start) }).toEqual({ sets, foldedSet, text, start, found: expected });
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("matches an ASCII literal ignoring case as a regex with the i flag does, and refuses other literals so folded", () => {
    const scanner = new LiteralScanner([["ex_", "vol"], ["PAIR"]], { foldCase: 1 });
    expect(scanner.scan("an EX_CMDRJE")).toBe(1);
    expect(scanner.scan("P-VOL S-Vol")).toBe(1);
    expect(scanner.scan("pair PAIR")).toBe(2);
    expect(scanner.scan("\u212aex")).toBe(0);
    expect(() => new LiteralScanner([["café"]], { foldCase: 1 })).toThrow(RangeError);
  });

  it("gives a necessary condition for random patterns built from the constructs it reads", () => {
    const atom = fc.oneof(
      fc.constantFrom("a", "b", "c", "ab", "-", "\\.", "\\b", "^", "$", "[ab]", "[a-c]", "[^a]", "\\d", "\\w", "\\s", ".", "(?=a)", "(?!b)"),
    );
    const quantifier = fc.constantFrom("", "", "", "?", "*", "+", "{2}", "{1,2}", "{0,1}");
    const sequence = fc
      .array(
        fc.tuple(atom, quantifier).map(([part, times]) => (/^\\b|^[\^$]|^\(\?[=!]/.test(part) ? part : `(?:${part})${times}`)),
        { minLength: 1, maxLength: 5 },
      )
      .map((parts) => parts.join(""));
    const pattern = fc.array(sequence, { minLength: 1, maxLength: 3 }).map((branches) => new RegExp(branches.join("|")));
    const text = fc.array(fc.constantFrom("a", "b", "c", "-", ".", " ", "1", "x"), { maxLength: 12 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 20 }), (regex, texts) => {
        const literals = requiredLiterals(regex);
        if (literals === undefined) return;
        const scanner = new LiteralScanner([literals]);
        for (const candidate of texts) {
          if (regex.test(candidate))
            expect({ regex: String(regex), candidate, found: scanner.scan(candidate) === 1 }).toEqual({ regex: String(regex), candidate, found: true });
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("a prefilter cut into its top-level alternatives", () => {
  it("splits only at the top level (groups, classes and escapes keep their bars)", () => {
    expect(topLevelBranches("a|b(c|d)|[|]|e\\|f")).toEqual(["a", "b(c|d)", "[|]", "e\\|f"]);
    expect(topLevelBranches("(?:x|y)z")).toEqual(["(?:x|y)z"]);
    expect(topLevelBranches("[\\]|]|q")).toEqual(["[\\]|]", "q"]);
  });

  it("refuses a source whose parts would not stand alone (backreferences)", () => {
    expect(topLevelBranches("(a)|\\1")).toBeUndefined();
    expect(topLevelBranches("(?<w>a)|\\k<w>")).toBeUndefined();
  });

  it("matches a body exactly when one of its parts does, for every shipped prefilter (sample lines and random text)", () => {
    const texts = [...sampleLines, ...fc.sample(fc.string({ maxLength: 60 }), 2000)];
    for (const [index, prefilter] of prefilters.entries()) {
      const branches = topLevelBranches(prefilter.source);
      expect({ grammar: bodyGrammars[index].name, split: branches !== undefined }).toEqual({ grammar: bodyGrammars[index].name, split: true });
      const parts = (branches as string[]).map((branch) => new RegExp(branch, prefilter.flags));
      for (const text of texts) {
        const whole = prefilter.test(text);
        if (whole !== parts.some((part) => part.test(text))) expect({ grammar: bodyGrammars[index].name, text, whole }).toBeUndefined();
      }
    }
  });
});
