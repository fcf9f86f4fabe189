/**
What watch follows: the targets (the node's default logs, or the PATHs given), which files under them
are logs and where they belong (their place: kind, host, package, bundle), and the chokidar watcher
that reports their changes.
*/

import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { watch as chokidarWatch, type ChokidarOptions } from "chokidar";
import { isRotatedSibling, type FollowedPlace } from "../ingest/follower.js";
import { classifyFile, placeOf, SKIPPED_FOLDERS } from "../ingest/discover.js";
import { compressionOf } from "../model/file-names.js";

export interface LiveTargets {
  /** Files followed by name (they may not exist yet). */
  readonly files: readonly string[];
  /** Folders whose logs (and new sub-folders' logs) are followed as they appear. */
  readonly directories: readonly string[];
}

// Serviceguard for Linux: /var/log/messages, $SGCONF and $SGRUN/log on Red Hat and SUSE, and the
// Continentalclusters event log folder. Followed only when present at start: watching a missing folder
// means watching its nearest existing parent, and /usr/local or /opt are too wide for that.
const LINUX_FILES = [["var", "log", "messages"]];
const LINUX_DIRECTORIES = [
  ["usr", "local", "cmcluster", "conf"],
  ["usr", "local", "cmcluster", "run", "log"],
  ["opt", "cmcluster", "conf"],
  ["opt", "cmcluster", "run", "log"],
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

/** Where a log under `root` belongs; null for what is not followed (archives, files that are no log). */
export function placeFor(path: string, root: string, explicit: boolean): FollowedPlace | null {
  if (compressionOf(path) !== null) return null; // archives do not grow
  const classified = classifyFile(path, explicit);
  if (classified === null) return null;
  return { kind: classified.kind, ...(classified.namedTime === null ? {} : { namedTime: classified.namedTime }), ...placeOf(path, root) };
}

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

/** The part of chokidar the target watcher uses (a seam for tests that must make chokidar miss a file). */
export interface TargetWatch {
  on(event: string, listener: (...args: never[]) => void): unknown;
  once(event: string, listener: (...args: never[]) => void): unknown;
  close(): Promise<void>;
}
export type WatchFactory = (paths: string[], options: ChokidarOptions) => TargetWatch;

// chokidar lists a new folder before it starts watching it: a file written in between is never reported
// (node_modules/chokidar/handler.js, _handleDir: _handleRead, then _watchWithNodeFs). A folder that just
// appeared is therefore listed again by the watcher itself each tick for this long.
const YOUNG_FOLDER_MS = 30_000;
const MAX_DEPTH = 12;

/** What the watcher reports (absolute or relative paths, as chokidar gives them). */
export interface TargetEvents {
  /** A file that concerns the targets was added, changed or removed. */
  readonly onPath: (path: string) => void;
  readonly onFolderAdded: (path: string) => void;
  /** The first walk of the folders is done. */
  readonly onReady: () => void;
  readonly onError: (error: Error) => void;
}

/** chokidar over the targets: the followed files' folders, and the followed folders walked whole. */
export class TargetWatcher {
  readonly files: ReadonlySet<string>;
  readonly directories: readonly string[];
  private readonly roots: readonly string[];
  private readonly chokidar: TargetWatch;
  /** Folders that appeared while watching, with when: listed again until chokidar surely watches them. */
  private readonly youngFolders = new Map<string, number>();
  /** What the last listing saw of each log in a young folder (size, mtime, inode): only a change is reported. */
  private readonly listed = new Map<string, string>();
  private walked = false;

  constructor(
    targets: LiveTargets,
    poll: boolean,
    private readonly events: TargetEvents,
    watch: WatchFactory = chokidarWatch,
  ) {
    this.directories = targets.directories.map((directory) => resolve(directory));
    this.files = new Set(targets.files.map((file) => resolve(file)));
    this.roots = [...new Set([...[...this.files].map((file) => dirname(file)), ...this.directories])];
    // A folder that does not exist yet (a node tree being copied, a package not yet configured) is
    // watched from its nearest existing ancestor, so it is picked up when it appears.
    this.chokidar = watch([...new Set(this.roots.map(nearestExisting))], {
      ignoreInitial: false,
      persistent: true,
      depth: MAX_DEPTH,
      usePolling: poll,
      interval: 250,
      binaryInterval: 250,
      ignored: (path, stats) => this.ignored(resolve(path), stats),
    });
    this.chokidar.on("add", events.onPath);
    this.chokidar.on("change", events.onPath);
    this.chokidar.on("unlink", events.onPath);
    this.chokidar.on("addDir", (path: string) => {
      this.youngFolders.set(resolve(path), Date.now());
      events.onFolderAdded(path);
    });
    this.chokidar.on("error", (error: unknown) => events.onError(error as Error));
    this.chokidar.once("ready", () => {
      this.walked = true;
      events.onReady();
    });
  }

  /**
  Lists the folders that appeared lately and reports each log in them as chokidar would: what was
  written before chokidar's own watch of the folder began is otherwise never seen.
  */
  relistYoungFolders(now = Date.now()): void {
    if (!this.walked) return;
    for (const [folder, since] of this.youngFolders) {
      if (now - since <= YOUNG_FOLDER_MS) continue;
      this.youngFolders.delete(folder);
      for (const path of this.listed.keys()) if (path.startsWith(`${folder}/`)) this.listed.delete(path);
    }
    // A folder inside another young one is listed with it (a sub-folder chokidar missed was never reported).
    const outermost = [...this.youngFolders.keys()].filter((folder) => !this.hasYoungAncestor(folder));
    for (const folder of outermost) this.relist(folder, 0);
  }

  private hasYoungAncestor(folder: string): boolean {
    for (let parent = dirname(folder); parent !== dirname(parent); parent = dirname(parent)) if (this.youngFolders.has(parent)) return true;
    return false;
  }

  private relist(folder: string, depth: number): void {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // gone again: chokidar reports the removal
    }
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH && !this.ignored(path, entry)) this.relist(path, depth + 1);
      } else if (entry.isFile() && this.interesting(path)) this.reportIfChanged(path);
    }
  }

  private reportIfChanged(path: string): void {
    let signature: string;
    try {
      const stats = statSync(path);
      signature = `${stats.ino}:${stats.size}:${stats.mtimeMs}`;
    } catch {
      return;
    }
    if (this.listed.get(path) === signature) return;
    this.listed.set(path, signature);
    this.events.onPath(path);
  }

  /** The followed folder `path` is in (or is), if any. */
  directoryOf(path: string): string | undefined {
    return this.directories.find((directory) => path === directory || path.startsWith(`${directory}/`));
  }

  close(): Promise<void> {
    return this.chokidar.close();
  }

  /** A followed file, a rotated copy beside one, or a log in a followed folder. */
  private interesting(path: string): boolean {
    if (this.files.has(path)) return true;
    for (const file of this.files) if (dirname(file) === dirname(path) && isRotatedSibling(basename(file), basename(path))) return true;
    const directory = this.directoryOf(path);
    return directory !== undefined && placeFor(path, directory, false) !== null;
  }

  private ignored(absolute: string, stats: { isFile(): boolean; isDirectory(): boolean } | undefined): boolean {
    if (stats?.isFile()) return !this.interesting(absolute);
    // Inside a followed file's folder only that folder counts; followed folders are walked.
    if (stats?.isDirectory()) {
      if (SKIPPED_FOLDERS.has(basename(absolute))) return true;
      return !this.roots.includes(absolute) && this.directoryOf(absolute) === undefined && !this.onTheWayToRoot(absolute);
    }
    return false;
  }

  private onTheWayToRoot(directory: string): boolean {
    return this.roots.some((root) => root.startsWith(`${directory}/`));
  }
}
