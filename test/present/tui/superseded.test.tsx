/**
A finding set aside by another (status superseded, a rule's match.supersedes) in the TUI: the list says `aside`
and shows it dimmed under the open ones, the preview shows no steps, and its detail says not to follow them now
and which finding set it aside.
*/
import { afterEach, describe, expect, it, vi } from "vitest";
import { keys, renderTui, sampleDatabase, type Tui } from "./helpers.js";

let tui: Tui | undefined;

afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const frameOf = (): string => tui?.frame() ?? "";
const cursorRow = (): string =>
  frameOf()
    .split("\n")
    .find((row) => row.startsWith(">")) ?? "";

describe("tui: a superseded finding", () => {
  it("is listed as set aside, without steps, and its detail names the finding that set it aside", async () => {
    const path = await sampleDatabase("split-brain-second-cluster");
    tui = renderTui(path, { columns: 120, rows: 40 });
    await vi.waitFor(() => expect(frameOf()).toContain("[1 Findings]"), { timeout: 30_000 });
    // The split brain, the two findings it set aside (the swap resync, the failback), and the site B nodes failing out
    // of site A's cluster (resolved).
    expect(frameOf()).toContain("1 open of 4");
    expect(cursorRow()).toMatch(/CRIT open +investigate/);
    await tui.press("j");
    await vi.waitFor(() => expect(cursorRow()).toMatch(/CRIT aside +swap-resync/), { timeout: 30_000 });
    expect(frameOf()).not.toContain("Steps (Enter");
    await tui.press(keys.enter);
    await vi.waitFor(() => expect(frameOf()).toContain("Set aside: do not follow these steps now"), { timeout: 30_000 });
    expect(frameOf()).toMatch(/Set aside while finding [0-9a-f]{8} is open/);
  });
});
