import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import { writeFileAt } from "../helpers/files.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
Writes `files` (paths under an incident folder `inc`) into a new temporary folder, analyzes `inc` with `--year` and
UTC, and returns the rows `sql` selects from the store.
*/
async function analyzedRows<Row>(
  files: Record<string, string | Buffer>,
  options: { fixedYear: number; parseThread: "main" | "worker" },
  sql: string,
): Promise<Row[]> {
  const root = mkdtempSync(join(tmpdir(), "mcadvisor-year-"));
  folders.push(root);
  for (const [relative, content] of Object.entries(files)) writeFileAt(join(root, "inc"), relative, content);
  const store = new Store(openDatabase(join(root, "db.sqlite")));
  try {
    await analyzePaths(store, { paths: [join(root, "inc")], rules: [], timeZone: "UTC", ...options });
    return store.database.prepare(sql).all() as Row[];
  } finally {
    store.close();
  }
}

const lines = [
  "Dec  2 05:30:09 nodeA1 cron[101]: (root) CMD (/usr/local/bin/backup.sh)",
  "Dec 31 23:59:58 nodeA1 ntpd[402]: synchronized to 10.0.0.1, stratum 2",
  "Jan  1 00:41:07 nodeA1 cmcld[2977]: Package pkgA run script exited with NO_RESTART.",
];

describe("the year of an archive's year-less lines", () => {
  it("keeps December in the year before when the archive runs into January, whole or cut short", async () => {
    for (const cut of [false, true]) {
      const archive = gzipSync(Buffer.from(`${lines.join("\n")}\n`));
      // A truncated copy: the deflate stream stops before its end (the trailer and the last bytes are missing).
      const stamps = await analyzedRows<{ ts: string | null }>(
        { "nodeA1/var/adm/syslog/OLDsyslog.log.gz": cut ? archive.subarray(0, archive.length - 12) : archive },
        { fixedYear: 2026, parseThread: "main" },
        "SELECT ts FROM log_lines ORDER BY line_no",
      );
      expect(stamps.map((row) => row.ts?.slice(0, 4))).toEqual(cut ? ["2025", "2025", "2026"].slice(0, stamps.length) : ["2025", "2025", "2026"]);
      expect(stamps.length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("--year dates a bundle's newest lines", () => {
  it.each(["main", "worker"] as const)(
    "a package log last written in December, beside syslogs running to January of that year, is dated the year before (%s thread)",
    async (parseThread) => {
      const stamps = await analyzedRows<{ ts: string }>(
        {
          "nodeA2/etc/cmcluster/pkgA/pkgA.cntl.log":
            'Dec  8 04:31:00 - Node "nodeA2": Starting package pkgA\nDec  8 04:31:30 - Node "nodeA2": Package pkgA started\n',
          "nodeA1/var/adm/syslog/syslog.log":
            "Jan 22 13:12:55 nodeA1 cmcld[2677]: Timed out node nodeA2. It may have failed.\nJan 22 13:14:16 nodeA1 cmcld[2677]: Started package pkgA on node nodeA1.\n",
        },
        { fixedYear: 2025, parseThread },
        "SELECT ts FROM log_lines ORDER BY ts",
      );
      expect(stamps.map((row) => row.ts.slice(0, 10))).toEqual(["2024-12-08", "2024-12-08", "2025-01-22", "2025-01-22"]);
    },
  );
});

describe("saved outputs dated by their names", () => {
  it.each(["main", "worker"] as const)(
    "reads two with the same content and different times as two readings, each at its own time (parsed on the %s thread)",
    async (parseThread) => {
      const output = [
        "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M",
        "oradg   ora01(L)     (CL1-A , 1,  0)20118    64.P-VOL PSUE NEVER ,  100   320 -",
        "oradg   ora01(R)     (CL1-B , 1,  0)20230   320.S-VOL PSUE NEVER ,  100    64 -",
        "",
      ].join("\n");
      const stamps = await analyzedRows<{ ts: string }>(
        { "nodeA1/home/ops/pairdisplay_20261116_0930.txt": output, "nodeA1/home/ops/pairdisplay_20261116_1600.txt": output },
        { fixedYear: 2026, parseThread },
        "SELECT DISTINCT ts FROM log_lines ORDER BY ts",
      );
      expect(stamps.map((row) => row.ts)).toEqual(["2026-11-16T09:30:59", "2026-11-16T16:00:59"]);
    },
  );
});
