import {
  appendFileSync,
  closeSync,
  copyFileSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  renameSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { lines, nodeTree, query, runAnalyze, startWatch, storedTexts, syslogLine, waitForExactly, waitUntil } from "./harness.js";

const text = (entries: readonly string[]): string => entries.map((entry) => `${entry}\n`).join("");

// Each case runs the real `mcadvisor watch` process over a temp node tree and checks the database:
// every line written is stored exactly once (no loss, no duplicate), with its exact text.
describe("watch: exactly once across rotation, truncation and restarts", () => {
  it("rename rotation: lines written to the old file after the rename are kept, the new file is read from its start", async () => {
    const tree = nodeTree();
    const first = lines("A", 1, 50);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root, "--tz", "UTC"]);
    await waitForExactly(tree.db, first);

    const writer = openSync(tree.syslog, "a"); // syslogd's descriptor: it keeps writing here after the rename
    const beforeRename = lines("B", 1, 20);
    writeSync(writer, text(beforeRename));
    renameSync(tree.syslog, join(tree.syslogDir, "OLDsyslog.log"));
    const afterRename = lines("C", 1, 20);
    writeSync(writer, text(afterRename));
    const fresh = lines("D", 1, 30);
    writeFileSync(tree.syslog, text(fresh));
    const late = lines("E", 1, 5);
    writeSync(writer, text(late));
    closeSync(writer);

    await waitForExactly(tree.db, [...first, ...beforeRename, ...afterRename, ...fresh, ...late]);
    expect(await watcher.stop()).toBe(0);
  });

  it("copytruncate: the lines not yet read are taken from the copy, the truncated file is read from byte 0", async () => {
    const tree = nodeTree();
    const first = lines("A", 1, 30);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, first);

    const unread = lines("B", 1, 40);
    const descriptor = openSync(tree.syslog, "r+");
    appendFileSync(tree.syslog, text(unread));
    copyFileSync(tree.syslog, `${tree.syslog}.1`); // logrotate copytruncate: copy, then truncate in place
    ftruncateSync(descriptor, 0);
    closeSync(descriptor);
    const after = lines("C", 1, 10);
    appendFileSync(tree.syslog, text(after));

    await waitForExactly(tree.db, [...first, ...unread, ...after]);
    expect(await watcher.stop()).toBe(0);
  });

  it("a file created, filled and copy-truncated between two looks is read from its rotated copy; older rotated files stay history", async () => {
    const tree = nodeTree();
    const history = lines("H", 1, 15);
    writeFileSync(join(tree.syslogDir, "syslog.log.2"), text(history)); // rotated before the watch: not ours
    const first = lines("A", 1, 10);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, first);

    // All in one turn of this process: the watcher has no chance to open the new file before it is emptied.
    renameSync(tree.syslog, join(tree.syslogDir, "syslog.log.0"));
    const unseen = lines("B", 1, 200);
    writeFileSync(tree.syslog, text(unseen));
    copyFileSync(tree.syslog, join(tree.syslogDir, "syslog.log.1"));
    truncateSync(tree.syslog, 0);
    const after = lines("C", 1, 10);
    appendFileSync(tree.syslog, text(after));

    await waitForExactly(tree.db, [...first, ...unseen, ...after]);
    expect(await watcher.stop()).toBe(0);
  });

  it("truncation: to empty then short content, and to content longer than what was read (seen by the head fingerprint)", async () => {
    const tree = nodeTree();
    const first = lines("A", 1, 20);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, first);

    truncateSync(tree.syslog, 0);
    const short = lines("B", 1, 3);
    appendFileSync(tree.syslog, text(short));
    await waitForExactly(tree.db, [...first, ...short]);

    // Rewritten at once with more bytes than had been read: only the head says it is new content.
    const longer = lines("C", 1, 150); // over 4 KiB: the head fingerprint is full size
    writeFileSync(tree.syslog, text(longer));
    await waitForExactly(tree.db, [...first, ...short, ...longer]);

    // Rewritten shorter with the very same first 4 KiB: a new file to us (its lines were written again).
    const again = [...longer.slice(0, 130), ...lines("D", 1, 2)];
    writeFileSync(tree.syslog, text(again));
    await waitForExactly(tree.db, [...first, ...short, ...longer, ...again]);
    expect(await watcher.stop()).toBe(0);
  });

  it("delete and recreate: the deleted file is drained through the open descriptor, the new one read from its start", async () => {
    const tree = nodeTree();
    const first = lines("A", 1, 20);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, first);

    const last = lines("B", 1, 5);
    appendFileSync(tree.syslog, text(last));
    unlinkSync(tree.syslog);
    const recreated = lines("C", 1, 15);
    writeFileSync(tree.syslog, text(recreated));

    await waitForExactly(tree.db, [...first, ...last, ...recreated]);
    expect(await watcher.stop()).toBe(0);
  });

  it("a partial last line is held (not stored, not in the checkpoint) until its newline arrives", async () => {
    const tree = nodeTree();
    const whole = syslogLine("app[1]: whole line");
    writeFileSync(tree.syslog, `${whole}\n`);
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, [whole]);

    const completed = syslogLine("app[1]: first half and the second half");
    const cut = completed.indexOf(" and the");
    appendFileSync(tree.syslog, completed.slice(0, cut));
    const pending = await waitUntil(() => {
      const [file] = query<{ pending: string | null; offset: number }>(tree.db, "SELECT pending, offset FROM file");
      return file?.pending ? file : undefined;
    }, "the partial line in the checkpoint");
    expect(pending.pending).toBe(completed.slice(0, cut));
    expect(pending.offset).toBe(Buffer.byteLength(`${whole}\n`));
    expect(storedTexts(tree.db)).toEqual([whole]);

    appendFileSync(tree.syslog, `${completed.slice(cut)}\n`);
    await waitForExactly(tree.db, [whole, completed]);
    expect(await watcher.stop()).toBe(0);
  });

  it("kill -9 mid-stream, writes go on, restart: resumes from the committed checkpoint", async () => {
    const tree = nodeTree();
    const all = lines("K", 1, 3000);
    writeFileSync(tree.syslog, "");
    const first = await startWatch(["--db", tree.db, "--root", tree.root]);
    let written = 0;
    const writeSome = (count: number): void => {
      appendFileSync(tree.syslog, text(all.slice(written, written + count)));
      written += count;
    };
    writeSome(500);
    await waitUntil(() => (storedTexts(tree.db).length > 0 ? true : undefined), "the first lines stored");
    writeSome(700); // the watcher is reading these when it dies
    first.process.kill("SIGKILL");
    await first.exited;
    writeSome(900);
    const second = await startWatch(["--db", tree.db, "--root", tree.root]); // the stale lock is taken over
    writeSome(all.length - written);
    await waitForExactly(tree.db, all);
    const lineNumbers = query<{ line_no: number }>(tree.db, "SELECT line_no FROM log_lines ORDER BY line_no").map((row) => row.line_no);
    expect(lineNumbers).toEqual(all.map((_, index) => index + 1));
    expect(await second.stop()).toBe(0);
  });

  it("kill -9, then the file is rotated while nobody watches: the restart finishes the rotated file first", async () => {
    const tree = nodeTree();
    const first = lines("A", 1, 20);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, first);
    watcher.process.kill("SIGKILL");
    await watcher.exited;

    const unread = lines("B", 1, 10);
    appendFileSync(tree.syslog, text(unread));
    renameSync(tree.syslog, join(tree.syslogDir, "OLDsyslog.log"));
    const fresh = lines("C", 1, 10);
    writeFileSync(tree.syslog, text(fresh));
    const restarted = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, [...first, ...unread, ...fresh]);
    expect(await restarted.stop()).toBe(0);
  });

  it("--poll (NFS): rename rotation and truncation without inotify", async () => {
    const tree = nodeTree();
    const first = lines("A", 1, 10);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root, "--poll"]);
    await waitForExactly(tree.db, first);
    const writer = openSync(tree.syslog, "a");
    renameSync(tree.syslog, join(tree.syslogDir, "OLDsyslog.log"));
    const late = lines("B", 1, 5);
    writeSync(writer, text(late));
    closeSync(writer);
    const fresh = lines("C", 1, 10);
    writeFileSync(tree.syslog, text(fresh));
    await waitForExactly(tree.db, [...first, ...late, ...fresh]);
    truncateSync(tree.syslog, 0);
    const rewritten = lines("D", 1, 3);
    appendFileSync(tree.syslog, text(rewritten));
    await waitForExactly(tree.db, [...first, ...late, ...fresh, ...rewritten]);
    expect(await watcher.stop()).toBe(0);
  });

  it("at start, package logs are read before the syslog: the syslog's year-less lines take the banner's year", async () => {
    const tree = nodeTree();
    const folder = join(tree.cmcluster, "oldpkg");
    mkdirSync(folder);
    // A copy of an old incident: the files' mtime is today, the banner says 2021.
    const packageLines = [
      '\t########### Node "nodeB1": Starting package at Mon Nov 15 10:00:00 UTC 2021 ###########',
      'Nov 15 10:00:05 - Node "nodeB1": Activating volume group vg01 with exclusive option.',
    ];
    const syslogLines = Array.from({ length: 200 }, (_, index) => `Nov 15 10:01:00 nodeB1 app[1]: line ${index} of the old incident`);
    writeFileSync(join(folder, "oldpkg.log"), text(packageLines));
    writeFileSync(tree.syslog, text(syslogLines));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    await waitForExactly(tree.db, [...packageLines, ...syslogLines]);
    const years = query<{ year: string; n: number }>(
      tree.db,
      "SELECT substr(l.ts, 1, 4) AS year, count(*) AS n FROM log_lines l WHERE l.file IN (SELECT path FROM file WHERE kind = 'syslog') GROUP BY year",
    );
    expect(years).toEqual([{ year: "2021", n: 200 }]);
    expect(await watcher.stop()).toBe(0);
  });

  it("a new package folder and its log are picked up; a second watch on the same database is refused", async () => {
    const tree = nodeTree();
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    const folder = join(tree.cmcluster, "newpkg");
    mkdirSync(folder);
    const packageLines = ['Nov 25 04:00:01 - Node "nodeB1": Starting package newpkg', 'Nov 25 04:00:02 - Node "nodeB1": step two'];
    writeFileSync(join(folder, "newpkg.log"), text(packageLines));
    await waitForExactly(tree.db, packageLines);
    const [file] = query<{ package_hint: string; kind: string }>(tree.db, "SELECT package_hint, kind FROM file");
    expect(file).toEqual({ package_hint: "newpkg", kind: "pkglog" });

    const second = await startWatch(["--db", tree.db, "--root", tree.root]).then(
      () => {
        throw new Error("a second watch started");
      },
      (error: Error) => error.message,
    );
    expect(second).toMatch(/exited with 3 .*being written by mcadvisor watch/s);
    expect(await watcher.stop()).toBe(0);
  });
});

describe("watch: under a stream of writes", () => {
  it("rotations of every kind while lines keep coming: each line stored once", async () => {
    const tree = nodeTree();
    writeFileSync(tree.syslog, "");
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
    const expected: string[] = [];
    let writer = openSync(tree.syslog, "a");
    let serial = 0;
    const write = (count: number): void => {
      const batch = lines(`S${serial++}-`, 1, count);
      writeSync(writer, text(batch));
      expected.push(...batch);
    };
    const turn = (): Promise<void> => new Promise((resolveTurn) => setImmediate(resolveTurn));
    for (let round = 0; round < 4; round++) {
      for (let step = 0; step < 20; step++) {
        write(25);
        await turn();
      }
      const rotated = join(tree.syslogDir, `syslog.log.${round}`);
      if (round % 2 === 0) {
        renameSync(tree.syslog, rotated); // rename rotation, the writer still on the old file for a moment
        write(10);
        closeSync(writer);
        writer = openSync(tree.syslog, "a");
      } else {
        copyFileSync(tree.syslog, rotated); // copytruncate
        ftruncateSync(writer, 0);
      }
    }
    write(50);
    closeSync(writer);
    await waitForExactly(tree.db, expected);
    expect(await watcher.stop()).toBe(0);
  });

  it("PATHs: a followed folder holding both syslog.log and, after rotation, OLDsyslog.log reads each line once", async () => {
    const tree = nodeTree();
    const first = lines("A", 1, 10);
    writeFileSync(tree.syslog, text(first));
    const watcher = await startWatch(["--db", tree.db, tree.syslogDir]);
    await waitForExactly(tree.db, first);
    const writer = openSync(tree.syslog, "a");
    renameSync(tree.syslog, join(tree.syslogDir, "OLDsyslog.log")); // OLDsyslog.log is itself followed: the open reader is adopted
    const late = lines("B", 1, 10);
    writeSync(writer, text(late));
    const fresh = lines("C", 1, 10);
    writeFileSync(tree.syslog, text(fresh));
    await waitForExactly(tree.db, [...first, ...late, ...fresh]);
    const later = lines("D", 1, 5); // long after the rename: still read, since the folder's files are all followed
    writeSync(writer, text(later));
    closeSync(writer);
    await waitForExactly(tree.db, [...first, ...late, ...fresh, ...later]);
    // The rotated file's row takes its new name when OLDsyslog.log's own event arrives, which under load
    // may come after its lines were read through the old path's reader: waited for, not raced.
    const renamed = [join(tree.syslogDir, "OLDsyslog.log"), tree.syslog];
    const paths = await waitUntil(() => {
      const now = query<{ path: string }>(tree.db, "SELECT path FROM file ORDER BY id").map((row) => row.path);
      return now.join("\n") === renamed.join("\n") ? now : undefined;
    }, "the rotated file's row renamed to OLDsyslog.log").catch(() =>
      query<{ path: string }>(tree.db, "SELECT path FROM file ORDER BY id").map((row) => row.path),
    );
    expect(paths).toEqual(renamed);
    expect(await watcher.stop()).toBe(0);
  });

  it("folders that do not exist yet are picked up when they appear", async () => {
    const tree = nodeTree();
    const root = join(tree.root, "..", "later");
    const watcher = await startWatch(["--db", tree.db, "--root", root]);
    mkdirSync(join(root, "var", "adm", "syslog"), { recursive: true });
    mkdirSync(join(root, "etc", "cmcluster", "pkg1"), { recursive: true });
    const syslog = lines("A", 1, 3);
    writeFileSync(join(root, "var", "adm", "syslog", "syslog.log"), text(syslog));
    const packageLog = ['Nov 25 04:00:01 - Node "later": Starting package pkg1'];
    writeFileSync(join(root, "etc", "cmcluster", "pkg1", "pkg1.log"), text(packageLog));
    await waitForExactly(tree.db, [...syslog, ...packageLog]);
    expect(await watcher.stop()).toBe(0);
  });
});

describe("watch: findings", () => {
  it("a finding raised live is the one analyze produces from the same saved files", async () => {
    const tree = nodeTree();
    writeFileSync(tree.syslog, `${syslogLine("syslogd: restart")}\n`);
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root, "--format", "json", "--tz", "UTC"]);
    appendFileSync(tree.syslog, `${syslogLine("root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1")}\n`);
    const printed = JSON.parse(await watcher.waitForStdout((line) => line.includes("restart-raid-manager"))) as Record<string, unknown>;
    expect(printed).toMatchObject({ change: "opened", action: "restart-raid-manager", status: "open", severity: "critical", deviceGroup: "dbdg" });
    const stored = query<{ id: string; status: string }>(tree.db, "SELECT id, status FROM finding");
    expect(stored).toEqual([{ id: printed.id, status: "open" }]);

    // The instance is restarted on that node: the finding resolves, live, with the same id.
    appendFileSync(tree.syslog, `${syslogLine("horcmstart.sh[4242]: HORCM inst 1 starts successfully.")}\n`);
    const resolved = JSON.parse(await watcher.waitForStdout((line) => line.includes('"resolved"'))) as Record<string, unknown>;
    expect(resolved).toMatchObject({ change: "resolved", id: printed.id, status: "resolved" });
    expect(query<{ status: string }>(tree.db, "SELECT status FROM finding")).toEqual([{ status: "resolved" }]);
    expect(await watcher.stop()).toBe(0);

    const analyzed = runAnalyze(["--db", join(tree.root, "..", "analyze.db"), "--format", "json", "--tz", "UTC", tree.root]);
    const document = JSON.parse(analyzed.stdout) as { findings: Array<Record<string, unknown>> };
    const { change, ...live } = resolved;
    expect(change).toBe("resolved");
    expect(document.findings).toHaveLength(1);
    expect(document.findings[0]).toEqual(live);
  });
});

describe("watch: an analysis not finished", () => {
  it("a bundle an analyze left part way is finished by the watch that catches it up", async () => {
    const tree = nodeTree();
    const first = [syslogLine("cmcld[2048]: Started package oracle_pkg on node nodeB1."), ...lines("A", 1, 40)];
    writeFileSync(tree.syslog, text(first));
    const analyzed = runAnalyze(["--db", tree.db, "--tz", "UTC", tree.root]);
    expect(analyzed.code, analyzed.stderr).not.toBe(3);
    // As a killed analyze leaves it: begun, never finished, its process gone.
    const writer = new Database(tree.db);
    writer.prepare("UPDATE analysis SET finished_at = NULL, pid = 2147483646").run();
    writer.close();
    const more = lines("B", 1, 40);
    appendFileSync(tree.syslog, text(more));
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root, "--tz", "UTC"]);
    await waitForExactly(tree.db, [...first, ...more]);
    await waitUntil(
      () => (query<{ n: number }>(tree.db, "SELECT count(*) AS n FROM analysis WHERE finished_at IS NULL")[0].n === 0 ? true : undefined),
      "the analysis finished",
    );
    expect(await watcher.stop()).toBe(0);
    expect(query<{ command: string }>(tree.db, "SELECT command FROM analysis").map((row) => row.command)).toEqual(["watch"]);
  });
});
