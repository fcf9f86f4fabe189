import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
The layers of src/, lowest first: a module may import from its own folder and from folders below it,
never from one above (docs/architecture.md, "Layers", says why each sits where it does). The root
modules (errors.ts, version.ts) count as folders of their own. A new folder must be placed here.
*/
const LAYER_ORDER = ["errors.ts", "version.ts", "util", "model", "catalogue", "parse", "store", "ingest", "correlate", "pipeline", "present", "cli"] as const;

/** Folders that belong to a layer named above: the compiled grammars are part of the parse stage. */
const PART_OF: Readonly<Record<string, string>> = { generated: "parse" };

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** The layer a path under src/ belongs to: its first folder (or root file), with PART_OF applied. */
function layerOf(path: string): string {
  const first = relative(SRC, path).split(sep)[0];
  return PART_OF[first] ?? first;
}

interface Import {
  readonly from: string;
  readonly to: string;
}

/** Every relative import of every module (static, type-only, re-exports and import()), as the compiler's scanner reads them. */
function importsOfSrc(): Import[] {
  const found: Import[] = [];
  for (const file of sourceFiles(SRC)) {
    const scanned = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    for (const { fileName } of scanned.importedFiles) {
      if (!fileName.startsWith(".")) continue;
      found.push({ from: file, to: resolve(dirname(file), fileName) });
    }
  }
  return found;
}

const shown = (path: string): string => `src/${relative(SRC, path).split(sep).join("/")}`;

describe("layers of src/", () => {
  const imports = importsOfSrc();
  const rank = new Map<string, number>(LAYER_ORDER.map((layer, index) => [layer, index]));

  it("reads the imports (a guard that sees nothing guards nothing)", () => {
    expect(imports.length).toBeGreaterThan(100);
    expect(imports.some(({ from, to }) => layerOf(from) === "cli" && layerOf(to) === "pipeline")).toBe(true);
  });

  it("places every folder of src/ in the order", () => {
    const unplaced = [...new Set(sourceFiles(SRC).map(layerOf))].filter((layer) => !rank.has(layer));
    expect(unplaced, "add the new folder to LAYER_ORDER here and in docs/architecture.md").toEqual([]);
  });

  it("has no import running up the order", () => {
    const upward = imports
      .filter(({ from, to }) => layerOf(from) !== layerOf(to) && (rank.get(layerOf(to)) ?? -1) > (rank.get(layerOf(from)) ?? -1))
      .map(({ from, to }) => `${shown(from)} imports ${shown(to)}: ${layerOf(to)} is above ${layerOf(from)}`);
    expect(upward).toEqual([]);
  });

  it("has no two folders importing each other", () => {
    const edges = new Set(imports.filter(({ from, to }) => layerOf(from) !== layerOf(to)).map(({ from, to }) => `${layerOf(from)} -> ${layerOf(to)}`));
    const loops = [...edges].filter((edge) => {
      const [from, to] = edge.split(" -> ");
      return from < to && edges.has(`${to} -> ${from}`);
    });
    expect(loops).toEqual([]);
  });

  it("is the order docs/architecture.md states", () => {
    const markdown = readFileSync(new URL("../../docs/architecture.md", import.meta.url), "utf8");
    expect(markdown).toContain(LAYER_ORDER.join(" < "));
  });
});
