import { describe, expect, it } from "vitest";
import type { ReportModel } from "../../../src/present/report/model.js";
import { renderReportMarkdown } from "../../../src/present/report/markdown.js";

const HOUR = 3_600_000;
const since = Date.UTC(2026, 10, 16);

function modelWithSpans(count: number): ReportModel {
  const states = ["PAIR", "PSUE"];
  const spans = Array.from({ length: count }, (_, index) => ({
    state: states[index % 2],
    role: "PVOL",
    from: since + index * HOUR,
    to: index === count - 1 ? null : since + (index + 1) * HOUR,
    source: { file: "/b/nodeA1/var/adm/syslog/syslog.log", line: index + 1 },
  }));
  return {
    version: "test",
    window: { since, until: since + 24 * HOUR, sinceSource: "option", untilSource: "option" },
    summary: {
      bundles: ["/b"],
      clusters: [],
      nodes: ["nodeA1"],
      silentNodes: [],
      staleNodes: [],
      clockNotes: [],
      packages: [],
      deviceGroups: ["oradg"],
      worstSeverity: null,
      openCounts: { critical: 0, warning: 0, info: 0 },
      acknowledged: 0,
      lines: count,
      unparsed: 0,
      events: count,
      dataStart: since,
      dataEnd: since + count * HOUR,
    },
    openFindings: [],
    resolvedFindings: [],
    supersededFindings: [],
    timelines: [
      { bundle: "/b", timeline: { start: since, end: since + 24 * HOUR, rows: [{ deviceGroup: "oradg", node: "nodeA1", side: "local", spans }], marks: [] } },
    ],
    packageActivity: [],
    packages: [],
    suspicious: [],
    suspiciousLines: 0,
    suspiciousGroupsOmitted: 0,
    missingLogs: [],
    unreadLines: [],
    unreadTotal: 0,
    readings: [],
    exitStatus: 0,
  };
}

describe("Markdown report", () => {
  it("a timeline row shows every state when there are few", () => {
    const markdown = renderReportMarkdown(modelWithSpans(3), { cwd: "/" });
    expect(markdown).toContain("| oradg | nodeA1 | local | **PVOL PAIR** 11-16 00:00 → **PVOL PSUE** 11-16 01:00 → **PVOL PAIR** 11-16 02:00 |");
  });

  it("a flapping pair keeps its first state and the latest changes, and says how many are left out", () => {
    const markdown = renderReportMarkdown(modelWithSpans(20), { cwd: "/" });
    const row = markdown.split("\n").find((line) => line.startsWith("| oradg | nodeA1 |")) ?? "";
    expect(row).toContain("**PVOL PAIR** 11-16 00:00 → *12 more changes* → **PVOL PSUE** 11-16 13:00 →");
    expect(row.endsWith("**PVOL PSUE** 11-16 19:00 |")).toBe(true);
    expect(row.match(/\*\*PVOL/g)).toHaveLength(8);
  });

  it("an empty window on data from elsewhere in time says so, with the options that cover the data", () => {
    const model = modelWithSpans(2);
    const empty: ReportModel = {
      ...model,
      window: { ...model.window, since: since + 30 * 24 * HOUR, until: since + 31 * 24 * HOUR },
      summary: { ...model.summary, lines: 0 },
    };
    const markdown = renderReportMarkdown(empty, { cwd: "/" });
    expect(markdown).toContain("> **This window holds no log lines.** The stored logs run from 2026-11-16T00:00:00 to 2026-11-16T02:00:00, before the window.");
    expect(markdown).toContain("`mcadvisor report --since 2026-11-16T00:00 --until 2026-11-16T02:01`");
  });
});
