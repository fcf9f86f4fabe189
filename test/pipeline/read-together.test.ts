/**
A bundle's large year-less syslogs are read side by side, paced by their time (src/pipeline/pacer.ts), and the
bundle's correlator feeds the rules as soon as no file can still bring an earlier event (src/pipeline/correlate.ts):
the findings are stored while the files are read, and the run ends with exactly the findings of a replay.
*/
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateBundle } from "../../bench/lib/generate.mjs";
import { loadRules } from "../../src/catalogue/load.js";
import { READ_AT_ONCE_BYTES } from "../../src/ingest/source.js";
import { analyzePaths } from "../../src/pipeline/analyze.js";
import { BundleCorrelator, correlateBundle } from "../../src/pipeline/correlate.js";
import { Pacer } from "../../src/pipeline/pacer.js";
import { openDatabase } from "../../src/store/db.js";
import { Store } from "../../src/store/store.js";
import type { Finding } from "../../src/model/findings.js";
import { samplesDirectory } from "../helpers/samples-files.js";
import { tempDir } from "../helpers/temp.js";

const { rules } = loadRules([], { collectErrors: true });

/** The bench's 4-node incident bundle (samples/links-fence-never-primary-restart in generated traffic), each syslog over READ_AT_ONCE_BYTES. */
function largeBundle(): string {
  const directory = join(tempDir("mcadvisor-together-"), "incident");
  generateBundle({ directory, samplesDirectory, lines: 48_000, seed: "read-together" });
  for (const node of readdirSync(directory)) {
    const syslog = join(directory, node, "var", "adm", "syslog", "syslog.log");
    expect(statSync(syslog).size, syslog).toBeGreaterThan(READ_AT_ONCE_BYTES);
  }
  return directory;
}

interface Run {
  store: Store;
  bundle: string;
  findings: Finding[];
  path: string;
  /** Whether the events were fed in replay order to the end (no file stepped back below what was fed). */
  inOrder: boolean;
  /** The findings stored before the bundle was concluded, each time they changed. */
  storedEarly: Finding[][];
}

async function analyze(directory: string, database: string): Promise<Run> {
  const store = new Store(openDatabase(database));
  const storedEarly: Finding[][] = [];
  let concluding = false;
  const replace = store.replaceFindings.bind(store);
  store.replaceFindings = (bundle, findings) => {
    if (!concluding) storedEarly.push([...findings]);
    replace(bundle, findings);
  };
  let path = "";
  let inOrder = false;
  const original = BundleCorrelator.prototype.conclude;
  BundleCorrelator.prototype.conclude = function (this: BundleCorrelator, concludeStore: Store) {
    concluding = true;
    const findings = original.call(this, concludeStore);
    path = this.path;
    inOrder = this.inOrder;
    return findings;
  };
  try {
    const result = await analyzePaths(store, { paths: [directory], rules, timeZone: "UTC", fixedYear: 2026 });
    expect(result.bundles).toHaveLength(1);
    const bundle = result.bundles[0];
    return { store, bundle, findings: correlateBundleFindings(store, bundle), path, inOrder, storedEarly };
  } finally {
    BundleCorrelator.prototype.conclude = original;
  }
}

/** What the run stored, read back as the report reads it: the replay must give the same. */
function correlateBundleFindings(store: Store, bundle: string): Finding[] {
  return store.database
    .prepare("SELECT id, action, status, first_seen AS firstSeen, last_seen AS lastSeen, evidence FROM finding WHERE bundle = ? ORDER BY id")
    .all(bundle) as Finding[];
}

function stored(findings: readonly Finding[]): unknown[] {
  return findings.map((finding) => ({
    id: finding.id,
    action: finding.action,
    status: finding.status,
    firstSeen: finding.firstSeen,
    lastSeen: finding.lastSeen,
    evidence: JSON.stringify(finding.evidence),
  }));
}

describe("a bundle's large syslogs read side by side", () => {
  it("stores the finding while the files are read, and ends with the replay's findings and every line", async () => {
    const directory = largeBundle();
    const run = await analyze(directory, join(tempDir(), "a.db"));
    expect(run.inOrder).toBe(true);
    // The package configuration is the same file on every node, stored once under the path read last: its events
    // were renamed before they were fed, so the fed engine's findings are the bundle's.
    expect(run.path).toBe("fed");
    // Concluded while reading: the open full-resync was stored before the run's end.
    expect(run.storedEarly.some((findings) => findings.some((finding) => finding.action === "full-resync" && finding.status === "open"))).toBe(true);
    expect(run.findings.map((finding) => finding.action)).toEqual(["full-resync"]);
    expect(stored(correlateBundle(run.store, run.bundle, rules))).toEqual(run.findings);
    // Every line of every file stored once.
    for (const file of run.store.filesOfBundle(run.bundle)) {
      if (file.path.endsWith(".gz")) continue;
      const lines = readFileSync(file.path, "utf8").split("\n").length - 1;
      expect(file.lineCount, file.path).toBe(lines);
    }
    run.store.close();
  }, 120_000);

  it("gives the same files the same ids and the same findings on every run", async () => {
    const directory = largeBundle();
    const first = await analyze(directory, join(tempDir(), "1.db"));
    const second = await analyze(directory, join(tempDir(), "2.db"));
    const ids = (run: Run) => run.store.filesOfBundle(run.bundle).map((file) => [file.id, file.path]);
    expect(ids(second)).toEqual(ids(first));
    expect(second.findings).toEqual(first.findings);
    first.store.close();
    second.store.close();
  }, 120_000);

  it("falls back to the merge when a file steps back below what was fed, with the replay's findings", async () => {
    const directory = largeBundle();
    // nodeB1's log ends with lines from the day before: they sort before events the rules were already fed.
    const syslog = join(directory, "nodeB1", "var", "adm", "syslog", "syslog.log");
    appendFileSync(
      syslog,
      "Nov 11 00:20:00 nodeB1 cmcld[2048]: Warning: cmcld was unable to run for the last 4.2 seconds. Consult the Managing Serviceguard manual for guidance.\n",
    );
    const run = await analyze(directory, join(tempDir(), "b.db"));
    expect(run.inOrder).toBe(false);
    expect(run.path).toBe("merged");
    expect(stored(correlateBundle(run.store, run.bundle, rules))).toEqual(run.findings);
    run.store.close();
  }, 120_000);
});

describe("large syslogs that begin alike", () => {
  it("reads a copy, a part or a .gz of another after it, never beside it (review: two readers of one stored file)", async () => {
    const directory = largeBundle();
    const a1 = join(directory, "nodeA1", "var", "adm", "syslog", "syslog.log");
    const text = readFileSync(a1);
    // nodeA2's log is nodeA1's (a loghost's file collected under each node), nodeB1's its first half, nodeB2's archive a copy.
    writeFileSync(join(directory, "nodeA2", "var", "adm", "syslog", "syslog.log"), text);
    writeFileSync(join(directory, "nodeB1", "var", "adm", "syslog", "syslog.log"), text.subarray(0, text.lastIndexOf(10, text.length >> 1) + 1));
    writeFileSync(join(directory, "nodeB2", "var", "adm", "syslog", "syslog.log.gz"), gzipSync(text));
    const run = await analyze(directory, join(tempDir(), "c.db"));
    expect(stored(correlateBundle(run.store, run.bundle, rules))).toEqual(run.findings);
    run.store.close();
  }, 120_000);
});

describe("a failure while the syslogs are read side by side", () => {
  it("is the run's error once every file stopped, never an unhandled rejection", async () => {
    const directory = largeBundle();
    const store = new Store(openDatabase(join(tempDir(), "f.db")));
    const append = store.appendLines.bind(store);
    let calls = 0;
    store.appendLines = (...args: Parameters<Store["appendLines"]>) => {
      // The disk fills on a syslog's batch while the other syslogs are still being read.
      if (store.fileById(args[0])?.path.endsWith("syslog.log") && ++calls === 1) throw new Error("database or disk is full");
      append(...args);
    };
    await expect(analyzePaths(store, { paths: [directory], rules, timeZone: "UTC", fixedYear: 2026 })).rejects.toThrow("database or disk is full");
    store.close();
  }, 120_000);
});

describe("the pacer of files read side by side", () => {
  it("lets the file that reached the earliest time go on, and the others when it passes them or leaves", async () => {
    const pacer = new Pacer();
    const [a, b, c] = [{}, {}, {}];
    for (const file of [a, b, c]) pacer.join(file);
    const went: string[] = [];
    const after = (name: string, file: object, ts: number | null): void => void pacer.after(file, ts).then(() => went.push(name));
    const settle = () => new Promise((resolve) => setImmediate(resolve));
    // a reached 10 while b and c stored nothing yet: a waits; so does b at 5 (c has stored nothing).
    after("a@10", a, 10);
    after("b@5", b, 5);
    await settle();
    expect(went).toEqual([]);
    // c reaches 20: b (5) is the earliest and goes on; a (10) and c wait for it.
    after("c@20", c, 20);
    await settle();
    expect(went).toEqual(["b@5"]);
    // b passes a: a goes on, b waits for a.
    after("b@12", b, 12);
    await settle();
    expect(went).toEqual(["b@5", "a@10"]);
    // A batch of no time leaves a at 10, still the earliest: it goes on.
    after("a@-", a, null);
    await settle();
    expect(went).toEqual(["b@5", "a@10", "a@-"]);
    // a leaves (read to its end): b goes; then b leaves: c goes.
    pacer.leave(a);
    await settle();
    expect(went).toEqual(["b@5", "a@10", "a@-", "b@12"]);
    pacer.leave(b);
    await settle();
    expect(went).toEqual(["b@5", "a@10", "a@-", "b@12", "c@20"]);
  });
});
