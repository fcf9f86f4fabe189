// watch without PATHs on a Linux node follows its layout: /var/log/messages and the Serviceguard folders
// that exist under the root, besides the HP-UX defaults (followed when they appear).
import { EventEmitter } from "node:events";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultTargets } from "../../src/pipeline/live.js";
import { TargetWatcher, type WatchFactory } from "../../src/pipeline/live-targets.js";
import { tempDir } from "../helpers/temp.js";

describe("watch's default targets", () => {
  it("add the Linux layout's files and folders that exist, and only those", () => {
    const root = tempDir();
    mkdirSync(join(root, "var", "log"), { recursive: true });
    writeFileSync(join(root, "var", "log", "messages"), "");
    mkdirSync(join(root, "usr", "local", "cmcluster", "conf"), { recursive: true });
    mkdirSync(join(root, "usr", "local", "cmcluster", "run", "log"), { recursive: true });
    mkdirSync(join(root, "var", "opt", "resmon", "log", "cc"), { recursive: true });
    expect(defaultTargets(root)).toEqual({
      files: [join(root, "var/adm/syslog/syslog.log"), join(root, "var/log/messages")],
      directories: [
        join(root, "etc/cmcluster"),
        join(root, "usr/local/cmcluster/conf"),
        join(root, "usr/local/cmcluster/run/log"),
        join(root, "var/opt/resmon/log/cc"),
      ],
    });
  });

  it("stay the HP-UX ones on an HP-UX tree", () => {
    const root = tempDir();
    mkdirSync(join(root, "etc", "cmcluster"), { recursive: true });
    expect(defaultTargets(root)).toEqual({ files: [join(root, "var/adm/syslog/syslog.log")], directories: [join(root, "etc/cmcluster")] });
  });
});

// chokidar lists a folder that appears before it watches it, so a file written in between is never
// reported by it (CI saw a package log of a node tree being created lost this way). A fake chokidar that
// reports the new folder but none of its files stands for that race: the watcher's own listing must find them.
describe("the target watcher, when chokidar misses the files of a folder that appeared", () => {
  function fakeChokidar(): { factory: WatchFactory; emit: (event: string, path?: string) => void } {
    const emitter = new EventEmitter();
    const factory: WatchFactory = () => ({
      on: (event, listener) => emitter.on(event, listener as (...args: unknown[]) => void),
      once: (event, listener) => emitter.once(event, listener as (...args: unknown[]) => void),
      close: async () => {},
    });
    return { factory, emit: (event, path) => emitter.emit(event, path) };
  }

  function setUp() {
    const base = tempDir();
    const root = join(base, "later");
    const reported: string[] = [];
    const chokidar = fakeChokidar();
    const watcher = new TargetWatcher(
      defaultTargets(root),
      false,
      {
        onPath: (path) => reported.push(path),
        onFolderAdded: () => {},
        onReady: () => {},
        onError: (error) => {
          throw error;
        },
      },
      chokidar.factory,
    );
    return { root, reported, chokidar, watcher };
  }

  it("lists the new folder itself and reports the logs written there, once each until they change", () => {
    const { root, reported, chokidar, watcher } = setUp();
    chokidar.emit("ready");
    mkdirSync(join(root, "var", "adm", "syslog"), { recursive: true });
    mkdirSync(join(root, "etc", "cmcluster", "pkg1"), { recursive: true });
    chokidar.emit("addDir", root); // chokidar saw the folder appear, then none of what was written inside
    const syslog = join(root, "var", "adm", "syslog", "syslog.log");
    const packageLog = join(root, "etc", "cmcluster", "pkg1", "pkg1.log");
    writeFileSync(syslog, "one\n");
    writeFileSync(packageLog, "two\n");
    writeFileSync(join(root, "etc", "cmcluster", "pkg1", "notes.tar"), "not a log\n");
    const now = Date.now();
    watcher.relistYoungFolders(now);
    expect(reported.sort()).toEqual([packageLog, syslog].sort());
    watcher.relistYoungFolders(now + 1000);
    expect(reported).toHaveLength(2); // nothing changed: nothing reported again
    appendFileSync(packageLog, "three, and longer\n");
    watcher.relistYoungFolders(now + 2000);
    expect(reported.slice(2)).toEqual([packageLog]);
  });

  it("stops listing a folder once chokidar has surely watched it for a while", () => {
    const { root, reported, chokidar, watcher } = setUp();
    chokidar.emit("ready");
    mkdirSync(join(root, "etc", "cmcluster", "pkg1"), { recursive: true });
    chokidar.emit("addDir", root);
    writeFileSync(join(root, "etc", "cmcluster", "pkg1", "pkg1.log"), "two\n");
    watcher.relistYoungFolders(Date.now() + 60_000);
    expect(reported).toEqual([]);
  });

  it("does not list before chokidar's first walk is done (that walk reports what is there)", () => {
    const { root, reported, chokidar, watcher } = setUp();
    mkdirSync(join(root, "etc", "cmcluster", "pkg1"), { recursive: true });
    chokidar.emit("addDir", root);
    writeFileSync(join(root, "etc", "cmcluster", "pkg1", "pkg1.log"), "two\n");
    watcher.relistYoungFolders();
    expect(reported).toEqual([]);
    chokidar.emit("ready");
    watcher.relistYoungFolders();
    expect(reported).toEqual([join(root, "etc", "cmcluster", "pkg1", "pkg1.log")]);
  });
});
