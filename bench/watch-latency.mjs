// watch figures: append-to-stored-finding latency (p50/p99), the lines/s a watcher keeps up with,
// and CPU while idle. Runs the real built CLI (npm run build first) over a temp node tree.
// Usage: node bench/watch-latency.mjs [--samples 100] [--lines 200000] [--poll]
import { spawn } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const samples = argument("samples", 100);
const bulkLines = argument("lines", 200_000);
const binary = fileURLToPath(new URL("../bin/mcadvisor.js", import.meta.url));
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function stamp(date = new Date()) {
  const month = date.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  return `${month} ${String(date.getUTCDate()).padStart(2, " ")} ${date.toISOString().slice(11, 19)}`;
}

async function until(probe, what, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(2);
  }
}

function startWatch(root, db) {
  const child = spawn(
    process.execPath,
    [binary, "watch", "--db", db, "--root", root, "--format", "json", "--tz", "UTC", ...(process.argv.includes("--poll") ? ["--poll"] : [])],
    {
      env: { ...process.env, TZ: "UTC" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const state = { child, stderr: "", findings: new Map() };
  let partial = "";
  child.stdout.setEncoding("utf8").on("data", (chunk) => {
    const parts = (partial + chunk).split("\n");
    partial = parts.pop();
    const now = performance.now();
    for (const line of parts) if (line) state.findings.set(JSON.parse(line).node, now);
  });
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    state.stderr += chunk;
  });
  return state;
}

function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (1/100 s)
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

const base = mkdtempSync(join(tmpdir(), "mcadvisor-watch-bench-"));
try {
  const root = join(base, "nodeB1");
  const syslog = join(root, "var", "adm", "syslog", "syslog.log");
  mkdirSync(join(root, "var", "adm", "syslog"), { recursive: true });
  mkdirSync(join(root, "etc", "cmcluster"), { recursive: true });
  writeFileSync(syslog, `${stamp()} nodeB1 syslogd: restart\n`);
  const db = join(base, "watch.db");
  const watcher = startWatch(root, db);
  await until(() => watcher.stderr.includes("watching "), "the watcher");

  // 1. Idle CPU over 10 s.
  const idleStart = cpuTicks(watcher.child.pid);
  await pause(10_000);
  const idleCpu = (cpuTicks(watcher.child.pid) - idleStart) / 100 / 10;

  // 2. Latency: one line that opens a finding (a new node each time), until the finding is printed (it is upserted first).
  const latencies = [];
  for (let index = 0; index < samples; index++) {
    const node = `node${index}`;
    const started = performance.now();
    appendFileSync(syslog, `${stamp()} ${node} root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1\n`);
    const seen = await until(() => watcher.findings.get(node), `finding ${index}`, 5000);
    latencies.push(seen - started);
    await pause(20);
  }
  latencies.sort((a, b) => a - b);

  // 3. Throughput: bulk appends (8 MiB at a time, as fast as the disk takes them) until all are stored.
  const reader = new Database(db, { readonly: true });
  const countLines = reader.prepare("SELECT coalesce(sum(line_count), 0) AS n FROM file");
  const before = countLines.get().n;
  const bodies = [
    "cmcld[2034]: Request from root on node nodeA1 to start package pkg1",
    "kernel: vmunix: NFS server not responding still trying",
    "app[77]: routine message number",
    "cmcld[2034]: Service PKG*pkg1*1 is running",
  ];
  const batches = [];
  let batch = "";
  const when = stamp();
  for (let index = 0; index < bulkLines; index++) {
    batch += `${when} nodeB1 ${bodies[index % bodies.length]} ${index}\n`;
    if (batch.length > 8 << 20) {
      batches.push(batch);
      batch = "";
    }
  }
  batches.push(batch);
  const started = performance.now();
  for (const chunk of batches) appendFileSync(syslog, chunk);
  const written = performance.now();
  await until(() => countLines.get().n - before >= bulkLines, "bulk lines", 300_000);
  const stored = performance.now();
  reader.close();
  watcher.child.kill("SIGTERM");
  await new Promise((resolve) => watcher.child.once("exit", resolve));

  console.log(
    JSON.stringify(
      {
        mode: process.argv.includes("--poll") ? "poll" : "inotify",
        idleCpuPercent: Number((idleCpu * 100).toFixed(2)),
        latencyMs: {
          samples,
          p50: Number(percentile(latencies, 50).toFixed(1)),
          p99: Number(percentile(latencies, 99).toFixed(1)),
          max: Number(latencies.at(-1).toFixed(1)),
        },
        throughput: {
          lines: bulkLines,
          writeSeconds: Number(((written - started) / 1000).toFixed(2)),
          storedSeconds: Number(((stored - started) / 1000).toFixed(2)),
          linesPerSecond: Math.round(bulkLines / ((stored - started) / 1000)),
        },
      },
      null,
      2,
    ),
  );
} finally {
  rmSync(base, { recursive: true, force: true });
}
