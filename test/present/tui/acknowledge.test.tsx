/**
The TUI's `a` key (acknowledge / take back, through the real writer into the database), and the reading
aids of issue 16 item 6: `i` moves the selection with the header, the Logs search says where it looked and
offers every incident, `s`/`e`/`c` jump in Detail, and an alternative step is shown as one.
*/
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../../src/store/db.js";
import { listAcknowledgements } from "../../../src/store/acknowledgements.js";
import { keys, renderTui, sampleDatabase, type Tui } from "./helpers.js";

let tui: Tui | undefined;

afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const frameOf = (): string => tui?.frame() ?? "";
const lines = (): string[] => frameOf().split("\n");
const cursorRow = (): string => lines().find((row) => row.startsWith(">")) ?? "";

async function open(path: string, options: Parameters<typeof renderTui>[1] = {}): Promise<Tui> {
  tui = renderTui(path, options);
  await vi.waitFor(() => expect(frameOf()).toContain("[1 Findings]"));
  return tui;
}

function storedAcknowledgements(path: string) {
  const database = openDatabase(path, { readonly: true });
  try {
    return listAcknowledgements(database);
  } finally {
    database.close();
  }
}

describe("tui: acknowledging with a", () => {
  it("asks for a note and an end, marks the finding in the list, the header and the detail, and a takes it back", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover");
    await open(path, { columns: 100, rows: 40 });
    await vi.waitFor(() => expect(cursorRow()).toContain("swap-resync"));
    await tui?.press("a");
    await vi.waitFor(() => expect(frameOf()).toMatch(/acknowledge [0-9a-f]{8}, note/));
    await tui?.press(..."resync planned with the app owners, CHG-42", keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("until (Enter: while open"));
    await tui?.press(..."4h", keys.enter);
    await vi.waitFor(() => expect(cursorRow()).toMatch(/CRIT acked +swap-resync/));
    // The failback finding waits, set aside, for the swap resync: one open, acknowledged.
    expect(lines()[0]).toContain("1 open (1 acked)");
    expect(frameOf()).toMatch(/acknowledged: it no longer raises the exit status/);
    // Under the list, who and why.
    expect(frameOf()).toContain("Acknowledged by tester");
    expect(frameOf().replace(/\s+/g, " ")).toContain("resync planned with the app owners, CHG-42");

    const stored = storedAcknowledgements(path);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ by: "tester", note: "resync planned with the app owners, CHG-42", severity: "critical" });
    expect((stored[0].until ?? 0) - stored[0].at).toBe(4 * 3_600_000);

    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("What happened"));
    expect(frameOf()).toMatch(/ACKNOWLEDGED: Acknowledged by tester \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d until/);

    await tui?.press("a");
    await vi.waitFor(() => expect(frameOf()).toMatch(/remove the acknowledgement of [0-9a-f]{8} by tester\? \(y\/n\)/));
    await tui?.press("y");
    await vi.waitFor(() => expect(frameOf()).toContain("removed: it counts again"));
    await vi.waitFor(() => expect(frameOf()).not.toContain("ACKNOWLEDGED"));
    expect(storedAcknowledgements(path)).toHaveLength(0);
    await tui?.press("1");
    await vi.waitFor(() => expect(cursorRow()).toMatch(/CRIT open +swap-resync/));
  });

  it("needs a note, refuses an end that is not a time, and Esc leaves everything as it was", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover");
    await open(path);
    await tui?.press("a", keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("not acknowledged: a note is needed"));
    await tui?.press("a", ..."x", keys.enter, ..."soon", keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("not acknowledged: until takes"));
    await tui?.press("a", ..."x", keys.escape);
    await vi.waitFor(() => expect(frameOf()).toContain("Enter: detail"));
    expect(storedAcknowledgements(path)).toHaveLength(0);
    expect(cursorRow()).toMatch(/CRIT open/);
  });

  it("a resolved finding has nothing to acknowledge", async () => {
    const path = await sampleDatabase("resolved-after-resync");
    await open(path);
    await vi.waitFor(() => expect(frameOf()).toContain("resolved"));
    const resolvedIndex = lines().findIndex((row) => /CRIT resolved +full-resync/.test(row));
    const firstIndex = lines().findIndex((row) => row.startsWith(">"));
    await tui?.press(...Array.from({ length: resolvedIndex - firstIndex }, () => "j"));
    await vi.waitFor(() => expect(cursorRow()).toMatch(/resolved +full-resync/));
    await tui?.press("a");
    await vi.waitFor(() => expect(frameOf()).toContain("this finding is resolved: there is nothing to acknowledge"));
    expect(storedAcknowledgements(path)).toHaveLength(0);
  });
});

describe("tui: reading a long answer", () => {
  it("i moves the selection with the header; an incident without findings leaves none selected", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover", "member-timeout", "healthy-day");
    await open(path, { columns: 100, rows: 30 });
    await vi.waitFor(() => expect(cursorRow()).toContain("swap-resync"));
    const visit = async (incident: string): Promise<void> => {
      await tui?.press("i");
      await vi.waitFor(() => expect(lines()[0]).toContain(incident));
    };
    // Incidents in name order: healthy-day, member-timeout, site-failover-svol-takeover.
    await visit("healthy-day");
    expect(frameOf()).not.toMatch(/^>/m);
    expect(frameOf()).toContain("incident healthy-day: no findings");
    await visit("member-timeout");
    await vi.waitFor(() => expect(cursorRow()).toContain("raise-member-timeout"));
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("[2 Detail]"));
    expect(frameOf()).toMatch(/incident.member-timeout/);
    await visit("site-failover-svol-takeover");
    await vi.waitFor(() => expect(frameOf()).toContain("action swap-resync"));
  });

  it("the Logs search says which incident it searched and offers all of them (I)", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover", "healthy-day");
    await open(path, { columns: 120, rows: 30 });
    await tui?.press("4");
    await vi.waitFor(() => expect(frameOf()).toContain("(incident site-failover-svol-takeover)"));
    // sap_pkg runs in healthy-day only.
    await tui?.press("/", ..."sap_pkg", keys.enter);
    await vi.waitFor(() =>
      expect(frameOf()).toContain('no line matches "sap_pkg" in incident site-failover-svol-takeover; other incidents have it: I searches all incidents'),
    );
    await tui?.press("I");
    await vi.waitFor(() => expect(frameOf()).toContain("(all incidents)"));
    await vi.waitFor(() => expect(cursorRow()).toContain("sap_pkg"));
    expect(lines()[0]).toContain("all incidents");
    await tui?.press("/", ..."nosuchwordanywhere", keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain('no line matches "nosuchwordanywhere" in all incidents'));
    await tui?.press("I");
    await vi.waitFor(() => expect(frameOf()).toContain("(incident site-failover-svol-takeover)"));
    await tui?.press("/", ..."nosuchwordanywhere", keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("in incident site-failover-svol-takeover; nor has any other incident"));
  });

  it("s, e and c jump to the steps, the evidence and what to check first in Detail", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover");
    await open(path);
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("What happened"));
    const bodyTop = (): string => lines()[1];
    await tui?.press("e");
    await vi.waitFor(() => expect(bodyTop()).toBe(">Evidence (Enter opens the line in Logs)"));
    await tui?.press("s");
    await vi.waitFor(() => expect(bodyTop()).toBe(">Steps, in order"));
    await tui?.press("c");
    await vi.waitFor(() => expect(bodyTop()).toBe(">Check first"));
    // From the evidence heading Enter goes to the first evidence line, a second one opens it.
    await tui?.press("e", keys.enter, keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("[4 Logs]"));
  });

  it("shows the -swapp step as the alternative to -swaps, not as a numbered step after it", async () => {
    const path = await sampleDatabase("site-failover-svol-takeover");
    await open(path, { columns: 100, rows: 60 });
    for (const view of ["findings", "detail"]) {
      if (view === "detail") {
        await tui?.press(keys.enter);
        await vi.waitFor(() => expect(frameOf()).toContain("Steps, in order"));
      }
      const rows = lines();
      const swaps = rows.findIndex((row) => row.trim() === "pairresync -g oradg -c 15 -swaps");
      const alternative = rows.findIndex((row) => /^ +or: Instead of the step above, from the primary site/.test(row.slice(1)));
      expect(swaps, view).toBeGreaterThan(0);
      expect(alternative, view).toBeGreaterThan(swaps);
      expect(
        rows.some((row) => /^\s*4\. /.test(row.slice(1))),
        view,
      ).toBe(false);
      expect(
        rows.some((row) => /^\s*3\. Failover site, nodeB1:/.test(row.slice(1))),
        view,
      ).toBe(true);
    }
  });
});
