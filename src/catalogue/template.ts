/**
Advice templates: `{deviceGroup}`, `{package}`, `{node}`, any state path (`{pvol.node}`,
`{setting.HORCTIMEOUT}`), a field of the last matching event (`{event.code}`), the largest value of a
field over the matching events (`{max.seconds}`), with an optional multiplier (`{max.seconds*10}`)
a letter case (`{fence:lower}`: Raid Manager options are lower case) and fallback text
(`{svol.node|<a node at the recovery site>}`). A placeholder without a value prints
as `<name>` so the operator sees what to fill in. An optional segment `[?...?]` is shown only when every
placeholder inside it has a value: `Primary site[? {site.name}?], P-VOL side` reads "Primary site
dc-east, P-VOL side" when the sites are named and "Primary site, P-VOL side" when they are not.
*/

import type { Scalar } from "../model/events.js";

const OPTIONAL_SEGMENT = /\[\?((?:(?!\?\])[^])*)\?\]/g;
const PLACEHOLDER = /\{([A-Za-z_][\w.]*)(\*\d+(?:\.\d+)?)?(?::(lower|upper))?(?:\|([^}]*))?\}/g;

/** Every placeholder name used in a template (without multiplier or fallback). */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) names.push(match[1]);
  return names;
}

/** value × factor rounded up to a whole number; 6.1 × 10 is 61, not 62 (binary fractions rounded away first). */
function multiply(value: number, factor: number): string {
  return String(Math.ceil(Number((value * factor).toFixed(6))));
}

function display(value: Scalar, multiplier: string | undefined): string {
  const factor = multiplier === undefined ? undefined : Number(multiplier.slice(1));
  if (factor !== undefined && typeof value === "number") return multiply(value, factor);
  if (factor !== undefined && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return multiply(Number(value), factor);
  return String(value);
}

const known = (value: Scalar | undefined): value is string | number | boolean => value !== undefined && value !== null && value !== "";

/** Fill a template from the values; missing or empty values print as `<name>` (or the fallback). */
export function fillTemplate(template: string, values: Readonly<Record<string, Scalar | undefined>>): string {
  const segments = template.replace(OPTIONAL_SEGMENT, (_whole, inner: string) => (placeholdersOf(inner).every((name) => known(values[name])) ? inner : ""));
  return segments.replace(PLACEHOLDER, (_whole, name: string, multiplier: string | undefined, letterCase: string | undefined, fallback: string | undefined) => {
    const value = values[name];
    if (!known(value)) return fallback ?? `<${name}>`;
    const text = display(value, multiplier);
    return letterCase === "lower" ? text.toLowerCase() : letterCase === "upper" ? text.toUpperCase() : text;
  });
}
