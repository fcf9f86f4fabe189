// What one appended line costs the store, as watch appends it: Store.appendLines with one line, which
// rewrites the file's open last block (uncompressed until full) and moves the checkpoint in one
// transaction, on a connection set up as watch's (db.ts WalCheckpoints: the WAL checkpointed from the
// tick, the automatic checkpoint only a backstop). The appends never pause, so no tick runs: the worst
// case, where the backstop checkpoints inside a commit. In-process on the built modules; prints
// p50/p99/max of N appends (default 5000) in wall time, the same in CPU time of the process (a loaded
// machine preempts: wall-time tails then measure the scheduler), and the garbage collections seen.
// Usage: node bench/append-latency.mjs [--appends N]
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { GCProfiler } from "node:v8";

const dist = new URL("../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { openDatabase, WalCheckpoints } = await load("store/db.js");
const { Store } = await load("store/store.js");

export function measureAppends(appends = 5000) {
  const folder = mkdtempSync(join(tmpdir(), "mcadvisor-append-"));
  try {
    const store = new Store(openDatabase(join(folder, "append.db")));
    new WalCheckpoints(store.database);
    const profiler = new GCProfiler();
    profiler.start();
    const file = store.addFile({
      path: join(folder, "syslog.log"),
      bundle: folder,
      hostHint: null,
      packageHint: null,
      kind: "syslog",
      fingerprint: "append",
      headBytes: 4096,
      dev: null,
      ino: null,
      size: 0,
      mtime: null,
    });
    const start = Date.UTC(2026, 10, 16);
    const times = [];
    const cpuTimes = [];
    for (let n = 1; n <= appends; n++) {
      const text = `Nov 16 00:00:00 nodeB1 cmcld[2048]: an appended line, number ${n}, about as long as a syslog line usually is`;
      const line = {
        lineNo: n,
        ts: start + n * 1000,
        host: "nodeB1",
        program: "cmcld",
        package: null,
        format: "syslog",
        text,
        events: n % 10 === 0 ? [{ kind: "bench.event", fields: { n } }] : [],
      };
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      store.appendLines(file.id, [line], { offset: n * 110, lineCount: n, pending: null });
      times.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStarted);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    const blocks = store.database.prepare("SELECT count(*) FROM block").pluck().get();
    store.close();
    const collections = profiler.stop().statistics;
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    const round = (ms) => Math.round(ms * 1000) / 1000;
    const at = (quantile, sorted = times) => round(sorted[Math.floor((sorted.length - 1) * quantile)]);
    return {
      appends,
      blocks,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: Math.round(times.at(-1) * 1000) / 1000,
      over1Ms: times.filter((time) => time > 1).length,
      cpuP50Ms: at(0.5, cpuTimes),
      cpuP99Ms: at(0.99, cpuTimes),
      cpuOver1Ms: cpuTimes.filter((time) => time > 1).length,
      collections: collections.length,
      collectionsMs: round(collections.reduce((sum, entry) => sum + entry.cost, 0) / 1000),
      load: loadavg()
        .map((value) => value.toFixed(2))
        .join(" "),
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const index = process.argv.indexOf("--appends");
  console.log(JSON.stringify(measureAppends(index > 0 ? Number(process.argv[index + 1]) : 5000)));
}
