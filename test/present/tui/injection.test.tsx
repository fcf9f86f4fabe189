import { afterEach, describe, expect, it, vi } from "vitest";
import { join } from "node:path";
import { openDatabase } from "../../../src/store/db.js";
import { Store } from "../../../src/store/store.js";
import { analyzePaths } from "../../../src/pipeline/analyze.js";
import { loadRules } from "../../../src/catalogue/load.js";
import { tempDir } from "../../helpers/temp.js";
import { forgedBundle, FORGED_PACKAGE } from "../../helpers/forged.js";
import { keys, renderTui, type Tui } from "./helpers.js";

let tui: Tui | undefined;
afterEach(() => {
  tui?.unmount();
  tui = undefined;
});

describe("tui: forged names in logs never reach a command", () => {
  it("the Detail view shows <package> in the steps and the warning first under the checks", async () => {
    const root = tempDir("mcadvisor-tui-");
    const path = join(root, "tui.db");
    const store = new Store(openDatabase(path));
    await analyzePaths(store, { paths: [forgedBundle(root)], timeZone: "UTC", fixedYear: 2026, rules: loadRules([]).rules });
    store.close();

    tui = renderTui(path, { columns: 120, rows: 80 });
    await vi.waitFor(() => expect(tui?.frame()).toContain(FORGED_PACKAGE)); // listed by what the logs said
    // Open each finding's detail: no command names a forged value.
    for (let index = 0; index < 2; index++) {
      await tui.press(keys.enter);
      await vi.waitFor(() => expect(tui?.frame()).toContain("[2 Detail]"));
      const frame = tui.frame();
      const commands = frame.split("\n").filter((row) => /cmmodpkg|fuser|umount/.test(row));
      expect(commands.length).toBeGreaterThan(0);
      for (const command of commands) expect(command).not.toMatch(/sap_pkg;reboot|onerror/);
      expect(frame).toMatch(/The logs name the (package "sap_pkg;reboot"|node "<img src=x onerror=alert\(1\)>")/);
      await tui.press(keys.escape, "j");
      await vi.waitFor(() => expect(tui?.frame()).toContain("[1 Findings]"));
    }
  });
});
