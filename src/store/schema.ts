/**
The versioned schema. Each migration moves `PRAGMA user_version` one step; a database from a newer
mcadvisor is refused rather than misread. Tables are singular; the views `log_lines`, `events`, `findings`
and `unread_lines` are the documented, stable surface for `mcadvisor query` and users' own SQL.
A migration is SQL, or a function when it must compute (migration 6 compresses lines into blocks).
*/
import type Database from "better-sqlite3";
import { blockIsFull, encodeBlock, textCost, WRITE_CODEC, type BlockLine } from "./block-codec.js";
import { UNREAD_LINE_KIND } from "../model/events.js";

export type Migration = string | ((database: Database.Database) => void);

export const migrations: readonly Migration[] = [
  // 1: the initial schema
  `
  CREATE TABLE file (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    bundle TEXT NOT NULL,
    host_hint TEXT,
    package_hint TEXT,
    kind TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    head_bytes INTEGER NOT NULL DEFAULT 0,
    dev INTEGER, ino INTEGER, size INTEGER, mtime INTEGER,
    offset INTEGER NOT NULL DEFAULT 0,
    line_count INTEGER NOT NULL DEFAULT 0,
    pending TEXT,
    year INTEGER,
    added_at TEXT NOT NULL
  );
  CREATE INDEX file_path ON file(path);
  CREATE INDEX file_bundle ON file(bundle);

  CREATE TABLE line (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES file(id),
    line_no INTEGER NOT NULL,
    ts INTEGER,
    host TEXT,
    program TEXT,
    package TEXT,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    event_count INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX line_file_line ON line(file_id, line_no);
  CREATE INDEX line_ts ON line(ts);

  CREATE TABLE event (
    id INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL REFERENCES line(id),
    file_id INTEGER NOT NULL REFERENCES file(id),
    line_no INTEGER NOT NULL,
    ts INTEGER,
    kind TEXT NOT NULL,
    host TEXT,
    package TEXT,
    device_group TEXT,
    node TEXT,
    fields TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX event_ts ON event(ts);
  CREATE INDEX event_file ON event(file_id);

  CREATE TABLE finding (
    id TEXT PRIMARY KEY,
    bundle TEXT NOT NULL,
    rule TEXT NOT NULL,
    action TEXT NOT NULL,
    severity TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NOT NULL,
    package TEXT, device_group TEXT, node TEXT, site TEXT,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    resolved_at INTEGER,
    check_first TEXT NOT NULL DEFAULT '[]',
    steps TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL
  );
  CREATE INDEX finding_bundle ON finding(bundle);

  CREATE TABLE report (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL,
    since INTEGER,
    until INTEGER,
    format TEXT
  );

  CREATE VIRTUAL TABLE line_fts USING fts5(text, content='line', content_rowid='id');

  -- naive wall-clock ms (see docs/architecture.md "Time") shown as ISO text without offset
  CREATE VIEW log_lines AS
    SELECT f.path AS file, l.line_no, strftime('%Y-%m-%dT%H:%M:%S', l.ts / 1000, 'unixepoch') AS ts,
           l.host, l.program, l.package, l.format, l.event_count, l.text, l.id AS line_id, f.bundle
    FROM line l JOIN file f ON f.id = l.file_id;

  CREATE VIEW events AS
    SELECT e.id, strftime('%Y-%m-%dT%H:%M:%S', e.ts / 1000, 'unixepoch') AS ts, e.kind, e.host, e.package,
           e.device_group, e.node, e.fields, f.path AS file, e.line_no, l.text AS raw, f.bundle
    FROM event e JOIN file f ON f.id = e.file_id JOIN line l ON l.id = e.line_id;

  CREATE VIEW findings AS
    SELECT id, rule, action, severity, status, title, summary, package, device_group, node, site,
           strftime('%Y-%m-%dT%H:%M:%S', first_seen / 1000, 'unixepoch') AS first_seen,
           strftime('%Y-%m-%dT%H:%M:%S', last_seen / 1000, 'unixepoch') AS last_seen,
           strftime('%Y-%m-%dT%H:%M:%S', resolved_at / 1000, 'unixepoch') AS resolved_at,
           check_first, steps, evidence, bundle
    FROM finding;
  `,
  // 2: the file parser's context at the checkpoint (last time, host, banner year, package), so a file read
  // again after growth or a restart resumes with the year and host the lines before it established
  `
  ALTER TABLE file ADD COLUMN parser_context TEXT;
  `,
  // 3: a file's identity is its content within its bundle, not across bundles: two incidents whose logs
  // share their first 4 KiB (copies of one node's log taken at different times, a sample derived from
  // another) must each keep all their lines, or the second is analysed without them. The table is
  // copied aside and back (not renamed) so the views that name it stay valid throughout.
  `
  CREATE TEMP TABLE file_before_3 AS SELECT id, path, bundle, host_hint, package_hint, kind, fingerprint, head_bytes, dev, ino, size, mtime, offset, line_count, pending, year, added_at, parser_context FROM file;
  DROP TABLE file;
  CREATE TABLE file (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    bundle TEXT NOT NULL,
    host_hint TEXT,
    package_hint TEXT,
    kind TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    head_bytes INTEGER NOT NULL DEFAULT 0,
    dev INTEGER, ino INTEGER, size INTEGER, mtime INTEGER,
    offset INTEGER NOT NULL DEFAULT 0,
    line_count INTEGER NOT NULL DEFAULT 0,
    pending TEXT,
    year INTEGER,
    added_at TEXT NOT NULL,
    parser_context TEXT,
    UNIQUE (bundle, fingerprint)
  );
  INSERT INTO file (id, path, bundle, host_hint, package_hint, kind, fingerprint, head_bytes, dev, ino, size, mtime, offset, line_count, pending, year, added_at, parser_context) SELECT id, path, bundle, host_hint, package_hint, kind, fingerprint, head_bytes, dev, ino, size, mtime, offset, line_count, pending, year, added_at, parser_context FROM file_before_3;
  DROP TABLE file_before_3;
  CREATE INDEX file_path ON file(path);
  CREATE INDEX file_bundle ON file(bundle);
  `,
  // 4: a hash of the first content_hash_bytes bytes of a file read whole by analyze, so an incident folder
  // moved or copied elsewhere is recognised by its content (all its files, beyond the 4 KiB head) and its
  // stored lines and findings follow it instead of being stored again
  `
  ALTER TABLE file ADD COLUMN content_hash TEXT;
  ALTER TABLE file ADD COLUMN content_hash_bytes INTEGER;
  `,
  // 5: a finding's site by name (issue 16): name, nodes, side and how it was told, as JSON; the findings view
  // gains it as its last column (the columns before it keep their names and order)
  `
  ALTER TABLE finding ADD COLUMN site_info TEXT;
  DROP VIEW findings;
  CREATE VIEW findings AS
    SELECT id, rule, action, severity, status, title, summary, package, device_group, node, site,
           strftime('%Y-%m-%dT%H:%M:%S', first_seen / 1000, 'unixepoch') AS first_seen,
           strftime('%Y-%m-%dT%H:%M:%S', last_seen / 1000, 'unixepoch') AS last_seen,
           strftime('%Y-%m-%dT%H:%M:%S', resolved_at / 1000, 'unixepoch') AS resolved_at,
           check_first, steps, evidence, bundle, site_info
    FROM finding;
  `,
  // 6: lines in blocks (docs/decisions.md "Lines in blocks"): about 64 KiB of one file's consecutive lines per
  // row, compressed, with their per-line columns; log_lines becomes a view that decodes them; full-text search
  // moves to a sidecar database built off the ingest path (search.ts); events keep their line's text, so the
  // events view and the rules read no blocks; per-file totals are kept as lines are stored.
  moveLinesIntoBlocks,
  // 7: the lines about replication that no grammar read (the parse stage's line.unread markers), as a view on
  // the event table alone: the marker carries the line's text, so the view does not depend on how lines are stored
  `
  CREATE VIEW unread_lines AS
    SELECT e.id, strftime('%Y-%m-%dT%H:%M:%S', e.ts / 1000, 'unixepoch') AS ts, e.host, e.package, e.node,
           f.path AS file, e.line_no, json_extract(e.fields, '$.terms') AS terms, json_extract(e.fields, '$.text') AS text,
           f.bundle
    FROM event e JOIN file f ON f.id = e.file_id
    WHERE e.kind = 'line.unread';
  `,
  // 8: operators' acknowledgements ("known, being handled"), one per finding id. Its own table, no foreign
  // key: a finding re-analysed away or resolved keeps its acknowledgement on record. Times are real instants
  // (epoch ms, UTC), not the logs' wall clock (src/model/acknowledgement.ts). IF NOT EXISTS: self-contained,
  // whatever migration runs next to it.
  `
  CREATE TABLE IF NOT EXISTS acknowledgement (
    finding_id TEXT PRIMARY KEY,
    acknowledged_by TEXT NOT NULL,
    acknowledged_at INTEGER NOT NULL,
    note TEXT NOT NULL,
    until INTEGER,
    severity TEXT NOT NULL
  );
  `,
  // 9: the finding that set a finding aside (status 'superseded', a rule's match.supersedes); the findings view
  // gains it as its last column (the columns before it keep their names and order)
  recordSupersession,
  // 10: a file is looked up by its inode when its short head grew (Store.findGrownFile, once per file read):
  // without this index the lookup scanned every stored file, so a bundle of n files cost n^2/2 rows
  `
  CREATE INDEX IF NOT EXISTS file_inode ON file(dev, ino);
  `,
  // 11: the UTC offset a file's zoned lines fixed (its parser context's zoneOffset), in a column of its own: asked once
  // per file read for its bundle, it was found by reading every file's context as JSON (900 one-line files of a
  // bundle: 18 % of the run)
  recordZoneOffsets,
  // 12: a file's unread replication lines (line.unread markers) counted as they are stored, as its events are: analyze's
  // totals and each bundle's reading counted them from the event table after every run (a full scan each)
  recordUnreadCounts,
  // 13: the cluster a finding is about, when its bundle holds several (correlate/clusters.ts); the findings view gains
  // it as its last column (the columns before it keep their names and order)
  recordFindingCluster,
  // 14: each bundle's last analysis, begun and finished (or stopped by an error): the findings analyze stores while it reads (issue 14) are those
  // of the lines read so far, and a run stopped part way (killed, a full disk) left them looking final. A bundle whose
  // analysis has not finished is never called OK (model/readability.ts). Times are real instants (epoch ms).
  `
  CREATE TABLE IF NOT EXISTS analysis (
    bundle TEXT PRIMARY KEY,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    stopped_at INTEGER,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    command TEXT NOT NULL
  );
  `,
];

/** Migration 13. The column is added only where it is missing, as migration 9's. */
function recordFindingCluster(database: Database.Database): void {
  addColumnIfMissing(database, "finding", "cluster", "TEXT");
  recreateFindingsView(database, ["site_info", "superseded_by", "cluster"]);
}

/** Migration 12. The column is added only where it is missing, as migration 9's. */
function recordUnreadCounts(database: Database.Database): void {
  addColumnIfMissing(database, "file", "unread_count", "INTEGER NOT NULL DEFAULT 0");
  database.exec(`UPDATE file SET unread_count = (SELECT count(*) FROM event WHERE event.file_id = file.id AND event.kind = '${UNREAD_LINE_KIND}')`);
}

/** Migration 11. The column is added only where it is missing, as migration 9's. */
function recordZoneOffsets(database: Database.Database): void {
  addColumnIfMissing(database, "file", "zone_offset", "REAL");
  database.exec(`
    UPDATE file SET zone_offset = json_extract(parser_context, '$.zoneOffset')
      WHERE json_valid(parser_context) AND json_type(parser_context, '$.zoneOffset') IN ('integer', 'real');
    CREATE INDEX IF NOT EXISTS file_zone ON file(bundle, id) WHERE zone_offset IS NOT NULL;
  `);
}

/** Migration 9. The column is added only where it is missing: a migration must not fail on a database that has it. */
function recordSupersession(database: Database.Database): void {
  addColumnIfMissing(database, "finding", "superseded_by", "TEXT");
  recreateFindingsView(database, ["site_info", "superseded_by"]);
}

/** Adds a column to a table unless the table has it (a migration runs again on a database a newer build touched). */
function addColumnIfMissing(database: Database.Database, table: string, column: string, type: string): void {
  const columns = (database.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((row) => row.name);
  if (!columns.includes(column)) database.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
}

/**
The findings view, its times as ISO text; the columns added by later migrations come last, in the order they were
added, so a query naming the earlier columns by position keeps working.
*/
function recreateFindingsView(database: Database.Database, addedColumns: readonly string[]): void {
  database.exec(`
    DROP VIEW IF EXISTS findings;
    CREATE VIEW findings AS
      SELECT id, rule, action, severity, status, title, summary, package, device_group, node, site,
             strftime('%Y-%m-%dT%H:%M:%S', first_seen / 1000, 'unixepoch') AS first_seen,
             strftime('%Y-%m-%dT%H:%M:%S', last_seen / 1000, 'unixepoch') AS last_seen,
             strftime('%Y-%m-%dT%H:%M:%S', resolved_at / 1000, 'unixepoch') AS resolved_at,
             check_first, steps, evidence, bundle, ${addedColumns.join(", ")}
      FROM finding;
  `);
}

/** The tables and views of the block layout, created by migration 6. */
const BLOCK_SCHEMA = `
  CREATE TABLE block (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES file(id),
    first_line INTEGER NOT NULL,
    line_count INTEGER NOT NULL,
    start_offset INTEGER,
    end_offset INTEGER,
    ts_min INTEGER,
    ts_max INTEGER,
    untimed INTEGER NOT NULL,
    text_bytes INTEGER NOT NULL,
    codec TEXT NOT NULL,
    columns BLOB NOT NULL,
    text BLOB NOT NULL
  );
  CREATE UNIQUE INDEX block_file_line ON block(file_id, first_line);
  CREATE INDEX block_time ON block(ts_max, ts_min, file_id);

  CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  INSERT INTO store_meta (key, value) VALUES ('identity', lower(hex(randomblob(16))));

  ALTER TABLE file ADD COLUMN event_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE file ADD COLUMN unparsed_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE file ADD COLUMN ts_max INTEGER;
`;

/**
The contract views over the block layout. log_lines decodes each block with the block_lines virtual
table (registered by db.ts on every connection mcadvisor opens), so its text is readable through mcadvisor
(query, tui, report), not from a plain sqlite3 shell; events and findings are plain SQL.
*/
const BLOCK_VIEWS = `
  CREATE VIEW log_lines AS
    SELECT f.path AS file, CAST(l.line_no AS INTEGER) AS line_no, l.ts, l.host, l.program, l.package, l.format,
           CAST(l.event_count AS INTEGER) AS event_count, l.text, CAST(l.line_id AS INTEGER) AS line_id, f.bundle
    FROM file f JOIN block b ON b.file_id = f.id,
         block_lines(b.file_id, b.first_line, b.codec, b.columns, b.text) l;

  CREATE VIEW events AS
    SELECT e.id, strftime('%Y-%m-%dT%H:%M:%S', e.ts / 1000, 'unixepoch') AS ts, e.kind, e.host, e.package,
           e.device_group, e.node, e.fields, f.path AS file, e.line_no, e.raw, f.bundle
    FROM event e JOIN file f ON f.id = e.file_id;
`;

const INSERT_BLOCK_SQL = `INSERT INTO block (file_id, first_line, line_count, start_offset, end_offset, ts_min, ts_max, untimed, text_bytes, codec, columns, text)
  VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, ?)`;

interface OldLineRow {
  file_id: number;
  line_no: number;
  ts: number | null;
  host: string | null;
  program: string | null;
  package: string | null;
  format: string;
  text: string;
  event_count: number;
}

function moveLinesIntoBlocks(database: Database.Database): void {
  database.exec("DROP VIEW IF EXISTS log_lines; DROP VIEW IF EXISTS events;");
  database.exec(BLOCK_SCHEMA);
  const insertBlock = database.prepare(INSERT_BLOCK_SQL);
  let fileId = -1;
  let lines: BlockLine[] = [];
  let firstLine = 0;
  let bytes = 0;
  const flush = (): void => {
    if (lines.length === 0) return;
    const block = encodeBlock(lines, WRITE_CODEC);
    insertBlock.run(fileId, firstLine, block.lineCount, block.tsMin, block.tsMax, block.untimed, block.textBytes, block.codec, block.columns, block.text);
    lines = [];
    bytes = 0;
  };
  // Read by file and line in pages (the unique index): memory holds a page and a block, and no statement is
  // left iterating while blocks are written (better-sqlite3 allows one statement at a time). Byte ranges are
  // unknown for lines stored before blocks: left NULL.
  const page = database.prepare(
    "SELECT file_id, line_no, ts, host, program, package, format, text, event_count FROM line WHERE file_id = ? AND line_no > ? ORDER BY line_no LIMIT 10000",
  );
  for (const id of database.prepare("SELECT id FROM file ORDER BY id").pluck().all() as number[]) {
    let after = 0;
    for (;;) {
      const rows = page.all(id, after) as OldLineRow[];
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.file_id !== fileId || row.line_no !== firstLine + lines.length || blockIsFull(bytes, lines.length)) {
          flush();
          fileId = row.file_id;
          firstLine = row.line_no;
        }
        lines.push({ text: row.text, ts: row.ts, host: row.host, program: row.program, package: row.package, format: row.format, eventCount: row.event_count });
        bytes += textCost(row.text);
      }
      after = rows[rows.length - 1].line_no;
    }
  }
  flush();

  database.exec(`
    UPDATE file SET
      event_count = (SELECT count(*) FROM event WHERE event.file_id = file.id),
      unparsed_count = (SELECT count(*) FROM line WHERE line.file_id = file.id AND line.format = 'unknown'),
      ts_max = (SELECT max(ts) FROM line WHERE line.file_id = file.id);

    -- Copied aside and back (as migration 3 does) so no view is checked while event is missing; line_id
    -- becomes file_id * 2^32 + line_no, the id log_lines gives the line whatever block holds it.
    CREATE TEMP TABLE event_before_6 AS
      SELECT e.id, e.file_id * 4294967296 + e.line_no AS line_id, e.file_id, e.line_no, e.ts, e.kind, e.host, e.package,
             e.device_group, e.node, e.fields, coalesce(l.text, '') AS raw
      FROM event e LEFT JOIN line l ON l.id = e.line_id;
    DROP TABLE event;
    CREATE TABLE event (
      id INTEGER PRIMARY KEY,
      line_id INTEGER NOT NULL,
      file_id INTEGER NOT NULL REFERENCES file(id),
      line_no INTEGER NOT NULL,
      ts INTEGER,
      kind TEXT NOT NULL,
      host TEXT,
      package TEXT,
      device_group TEXT,
      node TEXT,
      fields TEXT NOT NULL DEFAULT '{}',
      raw TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO event SELECT * FROM event_before_6 ORDER BY id;
    DROP TABLE event_before_6;
    CREATE INDEX event_ts ON event(ts);
    CREATE INDEX event_file ON event(file_id);

    DROP TABLE line_fts;
    DROP TABLE line;
  `);
  database.exec(BLOCK_VIEWS);
}

export const schemaVersion = migrations.length;
