import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

/**
The package's root folder: the nearest folder above this module that holds a package.json. Found by
walking up rather than by a fixed `../`: this module runs from src/ (the tests), from dist/ (tsc's
output) and from a chunk of dist/bundle/ (the bundled CLI), each at another depth.
*/
export const packageRoot: string = (() => {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let folder = start; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname(folder) === folder) return dirname(start);
  }
})();

/**
The folder of mcadvisor's own code this module was loaded from: `src` (the tests), or `dist` (the build,
bundled or not). What the compiled-rule cache is keyed on (src/catalogue/load.ts).
*/
export const codeFolder: string = join(packageRoot, relative(packageRoot, fileURLToPath(import.meta.url)).split(sep)[0]);

// Read once from package.json so `--version` and the JSON output never drift from the package.
const packageJson = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version: string };
export const version: string = packageJson.version;
