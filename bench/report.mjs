// Re-renders bench/results/latest.md (or DIR/latest.md) from latest.json without measuring again:
// for a change to the page's layout. With --append-latency it first measures bench/append-latency.mjs into
// it (a run made before that step existed). Usage: node bench/report.mjs [DIR] [--append-latency]
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatMarkdown, judgeGoals, judgeTargets } from "./lib/results.mjs";

const argumentsGiven = process.argv.slice(2);
const folder = argumentsGiven.find((argument) => !argument.startsWith("--"));
const directory = resolve(folder ?? join(fileURLToPath(new URL(".", import.meta.url)), "results"));
const results = JSON.parse(readFileSync(join(directory, "latest.json"), "utf8"));
if (argumentsGiven.includes("--append-latency")) {
  const { measureAppends } = await import("./append-latency.mjs");
  results.appendLatency = measureAppends(5000);
}
results.goals = judgeGoals(results);
results.targets = judgeTargets(results);
writeFileSync(join(directory, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(directory, "latest.md"), formatMarkdown(results));
console.log(`wrote ${join(directory, "latest.md")}`);
