// The UTC offset a bundle's zoned lines fixed: the first file (by id) whose parser context holds one, kept in a column of
// its own (schema 11), so the question asked once per file read does not read every file's context.
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { join } from "node:path";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { addSyslogFile } from "../helpers/store-files.js";
import { tempDir } from "../helpers/temp.js";

const context = (zoneOffset: number | null): string => JSON.stringify({ ts: null, host: null, zoneOffset });

describe("a bundle's zone offset", () => {
  it("is the first file's (by id) that fixed one, whatever the files read after it fixed", () => {
    const store = new Store(openDatabase(join(tempDir(), "zone.db")));
    const first = addSyslogFile(store, "/b", "a.log");
    const second = addSyslogFile(store, "/b", "b.log");
    const third = addSyslogFile(store, "/b", "c.log");
    const elsewhere = addSyslogFile(store, "/other", "d.log");
    expect(store.zoneOffsetOfBundle("/b")).toBeNull();
    store.appendLines(first, [], { offset: 0, lineCount: 0, pending: null, parserContext: context(null) });
    store.appendLines(third, [], { offset: 0, lineCount: 0, pending: null, parserContext: context(60) });
    store.appendLines(elsewhere, [], { offset: 0, lineCount: 0, pending: null, parserContext: context(-300) });
    expect(store.zoneOffsetOfBundle("/b")).toBe(60);
    store.appendLines(second, [], { offset: 0, lineCount: 0, pending: null, parserContext: context(330) });
    expect(store.zoneOffsetOfBundle("/b")).toBe(330);
    // A checkpoint without a context keeps the offset the file fixed; a damaged context (edited by hand) too.
    store.appendLines(second, [], { offset: 0, lineCount: 0, pending: null });
    store.appendLines(second, [], { offset: 0, lineCount: 0, pending: null, parserContext: "{not json" });
    expect(store.zoneOffsetOfBundle("/b")).toBe(330);
    expect(store.zoneOffsetOfBundle("/other")).toBe(-300);
  });

  it("is carried over from the contexts of a database written before the column existed", () => {
    const path = join(tempDir(), "old.db");
    const store = new Store(openDatabase(path));
    const file = addSyslogFile(store, "/b", "a.log");
    store.appendLines(file, [], { offset: 0, lineCount: 0, pending: null, parserContext: context(-420) });
    store.close();
    // Back to schema 10, the offset only in the context (the column left in place: the migration must not fail on it).
    const raw = new Database(path);
    raw.exec("DROP INDEX file_zone; UPDATE file SET zone_offset = NULL");
    raw.pragma("user_version = 10");
    raw.close();
    expect(new Store(openDatabase(path)).zoneOffsetOfBundle("/b")).toBe(-420);
  });
});
