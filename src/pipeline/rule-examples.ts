/**
Turns a small log bundle (a list of {path, text}) into findings through analyze's own pipeline
(src/pipeline/: the same parsing, storing and rule feeding, into an in-memory database), so a rule
example that passes here passes in `analyze`. Used by `mcadvisor rules test`, the rule
tests and the sample-scenario tests.
*/

import { createHash } from "node:crypto";
import { commandLogHead, headIsIsoSyslog, isSyslogName, shellHistoryHead, undatedOutputHead } from "../ingest/discover.js";
import type { FileKind } from "../parse/index.js";
import type { LogEvent } from "../model/events.js";
import type { Finding } from "../model/findings.js";
import { lastYearlessStamp, newestStamp, type YearlessStamp } from "../model/time.js";
import { openDatabase } from "../store/db.js";
import { Store } from "../store/store.js";
import { orderInputs } from "./analyze.js";
import { BundleCorrelator } from "./correlate.js";
import { bundleZoneOffset, storeBatch } from "./ingest.js";
import { BatchParser } from "./parse-batches.js";
import type { Example, ExampleFile, Rule } from "../catalogue/rule.js";
import { packageHintOf, withoutCompressionSuffix } from "../model/file-names.js";
import { textEnd } from "../ingest/source.js";

const CONFIG_NAME = /\.(config|conf|ascii|env)$|_xpca\.env$/;

/**
What a bundle path says: kind by name (and a command-output log or a shell history by its head, as discovery knows
them), node =
first folder, package as analyze's discovery names it.
*/
export function describePath(
  path: string,
  text = "",
): { kind: FileKind; hostHint: string | null; packageHint: string | null; namedTime: number | null; untimed: boolean } {
  const segments = withoutCompressionSuffix(path)
    .split("/")
    .filter((segment) => segment.length > 0);
  const name = segments[segments.length - 1] ?? "";
  const commandLog = CONFIG_NAME.test(name) || isSyslogName(name) || segments.includes("cmcluster") ? null : commandLogHead(text.slice(0, 4096), name);
  const history = !segments.includes("cmcluster") && shellHistoryHead(name, text.slice(0, 4096));
  // Raid Manager output with no time anywhere, read as untimed facts as discovery reads it (InputFile.untimed).
  const untimed =
    commandLog === null &&
    !history &&
    !CONFIG_NAME.test(name) &&
    !isSyslogName(name) &&
    !segments.includes("cmcluster") &&
    undatedOutputHead(text.slice(0, 4096));
  const kind: FileKind = CONFIG_NAME.test(name)
    ? "config"
    : history
      ? "history"
      : isSyslogName(name)
        ? "syslog"
        : commandLog !== null || untimed
          ? "cmdlog"
          : segments.includes("cmcluster") || name.endsWith(".log")
            ? "pkglog"
            : "syslog";
  const hostHint = segments.length > 1 ? segments[0] : null;
  return { kind, hostHint, packageHint: packageHintOf(segments), namedTime: commandLog?.namedTime ?? null, untimed };
}

/** Every event of the files, configuration facts first, then by event time (file order, then line, on ties). */
export function eventsFromFiles(files: readonly ExampleFile[], options: { year?: number } = {}): LogEvent[] {
  return parseBundle(files, options).events;
}

const EXAMPLE_BUNDLE = "example";

/**
The files stored as analyze stores a bundle (an in-memory database): read in analyze's order, each
framed, parsed and stored in batches by the same functions, the rules fed as analyze feeds them.
*/
function storeExample(
  rules: readonly Rule[],
  files: readonly ExampleFile[],
  options: { year?: number; until?: string },
): { store: Store; findings: () => Finding[] } {
  const store = new Store(openDatabase(":memory:"));
  const inputs = files.map((file) => ({ ...file, ...describePath(file.path, file.text), bundle: EXAMPLE_BUNDLE }));
  const dated = new Set(inputs.filter((input) => input.kind === "syslog" && headIsIsoSyslog(Buffer.from(input.text.slice(0, 8192)))));
  const until = options.until === undefined ? undefined : parseEventTime(options.until);
  const correlator = new BundleCorrelator(EXAMPLE_BUNDLE, rules, { until }, true);
  const lastStampOf = (input: (typeof inputs)[number]): YearlessStamp | null =>
    input.kind === "config" ? null : lastYearlessStamp(textTail(input.text), { writtenInOrder: input.kind === "pkglog" });
  const bundleNewest = newestStamp(inputs.map(lastStampOf));
  for (const input of orderInputs(inputs, dated)) {
    const bytes = Buffer.from(input.text);
    const fingerprint = createHash("sha256").update(input.path).update(bytes).digest("hex");
    const file = store.addFile({
      path: input.path,
      bundle: EXAMPLE_BUNDLE,
      hostHint: input.hostHint,
      packageHint: input.packageHint,
      kind: input.kind,
      fingerprint,
      headBytes: bytes.length,
      dev: null,
      ino: null,
      size: bytes.length,
      mtime: null,
    });
    const parser = new BatchParser({
      path: input.path,
      kind: input.kind,
      hostHint: input.hostHint,
      packageHint: input.packageHint,
      offset: 0,
      lineCount: 0,
      reference: { reference: Date.UTC(options.year ?? 2026, 11, 31), source: "mtime" },
      fixedYear: options.year ?? 2026,
      lastStamp: lastStampOf(input),
      bundleNewest,
      startTime: input.namedTime,
      untimed: input.untimed,
      zoneOffset: bundleZoneOffset(store, EXAMPLE_BUNDLE),
      batchLines: 5000,
      strict: false,
    });
    for (const batch of [...parser.push(bytes), parser.finish()]) {
      storeBatch(store, file, batch, bytes.length);
      correlator.push(file, batch.lines);
    }
  }
  return { store, findings: () => correlator.conclude(store) };
}

/** The events of the files (as analyze stores them) and the time of their last timed line (lines without events count: time passed). */
export function parseBundle(files: readonly ExampleFile[], options: { year?: number } = {}): { events: LogEvent[]; lastTs: number | null } {
  const { store } = storeExample([], files, options);
  try {
    return { events: [...store.eventsOfBundle(EXAMPLE_BUNDLE)], lastTs: store.lastTimeOfBundle(EXAMPLE_BUNDLE) };
  } finally {
    store.close();
  }
}

/** `YYYY-MM-DD HH:MM[:SS]` as naive event-time ms. */
export function parseEventTime(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!match) throw new Error(`not an event time: '${text}' (use YYYY-MM-DD HH:MM:SS)`);
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
}

/**
Runs files through analyze's pipeline (parse, store, the rules fed or replayed, src/pipeline/) into an
in-memory database: every event, then a watermark at `until` (or the last timed line).
*/
export function analyseFiles(rules: readonly Rule[], files: readonly ExampleFile[], options: { year?: number; until?: string } = {}): Finding[] {
  const { store, findings } = storeExample(rules, files, options);
  try {
    return findings();
  } finally {
    store.close();
  }
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
    if (expect.deviceGroup !== undefined && finding.deviceGroup !== expect.deviceGroup)
      return `device group ${String(finding.deviceGroup)}, expected ${String(expect.deviceGroup)}`;
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

/**
Runs one rule's fire and notFire examples through the real parser and engine: the rule alone, with the rules it steps
aside for (`match.setAsideBy`, taken from `catalogue`) so that its examples show it stepping aside. A notFire example
passes when no finding of the rule is left to follow (none, or only set aside).
*/
export function runRuleExamples(rule: Rule, catalogue: readonly Rule[] = []): ExampleResult[] {
  const results: ExampleResult[] = [];
  const named = new Set(rule.match.setAsideBy?.rules ?? []);
  const companions = catalogue.filter((other) => other.id !== rule.id && named.has(other.id));
  const run = (kind: "fire" | "notFire", example: Example, index: number): void => {
    const name = example.name ?? `${kind} #${index + 1}`;
    let findings: Finding[];
    try {
      findings = analyseFiles([rule, ...companions], example.files, { year: example.year, until: example.until });
    } catch (error) {
      results.push({ rule: rule.id, kind, index, name, passed: false, reason: `could not run: ${(error as Error).message}`, findings: [] });
      return;
    }
    const reason =
      kind === "fire"
        ? checkFire(rule, example, findings)
        : findings.some((finding) => finding.rule === rule.id && finding.status !== "superseded")
          ? "the rule fired"
          : undefined;
    results.push({ rule: rule.id, kind, index, name, passed: reason === undefined, reason, findings });
  };
  rule.examples?.fire?.forEach((example, index) => run("fire", example, index));
  rule.examples?.notFire?.forEach((example, index) => run("notFire", example, index));
  return results;
}

/** An example file's last 4 KiB of text, a trailing NUL run left out as analyze's tail read leaves it (source.ts textEnd). */
function textTail(text: string): string {
  const bytes = Buffer.from(text);
  return bytes.subarray(0, textEnd(bytes)).toString().slice(-4096);
}
