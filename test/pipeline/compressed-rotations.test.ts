import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { writeFileAt } from "../helpers/files.js";

// A SUSE node rotates its messages to .xz; a site's script may use bzip2. Their lines are read as a .gz's are,
// year and all, and a copy cut short keeps what it holds and is named.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

const rotated = [
  "Dec 31 23:58:01 lisa1 cmcld[2977]: Timed out node lisa2. It may have failed.",
  "Jan  1 00:02:10 lisa1 cmcld[2977]: Started package pkg_bill on node lisa1.",
];
const current = ["Jan  1 06:00:00 lisa1 syslogd: restart"];

async function analyzed(files: Record<string, Buffer | string>, parseThread: "main" | "worker") {
  const root = mkdtempSync(join(tmpdir(), "mcadvisor-xz-"));
  folders.push(root);
  for (const [relative, content] of Object.entries(files)) writeFileAt(join(root, "inc"), relative, content);
  const store = new Store(openDatabase(join(root, "db.sqlite")));
  try {
    const result = await analyzePaths(store, { paths: [join(root, "inc")], rules: [], timeZone: "UTC", fixedYear: 2026, parseThread });
    const stored = store.database.prepare("SELECT ts, text FROM log_lines ORDER BY ts, line_no").all() as { ts: string; text: string }[];
    return { stored, problems: result.problems.map((problem) => problem.message) };
  } finally {
    store.close();
  }
}

const compressed = (program: string, lines: readonly string[]): Buffer => execFileSync(program, ["-c"], { input: `${lines.join("\n")}\n` });

describe("rotations compressed with xz or bzip2", () => {
  it.each(["main", "worker"] as const)("are read as their plain text would be, December in the year before (%s thread)", async (parseThread) => {
    const { stored, problems } = await analyzed(
      {
        "lisa1/var/log/messages-20260101.xz": compressed("xz", rotated),
        "lisa1/var/log/messages": `${current.join("\n")}\n`,
        "lisa2/var/log/messages-20251231.bz2": compressed("bzip2", ["Dec 31 23:50:00 lisa2 cmcld[1888]: Member lisa1 seen"]),
      },
      parseThread,
    );
    expect(problems).toEqual([]);
    expect(stored.map((row) => [row.ts.slice(0, 10), row.text])).toEqual([
      ["2025-12-31", "Dec 31 23:50:00 lisa2 cmcld[1888]: Member lisa1 seen"],
      ["2025-12-31", rotated[0]],
      ["2026-01-01", rotated[1]],
      ["2026-01-01", current[0]],
    ]);
  });

  it("a copy cut short keeps the lines it holds and is named with xz's own words", async () => {
    const many = Array.from({ length: 4000 }, (_, index) => `Jan  1 00:${String(index % 60).padStart(2, "0")}:00 lisa1 app[1]: line ${index}`);
    const whole = compressed("xz", many);
    const { stored, problems } = await analyzed({ "lisa1/var/log/messages-20260101.xz": whole.subarray(0, Math.floor(whole.length / 2)) }, "main");
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(many.length);
    expect(problems.join("\n")).toMatch(/messages-20260101\.xz.*xz failed/);
  });
});
