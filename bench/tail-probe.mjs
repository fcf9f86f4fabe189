// Evidence for docs/decisions.md: does the `tail` package (as installed) keep every line through the
// cases watch must handle? Each case writes known lines and counts what tail emitted.
// Run: node bench/tail-probe.mjs
import { appendFileSync, closeSync, mkdtempSync, openSync, renameSync, rmSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pkg from "tail";

const { Tail } = pkg;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const lines = (prefix, count) => Array.from({ length: count }, (_, index) => `${prefix}${index + 1}`);
const text = (entries) => entries.map((entry) => `${entry}\n`).join("");

async function probe(name, options, scenario) {
  const folder = mkdtempSync(join(tmpdir(), "tail-probe-"));
  const file = join(folder, "syslog.log");
  writeFileSync(file, "");
  const seen = [];
  const tail = new Tail(file, { ...options, follow: true });
  tail.on("line", (line) => seen.push(line));
  tail.on("error", () => {});
  await pause(200);
  const expected = await scenario(file, folder);
  await pause(2500);
  tail.unwatch();
  rmSync(folder, { recursive: true, force: true });
  const missing = expected.filter((line) => !seen.includes(line));
  const duplicated = seen.filter((line, index) => seen.indexOf(line) !== index);
  const extra = seen.filter((line) => !expected.includes(line));
  console.log(
    `${name.padEnd(58)} expected ${String(expected.length).padStart(3)}  got ${String(seen.length).padStart(3)}  missing ${missing.length} [${missing.slice(0, 4).join(" ")}]  duplicated ${duplicated.length}  other ${extra.length} [${extra.slice(0, 3).join(" ")}]`,
  );
}

const cases = [
  [
    "rename rotation, writes to the old file after the rename",
    async (file, folder) => {
      const writer = openSync(file, "a");
      writeSync(writer, text(lines("A", 10)));
      await pause(300);
      renameSync(file, join(folder, "OLDsyslog.log"));
      writeSync(writer, text(lines("B", 5)));
      closeSync(writer);
      writeFileSync(file, text(lines("C", 5)));
      return [...lines("A", 10), ...lines("B", 5), ...lines("C", 5)];
    },
  ],
  [
    "truncate, then write at once",
    async (file) => {
      appendFileSync(file, text(lines("A", 10)));
      await pause(300);
      truncateSync(file, 0);
      appendFileSync(file, text(lines("B", 3)));
      return [...lines("A", 10), ...lines("B", 3)];
    },
  ],
  [
    "partial last line completed later",
    async (file) => {
      appendFileSync(file, "A1\nA2 first half");
      await pause(300);
      appendFileSync(file, " second half\n");
      return ["A1", "A2 first half second half"];
    },
  ],
  [
    "last line without newline (never completed)",
    async (file) => {
      appendFileSync(file, "A1\nA2 no newline");
      return ["A1", "A2 no newline"];
    },
  ],
];

for (const [mode, options] of [
  ["fs.watch", {}],
  ["watchFile", { useWatchFile: true, fsWatchOptions: { interval: 100 } }],
  ["flushAtEOF", { flushAtEOF: true }],
]) {
  for (const [name, scenario] of cases) await probe(`${mode}: ${name}`, options, scenario);
}
