/**
Sending finding changes on (`--emit`): to a syslog receiver as RFC 5424 (UDP, or TCP with octet-counted
frames) and to JSON-lines files. An output of findings like the text and JSON presenters: it reads
findings and writes them out, and knows nothing of the CLI or the pipeline. See docs/monitoring.md.
*/

import { jsonlSender } from "./jsonl.js";
import { changeRecord, jsonLine, type FindingChangeEvent } from "./record.js";
import type { Report, Sender } from "./sender.js";
import { formatSyslogMessage } from "./syslog.js";
import { tcpSender } from "./tcp.js";
import type { EmitTarget } from "./target.js";
import { udpSender } from "./udp.js";

export { parseEmitTarget, EMIT_FORMS, type EmitTarget } from "./target.js";
export { changeRecord, jsonLine, type FindingChangeEvent } from "./record.js";
export { findingChanges } from "./changes.js";

/** How long `analyze` (and watch at its stop) waits for delivery before it reports what is left and exits. */
export const DELIVERY_TIMEOUT_MS = 5000;

export interface Emission {
  /** Hands one change to every target; never throws (a target's trouble is reported on stderr). */
  emit(event: FindingChangeEvent): void;
  /** Waits for delivery, at most `timeoutMs`, and releases every target. */
  close(timeoutMs?: number): Promise<void>;
}

export interface EmissionOptions {
  readonly version: string;
  /** The logs' time zone, for the finding's times (as in analyze --format json). */
  readonly timeZone?: string;
  /** One line per problem; default: `mcadvisor: ...` on stderr. */
  readonly report?: Report;
  /** Overrides the syslog HOSTNAME (default: this machine's name). */
  readonly hostname?: string;
}

/** Opens every target (a jsonl file that cannot be opened is a usage error here, before any work). */
export function openEmission(targets: readonly EmitTarget[], options: EmissionOptions): Emission {
  const report: Report = options.report ?? ((message) => process.stderr.write(`mcadvisor: ${message}\n`));
  const syslog = (event: FindingChangeEvent): Buffer => formatSyslogMessage(event, { timeZone: options.timeZone, hostname: options.hostname });
  const line = (event: FindingChangeEvent): string => jsonLine(changeRecord(event, { version: options.version, timeZone: options.timeZone }));
  const senders: Sender[] = [];
  try {
    for (const target of targets) {
      if (target.kind === "syslog-udp") senders.push(udpSender(target, { format: syslog, report }));
      else if (target.kind === "syslog-tcp") senders.push(tcpSender(target, { format: syslog, report }));
      else senders.push(jsonlSender(target, { line, report }));
    }
  } catch (error) {
    for (const sender of senders) void sender.close(Date.now());
    throw error;
  }
  return {
    emit(event) {
      for (const sender of senders) {
        try {
          sender.send(event);
        } catch (error) {
          report(`${sender.label}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
    async close(timeoutMs = DELIVERY_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      await Promise.all(senders.map((sender) => sender.close(deadline)));
    },
  };
}
