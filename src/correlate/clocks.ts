/**
Nodes whose clocks disagree by a time-zone-like offset. Lines are ordered by the time they were written: a node
logging in another zone than the others (a TZ left at UTC after a patch, the two clusters of a Continentalclusters
pair on two continents) puts its lines hours away from what they answer, and a refusal reads as if it came before
its cause. mcadvisor cannot know a node's zone from year-less lines, but the same moment logged by several nodes
shows the offset: every member logs a new cluster membership at once, and two Continentalclusters monitors that
lose each other raise their alerts at the same minutes. The result is told to the operator with the way to fix it
(`--node-tz`); nothing is moved on a guess.
*/

import type { Scalar } from "../model/events.js";

/** A line several nodes write at the same real moment. */
export interface ClockAnchor {
  readonly ts: number;
  readonly kind: string;
  readonly host: string;
  readonly fields: Readonly<Record<string, Scalar>>;
}

export interface ClockDisagreement {
  /** Nodes on one clock, and the nodes whose clock reads `minutes` later (negative: earlier). */
  readonly reference: readonly string[];
  readonly offset: readonly string[];
  readonly minutes: number;
  /** One moment both logged: what it was, and when each side wrote it. */
  readonly example: { readonly what: string; readonly referenceTs: number; readonly offsetTs: number };
}

const MINUTE = 60_000;
/** Nodes of one clock write the same moment within this of each other (a reformation takes seconds). */
const SAME_MOMENT_MS = 3 * MINUTE;
/** Offsets at least this far apart, and this close to a multiple of a quarter hour, are zones, not drift. */
const ZONE_MIN_MS = 30 * MINUTE;
const QUARTER_HOUR_MS = 15 * MINUTE;
/** A node that logs the same thing twice within this is not a second moment (one membership, one notice). */
const WINDOW_MS = 14 * 60 * MINUTE;

/** What makes two anchors the same moment: the same membership, or the same monitor notice (condition, minutes). */
function momentKey(anchor: ClockAnchor): { key: string; what: string } | null {
  if (anchor.kind === "cluster.membership" && typeof anchor.fields.members === "string") {
    const members = anchor.fields.members
      .split(",")
      .map((member) => member.trim())
      .sort();
    return { key: `membership:${members.join(",")}`, what: `the cluster membership ${members.join(", ")}` };
  }
  if ((anchor.kind === "cc.alert" || anchor.kind === "cc.alarm") && typeof anchor.fields.condition === "string") {
    const minutes = typeof anchor.fields.minutes === "number" ? anchor.fields.minutes : null;
    // An UP notice is logged when the monitor sees the other cluster again, on both sides at once.
    const notice = anchor.kind === "cc.alarm" ? "alarm" : "alert";
    const what = minutes !== null ? `${notice} ${anchor.fields.condition} after ${minutes} minutes` : `notice ${anchor.fields.condition}`;
    return { key: `monitor:${anchor.fields.condition}:${minutes ?? ""}`, what: `the Continentalclusters ${what}` };
  }
  return null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

const zoneLike = (offset: number): boolean =>
  Math.abs(offset) >= ZONE_MIN_MS && Math.abs(offset - Math.round(offset / QUARTER_HOUR_MS) * QUARTER_HOUR_MS) <= SAME_MOMENT_MS;

/** The clock groups of a bundle's nodes and the zone-like offsets between them, from the moments they share. */
export function clockDisagreements(anchors: readonly ClockAnchor[]): ClockDisagreement[] {
  const moments = new Map<string, { key: string; what: string; byHost: Map<string, number[]> }>();
  for (const anchor of anchors) {
    const moment = momentKey(anchor);
    if (moment === null) continue;
    let entry = moments.get(moment.key);
    if (entry === undefined) {
      entry = { key: moment.key, what: moment.what, byHost: new Map() };
      moments.set(moment.key, entry);
    }
    const times = entry.byHost.get(anchor.host) ?? [];
    times.push(anchor.ts);
    entry.byHost.set(anchor.host, times);
  }
  // Per pair of nodes, how far apart each wrote the moments both logged (the nearest of the other's).
  const pairs = new Map<string, { left: string; right: string; offsets: number[]; moments: Set<string>; example: ClockDisagreement["example"] }>();
  for (const { key: momentKey, what, byHost } of moments.values()) {
    const hosts = [...byHost.keys()].sort();
    for (let i = 0; i < hosts.length; i++) {
      for (let j = i + 1; j < hosts.length; j++) {
        const [left, right] = [hosts[i], hosts[j]];
        for (const at of byHost.get(right)!) {
          let nearest: number | null = null;
          for (const other of byHost.get(left)!) if (nearest === null || Math.abs(at - other) < Math.abs(at - nearest)) nearest = other;
          if (nearest === null || Math.abs(at - nearest) > WINDOW_MS) continue;
          const key = `${left}\u0000${right}`;
          const pair = pairs.get(key) ?? { left, right, offsets: [], moments: new Set<string>(), example: { what, referenceTs: nearest, offsetTs: at } };
          pair.offsets.push(at - nearest);
          pair.moments.add(momentKey);
          pairs.set(key, pair);
        }
      }
    }
  }
  // Nodes that agree (within a few minutes) share a clock.
  const clockOf = new Map<string, string>();
  const find = (host: string): string => {
    let root = host;
    while (clockOf.has(root) && clockOf.get(root) !== root) root = clockOf.get(root)!;
    return root;
  };
  for (const pair of pairs.values()) {
    for (const host of [pair.left, pair.right]) if (!clockOf.has(host)) clockOf.set(host, host);
    if (Math.abs(median(pair.offsets)) <= SAME_MOMENT_MS) clockOf.set(find(pair.right), find(pair.left));
  }
  const members = (root: string): string[] => [...clockOf.keys()].filter((host) => find(host) === root).sort();
  const found = new Map<string, ClockDisagreement>();
  for (const pair of pairs.values()) {
    const offset = median(pair.offsets);
    // Every shared moment must tell the same offset: one outlier is a second event, not a clock.
    if (!zoneLike(offset) || pair.offsets.some((each) => Math.abs(each - offset) > SAME_MOMENT_MS)) continue;
    // A membership is one moment every member logs; a monitor's notice may be another outage's, so two of them
    // (the alert at 5 minutes and at 10, the alarm, the return to UP) must tell the same offset.
    const byMembership = [...pair.moments].some((moment) => moment.startsWith("membership:"));
    if (!byMembership && pair.moments.size < 2) continue;
    const [left, right] = [find(pair.left), find(pair.right)];
    if (left === right) continue;
    const key = [left, right].sort().join("\u0000");
    if (found.has(key)) continue;
    found.set(key, { reference: members(left), offset: members(right), minutes: Math.round(offset / MINUTE), example: pair.example });
  }
  return [...found.values()];
}

/** The disagreement in words, and what to do about it (the same for analyze's stderr and the report's notes). */
export function describeClockDisagreement({ reference, offset, minutes, example }: ClockDisagreement): { message: string; hint: string } {
  const clock = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  const span = `${hours > 0 ? `${hours} h` : ""}${hours > 0 && rest > 0 ? " " : ""}${rest > 0 || hours === 0 ? `${rest} min` : ""}`;
  return {
    message:
      `the clocks of ${offset.join(", ")} read ${span} ${minutes > 0 ? "ahead of" : "behind"} those of ${reference.join(", ")} ` +
      `(${example.what}, written ${clock(example.offsetTs)} there and ${clock(example.referenceTs)} here): lines are ordered by the time ` +
      "they were written, so advice that depends on what came first may be wrong",
    hint:
      "Give --tz the zone the logs are written in, and --node-tz NODE=ZONE for each node that logs in another " +
      "(then analyze into a new database: stored lines keep the time they were read with)",
  };
}
