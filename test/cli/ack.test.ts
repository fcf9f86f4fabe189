/**
`mcadvisor ack` / `unack` / `ack --list` through the real CLI, and what an acknowledgement does to
analyze's and report's exit status and output: quieted while in effect, counted again once it expires or
the finding's severity rises, always shown.
*/
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { acquireWriterLock } from "../../src/store/lock.js";
import { migrations } from "../../src/store/schema.js";
import { acknowledgementEffect, parseAcknowledgementUntil } from "../../src/model/acknowledgement.js";

const sample = (name: string): string => join(repositoryRoot, "samples", name);
// Tests that run the real CLI five times or more: room for a loaded machine (nothing here measures time).
const HEAVY = 90_000;

interface JsonFinding {
  id: string;
  action: string;
  severity: string;
  status: string;
  steps: Array<{ command: string; alternative: boolean }>;
  acknowledged: null | { by: string; at: string; note: string; until: string | null; severity: string; active: boolean; lapsed: string | null };
}

function analyzeJson(database: string, path: string): { code: number | null; findings: JsonFinding[] } {
  const result = runMcadvisor(["analyze", "--db", database, "--format", "json", path]);
  expect(result.code, result.stderr).not.toBe(3);
  return { code: result.code, findings: (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings };
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe("mcadvisor ack: one finding acknowledged, then taken back (steps in order, one database)", () => {
  // Shared by the steps below (tempDir's folders go after each test).
  const root = mkdtempSync(join(tmpdir(), "mcadvisor-ack-"));
  const database = join(root, "ack.db");
  const bundle = sample("site-failover-svol-takeover");
  const window = ["--db", database, "--since", "2026-11-15", "--until", "2026-11-18", "--tz", "UTC"];
  let critical: JsonFinding;

  beforeAll(() => {
    const before = analyzeJson(database, bundle);
    expect(before.code).toBe(2);
    critical = before.findings.find((finding) => finding.action === "swap-resync") as JsonFinding;
    expect(critical.acknowledged).toBeNull();
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("acknowledges by a unique start of the id and lists it", () => {
    const acked = runMcadvisor([
      "ack",
      "--db",
      database,
      critical.id.slice(0, 6),
      "--note",
      "resync planned with the app owners, CHG-1234",
      "--until",
      "4h",
      "--by",
      "alice",
    ]);
    expect(acked.code, acked.stderr).toBe(0);
    expect(acked.stdout).toContain(`acknowledged: ${critical.id}  CRITICAL open [swap-resync]`);
    expect(acked.stdout).toMatch(/Acknowledged by alice \d{4}-\d\d-\d\d \d\d:\d\d \+00:00 until .*: resync planned with the app owners, CHG-1234/);
    const list = runMcadvisor(["ack", "--list", "--db", database]);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${critical.id} +in effect +critical +alice `));
    const listed = JSON.parse(runMcadvisor(["ack", "--list", "--db", database, "--format", "json"]).stdout) as Array<Record<string, unknown>>;
    expect(listed).toEqual([expect.objectContaining({ findingId: critical.id, by: "alice", active: true, lapsed: null, severity: "critical" })]);
  });

  it(
    "analyze exits 0 (the info finding may stay open) and still shows the critical finding, marked, in text and JSON",
    () => {
      const text = runMcadvisor(["analyze", "--db", database, bundle]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain("findings: 1 critical, 0 warning, 0 info open; 0 resolved; 1 set aside; 1 of the open acknowledged");
      expect(text.stdout).toContain("CRITICAL open acknowledged [swap-resync]");
      expect(text.stdout).toMatch(/\n {2}Acknowledged by alice .*: resync planned with the app owners, CHG-1234\n/);
      expect(text.stdout).toContain(`id ${critical.id.slice(0, 8)}`);
      const after = analyzeJson(database, bundle);
      expect(after.code).toBe(0);
      const shown = after.findings.find((finding) => finding.id === critical.id) as JsonFinding;
      expect(shown.acknowledged).toMatchObject({
        by: "alice",
        note: "resync planned with the app owners, CHG-1234",
        severity: "critical",
        active: true,
        lapsed: null,
      });
      expect(Date.parse(shown.acknowledged?.until ?? "") - Date.parse(shown.acknowledged?.at ?? "")).toBe(4 * 3_600_000);
      expect(after.findings.find((finding) => finding.action === "failback")?.acknowledged).toBeNull();
    },
    HEAVY,
  );

  it("report (from the database, as watch leaves it) exits 0 in JSON and Markdown, with the finding marked", () => {
    const json = runMcadvisor(["report", ...window, "--format", "json"]);
    expect(json.code, json.stderr).toBe(0);
    const document = JSON.parse(json.stdout) as { exitStatus: number; summary: { acknowledged: number }; openFindings: JsonFinding[] };
    expect(document.exitStatus).toBe(0);
    expect(document.summary.acknowledged).toBe(1);
    expect(document.openFindings.find((finding) => finding.id === critical.id)?.acknowledged?.active).toBe(true);
    const markdown = runMcadvisor(["report", ...window]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain("(acknowledged)");
    expect(markdown.stdout).toMatch(/> \*\*Acknowledged by alice .*CHG-1234\*\*/);
    expect(markdown.stdout).toContain("1 of the open findings is acknowledged (known, being handled) and left out of the exit status.");
  });

  it("report in HTML and the Nagios status line say it too", () => {
    const html = runMcadvisor(["report", ...window, "--format", "html"]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('<span class="badge ack">ACKNOWLEDGED</span>');
    expect(html.stdout).toMatch(/<p class="acknowledged">Acknowledged by alice .*CHG-1234<\/p>/);
    const status = runMcadvisor(["report", ...window, "--out", join(root, "report.md")]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(
      /^MCADVISOR OK - 1 critical, 0 warning, 0 info open, 1 of them acknowledged; 0 resolved in the window \| critical=1 .* acknowledged=1\n$/,
    );
  });

  it(
    "unack: the finding counts again; a second unack is an error",
    () => {
      const removed = runMcadvisor(["unack", "--db", database, critical.id.slice(0, 6)]);
      expect(removed.code, removed.stderr).toBe(0);
      expect(removed.stdout).toContain("acknowledgement removed");
      expect(runMcadvisor(["analyze", "--db", database, bundle]).code).toBe(2);
      expect(runMcadvisor(["report", ...window, "--out", join(root, "report.md")]).stdout).toMatch(
        /^MCADVISOR CRITICAL - 1 critical, 0 warning, 0 info open; 0 resolved in the window; first: .* suspicious=\d+ unread=\d+\n$/,
      );
      const again = runMcadvisor(["unack", "--db", database, critical.id]);
      expect(again.code).toBe(3);
      expect(again.stderr).toContain(`finding ${critical.id} is not acknowledged`);
    },
    HEAVY,
  );
});

describe("mcadvisor ack", () => {
  it(
    "says clearly what is wrong, exit 3: unknown or ambiguous id, no note, an end that is not a future time, no database",
    () => {
      const root = tempDir();
      const database = join(root, "ack.db");
      const { findings } = analyzeJson(database, sample("site-failover-svol-takeover"));
      const id = findings[0].id;
      // A second finding whose id starts like the first one.
      const writer = new Database(database);
      writer
        .prepare(
          `INSERT INTO finding (id, bundle, rule, action, severity, status, title, summary, first_seen, last_seen, updated_at)
      VALUES (?, 'b', 'r', 'a', 'warning', 'open', 'A twin', 's', 0, 0, 'now')`,
        )
        .run(`${id.slice(0, 4)}ffffffffffff`);
      writer.close();

      const missing = runMcadvisor(["ack", "--db", database, "zzzz", "--note", "x"]);
      expect(missing.code).toBe(3);
      expect(missing.stderr).toContain("no finding with an id starting with 'zzzz'");
      const ambiguous = runMcadvisor(["ack", "--db", database, id.slice(0, 4), "--note", "x"]);
      expect(ambiguous.code).toBe(3);
      expect(ambiguous.stderr).toContain(`'${id.slice(0, 4)}' is the start of 2 finding ids:`);
      expect(ambiguous.stderr).toContain("A twin");
      expect(ambiguous.stderr).toContain("give more of the id");
      const noNote = runMcadvisor(["ack", "--db", database, id]);
      expect(noNote.code).toBe(3);
      expect(noNote.stderr).toContain("ack needs --note");
      for (const until of ["soon", "2020-01-01 00:00", "2026-02-31"]) {
        const wrong = runMcadvisor(["ack", "--db", database, id, "--note", "x", "--until", until]);
        expect(wrong.code, until).toBe(3);
        expect(wrong.stderr, until).toMatch(/--until (takes|2020-01-01 00:00 is not in the future)/);
      }
      const none = runMcadvisor(["ack", "--db", join(root, "none.db"), id, "--note", "x"]);
      expect(none.code).toBe(3);
      expect(none.stderr).toContain("no database at");
      expect(runMcadvisor(["ack", "--list", "--db", database]).stdout).toContain("No acknowledgements.");
    },
    HEAVY,
  );

  it("a resolved finding has nothing to acknowledge (exit 3)", () => {
    const resolvedDatabase = join(tempDir(), "resolved.db");
    const resolved = analyzeJson(resolvedDatabase, sample("resolved-after-resync")).findings.find((finding) => finding.status === "resolved") as JsonFinding;
    const refused = runMcadvisor(["ack", "--db", resolvedDatabase, resolved.id, "--note", "x"]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("is resolved: there is nothing to acknowledge");
  });

  it(
    "an acknowledgement that expired counts again, and stays listed as expired",
    () => {
      const root = tempDir();
      const database = join(root, "ack.db");
      const bundle = sample("member-timeout");
      const { code, findings } = analyzeJson(database, bundle);
      expect(code).toBe(1);
      const warning = findings[0];
      expect(runMcadvisor(["ack", "--db", database, warning.id, "--note", "raise MEMBER_TIMEOUT at the next window", "--until", "1h"]).code).toBe(0);
      expect(runMcadvisor(["analyze", "--db", database, bundle]).code).toBe(0);
      // Two hours later on the wall clock: made 2 h ago, for one hour.
      const writer = new Database(database);
      writer.prepare("UPDATE acknowledgement SET acknowledged_at = acknowledged_at - 7200000, until = until - 7200000").run();
      writer.close();
      const after = analyzeJson(database, bundle);
      expect(after.code).toBe(1);
      expect(after.findings[0].acknowledged).toMatchObject({ active: false, lapsed: "expired" });
      const text = runMcadvisor(["analyze", "--db", database, bundle]);
      expect(text.stdout).toContain("WARNING open [raise-member-timeout]");
      expect(text.stdout).toContain("(expired: it counts again): raise MEMBER_TIMEOUT at the next window");
      expect(runMcadvisor(["ack", "--list", "--db", database]).stdout).toMatch(new RegExp(`${warning.id} +expired +warning`));
    },
    HEAVY,
  );

  it(
    "a finding whose severity rises above the one acknowledged counts again",
    () => {
      const root = tempDir();
      const database = join(root, "ack.db");
      const bundle = join(root, "incident");
      // Metrocluster resynchronized from the failover site by itself (AUTO_PSUEPSUS=1): a warning, critical when still not PAIR a day later.
      write(
        join(bundle, "nodeA1/etc/cmcluster/erp_pkg/erp_pkg.log"),
        [
          '\t########### Node "nodeA1": Starting package at Wed Nov 18 08:00:00 EST 2026 ###########',
          'Nov 18 08:00:04 - Node "nodeA1": device group erpdg: local volume P-VOL PFUS, remote volume S-VOL PSUS.',
          'Nov 18 08:00:05 - Node "nodeA1": AUTO_PSUEPSUS=1 is set, continuing the startup.',
          '\t########### Node "nodeA1": Package start completed at Wed Nov 18 08:00:30 EST 2026 ###########',
          "",
        ].join("\n"),
      );
      const syslog = join(bundle, "nodeA1/var/adm/syslog/syslog.log");
      // The copy it started is seen running (COPY), and seen no further: still not PAIR two days later.
      write(
        syslog,
        "Nov 18 08:00:31 nodeA1 cmcld[2048]: Started package erp_pkg on node nodeA1.\nNov 18 08:05:00 nodeA1 logger: mcstat: erpdg local PVOL_COPY remote SVOL_COPY\n",
      );
      const first = analyzeJson(database, bundle);
      expect(first.code).toBe(1);
      const finding = first.findings.find((candidate) => candidate.action === "automated") as JsonFinding;
      expect(finding.severity).toBe("warning");
      expect(runMcadvisor(["ack", "--db", database, finding.id, "--note", "copy running, watching it"]).code).toBe(0);
      expect(runMcadvisor(["analyze", "--db", database, bundle]).code).toBe(0);
      // Two days later the pairs are still not PAIR: the finding escalates to critical.
      appendFileSync(syslog, "Nov 20 12:00:00 nodeA1 cmcld[2048]: Request from node nodeA1 to start package other_pkg on node nodeA1.\n");
      const later = analyzeJson(database, bundle);
      expect(later.code).toBe(2);
      const escalated = later.findings.find((candidate) => candidate.id === finding.id) as JsonFinding;
      expect(escalated.severity).toBe("critical");
      expect(escalated.acknowledged).toMatchObject({ severity: "warning", active: false, lapsed: "severity-rose", until: null });
      expect(runMcadvisor(["analyze", "--db", database, bundle]).stdout).toContain("(as warning; the severity rose since: it counts again)");
    },
    HEAVY,
  );

  it(
    "goes through beside a running writer (its own table, one short transaction), but does not upgrade a schema under it",
    () => {
      const root = tempDir();
      const database = join(root, "ack.db");
      const bundle = sample("member-timeout");
      const { findings } = analyzeJson(database, bundle);
      // This process plays watch: it holds the writer lock.
      const lock = acquireWriterLock(database, "watch");
      try {
        expect(runMcadvisor(["analyze", "--db", database, bundle]).code).toBe(3);
        const acked = runMcadvisor(["ack", "--db", database, findings[0].id, "--note", "known"]);
        expect(acked.code, acked.stderr).toBe(0);
        expect(runMcadvisor(["unack", "--db", database, findings[0].id]).code).toBe(0);

        // A database from before acknowledgements: acknowledging must migrate it, which only the one writer may do.
        const acknowledgementMigration = migrations.findIndex(
          (migration) => typeof migration === "string" && migration.includes("TABLE IF NOT EXISTS acknowledgement"),
        );
        const writer = new Database(database);
        writer.exec(`DROP TABLE acknowledgement; PRAGMA user_version = ${acknowledgementMigration};`);
        writer.close();
        const refused = runMcadvisor(["ack", "--db", database, findings[0].id, "--note", "known"]);
        expect(refused.code).toBe(3);
        expect(refused.stderr).toContain("is being written by mcadvisor watch");
        expect(refused.stderr).toContain("its schema is older than this mcadvisor's");
        // A reader of such a database does not upgrade it: it names the writer that does (as query, tui and report do).
        const listed = runMcadvisor(["ack", "--list", "--db", database]);
        expect(listed.code).toBe(3);
        expect(listed.stderr).toContain("written by an older mcadvisor");
      } finally {
        lock.release();
      }
      // With no other writer it upgrades the schema itself, as analyze would.
      expect(runMcadvisor(["ack", "--db", database, findings[0].id, "--note", "known"]).code).toBe(0);
      expect(runMcadvisor(["ack", "--list", "--db", database]).stdout).toMatch(new RegExp(`${findings[0].id} +in effect`));
    },
    HEAVY,
  );
});

describe("acknowledgement rules", () => {
  const acknowledgement = { findingId: "f", by: "a", at: 1_000, note: "n", until: 5_000, severity: "warning" as const };

  it("quiets an open finding until it expires, its severity rises or it is no longer open", () => {
    expect(acknowledgementEffect({ status: "open", severity: "warning" }, acknowledgement, 4_999)).toMatchObject({ active: true, lapsed: null });
    expect(acknowledgementEffect({ status: "open", severity: "info" }, acknowledgement, 4_999)).toMatchObject({ active: true });
    expect(acknowledgementEffect({ status: "open", severity: "warning" }, acknowledgement, 5_000)).toMatchObject({ active: false, lapsed: "expired" });
    expect(acknowledgementEffect({ status: "open", severity: "critical" }, acknowledgement, 2_000)).toMatchObject({ active: false, lapsed: "severity-rose" });
    expect(acknowledgementEffect({ status: "resolved", severity: "warning" }, acknowledgement, 2_000)).toMatchObject({ active: false, lapsed: "not-open" });
    expect(acknowledgementEffect({ status: "open", severity: "critical" }, { ...acknowledgement, until: null, severity: "critical" }, 9e12)).toMatchObject({
      active: true,
    });
  });

  it("reads --until on the clock on the wall: durations from now, a time of day, local dates, explicit offsets", () => {
    const now = new Date(2026, 11, 4, 16, 30).getTime();
    expect(parseAcknowledgementUntil("4h", now)).toEqual({ until: now + 4 * 3_600_000 });
    expect(parseAcknowledgementUntil("1d12h", now)).toEqual({ until: now + 36 * 3_600_000 });
    expect(parseAcknowledgementUntil("18:00", now)).toEqual({ until: new Date(2026, 11, 4, 18, 0).getTime() });
    expect(parseAcknowledgementUntil("09:00", now)).toEqual({ until: new Date(2026, 11, 5, 9, 0).getTime() });
    expect(parseAcknowledgementUntil("2026-12-06 09:00", now)).toEqual({ until: new Date(2026, 11, 6, 9, 0).getTime() });
    expect(parseAcknowledgementUntil("2026-12-06", now)).toEqual({ until: new Date(2026, 11, 6).getTime() });
    expect(parseAcknowledgementUntil("2026-12-06T09:00+01:00", now)).toEqual({ until: Date.UTC(2026, 11, 6, 8, 0) });
    expect(parseAcknowledgementUntil("2026-12-04 10:00", now)).toMatchObject({ error: expect.stringContaining("not in the future") });
    expect(parseAcknowledgementUntil("25:00", now)).toMatchObject({ error: expect.stringContaining("--until takes") });
  });
});
