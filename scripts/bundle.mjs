// Bundles the compiled CLI (dist/, tsc's output) into dist/bundle/, which bin/mcadvisor.js runs: the last step of
// `npm run build` before the build stamp. Start-up is mostly module loading (docs/performance.md, "Start-up"): Node
// resolves, reads and links each ES module on its own, and loads a CommonJS package file by file; one-line analyze
// loaded some 90 modules. The bundle is split where the CLI imports on demand (each command, the TUI, --emit), so a
// command still loads only its own code.
//
// Entries: the CLI, and the two programs it starts by path, each beside the chunks that need it (the parse
// worker beside parse-source.ts's code, the query runner beside query.ts's), as they are beside them in dist/.
// Bundled in: our code and the pure-JavaScript packages every command loads (commander, and the grammars' moo and
// nearley). Left to Node: better-sqlite3 (a native addon, found by its package folder), yaml and ajv (required
// at run time only when rules are read from their files), and the packages of one command (ink and React for
// the TUI, chokidar for watch).
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rolldown } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const out = join(dist, "bundle");

/** Packages bundled in; every other package is imported from node_modules at run time. */
const BUNDLED = new Set(["commander", "moo", "nearley"]);
const packageOf = (id) => (id.startsWith("@") ? id.split("/").slice(0, 2).join("/") : id.split("/")[0]);
const external = (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("\0") && !BUNDLED.has(packageOf(id));

rmSync(out, { recursive: true, force: true });
const bundle = await rolldown({
  input: {
    main: join(dist, "cli", "main.js"),
    "parse-worker": join(dist, "pipeline", "parse-worker.js"),
    "query-runner": join(dist, "cli", "commands", "query-runner.js"),
  },
  external,
  platform: "node",
  logLevel: "warn",
  onLog(level, log, handler) {
    // A warning is an error here: a bundle that differs from dist/ in behaviour must not ship quietly.
    if (level === "warn") handler("error", log);
    else handler(level, log);
  },
});
await bundle.write({ dir: out, format: "esm", entryFileNames: "[name].js", chunkFileNames: "[name]-[hash].js" });
await bundle.close();
