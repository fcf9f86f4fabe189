import { describe, expect, it } from "vitest";
import { loadRules } from "../../src/catalogue/load.js";
import { analyseFiles } from "../../src/pipeline/rule-examples.js";
import type { ExampleFile } from "../../src/catalogue/rule.js";

const { rules } = loadRules([], { collectErrors: true });

const ascii = (cluster: string, nodes: string[]): string => [`CLUSTER_NAME\t\t${cluster}`, ...nodes.map((node) => `NODE_NAME\t\t${node}`), ""].join("\n");
const env = 'DEVICE_GROUP="oradg"\nFENCE=NEVER\nAUTO_PSUEPSUS=0\n';
const monitor = (node: string, time: string, local: string, remote: string): string =>
  `Nov 17 ${time} ${node} logger: mcstat: pairdisplay -g oradg -fc: local ${local} 100%, remote ${remote}\n`;

/** Two clusters of one build (oradg in each): mcfin resynchronized its oradg, mchr's stays suspended. */
function twoClusters(extra: ExampleFile[] = []): ExampleFile[] {
  return [
    { path: "fina1/etc/cmcluster/cmclconfig.ascii", text: ascii("mcfin", ["fina1", "finb1"]) },
    { path: "hra1/etc/cmcluster/cmclconfig.ascii", text: ascii("mchr", ["hra1", "hrb1"]) },
    // The same environment file on both clusters' first nodes: stored once, under one of them.
    { path: "fina1/etc/cmcluster/oracle_pkg/oracle_pkg_xpca.env", text: env },
    { path: "hra1/etc/cmcluster/oracle_pkg/oracle_pkg_xpca.env", text: env },
    {
      path: "fina1/var/adm/syslog/syslog.log",
      text:
        monitor("fina1", "02:10:40", "PVOL_PSUE", "SVOL_PSUE") +
        monitor("fina1", "04:48:00", "PVOL_PAIR", "SVOL_PAIR") +
        monitor("fina1", "18:00:00", "PVOL_PAIR", "SVOL_PAIR"),
    },
    {
      path: "hra1/var/adm/syslog/syslog.log",
      text: monitor("hra1", "02:10:40", "PVOL_PSUE", "SVOL_PSUE") + monitor("hra1", "18:00:00", "PVOL_PSUE", "SVOL_PSUE"),
    },
    ...extra,
  ];
}

describe("one rules engine per cluster", () => {
  it("keeps each cluster's suspension its own: mcfin's resync does not close mchr's", () => {
    const findings = analyseFiles(rules, twoClusters(), { year: 2026 }).filter((finding) => finding.rule === "pairs-suspended-no-resync");
    // The environment file kept under one node is both clusters': each names the package of its group.
    expect(findings.map((finding) => [finding.cluster, finding.status, finding.deviceGroup, finding.package]).sort()).toEqual([
      ["mcfin", "resolved", "oradg", "oracle_pkg"],
      ["mchr", "open", "oradg", "oracle_pkg"],
    ]);
  });

  it("shows a finding both engines opened from a line of no cluster as the copy that says most (open), never the resolved one", () => {
    // A management host's line: no fact places it, so both clusters' engines read it and open one finding with one id.
    const findings = analyseFiles(
      rules,
      twoClusters([{ path: "xpmgmt01/var/adm/syslog/syslog.log", text: monitor("xpmgmt01", "02:10:38", "PVOL_PSUE", "SVOL_PSUE") }]),
      { year: 2026 },
    ).filter((finding) => finding.rule === "pairs-suspended-no-resync");
    expect(findings.some((finding) => finding.status === "open")).toBe(true);
    expect(new Set(findings.map((finding) => finding.id)).size).toBe(findings.length);
  });
});
