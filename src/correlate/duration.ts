/** Durations in rule files: a number and a unit, `90s`, `15m`, `24h`, `30d` (event time). */

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)\s*([smhd])$/;

/** Milliseconds, or null when the text is not a duration. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

/** Milliseconds of a duration already checked by the schema. */
export function durationMs(text: string): number {
  const ms = parseDuration(text);
  if (ms === null) throw new Error(`not a duration: '${text}' (use e.g. 90s, 15m, 24h, 30d)`);
  return ms;
}
