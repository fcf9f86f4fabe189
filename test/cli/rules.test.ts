import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/main.js";

const invalid = fileURLToPath(new URL("../fixtures/rules-invalid/", import.meta.url));
const site = fileURLToPath(new URL("../fixtures/rules-site/", import.meta.url));

/** Runs the CLI in-process and captures what it writes. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("mcadvisor rules", () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it("lists the built-in rules as JSON", async () => {
    const { code, stdout } = await run(["rules", "list", "--format", "json"]);
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<{ id: string; action: string; source: string }>;
    expect(rows.find((row) => row.id === "swap-resync-after-takeover")).toMatchObject({ action: "swap-resync", source: "built-in" });
  });

  it("lints the built-in rules clean", async () => {
    const { code, stdout, stderr } = await run(["rules", "lint"]);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/rule\(s\) loaded; 0 error\(s\), 0 warning\(s\)/);
    expect(code).toBe(0);
  });

  it("lints a broken folder with every problem, file:line and exit 3", async () => {
    const { code, stderr } = await run(["rules", "lint", invalid]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/unknown-key\.yaml:28: error \[schema-additionalProperties\] unknown key 'severty'/);
    expect(stderr).toMatch(/bad-action\.yaml:12: error \[unknown-action\]/);
    expect(stderr).toMatch(/unknown-kind\.yaml:9: warning \[unknown-kind\]/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("says when a site rule replaces a built-in one, in list and lint", async () => {
    const listed = await run(["rules", "list", "--rules", site, "--format", "json"]);
    expect(listed.stderr).toMatch(
      /continental-alert\.yaml:2: warning \[overrides\] rule 'continental-alert' replaces the one in .*rules\/continental-alert\.yaml/,
    );
    const rows = JSON.parse(listed.stdout) as Array<{ id: string; title: string }>;
    expect(rows.find((row) => row.id === "continental-alert")?.title).toMatch(/^Site rule/);
    const linted = await run(["rules", "lint", site]);
    expect(linted.stdout).toMatch(/^1 rule\(s\) loaded; 0 error\(s\), 1 warning\(s\)/m);
    expect(linted.code).toBe(1);
    const tested = await run(["rules", "test", site]);
    expect(tested.stdout).toMatch(/2 passed, 0 failed/);
    expect(tested.code).toBe(0);
  });

  it("passes every example of the built-in catalog", async () => {
    const { code, stdout } = await run(["rules", "test"]);
    expect(stdout).toMatch(/\d+ passed, 0 failed/);
    expect(code).toBe(0);
  });

  it("runs the examples of a folder and reports each one", async () => {
    const { code, stdout } = await run(["rules", "test", invalid]);
    expect(stdout).toMatch(/^pass {2}good-rule {2}fire #1/m);
    expect(stdout).toMatch(/^pass {2}good-rule {2}notFire #1/m);
    expect(code).toBe(3);
  });
});
