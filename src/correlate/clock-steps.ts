/**
A node's clock stepped by its time daemon (`clock.stepped`, grammars/timesync.ne) says by how much that node's
clock was off before the step: every line it wrote before, back to where that wrong time began, is moved by the
step's amount before the rules read the bundle. Lined up uncorrected, a command from a node 40 minutes fast
reads as if it came after the failure it preceded (a `cmmodpkg -e` taken for the end of a recovery it never
ended), and a node that booted 7 hours slow rejoins "before" its own crash.

Where the wrong time began is not written anywhere. It is taken to be the nearest of: the node's previous step
in the same file, or the place in that file where the node's times jump back by more than JUMP_BACK_MS (a node
that rebooted with its clock behind writes, after its last right line, a line hours earlier). Otherwise the
node's first line in the file: a clock hours off did not drift there, it was set wrong, and nothing shows when.
Only the file that holds the step is corrected (the node's syslog): another file the node wrote (a package log)
cannot be placed before or after the step by its own times. Steps under MIN_STEP_MS are left alone (ordinary
drift, below what orders a bundle's events).

Applied wherever a bundle's events are replayed (analyze, rule examples and watch alike), so they all agree.
*/

import type { LogEvent } from "../model/events.js";

export const CLOCK_STEP_KIND = "clock.stepped";
/** A step smaller than this is drift: nothing is moved. */
export const MIN_STEP_MS = 60_000;
/** A node's times going back by more than this from one of its lines to the next (in its file) is where a wrong clock began. */
const JUMP_BACK_MS = 5 * 60_000;

/** One replayed event with the file it was stored from (the replay's tie-break). */
export interface ReplayItem {
  readonly event: LogEvent;
  readonly fileId: number;
}

/** What was moved, for the operator: the node, the step, and how many of its events. */
export interface ClockCorrection {
  readonly node: string;
  readonly file: string;
  /** Where the step was logged (its line's own time, after the step). */
  readonly stepTs: number;
  readonly line: number;
  readonly seconds: number;
  readonly movedEvents: number;
  /** The first and last moved event, as logged. */
  readonly fromTs: number;
  readonly toTs: number;
}

/** Whether an event is a step large enough to move anything. */
export function isClockStep(event: Pick<LogEvent, "kind" | "fields" | "ts">): boolean {
  const seconds = event.fields.seconds;
  return event.kind === CLOCK_STEP_KIND && event.ts !== null && typeof seconds === "number" && Math.abs(seconds) * 1000 >= MIN_STEP_MS;
}

/**
The items (in replay order) with the times of events written before a clock step moved, in replay order again,
and what was moved; null when no step moves anything (the items stay as they are).
*/
export function correctClockSteps(items: readonly ReplayItem[]): { items: ReplayItem[]; corrections: ClockCorrection[] } | null {
  const steps = items.filter((item) => isClockStep(item.event));
  if (steps.length === 0) return null;
  // Each stepped node's timed events in its file, in line order.
  const byFileAndNode = new Map<string, ReplayItem[]>();
  const keyOf = (item: ReplayItem): string => `${item.fileId}\u0000${item.event.host ?? ""}`;
  const stepKeys = new Set(steps.map(keyOf));
  for (const item of items) {
    if (item.event.ts === null || item.event.host === null) continue;
    const key = keyOf(item);
    if (!stepKeys.has(key)) continue;
    let list = byFileAndNode.get(key);
    if (list === undefined) byFileAndNode.set(key, (list = []));
    list.push(item);
  }
  const shift = new Map<ReplayItem, number>();
  const corrections: ClockCorrection[] = [];
  for (const list of byFileAndNode.values()) {
    list.sort((left, right) => left.event.source.line - right.event.source.line || left.event.id - right.event.id);
    for (let at = 0; at < list.length; at++) {
      const step = list[at];
      if (!isClockStep(step.event)) continue;
      const moveMs = Math.round((step.event.fields.seconds as number) * 1000);
      let first = at;
      // Back to the previous step, or to where the node's times jump back (the wrong clock began after that line).
      while (first > 0) {
        const before = list[first - 1];
        if (isClockStep(before.event) || before.event.source.line === step.event.source.line) break;
        if ((before.event.ts as number) - (list[first].event.ts as number) > JUMP_BACK_MS && first < at) break;
        first--;
      }
      const moved = list.slice(first, at).filter((item) => item.event.source.line < step.event.source.line);
      if (moved.length === 0) continue;
      for (const item of moved) shift.set(item, moveMs);
      corrections.push({
        node: step.event.host as string,
        file: step.event.source.file,
        stepTs: step.event.ts as number,
        line: step.event.source.line,
        seconds: step.event.fields.seconds as number,
        movedEvents: moved.length,
        fromTs: moved[0].event.ts as number,
        toTs: moved[moved.length - 1].event.ts as number,
      });
    }
  }
  if (shift.size === 0) return null;
  const corrected = items.map((item) => {
    const moveMs = shift.get(item);
    return moveMs === undefined ? item : { event: { ...item.event, ts: (item.event.ts as number) + moveMs }, fileId: item.fileId };
  });
  // REPLAY_ORDER (src/store/store.ts): untimed first, then time, file, line, id.
  corrected.sort(
    (left, right) =>
      Number(left.event.ts !== null) - Number(right.event.ts !== null) ||
      (left.event.ts ?? 0) - (right.event.ts ?? 0) ||
      left.fileId - right.fileId ||
      left.event.source.line - right.event.source.line ||
      left.event.id - right.event.id,
  );
  return { items: corrected, corrections };
}

/** The notice analyze prints for a correction: which node, by how much, which of its lines moved. */
export function describeClockCorrection(correction: ClockCorrection): { message: string; hint: string } {
  const clock = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
  const seconds = Math.round(correction.seconds);
  const minutes = Math.round(Math.abs(correction.seconds) / 60);
  const span = minutes >= 120 ? `${Math.round(minutes / 6) / 10} h` : `${minutes} min`;
  return {
    message:
      `${correction.node}'s clock was stepped by ${seconds > 0 ? "+" : ""}${seconds} s (${correction.file}:${correction.line}, at ${clock(correction.stepTs)}): ` +
      `its ${correction.movedEvents} earlier event(s) in that file, written ${clock(correction.fromTs)} to ${clock(correction.toTs)} by its clock, ` +
      `are read ${span} ${seconds < 0 ? "earlier" : "later"}, where they happened`,
    hint:
      "where its wrong time began is taken from the file (the node's previous step, or its times jumping back); " +
      "its lines in other files (package logs) keep the times they show: check them against this before trusting their order",
  };
}
