import { closeSync, openSync, writeSync } from "node:fs";
import { UsageError } from "../../errors.js";
import type { FindingChangeEvent } from "./record.js";
import { errorCode, type Report, type Sender } from "./sender.js";

/**
JSON lines: one object per change, appended with one write each, so a reader following the file (or a
pipe) never sees half a line. The file is opened when the command starts: a folder that does not exist
is a usage error before any work is done, not a surprise at the first finding.
*/
export function jsonlSender(
  target: { path: string | "-"; label: string },
  options: { line: (event: FindingChangeEvent) => string; report: Report; stdout?: (text: string) => void },
): Sender {
  let descriptor: number | null = null;
  if (target.path !== "-") {
    try {
      descriptor = openSync(target.path, "a");
    } catch (error) {
      throw new UsageError(`cannot open --emit ${target.label} for appending: ${errorCode(error)}`, {
        hint: "name a file in a folder that exists and that this user may write",
      });
    }
  }
  const write =
    target.path === "-" ? (options.stdout ?? ((text: string) => process.stdout.write(text))) : (text: string) => writeSync(descriptor as number, text);
  let failing: { reason: string; dropped: number } | null = null;

  return {
    label: target.label,
    send(event) {
      try {
        write(options.line(event));
        if (failing) {
          options.report(`${target.label}: writing again; ${failing.dropped} finding change(s) were lost (${failing.reason})`);
          failing = null;
        }
      } catch (error) {
        if (failing) {
          failing.dropped++;
          return;
        }
        failing = { reason: errorCode(error), dropped: 1 };
        options.report(`${target.label}: cannot write (${failing.reason}); finding changes are lost until it can`);
      }
    },
    async close() {
      if (descriptor !== null) closeSync(descriptor);
      descriptor = null;
    },
  };
}
