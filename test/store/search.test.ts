import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase, type SqliteDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { seekLogLine, type LogLine } from "../../src/store/logs.js";
import { buildSearchIndex, searchIndexPath, searchIndexState, searchLines, searchMatcher } from "../../src/store/search.js";
import { repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { sampleDatabase as analysedSamples } from "../helpers/sample-database.js";

/** The samples analysed into a database of the test's own (a copy of one analysis per file and set of samples). */
async function sampleDatabase(...samples: string[]): Promise<string> {
  return analysedSamples(samples, { fileName: "search.db" });
}

const searches = ["horctakeover", "SVOL-takeover", "oradg PSUE", "pair*", "EX_CMDIOE", "package oracle_pkg", "cmcld", "nothing-of-the-kind"];

/** Every line a search finds, by id, in order (what `n` pressed again and again visits). */
function everyMatch(database: SqliteDatabase, search: string): number[] {
  const ids: number[] = [];
  let from: LogLine | undefined;
  for (;;) {
    const line = seekLogLine(database, { configuration: true }, { from, direction: "forward", search });
    if (!line) return ids;
    ids.push(line.id);
    from = line;
  }
}

/** What each search finds: through the Logs view's seek and through log_search. */
function answers(database: SqliteDatabase): Record<string, { seek: number[]; sql: number[] }> {
  return Object.fromEntries(
    searches.map((search) => [
      search,
      {
        seek: everyMatch(database, search),
        sql: [...searchLines(database, searchMatcher(search) as NonNullable<ReturnType<typeof searchMatcher>>)].map(({ line }) => line.id),
      },
    ]),
  );
}

describe("the search index sidecar", () => {
  it("is built beside the database, and a search gives the same lines with it as by scanning without it", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover", "links-fence-never-primary-restart");
    const database = openDatabase(path, { readonly: true });
    try {
      expect(searchIndexState(database)).toMatchObject({ exists: false });
      const scanned = answers(database);
      expect(scanned.horctakeover.seek.length).toBeGreaterThan(1);
      expect(scanned["SVOL-takeover"].seek.length).toBeGreaterThan(0);
      expect(scanned["nothing-of-the-kind"].seek).toEqual([]);
      for (const answer of Object.values(scanned)) expect(answer.sql).toEqual(answer.seek);

      expect(buildSearchIndex(database)).toBe(true);
      expect(existsSync(searchIndexPath(path))).toBe(true);
      expect(searchIndexState(database)).toEqual({ exists: true, missingLines: 0 });
      expect(answers(database)).toEqual(scanned);
    } finally {
      database.close();
    }
  });

  it("is stale after new lines: they are found by scanning the part it does not cover, until it catches up", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover");
    const reader = openDatabase(path, { readonly: true });
    try {
      buildSearchIndex(reader);
      const store = new Store(openDatabase(path));
      try {
        const [file] = store.filesOfBundle(join(repositoryRoot, "samples", "site-failover-svol-takeover")).filter((record) => record.kind === "syslog");
        const added = [
          "Nov 16 03:20:00 nodeB1 cmcld[2048]: zebrafish appears in a new line",
          "Nov 16 03:20:01 nodeB1 cmcld[2048]: horctakeover zebrafish again",
        ];
        store.appendLines(
          file.id,
          added.map((text, index) => ({
            lineNo: file.lineCount + index + 1,
            ts: Date.UTC(2026, 10, 16, 3, 20, index),
            host: "nodeB1",
            program: "cmcld",
            package: null,
            format: "syslog",
            text,
            events: [],
          })),
          { offset: file.offset, lineCount: file.lineCount + added.length, pending: null },
        );
      } finally {
        store.close();
      }
      expect(searchIndexState(reader)).toEqual({ exists: true, missingLines: 2 });
      const zebrafish = everyMatch(reader, "zebrafish");
      expect(zebrafish).toHaveLength(2);
      const horctakeover = everyMatch(reader, "horctakeover");
      expect(buildSearchIndex(reader)).toBe(true);
      expect(searchIndexState(reader)).toEqual({ exists: true, missingLines: 0 });
      expect(everyMatch(reader, "zebrafish")).toEqual(zebrafish);
      expect(everyMatch(reader, "horctakeover")).toEqual(horctakeover);
    } finally {
      reader.close();
    }
  });

  it("a build killed mid-way (kill -9) leaves what it committed; the next build finishes it, nothing indexed twice", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover", "links-fence-never-primary-restart");
    // Answers by scanning, from a connection closed before the build starts (a search asks for the index in the background).
    const scanner = openDatabase(path, { readonly: true });
    const scanned = answers(scanner);
    scanner.close();
    expect(existsSync(searchIndexPath(path))).toBe(false);
    const reader = openDatabase(path, { readonly: true });
    try {
      // A separate process builds the index 40 lines per transaction, pausing between them, and dies mid-way.
      const script = join(tempDir(), "build.mjs");
      writeFileSync(
        script,
        `
        const { openDatabase } = await import(${JSON.stringify(pathToFileURL(join(repositoryRoot, "dist/store/db.js")).href)});
        const { buildSearchIndex } = await import(${JSON.stringify(pathToFileURL(join(repositoryRoot, "dist/store/search.js")).href)});
        const database = openDatabase(${JSON.stringify(path)}, { readonly: true });
        while (!buildSearchIndex(database, { budgetMs: 0, stepLines: 40 })) {
          process.stdout.write("step\\n");
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        process.stdout.write("done\\n");
      `,
      );
      const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "pipe"] });
      const exited = new Promise((resolve) => child.once("exit", resolve));
      let output = "";
      let errors = "";
      child.stderr.on("data", (chunk: Buffer) => {
        errors += chunk.toString();
      });
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.split("\n").filter((line) => line === "step").length >= 3) child.kill("SIGKILL");
      });
      await exited;
      expect(errors).toBe("");
      expect(output).not.toContain("done");
      const partial = searchIndexState(reader);
      expect(partial.exists).toBe(true);
      expect(partial.missingLines).toBeGreaterThan(0);
      // Searches meanwhile: the index for what it covers, the blocks for the rest.
      expect(answers(reader)).toEqual(scanned);
      expect(buildSearchIndex(reader)).toBe(true);
      expect(searchIndexState(reader)).toEqual({ exists: true, missingLines: 0 });
      expect(answers(reader)).toEqual(scanned);
      // Each line once in the index: its rows for a word every line of a node has are that node's lines.
      const sidecar = new Database(searchIndexPath(path), { readonly: true });
      try {
        const indexed = sidecar.prepare("SELECT count(*) FROM line_fts WHERE line_fts MATCH 'nodeb1'").pluck().get();
        expect(indexed).toBe([...searchLines(reader, searchMatcher("nodeB1") as NonNullable<ReturnType<typeof searchMatcher>>)].length);
      } finally {
        sidecar.close();
      }
    } finally {
      reader.close();
    }
  });

  it("a damaged sidecar, or one that belongs to another database, is not trusted: it is built again", async () => {
    const first = await sampleDatabase("site-failover-svol-takeover");
    const second = await sampleDatabase("links-fence-never-primary-restart");
    const one = openDatabase(first, { readonly: true });
    const two = openDatabase(second, { readonly: true });
    try {
      const expected = answers(two);
      buildSearchIndex(one);
      // Another database's index copied beside this one (the database replaced at the same path looks the same).
      copyFileSync(searchIndexPath(first), searchIndexPath(second));
      expect(searchIndexState(two).exists).toBe(false);
      expect(answers(two)).toEqual(expected);
      buildSearchIndex(two);
      expect(searchIndexState(two)).toEqual({ exists: true, missingLines: 0 });
      expect(answers(two)).toEqual(expected);
      // Garbage where the index should be (a crash of the machine with the cache half written).
      writeFileSync(searchIndexPath(second), Buffer.alloc(8192, 0x5a));
      expect(answers(two)).toEqual(expected);
      expect(buildSearchIndex(two)).toBe(true);
      expect(searchIndexState(two)).toEqual({ exists: true, missingLines: 0 });
      expect(answers(two)).toEqual(expected);
    } finally {
      one.close();
      two.close();
    }
  });

  it("the first search from the Logs view starts building the index in the background", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover");
    const database = openDatabase(path, { readonly: true });
    try {
      expect(seekLogLine(database, {}, { from: undefined, direction: "forward", search: "horctakeover" })?.text).toMatch(/horctakeover/);
      await expect.poll(() => searchIndexState(database), { timeout: 10_000 }).toEqual({ exists: true, missingLines: 0 });
    } finally {
      database.close();
    }
  });

  it("query: log_search answers before the index exists, and builds it once its answer is printed", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover");
    const sql = "SELECT file, line_no, text FROM log_search('horctakeover oradg') ORDER BY file, line_no";
    const first = runMcadvisor(["query", "--db", path, "--format", "json", sql]);
    expect(first.code, first.stderr).toBe(0);
    const rows = JSON.parse(first.stdout) as { text: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.text).toMatch(/horctakeover/i);
    expect(existsSync(searchIndexPath(path))).toBe(true);
    const second = runMcadvisor(["query", "--db", path, "--format", "json", sql]);
    expect(JSON.parse(second.stdout)).toEqual(rows);
  });
});
