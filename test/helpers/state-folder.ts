import { rmSync } from "node:fs";

/** Removes the temporary state folder vitest.config.ts points MCADVISOR_DB and XDG_STATE_HOME at. */
export default function setup(): () => void {
  return () => {
    const folder = process.env.MCADVISOR_TEST_STATE_FOLDER;
    if (folder !== undefined && /mcadvisor-vitest-state-/.test(folder)) rmSync(folder, { recursive: true, force: true });
  };
}
