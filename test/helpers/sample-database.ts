import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "./temp.js";

/**
Sample incidents analysed into a database once per test file (and set of samples); each call returns a copy
of that database, byte for byte, in a fresh temporary folder removed after the test. A test may write to its
copy as it likes: the next call gets the analysis as it was. Analysing the same samples again for every test
gave the same database, at about half a second of CPU each time (samples/ as they are, in-process, UTC).

The copy is the whole database: the writer was closed first, so no -wal or -shm file holds part of it, and
no search sidecar (<db>.search) exists yet. Copies of one analysis share its store identity (store_meta), as
a copied database file does: a test about identities between databases analyses distinct samples.
*/
export async function sampleDatabase(names: readonly string[], options: { prefix?: string; fileName?: string } = {}): Promise<string> {
  const template = await analysedOnce(names);
  const path = join(tempDir(options.prefix ?? "mcadvisor-test-"), options.fileName ?? "sample.db");
  copyFileSync(template, path);
  return path;
}

const templates = new Map<string, Promise<string>>();
let templateFolder: string | undefined;

afterAll(() => {
  if (templateFolder !== undefined) rmSync(templateFolder, { recursive: true, force: true });
  templateFolder = undefined;
  templates.clear();
});

function analysedOnce(names: readonly string[]): Promise<string> {
  const key = JSON.stringify(names);
  let template = templates.get(key);
  if (template === undefined) {
    templateFolder ??= mkdtempSync(join(tmpdir(), "mcadvisor-sample-db-"));
    const path = join(templateFolder, `${templates.size}.db`);
    template = analyse(path, names);
    templates.set(key, template);
  }
  return template;
}

async function analyse(path: string, names: readonly string[]): Promise<string> {
  const store = new Store(openDatabase(path));
  try {
    await analyzePaths(store, { paths: names.map((name) => join("samples", name)), timeZone: "UTC", rules: loadRules([]).rules });
  } finally {
    store.close();
  }
  for (const beside of ["-wal", "-shm", "-journal", ".search"]) {
    if (existsSync(`${path}${beside}`))
      throw new Error(`${path}${beside} is left beside the closed database: a copy of the main file alone would not be whole`);
  }
  return path;
}
