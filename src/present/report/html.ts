/**
The report as one self-contained HTML file: inline CSS and SVG, no script, no network, so it can be
mailed, opened from a file share or printed. Readable on a phone (the chart and wide tables scroll
sideways inside their box), printable (@media print). Every string from a log or the database goes
through escapeHtml, attribute values too.
*/
import { escapeHtml } from "../sanitize.js";
import type { Severity, Step } from "../../model/findings.js";
import { describeAcknowledgement } from "../../model/acknowledgement.js";
import { numberedSteps, type NumberedStep } from "../steps.js";
import type { Timeline, TimelineRow } from "../../store/timeline.js";
import type { ReportFinding, ReportModel } from "./model.js";
import { dataOutsideWindow, displayPath, reportTime, shortTime, staleWarning, nothingOpen, unfinishedBundles, unreadableBundles } from "./model.js";
import { EXIT_STATUS_LEGEND, describeReadability } from "../../model/readability.js";
import { describeSite } from "../site-text.js";
import { windowSources } from "./window.js";
import { REPORT_SECTIONS, renderSections, type ReportSectionId, type SectionRenderers } from "./sections.js";
import { PAIR_STATES, pairStateClass, type PairStateClass } from "../../catalogue/vocabulary.js";

export interface HtmlOptions {
  readonly cwd?: string;
}

const esc = escapeHtml;

/** "oracle_pkg / oradg", "nodeA1 / oracle_pkg": the names given, escaped, empty ones left out. */
function joinedNames(...names: readonly (string | null | undefined)[]): string {
  return names
    .filter((value): value is string => Boolean(value))
    .map(esc)
    .join(" / ");
}
const SEVERITY_WORD: Readonly<Record<Severity, string>> = { critical: "CRITICAL", warning: "WARNING", info: "INFO" };

/** The chart's colour of each class of pair state (src/catalogue/vocabulary.ts), with the legend's words. */
const STATE_STYLES: Readonly<Record<PairStateClass, { readonly css: string; readonly legend: string }>> = {
  synced: { css: "st-pair", legend: "in PAIR" },
  copying: { css: "st-copy", legend: "copying" },
  suspended: { css: "st-susp", legend: "suspended" },
  swapped: { css: "st-susp", legend: "swapped" },
  failed: { css: "st-error", legend: "error" },
  simplex: { css: "st-smpl", legend: "not paired" },
};

const stateClass = (state: string): string => STATE_STYLES[pairStateClass(state)].css;

/** The legend: one entry per colour, naming the states drawn with it. */
function stateLegend(): string {
  const byCss = new Map<string, { legends: string[]; states: string[] }>();
  for (const [state, { class: stateClassName }] of Object.entries(PAIR_STATES)) {
    const style = STATE_STYLES[stateClassName];
    const entry = byCss.get(style.css) ?? { legends: [], states: [] };
    if (!entry.legends.includes(style.legend)) entry.legends.push(style.legend);
    entry.states.push(state);
    byCss.set(style.css, entry);
  }
  return [...byCss].map(([css, { legends, states }]) => `<span><i class="${css}"></i>${esc(legends.join(" or "))} (${esc(states.join(", "))})</span>`).join("");
}

const CSS = `
:root { --fg: #1b1f24; --muted: #59636e; --line: #d0d7de; --bg: #fff; --panel: #f6f8fa;
  --critical: #b3261e; --warning: #9a6700; --info: #0b62a4; --ok: #1a7f37; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 16px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 1.5em; margin: 0 0 4px; }
h2 { font-size: 1.2em; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05em; margin: 0 0 6px; }
p { margin: 6px 0; }
.muted { color: var(--muted); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
code { background: var(--panel); padding: 1px 4px; border-radius: 4px; overflow-wrap: anywhere; }
.status { display: inline-block; padding: 2px 10px; border-radius: 12px; color: #fff; font-weight: 600; }
.sev-critical { background: var(--critical); } .sev-warning { background: var(--warning); }
.sev-info { background: var(--info); } .sev-ok { background: var(--ok); } .sev-unknown { background: #6e7781; }
.note { border-left: 4px solid var(--warning); background: #fff8e1; padding: 8px 12px; margin: 12px 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dl.summary dt { color: var(--muted); } dl.summary dd { margin: 0; overflow-wrap: anywhere; }
.finding { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 10px 14px; margin: 12px 0; break-inside: avoid; }
.finding.critical { border-left-color: var(--critical); } .finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.badge { display: inline-block; font-size: 0.75em; font-weight: 700; padding: 1px 6px; border-radius: 4px; color: #fff; vertical-align: 2px; margin-right: 6px; }
.new { background: #6639ba; } .ack { background: #57606a; }
.acknowledged { border-left: 4px solid #57606a; background: var(--panel); padding: 6px 12px; margin: 8px 0; }
.alternative { margin: 6px 0 0 0; padding-left: 10px; border-left: 2px dashed var(--line); }
.alternative .or { font-style: italic; color: var(--muted); }
.alternative ol { padding-left: 1.4em; }
ol.steps { padding-left: 1.4em; } ol.steps li { margin: 6px 0; }
.where { font-weight: 600; }
pre.cmd { margin: 3px 0; padding: 6px 10px; background: #0d1117; color: #e6edf3; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.cmd code { background: none; color: inherit; padding: 0; font-size: 1em; }
.why { color: var(--muted); }
ul.evidence { padding-left: 1.1em; } ul.evidence li { margin: 3px 0; overflow-wrap: anywhere; }
.src { color: var(--muted); font-size: 0.85em; }
.sample { margin-top: 4px; padding-left: 10px; border-left: 2px solid var(--line); font-size: 0.85em; color: var(--muted); overflow-wrap: anywhere; }
.sample .src { font-size: 1em; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; }
td.mono { white-space: nowrap; }
svg.timeline { display: block; margin-bottom: 8px; min-width: 720px; width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg .label { fill: var(--fg); } svg .axis { stroke: var(--line); } svg .tick { fill: var(--muted); font-size: 11px; }
svg .st-pair { fill: #2da44e; } svg .st-copy { fill: #54aeff; } svg .st-susp { fill: #d4a72c; }
svg .st-error { fill: #cf222e; } svg .st-smpl { fill: #8c959f; }
svg .span-text { fill: #fff; font-size: 11px; font-weight: 600; }
svg .mark { stroke: #57606a; stroke-width: 1; stroke-dasharray: 2 2; } svg .mark-dot { fill: #24292f; }
svg .mark-num { fill: #fff; font-size: 9px; font-weight: 700; }
.legend span { display: inline-block; margin-right: 12px; font-size: 0.85em; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 4px; }
.legend .st-pair { background: #2da44e; } .legend .st-copy { background: #54aeff; } .legend .st-susp { background: #d4a72c; }
.legend .st-error { background: #cf222e; } .legend .st-smpl { background: #8c959f; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 8px 0 0; font-size: 0.9em; }
nav.toc a { color: var(--info); text-decoration: none; } nav.toc a:hover { text-decoration: underline; }
footer { margin-top: 32px; color: var(--muted); font-size: 0.85em; }
@media (max-width: 600px) {
  body { padding: 10px; font-size: 14px; }
  dl.summary { gap: 4px 10px; }
  svg.timeline { min-width: 860px; }
  .src { overflow-wrap: anywhere; } /* long paths wrap instead of pushing tables sideways */
  th, td { padding: 4px 5px; }
  .finding { padding: 8px 10px; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .scroll { overflow: visible; }
  nav.toc { display: none; }
  svg.timeline { min-width: 0; }
  pre.cmd { background: none; color: var(--fg); border: 1px solid var(--line); }
  .status, .badge, .legend i, svg rect, svg circle { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; } tr, .finding, li { break-inside: avoid; }
}
`;

/** What every section of the HTML report is rendered from. */
interface HtmlContext {
  readonly model: ReportModel;
  readonly cwd: string;
  /** A time in the logs' wall clock, escaped. */
  readonly time: (ms: number | null) => string;
  /** A log line's place, `file:line`, escaped. */
  readonly source: (file: string, line: number) => string;
  /** Names joined with commas, or a muted word when there are none. */
  readonly names: (values: readonly string[], empty?: string) => string;
  /** With several bundles (a database of many incidents) a finding says which one it belongs to. */
  readonly bundleOf: (bundle: string) => string | null;
  readonly unreadable: ReturnType<typeof unreadableBundles>;
}

export function renderReportHtml(model: ReportModel, options: HtmlOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const time = (ms: number | null): string => esc(reportTime(ms, model.timeZone));
  const context: HtmlContext = {
    model,
    cwd,
    time,
    source: (file, line) => `<span class="src mono">${esc(`${displayPath(file, cwd)}:${line}`)}</span>`,
    names: (values, empty = "none") => (values.length === 0 ? `<span class="muted">${empty}</span>` : values.map(esc).join(", ")),
    bundleOf: (bundle) => (model.summary.bundles.length > 1 ? displayPath(bundle, cwd) : null),
    unreadable: unreadableBundles(model),
  };
  const head = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No network and no script: the file is the whole report.
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
    `<title>mcadvisor log review ${time(model.window.since)} to ${time(model.window.until)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
  ];
  return `${[...head, ...renderSections(HTML_SECTIONS, context), "</body>", "</html>"].join("\n")}\n`;
}

/** The sections the table of contents links to, with its words (in the report's order). */
const TOC_LABELS: Partial<Record<ReportSectionId, string>> = {
  summary: "Summary",
  open: "Open findings",
  resolved: "Resolved",
  "pair-states": "Pair states",
  packages: "Packages",
  suspicious: "Suspicious lines",
  unread: "Unread lines",
  "missing-logs": "Missing logs",
};

function titleSection({ model, time, unreadable, cwd }: HtmlContext): string[] {
  const { summary, window } = model;
  const status = summary.worstSeverity;
  const why = windowSources(window);
  const open = summary.openCounts;
  const statusWord = model.exitStatus === 3 ? "UNKNOWN" : status === null ? "OK" : SEVERITY_WORD[status];
  const statusClass = model.exitStatus === 3 ? "sev-unknown" : `sev-${status ?? "ok"}`;
  // In-page links only: the file stays self-contained, and on a phone the sections are one tap away.
  const toc = REPORT_SECTIONS.flatMap((id) => (TOC_LABELS[id] === undefined ? [] : [`<a href="#${id}">${TOC_LABELS[id]}</a>`])).join("");
  return [
    "<header>",
    "<h1>mcadvisor log review</h1>",
    `<p>Window <b>${time(window.since)}</b> <span class="muted">(${esc(why.since)})</span> to <b>${time(window.until)}</b> ` +
      `<span class="muted">(${esc(why.until)})</span>. ` +
      `<span class="muted">Times are the logs' wall clock${model.timeZone ? ` (zone ${esc(model.timeZone)})` : ""}.</span></p>`,
    `<p><span class="status ${statusClass}">${statusWord}</span> ` +
      `${open.critical} critical, ${open.warning} warning, ${open.info} info open; ${model.resolvedFindings.length} resolved in this window ` +
      `${summary.acknowledged > 0 ? `(${summary.acknowledged} of the open acknowledged: left out of the exit status) ` : ""}` +
      `<span class="muted">(exit status ${model.exitStatus})</span>` +
      `${unreadable.length > 0 ? ` mcadvisor could not read enough of ${unreadable.length === 1 ? "one bundle" : `${unreadable.length} bundles`} to judge ${unreadable.length === 1 ? "it" : "them"}: see <a href="#unread">Lines it could not read</a>.` : ""}</p>`,
    // Said under the status, not among the unread lines: every finding below may still change.
    ...unfinishedBundles(model).map(
      (reading) =>
        `<p class="note"><b>Not finished:</b> <code>${esc(displayPath(reading.bundle, cwd))}</code>: ${esc(describeReadability(reading) ?? "")}.</p>`,
    ),
    `<nav class="toc">${toc}</nav>`,
    "</header>",
  ];
}

function notesSection({ model, cwd, time }: HtmlContext): string[] {
  const { summary } = model;
  const out: string[] = [];
  const outside = dataOutsideWindow(model);
  if (outside !== null) {
    out.push(
      `<p class="note"><b>This window holds no log lines.</b> The stored logs run from ${time(summary.dataStart)} to ${time(summary.dataEnd)}, ` +
        `${outside} the window. Open findings below are still open; to review those logs themselves, run the report with ` +
        `<code>--since ${esc(new Date(summary.dataStart ?? 0).toISOString().slice(0, 16))} --until ${esc(new Date((summary.dataEnd ?? 0) + 60_000).toISOString().slice(0, 16))}</code>.</p>`,
    );
  } else if (summary.lines === 0) {
    out.push(
      '<p class="note"><b>This window holds no log lines.</b> Check that the nodes still log and that <code>watch</code> (or the copy job) is running.</p>',
    );
  }
  for (const note of summary.clockNotes) {
    const where = summary.bundles.length > 1 ? `${displayPath(note.bundle, cwd)}: ` : "";
    const sentence = where === "" ? `${note.message.charAt(0).toUpperCase()}${note.message.slice(1)}` : note.message;
    out.push(`<p class="note"><b>Warning: node clocks disagree.</b> ${esc(`${where}${sentence}. ${note.hint}.`)}</p>`);
  }
  for (const stale of summary.staleNodes) {
    out.push(
      `<p class="note"><b>Warning: a node fell silent.</b> ${esc(staleWarning(stale, (ms) => reportTime(ms, model.timeZone), summary.bundles.length > 1 ? displayPath(stale.bundle, cwd) : null))}</p>`,
    );
  }
  return out;
}

function summarySection({ model, cwd, time, names }: HtmlContext): string[] {
  const { summary } = model;
  const out: string[] = ['<section id="summary">', "<h2>Summary</h2>", '<dl class="summary">'];
  const row = (label: string, value: string): void => {
    out.push(`<dt>${label}</dt><dd>${value}</dd>`);
  };
  row(
    "Log bundles",
    summary.bundles.length === 0
      ? '<span class="muted">none</span>'
      : summary.bundles.map((bundle) => `<code>${esc(displayPath(bundle, cwd))}</code>`).join(", "),
  );
  row("Clusters", names(summary.clusters, "no cluster name in these logs"));
  row("Nodes logging", names(summary.nodes));
  if (summary.silentNodes.length > 0) row("Nodes silent in this window", names(summary.silentNodes));
  if (summary.staleNodes.length > 0)
    row(
      "Nodes that fell silent in this window",
      summary.staleNodes.map((stale) => `${esc(stale.node)} <span class="muted">(last line ${time(stale.lastSeen)})</span>`).join(", "),
    );
  row("Packages", names(summary.packages));
  row("Device groups", names(summary.deviceGroups));
  row("Lines in window", `${summary.lines} (${summary.unparsed} unparsed), ${summary.events} events, ${model.unreadTotal} unread replication lines`);
  row("Stored logs span", summary.dataStart === null ? '<span class="muted">no timed lines</span>' : `${time(summary.dataStart)} to ${time(summary.dataEnd)}`);
  out.push("</dl>", "</section>");
  return out;
}

function openSection({ model, time, source, bundleOf }: HtmlContext): string[] {
  const out: string[] = ['<section id="open">', `<h2>Open findings (${model.openFindings.length})</h2>`];
  if (model.openFindings.length === 0) out.push(`<p>${esc(nothingOpen(model))}</p>`);
  for (const finding of model.openFindings) renderFinding(out, finding, time, source, bundleOf(finding.bundle));
  if (model.supersededFindings.length > 0) {
    out.push(`<h3>Set aside while another finding is open (${model.supersededFindings.length}): do not follow their steps now</h3>`, "<ul>");
    for (const finding of model.supersededFindings) {
      const scope = joinedNames(finding.package, finding.deviceGroup);
      out.push(
        `<li>${SEVERITY_WORD[finding.severity]} ${esc(finding.title)} <span class="muted">[${esc(finding.action)}]${scope ? ` ${scope}` : ""}` +
          ` first seen ${time(finding.firstSeen)}, set aside by ${esc((finding.supersededBy ?? "").slice(0, 8))}</span></li>`,
      );
    }
    out.push("</ul>");
  }
  out.push("</section>");
  return out;
}

function resolvedSection({ model, time, bundleOf }: HtmlContext): string[] {
  const out: string[] = ['<section id="resolved">', `<h2>Resolved in this window (${model.resolvedFindings.length})</h2>`];
  if (model.resolvedFindings.length === 0) out.push("<p>None.</p>");
  else {
    out.push(
      '<div class="scroll"><table><thead><tr><th>Severity</th><th>Finding</th><th>Package / device group</th><th>First seen</th><th>Resolved</th></tr></thead><tbody>',
    );
    for (const finding of model.resolvedFindings) {
      // Many incidents reuse oradg/oracle_pkg: what it was about is half of what resolved.
      const scope = joinedNames(finding.package, finding.deviceGroup) || "&ndash;";
      const bundle = bundleOf(finding.bundle);
      out.push(
        `<tr><td>${SEVERITY_WORD[finding.severity]}</td><td>${esc(finding.title)} <span class="muted">[${esc(finding.action)}]</span>` +
          `${bundle ? ` <span class="muted">${esc(bundle)}</span>` : ""}</td>` +
          `<td>${scope}</td><td>${time(finding.firstSeen)}</td><td>${time(finding.resolvedAt)}</td></tr>`,
      );
    }
    out.push("</tbody></table></div>");
  }
  out.push("</section>");
  return out;
}

function pairStatesSection({ model, cwd, source }: HtmlContext): string[] {
  const { summary, window } = model;
  const out: string[] = ['<section id="pair-states">', "<h2>Pair states per device group</h2>"];
  if (model.timelines.length === 0) out.push("<p>No pair state or replication event is logged up to the end of this window.</p>");
  else {
    out.push(
      `<p class="legend">${stateLegend()}</p>`,
      '<p class="muted">A bar lasts until its node reports another state: a node that is down or silent reports nothing, so its last state carries on.</p>',
    );
  }
  for (const { bundle, timeline } of model.timelines) {
    if (summary.bundles.length > 1) out.push(`<h3><code>${esc(displayPath(bundle, cwd))}</code></h3>`);
    out.push(timelineSvg(timeline, window.since, window.until));
    if (timeline.marks.length > 0) {
      out.push('<div class="scroll"><table><thead><tr><th class="num">#</th><th>Time</th><th>Event</th><th>Source</th></tr></thead><tbody>');
      timeline.marks.forEach((mark, index) => {
        out.push(
          `<tr><td class="num">${index + 1}</td><td class="mono">${esc(shortTime(mark.ts))}</td><td>${esc(mark.label)}</td><td>${source(mark.source.file, mark.source.line)}</td></tr>`,
        );
      });
      out.push("</tbody></table></div>");
    }
  }
  out.push("</section>");
  return out;
}

function packagesSection({ model, source, names }: HtmlContext): string[] {
  const out: string[] = ['<section id="packages">', "<h2>Packages that failed, started or moved</h2>"];
  if (model.packages.length === 0) out.push("<p>No package started, halted or failed in this window.</p>");
  else {
    out.push(
      '<div class="scroll"><table><thead><tr><th>Package</th><th>Started on</th><th>Moved</th><th class="num">Failures</th><th class="num">Halts</th></tr></thead><tbody>',
    );
    for (const entry of model.packages) {
      const moves = entry.moves.map((move) => `${esc(move.from)} → ${esc(move.to)} <span class="muted">${esc(shortTime(move.ts))}</span>`).join("<br>") || "no";
      out.push(
        `<tr><td>${esc(entry.package)}</td><td>${names(entry.startedOn, "-")}</td><td>${moves}</td><td class="num">${entry.failures}</td><td class="num">${entry.halts}</td></tr>`,
      );
    }
    out.push("</tbody></table></div>");
    out.push('<div class="scroll"><table><thead><tr><th>Time</th><th>Package</th><th>Node</th><th>What</th><th>Source</th></tr></thead><tbody>');
    for (const entry of model.packageActivity) {
      out.push(
        `<tr><td class="mono">${esc(shortTime(entry.ts))}</td><td>${esc(entry.package)}</td><td>${esc(entry.node ?? "?")}</td><td>${esc(entry.activity)}</td><td>${source(entry.source.file, entry.source.line)}</td></tr>`,
      );
    }
    out.push("</tbody></table></div>");
  }
  out.push("</section>");
  return out;
}

function suspiciousSection({ model, source, names }: HtmlContext): string[] {
  const out: string[] = [
    '<section id="suspicious">',
    `<h2>Suspicious lines no rule explained (${model.suspiciousLines})</h2>`,
    '<p class="muted">Lines in the window with error or warning words that no grammar turned into an event and no finding cites, grouped by message shape (numbers, hex values and times replaced by #, &lt;hex&gt; and &lt;time&gt;).</p>',
  ];
  if (model.suspicious.length === 0) out.push("<p>None.</p>");
  else {
    out.push('<div class="scroll"><table><thead><tr><th class="num">Count</th><th>Hosts</th><th>Shape and a sample</th></tr></thead><tbody>');
    for (const group of model.suspicious) {
      const first = group.first === null ? null : shortTime(group.first);
      const last = group.last === null ? first : shortTime(group.last);
      const when = first === null ? "" : `<br><span class="muted">${esc(first)}${last !== first ? ` to ${esc(last ?? "")}` : ""}</span>`;
      out.push(
        `<tr><td class="num">${group.count}</td><td>${names(group.hosts, "?")}${when}</td>` +
          `<td><code>${esc(group.shape)}</code><div class="sample">e.g. ${source(group.sample.file, group.sample.line)}<br><span class="mono">${esc(group.sample.text.trim())}</span></div></td></tr>`,
      );
    }
    out.push("</tbody></table></div>");
    if (model.suspiciousGroupsOmitted > 0) out.push(`<p class="muted">${model.suspiciousGroupsOmitted} smaller groups not shown (see the JSON report).</p>`);
  }
  out.push("</section>");
  return out;
}

function unreadSection({ model, cwd, source, unreadable }: HtmlContext): string[] {
  const out: string[] = ['<section id="unread">', `<h2>Lines mcadvisor could not read (${model.unreadTotal})</h2>`];
  for (const reading of unreadable) {
    out.push(`<p class="note"><b>UNKNOWN</b> <code>${esc(displayPath(reading.bundle, cwd))}</code>: ${esc(describeReadability(reading) ?? "")}.</p>`);
  }
  out.push(
    '<p class="muted">Lines about replication (P-VOL/S-VOL, pair states, fence levels, horc*, Raid Manager commands, EX_ codes, AUTO_*) from which no grammar read an event: ' +
      "what they say is not in any finding's reasoning. A finding of their package or device group shows those near it as evidence; " +
      '<code>mcadvisor query "SELECT * FROM unread_lines"</code> lists all of them.</p>',
  );
  if (model.unreadLines.length === 0) out.push("<p>None.</p>");
  else {
    out.push('<div class="scroll"><table><thead><tr><th>Time</th><th>Host / package</th><th>Words</th><th>Line</th></tr></thead><tbody>');
    for (const line of model.unreadLines) {
      const about = joinedNames(line.host, line.package);
      out.push(
        `<tr><td class="mono">${line.ts === null ? "?" : esc(shortTime(line.ts))}</td><td>${about || "&ndash;"}</td><td>${esc(line.terms)}</td>` +
          `<td>${source(line.file, line.line)}<br><span class="mono">${esc(line.text.trim())}</span></td></tr>`,
      );
    }
    out.push("</tbody></table></div>");
    if (model.unreadTotal > model.unreadLines.length)
      out.push(`<p class="muted">${model.unreadTotal - model.unreadLines.length} more (see the JSON report or the view unread_lines).</p>`);
  }
  out.push("</section>");
  return out;
}

function missingLogsSection({ model, cwd, source, names }: HtmlContext): string[] {
  const out: string[] = ['<section id="missing-logs">', `<h2>Expected logs missing (${model.missingLogs.length})</h2>`];
  if (model.missingLogs.length === 0) out.push("<p>Every package syslog names has its package log in the inputs.</p>");
  else {
    out.push("<ul>");
    for (const entry of model.missingLogs) {
      const where = entry.nodes.length > 0 ? ` from ${names(entry.nodes)}` : "";
      const bundle = model.summary.bundles.length > 1 ? ` in <code>${esc(displayPath(entry.bundle, cwd))}</code>` : "";
      out.push(
        `<li><b>${esc(entry.package)}</b>${bundle}: no package log${where} (expected <code>${esc(entry.expectedPath)}</code>); ` +
          `syslog names it first at ${source(entry.seenAt.file, entry.seenAt.line)}</li>`,
      );
    }
    out.push("</ul>");
  }
  out.push("</section>");
  return out;
}

function footerSection({ model }: HtmlContext): string[] {
  return [`<footer>mcadvisor ${esc(model.version)}; exit status ${model.exitStatus} (${EXIT_STATUS_LEGEND}).</footer>`];
}

const HTML_SECTIONS: SectionRenderers<HtmlContext> = {
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

function renderFinding(
  out: string[],
  finding: ReportFinding,
  time: (ms: number | null) => string,
  source: (file: string, line: number) => string,
  bundle: string | null,
): void {
  out.push(`<article class="finding ${finding.severity}">`);
  const acknowledged = finding.acknowledgement?.active ? '<span class="badge ack">ACKNOWLEDGED</span>' : "";
  out.push(
    `<h3><span class="badge sev-${finding.severity}">${SEVERITY_WORD[finding.severity]}</span>${finding.isNew ? '<span class="badge new">NEW</span>' : ""}${acknowledged}${esc(finding.title)}</h3>`,
  );
  if (finding.acknowledgement) out.push(`<p class="acknowledged">${esc(describeAcknowledgement(finding.acknowledgement))}</p>`);
  const scope = [
    finding.cluster ? `cluster <b>${esc(finding.cluster)}</b>` : "",
    finding.package ? `package <b>${esc(finding.package)}</b>` : "",
    finding.deviceGroup ? `device group <b>${esc(finding.deviceGroup)}</b>` : "",
    finding.node ? `node <b>${esc(finding.node)}</b>` : "",
    !finding.siteInfo && finding.site ? `site ${esc(finding.site)}` : "",
  ]
    .filter(Boolean)
    .join(", ");
  out.push(
    `<p class="muted">Action <code>${esc(finding.action)}</code>${scope ? `; ${scope}` : ""}; first seen ${time(finding.firstSeen)}, last seen ${time(finding.lastSeen)}${bundle ? `; bundle <code>${esc(bundle)}</code>` : ""}</p>`,
  );
  if (finding.siteInfo) out.push(`<p class="site">${esc(describeSite(finding.siteInfo, (path) => displayPath(path, finding.bundle)))}</p>`);
  out.push(`<p>${esc(finding.summary)}</p>`);
  if (finding.checkFirst.length > 0) {
    out.push("<p><b>Check first</b></p>", "<ul>");
    for (const check of finding.checkFirst) out.push(`<li>${esc(check)}</li>`);
    out.push("</ul>");
  }
  if (finding.steps.length > 0) {
    out.push("<p><b>Steps</b></p>", '<ol class="steps">');
    const body = (step: Step): string =>
      `<span class="where">${esc(step.where)}</span><pre class="cmd"><code>${esc(step.command)}</code></pre>${step.why ? `<span class="why">${esc(step.why)}</span>` : ""}`;
    // An alternative is no item of the numbered list: it sits inside the step it replaces, led by "or".
    const entries = numberedSteps(finding.steps);
    entries.forEach((entry, index) => {
      if (entry.alternative) return;
      const alternatives: NumberedStep[] = [];
      for (let next = index + 1; next < entries.length && entries[next].alternative; next++) alternatives.push(entries[next]);
      out.push(`<li value="${entry.number}">${body(entry.step)}`);
      for (const alternative of alternatives) {
        if (alternative.first) out.push(`<div class="alternative"><span class="or">or, instead:</span>${alternative.letter !== null ? '<ol type="a">' : ""}`);
        out.push(alternative.letter !== null ? `<li>${body(alternative.step)}</li>` : `<div>${body(alternative.step)}</div>`);
        const closes = alternatives[alternatives.indexOf(alternative) + 1]?.first !== false;
        if (closes) out.push(`${alternative.letter !== null ? "</ol>" : ""}</div>`);
      }
      out.push("</li>");
    });
    out.push("</ol>");
  }
  if (finding.evidence.length > 0) {
    out.push("<p><b>Evidence</b></p>", '<ul class="evidence">');
    for (const evidence of finding.evidence)
      out.push(`<li>${source(evidence.file, evidence.line)} <span class="mono">${esc(evidence.text.trim())}</span></li>`);
    out.push("</ul>");
  }
  out.push("</article>");
}

const CHART = { width: 1000, label: 190, rowHeight: 24, gap: 6, top: 8, markLane: 22, axis: 22 } as const;

const HOUR = 3_600_000;
const TICK_STEPS = [HOUR / 4, HOUR / 2, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 48 * HOUR, 7 * 24 * HOUR, 14 * 24 * HOUR, 28 * 24 * HOUR];

/** Axis ticks on round times (whole hours, midnights ...), at most about seven of them. */
export function axisTicks(start: number, end: number): number[] {
  const step = TICK_STEPS.find((candidate) => (end - start) / candidate <= 7) ?? (end - start) / 7;
  const ticks: number[] = [];
  for (let tick = Math.ceil(start / step) * step; tick <= end; tick += step) ticks.push(tick);
  return ticks;
}

/**
One horizontal bar per node and side of each device group; marks are numbered dots that key into the
table below. Marks closer than a dot's width share one dot labelled with their range ("1-6"), so a burst
of events (a site failure logs several at once) stays legible.
*/
function timelineSvg(timeline: Timeline, since: number, until: number): string {
  const rows: readonly TimelineRow[] = timeline.rows;
  const start = since;
  const end = Math.max(until, start + 1);
  const plotWidth = CHART.width - CHART.label - 10;
  const x = (ms: number): number => CHART.label + ((Math.min(Math.max(ms, start), end) - start) / (end - start)) * plotWidth;
  const height = CHART.top + rows.length * (CHART.rowHeight + CHART.gap) + CHART.markLane + CHART.axis;
  const markY = CHART.top + rows.length * (CHART.rowHeight + CHART.gap) + 10;
  const parts: string[] = [];
  parts.push(`<div class="scroll"><svg class="timeline" viewBox="0 0 ${CHART.width} ${height}" role="img" aria-label="pair states over the window">`);

  const clusters: Array<{ x: number; first: number; last: number; titles: string[] }> = [];
  timeline.marks.forEach((mark, index) => {
    const markX = x(mark.ts);
    const title = `${index + 1}. ${shortTime(mark.ts)} ${mark.label}`;
    const current = clusters[clusters.length - 1];
    if (current && markX - current.x < 22) {
      current.last = index + 1;
      current.titles.push(title);
    } else {
      clusters.push({ x: markX, first: index + 1, last: index + 1, titles: [title] });
    }
  });
  // Drawn first, so the bars cover them: the dashed line only shows between rows and never crosses a state name.
  for (const cluster of clusters) {
    parts.push(`<line class="mark" x1="${cluster.x.toFixed(1)}" y1="${CHART.top}" x2="${cluster.x.toFixed(1)}" y2="${markY}"/>`);
  }
  rows.forEach((row, index) => {
    const y = CHART.top + index * (CHART.rowHeight + CHART.gap);
    parts.push(`<text class="label" x="4" y="${y + 16}">${esc(`${row.deviceGroup} · ${row.node} · ${row.side}`)}</text>`);
    for (const span of row.spans) {
      const left = x(span.from);
      const right = x(span.to ?? end);
      const width = Math.max(right - left, 2);
      const name = `${span.role ? `${span.role} ` : ""}${span.state}`;
      parts.push(
        `<rect class="${stateClass(span.state)}" x="${left.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${CHART.rowHeight}" rx="3">` +
          `<title>${esc(`${name} from ${shortTime(span.from)}${span.to === null ? "" : ` to ${shortTime(span.to)}`} (${span.source.file}:${span.source.line})`)}</title></rect>`,
      );
      // Only write the state inside the bar when it fits (about 7 units per character at this size).
      if (width > name.length * 7 + 8) parts.push(`<text class="span-text" x="${(left + 4).toFixed(1)}" y="${y + 16}">${esc(name)}</text>`);
    }
  });
  for (const cluster of clusters) {
    const label = cluster.first === cluster.last ? String(cluster.first) : `${cluster.first}-${cluster.last}`;
    const width = Math.max(14, label.length * 6 + 8);
    parts.push(
      `<rect class="mark-dot" x="${(cluster.x - width / 2).toFixed(1)}" y="${markY - 7}" width="${width}" height="14" rx="7"><title>${esc(cluster.titles.join("\n"))}</title></rect>`,
    );
    parts.push(`<text class="mark-num" x="${cluster.x.toFixed(1)}" y="${markY + 3}" text-anchor="middle">${label}</text>`);
  }
  const axisY = height - CHART.axis + 4;
  parts.push(`<line class="axis" x1="${CHART.label}" y1="${axisY}" x2="${CHART.label + plotWidth}" y2="${axisY}"/>`);
  for (const tick of axisTicks(start, end)) {
    const tickX = x(tick);
    const anchor = tickX < CHART.label + 30 ? "start" : tickX > CHART.label + plotWidth - 30 ? "end" : "middle";
    parts.push(`<line class="axis" x1="${tickX.toFixed(1)}" y1="${axisY}" x2="${tickX.toFixed(1)}" y2="${axisY + 4}"/>`);
    parts.push(`<text class="tick" x="${tickX.toFixed(1)}" y="${axisY + 16}" text-anchor="${anchor}">${esc(shortTime(tick))}</text>`);
  }
  parts.push("</svg></div>");
  return parts.join("\n");
}
