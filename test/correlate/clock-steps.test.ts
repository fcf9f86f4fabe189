import { describe, expect, it } from "vitest";
import { correctClockSteps, describeClockCorrection, type ReplayItem } from "../../src/correlate/clock-steps.js";
import type { Scalar } from "../../src/model/events.js";

const at = (hhmmss: string, day = 5): number => Date.UTC(2024, 2, day, ...(hhmmss.split(":").map(Number) as [number, number, number]));

let nextId = 1;
/** One event of `host` at line `line` of file `fileId` (path node-<fileId>.log). */
function item(fileId: number, line: number, host: string, time: string | null, kind = "admin.command", fields: Record<string, Scalar> = {}): ReplayItem {
  return {
    fileId,
    event: {
      id: nextId++,
      kind,
      ts: time === null ? null : at(time),
      host,
      package: null,
      deviceGroup: null,
      node: null,
      fields,
      source: { file: `node-${fileId}.log`, line },
      raw: `line ${line}`,
    },
  };
}

const step = (fileId: number, line: number, host: string, time: string, seconds: number): ReplayItem =>
  item(fileId, line, host, time, "clock.stepped", { seconds });

/** The items in REPLAY_ORDER (what the store gives). */
const replayOrder = (items: ReplayItem[]): ReplayItem[] =>
  [...items].sort(
    (left, right) =>
      Number(left.event.ts !== null) - Number(right.event.ts !== null) ||
      (left.event.ts ?? 0) - (right.event.ts ?? 0) ||
      left.fileId - right.fileId ||
      left.event.source.line - right.event.source.line,
  );

const linesOf = (items: readonly ReplayItem[]): string[] => items.map((entry) => `${entry.event.source.file}:${entry.event.source.line}`);

describe("a node's clock step moves its earlier lines", () => {
  it("a node 40 minutes fast: its command before the others' failure is read where it happened", () => {
    const items = replayOrder([
      item(1, 10, "mad1bd02", "09:33:07", "pkg.switching.disabled"),
      item(1, 11, "mad1bd02", "09:47:55", "pkg.started"),
      item(2, 31, "mad2bd02", "10:00:10"), // cmmodpkg -e, written 40 minutes fast
      item(2, 38, "mad2bd02", "11:09:59", "node.seen"),
      step(2, 39, "mad2bd02", "10:30:03", -2400.482611),
      item(2, 40, "mad2bd02", "10:35:00", "node.seen"),
    ]);
    const corrected = correctClockSteps(items);
    expect(corrected).not.toBeNull();
    expect(linesOf(corrected?.items ?? [])).toEqual(["node-2.log:31", "node-1.log:10", "node-1.log:11", "node-2.log:38", "node-2.log:39", "node-2.log:40"]);
    expect(corrected?.items[0].event.ts).toBe(at("10:00:10") - 2_400_483);
    expect(corrected?.corrections).toEqual([
      {
        node: "mad2bd02",
        file: "node-2.log",
        stepTs: at("10:30:03"),
        line: 39,
        seconds: -2400.482611,
        movedEvents: 2,
        fromTs: at("10:00:10"),
        toTs: at("11:09:59"),
      },
    ]);
    const notice = describeClockCorrection(corrected?.corrections[0] as NonNullable<typeof corrected>["corrections"][number]);
    expect(notice.message).toContain("mad2bd02's clock was stepped by -2400 s");
    expect(notice.message).toContain("are read 40 min earlier");
  });

  it("a node that rebooted with its clock hours behind: only the lines after it came back move, not those before its crash", () => {
    const items = replayOrder([
      item(1, 100, "aur-a2", "13:10:00", "node.seen"),
      item(1, 101, "aur-a2", "13:12:40", "node.seen"), // the last line before the crash, right time
      item(1, 200, "aur-a2", "09:05:25", "node.seen"), // booted 7 hours slow
      item(1, 210, "aur-a2", "09:07:10", "cluster.membership"),
      step(1, 226, "aur-a2", "16:24:31", 25199.621734),
      item(2, 5, "aur-a1", "16:07:05", "cluster.membership"),
    ]);
    const corrected = correctClockSteps(items);
    const moved = corrected?.items.filter((entry) => entry.event.source.file === "node-1.log").map((entry) => [entry.event.source.line, entry.event.ts]);
    expect(moved).toEqual([
      [100, at("13:10:00")],
      [101, at("13:12:40")],
      [200, at("09:05:25") + 25_199_622],
      [210, at("09:07:10") + 25_199_622],
      [226, at("16:24:31")],
    ]);
    // The rejoin is now read with the others' view of it, minutes apart, after the crash.
    expect(linesOf(corrected?.items ?? []).slice(-3)).toEqual(["node-2.log:5", "node-1.log:210", "node-1.log:226"]);
  });

  it("a step moves lines back only to the node's previous step, only in its own file, and only the node's own lines", () => {
    const items = replayOrder([
      item(1, 1, "nodeA", "08:00:00"),
      step(1, 2, "nodeA", "08:10:00", -120),
      item(1, 3, "nodeA", "09:00:00"),
      item(1, 4, "nodeB", "09:01:00"), // another host in the same (consolidated) file
      step(1, 5, "nodeA", "09:30:00", -600),
      item(3, 1, "nodeA", "09:05:00"), // nodeA's package log: its place against the step is unknown
    ]);
    const corrected = correctClockSteps(items);
    const byLine = new Map(corrected?.items.map((entry) => [`${entry.event.source.file}:${entry.event.source.line}`, entry.event.ts]));
    expect(byLine.get("node-1.log:1")).toBe(at("08:00:00") - 120_000);
    expect(byLine.get("node-1.log:3")).toBe(at("09:00:00") - 600_000);
    expect(byLine.get("node-1.log:4")).toBe(at("09:01:00"));
    expect(byLine.get("node-3.log:1")).toBe(at("09:05:00"));
    expect(corrected?.corrections.map((correction) => [correction.line, correction.movedEvents])).toEqual([
      [2, 1],
      [5, 1],
    ]);
  });

  it("drift is not a step: under a minute nothing moves, and events without a time stay first", () => {
    const items = replayOrder([item(1, 1, "nodeA", null, "config.fact"), item(1, 2, "nodeA", "08:00:00"), step(1, 3, "nodeA", "08:10:00", -0.35)]);
    expect(correctClockSteps(items)).toBeNull();
    const stepped = correctClockSteps(replayOrder([...items, step(1, 4, "nodeA", "08:20:00", -3600)]));
    expect(stepped?.items[0].event.kind).toBe("config.fact");
    expect(stepped?.items[0].event.ts).toBeNull();
  });
});
