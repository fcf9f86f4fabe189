/**
What a file's name and place say about it before a byte is read: how it is compressed (its last suffix, as logrotate
and syslogd name their rotations) and which package it belongs to. Discovery reads whole files by these; a line that
grep prefixed with a file's path is read by the same (src/parse/extract.ts).
*/

export type Compression = "gzip" | "xz" | "bzip2" | "zstd" | "lz4" | "compress";

const SUFFIXES: ReadonlyArray<readonly [string, Compression]> = [
  [".gz", "gzip"],
  [".xz", "xz"],
  [".lzma", "xz"],
  [".bz2", "bzip2"],
  [".zst", "zstd"],
  [".lz4", "lz4"],
  [".Z", "compress"],
];

/** The compression a file's name says it has (its last suffix), or null for a plain file. */
export function compressionOf(path: string): Compression | null {
  for (const [suffix, compression] of SUFFIXES) if (path.endsWith(suffix)) return compression;
  return null;
}

/** The name without its compression suffix (`messages-20261201.xz` is messages-20261201). */
export function withoutCompressionSuffix(name: string): string {
  for (const [suffix] of SUFFIXES) if (name.endsWith(suffix)) return name.slice(0, -suffix.length);
  return name;
}

// A legacy package's control-script log (`<script>.cntl.log`: the script's path and .log) is one wherever the site keeps
// its packages (/etc/cmcluster/<pkg>/, /sg/pkgs/<pkg>/, /opt/<app>/sg/: round 53 #05, #19).
export const CONTROL_SCRIPT_LOG_NAME = /\.cntl\.log(?:\.\d+)?(?:\.gz)?$/;

// Metrocluster's environment file (<pkg>_xpca.env), wherever it is kept.
const XPCA_ENV_NAME = /^(.+)_xpca\.env$/;

// Names that say what a file is, not which package: a generic control script (pkg.cntl), a template's name.
const GENERIC_PACKAGE_NAMES = new Set(["pkg", "package", "control", "cntl", "legacy", "script", "run", "app", "default", "template", "config", "conf"]);
// Folders that hold packages' folders (/etc/cmcluster/pkgs/<pkg>/, /sg/packages/): a grouping, not a package.
const PACKAGE_GROUPING_FOLDERS = new Set(["pkgs", "packages", "pkg", "package", "sg", "scripts", "bin", "etc", "opt"]);
/** A folder whose name may be a package's: neither a Serviceguard layout folder nor a folder of packages. */
function mayNameAPackage(folder: string): boolean {
  return !LAYOUT_FOLDERS.has(folder) && !PACKAGE_GROUPING_FOLDERS.has(folder);
}

// Folders of a Serviceguard tree that are layout, not a package: $SGCONF (`conf`), $SGRUN (`run`) and its `log`.
const LAYOUT_FOLDERS = new Set(["conf", "run", "log", "logs"]);

// A log of its own (not a control script's, read above): name.log, rotated or compressed.
const PACKAGE_LOG_NAME = /\.log(?:\.\d+)?(?:\.gz)?$/;

/** Whether `name` is `word` with words before or after it (rpkg_crm, crm.old, crm-2 of crm), not `word` itself. */
function extendsByAWord(name: string, word: string): boolean {
  const lower = name.toLowerCase();
  const folded = word.toLowerCase();
  if (lower === folded || folded.length === 0) return false;
  return (lower.startsWith(folded) && /^[_.-]/.test(lower.slice(folded.length))) || (lower.endsWith(folded) && /[_.-]$/.test(lower.slice(0, -folded.length)));
}

/** A log's name without rotation, compression and `.log`/`.cntl.log`: `oracle_pkg.log.1.gz` is oracle_pkg. */
function logBaseName(name: string): string {
  return withoutCompressionSuffix(name)
    .replace(/\.\d+$/, "")
    .replace(/(?:\.cntl)?\.log$/, "");
}

/**
The package a file under a Serviceguard tree belongs to: its own folder (`$SGCONF/<pkg>/...`, the first
folder below the tree that is not a layout folder), or, in a `log` folder, the log's own name
(`$SGRUN/log/<pkg>.log`). Files of the tree itself (cluster ASCII file, cmclconfig) name no package.
*/
export function packageHintOf(segments: readonly string[]): string | null {
  const name = segments[segments.length - 1] ?? "";
  const treeIndex = segments.lastIndexOf("cmcluster");
  // A control script's log names its script. In a package's own folder the folder names the package (oracle.cntl.log in
  // cmcluster/oracle_pkg/ is oracle_pkg's: review), unless the script's name extends the folder's (nfs.home.cntl.log in
  // cmcluster/nfs/, settle_dr.cntl.log beside settle_pkg.cntl.log in cmcluster/settle/: round 53 #09, round 40 #16); in
  // a folder of packages or a site's own place the script names it (copy.cntl.log in cmcluster/pkgs/: round 53 #04); a
  // generic script (pkg.cntl.log) never does (round 53 #13).
  if (CONTROL_SCRIPT_LOG_NAME.test(name)) {
    const script = logBaseName(name);
    const folder = segments[segments.length - 2] ?? "";
    const ownFolder = treeIndex >= 0 && treeIndex < segments.length - 2 && mayNameAPackage(folder);
    const extendsFolder = script.toLowerCase().startsWith(folder.toLowerCase());
    if (script.length > 0 && !GENERIC_PACKAGE_NAMES.has(script.toLowerCase()) && (!ownFolder || extendsFolder)) return script;
  }
  if (treeIndex < 0) {
    // Outside a cmcluster tree only a package's own files say a package: by their names, else by their folder.
    const envOf = XPCA_ENV_NAME.exec(name)?.[1];
    if (envOf !== undefined && !GENERIC_PACKAGE_NAMES.has(envOf.toLowerCase())) return envOf;
    // A package's ASCII file names its package inside (PACKAGE_NAME, read by the parser); a cluster's names none.
    if (!CONTROL_SCRIPT_LOG_NAME.test(name) && !XPCA_ENV_NAME.test(name)) return null;
    const folder = segments[segments.length - 2];
    return folder !== undefined && mayNameAPackage(folder) ? folder : null;
  }
  if (treeIndex >= segments.length - 1) return null;
  const folders = segments.slice(treeIndex + 1, -1);
  const own = folders.find(mayNameAPackage) ?? folders.find((folder) => !LAYOUT_FOLDERS.has(folder));
  // A modular package's log is named after its package ($SG_PACKAGE.log): in a folder named after part of it, the log's
  // name is the package's (rpkg_crm.log in cmcluster/crm/, a recovery package beside its primary: round 69 #14).
  if (own !== undefined && own === folders[folders.length - 1] && PACKAGE_LOG_NAME.test(name)) {
    const base = logBaseName(name);
    if (!GENERIC_PACKAGE_NAMES.has(base.toLowerCase()) && extendsByAWord(base, own)) return base;
  }
  if (own !== undefined) return own;
  if (folders.length > 0 && folders[folders.length - 1] === "log") {
    const base = logBaseName(segments[segments.length - 1]);
    return base.length > 0 ? base : null;
  }
  return null;
}
