import type { Command } from "commander";
import { McAdvisorError } from "../../errors.js";

// Placeholder until the query command lands.
export function register(program: Command): void {
  program.command("query").description("(being built)").allowUnknownOption().action(() => {
    throw new McAdvisorError("'query' is not built yet in this version");
  });
}
