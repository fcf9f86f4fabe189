/**
The watch spine, one object with four named parts: the watcher (live-targets.ts: chokidar over the
targets) whose events drive the followers (the follower hub, src/ingest/follower.ts: one per file),
whose lines the store writer (live-writer.ts) parses and stores with their checkpoint in one
transaction, whose stored events go to the live correlator (live-findings.ts: one rules engine per
bundle, rebuilt at start by replaying the bundle's stored events, kept equal to analyze's findings),
which stores and reports every finding that opens, escalates, resolves or is withdrawn.
*/

import { dirname, resolve } from "node:path";
import type { RuleEngineOptions } from "../correlate/engine.js";
import { LiveFindings, type LiveChange } from "./live-findings.js";
import { LiveStoreWriter } from "./live-writer.js";
import { placeFor, TargetWatcher, type LiveTargets } from "./live-targets.js";
import { FollowerHub, type FollowedPlace } from "../ingest/follower.js";
import { toWallClock } from "../model/time.js";
import type { Store } from "../store/store.js";
import { WalCheckpoints } from "../store/db.js";
import type { Finding } from "../model/findings.js";
import type { Rule } from "../catalogue/rule.js";

export { defaultTargets, explicitTargets, type LiveTargets } from "./live-targets.js";

export interface LiveOptions {
  readonly store: Store;
  readonly rules: readonly Rule[];
  /** Sites the operator named (--site, the sites file). */
  readonly sites?: RuleEngineOptions["sites"];
  readonly targets: LiveTargets;
  readonly timeZone?: string;
  /** `--node-tz`: nodes whose year-less lines are written in another zone. */
  readonly nodeZones?: Readonly<Record<string, string>>;
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

const TICK_MS = 1000;
/** Bytes a follower reads before the next one's turn (the follower's read chunk, 1 MiB). */
const CATCH_UP_BUDGET = 1 << 20;
// Without --poll, a cheap stat of each followed file this often catches an inotify event lost under load.
const SAFETY_SWEEP_SECONDS = 5;

export function startLive(options: LiveOptions): LiveSession {
  return new LiveWatch(options);
}

class LiveWatch implements LiveSession {
  readonly ready: Promise<void>;
  /** The live correlator: one engine per bundle, rebuilt from its stored events, its findings kept equal to analyze's. */
  private readonly findings: LiveFindings;
  /** Parses and stores each batch of lines with its checkpoint, then hands the stored events to the correlator. */
  private readonly writer: LiveStoreWriter;
  /** The per-file followers. */
  private readonly hub: FollowerHub;
  private readonly watcher: TargetWatcher;
  /** The WAL is checkpointed between commits, from the tick, not inside an append (db.ts). */
  private readonly checkpoints: WalCheckpoints;
  /**
  Until the first walk of the folders is done, syslogs wait: package logs and configuration files are
  small, carry most of an incident and the banners' year (the syslog parser's reference for year-less
  lines), so they are read first, as analyze orders its inputs; a 50,000-line syslog walked first would
  otherwise hold the first finding back by seconds.
  */
  private walked = false;
  private readonly waitingSyslogs = new Map<string, FollowedPlace>();
  private readonly timer: NodeJS.Timeout;
  private ticks = 0;
  private readonly sweepTicks: number;
  private stopped: Promise<void> | null = null;

  constructor(private readonly options: LiveOptions) {
    const { store, rules, timeZone, fixedYear } = options;
    const wallClock = (): number => toWallClock(Date.now(), timeZone);
    this.checkpoints = new WalCheckpoints(store.database);
    this.findings = new LiveFindings({ store, rules, sites: options.sites, timeZone, wallClock, onChange: options.onChange });
    this.writer = new LiveStoreWriter(store, this.findings, { timeZone, nodeZones: options.nodeZones, fixedYear, wallClock });
    this.hub = new FollowerHub({
      store,
      sinkFor: (record, path, place) => this.writer.sinkFor(record, path, place),
      // A chunk per file and turn: files caught up at start are read in turn, so their merge by time (live-writer.ts) moves.
      budgetBytes: CATCH_UP_BUDGET,
      onProblem: (path, error) => options.onProblem(`${path}: ${error.message}`),
    });
    let walkedAll = (): void => {};
    this.ready = new Promise<void>((resolveReady) => {
      walkedAll = resolveReady;
    });
    this.watcher = this.watchTargets(walkedAll);
    this.sweepTicks = Math.round(((options.safetySweepSeconds ?? SAFETY_SWEEP_SECONDS) * 1000) / TICK_MS);
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  followedPaths(): string[] {
    return this.hub.paths();
  }

  stop(): Promise<void> {
    this.stopped ??= (async () => {
      clearInterval(this.timer);
      await this.watcher.close();
      this.hub.close();
      this.writer.flush();
      this.findings.finish();
    })();
    return this.stopped;
  }

  /** The followed files are followed at once (when they exist), the rest as the watcher reports it. */
  private watchTargets(walkedAll: () => void): TargetWatcher {
    for (const file of new Set(this.options.targets.files.map((path) => resolve(path)))) {
      const place = placeFor(file, dirname(file), true);
      if (place) this.follow(file, place);
    }
    return new TargetWatcher(this.options.targets, this.options.poll ?? false, {
      onPath: (path) => this.onPathEvent(path),
      onFolderAdded: (path) => this.hub.pokeAll(resolve(path)),
      onError: (error) => this.options.onProblem(`watching: ${error.message}`),
      onReady: () => {
        this.followWaitingSyslogs();
        this.writer.walked();
        walkedAll();
      },
    });
  }

  private follow(path: string, place: FollowedPlace): void {
    this.writer.expect(place.bundle, path);
    if (!this.walked && place.kind === "syslog") this.waitingSyslogs.set(path, place);
    else this.hub.follow(path, place);
  }

  private followWaitingSyslogs(): void {
    this.walked = true;
    for (const [path, place] of this.waitingSyslogs) this.hub.follow(path, place);
    this.waitingSyslogs.clear();
  }

  /** A file was added, changed or removed: a new log in a followed folder is followed; its folder's followers look. */
  private onPathEvent(path: string): void {
    const absolute = resolve(path);
    const directory = this.watcher.directoryOf(absolute);
    if (directory !== undefined && !this.hub.follower(absolute) && !this.waitingSyslogs.has(absolute)) {
      const place = placeFor(absolute, directory, false);
      if (place) this.follow(absolute, place);
    }
    // A rename or a new file in a folder concerns the followed files there (rotation), and retired readers.
    this.hub.pokeAll(dirname(absolute));
    if (!this.hub.follower(absolute)) this.hub.siblingChanged(absolute);
  }

  /**
  Each second: the engines' watermarks move, folders that just appeared are listed again (what chokidar
  missed in them); every few seconds, without --poll, a stat sweep of the followed files.
  */
  private tick(): void {
    this.ticks++;
    try {
      this.writer.tick();
      this.findings.tick();
      this.watcher.relistYoungFolders();
      this.checkpoints.tick();
      if (!this.options.poll && this.sweepTicks > 0 && this.ticks % this.sweepTicks === 0) this.hub.pokeAll();
    } catch (error) {
      this.options.onProblem((error as Error).message);
    }
  }
}
