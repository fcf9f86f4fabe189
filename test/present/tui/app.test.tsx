import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import Database from "better-sqlite3";
import { keyGroups } from "../../../src/present/tui/keys.js";
import { appendNewestLine, keys, renderTui, sampleDatabase, type Tui } from "./helpers.js";

let samplePath: string;
let tui: Tui | undefined;

beforeEach(async () => {
  samplePath = await sampleDatabase("site-failover-svol-takeover");
});

afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

/** The first frame with the findings in it. */
async function open(options: Parameters<typeof renderTui>[1] = {}): Promise<Tui> {
  tui = renderTui(samplePath, options);
  await vi.waitFor(() => expect(tui?.frame()).toContain("swap-resync"));
  return tui;
}

const frameOf = (): string => tui?.frame() ?? "";
const lines = (): string[] => frameOf().split("\n");

describe("tui", () => {
  it("lists findings most severe first and fits 80x24", async () => {
    await open();
    const rows = lines();
    expect(rows.length).toBeLessThanOrEqual(23);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(80);
    const critical = rows.findIndex((row) => row.includes("CRIT") && row.includes("swap-resync"));
    const info = rows.findIndex((row) => row.includes("INFO") && row.includes("failback"));
    expect(critical).toBeGreaterThan(0);
    expect(info).toBeGreaterThan(critical);
    expect(rows[critical].startsWith(">")).toBe(true);
  });

  it("moves with j/k and arrows, opens the detail with Enter, goes back with Esc and Backspace", async () => {
    await open();
    await tui?.press("j");
    await vi.waitFor(() => expect(lines().find((row) => row.startsWith(">"))).toContain("failback"));
    await tui?.press(keys.up);
    await vi.waitFor(() => expect(lines().find((row) => row.startsWith(">"))).toContain("swap-resync"));
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("What happened"));
    expect(frameOf()).toContain("[2 Detail]");
    await tui?.press(keys.escape);
    await vi.waitFor(() => expect(frameOf()).toContain("[1 Findings]"));
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("[2 Detail]"));
    await tui?.press(keys.backspace);
    await vi.waitFor(() => expect(frameOf()).toContain("[1 Findings]"));
  });

  it("shows each step's command alone on its line, undecorated", async () => {
    await open({ rows: 80 });
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("Steps, in order"));
    const rows = lines();
    const command = rows.find((row) => row.includes("pairresync -g oradg -c 15 -swaps"));
    expect(command?.trim()).toBe("pairresync -g oradg -c 15 -swaps");
    expect(rows.some((row) => row.includes("nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log:8"))).toBe(true);
  });

  it("Tab cycles the four views and 1-4 pick one", async () => {
    await open();
    for (const title of ["[2 Detail]", "[3 Timeline]", "[4 Logs]", "[1 Findings]"]) {
      await tui?.press(keys.tab);
      await vi.waitFor(() => expect(frameOf()).toContain(title));
    }
    await tui?.press("3");
    await vi.waitFor(() => expect(frameOf()).toContain("SVOL_SSWS"));
    expect(frameOf()).toContain("horctakeover oradg on nodeB1");
  });

  it("? lists every key and any key closes the help", async () => {
    await open({ columns: 120, rows: 40 });
    await tui?.press("?");
    await vi.waitFor(() => expect(frameOf()).toContain("Everywhere"));
    for (const group of keyGroups) for (const key of group.keys) expect(frameOf()).toContain(key.does);
    await tui?.press("x");
    await vi.waitFor(() => expect(frameOf()).toContain("swap-resync"));
    expect(frameOf()).not.toContain("Everywhere");
  });

  it("Enter on an evidence line shows that line in the Logs view", async () => {
    await open();
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("What happened"));
    // The first Enter brings the cursor to the first evidence line, the second opens it.
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(lines().find((row) => row.startsWith(">"))).toContain("oracle_pkg.log:6"));
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(lines().find((row) => row.startsWith(">"))).toContain("The local device group oradg is in SVOL_PAIR"));
    const rows = lines();
    expect(rows[0]).toContain("[4 Logs]");
    // Under the list: the whole line as stored, then where it is.
    expect(frameOf()).toContain("remote state is EX_ENORMT");
    expect(rows[rows.length - 2]).toContain("nodeB1/etc/cmcluster/oracle_pkg/oracle_pkg.log:6");
    await tui?.press(keys.escape);
    await vi.waitFor(() => expect(frameOf()).toContain("[2 Detail]"));
  });

  it("/ searches the logs with full text, n and N go to the next and previous match", async () => {
    await open();
    await tui?.press("/", ..."oradg".split(""));
    // The prompt says where it searches: the incident on screen.
    await vi.waitFor(() => expect(frameOf()).toContain("search logs (incident site-failover-svol-takeover): oradg"));
    await tui?.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("search: oradg"));
    await vi.waitFor(() => expect((lines().find((row) => row.startsWith(">")) ?? "").toLowerCase()).toContain("oradg"));
    const place = (): string => lines()[lines().length - 2];
    const first = place();
    await tui?.press("n");
    await vi.waitFor(() => expect(place()).not.toBe(first));
    expect((lines().find((row) => row.startsWith(">")) ?? "").toLowerCase()).toContain("oradg");
    await tui?.press("N");
    await vi.waitFor(() => expect(place()).toBe(first));
  });

  it("a search with FTS syntax in it is taken as plain words", async () => {
    await open();
    await tui?.press("/", ...'"oradg OR -( NEAR'.split(""), keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("no line matches"));
  });

  it("e jumps to the next error line, s cycles the level filter", async () => {
    await open();
    await tui?.press("4");
    await vi.waitFor(() => expect(frameOf()).toContain("all lines"));
    await tui?.press("e");
    await vi.waitFor(() =>
      expect(lines().find((row) => row.startsWith(">"))).toMatch(/error|fail|EX_|timed|abort|unable|cannot|died|refused|halted|alarm|critical|panic|denied/i),
    );
    await tui?.press("s");
    await vi.waitFor(() => expect(frameOf()).toContain("filter: level=notable"));
    await tui?.press("x");
    await vi.waitFor(() => expect(frameOf()).toContain("all lines"));
  });

  it("shows a finding written by another process while it runs", async () => {
    await open({ pollMs: 10 });
    const writer = new Database(samplePath);
    try {
      writer
        .prepare(
          `INSERT INTO finding (id, bundle, rule, action, severity, status, title, summary, first_seen, last_seen, updated_at)
        VALUES ('live0001', 'live-bundle', 'live-rule', 'live-action', 'critical', 'open', 'A finding that arrived live', 'summary', 0, 0, 'now')`,
        )
        .run();
    } finally {
      writer.close();
    }
    await vi.waitFor(() => expect(frameOf()).toContain("live-action"));
    // Open and critical, and oldest: it comes first.
    const rows = lines();
    expect(rows.findIndex((row) => row.includes("live-action"))).toBeLessThan(rows.findIndex((row) => row.includes("swap-resync")));
  });

  it("never lets a log line's escape sequences reach the terminal", async () => {
    const hostile = "Nov 16 03:13:40 nodeB1 evil: \u001b]0;pwned\u0007\u001b[2J boom";
    appendNewestLine(samplePath, hostile, 1000, "evil");
    await open();
    await tui?.press("4", "G");
    await vi.waitFor(() => expect(frameOf()).toContain("boom"));
    expect(frameOf()).toContain("^[]0;pwned^G^[[2J boom");
    expect(frameOf()).not.toContain("\u001b]0;");
    expect(frameOf()).not.toContain("\u001b[2J");
  });

  it("at the end (G) follows the lines another process writes, like tail -f", async () => {
    await open({ pollMs: 10 });
    await tui?.press("4");
    await vi.waitFor(() => expect(frameOf()).toContain("all lines"));
    await tui?.press("G");
    await vi.waitFor(() => expect(frameOf()).toContain("following new lines"));
    const fresh = "Nov 17 12:00:00 nodeB1 cmcld[2048]: a line written while the TUI follows";
    appendNewestLine(samplePath, fresh, 60_000, "cmcld");
    await vi.waitFor(() => expect(lines().find((row) => row.startsWith(">"))).toContain("a line written while the TUI follows"));
    await tui?.press("k");
    await vi.waitFor(() => expect(frameOf()).not.toContain("following new lines"));
  });

  it("f takes typed filters, reports a wrong one, h cycles the hosts", async () => {
    await open({ columns: 100, rows: 30 });
    await tui?.press("4");
    await vi.waitFor(() => expect(frameOf()).toContain("all lines"));
    await tui?.press("f", ..."host=nodeA2 program=cmcld", keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("filter: host=nodeA2 program=cmcld"));
    const listed = lines()
      .slice(2, -4)
      .filter((row) => row.trim() !== "");
    expect(listed.length).toBeGreaterThan(3);
    for (const row of listed) expect(row).toMatch(/^.\S+ \S+ nodeA2 +cmcld/);
    await tui?.press("f");
    await vi.waitFor(() => expect(frameOf()).toContain("filter (host= package= program= level=): host=nodeA2 program=cmcld_"));
    await tui?.press(...Array.from({ length: 30 }, () => keys.backspace), ..."colour=red", keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("unknown filter 'colour'"));
    await tui?.press("x");
    await vi.waitFor(() => expect(frameOf()).toContain("all lines"));
    await tui?.press("h");
    await vi.waitFor(() => expect(frameOf()).toContain("filter: host=nodeA1"));
  });

  it("i moves Timeline and Logs to the next incident, a finding's selection brings its own back", async () => {
    tui?.unmount();
    tui = renderTui(await sampleDatabase("site-failover-svol-takeover", "healthy-day"));
    await vi.waitFor(() => expect(frameOf()).toContain("swap-resync"));
    expect(lines()[0]).toContain("site-failover-svol-takeover");
    await tui.press("3", "i");
    await vi.waitFor(() => expect(lines()[0]).toContain("healthy-day"));
    await vi.waitFor(() => expect(frameOf()).toContain("sap_pkg started on nodeA2"));
    await tui.press("i");
    await vi.waitFor(() => expect(lines()[0]).toContain("site-failover-svol-takeover"));
    await tui.press("i", "1", "j");
    await vi.waitFor(() => expect(lines()[0]).toContain("site-failover-svol-takeover"));
  });
});
