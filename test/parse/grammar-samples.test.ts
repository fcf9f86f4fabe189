// Every grammar ships samples; each must give exactly one parse, equal to what the sample expects
// (nearley returns every parse, so an ambiguous grammar shows up here as results.length > 1).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { grammars, runGrammar } from "../../src/parse/index.js";

describe("grammar modules", () => {
  it("loads every grammars/*.ne file, named as its file", () => {
    const files = readdirSync(new URL("../../grammars/", import.meta.url))
      .filter((file) => file.endsWith(".ne"))
      .map((file) => file.slice(0, -3))
      .sort();
    expect(grammars().map((entry) => entry.name)).toEqual(files);
  });

  it("declares a prefilter for every body grammar", () => {
    for (const entry of grammars().filter((candidate) => candidate.role === "body")) expect(entry.prefilter, entry.name).toBeInstanceOf(RegExp);
  });
});

for (const entry of grammars()) {
  describe(`grammars/${entry.name}.ne samples`, () => {
    it.each(entry.samples.map((sample) => [JSON.stringify(sample.text).slice(0, 110), sample] as const))("%s", (_label, sample) => {
      const results = runGrammar(entry, sample.text);
      // null: the text is none of the grammar's (no parse), left to the other grammars.
      if (sample.expect === null) return expect(results, "number of parses").toHaveLength(0);
      expect(results, "number of parses").toHaveLength(1);
      expect(results[0]).toEqual(sample.expect);
      const emits = Array.isArray(sample.expect) && sample.expect.length > 0;
      if (entry.prefilter && emits) expect(entry.prefilter.test(sample.text), "prefilter lets the sample through").toBe(true);
    });
  });
}
