import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { existsSync, readFileSync, renameSync, appendFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, dirname } from "node:path";
import { openDatabase } from "../../src/store/db.js";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { writeFileAt } from "../helpers/files.js";

const good = [
  "Nov 20 16:31:02 nodeA1 cmcld[2048]: Request from node nodeA1 to start package oracle_pkg on node nodeA1.",
  "Nov 20 16:31:09 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.",
];

const write = writeFileAt;

/** The stored lines, read as `mcadvisor query` reads them (log_lines decodes blocks: a plain SQLite connection cannot). */
function storedLines(databasePath: string): { text: string; format: string }[] {
  const database = openDatabase(databasePath, { readonly: true });
  try {
    return database.prepare("SELECT text, format FROM log_lines ORDER BY file, line_no").all() as { text: string; format: string }[];
  } finally {
    database.close();
  }
}

function analyzeJson(databasePath: string, ...paths: string[]) {
  return analyzeJsonJudged(databasePath, ["nothing-about-cluster"], ...paths);
}

/** analyzeJson, where a bundle may be UNKNOWN for one of `verdicts`. */
function analyzeJsonJudged(databasePath: string, verdicts: readonly string[], ...paths: string[]) {
  const result = runMcadvisor(["analyze", "--db", databasePath, "--format", "json", "--year", "2026", ...paths]);
  const document = JSON.parse(result.stdout) as {
    inputs: Record<string, number>;
    problems: string[];
    findings: unknown[];
    bundles: Array<{ verdict: string | null }>;
  };
  // 3 says the analysis could not run, unless it ran and found nothing about the cluster in a fixture of other lines.
  if (result.code === 3)
    expect(
      document.bundles.every((bundle) => bundle.verdict !== null && verdicts.includes(bundle.verdict)),
      result.stderr,
    ).toBe(true);
  return { ...result, document };
}

describe("analyze keeps every line of bad input and goes on", () => {
  it("CRLF line ends are stripped, not stored", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good.join("\r\n")}\r\n`);
    const { document } = analyzeJson(database, join(root, "b"));
    expect(document.inputs.lines).toBe(2);
    expect(storedLines(database).map((line) => line.text)).toEqual(good);
  });

  it("invalid UTF-8, NUL bytes and binary junk are stored as lines and counted as unparsed", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const junk = Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 73 + 11) % 256).filter((byte) => byte !== 0x0a));
    const content = Buffer.concat([
      Buffer.from(`${good[0]}\n`),
      Buffer.from([0x4e, 0x6f, 0x76, 0xff, 0xfe, 0x00, 0x00, 0x0a]),
      junk,
      Buffer.from(`\n${good[1]}\n`),
    ]);
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", content);
    // The junk is most of the file: it looks binary, said by name, and the bundle is not called OK.
    const { document, code } = analyzeJsonJudged(database, ["files-unreadable"], join(root, "b"));
    expect(code).toBe(3);
    expect(document.problems).toEqual([expect.stringMatching(/syslog\.log looks binary \(\d+ of its 703 bytes are not text\)/)]);
    expect(document.inputs.lines).toBe(4);
    expect(document.inputs.unparsed).toBe(2);
    const lines = storedLines(database);
    expect(lines[1].text).toBe("Nov\ufffd\ufffd\u0000\u0000");
    expect(lines[3].text).toBe(good[1]);
  });

  it("a 1 MB line is stored whole, and the lines after it are intact", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const long = `Nov 20 16:31:03 nodeA1 app: ${"x".repeat(1024 * 1024)}`;
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good[0]}\n${long}\n${good[1]}\n`);
    const { document } = analyzeJson(database, join(root, "b"));
    expect(document.inputs.lines).toBe(3);
    const lines = storedLines(database);
    expect(lines[1].text).toBe(long);
    expect(lines[2].text).toBe(good[1]);
  });

  it("a line over 4 MiB (a binary file without newlines) is stored cut with a marker saying how much was left out", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good[0]}\nNov 20 16:31:03 nodeA1 app: ${"x".repeat(5 * 1024 * 1024)}\n${good[1]}\n`);
    const { document } = analyzeJson(database, join(root, "b"));
    expect(document.inputs.lines).toBe(3);
    const lines = storedLines(database);
    expect(lines[1].text).toMatch(/line cut, \d+ more bytes not stored\]$/);
    expect(lines[2].text).toBe(good[1]);
  });

  it("a last line without newline is taken at end of file", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good[0]}\n${good[1]}`);
    analyzeJson(database, join(root, "b"));
    expect(storedLines(database).map((line) => line.text)).toEqual(good);
  });

  it("an impossible timestamp keeps the line, without a time", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `Nov 99 99:99:99 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.\n${good[1]}\n`);
    analyzeJson(database, join(root, "b"));
    const database_ = openDatabase(join(root, "db.sqlite"), { readonly: true });
    const rows = database_.prepare("SELECT ts, text FROM log_lines ORDER BY line_no").all() as { ts: string | null; text: string }[];
    database_.close();
    expect(rows).toHaveLength(2);
    expect(rows[0].ts).toBeNull();
    expect(rows[1].ts).toBe("2026-11-20T16:31:09");
  });

  it("a missing file and a truncated .gz each get one message naming them; the rest is analysed", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const syslog = write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good.join("\n")}\n`);
    const whole = gzipSync(Buffer.from(`${good.join("\n")}\n`.repeat(200)));
    const truncated = write(root, "b/nodeA2/var/adm/syslog/OLDsyslog.log.gz", whole.subarray(0, Math.floor(whole.length / 2)));
    const result = runMcadvisor(["analyze", "--db", database, "--format", "json", "--year", "2026", syslog, truncated, join(root, "missing.log")]);
    expect(result.code).not.toBe(3);
    const document = JSON.parse(result.stdout) as { problems: string[]; inputs: { lines: number } };
    expect(document.problems).toHaveLength(2);
    expect(document.problems.join("\n")).toContain("missing.log");
    expect(document.problems.join("\n")).toContain("OLDsyslog.log.gz");
    expect(result.stderr).toContain("missing.log");
    // Every line of the intact file, plus what the damaged archive yielded before the damage.
    const stored = storedLines(database);
    expect(stored.filter((line) => line.text === good[0]).length).toBeGreaterThan(1);
    // The counts say what was read, the damaged archive's lines included.
    const counts = document.inputs as { lines: number; files: number };
    expect(counts.files).toBe(2);
    expect(counts.lines).toBe(stored.length);
  });

  it("a collected file in no layout it knows is named as not read (stderr and JSON), never dropped in silence", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good.join("\n")}\n`);
    write(root, "b/nodeA1/home/ops/sentryd_cmreadlog_0614.txt", "Thu Jun 14 03:14:05 CDT 2012  cmclsentryd[2214]: Cluster ccprimary status changed\n");
    const { document, stderr } = analyzeJson(database, join(root, "b"));
    const inputs = document.inputs as unknown as { files: number; notRead: string[] };
    expect(inputs.files).toBe(1);
    expect(inputs.notRead).toEqual([join(root, "b/nodeA1/home/ops/sentryd_cmreadlog_0614.txt")]);
    expect(stderr).toContain("1 file was not read");
    expect(stderr).toContain("sentryd_cmreadlog_0614.txt");
  });

  it("escape sequences in log text never reach the terminal", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `Nov 20 16:31:02 nodeA1 app[1]: \u001b]0;pwned\u0007\u001b[2J hello\n`);
    const result = runMcadvisor(["query", "--db", database, "SELECT text FROM log_lines"], {});
    expect(result.code).toBe(3); // no database yet: a clear error, not a crash
    expect(result.stderr).toMatch(/no database/);
    analyzeJson(database, join(root, "b"));
    const table = runMcadvisor(["query", "--db", database, "SELECT text FROM log_lines"]);
    expect(table.code).toBe(0);
    expect(table.stdout).not.toContain("\u001b");
    expect(table.stdout).toContain("^[]0;pwned^G^[[2J hello");
  });
});

describe("analyze is idempotent and resumable", () => {
  it("analysing the same files again, under another name after rotation, or after growth adds no duplicates", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const syslog = write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good.join("\n")}\n`);
    analyzeJson(database, join(root, "b"));
    analyzeJson(database, join(root, "b"));
    expect(storedLines(database)).toHaveLength(2);

    appendFileSync(syslog, "Nov 20 17:00:00 nodeA1 cmcld[2048]: Halted package oracle_pkg on node nodeA1.\n");
    analyzeJson(database, join(root, "b"));
    expect(storedLines(database)).toHaveLength(3);

    renameSync(syslog, join(dirname(syslog), "OLDsyslog.log"));
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", "Nov 21 08:00:00 nodeA1 syslogd: restart\n");
    const { document } = analyzeJson(database, join(root, "b"));
    expect(document.inputs.lines).toBe(4);
    const texts = storedLines(database).map((line) => line.text);
    expect(texts).toHaveLength(4);
    expect(new Set(texts).size).toBe(4);
    expect(
      readFileSync(join(dirname(syslog), "OLDsyslog.log"), "utf8")
        .split("\n")
        .filter(Boolean),
    ).toHaveLength(3);
  });
});

describe("query", () => {
  it("refuses a statement that writes, with a clear message", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good.join("\n")}\n`);
    analyzeJson(database, join(root, "b"));
    for (const sql of ["DELETE FROM block", "DELETE FROM log_lines", "UPDATE findings SET status = 'resolved'"]) {
      const result = runMcadvisor(["query", "--db", database, sql]);
      expect(result.code, sql).toBe(3);
      expect(result.stderr, sql).toMatch(/query is read-only/);
    }
    expect(storedLines(database)).toHaveLength(2);
  });

  it("prints JSON rows as an array of objects", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "b/nodeA1/var/adm/syslog/syslog.log", `${good.join("\n")}\n`);
    analyzeJson(database, join(root, "b"));
    const result = runMcadvisor(["query", "--db", database, "--format", "json", "SELECT host, program, ts FROM log_lines ORDER BY line_no"]);
    expect(JSON.parse(result.stdout)).toEqual([
      { host: "nodeA1", program: "cmcld", ts: "2026-11-20T16:31:02" },
      { host: "nodeA1", program: "cmcld", ts: "2026-11-20T16:31:09" },
    ]);
  });
});

describe("a fresh machine", () => {
  it("the default database's folder is created: `analyze samples` with a new HOME and no MCADVISOR_DB", () => {
    const home = tempDir();
    const environment = { HOME: home, MCADVISOR_DB: "", XDG_STATE_HOME: "" };
    const result = runMcadvisor(["analyze", "--format", "json", "samples/healthy-day"], { env: environment });
    expect(result.stderr).not.toMatch(/cannot/);
    expect(result.code).toBe(0);
    const database = join(home, ".local", "state", "mcadvisor", "mcadvisor.db");
    expect(storedLines(database).length).toBeGreaterThan(0);
  });

  it("a --db in a folder that does not exist is refused, and no folder is created (only the default location's is)", () => {
    const root = tempDir();
    const database = join(root, "new", "deeper", "db.sqlite");
    const result = runMcadvisor(["analyze", "--db", database, "--format", "json", "samples/healthy-day"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`the folder ${join(root, "new", "deeper")} of the database ${database} does not exist`);
    expect(existsSync(join(root, "new"))).toBe(false);
  });
});

describe("a database another program holds locked", () => {
  it("is named as locked (exit 3, what to do), not reported as a bug; nothing is half-written", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(root, "first/nodeA1/var/adm/syslog/syslog.log", `${good.join("\n")}\n`);
    write(root, "second/nodeA1/var/adm/syslog/syslog.log", `${good.map((line) => line.replace("16:31", "17:31")).join("\n")}\n`);
    expect(analyzeJson(database, join(root, "first")).document.inputs.lines).toBe(2);
    // A sqlite3 shell in the middle of a write transaction, as an operator's might be.
    const holder = new Database(database);
    holder.exec("BEGIN EXCLUSIVE");
    try {
      const result = runMcadvisor(["analyze", "--db", database, "--year", "2026", join(root, "second")]);
      expect(result.code).toBe(3);
      expect(result.stderr).toMatch(/database is locked by another program/);
      expect(result.stderr).toMatch(/hint: .*close it/);
      expect(result.stderr).not.toMatch(/bug/);
    } finally {
      holder.exec("ROLLBACK");
      holder.close();
    }
    expect(storedLines(database)).toHaveLength(2);
    expect(analyzeJson(database, join(root, "second")).document.inputs.lines).toBe(2);
    expect(storedLines(database)).toHaveLength(4);
  });
});
