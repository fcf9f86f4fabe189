import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

// No test writes to the user's state folder (~/.local/state/mcadvisor: the default database, the rules cache):
// both point into a temporary folder, removed after the run (test/helpers/state-folder.ts). A test of the
// defaults sets them itself.
const stateFolder = mkdtempSync(join(tmpdir(), "mcadvisor-vitest-state-"));
process.env.MCADVISOR_TEST_STATE_FOLDER = stateFolder;

export default defineConfig({
  test: {
    include: ["test/**/*.test.{ts,tsx}"],
    environment: "node",
    // CI shares its 2 cores with other work: at load 12-15 a test that runs six CLI processes took over 30 s (a
    // report test did). A timeout is for a hang, not for a slow machine; speed is measured in `npm run bench`.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    globalSetup: ["test/helpers/state-folder.ts"],
    env: {
      NO_COLOR: "1",
      TZ: "UTC",
      MCADVISOR_DB: join(stateFolder, "mcadvisor.db"),
      XDG_STATE_HOME: stateFolder,
      // Grammar ambiguities throw instead of being counted (src/parse/file.ts).
      MCADVISOR_STRICT_PARSE: "1",
    },
  },
});
