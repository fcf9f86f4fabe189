import type { Command } from "commander";
import { McAdvisorError } from "../../errors.js";

// Placeholder until the analyze command lands.
export function register(program: Command): void {
  program.command("analyze").description("(being built)").allowUnknownOption().action(() => {
    throw new McAdvisorError("'analyze' is not built yet in this version");
  });
}
