/**
What analyze, report and tui do with PATHs, in one place: take the writer lock, read the paths into
the store with a progress bar, and print each problem (an unreadable file) once on stderr; finding no
log at all is a usage error. The caller reads from the open store, then closes it (which also
releases the lock); on failure both are released before the error goes up.
*/
import { UsageError } from "../errors.js";
import { openDatabase } from "../store/db.js";
import { acquireWriterLock } from "../store/lock.js";
import { Store } from "../store/store.js";
import { analyzePaths, type AnalyzeOptions, type AnalyzeResult } from "../pipeline/analyze.js";
import { createProgress } from "../present/progress.js";
import { sanitizeForTerminal } from "../present/sanitize.js";

export interface AnalysisRequest {
  readonly databaseFile: string;
  readonly paths: readonly string[];
  readonly rules: AnalyzeOptions["rules"];
  readonly timeZone?: string;
  /** `--node-tz`: nodes whose year-less lines are written in another zone. */
  readonly nodeZones?: Readonly<Record<string, string>>;
  readonly fixedYear?: number;
  /** Sites the operator named (--site, the sites file). */
  readonly sites?: AnalyzeOptions["sites"];
  /** Shown to another writer that finds the lock taken ("analyze", "report", "tui (analyzing)"). */
  readonly holder: string;
  /** Called with the store under the lock, before anything is read into it (analyze --emit notes what was stored). */
  readonly beforeAnalysis?: (store: Store) => void;
}

export interface Analysis {
  readonly store: Store;
  readonly result: AnalyzeResult;
  /** Each problem as one line (message and hint), as printed on stderr. */
  readonly problems: readonly string[];
  /** Closes the store and releases the writer lock. */
  close(): void;
}

export async function analyzeInto(request: AnalysisRequest): Promise<Analysis> {
  const lock = acquireWriterLock(request.databaseFile, request.holder);
  let store: Store | undefined;
  const progress = createProgress();
  const close = (): void => {
    progress.done();
    store?.close();
    lock.release();
  };
  try {
    store = new Store(openDatabase(request.databaseFile));
    request.beforeAnalysis?.(store);
    const result = await analyzePaths(store, {
      paths: [...request.paths],
      rules: request.rules,
      sites: request.sites,
      timeZone: request.timeZone,
      nodeZones: request.nodeZones,
      fixedYear: request.fixedYear,
      command: request.holder,
      onProgress: (state) => progress.update(state),
    });
    progress.done();
    const problems = result.problems.map((problem) => (problem.hint ? `${problem.message} (${problem.hint})` : problem.message));
    // A path is text from the logs' world too: it may carry escape sequences.
    for (const problem of problems) process.stderr.write(`mcadvisor: ${sanitizeForTerminal(problem)}\n`);
    if (result.notRead.length > 0) process.stderr.write(`mcadvisor: ${sanitizeForTerminal(notReadNotice(result.notRead))}\n`);
    for (const moved of result.movedBundles) {
      process.stderr.write(
        `mcadvisor: ${sanitizeForTerminal(`${moved.to} holds the logs analysed before as ${moved.from}: their stored lines and findings now belong to it, nothing is stored twice`)}\n`,
      );
    }
    if (result.inputs.length === 0) {
      throw new UsageError(`no syslog or package logs found in ${request.paths.join(", ")}`, {
        hint: "name syslog.log / OLDsyslog.log / messages files, journalctl exports (journal*.txt, or -o json / short-* under any name), package logs under a cmcluster folder, logs of Raid Manager output with time stamps, or folders holding them",
      });
    }
    return { store, result, problems, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** One line on the files found but not read: how many, and the first few by name (JSON lists them all). */
export function notReadNotice(paths: readonly string[]): string {
  const shown = paths.slice(0, NOT_READ_NAMED);
  const more = paths.length - shown.length;
  return `${paths.length} file${paths.length === 1 ? " was" : "s were"} not read, in no layout mcadvisor knows (not a syslog, package log, cluster or package configuration, shell history, or Raid Manager's own output: a pairdisplay table, pairvolchk's answer, an EX_ error): ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`;
}

/** How many of the files not read the notice names. */
const NOT_READ_NAMED = 3;
