/**
A finding change as an RFC 5424 syslog message, and the RFC 6587 octet-counted frame that carries it
over TCP. Pure: bytes in, bytes out; the sockets are in udp.ts and tcp.ts.

  <PRI>1 TIMESTAMP HOSTNAME mcadvisor PROCID MSGID [mcadvisor@32473 id="..." change="..." ...] BOM title

- PRI: facility local0 (16), the first facility RFC 5424 (section 6.2.1) leaves to local use, so a site
  routes mcadvisor apart from the system's own messages; severity from the change and the finding
  (`syslogSeverity`).
- MSGID: `finding-<change>` (1*32 PRINTUSASCII).
- SD-ID `mcadvisor@32473`: an SD-ID of our own must have the form name@<private enterprise number>
  (RFC 5424 section 6.3.2; names without `@` are reserved for IANA). mcadvisor has no enterprise number
  of its own; 32473 is the number IANA reserved for documentation (RFC 5612), which no organisation will
  ever be assigned, so this SD-ID cannot collide with a real vendor's.
- SD-PARAM values are UTF-8 with `"`, `\` and `]` escaped by a backslash (RFC 5424 section 6.3.3); control
  characters from the logs are first shown in caret notation, as on a terminal, so no value can carry a
  newline or a NUL into a receiver's file or framing.
- MSG: the finding's title in UTF-8, starting with the BOM as RFC 5424 section 6.4 requires of a UTF-8 MSG
  ("MSG-UTF8 = BOM UTF-8-STRING"); a receiver that honours it knows the text is UTF-8, not Latin-1.
- The whole message is at most 2048 octets, the size RFC 5424 section 6.1 says every receiver SHOULD
  accept (RFC 5426 section 3.2 says the same for UDP): the title and the values that came from logs are
  cut at a character boundary (marked `...`) when needed; id, change, action, severity, status and rule
  are never cut.
*/

import { hostname as osHostname } from "node:os";
import type { Finding } from "../../model/findings.js";
import { formatIso, knownTime } from "../../model/time.js";
import { sanitizeForTerminal } from "../sanitize.js";
import type { FindingChangeEvent } from "./record.js";

export const FACILITY_LOCAL0 = 16;
export const APP_NAME = "mcadvisor";
export const SD_ID = "mcadvisor@32473";
export const MAX_MESSAGE_OCTETS = 2048;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CUT_MARK = "...";

/** Syslog severities used (RFC 5424 table 2). */
export const SyslogSeverity = { critical: 2, warning: 4, notice: 5, informational: 6 } as const;

/**
How loud a change is: a resolution or withdrawal is news but no longer a problem (informational);
otherwise the finding's severity: critical 2, warning 4, info 5 (notice: normal but significant).
A change name added later is treated as a problem of the finding's severity while the finding is open.
*/
export function syslogSeverity(change: string, finding: Pick<Finding, "severity" | "status">): number {
  if (change === "resolved" || change === "withdrawn" || change === "superseded" || finding.status !== "open") return SyslogSeverity.informational;
  if (finding.severity === "critical") return SyslogSeverity.critical;
  if (finding.severity === "warning") return SyslogSeverity.warning;
  return SyslogSeverity.notice;
}

/** Header fields are PRINTUSASCII (%d33-126) with a maximum length; an empty one is the NILVALUE `-`. */
export function printableAscii(value: string, maxLength: number): string {
  const kept = value.replace(/[^\x21-\x7e]/g, "_").slice(0, maxLength);
  return kept.length > 0 ? kept : "-";
}

/** MSGID for a change: `finding-opened`, `finding-resolved` ... (32 characters at most). */
export function messageId(change: string): string {
  return printableAscii(`finding-${change.replace(/[^A-Za-z0-9._-]/g, "_")}`, 32);
}

/** An SD-PARAM value: control characters made visible and inert, then `"`, `\` and `]` escaped. */
export function escapeParamValue(value: string): string {
  return sanitizeForTerminal(value).replace(/[\\"\]]/g, (character) => `\\${character}`);
}

/** The longest prefix of `text` (whole characters) that is at most `maxBytes` of UTF-8. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}

export interface SyslogOptions {
  /** Defaults to this machine's name. */
  readonly hostname?: string;
  /** Defaults to this process's id. */
  readonly procId?: string;
  /** When the message is made (the TIMESTAMP); defaults to now. */
  readonly now?: Date;
  /** The logs' time zone: the finding's times are printed with its offset, as in analyze --format json. */
  readonly timeZone?: string;
  /** @default 2048 */
  readonly maxOctets?: number;
}

interface Param {
  readonly name: string;
  value: string;
  /** Text from the logs (names, paths) may be cut to fit; our own vocabulary is never cut. */
  readonly cuttable: boolean;
}

function paramsOf(event: FindingChangeEvent, timeZone: string | undefined): Param[] {
  const { finding } = event;
  const iso = (ms: number | null): string | null => {
    const known = knownTime(ms);
    return known === null ? null : formatIso(known, timeZone);
  };
  const entries: Array<[string, string | null, boolean]> = [
    ["id", finding.id, false],
    ["change", event.change, false],
    ["action", finding.action, false],
    ["severity", finding.severity, false],
    ["status", finding.status, false],
    ["rule", finding.rule, false],
    ["package", finding.package, true],
    ["deviceGroup", finding.deviceGroup, true],
    ["node", finding.node, true],
    ["site", finding.site, true],
    ["firstSeen", iso(finding.firstSeen), false],
    ["lastSeen", iso(finding.lastSeen), false],
    ["resolvedAt", iso(finding.resolvedAt), false],
    ["bundle", event.bundle, true],
  ];
  return entries.filter(([, value]) => value !== null).map(([name, value, cuttable]) => ({ name, value: value as string, cuttable }));
}

/** The RFC 5424 message for one finding change, as bytes (at most `maxOctets`). */
export function formatSyslogMessage(event: FindingChangeEvent, options: SyslogOptions = {}): Buffer {
  const maxOctets = options.maxOctets ?? MAX_MESSAGE_OCTETS;
  const pri = FACILITY_LOCAL0 * 8 + syslogSeverity(event.change, event.finding);
  const header = [
    `<${pri}>1`,
    (options.now ?? new Date()).toISOString(),
    printableAscii(options.hostname ?? osHostname(), 255),
    APP_NAME,
    printableAscii(options.procId ?? String(process.pid), 128),
    messageId(event.change),
  ].join(" ");
  const params = paramsOf(event, options.timeZone);
  const message = { value: sanitizeForTerminal(event.finding.title) };

  const structuredData = (): string => `[${SD_ID}${params.map((param) => ` ${param.name}="${escapeParamValue(param.value)}"`).join("")}]`;
  const size = (): number => Buffer.byteLength(`${header} ${structuredData()}`) + (message.value ? 1 + BOM.length + Buffer.byteLength(message.value) : 0);

  // Cut the longest cuttable text (the title or a value from the logs) until the message fits.
  for (let excess = size() - maxOctets; excess > 0; excess = size() - maxOctets) {
    const candidates: Array<{ value: string }> = [message, ...params.filter((param) => param.cuttable)];
    const longest = candidates.reduce((best, candidate) => (Buffer.byteLength(candidate.value) > Buffer.byteLength(best.value) ? candidate : best));
    const length = Buffer.byteLength(longest.value);
    if (length === 0) break; // nothing left to cut: our own fields alone exceed the bound
    // Every byte cut from the text takes at least one byte from the message (escaping only adds), so
    // cutting the excess plus the room for the mark fits, or empties this value and the next one is cut.
    const keep = Math.max(0, length - excess - CUT_MARK.length);
    const base = longest.value.endsWith(CUT_MARK) ? longest.value.slice(0, -CUT_MARK.length) : longest.value;
    longest.value = keep > 0 ? `${cutToBytes(base, keep)}${CUT_MARK}` : "";
  }
  const head = Buffer.from(`${header} ${structuredData()}`, "utf8");
  return message.value ? Buffer.concat([head, Buffer.from(" "), BOM, Buffer.from(message.value, "utf8")]) : head;
}

/** RFC 6587 section 3.4.1 octet counting: `MSG-LEN SP SYSLOG-MSG`, MSG-LEN being the message's length in octets. */
export function frameOctetCounted(message: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${message.length} `, "ascii"), message]);
}
