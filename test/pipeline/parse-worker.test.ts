/**
The parse worker (src/pipeline/parse-source.ts): it never runs more than its bound of batches ahead
of the thread that stores them, what analyze stores and concludes is the same whichever thread
parsed, and a worker that dies is an error that loses no line.
*/
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { correlateBundle } from "../../src/pipeline/correlate.js";
import { ingestFile } from "../../src/pipeline/ingest.js";
import { inThread, ParseWorkerError, WorkerParseSource } from "../../src/pipeline/parse-source.js";
import { isReadFact } from "../../src/model/events.js";
import type { ParseJob } from "../../src/pipeline/parse-batches.js";
import { discoverInputs } from "../../src/ingest/discover.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";

const rules = loadRules([]).rules;

/** A year-less syslog of `count` lines from `host`, one second apart from `startSecond`, with a Serviceguard line now and then. */
function syslog(host: string, count: number, startSecond: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const at = new Date(Date.UTC(2026, 10, 20, 8, 0, startSecond + index));
    const stamp = `Nov ${String(at.getUTCDate()).padStart(2, " ")} ${at.toISOString().slice(11, 19)}`;
    lines.push(
      index % 50 === 7
        ? `${stamp} ${host} cmcld[2048]: Warning: cmcld was unable to run for the last 4.2 seconds. Consult the Managing Serviceguard manual for guidance.`
        : `${stamp} ${host} sshd[${1000 + index}]: Accepted publickey for oper from 10.0.0.${index % 250} port ${20000 + index} ssh2`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function writeNodeSyslog(bundle: string, host: string, text: string): string {
  const folder = join(bundle, host, "var", "adm", "syslog");
  mkdirSync(folder, { recursive: true });
  const path = join(folder, "syslog.log");
  writeFileSync(path, text);
  return path;
}

function jobFor(path: string, batchLines: number): ParseJob {
  return {
    path,
    compressed: false,
    kind: "syslog",
    hostHint: "nodeA1",
    packageHint: null,
    offset: 0,
    lineCount: 0,
    reference: { reference: Date.UTC(2026, 10, 25), source: "mtime" },
    zoneOffset: null,
    batchLines,
    hashContent: true,
  };
}

/** Everything analyze stored, as comparable rows. */
function contents(store: Store): Record<string, unknown[]> {
  const all = (sql: string): unknown[] => store.database.prepare(sql).all();
  return {
    lines: all("SELECT f.path, l.line_no, l.ts, l.host, l.program, l.text FROM log_lines l JOIN file f ON f.path = l.file ORDER BY f.path, l.line_no"),
    events: all(
      "SELECT f.path, e.line_no, e.kind, e.ts, e.host, e.package, e.device_group, e.node, e.fields, e.raw FROM event e JOIN file f ON f.id = e.file_id ORDER BY f.path, e.line_no, e.id",
    ),
    findings: all("SELECT id, bundle, rule, action, severity, status, first_seen, last_seen, resolved_at, evidence, steps FROM finding ORDER BY id"),
    files: all("SELECT path, offset, line_count, parser_context, content_hash FROM file ORDER BY path"),
    // The rows themselves, compressed text and packed columns byte for byte (sealed in the worker or on this thread).
    blocks: all(
      "SELECT f.path, b.first_line, b.line_count, b.start_offset, b.end_offset, b.ts_min, b.ts_max, b.untimed, b.text_bytes, b.codec, b.columns, b.text FROM block b JOIN file f ON f.id = b.file_id ORDER BY f.path, b.first_line",
    ),
  };
}

describe("parse worker", () => {
  it("never has more batches in flight than its bound, however slow the consumer", async () => {
    const path = writeNodeSyslog(tempDir(), "nodeA1", syslog("nodeA1", 20_000, 0));
    const source = new WorkerParseSource({ maxInFlight: 2 });
    try {
      let lineTotal = 0;
      const eventLines: number[] = [];
      const sealed: number[] = [];
      const codecs = new Set<string>();
      for await (const message of source.read(jobFor(path, 500))) {
        if (message.type !== "slim") continue;
        lineTotal += message.totals.lines;
        for (const line of message.lines) if (line.events.some((event) => isReadFact(event.kind))) eventLines.push(line.lineNo);
        for (const { firstLine, block } of message.blocks) {
          sealed.push(firstLine, block.lineCount);
          codecs.add(block.codec);
        }
        // A slow store: the worker is far faster, so it waits on the bound.
        await sleep(15);
      }
      expect(lineTotal).toBe(20_000);
      // Slim batches: every line that gave events crossed (one in 50 is a Serviceguard line; node.seen marks cross too).
      expect(eventLines).toEqual(Array.from({ length: 400 }, (_, index) => index * 50 + 8));
      expect(source.stats.batches).toBe(41); // 40 full batches and the final (empty) one
      expect(source.stats.maxInFlight).toBeLessThanOrEqual(2);
      expect(source.stats.maxInFlight).toBe(2);
      // The worker packed every block, the last one too (the file was read to its end): one after the other. It left
      // their texts for the main thread to compress.
      expect([...codecs]).toEqual(["none"]);
      let next = 1;
      for (let index = 0; index < sealed.length; index += 2) {
        expect(sealed[index]).toBe(next);
        next += sealed[index + 1];
      }
      expect(next).toBe(20_001);
    } finally {
      await source.close();
    }
  });

  it("gives analyze the same lines, events and findings as parsing on one thread", async () => {
    const root = tempDir();
    const bundle = join(root, "incident");
    cpSync(join(import.meta.dirname, "..", "..", "samples", "links-fence-never-primary-restart"), bundle, { recursive: true });
    // Two more nodes' logs: the second starts before the first ends (the rules' feed falls back to the replay).
    writeNodeSyslog(join(root, "busy"), "nodeA1", syslog("nodeA1", 8_000, 0));
    writeNodeSyslog(join(root, "busy"), "nodeB1", syslog("nodeB1", 8_000, 600));
    const runs = await Promise.all(
      (["main", "worker"] as const).map(async (parseThread) => {
        const store = new Store(openDatabase(join(root, `${parseThread}.db`)));
        const result = await analyzePaths(store, { paths: [bundle, join(root, "busy")], rules, timeZone: "UTC", parseThread, batchLines: 1000 });
        const stored = contents(store);
        // The findings fed as lines arrived are those a replay of the stored events gives.
        const replayed = result.bundles.flatMap((name) => correlateBundle(store, name, rules));
        const afterReplay = contents(store).findings;
        store.close();
        return { result, stored, replayed, afterReplay };
      }),
    );
    const [main, worker] = runs;
    expect(main.stored.lines.length).toBe(main.result.newLines);
    expect(main.stored.findings.length).toBeGreaterThan(0);
    expect(worker.stored).toEqual(main.stored);
    expect(worker.afterReplay).toEqual(main.stored.findings);
    expect(main.afterReplay).toEqual(main.stored.findings);
    expect(worker.result.newLines).toBe(main.result.newLines);
  });

  it("reports a worker that dies as an error, and loses no line: the next run reads the rest", async () => {
    const bundle = tempDir();
    writeNodeSyslog(bundle, "nodeA1", syslog("nodeA1", 5_000, 0));
    const [input] = discoverInputs([bundle]).files;
    const store = new Store(openDatabase(join(tempDir(), "crash.db")));
    const crashing = new WorkerParseSource({ url: new URL("../fixtures/parse-worker/crashing-worker.mjs", import.meta.url) });
    try {
      const failed = ingestFile(store, input, { source: crashing, batchLines: 1000 });
      await expect(failed).rejects.toBeInstanceOf(ParseWorkerError);
      await expect(failed).rejects.toThrow(/parse worker failed: simulated failure/);
    } finally {
      await crashing.close();
    }
    // What was committed before the failure stays, with its checkpoint.
    expect(store.fileById(1)?.lineCount).toBeGreaterThanOrEqual(1000);
    await ingestFile(store, input, { source: inThread, batchLines: 1000 });
    const stored = store.database.prepare("SELECT line_no, text FROM log_lines ORDER BY line_no").all() as { line_no: number; text: string }[];
    expect(stored.map((row) => row.line_no)).toEqual(Array.from({ length: 5_000 }, (_, index) => index + 1));
    expect(stored.map((row) => row.text).join("\n")).toBe(syslog("nodeA1", 5_000, 0).trimEnd());
    store.close();
  });
});
