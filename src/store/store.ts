import { hostname } from "node:os";
import type { SqliteDatabase } from "./db.js";
import type { Statement, Transaction } from "better-sqlite3";
import { isReadFact, UNREAD_LINE_KIND } from "../model/events.js";
import { StoreError } from "../errors.js";
import type { EventDraft, FileKind, LogEvent, Scalar } from "../model/events.js";
import type { Finding } from "../model/findings.js";
import {
  blockIsFull,
  compressSealed,
  decompress,
  encodeBlock,
  OpenText,
  lineIdOf,
  textCost,
  unpackColumns,
  unpackTexts,
  WRITE_CODEC,
  type BlockLine,
  type EncodedBlock,
  type LineToPack,
  type OpenBlockState,
  type SealedBlock,
} from "./block-codec.js";
import { blockReader } from "./blocks.js";
import { clockAnchors } from "./report.js";

export interface FileRecord {
  readonly id: number;
  readonly path: string;
  readonly bundle: string;
  readonly hostHint: string | null;
  readonly packageHint: string | null;
  readonly kind: FileKind;
  readonly fingerprint: string;
  readonly headBytes: number;
  readonly offset: number;
  readonly lineCount: number;
  readonly pending: string | null;
  /** The file parser's context after the last stored line (JSON of FileParserContext), to resume mid-file. */
  readonly parserContext: string | null;
  readonly year: number | null;
  readonly dev: number | null;
  readonly ino: number | null;
  readonly size: number | null;
  /** sha256 of the content's first `contentHashBytes` bytes, when analyze read the file from its start. */
  readonly contentHash: string | null;
  readonly contentHashBytes: number | null;
}

export interface NewFile {
  readonly path: string;
  readonly bundle: string;
  readonly hostHint: string | null;
  readonly packageHint: string | null;
  readonly kind: FileKind;
  readonly fingerprint: string;
  readonly headBytes: number;
  readonly dev: number | null;
  readonly ino: number | null;
  readonly size: number | null;
  readonly mtime: number | null;
}

/** A parsed line ready to store with its events. */
export interface LineToStore {
  readonly lineNo: number;
  readonly ts: number | null;
  readonly host: string | null;
  readonly program: string | null;
  readonly package: string | null;
  readonly format: string;
  readonly text: string;
  readonly events: readonly EventDraft[];
  /** Byte range of the line in the file's (decompressed) content, when known: kept per block. */
  readonly startOffset?: number;
  readonly endOffset?: number;
}

/** What moved with a batch: the file's new checkpoint, committed in the same transaction as its lines. */
export interface Checkpoint {
  readonly offset: number;
  readonly lineCount: number;
  readonly pending: string | null;
  /** JSON of the file parser's context after the batch; kept as it was when absent. */
  readonly parserContext?: string | null;
  readonly year?: number | null;
  readonly size?: number | null;
  readonly dev?: number | null;
  readonly ino?: number | null;
}

interface FileRow {
  id: number;
  path: string;
  bundle: string;
  host_hint: string | null;
  package_hint: string | null;
  kind: FileKind;
  fingerprint: string;
  head_bytes: number;
  offset: number;
  line_count: number;
  pending: string | null;
  parser_context: string | null;
  year: number | null;
  dev: number | null;
  ino: number | null;
  size: number | null;
  content_hash: string | null;
  content_hash_bytes: number | null;
}

function toFileRecord(row: FileRow): FileRecord {
  return {
    id: row.id,
    path: row.path,
    bundle: row.bundle,
    hostHint: row.host_hint,
    packageHint: row.package_hint,
    kind: row.kind,
    fingerprint: row.fingerprint,
    headBytes: row.head_bytes,
    offset: row.offset,
    lineCount: row.line_count,
    pending: row.pending,
    parserContext: row.parser_context,
    year: row.year,
    dev: row.dev,
    ino: row.ino,
    size: row.size,
    contentHash: row.content_hash,
    contentHashBytes: row.content_hash_bytes,
  };
}

/**
The order in which analyze replays a bundle's events into the rules engine: configuration facts (no
time) first, then by time, file and line. watch (src/pipeline/live-findings.ts) checks its live
events against the same order to know when its findings may differ from a replay.
*/
export const REPLAY_ORDER = "e.ts IS NOT NULL, e.ts, e.file_id, e.line_no, e.id";

interface EventRow {
  id: number;
  kind: string;
  ts: number | null;
  host: string | null;
  package: string | null;
  device_group: string | null;
  node: string | null;
  fields: string;
  path: string;
  line_no: number;
  text: string;
}

/** The last block of a file while it is not full: the next lines are added to it (the row is rewritten). */
interface TailBlock {
  readonly id: number;
  readonly firstLine: number;
  /** Extended in place by the next append (Store.appendInTransaction), so the cached block is dropped when one fails. */
  readonly lines: LineToPack[];
  readonly bytes: number;
  readonly startOffset: number | null;
  readonly endOffset: number | null;
  readonly codec: string;
  /** The lines' texts joined, kept for the next append (absent for a block read back from the database). */
  readonly text?: OpenText;
}

type AppendInTransaction = (
  fileId: number,
  lines: readonly LineToStore[],
  checkpoint: Checkpoint,
  options: AppendOptions,
  sealedBlocks: readonly SealedBlock[] | undefined,
) => TailBlock | null;

export interface AppendOptions {
  /** No more lines are expected (a saved file read to its end): the last block is compressed now, not left open. */
  readonly final?: boolean;
  /**
  Blocks of these lines already packed (block-codec.ts BlockSealer, on the parse side), their texts compressed
  there or not yet (then compressed here, before the transaction): written where the store closes a block
  with the same first line and line count, encoded here otherwise.
  */
  readonly sealed?: readonly SealedBlock[];
  /**
  The lines are slim (pipeline/batch-transfer.ts): those inside `sealed` blocks that gave no events are left
  out, and these are the whole batch's totals. The sealed blocks are then written as they are, without
  walking their lines.
  */
  readonly slim?: SlimTotals;
}

/** What a slim batch says of all its lines, and the byte range of each sealed block (null: not among its lines). */
export interface SlimTotals {
  readonly lines: number;
  readonly unparsed: number;
  readonly events: number;
  readonly tsMax: number | null;
  /** Per sealed block, in order: its first line's start offset and its last line's end offset. */
  readonly blockStart: readonly (number | null)[];
  readonly blockEnd: readonly (number | null)[];
}

interface TailRow {
  id: number;
  first_line: number;
  line_count: number;
  text_bytes: number;
  start_offset: number | null;
  end_offset: number | null;
  codec: string;
}

/** Files whose open last block is kept decoded in memory (watch follows many files; each costs up to 64 KiB). */
const CACHED_TAILS = 64;
const EVENT_COLUMNS = "line_id, file_id, line_no, ts, kind, host, package, device_group, node, fields, raw";
const EVENT_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const EVENT_WIDTH = 11;
// Events per INSERT statement, as lines were before blocks: one call per row was a fifth of their cost.
const EVENTS_PER_INSERT = 32;
/** How many kinds eventsOfKinds asks for at most (one prepared statement, unused places repeat the first kind). */
const KINDS_PER_QUERY = 12;

/**
The stored JSON of an event's fields. The body grammars' events are frozen and shared by every line of the
same text (src/parse/body.ts), so the JSON of a frozen fields object is made once.
*/
const frozenFieldsJson = new WeakMap<object, string>();
function fieldsJson(fields: EventDraft["fields"]): string {
  if (fields === undefined) return "{}";
  if (!Object.isFrozen(fields)) return JSON.stringify(fields);
  let json = frozenFieldsJson.get(fields);
  if (json === undefined) {
    json = JSON.stringify(fields);
    frozenFieldsJson.set(fields, json);
  }
  return json;
}

/** Sealed blocks by their first line (a block is written from one only if its line count agrees too). */
function sealedByFirstLine(sealed: readonly SealedBlock[] | undefined): ReadonlyMap<number, EncodedBlock> | null {
  if (sealed === undefined || sealed.length === 0) return null;
  return new Map(sealed.map((entry) => [entry.firstLine, entry.block]));
}

/** Writes and reads the tables behind the views. One instance per open database. */
export class Store {
  readonly database: SqliteDatabase;
  private readonly statements;
  private eventsAfterStatement: Statement<unknown[]> | undefined;
  private replayStatement: Statement<unknown[]> | undefined;
  private readonly tails = new Map<number, TailBlock>();
  private appendTransaction: Transaction<AppendInTransaction> | undefined;
  private eventKindStatement: Statement<unknown[]> | undefined;
  private clusterFactsStatement: Statement<unknown[]> | undefined;
  private hostsStatement: Statement<unknown[]> | undefined;
  private readonly eventParameters: unknown[] = new Array(EVENTS_PER_INSERT * EVENT_WIDTH);
  /** Whether beginGroup opened the transaction now open. */
  private groupOpen = false;

  constructor(database: SqliteDatabase) {
    this.database = database;
    this.statements = {
      fileByFingerprint: database.prepare("SELECT * FROM file WHERE bundle = ? AND fingerprint = ?"),
      filesOfBundle: database.prepare("SELECT * FROM file WHERE bundle = ? ORDER BY id"),
      // INDEXED BY: without statistics the planner takes file_bundle and reads every file of the bundle.
      zoneOffsetOfBundle: database.prepare(
        "SELECT zone_offset AS offset FROM file INDEXED BY file_zone WHERE bundle = ? AND zone_offset IS NOT NULL ORDER BY id LIMIT 1",
      ),
      bundlesWithFingerprint: database.prepare("SELECT DISTINCT bundle FROM file WHERE fingerprint = ? AND bundle <> ?"),
      setContentHash: database.prepare("UPDATE file SET content_hash = ?, content_hash_bytes = ? WHERE id = ?"),
      renameFileBundle: database.prepare("UPDATE file SET bundle = ? WHERE bundle = ?"),
      renameFindingBundle: database.prepare("UPDATE finding SET bundle = ? WHERE bundle = ?"),
      renameAnalysisBundle: database.prepare("UPDATE OR REPLACE analysis SET bundle = ? WHERE bundle = ?"),
      beginAnalysis: database.prepare(
        `INSERT INTO analysis (bundle, started_at, finished_at, pid, host, command) VALUES (?, ?, NULL, ?, ?, ?)
         ON CONFLICT(bundle) DO UPDATE SET started_at = excluded.started_at, finished_at = NULL, stopped_at = NULL, pid = excluded.pid,
           host = excluded.host, command = excluded.command`,
      ),
      finishAnalysis: database.prepare("UPDATE analysis SET finished_at = ?, stopped_at = NULL WHERE bundle = ? AND finished_at IS NULL"),
      stopAnalysis: database.prepare("UPDATE analysis SET stopped_at = ? WHERE bundle = ? AND finished_at IS NULL"),
      fileById: database.prepare("SELECT * FROM file WHERE id = ?"),
      insertFile: database.prepare(
        `INSERT INTO file (path, bundle, host_hint, package_hint, kind, fingerprint, head_bytes, dev, ino, size, mtime, added_at)
         VALUES (@path, @bundle, @hostHint, @packageHint, @kind, @fingerprint, @headBytes, @dev, @ino, @size, @mtime, @addedAt)`,
      ),
      touchFile: database.prepare("UPDATE file SET path = ?, dev = ?, ino = ? WHERE id = ?"),
      shortHeads: database.prepare("SELECT * FROM file WHERE head_bytes < ? AND (path = ? OR (dev = ? AND ino = ?)) ORDER BY id DESC"),
      refingerprint: database.prepare("UPDATE file SET fingerprint = ?, head_bytes = ? WHERE id = ?"),
      // The checkpoint and the file's totals move with the lines they cover (inputTotals and the bundle's last
      // time read them instead of scanning every line after ingest).
      checkpoint: database.prepare(
        `UPDATE file SET offset = @offset, line_count = @lineCount, pending = @pending,
           parser_context = coalesce(@parserContext, parser_context),
           zone_offset = CASE WHEN json_valid(@parserContext) AND json_type(@parserContext, '$.zoneOffset') IN ('integer', 'real')
             THEN json_extract(@parserContext, '$.zoneOffset') ELSE zone_offset END,
           year = coalesce(@year, year), size = coalesce(@size, size), dev = coalesce(@dev, dev), ino = coalesce(@ino, ino),
           event_count = event_count + @events, unparsed_count = unparsed_count + @unparsed, unread_count = unread_count + @unread,
           ts_max = CASE WHEN @tsMax IS NULL THEN ts_max WHEN ts_max IS NULL OR ts_max < @tsMax THEN @tsMax ELSE ts_max END
         WHERE id = @id`,
      ),
      tailBlock: database.prepare(
        "SELECT id, first_line, line_count, text_bytes, start_offset, end_offset, codec FROM block WHERE file_id = ? ORDER BY first_line DESC LIMIT 1",
      ),
      blockBlobs: database.prepare("SELECT codec, columns, text FROM block WHERE id = ?"),
      insertBlock: database.prepare(
        `INSERT INTO block (file_id, first_line, line_count, start_offset, end_offset, ts_min, ts_max, untimed, text_bytes, codec, columns, text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      updateBlock: database.prepare(
        `UPDATE block SET line_count = ?, end_offset = ?, ts_min = ?, ts_max = ?, untimed = ?, text_bytes = ?, codec = ?, columns = ?, text = ?
         WHERE id = ?`,
      ),
      insertEvent: database.prepare(`INSERT INTO event (${EVENT_COLUMNS}) VALUES ${EVENT_VALUES}`),
      insertEvents: database.prepare(`INSERT INTO event (${EVENT_COLUMNS}) VALUES ${Array(EVENTS_PER_INSERT).fill(EVENT_VALUES).join(", ")}`),
      maxTsOfBundle: database.prepare("SELECT max(ts_max) FROM file WHERE bundle = ?").pluck(),
      bundleHasEvents: database.prepare("SELECT EXISTS (SELECT 1 FROM event e JOIN file f ON f.id = e.file_id WHERE f.bundle = ?)").pluck(),
      maxTsOfBundleKind: database.prepare("SELECT max(ts_max) FROM file WHERE bundle = ? AND kind = ?").pluck(),
      deleteFindings: database.prepare("DELETE FROM finding WHERE bundle = ?"),
      upsertFinding: database.prepare(
        `INSERT INTO finding (id, bundle, rule, action, severity, status, title, summary, package, device_group, node, site,
            first_seen, last_seen, resolved_at, check_first, steps, evidence, updated_at, site_info, superseded_by, cluster)
         VALUES (@id, @bundle, @rule, @action, @severity, @status, @title, @summary, @package, @deviceGroup, @node, @site,
            @firstSeen, @lastSeen, @resolvedAt, @checkFirst, @steps, @evidence, @updatedAt, @siteInfo, @supersededBy, @cluster)
         ON CONFLICT(id) DO UPDATE SET severity = excluded.severity, status = excluded.status, title = excluded.title,
            summary = excluded.summary, last_seen = excluded.last_seen, resolved_at = excluded.resolved_at,
            check_first = excluded.check_first, steps = excluded.steps, evidence = excluded.evidence, updated_at = excluded.updated_at,
            site_info = excluded.site_info, superseded_by = excluded.superseded_by, cluster = excluded.cluster`,
      ),
    };
  }

  /** The file of this bundle with this content (the same log in another incident's bundle is another file). */
  findFileByFingerprint(bundle: string, fingerprint: string): FileRecord | undefined {
    const row = this.statements.fileByFingerprint.get(bundle, fingerprint) as FileRow | undefined;
    return row ? toFileRecord(row) : undefined;
  }

  filesOfBundle(bundle: string): FileRecord[] {
    return (this.statements.filesOfBundle.all(bundle) as FileRow[]).map(toFileRecord);
  }

  /**
  The UTC offset the bundle's first file with zoned lines fixed in its parser context (pipeline/ingest.ts
  bundleZoneOffset), or null. Asked once per file read: answered from the zone_offset column (its partial index), not
  by reading every file's context.
  */
  zoneOffsetOfBundle(bundle: string): number | null {
    const row = this.statements.zoneOffsetOfBundle.get(bundle) as { offset: number } | undefined;
    return row ? row.offset : null;
  }

  /** Other bundles holding a file with this head fingerprint. */
  bundlesWithFingerprint(fingerprint: string, except: string): string[] {
    return (this.statements.bundlesWithFingerprint.all(fingerprint, except) as { bundle: string }[]).map((row) => row.bundle);
  }

  setContentHash(id: number, hash: string, bytes: number): void {
    this.statements.setContentHash.run(hash, bytes, id);
  }

  /** An incident folder moved or copied: its files and findings now belong to the new folder. */
  renameBundle(from: string, to: string): void {
    this.database
      .transaction(() => {
        this.statements.renameFileBundle.run(to, from);
        this.statements.renameFindingBundle.run(to, from);
        this.statements.renameAnalysisBundle.run(to, from);
      })
      .immediate();
  }

  /**
  A bundle's analysis begins (`command`: "analyze", "watch", ...): until finishAnalysis, what is stored of its findings is
  what the lines read so far say, and readers say so (a run stopped part way leaves it that way).
  */
  beginAnalysis(bundle: string, command: string): void {
    this.statements.beginAnalysis.run(bundle, Date.now(), process.pid, hostname(), command);
  }

  /** The bundle's analysis stopped on an error before its end: its findings stay those of the lines read so far. */
  stopAnalysis(bundle: string): void {
    this.statements.stopAnalysis.run(Date.now(), bundle);
  }

  /** The bundle's findings stored last are what all of its stored lines say. */
  finishAnalysis(bundle: string): void {
    this.statements.finishAnalysis.run(Date.now(), bundle);
  }

  /** The stored texts of a file's first `count` lines (fewer when fewer are stored). */
  firstLines(fileId: number, count: number): string[] {
    const reader = blockReader(this.database);
    const texts: string[] = [];
    for (let lineNo = 1; lineNo <= count; lineNo++) {
      const line = reader.line(fileId, lineNo);
      if (!line) break;
      texts.push(line.text);
    }
    return texts;
  }

  fileById(id: number): FileRecord | undefined {
    const row = this.statements.fileById.get(id) as FileRow | undefined;
    return row ? toFileRecord(row) : undefined;
  }

  /**
  A file shorter than the fingerprint window is identified by its whole content, which changes as it
  grows: find the stored file (same path or inode) whose short head is a prefix of the current one.
  `headHash(n)` hashes the first n bytes of the current content.
  */
  findGrownFile(path: string, dev: number | null, ino: number | null, headBytes: number, headHash: (bytes: number) => string): FileRecord | undefined {
    const rows = this.statements.shortHeads.all(headBytes, path, dev, ino) as FileRow[];
    for (const row of rows) {
      if (row.head_bytes <= headBytes && headHash(row.head_bytes) === row.fingerprint) return toFileRecord(row);
    }
    return undefined;
  }

  refingerprint(id: number, fingerprint: string, headBytes: number): void {
    this.statements.refingerprint.run(fingerprint, headBytes, id);
  }

  addFile(file: NewFile): FileRecord {
    const info = this.statements.insertFile.run({ ...file, addedAt: new Date().toISOString() });
    return this.fileById(Number(info.lastInsertRowid)) as FileRecord;
  }

  /** The same content seen under another path or inode (rotation, a copy): remember where it is now. */
  relocateFile(id: number, path: string, dev: number | null, ino: number | null): void {
    this.statements.touchFile.run(path, dev, ino, id);
  }

  /**
  Stores a batch of lines and their events and moves the file's checkpoint, all in one transaction:
  after a crash either the lines and the offset that covers them are both there, or neither is. Lines go
  into the file's blocks: the last block is rewritten with the new lines until it is full, then a new one
  is begun.
  */
  appendLines(fileId: number, lines: readonly LineToStore[], checkpoint: Checkpoint, options: AppendOptions = {}): void {
    // Compressed before the transaction begins: the write lock is not held while zlib runs.
    const sealedBlocks = options.sealed === undefined ? undefined : compressSealed(options.sealed);
    // Made once: better-sqlite3 builds a wrapper of four functions for every transaction() call, a fifth of what
    // one appended line allocated (bench/append-latency.mjs).
    this.appendTransaction ??= this.database.transaction(this.appendInTransaction.bind(this));
    let tail: TailBlock | null;
    try {
      tail = this.appendTransaction.immediate(fileId, lines, checkpoint, options, sealedBlocks);
    } catch (error) {
      // The cached open block's lines were extended in place: after a rollback the stored block is read again.
      this.tails.delete(fileId);
      throw error;
    }
    // Remembered only once committed: after a rollback the stored last block is the one before.
    this.tails.delete(fileId);
    if (tail) {
      this.tails.set(fileId, tail);
      if (this.tails.size > CACHED_TAILS) this.tails.delete(this.tails.keys().next().value as number);
    }
  }

  /** appendLines' transaction; returns the file's block that more lines may join, to be cached once committed. */
  private appendInTransaction(
    fileId: number,
    lines: readonly LineToStore[],
    checkpoint: Checkpoint,
    options: AppendOptions,
    sealedBlocks: readonly SealedBlock[] | undefined,
  ): TailBlock | null {
    const sealed = sealedByFirstLine(sealedBlocks);
    const slim = options.slim;
    const slimBlocks = slim ? (sealedBlocks ?? []) : [];
    const tail = this.openTail(fileId);
    // The open block's own array, extended in place (a copy per appended line was a third of what it allocated);
    // appendLines forgets the cached block if the transaction fails.
    let building: LineToPack[] = tail ? tail.lines : [];
    // The joined texts of `building` while it continues the open tail block (null once another block begins).
    let text: OpenText | null = tail?.text ?? null;
    let blockId: number | null = tail?.id ?? null;
    let firstLine = tail?.firstLine ?? 0;
    let bytes = tail?.bytes ?? 0;
    let startOffset = tail?.startOffset ?? null;
    let endOffset = tail?.endOffset ?? null;
    let unparsed = 0;
    let tsMax: number | null = null;
    // Whether `building` holds lines not written yet.
    let unwritten = false;
    // Slim lines: the next sealed block not yet written, and the last one written.
    let nextSealed = 0;
    let placed = -1;
    /** Writes a sealed block of a slim batch where the store closes a block: it continues the lines being built, or follows them. */
    const place = (index: number): void => {
      const { firstLine: sealedFirst, block } = slimBlocks[index];
      const sealedStart = slim?.blockStart[index] ?? null;
      const sealedEnd = slim?.blockEnd[index] ?? null;
      if (building.length > 0 && firstLine === sealedFirst && block.lineCount >= building.length) {
        // The block the last batch left open, now sealed with this batch's lines.
        blockId = this.writeEncoded(blockId, fileId, firstLine, block, startOffset, sealedEnd);
      } else {
        const continues = firstLine === sealedFirst || (!blockIsFull(bytes, building.length) && sealedFirst === firstLine + building.length);
        if (building.length > 0 && continues) {
          throw new StoreError(`a sealed block (line ${sealedFirst}) does not begin where file ${fileId}'s open block ends`, {
            hint: "this is a bug in mcadvisor; MCADVISOR_PARSE_THREAD=main parses on one thread, report it",
          });
        }
        if (unwritten) this.writeBlock(blockId, fileId, firstLine, building, startOffset, endOffset, true, sealed, text);
        this.writeEncoded(null, fileId, sealedFirst, block, sealedStart, sealedEnd);
      }
      blockId = null;
      building = [];
      bytes = 0;
      text = null;
      unwritten = false;
      placed = index;
    };
    for (const line of lines) {
      if (slim) {
        // The sealed blocks that end before this line, and the one it is in, are written as they are.
        while (nextSealed < slimBlocks.length && slimBlocks[nextSealed].firstLine + slimBlocks[nextSealed].block.lineCount <= line.lineNo) {
          if (placed < nextSealed) place(nextSealed);
          nextSealed++;
        }
        if (nextSealed < slimBlocks.length && line.lineNo >= slimBlocks[nextSealed].firstLine) {
          if (placed < nextSealed) place(nextSealed);
          continue;
        }
      }
      if (building.length > 0 && (blockIsFull(bytes, building.length) || line.lineNo !== firstLine + building.length)) {
        if (unwritten) this.writeBlock(blockId, fileId, firstLine, building, startOffset, endOffset, true, sealed, text);
        blockId = null;
        building = [];
        bytes = 0;
        text = null;
      }
      if (building.length === 0) {
        firstLine = line.lineNo;
        startOffset = line.startOffset ?? null;
      }
      building.push(line);
      if (text !== null) text = text.plus(line.text);
      bytes += textCost(line.text);
      endOffset = line.endOffset ?? null;
      unwritten = true;
      if (line.format === "unknown") unparsed++;
      if (line.ts !== null && (tsMax === null || line.ts > tsMax)) tsMax = line.ts;
    }
    for (; nextSealed < slimBlocks.length; nextSealed++) if (placed < nextSealed) place(nextSealed);
    if (slim) {
      unparsed = slim.unparsed;
      tsMax = slim.tsMax;
    }
    // The last block stays uncompressed while lines may still join it; a file read to its end has it compressed now.
    const compressLast = options.final === true || blockIsFull(bytes, building.length);
    const tailUntouched = tail !== null && blockId === tail.id && building.length > 0;
    if (unwritten || (options.final === true && tailUntouched && tail?.codec !== WRITE_CODEC)) {
      // A block left open is kept joined for the next append (watch's one line); the write uses those bytes.
      if (text === null && !compressLast && building.length > 0) text = OpenText.of(building);
      blockId = this.writeBlock(blockId, fileId, firstLine, building, startOffset, endOffset, compressLast, sealed, text);
    }
    const { events, unread } = this.insertEvents(fileId, lines);
    this.statements.checkpoint.run({
      id: fileId,
      offset: checkpoint.offset,
      lineCount: checkpoint.lineCount,
      pending: checkpoint.pending,
      parserContext: checkpoint.parserContext ?? null,
      year: checkpoint.year ?? null,
      size: checkpoint.size ?? null,
      dev: checkpoint.dev ?? null,
      ino: checkpoint.ino ?? null,
      events,
      unparsed,
      unread,
      tsMax,
    });
    if (blockId === null || building.length === 0 || blockIsFull(bytes, building.length)) return null;
    return { id: blockId, firstLine, lines: building, bytes, startOffset, endOffset, codec: compressLast ? WRITE_CODEC : "none", text: text ?? undefined };
  }

  /**
  Opens a write transaction that the next writes join until `commitGroup`: their own transactions (a batch's
  blocks, events and checkpoint) become savepoints inside it, so each checkpoint still commits with its lines,
  and several small files share one commit. Each commit wrote the file table's pages and its indexes' to the
  WAL again: three commits a file (the file row, its lines, its content hash) were a third of analyze's time
  on a folder of small files (docs/decisions.md "Small files share a commit").
  */
  beginGroup(): void {
    if (this.database.inTransaction) return;
    this.database.exec("BEGIN IMMEDIATE");
    this.groupOpen = true;
  }

  /** Commits the group `beginGroup` opened, if one is open. */
  commitGroup(): void {
    if (!this.groupOpen) return;
    this.groupOpen = false;
    if (this.database.inTransaction) {
      this.database.exec("COMMIT");
      return;
    }
    // SQLite rolled the whole group back (a full disk, an I/O error): open blocks remembered in it are not stored.
    this.tails.clear();
  }

  /**
  Compresses a file's last block when it was left open (uncompressed) for more lines: for a file read to its
  end when its last batch of lines was already stored (appendLines with `final` does it otherwise).
  */
  compressLastBlock(fileId: number, sealedBlocks?: readonly SealedBlock[]): void {
    const sealed = sealedByFirstLine(sealedBlocks === undefined ? undefined : compressSealed(sealedBlocks));
    const tail = this.database
      .transaction((): TailBlock | null => {
        const current = this.openTail(fileId);
        if (!current || current.codec === WRITE_CODEC) return current;
        this.writeBlock(current.id, fileId, current.firstLine, current.lines, current.startOffset, current.endOffset, true, sealed);
        return { ...current, codec: WRITE_CODEC };
      })
      .immediate();
    this.tails.delete(fileId);
    if (tail) this.tails.set(fileId, tail);
  }

  /** The file's stored last block if more lines may join it, as the parse side counts it (BlockSealer). */
  openBlock(fileId: number): OpenBlockState | null {
    const tail = this.openTail(fileId);
    return tail && { firstLine: tail.firstLine, lineCount: tail.lines.length, bytes: tail.bytes };
  }

  /** The file's last block if more lines may join it, from memory when it is still what is stored. */
  private openTail(fileId: number): TailBlock | null {
    const row = this.statements.tailBlock.get(fileId) as TailRow | undefined;
    // Full by its line count: closed. By its size, the test is the one the batch loop and the parse side's sealer make
    // (textCost of the decoded lines), never the stored text's size, which counts another way: a block the store held
    // closed while the sealer still filled it was written twice (a resumed file on the worker's path).
    if (!row || blockIsFull(0, row.line_count)) return null;
    const cached = this.tails.get(fileId);
    if (cached && cached.id === row.id && cached.firstLine === row.first_line && cached.lines.length === row.line_count && cached.codec === row.codec)
      return blockIsFull(cached.bytes, cached.lines.length) ? null : cached;
    const blobs = this.statements.blockBlobs.get(row.id) as { codec: string; columns: Buffer; text: Buffer };
    const columns = unpackColumns(blobs.columns);
    const texts = unpackTexts(decompress(blobs.codec, blobs.text), columns.count);
    const lines: BlockLine[] = texts.map((text, index) => ({
      text,
      ts: columns.ts[index],
      host: columns.host[index],
      program: columns.program[index],
      package: columns.package[index],
      format: columns.format[index],
      eventCount: columns.eventCount[index],
    }));
    const bytes = lines.reduce((sum, line) => sum + textCost(line.text), 0);
    if (blockIsFull(bytes, lines.length)) return null;
    return { id: row.id, firstLine: row.first_line, lines, bytes, startOffset: row.start_offset, endOffset: row.end_offset, codec: row.codec };
  }

  /**
  Writes a block (a new row, or the file's last block rewritten with more lines); returns its id. A block
  that more lines may join stays uncompressed until it is full (block-codec.ts BlockCodec).
  */
  private writeBlock(
    id: number | null,
    fileId: number,
    firstLine: number,
    lines: readonly LineToPack[],
    startOffset: number | null,
    endOffset: number | null,
    full: boolean,
    sealed: ReadonlyMap<number, EncodedBlock> | null = null,
    text: OpenText | null = null,
  ): number {
    const ready = full ? sealed?.get(firstLine) : undefined;
    const joined = text !== null && text.count === lines.length ? text.bytes() : undefined;
    const block = ready !== undefined && ready.lineCount === lines.length ? ready : encodeBlock(lines, full ? WRITE_CODEC : "none", joined);
    return this.writeEncoded(id, fileId, firstLine, block, startOffset, endOffset);
  }

  /** Writes an encoded block: a new row, or row `id` rewritten (its first line and start offset stay). */
  private writeEncoded(
    id: number | null,
    fileId: number,
    firstLine: number,
    block: EncodedBlock,
    startOffset: number | null,
    endOffset: number | null,
  ): number {
    if (id !== null) {
      this.statements.updateBlock.run(
        block.lineCount,
        endOffset,
        block.tsMin,
        block.tsMax,
        block.untimed,
        block.textBytes,
        block.codec,
        block.columns,
        block.text,
        id,
      );
      return id;
    }
    const info = this.statements.insertBlock.run(
      fileId,
      firstLine,
      block.lineCount,
      startOffset,
      endOffset,
      block.tsMin,
      block.tsMax,
      block.untimed,
      block.textBytes,
      block.codec,
      block.columns,
      block.text,
    );
    return Number(info.lastInsertRowid);
  }

  /** The lines' events, EVENTS_PER_INSERT to a statement; each keeps its line's text. Returns how many. */
  /** Stores the lines' events; how many are facts a grammar read (the file's event total) and how many unread-line markers. */
  private insertEvents(fileId: number, lines: readonly LineToStore[]): { events: number; unread: number } {
    const parameters = this.eventParameters;
    let filled = 0;
    let count = 0;
    let unread = 0;
    for (const line of lines) {
      if (line.events.length === 0) continue;
      for (const event of line.events) {
        const at = filled * EVENT_WIDTH;
        parameters[at] = lineIdOf(fileId, line.lineNo);
        parameters[at + 1] = fileId;
        parameters[at + 2] = line.lineNo;
        parameters[at + 3] = line.ts;
        parameters[at + 4] = event.kind;
        parameters[at + 5] = event.node ?? line.host;
        parameters[at + 6] = event.package ?? line.package;
        parameters[at + 7] = event.deviceGroup ?? null;
        parameters[at + 8] = event.node ?? line.host;
        parameters[at + 9] = fieldsJson(event.fields);
        parameters[at + 10] = line.text;
        // A marker (unread line, node seen) is not an event the line gave: the file's event total leaves it out.
        if (isReadFact(event.kind)) count++;
        else if (event.kind === UNREAD_LINE_KIND) unread++;
        if (++filled === EVENTS_PER_INSERT) {
          this.statements.insertEvents.run(parameters);
          filled = 0;
        }
      }
    }
    for (let row = 0; row < filled; row++) this.statements.insertEvent.run(parameters.slice(row * EVENT_WIDTH, (row + 1) * EVENT_WIDTH));
    return { events: count, unread };
  }

  /** Every bundle with stored files. */
  bundles(): string[] {
    return (this.database.prepare("SELECT DISTINCT bundle FROM file ORDER BY bundle").all() as { bundle: string }[]).map((row) => row.bundle);
  }

  /**
  The events of one bundle in event-time order (configuration facts, which have no time, first);
  ties keep file and line order so the engine sees a package log's steps as written.
  */
  *eventsOfBundle(bundle: string, afterId = 0): IterableIterator<LogEvent> {
    const rows = this.database
      .prepare(
        `SELECT e.id, e.kind, e.ts, e.host, e.package, e.device_group, e.node, e.fields, f.path, e.line_no, e.raw AS text
       FROM event e JOIN file f ON f.id = e.file_id
       WHERE f.bundle = ? AND e.id > ?
       ORDER BY ${REPLAY_ORDER}`,
      )
      .iterate(bundle, afterId) as IterableIterator<EventRow>;
    for (const row of rows) yield rowToEvent(row);
  }

  /** The id of the last stored event (0 when none): watch pushes what comes after it. */
  lastEventId(): number {
    return this.database.prepare("SELECT coalesce(max(id), 0) FROM event").pluck().get() as number;
  }

  /** Events stored after `afterId`, in the order they were stored, with their bundle and file (watch pushes them live). */
  *eventsStoredAfter(afterId: number): IterableIterator<{ readonly id: number; readonly event: LogEvent; readonly bundle: string; readonly fileId: number }> {
    this.eventsAfterStatement ??= this.database.prepare(
      `SELECT e.id, e.kind, e.ts, e.host, e.package, e.device_group, e.node, e.fields, f.path, f.bundle, e.line_no, e.raw AS text, e.file_id
         FROM event e JOIN file f ON f.id = e.file_id WHERE e.id > ? ORDER BY e.id`,
    );
    for (const row of this.eventsAfterStatement.iterate(afterId) as IterableIterator<EventRow & { bundle: string; file_id: number }>) {
      yield { id: row.id, event: rowToEvent(row), bundle: row.bundle, fileId: row.file_id };
    }
  }

  /** A bundle's events stored up to `upToId`, in REPLAY_ORDER, with the file of each (watch rebuilds a bundle's engine from them). */
  *replayOfBundle(bundle: string, upToId: number): IterableIterator<{ readonly event: LogEvent; readonly fileId: number }> {
    this.replayStatement ??= this.database.prepare(
      `SELECT e.id, e.kind, e.ts, e.host, e.package, e.device_group, e.node, e.fields, f.path, e.line_no, e.raw AS text, e.file_id
         FROM event e JOIN file f ON f.id = e.file_id
        WHERE f.bundle = ? AND e.id <= ?
        ORDER BY ${REPLAY_ORDER}`,
    );
    for (const row of this.replayStatement.iterate(bundle, upToId) as IterableIterator<EventRow & { file_id: number }>) {
      yield { event: rowToEvent(row), fileId: row.file_id };
    }
  }

  /** Whether an event of this kind is stored for the bundle (a clock step: its node's earlier events move before a replay). */
  bundleHasEventKind(bundle: string, kind: string): boolean {
    this.eventKindStatement ??= this.database
      .prepare("SELECT 1 FROM event e JOIN file f ON f.id = e.file_id WHERE f.bundle = ? AND e.kind = ? LIMIT 1")
      .pluck();
    return this.eventKindStatement.get(bundle, kind) === 1;
  }

  /**
  The bundle's stored events of these kinds (at most KINDS_PER_QUERY), in storage order: the few facts that say which node is in which
  cluster (correlate/clusters.ts), read before the rules run.
  */
  *eventsOfKinds(bundle: string, kinds: readonly string[]): IterableIterator<LogEvent> {
    if (kinds.length === 0 || kinds.length > KINDS_PER_QUERY) throw new RangeError(`eventsOfKinds: 1 to ${KINDS_PER_QUERY} kinds, not ${kinds.length}`);
    this.clusterFactsStatement ??= this.database.prepare(
      `SELECT e.id, e.kind, e.ts, e.host, e.package, e.device_group, e.node, e.fields, f.path, e.line_no, e.raw AS text
         FROM event e JOIN file f ON f.id = e.file_id
        WHERE f.bundle = ? AND e.kind IN (${Array<string>(KINDS_PER_QUERY).fill("?").join(", ")})
        ORDER BY e.id`,
    );
    const padded = [...kinds, ...Array<string>(KINDS_PER_QUERY - kinds.length).fill(kinds[0])];
    for (const row of this.clusterFactsStatement.iterate(bundle, ...padded) as IterableIterator<EventRow>) yield rowToEvent(row);
  }

  /** The hosts the bundle's stored events were logged by. */
  hostsOfBundle(bundle: string): string[] {
    this.hostsStatement ??= this.database
      .prepare("SELECT DISTINCT e.host FROM event e JOIN file f ON f.id = e.file_id WHERE f.bundle = ? AND e.host IS NOT NULL")
      .pluck();
    return this.hostsStatement.all(bundle) as string[];
  }

  /** Whether any event of the bundle is stored (a run that starts from none may feed the rules as it stores). */
  bundleHasEvents(bundle: string): boolean {
    return this.statements.bundleHasEvents.get(bundle) === 1;
  }

  /** The newest line time of a bundle: the end of what the logs say, used as the final watermark (kept per file at ingest). */
  lastTimeOfBundle(bundle: string): number | null {
    return (this.statements.maxTsOfBundle.get(bundle) as number | null) ?? null;
  }

  /** The newest time in a bundle's package logs: their banners carry the year, so it anchors year-less syslog lines. */
  lastPackageLogTime(bundle: string): number | null {
    return (this.statements.maxTsOfBundleKind.get(bundle, "pkglog") as number | null) ?? null;
  }

  /** The lines several nodes of a bundle write at one moment (memberships, monitor notices): what its clocks are read from. */
  clockAnchors(bundle: string): ReturnType<typeof clockAnchors> {
    return clockAnchors(this.database, bundle);
  }

  /** Replace a bundle's findings by what the engine concluded from all of its events. */
  replaceFindings(bundle: string, findings: readonly Finding[]): void {
    this.database
      .transaction(() => {
        this.statements.deleteFindings.run(bundle);
        for (const finding of findings) this.upsertFinding(bundle, finding);
      })
      .immediate();
  }

  upsertFinding(bundle: string, finding: Finding): void {
    this.statements.upsertFinding.run({
      id: finding.id,
      bundle,
      rule: finding.rule,
      action: finding.action,
      severity: finding.severity,
      status: finding.status,
      title: finding.title,
      summary: finding.summary,
      package: finding.package,
      deviceGroup: finding.deviceGroup,
      node: finding.node,
      site: finding.site,
      firstSeen: finding.firstSeen,
      lastSeen: finding.lastSeen,
      resolvedAt: finding.resolvedAt,
      checkFirst: JSON.stringify(finding.checkFirst),
      steps: JSON.stringify(finding.steps),
      evidence: JSON.stringify(finding.evidence),
      updatedAt: new Date().toISOString(),
      siteInfo: finding.siteInfo ? JSON.stringify(finding.siteInfo) : null,
      supersededBy: finding.supersededBy ?? null,
      cluster: finding.cluster ?? null,
    });
  }

  close(): void {
    this.database.close();
  }
}

/**
The event `eventsOfBundle` will read back for a draft of a line being stored (appendLines stores these
columns): the rules can be given it as it is stored. `id` is 0: the rules do not read it.
*/
export function storedEvent(path: string, line: LineToStore, draft: EventDraft): LogEvent {
  const fields = draft.fields ?? {};
  return {
    id: 0,
    kind: draft.kind,
    ts: line.ts,
    host: draft.node ?? line.host,
    package: draft.package ?? line.package,
    deviceGroup: draft.deviceGroup ?? null,
    node: draft.node ?? line.host,
    fields: survivesJson(fields) ? fields : (JSON.parse(JSON.stringify(fields)) as Record<string, Scalar>),
    source: { file: path, line: line.lineNo },
    raw: line.text,
  };
}

/** Fields that JSON stores and reads back unchanged (no undefined, no NaN or Infinity): shared, not copied. */
function survivesJson(fields: Readonly<Record<string, Scalar | undefined>>): boolean {
  for (const key in fields) {
    const value = fields[key];
    if (value === undefined || (typeof value === "number" && (!Number.isFinite(value) || Object.is(value, -0)))) return false;
    if (value !== null && typeof value === "object") return false;
  }
  return true;
}

export function rowToEvent(row: EventRow): LogEvent {
  return {
    id: row.id,
    kind: row.kind,
    ts: row.ts,
    host: row.host,
    package: row.package,
    deviceGroup: row.device_group,
    node: row.node,
    fields: JSON.parse(row.fields) as Record<string, Scalar>,
    source: { file: row.path, line: row.line_no },
    raw: row.text,
  };
}
