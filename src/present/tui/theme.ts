/**
Colours only help; every state is also told in words or symbols, so NO_COLOR (https://no-color.org)
loses nothing. Selection uses inverse video, which is an attribute, not a colour.
*/
import type { Severity } from "../../model/findings.js";

export interface Theme {
  readonly color: boolean;
}

export function themeFromEnvironment(environment: NodeJS.ProcessEnv = process.env): Theme {
  return { color: environment.NO_COLOR === undefined || environment.NO_COLOR === "" };
}

type InkColor = "red" | "yellow" | "cyan" | "green" | "gray" | "magenta" | undefined;

export function severityColor(theme: Theme, severity: Severity): InkColor {
  if (!theme.color) return undefined;
  return severity === "critical" ? "red" : severity === "warning" ? "yellow" : "cyan";
}

export function tone(theme: Theme, color: Exclude<InkColor, undefined>): InkColor {
  return theme.color ? color : undefined;
}
