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
