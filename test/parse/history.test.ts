// A shell's history (grammars/history.ne for its times, grammars/shell.ne for its commands): a stamp dates the
// commands after it, an epoch second is read on UTC, and a line is a command only once, whatever it holds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFileParser, grammarNamed, parseHeader, runGrammar } from "../../src/parse/index.js";

describe("shell history", () => {
  it("reads any line of a history exactly one way (a stamp or a command typed), and any command line one way", () => {
    const header = grammarNamed("history")!;
    const shell = grammarNamed("shell")!;
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (line) => {
        expect(runGrammar(header, line)).toHaveLength(1);
        if (line.length > 0) expect(runGrammar(shell, line)).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it("gives back any epoch second after 2001 as its UTC time, with offset 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000_000_000, max: 4_102_444_799 }), fc.constantFrom("#", "# "), (seconds, lead) => {
        const header = parseHeader(`${lead}${seconds}`, "history")!;
        const time = new Date(seconds * 1000);
        expect(header).toMatchObject({
          shape: "banner",
          utcOffset: 0,
          instant: true,
          year: time.getUTCFullYear(),
          month: time.getUTCMonth() + 1,
          day: time.getUTCDate(),
        });
        expect(Date.UTC(header.year!, header.month! - 1, header.day!, header.hour, header.minute, header.second)).toBe(seconds * 1000);
      }),
      { numRuns: 200 },
    );
  });

  it("dates each command by the stamp before it, and an undated command before any stamp not at all", () => {
    const parser = createFileParser({ path: "root/.bash_history", kind: "history", hostHint: "pun-db1", yearFor: () => 2026 });
    expect(parser.parseLine("pairdisplay -g loans_jdg").ts).toBeNull();
    parser.parseLine("#1707218538");
    expect(parser.parseLine("horctakeover -g loans_jdg")).toMatchObject({
      ts: Date.UTC(2024, 1, 6, 11, 22, 18),
      host: "pun-db1",
      events: [
        { kind: "operator.command", fields: { command: "horctakeover", args: "-g loans_jdg", via: "shell" } },
        { kind: "takeover.requested", deviceGroup: "loans_jdg" },
      ],
    });
    // `history` output carries the node's own clock, zsh's extended history the epoch second.
    expect(parser.parseLine("  512  2024-02-06 16:52:18 pairresync -g loans_jdg -swaps").ts).toBe(Date.UTC(2024, 1, 6, 16, 52, 18));
    expect(parser.parseLine(": 1707218600:0;horcmshutdown.sh 4").events).toEqual([
      { kind: "operator.command", fields: { command: "horcmshutdown.sh", args: "4", user: null, runAs: null, via: "shell" } },
      { kind: "horcm.stopped", fields: { instance: 4 } },
    ]);
  });

  it("keeps the commands of a line with no time out of the timeline: untimed.<kind>, the same fields", () => {
    const parser = createFileParser({ path: "root/.sh_history", kind: "history", hostHint: "torsap1", yearFor: () => 2026 });
    expect(parser.parseLine("horctakeover -g bw_dg -t 360")).toMatchObject({
      ts: null,
      events: [
        { kind: "untimed.operator.command", fields: { command: "horctakeover", args: "-g bw_dg -t 360", via: "shell" } },
        { kind: "untimed.takeover.requested", deviceGroup: "bw_dg", fields: { option: null } },
      ],
    });
    expect(parser.parseLine("horcmshutdown.sh 0").events.map((event) => event.kind)).toEqual(["untimed.operator.command", "untimed.horcm.stopped"]);
    expect(parser.parseLine("cd /var/tmp").events).toEqual([]);
    // Once a stamp came, the lines after it have its time and their own kinds.
    parser.parseLine("#1707218538");
    expect(parser.parseLine("horctakeover -g bw_dg").events.map((event) => event.kind)).toEqual(["operator.command", "takeover.requested"]);
  });

  it("places an epoch second on the bundle's zone, and never sets it (review: a history pinned the bundle on UTC)", () => {
    const onIst = createFileParser({ path: "root/.bash_history", kind: "history", hostHint: "pun-db1", yearFor: () => 2026, zoneOffset: 330 });
    onIst.parseLine("#1707218538");
    expect(onIst.parseLine("horctakeover -g loans_jdg").ts).toBe(Date.UTC(2024, 1, 6, 16, 52, 18));
    const onTz = createFileParser({ path: "root/.bash_history", kind: "history", hostHint: "pun-db1", yearFor: () => 2026, timeZone: "Asia/Kolkata" });
    onTz.parseLine("#1707218538");
    expect(onTz.parseLine("horctakeover -g loans_jdg").ts).toBe(Date.UTC(2024, 1, 6, 16, 52, 18));
    const unknown = createFileParser({ path: "root/.bash_history", kind: "history", hostHint: "pun-db1", yearFor: () => 2026 });
    unknown.parseLine("#1707218538");
    expect(unknown.parseLine("horctakeover -g loans_jdg").ts).toBe(Date.UTC(2024, 1, 6, 11, 22, 18));
    expect(unknown.context().zoneOffset).toBeNull();
  });

  it("keeps a comment of digits and a command typed as lines typed, never as a stamp", () => {
    for (const line of ["#12345", "#0999999999", "horctakeover -g loans_jdg", ": 0999999999:0;ls"])
      expect(parseHeader(line, "history")).toEqual({ format: "history", body: line, shape: "plain" });
  });
});
