/**
Whether mcadvisor could read enough of a bundle to judge it. A run whose input is mostly unreadable, or of
which nothing could be read, is never "OK": it says what it could not read and its status is UNKNOWN
(exit 3), for analyze, report and the monitoring status line alike (README "Exit status").

Definitions (over the log files of one incident bundle, syslog and package logs; configuration files are
facts, not logs, and do not count):
- an *unreadable line* is a line no header grammar recognised (`format = 'unknown'` in log_lines): binary
  data, random bytes, or text in a layout that is not a syslog or package log;
- **nothing readable**: not one line of the bundle's log files was recognised: no log file could be read
  (a FIFO, a damaged .gz), the files were empty, or all their lines are unreadable;
- **mostly unreadable**: more than half of the bundle's log lines are unreadable;
- **cut short**: every log file of the bundle was read only in part (a truncated .gz, a read error mid-file):
  what came after the cut, where the incident may be, was never seen;
- **nothing about the cluster**: lines were read, but not one gave an event (no Serviceguard, Metrocluster, Raid
  Manager or Continentalclusters message, no package or cluster configuration): the logs do not show the cluster,
  so "nothing needs a procedure" would be a guess (known to analyze only, which counts the events of its files).
- **analysis unfinished**: the bundle's last analysis began and did not finish: it is still running, or it was
  stopped part way (killed, a full disk). The findings stored are what the lines read before then say (analyze
  stores them as they change, issue 14): what it had not read yet, or not concluded, may change them. Judged
  first: the other verdicts count lines it may not have read yet.
- **files unreadable**: one of its log files could not be read as lines at all (not a gzip archive, a symbolic link
  loop, a dangling link, a link out of the bundle, a FIFO, a file it may not open) or looks binary (its lines are
  stored, no grammar can read them): what that file holds was not read (known to analyze only). It is judged
  last, so a bundle that is also one of the above keeps that verdict, its sentence naming the files too.
A bundle where exactly half the lines are unreadable is still judged (a log with its binary tail cut off
should not hide the incident in its first half).
*/

import { isAbsolute, relative } from "node:path";

export type ReadabilityVerdict = "analysis-unfinished" | "nothing-readable" | "mostly-unreadable" | "cut-short" | "nothing-about-cluster" | "files-unreadable";

/** A log file of a bundle of which nothing could be read as log lines, and why, in a few words. */
export interface UnreadableFile {
  /** Absolute. */
  readonly path: string;
  readonly why: string;
}

/** A bundle's analysis that began and has not finished (store/read.ts unfinishedAnalyses). */
export interface UnfinishedAnalysis {
  /** Real instant (epoch ms). */
  readonly startedAt: number;
  /** The command that began it: analyze, report, tui, watch. */
  readonly command: string;
  readonly pid: number;
  readonly host: string;
  /** Its process is alive on this machine: still reading; false: stopped; null: begun on another machine, not known. */
  readonly running: boolean | null;
}

/** What was read of one bundle's log files. */
export interface BundleReading {
  readonly bundle: string;
  /** Log files (syslog, package logs) of the bundle that were read. */
  readonly files: number;
  readonly lines: number;
  /** Lines no header grammar recognised. */
  readonly unreadable: number;
  /** Replication lines from which no grammar read an event (line.unread). */
  readonly unread: number;
  /** Log files read only in part (a truncated .gz, a read error mid-file); known to analyze only. */
  readonly partial?: number;
  /** Events read from all the bundle's files (configuration included), unread-line markers aside; known to analyze only. */
  readonly events?: number;
  /** Log files of the bundle that could not be read as lines, or look binary; known to analyze only. */
  readonly unreadableFiles?: readonly UnreadableFile[];
  /** Its last analysis began and has not finished (readers of the database: report, tui). */
  readonly unfinished?: UnfinishedAnalysis;
}

type Judged = Pick<BundleReading, "lines" | "unreadable" | "files" | "partial" | "events" | "unreadableFiles" | "unfinished">;

/** null when the bundle can be judged. */
export function readabilityVerdict(reading: Judged): ReadabilityVerdict | null {
  if (reading.unfinished !== undefined) return "analysis-unfinished";
  if (reading.lines - reading.unreadable <= 0) return "nothing-readable";
  if (reading.unreadable * 2 > reading.lines) return "mostly-unreadable";
  if ((reading.partial ?? 0) > 0 && (reading.partial ?? 0) >= reading.files) return "cut-short";
  if (reading.events === 0) return "nothing-about-cluster";
  if ((reading.unreadableFiles?.length ?? 0) > 0) return "files-unreadable";
  return null;
}

/** One sentence saying what could not be read, for people. */
export function describeReadability(reading: BundleReading): string | null {
  const verdict = readabilityVerdict(reading);
  if (verdict === null) return null;
  if (verdict === "analysis-unfinished") return unfinishedSentence(reading.unfinished!);
  const files = unreadableFilesClause(reading);
  if (verdict === "files-unreadable") {
    const count = reading.unreadableFiles?.length ?? 0;
    return `${files}: what ${count === 1 ? "it holds" : "they hold"} was not read, so it cannot be called OK`;
  }
  const sentence = verdictSentence(verdict, reading);
  return files === null ? sentence : `${sentence}; ${files}`;
}

function unfinishedSentence(analysis: UnfinishedAnalysis): string {
  const begun = `its analysis (mcadvisor ${analysis.command}, pid ${analysis.pid} on ${analysis.host}, started ${new Date(analysis.startedAt).toISOString().slice(0, 19)}Z)`;
  const shown = "the findings shown are what the lines read until then say, so it cannot be called OK";
  if (analysis.running === true) return `${begun} is still running: ${shown} yet; look again when it has finished`;
  if (analysis.running === null) return `${begun} has not finished, and whether it still runs cannot be told from this machine: ${shown}`;
  return `${begun} stopped before its end: ${shown}; run the same command on it again (it goes on from where it stopped)`;
}

function verdictSentence(verdict: Exclude<ReadabilityVerdict, "files-unreadable" | "analysis-unfinished">, reading: BundleReading): string {
  if (reading.lines === 0) {
    return reading.files === 0
      ? "it holds no log file mcadvisor could read (only configuration files, or files that could not be read), so nothing in it can be judged"
      : "its log files hold no line, so nothing in it can be judged";
  }
  if (verdict === "cut-short") {
    return `${reading.files === 1 ? "its one log file was" : `all ${reading.files} of its log files were`} cut short (${reading.lines} lines read before the cut): what came after was never seen, so it cannot be called OK`;
  }
  if (verdict === "nothing-about-cluster") {
    return `none of its ${reading.lines} log lines is a Serviceguard, Metrocluster, Raid Manager or Continentalclusters message mcadvisor could read, and it holds no package or cluster configuration: these logs do not show the cluster, so they cannot be called OK (collect the syslogs and package logs of the cluster's nodes from the time of the incident)`;
  }
  const what = `${reading.unreadable} of its ${reading.lines} log lines are in no layout mcadvisor knows (binary data, or not a syslog or package log)`;
  return verdict === "nothing-readable" ? `${what}: nothing in it can be judged` : `${what}: too little of it was read to call it OK`;
}

/** How many of the unreadable files the sentence names (JSON's `unreadableFiles` lists them all). */
const UNREADABLE_FILES_NAMED = 3;

/** "2 of its log files could not be read as logs: a (why), b (why)", paths inside the bundle shown from it; null when none. */
function unreadableFilesClause(reading: BundleReading): string | null {
  const files = reading.unreadableFiles ?? [];
  if (files.length === 0) return null;
  const shown = files.slice(0, UNREADABLE_FILES_NAMED).map((file) => `${pathInBundle(reading.bundle, file.path)} (${file.why})`);
  const more = files.length - shown.length;
  const count = files.length === 1 ? "one of its log files" : `${files.length} of its log files`;
  return `${count} could not be read as logs: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

function pathInBundle(bundle: string, path: string): string {
  const shown = relative(bundle, path);
  return shown === "" || shown.startsWith("..") || isAbsolute(shown) ? path : shown;
}

/** What each exit status means, in the words the reports print beside it (the README's table says the same). */
export const EXIT_STATUS_LEGEND = "0 nothing open above info, 1 warning, 2 critical, 3 input it could not read";

/**
The exit status of a run, as a monitoring plugin's: a critical finding still gives 2 (it needs action
whatever else could not be read), otherwise input that could not be read gives 3 (UNKNOWN), then 1 for a
warning, 0 for nothing open above info. This is the order monitoring systems rank states in (Icinga:
CRITICAL > UNKNOWN > WARNING > OK).
*/
export function runExitStatus(findingsStatus: number, readings: readonly Judged[]): number {
  if (findingsStatus === 2) return 2;
  if (readings.some((reading) => readabilityVerdict(reading) !== null)) return 3;
  return findingsStatus;
}
