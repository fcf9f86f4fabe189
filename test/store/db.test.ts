import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { join } from "node:path";
import { chmodSync, statSync, writeFileSync } from "node:fs";
import { openDatabase } from "../../src/store/db.js";
import { buildSearchIndex, searchIndexPath } from "../../src/store/search.js";
import { acquireWriterLock } from "../../src/store/lock.js";
import { migrations, schemaVersion } from "../../src/store/schema.js";
import { StoreError } from "../../src/errors.js";
import { tempDir } from "../helpers/temp.js";

describe("openDatabase", () => {
  it("creates the schema in WAL mode and reopens it without migrating twice", () => {
    const path = join(tempDir(), "a.db");
    const first = openDatabase(path);
    expect(first.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(first.pragma("user_version", { simple: true })).toBe(schemaVersion);
    first.close();
    const again = openDatabase(path);
    const views = again.prepare("SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name").all();
    expect(views).toEqual([{ name: "events" }, { name: "findings" }, { name: "log_lines" }, { name: "unread_lines" }]);
    again.close();
  });

  it("creates a new database, its WAL and shared memory, and its search index readable by its owner only; an existing file keeps its mode", () => {
    const mode = (path: string): number => statSync(path).mode & 0o777;
    const path = join(tempDir(), "private.db");
    const database = openDatabase(path);
    database.exec("INSERT INTO store_meta (key, value) VALUES ('probe', 'x')");
    expect([mode(path), mode(`${path}-wal`), mode(`${path}-shm`)]).toEqual([0o600, 0o600, 0o600]);
    expect(buildSearchIndex(database)).toBe(true);
    expect(mode(searchIndexPath(path))).toBe(0o600);
    database.close();
    // A mode the user set is theirs: opening again changes nothing.
    chmodSync(path, 0o640);
    openDatabase(path).close();
    expect(mode(path)).toBe(0o640);
  });

  it("migrates a version 2 database: files kept, a file's identity now scoped to its bundle", () => {
    const path = join(tempDir(), "v2.db");
    const raw = new Database(path);
    raw.exec(migrations[0] as string);
    raw.exec(migrations[1] as string);
    raw.pragma("user_version = 2");
    raw
      .prepare("INSERT INTO file (path, bundle, kind, fingerprint, added_at, parser_context) VALUES (?, ?, 'syslog', 'abc', '2026-11-01', '{}')")
      .run("/a/nodeA1/var/adm/syslog/syslog.log", "/a");
    raw.prepare("INSERT INTO line (file_id, line_no, format, text) VALUES (1, 1, 'unparsed', 'kept')").run();
    raw.close();

    const migrated = openDatabase(path);
    expect(migrated.pragma("user_version", { simple: true })).toBe(schemaVersion);
    expect(migrated.prepare("SELECT file, text FROM log_lines").all()).toEqual([{ file: "/a/nodeA1/var/adm/syslog/syslog.log", text: "kept" }]);
    expect(migrated.prepare("SELECT parser_context FROM file").get()).toEqual({ parser_context: "{}" });
    // The same content in another bundle is another file; in the same bundle it is refused.
    const add = migrated.prepare("INSERT INTO file (path, bundle, kind, fingerprint, added_at) VALUES (?, ?, 'syslog', 'abc', '2026-11-02')");
    expect(() => add.run("/b/nodeA1/var/adm/syslog/syslog.log", "/b")).not.toThrow();
    expect(() => add.run("/a/nodeA1/var/adm/syslog/OLDsyslog.log", "/a")).toThrow(/UNIQUE/);
    migrated.close();
  });

  it("migrates a version 11 database: each file's unread replication lines counted once, then kept as lines are stored", () => {
    const path = join(tempDir(), "v11.db");
    const created = openDatabase(path);
    created.prepare("INSERT INTO file (path, bundle, kind, fingerprint, added_at) VALUES ('/a/nodeA1/syslog.log', '/a', 'syslog', 'f1', '2026-11-01')").run();
    const event = created.prepare("INSERT INTO event (line_id, file_id, line_no, ts, kind, fields, raw) VALUES (?, 1, ?, NULL, ?, '{}', 'x')");
    event.run(4294967297, 1, "line.unread");
    event.run(4294967298, 2, "line.unread");
    event.run(4294967299, 3, "pair.state");
    // As version 11 left it: no count kept.
    created.exec("UPDATE file SET unread_count = 0");
    created.pragma("user_version = 11");
    created.close();
    const migrated = openDatabase(path);
    expect(migrated.pragma("user_version", { simple: true })).toBe(schemaVersion);
    expect(migrated.prepare("SELECT unread_count FROM file").get()).toEqual({ unread_count: 2 });
    migrated.close();
  });

  it("refuses a database from a newer mcadvisor", () => {
    const path = join(tempDir(), "new.db");
    const raw = new Database(path);
    raw.pragma(`user_version = ${schemaVersion + 5}`);
    raw.close();
    expect(() => openDatabase(path)).toThrow(/newer mcadvisor/);
  });

  it("refuses another program's SQLite file instead of writing into it", () => {
    const path = join(tempDir(), "other.db");
    const raw = new Database(path);
    raw.exec("CREATE TABLE t (x)");
    raw.close();
    expect(() => openDatabase(path)).toThrow(/not an mcadvisor one/);
  });

  it("says what to do when a read-only open finds no database", () => {
    const error = (() => {
      try {
        openDatabase(join(tempDir(), "missing.db"), { readonly: true });
      } catch (caught) {
        return caught as StoreError;
      }
    })();
    expect(error).toBeInstanceOf(StoreError);
    expect(error?.hint).toMatch(/mcadvisor analyze/);
  });

  it("names a file that is not a database", () => {
    const path = join(tempDir(), "junk.db");
    writeFileSync(path, "this is not sqlite at all, just text".repeat(100));
    expect(() => openDatabase(path)).toThrow(StoreError);
  });
});

describe("writer lock", () => {
  it("refuses a second writer while the first holds the lock, and takes over a stale lock", () => {
    const path = join(tempDir(), "w.db");
    const lock = acquireWriterLock(path, "watch");
    // A lock held by another live process (pid 1 always exists) is refused with the holder named.
    lock.release();
    writeFileSync(`${path}.lock`, "1 watch\n");
    expect(() => acquireWriterLock(path, "analyze")).toThrow(/being written by mcadvisor watch \(pid 1\)/);
    // A lock whose process is gone (kill -9) is taken over.
    writeFileSync(`${path}.lock`, "2147483646 watch\n");
    const taken = acquireWriterLock(path, "analyze");
    taken.release();
  });
});
