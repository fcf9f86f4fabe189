import { appendFileSync, copyFileSync, renameSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeTree, startWatch, storedTexts, waitUntil } from "./harness.js";

// Exactly once must not depend on lines being unique: a log that repeats itself byte for byte (the same
// 4,000 lines again and again) is stored as often as it was written, through kill -9 and rotation.

const BURST = Array.from({ length: 4000 }, (_, index) => `line ${index + 1}`);
const text = (entries: readonly string[]): string => entries.map((entry) => `${entry}\n`).join("");

describe("watch: identical content", () => {
  it.each(["rename", "copytruncate"])(
    "five bursts of the same 4,000 lines, kill -9 during each, a %s rotation after the third: 20,000 lines, each text 5 times",
    async (rotation) => {
      const tree = nodeTree();
      writeFileSync(tree.syslog, "");
      let written = 0;
      for (let burst = 1; burst <= 5; burst++) {
        const watcher = await startWatch(["--db", tree.db, "--root", tree.root]);
        // The first half, then kill -9 while the second half is being written and read.
        appendFileSync(tree.syslog, text(BURST.slice(0, 2000)));
        await waitUntil(() => (storedTexts(tree.db).length > written ? true : undefined), `burst ${burst} being read`);
        appendFileSync(tree.syslog, text(BURST.slice(2000)));
        watcher.process.kill("SIGKILL");
        await watcher.exited;
        written += BURST.length;
        if (burst === 3 && rotation === "rename") {
          renameSync(tree.syslog, join(tree.syslogDir, "syslog.log.1"));
          writeFileSync(tree.syslog, "");
        } else if (burst === 3) {
          copyFileSync(tree.syslog, join(tree.syslogDir, "syslog.log.1"));
          truncateSync(tree.syslog, 0);
        }
      }
      const last = await startWatch(["--db", tree.db, "--root", tree.root]);
      let stored: string[] = [];
      try {
        await waitUntil(() => {
          stored = storedTexts(tree.db);
          return stored.length >= written ? true : undefined;
        }, "every burst stored");
      } catch {
        // the assertion below says what is missing
      }
      await new Promise((resolveLater) => setTimeout(resolveLater, 1500)); // a duplicate would show now
      stored = storedTexts(tree.db);
      expect(await last.stop()).toBe(0);
      const counts = new Map<string, number>();
      for (const line of stored) counts.set(line, (counts.get(line) ?? 0) + 1);
      expect(stored.length).toBe(20_000);
      expect([...counts.values()].every((count) => count === 5)).toBe(true);
      expect(counts.size).toBe(4000);
    },
  );
});
