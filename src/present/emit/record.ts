import type { Finding } from "../../model/findings.js";
import { findingsDocument } from "../findings-json.js";

/**
One finding change as it is sent on: the change name as the engine (or analyze's comparison with the
database) reports it - opened, escalated, resolved, withdrawn, or a name added later, passed through
as is - and the finding as it stands after the change.
*/
export interface FindingChangeEvent {
  readonly change: string;
  readonly finding: Finding;
  readonly bundle: string;
}

const NO_TOTALS = { files: 0, lines: 0, events: 0, unparsed: 0, unread: 0 };

/** `{change, ...}` with exactly the fields of an `analyze --format json` finding (the watch --format json line too). */
export function changeRecord(event: FindingChangeEvent, options: { version: string; timeZone?: string }): Record<string, unknown> {
  const [shown] = findingsDocument([{ ...event.finding, bundle: event.bundle, updatedAt: "" }], NO_TOTALS, [], options).findings;
  return { change: event.change, ...shown };
}

/**
One JSON line. JSON.stringify escapes CR and LF; U+2028 and U+2029 are escaped as well, since some
line readers (Python's str.splitlines, JavaScript before ES2019) end a line there.
*/
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")}\n`;
}
