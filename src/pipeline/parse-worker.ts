/**
The parse worker's thread: it reads, frames and parses the files the main thread names
(parse-batches.ts) and posts their lines in batches, never more than `maxInFlight` that the main thread
has not yet acknowledged (each acknowledgement means: stored and committed). The main thread alone
writes the database, so the checkpoint still commits with its lines: a worker that dies loses nothing
that was acknowledged, and what was not is read again from the checkpoint on the next run.
*/

import { parentPort, workerData } from "node:worker_threads";
import { parseBatches, type ParseJob } from "./parse-batches.js";
import { packBatch, slimBatch, transferables } from "./batch-transfer.js";

export interface WorkerSettings {
  readonly maxInFlight: number;
}

/** main -> worker */
export type ToWorker =
  | { readonly type: "job"; readonly id: number; readonly job: ParseJob }
  | { readonly type: "ack"; readonly id: number }
  // The main thread stopped reading this file (its store failed): drop the rest of it.
  | { readonly type: "cancel"; readonly id: number };

const port = parentPort;
if (port === null) throw new Error("parse-worker.js runs as a worker thread (node:worker_threads), not as a program");
const { maxInFlight } = workerData as WorkerSettings;

let inFlight = 0;
let wakeUp: (() => void) | null = null;
const jobs: Array<{ id: number; job: ParseJob }> = [];
let running = false;
let cancelled = 0;

port.on("message", (message: ToWorker) => {
  if (message.type === "cancel") {
    cancelled = message.id;
    inFlight = 0;
    wakeUp?.();
    wakeUp = null;
    return;
  }
  if (message.type === "ack") {
    if (message.id !== cancelled) inFlight--;
    wakeUp?.();
    wakeUp = null;
    return;
  }
  jobs.push(message);
  if (!running) void runJobs();
});

async function runJobs(): Promise<void> {
  running = true;
  while (jobs.length > 0) {
    const { id, job } = jobs.shift() as { id: number; job: ParseJob };
    for await (const message of parseBatches(job)) {
      if (cancelled === id) break;
      if (message.type === "batch") {
        // Back-pressure: wait until the main thread has stored enough of what it was sent.
        while (inFlight >= maxInFlight && cancelled !== id) await new Promise<void>((resolve) => (wakeUp = resolve));
        if (cancelled === id) break;
        inFlight++;
        const packed = packBatch(slimBatch(message));
        port?.postMessage({ id, message: packed }, transferables(packed));
        continue;
      }
      port?.postMessage({ id, message });
    }
  }
  running = false;
}
