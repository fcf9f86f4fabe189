/**
How a log is compressed, told by its name as logrotate and syslogd name their rotations, and its bytes
decompressed as a stream. gzip is read in-process (node:zlib). The others a rotation leaves behind (SUSE's
logrotate compresses with xz; some sites use bzip2, zstd or lz4; old HP-UX scripts `compress`) Node cannot
decompress: their own program is run, without a shell, on the file's absolute path, and its output read as
the file's content. When that program is missing, the file is said as unreadable with what to install.
*/

import { spawn } from "node:child_process";
import { accessSync, constants, createReadStream } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { type Compression } from "../model/file-names.js";

/** The program that decompresses each format other than gzip to standard output, and the package that has it. */
const PROGRAMS: Readonly<Record<Exclude<Compression, "gzip">, { readonly program: string; readonly args: readonly string[]; readonly package: string }>> = {
  xz: { program: "xz", args: ["-dc"], package: "xz-utils (Debian, Ubuntu) or xz (Red Hat, SUSE)" },
  bzip2: { program: "bzip2", args: ["-dc"], package: "bzip2" },
  zstd: { program: "zstd", args: ["-dcq"], package: "zstd" },
  lz4: { program: "lz4", args: ["-dc"], package: "lz4" },
  // gzip reads compress(1)'s .Z format
  compress: { program: "gzip", args: ["-dc"], package: "gzip" },
};

const programPaths = new Map<string, string | null>();

/** Where `program` is on PATH (an executable file), or null; looked up once per PATH. */
function programPath(program: string): string | null {
  const searched = process.env["PATH"] ?? "";
  const key = `${program}\0${searched}`;
  const known = programPaths.get(key);
  if (known !== undefined) return known;
  let found: string | null = null;
  for (const folder of searched.split(delimiter)) {
    if (folder === "" || !folder.startsWith("/")) continue; // a relative PATH entry would run what the current folder holds
    try {
      accessSync(join(folder, program), constants.X_OK);
      found = join(folder, program);
      break;
    } catch {
      // not in this folder
    }
  }
  programPaths.set(key, found);
  return found;
}

/** For a format Node cannot decompress: its program is missing (what to install, how to decompress by hand), or null when it can be read. */
export function missingDecompressor(compression: Compression): { readonly program: string; readonly package: string } | null {
  if (compression === "gzip") return null;
  const { program, package: packageName } = PROGRAMS[compression];
  return programPath(program) === null ? { program, package: packageName } : null;
}

/**
A path as one shell word for a command a hint shows: as it is when it holds only safe characters, else single-quoted;
a relative name starting with "-" gets "./" so that no program takes it for an option (a file name is data).
*/
export function shellWord(path: string): string {
  const word = path.startsWith("-") ? `./${path}` : path;
  return /^[A-Za-z0-9_./+:@%,=-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** The command that decompresses the file by hand, for a hint. */
export function decompressCommand(compression: Compression, path: string): string {
  if (compression === "gzip") return `gzip -dc ${shellWord(path)}`;
  const { program, args } = PROGRAMS[compression];
  return `${program} ${args.join(" ")} ${shellWord(path)}`;
}

/** A decompressing program failed: its own words, and how it ended. */
export class DecompressorError extends Error {
  constructor(
    message: string,
    readonly program: string,
  ) {
    super(message);
    this.name = "DecompressorError";
  }
}

/**
The decompressed content of a compressed file, as a stream. An error of the program (a truncated or damaged
archive, a missing program) destroys the stream with a DecompressorError after the bytes it did write, as
a truncated gzip archive does; destroying the stream early (a head read) ends the program.
*/
export function decompressedStream(path: string, compression: Compression, chunkSize = 1 << 20): Readable {
  if (compression === "gzip") return createReadStream(path, { highWaterMark: chunkSize }).pipe(createGunzip({ chunkSize }));
  const { program, args } = PROGRAMS[compression];
  const output = new PassThrough({ highWaterMark: chunkSize });
  const executable = programPath(program);
  if (executable === null) {
    queueMicrotask(() =>
      output.destroy(new DecompressorError(`${program} is not installed (${PROGRAMS[compression].package}): ${compression} files cannot be read`, program)),
    );
    return output;
  }
  // The absolute path: a file name starting with "-" is never taken for an option.
  const child = spawn(executable, [...args, resolve(path)], { stdio: ["ignore", "pipe", "pipe"], shell: false });
  const stderr: Buffer[] = [];
  child.stderr.on("data", (chunk: Buffer) => {
    if (stderr.length < 16) stderr.push(chunk);
  });
  child.stdout.pipe(output, { end: false });
  let ended = false;
  child.on("error", (error) => {
    ended = true;
    output.destroy(new DecompressorError(`${program} could not be run: ${error.message}`, program));
  });
  child.on("close", (code, signal) => {
    if (ended) return;
    ended = true;
    if (code === 0) output.end();
    else {
      const said = Buffer.concat(stderr).toString("utf8").trim().split("\n")[0] ?? "";
      output.destroy(new DecompressorError(`${program} failed (${signal ?? `exit ${code}`})${said ? `: ${said}` : ""}`, program));
    }
  });
  output.on("close", () => {
    if (!ended) {
      ended = true;
      child.kill();
    }
  });
  return output;
}
