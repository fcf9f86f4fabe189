import { describe, expect, it } from "vitest";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runMcadvisor } from "../helpers/cli.js";
import { FORGED_NODE, FORGED_PACKAGE, forgedBundle, write } from "../helpers/forged.js";
import { tempDir } from "../helpers/temp.js";

const SAMPLES = join(import.meta.dirname, "..", "..", "samples");

// Log text is data, never a command: a name a log line (or a folder) gives is pasted into advice only
// when Serviceguard or Raid Manager would accept it as such a name; otherwise the step shows the
// placeholder and the finding says the logs named something invalid, with the raw value escaped.

interface JsonFinding {
  package: string | null;
  node: string | null;
  summary: string;
  checkFirst: string[];
  steps: Array<{ where: string; command: string; why: string }>;
}

/** Every command and place of every step: none may carry a forged name. */
function commandsAndPlaces(findings: readonly JsonFinding[]): string[] {
  return findings.flatMap((finding) => finding.steps.flatMap((step) => [step.command, step.where, step.why]));
}

describe("forged names in logs never reach a command", () => {
  it("analyze --format json: steps show <package> and <node>, the finding warns with the raw value escaped", () => {
    const root = tempDir();
    const result = runMcadvisor(["analyze", "--db", join(root, "db"), "--year", "2026", "--format", "json", forgedBundle(root)]);
    expect(result.code, result.stderr).toBe(2);
    const findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings).toHaveLength(2);
    for (const text of commandsAndPlaces(findings)) {
      expect(text).not.toContain(FORGED_PACKAGE);
      expect(text).not.toContain("onerror");
    }
    const forgedPackage = findings.find((finding) => finding.package === FORGED_PACKAGE) as JsonFinding;
    expect(forgedPackage.steps.map((step) => step.command)).toContain("cmmodpkg -e <package>");
    expect(forgedPackage.checkFirst[0]).toContain(`package "${FORGED_PACKAGE}"`);
    expect(forgedPackage.checkFirst[0]).toMatch(/not .*valid Serviceguard package name/);
    expect(forgedPackage.summary).not.toContain(FORGED_PACKAGE);

    const forgedNode = findings.find((finding) => finding.node === FORGED_NODE) as JsonFinding;
    expect(forgedNode.steps.map((step) => step.where)).toContain("<node>");
    expect(forgedNode.steps.map((step) => step.command)).toContain("cmmodpkg -e web_pkg"); // the valid name stays
    expect(forgedNode.checkFirst[0]).toContain(`node "${FORGED_NODE}"`);
  });

  it("analyze (text): the same, and the warning is printed under Check first", () => {
    const root = tempDir();
    const result = runMcadvisor(["analyze", "--db", join(root, "db"), "--year", "2026", forgedBundle(root)]);
    expect(result.code, result.stderr).toBe(2);
    const steps = result.stdout.split("\n").filter((line) => /^ {9}\S/.test(line)); // the command lines
    expect(steps.length).toBeGreaterThan(3);
    for (const command of steps) {
      expect(command).not.toContain(FORGED_PACKAGE);
      expect(command).not.toContain("onerror");
    }
    expect(result.stdout).toContain("cmmodpkg -e <package>");
    expect(result.stdout).toMatch(/Check first:\n {4}- The logs name the package "sap_pkg;reboot"/);
  });

  it("an escape sequence in a forged name is shown escaped in the warning, never raw", () => {
    const root = tempDir();
    const bundle = join(root, "bundle");
    write(bundle, "nodeA2/var/adm/syslog/syslog.log", "Nov  9 11:10:00 nodeA2 cmcld[2048]: Package db\u001b]0;owned\u0007_pkg halt script timed out.\n");
    const result = runMcadvisor(["analyze", "--db", join(root, "db"), "--year", "2026", "--format", "json", bundle]);
    const [finding] = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    expect(finding.steps.map((step) => step.command)).toContain("cmmodpkg -e <package>");
    expect(finding.checkFirst[0]).toContain(String.raw`"db\u001b]0;owned\u0007_pkg"`);
  });

  it("a value a rule shows only in prose is screened too: a fence level from an environment file in a reason that quotes paircreate", () => {
    const root = tempDir();
    const bundle = join(root, "bundle");
    cpSync(join(SAMPLES, "recovery-array-failure"), bundle, { recursive: true });
    for (const file of readdirSync(bundle, { recursive: true, encoding: "utf8" }).map((relative) => join(bundle, relative))) {
      if (!statSync(file).isFile() || file.endsWith(".gz")) continue;
      // The package log's "Fence level ... is NEVER" too: the grammar reads no fence from "$(reboot)", so the file's value is the one used.
      writeFileSync(file, readFileSync(file, "utf8").replaceAll("FENCE=NEVER", 'FENCE="$(reboot)"').replaceAll("sapdg is NEVER.", "sapdg is $(reboot)."));
    }
    const result = runMcadvisor(["analyze", "--db", join(root, "db"), "--year", "2026", "--format", "json", bundle]);
    const findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    const texts = findings.flatMap((finding) => [finding.summary, ...finding.checkFirst.slice(1), ...commandsAndPlaces([finding])]);
    expect(texts.join("\n")).toContain("paircreate -g sapdg -f <fence>");
    for (const text of texts) expect(text.toLowerCase()).not.toContain("$(reboot)");
    expect(findings.some((finding) => finding.checkFirst[0]?.includes('fence level "$(REBOOT)"'))).toBe(true);
  });

  it("an error that quotes a path shows its escape sequences inert", () => {
    const root = tempDir();
    const result = runMcadvisor(["analyze", "--db", join(root, "db"), join(root, "missing\u001b]0;PWN\u0007")]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("no syslog or package logs found");
    expect(result.stderr).toContain("missing^[]0;PWN^G");
    expect(result.stderr).not.toMatch(/[\u001b\u0007]/);
  });

  for (const format of ["markdown", "html", "json"]) {
    it(`report --format ${format}: no forged name in a command, the warning is in the report`, () => {
      const root = tempDir();
      const result = runMcadvisor([
        "report",
        "--db",
        join(root, "db"),
        "--year",
        "2026",
        "--tz",
        "UTC",
        "--since",
        "2026-11-01",
        "--until",
        "2026-12-01",
        "--format",
        format,
        forgedBundle(root),
      ]);
      expect(result.code, result.stderr).toBe(2);
      const out = result.stdout;
      expect(out).not.toMatch(/cmmodpkg -e[^\n]*sap_pkg;reboot/);
      expect(out).not.toMatch(/cmmodpkg[^\n]*onerror/);
      if (format === "html") expect(out).not.toContain("<img"); // shown escaped (Markdown shows paths in code spans, JSON as data)
      if (format === "json") {
        const document = JSON.parse(out) as { openFindings: JsonFinding[] };
        for (const text of commandsAndPlaces(document.openFindings)) expect(text).not.toMatch(/sap_pkg;reboot|onerror/);
        expect(document.openFindings.some((finding) => finding.steps.some((step) => step.command === "cmmodpkg -e <package>"))).toBe(true);
        expect(document.openFindings.some((finding) => finding.checkFirst[0]?.includes('package "sap_pkg;reboot"'))).toBe(true);
      } else if (format === "html") {
        expect(out).toContain("cmmodpkg -e &#60;package&#62;");
        expect(out).toContain("The logs name the package &#34;sap_pkg;reboot&#34;");
      } else {
        expect(out).toContain("cmmodpkg -e <package>");
        expect(out).toContain("The logs name the package");
      }
    });
  }
});
