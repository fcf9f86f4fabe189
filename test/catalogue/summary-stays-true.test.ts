/**
A finding's summary is filled when the finding opens or matches again, not on every event: it must not state
a fact that a later line makes false while the finding stays open. failback-continental said "runs on nodeC1"
after the recovery package was halted there (the pairs not yet PAIR, so the finding rightly stays open).
Through the real CLI.
*/
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";

function write(root: string, relative: string, content: string): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

interface Finding {
  rule: string;
  status: string;
  summary: string;
}

describe("summaries that stay true while the finding is open", () => {
  it("failback-continental does not say the recovery package runs after it was halted without PAIR", () => {
    const root = tempDir();
    const bundle = join(root, "bundle");
    write(bundle, "nodeC1/etc/cmcluster/ora_bkpkg/ora_bkpkg_xpca.env", 'DEVICE_GROUP="oradg"\nFENCE=NEVER\nCLUSTER_TYPE="continental"\nAUTO_SVOLPSUE=1\n');
    write(
      bundle,
      "nodeC1/etc/cmcluster/ora_bkpkg/ora_bkpkg.log",
      [
        '\t########### Node "nodeC1": Starting package at Sat Nov 07 15:31:00 EST 2026 ###########',
        'Nov  7 15:31:12 - Node "nodeC1": The local device group oradg is in SVOL_PSUE state; remote state is EX_ENORMT (242).',
        'Nov  7 15:31:40 - Node "nodeC1": Executing horctakeover -g oradg -S ... horctakeover returned 2 (SVOL-takeover).',
        'Nov  7 15:31:41 - Node "nodeC1": Device group oradg is now SVOL_SSWS.',
        '\t########### Node "nodeC1": Package start completed at Sat Nov 07 15:32:02 EST 2026 ###########',
        "",
      ].join("\n"),
    );
    write(
      bundle,
      "nodeC1/var/adm/syslog/syslog.log",
      [
        "Nov  8 09:40:00 nodeC1 logger: mcstat: pairdisplay -g oradg -fc: local PSUS(SSWS), remote PVOL_PSUE",
        "Nov  8 10:00:00 nodeC1 cmcld[2050]: Halted package ora_bkpkg on node nodeC1.",
        "",
      ].join("\n"),
    );
    const result = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "--year", "2026", "--format", "json", bundle]);
    const findings = (JSON.parse(result.stdout) as { findings: Finding[] }).findings;
    const failback = findings.find((finding) => finding.rule === "failback-continental");
    // Set aside while the swap resync's own finding speaks (the failback comes after it), open again once it resolves.
    expect(["open", "superseded"]).toContain(failback?.status);
    expect(failback?.summary).toContain("ora_bkpkg");
    expect(failback?.summary).not.toMatch(/\bruns on nodeC1\b/);
    expect(failback?.summary).toMatch(/was started on nodeC1/);
  });
});
