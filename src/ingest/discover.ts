import { readdirSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
import { InputError } from "../errors.js";
import type { FileKind } from "../store/store.js";
import { compareText } from "../util/compare.js";

/** A log or configuration file found among the inputs, with what its place in the tree tells. */
export interface InputFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly compressed: boolean;
  /** The node the file was copied from: the folder above `var/adm/...` or `etc/cmcluster/...`. */
  readonly hostHint: string | null;
  /** The package folder under `cmcluster`, or the log's base name. */
  readonly packageHint: string | null;
  /**
  The correlation scope: the folder holding the node folders of one incident. Events of one bundle
  are correlated together; two incidents analysed into one database never mix.
  */
  readonly bundle: string;
}

const SYSLOG_NAME = /^(OLD)?syslog\.log(\.\d+)?(\.gz)?$|^syslog(\.\d+)?(\.gz)?$/;
const PACKAGE_LOG_NAME = /\.log(\.\d+)?(\.gz)?$/;
const CONFIG_NAME = /\.(config|conf|ascii|env)$/;
// A folder with a log's name (syslog.log, pkg.log): the syslog folder itself (var/adm/syslog) is not one.
const LOG_FOLDER_NAME = /\.log(\.\d+)?$/;
// Folders whose contents are never logs of the cluster.
const SKIPPED_FOLDERS = new Set(["node_modules", ".git", ".mcadvisor"]);
// Path markers below which the node's own filesystem starts in a copied tree.
const NODE_ROOT_MARKERS: readonly (readonly string[])[] = [
  ["var", "adm", "syslog"],
  ["etc", "cmcluster"],
  ["var", "adm", "cmcluster"],
  ["var", "opt", "resmon"],
  ["var", "opt", "cmconcl"],
  ["var", "adm", "cmconcl"],
];

function segmentsOf(path: string): string[] {
  return resolve(path).split(sep).filter((segment) => segment.length > 0);
}

function findMarker(segments: readonly string[]): number {
  for (let index = 0; index < segments.length; index++) {
    for (const marker of NODE_ROOT_MARKERS) {
      if (marker.every((part, offset) => segments[index + offset] === part)) return index;
    }
  }
  return -1;
}

/** Node, package and bundle from where a file sits. */
export function placeOf(path: string, inputRoot: string): { hostHint: string | null; packageHint: string | null; bundle: string } {
  const segments = segmentsOf(path);
  const markerIndex = findMarker(segments);
  let hostHint: string | null = null;
  let bundle: string;
  if (markerIndex >= 0) {
    const nodeRoot = segments.slice(0, markerIndex);
    hostHint = nodeRoot.length > 0 ? nodeRoot[nodeRoot.length - 1] : null;
    bundle = sep + segments.slice(0, Math.max(markerIndex - 1, 0)).join(sep);
  } else {
    bundle = resolve(inputRoot);
  }
  let packageHint: string | null = null;
  const cmclusterIndex = segments.lastIndexOf("cmcluster");
  if (cmclusterIndex >= 0 && cmclusterIndex < segments.length - 2) packageHint = segments[cmclusterIndex + 1];
  return { hostHint, packageHint, bundle };
}

/** What a file is by its name and place, or null when it is neither a log nor a configuration file we read. */
export function classify(path: string, explicit: boolean): FileKind | null {
  const name = basename(path);
  if (SYSLOG_NAME.test(name)) return "syslog";
  const underCluster = segmentsOf(dirname(path)).some((segment) => segment === "cmcluster" || segment === "cmconcl");
  if (CONFIG_NAME.test(name) && (underCluster || explicit)) return "config";
  if (PACKAGE_LOG_NAME.test(name) && (underCluster || explicit)) return "pkglog";
  return explicit ? "syslog" : null;
}

/** What a path that is not a regular file is, in words ("a FIFO (named pipe)"), or null for a file or folder. */
export function specialFileKind(stats: Stats): string | null {
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  return null;
}

export interface Discovery {
  readonly files: InputFile[];
  /** Inputs that could not be read at all (missing, unreadable): each one clear message; the rest go on. */
  readonly problems: InputError[];
}

/** Finds the logs in the given files and directories (recursively), in a stable order. */
export function discoverInputs(paths: readonly string[]): Discovery {
  const files: InputFile[] = [];
  const problems: InputError[] = [];
  const seen = new Set<string>();

  const add = (path: string, root: string, explicit: boolean): void => {
    const absolute = resolve(path);
    if (seen.has(absolute)) return;
    const kind = classify(absolute, explicit);
    if (kind === null) return;
    seen.add(absolute);
    files.push({ path, kind, compressed: absolute.endsWith(".gz"), ...placeOf(absolute, root) });
  };

  const walk = (directory: string, root: string): void => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      problems.push(new InputError(`cannot read directory ${directory}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {
        hint: "check the path and its permissions; the other inputs are analysed",
      }));
      return;
    }
    entries.sort((left, right) => compareText(left.name, right.name));
    for (const entry of entries) {
      const child = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (SKIPPED_FOLDERS.has(entry.name)) continue;
        // Said by name: a folder where a log should be is what a broken copy (cp -r of a mount point) leaves.
        if (LOG_FOLDER_NAME.test(entry.name) && classify(child, false) !== null) {
          problems.push(new InputError(`${child} is a folder, not a log file; the logs inside it, if any, are read`, {
            hint: "a log copied as a folder is often a failed copy; check the node's original file",
          }));
        }
        walk(child, root);
      } else if (entry.isFile()) {
        add(child, root, false);
      } else if (classify(child, false) !== null) {
        addSpecial(child, root);
      }
    }
  };

  /** A name like a log that is not a directory entry of a regular file: a symbolic link to one is read, anything else is said by name. */
  const addSpecial = (path: string, root: string): void => {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push(new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { hint: "a dangling link? the other inputs are analysed" }));
      return;
    }
    if (stats.isFile()) add(path, root, false);
    else if (!stats.isDirectory()) skipSpecial(path, stats);
  };

  const skipSpecial = (path: string, stats: Stats): void => {
    problems.push(new InputError(`${path} is ${specialFileKind(stats) ?? "not a regular file"}, not a log file: skipped`, {
      hint: "copy the log itself (reading a FIFO or a socket would wait for a writer forever); the other inputs are analysed",
    }));
  };

  for (const path of paths) {
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(new InputError(code === "ENOENT" ? `no such file or directory: ${path}` : `cannot read ${path}: ${code ?? (error as Error).message}`, {
        hint: "check the path; the other inputs are analysed",
      }));
      continue;
    }
    if (stats.isDirectory()) walk(path, path);
    else if (stats.isFile()) add(path, dirname(path), true);
    else skipSpecial(path, stats);
  }
  return { files, problems };
}
