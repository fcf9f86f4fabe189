/**
The report as Markdown (mail, tickets, wikis). Every string that came from a log is neutralised:
control characters in caret notation (sanitizeForTerminal), Markdown syntax backslash-escaped and the
HTML-significant `<`, `>`, `&` written as entities, so a `<script>` line stays text in every renderer.
Commands are code spans so they can be copied as they are.
*/
import { sanitizeForTerminal } from "../sanitize.js";
import { numberedSteps } from "../steps.js";
import { describeAcknowledgement } from "../../model/acknowledgement.js";
import type { Severity } from "../../model/findings.js";
import type { ReportFinding, ReportModel } from "./model.js";
import { dataOutsideWindow, displayPath, reportTime, shortTime, staleWarning, nothingOpen, unfinishedBundles, unreadableBundles } from "./model.js";
import { EXIT_STATUS_LEGEND, describeReadability } from "../../model/readability.js";
import { describeSite } from "../site-text.js";
import { windowSources } from "./window.js";
import { renderSections, type SectionRenderers } from "./sections.js";
import type { TimelineRow } from "../../store/timeline.js";

export interface MarkdownOptions {
  /** Paths are shown relative to this folder. */
  readonly cwd?: string;
  /** At most this many timeline marks per bundle (default 40). */
  readonly markLimit?: number;
}

const ENTITIES: Readonly<Record<string, string>> = { "<": "&lt;", ">": "&gt;", "&": "&amp;" };

/** Inline Markdown text from untrusted input. */
export function markdownText(value: string): string {
  const escaped = sanitizeForTerminal(value)
    .replace(/[<>&]/g, (character) => ENTITIES[character])
    .replace(/[\\`*[\]|~]/g, (character) => `\\${character}`)
    // `_` inside a word (oracle_pkg) is never emphasis in CommonMark; only escape it at word edges.
    .replace(/(^|\W)_|_(?=\W|$)/g, (match) => match.replace("_", "\\_"));
  // Block syntax only matters at the start of a line: a heading, list or quote marker there is made literal.
  return escaped.replace(/^[#+\-=]/, "\\$&").replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A code span that holds any text: the fence is longer than any backtick run inside; pipes escaped in tables. */
export function codeSpan(value: string, inTable = false): string {
  let text = sanitizeForTerminal(value);
  if (inTable) text = text.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const padded = text.startsWith("`") || text.endsWith("`") || text === "" ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}

const SEVERITY_WORD: Readonly<Record<Severity, string>> = { critical: "CRITICAL", warning: "WARNING", info: "INFO" };
/** At most this many states per timeline row in Markdown (the HTML chart and the JSON have them all). */
const SPAN_LIMIT = 8;

function list(values: readonly string[], empty = "none"): string {
  return values.length === 0 ? `*${empty}*` : values.map(markdownText).join(", ");
}

/** What every section of the Markdown report is rendered from. */
interface MarkdownContext {
  readonly model: ReportModel;
  readonly cwd: string;
  readonly markLimit: number;
  /** A time in the logs' wall clock. */
  readonly time: (ms: number | null) => string;
  /** A file, or a log line's place `file:line`, as a code span. */
  readonly path: (file: string, line?: number) => string;
  /** With several bundles (a database of many incidents) a finding says which one it belongs to. */
  readonly bundleOf: (bundle: string) => string | null;
  readonly unreadable: ReturnType<typeof unreadableBundles>;
}

export function renderReportMarkdown(model: ReportModel, options: MarkdownOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const context: MarkdownContext = {
    model,
    cwd,
    markLimit: options.markLimit ?? 40,
    time: (ms) => reportTime(ms, model.timeZone),
    path: (file, line) => codeSpan(`${displayPath(file, cwd)}${line === undefined ? "" : `:${line}`}`),
    bundleOf: (bundle) => (model.summary.bundles.length > 1 ? displayPath(bundle, cwd) : null),
    unreadable: unreadableBundles(model),
  };
  return `${renderSections(MARKDOWN_SECTIONS, context).join("\n")}\n`;
}

function titleSection({ model, time, unreadable, cwd }: MarkdownContext): string[] {
  const { summary, window } = model;
  const why = windowSources(window);
  const open = summary.openCounts;
  const status = model.exitStatus === 3 ? "UNKNOWN" : summary.worstSeverity === null ? "OK" : SEVERITY_WORD[summary.worstSeverity];
  return [
    "# mcadvisor log review",
    "",
    `**Window:** ${time(window.since)} (${why.since}) to ${time(window.until)} (${why.until})  `,
    `Times are the logs' wall clock${model.timeZone ? ` (zone ${markdownText(model.timeZone)})` : ""}.`,
    "",
    `**Status: ${status}** (exit status ${model.exitStatus}): ${open.critical} critical, ${open.warning} warning, ${open.info} info open; ` +
      `${model.resolvedFindings.length} resolved in this window.${acknowledgedNote(summary.acknowledged)}` +
      `${unreadable.length > 0 ? ` mcadvisor could not read enough of ${unreadable.length === 1 ? "one bundle" : `${unreadable.length} bundles`} to judge ${unreadable.length === 1 ? "it" : "them"}: see "Lines mcadvisor could not read".` : ""}`,
    "",
    // Said under the status, not among the unread lines: every finding below may still change.
    ...unfinishedBundles(model).flatMap((reading) => [
      `> **Not finished:** ${codeSpan(displayPath(reading.bundle, cwd))}: ${markdownText(describeReadability(reading) ?? "")}.`,
      "",
    ]),
  ];
}

function notesSection({ model, cwd, time }: MarkdownContext): string[] {
  const { summary } = model;
  const out: string[] = [];
  const outside = dataOutsideWindow(model);
  if (outside !== null) {
    out.push(
      `> **This window holds no log lines.** The stored logs run from ${time(summary.dataStart)} to ${time(summary.dataEnd)}, ` +
        `${outside === "before" ? "before" : "after"} the window. Open findings below are still open; to review those logs themselves run ` +
        `${codeSpan(`mcadvisor report --since ${isoMinute(summary.dataStart)} --until ${isoMinute((summary.dataEnd ?? 0) + 60_000)}`)}.`,
      "",
    );
  } else if (summary.lines === 0) {
    out.push("> **This window holds no log lines.** Check that the nodes still log and that `watch` (or the copy job) is running.", "");
  }
  for (const note of summary.clockNotes) {
    const where = summary.bundles.length > 1 ? `${displayPath(note.bundle, cwd)}: ` : "";
    const sentence = where === "" ? `${note.message.charAt(0).toUpperCase()}${note.message.slice(1)}` : note.message;
    out.push(`> **Warning: node clocks disagree.** ${markdownText(`${where}${sentence}. ${note.hint}.`)}`, "");
  }
  for (const stale of summary.staleNodes) {
    out.push(
      `> **Warning: a node fell silent.** ${markdownText(staleWarning(stale, time, summary.bundles.length > 1 ? displayPath(stale.bundle, cwd) : null))}`,
      "",
    );
  }
  return out;
}

function summarySection({ model, cwd, time }: MarkdownContext): string[] {
  const { summary } = model;
  const out: string[] = ["## Summary", "", "| | |", "|---|---|"];
  out.push(
    `| Log bundles | ${summary.bundles.length === 0 ? "*none*" : summary.bundles.map((bundle) => codeSpan(displayPath(bundle, cwd), true)).join(", ")} |`,
  );
  out.push(`| Clusters | ${list(summary.clusters, "no cluster name in these logs")} |`);
  out.push(`| Nodes logging | ${list(summary.nodes)} |`);
  if (summary.silentNodes.length > 0) out.push(`| Nodes silent in this window | ${list(summary.silentNodes)} |`);
  if (summary.staleNodes.length > 0)
    out.push(
      `| Nodes that fell silent in this window | ${summary.staleNodes.map((stale) => `${markdownText(stale.node)} (last line ${time(stale.lastSeen)})`).join(", ")} |`,
    );
  out.push(`| Packages | ${list(summary.packages)} |`);
  out.push(`| Device groups | ${list(summary.deviceGroups)} |`);
  out.push(`| Worst open severity | ${summary.worstSeverity === null ? "none" : SEVERITY_WORD[summary.worstSeverity]} |`);
  out.push(`| Lines in window | ${summary.lines} (${summary.unparsed} unparsed), ${summary.events} events, ${model.unreadTotal} unread replication lines |`);
  out.push(`| Stored logs span | ${summary.dataStart === null ? "*no timed lines*" : `${time(summary.dataStart)} to ${time(summary.dataEnd)}`} |`, "");
  return out;
}

function openSection({ model, time, path, bundleOf }: MarkdownContext): string[] {
  const out: string[] = [`## Open findings (${model.openFindings.length})`, ""];
  if (model.openFindings.length === 0) out.push(nothingOpen(model), "");
  model.openFindings.forEach((finding, index) => renderFinding(out, finding, index + 1, time, path, bundleOf(finding.bundle)));
  if (model.supersededFindings.length > 0) {
    out.push(`Set aside while another finding is open (${model.supersededFindings.length}): do not follow their steps now.`, "");
    for (const finding of model.supersededFindings) {
      out.push(
        `- ${SEVERITY_WORD[finding.severity]} ${codeSpan(finding.action)} ${markdownText(finding.title)}: first seen ${time(finding.firstSeen)}` +
          `${scopeText(finding) ? ` (${scopeText(finding)})` : ""}, set aside by ${codeSpan((finding.supersededBy ?? "").slice(0, 8))}`,
      );
    }
    out.push("");
  }
  return out;
}

function resolvedSection({ model, time }: MarkdownContext): string[] {
  const out: string[] = [`## Resolved in this window (${model.resolvedFindings.length})`, ""];
  if (model.resolvedFindings.length === 0) out.push("None.", "");
  for (const finding of model.resolvedFindings) {
    out.push(
      `- ${SEVERITY_WORD[finding.severity]} ${codeSpan(finding.action)} ${markdownText(finding.title)}: ` +
        `first seen ${time(finding.firstSeen)}, resolved ${time(finding.resolvedAt)}${scopeText(finding) ? ` (${scopeText(finding)})` : ""}`,
    );
  }
  if (model.resolvedFindings.length > 0) out.push("");
  return out;
}

/** One row per node and side of a device group: its states in order, a flapping pair shortened. */
function pairStateRow(row: TimelineRow, since: number): string {
  // A flapping pair over a long window would make the cell unreadable: the first state and the latest changes.
  const shown = row.spans.length > SPAN_LIMIT ? [row.spans[0], ...row.spans.slice(-(SPAN_LIMIT - 1))] : row.spans;
  const states = shown
    .map((span, index) => {
      const name = `${span.role ? `${span.role} ` : ""}${span.state}`;
      const before = span.from < since ? " (before window)" : "";
      const skipped = index === 1 && shown.length < row.spans.length ? `*${row.spans.length - shown.length} more changes* → ` : "";
      return `${skipped}**${markdownText(name)}** ${shortTime(span.from)}${before}`;
    })
    .join(" → ");
  return `| ${markdownText(row.deviceGroup)} | ${markdownText(row.node)} | ${row.side} | ${states} |`;
}

function pairStatesSection({ model, cwd, markLimit }: MarkdownContext): string[] {
  const { summary, window } = model;
  const out: string[] = ["## Pair states per device group", ""];
  if (model.timelines.length === 0) out.push("No pair state or replication event is logged up to the end of this window.", "");
  for (const { bundle, timeline } of model.timelines) {
    if (model.timelines.length > 1 || summary.bundles.length > 1) out.push(`### ${codeSpan(displayPath(bundle, cwd))}`, "");
    if (timeline.rows.length > 0) {
      out.push("| Device group | Node | Side | States (from) |", "|---|---|---|---|");
      for (const row of timeline.rows) out.push(pairStateRow(row, window.since));
      out.push("");
    }
    if (timeline.marks.length > 0) {
      out.push("| Time | Event | Source |", "|---|---|---|");
      for (const mark of timeline.marks.slice(0, markLimit)) {
        out.push(`| ${shortTime(mark.ts)} | ${markdownText(mark.label)} | ${codeSpan(`${displayPath(mark.source.file, cwd)}:${mark.source.line}`, true)} |`);
      }
      if (timeline.marks.length > markLimit) out.push(`| | *${timeline.marks.length - markLimit} more events (see the JSON or HTML report)* | |`);
      out.push("");
    }
  }
  return out;
}

function packagesSection({ model, cwd }: MarkdownContext): string[] {
  const out: string[] = ["## Packages that failed, started or moved", ""];
  if (model.packages.length === 0) out.push("No package started, halted or failed in this window.", "");
  else {
    out.push("| Package | Started on | Moved | Failures | Halts |", "|---|---|---|---|---|");
    for (const entry of model.packages) {
      const moves = entry.moves.map((move) => `${markdownText(move.from)} → ${markdownText(move.to)} (${shortTime(move.ts)})`).join(", ") || "no";
      out.push(`| ${markdownText(entry.package)} | ${list(entry.startedOn, "-")} | ${moves} | ${entry.failures} | ${entry.halts} |`);
    }
    out.push("", "| Time | Package | Node | What | Source |", "|---|---|---|---|---|");
    for (const entry of model.packageActivity) {
      out.push(
        `| ${shortTime(entry.ts)} | ${markdownText(entry.package)} | ${markdownText(entry.node ?? "?")} | ${entry.activity} | ${codeSpan(`${displayPath(entry.source.file, cwd)}:${entry.source.line}`, true)} |`,
      );
    }
    out.push("");
  }
  return out;
}

function suspiciousSection({ model, path }: MarkdownContext): string[] {
  const out: string[] = [`## Suspicious lines no rule explained (${model.suspiciousLines})`, ""];
  out.push(
    "Lines in the window with error or warning words that no grammar turned into an event and no finding cites. " +
      "Each group is one message shape (numbers, hex values and times replaced by `#`, `<hex>` and `<time>`).",
    "",
  );
  if (model.suspicious.length === 0) out.push("None.", "");
  for (const group of model.suspicious) {
    const first = group.first === null ? null : shortTime(group.first);
    const last = group.last === null ? first : shortTime(group.last);
    const when = first === null ? "" : first === last ? `, ${first}` : `, ${first} to ${last}`;
    out.push(`- **${group.count}×** on ${list(group.hosts, "?")}${when}: ${markdownText(group.shape)}  `);
    out.push(`  e.g. ${path(group.sample.file, group.sample.line)} ${markdownText(group.sample.text.trim())}`);
  }
  if (model.suspiciousGroupsOmitted > 0) out.push(`- *${model.suspiciousGroupsOmitted} smaller groups not shown (see the JSON report)*`);
  if (model.suspicious.length > 0) out.push("");
  return out;
}

function unreadSection({ model, cwd, path, unreadable }: MarkdownContext): string[] {
  const out: string[] = [`## Lines mcadvisor could not read (${model.unreadTotal})`, ""];
  for (const reading of unreadable) {
    out.push(`- **UNKNOWN** ${codeSpan(displayPath(reading.bundle, cwd))}: ${markdownText(describeReadability(reading) ?? "")}.`);
  }
  if (unreadable.length > 0) out.push("");
  out.push(
    "Lines about replication (P-VOL/S-VOL, pair states, fence levels, `horc*`, Raid Manager commands, `EX_` codes, `AUTO_*`) " +
      "from which no grammar read an event: what they say is not in any finding's reasoning. A finding of their package or device group " +
      `shows those near it as evidence; ${codeSpan('mcadvisor query "SELECT * FROM unread_lines"')} lists all of them.`,
    "",
  );
  if (model.unreadLines.length === 0) out.push("None.", "");
  for (const line of model.unreadLines) {
    const about = [line.host, line.package]
      .filter((value): value is string => Boolean(value))
      .map(markdownText)
      .join(", ");
    out.push(`- ${path(line.file, line.line)}${about ? ` (${about})` : ""}, words ${markdownText(line.terms)}: ${markdownText(line.text.trim())}`);
  }
  if (model.unreadTotal > model.unreadLines.length)
    out.push(`- *${model.unreadTotal - model.unreadLines.length} more (see the JSON report or the view ${codeSpan("unread_lines")})*`);
  if (model.unreadLines.length > 0) out.push("");
  return out;
}

function missingLogsSection({ model, cwd, path }: MarkdownContext): string[] {
  const out: string[] = [`## Expected logs missing (${model.missingLogs.length})`, ""];
  if (model.missingLogs.length === 0) out.push("Every package syslog names has its package log in the inputs.", "");
  for (const entry of model.missingLogs) {
    const where = entry.nodes.length > 0 ? ` from ${list(entry.nodes)}` : "";
    const bundle = model.summary.bundles.length > 1 ? ` in ${codeSpan(displayPath(entry.bundle, cwd))}` : "";
    out.push(
      `- **${markdownText(entry.package)}**${bundle}: no package log${where} (expected ${codeSpan(sanitizeForTerminal(entry.expectedPath))}); ` +
        `syslog names it first at ${path(entry.seenAt.file, entry.seenAt.line)}`,
    );
  }
  if (model.missingLogs.length > 0) out.push("");
  return out;
}

function footerSection({ model }: MarkdownContext): string[] {
  return ["---", `*mcadvisor ${markdownText(model.version)}; exit status ${model.exitStatus} (${EXIT_STATUS_LEGEND}).*`];
}

const MARKDOWN_SECTIONS: SectionRenderers<MarkdownContext> = {
  title: titleSection,
  notes: notesSection,
  summary: summarySection,
  open: openSection,
  resolved: resolvedSection,
  "pair-states": pairStatesSection,
  packages: packagesSection,
  suspicious: suspiciousSection,
  unread: unreadSection,
  "missing-logs": missingLogsSection,
  footer: footerSection,
};

function scopeText(finding: ReportFinding): string {
  return [
    finding.cluster ? `cluster ${markdownText(finding.cluster)}` : "",
    finding.package ? `package ${markdownText(finding.package)}` : "",
    finding.deviceGroup ? `device group ${markdownText(finding.deviceGroup)}` : "",
    finding.node ? `node ${markdownText(finding.node)}` : "",
    !finding.siteInfo && finding.site ? `site ${markdownText(finding.site)}` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

/** Said after the counts when acknowledgements quiet some of them (they are counted, and left out of the exit status). */
function acknowledgedNote(count: number): string {
  return count === 0 ? "" : ` ${count} of the open findings ${count === 1 ? "is" : "are"} acknowledged (known, being handled) and left out of the exit status.`;
}

function renderFinding(
  out: string[],
  finding: ReportFinding,
  number: number,
  time: (ms: number | null) => string,
  path: (file: string, line?: number) => string,
  bundle: string | null,
): void {
  const acknowledged = finding.acknowledgement?.active ? " (acknowledged)" : "";
  out.push(`### ${number}. ${SEVERITY_WORD[finding.severity]}: ${markdownText(finding.title)}${finding.isNew ? " (new)" : ""}${acknowledged}`, "");
  if (finding.acknowledgement) out.push(`> **${markdownText(describeAcknowledgement(finding.acknowledgement))}**`, "");
  const scope = scopeText(finding);
  out.push(
    `Action ${codeSpan(finding.action)}${scope ? `; ${scope}` : ""}; first seen ${time(finding.firstSeen)}, last seen ${time(finding.lastSeen)}` +
      `${bundle ? `; bundle ${codeSpan(bundle)}` : ""}.`,
    "",
  );
  if (finding.siteInfo) out.push(`Where: ${markdownText(describeSite(finding.siteInfo, (source) => displayPath(source, finding.bundle)))}.`, "");
  out.push(markdownText(finding.summary), "");
  if (finding.checkFirst.length > 0) {
    out.push("**Check first:**", "");
    for (const check of finding.checkFirst) out.push(`- ${markdownText(check)}`);
    out.push("");
  }
  if (finding.steps.length > 0) {
    out.push("**Steps:**", "");
    // An alternative is no number of the list (it is not done after the step above but instead of it): a
    // nested item under it, led by "or".
    for (const { step, number, alternative, letter, first } of numberedSteps(finding.steps)) {
      const mark = `${first ? "or:" : ""}${letter === null ? "" : `${first ? " " : ""}${letter}.`}`;
      const lead = alternative ? `   - *${mark}* ` : `${number}. `;
      const indent = alternative ? "     " : "   ";
      out.push(`${lead}${markdownText(step.where)}: ${codeSpan(step.command)}${step.why ? `  ` : ""}`);
      if (step.why) out.push(`${indent}${markdownText(step.why)}`);
    }
    out.push("");
  }
  if (finding.evidence.length > 0) {
    out.push("**Evidence:**", "");
    for (const evidence of finding.evidence) out.push(`- ${path(evidence.file, evidence.line)} ${markdownText(evidence.text.trim())}`);
    out.push("");
  }
}

function isoMinute(ms: number | null): string {
  return ms === null ? "?" : new Date(ms).toISOString().slice(0, 16);
}
