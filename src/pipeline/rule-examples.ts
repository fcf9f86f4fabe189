/**
Turns a small log bundle (a list of {path, text}) into time-sorted LogEvents through the real parse
layer, and runs rule examples through the real engine. Used by `mcadvisor rules test`, the rule
tests and the sample-scenario tests.
*/

import { createFileParser } from "../parse/index.js";
import { isSyslogName, packageHintOf } from "../ingest/discover.js";
import type { FileKind } from "../parse/index.js";
import type { LogEvent } from "../model/events.js";
import type { Finding } from "../model/findings.js";
import { RuleEngine } from "../correlate/engine.js";
import type { Example, ExampleFile, Rule } from "../catalogue/rule.js";

const CONFIG_NAME = /\.(config|conf|ascii|env)$|_xpca\.env$/;

/** What a bundle path says: kind by name, node = first folder, package as analyze's discovery names it. */
export function describePath(path: string): { kind: FileKind; hostHint: string | null; packageHint: string | null } {
  const segments = path.replace(/\.gz$/, "").split("/").filter((segment) => segment.length > 0);
  const name = segments[segments.length - 1] ?? "";
  const kind: FileKind = CONFIG_NAME.test(name) ? "config" : isSyslogName(name) ? "syslog" : segments.includes("cmcluster") || name.endsWith(".log") ? "pkglog" : "syslog";
  const hostHint = segments.length > 1 ? segments[0] : null;
  return { kind, hostHint, packageHint: packageHintOf(segments) };
}

/** Every event of the files, configuration facts first, then by event time (file order, then line, on ties). */
export function eventsFromFiles(files: readonly ExampleFile[], options: { year?: number } = {}): LogEvent[] {
  return parseBundle(files, options).events;
}

/** The events of the files and the time of their last timed line (lines without events count: time passed). */
export function parseBundle(files: readonly ExampleFile[], options: { year?: number } = {}): { events: LogEvent[]; lastTs: number | null } {
  const year = options.year ?? 2026;
  let lastTs: number | null = null;
  const events: Array<LogEvent & { order: number }> = [];
  let order = 0;
  // As analyze does: the first zoned line (RFC 3339, journalctl) fixes the bundle's clock for every file.
  let zoneOffset: number | null = null;
  for (const file of files) {
    const { kind, hostHint, packageHint } = describePath(file.path);
    const parser = createFileParser({ path: file.path, kind, hostHint, packageHint, yearFor: () => year, strict: false, zoneOffset });
    const lines = file.text.split("\n");
    if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
    lines.forEach((rawLine, index) => {
      const text = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
      const parsed = parser.parseLine(text);
      if (parsed.ts !== null && (lastTs === null || parsed.ts > lastTs)) lastTs = parsed.ts;
      for (const draft of parsed.events) {
        events.push({
          id: 0,
          kind: draft.kind,
          ts: parsed.ts,
          host: parsed.host,
          package: draft.package ?? parsed.package,
          deviceGroup: draft.deviceGroup ?? null,
          node: draft.node ?? parsed.host,
          fields: draft.fields ?? {},
          source: { file: file.path, line: index + 1 },
          raw: text,
          order: order++,
        });
      }
    });
    zoneOffset = parser.context().zoneOffset ?? zoneOffset;
  }
  events.sort((a, b) => {
    if (a.ts === null || b.ts === null) return a.ts === b.ts ? a.order - b.order : a.ts === null ? -1 : 1;
    return a.ts - b.ts || a.order - b.order;
  });
  return { events: events.map(({ order: _order, ...event }) => event), lastTs };
}

/** `YYYY-MM-DD HH:MM[:SS]` as naive event-time ms. */
export function parseEventTime(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not an event time: '${text}' (use YYYY-MM-DD HH:MM:SS)`);
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
}

/** Runs files through a fresh engine: every event, then a watermark at `until` (or the last timed line). */
export function analyseFiles(rules: readonly Rule[], files: readonly ExampleFile[], options: { year?: number; until?: string } = {}): Finding[] {
  const engine = new RuleEngine(rules);
  const { events, lastTs } = parseBundle(files, options);
  for (const event of events) engine.push(event);
  let end = lastTs;
  if (options.until !== undefined) end = Math.max(end ?? 0, parseEventTime(options.until));
  if (end !== null) engine.advance(end);
  engine.finish();
  return engine.findings();
}

export interface ExampleResult {
  readonly rule: string;
  readonly kind: "fire" | "notFire";
  readonly index: number;
  readonly name: string;
  readonly passed: boolean;
  /** Why it failed, in one line. */
  readonly reason?: string;
  readonly findings: readonly Finding[];
}

function checkFire(rule: Rule, example: Example, findings: readonly Finding[]): string | undefined {
  const own = findings.filter((finding) => finding.rule === rule.id);
  if (own.length === 0) return "the rule did not fire";
  const expect = example.expect;
  if (!expect) return undefined;
  const fits = (finding: Finding): string | undefined => {
    if (expect.action !== undefined && finding.action !== expect.action) return `action ${finding.action}, expected ${expect.action}`;
    if (expect.status !== undefined && finding.status !== expect.status) return `status ${finding.status}, expected ${expect.status}`;
    if (expect.severity !== undefined && finding.severity !== expect.severity) return `severity ${finding.severity}, expected ${expect.severity}`;
    if (expect.deviceGroup !== undefined && finding.deviceGroup !== expect.deviceGroup) return `device group ${String(finding.deviceGroup)}, expected ${String(expect.deviceGroup)}`;
    if (expect.package !== undefined && finding.package !== expect.package) return `package ${String(finding.package)}, expected ${String(expect.package)}`;
    const commands = finding.steps.map((step) => step.command);
    let from = 0;
    for (const wanted of expect.commands ?? []) {
      const at = commands.findIndex((command, index) => index >= from && command.includes(wanted));
      if (at < 0) return `no step command '${wanted}'${from > 0 ? " after the previous one" : ""} (steps: ${commands.join(" | ")})`;
      from = at + 1;
    }
    const unwanted = (expect.notCommands ?? []).find((text) => commands.some((command) => command.includes(text)));
    if (unwanted !== undefined) return `a step command contains '${unwanted}', which this example forbids`;
    return undefined;
  };
  const reasons = own.map(fits);
  return reasons.some((reason) => reason === undefined) ? undefined : reasons[0];
}

/** Runs one rule's fire and notFire examples (the rule alone, through the real parser and engine). */
export function runRuleExamples(rule: Rule): ExampleResult[] {
  const results: ExampleResult[] = [];
  const run = (kind: "fire" | "notFire", example: Example, index: number): void => {
    const name = example.name ?? `${kind} #${index + 1}`;
    let findings: Finding[];
    try {
      findings = analyseFiles([rule], example.files, { year: example.year, until: example.until });
    } catch (error) {
      results.push({ rule: rule.id, kind, index, name, passed: false, reason: `could not run: ${(error as Error).message}`, findings: [] });
      return;
    }
    const reason = kind === "fire"
      ? checkFire(rule, example, findings)
      : findings.some((finding) => finding.rule === rule.id) ? "the rule fired" : undefined;
    results.push({ rule: rule.id, kind, index, name, passed: reason === undefined, reason, findings });
  };
  rule.examples?.fire?.forEach((example, index) => run("fire", example, index));
  rule.examples?.notFire?.forEach((example, index) => run("notFire", example, index));
  return results;
}
