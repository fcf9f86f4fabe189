import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import type { ExampleFile } from "../../src/catalogue/rule.js";

export const samplesDirectory = fileURLToPath(new URL("../../samples/", import.meta.url));

/** The scenarios: folders of samples/ with an expected-findings.json. */
export function scenarios(): string[] {
  return readdirSync(samplesDirectory)
    .filter((name) => statSync(join(samplesDirectory, name)).isDirectory())
    .filter((name) => {
      try {
        return statSync(join(samplesDirectory, name, "expected-findings.json")).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/** Every log and configuration file of a scenario as {path relative to the scenario, text} (gz decompressed). */
export function scenarioFiles(scenario: string): ExampleFile[] {
  const root = join(samplesDirectory, scenario);
  const files: ExampleFile[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== "expected-findings.json") {
        const bytes = readFileSync(path);
        files.push({ path: relative(root, path), text: (name.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8") });
      }
    }
  };
  walk(root);
  return files;
}

export interface ExpectedFindings {
  readonly findings: Array<{ action: string; severity: string; status: string; package: string | null; deviceGroup: string | null; rule?: string }>;
  readonly mustNotInclude?: string[];
  readonly story?: string;
}

export function expectedFindings(scenario: string): ExpectedFindings {
  return JSON.parse(readFileSync(join(samplesDirectory, scenario, "expected-findings.json"), "utf8")) as ExpectedFindings;
}

/** Every line of the plain-text sample logs and configuration (no archives, no expectations, no generator). */
export function sampleLines(): string[] {
  const files: string[] = [];
  const walk = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) {
        if (name !== "tools") walk(path);
      } else if (!name.endsWith(".json") && !name.endsWith(".md") && !name.endsWith(".gz")) files.push(path);
    }
  };
  walk(samplesDirectory);
  return files.flatMap((path) => readFileSync(path, "utf8").split("\n"));
}
