import type { Command } from "commander";
import { McAdvisorError } from "../../errors.js";

// Placeholder until the watch command lands; its owner replaces this file.
export function register(program: Command): void {
  program.command("watch").description("(being built)").allowUnknownOption().action(() => {
    throw new McAdvisorError("'watch' is not built yet in this version");
  });
}
