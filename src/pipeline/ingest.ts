import { statSync, type Stats } from "node:fs";
import type { InputFile } from "../ingest/discover.js";
import { FINGERPRINT_BYTES, identify, readTailCompressed, readTailPlain, textEnd, type FileIdentity } from "../ingest/source.js";
import { countNonTextBytes, DEFAULT_MAX_LINE_BYTES, looksBinary } from "../ingest/lines.js";
import { lastYearlessStamp, toWallClock, type YearlessStamp, type YearReference } from "../model/time.js";
import type { FileParserContext } from "../parse/index.js";
import { InputError, UnreadableFileError } from "../errors.js";
import type { FileRecord, LineToStore, Store } from "../store/store.js";
import type { CutLines, ParseEnd, ParseJob, ParsedBatch } from "./parse-batches.js";
import { inThread, type ParseSource } from "./parse-source.js";
import { slimBatch, type SlimBatch } from "./batch-transfer.js";

export interface IngestOptions {
  /** The logs' zone (IANA name); the machine's when absent. */
  readonly timeZone?: string;
  /** `--node-tz`: nodes whose year-less lines are written in another zone (node -> IANA name). */
  readonly nodeZones?: Readonly<Record<string, string>>;
  /** `--year`: the year of the bundle's newest year-less lines (`bundleNewest`), or of the file's own when absent. */
  readonly fixedYear?: number;
  /** With `fixedYear`: the newest last stamp among the bundle's logs (newestStamp in src/model/time.ts). */
  readonly bundleNewest?: YearlessStamp | null;
  /** A date the bundle's own logs carry (package-log banners), preferred to mtime for year-less lines. */
  readonly loggedReference?: number | null;
  /** Lines per transaction. */
  readonly batchLines?: number;
  /** Called with the number of bytes read, for progress. */
  readonly onBytes?: (bytes: number) => void;
  /** Called with the number of lines each committed batch stored, so a long file's rate shows as it goes. */
  readonly onLines?: (lines: number) => void;
  /**
  Called with each committed batch's lines that gave events, in line order (their events go to the rules as
  they arrive); lines without events may be among them or left out (a slim batch leaves most out). `through`:
  the batch's newest time and the file's line count after it.
  */
  readonly onStored?: (file: FileRecord, lines: readonly LineToStore[], through: { ts: number | null; lineCount: number }) => void;
  /** Called once the file's record is known (found, moved to this path, or added), before any of its lines is read. */
  readonly onFile?: (file: FileRecord) => void;
  /** Awaited after each committed batch with its newest time: files read side by side wait there for each other. */
  readonly pace?: (ts: number | null) => Promise<void>;
  /** Where lines are parsed (this thread when absent). */
  readonly source?: ParseSource;
  /** The file's stat and head the caller already took in this run (identify's `stats` and `head`): not taken again. */
  readonly known?: { readonly stats?: Stats; readonly head?: Buffer; readonly lastStamp?: YearlessStamp | null };
  /**
  Told what was wrong with a file that was read all the same: lines stored cut, or a file that looks binary (a
  BinaryFileError: its bundle cannot be called OK). A file that could not be read is thrown instead.
  */
  readonly onProblem?: (problem: InputError) => void;
}

export interface IngestOutcome {
  readonly file: FileRecord;
  /** Lines stored by this call (0 when the content was already stored). */
  readonly newLines: number;
  readonly newEvents: number;
  /** Newest timestamp of this file's new lines. */
  readonly lastTs: number | null;
}

const DEFAULT_BATCH = 5000;

/** The stored parser context of a file read before, if any (a damaged value starts afresh rather than failing the file). */
export function resumeContext(stored: string | null): FileParserContext | undefined {
  if (stored === null) return undefined;
  try {
    return JSON.parse(stored) as FileParserContext;
  } catch {
    // Written by us with JSON.stringify; unreadable only if edited by hand. The context is a hint, not data.
    return undefined;
  }
}

/**
The reference UTC offset of the bundle's zoned lines (RFC 3339, journalctl), fixed by the first file
that met one (src/model/time.ts, zoneClock): every file of a bundle places its zoned lines on one clock.
*/
export function bundleZoneOffset(store: Store, bundle: string): number | null {
  return store.zoneOffsetOfBundle(bundle);
}

/**
Reads one saved file into the store from where a previous analysis stopped (identity by content,
so the same log under another name, or analysed twice, adds nothing twice).
*/
export async function ingestFile(store: Store, input: InputFile, options: IngestOptions = {}): Promise<IngestOutcome> {
  const source = options.source ?? inThread;
  // A small file parsed here is read once: whole, with its head (its descriptor is closed below whatever happens).
  const identity = await identify(input.path, input.compressed, { readSmall: source === inThread, ...options.known });
  try {
    return await ingestIdentified(store, input, identity, source, options);
  } finally {
    identity.readAhead?.close();
  }
}

/**
A file's identity in its bundle: its head's fingerprint, and what makes the same content another file. Saved output
dated only by its name: the same content saved at another time is another reading (its lines are at that time), not a
copy of the same file. (Identical configuration files on several nodes stay one file: the clusters' engines share
configuration facts, correlate/clustered-engine.ts.)
*/
export function storedFingerprint(input: Pick<InputFile, "namedTime">, headFingerprint: string): string {
  return input.namedTime !== undefined ? `${headFingerprint}@${input.namedTime}` : headFingerprint;
}

async function ingestIdentified(store: Store, input: InputFile, identity: FileIdentity, source: ParseSource, options: IngestOptions): Promise<IngestOutcome> {
  // Judged on every run, stored before or not, so that analysing the bundle again says it again.
  if (input.kind !== "config") {
    const binary = binaryProblem(input.path, identity, input.compressed);
    if (binary !== null) options.onProblem?.(binary);
  }
  identity = { ...identity, fingerprint: storedFingerprint(input, identity.fingerprint) };
  let record = store.findFileByFingerprint(input.bundle, identity.fingerprint);
  if (!record) {
    const grown = store.findGrownFile(input.path, identity.dev, identity.ino, identity.headBytes, identity.headHash);
    if (grown) {
      store.refingerprint(grown.id, identity.fingerprint, identity.headBytes);
      record = store.fileById(grown.id);
    }
  }
  if (!record) {
    record = store.addFile({
      path: input.path,
      bundle: input.bundle,
      hostHint: input.hostHint,
      packageHint: input.packageHint,
      kind: input.kind,
      fingerprint: identity.fingerprint,
      headBytes: identity.headBytes,
      dev: identity.dev,
      ino: identity.ino,
      size: identity.size,
      mtime: Math.round(identity.mtimeMs),
    });
  } else if (record.path !== input.path) {
    store.relocateFile(record.id, input.path, identity.dev, identity.ino);
    record = { ...record, path: input.path, dev: identity.dev, ino: identity.ino };
  }
  const file = record as FileRecord;
  options.onFile?.(file);
  if (!input.compressed && file.offset >= identity.size) {
    options.onBytes?.(identity.size);
    return { file, newLines: 0, newEvents: 0, lastTs: null };
  }

  const reference: YearReference =
    options.loggedReference != null
      ? { reference: options.loggedReference, source: "logged" }
      : { reference: toWallClock(identity.mtimeMs, options.timeZone), source: "mtime" };
  const job: ParseJob = {
    path: input.path,
    compressed: input.compressed,
    kind: input.kind,
    hostHint: input.hostHint ?? null,
    packageHint: input.packageHint ?? null,
    offset: file.offset,
    lineCount: file.lineCount,
    reference,
    fixedYear: options.fixedYear,
    // A log's newest stamped line dates the others (a log running into January keeps December in the year before);
    // an archive is read through once more for it (round 32 #12: a rotated package log from December into January,
    // read with --year of January, had its December lines in the December after).
    lastStamp: options.known?.lastStamp !== undefined ? options.known.lastStamp : await lastStampOf(input, identity),
    bundleNewest: options.bundleNewest,
    resume: resumeContext(file.parserContext),
    startTime: input.namedTime ?? null,
    untimed: input.untimed === true,
    timeZone: options.timeZone,
    nodeZones: options.nodeZones,
    zoneOffset: options.timeZone === undefined ? bundleZoneOffset(store, input.bundle) : null,
    batchLines: options.batchLines ?? DEFAULT_BATCH,
    hashContent: file.offset === 0 || input.compressed,
    openBlock: file.offset > 0 ? store.openBlock(file.id) : null,
  };
  let newLines = 0;
  let newEvents = 0;
  let lastTs: number | null = null;
  let end: ParseEnd | undefined;
  // Each batch commits with the checkpoint it moves the file to; the source sends the next one only after.
  for await (const message of source.read(job, identity.readAhead)) {
    if (message.type === "end") {
      end = message;
      break;
    }
    options.onBytes?.(message.bytesRead);
    const batch = message.type === "slim" ? message : slimBatch(message);
    const stored = storeBatch(store, file, batch, identity.size);
    newEvents += stored.events;
    if (stored.lastTs !== null && (lastTs === null || stored.lastTs > lastTs)) lastTs = stored.lastTs;
    const count = batch.totals.lines;
    newLines += count;
    if (count > 0) {
      options.onLines?.(count);
      options.onStored?.(file, batch.lines, { ts: batch.totals.tsMax, lineCount: batch.lineCount });
    }
    if (options.pace !== undefined) await options.pace(batch.totals.tsMax);
  }
  if (end?.cutLines) options.onProblem?.(cutLinesProblem(input.path, end.cutLines));
  if (end?.failure) {
    const { failure } = end;
    const read = `${failure.lineCount} lines (${failure.committedOffset.toLocaleString("en-US")} bytes of text) were read and stored`;
    const message = failure.truncatedGzip
      ? `${input.path}: truncated gzip archive: it ends after its ${identity.size} bytes; ${read}, the last one possibly cut short`
      : `${input.path}: read stopped after ${failure.lineCount} lines: ${failure.detail}`;
    throw new PartialInputError(message, file.id, {
      hint: "the lines before the damage are stored and analysed; re-copy the file from the node if you need the rest",
    });
  }
  let stored = store.fileById(file.id) as FileRecord;
  if (end?.contentHash && stored.offset === end.hashedBytes && end.hashedBytes > 0) {
    store.setContentHash(file.id, end.contentHash, end.hashedBytes);
    stored = { ...stored, contentHash: end.contentHash, contentHashBytes: end.hashedBytes };
  }
  return { file: stored, newLines, newEvents, lastTs };
}

/**
Stores one parsed batch of a file: its lines, their events and the checkpoint they move the file to, in
one transaction (a final empty batch compresses the file's last block). Its events and newest time.
The batch is made slim first when it is not (batch-transfer.ts): the lines of its sealed blocks are
written as those blocks, not walked again.
*/
export function storeBatch(store: Store, file: FileRecord, parsed: ParsedBatch | SlimBatch, size: number | null): { events: number; lastTs: number | null } {
  const batch = parsed.type === "slim" ? parsed : slimBatch(parsed);
  const { totals } = batch;
  if (totals.lines === 0) {
    if (batch.final) store.compressLastBlock(file.id, batch.blocks);
    return { events: 0, lastTs: null };
  }
  store.appendLines(
    file.id,
    batch.lines,
    {
      offset: batch.endOffset,
      lineCount: batch.lineCount,
      pending: null,
      size,
      parserContext: batch.parserContext,
    },
    { final: batch.final, sealed: batch.blocks, slim: totals },
  );
  return { events: totals.events, lastTs: totals.tsMax };
}

/** A file read in part (a truncated .gz, a read error mid-file): its first lines are stored under `fileId`. */
export class PartialInputError extends InputError {
  constructor(
    message: string,
    readonly fileId: number,
    options: ConstructorParameters<typeof InputError>[1],
  ) {
    super(message, options);
  }
}

/** A log file whose content is mostly not text (ingestFile's onProblem): its bundle cannot be called OK. */
export class BinaryFileError extends UnreadableFileError {}

/**
The file looks binary when more than half of its head (identify's, the first FINGERPRINT_BYTES of what the parser
reads, decompressed) is not text: a look at every file costs no read of its own, and the same file gives the same
answer on every run.
*/
function binaryProblem(path: string, identity: FileIdentity, compressed: boolean): BinaryFileError | null {
  const { head } = identity;
  if (head.length === 0) return null;
  const whole = head.length < FINGERPRINT_BYTES || (!compressed && head.length === identity.size);
  const nonText = countNonTextBytes(head, whole);
  if (!looksBinary(nonText, head.length)) return null;
  const counted = `${nonText.toLocaleString("en-US")} of ${whole ? "its" : "its first"} ${head.length.toLocaleString("en-US")} bytes are not text`;
  return new BinaryFileError(`${path} looks binary (${counted}): its lines are stored but no grammar reads them`, path, `looks binary: ${counted}`, {
    hint: "check what the file is and copy the log from the node again; a file that is no log does not belong in the bundle, which is UNKNOWN (exit 3) while it holds it",
  });
}

/** One problem for the lines of a file that were too long to store whole: where the first is, and what was left out. */
function cutLinesProblem(path: string, cut: CutLines): InputError {
  const limit = `${DEFAULT_MAX_LINE_BYTES / (1024 * 1024)} MiB`;
  const bytes = (count: number): string => `${count.toLocaleString("en-US")} bytes`;
  const message =
    cut.count === 1
      ? `${path}:${cut.firstLine}: a line longer than ${limit} was cut: its last ${bytes(cut.firstDropped)} were not stored`
      : `${path}: ${cut.count} lines longer than ${limit} were cut, the first at line ${cut.firstLine}: ${bytes(cut.dropped)} were not stored (${bytes(cut.firstDropped)} of the first)`;
  return new InputError(message, {
    hint: 'the stored line ends with "[mcadvisor: line cut, N more bytes not stored]"; what was cut is not parsed, searched or shown, the lines after it are read',
  });
}

/** The stamp of a log's newest year-less line (a configuration file has none); `identity` spares a small file a second read. */
export async function lastStampOf(input: Pick<InputFile, "path" | "kind" | "compressed">, identity?: FileIdentity): Promise<YearlessStamp | null> {
  if (input.kind === "config") return null;
  const tail = input.compressed
    ? await readTailCompressed(input.path)
    : identity
      ? tailOf(input.path, identity)
      : readTailPlain(input.path, sizeOrZero(input.path));
  return lastYearlessStamp(tail, { writtenInOrder: input.kind === "pkglog" });
}

function sizeOrZero(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // unreadable: the read that follows reports it
  }
}

/** A plain file's last 4 KiB: from the bytes identify already read for a small file, else read from its end. */
function tailOf(path: string, identity: FileIdentity): string {
  const data = identity.readAhead?.data;
  if (data !== undefined && data.length >= identity.size) {
    const end = textEnd(data);
    return data.subarray(Math.max(0, end - 4096), end).toString("latin1");
  }
  return readTailPlain(path, identity.size);
}
