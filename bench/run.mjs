// `npm run bench`: generate the inputs (deterministic, once), measure mcadvisor against its goals
// (issues 7 and 14) side by side with lnav on the same files in the same run (runs alternate, so the load of
// a shared machine falls on both), and write bench/results/latest.{json,md}.
// Options (flags or environment):
//   --quick / BENCH_QUICK=1     skip the 10M-line step and the CPU profile, one analyze run
//   --skip-10m / BENCH_SKIP_10M=1   skip the 10M-line step only
//   --runs N / BENCH_RUNS=N     analyze and baseline runs on the 1M file (median; default 3)
//   --no-profile                skip the CPU profile of analyze
//   --out DIR                   where latest.json/latest.md go (default bench/results)
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { GENERATOR_VERSION, generateBundle, generateSyslog } from "./lib/generate.mjs";
import { formatMarkdown, judgeGoals, judgeTargets } from "./lib/results.mjs";
import { summariseProfile } from "./lib/profile.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const binary = join(root, "bin", "mcadvisor.js");
const dataDirectory = join(here, "data");
const flag = (name) => process.argv.includes(`--${name}`);
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const quick = flag("quick") || process.env.BENCH_QUICK === "1";
const skip10m = quick || flag("skip-10m") || process.env.BENCH_SKIP_10M === "1";
const runs = Number(option("runs", process.env.BENCH_RUNS ?? (quick ? 1 : 3)));
const profileRun = !quick && !flag("no-profile");
const outDirectory = resolve(option("out", join(here, "results")));
const log = (message) => process.stderr.write(`bench: ${message}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const TIME = "/usr/bin/time";
const hasTime = existsSync(TIME);

// ---- inputs --------------------------------------------------------------------------------------
const inputs = {
  "1m": { path: join(dataDirectory, "syslog-1m", "syslog.log"), lines: 1_000_000, seed: "mcadvisor-bench-1m", start: Date.UTC(2026, 10, 16) },
  "10m": { path: join(dataDirectory, "syslog-10m", "syslog.log"), lines: 10_000_000, seed: "mcadvisor-bench-10m", start: Date.UTC(2026, 9, 1) },
};
const bundleDirectory = join(dataDirectory, "bundle-200k");

function ensureSyslog(name) {
  const input = inputs[name];
  const metaPath = `${input.path}.meta.json`;
  const wanted = { generator: GENERATOR_VERSION, lines: input.lines, seed: input.seed, start: input.start };
  if (existsSync(input.path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, "utf8"));
    if (Object.entries(wanted).every(([key, value]) => meta[key] === value) && statSync(input.path).size === meta.bytes) return meta;
  }
  log(`generating ${input.lines.toLocaleString("en-US")} lines into ${input.path} (seed ${input.seed})`);
  const started = performance.now();
  const written = generateSyslog({ path: input.path, lines: input.lines, seed: input.seed, startMs: input.start });
  const meta = { ...wanted, ...written, generatedInMs: Math.round(performance.now() - started) };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

function ensureBundle() {
  const metaPath = `${bundleDirectory}.meta.json`;
  const wanted = { generator: GENERATOR_VERSION, lines: 200_000, seed: "mcadvisor-bench-bundle" };
  if (existsSync(bundleDirectory) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, "utf8"));
    if (Object.entries(wanted).every(([key, value]) => meta.requested?.[key] === value)) return meta;
  }
  log(`generating the 4-node incident bundle into ${bundleDirectory}`);
  rmSync(bundleDirectory, { recursive: true, force: true });
  const written = generateBundle({ directory: bundleDirectory, samplesDirectory: join(root, "samples"), lines: wanted.lines, seed: wanted.seed });
  const meta = { requested: wanted, ...written };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

// ---- measuring a whole process ------------------------------------------------------------------
/** Runs a command to completion: wall ms, peak RSS (VmHWM via /usr/bin/time -v), stdout. */
function measureProcess(command, args, { env = {}, cwd = root } = {}) {
  const full = hasTime ? [TIME, ["-v", command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawnSync(full[0], full[1], { cwd, env: { ...process.env, ...env }, maxBuffer: 1 << 30, encoding: "utf8" });
  const wallMs = performance.now() - started;
  if (child.error) throw child.error;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? "");
  const cpuUser = /User time \(seconds\): ([\d.]+)/.exec(child.stderr ?? "");
  const cpuSystem = /System time \(seconds\): ([\d.]+)/.exec(child.stderr ?? "");
  return {
    status: child.status,
    wallMs,
    stdout: child.stdout,
    stderr: child.stderr,
    peakRssBytes: rss ? Number(rss[1]) * 1024 : null,
    cpuMs: cpuUser && cpuSystem ? (Number(cpuUser[1]) + Number(cpuSystem[1])) * 1000 : null,
  };
}

/**
The same as measureProcess, asynchronously, sampling the process's resident set (VmRSS) and the size of
`watchFile` (the database) every 200 ms: where in the run the peak falls (while the database still grows =
ingest; after = correlation and output).
*/
async function measureProcessSampled(command, args, { env = {}, cwd = root, watchFile } = {}) {
  const full = hasTime ? [TIME, ["-v", command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(full[0], full[1], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  let status = null;
  void exited.then((code) => {
    status = code;
  });
  const timeline = [];
  const measuredPid = () => {
    if (!hasTime) return child.pid;
    try {
      return Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(" ")[0]) || null;
    } catch {
      return null;
    }
  };
  while (status === null) {
    const pid = measuredPid();
    if (pid) {
      try {
        const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        const dbBytes = watchFile && existsSync(watchFile) ? statSync(watchFile).size : 0;
        if (rss) timeline.push({ ms: Math.round(performance.now() - started), rssBytes: Number(rss[1]) * 1024, dbBytes });
      } catch {
        // the process is exiting
      }
    }
    await Promise.race([exited, pause(200)]);
  }
  const wallMs = performance.now() - started;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const cpuUser = /User time \(seconds\): ([\d.]+)/.exec(stderr);
  const cpuSystem = /System time \(seconds\): ([\d.]+)/.exec(stderr);
  return {
    status,
    wallMs,
    stdout,
    stderr,
    timeline,
    peakRssBytes: rss ? Number(rss[1]) * 1024 : Math.max(0, ...timeline.map((sample) => sample.rssBytes)) || null,
    cpuMs: cpuUser && cpuSystem ? (Number(cpuUser[1]) + Number(cpuSystem[1])) * 1000 : null,
  };
}

/** Where the sampled RSS peaked: ms into the run, and how much of the final database was written by then. */
function peakOf(timeline) {
  if (timeline.length === 0) return null;
  const finalDb = timeline.at(-1).dbBytes || 1;
  const peak = timeline.reduce((best, sample) => (sample.rssBytes > best.rssBytes ? sample : best));
  const ingestEnd = timeline.find((sample) => sample.dbBytes >= finalDb)?.ms ?? null;
  const during = (from, to) => timeline.filter((sample) => sample.ms >= from && sample.ms <= to).map((sample) => sample.rssBytes);
  const maxOf = (values) => (values.length ? Math.max(...values) : null);
  return {
    sampledPeakRssBytes: peak.rssBytes,
    atMs: peak.ms,
    databaseWrittenAtPeak: Math.round((peak.dbBytes / finalDb) * 100) / 100,
    ingestEndMs: ingestEnd,
    maxRssDuringIngestBytes: maxOf(during(0, ingestEnd ?? Infinity)),
    maxRssAfterIngestBytes: ingestEnd === null ? null : maxOf(during(ingestEnd + 1, Infinity)),
    samples: timeline.length,
    runMs: timeline.at(-1).ms,
  };
}

function summarise(samples, lines, bytes) {
  const wallMs = median(samples.map((sample) => sample.wallMs));
  return {
    runs: samples.length,
    wallMs: Math.round(wallMs),
    wallMsAll: samples.map((sample) => Math.round(sample.wallMs)),
    cpuMs: samples[0].cpuMs === null ? null : Math.round(median(samples.map((sample) => sample.cpuMs))),
    linesPerSecond: Math.round(lines / (wallMs / 1000)),
    mbPerSecond: Math.round((bytes / 1e6 / (wallMs / 1000)) * 10) / 10,
    peakRssBytes: Math.max(...samples.map((sample) => sample.peakRssBytes ?? 0)) || null,
  };
}

const scratch = join(dataDirectory, "scratch");
const freshDatabase = (name) => {
  mkdirSync(scratch, { recursive: true });
  const path = join(scratch, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm", ".lock"]) rmSync(`${path}${suffix}`, { force: true });
  return path;
};
/** Every file under a folder (sorted). */
function listFiles(directory) {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(directory, entry.name);
      return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
    })
    .sort();
}

const databaseBytes = (path) => ["", "-wal"].reduce((sum, suffix) => sum + (existsSync(`${path}${suffix}`) ? statSync(`${path}${suffix}`).size : 0), 0);

/**
Runs analyze on an input `count` times, each run right after one of lnav on the same files when lnav is
installed (side by side: both see the same load). Keeps the last run's database when `keep` (the search
bench reads it); the caller removes it.
*/
async function analyzeRuns(
  name,
  meta,
  count,
  { keep = false, paths = [inputs[name]?.path], lnavFiles = paths, lnavTable = "syslog_log", env = {}, label = name } = {},
) {
  const samples = [];
  const lnavSamples = [];
  let last = null;
  for (let run = 0; run < count; run++) {
    const lnav = lnavRun(lnavFiles, lnavTable);
    if (lnav) lnavSamples.push(lnav);
    const db = freshDatabase(`analyze-${label}`);
    log(`analyze ${label} run ${run + 1}/${count}`);
    const result = await measureProcessSampled(process.execPath, [binary, "analyze", "--db", db, "--format", "json", "--tz", "UTC", ...paths], {
      env: { TZ: "UTC", ...env },
      watchFile: db,
    });
    if (result.status !== 0 && result.status !== 1 && result.status !== 2)
      throw new Error(`analyze ${label} failed (${result.status}): ${result.stderr.slice(-2000)}`);
    const document = JSON.parse(result.stdout);
    samples.push(result);
    last = { document, db, bytes: databaseBytes(db) };
    if (run < count - 1 || !keep) rmSync(db, { force: true });
  }
  const lines = meta.lines ?? last.document.inputs.lines;
  const summary = summarise(samples, lines, meta.bytes);
  const database = { path: keep ? last.db : null, bytes: last.bytes, bytesPerMillionLines: Math.round((last.bytes / lines) * 1e6) };
  const lnav =
    lnavSamples.length > 0
      ? {
          ...summarise(lnavSamples, lines, meta.bytes),
          rows: Number(/(\d+)\s*$/.exec(lnavSamples[0].stdout.trim())?.[1] ?? NaN),
          ratios: samples.map((sample, index) => Math.round((sample.wallMs / lnavSamples[index].wallMs) * 100) / 100),
        }
      : null;
  return {
    ...summary,
    lines,
    inputBytes: meta.bytes,
    linesStored: last.document.inputs.lines,
    events: last.document.inputs.events,
    unparsed: last.document.inputs.unparsed,
    findings: last.document.findings.length,
    database,
    lnav,
    ratioVsLnav: lnav ? median(lnav.ratios) : null,
    rssPeak: peakOf(samples.reduce((worst, sample) => ((sample.peakRssBytes ?? 0) >= (worst.peakRssBytes ?? 0) ? sample : worst)).timeline),
  };
}

// ---- baselines ----------------------------------------------------------------------------------
function readlineBaseline(meta, count) {
  const samples = [];
  for (let run = 0; run < count; run++) samples.push(measureProcess(process.execPath, [join(here, "baseline-readline.mjs"), inputs["1m"].path]));
  return { ...summarise(samples, meta.lines, meta.bytes), output: JSON.parse(samples[0].stdout) };
}

function lnavVersion() {
  const probe = spawnSync("lnav", ["-V"], { encoding: "utf8" });
  return probe.error || probe.status !== 0 ? null : probe.stdout.trim();
}

const lnavHome = join(dataDirectory, "lnav-home");

/** One headless lnav run over `files` (its configuration kept in bench/data), or null when lnav is missing. */
function lnavRun(files, table = "syslog_log") {
  if (!lnavVersion()) return null;
  // lnav writes its configuration under $HOME / $XDG_CONFIG_HOME on first run: keep that in bench/data.
  mkdirSync(lnavHome, { recursive: true });
  return measureProcess("lnav", ["-n", "-c", `;SELECT count(*) FROM ${table}`, ...files], { env: { HOME: lnavHome, XDG_CONFIG_HOME: lnavHome } });
}

// ---- first finding on the bundle ---------------------------------------------------------------
const pause = (ms) => new Promise((resolvePause) => setTimeout(resolvePause, ms));

/** Polls a database read-only for its first finding row (absent or locked counts as none yet). */
function findingProbe(db) {
  let reader = null;
  return {
    first() {
      try {
        reader ??= new Database(db, { readonly: true, fileMustExist: true });
        return reader.prepare("SELECT action FROM finding ORDER BY first_seen LIMIT 1").get() ?? null;
      } catch {
        reader?.close();
        reader = null;
        return null;
      }
    },
    close() {
      reader?.close();
    },
  };
}

async function firstFindingAnalyze() {
  const db = freshDatabase("bundle-analyze");
  const probe = findingProbe(db);
  const started = performance.now();
  const child = spawn(process.execPath, [binary, "analyze", "--db", db, "--format", "json", "--tz", "UTC", bundleDirectory], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    stdout += chunk;
  });
  const exited = new Promise((resolveExit) => child.once("exit", resolveExit));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  let firstFindingMs = null;
  let action = null;
  while (!done) {
    const row = probe.first();
    if (row) {
      firstFindingMs = performance.now() - started;
      action = row.action;
      break;
    }
    await pause(5);
  }
  await exited;
  const wallMs = performance.now() - started;
  probe.close();
  const document = JSON.parse(stdout);
  // What watch will store: every file but the .gz archives (watch does not follow archives).
  let followableLines = null;
  const reader = new Database(db, { readonly: true });
  try {
    followableLines = reader.prepare("SELECT coalesce(sum(line_count), 0) AS n FROM file WHERE path NOT LIKE '%.gz'").get().n;
  } finally {
    reader.close();
  }
  if (firstFindingMs === null && document.findings.length > 0) {
    firstFindingMs = wallMs;
    action = document.findings[0].action;
  }
  rmSync(db, { force: true });
  return {
    firstFindingMs: firstFindingMs && Math.round(firstFindingMs),
    wallMs: Math.round(wallMs),
    action,
    actions: document.findings.map((finding) => finding.action),
    lines: document.inputs.lines,
    followableLines,
  };
}

async function firstFindingWatch(totalLines) {
  const copy = join(scratch, "bundle-watch");
  rmSync(copy, { recursive: true, force: true });
  cpSync(bundleDirectory, copy, { recursive: true, preserveTimestamps: true });
  const db = freshDatabase("bundle-watch");
  const started = performance.now();
  const child = spawn(process.execPath, [binary, "watch", "--db", db, "--format", "json", "--tz", "UTC", copy], {
    env: { ...process.env, TZ: "UTC" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let firstFindingMs = null;
  let action = null;
  let partial = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop();
    for (const line of parts) {
      if (!line || firstFindingMs !== null) continue;
      firstFindingMs = performance.now() - started;
      action = JSON.parse(line).action;
    }
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr += chunk;
  });
  // Caught up: every line of the bundle stored (polled read-only).
  let caughtUpMs = null;
  let reader = null;
  const deadline = performance.now() + 120_000;
  while (performance.now() < deadline && (caughtUpMs === null || firstFindingMs === null)) {
    try {
      reader ??= new Database(db, { readonly: true, fileMustExist: true });
      const stored = reader.prepare("SELECT coalesce(sum(line_count), 0) AS n FROM file").get().n;
      if (stored >= totalLines && caughtUpMs === null) caughtUpMs = performance.now() - started;
    } catch {
      reader?.close();
      reader = null;
    }
    await pause(10);
  }
  reader?.close();
  child.kill("SIGTERM");
  await new Promise((resolveExit) => child.once("exit", resolveExit));
  rmSync(copy, { recursive: true, force: true });
  rmSync(db, { force: true });
  return {
    firstFindingMs: firstFindingMs && Math.round(firstFindingMs),
    caughtUpMs: caughtUpMs && Math.round(caughtUpMs),
    action,
    stderr: stderr.slice(0, 500),
  };
}

// ---- the rest -----------------------------------------------------------------------------------
function runJson(script, args) {
  const child = spawnSync(process.execPath, [join(here, script), ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  if (child.status !== 0) return { error: `${script} exited ${child.status}: ${child.stderr.slice(-1000)}` };
  return JSON.parse(child.stdout);
}

function profileAnalyze() {
  const directory = join(scratch, "profile");
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const db = freshDatabase("profile");
  const child = spawnSync(
    process.execPath,
    ["--cpu-prof", "--cpu-prof-dir", directory, binary, "analyze", "--db", db, "--format", "json", "--tz", "UTC", inputs["1m"].path],
    { cwd: root, env: { ...process.env, TZ: "UTC" }, encoding: "utf8", maxBuffer: 1 << 28 },
  );
  rmSync(db, { force: true });
  const file = readdirSync(directory).find((name) => name.endsWith(".cpuprofile"));
  if (!file) return { error: `no profile written (exit ${child.status})` };
  const summary = summariseProfile(join(directory, file), { top: 15, root: `${root}/` });
  return { input: "the 1M-line syslog", ...summary };
}

function machine() {
  const sqliteVersion = (() => {
    const database = new Database(":memory:");
    try {
      return database.prepare("SELECT sqlite_version() AS v").get().v;
    } finally {
      database.close();
    }
  })();
  const betterSqlite3 = JSON.parse(readFileSync(join(root, "node_modules", "better-sqlite3", "package.json"), "utf8")).version;
  return {
    cpuModel: cpus()[0]?.model ?? "?",
    cores: cpus().length,
    memoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    sqlite: sqliteVersion,
    betterSqlite3,
    lnav: lnavVersion(),
    loadStart: loadavg()
      .map((value) => value.toFixed(2))
      .join(" "),
  };
}

// ---- main ---------------------------------------------------------------------------------------
const results = { date: new Date().toISOString(), options: { quick, skip10m, runs, profile: profileRun }, machine: machine(), notes: [] };
const benchStarted = performance.now();
const meta1m = ensureSyslog("1m");
const bundleMeta = ensureBundle();
const meta10m = skip10m ? null : ensureSyslog("10m");
results.inputs = { "1m": meta1m, bundle: bundleMeta, ...(meta10m ? { "10m": meta10m } : {}) };

log("start-up: --version, and analyze of a one-line bundle");
{
  const bundle = join(scratch, "one-line");
  mkdirSync(join(bundle, "nodeA1", "var", "adm", "syslog"), { recursive: true });
  writeFileSync(
    join(bundle, "nodeA1", "var", "adm", "syslog", "syslog.log"),
    "Nov 20 16:31:02 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.\n",
  );
  const repeat = (count, args) => {
    const samples = [];
    for (let run = 0; run < count; run++) {
      const db = freshDatabase("one-line");
      samples.push(measureProcess(process.execPath, [binary, ...args.map((arg) => (arg === "DB" ? db : arg))]));
    }
    return {
      wallMs: Math.round(median(samples.map((sample) => sample.wallMs))),
      cpuMs: samples[0].cpuMs === null ? null : Math.round(median(samples.map((sample) => sample.cpuMs))),
      peakRssBytes: Math.max(...samples.map((sample) => sample.peakRssBytes ?? 0)) || null,
      runs: count,
    };
  };
  repeat(1, ["analyze", "--db", "DB", bundle]); // the compiled-rule cache is written by the first run
  results.startup = { version: repeat(5, ["--version"]), analyzeOneLine: repeat(5, ["analyze", "--db", "DB", "--format", "json", bundle]) };
  // Node itself, for scale: what no code of ours can go below.
  results.startup.node = (() => {
    const samples = Array.from({ length: 5 }, () => measureProcess(process.execPath, ["-e", ""]));
    return {
      wallMs: Math.round(median(samples.map((sample) => sample.wallMs))),
      cpuMs: samples[0].cpuMs === null ? null : Math.round(median(samples.map((sample) => sample.cpuMs))),
    };
  })();
}
log("baselines on the 1M file");
results.baselines = { readline: readlineBaseline(meta1m, runs) };
results.analyze = { "1m": await analyzeRuns("1m", meta1m, runs, { keep: true }) };
// The same with the parse worker forced (auto uses it only when a core is free), lnav beside again: what the second thread changes here.
log("analyze 1M with the parse worker (MCADVISOR_PARSE_THREAD=worker)");
results.analyze["1m-worker"] = await analyzeRuns("1m", meta1m, runs, { env: { MCADVISOR_PARSE_THREAD: "worker" }, label: "1m-worker" });
if (results.analyze["1m"].lnav) results.baselines.lnav = { installed: true, version: lnavVersion(), ...results.analyze["1m"].lnav };
else results.baselines.lnav = { installed: false };
log("search and read-back on the 1M database (bench/search.mjs)");
{
  const database = results.analyze["1m"].database;
  results.search = runJson("search.mjs", [database.path]);
  // The database with its search index built: what a million lines cost on disk once searched.
  const withIndex = database.bytes + (results.search.build?.indexBytes ?? 0);
  database.withSearchIndexBytes = withIndex;
  database.withSearchIndexPerMillionLines = Math.round((withIndex / results.analyze["1m"].lines) * 1e6);
  for (const suffix of ["", "-wal", "-shm", ".search", ".search-wal", ".search-shm", ".lock"]) rmSync(`${database.path}${suffix}`, { force: true });
}
log("samples/ (every bundled incident) and lnav on the same files");
{
  const files = listFiles(join(root, "samples")).filter((path) => !/\/(tools|README\.md$)|expected-findings\.json$/.test(path.slice(root.length)));
  const bytes = files.reduce((sum, path) => sum + statSync(path).size, 0);
  results.analyze.samples = await analyzeRuns("samples", { bytes, lines: null }, runs, {
    paths: [join(root, "samples")],
    lnavFiles: files,
    lnavTable: "all_logs",
  });
  results.analyze.samples.files = files.length;
}
log("first finding on the bundle");
{
  const analyzeFirst = await firstFindingAnalyze();
  // Every file of the bundle is stored line by line (configuration files too); watch skips the .gz archives.
  results.firstFinding = {
    lines: analyzeFirst.lines,
    incident: bundleMeta.incident,
    analyze: analyzeFirst,
    watch: await firstFindingWatch(analyzeFirst.followableLines),
  };
}
log("stages (in-process)");
results.stages = runJson("stages.mjs", [inputs["1m"].path]);
log("SQLite floor of the rejected layout (a row per line)");
results.sqliteFloor = runJson("sqlite-floor.mjs", [inputs["1m"].path]);
log("one appended line into the open last block (bench/append-latency.mjs)");
results.appendLatency = runJson("append-latency.mjs", ["--appends", "5000"]);
log("watch latency and idle CPU (bench/watch-latency.mjs)");
results.watch = runJson("watch-latency.mjs", ["--samples", "100", "--lines", "200000"]);
if (profileRun) {
  log("CPU profile of analyze 1M");
  results.profile = profileAnalyze();
}
if (meta10m) results.analyze["10m"] = await analyzeRuns("10m", meta10m, 1);
rmSync(scratch, { recursive: true, force: true });

results.machine.loadEnd = loadavg()
  .map((value) => value.toFixed(2))
  .join(" ");
const busy = Number(results.machine.loadStart.split(" ")[0]) > 0.5 || Number(results.machine.loadEnd.split(" ")[0]) > 1.5;
results.machine.shared =
  process.env.BENCH_SHARED ?? (busy ? "yes: other work ran on the same cores during the run (see the load averages)" : "no other load seen");
results.benchMs = Math.round(performance.now() - benchStarted);
if (results.baselines.lnav.installed) {
  results.notes.push(
    `lnav counts ${results.baselines.lnav.rows?.toLocaleString("en-US")} syslog_log rows for the ${meta1m.lines.toLocaleString("en-US")} lines: it folds lines it does not recognise as a new message (e.g. \`last message repeated\`) into the message above.`,
  );
  const samples = results.analyze.samples;
  if (samples?.lnav)
    results.notes.push(
      `samples/: lnav is given the same ${samples.files} files (all_logs counts ${samples.lnav.rows?.toLocaleString("en-US")} messages: it reads configuration and environment files as plain text); analyze stores all ${samples.linesStored?.toLocaleString("en-US")} lines.`,
    );
}
results.notes.push(
  `readline baseline: its one regex matches ${results.baselines.readline.output.matched.toLocaleString("en-US")} of ${meta1m.lines.toLocaleString("en-US")} lines (not \`EMS [pid]:\` nor \`last message repeated\`).`,
);
results.goals = judgeGoals(results);
results.targets = judgeTargets(results);

// ---- phrasing recall (issue 12): the share of test/phrasings/ the parser reads; bench/recall.mjs --failures lists the misses
results.recall = runJson("recall.mjs", ["--json"]);
log(
  results.recall.error ?? `phrasing recall: ${results.recall.passed}/${results.recall.total} (${(100 * results.recall.recall).toFixed(1)}%) of test/phrasings/`,
);

mkdirSync(outDirectory, { recursive: true });
writeFileSync(join(outDirectory, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(outDirectory, "latest.md"), formatMarkdown(results));
log(`wrote ${join(outDirectory, "latest.json")} and latest.md in ${(results.benchMs / 1000).toFixed(0)} s`);
process.stdout.write(formatMarkdown(results));
