# Serviceguard messages: cmcld/cmclconfd/cmsrvassistd/cmlvmd syslog sentences, CM-CMD command
# audit lines, and the package control scripts' step texts, banners and ERROR/WARNING lines
# (legacy and modular). The lexer splits a body into words; blanks, punctuation and '#' runs are
# dropped, so "Started package pkgA on node nodeA1." is the words Started package pkgA on node nodeA1.
#
# A body is one sentence, chosen by its first words, followed by any words (`rest`). A body whose
# first word starts no sentence is free text (`free`): it is scanned for "switching ... disabled"
# and "configuration ... applied", and otherwise yields no event. The first words of sentences
# are listed in SENTENCE_STARTS so that free text never overlaps a sentence (one parse only).
# Sentence wording for cmcld package messages is not verified (reference.md §8), so each sentence
# fixes only the words that identify it and reads the rest loosely.

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken, restOfLine } from "../../parse/token-filter.js";
import { continentalMaintenance } from "./operator.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    hashes: /#+/,
    quoted: /'[^'\n]*'|"[^"\n]*"/,
    punct: /[.,;:!?]+(?=[\s'"#]|(?![^]))/,
    word: /[^\s'"#]+?(?=[.,;:!?]*(?:[\s'"#]|(?![^])))/,
    other: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["word", "quoted", "other"], drop: ["space", "hashes", "punct"], endToken: true },
);

type Token = SourcedToken;
type Scalar = string | number | boolean | null;
interface Draft { kind: string; package?: string; node?: string; deviceGroup?: string; fields?: Record<string, Scalar> }

// Serviceguard commands (CM-CMD logs each one): any cm* word that is not a daemon name (daemons end in "d": cmcld, cmclconfd, cmlvmd).
const isAdminCommand = (word: string): boolean => /^cm[a-z]{3,}$/.test(word) && !word.endsWith("d");
const PACKAGE_COMMANDS = new Set(["cmrunpkg", "cmhaltpkg", "cmmodpkg"]);
// Options of the package commands that take a value (the value is not the package name).
const VALUE_OPTIONS = new Set(["-n", "-t", "-o", "-f"]);

const SENTENCE_STARTS = new Set([
  "Request", "Executing", "Started", "Halted", "Package", "Switching", "Timed", "Attempting", "The", "Member", "Warning", "This",
  "Lost", "Could", "Starting", "Halting", "Failed", "Activating", "Deactivating", "Checking", "Mounting", "Unmounting", "Adding",
  "Remove", "Removing", "ERROR", "Function", "WARNING", "Unmount", "umount", "vgchange", "Service", "Membership",
]);

// Token matchers, used in rules as %free etc. nearley hands a matcher the whole token. They are
// `var` because nearleyc also emits `declare var <name>` for every %name it does not find in the lexer.
const matcher = (accepts: (value: string) => boolean) => ({ test: (token: Token) => isRealToken(token) && accepts(token.value) });
var free = matcher((value) => !SENTENCE_STARTS.has(value) && !/^\d+$/.test(value) && !isAdminCommand(value));
var count = matcher((value) => /^\d+$/.test(value));
var notFunction = matcher((value) => value !== "Function");
var notFailed = matcher((value) => value !== "failed");
var adminCommand = matcher(isAdminCommand);
var anyToken = { test: isRealToken };
// The third word of the "Package X ..." sentences above; any other third word is a free "Package" sentence.
const PACKAGE_VERBS = new Set(["run", "halt", "switching", "started", "halted", "completed", "failed", "FAILED", "with", "has"]);
var otherPackageVerb = matcher((value) => !PACKAGE_VERBS.has(value));
// "Failed to start/halt package X" are sentences; any other "Failed ..." body is free text (a lock refusal).
var notTo = matcher((value) => value !== "to");
var notStartOrHalt = matcher((value) => value !== "start" && value !== "halt");
// "The ServiceGuard daemon, /usr/lbin/cmcld[2456], <verb> ...": "died upon receiving the signal" is its own sentence;
// any other verb ("exiting: cluster partition lost quorum") is read as free text.
var notDied = matcher((value) => value !== "died");
// "Member X seems unhealthy" is its own sentence; any other third word may be a peer heard again.
var notSeems = matcher((value) => value !== "seems");

/** The package a "Failed to start package X" line names: "package for pkg1" names pkg1, not "for"; none when no word follows. */
function packageAfter(word: Token, rest: Token[]): string | undefined {
  if (!NOT_A_NAME.has(word.value.toLowerCase())) return word.value;
  const next = rest[0];
  return next && next.type === "word" && !NOT_A_NAME.has(next.value.toLowerCase()) ? next.value : undefined;
}

function draft(kind: string, columns: { package?: string; node?: string; deviceGroup?: string } = {}, fields?: Record<string, Scalar | undefined>): Draft {
  const event: Draft = { kind };
  if (columns.package !== undefined) event.package = columns.package;
  if (columns.node !== undefined) event.node = columns.node;
  if (columns.deviceGroup !== undefined) event.deviceGroup = columns.deviceGroup;
  if (fields) {
    const kept: Record<string, Scalar> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) kept[key] = value;
    if (Object.keys(kept).length > 0) event.fields = kept;
  }
  return event;
}

const text = (token: Token | null | undefined): string | undefined => (token ? token.value : undefined);
const values = (tokens: Token[]): string[] => tokens.map((token) => token.value);
/** How many node ids a membership notice includes ("includes: 1 2 3 4 excludes: 5"). */
function includedIds(words: string[]): number {
  const from = words.findIndex((word) => /^includes:?$/i.test(word));
  let count = 0;
  for (let at = from + 1; from >= 0 && at < words.length && /^\d+$/.test(words[at]); at++) count++;
  return count;
}

/** The word after `key` in a word list. */
function after(words: string[], key: string): string | undefined {
  const index = words.indexOf(key);
  return index >= 0 && index + 1 < words.length ? words[index + 1] : undefined;
}

/** The year of a banner's `at <date>` tail: its last four-digit word. */
function yearOf(words: string[]): number | undefined {
  for (let index = words.length - 1; index >= 0; index--) if (/^\d{4}$/.test(words[index])) return Number(words[index]);
  return undefined;
}

/** "Starting package at <date>" (legacy banner) or "Starting package pkg1" (modular banner). */
function packagePhase(kind: string, rest: Token[]): Draft[] {
  const words = values(rest);
  if (words[0] === "at") return [draft(kind, {}, { year: yearOf(words) })];
  return [draft(kind, { package: words[0] })];
}

function bannerOutcome(kind: string, rest: Token[]): Draft[] {
  const words = values(rest);
  return [draft(kind, {}, { year: words[0] === "at" ? yearOf(words) : undefined })];
}

const stripParens = (word: string): string => word.replace(/^\(+|\)+$/g, "");
const baseName = (path: string): string => stripParens(path).replace(/\[\d*\]$/, "").replace(/^.*\//, "");

function vgActivate(vg: Token, rest: Token[]): Draft[] {
  const words = values(rest);
  const mode = words[0] === "with" && words[2] === "option" ? words[1] : undefined;
  return [draft("pkg.vg.activate", {}, { vg: vg.value, mode })];
}

function mount(device: Token, rest: Token[]): Draft[] {
  const words = values(rest);
  return [draft("pkg.fs.mount", {}, { device: device.value, mountpoint: after(words, "at") ?? after(words, "on") })];
}

function unmount(rest: Token[]): Draft[] {
  const words = values(rest);
  const device = after(words, "on") ?? words.find((word) => word.startsWith("/")) ?? words[words.length - 1];
  return [draft("pkg.fs.unmount", {}, { device })];
}

function ipChange(kind: string, rest: Token[]): Draft[] {
  const words = values(rest);
  return [draft(kind, {}, { ip: words[0], subnet: after(words, "subnet") })];
}

function scriptPhase(script: string): "run" | "halt" {
  return /\b(?:stop|halt)\s*$/.test(script) ? "halt" : "run";
}

/** ERROR detail to the failing step, from the template's test_return texts (reference.md §2.3). */
function errorReason(detail: string): string {
  const lower = detail.toLowerCase();
  if (/customer/.test(lower)) return "customer";
  if (/\bnfs\b/.test(lower)) return "nfs";
  if (/fsck/.test(lower)) return "fsck";
  if (/\bservice\b/.test(lower)) return "service";
  if (/\b(?:u?n?mount|umount)\b/.test(lower) || /\bmount\b/.test(lower)) return "mount";
  if (/\bip\b|\bsubnet\b/.test(lower) || /\bremove\s+\d+\.\d+\.\d+\.\d+/.test(lower)) return "ip";
  if (/activate|volume group|\bvg\w*/.test(lower)) return "vg";
  return "unknown";
}

/**
The step an "ERROR:  Function <name>" line names, as errorReason names it from the detail line: the legacy template's
functions (activate_volume_group, check_and_mount, add_ip_address, start_services, customer_defined_run_cmds, ...)
and the modular master control script's (sg_ prefixed, and start_external_scripts: the package's external scripts,
the modular form of the customer-defined commands, where toolkits such as the RAC one run). Undefined for any other
function (Metrocluster's own, verify_physical_data_replication or start_dts_modules, is not a step of the package's).
*/
function functionReason(name: string): string | undefined {
  const step = name.toLowerCase().replace(/^sg_/, "");
  if (/^customer_defined_\w+$|^(?:start|stop|run|halt)_external(?:_pre)?_scripts?$/.test(step)) return "customer";
  if (/^(?:de)?activate_volume_group$/.test(step)) return "vg";
  if (/^check_and_mount$|^umount_fs$|^freeup_busy_mountpoint_and_mount_fs$/.test(step)) return "mount";
  if (/^(?:add|remove)_ip_address$/.test(step)) return "ip";
  if (/^(?:start|halt)_services$/.test(step)) return "service";
  if (/^verify_ha_nfs$/.test(step)) return "nfs";
  return undefined;
}

function packageError(name: string): Draft[] {
  return [draft("pkg.error", {}, { function: name, reason: functionReason(name) })];
}

function errorDetail(start: Token | null): Draft[] {
  const detail = start ? restOfLine(start) : "";
  return [draft("pkg.error.detail", {}, { detail, reason: errorReason(detail) })];
}

// Words that, right after a command's name, make the line a sentence about it rather than the command with its arguments.
const SENTENCE_VERBS = new Set(["is", "are", "was", "were", "has", "have", "had", "can", "cannot", "could", "will", "would", "may", "might", "must",
  "should", "now", "not", "enabled", "disabled", "allowed"]);
// Not the outcome words ("cmrecovercl completed successfully for recovery group rg_ora"): the command ran (review).

function adminCommandEvent(command: Token): Draft[] {
  // "cmrecovercl: recovery group rg_billing is in maintenance mode, skipped": the command naming itself before its own
  // message (a daemon logging for it), not the command typed (round 47 #07 read it as a second recovery asked for).
  if (command.source.charAt(command.offset + command.text.length) === ":") return [];
  const args = restOfLine(command, true);
  const words = args.split(/\s+/).filter((word) => word.length > 0);
  // "cmclsentryd: cmrecovercl is now enabled on cluster drclu_man for recovery group rg_x", "cmrunpkg was refused": a sentence
  // about the command (a daemon saying it may now be run, or what became of it), not the command typed (round 53 #07: the
  // monitor's notice after the alarm read as the recovery already run, which closed the alarm).
  if (words.length > 0 && SENTENCE_VERBS.has(words[0].toLowerCase())) return [];
  let commandName = command.value;
  let operands = words;
  if (commandName === "cmforceconcl" && words.length > 0 && PACKAGE_COMMANDS.has(words[0])) {
    commandName = words[0];
    operands = words.slice(1);
  }
  let packageName: string | undefined;
  if (PACKAGE_COMMANDS.has(commandName)) {
    for (let index = 0; index < operands.length; index++) {
      const word = operands[index];
      if (VALUE_OPTIONS.has(word)) index++;
      else if (!word.startsWith("-")) packageName = word;
    }
  }
  if (CONFIG_COMMANDS.has(commandName)) packageName ??= packageOfConfigFile(operands);
  const maintenance = continentalMaintenance(command.value, words);
  return [draft("admin.command", { package: packageName }, { command: command.value, args }), ...(maintenance === null ? [] : [maintenance])];
}

// Commands that check or apply a package's configuration file given with -P (cmapplyconf -P /etc/cmcluster/pkgsap/pkgsap.config).
const CONFIG_COMMANDS = new Set(["cmapplyconf", "cmcheckconf"]);
// A file's name that says what it is, not whose: then its folder names the package.
const GENERIC_CONFIG_NAMES = new Set(["pkg", "package", "config", "conf", "ascii", "cluster", "new", "tmp"]);
/** The package a -P file names: its name without .config/.conf/.ascii, else (a generic name) its folder's. */
function packageOfConfigFile(operands: readonly string[]): string | undefined {
  const at = operands.indexOf("-P");
  const file = at >= 0 ? operands[at + 1] : undefined;
  if (file === undefined || file.startsWith("-")) return undefined;
  const parts = file.split("/").filter((part) => part.length > 0);
  const name = (parts[parts.length - 1] ?? "").replace(/\.(?:config|conf|ascii|cfg|txt)$/i, "");
  if (name.length > 0 && !GENERIC_CONFIG_NAMES.has(name.toLowerCase()) && /^[A-Za-z0-9][\w.-]*$/.test(name)) return name;
  const folder = parts[parts.length - 2];
  return folder !== undefined && folder !== "cmcluster" && /^[A-Za-z0-9][\w.-]*$/.test(folder) ? folder : undefined;
}

// English words that follow "package"/"node" in prose and are not a name ("this node because ...").
const NOT_A_NAME = new Set(["because", "is", "has", "was", "this", "that", "the", "and", "for", "to", "in", "on", "of", "switching", "cannot", "will", "not", "lock",
  "left", "now", "eligible", "available", "found", "running", "a", "an", "it", "which", "where"]);
// Words saying a script was stopped at its timeout setting: "terminated due to a timeout of 300 seconds (RUN_SCRIPT_TIMEOUT)".
const KILLED_WORDS = new Set(["terminated", "killed", "exceeded", "expired", "reached", "aborted"]);

/** The name after `key` (case-insensitive), unless it is an English word. */
function nameAfter(words: string[], lower: string[], key: string): string | undefined {
  const index = lower.indexOf(key);
  if (index < 0 || index + 1 >= words.length || NOT_A_NAME.has(lower[index + 1])) return undefined;
  return words[index + 1];
}

/** Free text: only phrasings that are known by their words, wherever they stand. */
/** "exited with TIMEOUT" says the script was killed at its timeout: the exit and the timeout, both. */
function scriptExit(packageName: string, phase: string, status: string): Draft[] {
  const exit = draft("pkg.script.exit", { package: packageName }, { phase, status });
  return status.toUpperCase() === "TIMEOUT" ? [exit, draft("pkg.script.timeout", { package: packageName }, { phase })] : [exit];
}

/**
A script stopped at its timeout, named by the setting: "Service PKG*61441 terminated due to a timeout of 300 seconds
(RUN_SCRIPT_TIMEOUT) for package pay_pkg" (wording not public: the run script runs as a PKG* service). Not a
setting merely quoted: a word must say the script was stopped. Undefined when the line is not that.
*/
function scriptTimeout(tokens: Token[]): Draft[] | undefined {
  const words = values(tokens);
  const lower = words.map((word) => word.toLowerCase());
  const setting = lower.map(stripParens).find((word) => word === "run_script_timeout" || word === "halt_script_timeout");
  if (!setting || !lower.some((word) => KILLED_WORDS.has(word))) return undefined;
  const packageName = nameAfter(words, lower, "package");
  return packageName ? [draft("pkg.script.timeout", { package: stripParens(packageName) }, { phase: setting.startsWith("run") ? "run" : "halt" })] : undefined;
}

/**
Whose switching a line says is disabled (Managing Serviceguard keeps them apart: AUTO_RUN, the package's own or
"global" switching, enabled with cmmodpkg -e; "Switching for a node", one per node the package may run on, enabled
with cmmodpkg -e -n). `node` when the line ties it to a node ("Switching disabled on node n1 for package p",
"... for package p on node n1", "switching has been disabled for this node", "node switching is disabled"): the
package may still run, and Serviceguard still moves it, elsewhere. `package` when it says global, globally, AUTO_RUN
or package switching, or names no node.
*/
function disabledScope(lower: string[]): "package" | "node" {
  const plain = lower.map((word) => word.replace(/^[("'[]+|[)"'\].,;:!]+$/g, ""));
  if (plain.some((word) => word.startsWith("global") || word === "auto_run" || word === "autorun")) return "package";
  if (plain.some((word, at) => word === "package" && plain[at + 1] === "switching")) return "package";
  const forNode = plain.some(
    (word, at) =>
      word === "node" &&
      (plain[at + 1] === "switching" ||
        plain[at - 1] === "this" ||
        ((plain[at - 1] === "on" || plain[at - 1] === "for") && at + 1 < plain.length && !NOT_A_NAME.has(plain[at + 1]))),
  );
  return forNode ? "node" : "package";
}

/**
The cluster daemon hearing a peer again after its heartbeats were lost: "Heartbeat network lan1 recovered, athb1 seen
again", "Receiving heartbeats from nodeB1 again", "Member nodeB1 is healthy again" (wording not public). The node that
logs it (the line's host) had its daemon running through the loss; the event is about the peer (its node). A network
that recovers without naming a peer (cmnetd's "lan3 recovered.") and a heartbeat lost or not received say nothing here.
*/
const NOT_RECOVERED = new Set(["not", "no", "never", "unhealthy", "lost", "failed", "missing", "timed"]);
const RECOVERED = new Set(["again", "recovered", "restored", "resumed"]);
function peerSeenAgain(words: string[], lower: string[]): Draft[] {
  if (lower.some((word) => NOT_RECOVERED.has(word)) || !lower.some((word) => RECOVERED.has(word))) return [];
  if (lower[0] !== "member" && !lower.some((word) => /^heartbeats?$/.test(word))) return [];
  const seen = lower.findIndex((word, at) => word === "seen" && lower[at + 1] === "again");
  let peer: string | undefined;
  if (seen > 0) peer = words[seen - 1];
  else if (lower[0] === "member") peer = words[1];
  else if (lower.includes("from")) peer = nameAfter(words, lower, "from");
  if (peer !== undefined && ["node", "member"].includes(peer.toLowerCase())) peer = words[words.indexOf(peer) + 1];
  if (peer === undefined || NOT_A_NAME.has(peer.toLowerCase()) || !/^[A-Za-z][\w.-]*$/.test(stripPunctuation(peer))) return [];
  return [draft("cluster.heartbeat.restored", { node: stripPunctuation(peer) })];
}

function scanFree(tokens: Token[]): Draft[] {
  const words = values(tokens);
  const lower = words.map((word) => word.toLowerCase());
  const events: Draft[] = [];
  // "Disabling global switching for package P." is cmcld disabling it after a failed run script, as "... switching disabled".
  if ((lower.includes("switching") || lower.includes("globally") || lower.includes("auto_run")) && (lower.includes("disabled") || lower[0] === "disabling")) {
    events.push(
      draft("pkg.switching.disabled", { package: nameAfter(words, lower, "package"), node: nameAfter(words, lower, "node") }, { scope: disabledScope(lower) }),
    );
  }
  // cmmodpkg -d as cmcld logs it: "Request from node A to disable global switching for package P." or "... to disable
  // package P on node N." (one node's, cmmodpkg -d -n N).
  const disableAt = lower.indexOf("disable");
  if (lower[0] === "request" && disableAt > 0 && lower.includes("package")) {
    const packageName = nameAfter(words, lower, "package");
    const onNode = lower.findIndex((word, at) => at > disableAt && word === "on" && lower[at + 1] === "node");
    const node = onNode > 0 ? words[onNode + 2] : undefined;
    if (packageName) events.push(draft("pkg.switching.disabled", { package: stripPunctuation(packageName), node: node && stripPunctuation(node) }, { scope: node ? "node" : "package" }));
  }
  // cmmodpkg -e as cmcld logs it: "Request from node A to enable global switching for package P." (the package's
  // switching, AUTO_RUN) or "Request from node A to enable package P on node N." (one node's, cmmodpkg -e -n N).
  const enableAt = lower.indexOf("enable");
  if (lower[0] === "request" && enableAt > 0 && lower.includes("package")) {
    const packageName = nameAfter(words, lower, "package");
    const onNode = lower.findIndex((word, at) => at > enableAt && word === "on" && lower[at + 1] === "node");
    const node = onNode > 0 ? words[onNode + 2] : undefined;
    if (packageName) events.push(draft("pkg.switching.enabled", { package: stripPunctuation(packageName), node: node && stripPunctuation(node) }, { scope: node ? "node" : "package" }));
  }
  if (lower.includes("configuration") && lower.includes("applied")) events.push(draft("config.applied"));
  events.push(...peerSeenAgain(words, lower));
  // "... no eligible nodes to start it", and cmcld's "Package oms cannot be started: no node is available to run it"
  // (round 64 #09, #18: read as a Metrocluster refusal instead).
  const noNodeAvailable = lower.some((word, at) => word === "no" && lower.slice(at + 1, at + 4).some((next) => next === "node" || next === "nodes")
    && lower.slice(at + 1, at + 6).includes("available"));
  // "Package hrweb cannot be started on any node: dependency hrdb_up ... is met only on node hrx2, which is disabled for
  // the package" (round 68 #18): the same in other words, whatever keeps each node out.
  const onNoNode = /\b(?:cannot|can not|can't|could not|will not|won't|not) (?:be )?(?:started|start|run)\b[^:;]*\bon any (?:other )?(?:eligible )?nodes?\b/.test(lower.join(" "));
  if ((lower.includes("no") && lower.includes("eligible") && (lower.includes("nodes") || lower.includes("node"))) || noNodeAvailable || onNoNode) {
    events.push(draft("pkg.no.eligible.node", { package: nameAfter(words, lower, "package") }));
  }
  // "Run script for package pkgA timed out after 600 seconds": Serviceguard killed the script (wording not public).
  const script = lower.indexOf("script");
  if (script > 0 && (lower[script - 1] === "run" || lower[script - 1] === "halt") && lower.includes("timed") && lower.includes("out")) {
    const packageName = nameAfter(words, lower, "package");
    if (packageName) events.push(draft("pkg.script.timeout", { package: packageName }, { phase: lower[script - 1] }));
  }
  if (!events.some((event) => event.kind === "pkg.script.timeout")) events.push(...(scriptTimeout(tokens) ?? []));
  // "Halt script for package web failed with exit 1": cmcld saying the halt failed (wording not public).
  if (script > 0 && lower[script - 1] === "halt" && lower.includes("failed") && !events.some((event) => event.kind === "pkg.script.timeout")) {
    const packageName = nameAfter(words, lower, "package");
    if (packageName) events.push(draft("pkg.halt.failed", { package: packageName }));
  }
  const leftNode = nodeThatLeft(words, lower);
  if (leftNode) events.push(draft("node.timeout", { node: leftNode, package: nameAfter(words, lower, "package") }));
  const haltedNode = leftNode ? undefined : nodeThatHalted(words, lower);
  if (haltedNode) events.push(draft("node.halted", { node: haltedNode }));
  events.push(...arbitration(words, lower));
  return events;
}

/**
cmcld saying a node left the cluster in other words than "Timed out node X": "Package pkgA is no longer
running on node X (node failed)", "node X failed", "node X has been removed from the cluster". The words
must follow "node X" (a package that failed on a node is not a node failure). Wording not public.
*/
function nodeThatLeft(words: string[], lower: string[]): string | undefined {
  const index = lower.indexOf("node");
  const name = nameAfter(words, lower, "node");
  if (index < 0 || !name) return undefined;
  const tail = lower.slice(index + 2).map(stripParens).join(" ");
  return /^(?:node failed|node timed out|failed|has failed|timed out|(?:has been |was )?removed from the cluster)$/.test(tail) ? stripParens(name) : undefined;
}

/**
cmcld saying a node left the cluster cleanly (cmhaltnode, a shutdown): "Node nodeB2 has halted and left the cluster.",
"Node nodeB2 has left the cluster". Wording not public. A failure says so (nodeThatLeft).
*/
function nodeThatHalted(words: string[], lower: string[]): string | undefined {
  const index = lower.indexOf("node");
  const name = nameAfter(words, lower, "node");
  if (index !== 0 || !name) return undefined;
  const tail = lower.slice(index + 2).map(stripPunctuation).join(" ");
  // "Node crms2 is halting and leaving the cluster." (cmhaltnode's node seen from the others, Serviceguard for Linux);
  // "Node slo-pay2 has halted" (the others' word for a cmhaltnode, then the membership without it: round 66 #06);
  // "Node lgxa02 is halting. Removing it from the cluster." (two sentences, the second about the cluster: round 68 #02).
  return /^(?:has |was )?(?:halted and )?left the cluster$|^(?:(?:has (?:been )?|was )?halted|is halting)(?: (?:and )?(?:(?:has )?left|leaving|leaves|removing it from|(?:is |was )?removed from) the cluster)?$/.test(tail)
    ? stripParens(name)
    : undefined;
}

const LOCK_FAILED = ["failed", "denied", "unable", "cannot"];
const LOCK_NOT_GOT = new Set(["obtained", "granted", "acquired", "got"]);
const stripPunctuation = (word: string): string => word.replace(/[.,;:!]+$/, "");
const SERVER_DOWN = ["unavailable", "unreachable", "down", "lost", "timed", "responding"];

/**
Cluster arbitration (the quorum server or cluster lock that breaks a 50-50 tie). Real lines from the
Quorum Server A.04.00 release notes (p.8): "Attempt to get quorum server lock /sg/CLUSTER_DEV at 10.0.0.1
failed. Lock denied" and "Deamon exiting as it lost the quorum." (sic). How cmcld words a quorum server
that stops answering while the cluster runs is not public: any "quorum server" sentence with a word of
failure counts. LVM's "Lost quorum." (a volume group) names no daemon or cluster and is not read here.
*/
function arbitration(words: string[], lower: string[]): Draft[] {
  const text = lower.join(" ");
  if (!text.includes("quorum") && !(text.includes("cluster lock"))) return [];
  const events: Draft[] = [];
  // "quorum server status from qs01": the word after "server" is what was asked of it, the server comes after "from".
  const asked = ["status", "lock", "information", "info", "connection"];
  const server = asked.includes(lower[lower.indexOf("server") + 1] ?? "") ? nameAfter(words, lower, "from") : nameAfter(words, lower, "server");
  // "Cluster lock not obtained", "the lock was not granted": a refusal in other words.
  const notGot = lower.includes("not") && lower.some((word) => LOCK_NOT_GOT.has(stripPunctuation(word)));
  // The tie-breaker gave the lock to the other half: this node lost the tie-break.
  // Also said of the quorum itself: "Quorum Server qs01 has already granted quorum to another partition (b1, b2)".
  const toOther =
    /\b(?:granted|gave|given|awarded)\b.*\b(?:lock|quorum)\b.*\bto (?:the other|another)\b|\b(?:lock|quorum)\b.*\b(?:granted|gave|given|awarded)\b.*\b(?:lock |quorum )?to (?:the other|another)\b/.test(
      text,
    );
  if ((lower.includes("lock") && (LOCK_FAILED.some((word) => lower.includes(word)) || notGot)) || toOther) {
    const lockIndex = lower.indexOf("lock");
    const lock = lockIndex >= 0 && words[lockIndex + 1]?.startsWith("/") ? words[lockIndex + 1] : undefined;
    // toOther: the tie-breaker chose the other partition, which goes on as the cluster (this one did not halt for want of any).
    events.push(draft("cluster.lock.failed", {}, { lock, server: after(words, "at") ?? server, toOther: toOther || undefined }));
    // Refused the lock while the cluster re-forms: this node lost the tie-break and leaves the cluster
    // (the losing half halts: Managing Serviceguard, "Cluster Lock"), as the daemon's "lost the quorum".
    // Or the refusal says the nodes left are no quorum: "Cluster lock was not obtained. 2 of 4 nodes is not a quorum." (round 63
    // #08: the Gasan half halted after the quorum server and then Pangyo were lost, and no quorum loss was read).
    if (toOther || lower.some((word) => /^re-?form/.test(word)) || /\b(?:is|are) not (?:a )?quorum\b/.test(text)) return [...events, draft("cluster.quorum.lost")];
  } else if (text.includes("quorum server") && SERVER_DOWN.some((word) => lower.includes(word))) {
    events.push(draft("quorum.server.unavailable", {}, { server }));
  }
  const daemonWords = ["deamon", "daemon", "cmcld", "cluster", "exiting", "halting"];
  if (lower.includes("quorum") && (lower.includes("lost") || lower.includes("lose")) && !text.includes("quorum server") && daemonWords.some((word) => lower.includes(word))) {
    events.push(draft("cluster.quorum.lost"));
  } else if (/\b(?:unable|failed|cannot|could not) to (?:obtain|get|acquire|achieve|gain) (?:the )?quorum\b(?![ \t]+server)/.test(text) && !events.some((event) => event.kind === "cluster.quorum.lost")) {
    // "Unable to obtain quorum. This node will be halted by the safety timer to protect data integrity.": the node
    // lost the re-formation (a quorum it could not get, not a volume group's quorum).
    events.push(draft("cluster.quorum.lost"));
  }
  return events;
}

/** "not halted cleanly on node X ...": the Site Controller sentence, read by its own rule (reject it here). */
function isUncleanHalt(rest: Token[]): boolean {
  const words = values(rest);
  return words.length >= 6 && words[0] === "not" && words[1] === "halted" && words[2] === "cleanly" && words[3] === "on" && words[4] === "node";
}

/** "terminated due to an exit(1)" -> 1; null when no exit status is given (a signal, say). */
function exitStatusOf(rest: Token[]): number | null {
  for (const token of rest) {
    const match = /^exit\((\d+)\)$/.exec(token.value);
    if (match) return Number(match[1]);
  }
  return null;
}

function switching(packageName: string | undefined, rest: Token[], disabled: boolean): Draft[] {
  const words = values(rest);
  if (!disabled && !words.includes("disabled")) return [];
  return [draft("pkg.switching.disabled", { package: packageName ?? after(words, "package"), node: after(words, "node") }, { scope: disabledScope(words.map((word) => word.toLowerCase())) })];
}

export const meta = {
  name: "serviceguard",
  role: "body",
  formats: ["syslog", "pkglog"],
  // Cheap gate: every sentence's identifying words, merged where one covers another ("form"
  // covers "formed", "[Mm]ounting" covers "Unmounting", "activating" covers "Deactivating").
  prefilter: /[Pp]ackage|[Hh]eartbeat|[Qq]uorum|[Cc]luster [Ll]ock|Service .* terminated|Request from|Executing|[Ss]witching|Timed out|form|membership|left the cluster|leaving the cluster|^\s*Node \S+ (?:(?:has |was )?(?:been )?halted|is halting)|Member|unable to run|evicted|no longer a|daemon|Lost connection|Could not read|^\s*cm[a-z]|Starting|Halting|[Aa]ctivating|Checking|[Mm]ounting|IP address|ERROR|WARNING|Function|Failed to|trying again|[Cc]onfiguration|^\s*(?:vgchange|umount|Unmount)/,
  description: "Serviceguard daemon messages, CM-CMD command lines, and package control script steps, banners and errors",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "Request from node star04 to start package pkg5 on node star04.", expect: [{ kind: "pkg.start.requested", package: "pkg5", node: "star04", fields: { from: "star04" } }] },
  { text: "Request from node nodeA1 to halt package pkgA on node nodeB1.", expect: [{ kind: "pkg.halt.requested", package: "pkgA", node: "nodeB1", fields: { from: "nodeA1" } }] },
  { text: "Executing '/etc/cmcluster/pkg5/pkg5_run start' for package pkg5.", expect: [{ kind: "pkg.script.executing", package: "pkg5", fields: { script: "/etc/cmcluster/pkg5/pkg5_run start", phase: "run" } }] },
  { text: "Executing '/etc/cmcluster/pkgA/pkgA.cntl stop' for package pkgA.", expect: [{ kind: "pkg.script.executing", package: "pkgA", fields: { script: "/etc/cmcluster/pkgA/pkgA.cntl stop", phase: "halt" } }] },
  { text: "Started package pkgA on node nodeA1.", expect: [{ kind: "pkg.started", package: "pkgA", node: "nodeA1" }] },
  { text: "Halted package pkgA on node nodeA1.", expect: [{ kind: "pkg.halted", package: "pkgA", node: "nodeA1" }] },
  { text: "Package pkg5 run script exited with NO_RESTART.", expect: [{ kind: "pkg.script.exit", package: "pkg5", fields: { phase: "run", status: "NO_RESTART" } }] },
  { text: "Package pkgA halt script exited with RESTART.", expect: [{ kind: "pkg.script.exit", package: "pkgA", fields: { phase: "halt", status: "RESTART" } }] },
  { text: "Package pay_pkg run script exited with TIMEOUT.", expect: [{ kind: "pkg.script.exit", package: "pay_pkg", fields: { phase: "run", status: "TIMEOUT" } }, { kind: "pkg.script.timeout", package: "pay_pkg", fields: { phase: "run" } }] },
  { text: "Run script for package pay_pkg timed out after 600 seconds, sending SIGKILL", expect: [{ kind: "pkg.script.timeout", package: "pay_pkg", fields: { phase: "run" } }] },
  { text: "Package pkgA run script timed out.", expect: [{ kind: "pkg.script.timeout", package: "pkgA", fields: { phase: "run" } }] },
  { text: "Package pkgA halt script timed out", expect: [{ kind: "pkg.script.timeout", package: "pkgA", fields: { phase: "halt" } }] },
  { text: "Service PKG*61441 terminated due to a timeout of 300 seconds (RUN_SCRIPT_TIMEOUT) for package pay_pkg.", expect: [{ kind: "pkg.script.timeout", package: "pay_pkg", fields: { phase: "run" } }] },
  { text: "Package pay_pkg has no eligible node left; package switching disabled.", expect: [{ kind: "pkg.switching.disabled", package: "pay_pkg", fields: { scope: "package" } }, { kind: "pkg.no.eligible.node", package: "pay_pkg" }] },
  { text: "Switching disabled for package pkgA on node nodeA1", expect: [{ kind: "pkg.switching.disabled", package: "pkgA", node: "nodeA1", fields: { scope: "node" } }] },
  { text: "Switching disabled on node ams01 for package pkg_fin.", expect: [{ kind: "pkg.switching.disabled", package: "pkg_fin", node: "ams01", fields: { scope: "node" } }] },
  { text: "Switching disabled on package ledger.", expect: [{ kind: "pkg.switching.disabled", package: "ledger", fields: { scope: "package" } }] },
  { text: "Switching disabled for package pkg_ledger; it will not be started on any node.", expect: [{ kind: "pkg.switching.disabled", package: "pkg_ledger", fields: { scope: "package" } }] },
  { text: "Switching disabled for package pkg_stock (run script timeout); node oskhp disabled for pkg_stock.", expect: [{ kind: "pkg.switching.disabled", package: "pkg_stock", node: "oskhp", fields: { scope: "package" } }] },
  { text: "Package pkgA: switching disabled on node nodeB1.", expect: [{ kind: "pkg.switching.disabled", package: "pkgA", node: "nodeB1", fields: { scope: "node" } }] },
  { text: "Package pkgA cannot run on this node because switching has been disabled for this node.", expect: [{ kind: "pkg.switching.disabled", package: "pkgA", fields: { scope: "node" } }] },
  { text: "Package pkgA is not running.", expect: [] },
  { text: "Package racMNP has not halted cleanly on node nodeA2", expect: [{ kind: "pkg.halt.failed", package: "racMNP", node: "nodeA2" }] },
  { text: "Package pkgA has switching disabled", expect: [{ kind: "pkg.switching.disabled", package: "pkgA", fields: { scope: "package" } }] },
  { text: "Global switching for package pkgA has been disabled.", expect: [{ kind: "pkg.switching.disabled", package: "pkgA", fields: { scope: "package" } }] },
  { text: "Disabling global switching for package nominas.", expect: [{ kind: "pkg.switching.disabled", package: "nominas", fields: { scope: "package" } }] },
  { text: "Request from node mad1bd01 to disable global switching for package nominas.", expect: [{ kind: "pkg.switching.disabled", package: "nominas", fields: { scope: "package" } }] },
  { text: "Request from node tpa01 to disable package ledger on node tpa02.", expect: [{ kind: "pkg.switching.disabled", package: "ledger", node: "tpa02", fields: { scope: "node" } }] },
  { text: "Service ora_mon terminated due to an exit(1).", expect: [{ kind: "pkg.service.failed", fields: { service: "ora_mon", exitStatus: 1 } }] },
  { text: "Package sap_pkg is now disabled globally (auto_run disabled).", expect: [{ kind: "pkg.switching.disabled", package: "sap_pkg", fields: { scope: "package" } }] },
  { text: "Package sales_pkg not started: AUTO_RUN is disabled (Continentalclusters primary package, recovery cluster active)", expect: [{ kind: "pkg.switching.disabled", package: "sales_pkg", fields: { scope: "package" } }] },
  { text: "Request from node och-sg1 to enable global switching for package kadry.", expect: [{ kind: "pkg.switching.enabled", package: "kadry", fields: { scope: "package" } }] },
  { text: "Request from root on node hkgsg11 to enable package oms.", expect: [{ kind: "pkg.switching.enabled", package: "oms", fields: { scope: "package" } }] },
  { text: "Request from node tpa01 to enable package ledger on node tpa01.", expect: [{ kind: "pkg.switching.enabled", package: "ledger", node: "tpa01", fields: { scope: "node" } }] },
  { text: "Package sap_pkg is not running and there are no eligible nodes to start it.", expect: [{ kind: "pkg.no.eligible.node", package: "sap_pkg" }] },
  { text: "Package oms cannot be started: no node is available to run it.", expect: [{ kind: "pkg.no.eligible.node", package: "oms" }] },
  { text: "Package hrweb cannot be started on any node: dependency hrdb_up (hrdb=up, same_node) is met only on node hrx2, which is disabled for the package.", expect: [{ kind: "pkg.no.eligible.node", package: "hrweb" }] },
  { text: "Package ciPRD cannot be started on node hmx2: dependency dbPRD_up (dbPRD=up, same_node) is not met.", expect: [] },
  { text: "Package erp_pkg not started, no available node", expect: [{ kind: "pkg.no.eligible.node", package: "erp_pkg" }] },
  { text: "cmviewcl -v -p oracle_pkg", expect: [{ kind: "admin.command", fields: { command: "cmviewcl", args: "-v -p oracle_pkg" } }] },
  { text: "cmrecovercl -e -g rg_loans", expect: [
    { kind: "admin.command", fields: { command: "cmrecovercl", args: "-e -g rg_loans" } },
    { kind: "cc.maintenance", fields: { on: false, recoveryGroup: "rg_loans" } },
  ] },
  { text: "Timed out node nodeB1. It may have failed.", expect: [{ kind: "node.timeout", node: "nodeB1" }] },
  { text: "Node akl-hx2 has halted and left the cluster.", expect: [{ kind: "node.halted", node: "akl-hx2" }] },
  { text: "Node nodeB2 has left the cluster", expect: [{ kind: "node.halted", node: "nodeB2" }] },
  { text: "Node crms2 is halting and leaving the cluster.", expect: [{ kind: "node.halted", node: "crms2" }] },
  { text: "Node slo-pay2 has halted", expect: [{ kind: "node.halted", node: "slo-pay2" }] },
  { text: "Node lgxa02 is halting. Removing it from the cluster.", expect: [{ kind: "node.halted", node: "lgxa02" }] },
  { text: "Node crms2 is halting.", expect: [{ kind: "node.halted", node: "crms2" }] },
  { text: "Node crms2 is halting package pkgA.", expect: [] },
  { text: "Node nodeB2 has been halted.", expect: [{ kind: "node.halted", node: "nodeB2" }] },
  { text: "Attempting to form a new cluster", expect: [{ kind: "cluster.forming" }] },
  { text: "3 nodes have formed a new cluster", expect: [{ kind: "cluster.formed", fields: { members: 3 } }] },
  { text: "1 node has re-formed the cluster", expect: [{ kind: "cluster.formed", fields: { members: 1 } }] },
  { text: "Membership: membership at 22 is FORMED (coordinator 1) includes: 1 2 3 4 excludes:", expect: [{ kind: "cluster.formed", fields: { members: 4 } }] },
  { text: "The new active cluster membership is: star04(id=1), star05(id=2), star06(id=3)", expect: [{ kind: "cluster.membership", fields: { members: "star04,star05,star06" } }] },
  { text: "Member nodeB1 seems unhealthy, not receiving heartbeats from it.", expect: [{ kind: "cluster.member.unhealthy", node: "nodeB1" }] },
  { text: "Warning: cmcld was unable to run for the last 4.2 seconds. Consult the Managing Serviceguard manual for guidance on setting MEMBER_TIMEOUT, and information on cmcld.", expect: [{ kind: "cmcld.starved", fields: { seconds: 4.2 } }] },
  { text: "This node is at risk of being evicted from the running cluster. Increase MEMBER_TIMEOUT.", expect: [{ kind: "cluster.eviction.risk" }] },
  { text: "The ServiceGuard daemon, /usr/lbin/cmcld[5278], died upon receiving the signal 6.", expect: [{ kind: "daemon.died", fields: { daemon: "cmcld", signal: 6 } }] },
  { text: "Lost connection with ServiceGuard cluster daemon (cmcld): Software caused connection abort", expect: [{ kind: "daemon.lost", fields: { daemon: "cmcld" } }] },
  { text: "Could not read messages from /usr/lbin/cmcld: Software caused connection abort", expect: [{ kind: "daemon.lost", fields: { daemon: "cmcld" } }] },
  { text: "cmrunpkg -v pkg5", expect: [{ kind: "admin.command", package: "pkg5", fields: { command: "cmrunpkg", args: "-v pkg5" } }] },
  { text: "cmmodpkg -e -n nodeB1 pkgA", expect: [{ kind: "admin.command", package: "pkgA", fields: { command: "cmmodpkg", args: "-e -n nodeB1 pkgA" } }] },
  { text: "cmapplyconf -v -C /etc/cmcluster/cluster.ascii", expect: [{ kind: "admin.command", fields: { command: "cmapplyconf", args: "-v -C /etc/cmcluster/cluster.ascii" } }] },
  // A package's file names its package: by its own name, or by its folder when the name is generic.
  { text: "cmapplyconf -P /etc/cmcluster/pkgsap/pkgsap.config", expect: [{ kind: "admin.command", package: "pkgsap", fields: { command: "cmapplyconf", args: "-P /etc/cmcluster/pkgsap/pkgsap.config" } }] },
  { text: "cmcheckconf -v -P /etc/cmcluster/billing/pkg.conf", expect: [{ kind: "admin.command", package: "billing", fields: { command: "cmcheckconf", args: "-v -P /etc/cmcluster/billing/pkg.conf" } }] },
  { text: "cmhaltcl", expect: [{ kind: "admin.command", fields: { command: "cmhaltcl", args: "" } }] },
  { text: "cmrecovercl is now enabled on cluster drclu_man for recovery group rg_oraPROD1", expect: [] },
  { text: "Online configuration change applied to cluster clusterA", expect: [{ kind: "config.applied" }] },
  { text: "Starting package at Mon Nov 24 10:00:00 EST 2014", expect: [{ kind: "pkg.start.begin", fields: { year: 2014 } }] },
  { text: "Package start completed at Mon Nov 24 10:00:09 EST 2014", expect: [{ kind: "pkg.start.completed", fields: { year: 2014 } }] },
  { text: "Package start failed at Mon Nov 24 10:00:09 EST 2014", expect: [{ kind: "pkg.start.failed", fields: { year: 2014 } }] },
  { text: "Package start FAILED", expect: [{ kind: "pkg.start.failed" }] },
  { text: "Halting package at Mon Nov 24 11:00:00 EST 2014", expect: [{ kind: "pkg.halt.begin", fields: { year: 2014 } }] },
  { text: "Package halt completed at Mon Nov 24 11:00:05 EST 2014", expect: [{ kind: "pkg.halt.completed", fields: { year: 2014 } }] },
  { text: "Package halt failed at Mon Nov 24 11:00:05 EST 2014", expect: [{ kind: "pkg.halt.failed", fields: { year: 2014 } }] },
  { text: "Package halted with ERROR", expect: [{ kind: "pkg.halt.failed" }] },
  { text: "###### Starting package pkg1 ######", expect: [{ kind: "pkg.start.begin", package: "pkg1" }] },
  { text: "###### Package pkg1 started successfully ######", expect: [{ kind: "pkg.start.completed", package: "pkg1" }] },
  { text: "###### Package lims_pkg started ######", expect: [{ kind: "pkg.start.completed", package: "lims_pkg" }] },
  { text: "###### Package trdpkg halted ######", expect: [{ kind: "pkg.halt.completed", package: "trdpkg" }] },
  { text: "###### Failed to start package pkg1, rollback steps. ######", expect: [{ kind: "pkg.start.failed", package: "pkg1" }] },
  { text: "###### Halting package pkg1 ######", expect: [{ kind: "pkg.halt.begin", package: "pkg1" }] },
  { text: "###### Package pkg1 halted successfully ######", expect: [{ kind: "pkg.halt.completed", package: "pkg1" }] },
  { text: "###### Failed to halt package pkg1 ######", expect: [{ kind: "pkg.halt.failed", package: "pkg1" }] },
  { text: "This package is configured with remote data replication.", expect: [{ kind: "pkg.replication.configured" }] },
  { text: "Starting md /dev/md0", expect: [{ kind: "pkg.md.start", fields: { md: "/dev/md0" } }] },
  { text: "Deactivating md /dev/md0", expect: [{ kind: "pkg.md.deactivate", fields: { md: "/dev/md0" } }] },
  { text: "Activating volume group vg01 with exclusive option.", expect: [{ kind: "pkg.vg.activate", fields: { vg: "vg01", mode: "exclusive" } }] },
  { text: "Activating volume group vg02 with non-exclusive option.", expect: [{ kind: "pkg.vg.activate", fields: { vg: "vg02", mode: "non-exclusive" } }] },
  { text: "Deactivating volume group vg01", expect: [{ kind: "pkg.vg.deactivate", fields: { vg: "vg01" } }] },
  { text: "Checking filesystems:", expect: [{ kind: "pkg.fs.check" }] },
  { text: "Mounting /dev/vg01/lvol1 at /pkg01a", expect: [{ kind: "pkg.fs.mount", fields: { device: "/dev/vg01/lvol1", mountpoint: "/pkg01a" } }] },
  { text: "Unmounting filesystem on /dev/vg01/lvol1", expect: [{ kind: "pkg.fs.unmount", fields: { device: "/dev/vg01/lvol1" } }] },
  { text: "Adding IP address 10.53.144.11 to subnet 10.53.144.0", expect: [{ kind: "pkg.ip.add", fields: { ip: "10.53.144.11", subnet: "10.53.144.0" } }] },
  { text: "Remove IP address 10.53.144.11 from subnet 10.53.144.0", expect: [{ kind: "pkg.ip.remove", fields: { ip: "10.53.144.11", subnet: "10.53.144.0" } }] },
  { text: "Starting service srv_eq using", expect: [{ kind: "pkg.service.start", fields: { service: "srv_eq" } }] },
  { text: "Halting service srv_eq", expect: [{ kind: "pkg.service.halt", fields: { service: "srv_eq" } }] },
  { text: "ERROR:  Function activate_volume_group", expect: [{ kind: "pkg.error", fields: { function: "activate_volume_group", reason: "vg" } }] },
  { text: "Function halt_services", expect: [{ kind: "pkg.error", fields: { function: "halt_services", reason: "service" } }] },
  // The modular package's external scripts (a toolkit's start, the RAC instance's): its customer-defined step (round 68 #12).
  { text: "ERROR:  Function start_external_scripts", expect: [{ kind: "pkg.error", fields: { function: "start_external_scripts", reason: "customer" } }] },
  { text: "ERROR:  Function sg_check_and_mount", expect: [{ kind: "pkg.error", fields: { function: "sg_check_and_mount", reason: "mount" } }] },
  { text: "ERROR:  Function verify_physical_data_replication", expect: [{ kind: "pkg.error", fields: { function: "verify_physical_data_replication" } }] },
  { text: "ERROR:  Failed to activate vg01", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to activate vg01", reason: "vg" } }] },
  { text: "ERROR:  Failed to deactivate vg01", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to deactivate vg01", reason: "vg" } }] },
  { text: "ERROR:  Failed to fsck one of the logical volumes.", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to fsck one of the logical volumes.", reason: "fsck" } }] },
  { text: "ERROR:  Failed to mount /dev/vg01/lvol1", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to mount /dev/vg01/lvol1", reason: "mount" } }] },
  { text: "ERROR:  Failed to unmount /dev/vg01/lvol1", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to unmount /dev/vg01/lvol1", reason: "mount" } }] },
  { text: "ERROR:  Failed to add IP address to subnet", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to add IP address to subnet", reason: "ip" } }] },
  { text: "ERROR:  Failed to remove 10.53.144.11", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to remove 10.53.144.11", reason: "ip" } }] },
  { text: "ERROR:  Failed to start service srv_eq", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to start service srv_eq", reason: "service" } }] },
  { text: "ERROR:  Failed to RUN customer commands", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to RUN customer commands", reason: "customer" } }] },
  { text: "ERROR:  Failed to start NFS", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed to start NFS", reason: "nfs" } }] },
  { text: "ERROR:  Failed, unknown error.", expect: [{ kind: "pkg.error.detail", fields: { detail: "Failed, unknown error.", reason: "unknown" } }] },
  { text: "WARNING:  File system \"/pkg01a\" was already mounted.", expect: [{ kind: "pkg.warning", fields: { detail: "File system \"/pkg01a\" was already mounted." } }] },
  { text: "vgchange -a n vg01 failed, trying again.", expect: [{ kind: "pkg.retry", fields: { action: "vgchange", target: "vg01" } }] },
  { text: "Unmount /dev/vg01/lvol1 failed, trying again.", expect: [{ kind: "pkg.retry", fields: { action: "unmount", target: "/dev/vg01/lvol1" } }] },
  { text: "Examine the file /etc/cmcluster/pkg5/pkg5_run.log for more details.", expect: [] },
  // Arbitration: the first two are real lines (Quorum Server A.04.00 release notes p.8, "Deamon" sic).
  { text: "Attempt to get quorum server lock /sg/CLUSTER_DEV at 10.0.0.1 failed. Lock denied", expect: [{ kind: "cluster.lock.failed", fields: { lock: "/sg/CLUSTER_DEV", server: "10.0.0.1" } }] },
  { text: "Deamon exiting as it lost the quorum.", expect: [{ kind: "cluster.quorum.lost" }] },
  { text: "The ServiceGuard daemon, /usr/lbin/cmcld[2456], exiting: cluster partition lost quorum.", expect: [{ kind: "cluster.quorum.lost" }] },
  { text: "Unable to obtain quorum. This node will be halted by the safety timer to protect data integrity.", expect: [{ kind: "cluster.quorum.lost" }] },
  { text: "Quorum Server qs-hlz01 has already granted quorum to another partition (pnrpos1, pnrpos2)", expect: [{ kind: "cluster.lock.failed", fields: { server: "qs-hlz01", toOther: true } }, { kind: "cluster.quorum.lost" }] },
  { text: "Quorum Server qs-hlz01 granted quorum to this partition", expect: [] },
  { text: "Failed to get quorum server status from qs01 (10.20.9.5): connection timed out, will retry", expect: [{ kind: "quorum.server.unavailable", fields: { server: "qs01" } }] },
  { text: "Quorum server qs01 is not responding", expect: [{ kind: "quorum.server.unavailable", fields: { server: "qs01" } }] },
  { text: "Unable to obtain the cluster lock: quorum server qs01 unreachable", expect: [{ kind: "cluster.lock.failed", fields: { server: "qs01" } }] },
  { text: "Obtaining Cluster Lock from quorum server qs01", expect: [] },
  { text: "cluster daemon halting: lost quorum, unable to reform the cluster", expect: [{ kind: "cluster.quorum.lost" }] },
  { text: "LVM: VG 64 0x010000: Lost quorum.", expect: [] },
  // A lock refused while the cluster re-forms: this node lost the tie-break (its daemon halts).
  { text: "Failed to obtain cluster lock; cluster reformation did not complete", expect: [{ kind: "cluster.lock.failed" }, { kind: "cluster.quorum.lost" }] },
  { text: "Unable to get the quorum server lock during cluster re-formation", expect: [{ kind: "cluster.lock.failed" }, { kind: "cluster.quorum.lost" }] },
  { text: "Failed obtaining the lock from quorum server qs01", expect: [{ kind: "cluster.lock.failed", fields: { server: "qs01" } }] },
  // The same refusal in other words; the lock given to the other half is a tie-break lost.
  { text: "Cluster lock not obtained: quorum server qs-dijon granted the lock to the other partition", expect: [{ kind: "cluster.lock.failed", fields: { server: "qs-dijon", toOther: true } }, { kind: "cluster.quorum.lost" }] },
  { text: "Cluster lock was not acquired from quorum server qs01", expect: [{ kind: "cluster.lock.failed", fields: { server: "qs01" } }] },
  { text: "Cluster lock was not obtained. 2 of 4 nodes is not a quorum.", expect: [{ kind: "cluster.lock.failed" }, { kind: "cluster.quorum.lost" }] },
  { text: "Obtained the cluster lock from quorum server qs-dijon", expect: [] },
  { text: "This node is no longer a cluster member. Halting node lyndb1 to protect data integrity.", expect: [{ kind: "cluster.quorum.lost" }] },
  { text: "Failed to start package pkgA", expect: [{ kind: "pkg.start.failed", package: "pkgA" }] },
  { text: "###### Failed to start package for sap_pkg. ######", expect: [{ kind: "pkg.start.failed", package: "sap_pkg" }] },
  { text: "Failed to open /var/adm/cmcluster/log/foo", expect: [] },
  { text: "Package shippkg is no longer running on node rtm-sh1 (node failed).", expect: [{ kind: "node.timeout", package: "shippkg", node: "rtm-sh1" }] },
  { text: "Package pkgB is no longer running on node nodeB2 (node timed out)", expect: [{ kind: "node.timeout", package: "pkgB", node: "nodeB2" }] },
  { text: "Package pkgA is no longer running on node nodeA1.", expect: [] },
  { text: "Package pkgA cannot run on node nodeB1, failed dependency", expect: [] },
  { text: "Halt script for package web failed with exit 1.", expect: [{ kind: "pkg.halt.failed", package: "web" }] },
  { text: "Package paypkg halted on node pay-a1.", expect: [{ kind: "pkg.halted", package: "paypkg", node: "pay-a1" }] },
  { text: "Package paypkg started on node pay-b1.", expect: [{ kind: "pkg.started", package: "paypkg", node: "pay-b1" }] },
  // The peer heard again: the daemon that logs it ran through the loss (a node reset by the tie-break logs no such line).
  { text: "Heartbeat network lan1 recovered, athb1 seen again", expect: [{ kind: "cluster.heartbeat.restored", node: "athb1" }] },
  { text: "Heartbeats from node nodeB1 resumed", expect: [{ kind: "cluster.heartbeat.restored", node: "nodeB1" }] },
  { text: "Receiving heartbeats from nodeB1 again.", expect: [{ kind: "cluster.heartbeat.restored", node: "nodeB1" }] },
  { text: "Member nodeB1 is healthy again.", expect: [{ kind: "cluster.heartbeat.restored", node: "nodeB1" }] },
  { text: "Member nodeB1 seems unhealthy, not receiving heartbeats from it.", expect: [{ kind: "cluster.member.unhealthy", node: "nodeB1" }] },
  { text: "Heartbeat network lan3 recovered.", expect: [] },
  { text: "Heartbeat Interval is 1.00 seconds.", expect: [] },
  { text: "Heartbeat from nodeB1 lost, not seen again", expect: [] },
];
%}

@lexer lexer

body -> sentence                  {% ([events]) => events %}
      | %free rest                {% ([first, rest]) => scanFree([first, ...rest]) %}

tok -> %anyToken {% id %}
# Every sentence ends with `rest`, and `rest` ends at the end of the input (%eol): a sentence
# completes once, so its postprocessor runs once and not after every trailing word.
rest -> tok:* %eol {% id %}
runOrHalt -> "run" {% () => "run" %} | "halt" {% () => "halt" %}
daemonName -> "ServiceGuard" | "Serviceguard"

sentence ->
    "Request" "from" "node" %word "to" "start" "package" %word "on" "node" %word rest
      {% (d) => [draft("pkg.start.requested", { package: d[7].value, node: d[10].value }, { from: d[3].value })] %}
  | "Request" "from" "node" %word "to" "halt" "package" %word "on" "node" %word rest
      {% (d) => [draft("pkg.halt.requested", { package: d[7].value, node: d[10].value }, { from: d[3].value })] %}
  # cmmodpkg -e / -d as cmcld logs them ("Request from node A to enable global switching for package P."): read by scanFree.
  | "Request" "from" rest
      {% (d, _location, reject) => { const events = scanFree([d[0], d[1], ...d[2]]); return events.some((event) => event.kind === "pkg.switching.enabled" || event.kind === "pkg.switching.disabled") ? events : reject; } %}
  | "Executing" %quoted "for" "package" %word rest
      {% (d) => { const script = d[1].value.slice(1, -1); return [draft("pkg.script.executing", { package: d[4].value }, { script, phase: scriptPhase(script) })]; } %}
  | "Started" "package" %word "on" "node" %word rest
      {% (d) => [draft("pkg.started", { package: d[2].value, node: d[5].value })] %}
  | "Halted" "package" %word "on" "node" %word rest
      {% (d) => [draft("pkg.halted", { package: d[2].value, node: d[5].value })] %}
  | "Package" %word runOrHalt "script" "exited" "with" %word rest
      {% (d) => scriptExit(d[1].value, d[2], d[6].value) %}
  | "Package" %word runOrHalt "script" "timed" "out" rest
      {% (d) => [draft("pkg.script.timeout", { package: d[1].value }, { phase: d[2] })] %}
  | "Package" %word "switching" rest
      {% (d) => switching(d[1].value, d[3], false) %}
  | "Package" %word "has" "not" "halted" "cleanly" "on" "node" %word rest
      {% (d) => [draft("pkg.halt.failed", { package: d[1].value, node: d[8].value })] %}
  | "Package" %word "has" rest
      {% (d, _location, reject) => (isUncleanHalt(d[3]) ? reject : scanFree([d[0], d[1], d[2], ...d[3]])) %}
  | "Package" %word %otherPackageVerb rest
      {% (d) => scanFree([d[0], d[1], d[2], ...d[3]]) %}
  | "Switching" "disabled" rest
      {% (d) => switching(undefined, d[2], true) %}
  | "Service" %word "terminated" rest
      {% (d) => scriptTimeout([d[0], d[1], d[2], ...d[3]]) ?? [draft("pkg.service.failed", {}, { service: d[1].value, exitStatus: exitStatusOf(d[3]) })] %}
  | "Timed" "out" "node" %word rest
      {% (d) => [draft("node.timeout", { node: d[3].value })] %}
  | "Attempting" "to" "form" "a" "new" "cluster" rest
      {% () => [draft("cluster.forming")] %}
  | %count ("nodes" | "node") ("have" | "has") ("formed" | "re-formed") rest
      {% (d) => [draft("cluster.formed", {}, { members: Number(d[0].value) })] %}
  # "Membership: membership at 22 is FORMED (coordinator 1) includes: 1 2 3 4 excludes:": the node's own daemon saw the
  # membership form with it (it would halt if excluded): the node is in a cluster again (round 74 #03, a node rejoining).
  | "Membership" "membership" "at" %count "is" "FORMED" rest
      {% (d) => [draft("cluster.formed", {}, { members: includedIds(values(d[6])) })] %}
  | "The" "new" "active" "cluster" "membership" "is" rest
      {% (d) => [draft("cluster.membership", {}, { members: values(d[6]).map((word) => word.replace(/\(id=\d+\)$/, "")).join(",") })] %}
  | "The" daemonName "daemon" %word "died" "upon" "receiving" "the" "signal" %word rest
      {% (d) => [draft("daemon.died", {}, { daemon: baseName(d[3].value), signal: Number(d[9].value) })] %}
  | "The" daemonName "daemon" %word %notDied rest
      {% (d) => scanFree([d[0], d[1][0], d[2], d[3], d[4], ...d[5]]) %}
  | "Member" %word "seems" "unhealthy" rest
      {% (d) => [draft("cluster.member.unhealthy", { node: d[1].value })] %}
  # "Member nodeB1 is healthy again": the peer heard again (any other "Member" sentence is no event).
  | "Member" %word %notSeems rest
      {% (d, _location, reject) => { const words = values([d[0], d[1], d[2], ...d[3]]); const events = peerSeenAgain(words, words.map((word) => word.toLowerCase())); return events.length > 0 ? events : reject; } %}
  | "Warning" "cmcld" "was" "unable" "to" "run" "for" "the" "last" %word "seconds" rest
      {% (d) => [draft("cmcld.starved", {}, { seconds: Number(d[9].value) })] %}
  | "This" "node" "is" "at" "risk" "of" "being" "evicted" rest
      {% () => [draft("cluster.eviction.risk")] %}
  # "This node is no longer a cluster member. Halting node X to protect data integrity": the node lost its cluster
  # (the losing half of a tie-break halts), said without the word quorum. Wording not public.
  | "This" "node" "is" "no" "longer" rest
      {% (d) => (/^(?:a |an active )?(?:cluster )?member\b/i.test(values(d[5]).join(" ")) ? [draft("cluster.quorum.lost")] : []) %}
  | "This" "package" "is" "configured" "with" "remote" "data" "replication" rest
      {% () => [draft("pkg.replication.configured")] %}
  | "Lost" "connection" "with" daemonName "cluster" "daemon" %word rest
      {% (d) => [draft("daemon.lost", {}, { daemon: baseName(d[6].value) })] %}
  | "Could" "not" "read" "messages" "from" %word rest
      {% (d) => [draft("daemon.lost", {}, { daemon: baseName(d[5].value) })] %}
  | %adminCommand rest
      {% (d) => adminCommandEvent(d[0]) %}
  | "Starting" "package" rest
      {% (d) => packagePhase("pkg.start.begin", d[2]) %}
  | "Halting" "package" rest
      {% (d) => packagePhase("pkg.halt.begin", d[2]) %}
  | "Package" "start" "completed" rest
      {% (d) => bannerOutcome("pkg.start.completed", d[3]) %}
  | "Package" "start" ("failed" | "FAILED") rest
      {% (d) => bannerOutcome("pkg.start.failed", d[3]) %}
  | "Package" "halt" "completed" rest
      {% (d) => bannerOutcome("pkg.halt.completed", d[3]) %}
  | "Package" "halt" ("failed" | "FAILED") rest
      {% (d) => bannerOutcome("pkg.halt.failed", d[3]) %}
  | "Package" "halted" "with" "ERROR" rest
      {% () => [draft("pkg.halt.failed")] %}
  | "Package" %word "started" "successfully" rest
      {% (d) => [draft("pkg.start.completed", { package: d[1].value })] %}
  # The modular banner's short forms ("###### Package lims_pkg started ######", round 35 #16; "... halted ######").
  | "Package" %word "started" %eol
      {% (d) => [draft("pkg.start.completed", { package: d[1].value })] %}
  | "Package" %word "halted" %eol
      {% (d) => [draft("pkg.halt.completed", { package: d[1].value })] %}
  | "Package" %word "started" "on" "node" %word rest
      {% (d) => [draft("pkg.started", { package: d[1].value, node: d[5].value })] %}
  | "Package" %word "halted" "on" "node" %word rest
      {% (d) => [draft("pkg.halted", { package: d[1].value, node: d[5].value })] %}
  | "Package" %word "halted" "successfully" rest
      {% (d) => [draft("pkg.halt.completed", { package: d[1].value })] %}
  | "Failed" "to" "start" "package" %word rest
      {% (d) => [draft("pkg.start.failed", { package: packageAfter(d[4], d[5]) })] %}
  | "Failed" "to" "halt" "package" %word rest
      {% (d) => [draft("pkg.halt.failed", { package: packageAfter(d[4], d[5]) })] %}
  | "Failed" "to" %notStartOrHalt rest
      {% (d) => scanFree([d[0], d[1], d[2], ...d[3]]) %}
  | "Failed" %notTo rest
      {% (d) => scanFree([d[0], d[1], ...d[2]]) %}
  | "Starting" "md" %word rest
      {% (d) => [draft("pkg.md.start", {}, { md: d[2].value })] %}
  | "Deactivating" "md" %word rest
      {% (d) => [draft("pkg.md.deactivate", {}, { md: d[2].value })] %}
  | "Activating" "volume" "group" %word rest
      {% (d) => vgActivate(d[3], d[4]) %}
  | "Deactivating" "volume" "group" %word rest
      {% (d) => [draft("pkg.vg.deactivate", {}, { vg: d[3].value })] %}
  | "Checking" ("filesystems" | "filesystem" | "file") rest
      {% () => [draft("pkg.fs.check")] %}
  | "Mounting" %word rest
      {% (d) => mount(d[1], d[2]) %}
  | "Unmounting" rest
      {% (d) => unmount(d[1]) %}
  | "Adding" "IP" "address" rest
      {% (d) => ipChange("pkg.ip.add", d[3]) %}
  | ("Remove" | "Removing") "IP" "address" rest
      {% (d) => ipChange("pkg.ip.remove", d[3]) %}
  | "Starting" "service" %word rest
      {% (d) => [draft("pkg.service.start", {}, { service: d[2].value })] %}
  | "Halting" "service" %word rest
      {% (d) => [draft("pkg.service.halt", {}, { service: d[2].value })] %}
  | "ERROR" "Function" %word rest
      {% (d) => packageError(d[2].value) %}
  | "Function" %word rest
      {% (d) => packageError(d[1].value) %}
  | "ERROR" %eol
      {% () => errorDetail(null) %}
  | "ERROR" %notFunction rest
      {% (d) => errorDetail(d[1]) %}
  | "WARNING" rest
      {% (d) => [draft("pkg.warning", {}, { detail: restOfLine(d[0], true).replace(/^[:\s]+/, "") })] %}
  | ("Unmount" | "umount") %notFailed:* "failed" "trying" "again" rest
      {% (d) => [draft("pkg.retry", {}, { action: "unmount", target: text(d[1][d[1].length - 1]) })] %}
  | "vgchange" %notFailed:* "failed" "trying" "again" rest
      {% (d) => [draft("pkg.retry", {}, { action: "vgchange", target: text(d[1][d[1].length - 1]) })] %}
