// Re-renders bench/results/latest.md (or DIR/latest.md) from latest.json without measuring again:
// for a change to the page's layout. Usage: node bench/report.mjs [DIR]
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatMarkdown, judgeGoals } from "./lib/results.mjs";

const directory = resolve(process.argv[2] ?? join(fileURLToPath(new URL(".", import.meta.url)), "results"));
const results = JSON.parse(readFileSync(join(directory, "latest.json"), "utf8"));
results.goals = judgeGoals(results);
writeFileSync(join(directory, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(directory, "latest.md"), formatMarkdown(results));
console.log(`wrote ${join(directory, "latest.md")}`);
