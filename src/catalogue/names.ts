/**
Which values from the logs may be pasted into a command. Advice is copied by root operators into a
shell, and every value a template fills in (a package, node, device group, instance, address, path)
comes from log text or a folder name that anyone able to write a syslog line (`logger -t
'cmcld[2048]' ...`) or name a folder controls. A value is pasted only when Serviceguard or Raid
Manager would accept it as that kind of name; otherwise the step shows the placeholder (`<package>`)
and the finding warns that the logs named something invalid (src/correlate/engine.ts).
*/

import type { Scalar } from "../model/events.js";
import { printedValue } from "./template.js";

export interface NameRule {
  /** What the value names, in words ("package", "node"). */
  readonly what: string;
  /** The product that defines the rule, for the warning ("Serviceguard package name"). */
  readonly kind: string;
  /** What is accepted, in words. */
  readonly accepts: string;
  readonly pattern: RegExp;
  /** In bytes (UTF-8): the manuals count bytes ("39 characters (bytes)"). */
  readonly maxBytes: number;
}

// Managing Serviceguard, package_name (14th ed. June 2007 p.282, 17th ed. Dec 2009 p.264; Serviceguard
// for Linux A.11.18 release notes p.28, enforced by cmcheckconf/cmapplyconf from A.11.18): "Any name, up to
// a maximum of 39 characters, that: starts and ends with an alphanumeric character; otherwise contains
// only alphanumeric characters or dot (.), dash (-), or underscore (_)". Names older releases allowed
// still run, but a reconfiguration must rename them, so this is what a current cluster holds.
const PACKAGE: NameRule = {
  what: "package",
  kind: "Serviceguard package name",
  accepts: "letters, digits, '.', '-', '_', starting and ending with a letter or digit, at most 39 characters",
  pattern: /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/,
  maxBytes: 39,
};

// Managing Serviceguard, NODE_NAME (14th ed. p.156, 18th ed. Sep 2010 p.149, 19th ed. June 2011
// p.108): "The hostname of each system ... Do not use the full domain name", "Node names must be 39
// characters (bytes) or less, and are case-sensitive" and must match the hostname portion of the node's
// network name. Host names are letters, digits and '-' (RFC 952/1123); '_' and '.' are let through (seen
// in lab clusters, harmless in a shell), nothing else.
const NODE: NameRule = {
  what: "node",
  kind: "Serviceguard node name",
  accepts: "a host name: letters, digits, '-', '_', '.', starting with a letter or digit, at most 39 characters",
  pattern: /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
  maxBytes: 39,
};

// Raid Manager device group (dev_group of HORCM_DEV / HORCM_LDEV in horcm<N>.conf, Metrocluster's
// DEVICE_GROUP, DTHAC 10th ed. p.404: "Specifies the Raid Manager device group for this package"). The
// public copies reachable from here state no character set or length for dev_group; the CCI/RAID
// Manager guides' HORCM_DEV description recalls "up to 31 characters" [UNVERIFIED]. A configuration
// file word with no blank or '#' is all horcm.conf can hold; we accept what every example and the
// Metrocluster templates use (letters, digits, '.', '-', '_') and 31 bytes: a longer or stranger name
// shows <deviceGroup> with a warning, never a wrong command.
// Never starting with '-': a group named "-S" pasted into `pairsplit -g {deviceGroup}` is an option, not a group.
const DEVICE_GROUP: NameRule = {
  what: "device group",
  kind: "Raid Manager device group name",
  accepts: "letters, digits, '.', '-', '_', not starting with '-', at most 31 characters",
  pattern: /^[A-Za-z0-9._][A-Za-z0-9._-]*$/,
  maxBytes: 31,
};

// HORCM instance: horcmstart.sh / horcmshutdown.sh take instance numbers, HORCMINST and -I<N> a decimal
// number naming /etc/horcm<N>.conf (RM-UG; CCI-HIT p.373 "/HORCM/log*/curlog (* is instance number)").
const INSTANCE: NameRule = {
  what: "Raid Manager instance",
  kind: "HORCM instance number",
  accepts: "a decimal number of at most 4 digits",
  pattern: /^\d+$/,
  maxBytes: 4,
};

const FENCE: NameRule = {
  what: "fence level",
  kind: "Raid Manager fence level",
  accepts: "NEVER, DATA, STATUS or ASYNC (paircreate -f)",
  pattern: /^(never|data|async|status)$/i,
  maxBytes: 6,
};

// Counts, seconds and timeouts as a command or a setting line takes them: never negative there ("-5" after a command is
// an option), and as printed: "1e+23" is no number a setting reads (round-4 review: MEMBER_TIMEOUT 9.999999999999999e+29).
const NUMBER: NameRule = {
  what: "number",
  kind: "number",
  accepts: "a plain decimal number, not negative, at most 20 characters",
  pattern: /^\d+(\.\d+)?$/,
  maxBytes: 20,
};

/** A number shown in prose: a sign does no harm there. */
const SIGNED_NUMBER: NameRule = {
  ...NUMBER,
  accepts: "a plain decimal number, at most 20 characters",
  pattern: /^-?\d+(\.\d+)?$/,
};

const ADDRESS: NameRule = {
  what: "address",
  kind: "IP address or subnet",
  accepts: "an IPv4 or IPv6 address (hex digits, '.', ':', '/')",
  pattern: /^[0-9A-Fa-f.:/]+$/,
  maxBytes: 45,
};

// HP-UX LVM: a volume group is /dev/<name> or its name; logical volumes up to 255 characters (HP-UX
// System Administrator's Guide, "Naming Logical Volumes").
// Not starting with '-' (a "volume group" -v in `vgchange -a n {event.vg}` deactivates every group on Linux LVM)
// and with no ".." step (a PKGDIR of /etc/cmcluster/pkg/../other names another package's folder).
const PATH: NameRule = {
  what: "path",
  kind: "path",
  accepts: "a path of letters, digits, '.', '-', '_', '/', not starting with '-' and with no '..' step",
  pattern: /^(?!-)(?!(?:.*\/)?\.\.(?:\/|$))[A-Za-z0-9._/-]+$/,
  maxBytes: 1023,
};

/** Any other value placed in a command or a place: one shell word with no metacharacter, never an option. */
const WORD: NameRule = {
  what: "value",
  kind: "command argument",
  accepts: "letters, digits and . _ - / : @ + = , not starting with '-'",
  pattern: /^(?!-)[A-Za-z0-9._/:@+=,-]+$/,
  maxBytes: 255,
};

/**
A value a template shows in prose (a summary, a check, a step's reason) rather than in a command: a log's own
words ("Failed to fsck one of the logical volumes.") are shown as they are, but never with characters that act on
a terminal or change how the text reads (controls, direction overrides, line separators), nor the shell's
substitutions: a reason may quote a command ("then paircreate -g {deviceGroup} -f {fence} ...").
*/
const TEXT: NameRule = {
  what: "text",
  kind: "text to show in advice",
  accepts: "printable text without control, invisible or direction-changing characters, '$' or '`', at most 500 bytes",
  pattern: /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}$`]*$/u,
  maxBytes: 500,
};

/** The names every finding is about: checked wherever a template uses them (summary, checks, steps). */
export const IDENTITY_PLACEHOLDERS: ReadonlySet<string> = new Set(["package", "node", "deviceGroup", "instance"]);

/** A placeholder as a template prints it (`max.seconds*10`): its name and its multiplier (`*10`) if any. */
function splitMultiplier(placeholder: string): { name: string; multiplier: string | undefined } {
  const at = placeholder.indexOf("*");
  return at < 0 ? { name: placeholder, multiplier: undefined } : { name: placeholder.slice(0, at), multiplier: placeholder.slice(at) };
}

/** The rule for a template placeholder (`package`, `pvol.node`, `setting.PKGDIR`, `event.ip`, `max.seconds*10`). */
export function ruleFor(placeholder: string): NameRule {
  const { name } = splitMultiplier(placeholder);
  const last = name.slice(name.lastIndexOf(".") + 1);
  const lower = last.toLowerCase();
  if (lower === "package" || lower === "package_name") return PACKAGE;
  if (lower === "node" || lower === "node_name" || lower === "host") return NODE;
  if (lower === "devicegroup" || lower === "device_group") return DEVICE_GROUP;
  if (lower === "instance" || lower === "horcminst") return INSTANCE;
  if (lower === "fence") return FENCE;
  if (lower === "ip" || lower === "subnet" || lower === "address") return ADDRESS;
  if (lower === "vg" || lower === "lv" || lower.endsWith("dir") || lower.endsWith("path")) return PATH;
  if (name.startsWith("max.") || ["count", "events", "hours", "seconds", "minutes", "exitcode"].includes(lower) || lower.endsWith("timeout")) return NUMBER;
  return WORD;
}

/** The rule for a placeholder a template uses only in prose: a name keeps its rule, any other value is text. */
export function proseRuleFor(placeholder: string): NameRule {
  const rule = ruleFor(placeholder);
  return rule === WORD ? TEXT : rule === NUMBER ? SIGNED_NUMBER : rule;
}

/**
The rule the value breaks, or null when it may be pasted (`inCommand`: into a command or a place; else into prose).
A number is checked as the template prints it (`placeholder` may carry the template's multiplier, `max.seconds*10`):
an instance logged as 1234567890123456789012 prints "1.2345678901234568e+21", a product past 2^53 prints nothing
exact (template.ts: printedValue is null), and either breaks its rule like a forged name does.
*/
export function brokenRule(placeholder: string, value: Scalar | undefined, inCommand = true): NameRule | null {
  if (value === undefined || value === null || value === "" || typeof value === "boolean") return null;
  const rule = inCommand ? ruleFor(placeholder) : proseRuleFor(placeholder);
  const text =
    typeof value === "number" || splitMultiplier(placeholder).multiplier !== undefined ? printedValue(value, splitMultiplier(placeholder).multiplier) : value;
  if (text === null) return rule;
  return rule.pattern.test(text) && Buffer.byteLength(text) <= rule.maxBytes ? null : rule;
}

const SHOWN_CHARACTERS = 120;

/**
The raw value as a quoted, escaped string: every character outside printable ASCII (escape sequences,
newlines, bidirectional overrides) as `\uXXXX`, quotes and backslashes escaped, long values cut.
*/
export function quoteRaw(value: string): string {
  const characters = [...value];
  const shown = characters.length > SHOWN_CHARACTERS ? `${characters.slice(0, SHOWN_CHARACTERS).join("")}...` : value;
  const escaped = shown
    .replace(/[\\"]/g, (character) => `\\${character}`)
    .replace(/[^\x20-\x7e]/gu, (character) =>
      [...character]
        .map((unit) => {
          const code = unit.codePointAt(0) as number;
          return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
        })
        .join(""),
    );
  return `"${escaped}"`;
}

export interface WithheldValue {
  readonly placeholder: string;
  readonly value: Scalar;
  readonly rule: NameRule;
  /** The template's multiplier (`*10000000`) when the value is withheld for what it prints as multiplied. */
  readonly multiplier?: string;
}

/**
The values safe to fill in, and those withheld (they print as `<placeholder>` or the template's fallback).
`inCommands` are the placeholders used in a step's command or place, and the identity names: screened by their
name rule. `inProse` are every other placeholder a template uses (summaries, checks, reasons): a name by its
rule, any other value as text (proseRuleFor). Every value a finding shows is screened one way or the other.
*/
export function screenValues(
  values: Readonly<Record<string, Scalar | undefined>>,
  inCommands: Iterable<string>,
  inProse: Iterable<string> = [],
): {
  values: Record<string, Scalar | undefined>;
  withheld: WithheldValue[];
} {
  const safe: Record<string, Scalar | undefined> = { ...values };
  const withheld: WithheldValue[] = [];
  const commandPlaceholders = new Set(inCommands);
  // A placeholder may come as printed, with its multiplier (`max.seconds*10`): the value is the name's, withheld once.
  const screen = (printed: string, inCommand: boolean): void => {
    const { name, multiplier } = splitMultiplier(printed);
    const value = values[name];
    if (withheld.some((entry) => entry.placeholder === name)) return;
    const rule = brokenRule(printed, value, inCommand);
    if (!rule) return;
    safe[name] = undefined;
    const plainBroken = multiplier !== undefined && brokenRule(name, value, inCommand) !== null;
    withheld.push({ placeholder: name, value: value as Scalar, rule, ...(multiplier !== undefined && !plainBroken ? { multiplier } : {}) });
  };
  for (const placeholder of commandPlaceholders) screen(placeholder, true);
  for (const placeholder of new Set(inProse)) if (!commandPlaceholders.has(placeholder)) screen(placeholder, false);
  return { values: safe, withheld };
}

/** The finding's warning for a withheld value: what the logs said (escaped), why it is not used, what to do. */
export function withheldWarning({ placeholder, value, rule, multiplier }: WithheldValue): string {
  if (multiplier !== undefined) {
    return (
      `The logs give the ${rule.what} ${quoteRaw(String(value))}, which multiplied by ${multiplier.slice(1)} is too large to print as an exact whole number: ` +
      `the advice shows <${placeholder}> in its place. Work the value out from the evidence lines; ` +
      "a log line this large may have been forged."
    );
  }
  if (rule === TEXT) {
    return (
      `A log line's text ${quoteRaw(String(value))} is not repeated here (${rule.accepts}): <${placeholder}> stands in its place. ` +
      "Read the line itself among the evidence."
    );
  }
  return (
    `The logs name the ${rule.what} ${quoteRaw(String(value))}, which is not a valid ${rule.kind} (${rule.accepts}): ` +
    `the steps show <${placeholder}> in its place. Find the real name (cmviewcl -v, pairdisplay) before running them; ` +
    "a log line or folder naming it may have been forged."
  );
}
