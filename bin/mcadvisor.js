#!/usr/bin/env node
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

// In a source checkout, a `git pull` without `npm run build` would run yesterday's parser and rules engine
// on today's rule files, silently: refuse instead (exit 3, as any analysis that cannot run).
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", ".build-stamp");
if (existsSync(join(root, "src"))) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  // Walked by hand and synchronously (start-up): readdirSync's { recursive: true } is slower on Node 20, and
  // the same walk with fs/promises beside the program's loading cost more CPU than it overlapped. Paths are
  // joined as strings (entry names hold no separator): path.join, cold at this point, cost 3x the stat calls.
  const newer = [];
  const walk = (folder, pattern) => {
    for (const entry of readdirSync(`${root}/${folder}`, { withFileTypes: true })) {
      const file = `${folder}/${entry.name}`;
      if (!folder.includes("/") && entry.name.startsWith("generated")) continue; // src/generated: built from grammars/
      if (entry.isDirectory()) walk(file, pattern);
      else if (pattern.test(entry.name) && statSync(`${root}/${file}`).mtimeMs > built) newer.push(file);
    }
  };
  walk("src", /\.tsx?$/);
  walk("grammars", /\.ne$/);
  if (newer.length > 0) {
    process.stderr.write(
      `mcadvisor: the build in dist/ is older than the sources (${newer.slice(0, 3).join(", ")}${newer.length > 3 ? ", ..." : ""}).\n` +
        `hint: run 'npm run build' in ${root}\n`,
    );
    process.exit(3);
  }
}

// The bundled CLI (scripts/bundle.mjs, part of `npm run build`): a few files instead of some ninety modules to
// resolve, read and link, the larger part of a short command's start-up. A dist/ built by tsc alone has the same
// program unbundled.
const bundled = `${root}/dist/bundle/main.js`;
const { runCli } = await import(existsSync(bundled) ? pathToFileURL(bundled).href : "../dist/cli/main.js");
process.exitCode = await runCli(process.argv.slice(2));
