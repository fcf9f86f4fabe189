/**
A file is known by its content within its bundle: analysed again, renamed or copied inside one
incident it adds nothing; the same first 4 KiB in another incident's bundle is another file, whose
lines that incident needs.
*/
import { appendFileSync, copyFileSync, cpSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";

const rules = loadRules([]).rules;

/** 60 shared lines (well over the 4 KiB fingerprint window), then lines of this incident only. */
function syslogWith(tail: readonly string[]): string {
  const shared = Array.from(
    { length: 60 },
    (_, index) => `Nov  8 10:${String(index).padStart(2, "0")}:00 nodeA1 cmcld[2001]: Heartbeat ok on lan0, line ${index} of the shared head`,
  );
  return [...shared, ...tail, ""].join("\n");
}

function writeSyslog(bundle: string, content: string, name = "syslog.log"): string {
  const folder = join(bundle, "nodeA1", "var", "adm", "syslog");
  mkdirSync(folder, { recursive: true });
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

function linesByBundle(store: Store): Record<string, number> {
  const rows = store.database.prepare("SELECT bundle, count(*) AS n FROM log_lines GROUP BY bundle").all() as { bundle: string; n: number }[];
  return Object.fromEntries(rows.map((row) => [row.bundle, row.n]));
}

describe("file identity", () => {
  it("keeps two bundles' logs apart when they share their first 4 KiB", async () => {
    const root = tempDir();
    const first = join(root, "incident-1");
    const second = join(root, "incident-2");
    writeSyslog(first, syslogWith(["Nov  8 11:00:00 nodeA1 cmcld[2001]: Member nodeB1 seems unhealthy, not receiving heartbeats from it."]));
    writeSyslog(
      second,
      syslogWith([
        "Nov  8 11:05:00 nodeA1 cmcld[2001]: Timed out node nodeB1. It may have failed.",
        "Nov  8 11:05:01 nodeA1 cmcld[2001]: Attempting to form a new cluster",
      ]),
    );
    const store = new Store(openDatabase(join(root, "m.db")));
    await analyzePaths(store, { paths: [root], timeZone: "UTC", rules });
    expect(linesByBundle(store)).toEqual({ [first]: 61, [second]: 62 });

    // Analysed again: nothing new in either bundle.
    await analyzePaths(store, { paths: [root], timeZone: "UTC", rules });
    expect(linesByBundle(store)).toEqual({ [first]: 61, [second]: 62 });
    store.close();
  });

  it("does not take another incident for a moved one when they share only their first 4 KiB", async () => {
    const root = tempDir();
    const first = join(root, "incident-1");
    const second = join(root, "incident-2");
    writeSyslog(first, syslogWith(["Nov  8 11:00:00 nodeA1 cmcld[2001]: Member nodeB1 seems unhealthy, not receiving heartbeats from it."]));
    writeSyslog(second, syslogWith(["Nov  8 11:05:00 nodeA1 cmcld[2001]: Timed out node nodeB1. It may have failed."]));
    const store = new Store(openDatabase(join(root, "m.db")));
    await analyzePaths(store, { paths: [first], timeZone: "UTC", rules });
    const result = await analyzePaths(store, { paths: [second], timeZone: "UTC", rules });
    expect(result.movedBundles).toEqual([]);
    expect(linesByBundle(store)).toEqual({ [first]: 61, [second]: 61 });
    store.close();
  });

  it("stores a log once within a bundle, whatever its copies are called", async () => {
    const root = tempDir();
    const bundle = join(root, "incident");
    const original = writeSyslog(bundle, syslogWith([]));
    copyFileSync(original, join(bundle, "nodeA1", "var", "adm", "syslog", "OLDsyslog.log"));
    const store = new Store(openDatabase(join(root, "m.db")));
    await analyzePaths(store, { paths: [root], timeZone: "UTC", rules });
    expect(linesByBundle(store)).toEqual({ [bundle]: 60 });
    store.close();
  });

  it("follows an incident folder moved elsewhere: its lines and findings are not stored twice, what it gained is added", async () => {
    const root = tempDir();
    const before = join(root, "tmp", "incident");
    const after = join(root, "archive", "2026-11-08-incident");
    const syslog = writeSyslog(
      before,
      syslogWith([
        "Nov  8 11:05:00 nodeA1 cmcld[2001]: Timed out node nodeB1. It may have failed.",
        "Nov  8 11:05:01 nodeA1 cmcld[2001]: Attempting to form a new cluster",
      ]),
    );
    writeFileSync(syslog.replace("syslog.log", "OLDsyslog.log"), "Nov  7 23:59:00 nodeA1 syslogd: restart\n");
    const store = new Store(openDatabase(join(root, "m.db")));
    const first = await analyzePaths(store, { paths: [before], timeZone: "UTC", rules });
    expect(first.movedBundles).toEqual([]);
    const findingsBefore = store.database.prepare("SELECT rule, status FROM finding ORDER BY rule").all();

    mkdirSync(join(root, "archive"), { recursive: true });
    renameSync(before, after);
    appendFileSync(join(after, "nodeA1", "var", "adm", "syslog", "syslog.log"), "Nov  8 11:06:00 nodeA1 cmcld[2001]: Heartbeat ok on lan0 again\n");
    const second = await analyzePaths(store, { paths: [after], timeZone: "UTC", rules });
    expect(second.movedBundles).toEqual([{ from: before, to: after }]);
    expect(second.newLines).toBe(1);
    expect(linesByBundle(store)).toEqual({ [after]: 64 });
    expect(store.database.prepare("SELECT DISTINCT bundle FROM finding").all()).toEqual(findingsBefore.length > 0 ? [{ bundle: after }] : []);
    expect(store.database.prepare("SELECT rule, status FROM finding ORDER BY rule").all()).toEqual(findingsBefore);
    const paths = (store.database.prepare("SELECT path FROM file ORDER BY path").all() as { path: string }[]).map((row) => row.path);
    expect(paths.every((path) => path.startsWith(after))).toBe(true);
    store.close();
  });

  it("a copy analysed in the same run as the original, or a folder with fewer files, is its own bundle", async () => {
    const root = tempDir();
    const original = join(root, "incident");
    writeSyslog(original, syslogWith(["Nov  8 11:00:00 nodeA1 cmcld[2001]: Member nodeB1 seems unhealthy, not receiving heartbeats from it."]));
    writeSyslog(original, "Nov  7 23:59:00 nodeA1 syslogd: restart\n", "OLDsyslog.log");
    const copy = join(root, "copy");
    cpSync(original, copy, { recursive: true });
    const store = new Store(openDatabase(join(root, "m.db")));
    await analyzePaths(store, { paths: [original, copy], timeZone: "UTC", rules });
    expect(linesByBundle(store)).toEqual({ [original]: 62, [copy]: 62 });

    // Only one of the original's two files: it cannot be the original folder moved.
    const partial = join(root, "partial");
    writeSyslog(partial, syslogWith(["Nov  8 11:00:00 nodeA1 cmcld[2001]: Member nodeB1 seems unhealthy, not receiving heartbeats from it."]));
    const result = await analyzePaths(store, { paths: [partial], timeZone: "UTC", rules });
    expect(result.movedBundles).toEqual([]);
    expect(linesByBundle(store)).toEqual({ [original]: 62, [copy]: 62, [partial]: 61 });
    store.close();
  });
});
