import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeTree, startWatch, syslogLine } from "../watch/harness.js";
import { waitFor } from "../helpers/wait.js";

const changesIn = (file: string): Array<Record<string, unknown>> =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>)
    : [];

describe("watch --emit", () => {
  it("a line appended to a followed log gives its change in the jsonl file, as the same line watch --format json prints", async () => {
    const tree = nodeTree();
    writeFileSync(tree.syslog, `${syslogLine("syslogd: restart")}\n`);
    const changes = join(tree.root, "..", "changes.jsonl");
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root, "--format", "json", "--tz", "UTC", "--emit", `jsonl:${changes}`]);
    appendFileSync(tree.syslog, `${syslogLine("root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1")}\n`);

    const [opened] = await waitFor(() => {
      const written = changesIn(changes);
      return written.length > 0 ? written : undefined;
    }, `the change in ${changes} (watch stderr: ${watcher.stderr()})`);
    expect(opened).toMatchObject({
      change: "opened",
      action: "restart-raid-manager",
      severity: "critical",
      status: "open",
      deviceGroup: "dbdg",
      node: "nodeB1",
    });
    const printed = JSON.parse(await watcher.waitForStdout((line) => line.includes("restart-raid-manager"))) as Record<string, unknown>;
    expect(opened).toEqual(printed);

    appendFileSync(tree.syslog, `${syslogLine("horcmstart.sh[4242]: HORCM inst 1 starts successfully.")}\n`);
    await waitFor(() => (changesIn(changes).length === 2 ? true : undefined), "the resolution in the jsonl file");
    expect(changesIn(changes)[1]).toMatchObject({ change: "resolved", id: opened.id, status: "resolved" });
    expect(await watcher.stop()).toBe(0);
    expect(watcher.stderr()).not.toContain("cannot");
  });
});
