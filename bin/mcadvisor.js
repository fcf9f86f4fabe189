#!/usr/bin/env node
import { existsSync, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// In a source checkout, a `git pull` without `npm run build` would run yesterday's parser and rules engine
// on today's rule files, silently: refuse instead (exit 3, as any analysis that cannot run).
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", ".build-stamp");

/** The sources newer than the build (none outside a source checkout). */
async function newerSources() {
  if (!existsSync(join(root, "src"))) return [];
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const walk = async (folder, pattern) => {
    const entries = await readdir(join(root, folder), { withFileTypes: true });
    const found = await Promise.all(
      entries.map(async (entry) => {
        const file = join(folder, entry.name);
        if (!folder.includes("/") && entry.name.startsWith("generated")) return []; // src/generated: built from grammars/
        if (entry.isDirectory()) return walk(file, pattern);
        return pattern.test(entry.name) && (await stat(join(root, file))).mtimeMs > built ? [file] : [];
      }),
    );
    return found.flat();
  };
  return (await Promise.all([walk("src", /\.tsx?$/), walk("grammars", /\.ne$/)])).flat();
}

// The sources are looked at while the program loads (start-up): nothing of it runs before the answer.
const [newer, { runCli }] = await Promise.all([newerSources(), import("../dist/cli/main.js")]);
if (newer.length > 0) {
  process.stderr.write(
    `mcadvisor: the build in dist/ is older than the sources (${newer.slice(0, 3).join(", ")}${newer.length > 3 ? ", ..." : ""}).\n` +
      `hint: run 'npm run build' in ${root}\n`,
  );
  process.exit(3);
}
process.exitCode = await runCli(process.argv.slice(2));
