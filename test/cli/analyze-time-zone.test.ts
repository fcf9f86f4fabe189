import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

interface Document {
  findings: Array<Record<string, unknown>>;
}

describe("the machine's time zone", () => {
  it("does not change findings: times are the logs' own wall clock", () => {
    const run = (zone: string): Document => {
      const result = runMcadvisor(["analyze", "--db", join(tempDir(), "tz.db"), "--format", "json", "samples/site-failover-svol-takeover"], {
        env: { TZ: zone },
      });
      expect(result.stderr).toBe("");
      return JSON.parse(result.stdout) as Document;
    };
    const utc = run("UTC");
    expect(utc.findings.length).toBeGreaterThan(0);
    expect(run("Asia/Tokyo").findings).toEqual(utc.findings);
    expect(run("America/Los_Angeles").findings).toEqual(utc.findings);
  });
});

describe("--node-tz", () => {
  it("puts a node that logs in UTC back in order with the others: the start refused after the other site's Raid Manager stopped", () => {
    // The sample, with nodeB1's clock on UTC while site A logs in Paris time (UTC+1 in November): its lines read an hour early.
    const bundle = join(tempDir(), "remote-horcm-down");
    cpSync("samples/remote-horcm-down-start-refused", bundle, { recursive: true });
    for (const file of ["nodeB1/var/adm/syslog/syslog.log", "nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log"]) {
      const path = join(bundle, file);
      const earlier = (hour: string): string => String(Number(hour) - 1).padStart(2, "0");
      writeFileSync(
        path,
        readFileSync(path, "utf8")
          .replace(/^(Nov 30 )(\d\d)(?=:)/gm, (_all, day: string, hour: string) => `${day}${earlier(hour)}`)
          .replace(/(Nov 30 )(\d\d)(?=:\d\d:\d\d \w+ 2026)/g, (_all, day: string, hour: string) => `${day}${earlier(hour)}`),
      );
    }
    const rules = (extra: string[]): string[] => {
      const result = runMcadvisor([
        "analyze",
        "--db",
        join(tempDir(), "node-tz.db"),
        "--format",
        "json",
        "--year",
        "2026",
        "--tz",
        "Europe/Paris",
        ...extra,
        bundle,
      ]);
      const document = JSON.parse(result.stdout) as Document;
      return document.findings.filter((finding) => finding.status === "open").map((finding) => String(finding.rule));
    };
    expect(rules([])).not.toContain("start-refused-remote-horcm-down");
    expect(rules(["--node-tz", "nodeB1=UTC"])).toContain("start-refused-remote-horcm-down");
  });

  it("refuses an entry that is not NODE=ZONE, or an unknown zone, before reading anything", () => {
    const bad = runMcadvisor(["analyze", "--db", join(tempDir(), "bad.db"), "--node-tz", "nodeB1", "samples/healthy-day"]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("--node-tz takes NODE=ZONE, not 'nodeB1'");
    const unknown = runMcadvisor(["analyze", "--db", join(tempDir(), "bad.db"), "--node-tz", "nodeB1=Mars/Olympus", "samples/healthy-day"]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain("unknown time zone 'Mars/Olympus' for node nodeB1");
  });
});
