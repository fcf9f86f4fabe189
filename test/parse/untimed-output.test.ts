// Saved Raid Manager output with no time anywhere (src/ingest/discover.ts: InputFile.untimed): its events are untimed
// facts, `untimed.<kind>` with the same fields, kept out of the timeline the rules replay. A command log read as always
// (a stamped one) keeps the events of its lines before the first stamp as they are.
import { describe, expect, it } from "vitest";
import { createFileParser, parseText } from "../../src/parse/index.js";

const PASTE = [
  "[root@ldna1 ~]# pairdisplay -g fin_dg -IH7 -fc",
  "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M",
  "fin_dg  fin_01(L) (CL1-B-0, 0,  1)422101  1101.P-VOL PSUS NEVER , 100   2101 -",
  "fin_dg  fin_01(R) (CL1-B-0, 0,  1)422377  2101.S-VOL SSWS NEVER , 100   1101 -",
  "[root@ldna1 ~]# pairvolchk -g fin_dg -c",
  "pairvolchk: [EX_ENORMT] No remote host alive for remote commands or Remote Raid Manager might be blocked (sleeping) on an existing I/O.",
];

const eventsOf = (untimed: boolean | undefined, lines: readonly string[]) => {
  const parser = createFileParser({ path: "ldna1/pd_fin_dg_1635.txt", kind: "cmdlog", hostHint: null, yearFor: () => 2026, untimed });
  return lines.map((line) => parser.parseLine(line));
};

describe("saved output with no time (untimed)", () => {
  it("gives each event of the output as untimed.<kind>, with the fields, group and node (from the prompt) of the timed kind", () => {
    const untimed = eventsOf(true, PASTE);
    const timed = eventsOf(undefined, PASTE);
    expect(untimed.every((line) => line.ts === null)).toBe(true);
    for (const [index, line] of untimed.entries()) {
      expect(line.host).toBe(timed[index].host);
      expect(line.events.map((event) => ({ ...event, kind: event.kind.replace(/^untimed\./, "") }))).toEqual(timed[index].events);
      for (const event of line.events) expect(event.kind).toMatch(/^untimed\./);
    }
    expect(untimed[2].host).toBe("ldna1");
    expect(untimed[2].events).toContainEqual(
      expect.objectContaining({
        kind: "untimed.pair.state",
        deviceGroup: "fin_dg",
        fields: expect.objectContaining({ side: "local", role: "PVOL", state: "PSUS" }),
      }),
    );
    expect(untimed[3].events).toContainEqual(
      expect.objectContaining({ kind: "untimed.pair.state", fields: expect.objectContaining({ side: "remote", role: "SVOL", state: "SSWS" }) }),
    );
    expect(untimed[5].events.map((event) => event.kind)).toEqual(["untimed.raid.error", "untimed.pair.unreachable"]);
  });

  it("keeps a stamped command log as it was: its lines before the first stamp keep their kinds, the lines under a stamp are timed", () => {
    const lines = ["pairvolchk : Volstat is P-VOL.[status = PSUE fence = NEVER]", "==== Wed Jun 10 16:35:00 BST 2026 pairwatch", ...PASTE.slice(0, 3)];
    const read = eventsOf(undefined, lines);
    expect(read[0].ts).toBeNull();
    expect(read[0].events.map((event) => event.kind)).toContain("pair.state");
    expect(read[4].ts).not.toBeNull();
    expect(read[4].events.map((event) => event.kind)).toContain("pair.state");
    // Marked untimed, a line under a stamp is still dated by it (a stamp past the head discovery sniffed).
    const marked = eventsOf(true, lines);
    expect(marked[0].events.map((event) => event.kind)).toContain("untimed.pair.state");
    expect(marked[4].ts).toBe(read[4].ts);
    expect(marked[4].events).toEqual(read[4].events);
  });
});

describe("a saved session's own clock and the log lines shown in it", () => {
  it("dates a pasted line by itself, its unheaded rest by it, and the next prompt by the session's last stamp (round 71 #11)", () => {
    const text = [
      "Script started on Sat 07 Feb 2026 03:01:44 AM CET",
      "[root@cad-v2a ~]# pairvolchk -g cad_dg -s",
      "pairvolchk : Volstat is S-VOL.[status = PAIR fence = DATA ]",
      "[root@cad-v2a ~]# tail -1 /var/log/messages",
      "Feb  7 03:01:30 cad-v2a sshd[22871]: Accepted password for root from 10.33.200.14 port 50122 ssh2",
      "more of that line",
      "[root@cad-v2a ~]# horctakeover -g cad_dg -S -t 300",
    ].join("\n");
    const lines = parseText(text, { kind: "cmdlog", year: 2026 });
    const at = (hour: number, minute: number, second: number): number => Date.UTC(2026, 1, 7, hour, minute, second);
    expect(lines.map((line) => line.ts)).toEqual([at(3, 1, 44), at(3, 1, 44), at(3, 1, 44), at(3, 1, 44), at(3, 1, 30), at(3, 1, 30), at(3, 1, 44)]);
    expect(lines[6]!.events.map((event) => event.kind)).toContain("takeover.requested");
  });

  it("reads a command typed at root's bare '# ' prompt of a dated session as typed, not a comment typed after it (round 85 #13)", () => {
    const text = [
      "Script started on Thu Mar  5 02:39:12 2026",
      "# export HORCMINST=20",
      "# # step 6 of DR-MDX-02: make DR side P-VOL",
      "# horctakeover -g mdx_adg -t 900",
    ].join("\n");
    const lines = parseText(text, { kind: "cmdlog", year: 2026 });
    expect(lines[3]!.events).toContainEqual(expect.objectContaining({ kind: "takeover.requested", deviceGroup: "mdx_adg" }));
    expect(lines[2]!.events.map((event) => event.kind)).not.toContain("takeover.requested");
    // Without the session's banner, a '# ' line may be a comment in a saved note: not read as typed.
    const [bare] = parseText("# horctakeover -g mdx_adg -t 900", { kind: "cmdlog", year: 2026 });
    expect(bare!.events.map((event) => event.kind)).not.toContain("takeover.requested");
  });
});
