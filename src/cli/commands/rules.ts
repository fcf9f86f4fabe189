import type { Command } from "commander";
import { McAdvisorError } from "../../errors.js";

// Placeholder until the rules command lands; its owner replaces this file.
export function register(program: Command): void {
  program.command("rules").description("(being built)").allowUnknownOption().action(() => {
    throw new McAdvisorError("'rules' is not built yet in this version");
  });
}
