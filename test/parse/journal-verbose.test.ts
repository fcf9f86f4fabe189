// `journalctl -o verbose` (src/parse/journal-verbose.ts): each MESSAGE is read as its entry, dated by the record line's
// cursor (t=, microseconds since the epoch), with the identifier and pid above it; the other fields carry nothing, and
// an entry split across a resumption reads the same (round 80 #07: the entries were untimed facts, replayed first).
import { describe, expect, it } from "vitest";
import { createFileParser } from "../../src/parse/index.js";
import { headIsJournalVerbose } from "../../src/parse/journal-verbose.js";
import { classify } from "../../src/ingest/discover.js";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const at = (iso: string): string => (Date.parse(iso) * 1000).toString(16);
const record = (iso: string, shown: string): string =>
  `${shown} [s=07eeb81c3b8fcd4c5540ffc2df67fd33;i=5a3f1e;b=f64172419f930bfc0b1bbd2dac99f4d3;m=1ad655b2b;t=${at(iso)};x=95d58f533430ce8d]`;

const EXPORT = [
  `# journalctl -o verbose -t cadgmon --since "2026-01-27 13:00"`,
  record("2026-01-27T12:00:04.068Z", "Tue 2026-01-27 13:00:04.068139 CET"),
  "    PRIORITY=6",
  "    SYSLOG_IDENTIFIER=cadgmon",
  "    SYSLOG_PID=178247",
  "    MESSAGE=payhub_dg P-VOL PSUE fence=NEVER MINAP=0 copy%=-",
  "    _HOSTNAME=ams-pay1",
  "    _COMM=logger",
  record("2026-01-27T13:26:04.000Z", "Tue 2026-01-27 14:26:04.000000 CET"),
  "    SYSLOG_IDENTIFIER=cadgmon",
  "    MESSAGE=payhub_dg P-VOL PAIR fence=NEVER MINAP=2 copy%=100",
  "    _HOSTNAME=ams-pay1",
];

const parser = (resume?: ReturnType<ReturnType<typeof createFileParser>["context"]>) =>
  createFileParser({ path: "journal-verbose.txt", kind: "syslog", hostHint: "ams-pay1", yearFor: () => 2026, timeZone: "UTC", resume });

describe("journalctl -o verbose", () => {
  it("reads each MESSAGE as its entry: the cursor's time, the identifier above it, the file's node", () => {
    const file = parser();
    const lines = EXPORT.map((text) => file.parseLine(text));
    const states = lines.flatMap((line) => line.events.filter((event) => event.kind === "pair.state").map((event) => ({ line, event })));
    expect(states.map(({ line, event }) => [line.ts, line.host, line.program, event.deviceGroup, event.fields?.state])).toEqual([
      [Date.UTC(2026, 0, 27, 12, 0, 4, 68), "ams-pay1", "cadgmon", "payhub_dg", "PSUE"],
      [Date.UTC(2026, 0, 27, 13, 26, 4), "ams-pay1", "cadgmon", "payhub_dg", "PAIR"],
    ]);
    // The fields around the message carry nothing; they are dated by their entry.
    expect(lines[7].events).toEqual([]);
    expect(lines[7].ts).toBe(Date.UTC(2026, 0, 27, 12, 0, 4, 68));
  });

  it("reads an entry split by a resumption as one read whole", () => {
    const whole = parser();
    const expected = EXPORT.map((text) => whole.parseLine(text));
    for (let cut = 1; cut < EXPORT.length; cut++) {
      const first = parser();
      const before = EXPORT.slice(0, cut).map((text) => first.parseLine(text));
      const saved = JSON.parse(JSON.stringify(first.context()));
      const second = parser(saved);
      const after = EXPORT.slice(cut).map((text) => second.parseLine(text));
      expect(
        [...before, ...after].map((line) => [line.ts, line.events]),
        `cut at ${cut}`,
      ).toEqual(expected.map((line) => [line.ts, line.events]));
    }
  });

  it("is found by its first record line, whatever the file is called", () => {
    expect(headIsJournalVerbose(EXPORT.slice(1).join("\n"))).toBe(true);
    expect(headIsJournalVerbose("Jan 27 13:00:04 ams-pay1 cadgmon[1]: payhub_dg P-VOL PAIR\n")).toBe(false);
    const folder = mkdtempSync(join(tmpdir(), "mcadvisor-verbose-"));
    try {
      const path = join(folder, "ams-pay1", "cadgmon-entries.out");
      mkdirSync(join(folder, "ams-pay1"), { recursive: true });
      writeFileSync(path, EXPORT.slice(1).join("\n") + "\n");
      expect(classify(path, false)).toBe("syslog");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
