/**
An analysis that has not finished (still running, or stopped part way: issue 14's findings are stored as the lines are
read) is said on the TUI's top line before the count of open findings, and goes when the analysis finishes.
*/
import { afterEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../../src/store/db.js";
import { Store } from "../../../src/store/store.js";
import { renderTui, sampleDatabase, type Tui } from "./helpers.js";

let tui: Tui | undefined;

afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

const topLine = (): string => (tui?.frame() ?? "").split("\n")[0] ?? "";

describe("tui: an analysis not finished", () => {
  it("says still running, then stopped part way, then nothing once it finished", async () => {
    const path = await sampleDatabase("healthy-day");
    const writer = new Store(openDatabase(path));
    const [bundle] = writer.database.prepare("SELECT DISTINCT bundle FROM file").pluck().all() as string[];
    writer.beginAnalysis(bundle, "analyze"); // this process: alive
    tui = renderTui(path, { columns: 120, rows: 30 });
    await vi.waitFor(() => expect(topLine()).toContain("analysis still running: 0 open"), { timeout: 30_000 });

    writer.database.prepare("UPDATE analysis SET pid = 2147483646").run(); // its process gone
    await vi.waitFor(() => expect(topLine()).toContain("analysis stopped part way: 0 open"), { timeout: 30_000 });

    writer.finishAnalysis(bundle);
    await vi.waitFor(() => expect(topLine()).not.toContain("analysis"), { timeout: 30_000 });
    expect(topLine()).toContain("0 open");
    writer.close();
  });
});
