import { readFileSync } from "node:fs";

// Read once from package.json so `--version` and the JSON output never drift from the package.
const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
export const version: string = packageJson.version;
