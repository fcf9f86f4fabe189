import { describe, expect, it } from "vitest";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createProgress } from "../../src/present/progress.js";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { loadRules } from "../../src/catalogue/load.js";
import { tempDir } from "../helpers/temp.js";

function fakeTerminal(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe("the progress bar", () => {
  it("draws bytes and lines/s once the work has taken over a second, and clears its line at the end", () => {
    let clock = 0;
    const stderr = fakeTerminal(true);
    const progress = createProgress(stderr, () => clock, { isTTY: true });
    progress.update({ bytesDone: 1, bytesTotal: 4 * 1048576, lines: 10 });
    expect(stderr.written).toEqual([]);
    clock = 2000;
    progress.update({ bytesDone: 2 * 1048576, bytesTotal: 4 * 1048576, lines: 50_000 });
    expect(stderr.written.at(-1)).toContain("2.0/4.0 MB  25,000 lines/s");
    progress.done();
    expect(stderr.written.at(-1)).toBe("\r\u001b[K");
  });

  it("stays silent when stdout is not a terminal (analyze > file), even if stderr is one", () => {
    let clock = 0;
    const stderr = fakeTerminal(true);
    const progress = createProgress(stderr, () => clock, { isTTY: false });
    clock = 5000;
    progress.update({ bytesDone: 1, bytesTotal: 2, lines: 1 });
    progress.done();
    expect(stderr.written).toEqual([]);
  });
});

describe("analyze reports progress inside a long file", () => {
  it("the line count grows while a single file is still being read", async () => {
    const root = tempDir();
    const folder = join(root, "bundle", "nodeA1", "var", "adm", "syslog");
    mkdirSync(folder, { recursive: true });
    const lines = Array.from(
      { length: 20_000 },
      (_, index) =>
        `Nov  8 10:${String(Math.floor(index / 600) % 60).padStart(2, "0")}:00 nodeA1 sshd[${index}]: Accepted publickey for operator from 10.0.0.1 port ${index}`,
    );
    writeFileSync(join(folder, "syslog.log"), `${lines.join("\n")}\n`);
    const store = new Store(openDatabase(join(root, "db.sqlite")));
    const seen: { bytesDone: number; bytesTotal: number; lines: number }[] = [];
    try {
      await analyzePaths(store, {
        paths: [join(root, "bundle")],
        rules: loadRules([]).rules,
        batchLines: 500,
        fixedYear: 2026,
        onProgress: (state) => seen.push(state),
      });
    } finally {
      store.close();
    }
    const midFile = seen.filter((state) => state.bytesDone < state.bytesTotal && state.lines > 0);
    expect(midFile.length).toBeGreaterThan(0);
  });
});
