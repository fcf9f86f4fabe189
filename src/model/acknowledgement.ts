/**
An operator's "known, being handled" on a finding. It is operator state, not something the logs say: its
times are real instants (epoch ms, UTC), never the logs' naive wall clock, because an operator who writes
`--until 18:00` means six in the evening on the clock on the wall, whatever the logs' clock says.

An acknowledgement only quiets the exit status (0/1/2 of analyze and report): the finding is still shown,
marked. It stops quieting when it expires, when the finding's severity rises above the one acknowledged
(a warning acknowledged does not hide the critical it becomes), and when the finding is no longer open.
*/
import { severityRank, type Finding, type Severity } from "./findings.js";

export interface Acknowledgement {
  readonly findingId: string;
  /** Who: `--by`, else the OS user (the sudo caller when run through sudo). */
  readonly by: string;
  /** When it was made (epoch ms). */
  readonly at: number;
  readonly note: string;
  /** Real time it ends (epoch ms); null: while the finding stays open. */
  readonly until: number | null;
  /** The finding's severity when it was acknowledged. */
  readonly severity: Severity;
}

/** Why an acknowledgement no longer quiets its finding. */
export type AcknowledgementLapse = "expired" | "severity-rose" | "not-open";

export interface FindingAcknowledgement extends Acknowledgement {
  /** It quiets the finding's exit status now. */
  readonly active: boolean;
  readonly lapsed: AcknowledgementLapse | null;
}

/** What `acknowledgement` does to `finding` at the real time `now` (epoch ms). */
export function acknowledgementEffect(finding: Pick<Finding, "status" | "severity">, acknowledgement: Acknowledgement, now: number): FindingAcknowledgement {
  const lapsed: AcknowledgementLapse | null =
    finding.status !== "open"
      ? "not-open"
      : severityRank[finding.severity] > severityRank[acknowledgement.severity]
        ? "severity-rose"
        : acknowledgement.until !== null && now >= acknowledgement.until
          ? "expired"
          : null;
  return { ...acknowledgement, active: lapsed === null, lapsed };
}

/** One line for people: who, when, until when, the note, and why it no longer counts when it does not. */
export function describeAcknowledgement(acknowledgement: FindingAcknowledgement, formatInstant: (ms: number) => string = formatLocalInstant): string {
  const until = acknowledgement.until === null ? "" : ` until ${formatInstant(acknowledgement.until)}`;
  const head = `Acknowledged by ${acknowledgement.by} ${formatInstant(acknowledgement.at)}${until}`;
  const lapse =
    acknowledgement.lapsed === "expired"
      ? " (expired: it counts again)"
      : acknowledgement.lapsed === "severity-rose"
        ? ` (as ${acknowledgement.severity}; the severity rose since: it counts again)`
        : acknowledgement.lapsed === "not-open"
          ? " (the finding is no longer open; kept on record)"
          : "";
  return `${head}${lapse}: ${acknowledgement.note}`;
}

/** `2026-12-05 15:03 +01:00`: an instant on this machine's clock, with its offset so it is never ambiguous. */
export function formatLocalInstant(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number): string => String(value).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())} ${zone}`;
}

const UNIT_MS: Readonly<Record<string, number>> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const DURATION = /^(?:\d+[mhdw])+$/;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const CLOCK_TIME = /^(\d{1,2}):(\d{2})$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const UNTIL_FORMS =
  "a duration from now (30m, 4h, 2d, 1w, 1d12h), a time today or tomorrow (18:00), a date and time on this machine's clock (2026-12-06 09:00, 2026-12-06: its midnight) or with an offset (2026-12-06T09:00+01:00)";

/**
`--until` as the real instant it names (epoch ms), read on the clock on the wall: this machine's zone
(TZ), unless the text gives its offset. An error text when it is not one of UNTIL_FORMS or not after `now`.
*/
export function parseAcknowledgementUntil(text: string, now: number): { until: number } | { error: string } {
  const trimmed = text.trim();
  let until: number | null = null;
  if (DURATION.test(trimmed)) {
    until = now;
    for (const [, amount, unit] of trimmed.matchAll(/(\d+)([mhdw])/g)) until += Number(amount) * UNIT_MS[unit];
  } else if (ZONED.test(trimmed)) {
    until = Date.parse(trimmed);
  } else if (CLOCK_TIME.test(trimmed)) {
    const [hour, minute] = (CLOCK_TIME.exec(trimmed) as RegExpExecArray).slice(1).map(Number);
    if (hour < 24 && minute < 60) {
      const today = new Date(now);
      today.setHours(hour, minute, 0, 0);
      if (today.getTime() <= now) today.setDate(today.getDate() + 1);
      until = today.getTime();
    }
  } else {
    const match = LOCAL_DATE.exec(trimmed);
    if (match) {
      const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
      const date = new Date(year, month - 1, day, hour, minute, second);
      // The Date constructor rolls 2026-02-31 into March: refuse it rather than end on another day.
      if (date.getMonth() === month - 1 && date.getDate() === day && hour < 24 && minute < 60 && second < 60) until = date.getTime();
    }
  }
  if (until === null || Number.isNaN(until)) return { error: `--until takes ${UNTIL_FORMS}, not '${text}'` };
  if (until <= now) return { error: `--until ${text} is not in the future (${formatLocalInstant(until)})` };
  return { until };
}
