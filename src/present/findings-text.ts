import { relative } from "node:path";
import type { StoredFinding } from "../store/read.js";
import type { InputTotals } from "../store/read.js";
import { formatFindingTime } from "../model/time.js";
import { sanitizeForTerminal } from "./sanitize.js";
import { numberedSteps, stepLabel } from "./steps.js";
import { describeAcknowledgement } from "../model/acknowledgement.js";
import { PLAIN, type Palette } from "./color.js";
import { describeSite } from "./site-text.js";
import { supersededNote } from "./set-aside.js";
import { severityRank, type Severity } from "../model/findings.js";
import { describeReadability, type BundleReading } from "../model/readability.js";

export interface TextOptions {
  readonly timeZone?: string;
  /** Paths are shown relative to this folder. */
  readonly cwd?: string;
  readonly version: string;
  /** Colours for a terminal (default none); applied after sanitising, never to raw log text. */
  readonly palette?: Palette;
  /** Every bundle analysed, so one without findings still gets its summary line. */
  readonly bundles?: readonly string[];
  /** Only the findings shown in detail (analyze --open-only, --severity); the counts cover all. */
  readonly show?: (finding: StoredFinding) => boolean;
  /** Says which filters hid findings, e.g. "--open-only". */
  readonly filterNote?: string;
  /** What was read of each bundle: its unread replication lines are counted, an unreadable bundle is said so. */
  readonly readings?: readonly BundleReading[];
}

/** A SQL text literal (a bundle path may hold a quote). */
function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function worstOpen(findings: readonly StoredFinding[]): Severity | null {
  let worst: Severity | null = null;
  for (const finding of findings) {
    if (finding.status === "open" && (worst === null || severityRank[finding.severity] > severityRank[worst])) worst = finding.severity;
  }
  return worst;
}

function counts(findings: readonly StoredFinding[]): string {
  const open = findings.filter((finding) => finding.status === "open");
  const count = (severity: string): number => open.filter((finding) => finding.severity === severity).length;
  const supersededCount = findings.filter((finding) => finding.status === "superseded").length;
  const setAside = supersededCount > 0 ? `; ${supersededCount} set aside` : "";
  return `${count("critical")} critical, ${count("warning")} warning, ${count("info")} info open; ${findings.length - open.length - supersededCount} resolved${setAside}`;
}

function displayPath(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return shown === "" ? "." : shown.startsWith("..") ? path : shown;
}

/** "; 1 acknowledged" when acknowledgements quiet open findings (counted above, left out of the exit status). */
function acknowledgedCount(open: readonly StoredFinding[]): string {
  const count = open.filter((finding) => finding.acknowledgement?.active === true).length;
  return count === 0 ? "" : `; ${count} of the open acknowledged`;
}

/** What every part of the text report reads: the options resolved once, and the bundles' readings. */
interface TextContext {
  readonly cwd: string;
  readonly paint: Palette;
  readonly shown: (finding: StoredFinding) => boolean;
  readonly options: TextOptions;
  readonly readings: ReadonlyMap<string, BundleReading>;
  /** Why a bundle could not be judged, or null when enough of it was read. */
  readonly cannotRead: (bundle: string) => string | null;
}

const clean = sanitizeForTerminal;

/** The report for people: most severe and oldest open findings first, each with its steps and evidence. */
export function renderFindingsText(findings: readonly StoredFinding[], totals: InputTotals, problems: readonly string[], options: TextOptions): string {
  const readings = new Map((options.readings ?? []).map((reading) => [reading.bundle, reading]));
  const context: TextContext = {
    cwd: options.cwd ?? process.cwd(),
    paint: options.palette ?? PLAIN,
    shown: options.show ?? (() => true),
    options,
    readings,
    cannotRead: (bundle) => {
      const reading = readings.get(bundle);
      return reading ? describeReadability(reading) : null;
    },
  };
  const unreadable = [...readings.keys()].filter((bundle) => context.cannotRead(bundle) !== null);
  const out = headerLines(findings, totals, problems, unreadable.length, context);
  const byBundle = findingsByBundle(findings, context);
  // Many incidents: one line each first, worst first, so a long answer starts with where to look.
  const bundles = [...new Set([...byBundle.keys(), ...(options.bundles ?? [])])];
  if (bundles.length > 1) out.push(...overviewLines(bundles, byBundle, context));
  if (options.filterNote) {
    const hidden = findings.filter((finding) => !context.shown(finding)).length;
    out.push("", `showing ${findings.length - hidden} of ${findings.length} findings (${options.filterNote}); the counts above cover all`);
  }
  if (findings.length === 0 && unreadable.length === 0) out.push("", "No findings: nothing in these logs needs a manual procedure.");
  for (const [bundle, all] of byBundle) out.push(...bundleLines(bundle, all, context));
  return `${out.join("\n")}\n`;
}

/** The totals, the counts of findings, the run's warnings and, when a bundle could not be read, that this is no all-clear. */
function headerLines(findings: readonly StoredFinding[], totals: InputTotals, problems: readonly string[], unreadable: number, context: TextContext): string[] {
  const out = [
    `mcadvisor ${context.options.version}: ${totals.files} files, ${totals.lines} lines, ${totals.events} events, ${totals.unparsed} unparsed lines, ${totals.unread} unread replication lines`,
    `findings: ${counts(findings)}${acknowledgedCount(findings.filter((finding) => finding.status === "open"))}`,
  ];
  for (const problem of problems) out.push(`warning: ${clean(problem)}`);
  if (unreadable > 0) {
    out.push(
      `UNKNOWN: mcadvisor could not read enough of ${unreadable === 1 ? "one bundle" : `${unreadable} bundles`} to judge ${unreadable === 1 ? "it" : "them"} (below): this is no all-clear.`,
    );
  }
  return out;
}

/** Findings per bundle, in the order given; a bundle without findings still gets a section when something in it could not be read. */
function findingsByBundle(findings: readonly StoredFinding[], context: TextContext): Map<string, StoredFinding[]> {
  const byBundle = new Map<string, StoredFinding[]>();
  for (const finding of findings) {
    const list = byBundle.get(finding.bundle) ?? [];
    list.push(finding);
    byBundle.set(finding.bundle, list);
  }
  for (const reading of context.readings.values()) {
    if (!byBundle.has(reading.bundle) && (reading.unread > 0 || context.cannotRead(reading.bundle) !== null)) byBundle.set(reading.bundle, []);
  }
  return byBundle;
}

/** One line per bundle, worst first: its status word, its path and what it holds. */
function overviewLines(bundles: readonly string[], byBundle: ReadonlyMap<string, StoredFinding[]>, context: TextContext): string[] {
  const { cwd, paint } = context;
  const rank = (bundle: string): number => {
    const worst = worstOpen(byBundle.get(bundle) ?? []);
    return worst === null ? 0 : severityRank[worst];
  };
  const ordered = bundles.map((bundle, index) => ({ bundle, index })).sort((left, right) => rank(right.bundle) - rank(left.bundle) || left.index - right.index);
  const width = Math.max(...ordered.map(({ bundle }) => clean(displayPath(bundle, cwd)).length));
  const out = ["", `${bundles.length} incident bundles, worst first (details below):`];
  for (const { bundle } of ordered) {
    const list = byBundle.get(bundle) ?? [];
    const worst = worstOpen(list);
    // A bundle it could not read is UNKNOWN unless a critical finding needs action anyway (the exit status's order).
    const unknown = context.cannotRead(bundle) !== null && worst !== "critical";
    const label = (unknown ? "UNKNOWN" : worst === null ? "OK" : worst.toUpperCase()).padEnd(8);
    const unread = context.readings.get(bundle)?.unread ?? 0;
    const notes = [list.length === 0 ? "no findings" : counts(list), unknown ? "could not read it" : "", unread > 0 ? `${unread} unread replication lines` : ""]
      .filter(Boolean)
      .join("; ");
    out.push(`  ${worst === null || unknown ? label : paint.severity(worst, label)}  ${clean(displayPath(bundle, cwd)).padEnd(width)}  ${notes}`);
  }
  return out;
}

/** A bundle's section: what could not be read in it, then each finding shown; nothing when there is nothing to say. */
function bundleLines(bundle: string, all: readonly StoredFinding[], context: TextContext): string[] {
  const list = all.filter(context.shown);
  const reading = context.readings.get(bundle);
  const notRead = context.cannotRead(bundle);
  if (list.length === 0 && notRead === null && !(reading && reading.unread > 0)) return [];
  const out = ["", context.paint.heading(`== ${clean(displayPath(bundle, context.cwd))} ==`)];
  if (notRead !== null) out.push(`UNKNOWN: mcadvisor could not read this bundle: ${notRead}.`);
  if (reading && reading.unread > 0) {
    out.push(
      `${reading.unread} replication line${reading.unread === 1 ? "" : "s"} mcadvisor could not read (the evidence of the findings below shows those near them): ` +
        `mcadvisor query "SELECT file, line_no, terms, text FROM unread_lines WHERE bundle = ${clean(sqlText(bundle))}"`,
    );
  }
  if (all.length === 0) out.push(notRead !== null ? "No findings from what could be read." : "No findings.");
  for (const finding of list) out.push(...findingLines(finding, context));
  return out;
}

/** One finding: title, scope, site, summary, acknowledgement; while open its checks and numbered steps; its evidence. */
function findingLines(finding: StoredFinding, context: TextContext): string[] {
  const { cwd, paint, options } = context;
  const scope = [finding.package, finding.deviceGroup].filter(Boolean).join(" / ");
  const when =
    finding.status === "resolved" && finding.resolvedAt !== null
      ? `${formatFindingTime(finding.firstSeen, options.timeZone)} .. resolved ${formatFindingTime(finding.resolvedAt, options.timeZone)}`
      : `since ${formatFindingTime(finding.firstSeen, options.timeZone)}`;
  const out = [
    "",
    `${paint.severity(finding.severity, finding.severity.toUpperCase())} ${finding.status}${finding.acknowledgement?.active ? " acknowledged" : ""} [${finding.action}] ${clean(finding.title)}`,
  ];
  const site = finding.siteInfo ? "" : finding.site ? `site ${finding.site}` : "";
  out.push(
    `  ${[finding.cluster ? `cluster ${finding.cluster}` : "", scope, finding.node ? `node ${finding.node}` : "", site, when, `id ${finding.id.slice(0, 8)}`].filter(Boolean).map(clean).join("  ")}`,
  );
  if (finding.siteInfo) out.push(`  ${clean(describeSite(finding.siteInfo, (source) => displayPath(source, cwd)))}`);
  out.push(`  ${clean(finding.summary)}`);
  if (finding.acknowledgement) out.push(`  ${clean(describeAcknowledgement(finding.acknowledgement))}`);
  if (finding.status === "open") out.push(...adviceLines(finding, paint));
  if (finding.status === "superseded") out.push(`  ${clean(supersededNote(finding))}`);
  if (finding.evidence.length > 0) out.push("  Evidence:");
  for (const evidence of finding.evidence) {
    out.push(`    ${paint.path(`${clean(displayPath(evidence.file, cwd))}:${evidence.line}`)}  ${clean(evidence.text.trim())}`);
  }
  return out;
}

/** An open finding's checks, then its steps numbered, each with where, the command and why. */
function adviceLines(finding: StoredFinding, paint: Palette): string[] {
  const out: string[] = [];
  if (finding.checkFirst.length > 0) {
    out.push("  Check first:");
    for (const check of finding.checkFirst) out.push(`    - ${clean(check)}`);
  }
  if (finding.steps.length > 0) out.push("  Steps:");
  for (const entry of numberedSteps(finding.steps)) {
    // An alternative sits under the step it replaces, indented by its label (commands stay aligned within it).
    const label = entry.alternative ? `   ${stepLabel(entry)}` : stepLabel(entry);
    const indent = " ".repeat(4 + label.length + 1);
    out.push(`    ${label} ${clean(entry.step.where)}:`);
    out.push(`${indent}  ${paint.command(clean(entry.step.command))}`);
    if (entry.step.why) out.push(`${indent}why: ${clean(entry.step.why)}`);
  }
  return out;
}
