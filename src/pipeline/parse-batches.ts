/**
Bytes to parsed lines, in batches: read a file from its checkpoint, frame it into lines, read each
line's header and body. This is the half of ingest that needs no database, so it runs the same on
the main thread or in the parse worker (parse-worker.ts): a job and its batches are plain data.
*/

import { createHash } from "node:crypto";
import { contentChunks, describeError, isTruncatedGzip, type ReadAhead } from "../ingest/source.js";
import { LineFramer, type FramedLine, type FramedLineSink } from "../ingest/lines.js";
import { fileYearResolver, type YearReference, type YearlessStamp } from "../model/time.js";
import { createFileParser, type FileKind, type FileParser, type FileParserContext } from "../parse/index.js";
import { BlockSealer, type OpenBlockState, type SealedBlock } from "../store/block-codec.js";
import type { LineToStore } from "../store/store.js";

/** What to read and how to date it: everything the parser needs, as data (it may cross to a worker). */
export interface ParseJob {
  readonly path: string;
  readonly compressed: boolean;
  readonly kind: FileKind;
  readonly hostHint: string | null;
  readonly packageHint: string | null;
  /** The checkpoint: bytes already stored and their line count. */
  readonly offset: number;
  readonly lineCount: number;
  readonly reference: YearReference;
  readonly fixedYear?: number;
  /** The stamp of the file's last year-less line: its other lines take the year that puts them before it. */
  readonly lastStamp?: YearlessStamp | null;
  /** With `fixedYear`: the newest last stamp of the file's bundle, the one `--year` dates (fileYearResolver). */
  readonly bundleNewest?: YearlessStamp | null;
  readonly resume?: FileParserContext;
  /** The time of the lines before any stamp: saved output dated by its name (InputFile.namedTime). */
  readonly startTime?: number | null;
  /** Saved output with no time anywhere: its events without a time are untimed facts (InputFile.untimed). */
  readonly untimed?: boolean;
  readonly timeZone?: string;
  /** `--node-tz`: nodes whose year-less lines are written in another zone. */
  readonly nodeZones?: Readonly<Record<string, string>>;
  readonly zoneOffset: number | null;
  readonly batchLines: number;
  /** Throw on an ambiguous grammar parse (FileParserOptions.strict; default: on under vitest). */
  readonly strict?: boolean;
  /** The file's stored last block that its next lines join (Store.openBlock), so blocks are closed where the store closes them. */
  readonly openBlock?: OpenBlockState | null;
  /** Hash the content as it is read (a file read from byte 0, or any .gz), so a moved copy is recognised later. */
  readonly hashContent: boolean;
}

/** Lines ready to store, with the checkpoint they move the file to. */
export interface ParsedBatch {
  readonly type: "batch";
  readonly lines: LineToStore[];
  /** Byte offset after the batch's last line, and its line number: the file's new checkpoint. */
  readonly endOffset: number;
  readonly lineCount: number;
  /** The parser's context after the batch (JSON), stored with the checkpoint to resume mid-file. */
  readonly parserContext: string;
  /** Bytes read since the previous batch (progress). */
  readonly bytesRead: number;
  /** The file is read to its end (or to where it broke): its last block is compressed. */
  readonly final: boolean;
  /**
  The blocks these lines closed, packed here (texts and columns: the per-block work that needs the parsed
  lines, done where they are parsed, in the parse worker when it runs), their texts not yet compressed: the
  store compresses them on its own thread (block-codec.ts compressSealed). A block may begin with lines of an
  earlier batch.
  */
  readonly blocks: readonly SealedBlock[];
}

/** Lines longer than the framer's limit (lines.ts DEFAULT_MAX_LINE_BYTES), stored cut: how many, the first, the bytes left out. */
export interface CutLines {
  readonly count: number;
  readonly firstLine: number;
  /** Bytes of the first cut line that were not stored. */
  readonly firstDropped: number;
  /** Bytes of all of them that were not stored. */
  readonly dropped: number;
}

/** After the final batch: the content's hash, lines stored cut, and why reading stopped early, if it did. */
export interface ParseEnd {
  readonly type: "end";
  readonly contentHash: string | null;
  readonly hashedBytes: number;
  /** Lines read this time that were stored cut (none: absent). */
  readonly cutLines?: CutLines;
  /** Reading stopped early (a truncated .gz, a read error): the lines before it are in the batches. */
  readonly failure?: { readonly truncatedGzip: boolean; readonly lineCount: number; readonly committedOffset: number; readonly detail: string };
}

export type ParseMessage = ParsedBatch | ParseEnd;

/** What a BatchParser needs: the job less where the bytes come from. */
export type ParseSettings = Omit<ParseJob, "compressed" | "hashContent">;

/** A framed line parsed, as the store takes it: analyze's batches and watch's appended lines are built alike. */
export function parseFramedLine(parser: FileParser, framed: FramedLine): LineToStore {
  return lineToStore(parser, framed.text, framed.lineNo, framed.startOffset, framed.endOffset);
}

/** One line parsed into the one object per line that is kept (the parser's LineFields are reused). */
function lineToStore(parser: FileParser, text: string, lineNo: number, startOffset: number, endOffset: number): LineToStore {
  const parsed = parser.readLine(text);
  return {
    lineNo,
    ts: parsed.ts,
    host: parsed.host,
    program: parsed.program,
    package: parsed.package,
    format: parsed.format,
    text,
    events: parsed.events,
    startOffset,
    endOffset,
  };
}

/**
Frames bytes into lines and parses them, in batches, synchronously: the one way from bytes to stored
lines, whether the bytes come from a file (parseBatches) or from a rule example's text.
*/
export class BatchParser implements FramedLineSink {
  private readonly parser: FileParser;
  private readonly framer: LineFramer;
  private readonly sealer: BlockSealer;
  /** The batch being filled, allocated at its full length (grown by push it was copied again and again), and how many lines it holds. */
  private lines: LineToStore[];
  private count = 0;
  private endOffset: number;
  private bytesRead = 0;
  private cut: CutLines | undefined;

  constructor(private readonly settings: ParseSettings) {
    this.parser = createFileParser({
      path: settings.path,
      kind: settings.kind,
      hostHint: settings.hostHint,
      packageHint: settings.packageHint,
      yearFor: fileYearResolver({
        fixedYear: settings.fixedYear,
        reference: settings.reference,
        lastStamp: settings.lastStamp,
        bundleNewest: settings.bundleNewest,
      }),
      resume: settings.resume,
      startTime: settings.startTime,
      untimed: settings.untimed,
      timeZone: settings.timeZone,
      nodeZones: settings.nodeZones,
      zoneOffset: settings.zoneOffset,
      strict: settings.strict,
      markNodeSeen: true,
    });
    this.framer = new LineFramer({ offset: settings.offset, lineCount: settings.lineCount });
    this.endOffset = settings.offset;
    // Deflate is left to the store's thread: with the worker on, the worker was the longer side and the main
    // thread waited for its batches; on one thread it is the same work at another moment.
    this.sealer = new BlockSealer(settings.openBlock ?? null, { compress: false });
    this.lines = this.newBatch();
  }

  private newBatch(): LineToStore[] {
    return new Array<LineToStore>(Math.min(Math.max(this.settings.batchLines, 0), MAX_PREALLOCATED));
  }

  get lineCount(): number {
    return this.framer.lineCount;
  }

  get committedOffset(): number {
    return this.framer.committedOffset;
  }

  /** The lines framed so far that were too long to store whole. */
  get cutLines(): CutLines | undefined {
    return this.cut;
  }

  /** Counts bytes read (progress), including those skipped before the checkpoint. */
  read(bytes: number): void {
    this.bytesRead += bytes;
  }

  /** The full batches these bytes complete. */
  push(data: Buffer): ParsedBatch[] {
    const full: ParsedBatch[] = [];
    this.full = full;
    this.framer.frame(data, this);
    this.full = undefined;
    return full;
  }

  /** The last batch (possibly empty): the rest of the lines, the last one even without its newline. */
  finish(): ParsedBatch {
    this.framer.flushTo(this);
    this.sealer.finish();
    return this.batch(true);
  }

  /** Where push collects the batches the lines it frames complete. */
  private full: ParsedBatch[] | undefined;

  /** A framed line (FramedLineSink), parsed and kept. */
  line(text: string, lineNo: number, startOffset: number, endOffset: number, cutBytes: number): void {
    if (cutBytes > 0) {
      this.cut =
        this.cut === undefined
          ? { count: 1, firstLine: lineNo, firstDropped: cutBytes, dropped: cutBytes }
          : { ...this.cut, count: this.cut.count + 1, dropped: this.cut.dropped + cutBytes };
    }
    const line = lineToStore(this.parser, text, lineNo, startOffset, endOffset);
    this.lines[this.count++] = line;
    this.sealer.add(line);
    this.endOffset = endOffset;
    if (this.full !== undefined && this.count >= this.settings.batchLines) this.full.push(this.batch(false));
  }

  private batch(final: boolean): ParsedBatch {
    const { lines } = this;
    if (lines.length !== this.count) lines.length = this.count;
    const done: ParsedBatch = {
      type: "batch",
      lines,
      endOffset: this.endOffset,
      lineCount: lines.length > 0 ? lines[lines.length - 1].lineNo : this.framer.lineCount,
      parserContext: JSON.stringify(this.parser.context()),
      bytesRead: this.bytesRead,
      final,
      blocks: this.sealer.take(),
    };
    this.lines = this.newBatch();
    this.count = 0;
    this.bytesRead = 0;
    return done;
  }
}

/** Batches longer than this grow as lines come (batchLines is a caller's number). */
const MAX_PREALLOCATED = 65_536;

/** Reads the job's file (its first read already made when `readAhead` is given) and yields its lines in batches, then one end message. */
export async function* parseBatches(job: ParseJob, readAhead?: ReadAhead): AsyncGenerator<ParseMessage> {
  const parser = new BatchParser(job);
  const content = contentChunks(job.path, job.compressed, job.offset, readAhead);
  let toSkip = content.skipBytes;
  const contentHash = job.hashContent ? createHash("sha256") : null;
  let hashedBytes = 0;
  let failure: ParseEnd["failure"];
  try {
    for await (const chunk of content.chunks) {
      parser.read(chunk.length);
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
      yield* parser.push(data);
    }
  } catch (error) {
    // A truncated .gz or a read error mid-file: every line read so far is kept, then the file is reported.
    failure = { truncatedGzip: isTruncatedGzip(error), lineCount: 0, committedOffset: 0, detail: describeError(error) };
  } finally {
    content.close();
  }
  yield parser.finish();
  if (failure) failure = { ...failure, lineCount: parser.lineCount, committedOffset: parser.committedOffset };
  const cutLines = parser.cutLines;
  yield { type: "end", contentHash: contentHash && !failure ? contentHash.digest("hex") : null, hashedBytes, failure, ...(cutLines ? { cutLines } : {}) };
}
