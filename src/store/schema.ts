/**
The versioned schema. Each migration moves `PRAGMA user_version` one step; a database from a newer
mcadvisor is refused rather than misread. Tables are singular; the views `log_lines`, `events` and
`findings` are the documented, stable surface for `mcadvisor query` and users' own SQL.
*/

export const migrations: readonly string[] = [
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
  // 6: operators' acknowledgements ("known, being handled"), one per finding id. Its own table, no foreign
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
];

export const schemaVersion = migrations.length;
