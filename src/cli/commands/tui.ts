import type { Command } from "commander";
import { McAdvisorError } from "../../errors.js";

// Placeholder until the tui command lands; its owner replaces this file.
export function register(program: Command): void {
  program.command("tui").description("(being built)").allowUnknownOption().action(() => {
    throw new McAdvisorError("'tui' is not built yet in this version");
  });
}
