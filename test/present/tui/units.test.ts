import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { initialNavigation, navigate } from "../../../src/present/tui/navigation.js";
import { makeAxis, markLegend, timelineChart, stateFill } from "../../../src/present/tui/timeline-chart.js";
import { EVENT_DISPLAY } from "../../../src/catalogue/vocabulary.js";
import { fit, wrap, displayPath } from "../../../src/present/tui/text.js";
import { assertTerminal, leaveContinuousIntegrationMode } from "../../../src/present/tui/terminal.js";
import { severityColor, themeFromEnvironment } from "../../../src/present/tui/theme.js";
import { splitKeys } from "../../../src/present/tui/view-input.js";
import { markTerms } from "../../../src/present/tui/logs-rows.js";
import { UsageError } from "../../../src/errors.js";
import { repositoryRoot, runMcadvisor } from "../../helpers/cli.js";
import type { Timeline } from "../../../src/store/timeline.js";

describe("navigation", () => {
  it("drills down with open, comes back the same way, and Tab starts a new trail", () => {
    let state = navigate(initialNavigation, { type: "open", view: "detail" });
    state = navigate(state, { type: "jump", file: "f", line: 3 });
    expect(state.view).toBe("logs");
    expect(state.jump).toMatchObject({ file: "f", line: 3, serial: 1 });
    state = navigate(state, { type: "back" });
    expect(state.view).toBe("detail");
    state = navigate(state, { type: "back" });
    expect(state.view).toBe("findings");
    expect(navigate(state, { type: "back" })).toBe(state);
    state = navigate(state, { type: "cycle", step: -1 });
    expect(state.view).toBe("logs");
    expect(navigate(state, { type: "back" }).view).toBe("findings");
    expect(navigate(navigate(state, { type: "jump", file: "f", line: 3 }), { type: "jump", file: "f", line: 3 }).jump?.serial).toBe(3);
  });
});

describe("timeline drawing", () => {
  it('the legend names every mark the timeline draws (the maintenance mode\'s M read "M M")', () => {
    for (const [kind, display] of Object.entries(EVENT_DISPLAY)) {
      const legend = markLegend([{ ts: 0, kind } as Timeline["marks"][number]]);
      expect(legend, kind).not.toBe(`${display.glyph} ${display.glyph}`);
    }
  });

  const base = Date.UTC(2026, 10, 16, 3, 0, 0);
  const timeline: Timeline = {
    start: base,
    end: base + 86_400_000,
    rows: [
      {
        deviceGroup: "oradg",
        node: "nodeB1",
        side: "local",
        spans: [
          { state: "PAIR", role: "SVOL", from: base, to: base + 60_000, source: { file: "f", line: 1 } },
          { state: "SSWS", role: "SVOL", from: base + 60_000, to: null, source: { file: "f", line: 2 } },
        ],
      },
    ],
    marks: [
      {
        ts: base + 50_000,
        kind: "takeover",
        node: "nodeB1",
        package: "oracle_pkg",
        deviceGroup: "oradg",
        label: "horctakeover oradg on nodeB1: svol",
        source: { file: "f", line: 2 },
      },
      {
        ts: base + 86_400_000,
        kind: "pkg.halted",
        node: "nodeA1",
        package: "oracle_pkg",
        deviceGroup: null,
        label: "oracle_pkg halted on nodeA1",
        source: { file: "f", line: 9 },
      },
    ],
  };

  it("keeps order on the compressed axis, marks long quiet stretches, fits the width", () => {
    const axis = makeAxis([base, base + 1000, base + 2000, base + 86_400_000], 60);
    expect(axis.column(base)).toBe(0);
    expect(axis.column(base + 1000)).toBeLessThan(axis.column(base + 2000));
    expect(axis.column(base + 2000)).toBeLessThan(axis.column(base + 86_400_000));
    expect(axis.breaks.length).toBe(1);
    for (const width of [80, 120]) {
      const chart = timelineChart(timeline, width, 0, { color: false });
      const text = chart.rows.map((row) => row.map((segment) => segment.text).join(""));
      for (const row of text) expect(row.length).toBeLessThanOrEqual(width);
      expect(text.find((row) => row.includes("nodeB1 local"))).toContain("SVOL_SSWS#");
      expect(text.find((row) => row.includes("nodeB1 events"))).toContain("T");
      expect(text.find((row) => row.includes("nodeA1 events"))).toContain("H");
      expect(text.some((row) => row.includes("≈"))).toBe(true);
      expect(text.some((row) => row.includes("^ 11-16 03:00:50"))).toBe(true);
    }
    const hostile: Timeline = { ...timeline, rows: [{ ...timeline.rows[0], spans: [{ ...timeline.rows[0].spans[0], state: "\u001b[2J", to: null }] }] };
    const drawn = timelineChart(hostile, 80, null, { color: false })
      .rows.map((row) => row.map((segment) => segment.text).join(""))
      .join("\n");
    expect(drawn).not.toContain("\u001b");
    expect(drawn).toContain("SVOL_^[[2J");
    expect(stateFill("PAIR")).toBe("=");
    expect(stateFill("PSUE")).toBe("#");
  });
});

describe("colour", () => {
  it("is off when NO_COLOR is set to anything, on otherwise", () => {
    expect(themeFromEnvironment({ NO_COLOR: "1" }).color).toBe(false);
    expect(themeFromEnvironment({ NO_COLOR: "0" }).color).toBe(false);
    expect(themeFromEnvironment({}).color).toBe(true);
    expect(severityColor({ color: false }, "critical")).toBeUndefined();
    expect(severityColor({ color: true }, "critical")).toBe("red");
  });
});

describe("keys", () => {
  it("splits a burst of typed-ahead keys into single keys", () => {
    const plainKey = splitKeys("j", {} as never);
    expect(splitKeys("\n", { return: false } as never)[0][1].return).toBe(true);
    expect(plainKey).toHaveLength(1);
    const burst = splitKeys("\rGk\u007f", { shift: false, ctrl: false, meta: false } as never);
    expect(burst.map(([input]) => input)).toEqual(["", "G", "k", ""]);
    expect(burst[0][1].return).toBe(true);
    expect(burst[1][1].shift).toBe(true);
    expect(burst[3][1].delete).toBe(true);
  });
});

describe("search words in log rows", () => {
  it("are split out as bold segments, case-insensitively, the rest unchanged", () => {
    const segments = markTerms("Executing horctakeover -g oradg ... HORCTAKEOVER returned", ["horctakeover"], { color: false });
    expect(segments.map((segment) => segment.text).join("")).toBe("Executing horctakeover -g oradg ... HORCTAKEOVER returned");
    expect(segments.filter((segment) => segment.bold).map((segment) => segment.text)).toEqual(["horctakeover", "HORCTAKEOVER"]);
    expect(markTerms("abc", [], { color: false })).toEqual([{ text: "abc" }]);
  });
});

describe("text", () => {
  it("makes control characters visible and cuts to the width", () => {
    expect(fit("a\u001b[2Jb", 80)).toBe("a^[[2Jb");
    expect(fit("abcdef", 4)).toBe("abc…");
    expect(wrap("one two three", 7)).toEqual(["one two", "three"]);
    expect(wrap("x".repeat(10), 4)).toEqual(["xxxx", "xxxx", "xx"]);
    expect(displayPath("samples/inc/nodeB1/var/adm/syslog/syslog.log", "/work/samples/inc")).toBe("nodeB1/var/adm/syslog/syslog.log");
  });
});

describe("continuous-integration mode", () => {
  it("is switched off before ink loads, since the TUI always draws on a terminal", () => {
    const env: NodeJS.ProcessEnv = { CI: "true", CONTINUOUS_INTEGRATION: "1", PATH: "/bin" };
    leaveContinuousIntegrationMode(env);
    expect(env).toEqual({ CI: "false", CONTINUOUS_INTEGRATION: "false", PATH: "/bin" });
    const untouched: NodeJS.ProcessEnv = { PATH: "/bin" };
    leaveContinuousIntegrationMode(untouched);
    expect(untouched).toEqual({ PATH: "/bin" });
  });
});

describe("without a terminal", () => {
  it("refuses with a usage error that points to analyze", () => {
    expect(() => assertTerminal({ isTTY: false }, { isTTY: true })).toThrow(UsageError);
    expect(() => assertTerminal({ isTTY: true }, { isTTY: true })).not.toThrow();
  });

  it.skipIf(!existsSync(join(repositoryRoot, "dist", "cli", "main.js")))("the CLI says so and exits 3, without a stack trace", () => {
    const result = runMcadvisor(["tui", "--db", "/nonexistent/tui.db"]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("the TUI needs a terminal");
    expect(result.stderr).toContain("mcadvisor analyze");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });
});
