import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { nodeTree, startWatch, waitUntil } from "../watch/harness.js";

// Small things an operator or a cron job trips over: each gets a clear message and leaves nothing behind.

const SYSLOG_LINE = "Nov 15 12:00:00 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.";

function smallBundle(root: string): string {
  const directory = join(root, "bundle", "nodeA1", "var", "adm", "syslog");
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "syslog.log"), `${SYSLOG_LINE}\n`);
  return join(root, "bundle");
}

describe("report --out", () => {
  it("a folder given as --out is refused by name before anything is written, and no temporary file is left", () => {
    const root = tempDir();
    const out = join(root, "reports");
    mkdirSync(out);
    const result = runMcadvisor(["report", "--db", join(root, "db"), "--year", "2026", "--out", out, smallBundle(root)]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`--out is a folder: ${out}`);
    expect(result.stderr).not.toContain("EISDIR");
    expect(readdirSync(root).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("--db", () => {
  it("a named database in a folder that does not exist is refused; no folder is created", () => {
    const root = tempDir();
    const database = join(root, "nonexistent", "dir", "x.db");
    const result = runMcadvisor(["analyze", "--db", database, smallBundle(root)]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`the folder ${join(root, "nonexistent", "dir")} of the database ${database} does not exist`);
    expect(existsSync(join(root, "nonexistent"))).toBe(false);
    // $MCADVISOR_DB names a path too.
    const fromEnvironment = runMcadvisor(["analyze", smallBundle(root)], { env: { MCADVISOR_DB: database } });
    expect(fromEnvironment.code).toBe(3);
    expect(existsSync(join(root, "nonexistent"))).toBe(false);
  });

  it("the default location's folder is created", () => {
    const state = tempDir();
    const result = runMcadvisor(["analyze", smallBundle(state)], { env: { MCADVISOR_DB: "", XDG_STATE_HOME: join(state, "xdg") } });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(state, "xdg", "mcadvisor", "mcadvisor.db"))).toBe(true);
  });
});

describe("inputs that are not log files", () => {
  it("a FIFO, a socket and a folder named like logs are each reported by name; the real logs are analysed, the bundle is UNKNOWN", async () => {
    const root = tempDir();
    const bundle = smallBundle(root);
    const syslogDir = join(bundle, "nodeA1", "var", "adm", "syslog");
    execFileSync("mkfifo", [join(syslogDir, "syslog.log.1")]);
    const server = createServer();
    await new Promise<void>((resolveListen) => server.listen(join(syslogDir, "OLDsyslog.log"), resolveListen));
    mkdirSync(join(bundle, "nodeA1", "etc", "cmcluster", "pkg", "pkg.log"), { recursive: true });
    try {
      const result = runMcadvisor(["analyze", "--db", join(root, "db"), "--year", "2026", bundle]);
      // Logs of the bundle that could not be read: it cannot be called OK (the folder is no log: its files are read).
      expect(result.code, result.stderr).toBe(3);
      expect(result.stdout).toContain(
        "2 of its log files could not be read as logs: nodeA1/var/adm/syslog/OLDsyslog.log (a socket), nodeA1/var/adm/syslog/syslog.log.1 (a FIFO (named pipe))",
      );
      expect(result.stderr).toContain(`${join(syslogDir, "syslog.log.1")} is a FIFO (named pipe), not a log file: skipped`);
      expect(result.stderr).toContain(`${join(syslogDir, "OLDsyslog.log")} is a socket, not a log file: skipped`);
      expect(result.stderr).toContain(`${join(bundle, "nodeA1", "etc", "cmcluster", "pkg", "pkg.log")} is a folder, not a log file`);
      expect(result.stdout).toContain("1 files, 1 lines");
      // Named on the command line, a FIFO is refused, not read (reading one waits forever); it sits in the bundle of the log named with it.
      const explicit = runMcadvisor(["analyze", "--db", join(root, "db2"), join(syslogDir, "syslog.log.1"), join(syslogDir, "syslog.log")]);
      expect(explicit.code, explicit.stderr).toBe(3);
      expect(explicit.stderr).toContain("is a FIFO (named pipe), not a log file: skipped");
      expect(explicit.stdout).toContain("one of its log files could not be read as logs: nodeA1/var/adm/syslog/syslog.log.1 (a FIFO (named pipe))");
    } finally {
      server.close();
    }
  });

  it("watch: a FIFO where the syslog should be is reported by name, once", async () => {
    const tree = nodeTree();
    execFileSync("mkfifo", [tree.syslog]);
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitUntil(() => (watcher.stderr().includes("not a log file") ? true : undefined), "the FIFO reported", 10_000);
    expect(watcher.stderr()).toContain(`${tree.syslog}: a FIFO (named pipe), not a log file: not followed until a file takes its place`);
    expect(await watcher.stop()).toBe(0);
    expect(watcher.stderr().split("not a log file").length - 1).toBe(1);
  });

  it("a truncated .gz says how much was read", () => {
    const root = tempDir();
    const directory = join(root, "bundle", "nodeA1", "var", "adm", "syslog");
    mkdirSync(directory, { recursive: true });
    const lines = Array.from(
      { length: 4000 },
      (_, index) =>
        `Nov 15 12:${String(Math.floor(index / 60) % 60).padStart(2, "0")}:${String(index % 60).padStart(2, "0")} nodeA1 app[1]: line ${index} ${"x".repeat(index % 97)}`,
    );
    const archive = gzipSync(`${lines.join("\n")}\n`);
    const kept = Math.floor(archive.length / 2);
    writeFileSync(join(directory, "syslog.log.1.gz"), archive.subarray(0, kept));
    const result = runMcadvisor(["analyze", "--db", join(root, "db"), "--year", "2026", join(root, "bundle")]);
    expect(result.stderr).toMatch(
      new RegExp(`syslog\\.log\\.1\\.gz: truncated gzip archive: it ends after its ${kept} bytes; \\d+ lines \\([\\d,]+ bytes of text\\) were read and stored`),
    );
    expect(result.stderr).not.toContain("not a valid gzip archive");
  });
});

describe("watch --root", () => {
  it("says when the root does not exist", async () => {
    const root = tempDir();
    const missing = join(root, "no-such-root");
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [join(repositoryRoot, "bin", "mcadvisor.js"), "watch", "--db", join(root, "db"), "--root", missing], {
      env: { ...process.env, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const deadline = Date.now() + 15_000;
    while (!stderr.includes("watching ") && Date.now() < deadline) await new Promise((resolveLater) => setTimeout(resolveLater, 50));
    child.kill("SIGTERM");
    await new Promise((resolveExit) => child.once("exit", resolveExit));
    expect(stderr).toContain(`--root ${missing} does not exist`);
  }, 30_000);
});

describe("query", () => {
  it("a runaway statement stops at --timeout with a clear message", () => {
    const root = tempDir();
    const database = join(root, "db");
    expect(runMcadvisor(["analyze", "--db", database, "--year", "2026", smallBundle(root)]).code).toBe(0);
    const started = Date.now();
    const result = runMcadvisor([
      "query",
      "--db",
      database,
      "--timeout",
      "1",
      "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
    ]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("query stopped after 1 s (--timeout 1)");
    expect(Date.now() - started).toBeLessThan(25_000); // it stopped, well before the default 30 s
    expect(runMcadvisor(["query", "--db", database, "--timeout", "soon", "SELECT 1"]).stderr).toContain("--timeout takes a number of seconds");
    // An ordinary query still answers.
    const ordinary = runMcadvisor(["query", "--db", database, "--format", "json", "SELECT count(*) AS n FROM log_lines"]);
    expect(ordinary.code, ordinary.stderr).toBe(0);
    expect(JSON.parse(ordinary.stdout)).toEqual([{ n: 1 }]);
  });

  it("load_extension gets the read-only message", () => {
    const root = tempDir();
    const database = join(root, "db");
    expect(runMcadvisor(["analyze", "--db", database, "--year", "2026", smallBundle(root)]).code).toBe(0);
    const result = runMcadvisor(["query", "--db", database, "SELECT load_extension('/tmp/evil.so')"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("query is read-only");
    expect(result.stderr).not.toMatch(/query failed: not authorized/);
  });
});

describe("lines over 4 MiB", () => {
  it("are stored cut at 4 MiB with a marker saying how many bytes were left out; line numbers go on", () => {
    const root = tempDir();
    const directory = join(root, "bundle", "nodeA1", "var", "adm", "syslog");
    mkdirSync(directory, { recursive: true });
    const long = `Nov 15 12:00:00 nodeA1 app[1]: ${"y".repeat(5 * 1024 * 1024)}`;
    writeFileSync(join(directory, "syslog.log"), `${SYSLOG_LINE}\n${long}\n${SYSLOG_LINE}\n`);
    const database = join(root, "db");
    expect(runMcadvisor(["analyze", "--db", database, "--year", "2026", join(root, "bundle")]).code).toBe(0);
    const rows = JSON.parse(
      runMcadvisor([
        "query",
        "--db",
        database,
        "--format",
        "json",
        "SELECT line_no, length(text) AS length, substr(text, -60) AS tail FROM log_lines ORDER BY line_no",
      ]).stdout,
    ) as Array<{ line_no: number; length: number; tail: string }>;
    const kept = 4 * 1024 * 1024;
    const marker = ` [mcadvisor: line cut, ${Buffer.byteLength(long) - kept} more bytes not stored]`;
    expect(rows.map((row) => row.line_no)).toEqual([1, 2, 3]);
    expect(rows[1].length).toBe(kept + marker.length);
    expect(rows[1].tail.endsWith(marker)).toBe(true);
    expect(readFileSync(join(repositoryRoot, "README.md"), "utf8")).toContain(marker.replace(/\d+ more/, "N more"));
  });
});

describe("--version", () => {
  it("prints the package's version alone, as commander does, whether it stands alone (answered without loading commander) or beside another word", () => {
    const { version } = JSON.parse(readFileSync(join(repositoryRoot, "package.json"), "utf8")) as { version: string };
    for (const args of [["--version"], ["-V"], ["--version", "--version"]]) {
      const result = runMcadvisor(args);
      expect(result, args.join(" ")).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
    }
  });
});

describe("a bundle whose evidence has no time at all", () => {
  it("an undated shell history alone: the finding's time is unknown (null in JSON, said in text), never 1970; not an all-clear", () => {
    const root = tempDir();
    const node = join(root, "bundle", "nodeB1");
    mkdirSync(node, { recursive: true });
    writeFileSync(join(node, ".sh_history"), "cd /HORCM\nhorctakeover -g oradg\npairdisplay -g oradg -fcx\n");
    const database = join(root, "db");
    const json = runMcadvisor(["analyze", "--db", database, "--format", "json", join(root, "bundle")]);
    expect(json.code).not.toBe(0);
    const findings = (JSON.parse(json.stdout) as { findings: Array<{ rule: string; firstSeen: string | null; lastSeen: string | null }> }).findings;
    expect(findings.map((finding) => [finding.rule, finding.firstSeen, finding.lastSeen])).toEqual([["takeover-typed-time-unknown", null, null]]);
    const text = runMcadvisor(["analyze", "--db", database, join(root, "bundle")]);
    expect(text.stdout).toContain("since time unknown");
    expect(text.stdout).not.toContain("1970");
  });
});
