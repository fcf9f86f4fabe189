/**
Where parsed batches come from: the parse worker (a second thread reads and parses while this one
stores and correlates), or this thread (small inputs, where starting a thread costs more than it
saves, and `MCADVISOR_PARSE_THREAD=main` for comparing the two). Both run parse-batches.ts, so what
is stored is the same either way (test/pipeline/parse-worker.test.ts).
*/

import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { McAdvisorError } from "../errors.js";
import type { ReadAhead } from "../ingest/source.js";
import { parseBatches, type ParseEnd, type ParseJob, type ParseMessage, type ParsedBatch } from "./parse-batches.js";
import { slimBatch, unpackBatch, type PackedBatch, type SlimBatch } from "./batch-transfer.js";
import type { ToWorker, WorkerSettings } from "./parse-worker.js";

/** The parse worker stopped (a bug, or memory): what was stored before stays stored with its checkpoint. */
export class ParseWorkerError extends McAdvisorError {}

/**
A file's batches, in order. Call `next()` for the next one only once the previous batch is committed:
that is the acknowledgement the worker waits for (back-pressure).
*/
export interface ParseSource {
  /**
  Batches parsed here come as they are; a worker's come slim (batch-transfer.ts). `readAhead`: the file's first
  read, made by identify; a source that parses here reads on from it, the worker's leaves it to the caller.
  */
  read(job: ParseJob, readAhead?: ReadAhead): AsyncIterable<ParseMessage | SlimBatch>;
  close(): Promise<void>;
}

/** Batches parsed on this thread. */
export const inThread: ParseSource = {
  read: (job, readAhead) => parseBatches(job, readAhead),
  close: async () => {},
};

/**
Batches the worker may post before the main thread has committed the first: parsing runs ahead by this much.
Two keep the worker busy while the main thread stores one; each more is a batch of lines held on both sides
(1M bench syslog, forced worker, peak RSS: 4 in flight 300 MiB, 2 in flight 252-282 MiB, 1 265 MiB, load 5-7).
*/
export const DEFAULT_MAX_IN_FLIGHT = 2;

/**
The worker's young generation (V8's new space), in MiB. Left at V8's default it grows to some 48 MiB beside
the main thread's own. 1M bench syslog, forced worker, 2 in flight, 3 pairs each at load 6-7, peak RSS and
CPU against the default: 8 MiB 224 vs 246 MiB, CPU 0.82x (pairs 0.70-1.05: no cost seen); 4 MiB 218 vs
258 MiB but CPU 1.15x (pairs 1.02-1.19): a batch's lines, alive until it is packed, outgrow a 4 MiB young
generation and are promoted.
*/
const WORKER_YOUNG_GENERATION_MB = 8;

/**
The compiled worker, beside this module both in dist/pipeline/ and in the bundled CLI (dist/bundle/, where it is an
entry of its own). Under vitest this module is TypeScript source, and the worker is the built one (npm test builds first).
*/
function workerUrl(): URL {
  const own = new URL(import.meta.url);
  if (!own.pathname.endsWith(".ts")) return new URL("./parse-worker.js", own);
  const built = new URL("../../dist/pipeline/parse-worker.js", own);
  if (!existsSync(fileURLToPath(built))) throw new ParseWorkerError("the parse worker is not built", { hint: "run `npm run build`" });
  return built;
}

/** What a worker source saw, for tests: the most batches posted and not yet acknowledged at one time. */
export interface WorkerStats {
  maxInFlight: number;
  batches: number;
}

/** Batches parsed by a worker thread; one worker serves the files of a run one after the other. */
export class WorkerParseSource implements ParseSource {
  readonly stats: WorkerStats = { maxInFlight: 0, batches: 0 };
  private readonly worker: Worker;
  private nextId = 1;
  private current: { id: number; queue: (ParseEnd | SlimBatch)[]; wake: (() => void) | null; failure: Error | null } | null = null;
  private failure: Error | null = null;
  private unacknowledged = 0;

  constructor(options: { maxInFlight?: number; url?: URL } = {}) {
    const settings: WorkerSettings = { maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT };
    this.worker = new Worker(options.url ?? workerUrl(), {
      workerData: settings,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.worker.on("message", ({ id, message: posted }: { id: number; message: ParseEnd | PackedBatch | ParsedBatch }) => {
      const current = this.current;
      if (current === null || current.id !== id) return;
      // A worker may post a batch as it was parsed (a test's worker does): it is made slim here.
      const message = posted.type === "packed" ? unpackBatch(posted) : posted.type === "batch" ? slimBatch(posted) : posted;
      if (message.type === "slim") {
        this.unacknowledged++;
        this.stats.batches++;
        this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.unacknowledged);
      }
      current.queue.push(message);
      current.wake?.();
    });
    const stop = (error: Error): void => {
      this.failure ??= error;
      if (this.current) {
        this.current.failure ??= error;
        this.current.wake?.();
      }
    };
    // The error arrives on another channel than the batches, and can overtake batches posted before it: it
    // is reported at 'exit', which Node emits only once the worker's messages are delivered, so every batch
    // the worker posted is stored first.
    let crash: Error | null = null;
    this.worker.on("error", (error) => {
      crash ??= error;
    });
    this.worker.on("exit", (code) =>
      stop(
        crash
          ? new ParseWorkerError(`the parse worker failed: ${crash.message}`, {
              hint: "the lines stored before it failed are kept with their checkpoint; run the command again to read the rest (MCADVISOR_PARSE_THREAD=main parses on the main thread), and report this error",
              cause: crash,
            })
          : new ParseWorkerError(`the parse worker exited (code ${code}) before the files were read`, {
              hint: "the lines stored before it stopped are kept with their checkpoint; run the command again to read the rest (MCADVISOR_PARSE_THREAD=main parses on the main thread)",
            }),
      ),
    );
  }

  async *read(job: ParseJob): AsyncIterable<ParseEnd | SlimBatch> {
    if (this.failure) throw this.failure;
    const state: { id: number; queue: (ParseEnd | SlimBatch)[]; wake: (() => void) | null; failure: Error | null } = {
      id: this.nextId++,
      queue: [],
      wake: null,
      failure: null,
    };
    this.current = state;
    this.worker.postMessage({ type: "job", id: state.id, job } satisfies ToWorker);
    let ended = false;
    try {
      for (;;) {
        while (state.queue.length === 0) {
          if (state.failure) throw state.failure;
          await new Promise<void>((resolve) => (state.wake = resolve));
          state.wake = null;
        }
        const message = state.queue.shift() as ParseEnd | SlimBatch;
        yield message;
        // The consumer asked for more: the batch is committed, the worker may post another.
        if (message.type === "slim") {
          this.unacknowledged--;
          this.worker.postMessage({ type: "ack", id: state.id } satisfies ToWorker);
        }
        if (message.type === "end") {
          ended = true;
          return;
        }
      }
    } finally {
      this.current = null;
      if (!ended && !this.failure) {
        this.unacknowledged = 0;
        this.worker.postMessage({ type: "cancel", id: state.id } satisfies ToWorker);
      }
    }
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners("exit");
    await this.worker.terminate();
  }
}

/**
Which thread parses each file: `MCADVISOR_PARSE_THREAD` (worker | main) wins; otherwise the worker for
files of `WORKER_FROM_BYTES` or more (started at the first such file) when a core is free for it, this
thread for the others. The worker moves CPU time rather than saving it (packing batches, a second heap),
so on cores other work already fills it only adds. Measured again once batches crossed slim (1M bench
syslog, 5 pairs, worker against this thread, load 8-10): CPU 1.07x (was 1.27-1.30x), wall 0.86x within a
0.80-1.44x spread, peak 197 vs 182 MiB (docs/decisions.md "Slim batches").
*/
export class ParseThreads {
  private worker: WorkerParseSource | null = null;
  private thread: "auto" | "worker" | "main";

  constructor(choice: "auto" | "worker" | "main" = "auto") {
    const forced = process.env.MCADVISOR_PARSE_THREAD;
    this.thread = forced === "worker" || forced === "main" ? forced : choice;
  }

  /** Where a file of `bytes` is parsed. In "auto", whether a core is free is judged once, at the first large file. */
  async sourceFor(bytes: number): Promise<ParseSource> {
    if (this.thread === "main" || (this.thread === "auto" && bytes < WORKER_FROM_BYTES)) return inThread;
    if (this.thread === "auto") {
      this.thread = (await coreIsFree()) ? "worker" : "main";
      if (this.thread === "main") return inThread;
    }
    this.worker ??= new WorkerParseSource();
    return this.worker;
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}

/** CPU time counters of the whole machine (Linux /proc/stat), in clock ticks: all of them, the idle ones, and over how many CPUs. */
export interface CpuTicks {
  readonly total: number;
  readonly idle: number;
  readonly cpus: number;
}

export function readCpuTicks(stat = "/proc/stat"): CpuTicks | null {
  try {
    const lines = readFileSync(stat, "latin1").split("\n");
    const line = lines[0];
    if (!line.startsWith("cpu ")) return null;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    if (ticks.length < 4 || ticks.some((tick) => !Number.isFinite(tick))) return null;
    // user nice system idle iowait irq softirq steal (guest time is counted inside user and nice).
    const total = ticks.slice(0, 8).reduce((sum, tick) => sum + tick, 0);
    // The first line sums the per-CPU lines after it: the idle share is of that many CPUs (the host's, which a
    // container may see more of than it may run on).
    const cpus = lines.filter((each) => /^cpu\d+ /.test(each)).length;
    return { total, idle: ticks[3] + (ticks[4] ?? 0), cpus: cpus > 0 ? cpus : availableParallelism() };
  } catch {
    // Not Linux (or /proc not mounted): the load average decides instead.
    return null;
  }
}

/** Cores left idle between two readings (this process's own thread is busy meanwhile and counts as used). */
export function idleCores(before: CpuTicks, after: CpuTicks): number | null {
  const total = after.total - before.total;
  // Ticks are 10 ms per core: fewer than ten in all says too little.
  if (total < 10) return null;
  return ((after.idle - before.idle) / total) * after.cpus;
}

/** The machine's counters when this module was loaded, at the start of the run: a reading later gives the idle cores since. */
const TICKS_AT_START = readCpuTicks();

/** The shortest window over which idle cores are counted; a decision taken sooner waits for the rest. */
const IDLE_WINDOW_MS = 100;
const LOADED_AT = performance.now();

/**
A core the machine is not using now, beside this thread: at least `FREE_CORE` of a core idle since this run
started (/proc/stat). The 1-minute load average, used before, is a minute late: `npm run bench` alternates
lnav and analyze, so each analyze met a load of about 1 left by the run before it, on two cores that were then
idle, and parsed on one thread (1M bench syslog, 4 pairs at load 1: worker 4.33 s wall, one thread 5.27 s).
Where /proc/stat cannot be read, fewer runnable processes (1-minute load) than cores, less one for this thread.
*/
async function coreIsFree(): Promise<boolean> {
  const cores = availableParallelism();
  if (cores < 2) return false;
  if (TICKS_AT_START !== null) {
    const waited = performance.now() - LOADED_AT;
    if (waited < IDLE_WINDOW_MS) await new Promise((resolve) => setTimeout(resolve, IDLE_WINDOW_MS - waited));
    const now = readCpuTicks();
    const idle = now === null ? null : idleCores(TICKS_AT_START, now);
    if (idle !== null) return idle >= FREE_CORE;
  }
  return loadavg()[0] <= cores - 1.5;
}

/** Idle cores (beside this thread) at which the worker is started: most of one. */
const FREE_CORE = 0.6;

/**
Below this much a file is parsed on this thread: a small file's batches would wait on the worker's
start (it loads the grammars again) and on a message round trip per file, for no overlap to speak of
(samples/, 448 small files: 1.28x the CPU time through the worker, measured).
*/
export const WORKER_FROM_BYTES = 4 * 1024 * 1024;
