import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { readTimeline } from "../../src/store/timeline.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";

async function sampleStore(name: string): Promise<Store> {
  const store = new Store(openDatabase(join(tempDir(), "timeline.db")));
  await analyzePaths(store, { paths: [join("samples", name)], timeZone: "UTC", rules: loadRules([]).rules });
  return store;
}

describe("readTimeline", () => {
  it("draws each node's view of each side as spans that change when the logged state changes", async () => {
    const store = await sampleStore("horctakeover-timeout");
    const timeline = readTimeline(store.database);
    const nodeB1Local = timeline.rows.find((row) => row.deviceGroup === "sapdg" && row.node === "nodeB1" && row.side === "local");
    expect(nodeB1Local?.spans[0]).toMatchObject({ state: "PAIR", role: "SVOL" });
    for (const row of timeline.rows) {
      row.spans.forEach((span, index) => {
        const next = row.spans[index + 1];
        // Consecutive spans differ, and each one ends where the next begins.
        if (next) expect(span.to).toBe(next.from);
        if (next) expect(`${span.state}/${span.role}`).not.toBe(`${next.state}/${next.role}`);
      });
      expect(row.spans[row.spans.length - 1].to).toBeNull();
    }
    expect(timeline.marks.some((mark) => mark.kind === "takeover" && mark.label.includes("failed EX_EWSTOT"))).toBe(true);
    expect(timeline.marks.some((mark) => mark.kind === "pkg.started" && mark.label === "sap_pkg started on nodeA1")).toBe(true);
    expect(timeline.start).not.toBeNull();
    expect(timeline.end as number).toBeGreaterThanOrEqual(timeline.start as number);
    store.database.close();
  });

  it("draws a pasted pairdisplay table as one report: one volume PSUE/SSWS among PAIR rows is drawn PSUE/SSWS, its row as the source", async () => {
    const store = await sampleStore("pair-consistency-one-ldev-taken-over");
    const timeline = readTimeline(store.database);
    const spans = (side: string): string[] =>
      (timeline.rows.find((row) => row.deviceGroup === "oradg" && row.node === "nodeA1" && row.side === side)?.spans ?? []).map(
        (span) => `${span.role} ${span.state}`,
      );
    expect(spans("local")).toEqual(["PVOL PAIR", "PVOL PSUE"]);
    expect(spans("remote")).toEqual(["SVOL PAIR", "SVOL SSWS"]);
    const psue = timeline.rows.find((row) => row.node === "nodeA1" && row.side === "local")?.spans[1];
    expect(psue?.source.file.endsWith("oracle_pkg.log")).toBe(true);
    store.database.close();
  });

  it("keeps the state held when the window opens, and only the marks inside it", async () => {
    const store = await sampleStore("horctakeover-timeout");
    const whole = readTimeline(store.database);
    const middle = whole.marks[Math.floor(whole.marks.length / 2)].ts;
    const windowed = readTimeline(store.database, { since: middle, until: whole.end as number });
    expect(windowed.start).toBe(middle);
    expect(windowed.marks.every((mark) => mark.ts >= middle)).toBe(true);
    for (const row of windowed.rows) for (const span of row.spans) expect(span.to === null || span.to > middle).toBe(true);
    expect(windowed.rows.length).toBeGreaterThan(0);
    const nothing = readTimeline(store.database, { bundles: ["no such bundle"] });
    expect(nothing).toEqual({ start: null, end: null, rows: [], marks: [] });
    store.database.close();
  });
});
