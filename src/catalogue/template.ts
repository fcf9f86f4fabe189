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

/**
Every placeholder as the template prints it: its name with its multiplier (`max.seconds*10`), else its name. What is
screened (names.ts): a value is checked as printed, and a product is printed.
*/
export function printedPlaceholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) names.push(match[2] === undefined ? match[1] : `${match[1]}${match[2]}`);
  return names;
}

/**
value × factor rounded up to a whole number; 6.1 × 10 is 61, not 62 (binary fractions rounded away first). Null when
the result is no safe integer: past 2^53 a whole number is no longer exact, and from 1e21 JavaScript prints it in
exponent form ("9.999999999999999e+29"), which no setting or command reads as the number meant.
*/
function multiply(value: number, factor: number): string | null {
  const product = value * factor;
  if (!Number.isFinite(product) || Math.abs(product) >= 1e21) return null;
  const rounded = Math.ceil(Number(product.toFixed(6)));
  return Number.isSafeInteger(rounded) ? String(rounded) : null;
}

/**
A value as a template prints it, `multiplier` the placeholder's `*<factor>` if any: null when the product cannot be
printed as a plain whole number (the placeholder then prints as `<name>`, and names.ts withholds the value).
*/
export function printedValue(value: Scalar, multiplier: string | undefined): string | null {
  const factor = multiplier === undefined ? undefined : Number(multiplier.slice(1));
  if (factor !== undefined && typeof value === "number") return multiply(value, factor);
  if (factor !== undefined && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return multiply(Number(value), factor);
  // A number logged as 1e23 seconds prints as "1e+23": no plain decimal, nothing to paste.
  if (typeof value === "number" && !/^-?\d+(?:\.\d+)?$/.test(String(value))) return null;
  return String(value);
}

const known = (value: Scalar | undefined): value is string | number | boolean => value !== undefined && value !== null && value !== "";

/** Fill a template from the values; missing or empty values print as `<name>` (or the fallback). */
export function fillTemplate(template: string, values: Readonly<Record<string, Scalar | undefined>>): string {
  const segments = template.replace(OPTIONAL_SEGMENT, (_whole, inner: string) => (placeholdersOf(inner).every((name) => known(values[name])) ? inner : ""));
  return segments.replace(PLACEHOLDER, (_whole, name: string, multiplier: string | undefined, letterCase: string | undefined, fallback: string | undefined) => {
    const value = values[name];
    if (!known(value)) return fallback ?? `<${name}>`;
    const text = printedValue(value, multiplier);
    if (text === null) return fallback ?? `<${name}>`;
    return letterCase === "lower" ? text.toLowerCase() : letterCase === "upper" ? text.toUpperCase() : text;
  });
}
