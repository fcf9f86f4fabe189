#!/usr/bin/env node
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// In a source checkout, a `git pull` without `npm run build` would run yesterday's parser and rules engine
// on today's rule files, silently: refuse instead (exit 3, as any analysis that cannot run).
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", ".build-stamp");
if (existsSync(join(root, "src"))) {
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  const newer = [
    ["src", /\.tsx?$/],
    ["grammars", /\.ne$/],
  ].flatMap(([folder, pattern]) =>
    readdirSync(join(root, folder), { recursive: true })
      .filter((file) => pattern.test(file) && !file.startsWith("generated"))
      .map((file) => join(folder, file))
      .filter((file) => statSync(join(root, file)).mtimeMs > built),
  );
  if (newer.length > 0) {
    process.stderr.write(
      `mcadvisor: the build in dist/ is older than the sources (${newer.slice(0, 3).join(", ")}${newer.length > 3 ? ", ..." : ""}).\n` +
        `hint: run 'npm run build' in ${root}\n`,
    );
    process.exit(3);
  }
}

const { runCli } = await import("../dist/cli/main.js");
process.exitCode = await runCli(process.argv.slice(2));
