import { connect, type Socket } from "node:net";
import type { FindingChangeEvent } from "./record.js";
import { frameOctetCounted } from "./syslog.js";
import { deadlineTimer, errorCode, type Report, type Sender } from "./sender.js";

export interface TcpSenderOptions {
  readonly format: (event: FindingChangeEvent) => Buffer;
  readonly report: Report;
  /** Frames kept while the receiver is unreachable; past it the oldest are dropped. @default 1000 */
  readonly maxQueue?: number;
  /** First reconnect delay, doubled after each failure up to `maxBackoffMs`. @default 250 */
  readonly initialBackoffMs?: number;
  /** @default 30000 */
  readonly maxBackoffMs?: number;
  /** A connection attempt that neither succeeds nor fails by then counts as failed. @default 5000 */
  readonly connectTimeoutMs?: number;
}

/**
RFC 5424 over TCP with RFC 6587 octet-counted framing (`MSG-LEN SP SYSLOG-MSG`): a message may hold any
byte and still cannot be split or joined with the next by the receiver.

Delivery: frames wait in a bounded queue while there is no connection, and leave it once the kernel
took them on an open connection (plain TCP syslog has no acknowledgement; a frame handed over just
before the connection breaks is sent again, so a receiver may see it twice, never half). The
connection is retried with a doubling backoff. An outage is said on stderr once when it starts, once
if the queue overflows (the oldest changes are dropped, the newest kept: they say how things stand
now), and once when the connection is back, with the count dropped.
*/
export function tcpSender(target: { host: string; port: number; label: string }, options: TcpSenderOptions): Sender {
  const maxQueue = options.maxQueue ?? 1000;
  const initialBackoff = options.initialBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 30_000;
  const connectTimeout = options.connectTimeoutMs ?? 5000;
  const { report } = options;

  /** Frames not yet written. */
  const queue: Buffer[] = [];
  /** Frames written on the current connection whose write has not completed yet (in order). */
  let inflight: Buffer[] = [];
  let socket: Socket | null = null;
  let connected = false;
  let backoff = initialBackoff;
  let retry: NodeJS.Timeout | null = null;
  let lastError = "no connection yet";
  /** No connection; said on stderr once something waits for it (a target nobody needs yet is no news). */
  let outage: { dropped: number; reportedStart: boolean; reportedDrop: boolean; wasConnected: boolean } | null = null;
  let released = false;
  let onDrained: (() => void) | null = null;

  const drained = (): boolean => queue.length === 0 && inflight.length === 0;
  const checkDrained = (): void => {
    if (drained() && onDrained) onDrained();
  };

  const sayOutage = (): void => {
    if (!outage || outage.reportedStart || drained()) return;
    outage.reportedStart = true;
    report(
      `${target.label}: ${outage.wasConnected ? "connection lost" : "cannot connect"} (${lastError}); keeping up to ${maxQueue} finding change(s) and retrying`,
    );
  };

  const drop = (count: number): void => {
    if (count <= 0) return;
    outage ??= { dropped: 0, reportedStart: false, reportedDrop: false, wasConnected: connected };
    outage.dropped += count;
    if (!outage.reportedDrop) {
      outage.reportedDrop = true;
      report(
        `${target.label}: ${maxQueue} finding change(s) waiting (${connected ? "the receiver does not read" : lastError}): dropping the oldest until it takes them again`,
      );
    }
  };

  /** Keeps the queue (with what is in flight) within its bound, dropping the oldest waiting frames. */
  const bound = (): void => {
    const excess = queue.length + inflight.length - maxQueue;
    if (excess > 0) drop(queue.splice(0, Math.min(excess, queue.length)).length);
  };

  /** Connected and nothing waits any more: the outage (or a receiver that stalled) is over. */
  const recovered = (): void => {
    if (!outage || !connected || queue.length > 0) return;
    if (outage.reportedStart || outage.reportedDrop) {
      report(`${target.label}: delivering again${outage.dropped > 0 ? `; ${outage.dropped} finding change(s) were dropped meanwhile` : ""}`);
    }
    outage = null;
  };

  const flush = (): void => {
    const current = socket;
    if (!connected || !current) return;
    // Stop when the socket's buffer is full (a slow receiver) so the rest stays in the bounded queue.
    while (queue.length > 0 && !current.writableNeedDrain) {
      const frame = queue.shift() as Buffer;
      inflight.push(frame);
      current.write(frame, (error) => {
        if (error || current !== socket) return; // requeued when the connection closes
        inflight.shift();
        checkDrained();
      });
    }
    recovered();
  };

  const scheduleReconnect = (): void => {
    if (released || retry) return;
    retry = setTimeout(() => {
      retry = null;
      open();
    }, backoff);
    retry.unref();
    backoff = Math.min(backoff * 2, maxBackoff);
  };

  const open = (): void => {
    if (released || socket) return;
    const attempt = connect({ host: target.host, port: target.port });
    socket = attempt;
    attempt.unref();
    attempt.setNoDelay(true);
    attempt.setTimeout(connectTimeout, () => {
      if (!connected) attempt.destroy(Object.assign(new Error("connection timed out"), { code: "ETIMEDOUT" }));
    });
    attempt.on("connect", () => {
      connected = true;
      attempt.setTimeout(0);
      attempt.setKeepAlive(true);
      backoff = initialBackoff;
      if (outage && !outage.reportedStart && !outage.reportedDrop) outage = null; // nobody was told: nothing to take back
      flush();
      checkDrained();
    });
    attempt.on("drain", flush);
    attempt.on("data", () => undefined); // a receiver says nothing; read it anyway so nothing backs up
    attempt.on("end", () => {
      lastError = "closed by the receiver";
    });
    attempt.on("error", (error) => {
      lastError = errorCode(error);
    });
    attempt.on("close", () => {
      if (socket !== attempt) return;
      const wasConnected = connected;
      socket = null;
      connected = false;
      // What was written but not completed may not have left: send it again first.
      queue.unshift(...inflight);
      inflight = [];
      bound();
      if (!released) {
        outage ??= { dropped: 0, reportedStart: false, reportedDrop: false, wasConnected };
        sayOutage();
      }
      scheduleReconnect();
    });
  };

  open();

  return {
    label: target.label,
    send(event) {
      if (released) return;
      let message: Buffer;
      try {
        message = options.format(event);
      } catch (error) {
        report(`${target.label}: cannot format a finding change: ${errorCode(error)}`);
        return;
      }
      queue.push(frameOctetCounted(message));
      bound();
      if (connected) flush();
      else sayOutage();
    },
    async close(deadline) {
      const timer = deadlineTimer(deadline);
      if (!drained()) {
        await Promise.race([
          new Promise<void>((resolve) => {
            onDrained = resolve;
          }),
          timer.promise,
        ]);
      }
      onDrained = null;
      released = true;
      if (retry) clearTimeout(retry);
      retry = null;
      const undelivered = queue.length + inflight.length;
      if (undelivered > 0) {
        report(`${target.label}: ${undelivered} finding change(s) not delivered (${lastError}); gave up waiting`);
      }
      const current = socket;
      if (current && connected && undelivered === 0) {
        // A clean end after the last frame: wait (bounded) for the close so nothing is cut off.
        await Promise.race([
          new Promise<void>((resolve) => {
            current.once("close", () => resolve());
            current.end();
          }),
          timer.promise,
        ]);
      }
      timer.cancel();
      socket?.destroy();
      socket = null;
    },
  };
}
