import { discoverInputs, headIsIsoSyslog, isContinentalEventLog, isSavedConfigCopy, type InputFile } from "../ingest/discover.js";
import { FINGERPRINT_BYTES, READ_AT_ONCE_BYTES, readHead } from "../ingest/source.js";
import { ingestFile, lastStampOf, PartialInputError, type IngestOptions } from "./ingest.js";
import { newestStamp, type YearlessStamp } from "../model/time.js";
import { findMovedBundle } from "./moved.js";
import { inThread, ParseThreads } from "./parse-source.js";
import { Pacer } from "./pacer.js";
import { BundleCorrelator, replayOf } from "./correlate.js";
import { InputError, McAdvisorError, UnreadableFileError } from "../errors.js";
import { clockDisagreements, describeClockDisagreement, type ClockDisagreement } from "../correlate/clocks.js";
import { describeClockCorrection } from "../correlate/clock-steps.js";
import type { Store } from "../store/store.js";
import { bundleReadings, mostlyUnparsedSyslogs, storedBundles } from "../store/read.js";
import type { BundleReading, UnreadableFile } from "../model/readability.js";
import { statSync, type Stats } from "node:fs";
import { basename, resolve, sep } from "node:path";
import { compareText } from "../util/compare.js";
import type { SiteDefinition } from "../correlate/sites.js";
import type { Rule } from "../catalogue/rule.js";

export interface AnalyzeOptions extends Omit<IngestOptions, "onBytes" | "loggedReference" | "source" | "onStored" | "known"> {
  readonly paths: readonly string[];
  readonly rules: readonly Rule[];
  /** Sites the operator named (--site, the sites file). */
  readonly sites?: readonly SiteDefinition[];
  /** Progress: bytes read so far out of the inputs' total size. */
  readonly onProgress?: (progress: { bytesDone: number; bytesTotal: number; lines: number }) => void;
  /** Where lines are parsed: a worker thread for large files (auto), or always one thread (parse-source.ts). */
  readonly parseThread?: "auto" | "worker" | "main";
  /** The end of the logs for the rules when it is later than their last line (`rules test`'s `until`). */
  readonly until?: number;
  /** The command the analysis runs for (analyze, report, tui), recorded with its bundles' unfinished analysis. */
  readonly command?: string;
}

export interface AnalyzeResult {
  readonly inputs: readonly InputFile[];
  /** Store ids of the files read (new or already stored). */
  readonly fileIds: readonly number[];
  readonly bundles: readonly string[];
  /** Per-input problems: each names its file; the analysis went on without it. */
  readonly problems: readonly McAdvisorError[];
  readonly newLines: number;
  /** Incident folders recognised as moved or copied from where they were analysed before. */
  readonly movedBundles: readonly { readonly from: string; readonly to: string }[];
  /**
  What was read of each bundle: its log lines, those in no known layout and the unread replication
  lines. A bundle of which nothing, or less than half, could be read makes the run UNKNOWN (exit 3;
  src/model/readability.ts says exactly when), whatever its findings say, unless one is critical.
  */
  readonly readings: readonly BundleReading[];
  /** Files in the folders given that are in no layout mcadvisor reads: said, not read (see Discovery.notRead). */
  readonly notRead: readonly string[];
}

// Configuration first (facts), then syslogs whose lines carry their year (RFC 3339, journalctl) and command-
// output logs (their stamps carry it), then package logs (their banners carry the year; modular logs' lines
// do not), then year-less syslogs. Each dated file anchors the year of the year-less lines read after it. Shell histories
// last: their epoch seconds are instants placed on the zone the others' zoned lines set (src/model/time.ts placeInstant).
const ORDER = { config: 0, datedSyslog: 1, cmdlog: 1, pkglog: 2, syslog: 3, history: 4 } as const;

/** Bytes of small files whose lines share one commit at most (Store.beginGroup): what a crash makes the next run read again. */
const GROUP_BYTES = 4 << 20;

/** The order files of a run are read in (ORDER, then path), given which syslogs carry their year. */
export function orderInputs<T extends { readonly bundle: string; readonly path: string; readonly kind: keyof typeof ORDER }>(
  inputs: readonly T[],
  dated: ReadonlySet<T>,
): T[] {
  // A configuration saved beside the live ones after them (isSavedConfigCopy): the live file's settings win.
  const rank = (input: T): number =>
    dated.has(input) ? ORDER.datedSyslog : input.kind === "config" && isSavedConfigCopy(basename(input.path)) ? ORDER.config + 0.5 : ORDER[input.kind];
  return [...inputs].sort((left, right) => compareText(left.bundle, right.bundle) || rank(left) - rank(right) || compareText(left.path, right.path));
}

/**
Where the run of a bundle's year-less syslogs starting at `inputs[index]` ends (`index + 1` when that file is not one).
They are read last but for shell histories, with the year references the files before them set, which none of
them changes: read side by side, each reads as it would alone.
*/
export function yearlessSyslogsFrom<T extends { readonly bundle: string; readonly kind: string }>(
  inputs: readonly T[],
  index: number,
  dated: ReadonlySet<T>,
): number {
  const first = inputs[index];
  const yearless = (input: T): boolean => input.bundle === first.bundle && input.kind === "syslog" && !dated.has(input);
  if (!yearless(first)) return index + 1;
  let end = index + 1;
  while (end < inputs.length && yearless(inputs[end])) end++;
  return end;
}

/**
A syslog whose head is ISO-stamped: its lines carry their year. Unreadable: treated as year-less (reported when read).
The head read is handed to `keep` (identify takes it instead of reading it again).
*/
async function isDated(input: InputFile, keep: (head: Buffer) => void): Promise<boolean> {
  if (input.kind !== "syslog") return false;
  try {
    const head = await readHead(input.path, input.compressed);
    keep(head);
    return headIsIsoSyslog(head);
  } catch {
    return false;
  }
}

/** The analyze spine: discover, ingest (resumable, de-duplicated), then correlate each touched bundle. */
export async function analyzePaths(store: Store, options: AnalyzeOptions): Promise<AnalyzeResult> {
  const begun: string[] = [];
  try {
    return await analyzeBegun(store, options, begun);
  } catch (error) {
    // Its findings stay those of the lines read so far: readers say the analysis stopped part way (a killed run has no
    // such mark; its pid, gone, says the same). Recording it may fail as the run did (a full disk): its error is told.
    try {
      for (const bundle of begun) store.stopAnalysis(bundle);
    } catch {
      // the run's own error, below, is the one to tell
    }
    throw error;
  }
}

/** `begun`: the bundles whose analysis began (their findings then change as the lines are read). */
async function analyzeBegun(store: Store, options: AnalyzeOptions, begun: string[]): Promise<AnalyzeResult> {
  const discovery = discoverInputs(options.paths);
  const problems: McAdvisorError[] = [...discovery.problems];
  // Each file is stat'ed once (the progress total, where it is parsed, and identify's size, inode and mtime).
  const stats = new Map<string, Stats | null>();
  const statOf = (path: string): Stats | null => {
    let found = stats.get(path);
    if (found === undefined) {
      try {
        found = statSync(path);
      } catch {
        found = null; // counted as a problem when it is read below (identify stats it again and says why)
      }
      stats.set(path, found);
    }
    return found;
  };
  const sizeOf = (path: string): number => statOf(path)?.size ?? 0;
  // A syslog's head is read once: here to tell a dated one, then identify's fingerprint, unless identify reads the
  // small plain file whole anyway (then the head is not kept: it is in what identify reads).
  const heads = new Map<InputFile, Buffer>();
  const dated = new Set<InputFile>();
  for (const input of discovery.files) {
    const keep = (head: Buffer): void => {
      if (input.compressed || sizeOf(input.path) > READ_AT_ONCE_BYTES) heads.set(input, head);
    };
    if (await isDated(input, keep)) dated.add(input);
  }
  const datedBundles = new Set([...dated].map((input) => input.bundle));
  const inputs = orderInputs(discovery.files, dated);
  // --year dates each bundle's newest year-less lines: every log's last stamp is read first to find them.
  const lastStamps = new Map<InputFile, YearlessStamp | null>();
  const bundleNewest = new Map<string, YearlessStamp | null>();
  if (options.fixedYear !== undefined) {
    const stampsOfBundle = new Map<string, (YearlessStamp | null)[]>();
    for (const input of inputs) {
      const stamp = await lastStampOf(input);
      lastStamps.set(input, stamp);
      const stamps = stampsOfBundle.get(input.bundle);
      if (stamps === undefined) stampsOfBundle.set(input.bundle, [stamp]);
      else stamps.push(stamp);
    }
    for (const [bundle, stamps] of stampsOfBundle) bundleNewest.set(bundle, newestStamp(stamps));
  }

  let bytesTotal = 0;
  for (const input of inputs) bytesTotal += sizeOf(input.path);
  let bytesDone = 0;
  let lines = 0;
  const report = (): void => options.onProgress?.({ bytesDone: Math.min(bytesDone, bytesTotal), bytesTotal, lines });
  const fileIds: number[] = [];
  // Log files read only in part, per bundle: a bundle of which every log file was cut short cannot be called OK.
  const partialFiles = new Map<string, number>();
  // Log files of which nothing could be read as lines, or that look binary, per bundle: it cannot be called OK either.
  const unreadableFiles = new Map<string, UnreadableFile[]>();
  const cannotRead = (bundle: string, path: string, why: string): void => {
    const list = unreadableFiles.get(bundle) ?? [];
    list.push({ path: resolve(path), why });
    unreadableFiles.set(bundle, list);
  };
  for (const input of discovery.unreadable) {
    const bundle = input.bundle ?? bundleHolding(input.path, discovery.files);
    if (input.kind !== "config" && bundle !== null) cannotRead(bundle, input.path, input.reason);
  }
  const bundles = new Set<string>();
  const loggedReference = new Map<string, number>();
  // The stored package logs' newest time, asked for each year-less syslog of a bundle whose run read no dated
  // lines: one query per bundle instead of one per syslog (each visits the bundle's files: quadratic in a
  // bundle of many files). It changes only when lines are added to a package log's record, so it is asked
  // again after such a file (or after any file that failed part way).
  const storedPackageLogTime = new Map<string, number | null>();
  const lastPackageLogTime = (bundle: string): number | null => {
    let time = storedPackageLogTime.get(bundle);
    if (time === undefined) {
      time = store.lastPackageLogTime(bundle);
      storedPackageLogTime.set(bundle, time);
    }
    return time;
  };
  // Newest time of the bundle's dated syslogs: the year of modular package logs' lines (they print none).
  const datedReference = new Map<string, number>();
  let newLines = 0;

  const bundlesOfRun = new Set(inputs.map((input) => input.bundle));
  const movedBundles: { from: string; to: string }[] = [];
  // A folder can only have moved from a stored bundle outside this run: with none (a new database), no
  // file's head needs reading for it.
  const movedFromCandidates = storedBundles(store.database).some((stored) => !bundlesOfRun.has(stored));
  for (const bundle of movedFromCandidates ? [...bundlesOfRun].sort(compareText) : []) {
    const previous = await findMovedBundle(
      store,
      bundle,
      inputs.filter((input) => input.bundle === bundle),
      bundlesOfRun,
    );
    if (previous !== null) {
      store.renameBundle(previous, bundle);
      movedBundles.push({ from: previous, to: bundle });
    }
  }

  // Until each bundle's findings are concluded, readers are told they are those of the lines read so far.
  for (const bundle of [...bundlesOfRun].sort(compareText)) {
    store.beginAnalysis(bundle, options.command ?? "analyze");
    begun.push(bundle);
  }

  // The rules see each bundle's events as they are stored, merged across its files (correlate.ts): fed as soon as
  // no file of the bundle can still bring an earlier event, and merged at the end when one steps back.
  const correlators = new Map<string, BundleCorrelator>();
  const correlation = { sites: options.sites, until: options.until, timeZone: options.timeZone };
  for (const bundle of bundlesOfRun) {
    const ofBundle = inputs.filter((input) => input.bundle === bundle);
    const logFiles = ofBundle.filter((input) => input.kind !== "config").length;
    const fed = !store.bundleHasEvents(bundle);
    // What the rules conclude while the files are read is stored as it changes: the TUI shows it before the run ends.
    const correlator = new BundleCorrelator(bundle, options.rules, correlation, fed, logFiles > 1 ? undefined : 0, (findings) =>
      store.replaceFindings(bundle, findings),
    );
    correlator.expect(ofBundle.length);
    correlators.set(bundle, correlator);
  }
  const threads = new ParseThreads(options.parseThread);
  // Small plain files (read with one call) share a commit, up to GROUP_BYTES of them; any other file commits
  // batch by batch, as its checkpoints move. A checkpoint still commits with its lines either way.
  let groupBytes = 0;
  const readAtOnce = (input: InputFile): boolean => !input.compressed && sizeOf(input.path) <= READ_AT_ONCE_BYTES;
  try {
    for (let index = 0; index < inputs.length;) {
      const end = yearlessSyslogsFrom(inputs, index, dated);
      const run = inputs.slice(index, end);
      index = end;
      // A bundle's large year-less syslogs are read side by side (the small ones first: they share a commit), but for
      // a file that begins as one of them does (a copy, a part of it, its own .gz: read after it, it adds only what that
      // one lacks) and while the bundle's clock has no zone yet (the first zoned line read sets it for every file).
      const large = run.filter((input) => !readAtOnce(input));
      const together = large.length > 1 && (options.timeZone !== undefined || store.zoneOffsetOfBundle(run[0].bundle) !== null) ? distinctHeads(large) : [];
      const alone = together.length > 1 ? [...run.filter(readAtOnce), ...large.filter((input) => !together.includes(input))] : run;
      for (const input of alone.filter(readAtOnce)) {
        const size = sizeOf(input.path);
        const grouped = readAtOnce(input);
        if (!grouped || groupBytes + size > GROUP_BYTES) {
          store.commitGroup();
          groupBytes = 0;
        }
        if (grouped) {
          store.beginGroup();
          groupBytes += size;
        }
        await ingestInput(input);
      }
      if (together.length > 1) {
        store.commitGroup();
        groupBytes = 0;
        await ingestTogether(together);
      }
      for (const input of alone.filter((input) => !readAtOnce(input))) {
        store.commitGroup();
        groupBytes = 0;
        await ingestInput(input);
      }
    }
  } finally {
    store.commitGroup();
    await threads.close();
  }

  /** The files whose heads (identify's fingerprint bytes) differ from every one before them: no two share a record. */
  function distinctHeads(files: readonly InputFile[]): InputFile[] {
    const seen: Buffer[] = [];
    const distinct: InputFile[] = [];
    for (const input of files) {
      const head = heads.get(input)?.subarray(0, FINGERPRINT_BYTES);
      if (head !== undefined && seen.some((other) => other.equals(head))) continue;
      if (head !== undefined) seen.push(head);
      distinct.push(input);
    }
    return distinct;
  }

  /**
  Files read side by side and paced by their time (pacer.ts), parsed on this thread (the
  worker reads one file at a time). They are started in their order, each once its record is stored, so file ids
  (the replay order's tie-break) do not depend on which head came back first.
  */
  async function ingestTogether(together: readonly InputFile[]): Promise<void> {
    const pacer = new Pacer();
    for (const input of together) pacer.join(input);
    const reads: Promise<void>[] = [];
    const saids = together.map(() => ({ problems: [] as McAdvisorError[], fileIds: [] as number[] }));
    for (const [at, input] of together.entries()) {
      let opened: () => void = () => {};
      const recorded = new Promise<void>((resolve) => (opened = resolve));
      const read = ingestInput(input, { pacer, opened }, saids[at]).finally(() => opened());
      // Handled below (allSettled), once every file was started: until then a failure must not count as unhandled.
      read.catch(() => {});
      reads.push(read);
      await recorded;
    }
    const outcomes = await Promise.allSettled(reads);
    for (const said of saids) {
      problems.push(...said.problems);
      fileIds.push(...said.fileIds);
    }
    for (const outcome of outcomes) if (outcome.status === "rejected") throw outcome.reason;
  }

  /** `said`: where its problems and file id go (files read side by side keep theirs apart, to say them in order). */
  async function ingestInput(
    input: InputFile,
    together?: { pacer: Pacer; opened: () => void },
    said: { problems: McAdvisorError[]; fileIds: number[] } = { problems, fileIds },
  ): Promise<void> {
    bundles.add(input.bundle);
    const head = heads.get(input);
    heads.delete(input);
    const correlator = correlators.get(input.bundle);
    correlator?.begin(input);
    try {
      const outcome = await ingestFile(store, input, {
        source: together !== undefined ? inThread : await threads.sourceFor(sizeOf(input.path)),
        onFile: (file) => {
          correlator?.recorded(file);
          together?.opened();
        },
        pace: together !== undefined ? (ts) => together.pacer.after(input, ts) : undefined,
        known: { stats: statOf(input.path) ?? undefined, head, ...(lastStamps.has(input) ? { lastStamp: lastStamps.get(input) } : {}) },
        timeZone: options.timeZone,
        nodeZones: options.nodeZones,
        fixedYear: options.fixedYear,
        bundleNewest: bundleNewest.get(input.bundle),
        batchLines: options.batchLines,
        loggedReference:
          input.kind === "syslog"
            ? (loggedReference.get(input.bundle) ?? lastPackageLogTime(input.bundle))
            : (datedReference.get(input.bundle) ?? (datedBundles.has(input.bundle) ? store.lastTimeOfBundle(input.bundle) : null)),
        onBytes: (bytes) => {
          bytesDone += bytes;
          report();
        },
        onLines: (stored) => {
          lines += stored;
          report();
        },
        onStored: (file, stored, through) => correlator?.push(file, stored, through, input),
        onProblem: (problem) => {
          said.problems.push(problem);
          if (problem instanceof UnreadableFileError) cannotRead(input.bundle, input.path, problem.reason);
        },
      });
      newLines += outcome.newLines;
      said.fileIds.push(outcome.file.id);
      if (outcome.file.kind === "pkglog") storedPackageLogTime.delete(input.bundle);
      if ((input.kind === "pkglog" || input.kind === "cmdlog" || dated.has(input)) && outcome.lastTs !== null) {
        loggedReference.set(input.bundle, Math.max(outcome.lastTs, loggedReference.get(input.bundle) ?? outcome.lastTs));
      }
      if (dated.has(input) && outcome.lastTs !== null) {
        datedReference.set(input.bundle, Math.max(outcome.lastTs, datedReference.get(input.bundle) ?? outcome.lastTs));
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      storedPackageLogTime.delete(input.bundle);
      said.problems.push(error);
      if (error instanceof PartialInputError) {
        said.fileIds.push(error.fileId);
        if (input.kind !== "config") partialFiles.set(input.bundle, (partialFiles.get(input.bundle) ?? 0) + 1);
      } else if (input.kind !== "config") {
        cannotRead(input.bundle, input.path, error instanceof UnreadableFileError ? error.reason : error.message);
      }
    } finally {
      together?.pacer.leave(input);
      correlator?.end(input);
    }
  }
  for (const bundle of bundles) {
    correlators.get(bundle)?.conclude(store);
    store.finishAnalysis(bundle);
  }
  for (const file of mostlyUnparsedSyslogs(store.database, fileIds)) {
    // Said once: a file already named (it looks binary) is not named again for its unread lines.
    if (isContinentalEventLog(file.path) || unreadableFiles.get(file.bundle)?.some((named) => named.path === resolve(file.path))) continue;
    cannotRead(file.bundle, file.path, `${file.unparsed} of its ${file.lines} lines have a stamp or layout mcadvisor does not read`);
  }
  // A bundle whose only log could not be read at all is still one to judge (UNKNOWN), not one left out.
  const sortedBundles = [...new Set([...bundles, ...unreadableFiles.keys()])].sort();
  for (const bundle of sortedBundles)
    problems.push(...clockProblems(bundle, clockDisagreements(store.clockAnchors(bundle))), ...clockStepNotices(store, bundle));
  const readings = bundleReadings(store.database, sortedBundles, fileIds).map((reading) => ({
    ...reading,
    partial: partialFiles.get(reading.bundle) ?? 0,
    unreadableFiles: unreadableFiles.get(reading.bundle) ?? [],
  }));
  return { inputs, fileIds, bundles: sortedBundles, problems, newLines, movedBundles, readings, notRead: discovery.notRead };
}

/** The innermost bundle of the files found whose folder holds `path` (absolute), or null. */
function bundleHolding(path: string, files: readonly InputFile[]): string | null {
  let holding: string | null = null;
  for (const bundle of new Set(files.map((file) => file.bundle))) {
    const inside = bundle === sep || path.startsWith(`${bundle}${sep}`);
    if (inside && (holding === null || bundle.length > holding.length)) holding = bundle;
  }
  return holding;
}

/** Nodes of a bundle whose clocks read hours apart, told with the options that place them (src/correlate/clocks.ts). */
/** What a node's clock step moved (correlate/clock-steps.ts), said once per step: the findings read its lines there. */
function clockStepNotices(store: Store, bundle: string): McAdvisorError[] {
  return replayOf(store, bundle).corrections.map((correction) => {
    const { message, hint } = describeClockCorrection(correction);
    return new McAdvisorError(`${bundle}: ${message}`, { hint });
  });
}

function clockProblems(bundle: string, disagreements: readonly ClockDisagreement[]): McAdvisorError[] {
  return disagreements.map((disagreement) => {
    const { message, hint } = describeClockDisagreement(disagreement);
    return new McAdvisorError(`${bundle}: ${message}`, { hint });
  });
}
