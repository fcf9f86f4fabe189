// What one appended line costs the store, as watch appends it: Store.appendLines with one line, which
// rewrites the file's open last block (uncompressed until full) and moves the checkpoint in one
// transaction. In-process on the built modules; prints p50/p99/max of N appends (default 5000).
// Usage: node bench/append-latency.mjs [--appends N]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const dist = new URL("../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { openDatabase } = await load("store/db.js");
const { Store } = await load("store/store.js");

export function measureAppends(appends = 5000) {
  const folder = mkdtempSync(join(tmpdir(), "mcadvisor-append-"));
  try {
    const store = new Store(openDatabase(join(folder, "append.db")));
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
      const started = performance.now();
      store.appendLines(file.id, [line], { offset: n * 110, lineCount: n, pending: null });
      times.push(performance.now() - started);
    }
    const blocks = store.database.prepare("SELECT count(*) FROM block").pluck().get();
    store.close();
    times.sort((a, b) => a - b);
    const at = (quantile) => Math.round(times[Math.floor((times.length - 1) * quantile)] * 1000) / 1000;
    return {
      appends,
      blocks,
      p50Ms: at(0.5),
      p99Ms: at(0.99),
      maxMs: Math.round(times.at(-1) * 1000) / 1000,
      over1Ms: times.filter((time) => time > 1).length,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const index = process.argv.indexOf("--appends");
  console.log(JSON.stringify(measureAppends(index > 0 ? Number(process.argv[index + 1]) : 5000)));
}
