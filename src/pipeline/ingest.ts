import type { InputFile } from "../ingest/discover.js";
import { identify, openContent, describeError, isTruncatedGzip } from "../ingest/source.js";
import { LineFramer, type FramedLine } from "../ingest/lines.js";
import { toWallClock, yearResolver, type YearReference } from "../model/time.js";
import { createFileParser, type FileParserContext } from "../parse/index.js";
import { readEventCount } from "../model/events.js";
import { createHash } from "node:crypto";
import { InputError } from "../errors.js";
import type { FileRecord, LineToStore, Store } from "../store/store.js";

export interface IngestOptions {
  /** The logs' zone (IANA name); the machine's when absent. */
  readonly timeZone?: string;
  /** `--year`: every year-less line is placed in this year. */
  readonly fixedYear?: number;
  /** A date the bundle's own logs carry (package-log banners), preferred to mtime for year-less lines. */
  readonly loggedReference?: number | null;
  /** Lines per transaction. */
  readonly batchLines?: number;
  /** Called with the number of bytes read, for progress. */
  readonly onBytes?: (bytes: number) => void;
  /** Called with the number of lines each committed batch stored, so a long file's rate shows as it goes. */
  readonly onLines?: (lines: number) => void;
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
that met one (src/ingest/year.ts, zoneClock): every file of a bundle places its zoned lines on one clock.
*/
export function bundleZoneOffset(store: Store, bundle: string): number | null {
  for (const file of store.filesOfBundle(bundle)) {
    const offset = resumeContext(file.parserContext)?.zoneOffset;
    if (typeof offset === "number") return offset;
  }
  return null;
}

/**
Reads one saved file into the store from where a previous analysis stopped (identity by content,
so the same log under another name, or analysed twice, adds nothing twice).
*/
export async function ingestFile(store: Store, input: InputFile, options: IngestOptions = {}): Promise<IngestOutcome> {
  const identity = await identify(input.path, input.compressed);
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
      path: input.path, bundle: input.bundle, hostHint: input.hostHint, packageHint: input.packageHint, kind: input.kind,
      fingerprint: identity.fingerprint, headBytes: identity.headBytes, dev: identity.dev, ino: identity.ino, size: identity.size,
      mtime: Math.round(identity.mtimeMs),
    });
  } else if (record.path !== input.path) {
    store.relocateFile(record.id, input.path, identity.dev, identity.ino);
  }
  const file = record as FileRecord;
  if (!input.compressed && file.offset >= identity.size) {
    options.onBytes?.(identity.size);
    return { file, newLines: 0, newEvents: 0, lastTs: null };
  }

  const reference: YearReference = options.loggedReference != null
    ? { reference: options.loggedReference, source: "logged" }
    : { reference: toWallClock(identity.mtimeMs, options.timeZone), source: "mtime" };
  const parser = createFileParser({
    path: input.path, kind: input.kind, hostHint: input.hostHint, packageHint: input.packageHint,
    yearFor: yearResolver({ fixedYear: options.fixedYear, reference }),
    resume: resumeContext(file.parserContext),
    timeZone: options.timeZone,
    zoneOffset: options.timeZone === undefined ? bundleZoneOffset(store, input.bundle) : null,
  });
  const framer = new LineFramer({ offset: file.offset, lineCount: file.lineCount });
  const batchLines = options.batchLines ?? DEFAULT_BATCH;
  let batch: LineToStore[] = [];
  let batchEnd = file.offset;
  let newLines = 0;
  let newEvents = 0;
  let lastTs: number | null = null;

  const take = (framed: FramedLine): void => {
    const parsed = parser.parseLine(framed.text);
    batch.push({
      lineNo: framed.lineNo, ts: parsed.ts, host: parsed.host, program: parsed.program, package: parsed.package,
      format: parsed.format, text: framed.text, events: parsed.events, startOffset: framed.startOffset, endOffset: framed.endOffset,
    });
    batchEnd = framed.endOffset;
    newEvents += readEventCount(parsed.events);
    if (parsed.ts !== null && (lastTs === null || parsed.ts > lastTs)) lastTs = parsed.ts;
  };
  // `final`: the file is read to its end, its last block is compressed (it is left open for more lines otherwise).
  const commit = (final = false): void => {
    if (batch.length === 0) {
      if (final) store.compressLastBlock(file.id);
      return;
    }
    store.appendLines(file.id, batch, {
      offset: batchEnd, lineCount: batch[batch.length - 1].lineNo, pending: null, size: identity.size,
      parserContext: JSON.stringify(parser.context()),
    }, { final });
    newLines += batch.length;
    options.onLines?.(batch.length);
    batch = [];
  };

  const { stream, skipBytes } = openContent(input.path, input.compressed, file.offset);
  let toSkip = skipBytes;
  // Read from byte 0 (a new file, or any .gz): hash what is read, so a moved copy can be recognised later.
  const contentHash = file.offset === 0 || input.compressed ? createHash("sha256") : null;
  let hashedBytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.onBytes?.(chunk.length);
      if (contentHash) {
        contentHash.update(chunk);
        hashedBytes += chunk.length;
      }
      let data = chunk;
      if (toSkip > 0) {
        if (toSkip >= data.length) {
          toSkip -= data.length;
          continue;
        }
        data = data.subarray(toSkip);
        toSkip = 0;
      }
      for (const framed of framer.push(data)) {
        take(framed);
        if (batch.length >= batchLines) commit();
      }
    }
  } catch (error) {
    // A truncated .gz or a read error mid-file: keep every line read so far, then report the file.
    for (const framed of framer.flush()) take(framed);
    commit(true);
    const read = `${framer.lineCount} lines (${framer.committedOffset.toLocaleString("en-US")} bytes of text) were read and stored`;
    const message = isTruncatedGzip(error)
      ? `${input.path}: truncated gzip archive: it ends after its ${identity.size} bytes; ${read}, the last one possibly cut short`
      : `${input.path}: read stopped after ${framer.lineCount} lines: ${describeError(error)}`;
    throw new PartialInputError(message, file.id, {
      hint: "the lines before the damage are stored and analysed; re-copy the file from the node if you need the rest",
      cause: error,
    });
  } finally {
    stream.destroy();
  }
  for (const framed of framer.flush()) take(framed);
  commit(true);
  let stored = store.fileById(file.id) as FileRecord;
  if (contentHash && stored.offset === hashedBytes && hashedBytes > 0) {
    store.setContentHash(file.id, contentHash.digest("hex"), hashedBytes);
    stored = store.fileById(file.id) as FileRecord;
  }
  return { file: stored, newLines, newEvents, lastTs };
}

/** A file read in part (a truncated .gz, a read error mid-file): its first lines are stored under `fileId`. */
export class PartialInputError extends InputError {
  constructor(message: string, readonly fileId: number, options: ConstructorParameters<typeof InputError>[1]) {
    super(message, options);
  }
}
