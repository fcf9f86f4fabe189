import type { Command } from "commander";
import { McAdvisorError } from "../../errors.js";

// Placeholder until the report command lands; its owner replaces this file.
export function register(program: Command): void {
  program.command("report").description("(being built)").allowUnknownOption().action(() => {
    throw new McAdvisorError("'report' is not built yet in this version");
  });
}
