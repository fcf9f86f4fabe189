/**
Sites by name (issue 16 item 1), through the real CLI: the cluster ASCII file found beside the node
folders names the sites, --site and the sites file name them too (the operator's word wins), and
without names the advice says how the side was inferred. The JSON `site` field keeps its meaning
("P-VOL side" / "S-VOL side"); the new `siteInfo` object carries the names.
*/
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { samplesDirectory } from "../helpers/samples-files.js";

interface SiteInfo {
  name: string | null;
  nodes: string[];
  side: string | null;
  firstSide: string | null;
  inferredFrom: string | null;
  source: string | null;
  otherSite: { name: string | null; nodes: string[]; side: string | null } | null;
}
interface JsonFinding {
  action: string;
  site: string | null;
  siteInfo: SiteInfo | null;
  steps: Array<{ where: string; command: string }>;
  checkFirst: string[];
}

const named = join(samplesDirectory, "sites-named-takeover");
const unnamed = join(samplesDirectory, "site-failover-svol-takeover");

function analyzeJson(args: readonly string[], env?: NodeJS.ProcessEnv): JsonFinding[] {
  const result = runMcadvisor(["analyze", "--db", join(tempDir(), "db.sqlite"), "--format", "json", ...args], { env });
  expect(result.code, result.stderr).toBe(2);
  return (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
}

const swapOf = (findings: readonly JsonFinding[]): JsonFinding => findings.find((finding) => finding.action === "swap-resync") as JsonFinding;

describe("sites named by the cluster ASCII file", () => {
  it("names the finding's site, its nodes and the other site, as the golden says, and keeps `site` as the side", () => {
    const golden = JSON.parse(readFileSync(join(named, "expected-findings.json"), "utf8")) as { findings: Array<{ action: string; siteName: string }> };
    const findings = analyzeJson([named]);
    for (const wanted of golden.findings) {
      const finding = findings.find((candidate) => candidate.action === wanted.action) as JsonFinding;
      expect(finding.siteInfo?.name).toBe(wanted.siteName);
    }
    const swap = swapOf(findings);
    expect(swap.site).toBe("S-VOL side");
    expect(swap.siteInfo).toEqual({
      name: "dc-west",
      nodes: ["west1", "west2"],
      side: "SVOL",
      firstSide: "SVOL",
      inferredFrom: "cluster-ascii",
      source: `${join(named, "metro_cl.ascii")}:29`,
      otherSite: { name: "dc-east", nodes: ["east1", "east2"], side: "PVOL" },
    });
    const places = swap.steps.map((step) => step.where);
    expect(places).toContain("Failover site dc-west, S-VOL (SSWS) side: west1, where sap_pkg was started after the takeover");
    expect(places).toContain("Instead of the step above, from the primary site dc-east (nodes east1,east2) (old P-VOL side)");
    // The names passed the checks for values pasted into advice: no warning about them.
    expect(swap.checkFirst.join("\n")).not.toContain("not a valid");
  });

  it("prints the site line in text, and finds the file when a folder of several incidents is analysed", () => {
    const root = tempDir();
    mkdirSync(join(root, "incidents"));
    cpSync(named, join(root, "incidents", "sites-named-takeover"), { recursive: true });
    cpSync(unnamed, join(root, "incidents", "site-failover-svol-takeover"), { recursive: true });
    const result = runMcadvisor(["analyze", "--db", join(root, "db.sqlite"), "incidents"], { cwd: root });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toContain(
      "  site dc-west (S-VOL side): nodes west1, west2; other site dc-east (P-VOL side): nodes east1, east2 (named by the cluster ASCII file incidents/sites-named-takeover/metro_cl.ascii:29)",
    );
    // The other incident has no cluster ASCII file: its side is inferred, and it says so.
    expect(result.stdout).toMatch(
      / {2}S-VOL side \(nodes seen there: nodeB1\); P-VOL side: nodeA1 \(inferred from the pair states the nodes logged, e\.g\. incidents\/site-failover-svol-takeover\/nodeB1\/[^;]+; no site names: give --site NAME=node,node or include the cluster ASCII file\)/,
    );
  });
});

describe("sites named by the operator", () => {
  it("--site wins over the cluster ASCII file, node by node", () => {
    const swap = swapOf(analyzeJson(["--site", "rz-nord=west1,west2", named]));
    expect(swap.siteInfo).toMatchObject({
      name: "rz-nord",
      nodes: ["west1", "west2"],
      inferredFrom: "site-option",
      source: "--site",
      otherSite: { name: "dc-east" },
    });
    expect(swap.steps.map((step) => step.where)).toContain("Failover site rz-nord, west1; sap_pkg can keep running");
  });

  it("reads the sites file given with --sites, and the default one under $XDG_CONFIG_HOME", () => {
    const root = tempDir();
    const file = join(root, "sites");
    writeFileSync(file, "# our data centres\nprimary = nodeA1, nodeA2\nbackup=nodeB1,nodeB2   # the failover site\n\n");
    const fromOption = swapOf(analyzeJson(["--sites", file, unnamed]));
    expect(fromOption.siteInfo).toMatchObject({
      name: "backup",
      nodes: ["nodeB1", "nodeB2"],
      inferredFrom: "sites-file",
      source: `${file}:3`,
      otherSite: { name: "primary", nodes: ["nodeA1", "nodeA2"], side: "PVOL" },
    });
    expect(fromOption.steps.map((step) => step.where)).toContain(
      "Instead of the step above, from the primary site primary (nodes nodeA1,nodeA2) (old P-VOL side)",
    );

    mkdirSync(join(root, "config", "mcadvisor"), { recursive: true });
    writeFileSync(join(root, "config", "mcadvisor", "sites"), "west=nodeB1,nodeB2\neast=nodeA1,nodeA2\n");
    const fromDefault = swapOf(analyzeJson([unnamed], { XDG_CONFIG_HOME: join(root, "config") }));
    expect(fromDefault.siteInfo).toMatchObject({ name: "west", inferredFrom: "sites-file" });
  });

  it("refuses a bad --site or a bad line of the sites file before any work, naming it (exit 3)", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const bad = runMcadvisor(["analyze", "--db", database, "--site", "dc east=nodeA1", unnamed]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("--site dc east=nodeA1: 'dc east' is not a site name");
    const twice = runMcadvisor(["analyze", "--db", database, "--site", "a=nodeA1", "--site", "b=nodeA1", unnamed]);
    expect(twice.code).toBe(3);
    expect(twice.stderr).toContain("node nodeA1 is in site a and in site b");
    const file = join(root, "sites");
    writeFileSync(file, "east=nodeA1\nwest nodeB1\nnorth=node;reboot\n");
    const badFile = runMcadvisor(["analyze", "--db", database, "--sites", file, unnamed]);
    expect(badFile.code).toBe(3);
    expect(badFile.stderr).toContain(`${file}:2: 'west nodeB1' is not NAME=node,node`);
    expect(badFile.stderr).toContain(`${file}:3: 'node;reboot' is not a node name`);
    const missing = runMcadvisor(["analyze", "--db", database, "--sites", join(root, "nope"), unnamed]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain("cannot read the sites file");
  });
});

describe("sites nobody named", () => {
  it("gives the side and how it was inferred, and the advice reads as before", () => {
    const swap = swapOf(analyzeJson([unnamed]));
    expect(swap.site).toBe("S-VOL side");
    expect(swap.siteInfo).toMatchObject({
      name: null,
      nodes: ["nodeB1"],
      side: "SVOL",
      inferredFrom: "pair-states",
      otherSite: { name: null, nodes: ["nodeA1"], side: "PVOL" },
    });
    expect(swap.siteInfo?.source).toMatch(/nodeB1\/.*:\d+$/);
    expect(swap.steps.map((step) => step.where)).toContain("Failover site, S-VOL (SSWS) side: nodeB1, where oracle_pkg was started after the takeover");
    expect(swap.steps.map((step) => step.where)).toContain("Instead of the step above, from the primary site (old P-VOL side)");
  });

  it("never takes a site name from a cluster ASCII file that a shell would read as a command", () => {
    const root = tempDir();
    cpSync(unnamed, join(root, "incident"), { recursive: true });
    writeFileSync(
      join(root, "incident", "cluster.ascii"),
      "CLUSTER_NAME metro_cl\nSITE_NAME east\nSITE_NAME west;reboot\nNODE_NAME nodeA1\n  SITE east\nNODE_NAME nodeB1\n  SITE west;reboot\n",
    );
    const swap = swapOf(analyzeJson([join(root, "incident")]));
    // nodeB1's site is not a valid name: it is not used, the side is inferred as without names.
    expect(swap.siteInfo).toMatchObject({ name: null, inferredFrom: "pair-states" });
    expect(JSON.stringify(swap)).not.toContain("reboot");
  });
});

describe("sites in the reports", () => {
  it("shows the site line in Markdown and HTML, and siteInfo in JSON", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    const window = ["--since", "2026-11-17", "--until", "2026-11-21"];
    const markdown = runMcadvisor(["report", "--db", database, ...window, named]);
    expect(markdown.code, markdown.stderr).toBe(2);
    expect(markdown.stdout).toContain(
      "Where: site dc-west (S-VOL side): nodes west1, west2; other site dc-east (P-VOL side): nodes east1, east2 (named by the cluster ASCII file metro_cl.ascii:29).",
    );
    const html = runMcadvisor(["report", "--db", database, ...window, "--format", "html"]);
    expect(html.stdout).toContain('<p class="site">site dc-west (S-VOL side): nodes west1, west2;');
    const json = JSON.parse(runMcadvisor(["report", "--db", database, ...window, "--format", "json"]).stdout) as { openFindings: JsonFinding[] };
    expect(json.openFindings.map((finding) => finding.siteInfo?.name)).toEqual(["dc-west"]);
  });
});
