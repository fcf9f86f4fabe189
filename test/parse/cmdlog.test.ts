// The command-output log's header grammar (grammars/cmdlog.ne): every line is in its layout (a stamp or the
// output under one), exactly one parse, and a stamp gives back the time it was written with.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grammarNamed, parseHeader, runGrammar } from "../../src/parse/index.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const two = (value: number): string => String(value).padStart(2, "0");

describe("cmdlog header grammar", () => {
  const entry = grammarNamed("cmdlog");

  it("reads any line exactly one way", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        expect(runGrammar(entry!, line)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it("gives back the time and the text of a `date` stamp after any separator", () => {
    const stamp = fc.record({
      lead: fc.constantFrom("", "==== ", "---- ", "# ", "[", "*** "),
      weekday: fc.option(fc.constantFrom(...WEEKDAYS), { nil: undefined }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      zone: fc.option(fc.constantFrom("MET", "CET", "EST", "UTC", "GMT+1"), { nil: undefined }),
      year: fc.integer({ min: 1990, max: 2099 }),
      body: fc.constantFrom("", "pairdisplay -g erp_dg -fcx -CLI", "jnlwatch (HORCMINST=60)", "run 7"),
    });
    fc.assert(
      fc.property(stamp, (value) => {
        const date = [
          value.weekday,
          MONTHS[value.month - 1],
          String(value.day),
          `${two(value.hour)}:${two(value.minute)}:${two(value.second)}`,
          value.zone,
          String(value.year),
        ]
          .filter((part) => part !== undefined)
          .join(" ");
        const closing = value.lead === "[" ? "] " : "  ";
        const header = parseHeader(`${value.lead}${date}${value.body === "" ? "" : closing + value.body}`, "cmdlog");
        // A stamp standing alone or set off by a run of separators is a run's banner; one a script put before a line of
        // its own ("[date] run 7") is a stamp, still in the run of the command before it.
        const runBanner = value.body === "" || /[=#*~+<>|-]{2,}/.test(value.lead);
        expect(header).toMatchObject({
          format: "cmdlog",
          shape: runBanner ? "banner" : "stamp",
          year: value.year,
          month: value.month,
          day: value.day,
          hour: value.hour,
          minute: value.minute,
          second: value.second,
          body: value.body,
        });
      }),
      { numRuns: 300 },
    );
  });

  it("keeps the output under a stamp as untimed text of the file's layout", () => {
    expect(parseHeader("erp_dg  erp_d00  L   CL3-A    0 12 85011  2e0 P-VOL PSUE   NEVER  99 1c0   -", "cmdlog")).toEqual({
      format: "cmdlog",
      body: "erp_dg  erp_d00  L   CL3-A    0 12 85011  2e0 P-VOL PSUE   NEVER  99 1c0   -",
      shape: "plain",
    });
  });
});
