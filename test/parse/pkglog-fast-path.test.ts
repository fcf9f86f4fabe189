// The package-log fast path (step lines) must return exactly what the grammar returns, for every line it
// accepts, and must accept the common step shapes. Lines are generated from the step line's parts,
// including the awkward ones: indents of tabs and spaces, padded and three-digit days, impossible times,
// `Node "n":`, `"n":`, empty and odd names, a dash glued to text, other shapes (banners, modular lines,
// ERROR/WARNING pairs) and random text.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grammarNamed, runGrammar } from "../../src/parse/index.js";

const pkglog = grammarNamed("pkglog");
const fastParse = pkglog.module.fastParse as (line: string) => unknown;
const grammarParse = (line: string): unknown => {
  const results = runGrammar(pkglog, line);
  expect(results.length).toBeLessThanOrEqual(1);
  return results[0];
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const blank = fc.constantFrom(" ", " ", "  ", "\t", " \t");
const maybeBlank = fc.constantFrom("", "", " ", "\t", "  ");
const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));
const stamp = fc
  .record({
    month: fc.oneof(
      fc.constantFrom(...months),
      fc.constantFrom("Foo", "novx", "Novem", "13月"),
      fc.constantFrom("Mai", "nov", "févr.", "juil.", "3月", "12月", "paź"),
    ),
    b1: blank,
    day: fc.oneof(fc.integer({ min: 1, max: 31 }).map(String), fc.integer({ min: 0, max: 199 }).map(String)),
    b2: blank,
    time: fc.oneof(
      fc.tuple(two, two, two).map(([h, m, s]) => `${h}:${m}:${s}`),
      fc.constantFrom("1:00:00", "10:00", "10:00:0x"),
    ),
  })
  .map((p) => `${p.month}${p.b1}${p.day}${p.b2}${p.time}`);
const name = fc.oneof(
  fc.constantFrom("nodeA1", "", "n", "node b", "nodé", 'x"y', "a:b", "[1]", "a\u0001b", "a\u000bb", "a\u00a0b", "a\rb"),
  fc.stringMatching(/^[A-Za-z0-9._:-]{0,10}$/),
);
const node = fc.oneof(
  name.map((n) => `Node "${n}":`),
  name.map((n) => `"${n}":`),
  name.map((n) => `Node\t"${n}":`),
  name.map((n) => `Node "${n}"`),
  name.map((n) => `"${n}`),
  fc.constantFrom("Node", "Nodes", 'Node  "x"', ""),
);
const text = fc.oneof(
  fc.constantFrom("", "Activating volume group vg01 with exclusive option.", "vgchange -a n vg01 failed, trying again.", '"quoted": text', "x"),
  fc.string({ maxLength: 30 }),
);
const step = fc
  .record({ indent: maybeBlank, stamp, b3: blank, dash: fc.constantFrom("-", "-", "--", "-x", "root@nodeA1"), b4: maybeBlank, node, b5: maybeBlank, text })
  .map((p) => `${p.indent}${p.stamp}${p.b3}${p.dash}${p.b4}${p.node}${p.b5}${p.text}`);
const other = fc.oneof(
  fc.constantFrom(
    '\t########### Node "nodeA1": Starting package at Mon Nov 24 10:00:00 EST 2014 ###########',
    "\tERROR:  Function activate_volume_group",
    "\tWARNING:   Running fuser",
    "Nov 24 10:00:00 root@nodeA1 master_control_script.sh[12345]: Starting package",
    "Nov 24 10:00:01 -",
    "Nov 24 10:00:01 - ",
    "\t",
    "",
  ),
  fc.string({ maxLength: 60 }),
);

describe("pkglog fastParse", () => {
  it("returns what the grammar returns whenever it accepts a line", () => {
    fc.assert(
      fc.property(fc.oneof(step, other), (line) => {
        const fast = fastParse(line);
        if (fast !== undefined) expect(grammarParse(line)).toEqual(fast);
      }),
      { numRuns: 5000 },
    );
  });

  it("accepts the common step lines (a node name of ASCII, or none)", () => {
    const common = fc
      .record({
        indent: maybeBlank,
        month: fc.constantFrom(...months),
        day: fc.integer({ min: 1, max: 31 }),
        time: fc.tuple(two, two, two),
        node: fc.option(fc.stringMatching(/^[A-Za-z0-9._-]{1,10}$/), { nil: undefined }),
        text,
      })
      .map((p) => `${p.indent}${p.month} ${String(p.day).padStart(2, " ")} ${p.time.join(":")} - ${p.node === undefined ? "" : `Node "${p.node}": `}${p.text}`);
    fc.assert(
      fc.property(common, (line) => {
        const fast = fastParse(line);
        expect(fast).toBeDefined();
        expect(grammarParse(line)).toEqual(fast);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives the grammar samples' step lines as the samples expect, and leaves the other shapes to the grammar", () => {
    for (const sample of pkglog.samples) {
      const fast = fastParse(sample.text);
      if ((sample.expect as { shape: string }).shape === "step") expect(fast).toEqual(sample.expect);
      else expect(fast).toBeUndefined();
    }
  });
});
