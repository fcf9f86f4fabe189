// The parse layer's own guarantees: grammar modules are checked against the contract, and an
// ambiguous grammar is a typed error in strict mode and a counted fault otherwise.
import { describe, expect, it } from "vitest";
import { GrammarError, checkGrammarModule, eventsFrom } from "../../src/parse/index.js";
import type { ParseCounters } from "../../src/parse/index.js";

// A compiled grammar (no lexer: nearley reads characters) where "x" has two parses.
const ambiguous = {
  ParserRules: [
    { name: "start", symbols: ["one"], postprocess: (d: unknown[]) => d[0] },
    { name: "start", symbols: ["two"], postprocess: (d: unknown[]) => d[0] },
    { name: "one", symbols: [{ literal: "x" }], postprocess: () => [{ kind: "first" }] },
    { name: "two", symbols: [{ literal: "x" }], postprocess: () => [{ kind: "second" }] },
  ],
  ParserStart: "start",
};
const meta = { name: "ambiguous", role: "body", formats: ["syslog"], prefilter: /x/, description: "test grammar with two parses for x" };
const moduleOf = (overrides: Record<string, unknown> = {}) => ({ default: ambiguous, meta, samples: [{ text: "x", expect: [] }], ...overrides });

describe("grammar module contract", () => {
  it("accepts a complete module", () => {
    expect(checkGrammarModule("ambiguous", moduleOf()).role).toBe("body");
  });

  it.each([
    ["a name that is not the file's", { meta: { ...meta, name: "other" } }, /meta.name/],
    ["an unknown role", { meta: { ...meta, role: "footer" } }, /meta.role/],
    ["a body grammar without prefilter", { meta: { ...meta, prefilter: undefined } }, /prefilter/],
    ["a global prefilter", { meta: { ...meta, prefilter: /x/g } }, /g or y flag/],
    ["no samples", { samples: [] }, /samples/],
    ["no compiled grammar", { default: undefined }, /compiled grammar/],
  ])("rejects %s, naming the file", (_case, overrides, message) => {
    expect(() => checkGrammarModule("ambiguous", moduleOf(overrides))).toThrowError(GrammarError);
    expect(() => checkGrammarModule("ambiguous", moduleOf(overrides))).toThrowError(message);
    expect(() => checkGrammarModule("ambiguous", moduleOf(overrides))).toThrowError(/grammars\/ambiguous\.ne/);
  });
});

describe("ambiguous parses", () => {
  const entry = checkGrammarModule("ambiguous", moduleOf());

  it("throw a GrammarError naming the grammar and the line in strict mode", () => {
    const attempt = () => eventsFrom(entry, "x", { strict: true, location: { path: "syslog.log", line: 7 } });
    expect(attempt).toThrowError(GrammarError);
    try {
      attempt();
    } catch (error) {
      expect(error).toMatchObject({ grammar: "ambiguous", text: "x", location: { path: "syslog.log", line: 7 } });
    }
  });

  it("take the first parse and are counted otherwise", () => {
    const counters: ParseCounters = { ambiguous: 0, tooLong: 0 };
    // nearley's order of parses is its own; the parse layer keeps whichever comes first.
    expect([[{ kind: "first" }], [{ kind: "second" }]]).toContainEqual(eventsFrom(entry, "x", { strict: false, counters }));
    expect(counters.ambiguous).toBe(1);
  });

  it("give no events when the text does not fit", () => {
    expect(eventsFrom(entry, "y", { strict: true })).toEqual([]);
  });
});
