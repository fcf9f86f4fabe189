import type { SqliteDatabase } from "./db.js";
import type { EventDraft, LogEvent, Scalar } from "../model/events.js";
import type { Finding } from "../model/findings.js";

export type FileKind = "syslog" | "pkglog" | "config";

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
  id: number; path: string; bundle: string; host_hint: string | null; package_hint: string | null; kind: FileKind;
  fingerprint: string; head_bytes: number; offset: number; line_count: number; pending: string | null; parser_context: string | null;
  year: number | null; dev: number | null; ino: number | null; size: number | null;
  content_hash: string | null; content_hash_bytes: number | null;
}

function toFileRecord(row: FileRow): FileRecord {
  return {
    id: row.id, path: row.path, bundle: row.bundle, hostHint: row.host_hint, packageHint: row.package_hint, kind: row.kind,
    fingerprint: row.fingerprint, headBytes: row.head_bytes, offset: row.offset, lineCount: row.line_count, pending: row.pending,
    parserContext: row.parser_context, year: row.year,
    dev: row.dev, ino: row.ino, size: row.size, contentHash: row.content_hash, contentHashBytes: row.content_hash_bytes,
  };
}

/**
The order in which analyze replays a bundle's events into the rules engine: configuration facts (no
time) first, then by time, file and line. watch (src/pipeline/live-findings.ts) checks its live
events against the same order to know when its findings may differ from a replay.
*/
export const REPLAY_ORDER = "e.ts IS NOT NULL, e.ts, e.file_id, e.line_no, e.id";

interface EventRow {
  id: number; kind: string; ts: number | null; host: string | null; package: string | null; device_group: string | null;
  node: string | null; fields: string; path: string; line_no: number; text: string;
}

const LINE_COLUMNS = "id, file_id, line_no, ts, host, program, package, format, text, event_count";
const LINE_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const LINE_WIDTH = 10;
// Lines per INSERT statement: one statement call per line cost about a fifth of the line inserts'
// CPU time (bench/stages.mjs); 64 rows x 10 parameters stays far below SQLite's parameter limit.
const LINES_PER_INSERT = 64;
const FTS_AUTOMERGE = 16;

function setLineParameters(parameters: unknown[], at: number, id: number, fileId: number, line: LineToStore): void {
  parameters[at] = id;
  parameters[at + 1] = fileId;
  parameters[at + 2] = line.lineNo;
  parameters[at + 3] = line.ts;
  parameters[at + 4] = line.host;
  parameters[at + 5] = line.program;
  parameters[at + 6] = line.package;
  parameters[at + 7] = line.format;
  parameters[at + 8] = line.text;
  parameters[at + 9] = line.events.length;
}

/** Writes and reads the tables behind the views. One instance per open database. */
export class Store {
  readonly database: SqliteDatabase;
  private readonly statements;
  private readonly lineParameters: unknown[] = new Array(LINES_PER_INSERT * LINE_WIDTH);
  private readonly oneLineParameters: unknown[] = new Array(LINE_WIDTH);
  private ftsTuned = false;

  constructor(database: SqliteDatabase) {
    this.database = database;
    this.statements = {
      fileByFingerprint: database.prepare("SELECT * FROM file WHERE bundle = ? AND fingerprint = ?"),
      filesOfBundle: database.prepare("SELECT * FROM file WHERE bundle = ? ORDER BY id"),
      bundlesWithFingerprint: database.prepare("SELECT DISTINCT bundle FROM file WHERE fingerprint = ? AND bundle <> ?"),
      setContentHash: database.prepare("UPDATE file SET content_hash = ?, content_hash_bytes = ? WHERE id = ?"),
      renameFileBundle: database.prepare("UPDATE file SET bundle = ? WHERE bundle = ?"),
      renameFindingBundle: database.prepare("UPDATE finding SET bundle = ? WHERE bundle = ?"),
      fileById: database.prepare("SELECT * FROM file WHERE id = ?"),
      firstLines: database.prepare("SELECT text FROM line WHERE file_id = ? AND line_no <= ? ORDER BY line_no"),
      insertFile: database.prepare(
        `INSERT INTO file (path, bundle, host_hint, package_hint, kind, fingerprint, head_bytes, dev, ino, size, mtime, added_at)
         VALUES (@path, @bundle, @hostHint, @packageHint, @kind, @fingerprint, @headBytes, @dev, @ino, @size, @mtime, @addedAt)`,
      ),
      touchFile: database.prepare("UPDATE file SET path = ?, dev = ?, ino = ? WHERE id = ?"),
      shortHeads: database.prepare(
        "SELECT * FROM file WHERE head_bytes < ? AND (path = ? OR (dev = ? AND ino = ?)) ORDER BY id DESC",
      ),
      refingerprint: database.prepare("UPDATE file SET fingerprint = ?, head_bytes = ? WHERE id = ?"),
      checkpoint: database.prepare(
        `UPDATE file SET offset = @offset, line_count = @lineCount, pending = @pending,
           parser_context = coalesce(@parserContext, parser_context),
           year = coalesce(@year, year), size = coalesce(@size, size), dev = coalesce(@dev, dev), ino = coalesce(@ino, ino)
         WHERE id = @id`,
      ),
      insertLine: database.prepare(`INSERT INTO line (${LINE_COLUMNS}) VALUES ${LINE_VALUES}`),
      insertLines: database.prepare(`INSERT INTO line (${LINE_COLUMNS}) VALUES ${Array(LINES_PER_INSERT).fill(LINE_VALUES).join(", ")}`),
      insertEvent: database.prepare(
        `INSERT INTO event (line_id, file_id, line_no, ts, kind, host, package, device_group, node, fields)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      indexLines: database.prepare("INSERT INTO line_fts (rowid, text) SELECT id, text FROM line WHERE id > ? AND id <= ?"),
      maxLineId: database.prepare("SELECT coalesce(max(id), 0) AS id FROM line"),
      deleteFindings: database.prepare("DELETE FROM finding WHERE bundle = ?"),
      upsertFinding: database.prepare(
        `INSERT INTO finding (id, bundle, rule, action, severity, status, title, summary, package, device_group, node, site,
            first_seen, last_seen, resolved_at, check_first, steps, evidence, updated_at)
         VALUES (@id, @bundle, @rule, @action, @severity, @status, @title, @summary, @package, @deviceGroup, @node, @site,
            @firstSeen, @lastSeen, @resolvedAt, @checkFirst, @steps, @evidence, @updatedAt)
         ON CONFLICT(id) DO UPDATE SET severity = excluded.severity, status = excluded.status, title = excluded.title,
            summary = excluded.summary, last_seen = excluded.last_seen, resolved_at = excluded.resolved_at,
            check_first = excluded.check_first, steps = excluded.steps, evidence = excluded.evidence, updated_at = excluded.updated_at`,
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

  /** Other bundles holding a file with this head fingerprint. */
  bundlesWithFingerprint(fingerprint: string, except: string): string[] {
    return (this.statements.bundlesWithFingerprint.all(fingerprint, except) as { bundle: string }[]).map((row) => row.bundle);
  }

  setContentHash(id: number, hash: string, bytes: number): void {
    this.statements.setContentHash.run(hash, bytes, id);
  }

  /** An incident folder moved or copied: its files and findings now belong to the new folder. */
  renameBundle(from: string, to: string): void {
    this.database.transaction(() => {
      this.statements.renameFileBundle.run(to, from);
      this.statements.renameFindingBundle.run(to, from);
    }).immediate();
  }

  /** The stored texts of a file's first `count` lines (fewer when fewer are stored). */
  firstLines(fileId: number, count: number): string[] {
    return (this.statements.firstLines.all(fileId, count) as { text: string }[]).map((row) => row.text);
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
  after a crash either the lines and the offset that covers them are both there, or neither is.
  */
  appendLines(fileId: number, lines: readonly LineToStore[], checkpoint: Checkpoint): void {
    const run = this.database.transaction(() => {
      // Ids are given, not left to SQLite: it would pick max(id) + 1 for each row anyway (the write lock is
      // held), and knowing them lets LINES_PER_INSERT lines go in one statement and their events after them.
      if (!this.ftsTuned) this.tuneFullTextIndex();
      const firstId = (this.statements.maxLineId.get() as { id: number }).id;
      const parameters = this.lineParameters;
      let index = 0;
      for (; index + LINES_PER_INSERT <= lines.length; index += LINES_PER_INSERT) {
        for (let row = 0; row < LINES_PER_INSERT; row++) setLineParameters(parameters, row * LINE_WIDTH, firstId + index + row + 1, fileId, lines[index + row]);
        this.statements.insertLines.run(parameters);
      }
      for (; index < lines.length; index++) {
        setLineParameters(this.oneLineParameters, 0, firstId + index + 1, fileId, lines[index]);
        this.statements.insertLine.run(this.oneLineParameters);
      }
      for (let position = 0; position < lines.length; position++) {
        const line = lines[position];
        for (const event of line.events) {
          this.statements.insertEvent.run(
            firstId + position + 1, fileId, line.lineNo, line.ts, event.kind, event.node ?? line.host, event.package ?? line.package,
            event.deviceGroup ?? null, event.node ?? line.host, JSON.stringify(event.fields ?? {}),
          );
        }
      }
      const lastId = firstId + lines.length;
      if (lastId > firstId) this.statements.indexLines.run(firstId, lastId);
      this.statements.checkpoint.run({
        id: fileId, offset: checkpoint.offset, lineCount: checkpoint.lineCount, pending: checkpoint.pending,
        parserContext: checkpoint.parserContext ?? null, year: checkpoint.year ?? null, size: checkpoint.size ?? null, dev: checkpoint.dev ?? null, ino: checkpoint.ino ?? null,
      });
    });
    run.immediate();
  }

  /**
  FTS5 writes a new index segment per transaction and, by default, merges segments four at a time as
  they accumulate; with one segment per batch of lines that merging was about a quarter of the lines'
  and index's insert time (bench/sqlite-floor.mjs variant). Merging sixteen at a time (the largest value
  FTS5 accepts) does less rewriting; queries give the same rows. Stored in the index's own configuration,
  so it is set once per database, by the first writer that stores lines.
  */
  private tuneFullTextIndex(): void {
    const current = this.database.prepare("SELECT v FROM line_fts_config WHERE k = 'automerge'").get() as { v: number } | undefined;
    if (current?.v !== FTS_AUTOMERGE) this.database.prepare(`INSERT INTO line_fts (line_fts, rank) VALUES ('automerge', ${FTS_AUTOMERGE})`).run();
    this.ftsTuned = true;
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
    const rows = this.database.prepare(
      `SELECT e.id, e.kind, e.ts, e.host, e.package, e.device_group, e.node, e.fields, f.path, e.line_no, l.text
       FROM event e JOIN file f ON f.id = e.file_id JOIN line l ON l.id = e.line_id
       WHERE f.bundle = ? AND e.id > ?
       ORDER BY ${REPLAY_ORDER}`,
    ).iterate(bundle, afterId) as IterableIterator<EventRow>;
    for (const row of rows) yield rowToEvent(row);
  }

  /** The newest line time of a bundle: the end of what the logs say, used as the final watermark. */
  lastTimeOfBundle(bundle: string): number | null {
    const row = this.database.prepare(
      "SELECT max(l.ts) AS ts FROM line l WHERE l.file_id IN (SELECT id FROM file WHERE bundle = ?)",
    ).get(bundle) as { ts: number | null };
    return row.ts;
  }

  /** The newest time in a bundle's package logs: their banners carry the year, so it anchors year-less syslog lines. */
  lastPackageLogTime(bundle: string): number | null {
    const row = this.database.prepare(
      "SELECT max(l.ts) AS ts FROM line l WHERE l.file_id IN (SELECT id FROM file WHERE bundle = ? AND kind = 'pkglog')",
    ).get(bundle) as { ts: number | null };
    return row.ts;
  }

  /** Replace a bundle's findings by what the engine concluded from all of its events. */
  replaceFindings(bundle: string, findings: readonly Finding[]): void {
    this.database.transaction(() => {
      this.statements.deleteFindings.run(bundle);
      for (const finding of findings) this.upsertFinding(bundle, finding);
    }).immediate();
  }

  upsertFinding(bundle: string, finding: Finding): void {
    this.statements.upsertFinding.run({
      id: finding.id, bundle, rule: finding.rule, action: finding.action, severity: finding.severity, status: finding.status,
      title: finding.title, summary: finding.summary, package: finding.package, deviceGroup: finding.deviceGroup,
      node: finding.node, site: finding.site, firstSeen: finding.firstSeen, lastSeen: finding.lastSeen,
      resolvedAt: finding.resolvedAt, checkFirst: JSON.stringify(finding.checkFirst), steps: JSON.stringify(finding.steps),
      evidence: JSON.stringify(finding.evidence), updatedAt: new Date().toISOString(),
    });
  }

  close(): void {
    this.database.close();
  }
}

export function rowToEvent(row: EventRow): LogEvent {
  return {
    id: row.id, kind: row.kind, ts: row.ts, host: row.host, package: row.package, deviceGroup: row.device_group, node: row.node,
    fields: JSON.parse(row.fields) as Record<string, Scalar>, source: { file: row.path, line: row.line_no }, raw: row.text,
  };
}
