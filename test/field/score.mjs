#!/usr/bin/env node
// Scores mcadvisor on incidents written by people who never read its code, rules or samples.
//
//   node test/field/score.mjs ROUND... [--bin path/to/bin/mcadvisor.js] [--json]
//
// A ROUND is a folder of incidents or a .tar.gz of one (test/field/round*.tar.gz: the rounds kept here, each scored
// once on the build of its day before anything was changed for it; see test/field/README.md). Without a ROUND, every
// archive in test/field.
//
// An incident is a folder holding `logs/` (one folder per node, laid out as on the node) and `expected.json`:
//   {
//     "title": "one line",
//     "story": "what happened, as the writer imagined it",
//     "expect": "act" | "investigate" | "healthy" | "resolved",
//     "accept": ["action or rule ids: any one of them open is the right answer"],
//     "forbid": ["action or rule ids that would hurt if shown open"],
//     "year": 2026,            optional: analyze --year
//     "tz": "Europe/Paris",    optional: analyze --tz
//     "args": ["--site", "east=nodeA1,nodeA2"]   optional: more analyze options
//   }
// "act" and "investigate" need exit 1 or 2 and an accepted finding open; "investigate" also accepts any open
// finding whose action is `investigate`. "healthy" and "resolved" need exit 0. A forbidden finding open is wrong
// whatever else is shown. An incident that needed advice and got exit 0 is silent: the false all-clear.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const argv = process.argv.slice(2);
const asJson = argv.includes("--json");
const binAt = argv.indexOf("--bin");
const here = dirname(fileURLToPath(import.meta.url));
const bin = resolve(binAt >= 0 ? argv[binAt + 1] : join(here, "..", "..", "bin", "mcadvisor.js"));
const named = argv.filter((arg, index) => !arg.startsWith("--") && !(binAt >= 0 && index === binAt + 1));
const rounds =
  named.length > 0
    ? named
    : readdirSync(here)
        .filter((name) => name.endsWith(".tar.gz"))
        .sort()
        .map((name) => join(here, name));

const results = [];
const unpacked = [];
for (const round of rounds) {
  let roundDir = round;
  if (round.endsWith(".tar.gz")) {
    const into = mkdtempSync(join(tmpdir(), "mcadvisor-round-"));
    unpacked.push(into);
    const untar = spawnSync("tar", ["-xzf", round, "-C", into], { encoding: "utf8" });
    if (untar.status !== 0) {
      console.error(`${round}: tar failed: ${untar.stderr}`);
      process.exit(3);
    }
    const [top] = readdirSync(into);
    roundDir = join(into, top);
  }
  scoreRound(roundDir, basename(round).replace(/\.tar\.gz$/, ""));
}
for (const dir of unpacked) rmSync(dir, { recursive: true, force: true });

function scoreRound(roundDir, roundName) {
  const incidents = readdirSync(roundDir)
    .filter((name) => existsSync(join(roundDir, name, "expected.json")))
    .sort();
  for (const name of incidents) scoreIncident(join(roundDir, name), `${roundName}/${name}`);
}

function scoreIncident(dir, name) {
  let expected;
  try {
    expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
  } catch (error) {
    results.push({ name, verdict: "broken", why: `expected.json: ${error.message}` });
    return;
  }
  const logs = existsSync(join(dir, "logs")) && statSync(join(dir, "logs")).isDirectory() ? join(dir, "logs") : dir;
  const home = mkdtempSync(join(tmpdir(), "mcadvisor-field-"));
  const args = [bin, "analyze", "--db", join(home, "field.db"), "--format", "json"];
  if (expected.year) args.push("--year", String(expected.year));
  args.push("--tz", expected.tz ?? "UTC");
  if (Array.isArray(expected.args)) args.push(...expected.args.map(String));
  args.push(logs);
  const run = spawnSync(process.execPath, args, {
    encoding: "utf8",
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, "config"), NO_COLOR: "1", MCADVISOR_DB: "" },
    maxBuffer: 64 * 1024 * 1024,
  });
  rmSync(home, { recursive: true, force: true });
  let output;
  try {
    output = JSON.parse(run.stdout);
  } catch {
    results.push({ name, verdict: "broken", why: `exit ${run.status}, no JSON: ${run.stderr.slice(0, 300)}` });
    return;
  }
  const open = (output.findings ?? []).filter((f) => f.status === "open" && !f.supersededBy && !f.acknowledged);
  const ids = new Set(open.flatMap((f) => [f.rule, f.action]));
  const accept = expected.accept ?? [];
  const forbid = expected.forbid ?? [];
  const forbidden = forbid.filter((id) => ids.has(id));
  const accepted = accept.some((id) => ids.has(id)) || (expected.expect === "investigate" && open.some((f) => f.action === "investigate"));
  const exit = run.status;
  const wantsAdvice = expected.expect === "act" || expected.expect === "investigate";
  let verdict;
  let why;
  if (wantsAdvice && (exit === 0 || open.length === 0)) {
    verdict = "silent";
    why = `exit ${exit}, nothing open`;
  } else if (forbidden.length) {
    verdict = "wrong";
    why = `forbidden open: ${forbidden.join(", ")}`;
  } else if (wantsAdvice && !accepted) {
    verdict = "wrong";
    why = `none of ${accept.join(", ") || "(investigate)"} open`;
  } else if (!wantsAdvice && exit !== 0) {
    verdict = "wrong";
    why = `exit ${exit} on a ${expected.expect} incident`;
  } else {
    verdict = "pass";
  }
  results.push({
    name,
    verdict,
    why,
    exit,
    open: open.map((f) => `${f.rule}(${f.action},${f.severity}${f.deviceGroup ? "," + f.deviceGroup : ""})`),
    expect: expected.expect,
    accept,
  });
}

const count = (v) => results.filter((r) => r.verdict === v).length;
if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const r of results) {
    console.log(`${r.verdict.padEnd(6)} ${r.name}${r.why ? `  - ${r.why}` : ""}`);
    if (r.verdict !== "pass" && r.open) console.log(`       expect ${r.expect} [${r.accept.join(", ")}]; open: ${r.open.join(" ") || "-"}`);
  }
  console.log(`${count("pass")} pass, ${count("wrong")} wrong, ${count("silent")} silent, ${count("broken")} broken (of ${results.length})`);
}
process.exit(count("pass") === results.length ? 0 : 1);
