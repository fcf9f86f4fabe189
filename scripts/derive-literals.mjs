// Derives the required literals of every pattern a run asks for (each format's prefilter parts, the replication
// vocabulary's prefilter) from the compiled modules in dist/, and writes them beside them for
// src/parse/required-literals.ts to read at run time instead of deriving them at every start. Part of
// `npm run build`, after tsc and before the bundle.
import { rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const modules = (name) => pathToFileURL(join(dist, "parse", name)).href;
const { LITERALS_FILE, derivedLiterals } = await import(modules("required-literals.js"));
const table = join(dist, LITERALS_FILE);
// The table of an earlier build is never read while deriving (the first lookup reads the file).
rmSync(table, { force: true });
const { prepareAllFormats } = await import(modules("body.js"));
prepareAllFormats();
writeFileSync(table, `${JSON.stringify(derivedLiterals(), null, 1)}\n`);
