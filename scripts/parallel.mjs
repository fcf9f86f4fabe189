// Runs the npm scripts named on the command line at the same time (`node scripts/parallel.mjs typecheck lint`),
// each one's output shown whole when it ends, in the order given; exits with the first failure's status.
// `npm test` checks types, lints and checks the formatting this way: three single-threaded tools that do not
// depend on each other, which one after another left a core idle.
import { spawn } from "node:child_process";

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error("usage: node scripts/parallel.mjs SCRIPT...");
  process.exit(2);
}
const npm = process.env.npm_execpath;
const started = Date.now();
const runs = names.map(
  (name) =>
    new Promise((resolve) => {
      // Through npm, as `npm run NAME` would: the scripts' own commands stay in package.json only.
      const child = npm ? spawn(process.execPath, [npm, "run", "--silent", name]) : spawn("npm", ["run", "--silent", name]);
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      child.on("error", (error) => resolve({ name, status: 1, output: `${output}${String(error)}\n` }));
      child.on("close", (code, signal) => resolve({ name, status: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }));
    }),
);
let status = 0;
for (const run of runs) {
  const { name, status: code, output, seconds } = await run;
  console.log(`> npm run ${name}${code === 0 ? "" : `: FAILED (exit status ${code})`}${seconds === undefined ? "" : ` [${seconds.toFixed(1)} s]`}`);
  if (output.trim() !== "") console.log(output.trimEnd());
  console.log("");
  if (code !== 0 && status === 0) status = code;
}
process.exit(status);
