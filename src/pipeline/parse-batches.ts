/**
Bytes to parsed lines, in batches: read a file from its checkpoint, frame it into lines, read each
line's header and body. This is the half of ingest that needs no database, so it runs the same on
the main thread or in the parse worker (parse-worker.ts): a job and its batches are plain data.
*/

import { createHash } from "node:crypto";
import { openContent, describeError, isTruncatedGzip } from "../ingest/source.js";
import { LineFramer, type FramedLine } from "../ingest/lines.js";
import { yearResolver, type YearReference } from "../ingest/year.js";
import { createFileParser, type FileKind, type FileParserContext } from "../parse/index.js";
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
  readonly resume?: FileParserContext;
  readonly timeZone?: string;
  readonly zoneOffset: number | null;
  readonly batchLines: number;
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
}

/** After the final batch: the content's hash, and why reading stopped early, if it did. */
export interface ParseEnd {
  readonly type: "end";
  readonly contentHash: string | null;
  readonly hashedBytes: number;
  /** Reading stopped early (a truncated .gz, a read error): the lines before it are in the batches. */
  readonly failure?: { readonly truncatedGzip: boolean; readonly lineCount: number; readonly committedOffset: number; readonly detail: string };
}

export type ParseMessage = ParsedBatch | ParseEnd;

/** Reads the job's file and yields its lines in batches, then one end message. */
export async function* parseBatches(job: ParseJob): AsyncGenerator<ParseMessage> {
  const parser = createFileParser({
    path: job.path, kind: job.kind, hostHint: job.hostHint, packageHint: job.packageHint,
    yearFor: yearResolver({ fixedYear: job.fixedYear, reference: job.reference }),
    resume: job.resume,
    timeZone: job.timeZone,
    zoneOffset: job.zoneOffset,
  });
  const framer = new LineFramer({ offset: job.offset, lineCount: job.lineCount });
  let lines: LineToStore[] = [];
  let endOffset = job.offset;
  let bytesRead = 0;

  const take = (framed: FramedLine): void => {
    const parsed = parser.parseLine(framed.text);
    lines.push({
      lineNo: framed.lineNo, ts: parsed.ts, host: parsed.host, program: parsed.program, package: parsed.package,
      format: parsed.format, text: framed.text, events: parsed.events, startOffset: framed.startOffset, endOffset: framed.endOffset,
    });
    endOffset = framed.endOffset;
  };
  const batch = (final: boolean): ParsedBatch => {
    const done: ParsedBatch = {
      type: "batch", lines, endOffset, lineCount: lines.length > 0 ? lines[lines.length - 1].lineNo : framer.lineCount,
      parserContext: JSON.stringify(parser.context()), bytesRead, final,
    };
    lines = [];
    bytesRead = 0;
    return done;
  };

  const { stream, skipBytes } = openContent(job.path, job.compressed, job.offset);
  let toSkip = skipBytes;
  const contentHash = job.hashContent ? createHash("sha256") : null;
  let hashedBytes = 0;
  let failure: ParseEnd["failure"];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
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
        if (lines.length >= job.batchLines) yield batch(false);
      }
    }
  } catch (error) {
    // A truncated .gz or a read error mid-file: every line read so far is kept, then the file is reported.
    failure = { truncatedGzip: isTruncatedGzip(error), lineCount: 0, committedOffset: 0, detail: describeError(error) };
  } finally {
    stream.destroy();
  }
  for (const framed of framer.flush()) take(framed);
  if (failure) failure = { ...failure, lineCount: framer.lineCount, committedOffset: framer.committedOffset };
  yield batch(true);
  yield { type: "end", contentHash: contentHash && !failure ? contentHash.digest("hex") : null, hashedBytes, failure };
}
