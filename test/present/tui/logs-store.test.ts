import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type SqliteDatabase } from "../../../src/store/db.js";
import {
  findLogLine,
  lineMatchesFilter,
  logFacets,
  readLogLinesBefore,
  readLogPage,
  seekLogLine,
  type LogFilter,
  type LogLine,
} from "../../../src/store/logs.js";
import { searchTerms } from "../../../src/store/search.js";
import { sampleDatabase } from "./helpers.js";

let database: SqliteDatabase;

beforeEach(async () => {
  database = openDatabase(await sampleDatabase("site-failover-svol-takeover"), { readonly: true });
});

afterEach(() => {
  database.close();
});

/** Every line the filter passes, in merged order, read at once (what paging must reproduce). */
function everything(filter: LogFilter): LogLine[] {
  return readLogPage(database, filter, { limit: 1_000_000 });
}

describe("log lines read API", () => {
  it("pages forward and backward by (ts, id) and meets the same lines in the same order", () => {
    for (const filter of [{}, { configuration: true }, { host: "nodeB1" }, { level: "notable" as const }]) {
      const all = everything(filter);
      expect(all.length).toBeGreaterThan(5);
      const forward: LogLine[] = [];
      let page = readLogPage(database, filter, { limit: 7 });
      while (page.length > 0) {
        forward.push(...page);
        const last = page[page.length - 1];
        page = readLogPage(database, filter, { from: last, limit: 8 }).slice(1);
      }
      expect(forward.map((line) => line.id)).toEqual(all.map((line) => line.id));
      const backward: LogLine[] = [];
      let before = readLogLinesBefore(database, filter, undefined, 7);
      while (before.length > 0) {
        backward.unshift(...before);
        before = readLogLinesBefore(database, filter, before[0], 7);
      }
      expect(backward.map((line) => line.id)).toEqual(all.map((line) => line.id));
    }
  });

  it("orders by time across files and nodes, configuration files (no time) first and only when asked", () => {
    const lines = everything({});
    for (let index = 1; index < lines.length; index++) {
      expect((lines[index].ts as number) >= (lines[index - 1].ts as number)).toBe(true);
    }
    expect(new Set(lines.map((line) => line.host)).size).toBeGreaterThan(2);
    expect(lines.some((line) => line.format === "config")).toBe(false);
    const withConfiguration = everything({ configuration: true });
    expect(withConfiguration[0].format).toBe("config");
    expect(withConfiguration[0].ts).toBeNull();
  });

  it("finds the next and previous error from a position", () => {
    const first = seekLogLine(database, {}, { from: undefined, direction: "forward", level: "error" }) as LogLine;
    expect(first.text).toMatch(/timed out|fail|error|EX_/i);
    const second = seekLogLine(database, {}, { from: first, direction: "forward", level: "error" }) as LogLine;
    expect((second.ts as number) > (first.ts as number) || ((second.ts as number) === first.ts && second.id > first.id)).toBe(true);
    const back = seekLogLine(database, {}, { from: second, direction: "backward", level: "error" }) as LogLine;
    expect(back.id).toBe(first.id);
  });

  it("searches as FTS5 reads words, user input always taken as plain words", () => {
    expect(searchTerms("  horctakeover  oradg ")).toEqual([
      { words: ["horctakeover"], prefix: false },
      { words: ["oradg"], prefix: false },
    ]);
    expect(searchTerms('say "hi" OR NOT x')).toEqual(["say", "hi", "or", "not", "x"].map((word) => ({ words: [word], prefix: false })));
    expect(searchTerms("pair*")).toEqual([{ words: ["pair"], prefix: true }]);
    expect(searchTerms("EX_EWSTOT")).toEqual([{ words: ["ex", "ewstot"], prefix: false }]);
    expect(searchTerms("   ")).toBeNull();
    for (const hostile of ['"', "a:b", "-x", "(", "NEAR(a b)", "*", "^", "col:value"]) {
      expect(() => seekLogLine(database, {}, { from: undefined, direction: "forward", search: hostile })).not.toThrow();
    }
    const found = seekLogLine(database, {}, { from: undefined, direction: "forward", search: "SVOL-takeover" }) as LogLine;
    // FTS5 reads "SVOL-takeover" as the phrase "svol takeover": punctuation separates words.
    expect(found.text).toMatch(/SVOL.takeover/i);
    const prefix = seekLogLine(database, {}, { from: undefined, direction: "forward", search: "horctake*" }) as LogLine;
    expect(prefix.text).toContain("horctakeover");
  });

  it("looks up an evidence file:line and tells whether a filter hides it", () => {
    const line = findLogLine(database, "samples/site-failover-svol-takeover/nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log", 8) as LogLine;
    expect(line.text).toContain("horctakeover");
    expect(lineMatchesFilter(database, {}, line)).toBe(true);
    expect(lineMatchesFilter(database, { host: "nodeA1" }, line)).toBe(false);
    expect(findLogLine(database, "no/such/file", 1)).toBeUndefined();
  });

  it("offers the hosts and packages of the incident for the filters", () => {
    const facets = logFacets(database);
    expect(facets.hosts).toEqual(expect.arrayContaining(["nodeA1", "nodeB1"]));
    expect(facets.packages).toContain("oracle_pkg");
    expect(logFacets(database, ["no such bundle"])).toEqual({ hosts: [], packages: [] });
  });
});
