// Compiles src/ into dist/ (tsconfig.build.json): the step of `npm run build` after the grammars, before the
// derived literals, the bundle and the build stamp. The compile is incremental (`tsc -b`, its state in
// dist/.tsbuildinfo): a build with nothing changed since the last one (`npm test` right after `npm ci`, whose
// prepare script built) takes about a second instead of the whole compile.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const dist = join(root, "dist");
const buildInfo = join(dist, ".tsbuildinfo");

// tsc -b trusts its state file: an output removed by hand since the last build would not be written again.
// Every module of src/ must have its dist/ file, or the state is dropped and everything is compiled.
const modules = (folder) =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modules(path);
    return /\.tsx?$/.test(entry.name) && !/\.d\.ts$|\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
const missing = modules(src).filter((path) => !existsSync(join(dist, relative(src, path).replace(/\.tsx?$/, ".js"))));
if (missing.length > 0 && existsSync(buildInfo)) {
  console.log(`dist/ lacks ${relative(root, missing[0])}'s output${missing.length > 1 ? ` and ${missing.length - 1} more` : ""}: compiling everything`);
  rmSync(buildInfo);
}

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-b", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
process.exit(compiled.status ?? 1);
