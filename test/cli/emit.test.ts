import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

const raidError = "Nov 20 10:00:05 nodeB1 root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1";
const instanceRestarted = "Nov 20 10:20:00 nodeB1 horcmstart.sh[4242]: HORCM inst 1 starts successfully.";

function incident(lines: readonly string[]): { directory: string; bundle: string; syslog: string; db: string } {
  const directory = tempDir("mcadvisor-emit-");
  const bundle = join(directory, "incident");
  const folder = join(bundle, "nodeB1", "var", "adm", "syslog");
  mkdirSync(folder, { recursive: true });
  const syslog = join(folder, "syslog.log");
  writeFileSync(syslog, lines.map((line) => `${line}\n`).join(""));
  return { directory, bundle, syslog, db: join(directory, "mcadvisor.db") };
}

const readLines = (file: string): Array<Record<string, unknown>> =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];

/** A TCP port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("--emit on the command line", () => {
  it.each(["analyze", "watch"])("%s: a bad --emit value is a usage error (exit 3) naming the accepted forms", (command) => {
    const { bundle, db } = incident([raidError]);
    const result = runMcadvisor([command, "--db", db, "--emit", "syslog:/loghost", bundle]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('--emit "syslog:/loghost": unknown form');
    expect(result.stderr).toContain("syslog://HOST:PORT");
    expect(result.stderr).toContain("syslog+tcp://HOST:PORT");
    expect(result.stderr).toContain("jsonl:FILE");
    expect(existsSync(db)).toBe(false); // refused before any work
  });

  it("jsonl:- cannot share stdout with --format json; a jsonl file in a missing folder is refused before any work", () => {
    const { directory, bundle, db } = incident([raidError]);
    const both = runMcadvisor(["analyze", "--db", db, "--format", "json", "--emit", "jsonl:-", bundle]);
    expect(both.code).toBe(3);
    expect(both.stderr).toContain("--emit jsonl:- and --format json would both write to stdout");
    const missing = runMcadvisor(["analyze", "--db", db, "--emit", `jsonl:${join(directory, "no", "such", "folder.jsonl")}`, bundle]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("cannot open --emit jsonl:");
    expect(existsSync(db)).toBe(false);
  });

  it("analyze writes one JSON line per change with analyze's JSON fields plus change; the same logs again send nothing; a resolution is sent when the logs show it", () => {
    const { directory, bundle, syslog, db } = incident([raidError]);
    const changes = join(directory, "changes.jsonl");
    const first = runMcadvisor(["analyze", "--db", db, "--format", "json", "--tz", "UTC", "--year", "2026", "--emit", `jsonl:${changes}`, bundle]);
    expect(first.code).toBe(2);
    const document = JSON.parse(first.stdout) as { findings: Array<Record<string, unknown>> };
    expect(document.findings).toHaveLength(1);
    expect(readLines(changes)).toEqual([{ change: "opened", ...document.findings[0] }]);

    const again = runMcadvisor(["analyze", "--db", db, "--tz", "UTC", "--year", "2026", "--emit", `jsonl:${changes}`, bundle]);
    expect(again.code).toBe(2);
    expect(readLines(changes)).toHaveLength(1);

    appendFileSync(syslog, `${instanceRestarted}\n`);
    const resolved = runMcadvisor(["analyze", "--db", db, "--format", "json", "--tz", "UTC", "--year", "2026", "--emit", `jsonl:${changes}`, bundle]);
    expect(resolved.code).toBe(0);
    const now = (JSON.parse(resolved.stdout) as { findings: Array<Record<string, unknown>> }).findings[0];
    expect(now).toMatchObject({ status: "resolved" });
    expect(readLines(changes)).toEqual([
      { change: "opened", ...document.findings[0] },
      { change: "resolved", ...now },
    ]);
  });

  it("analyze --emit jsonl:- writes the change lines after the text report", () => {
    const { bundle, db } = incident([raidError]);
    const result = runMcadvisor(["analyze", "--db", db, "--year", "2026", "--emit", "jsonl:-", bundle]);
    expect(result.code).toBe(2);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^mcadvisor /);
    expect(JSON.parse(lines[lines.length - 1])).toMatchObject({ change: "opened", action: "restart-raid-manager" });
  });

  it("an unreachable syslog target keeps analyze's exit status, is reported on stderr, and the other targets still get the changes", async () => {
    const { directory, bundle, db } = incident([raidError]);
    const port = await closedPort();
    const changes = join(directory, "changes.jsonl");
    const result = runMcadvisor(["analyze", "--db", db, "--year", "2026", "--emit", `syslog+tcp://127.0.0.1:${port}`, "--emit", `jsonl:${changes}`, bundle]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`mcadvisor: syslog+tcp://127.0.0.1:${port}: cannot connect (ECONNREFUSED)`);
    expect(result.stderr).toContain(`mcadvisor: syslog+tcp://127.0.0.1:${port}: 1 finding change(s) not delivered (ECONNREFUSED); gave up waiting`);
    expect(readLines(changes)).toHaveLength(1);

    const healthy = incident([
      "Nov 20 10:00:00 nodeB1 syslogd: restart",
      "Nov 20 10:00:05 nodeB1 cmcld[2048]: The new active cluster membership is: nodeB1(id=1), nodeB2(id=2)",
    ]);
    const quiet = runMcadvisor(["analyze", "--db", healthy.db, "--year", "2026", "--emit", `syslog+tcp://127.0.0.1:${port}`, healthy.bundle]);
    expect(quiet.code).toBe(0); // nothing to send: no outage to report, exit status unchanged
    expect(quiet.stderr).toBe("");
  });
});
