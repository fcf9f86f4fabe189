/**
The report's time window. Every time is naive wall-clock ms (docs/architecture.md "Time"): `--since 2026-11-19T04:00`
means 04:00 as the logs print it, and "now" is the machine's clock read in the logs' zone (`--tz`).
*/
import { UsageError } from "../../errors.js";

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const DURATION = /^(?:\d+[smhdw])+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export const DEFAULT_WINDOW_MS = 24 * 3_600_000;

/** `30m`, `24h`, `7d`, `1w`, `1h30m` in ms; null when the text is not a duration. */
export function parseWindowDuration(text: string): number | null {
  const trimmed = text.trim();
  if (!DURATION.test(trimmed)) return null;
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(/(\d+)([smhdw])/g)) total += Number(amount) * UNIT_MS[unit];
  return total > 0 ? total : null;
}

/** `2026-11-19`, `2026-11-19T04:00`, `2026-11-19 04:00:30` as naive wall-clock ms; null when not such a date. */
export function parseWindowDate(text: string): number | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(time);
  // Date.UTC rolls 2026-02-31 over into March: refuse it instead of reporting on the wrong days.
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  return time;
}

/** `logs`: a report on the PATHs it was given, without --since or --until, covers their whole span. */
export type SinceSource = "option" | "previous-report" | "default" | "logs";
export type UntilSource = "option" | "now" | "logs";

export interface ReportWindow {
  readonly since: number;
  readonly until: number;
  /** Where `since` came from: --since, the previous report on this database, or the default last 24 h. */
  readonly sinceSource: SinceSource;
  readonly untilSource: UntilSource;
}

export interface WindowInput {
  readonly since?: string;
  readonly until?: string;
  /** "Now" as naive wall-clock ms of the logs' zone. */
  readonly now: number;
  /** `until` of the previous report on the same database, when there was one. */
  readonly previousUntil?: number | null;
  /**
  The oldest and newest timed line of the logs given as PATHs: without --since and --until the window is
  their span (a post-mortem of copied logs); a cron job without PATHs keeps the previous report / 24 h.
  */
  readonly logSpan?: { readonly first: number; readonly last: number } | null;
}

/** Resolves the options into a window; a text that is neither a duration nor a date is a usage error. */
export function resolveWindow(input: WindowInput): ReportWindow {
  if (input.since === undefined && input.until === undefined && input.logSpan) {
    // Half-open like every window: the newest line itself is inside it.
    return { since: input.logSpan.first, until: input.logSpan.last + 1, sinceSource: "logs", untilSource: "logs" };
  }
  let until = input.now;
  let untilSource: UntilSource = "now";
  if (input.until !== undefined && input.until.trim() !== "now") {
    const date = parseWindowDate(input.until);
    if (date === null) {
      throw new UsageError(`--until takes a date such as 2026-11-19 or 2026-11-19T04:00, not '${input.until}'`, {
        hint: "dates are read in the logs' own wall clock (the time the lines print)",
      });
    }
    until = date;
    untilSource = "option";
  }
  if (input.since !== undefined) {
    const duration = parseWindowDuration(input.since);
    const since = duration !== null ? until - duration : parseWindowDate(input.since);
    if (since === null) {
      throw new UsageError(`--since takes a duration (30m, 24h, 7d, 1w) or a date (2026-11-19, 2026-11-19T04:00), not '${input.since}'`);
    }
    if (since >= until) {
      throw new UsageError(`--since ${input.since} is not before the end of the window`, { hint: "give an earlier --since or a later --until" });
    }
    return { since, until, sinceSource: "option", untilSource };
  }
  // The previous report's end continues the review seamlessly, unless it lies at or after this window's end
  // (a report for a later period was made, or --until points back in time): then the last 24 h.
  const previous = input.previousUntil ?? null;
  if (previous !== null && previous < until) return { since: previous, until, sinceSource: "previous-report", untilSource };
  return { since: until - DEFAULT_WINDOW_MS, until, sinceSource: "default", untilSource };
}

/** Checks --since and --until before any work is done (a typo should not cost an analysis first). */
export function validateWindowOptions(since: string | undefined, until: string | undefined): void {
  resolveWindow({ since, until, now: Date.UTC(9999, 11, 31), previousUntil: null });
}

/** Where the window's ends came from, in words (the reports' header). */
export function windowSources(window: ReportWindow): { since: string; until: string } {
  const since =
    window.sinceSource === "option"
      ? "--since"
      : window.sinceSource === "previous-report"
        ? "end of the previous report"
        : window.sinceSource === "logs"
          ? "the first line of the logs given"
          : "default: last 24 h";
  const until = window.untilSource === "option" ? "--until" : window.untilSource === "logs" ? "the last line of the logs given" : "now";
  return { since, until };
}
