import { mkdtempSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
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
    // Vitest's default is one worker fewer than the cores: one worker on CI's 2 cores, so the files ran one after
    // another. A worker is often not using its core: it waits on the CLI processes it spawns (which then use it),
    // on watch's settle periods, on rsyslog or tmux. One worker more than the cores keeps them busy, and on a
    // machine shared with other work the suite gets its share of it. Each file still runs alone in its own
    // process (pool forks, isolate), with its own temporary folders and databases.
    maxWorkers: availableParallelism() + 1,
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
