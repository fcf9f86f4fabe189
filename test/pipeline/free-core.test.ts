/**
Whether analyze starts the parse worker (src/pipeline/parse-source.ts): the machine's idle cores are read from
/proc/stat between the start of the run and its first large file, so a load left by processes that have ended
does not keep the worker off, and cores that are busy now do.
*/
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { idleCores, inThread, ParseThreads, readCpuTicks, WORKER_FROM_BYTES } from "../../src/pipeline/parse-source.js";
import { tempDir } from "../helpers/temp.js";

const statLine = (user: number, nice: number, system: number, idle: number, iowait = 0): string =>
  `cpu  ${user} ${nice} ${system} ${idle} ${iowait} 0 7 0 0 0\ncpu0 1 2 3 4 5 6 7 0 0 0\nintr 1 2 3\n`;

describe("readCpuTicks", () => {
  it("sums the first eight counters of the machine's line, counts idle and iowait as idle, and the CPUs it sums", () => {
    const folder = tempDir();
    const stat = join(folder, "stat");
    writeFileSync(stat, statLine(100, 5, 20, 300, 10));
    expect(readCpuTicks(stat)).toEqual({ total: 100 + 5 + 20 + 300 + 10 + 7, idle: 310, cpus: 1 });
  });

  it("gives null for a file that is missing or not /proc/stat, so the load average decides", () => {
    const folder = tempDir();
    expect(readCpuTicks(join(folder, "absent"))).toBeNull();
    writeFileSync(join(folder, "other"), "MemTotal: 1 kB\n");
    expect(readCpuTicks(join(folder, "other"))).toBeNull();
    writeFileSync(join(folder, "cut"), "cpu  12 x\n");
    expect(readCpuTicks(join(folder, "cut"))).toBeNull();
  });

  it("reads this machine's counters where there is a /proc", () => {
    const ticks = readCpuTicks();
    if (ticks === null) return;
    expect(ticks.total).toBeGreaterThan(0);
    expect(ticks.idle).toBeLessThanOrEqual(ticks.total);
  });
});

describe("idleCores", () => {
  it("is the idle share of the ticks between two readings, in cores", () => {
    // Two cores, 200 ticks in the window, 100 idle: one core idle (this thread had the other).
    expect(idleCores({ total: 1000, idle: 400, cpus: 2 }, { total: 1200, idle: 500, cpus: 2 })).toBe(1);
    // A burner beside this thread: nothing idle.
    expect(idleCores({ total: 1000, idle: 400, cpus: 2 }, { total: 1200, idle: 400, cpus: 2 })).toBe(0);
    // The share is of the CPUs the counters sum: half of 8 idle is 4 cores.
    expect(idleCores({ total: 0, idle: 0, cpus: 8 }, { total: 800, idle: 400, cpus: 8 })).toBe(4);
  });

  it("says nothing from a window of fewer than ten ticks", () => {
    expect(idleCores({ total: 1000, idle: 400, cpus: 2 }, { total: 1009, idle: 409, cpus: 2 })).toBeNull();
  });
});

describe("ParseThreads", () => {
  it("parses small files on this thread unless the worker is forced", async () => {
    const threads = new ParseThreads("auto");
    expect(await threads.sourceFor(WORKER_FROM_BYTES - 1)).toBe(inThread);
    expect(await new ParseThreads("main").sourceFor(WORKER_FROM_BYTES * 4)).toBe(inThread);
    await threads.close();
  });
});
