/**
Colour for text on a terminal: severities, commands and evidence paths stand out in a long answer.
The codes are added by us to text that has already been sanitised (sanitize.ts turns every ESC from a
log into `^[`), so a log line can never colour, move or retitle the terminal. Plain SGR codes: a few
constants are simpler than a dependency (chalk is only in the tree for ink).
*/

export type ColorMode = "auto" | "always" | "never";

export interface Palette {
  readonly severity: (severity: string, text: string) => string;
  readonly command: (text: string) => string;
  readonly path: (text: string) => string;
  readonly heading: (text: string) => string;
  readonly dim: (text: string) => string;
}

const sgr =
  (open: string) =>
  (text: string): string =>
    text === "" ? text : `\u001b[${open}m${text}\u001b[0m`;
const SEVERITY: Readonly<Record<string, (text: string) => string>> = {
  critical: sgr("1;31"),
  warning: sgr("1;33"),
  info: sgr("1;36"),
};

export const PLAIN: Palette = {
  severity: (_severity, text) => text,
  command: (text) => text,
  path: (text) => text,
  heading: (text) => text,
  dim: (text) => text,
};

export const COLORED: Palette = {
  severity: (severity, text) => (SEVERITY[severity] ?? ((value: string) => value))(text),
  command: sgr("32"),
  path: sgr("36"),
  heading: sgr("1"),
  dim: sgr("2"),
};

/**
Whether to colour: `always` and `never` as said; `auto` when the stream is a terminal, NO_COLOR is unset
or empty (no-color.org: "when present and not an empty string ... prevents the addition of ANSI color")
and TERM is not `dumb`. An explicit --color always wins over NO_COLOR, as the convention allows.
*/
export function useColor(mode: ColorMode, stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode === "always") return true;
  if (mode === "never") return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}
