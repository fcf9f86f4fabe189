// Every entry of the phrasing corpus (test/phrasings/*.yaml) gives its expected event through the real
// file parser and the pair-state model's resolve(); bench/recall.mjs measures the same corpus on dist/.
import { describe, expect, it } from "vitest";
import { loadCorpus, runCorpus } from "../../bench/recall.mjs";
import { PairModel } from "../../src/correlate/pair-model.js";
import { createFileParser } from "../../src/parse/index.js";

const modules = { createFileParser: createFileParser as never, PairModel: PairModel as never };
const facts = loadCorpus();

describe("phrasing corpus", () => {
  it("has at least five forms of every fact", () => {
    const thin = facts.filter((fact) => fact.phrasings.length < 5).map((fact) => `${fact.file}: ${fact.fact} (${fact.phrasings.length})`);
    expect(thin).toEqual([]);
  });

  for (const fact of facts) {
    describe(`${fact.file}: ${fact.fact}`, () => {
      it.each(fact.phrasings.map((phrasing) => [JSON.stringify(phrasing.body ?? phrasing.pkglog ?? phrasing.syslog).slice(0, 100), phrasing] as const))(
        "%s",
        (_label, phrasing) => {
          const [entry] = runCorpus(modules, [{ ...fact, phrasings: [phrasing] }]).entries;
          expect({ ok: entry.ok, error: entry.error, produced: entry.produced }).toMatchObject({ ok: true, error: null });
        },
      );
    });
  }
});
