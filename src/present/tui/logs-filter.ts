/** The Logs view's filters as the operator sets them: cycled with keys, or typed as `name=value` words after `f`. */
import { logLevels, type LogLevel } from "../../store/logs.js";

/** The operator's filters (the incident scope is added by the App). */
export interface LogsFilter {
  readonly host?: string;
  readonly package?: string;
  readonly program?: string;
  readonly level: LogLevel;
  readonly configuration?: boolean;
}

/** `filter` as text, for the status row and the `f` prompt (which parses the same form back). */
export function describeFilter(filter: LogsFilter): string {
  return [
    filter.host && `host=${filter.host}`,
    filter.package && `package=${filter.package}`,
    filter.program && `program=${filter.program}`,
    filter.level !== "all" && `level=${filter.level}`,
    filter.configuration && "config=yes",
  ]
    .filter(Boolean)
    .join(" ");
}

/** Parses `host=nodeA1 package=pkg program=cmcld level=error`; unknown words are reported, not guessed. */
export function parseFilter(text: string): { filter: LogsFilter } | { error: string } {
  const filter: { -readonly [K in keyof LogsFilter]: LogsFilter[K] } = { level: "all" };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const [name, ...rest] = word.split("=");
    const value = rest.join("=");
    if (value === "") return { error: `'${word}': write name=value (host, package, program, level)` };
    if (name === "host") filter.host = value;
    else if (name === "package" || name === "pkg") filter.package = value;
    else if (name === "program" || name === "prog") filter.program = value;
    else if (name === "config") filter.configuration = value === "yes";
    else if (name === "level" && (logLevels as readonly string[]).includes(value)) filter.level = value as LogLevel;
    else if (name === "level") return { error: `level is one of ${logLevels.join(", ")}` };
    else return { error: `unknown filter '${name}': use host, package, program or level` };
  }
  return { filter };
}
