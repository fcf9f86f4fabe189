import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runMcadvisor } from "../../helpers/cli.js";
import { tempDir } from "../../helpers/temp.js";
import type { ReportModel } from "../../../src/present/report/model.js";
import { renderReportMarkdown, markdownText, codeSpan } from "../../../src/present/report/markdown.js";
import { renderReportHtml } from "../../../src/present/report/html.js";
import { renderReportJson } from "../../../src/present/report/json.js";

const SCRIPT = "<script>alert(1)</script>";
const TITLE = "\u001b]0;title\u0007";
const HOSTILE = `${SCRIPT} ${TITLE} *bold* [link](http://x) | pipe \`tick\``;
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** A model in which every string that can come from a log or a rule template is hostile. */
function hostileModel(): ReportModel {
  const source = { file: `/logs/${SCRIPT}/syslog.log`, line: 7, ts: Date.UTC(2026, 10, 16, 3, 0), host: HOSTILE, text: `Nov 16 03:00:00 node ${HOSTILE}` };
  const finding = {
    id: "f1",
    bundle: `/logs/${SCRIPT}`,
    rule: HOSTILE,
    action: HOSTILE,
    severity: "critical" as const,
    status: "open" as const,
    title: HOSTILE,
    summary: HOSTILE,
    package: HOSTILE,
    deviceGroup: HOSTILE,
    node: HOSTILE,
    site: HOSTILE,
    firstSeen: Date.UTC(2026, 10, 16),
    lastSeen: Date.UTC(2026, 10, 16, 1),
    resolvedAt: null,
    checkFirst: [HOSTILE],
    steps: [{ where: HOSTILE, command: `pairdisplay -g ${HOSTILE}`, why: HOSTILE }],
    evidence: [{ file: source.file, line: 7, text: source.text }],
    updatedAt: "",
    isNew: true,
  };
  const span = { state: HOSTILE, role: HOSTILE, from: Date.UTC(2026, 10, 16), to: null, source: { file: source.file, line: 7 } };
  return {
    version: "0.0.0",
    timeZone: "UTC",
    window: { since: Date.UTC(2026, 10, 16), until: Date.UTC(2026, 10, 17), sinceSource: "option", untilSource: "option" },
    summary: {
      bundles: [finding.bundle],
      clusters: [HOSTILE],
      nodes: [HOSTILE],
      silentNodes: [HOSTILE],
      staleNodes: [{ bundle: HOSTILE, node: HOSTILE, lastSeen: 0, bundleLast: 7_200_000 }],
      clockNotes: [{ bundle: HOSTILE, message: `the clocks of ${HOSTILE} read 1 h ahead`, hint: HOSTILE }],
      packages: [HOSTILE],
      deviceGroups: [HOSTILE],
      worstSeverity: "critical",
      openCounts: { critical: 1, warning: 0, info: 0 },
      acknowledged: 0,
      lines: 1,
      unparsed: 1,
      events: 1,
      dataStart: Date.UTC(2026, 10, 16),
      dataEnd: Date.UTC(2026, 10, 16, 5),
    },
    openFindings: [finding],
    resolvedFindings: [{ ...finding, id: "f2", status: "resolved", resolvedAt: Date.UTC(2026, 10, 16, 2) }],
    supersededFindings: [],
    timelines: [
      {
        bundle: finding.bundle,
        timeline: {
          start: Date.UTC(2026, 10, 16),
          end: Date.UTC(2026, 10, 17),
          rows: [{ deviceGroup: HOSTILE, node: HOSTILE, side: "local", spans: [span] }],
          marks: [
            { ts: Date.UTC(2026, 10, 16, 4), kind: "pkg.started", node: HOSTILE, package: HOSTILE, deviceGroup: HOSTILE, label: HOSTILE, source: span.source },
          ],
        },
      },
    ],
    packageActivity: [{ ts: Date.UTC(2026, 10, 16, 4), bundle: finding.bundle, package: HOSTILE, node: HOSTILE, activity: "started", source }],
    packages: [
      {
        bundle: finding.bundle,
        package: HOSTILE,
        startedOn: [HOSTILE],
        failures: 1,
        halts: 0,
        moves: [{ from: HOSTILE, to: HOSTILE, ts: Date.UTC(2026, 10, 16, 4) }],
      },
    ],
    suspicious: [{ shape: HOSTILE, count: 2, hosts: [HOSTILE], first: source.ts, last: source.ts, sample: source }],
    suspiciousLines: 2,
    suspiciousGroupsOmitted: 0,
    missingLogs: [{ bundle: finding.bundle, package: HOSTILE, nodes: [HOSTILE], seenAt: source, expectedPath: `/etc/cmcluster/${HOSTILE}/${HOSTILE}.log` }],
    unreadLines: [{ ...source, bundle: finding.bundle, package: HOSTILE, terms: HOSTILE }],
    unreadTotal: 1,
    readings: [{ bundle: finding.bundle, files: 1, lines: 4, unreadable: 3, unread: 1 }],
    exitStatus: 2,
  };
}

/** The Markdown without its code spans (CommonMark: a backslash-escaped backtick opens none; a span closes on a run of equal length). */
function outsideCodeSpans(markdown: string): string {
  let out = "";
  for (let index = 0; index < markdown.length;) {
    const character = markdown[index];
    if (character === "\\") {
      out += markdown.slice(index, index + 2);
      index += 2;
      continue;
    }
    if (character !== "`") {
      out += character;
      index++;
      continue;
    }
    const run = /^`+/.exec(markdown.slice(index))?.[0] ?? "`";
    const close = new RegExp(`(?<!\`)${run}(?!\`)`, "g");
    close.lastIndex = index + run.length;
    const match = close.exec(markdown);
    if (!match) {
      out += run;
      index += run.length;
    } else {
      index = match.index + run.length;
    }
  }
  return out;
}

function write(root: string, relative: string, content: string): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

describe("report output keeps hostile log text inert", () => {
  const model = hostileModel();

  it("HTML: every string escaped, no control character, no script, no element from the log", () => {
    const html = renderReportHtml(model, { cwd: "/" });
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<a [^>]*>/g)?.every((link) => link.startsWith('<a href="#')) ?? true).toBe(true); // only the section links
    expect(html).not.toMatch(RAW_CONTROL);
    expect(html).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(html).toContain("^[]0;title^G");
    // Self-contained: no reference to anything outside the file.
    expect(html).not.toMatch(/src=|href="(?!#)|url\(|@import/i);
  });

  it("Markdown: control characters in caret notation, HTML as entities, Markdown syntax escaped", () => {
    const markdown = renderReportMarkdown(model, { cwd: "/" });
    // Code spans (paths, commands) show their text literally in every renderer; everywhere else `<` is an entity.
    expect(outsideCodeSpans(markdown)).not.toMatch(/<script/i);
    expect(outsideCodeSpans("a `<b>` c \\`<i>\\`")).toBe("a  c \\`<i>\\`");
    expect(markdown).not.toMatch(RAW_CONTROL);
    expect(markdown).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(markdown).toContain("^\\[\\]0;title^G");
    expect(outsideCodeSpans(markdown)).not.toContain("[link](http://x)");
    expect(markdown).toContain("\\*bold\\*");
    expect(markdownText("# not a heading")).toBe("\\# not a heading");
    expect(markdownText("1. not a list")).toBe("1\\. not a list");
    expect(markdownText("oracle_pkg _x_")).toBe("oracle_pkg \\_x\\_");
    // Commands stay copyable: a code span whose fence outgrows any backticks inside.
    expect(codeSpan("echo `date`")).toBe("`` echo `date` ``");
    expect(codeSpan("cmrunpkg -n <primary node> oracle_pkg")).toBe("`cmrunpkg -n <primary node> oracle_pkg`");
    expect(codeSpan("a|b", true)).toBe("`a\\|b`");
  });

  it("JSON: the exact text survives a parse, and the document holds no raw <, > or control character", () => {
    const json = renderReportJson(model);
    expect(json).not.toMatch(/[<>&]/);
    expect(json).not.toMatch(RAW_CONTROL);
    const document = JSON.parse(json) as { openFindings: Array<{ title: string; evidence: Array<{ text: string }> }> };
    expect(document.openFindings[0].title).toBe(HOSTILE);
    expect(document.openFindings[0].evidence[0].text).toContain(`${SCRIPT} ${TITLE}`);
  });

  it("through the real CLI, a hostile syslog line is inert in all three formats", () => {
    const root = tempDir();
    const database = join(root, "db.sqlite");
    write(
      root,
      "bundle/nodeA1/var/adm/syslog/syslog.log",
      [
        "Nov 16 03:00:00 nodeA1 cmcld[2048]: Started package oracle_pkg on node nodeA1.",
        `Nov 16 03:01:00 nodeA1 myapp[12]: write failed ${SCRIPT} ${TITLE}`,
        "",
      ].join("\n"),
    );
    const common = ["--db", database, "--since", "2026-11-16", "--until", "2026-11-17", "--tz", "UTC", "--year", "2026"];
    const markdown = runMcadvisor(["report", ...common, join(root, "bundle")]);
    expect(markdown.code, markdown.stderr).toBe(0);
    expect(markdown.stdout).toContain("&lt;script&gt;alert(1)&lt;/script&gt; ^\\[\\]0;title^G");
    expect(markdown.stdout).not.toMatch(RAW_CONTROL);
    const html = runMcadvisor(["report", ...common, "--format", "html"]);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain("&#60;script&#62;alert(1)&#60;/script&#62; ^[]0;title^G");
    expect(html.stdout).not.toMatch(/<script/i);
    expect(html.stdout).not.toMatch(RAW_CONTROL);
    const json = runMcadvisor(["report", ...common, "--format", "json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).not.toMatch(/<script|[\u001b\u0007]/);
    const document = JSON.parse(json.stdout) as { suspicious: { groups: Array<{ sample: { text: string } }> } };
    expect(document.suspicious.groups[0].sample.text).toBe(`Nov 16 03:01:00 nodeA1 myapp[12]: write failed ${SCRIPT} ${TITLE}`);
  });
});
