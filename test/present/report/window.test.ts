import { describe, expect, it } from "vitest";
import { DEFAULT_WINDOW_MS, parseWindowDate, parseWindowDuration, resolveWindow, validateWindowOptions } from "../../../src/present/report/window.js";
import { UsageError } from "../../../src/errors.js";

const HOUR = 3_600_000;
const now = Date.UTC(2026, 10, 20, 16, 0, 0);

describe("report window", () => {
  it("reads durations in s, m, h, d and w, and combinations", () => {
    expect(parseWindowDuration("30m")).toBe(30 * 60_000);
    expect(parseWindowDuration("24h")).toBe(24 * HOUR);
    expect(parseWindowDuration("7d")).toBe(7 * 24 * HOUR);
    expect(parseWindowDuration("1w")).toBe(7 * 24 * HOUR);
    expect(parseWindowDuration("1h30m")).toBe(90 * 60_000);
    expect(parseWindowDuration("0h")).toBeNull();
    expect(parseWindowDuration("24")).toBeNull();
    expect(parseWindowDuration("2026-11-19")).toBeNull();
  });

  it("reads dates as the logs' naive wall clock, and refuses impossible ones", () => {
    expect(parseWindowDate("2026-11-19")).toBe(Date.UTC(2026, 10, 19));
    expect(parseWindowDate("2026-11-19T04:00")).toBe(Date.UTC(2026, 10, 19, 4, 0));
    expect(parseWindowDate("2026-11-19 04:00:30")).toBe(Date.UTC(2026, 10, 19, 4, 0, 30));
    expect(parseWindowDate("2026-02-31")).toBeNull();
    expect(parseWindowDate("2026-11-19T25:00")).toBeNull();
    expect(parseWindowDate("yesterday")).toBeNull();
  });

  it("defaults to the last 24 h before now when there was no previous report", () => {
    expect(resolveWindow({ now })).toEqual({ since: now - DEFAULT_WINDOW_MS, until: now, sinceSource: "default", untilSource: "now" });
    expect(resolveWindow({ now, previousUntil: null }).sinceSource).toBe("default");
  });

  it("continues from the end of the previous report on the same database", () => {
    const previousUntil = now - 3 * 24 * HOUR;
    expect(resolveWindow({ now, previousUntil })).toEqual({ since: previousUntil, until: now, sinceSource: "previous-report", untilSource: "now" });
  });

  it("ignores a previous report that ends at or after this window's end", () => {
    expect(resolveWindow({ now, previousUntil: now }).sinceSource).toBe("default");
    const window = resolveWindow({ now, until: "2026-11-10", previousUntil: now - HOUR });
    expect(window).toMatchObject({ since: Date.UTC(2026, 10, 9), until: Date.UTC(2026, 10, 10), sinceSource: "default", untilSource: "option" });
  });

  it("measures a --since duration back from --until, and a --since date is taken as written", () => {
    const until = Date.UTC(2026, 10, 18);
    expect(resolveWindow({ now, until: "2026-11-18", since: "7d", previousUntil: now - HOUR })).toEqual({
      since: until - 7 * 24 * HOUR,
      until,
      sinceSource: "option",
      untilSource: "option",
    });
    expect(resolveWindow({ now, since: "2026-11-19T04:00" })).toMatchObject({ since: Date.UTC(2026, 10, 19, 4), until: now, untilSource: "now" });
    expect(resolveWindow({ now, since: "30m" }).since).toBe(now - 30 * 60_000);
    expect(resolveWindow({ now, until: "now" }).untilSource).toBe("now");
  });

  it("refuses words, and a --since that is not before --until, as usage errors", () => {
    expect(() => resolveWindow({ now, since: "yesterday" })).toThrow(UsageError);
    expect(() => resolveWindow({ now, until: "24h" })).toThrow(/--until takes a date/);
    expect(() => resolveWindow({ now, since: "2026-11-21", until: "2026-11-20" })).toThrow(/not before the end/);
    expect(() => validateWindowOptions("1x", undefined)).toThrow(UsageError);
    expect(() => validateWindowOptions("7d", "2026-11-20")).not.toThrow();
  });
});
