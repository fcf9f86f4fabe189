/**
The watch spine: chokidar events drive the follower (src/ingest/follower.ts), each batch of lines is
parsed and stored with its checkpoint in one transaction, the stored events go to one rules engine
per bundle (src/pipeline/live-findings.ts: rebuilt at start by replaying the bundle's stored events, kept
equal to analyze's findings), and every finding that opens, escalates, resolves or is withdrawn is
stored and reported.
*/

import { statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { watch as chokidarWatch, type FSWatcher } from "chokidar";
import type { RuleEngineOptions } from "../correlate/engine.js";
import { LiveFindings, type LiveChange } from "./live-findings.js";
import { FollowerHub, isRotatedSibling, type FollowedPlace, type LineSink } from "../ingest/follower.js";
import { classify, placeOf, SKIPPED_FOLDERS } from "../ingest/discover.js";
import { toWallClock, yearResolver } from "../model/time.js";
import { createFileParser } from "../parse/index.js";
import type { FileRecord, LineToStore, Store } from "../store/store.js";
import { bundleZoneOffset, resumeContext } from "./ingest.js";
import type { Finding } from "../model/findings.js";
import type { Rule } from "../catalogue/rule.js";

export interface LiveTargets {
  /** Files followed by name (they may not exist yet). */
  readonly files: readonly string[];
  /** Folders whose logs (and new sub-folders' logs) are followed as they appear. */
  readonly directories: readonly string[];
}

export interface LiveOptions {
  readonly store: Store;
  readonly rules: readonly Rule[];
  /** Sites the operator named (--site, the sites file). */
  readonly sites?: RuleEngineOptions["sites"];
  readonly targets: LiveTargets;
  readonly timeZone?: string;
  readonly fixedYear?: number;
  /** chokidar polling (NFS, CIFS): no inotify there. */
  readonly poll?: boolean;
  /**
  Seconds between the stat sweeps that catch an inotify event lost under load (not with --poll); 0 turns
  them off (tests: a lost wake-up then shows as a line never read, not one read 5 s late). @default 5
  */
  readonly safetySweepSeconds?: number;
  readonly onChange: (change: LiveChange, finding: Finding, bundle: string) => void;
  readonly onProblem: (message: string) => void;
}

export interface LiveSession {
  /** Resolves when the initial scan is done (existing files are being caught up). */
  readonly ready: Promise<void>;
  /** Reads what is left, reports the last changes, stops watching. */
  stop(): Promise<void>;
  followedPaths(): string[];
}

// Serviceguard for Linux: /var/log/messages, $SGCONF and $SGRUN/log on Red Hat and SUSE, and the
// Continentalclusters event log folder. Followed only when present at start: watching a missing folder
// means watching its nearest existing parent, and /usr/local or /opt are too wide for that.
const LINUX_FILES = [["var", "log", "messages"]];
const LINUX_DIRECTORIES = [
  ["usr", "local", "cmcluster", "conf"], ["usr", "local", "cmcluster", "run", "log"],
  ["opt", "cmcluster", "conf"], ["opt", "cmcluster", "run", "log"],
  ["var", "opt", "resmon", "log", "cc"],
];

function exists(path: string, directory: boolean): boolean {
  try {
    const stats = statSync(path);
    return directory ? stats.isDirectory() : stats.isFile();
  } catch {
    return false;
  }
}

/** Default targets: syslog and every package folder under the (possibly prefixed) root; on Linux, its layout's. */
export function defaultTargets(root: string): LiveTargets {
  const base = resolve(root);
  const files = [join(base, "var", "adm", "syslog", "syslog.log")];
  const directories = [join(base, "etc", "cmcluster")];
  for (const parts of LINUX_FILES) if (exists(join(base, ...parts), false)) files.push(join(base, ...parts));
  for (const parts of LINUX_DIRECTORIES) if (exists(join(base, ...parts), true)) directories.push(join(base, ...parts));
  return { files, directories };
}

/** PATHs as given: folders are followed with their new files, anything else as a file (even if not there yet). */
export function explicitTargets(paths: readonly string[]): LiveTargets {
  const files: string[] = [];
  const directories: string[] = [];
  for (const path of paths.map((entry) => resolve(entry))) {
    let isDirectory = false;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      // not there yet: followed as a file once it appears
    }
    (isDirectory ? directories : files).push(path);
  }
  return { files, directories };
}

const TICK_MS = 1000;

function nearestExisting(path: string): string {
  let current = path;
  for (;;) {
    try {
      if (statSync(current).isDirectory()) return current;
    } catch {
      // not there (yet): look one level up
    }
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}
// Without --poll, a cheap stat of each followed file this often catches an inotify event lost under load.
const SAFETY_SWEEP_SECONDS = 5;

export function startLive(options: LiveOptions): LiveSession {
  const { store, rules, timeZone, fixedYear } = options;
  let lastEventId = store.lastEventId();
  const followedDirectories = options.targets.directories.map((directory) => resolve(directory));
  const followedFiles = new Set(options.targets.files.map((file) => resolve(file)));
  const wallClock = (): number => toWallClock(Date.now(), timeZone);
  // One engine per bundle, rebuilt from its stored events, its findings kept equal to analyze's.
  const findings = new LiveFindings({ store, rules, sites: options.sites, wallClock, onChange: options.onChange });

  /** After a commit: the new stored events go to their bundles' engines, in the order they were stored. */
  const pushNewEvents = (): void => {
    const touched = new Set<string>();
    for (const stored of store.eventsStoredAfter(lastEventId)) {
      findings.open(stored.bundle, stored.id - 1); // later ones are pushed live
      lastEventId = stored.id;
      findings.push(stored.bundle, stored.event, stored.fileId);
      touched.add(stored.bundle);
    }
    for (const bundle of touched) findings.report(bundle);
  };

  const sinkFor = (record: FileRecord, path: string, place: FollowedPlace): LineSink => {
    findings.open(record.bundle, lastEventId); // before any new line: the replay must not swallow them
    const logged = place.kind === "syslog" ? store.lastPackageLogTime(record.bundle) : null;
    const parser = createFileParser({
      path, kind: record.kind, hostHint: record.hostHint, packageHint: record.packageHint,
      yearFor: yearResolver({
        fixedYear,
        reference: logged !== null ? { reference: logged, source: "logged" } : { reference: wallClock(), source: "mtime" },
      }),
      resume: resumeContext(record.parserContext),
      timeZone: options.timeZone,
      zoneOffset: options.timeZone === undefined ? bundleZoneOffset(store, record.bundle) : null,
    });
    return (lines, checkpoint) => {
      let newest: number | null = null;
      const batch: LineToStore[] = lines.map((framed) => {
        const parsed = parser.parseLine(framed.text);
        if (parsed.ts !== null && (newest === null || parsed.ts > newest)) newest = parsed.ts;
        return {
          lineNo: framed.lineNo, ts: parsed.ts, host: parsed.host, program: parsed.program, package: parsed.package,
          format: parsed.format, text: framed.text, events: parsed.events, startOffset: framed.startOffset, endOffset: framed.endOffset,
        };
      });
      store.appendLines(record.id, batch, { ...checkpoint, parserContext: JSON.stringify(parser.context()) });
      if (newest !== null) findings.noteLineTime(record.bundle, newest);
      pushNewEvents();
    };
  };

  const hub = new FollowerHub({
    store, sinkFor,
    onProblem: (path, error) => options.onProblem(`${path}: ${error.message}`),
  });

  const placeFor = (path: string, root: string, explicit: boolean): FollowedPlace | null => {
    if (path.endsWith(".gz")) return null; // archives do not grow
    const kind = classify(path, explicit);
    return kind === null ? null : { kind, ...placeOf(path, root) };
  };

  // Until the first walk of the folders is done, syslogs wait: package logs and configuration files are
  // small, carry most of an incident and the banners' year (the syslog parser's reference for year-less
  // lines), so they are read first, as analyze orders its inputs; a 50,000-line syslog walked first would
  // otherwise hold the first finding back by seconds.
  let walked = false;
  const waitingSyslogs = new Map<string, FollowedPlace>();
  const follow = (path: string, place: FollowedPlace): void => {
    if (!walked && place.kind === "syslog") waitingSyslogs.set(path, place);
    else hub.follow(path, place);
  };

  for (const file of followedFiles) {
    const place = placeFor(file, dirname(file), true);
    if (place) follow(file, place);
  }

  const directoryOf = (path: string): string | undefined =>
    followedDirectories.find((directory) => path === directory || path.startsWith(`${directory}/`));

  const interesting = (path: string): boolean => {
    if (followedFiles.has(path)) return true;
    for (const file of followedFiles) if (dirname(file) === dirname(path) && isRotatedSibling(basename(file), basename(path))) return true;
    const directory = directoryOf(path);
    return directory !== undefined && placeFor(path, directory, false) !== null;
  };

  const onPathEvent = (path: string): void => {
    const absolute = resolve(path);
    const directory = directoryOf(absolute);
    if (directory !== undefined && !hub.follower(absolute) && !waitingSyslogs.has(absolute)) {
      const place = placeFor(absolute, directory, false);
      if (place) follow(absolute, place);
    }
    // A rename or a new file in a folder concerns the followed files there (rotation), and retired readers.
    hub.pokeAll(dirname(absolute));
    if (!hub.follower(absolute)) hub.siblingChanged(absolute);
  };

  const watchRoots = [...new Set([...[...followedFiles].map((file) => dirname(file)), ...followedDirectories])];
  // A folder that does not exist yet (a node tree being copied, a package not yet configured) is
  // watched from its nearest existing ancestor, so it is picked up when it appears.
  const watchedPaths = [...new Set(watchRoots.map(nearestExisting))];
  const onTheWayToRoot = (directory: string): boolean => watchRoots.some((root) => root.startsWith(`${directory}/`));
  const watcher: FSWatcher = chokidarWatch(watchedPaths, {
    ignoreInitial: false,
    persistent: true,
    depth: 12,
    usePolling: options.poll ?? false,
    interval: 250,
    binaryInterval: 250,
    ignored: (path, stats) => {
      const absolute = resolve(path);
      if (stats?.isFile()) return !interesting(absolute);
      // Inside a followed file's folder only that folder counts; followed folders are walked.
      if (stats?.isDirectory()) {
        if (SKIPPED_FOLDERS.has(basename(absolute))) return true;
        return !watchRoots.includes(absolute) && directoryOf(absolute) === undefined && !onTheWayToRoot(absolute);
      }
      return false;
    },
  });
  watcher.on("add", onPathEvent);
  watcher.on("change", onPathEvent);
  watcher.on("unlink", onPathEvent);
  watcher.on("addDir", (path) => hub.pokeAll(resolve(path)));
  watcher.on("error", (error) => options.onProblem(`watching: ${(error as Error).message}`));
  const ready = new Promise<void>((resolveReady) => watcher.once("ready", () => {
    walked = true;
    for (const [path, place] of waitingSyslogs) hub.follow(path, place);
    waitingSyslogs.clear();
    resolveReady();
  }));

  let ticks = 0;
  const sweepTicks = Math.round((options.safetySweepSeconds ?? SAFETY_SWEEP_SECONDS) * 1000 / TICK_MS);
  const timer = setInterval(() => {
    ticks++;
    try {
      findings.tick();
      if (!options.poll && sweepTicks > 0 && ticks % sweepTicks === 0) hub.pokeAll();
    } catch (error) {
      options.onProblem((error as Error).message);
    }
  }, TICK_MS);

  let stopped: Promise<void> | null = null;
  return {
    ready,
    followedPaths: () => hub.paths(),
    stop: () => {
      stopped ??= (async () => {
        clearInterval(timer);
        await watcher.close();
        hub.close();
        findings.finish();
      })();
      return stopped;
    },
  };
}
