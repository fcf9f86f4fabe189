# Metrocluster with Continuous Access P9000/XP and Raid Manager (CCI/HORCM), read from syslog and
# package-log bodies. Metrocluster's own wording is not public (reference.md §1.4, §8), so this
# grammar is TOKEN-BASED: the lexer gives every word a type (pair states, roles, EX_ codes, AUTO_
# names, NAME=value assignments, Raid Manager commands, options, numbers, other words) and the
# grammar is `body -> item:*`, one parse for any body. The meaning is read in the postprocessor
# (`interpret`) from the recognised tokens and a few nearby words, so different phrasings of one
# fact give the same events:
#   "local state SVOL_PSUE", "local SVOL_PSUE", "local: S-VOL PSUE"      -> pair.state local SVOL PSUE
#   "remote EX_ENORMT", "remote returned 242", "remote error code 242"  -> pair.unreachable
#   "AUTO_SVOLPSUE=0", "AUTO_SVOLPSUE is 0", "AUTO_SVOLPSUE set to 0"    -> auto.setting
# Raid Manager shares the tokens (an EX_ code after "remote" is about the pair, elsewhere a command
# error), so it lives here too. Continentalclusters is in continental.ne.

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const STATES = "PAIR|COPY|RCPY|PSUS|SSUS|PSUE|PDUB|PFUL|PFUS|SSWS|SMPL";
const END = "(?![A-Za-z0-9_])";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    takeoverName: new RegExp(`(?:[Nn]op|[Ss]wap|SVOL-SSUS|PVOL-SMPL|PVOL-PSUE|S-?VOL|P-?VOL)-[Tt]akeover${END}`),
    roleState: new RegExp(`[PS]-?VOL[_ -]?(?:${STATES})(?:\\(SSWS\\))?${END}`),
    role: new RegExp(`[PS]-?VOL${END}`),
    pairState: new RegExp(`(?:${STATES})(?:\\(SSWS\\))?${END}`),
    exCode: /EX_[A-Z]{4,6}(?:[ \t]*\([ \t]*\d+[ \t]*\))?/,
    assignment: /[A-Za-z][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|[^\s,;:)]*)/,
    autoName: /[Aa][Uu][Tt][Oo]_[A-Za-z0-9_]+/,
    forceflag: /FORCEFLAG|[Ff]orce[ _]?[Ff]lag/,
    // A path before the name is the same command ("Executing /HORCM/usr/bin/horctakeover -g oradg").
    command: new RegExp(`(?:\\/?[A-Za-z0-9_.-]+\\/)*(?:horctakeover|pairresync|paircreate|pairsplit|pairvolchk|pairdisplay|pairevtwait|raidvchkscan|horcctl|pairmon|raidscan)${END}`),
    horcmScript: new RegExp(`(?:horcmstart|horcmshutdown)(?:\\.sh)?${END}`),
    option: /-[A-Za-z]+\d*(?![A-Za-z0-9_-])/,
    // The slash of "SVOL_PFUS/PVOL_PFUS" joins two states (read by interpret from the source); it does not start a path.
    pairSlash: new RegExp(`\\/(?=[ \\t]*(?:[PS]-?VOL|EX_|(?:${STATES}|[Ll]ocal|[Rr]emote|LOCAL|REMOTE)${END}))`),
    // A name may begin with digits ("pairvolchk -g 42-billing.dg"): a number ends at a space or a sign, not inside a name.
    number: /\d+(?:\.\d+)?(?![A-Za-z0-9_]|[.-][A-Za-z0-9_])/,
    word: /[A-Za-z0-9_\/](?:[A-Za-z0-9_.\/@-]*[A-Za-z0-9_\/@])?/,
    punct: { match: /[^]/, lineBreaks: true },
  }),
  {
    keep: ["takeoverName", "roleState", "role", "pairState", "exCode", "assignment", "autoName", "forceflag", "command", "horcmScript", "option", "number", "word"],
    drop: ["space", "punct", "pairSlash"],
    endToken: true,
  },
);

type Token = SourcedToken;
// Every token the lexer keeps is an item; `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
type Scalar = string | number | boolean | null;
interface Draft { kind: string; deviceGroup?: string; fields: Record<string, Scalar> }

/** Raid Manager exit codes (reference.md §4.6). 202-220 follow the manual's listing order (202 and 205 verified). Shared with raidmanager.ne. */
export const EX_NUMBERS: Record<string, number> = {
  EX_COMERR: 255, EX_REQARG: 254, EX_INVARG: 253, EX_UNWOPT: 252, EX_ATTHOR: 251, EX_ATTDBG: 250, EX_INVNAM: 249, EX_OPTINV: 248,
  EX_ENOENT: 247, EX_ENODEV: 246, EX_ENOMEM: 245, EX_ERANGE: 244, EX_ENAMLG: 243, EX_ENORMT: 242, EX_INVMOD: 241, EX_INVCMD: 240,
  EX_ENOGRP: 239, EX_UNWCOD: 238, EX_CMDIOE: 237, EX_ENQVOL: 236, EX_EVOLCE: 235, EX_EWSUSE: 234, EX_EWSTOT: 233, EX_EWSLTO: 232,
  EX_ESTMON: 231, EX_UNWCMD: 230, EX_INCSTG: 229, EX_INVSTP: 228, EX_ENLDEV: 227, EX_INVRCD: 226, EX_VOLCUR: 225, EX_VOLCUE: 224,
  EX_VOLCRE: 223, EX_INVVOL: 222, EX_CMDRJE: 221, EX_INVMUN: 220, EX_ENOUNT: 219, EX_ENQSER: 218, EX_ENOCTG: 217, EX_EXTCTG: 216,
  EX_ENXCTG: 215, EX_ENQCTG: 214, EX_ENPERM: 213, EX_ENQSIZ: 212, EX_ERPERM: 211, EX_ENOSUP: 210, EX_ESVOLD: 209, EX_EPRORT: 208,
  EX_ESPERM: 207, EX_ENOPOL: 206, EX_ENOOBJ: 205, EX_ENQCLP: 204, EX_EPPERM: 203, EX_ENAUTH: 202,
};
const EX_NAMES: Record<number, string> = Object.fromEntries(Object.entries(EX_NUMBERS).map(([name, number]) => [number, name]));
// Spellings seen in manuals (CLX p.91 writes EX_NORMT).
const EX_ALIASES: Record<string, string> = { EX_NORMT: "EX_ENORMT" };
// Codes that mean "the other side cannot be asked" when they describe the remote side. Shared with raidmanager.ne.
export const UNREACHABLE = new Set(["EX_ENORMT", "EX_CMDIOE"]);
// Codes that mean the local HORCM instance is not usable (Cinder's _HORCM_ERROR without EX_ENORMT). Shared with raidmanager.ne.
export const HORCM_CODES = new Set(["EX_ATTHOR", "EX_COMERR", "EX_ATTDBG"]);
// Codes that say the name given is unknown to the instance (EX_ENOGRP "No such group", EX_ENOENT "No such device or
// group"): the error is about that name, maybe a typo, not about the group the bundle knows.
const UNKNOWN_NAME_CODES = new Set(["EX_ENOGRP", "EX_ENOENT"]);
// The statuses pairevtwait -s may wait for (RM-UG, pairevtwait). Shared with raidmanager.ne.
export const PAIR_STATUSES: ReadonlySet<string> = new Set(["SMPL", "COPY", "PAIR", "PSUS", "PSUE", "PDUB", "PFUS", "PFUL", "SSUS", "SSWS", "RCPY"]);

// Codes that say a wait for a pair status ran out of time (pairevtwait, horctakeover's own wait). Shared with raidmanager.ne.
export const TIMEOUT_CODES = new Set(["EX_EWSTOT", "EX_EWSLTO"]);

/** The fields of a `raid.error`; `unknownName` only when the code says the name itself is unknown (docs/events.md). */
export function raidErrorFields(code: string, number: number | null, command: string | null): Record<string, Scalar> {
  return UNKNOWN_NAME_CODES.has(code) ? { code, number, command, unknownName: true } : { code, number, command };
}

const TAKEOVER_RESULTS = ["nop", "swap", "svol", "pvol-smpl", "pvol-psue", "svol-ssus"];
const FENCE_LEVELS = new Set(["DATA", "STATUS", "NEVER", "ASYNC"]);
// Words that may stand between a keyword and its value: "fence level is DATA", "AUTO_X set to 1".
const CONNECTORS = new Set(["is", "are", "=", "set", "to", "of", "level", "value", "now", "currently", "in", "the", "state", "status", "was", "has", "been", "a", "be", "reports", "reported", "shows", "showing"]);
// "pair still PSUE", "pairs now PAIR": a bare state said of the pair.
const PAIR_NOUNS = new Set(["pair", "pairs"]);
// Words that say a pair was suspended, before the state in brackets: "suspended by error (PSUE)".
const SUSPENSION_WORDS = new Set(["suspended", "split", "by", "error", "due", "to", "with"]);
// A name that says it is a device group: DG or GRP at its start or end (ordg, CONTASDG, dg_erp, hr_grp), four characters or more.
const GROUP_NAMED = /^(?=[A-Za-z0-9_.-]{4,64}$)(?:(?:dg|grp)[_.-]?[A-Za-z0-9][A-Za-z0-9_.-]*|[A-Za-z][A-Za-z0-9_.-]*(?:dg|grp))$/i;
const STATE_WORDS = new Set(["state", "status", "states", "statuses", "volstat", "report", "reports", "shows", "show", "volume", "volumes", "ldev", "ldevs"]);
const DEVICE_GROUP_STOP = new Set(["state", "status", "is", "are", "for", "of", "the", "in", "has", "was", "not", "on", "and", "name", "named", "to", "with", "from", "at",
  // "Device group monitor for erppkg: ...", "device group check", "device group report": what is done to a group, not its name.
  "monitor", "monitoring", "monitors", "check", "checks", "checker", "checking", "watch", "watcher", "poll", "poller", "report", "summary", "daemon", "agent",
  // "device group still not in PAIR state": an adverb, not a name (round 19 #12).
  "still", "now", "again", "also", "already", "remains", "stays",
  // "trd_dg remote changed PSUE -> COPY (S-VOL)": a verb of the state's change, not a name.
  "changed", "changes", "changing", "went", "goes", "moved", "became", "turned", "transitioned", "switched", "from",
  // "payrolldg: remote state available again: SVOL_PAIR. Device group back to normal" (round 46 #13 read "back" as the group).
  "back", "returned", "recovered", "ok", "healthy", "normal", "fine", "restored", "resumed", "up", "down",
  // "Resynchronize the device group after the cause ... is fixed" (round 83 #11 read "after" as the group): a clause follows.
  "after", "before", "when", "once", "until", "unless", "if", "then", "first", "by", "or", "but", "so", "because", "since", "while"]);
const DENIED_STATE = new Set(["not", "isn't", "aren't", "never", "longer", "nor"]);
const NEGATIONS = new Set(["no", "not", "absent", "missing", "without", "create", "cannot", "can't", "doesn't", "isn't"]);
// A name shaped like an identifier (an underscore or a digit in it: oradg_1, erp_dg, dg01): how a device group
// named in passing looks, as opposed to an English word.
// Words that make a command's result one to come: a change approved or scheduled.
const PLANNED_WORDS = new Set(["tonight", "tomorrow", "scheduled", "planned", "approved", "criterion", "criteria"]);
// Words that say a command did run, whatever plan it belonged to.
const DONE_WORDS = new Set(["completed", "done", "finished", "succeeded", "successfully", "ok"]);
// Words that make a state what is awaited, wanted or planned, not what a volume is.
const AWAITED_STATE_WORDS = new Set(["until", "wait", "waiting", "if", "unless", "should", "must", "target", "targets", "expect", "expected", "expecting",
  "criterion", "criteria", "want", "wanted", "goal", "plan", "planned", "desired", "will", "once", "before", "after"]);
const IDENTIFIER_NAME = /^[A-Za-z][A-Za-z0-9.-]*(?:_[A-Za-z0-9.-]*|\d)[A-Za-z0-9_.-]*$/;
// A dotted word that is a file's name, not a group's.
const DOTTED_FILE = /\.(?:sh|ksh|csh|bash|zsh|pl|py|rb|log|logs|conf|cfg|config|ascii|env|txt|out|err|cntl|old|bak|tmp|gz|tar|d|so|exe|com|net|org|local|lan)$/i;
// Any name Raid Manager accepts for a group (a letter first), where the line says it is one.
const IDENTIFIER_CHARS = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
// Words that stand before "fence <level>" without naming a group.
const FENCE_WORD_BEFORE = new Set(["the", "new", "old", "current", "with", "set", "using", "data", "never", "async", "status", "its", "a", "level", "and"]);
// "Set AUTO_NONCURDATA=1 or create FORCEFLAG": a value a line tells the reader to set is advice, not the setting.
const ADVISED = new Set(["set", "use", "change", "try", "setting"]);
// What one is told to do instead of a setting, after its "or" ("set AUTO_NONCURDATA=1 or create .../FORCEFLAG").
const OFFERED_ACTIONS = new Set(["create", "touch", "use", "set", "put", "place", "add", "make", "run", "remove"]);
// What a Business Copy command says of its own pairs (replication "local"): what it did to them and their states.
// Commands that run the command after them on another host.
const REMOTE_SHELLS = new Set(["ssh", "remsh", "rsh"]);
// raid.command too: the command line opens the group context (src/parse/file.ts) its result lines are read in.
const BUSINESS_COPY_KINDS = new Set(["pair.state", "pair.split", "pair.resync", "pair.create", "pair.wait", "raid.command"]);
const FAILURE_WORDS = new Set(["failed", "fail", "fails", "failure", "error", "errors", "unsuccessful", "aborted"]);
const SUCCESS_WORDS = new Set(["completed", "complete", "succeeded", "successful", "successfully", "success", "done", "finished"]);
// "did not complete", "never completed": an outcome denied.
const DENIALS = new Set(["not", "never", "didn't", "didnt"]);
// A command a note warns against, in the languages operators write notes in: "do NOT run pairsplit -S", "NE PAS faire
// pairsplit -S", "NICHT pairsplit -S ausfuehren", "no ejecutar pairsplit", "non lanciare", "nooit"; not "mai", which is May in French and German dates (round 60 #04).
const COMMAND_DENIALS = new Set([
  "not", "never", "don't", "dont", "doesn't", "won't", "shouldn't", "mustn't", "avoid", "pas", "jamais", "nicht", "nie", "niemals", "kein", "keine",
  "keinen", "no", "nunca", "jamás", "jamas", "non", "não", "nao", "niet", "nooit",
]);
// Right before a takeover's result name, a takeover about to run ("starting SVOL-takeover"); not "start" ("Package start:
// SVOL-takeover performed" is a result).
const REJECTION_WORDS = ["rejected", "rejects", "reject"];
// Before a number that is horctakeover's result: "returned 2", "exit 1", "rc=2" split as "rc" "2".
const RESULT_NUMBER_WORDS = new Set(["returned", "result", "exit", "code", "rc", "status", "with", "value"]);
const ANNOUNCING_WORDS = new Set(["starting", "initiating", "executing", "issuing", "attempting", "trying", "beginning"]);
const START_WORDS = new Set(["started", "starting", "start", "initiated", "issued", "executing", "running", "begin", "beginning", "issuing"]);
const CHANGE_WORDS = new Set(["edited", "changed", "modified", "updated", "replaced", "added", "removed", "newer"]);
// Words of advice: a command named after them is what to do, not what happened ("restart it with horcmstart.sh 0").
const ADVICE_WORDS = new Set(["restart", "should", "must", "please", "run", "use", "try"]);
// "Check that ...", "verify whether ...": a condition to look at, not a fact.
const VERIFY_WORDS = new Set(["check", "verify", "confirm", "ensure"]);
const CONDITION_WORDS = new Set(["until", "when", "once", "after", "if", "unless", "before"]);
// Words before a state a group is said to be in or to have reached.
const STATE_REACHED = new Set(["in", "into", "reached", "reaches", "to"]);
// Words after a group's name saying it came back to a state or reached it: "tre_bc back in PAIR", "dwh_dg reached PAIR".
const STATE_RETURN = new Set(["back", "reached", "returned"]);
// A monitor's event or severity word at the start of its line (syslog's severities, a state monitor's CHANGE/EVENT/OK): a tag,
// never a group's name.
const EVENT_TAG = /^(?:emerg(?:ency)?|alert|crit(?:ical)?|err(?:or)?|warn(?:ing)?|notice|info|debug|fatal|ok|change[ds]?|event|alarm|transition)$/i;
// What a line says changed about a group, not a group: "oradg: state changed ...", "oradg: link changed to down".
const CHANGE_SUBJECTS = new Set(["state", "status", "link", "links", "path", "paths", "copy", "replication", "pair", "pairs", "fence", "role", "mode", "volume", "volumes", "journal", "sidefile"]);
// Words that tell the reader to run a replication command ("resynchronize ... with 'pairresync -swaps'"). Not "run" or
// "use": a job's "backup run: pairsplit -g sapdg -rw" did the split.
const RESYNC_ADVICE = new Set(["resynchronize", "resynchronise", "recreate", "recommended", "recommend", "required", "requires", "need", "needs", "should", "must", "please"]);
// After a quoted command, in its sentence: someone refused it or held it back (not the array: "rejected", "refused").
const REFUSED_AFTER = /\b(?:said no|say no|not without|not approved|not allowed|declined|vetoed|on hold|wait(?:ing)? for (?:the )?(?:cab|approval|change))\b/i;
// A refused start in other words than "not start" or "exit 1": "Start denied", "startup refused", "refusing to start".
const START_NOUNS = new Set(["start", "startup", "start-up", "starting"]);
const REFUSAL_WORDS = new Set(["denied", "refused", "refuses", "refusing", "refuse", "rejected", "declined", "declining", "vetoed", "inhibited",
  "blocked", "prevented", "disallowed", "forbidden", "withheld", "abandoned", "cancelled", "canceled", "skipped"]);
// A refusal told by its effect: Metrocluster left the S-VOLs as they were instead of making them writable (the takeover
// that a start on them needs, reference.md §1.3 "Perform SVOL takeover"): "leaving the secondary volumes read-only",
// "keeping the S-VOLs write-protected", "the S-VOLs stay read-only". Only with a start, AUTO_ or FORCEFLAG word in the
// line (the decision), and never about a pairsplit (whose -r leaves the S-VOL read-only by design).
// "AUTO_SVOLPSUE=0 would refuse this start (exit 2); continuing because of FORCEFLAG": a refusal FORCEFLAG overrode is a start.
const OVERRIDE_WORDS = new Set(["continuing", "continue", "continues", "proceeding", "proceed", "proceeds", "overridden", "overriding", "overrides",
  "override", "ignored", "ignoring", "anyway", "nevertheless", "regardless"]);
const KEEP_WORDS = new Set(["leaving", "leave", "leaves", "left", "keeping", "keep", "keeps", "kept", "remain", "remains", "remaining", "stay", "stays", "staying"]);
const LOCKED_WORDS = new Set(["read-only", "readonly", "write-protected", "write-disabled", "write-inhibited", "write-locked", "unwritable", "non-writable"]);
// "won't start", "cannot start", "will not be brought up": the start of the package, not of one of its parts.
const NOT_PACKAGE_OBJECTS = new Set(["horcm", "horcmd", "instance", "daemon", "daemons", "service", "services", "raid", "manager", "the-instance", "monitor", "unit", "units"]);
/** A word naming a daemon or a system unit rather than the package: "Cluster daemon", "cmclconfd", "horcm@2.service". */
function notPackageObject(word: string): boolean {
  return NOT_PACKAGE_OBJECTS.has(word) || /^cm[a-z]{2,}d(?:\[\d+\])?$/.test(word) || /\.(?:service|socket|target|timer|mount)$/.test(word);
}
// A Raid Manager instance run as a systemd unit (Linux): "horcm@2.service", "horcm2.service" is instance 2.
const HORCM_UNIT = /^horcm@?(\d+)\.service$/;
// Serviceguard's own start switches: a package or a node they keep down is not Metrocluster refusing the replicated volumes.
const SWITCH_NAMES = new Set(["auto_run", "autostart_cmcld", "pkg_switching_enabled", "node_switching_enabled"]);
// Words that make a FORCEFLAG mention advice, not a report that the file is there ("Use FORCEFLAG only if ...").
const FORCEFLAG_ADVICE = new Set(["use", "only", "if", "unless", "should", "must", "please", "can", "may", "could", "need", "needs", "requires", "require"]);
// What does not answer, for a side said unreachable in words: the array (its command device) or the host and its Raid Manager.
const ARRAY_NOUNS = new Set(["array", "arrays", "frame", "frames", "disk", "disks", "storage", "command", "cmd", "subsystem"]);
const LINK_FAILURE = new Set(["failure", "failed", "fail", "down", "lost", "broken", "disconnected", "unavailable", "error", "blocked", "blockade"]);
const LINK_RESTORED = new Set(["restored", "recovered", "repaired", "up", "re-established", "reestablished", "back", "resumed"]);

function roleOf(text: string): "PVOL" | "SVOL" {
  return text.startsWith("P") ? "PVOL" : "SVOL";
}

// Words Raid Manager and Metrocluster print in capitals that are not group names.
const CAPITAL_WORDS = new Set(["ERROR", "ERRORS", "WARNING", "FAILED", "FAILURE", "OK", "NONE", "ALL", "UNKNOWN", "NOT", "CONFIG", "INFO", "NOTICE", "DONE", "TRUE", "FALSE", "YES", "NO", "HORCM", "CCI", "LDEV", "LUN",
  // What a line says it checks about a group, in capitals (review of round 29 #10's change).
  "CONFIGURATION", "CONFIGURATIONS", "PAIRS", "NAME", "NAMES", "SETTING", "SETTINGS", "CONSISTENCY", "DEFINITION", "DEFINITIONS", "FILE", "FILES", "LIST",
  "INFORMATION", "STATE", "STATES", "CHECK", "MONITOR", "VOLUME", "VOLUMES", "DEVICE", "DEVICES", "GROUP", "GROUPS", "MEMBERS", "STATUS", "REPORT", "SUMMARY", "ATTRIBUTES"]);

/** "HISDB", "ORAPRD1": a name in capitals, not a state, a fence level or a word such as ERROR. */
function isCapitalName(word: string): boolean {
  return /^[A-Z][A-Z0-9]{2,}$/.test(word) && !CAPITAL_WORDS.has(word) && !FENCE_LEVELS.has(word) && !new RegExp(`^(?:[PS]VOL)?(?:${STATES})$`).test(word);
}

/** pairdisplay prints an S-VOL in PSUS as SSUS (CCI MK-90RD011-25 p.199): the state the Metrocluster tables call SVOL_PSUS. */
function normalState(role: string | null, state: string): string {
  return (role === "SVOL" || role === null) && state === "SSUS" ? "PSUS" : state;
}

/** "PVOL_PSUE", "P-VOL PSUE", "SVOL_PSUS(SSWS)" -> role and state. */
function splitRoleState(text: string): { role: "PVOL" | "SVOL"; state: string } {
  const role = roleOf(text);
  if (text.endsWith("(SSWS)")) return { role, state: "SSWS" };
  const match = new RegExp(`(${STATES})$`).exec(text);
  return { role, state: normalState(role, match ? match[1] : text) };
}

/** A state as a value ("SVOL_PSUE", "psue", "PSUS(SSWS)", "EX_ENORMT"): role and state, or an EX_ code. */
function stateValue(value: string): { role: "PVOL" | "SVOL" | null; state: string } | { code: string } | null {
  const upper = value.toUpperCase();
  if (/^EX_[A-Z]+$/.test(upper)) return { code: EX_ALIASES[upper] ?? upper };
  const combined = new RegExp(`^([PS])-?VOL[_ -]?(${STATES})(\\(SSWS\\))?$`).exec(upper);
  if (combined) return splitRoleState(upper);
  const bare = new RegExp(`^(${STATES})(\\(SSWS\\))?$`).exec(upper);
  if (bare) return bare[2] || bare[1] === "SSWS" ? { role: "SVOL", state: "SSWS" } : { role: bare[1] === "SSUS" ? "SVOL" : null, state: normalState(null, bare[1]) };
  return null;
}

/** pairvolchk -ss returned values (P9000 RAID Manager Reference Guide T1610-96037 p.46): 2x/3x synchronous, 4x/5x asynchronous. */
const VOLCHK_CODES: Record<number, { role: "PVOL" | "SVOL" | null; state: string }> = {
  1: { role: null, state: "SMPL" }, 11: { role: null, state: "SMPL" },
  22: { role: "PVOL", state: "COPY" }, 23: { role: "PVOL", state: "PAIR" }, 24: { role: "PVOL", state: "PSUS" }, 25: { role: "PVOL", state: "PSUE" }, 26: { role: "PVOL", state: "PDUB" },
  32: { role: "SVOL", state: "COPY" }, 33: { role: "SVOL", state: "PAIR" }, 34: { role: "SVOL", state: "PSUS" }, 35: { role: "SVOL", state: "PSUE" }, 36: { role: "SVOL", state: "PDUB" },
  42: { role: "PVOL", state: "COPY" }, 43: { role: "PVOL", state: "PAIR" }, 44: { role: "PVOL", state: "PSUS" }, 45: { role: "PVOL", state: "PSUE" }, 46: { role: "PVOL", state: "PDUB" }, 47: { role: "PVOL", state: "PFUL" }, 48: { role: "PVOL", state: "PFUS" },
  52: { role: "SVOL", state: "COPY" }, 53: { role: "SVOL", state: "PAIR" }, 54: { role: "SVOL", state: "PSUS" }, 55: { role: "SVOL", state: "PSUE" }, 56: { role: "SVOL", state: "PDUB" }, 57: { role: "SVOL", state: "PFUL" }, 58: { role: "SVOL", state: "PFUS" },
};

/**
Pair states said in words, as the Raid Manager and Continuous Access guides name them (pair status
definitions: simplex, copy in progress, pair/synchronized, suspended-split, suspended-error, side file
above the high-water mark, suspended because the side file or journal is full, suspended-swappable).
Most specific first: a span read once is not read again.
*/
const WORD_STATES: Array<{ state: string; role?: "SVOL"; pattern: RegExp }> = [
  { state: "PFUS", pattern: /suspended (?:because|as|since|due to|when|after) (?:the |its |a )?(?:side ?file|journal)(?: volume)? (?:is |was |became |got |went )?(?:full|filled)|(?:side ?file|journal)[- ]full[- ]suspen(?:ded|sion|d)/g },
  { state: "PFUL", pattern: /(?:side ?file|journal)(?: usage| use)? (?:is |was |has gone |went )?(?:above|over|past|beyond|exceed(?:s|ed|ing)?) (?:the |its )?(?:threshold|high[- ]water[- ]mark|hwm)/g },
  // "S-VOL suspended, swapped (writes allowed)": a site monitor's words for SSWS.
  { state: "SSWS", role: "SVOL", pattern: /suspended[- ]swappable|swap[- ]suspended|suspended for swapping|suspended,? swapped\b/g },
  // An S-VOL made writable is what an S-VOL takeover leaves (SSWS; pairvolchk shows PSUS, RM-UG p.119 SVOL-takeover).
  // Only with the S-VOL named before it: a P-VOL is always writable.
  { state: "SSWS", role: "SVOL", pattern: /(?:secondary|s-?vol)(?:[\w-]*\s+){1,4}?(?:(?:were|was|is|are|has been|have been|now|got|became|become)\s+)+(?:made\s+)?(?:writ(?:e)?able|write[- ]enabled|read[\/-]write)|(?:secondary|s-?vol)(?:[\w-]*\s+){0,3}?made\s+(?:writ(?:e)?able|write[- ]enabled|read[\/-]write)/g },
  { state: "PSUE", pattern: /(?:pair )?suspended[- ](?:error\b|(?:due to|by|with|on|because of|after) (?:an? |the )?(?:[a-z/-]+ )?(?:error|failure|fault))|error[- ]suspend(?:ed)?/g },
  { state: "PSUS", pattern: /(?:pair )?suspended[- ]split|suspended \((?:user |operator )?split\)|split by (?:the )?(?:user|operator|administrator|command)|suspended by (?:the )?(?:user|operator|administrator|command)|\bsplit (?:state|status)\b/g },
  { state: "COPY", pattern: /(?:initial |update )?cop(?:y|ying) (?:is )?in progress|being (?:copied|resynchroni[sz]ed)|pending duplex|\bcopying\b/g },
  // "not paired", "not in a pair" (simplex); not "not in PAIR state" (out of PAIR, any other state).
  { state: "SMPL", pattern: /\bsimplex\b|\bunpaired\b|\bnot (?:in )?(?:a )?pair(?:ed)?\b(?! (?:state|status|mode))/g },
  { state: "PAIR", pattern: /(?<!not |un)\bsynchroni[sz]ed\b|\bin sync\b|\bduplex\b/g },
];

// key=value forms: which keys name the group, a side's state, the side, the role, a command and its result.
const GROUP_KEYS = new Set(["dg", "group", "devgroup", "dev_group", "device_group", "devicegroup", "dev_grp", "devgrp"]);
const LOCAL_KEYS = new Set(["local", "local_state", "localstate", "local_status", "lstate", "loc", "local_vol"]);
const REMOTE_KEYS = new Set(["remote", "remote_state", "remotestate", "remote_status", "rstate", "rmt", "remote_vol"]);
const STATE_KEYS = new Set(["state", "status", "pair_state", "pairstate", "pair_status", "volstat", "vol_state"]);
const PVOL_KEYS = new Set(["pvol", "p_vol", "pvol_state", "primary"]);
const SVOL_KEYS = new Set(["svol", "s_vol", "svol_state", "secondary"]);
const RESULT_KEYS = new Set(["rc", "exit", "exit_code", "exitcode", "return", "return_code", "retcode", "result", "outcome"]);
// Nouns after primary/secondary that make them a pair role ("the secondary copy", "primary volumes").
const ROLE_NOUNS = new Set(["volume", "volumes", "vol", "vols", "side", "lun", "luns", "ldev", "ldevs", "copy", "copies"]);
// Keywords of localised (French) Metrocluster messages and package scripts, read as their English equivalents.
const KEYWORD_SYNONYMS = new Map([
  ["distant", "remote"], ["distante", "remote"], ["etat", "state"], ["état", "state"], ["statut", "status"], ["groupe", "group"],
]);
// A leading `name:` that is not a device group's name.
/** Leading words that are a tag, a side or a heading, never a device group's name ("local:", "MC-XP:" is read by its shape). */
export const LABEL_STOP = new Set(["local", "remote", "error", "warning", "warn", "note", "info", "notice", "debug", "node", "package", "pkg", "status", "state",
  "result", "cause", "reason", "host", "date", "time", "root", "cmd", "command", "output", "message", "msg", "detail", "details", "horcm", "raid",
  "hint", "action", "check", "summary", "this", "the", "it", "fence", "group", "volume", "site", "primary", "secondary", "both", "journal", "metrocluster",
  // "Metrocluster: pair state local SVOL_PAIR remote PVOL_PAIR", "local pair state SVOL_PAIR", "remote pair state EX_ENORMT":
  // the noun of the state, never the group's name (round 52 #07 put the takeover on a group "pair").
  "pair", "pairs",
  "remark", "comment", "fixme", "todo", "usage", "example", "step", "phase", "function",
  // A change note's headings (round 48 #11: "Why: ... the QA pairs went PSUE", "Plan: ... pairs stay PAIR").
  "why", "plan", "goal", "purpose", "background", "context", "impact", "risk", "rollback", "backout", "fix", "workaround", "update", "issue", "problem",
  // A mail's header fields (RFC 5322) and reply prefixes, in a mail pasted whole (round 69 #12: "Subject: ... does not
  // start on tor-ux2" read as a refusal of a group "Subject").
  "subject", "from", "to", "cc", "bcc", "sent", "re", "fw", "fwd", "aw", "sv", "tr"]);
/**
A product or tool tag ("XPCA:", "MC-XP:", "Metrocluster:", "HORCM:", "RaidManager:", "cmcld:"): it tags the line, it never names a
device group (the package's configured DEVICE_GROUP then applies). Abbreviations of Metrocluster, Continuous Access, XP/P9000,
Continentalclusters, Serviceguard and Raid Manager (CCI), alone or joined by - / _, and the Serviceguard daemons (cm...d).
*/
const PRODUCT_TAG = /^(?:(?:metrocluster|mc|xp|ca|cc|sg|rm|cci|hp|hpe|p9000|p9k|p9500|xp7|mcxp|xpca|mcca|contclusters|continentalclusters|serviceguard|horcm|horcmd|raidmanager|raidmgr|raid-manager)(?:[-_\/]?(?=[a-z])|$))+$|^cm[a-z]{2,}d$/i;
/** Words before a node's name: where something ran ("started on nodeB1", "halted at ops-s1"), never a group's name after them. */
const PLACE_WORDS = new Set(["on", "at"]);
/** A label naming a monitor or a check tool by its last part: "tr_dgmon", "ora_chk", "dr-watch" (not "db_common"). */
const MONITOR_LABEL = /(?:^|[_.-])(?:dg)?(?:mon|monitor|chk|check|watch|stat)$/i;
/** A Raid Manager port ID (CL1-A, CL3-A-2: the cluster, the port letter, a host group number): a place, never a group's name. */
const PORT_NAME = /^CL[0-9A-H]-[A-Z](?:-\d{1,3})?$/i;
// Words that introduce a group rather than name one ("status of dg oradg", "state of device_group oradg").
const GROUP_WORDS = new Set(["dg", "device_group", "dev_group", "device-group", "dev-group", "group"]);
// Words of a check before the group it checks ("Metrocluster: checking fin_xp on instance 9").
const CHECK_WORDS = new Set(["checking", "check", "verifying", "verify", "validating", "examining", "testing", "querying", "polling"]);
// Nouns after this/other, near/far that make them a side.
const SIDE_NOUNS = new Set(["side", "site", "array", "volume", "end", "frame"]);

function exCodeOf(text: string): { code: string; number: number | null } {
  const name = /^EX_[A-Z]+/.exec(text)![0];
  const code = EX_ALIASES[name] ?? name;
  const written = /\((\s*\d+\s*)\)/.exec(text);
  return { code, number: written ? Number(written[1]) : (EX_NUMBERS[code] ?? null) };
}

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, "");
}

interface Found { position: number; event: Draft }

const PAST_WORDS = new Set(["was", "previously", "formerly", "previous", "prev"]);
const PAST_JOINERS = new Set(["and", "or", "&", "resp", "respectively"]);
// Words between a past word and the old state it names: "was in PAIR state", "was still PVOL_PAIR", "previously both PAIR".
const PAST_FILLERS = new Set(["in", "still", "both", "the", "a", "state", "status", "all", "at"]);
// Words before "restarted" that say the restart is still to come.
const RESTART_PENDING = new Set(["be", "yet", "needs", "need", "to", "should", "must", "will", "pending", "once", "until", "after", "before", "if"]);
const STATE_ASSIGNMENT = /=["']?(?:[PS]-?VOL[_ -]?)?(?:PAIR|PSU[SE]|SSUS|SSWS|COPY|SMPL|PFU[LS]|PDUB|RCPY)\b/;

/**
"local=PVOL_PSUE remote=SVOL_PSUE (was PVOL_PAIR/SVOL_PAIR)": once a line has stated a state, what follows
"was"/"previously" is the state before the change, not news: it is left out (read, it would put the pair
model back in the old state at the same instant).
*/
// "REMOTE COPY PATH BLOCKADE", "Remote Copy pair suspended": the product's name (TrueCopy's, in the array's SNMP traps
// and SVP messages) before a noun of it, not the remote side in state COPY (round 80 #07: a path blockade read as a copy).
const REMOTE_COPY_NOUNS = new Set(["path", "paths", "link", "links", "connection", "connections", "port", "ports", "function", "pair", "pairs", "group", "groups", "volume", "volumes", "operation", "license"]);
function withoutProductName(tokens: Token[]): Token[] {
  // Written as a name ("REMOTE COPY", "Remote Copy"): "remote COPY pair 45%" is the remote side copying.
  const named = tokens.findIndex((token, at) => token.type === "pairState" && token.value === "COPY" && ["REMOTE", "Remote"].includes(tokens[at - 1]?.value ?? "")
    && (tokens[at - 1].value === "REMOTE" ? token.text === "COPY" : token.text === "Copy") && REMOTE_COPY_NOUNS.has(tokens[at + 1]?.value.toLowerCase() ?? ""));
  if (named < 0) return tokens;
  return tokens.map((token, at) => (at === named ? { ...token, type: "word", value: "copy" } : at === named - 1 ? { ...token, type: "word", value: "remote-copy" } : token));
}

function withoutPastStates(whole: Token[]): Token[] {
  const tokens = withoutReplacedStates(withoutAlternativeStates(withoutProductName(whole)));
  const stateLike = (token: Token): boolean =>
    token.type === "roleState" || token.type === "pairState" || token.type === "role" || (token.type === "assignment" && STATE_ASSIGNMENT.test(token.value));
  let stated = false;
  const kept: Token[] = [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (stated && token.type === "word" && PAST_WORDS.has(token.value.toLowerCase())) {
      // Only the states right after the word are the old ones: "local PVOL_PSUE (previously PVOL_PAIR), remote SVOL_PSUE
      // (previously SVOL_PAIR)" still says the remote side's new state after the first (round 52 #02).
      // "formerly PVOL_PAIR and SVOL_PAIR": the old states may be joined by a word.
      const joiner = (at: number): boolean => tokens[at]?.type === "word" && PAST_JOINERS.has(tokens[at].value.toLowerCase());
      const filler = (at: number): boolean => tokens[at]?.type === "word" && PAST_FILLERS.has(tokens[at].value.toLowerCase());
      let ahead = index + 1;
      while (ahead < tokens.length && ahead <= index + 3 && filler(ahead)) ahead++;
      if (ahead < tokens.length && stateLike(tokens[ahead])) index = ahead - 1;
      while (index + 1 < tokens.length && (stateLike(tokens[index + 1]) || (joiner(index + 1) && tokens[index + 2] !== undefined && stateLike(tokens[index + 2])))) index++;
      continue;
    }
    if (stateLike(token) && token.type !== "role") stated = true;
    kept.push(token);
  }
  return kept;
}

const isStateToken = (token: Token): boolean => token.type === "roleState" || token.type === "pairState";

/** An arrow between two states: "remote state changed EX_ENORMT -> SVOL_PAIR". */
const STATE_ARROW = /^[ \t]*(?:-+>|=>|\u2192)[ \t]*$/;

/**
"remote state changed EX_ENORMT -> SVOL_PAIR", "changed from PVOL_PAIR to PVOL_PSUE": the state or error
before the arrow (or after "from", before "to") is what the pair was, not what it is. Read, the old error
opened a finding at the very moment the line said it had cleared.
*/
function withoutReplacedStates(whole: Token[]): Token[] {
  const tokens = [...whole];
  const replaced = new Set<number>();
  const stateOrCode = (token: Token | undefined): boolean => token !== undefined && (isStateToken(token) || token.type === "exCode");
  // "erp_d0 PVOL PAIR -> PSUE": the role written with the old state is the new state's too.
  const replace = (old: number, current: number): void => {
    replaced.add(old);
    const role = tokens[old].type === "roleState" ? /^[PS]-?VOL/.exec(tokens[old].value)?.[0] : undefined;
    if (role !== undefined && tokens[current].type === "pairState") tokens[current] = { ...tokens[current], type: "roleState", value: `${role}_${tokens[current].value}` };
  };
  for (let index = 0; index + 1 < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === "word" && token.value.toLowerCase() === "from") {
      // "changed from PVOL_PAIR/SVOL_PAIR to local PVOL_PSUE, remote SVOL_PSUE": every state between "from" and "to".
      let end = index + 1;
      while (end < tokens.length && stateOrCode(tokens[end])) end++;
      // The new state may follow a side word ("to local PVOL_PSUE").
      const current = [end + 1, end + 2].find((at) => stateOrCode(tokens[at]));
      if (end > index + 1 && tokens[end]?.value.toLowerCase() === "to" && current !== undefined) {
        for (let old = index + 1; old < end; old++) replace(old, current);
      }
      continue;
    }
    if (!stateOrCode(token)) continue;
    const next = tokens[index + 1];
    if (stateOrCode(next) && STATE_ARROW.test(token.source.slice(token.offset + token.text.length, next.offset))) replace(index, index + 1);
  }
  return replaced.size === 0 ? whole : tokens.filter((_, index) => !replaced.has(index));
}

// "Wait until the device group is in PAIR state", "unless both sides are PAIR": a state to reach, not the present.
const GOAL_WORDS = new Set(["until", "unless", "till"]);

/**
"The previous state (PAIR or COPY) of the SVOL cannot be determined": states offered as alternatives are what
the line does not know, not a state it reports. Every state of an "X or Y" (or "X, Y or Z") run is left out,
and so is every state after "until"/"unless" (a condition to wait for).
*/
function withoutAlternativeStates(tokens: Token[]): Token[] {
  const alternative = new Set<number>();
  const condition = tokens.findIndex((token) => token.type === "word" && GOAL_WORDS.has(token.value.toLowerCase()));
  if (condition >= 0) for (let index = condition + 1; index < tokens.length; index++) if (isStateToken(tokens[index])) alternative.add(index);
  for (let index = 1; index + 1 < tokens.length; index++) {
    if (tokens[index].type !== "word" || tokens[index].value.toLowerCase() !== "or") continue;
    if (!isStateToken(tokens[index - 1]) || !isStateToken(tokens[index + 1])) continue;
    alternative.add(index + 1);
    for (let before = index - 1; before >= 0 && isStateToken(tokens[before]); before--) alternative.add(before);
  }
  return alternative.size === 0 ? tokens : tokens.filter((_, index) => !alternative.has(index));
}

// A line that says the commands it names are not run ("DRY-RUN step 3/7 would run: pairsplit -g TXN02 -S", "simulate
// mode, no command is sent", "--dry-run"): a plan or a rehearsal's text, not something done (round 60 #15: a dry run's
// "would run: horctakeover / pairsplit -S / rm FORCEFLAG" read as a takeover and a split). What it reports seeing (a
// state a dry run's check read) is kept; the actions it names are not events.
const NOT_PERFORMED = /\bwould(?:[ \t]+have)?[ \t]+(?:run|execute|issue|invoke|call|perform|send)\b|(?:^|[^A-Za-z0-9_])-{0,2}dry[-_ ]?run\b|\b(?:simulat(?:e|ed|ion)|no-?op|what-?if)[-_ ]mode\b|\bno[ \t]+commands?[ \t]+(?:(?:will|would)[ \t]+be|is|was|were|are)?[ \t]*(?:executed|run|sent|issued)\b/i;
const ACTION_KINDS: ReadonlySet<string> = new Set(["takeover", "takeover.waiting", "pair.create", "pair.resync", "pair.split", "pair.wait", "raid.command", "raid.error",
  "forceflag", "horcm.started", "horcm.stopped", "horcm.config.changed", "mc.start.refused"]);
function performedOnly(whole: Token[], events: Draft[]): Draft[] {
  return whole.length > 0 && NOT_PERFORMED.test(whole[0].source) ? events.filter((event) => !ACTION_KINDS.has(event.kind)) : events;
}

/** Read the facts of one body from its typed tokens. */
function interpret(whole: Token[]): Draft[] {
  // Raid Manager's help text under an error in its command log ("[Action]:Please confirm volume attributes
  // (P-VOL/S-VOL/SMPL) of the both sides"): it names states and roles in general, about no volume.
  // A command log's header may have taken the opening bracket as a script's lead ("Cause ]:The command device rejected ...").
  if (whole.length > 0 && /^[ \t]*\[?(?:Cause|Action)[ \t]*\][ \t]*:/.test(whole[0].source)) return [];
  const input = withoutPastStates(whole);
  // "/HORCM/usr/bin/pairresync" is pairresync.
  const tokens = input.map((token) => (token.type === "command" && token.value.includes("/") ? { ...token, value: token.value.slice(token.value.lastIndexOf("/") + 1) } : token));
  // Localised package scripts say the same facts in their language ("groupe cpt_dg ... : local SVOL_PAIR, distant
  // PVOL_PAIR", "Etat local SVOL_PAIR"): their keywords are read as the English ones, so "Etat" is a heading, not a group.
  const lower = tokens.map((token) => KEYWORD_SYNONYMS.get(token.value.toLowerCase()) ?? token.value.toLowerCase());
  const found: Found[] = [];
  const used = new Set<number>();
  // How the line names its device group (fields.deviceGroupFrom): in its words ("line") or a leading label.
  let groupFrom = "line";
  // "pair status change: hr_jdg/hr_v01 PAIR -> PSUE": Raid Manager's group/pair-volume notation names both; the group
  // is read below (slashGroup), the volume is kept with the state as horcmd's "(Volume:dev_x01,...)" is.
  // Only with both parts shaped like identifiers (an underscore or a digit; a group may say it is one by dg/grp): "read/write",
  // "TCP/IP" and a path are not that notation. And only right before the state it reports: "remote nur-x1/nur-x2 not
  // answering" names two hosts (round 40 #18: read as group nur-x1, a suspension nothing could close).
  const slashAt = tokens.findIndex((token, at) => token.type === "word" && /^[A-Za-z][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(token.value)
    && (IDENTIFIER_NAME.test(token.value.split("/")[0]) || GROUP_NAMED.test(token.value.split("/")[0])) && IDENTIFIER_NAME.test(token.value.split("/")[1])
    && !DOTTED_FILE.test(token.value) && (tokens[at + 1]?.type === "pairState" || tokens[at + 1]?.type === "roleState"));
  const slashNamed = slashAt >= 0 ? tokens[slashAt] : undefined;
  const slashGroup = slashNamed?.value.split("/")[0];
  const volumeNamed = /\(Volume:\s*([A-Za-z0-9_.-]+)[,)]/.exec(tokens[0]?.source ?? "")?.[1] ?? slashNamed?.value.split("/")[1] ?? null;
  const add = (position: number, kind: string, fields: Record<string, Scalar | undefined>, deviceGroup?: string): void => {
    if (fields.side === "both") {
      add(position, kind, { ...fields, side: "local" }, deviceGroup);
      add(position, kind, { ...fields, side: "remote" }, deviceGroup);
      return;
    }
    const kept: Record<string, Scalar> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) kept[key] = value;
    // A horcmd notice names the pair volume, not the group ("(Volume:claims_01, PAIR -> SSUS)"): kept, so the volume can
    // be tied to its group (src/correlate/attribution.ts).
    if (kind === "pair.state" && (deviceGroup === undefined || deviceGroup === slashGroup) && volumeNamed !== null) kept.pairVolume = volumeNamed;
    if (BUSINESS_COPY_KINDS.has(kind) && businessCopyAt(position)) kept.replication = "local";
    const event: Draft = { kind, fields: kept };
    if (deviceGroup !== undefined) {
      event.deviceGroup = deviceGroup;
      kept.deviceGroupFrom = groupFrom;
    }
    found.push({ position, event });
  };
  const commands = tokens.filter((token) => token.type === "command").map((token) => token.value);
  const firstCommand = commands[0];
  const hasWord = (...words: string[]): boolean => words.some((word) => lower.includes(word));
  const options = new Set(tokens.filter((token) => token.type === "option").map((token) => token.value));
  // A command run as Business Copy (ShadowImage, MRCF): -IM<instance> / -ISI<instance>, or HORCC_MRCF=1 before it. Its
  // pairs are copies inside one array, which no site failure or CA link touches (round 38 #06: a nightly backup
  // group split with -IM1 and resynchronized read as a Continuous Access split left open).
  // Only the command that carries it: "pairevtwait -g oradg -I0 -> PSUS, now pairsplit -g ora_bc -IM1" is a CA group's
  // state and a Business Copy split (review). A line's commands split it: each token belongs to the command before it
  // (the first command's when none is), and HORCC_MRCF=1 to the command after it.
  const commandIndexes = tokens.flatMap((token, index) => (token.type === "command" ? [index] : []));
  const commandOf = (index: number): number => {
    let owner = commandIndexes[0] ?? -1;
    for (const at of commandIndexes) if (at <= index) owner = at;
    return owner;
  };
  const businessCopyCommands = new Set<number>();
  tokens.forEach((token, index) => {
    if (token.type === "option" && /^-I(?:M|SI)\d*$/i.test(token.value)) businessCopyCommands.add(commandOf(index));
    else if (token.type === "assignment" && /^HORCC_MRCF=["']?1["']?$/i.test(token.value))
      businessCopyCommands.add(commandIndexes.find((at) => at > index) ?? commandOf(index));
  });
  const businessCopyAt = (position: number): boolean => businessCopyCommands.size > 0 && businessCopyCommands.has(commandOf(position));

  /** The index of the first token after `index` that is not a connector word, within `reach` tokens. */
  const nextValue = (index: number, reach = 4): number => {
    for (let next = index + 1; next < tokens.length && next <= index + reach; next++) {
      if (tokens[next].type === "word" && CONNECTORS.has(lower[next])) continue;
      return next;
    }
    return -1;
  };
  /** "horctakeover not attempted", "Skipping horctakeover", "without horctakeover": the command named at `at` did not run. */
  const takeoverNotRun = (at: number): boolean =>
    ["skip", "skipping", "skipped", "without", "no"].includes(lower[at - 1] ?? "")
    || (["not", "never"].includes(lower[at + 1] ?? "") && ["attempted", "run", "executed", "performed", "started", "tried", "called", "issued"].includes(lower[at + 2] ?? ""))
    || (["not", "never"].includes(lower[at - 1] ?? "") || (lower[at - 2] === "not" && ["run", "call", "issue", "attempt"].includes(lower[at - 1] ?? "")));
  // "pairsplit -RS rejected": the array refused an order (EX_CMDRJE); a line that also says something went well
  // ("completed, 0 pairs rejected") reports no refusal.
  const rejectedOnly = hasWord(...REJECTION_WORDS) && !hasWord(...SUCCESS_WORDS);
  const near = (index: number, words: Set<string>, before: number, after: number): boolean => {
    for (let other = Math.max(0, index - before); other <= Math.min(tokens.length - 1, index + after); other++) {
      if (other !== index && words.has(lower[other])) return true;
    }
    return false;
  };

  const labelledWord = (token: Token): boolean => token.source.charAt(token.offset + token.text.length) === ":";
  // Device group: the body's first "device group X", "dev_group X", "-g X", "DEVICE_GROUP=X", "group X".
  let deviceGroup: string | undefined;
  let groupFromOption = false;
  // Named by its noun ("device group X", "dev_group X", DEVICE_GROUP=X), not guessed from a label or a name's shape.
  let groupNamedByNoun = false;
  for (let index = 0; index < tokens.length && deviceGroup === undefined; index++) {
    const token = tokens[index];
    if (token.type === "assignment" && GROUP_KEYS.has(token.value.slice(0, token.value.indexOf("=")).toLowerCase())) {
      deviceGroup = unquote(token.value.slice(token.value.indexOf("=") + 1)) || undefined;
      groupNamedByNoun = deviceGroup !== undefined;
      continue;
    }
    let keywordEnd = -1;
    // "SVOL-takeover is done for (cardsjnl) group. (return 2)": horctakeover's own words put the name in parentheses
    // before "group"; what follows is not a name (round 46 #07 read "return" as the group).
    // Only in that shape, after "for": "side file (journal) group 1 is full" names no group (review).
    if (lower[index] === "group" && index > 1 && lower[index - 2] === "for" && tokens[index - 1].type === "word" && IDENTIFIER_CHARS.test(tokens[index - 1].value)) {
      const before = tokens[index - 1];
      if (before.source.charAt(before.offset - 1) === "(" && before.source.charAt(before.offset + before.text.length) === ")") {
        deviceGroup = before.value;
        groupNamedByNoun = true;
        continue;
      }
    }
    if (token.type === "option" && token.value === "-g") keywordEnd = index;
    // "pairvolchk for erpdg: PVOL_PSUE": a Raid Manager command's object; "for device group X" is read at "device".
    else if (token.type === "command" && lower[index + 1] === "for" && tokens[index + 2]?.type === "word"
      && !["device", "dev_group", "device_group", "group", "the", "all", "each", "every"].includes(lower[index + 2])) keywordEnd = index + 1;
    else if (lower[index] === "dev_group" || lower[index] === "device_group" || lower[index] === "dev-group" || lower[index] === "device-group") keywordEnd = index;
    else if (lower[index] === "device" && lower[index + 1] === "group") keywordEnd = index + 1;
    // "(path group 0)": the array's remote-copy path group, "port group", "host group": no device group.
    else if (lower[index] === "group" && !["volume", "disk", "recovery", "resource", "consistency", "device", "journal", "path", "port", "host"].includes(lower[index - 1] ?? "")) keywordEnd = index;
    // "Status of dg oradg": the common abbreviation.
    else if (lower[index] === "dg" && token.type === "word") keywordEnd = index;
    // "XPMON: 85011 pair ledger_dg suspended by error (PSUE)": a pair named like an identifier (an underscore or a digit).
    else if ((lower[index] === "pair" || lower[index] === "pairs") && tokens[index + 1]?.type === "word"
      && IDENTIFIER_NAME.test(tokens[index + 1].value) && !GROUP_WORDS.has(lower[index + 1])
      && !PRODUCT_TAG.test(tokens[index + 1].value) && !/^(?:horcm|pair|raid)/.test(lower[index + 1])) keywordEnd = index;
    // "Checking Continuous Access state of ord_sf": the state of a name shaped like an identifier (an underscore or a digit:
    // "the state of replication" names nothing).
    else if ((lower[index] === "state" || lower[index] === "status") && lower[index + 1] === "of" && tokens[index + 2]?.type === "word"
      && IDENTIFIER_NAME.test(tokens[index + 2].value) && !GROUP_WORDS.has(lower[index + 2])
      && !PRODUCT_TAG.test(tokens[index + 2].value) && !/^(?:horcm|pair|raid)/.test(lower[index + 2])) keywordEnd = index + 1;
    if (keywordEnd < 0) continue;
    let candidate = keywordEnd + 1;
    let namingWord = false;
    while (candidate < tokens.length && (lower[candidate] === "name" || lower[candidate] === "is" || lower[candidate] === "named" || lower[candidate] === "called")) {
      if (lower[candidate] !== "is") namingWord = true;
      candidate++;
    }
    const value = tokens[candidate];
    // "the device group is DATA": after "is" a fence level describes the group, it does not name it. So does a plain
    // lower-case word after a bare "is" ("a fence DATA device group is lost", "... is unreachable"): a predicate, not a
    // name, unless it has a name's shape (an underscore or a digit, DG/GRP, a capital: "device group is ora_dg").
    // "device group name is payroll", "device group named payroll" name it whatever its shape.
    const describes = candidate > keywordEnd + 1 && (FENCE_LEVELS.has(value?.value ?? "")
      || (!namingWord && value?.type === "word" && /^[a-z]+$/.test(value.value) && !GROUP_NAMED.test(value.value)));
    if (value && (value.type === "word" || value.type === "number") && !DEVICE_GROUP_STOP.has(lower[candidate]) && !describes) {
      deviceGroup = value.value;
      groupFromOption = token.type === "option";
      groupNamedByNoun = ["dev_group", "device_group", "dev-group", "device-group", "group"].includes(lower[keywordEnd]) && lower[keywordEnd - 1] !== "-g";
    }
  }
  // "pair status change: hr_jdg/hr_v01 PAIR -> PSUE": the group of the group/pair-volume notation (read above).
  if (deviceGroup === undefined && slashGroup !== undefined) deviceGroup = slashGroup;
  // The group a journal's id is given with: the journal's state is that group's too.
  let journalGroup: string | undefined;
  // "JNL 004 (wms_jdg) JNLS=PJSF - journal full, pairs suspended (PFUS)", "journal 4 (ora_jdg) usage 81%": a journal's id
  // with, in brackets right after it, a name shaped like an identifier (an underscore or a digit) or like a group (dg, grp):
  // the device group whose pairs use that journal. Not "journal 004 (CTG 4)", "JID 013 (85310)": a word and a number.
  for (let index = 0; index + 2 < tokens.length && deviceGroup === undefined; index++) {
    if (!["journal", "jnl", "jid", "jnlg"].includes(lower[index]) || tokens[index + 1].type !== "number") continue;
    const name = tokens[index + 2];
    const between = name.source.slice(tokens[index + 1].offset + tokens[index + 1].text.length, name.offset);
    if (name.type === "word" && /^[ \t]*\([ \t]*$/.test(between) && /^[ \t]*\)/.test(name.source.slice(name.offset + name.text.length))
      && (IDENTIFIER_NAME.test(name.value) || GROUP_NAMED.test(name.value)) && !PRODUCT_TAG.test(name.value) && !/^(?:ctg|ctgid|mu|jid)/i.test(name.value)) {
      deviceGroup = name.value;
      journalGroup = name.value;
    }
  }
  // "local erp_dg = SVOL_PAIR, remote erp_dg = EX_ENORMT": a name between a side and its state names the group,
  // more surely than a leading label ("MC-XP: local erp_dg = ..." is a product tag, not the group).
  for (let index = 0; index + 2 < tokens.length && deviceGroup === undefined; index++) {
    if (lower[index] !== "local" && lower[index] !== "remote") continue;
    const name = tokens[index + 1];
    let stated = index + 2;
    while (stated < tokens.length && tokens[stated].type === "word" && CONNECTORS.has(lower[stated])) stated++;
    const what = tokens[stated]?.type;
    if (name.type === "word" && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(name.value) && !CONNECTORS.has(lower[index + 1])
      && !DEVICE_GROUP_STOP.has(lower[index + 1]) && !STATE_WORDS.has(lower[index + 1]) && !SIDE_NOUNS.has(lower[index + 1]) && !LABEL_STOP.has(lower[index + 1])
      && (what === "roleState" || what === "pairState" || what === "exCode")) {
      deviceGroup = name.value;
    }
  }
  // "Device group monitor for erppkg: erp_dg local PVOL_PSUE, remote SVOL_SSWS": inside the line, a name shaped like an
  // identifier (an underscore or a digit) right before a side that goes on to give its state names the group (the
  // first two words are a tag and a label, read below).
  // "DRMonitor: lg_data local SVOL_SSWS remote PVOL_PSUE": after one leading tag (a label with no underscore or digit,
  // a monitor script's name) the identifier-shaped name is the group too; a label shaped like an identifier
  // ("erp_dg: dev_01 local ...") stays the group, read below.
  const toolTagFirst = tokens.length > 3 && labelledWord(tokens[0]) && tokens[0].type === "word" && !IDENTIFIER_NAME.test(tokens[0].value);
  for (let index = toolTagFirst ? 2 : 3; index + 1 < tokens.length && deviceGroup === undefined; index++) {
    if (lower[index] !== "local" && lower[index] !== "remote") continue;
    const name = tokens[index - 1];
    const what = tokens[index + 1].type;
    // "dgtr local PVOL_COPY (tr_d05), remote SVOL_COPY": a name in brackets after a state is a note on it (the volume that
    // copies), not the group the next side's state is of (round 32 #18: a copy of "tr_d05" that no PAIR of dgtr ended).
    const inBrackets = name.source.charAt(name.offset - 1) === "(" && name.source.charAt(name.offset + name.text.length) === ")";
    if (name.type === "word" && IDENTIFIER_NAME.test(name.value) && !labelledWord(name) && !inBrackets
      && !PRODUCT_TAG.test(name.value) && !/^(?:horcm|pair|raid)/.test(lower[index - 1]) && (what === "roleState" || what === "pairState" || what === "exCode")) {
      deviceGroup = name.value;
    }
  }
  // "weekly check bill_dg PVOL_PAIR/SVOL_PAIR", "XPCA check bill_dg: PVOL_PAIR / SVOL_PAIR", "bill_dg still PVOL_PSUE": a name
  // shaped like an identifier (an underscore or a digit) right before a role-state (or "still"/"is"/"now" and one) names
  // the group, as a label does (one equal to the node or the package is dropped by the file parser).
  // "dg_erp_arc not in PAIR state (PSUE)": the same name said to be out of a state.
  // "INC0098812: ... CONTASDG P-VOL side PSUE", "closed: contas back on spodb01, CONTASDG PAIR": a name that says it is a
  // device group (DG or GRP at its start or end, the usual naming) right before a role or a pair state names the group,
  // whatever label the line starts with (a ticket's number, round 43 #09).
  // A leading label that itself says it is a group ("oradg: local PVOL_PAIR ... (checked by DRMonitorDG PAIR)") wins.
  const groupLabel = tokens[0]?.type === "word" && GROUP_NAMED.test(tokens[0].value) && tokens[0].source.charAt(tokens[0].offset + tokens[0].text.length) === ":";
  for (let index = 0; index + 1 < tokens.length && deviceGroup === undefined && !groupLabel; index++) {
    const name = tokens[index];
    if (name.type !== "word" || !GROUP_NAMED.test(name.value) || PRODUCT_TAG.test(name.value) || DEVICE_GROUP_STOP.has(lower[index])) continue;
    if (!["role", "roleState", "pairState"].includes(tokens[index + 1]?.type ?? "")) continue;
    deviceGroup = name.value;
    groupFrom = "label";
  }
  for (let index = 0; index + 1 < tokens.length && deviceGroup === undefined; index++) {
    const name = tokens[index];
    let next = index + 1;
    // "ord_dg shows PVOL_PSUE here": a note saying what the group shows (round 61 #19: the ticket's label read as the group).
    while (next < tokens.length && ["still", "is", "now", "was", "shows", "showed"].includes(lower[next])) next++;
    // "lg_data changed to PVOL_COPY (remote SVOL_COPY)": a monitor reporting the group's new state.
    if (lower[next] === "changed" && lower[next + 1] === "to") next += 2;
    const outOf = lower[next] === "not" && lower[next + 1] === "in" && ["roleState", "pairState"].includes(tokens[next + 2]?.type ?? "");
    if (tokens[next]?.type !== "roleState" && !outOf) continue;
    // "restarted crew_sched on ops-s1 (P-VOL COPY side)": a name after "on" or "at" is where something ran, a node, not the
    // group whose state follows (round 67 #17: a change note's node read as a group out of PAIR).
    // "daily: dg01 (I4) P-VOL PSUE": a name in brackets after another is a note on it (its instance), not the group (round 73 #14).
    const noteInBrackets = index > 0 && tokens[index - 1].type === "word" && name.source.charAt(name.offset - 1) === "(" && name.source.charAt(name.offset + name.text.length) === ")";
    if (name.type === "word" && IDENTIFIER_NAME.test(name.value) && !PRODUCT_TAG.test(name.value) && !PLACE_WORDS.has(lower[index - 1] ?? "") && !noteInBrackets
      && !/^(?:horcm|pair|raid)/.test(lower[index]) && !DEVICE_GROUP_STOP.has(lower[index]) && !SIDE_NOUNS.has(lower[index])) {
      deviceGroup = name.value;
      groupFrom = "label";
    }
  }
  // "DR check (continental) for crm_dg, instance 9, fence NEVER": an identifier-shaped name after "for" on a line
  // that checks (a check word) names the group the check is about.
  // "XPCA check gedcom_dg: local PVOL_PSUS ...": the name right after the check word, too.
  if (deviceGroup === undefined && lower.some((word) => CHECK_WORDS.has(word))) {
    const checkAt = lower.findIndex((word) => CHECK_WORDS.has(word));
    for (const at of [lower.indexOf("for"), checkAt]) {
      const name = at >= 0 ? tokens[at + 1] : undefined;
      if (deviceGroup === undefined && name?.type === "word" && IDENTIFIER_NAME.test(name.value) && !PRODUCT_TAG.test(name.value)
        && !/^(?:horcm|pair|raid|pkg|package)/.test(lower[at + 1]) && !DEVICE_GROUP_STOP.has(lower[at + 1])) {
        deviceGroup = name.value;
        groupFrom = "label";
      }
    }
  }
  // "oradg: local S-VOL PSUE", "oradg local state is SVOL_PSUE": a leading name before a colon or a side names the
  // group (the file parser drops a label that is the node or the package).
  // "mcstat: sapdg: the local ...": of two leading labels the second, nearer the facts, names the group (the first tags the tool).
  const labelled = (token: Token | undefined): boolean => token !== undefined && token.type === "word" && token.source.charAt(token.offset + token.text.length) === ":";
  // "mcxp[pos_async] local PVOL_PSUE": a tool tag with a name in brackets; the name is the group (digits only are a PID).
  const bracketed = tokens.length > 2 && tokens[0].type === "word" && tokens[1].type === "word" && tokens[0].source.charAt(tokens[0].offset + tokens[0].text.length) === "["
    && tokens[1].source.charAt(tokens[1].offset + tokens[1].text.length) === "]" && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(tokens[1].value);
  if (deviceGroup === undefined && bracketed && !LABEL_STOP.has(lower[1]) && !PRODUCT_TAG.test(tokens[1].value)) {
    deviceGroup = tokens[1].value;
    groupFrom = "label";
  }
  // "XPCA: local=PVOL_PSUE ...", "Metrocluster: fin_xp is SMPL ...", "Metrocluster: checking fin_xp on instance 9": a product or
  // tool tag is not a group; the name right after it is, when the line goes on to say its state (or checks it).
  const productTag = tokens.length > 1 && tokens[0].type === "word" && PRODUCT_TAG.test(tokens[0].value) && (labelled(tokens[0]) || bracketed);
  if (deviceGroup === undefined && productTag && !labelled(tokens[1])) {
    const checking = CHECK_WORDS.has(lower[1]) ? 2 : 1;
    const name = tokens[checking];
    let next = checking + 1;
    while (next < tokens.length && tokens[next].type === "word" && CONNECTORS.has(lower[next])) next++;
    // "MetroCluster/CA: pay_jnl local=SVOL_PAIR remote=PVOL_PSUE": a side's state as key=value says it too.
    const sideAssignment = tokens[next]?.type === "assignment" && (LOCAL_KEYS.has(lower[next].split("=")[0]) || REMOTE_KEYS.has(lower[next].split("=")[0]) || STATE_KEYS.has(lower[next].split("=")[0]));
    // "CAXP: hr_dg (HORCMINST=0, FENCE=NEVER)": the group's own settings after its name say it too (round 35 #19).
    const settingAssignment = tokens[next]?.type === "assignment" && /^(?:horcminst|fence)$/.test(lower[next].split("=")[0]);
    const says = ["roleState", "pairState", "exCode", "role"].includes(tokens[next]?.type ?? "") || /^(?:local|remote)(?:ly)?$/.test(lower[next] ?? "") || sideAssignment || settingAssignment;
    if (name?.type === "word" && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(name.value) && !LABEL_STOP.has(lower[checking]) && !DEVICE_GROUP_STOP.has(lower[checking])
      && !PRODUCT_TAG.test(name.value) && (says || (checking === 2 && /[_\d]/.test(name.value)))) {
      deviceGroup = name.value;
      groupFrom = "label";
    }
  }
  // "CHG0077812 pairdisplay dgwms: L S-VOL SSWS, R P-VOL PSUE", "CHG0061230 step 4: pairdisplay dg_crm: local P-VOL COPY
  // 2%": a Raid Manager command, then a name with a colon and the states it printed: that name is the group; a change's
  // number or a step before the command tags the line (round 69 #14, #17: the change number read as a group).
  if (deviceGroup === undefined) {
    const commandAt = tokens.findIndex((token) => token.type === "command");
    const named = commandAt >= 0 ? tokens[commandAt + 1] : undefined;
    if (named !== undefined && named.type === "word" && labelled(named) && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(named.value)
      && !LABEL_STOP.has(named.value.toLowerCase()) && !DEVICE_GROUP_STOP.has(named.value.toLowerCase()) && !PRODUCT_TAG.test(named.value)
      && tokens.slice(commandAt + 2).some((token) => ["roleState", "pairState", "role", "exCode"].includes(token.type))) {
      deviceGroup = named.value;
      groupFrom = "label";
    }
  }
  // "(MetroCluster XPCA) gl_db  local : ...", "[mes_pkg] mes_dg status changed local=...": a tag in brackets before the
  // line's own words is skipped like a label.
  const bracketTag = tokens.length > 0 ? /^[ \t]*(?:\([^()]{1,40}\)|<[^<>]{1,40}>|\[[^\[\]]{1,40}\])[ \t]*/.exec(tokens[0].source) : null;
  const bracketSkip = bracketTag !== null && "(<[".includes(tokens[0].source.charAt(tokens[0].offset - 1)) ? tokens.filter((token) => token.offset < bracketTag[0].length).length : 0;
  // "Metrocluster CAXP: DG_TOS instance 14 fence NEVER": a product tag of two words, the second a label, is skipped whole.
  const twoWordTag = tokens.length > 3 && tokens[0].type === "word" && PRODUCT_TAG.test(tokens[0].value) && !labelled(tokens[0])
    && tokens[1].type === "word" && PRODUCT_TAG.test(tokens[1].value) && labelled(tokens[1]);
  // "CHANGE acctdg local P-VOL PSUE remote S-VOL PSUE", "ALERT: oradg local PVOL_PSUE": a monitor's event or severity word
  // first (with or without its colon) tags the line; the name after it is the one the line reports on (round 56 #16).
  const eventTag = tokens.length > 2 && tokens[0].type === "word" && EVENT_TAG.test(tokens[0].value) && tokens[1].type === "word";
  // "tr_dgmon: dgtr local PVOL_COPY (tr_d05), remote SVOL_COPY": a label naming a monitor or a check by its last part
  // (dgmon, _chk, -watch) tags the tool even when shaped like an identifier; the name after it is the group (round 32 #18).
  const monitorLabel = tokens.length > 2 && labelled(tokens[0]) && MONITOR_LABEL.test(tokens[0].value) && tokens[1].type === "word" && !labelled(tokens[1])
    && (/^(?:local|remote)$/.test(lower[2]) || tokens[2].type === "roleState" || tokens[2].type === "pairState");
  const skipTag = twoWordTag ? 2 : (labelled(tokens[0]) && labelled(tokens[1]) && tokens.length > 2 && !LABEL_STOP.has(lower[1])) || bracketed || eventTag || monitorLabel ? 1 : bracketSkip;
  const first = tokens[skipTag];
  // "gl_db is SVOL_PAIR": an identifier-shaped name (an underscore or a digit) said to be in a state.
  // "his_bk PAIR again (resync 1750 s)": a backup script's own words, the name right before a bare pair state.
  // "tre_bc back in PAIR, weekly backup finished", "dwh_dg reached PAIR", "ps_bc returned to PAIR": the name, then a word saying
  // it came back to or reached the state, with no label before it (round 65 #06: a backup script's end of each resync unread).
  const reachedAt = STATE_RETURN.has(lower[skipTag + 1] ?? "")
    ? (tokens[skipTag + 2]?.type === "pairState" ? skipTag + 2 : STATE_REACHED.has(lower[skipTag + 2] ?? "") && tokens[skipTag + 3]?.type === "pairState" ? skipTag + 3 : -1)
    : -1;
  const isState =
    (lower[skipTag + 1] === "is" ? ["roleState", "pairState"].includes(tokens[skipTag + 2]?.type ?? "") : tokens[skipTag + 1]?.type === "pairState" || reachedAt >= 0)
    && /[_\d]/.test(first?.value ?? "");
  const statedFirst = isState && tokens[skipTag + 1]?.type === "pairState" ? skipTag + 1 : -1;
  // "tick_dg FENCE=ASYNC HORCMINST=4", "tick_dg side file full, pair suspended: PVOL_PFUS / SVOL_PFUS": an identifier-shaped
  // first name on a line of settings or of role-states.
  // "LEDGER.split split for backup (S-VOL SSUS, P-VOL PSUS)": a name with one dot inside is identifier-shaped too, unless
  // the part after the dot is a file's extension (xpca.sh, cmapplyconf.log) (round 53 #15).
  const dottedFirst = /^[A-Za-z][A-Za-z0-9_-]*\.[A-Za-z][A-Za-z0-9_-]*$/.test(first?.value ?? "") && !DOTTED_FILE.test(first?.value ?? "");
  const identifierFirst = (IDENTIFIER_NAME.test(first?.value ?? "") || dottedFirst) && !PRODUCT_TAG.test(first?.value ?? "");
  // "webdg fence NEVER, AUTO_SVOLPSUE=0": any name before "fence <level>" is the group that fence is of.
  const fenceOfName =
    lower[skipTag + 1] === "fence" && FENCE_LEVELS.has((tokens[skipTag + 2]?.value ?? "").replace(/[,;.]$/, "").toUpperCase()) && !FENCE_WORD_BEFORE.has(lower[skipTag] ?? "");
  // "tsy_dg tsy_d01 (P-VOL) PAIR -> PSUE" (a pair monitor printing pairdisplay's Group and PairVol columns): an identifier-
  // shaped first name on a line giving a role and a pair state; of group and volume, pairdisplay puts the group first.
  // The role stands within two words of the name: "pkg_banque démarre à Laval ... (takeover S-VOL, SSWS)" says where a
  // package started, and its name is no group (round 63 #18: a group named after the package, with placeholder steps).
  const roleAndState = tokens.slice(skipTag + 1, skipTag + 4).some((token) => token.type === "role") && tokens.some((token) => token.type === "pairState");
  const describesGroup =
    fenceOfName ||
    (identifierFirst && (tokens[skipTag + 1]?.type === "assignment" || lower[skipTag + 1] === "instance" || tokens.some((token) => token.type === "roleState") || roleAndState));
  // "mes_dg still local=PVOL_PSUE ...": a side after "still" or "now" as well.
  const sideAt = ["still", "now"].includes(lower[skipTag + 1] ?? "") ? skipTag + 2 : skipTag + 1;
  const sideNext =
    /^(?:local|remote)(?:_\w*)?(?:=|$)/.test(lower[sideAt] ?? "") || ["pair", "pairs", "status", "state", "both"].includes(lower[skipTag + 1] ?? "") || isState || describesGroup;
  // "crm_dg (inst 6): pairvolchk ...": a label with a note in brackets before its colon.
  // "pdg (HORCMINST=6) local PVOL_PAIR remote SVOL_PAIR": the note, then the sides' states (round 74 #19, #20).
  const bracketNote = /^[ \t]*\([^()]{1,40}\)[ \t]*(?::|(?:local|remote)\b|[PS]-?VOL_?[A-Z])/i.test(first?.source.slice(first.offset + first.text.length) ?? "");
  // "[EX_ENORMT] No remote host alive ...", "[EX_INVSTP] Invalid pair status": CCI's message after its code, whose first word
  // is no label (round 53 #06: "No" read as a group).
  const cciMessage = bracketTag !== null && /^[ \t]*\[[ \t]*EX_[A-Z]+[ \t]*\]/.test(bracketTag[0]);
  if (deviceGroup === undefined && !cciMessage && tokens.length > 1 + skipTag && first.type === "word" && (first.source.charAt(first.offset + first.text.length) === ":" || sideNext || bracketNote)
    && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(first.value) && !LABEL_STOP.has(lower[skipTag]) && !/^(?:horcm|pair|raid)/.test(lower[skipTag]) && !PRODUCT_TAG.test(first.value)) {
    deviceGroup = first.value;
    groupFrom = "label";
    // "nightly: dwh_dg split (P-VOL PSUS / S-VOL SSUS)": a plain-word label (a job's name) followed by an identifier-shaped
    // name on a line of roles and states: that name is the group, the label tags the job (round 29 #06).
    const next = tokens[skipTag + 1];
    if (!IDENTIFIER_NAME.test(first.value) && next?.type === "word" && (IDENTIFIER_NAME.test(next.value) || /^(?:dg|grp)|(?:dg|grp)$/i.test(next.value)) && !PRODUCT_TAG.test(next.value)
      && !/^(?:horcm|pair|raid)/.test(next.value.toLowerCase()) && !DEVICE_GROUP_STOP.has(next.value.toLowerCase())
      && (roleAndState || tokens.some((token) => token.type === "roleState") || (tokens[skipTag + 2]?.type === "word" && lower[skipTag + 2] === "back" && tokens.some((token) => token.type === "pairState"))
        || slashedBareStates(skipTag + 2))) deviceGroup = next.value;
    // "tms_dgmon: dgtms changed: PVOL_COPY -> PVOL_PAIR": a monitor's label, then the name whose state changed (round 32 #07).
    // Only "changed": "oradg: link went down", "oradg: copy moved to PVOL_PAIR" say what happened to oradg (review).
    if (labelled(first) && next?.type === "word" && ["changed", "changes"].includes(lower[skipTag + 2] ?? "") && !CHANGE_SUBJECTS.has(next.value.toLowerCase())
      && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(next.value) && !LABEL_STOP.has(next.value.toLowerCase()) && !DEVICE_GROUP_STOP.has(next.value.toLowerCase())
      && !PRODUCT_TAG.test(next.value) && !/^(?:horcm|pair|raid|local|remote)/.test(next.value.toLowerCase())) deviceGroup = next.value;
  }
  // "[TRD_DG] local SVOL_PAIR remote EX_ENORMT fence ASYNC": a leading tag in square brackets shaped like a group's name
  // (dg or grp a part of the name at an end: TRD_DG, DG_TRD, not dgmon or grpmon) names the group when the line names none itself and goes on to report pair facts; a package's
  // tag ("[mes_pkg] ...") stays a tag (round 49 #20).
  const bracketName = bracketSkip > 0 ? /^[ \t]*\[([A-Za-z][A-Za-z0-9_.-]{0,63})\]/.exec(tokens[0].source) : null;
  if (deviceGroup === undefined && bracketName !== null && /^(?:dg|grp)[_.-]|[_.-](?:dg|grp)\d*$/i.test(bracketName[1]) && !/pkg|package/i.test(bracketName[1])
    && tokens.some((token) => ["roleState", "pairState", "exCode", "role"].includes(token.type))) {
    deviceGroup = bracketName[1];
    groupFrom = "label";
  }

  // "CL3-A-2 / e4/ 0,  0,  11.1(3a1)....P-VOL PSUE NEVER": a raidscan row starts with its port (CL<n>-<letter>, a host group
  // number after it), and a port is never a device group; the row names no group (round 67 #01: a suspension of a group
  // "CL3-A-2" that no resync of the real group could close).
  if (deviceGroup !== undefined && groupFrom === "label" && PORT_NAME.test(deviceGroup)) deviceGroup = undefined;

  // Pair states, EX_ codes and the side they describe.
  let side: "local" | "remote" | "both" | null = null;
  const pairSides = slashedPairSides();
  const postfix = postfixSides();
  const codesSeen = new Set<string>();
  const takeover = commands.includes("horctakeover") || tokens.some((token) => token.type === "takeoverName") || lower.includes("takeover");
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if ((lower[index] === "local" || lower[index] === "remote") && !postfix.words.has(index)) side = lower[index] as "local" | "remote";
    // "this side is S-VOL PAIR, the other side P-VOL PSUE": the same two sides in other words.
    if ((lower[index] === "this" || lower[index] === "near") && (SIDE_NOUNS.has(lower[index + 1] ?? "") || ["node", "host", "server"].includes(lower[index + 1] ?? ""))) side = "local";
    if (["other", "far"].includes(lower[index]) && SIDE_NOUNS.has(lower[index + 1] ?? "")) side = "remote";
    // "peer: PVOL_PSUS", "partner side": the other end of the pair.
    if ((lower[index] === "peer" || lower[index] === "partner") && tokens[index].type === "word") side = "remote";
    // "Both arrays report SMPL", "both sides PSUE": one fact about each side.
    if (lower[index] === "both" && ["arrays", "sides", "sites", "volumes"].includes(lower[index + 1] ?? "")) side = "both";
    // "pairvolchk -g oradg -s returned PVOL_PSUE; pairvolchk -g oradg -c returned SVOL_PSUS": -s/-ss report
    // the local volume, -c the remote one, up to the next command.
    if (token.type === "command" && token.value === "pairvolchk") {
      // Without -c pairvolchk checks the local volume (RM UG, pairvolchk: -c reports the remote host's volume; -s/-ss
      // only add the pair status): "pairvolchk -g oradg returned PVOL_PAIR" is this node's own volume.
      let checks: "local" | "remote" | undefined;
      for (let next = index + 1; next < tokens.length && tokens[next].type !== "command"; next++) {
        if (tokens[next].type !== "option") continue;
        if (tokens[next].value === "-c") checks = "remote";
        else if (["-s", "-ss", "-g", "-d"].includes(tokens[next].value) && checks === undefined) checks = "local";
      }
      if (checks) side = checks;
    }
    const paired = pairSides.get(index);
    if (paired !== undefined) side = paired;
    const after = postfix.states.get(index);
    if (after !== undefined) side = after;
    if (used.has(index)) continue;
    // "Resynchronize from the SSWS side first": a state naming which side is meant, not a report of it.
    if ((token.type === "pairState" || token.type === "roleState") && ["the", "a"].includes(lower[index - 1] ?? "") && SIDE_NOUNS.has(lower[index + 1] ?? "")) continue;
    if (token.type === "roleState") {
      const { role, state } = splitRoleState(token.value);
      // "Local state: SMPL, remote state: SMPL (PVOL_SMPL / SVOL_SMPL)": a restatement names the roles of the
      // states already read, in order; it is not a third and fourth report.
      const restated = found.find((earlier) => earlier.event.kind === "pair.state" && earlier.event.fields.role === null
        && earlier.event.fields.side !== null && earlier.event.fields.state === state && earlier.event.deviceGroup === deviceGroup);
      if (restated) {
        restated.event.fields.role = role;
        continue;
      }
      add(index, "pair.state", { side, role, state }, deviceGroup);
    } else if (token.type === "role") {
      const next = nextValue(index, 3);
      if (next >= 0 && tokens[next].type === "pairState") {
        const role = roleOf(token.value);
        const state = tokens[next].value.endsWith("(SSWS)") ? "SSWS" : normalState(role, tokens[next].value);
        add(index, "pair.state", { side, role, state }, deviceGroup);
        used.add(next);
      }
    } else if (token.type === "pairState") {
      // "ora_dg is not in PAIR state", "no longer PAIR": a state denied is not reported.
      if (near(index, DENIED_STATE, 3, 0)) continue;
      // "changed PSUS -> COPY (P-VOL)", "PSUE (S-VOL, fence NEVER)": the volume's role in brackets after its state.
      const roleAfter = tokens[index + 1]?.type === "role" && /^[ \t]*\([ \t]*$/.test(token.source.slice(token.offset + token.text.length, tokens[index + 1].offset))
        ? roleOf(tokens[index + 1].value) : null;
      if (token.value.endsWith("(SSWS)") || token.value === "SSWS") {
        add(index, "pair.state", { side, role: "SVOL", state: "SSWS" }, deviceGroup);
      } else if (roleAfter !== null) {
        add(index, "pair.state", { side, role: roleAfter, state: normalState(roleAfter, token.value) }, deviceGroup);
        used.add(index + 1);
      } else if (near(index, STATE_WORDS, 3, 0) || near(index, PAIR_NOUNS, 2, 0) || ["state", "status"].includes(lower[index + 1] ?? "") || namedGroupIs(index)
        // "chk_ca: dg_sin SMPL / SMPL": two bare states joined by a slash after the group, one of each side (round 75 #08).
        || (deviceGroup !== undefined && pairSides.has(index) && slashedBareStates(index))
        || (index > 0 && ["local", "remote", "sides", "arrays", "sites"].includes(lower[index - 1]))
        // "core_bc0 back in PAIR", "dwh_dg reached PAIR", "pairevtwait -g X -s pair -t 7200 -> PAIR (0)": a state the named
        // group is said to be in or to have reached (rounds 29 #06 and 33 #07).
        || (deviceGroup !== undefined && index > 0 && (STATE_REACHED.has(lower[index - 1]) || /->[ \t]*$/.test(token.source.slice(0, token.offset))))) {
        add(index, "pair.state", { side, role: token.value === "SSUS" ? "SVOL" : null, state: normalState(null, token.value) }, deviceGroup);
      }
    } else if (token.type === "number" && firstCommand === "pairvolchk" && isVolchkCode(index)) {
      // "pairvolchk -ss -g oradg returned 25": the returned value is the state.
      const { role, state } = VOLCHK_CODES[Number(token.value)];
      add(index, "pair.state", { side, role, state }, deviceGroup);
    } else if (token.type === "exCode" || (token.type === "number" && isCodeNumber(index))) {
      const { code, number } = token.type === "exCode" ? exCodeOf(token.value) : { code: EX_NAMES[Number(token.value)], number: Number(token.value) };
      // "returned 251 (EX_ATTHOR)": the number and the name are one error.
      if (codesSeen.has(code)) continue;
      codesSeen.add(code);
      if (token.type === "exCode") {
        // "EX_ENORMT 242" / "EX_ENORMT, error code 242": the number repeats the code.
        for (let next = index + 1; next < tokens.length && next <= index + 4; next++) {
          if (tokens[next].type === "number" && Number(tokens[next].value) === number) used.add(next);
        }
      }
      const remoteCheck = side === "remote" || side === "both" || (firstCommand === "pairvolchk" && options.has("-c") && side === null);
      if (UNREACHABLE.has(code) && remoteCheck) {
        add(index, "pair.unreachable", { side: "remote", code, number }, deviceGroup);
      } else {
        add(index, "raid.error", raidErrorFields(code, number, firstCommand ?? null), deviceGroup);
        if (HORCM_CODES.has(code)) add(index, "horcm.error", { instance: instanceOf(), code, number });
        if (takeover) add(index, "takeover", { ok: false, code, number, result: null, resultName: null }, deviceGroup);
      }
    }
  }

  /**
  "fin_xp is SMPL", "oradg: PSUE": a bare state said of the group the line names; "pair ledger_dg suspended by
  error (PSUE)": the state in brackets after the words that say it.
  */
  /** The host of a remote shell right before the command at `at` ("ssh amsb02", "remsh -l root nodeB1", "ssh root@nodeB1"), else null. */
  function remoteShellHost(at: number): string | null {
    if (at < 2) return null;
    const host = tokens[at - 1];
    if (host.type !== "word") return null;
    for (let back = at - 2; back >= Math.max(0, at - 5); back--) {
      if (REMOTE_SHELLS.has(lower[back])) {
        const name = host.value.replace(/^[A-Za-z0-9_.-]+@/, "");
        return /^[A-Za-z][A-Za-z0-9_.-]{0,62}$/.test(name) ? name : null;
      }
      // Between the shell and the host only its options and their values ("-l root", "-q", "-o BatchMode=yes").
      if (tokens[back].type !== "option" && tokens[back - 1]?.type !== "option") return null;
    }
    return null;
  }

  function namedGroupIs(at: number): boolean {
    let back = at - 1;
    const bracketed = tokens[at].source.charAt(tokens[at].offset - 1) === "(";
    while (back >= 0 && tokens[back].type === "word" && (["is", "are", "now", "in"].includes(lower[back]) || (bracketed && SUSPENSION_WORDS.has(lower[back])))) back--;
    return deviceGroup !== undefined && back >= 0 && (back < at - 1 || at === statedFirst) && tokens[back].value === deviceGroup;
  }

  /**
  Sides written after their states, "PVOL_PSUS local / SVOL_SSWS remote", "PVOL_PSUE (local), SVOL_PSUS (remote)": a state
  followed by a side word that ends its part of the line (a slash, comma, semicolon, colon, "and", or the end). A side
  word followed straight by a state is the usual prefix ("PVOL_PSUE local SVOL_PSUS" is left to it).
  */
  function postfixSides(): { states: Map<number, "local" | "remote">; words: Set<number> } {
    const states = new Map<number, "local" | "remote">();
    const words = new Set<number>();
    const isState = (type: string | undefined): boolean => type === "roleState" || type === "exCode" || type === "pairState";
    for (let index = 1; index < tokens.length; index++) {
      if ((lower[index] !== "local" && lower[index] !== "remote") || !isState(tokens[index - 1].type)) continue;
      const rest = tokens[index].source.slice(tokens[index].offset + tokens[index].text.length);
      const ends = /^\)?[ \t]*(?:[/,;:]|and\b|$)/i.test(rest);
      // "local: SVOL_PAIR  remote: EX_ENORMT": a side with a colon before a state is that state's label.
      if (!ends || (/^[ \t]*[:=]/.test(rest) && isState(tokens[index + 1]?.type))) continue;
      const start = tokens[index - 2]?.type === "role" && tokens[index - 1].type === "pairState" ? index - 2 : index - 1;
      states.set(start, lower[index] as "local" | "remote");
      words.add(index);
    }
    return { states, words };
  }

  /** Whether the token at `at` is a bare pair state joined by a slash to another bare one, or the second of two ("SMPL / SMPL"). */
  function slashedBareStates(at: number): boolean {
    const slashBetween = (left: number, right: number): boolean =>
      tokens[left]?.type === "pairState" && tokens[right]?.type === "pairState"
      && /^[ \t]*\/[ \t]*$/.test(tokens[left].source.slice(tokens[left].offset + tokens[left].text.length, tokens[right].offset));
    return slashBetween(at, at + 1) || slashBetween(at - 1, at);
  }

  /**
  Two states joined by a slash, "(SVOL_PFUS / PVOL_PFUS)", "P-VOL PSUE/S-VOL PAIR", "PVOL_PSUE / EX_ENORMT": one state of each side,
  in the order a label before them gives ("remote/local:", "R/L =", "local / remote"), else local then remote (the order of
  Metrocluster's tables, "local PVOL_PSUE / remote SVOL_PSUS", reference.md §1.3). Not when a lone "remote" stands before them
  (the side is then said, and a restatement of states already read keeps its own sides). Returns the side at each state's first token.
  */
  function slashedPairSides(): Map<number, "local" | "remote"> {
    const sides = new Map<number, "local" | "remote">();
    // A state as [first token, last token]: a role-state, an EX_ code, a bare state, or a role and the state after it.
    const unitAt = (at: number): [number, number] | null => {
      const type = tokens[at]?.type;
      if (type === "roleState" || type === "exCode" || type === "pairState") return [at, at];
      if (type === "role" && tokens[at + 1]?.type === "pairState") return [at, at + 1];
      return null;
    };
    const between = (left: number, right: number): string => tokens[left].source.slice(tokens[left].offset + tokens[left].text.length, tokens[right].offset);
    for (let index = 0; index < tokens.length; index++) {
      const first = unitAt(index);
      if (first === null) continue;
      const second = unitAt(first[1] + 1);
      if (second === null || !/^[ \t]*\/[ \t]*$/.test(between(first[1], second[0]))) continue;
      let order: ["local" | "remote", "local" | "remote"] | null = null;
      let lone: string | null = null;
      for (let back = index - 1; back >= Math.max(0, index - 8) && order === null && lone === null; back--) {
        const combined = /^(local|l|this|near|remote|r|other|far|peer)\/(local|l|this|near|remote|r|other|far|peer)$/.exec(lower[back]);
        const sideOf = (word: string): "local" | "remote" => (["local", "l", "this", "near"].includes(word) ? "local" : "remote");
        if (combined && sideOf(combined[1]) !== sideOf(combined[2])) order = [sideOf(combined[1]), sideOf(combined[2])];
        else if ((lower[back] === "local" || lower[back] === "remote") && ["local", "remote"].includes(lower[back - 1] ?? "") && lower[back - 1] !== lower[back]
          && /^[ \t]*\/[ \t]*$/.test(between(back - 1, back))) order = [lower[back - 1] as "local" | "remote", lower[back] as "local" | "remote"];
        else if (lower[back] === "local" || lower[back] === "remote") lone = lower[back];
      }
      if (order === null && lone === "remote") continue;
      order ??= ["local", "remote"];
      sides.set(first[0], order[0]);
      sides.set(second[0], order[1]);
      index = second[1];
    }
    return sides;
  }

  /**
  The fence level a "fence" word introduces: the next word (past connectors) if it is a level, or
  an upper-case level within eight words ("Fence level for device group oradg is NEVER").
  */
  function fenceLevelAfter(index: number): string | undefined {
    const next = nextValue(index);
    if (next >= 0 && tokens[next].type === "word" && FENCE_LEVELS.has(tokens[next].value.toUpperCase())) return tokens[next].value.toUpperCase();
    for (let other = index + 1; other < tokens.length && other <= index + 8; other++) {
      if (lower[other] === "fence") return undefined;
      if (tokens[other].type === "word" && FENCE_LEVELS.has(tokens[other].value)) return tokens[other].value;
    }
    return undefined;
  }

  function isCodeNumber(index: number): boolean {
    const value = Number(tokens[index].value);
    if (!Number.isInteger(value) || EX_NAMES[value] === undefined) return false;
    const before = lower[index - 1];
    const twoBefore = lower[index - 2];
    if (before === "returned" || before === "rc" || before === "return" || before === "exited" || before === "exit") return true;
    if (before === "code" && (twoBefore === "error" || twoBefore === "exit" || twoBefore === "return" || twoBefore === "status")) return true;
    if (before === "status" && twoBefore === "exit") return true;
    if ((before === "with" || before === "of") && (twoBefore === "out" || twoBefore === "failed" || twoBefore === "exited" || twoBefore === "error")) return true;
    return false;
  }

  function isVolchkCode(index: number): boolean {
    const value = Number(tokens[index].value);
    if (!Number.isInteger(value) || VOLCHK_CODES[value] === undefined) return false;
    const before = lower[index - 1];
    return ["returned", "rc", "return", "exited", "exit", "status", "code", "value", "with"].includes(before ?? "");
  }

  /**
  The one status pairevtwait's `-s` waits for ("-s pair"), or undefined: it may name several ("-s pair psue"), and
  "Wait status done." then says one of them was reached, not which (RM-UG, pairevtwait -s <status> ...).
  */
  function awaitedStatus(statusAt: number): string | undefined {
    if (statusAt < 0) return undefined;
    const [first, second] = [tokens[statusAt + 1], tokens[statusAt + 2]];
    if (!first || !/^[a-z]+$/i.test(first.value) || !PAIR_STATUSES.has(first.value.toUpperCase())) return undefined;
    // Only a status right after it, blanks between, is a second one ("-s pair: PAIR reached" waited for PAIR).
    const between = second ? first.source.slice(first.offset + first.text.length, second.offset) : "";
    const several = second !== undefined && /^[ \t]+$/.test(between) && PAIR_STATUSES.has(second.value.toUpperCase());
    return several ? undefined : first.value.toUpperCase();
  }

  function instanceOf(): number | null {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (token.type === "assignment" && /^HORCMINST=/i.test(token.value)) {
        const value = Number(unquote(token.value.slice(token.value.indexOf("=") + 1)));
        if (Number.isInteger(value)) return value;
      }
      // -I16, and Raid Manager's -IH16 / -IM16 (the same instance, HORC or MRCF commands).
      if (token.type === "option" && /^-I[HM]?\d+$/i.test(token.value)) return Number(/\d+$/.exec(token.value)![0]);
      if ((lower[index] === "instance" || lower[index] === "inst" || lower[index] === "horcminst" || token.type === "horcmScript") && tokens[index + 1]?.type === "number") {
        return Number(tokens[index + 1].value);
      }
      if (/^horcm\d+$/.test(lower[index])) return Number(lower[index].slice(5));
      if (HORCM_UNIT.test(lower[index])) return Number(HORCM_UNIT.exec(lower[index])![1]);
    }
    return null;
  }

  // Horctakeover results: a result name, or a number 0-5 after returned/result/exit/code/rc.
  const resultNumberAt = (index: number): boolean =>
    tokens[index].type === "number" && /^[0-5]$/.test(tokens[index].value) && RESULT_NUMBER_WORDS.has(lower[index - 1] ?? "");
  if (takeover) {
    let result: number | null = null;
    let position = -1;
    for (let index = 0; index < tokens.length && result === null; index++) {
      const token = tokens[index];
      if (token.type === "takeoverName") {
        const name = token.value.toLowerCase().replace(/-takeover$/, "").replace("s-vol", "svol").replace("p-vol", "pvol");
        // A bare "PVOL-takeover" does not say which of the two PVOL takeovers ran: no result.
        const found = TAKEOVER_RESULTS.indexOf(name);
        if (found >= 0) {
          result = found;
          position = index;
        }
      } else if (resultNumberAt(index)) {
        result = Number(token.value);
        position = index;
      }
    }
    // "swap-takeover: horctakeover -g oradg -t 360", "starting SVOL-takeover": the takeover a script announces before
    // its command runs is named, not done. A result number after the command ("... -t 360 returned 1") or a result
    // word on the line says it ran (review of round 28: "SVOL-takeover: horctakeover -g oradg -S returned 2" is a result).
    if (result !== null && tokens[position].type === "takeoverName" && !hasWord(...SUCCESS_WORDS)) {
      const commandAt = tokens.findIndex((token, index) => index > position && token.value === "horctakeover" && tokens[index + 1]?.type === "option");
      const numberAfter = commandAt < 0 ? -1
        : tokens.findIndex((_, index) => index > commandAt && resultNumberAt(index));
      if (numberAfter >= 0) {
        result = Number(tokens[numberAfter].value);
        position = numberAfter;
      } else if (commandAt >= 0 || ANNOUNCING_WORDS.has(lower[position - 1] ?? "")) result = null;
    }
    // "[horctakeover] swap-takeover for dg_ord: pairsplit -RS rejected" (EX_CMDRJE): the array refused the takeover. Only
    // a line naming horctakeover or a takeover by its result name, and saying nothing went well ("swap-takeover rejected
    // by the remote array; SVOL-takeover done" fell back and worked); not a recovery group's takeover that cmrecovercl
    // refused, which is Continentalclusters' own word.
    // A takeover named as not run has no outcome ("horctakeover not attempted because AUTO_SVOLPSUE=0; exit 2").
    if (lower.some((word, at) => word === "horctakeover" && takeoverNotRun(at))) result = null;
    const rejected = rejectedOnly && !hasWord("cmrecovercl")
      && (commands.includes("horctakeover") || tokens.some((token) => token.type === "takeoverName"));
    if (rejected) result = null;
    const failed = found.some((entry) => entry.event.kind === "takeover");
    // "the remote side is treated as failed. Executing horctakeover -g ledgerdg -S": a takeover announced is judged by the
    // words after it; a failure said before it is about something else (round 64 #03: a recovery's takeover read as failed,
    // and its result on the next line, naming no group, was not tied to the group).
    const announcedAt = tokens.findIndex((token, at) => token.value === "horctakeover" && ANNOUNCING_WORDS.has(lower[at - 1] ?? ""));
    const saysFailure = (...words: string[]): boolean => (announcedAt < 0 ? hasWord(...words) : lower.some((word, at) => at > announcedAt && words.includes(word)));
    // "horctakeover in progress", "waiting for horctakeover to complete", "started, not yet done": no outcome yet.
    const waiting = hasWord("waiting", "pending", "ongoing", "progress", "still", "underway") || lower.some((word, at) => word === "yet" && lower[at - 1] === "not");
    if (!failed) {
      const named = tokens.findIndex((token) => token.value === "horctakeover");
      const at = position >= 0 ? position : named >= 0 ? named : lower.indexOf("takeover");
      // A named takeover that "did not complete", timed out or failed is no result: "swap-takeover timeout".
      const notDone = saysFailure(...FAILURE_WORDS, "timeout", "timed") || lower.some((word, at) => SUCCESS_WORDS.has(word) && DENIALS.has(lower[at - 1] ?? ""));
      if (result !== null && notDone) {
        add(at, "takeover", { ok: false, result: null, resultName: null, code: null, number: null }, deviceGroup);
      } else if (result !== null) {
        add(at, "takeover", { ok: true, result, resultName: TAKEOVER_RESULTS[result], code: null, number: null }, deviceGroup);
      } else if (saysFailure(...FAILURE_WORDS) || rejected) {
        add(at, "takeover", { ok: false, result: null, resultName: null, code: null, number: null }, deviceGroup);
      } else if (waiting) {
        add(at, "takeover.waiting", {}, deviceGroup);
      } else if (lower.some((word, index) => SUCCESS_WORDS.has(word) && DENIALS.has(lower[index - 1] ?? ""))) {
        // "horctakeover did not complete": no success, and no outcome either (the Raid Manager log would say).
        add(at, "takeover", { ok: false, result: null, resultName: null, code: null, number: null }, deviceGroup);
      } else if (hasWord(...SUCCESS_WORDS)) {
        // "DRT-Q4 done: takeover on zrh1, pkg_takeover_dg PAIR (P-VOL zrh1)": a takeover the line does not name, after which
        // this node's volume is a P-VOL in PAIR: no S-VOL takeover (that leaves SSWS) nor a P-VOL one (PSUE); a swap, or
        // nothing to do when it already was the P-VOL (round 53 #13: a package named "takeover" read as an S-VOL takeover
        // whose failback was pending).
        const pvolPair = position < 0 && found.some((entry) => entry.event.kind === "pair.state" && entry.event.fields.role === "PVOL"
          && entry.event.fields.state === "PAIR" && entry.event.fields.side !== "remote");
        add(at, "takeover", { ok: true, result: null, resultName: pvolPair ? "swap" : null, code: null, number: null }, deviceGroup);
      }
    }
  }

  // A failure word that says something failed: not "fail over" / "fail back" (Serviceguard's verbs for moving a package:
  // "do NOT fail over meanwhile"), nor one denied right before it ("did not fail") (round 53 #09: an operator's ticket
  // line, "resync started ... do NOT fail over meanwhile", read as a failed resync).
  const failureSaid = (): boolean => lower.some((word, at) => FAILURE_WORDS.has(word)
    && !(["fail", "fails"].includes(word) && ["over", "back"].includes(lower[at + 1] ?? "")) && !DENIALS.has(lower[at - 1] ?? ""));
  const outcome = (): "started" | "completed" | "failed" | null => {
    // "[pairresync][exit(235)]": the command's own non-zero exit in Raid Manager's log.
    if (failureSaid() || rejectedOnly || tokens.some((token) => token.type === "exCode") || /\[exit\((?!0\))\d+\)\]/.test(tokens[0]?.source ?? "")) return "failed";
    // "CHG4711 approved: pairresync tonight 22:00, success criterion ...": a change planned, nothing ran yet (review);
    // "completed for the approved DR test" did run.
    if (lower.some((word) => PLANNED_WORDS.has(word)) && !lower.some((word) => DONE_WORDS.has(word))) return null;
    if (hasWord(...SUCCESS_WORDS)) return "completed";
    if (hasWord(...START_WORDS)) return "started";
    return null;
  };

  // "After the primary site is repaired, resynchronize from this site with 'pairresync -g CAD_DG -swaps' before failing
  // back": a command the line tells its reader to run, its result not stated, is advice, not something done (round 31 #09:
  // Metrocluster's hint at a takeover was read as a swap resync, and the plain resync that followed as the way back).
  // Only a quoted command: "old primary must be resynced: pairresync -g oradg -c 15" and "After maintenance pairresync
  // -g oradg" ran it (review of round 31 #09's change).
  const quoted = (index: number): boolean => /['"`\u2018\u201c]$/.test(tokens[index].source.slice(0, tokens[index].offset).trimEnd());
  // "pairs left SPLIT for a manual rerun, run pairresync -g dg_sin -I9 when done": told to run it, under a condition to
  // come; the "FAILED" before it is the backup's (round 45 #14 read a resync that never ran).
  const toldToRun = (index: number): boolean =>
    ["run", "rerun", "execute"].includes(lower[index - 1] ?? "") && lower.slice(index + 1).some((word) => CONDITION_WORDS.has(word));
  // A command warned against ("do NOT run pairsplit -S (we would lose the differential)") never ran: a denial among the
  // last three words of its clause (back to the last , ; : . ! ? or bracket), in any of the notes' languages.
  const deniedAt = (index: number): boolean => {
    const before = tokens[index].source.slice(0, tokens[index].offset);
    const clause = before.slice(Math.max(...[",", ";", ":", ".", "!", "?", "(", ")"].map((mark) => before.lastIndexOf(mark))) + 1);
    return clause.toLowerCase().split(/[^\p{L}']+/u).filter((word) => word.length > 0).slice(-3).some((word) => COMMAND_DENIALS.has(word));
  };
  // "Can we just run pairresync?": a command in a sentence that ends with a question mark was asked about, not run (round
  // 69 #07: a ticket's question read as the resync that closed the S-VOL's takeover).
  const askedAt = (index: number): boolean => {
    const after = tokens[index].source.slice(tokens[index].offset);
    return /^[^.!?]*(?:[.!][^.!?\s][^.!?]*)*\?(?:\s|$)/.test(after);
  };
  // A quoted command its sentence goes on to refuse or hold back ('"pairresync -g fx_dg" from ldn-d1 to get protection back -
  // I said no, not without the CAB', round 79 #05: the asking was on the line before): talked about, never run. Only
  // a speaker's refusal: "rejected" or "refused" may be the array's answer to a command that ran.
  const refusedAfter = (index: number): boolean =>
    quoted(index) && REFUSED_AFTER.test(tokens[index].source.slice(tokens[index].offset).split(/[.!?](?:\s|$)/)[0]);
  const advisedAt = (index: number): boolean =>
    toldToRun(index) ||
    (outcome() === null && quoted(index) && (CONDITION_WORDS.has(lower[0] ?? "") || lower.slice(0, index).some((word) => RESYNC_ADVICE.has(word))));
  // A value offered as one way out ("to start anyway set AUTO_NONCURDATA=1 or create .../FORCEFLAG", the "set" often on the
  // line before): a package states its settings, it does not offer them as alternatives (round 35 #09 read that as
  // AUTO_NONCURDATA=1 right after the refusal's own AUTO_NONCURDATA is 0).
  // Only an alternative one is told to do ("... or create the FORCEFLAG file"): "AUTO_PSUSSSSWS is 0 or FORCEFLAG is not
  // present" states the setting (review).
  const offeredAfter = (valueAt: number): boolean => lower[valueAt + 1] === "or" && OFFERED_ACTIONS.has(lower[valueAt + 2] ?? "");
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === "command" && ["pairresync", "paircreate", "pairsplit"].includes(token.value) && (advisedAt(index) || deniedAt(index) || askedAt(index) || refusedAfter(index))) continue;
    if (token.type === "command" && token.value === "pairresync" && !found.some((entry) => entry.event.kind === "pair.resync")) {
      // A result with none of the command's options says nothing of its mode: "pairresync completed. Waiting for ..." after
      // Metrocluster's "Executing pairresync -g fin_dg -swapp" is that swap's end, not a plain resync (round 34 #01).
      const result = outcome();
      // Its own options: those after it, up to the next command on the line ("(pairevtwait -s pair -t 300)" is another's).
      const nextCommand = tokens.findIndex((other, at) => at > index && other.type === "command");
      const ownOptions = tokens.slice(index + 1, nextCommand < 0 ? tokens.length : nextCommand).some((other) => other.type === "option");
      // -restore: Business Copy's reverse copy, the S-VOL's image over the P-VOL (RM-UG, pairresync).
      const mode = options.has("-swaps") || lower.includes("swaps") ? "swaps" : options.has("-swapp") || lower.includes("swapp") ? "swapp"
        : options.has("-restore") ? "restore"
        : !ownOptions && (result === "completed" || result === "failed") ? null : "normal";
      add(index, "pair.resync", { mode, outcome: result }, deviceGroup);
    } else if (token.type === "command" && token.value === "paircreate" && !found.some((entry) => entry.event.kind === "pair.create")) {
      const fenceIndex = tokens.findIndex((other) => other.type === "option" && other.value === "-f");
      const fence = fenceIndex >= 0 ? tokens[fenceIndex + 1]?.value.toUpperCase() : undefined;
      add(index, "pair.create", { fence: fence && FENCE_LEVELS.has(fence) ? fence : null, outcome: outcome() }, deviceGroup);
    } else if (token.type === "command" && token.value === "pairsplit" && !found.some((entry) => entry.event.kind === "pair.split")) {
      // -RB gives an SSWS S-VOL back (SSUS) after a rehearsal's -RS (RM-UG, pairsplit): the S-VOL side's own split.
      const option = options.has("-S") ? "S" : options.has("-rw") ? "rw" : options.has("-RS") ? "RS" : options.has("-RB") ? "RB" : options.has("-R") ? "R" : null;
      add(index, "pair.split", { option, outcome: outcome() }, deviceGroup);
    } else if (lower[index] === "fence" || lower[index] === "fence_level") {
      const level = fenceLevelAfter(index);
      if (level) add(index, "fence", { level }, deviceGroup);
    } else if (token.type === "assignment") {
      const name = token.value.slice(0, token.value.indexOf("=")).toUpperCase();
      const value = unquote(token.value.slice(token.value.indexOf("=") + 1));
      if (name.startsWith("AUTO_") && (value === "0" || value === "1")) {
        if (!ADVISED.has(lower[index - 1] ?? "") && !offeredAfter(index)) add(index, "auto.setting", { name, value: Number(value) });
      }
      else if ((name === "FENCE" || name === "FENCE_LEVEL") && FENCE_LEVELS.has(value.toUpperCase())) add(index, "fence", { level: value.toUpperCase() }, deviceGroup);
      else if (name === "FORCEFLAG") add(index, "forceflag", { present: /^(?:yes|y|1|true|on|present)$/i.test(value) });
      else if (name === "HORCMINST" && !found.some((entry) => entry.event.kind.startsWith("horcm."))) horcmFact(index);
    } else if (token.type === "autoName") {
      const next = nextValue(index);
      if (next >= 0 && tokens[next].type === "number" && (tokens[next].value === "0" || tokens[next].value === "1") && !ADVISED.has(lower[index - 1] ?? "") && !offeredAfter(next)) {
        add(index, "auto.setting", { name: token.value.toUpperCase(), value: Number(tokens[next].value) });
      }
    } else if (token.type === "forceflag" || (token.type === "word" && token.value.endsWith("/FORCEFLAG"))) {
      add(index, "forceflag", { present: !near(index, NEGATIONS, 4, 3) && !near(index, FORCEFLAG_ADVICE, 3, 2) });
    } else if ((token.type === "horcmScript" || (token.type === "word" && /\/horcm(?:start|shutdown)(?:\.sh)?$/.test(token.value))) && !lower.slice(0, index).some((word) => ADVICE_WORDS.has(word))) {
      const instance = tokens[index + 1]?.type === "number" ? Number(tokens[index + 1].value) : instanceOf();
      if (hasWord(...FAILURE_WORDS)) add(index, "horcm.error", { instance });
      else add(index, /horcmstart/.test(token.value) ? "horcm.started" : "horcm.stopped", { instance });
    } else if ((lower[index] === "horcm" || lower[index] === "raid" || lower[index] === "horcmgr" || HORCM_UNIT.test(lower[index])) && !found.some((entry) => entry.event.kind.startsWith("horcm."))) {
      horcmFact(index);
    }
  }

  /** The HORCM instance's state from words around "HORCM"/"Raid Manager"/HORCMINST=. */
  function horcmFact(index: number): void {
    // "Remote Raid Manager instance not responding": the other site's instance, which the line's remote state (EX_ENORMT)
    // already says; not this node's (round 43 #02: read as the local instance failing, "restart it on every node").
    if (["remote", "peer", "partner"].includes(lower[index - 1] ?? "")) return;
    // "HORCM instance 2 is not running"; not "see Raid Manager log for instance 9 - package not started" (the package's).
    const notRunning = lower.some((word, at) => word === "not" && ["running", "started", "starting", "responding"].includes(lower[at + 1] ?? "")
      && at > index && !lower.slice(index, at).some((between) => between === "package" || between === "pkg"));
    // "cannot get the remote state": the failure is the other site's, not this instance's (remote-unreachable events say it).
    const aboutRemote = (at: number): boolean => lower.slice(at + 1, at + 5).some((word) => word === "remote" || word === "peer");
    // systemd's "Main process exited, code=killed, status=9/KILL", "control process exited, code=exited status=1"; the
    // kernel's "Out of memory: Killed process 2231 (horcmgr)": the instance's daemon is gone.
    // SIGTERM is how a unit or an operator stops it ("status=15/TERM"): a stop, not a failure.
    const processDied = !lower.includes("status=15/term") && lower.some((word) => word === "killed" || word === "code=killed" || word === "code=dumped" || /^status=[1-9]/.test(word));
    // "pairvolchk failed with EX_CMDIOE" on a line naming HORCMINST: the failure is that code's (the array, a device),
    // which its own event says; the instance answered it (round 44 #17: an array's power loss read as "restart Raid
    // Manager on every node").
    const otherCode = found.some((entry) => typeof entry.event.fields.code === "string" && /^EX_/.test(entry.event.fields.code) && !HORCM_CODES.has(entry.event.fields.code))
      || tokens.some((other) => {
        // "... using HORCMINST=1 (rc=247)": the number is that code's (readAssignments reads it below).
        if (other.type !== "assignment") return false;
        const [key, value] = [other.value.slice(0, other.value.indexOf("=")).toLowerCase(), other.value.slice(other.value.indexOf("=") + 1)];
        const code = RESULT_KEYS.has(key) && /^\d+$/.test(value) ? EX_NAMES[Number(value)] : undefined;
        return code !== undefined && !HORCM_CODES.has(code);
      });
    const failed = !otherCode && lower.some((word, at) => ["cannot", "can't", "unable", "failed", "down", "dead"].includes(word) && !aboutRemote(at));
    const problem = notRunning || processDied || failed;
    // horcmgr is the instance's daemon: a line about that process is about the instance.
    // "HORCM inst 2 starts successfully": Raid Manager's own short word for it (review).
    const instanceMentioned = lower[index + 1] === "instance" || lower.includes("instance") || lower.includes("inst") || HORCM_UNIT.test(lower[index]) || lower[index] === "horcmgr"
      || tokens.some((other) => other.type === "assignment" && /^HORCMINST=/i.test(other.value));
    // "Check that the Raid Manager instance HORCMINST=0 is running on this node": what to verify, said because it failed
    // (round 84 #06: read as the instance started, it closed the EX_COMERR finding of a package left down).
    const toVerify = lower.some((word, at) => (VERIFY_WORDS.has(word) && ["that", "whether", "if"].includes(lower[at + 1] ?? "")) || (word === "make" && lower[at + 1] === "sure") || word === "ensure");
    if (instanceMentioned && problem) add(index, "horcm.error", { instance: instanceOf() });
    else if (instanceMentioned && !toVerify && !hasWord(...ADVICE_WORDS) && (lower.some((word, at) => ["started", "starts", "up", "restarted"].includes(word) && !DENIALS.has(lower[at - 1] ?? "")
      && !lower.slice(Math.min(index, at), Math.max(index, at)).some((between) => between === "package" || between === "pkg")) || lower.some((word, at) => word === "running" && ["is", "now"].includes(lower[at - 1] ?? "")))) add(index, "horcm.started", { instance: instanceOf() });
    else if (instanceMentioned && !hasWord(...ADVICE_WORDS) && hasWord("stopped", "shutdown", "shut")) add(index, "horcm.stopped", { instance: instanceOf() });
  }

  // pairevtwait's outcome: it waited for a state and got it, or gave up (EX_EWSTOT, 233).
  // Only when pairevtwait is what the line is about ("pairresync completed; waiting for PAIR (pairevtwait ...)" is not its result).
  const waitAt = firstCommand === "pairevtwait" ? tokens.findIndex((token) => token.type === "command") : -1;
  if (waitAt >= 0 && !found.some((entry) => entry.event.kind === "pair.wait")) {
    const timedOut = hasWord("timeout", "timed") || found.some((entry) => entry.event.kind === "raid.error" && TIMEOUT_CODES.has(String(entry.event.fields.code)));
    const statusAt = tokens.findIndex((token, at) => at > waitAt && token.type === "option" && token.value === "-s");
    const waited = awaitedStatus(statusAt);
    // "pairevtwait -g dwh_bc -s pair -t 3600: dwh_bc is PAIR": the line states the status it waited for.
    const stated = waited !== undefined && found.some((entry) => entry.event.kind === "pair.state" && entry.event.fields.state === waited);
    const done = !timedOut && (stated || hasWord("done", "reached", "completed", "complete") || lower.some((word, at) => word === "0" && ["returned", "rc", "exit"].includes(lower[at - 1] ?? "")));
    if (timedOut) add(waitAt, "pair.wait", { outcome: "timeout" }, deviceGroup);
    // "pairevtwait -g oradg -s pair ... done": the status it waited for was reached.
    else if (done) add(waitAt, "pair.wait", { outcome: "done", waitFor: waited }, deviceGroup);
  }

  // "journal group 2 is PJNF, 95% used": a journal's state (raidvchkscan -v jnl names), in words.
  const jnlsAt = tokens.findIndex((token) => /^[PS]J(?:[NS][NFE]|ES)$/.test(token.value));
  // "jnlchk: JID 004 PJNN usage 47%": raidvchkscan's JID column names the journal too.
  if (jnlsAt >= 0 && hasWord("journal", "jnl", "jnlg", "jid")) {
    const journalAt = lower.findIndex((word, at) => ["journal", "group", "jnl", "jid"].includes(word) && tokens[at + 1]?.type === "number");
    // A percent beside a copy's state (COPY, RCPY) is how far the copy got, as pairdisplay's % column shows it then, not the
    // journal's use ("trd_dg P-VOL COPY ASYNC 58% JNL PJNN - resync running": round 70 #13, a resync read as a journal filling).
    const copying = tokens.some((token) => /^(?:[PS]VOL_)?(?:COPY|RCPY)$/.test(token.value) || /(?:^|[\s(])(?:COPY|RCPY)\b/.test(token.type === "roleState" ? token.value : ""));
    const usageAt = copying ? -1 : tokens.findIndex((token) => token.type === "number" && token.source.charAt(token.offset + token.text.length) === "%");
    const jnls = tokens[jnlsAt].value;
    // "JNL 004 (wms_jdg) ...": a line that names the group says whose journal it is.
    add(jnlsAt, "journal.state", {
      journal: journalAt >= 0 ? Number(tokens[journalAt + 1].value) : null, mu: null, ctg: null, jnls, side: jnls.startsWith("P") ? "PVOL" : "SVOL",
      activePaths: null, usage: usageAt >= 0 ? Number(tokens[usageAt].value) : null,
    }, journalGroup);
  }

  readAssignments();
  readWordStates();
  readUnreachableWords();

  // "whs_dg PVOL_PFUL side file 74% (threshold 70%)": the side file's (or journal's) use said in words is the use the
  // pairdisplay % column gives an ASYNC P-VOL; it belongs to this side's state, not the remote's.
  const usage = /\b(?:side ?file|journal)(?:[ \t]+(?:usage|use|used|at|is|fill|filled))*[ \t:=]*(\d{1,3})[ \t]?%/i.exec(tokens[0]?.source ?? "");
  if (usage && Number(usage[1]) <= 100) {
    for (const { event } of found) if (event.kind === "pair.state" && event.fields.side !== "remote" && event.fields.percent === undefined) event.fields.percent = Number(usage[1]);
  }

  // "dev_group oradg is SVOL_PSUE on the local side": a side named only after the states it qualifies.
  const sideless = found.filter(({ event }) => event.kind === "pair.state" && event.fields.side === null);
  if (sideless.length > 0 && sideless.length === found.filter(({ event }) => event.kind === "pair.state").length) {
    const localAt = lower.findIndex((word) => word === "local" || word === "locally");
    const remoteAt = lower.findIndex((word) => word === "remote" || word === "remotely");
    const after = localAt >= 0 && remoteAt < 0 ? { at: localAt, side: "local" } : remoteAt >= 0 && localAt < 0 ? { at: remoteAt, side: "remote" } : null;
    // "gl_db is SVOL_PAIR, remote state unknown": a side that opens a clause of its own (its state, a colon) is the other
    // side, not a qualifier of the states before it.
    // "P-VOL PSUE -> remote copy NOT current": the remote copy is a subject of its own too.
    // "settle_dg PVOL_PSUE remote EX_ENORMT": a side followed straight by a state or an EX_ code is that side's own (round 24 #17).
    const opensClause = after !== null && (["state", "status", "is", "was", "volume", "vol", "side:", "copy", "copies", "data"].includes(lower[after.at + 1] ?? "")
      || ["roleState", "pairState", "exCode"].includes(tokens[after.at + 1]?.type ?? "")
      || /^[ \t]*[:=]/.test(tokens[after.at].source.slice(tokens[after.at].offset + tokens[after.at].text.length)));
    if (after !== null && !opensClause && sideless.every(({ position }) => position < after.at)) for (const { event } of sideless) event.fields.side = after.side;
    // "fin_xp is SMPL locally and remotely": one fact about each side.
    if (after === null && localAt >= 0 && remoteAt >= 0 && Math.abs(localAt - remoteAt) === 2 && lower[Math.min(localAt, remoteAt) + 1] === "and"
      && sideless.every(({ position }) => position < Math.min(localAt, remoteAt))) {
      for (const { position, event } of sideless) {
        event.fields.side = "local";
        found.push({ position, event: { ...event, fields: { ...event.fields, side: "remote" } } });
      }
    }
  }

  // Refusals, non-current data, CA links: phrase-level facts.
  const refusalAt = findRefusal();
  if (refusalAt >= 0) {
    const exitIndex = lower.findIndex((_, at) => exitStatusAt(at) >= 0);
    const exitAssignment = lower.find((word) => /^exit(?:[_-]?(?:code|status))?=["']?[12]["']?$/.test(word));
    const exitCode = exitIndex >= 0 ? Number(tokens[exitStatusAt(exitIndex)].value)
      : exitAssignment !== undefined ? Number(/[12]/.exec(exitAssignment.slice(exitAssignment.indexOf("=")))![0]) : null;
    add(refusalAt, "mc.start.refused", { exitCode }, deviceGroup);
  } else {
    const noncurrent = lower.findIndex((word, index) => word === "non-current" || word === "noncurrent" || (word === "current" && ["not", "non"].includes(lower[index - 1] ?? "")) || (word === "current" && lower[index - 1] === "be" && lower[index - 2] === "cannot"));
    if (noncurrent >= 0) add(noncurrent, "mc.noncurrent", {}, deviceGroup);
  }
  const linkAt = lower.findIndex((word) => word === "link" || word === "links" || word === "path" || word === "paths");
  if (linkAt >= 0 && hasWord("ca", "access", "replication", "copy", "array", "remote", "mcu", "rcu")) {
    const id = tokens[linkAt + 1] && /\d/.test(tokens[linkAt + 1].value) && tokens[linkAt + 1].type !== "exCode" ? tokens[linkAt + 1].value : "CA";
    // "suspended until the link is repaired": a condition, not news.
    const restored = lower.some((word, at) => LINK_RESTORED.has(word) && !lower.slice(Math.max(0, at - 8), at).some((before) => CONDITION_WORDS.has(before)));
    if (restored) add(linkAt, "link.restored", { link: id });
    else if (lower.some((word) => LINK_FAILURE.has(word))) add(linkAt, "link.failure", { link: id });
  }

  // "not remotely protected", "unprotected": the package runs without a current remote copy.
  const unprotectedAt = lower.findIndex((word, index) => word === "unprotected" || (word === "protected" && (lower[index - 1] === "not" || (lower[index - 1] === "remotely" && lower[index - 2] === "not"))));
  if (unprotectedAt >= 0) add(unprotectedAt, "mc.unprotected", {}, deviceGroup);
  // The Raid Manager command device (HORCM_CMD) failing: the array cannot be driven from this host.
  const commandDeviceAt = lower.findIndex((word, index) => word === "command" && lower[index + 1] === "device");
  // A command device that "rejected the order" answered: the array refused the command (EX_CMDRJE), the device works.
  if (commandDeviceAt >= 0 && lower.some((word) => FAILURE_WORDS.has(word)) && !hasWord(...REJECTION_WORDS) && !found.some((entry) => entry.event.kind === "horcm.error")) {
    const device = tokens.find((token) => token.type === "word" && token.value.startsWith("/dev/"));
    // true when the line names no device ("EX_CMDIOE: control command I/O error on the local command device"): still the
    // array's device failing, not the instance (round 29 #10: the array of that site had failed).
    add(commandDeviceAt, "horcm.error", { instance: instanceOf(), commandDevice: device ? device.value : true });
  }
  // horcm<N>.conf edited: the instance reads it only at start (restart needed).
  const horcmConf = tokens.findIndex((token) => /(?:^|\/)horcm\d+\.conf$/.test(token.value));
  // "HORCM_CONF = /etc/horcm11.conf (modified <date>)": the instance naming the file it read as it started (its own log,
  // curlog/horcm_<host>.log), not an edit after the start (round 32 #18).
  const readAtStart = horcmConf >= 0 && tokens.slice(Math.max(0, horcmConf - 3), horcmConf).some((token) => token.value.toUpperCase() === "HORCM_CONF");
  if (horcmConf >= 0 && !readAtStart && lower.some((word) => CHANGE_WORDS.has(word))) {
    const confInstance = Number(/horcm(\d+)\.conf$/.exec(tokens[horcmConf].value)![1]);
    add(horcmConf, "horcm.config.changed", { instance: confInstance });
    // "horcm99.conf on hpx-r1 changed to the P9500 LDEVs, instance 99 restarted": the same note says the instance was
    // restarted after the edit, so it runs the new file (round 53 #04: a change note read as an edit never restarted).
    // Not "not restarted", "restart pending", "to be restarted", nor another instance's restart.
    // Not denied or still to come in the words before it: "has not been restarted", "wasn't restarted", "needs to get
    // restarted tonight", "to be restarted" (review).
    const restartAt = lower.findIndex((word, at) => at > horcmConf && (word === "restarted" || word === "bounced")
      && !lower.slice(Math.max(horcmConf + 1, at - 4), at).some((before) => DENIALS.has(before) || RESTART_PENDING.has(before) || before.endsWith("n't")));
    const restartedInstance = restartAt < 0 ? null : lower.slice(horcmConf + 1, restartAt).reduce<number | null>((seen, word, at) =>
      ["instance", "inst", "horcminst"].includes(word) && /^\d+$/.test(lower[horcmConf + 1 + at + 1] ?? "") ? Number(lower[horcmConf + 1 + at + 1]) : seen, null);
    if (restartAt >= 0 && (restartedInstance === null || restartedInstance === confInstance)) add(restartAt, "horcm.started", { instance: confInstance });
  }

  /** "exit 2", "exiting with 2", "exited with code 1", "exit status 1": the index of the 1 or 2 an exit word at `at` states, else -1. */
  function exitStatusAt(at: number): number {
    if (!["exit", "exits", "exiting", "exited"].includes(lower[at] ?? "")) return -1;
    let next = at + 1;
    if (lower[next] === "with") next++;
    if (["code", "status", "value"].includes(lower[next] ?? "")) next++;
    return (tokens[next]?.value === "1" || tokens[next]?.value === "2") && tokens[next].type === "number" ? next : -1;
  }

  function findRefusal(): number {
    // Only a FORCEFLAG the line says is there ("create FORCEFLAG to override" is advice about one that is not).
    const forcePresent = tokens.some((token, index) => token.type === "forceflag" && !near(index, NEGATIONS, 4, 3) && !near(index, FORCEFLAG_ADVICE, 3, 2));
    if (forcePresent && lower.some((word) => OVERRIDE_WORDS.has(word))) return -1;
    // What makes a line about the volumes a start decision: an AUTO_ variable or FORCEFLAG (the settings that decide it),
    // the package, or the takeover it did not do.
    const decision = tokens.some((token) => token.type === "autoName" || token.type === "forceflag" || token.type === "takeoverName"
      || (token.type === "assignment" && /^(?:auto_|force)/i.test(token.value))) || lower.some((word) => ["package", "pkg", "takeover"].includes(word));
    // "read only" in two words, "not writable": the same lock as "read-only".
    const locked = (at: number): boolean => LOCKED_WORDS.has(lower[at] ?? "") || (lower[at] === "read" && lower[at + 1] === "only")
      || (lower[at] === "not" && ["writable", "writeable", "write-enabled"].includes(lower[at + 1] ?? ""));
    const startsPackage = (at: number): boolean => {
      let next = at;
      if (lower[next] === "be") next++;
      if (!["start", "started", "starting", "startup", "brought", "bring", "bringing"].includes(lower[next] ?? "")) return false;
      // "HORCM instance 0 cannot start", "cannot start service X": a part of the package, not the package.
      const object = nextValue(next, 2);
      const subject = lower.slice(Math.max(0, at - 4), at);
      return (object < 0 || !notPackageObject(lower[object])) && !subject.some(notPackageObject);
    };
    // "Cluster daemon not started on this node", "horcm@2.service: Unit is disabled, not starting": the subject is a daemon or a unit.
    const aboutPart = (at: number): boolean => lower.slice(Math.max(0, at - 4), at).some(notPackageObject);
    // "Package payroll not started: AUTO_RUN is disabled", "... AUTOSTART_CMCLD=0": a Serviceguard switch or something
    // disabled keeps it down. Without a replication fact on the line (a pair state, an EX_ code, a Metrocluster AUTO_
    // setting, FORCEFLAG, a takeover) that is Serviceguard's business, not a refusal (pkg.switching.disabled is read in serviceguard.ne).
    const switchName = (at: number): boolean => SWITCH_NAMES.has(lower[at].replace(/=.*$/, ""));
    const replicationFact = tokens.some((token, at) => ["roleState", "role", "pairState", "exCode", "forceflag", "takeoverName"].includes(token.type)
      || ((token.type === "autoName" || (token.type === "assignment" && /^auto_/i.test(token.value))) && !switchName(at)));
    const switchedOff = !replicationFact && (lower.includes("disabled") || lower.some((_, at) => switchName(at)));
    const aboutStart = replicationFact || deviceGroup !== undefined && deviceGroup !== null
      || lower.some((word) => START_NOUNS.has(word) || /^(?:package|pkg|metrocluster|takeover|refus\w*|denied)$/.test(word))
      || tokens.length === 2; // the body is only "exit 1": the Metrocluster check's own last line in a package log
    // "Halt script for package web failed with exit 1": a halt's exit status, not a start's (round 10 #12).
    // "Package nomina was not halted cleanly on node mxsg01; it will not be started until the node is cleaned up":
    // Serviceguard keeping a package off a node its halt failed on, not Metrocluster refusing a start (round 25 #20).
    const aboutHalt = !replicationFact && lower.some((word) => /^(?:halt|halting|halted|stop|stopping|stopped|shutdown)$/.test(word));
    // "Package oms cannot be started: no node is available to run it", "... not started: no eligible node left": cmcld
    // saying no node may run the package (each was disabled by an earlier failure; serviceguard.ne reads it as
    // pkg.no.eligible.node), not Metrocluster refusing a start, unless the line names a replication fact. The refusal
    // that disabled the nodes, if any, is in the package log (round 64 #09, #18: a second refusal with no package or state).
    const noNodeLeft = !replicationFact && lower.some((word, at) => word === "no"
      && lower.slice(at + 1, at + 4).some((next) => next === "node" || next === "nodes")
      && lower.slice(at + 1, at + 6).some((next) => ["available", "eligible", "left", "suitable"].includes(next)));
    if (noNodeLeft) return -1;
    // "Package ciPRD cannot be started on node hmx2: dependency dbPRD_up (dbPRD=up, same_node) is not met", "... on any
    // node: dependency hrdb_up is met only on node hrx2, which is disabled for the package": cmcld holding a package until
    // the package it depends on runs (package dependencies), not Metrocluster refusing a start, unless the line names a
    // replication fact (round 68 #03, #18: read as refusals no rule could explain).
    if (!replicationFact && lower.some((word) => /^dependenc(?:y|ies)$/.test(word.replace(/[^a-z]+$/, "")))) return -1;
    for (let index = 0; index < tokens.length; index++) {
      // key=value forms: "decision=NO_START exit=1", "action=refuse", "result=start_denied".
      if (tokens[index].type === "assignment") {
        const at = tokens[index].value.indexOf("=");
        const key = lower[index].slice(0, at).replace(/-/g, "_");
        const value = unquote(lower[index].slice(at + 1));
        if (["exit", "exit_code", "exitcode", "exit_status"].includes(key) && (value === "1" || value === "2")) return index;
        if (["decision", "action", "verdict", "result", "outcome", "start"].includes(key)
          && /^(?:no|not|do_?not|dont|don_t)[_-]?start(?:ed|up)?$|^(?:start[_-]?)?(?:refused?|denied|deny|rejected|reject|blocked|vetoed)$/.test(value)) return index;
      }
      // Only the bare "not started" is excused by a switch: "refusing here (exit 2)" is a refusal whatever else the line says.
      // "Do NOT start recovery", "do not start the package until ...": an instruction to a reader (a notification's text),
      // not a start refused (round 75 #11).
      if (lower[index] === "not" && ["start", "started", "starting", "startup"].includes(lower[index + 1] ?? "") && !aboutPart(index) && !switchedOff && !aboutHalt
        && !(lower[index + 1] === "start" && ["do", "please"].includes(lower[index - 1] ?? ""))) return index;
      // "won't start", "can't start", "cannot start the package", "will not be brought up".
      if ((lower[index] === "cannot" || lower[index] === "wont" || ((lower[index] === "won" || lower[index] === "can") && lower[index + 1] === "t"))
        && startsPackage(lower[index + 1] === "t" ? index + 2 : index + 1) && !aboutHalt) return index;
      if (lower[index] === "not" && (["bring", "bringing", "brought"].includes(lower[index + 1] ?? "") || (lower[index + 1] === "be" && lower[index + 2] === "brought"))) return index;
      if (KEEP_WORDS.has(lower[index]) && decision && firstCommand !== "pairsplit") {
        for (let at = index + 1; at < tokens.length && at <= index + 6; at++) if (locked(at)) return index;
      }
      // "Start denied (AUTO_NONCURDATA=0)", "startup refused", "refusing to start": the same refusal in other words.
      if (START_NOUNS.has(lower[index]) && REFUSAL_WORDS.has(lower[nextValue(index, 3)] ?? "")) return index;
      if (REFUSAL_WORDS.has(lower[index]) && lower[index + 1] === "to" && START_NOUNS.has(lower[index + 2] ?? "")) return index;
      if (lower[index] === "not" && lower[index + 1] === "be" && lower[index + 2] === "started" && !aboutPart(index) && !switchedOff && !aboutHalt) return index;
      // A bare "exit 1" is Metrocluster's refusal only on a line about replication or a package start: a cron job
      // or a script that "FAILED exit 1" is not (round4 14, a healthy day), nor the exit of a part of the package the
      // line is about ("Service bankcore_mon in package bankpkg failed (exit 1)": a service, a daemon, a unit).
      // "horctakeover exit 2 (SVOL-takeover)": a Raid Manager command's own exit status (horctakeover's 2 is its
      // SVOL-takeover), not Metrocluster refusing the start (round 25 #17).
      // "exiting with 2 (package may be started on another node)", "exited with code 1": the same exit in other words;
      // after a Raid Manager command anywhere before it ("horctakeover -g pkgA exit code 1") it is that command's status.
      // "horctakeover: swap-takeover done (exit 1)": horctakeover's exit statuses are its results, wherever it is named
      // before it as run ("horctakeover not attempted because AUTO_SVOLPSUE=0; exit 2" is the refusal's own exit).
      if (exitStatusAt(index) >= 0 && aboutStart && !aboutHalt && !notPackageObject(lower[0])
        && tokens[index - 1]?.type !== "command" && !lower.slice(0, index).some((word, at) => word === "horctakeover" && !takeoverNotRun(at))
        && (exitStatusAt(index) === index + 1 || !tokens.slice(0, index).some((token) => token.type === "command"))) return index;
    }
    return -1;
  }

  /**
  A key that names a device group given a role and state ("kreg_dg=PVOL_PSUE"): identifier-shaped, not a setting,
  a side, a before/after or any other known key, on a line that names no other group.
  */
  function groupKeyed(pair: { key: string; value: string; index: number }): boolean {
    const key = tokens[pair.index].value.slice(0, tokens[pair.index].value.indexOf("="));
    // Not what is awaited or wanted, said right before it ("wait until kreg_dg=PVOL_PAIR", "success criterion
    // kreg_dg=PVOL_PAIR"); such a word elsewhere on the line ("kreg_dg=PVOL_PSUE after link failure") is not about it (review).
    if ([lower[pair.index - 1], lower[pair.index - 2]].some((word) => word !== undefined && AWAITED_STATE_WORDS.has(word))) return false;
    return (deviceGroup === undefined || deviceGroup === key || groupFrom === "label") && IDENTIFIER_NAME.test(key) && !GROUP_KEYS.has(pair.key) && !/^(?:auto|horc|fence|force|cluster|node|host|pkg|package)/.test(pair.key)
      && !/(?:^|_)(?:old|new|prev|previous|was|now|from|to|last|cur|current|before|after|expected|wanted|target|desired|actual|state|status|stat|vol|side|role|mode|rc|result)(?:_|$)/.test(pair.key)
      && /^[PS]-?VOL[_-]/i.test(pair.value);
  }

  /** key=value forms: "dg=oradg side=local role=PVOL state=PSUE", "local_state=SVOL_PAIR remote_state=EX_ENORMT", "cmd=horctakeover rc=2". */
  function readAssignments(): void {
    const pairs: Array<{ key: string; value: string; index: number }> = [];
    tokens.forEach((token, index) => {
      if (token.type !== "assignment") return;
      const at = token.value.indexOf("=");
      pairs.push({ key: token.value.slice(0, at).toLowerCase().replace(/-/g, "_"), value: unquote(token.value.slice(at + 1)), index });
    });
    if (pairs.length === 0) return;
    const stated = (sideName: "local" | "remote" | null, pair: { value: string; index: number }, roleHint: "PVOL" | "SVOL" | null): void => {
      const parsed = stateValue(pair.value);
      if (!parsed) return;
      if ("code" in parsed) {
        const number = EX_NUMBERS[parsed.code] ?? null;
        if (sideName === "remote" && UNREACHABLE.has(parsed.code)) add(pair.index, "pair.unreachable", { side: "remote", code: parsed.code, number }, deviceGroup);
        else add(pair.index, "raid.error", raidErrorFields(parsed.code, number, firstCommand ?? null), deviceGroup);
        return;
      }
      add(pair.index, "pair.state", { side: sideName, role: parsed.role ?? roleHint, state: parsed.state }, deviceGroup);
    };
    for (const pair of pairs) {
      if (LOCAL_KEYS.has(pair.key)) stated("local", pair, null);
      else if (REMOTE_KEYS.has(pair.key)) stated("remote", pair, null);
      else if (PVOL_KEYS.has(pair.key)) stated(null, pair, "PVOL");
      else if (SVOL_KEYS.has(pair.key)) stated(null, pair, "SVOL");
      else if (groupKeyed(pair)) {
        // "kreg_dg=PVOL_PSUE mqh_dg=PVOL_PSUE nbat_dg=PVOL_PSUE": a status script's line of groups, each named by its key
        // and given its volume's role and state on this node (round 49 #01).
        const parsed = stateValue(pair.value);
        // "remote: kreg_dg=SVOL_SSWS", "pairvolchk -c: ...": the other side's volumes (review).
        // Said right before the first keyed pair, or pairvolchk -c on the line ("trd_dg=SVOL_SSWS peer site down" is its own).
        const firstKeyed = pairs.find((other) => groupKeyed(other))?.index ?? pair.index;
        const remoteWord = (word: string | undefined): boolean => word !== undefined && (REMOTE_KEYS.has(word) || word === "peer" || word === "partner");
        const keyedSide = remoteWord(lower[firstKeyed - 1]) || remoteWord(lower[firstKeyed - 2]) || (commands.includes("pairvolchk") && tokens.some((token) => token.type === "option" && token.value === "-c")) ? "remote" : null;
        if (parsed && !("code" in parsed)) add(pair.index, "pair.state", { side: keyedSide, role: parsed.role, state: parsed.state }, tokens[pair.index].value.slice(0, tokens[pair.index].value.indexOf("=")));
      }
    }
    const valueOf = (...keys: string[]): { value: string; index: number } | undefined => pairs.find((pair) => keys.includes(pair.key));
    const statePair = pairs.find((pair) => STATE_KEYS.has(pair.key));
    if (statePair) {
      const sideValue = valueOf("side", "l_r", "lr")?.value.toLowerCase();
      const sideName = sideValue === "local" || sideValue === "l" ? "local" : sideValue === "remote" || sideValue === "r" ? "remote" : null;
      const roleValue = valueOf("role", "p_s", "ps", "attr", "attribute")?.value.toUpperCase() ?? "";
      stated(sideName, statePair, /^[PS]-?VOL$/.test(roleValue) ? roleOf(roleValue) : null);
    }
    // cmd=<command> with rc=/result=: what the command did.
    const commandPair = valueOf("cmd", "command");
    const resultPair = pairs.find((pair) => RESULT_KEYS.has(pair.key));
    const commandName = commandPair ? commandPair.value.split(/\s/)[0].replace(/^.*\//, "") : firstCommand;
    // No command named, but a device group or an instance is ("Unable to get the local state of device group payroll_dg
    // using HORCMINST=1 (rc=247)"): a Raid Manager error number is that error (round 72 #05: EX_ENOENT, read as the
    // instance down).
    const codeNumber = resultPair !== undefined && /^\d+$/.test(resultPair.value) ? Number(resultPair.value) : null;
    if (!commandName && resultPair && codeNumber !== null && EX_NAMES[codeNumber] !== undefined && (deviceGroup !== undefined || pairs.some((pair) => pair.key === "horcminst"))) {
      add(resultPair.index, "raid.error", raidErrorFields(EX_NAMES[codeNumber], codeNumber, null), deviceGroup);
    }
    if (commandName && resultPair) {
      const at = (commandPair ?? resultPair).index;
      const value = resultPair.value.toLowerCase();
      const number = /^\d+$/.test(value) ? Number(value) : null;
      if (number !== null && EX_NAMES[number] !== undefined) {
        const code = EX_NAMES[number];
        // "pairvolchk -g PRD1_ORA -c -IH10 rc=242": -c asks the remote side; EX_ENORMT/EX_CMDIOE there is the remote side not
        // answering, as "pairvolchk -g X -c returned 242" is (round 53 #06: a monitor's rc= form read as a local error).
        const remoteCheck = commandName === "pairvolchk" && tokens.some((token) => token.type === "option" && token.value === "-c");
        if (remoteCheck && UNREACHABLE.has(code) && !found.some((entry) => entry.event.kind === "pair.unreachable" && entry.event.fields.code === code)) add(at, "pair.unreachable", { side: "remote", code, number }, deviceGroup);
        else add(at, "raid.error", raidErrorFields(code, number, commandName), deviceGroup);
        if (commandName === "horctakeover") add(at, "takeover", { ok: false, code, number, result: null, resultName: null }, deviceGroup);
        if (commandName === "pairevtwait" && TIMEOUT_CODES.has(code)) add(at, "pair.wait", { outcome: "timeout" }, deviceGroup);
      } else if (number !== null && commandName === "horctakeover" && number <= 5) {
        add(at, "takeover", { ok: true, result: number, resultName: TAKEOVER_RESULTS[number], code: null, number: null }, deviceGroup);
      } else if (number !== null && commandName === "pairvolchk" && VOLCHK_CODES[number] !== undefined) {
        add(at, "pair.state", { side: null, ...VOLCHK_CODES[number] }, deviceGroup);
      } else if (number === null) {
        const result = SUCCESS_WORDS.has(value) ? "completed" : FAILURE_WORDS.has(value) ? "failed" : START_WORDS.has(value) ? "started"
          : /time_?out|timed_?out/.test(value) ? "timeout" : /wait|pending|progress/.test(value) ? "waiting" : null;
        if (commandName === "pairresync" && (result === "completed" || result === "failed" || result === "started")) add(at, "pair.resync", { mode: "normal", outcome: result }, deviceGroup);
        if (commandName === "pairevtwait" && (result === "completed" || result === "timeout")) add(at, "pair.wait", { outcome: result === "completed" ? "done" : "timeout" }, deviceGroup);
        if (commandName === "horctakeover" && result === "waiting") add(at, "takeover.waiting", {}, deviceGroup);
        if (commandName === "horctakeover" && result === "failed") add(at, "takeover", { ok: false, result: null, resultName: null, code: null, number: null }, deviceGroup);
      }
    }
    const takeoverPair = valueOf("takeover");
    if (takeoverPair && !found.some((entry) => entry.event.kind.startsWith("takeover"))) {
      const value = takeoverPair.value.toLowerCase().replace(/[_ ]?takeover$/, "");
      const result = TAKEOVER_RESULTS.indexOf(value);
      if (/wait|pending|progress/.test(value)) add(takeoverPair.index, "takeover.waiting", {}, deviceGroup);
      else if (result >= 0) add(takeoverPair.index, "takeover", { ok: true, result, resultName: TAKEOVER_RESULTS[result], code: null, number: null }, deviceGroup);
      else if (FAILURE_WORDS.has(value)) add(takeoverPair.index, "takeover", { ok: false, result: null, resultName: null, code: null, number: null }, deviceGroup);
    }
    const jnls = valueOf("jnls", "jnl_state", "journal_state");
    if (jnls && /^(?:[PS]J(?:[NS][NFE]|ES)|SMPL)$/i.test(jnls.value) && !found.some((entry) => entry.event.kind === "journal.state")) {
      const journal = valueOf("jid", "journal", "jnl", "jnlg");
      const usage = valueOf("u", "usage", "used", "u_pct");
      const state = jnls.value.toUpperCase();
      // "JNL 004 (wms_jdg) JNLS=PJSF": the journal's id in words, as the token form reads it.
      const journalAt = lower.findIndex((word, at) => ["journal", "jnl", "jid", "jnlg"].includes(word) && tokens[at + 1]?.type === "number");
      const journalId = journal && /^\d+$/.test(journal.value) ? Number(journal.value) : journalAt >= 0 ? Number(tokens[journalAt + 1].value) : null;
      add(jnls.index, "journal.state", {
        journal: journalId, mu: null, ctg: null, jnls: state,
        side: state === "SMPL" ? null : state.startsWith("P") ? "PVOL" : "SVOL", activePaths: null, usage: usage && /^\d+$/.test(usage.value) ? Number(usage.value) : null,
      }, journalGroup);
    }
  }

  /** Pair states in words ("the local primary volume is pair suspended-error", "the pairs are simplex on both sides"). */
  function readWordStates(): void {
    if (tokens.length === 0) return;
    const text = tokens[0].source.toLowerCase();
    const taken: Array<[number, number]> = [];
    for (const { state, role: fixedRole, pattern } of WORD_STATES) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const start = match.index;
        const end = start + match[0].length;
        if (taken.some(([from, to]) => start < to && end > from)) continue;
        taken.push([start, end]);
        if (/\b(?:not|no longer|never)\s+(?:\w+\s+){0,2}$/.test(text.slice(Math.max(0, start - 30), start))) continue;
        // "device group posdg still not PAIR: local PVOL_PSUE, ...": the state PAIR denied (out of PAIR), said in its capitals,
        // is not "not paired" (round 46 #12 read a monitor's hourly reminder as SMPL).
        if (state === "SMPL" && /PAIR/.test(tokens[0].source.slice(start, end))) continue;
        const next = tokens.findIndex((token) => token.offset >= start);
        const at = next < 0 ? tokens.length : next;
        let wordSide: "local" | "remote" | "both" | null = null;
        let wordRole: "PVOL" | "SVOL" | null = fixedRole ?? null;
        for (let back = at - 1; back >= 0 && wordSide === null; back--) {
          const word = lower[back];
          const noun = SIDE_NOUNS.has(lower[back + 1] ?? "");
          // "local and remote volumes are not paired": both.
          if ((word === "local" || word === "remote") && lower[back - 1] === "and" && (lower[back - 2] === "local" || lower[back - 2] === "remote") && lower[back - 2] !== word) wordSide = "both";
          else if (word === "local" || ((word === "this" || word === "near") && (noun || ["node", "host", "server"].includes(lower[back + 1] ?? "")))) wordSide = "local";
          else if (word === "remote" || (["other", "far", "peer", "partner"].includes(word) && noun)) wordSide = "remote";
          else if (word === "both" && ["arrays", "sides", "sites", "volumes"].includes(lower[back + 1] ?? "")) wordSide = "both";
        }
        if (wordSide === null && /\bon both (?:sides|sites|arrays)\b/.test(text.slice(end))) wordSide = "both";
        for (let back = at - 1; back >= Math.max(0, at - 8) && wordRole === null; back--) {
          if (tokens[back].type === "role") wordRole = roleOf(tokens[back].value);
          else if ((lower[back] === "primary" || lower[back] === "secondary") && (ROLE_NOUNS.has(lower[back + 1] ?? "")
            // "the local volumes are primary and are now suspended": the role said after the volumes.
            || (["is", "are"].includes(lower[back - 1] ?? "") && ROLE_NOUNS.has(lower[back - 2] ?? "")))) wordRole = lower[back] === "primary" ? "PVOL" : "SVOL";
        }
        // Words are read only with a side or a role beside them ("the local volume is simplex"): a bare "device group
        // oradg is suspended with an error" would erase the role a token line reported. SMPL has no role to erase.
        const anchored = wordSide !== null || wordRole !== null || (state === "SMPL" && (deviceGroup !== undefined || hasWord("volume", "volumes", "pair", "pairs")));
        if (!anchored) continue;
        for (const sideName of wordSide === "both" ? ["local", "remote"] as const : [wordSide]) {
          if (found.some(({ event }) => event.kind === "pair.state" && (event.fields.side ?? null) === sideName)) continue;
          add(at, "pair.state", { side: sideName, role: wordRole, state }, deviceGroup);
        }
      }
    }
  }

  /**
  The other side said unreachable in words ("the primary array's Raid Manager does not answer", "the remote
  HORCM instance is not responding"): the fact Metrocluster's tables write as EX_ENORMT (Raid Manager or node
  failure) or EX_CMDIOE (the array's command device), reference.md §1.3. Only with the other side named (remote,
  other, peer) or a role (primary, secondary: the pair model keeps it only when it is not the node's own role);
  `codeFrom: "words"` says the code was not logged.
  */
  function readUnreachableWords(): void {
    if (tokens.length === 0 || found.some(({ event }) => event.kind === "pair.unreachable" || event.kind === "raid.error")) return;
    const text = tokens[0].source.toLowerCase();
    const phrase = /\b(?:(?:does|did|do) not (?:answer|respond)|(?:is |are )?not (?:answering|responding|reachable)|(?:gives |gave )?no (?:answer|response)|unreachable|(?:cannot|can\u0027t|could not|couldn\u0027t) be reached)\b/.exec(text);
    if (!phrase) return;
    const at = tokens.findIndex((token) => token.offset >= phrase.index);
    const end = at < 0 ? tokens.length : at;
    let subject: string | null = null;
    let sideWord: "remote" | "PVOL" | "SVOL" | null = null;
    // "no answer from the remote array": the subject after the phrase.
    // "No answer from the Raid Manager instance of the primary site": the side may come ten words after the phrase.
    const after = lower.slice(end, end + 12);
    const from = after.indexOf("from");
    const order = from >= 0 && from <= 2 ? [...after.keys()].map((offset) => end + offset).reverse() : [];
    for (const back of [...order, ...Array.from({ length: Math.min(8, end) }, (_, offset) => end - 1 - offset)]) {
      const word = lower[back].replace(/\u0027s$/, "");
      // Raid Manager named: its host or instance (EX_ENORMT); else the array (EX_CMDIOE); else a host, node or site.
      if (["raid", "manager", "horcm", "horcmd", "cci", "instance"].includes(word)) subject = "manager";
      else if (subject !== "manager" && ARRAY_NOUNS.has(word)) subject = word;
      else if (subject === null && ["host", "node", "site", "server"].includes(word)) subject = word;
      if (sideWord === null && ["remote", "other", "peer", "partner", "far"].includes(word)) sideWord = "remote";
      else if (sideWord === null && (word === "primary" || word === "secondary")) sideWord = word === "primary" ? "PVOL" : "SVOL";
      if (word === "local" || word === "this") return;
    }
    if (subject === null || sideWord === null) return;
    const code = ARRAY_NOUNS.has(subject) ? "EX_CMDIOE" : "EX_ENORMT";
    add(end, "pair.unreachable", { side: "remote", code, number: null, ...(sideWord === "remote" ? {} : { role: sideWord }), codeFrom: "words" }, deviceGroup);
  }

  // A Raid Manager command being run, its result not stated ("pairvolchk -g oradg -c", "Executing horctakeover -g oradg -t 360"):
  // its group (and the side pairvolchk asks about) is the context of the output lines pasted after it.
  // A split or resync announced ("running: pairsplit -g dwh_dg -IH30") is such a command too: its output follows (round
  // 29 #06); one said to be completed or failed is its own result, and names nothing after it (review of that change).
  if (firstCommand && (groupFromOption || deviceGroup === undefined) && found.every(({ event }) => ["pair.resync", "pair.create", "pair.split"].includes(event.kind) && (event.fields.outcome === null || event.fields.outcome === "started"))) {
    const commandAt = tokens.findIndex((token) => token.type === "command");
    const commandSide = firstCommand === "pairvolchk" ? (options.has("-c") ? "remote" : "local") : null;
    // pairevtwait -s pair: the status its "Wait status done." on a later line says was reached (the file's context carries it).
    const statusAt = firstCommand === "pairevtwait" ? tokens.findIndex((token, at) => at > commandAt && token.type === "option" && token.value === "-s") : -1;
    const awaited = awaitedStatus(statusAt);
    const waitFor = awaited === undefined ? {} : { waitFor: awaited };
    // "ssh amsb02 pairdisplay -g amsdg -I0" typed on amsb01: the command, and the output pasted under it, are amsb02's
    // (round 57 #03: another node's PAIR rows read as the broken node's own).
    const onHost = remoteShellHost(commandAt);
    add(commandAt, "raid.command", { command: firstCommand, side: commandSide, instance: instanceOf(), ...waitFor, ...(onHost === null ? {} : { onHost }) }, deviceGroup);
  }

  // "Recovery package of recovery group rg_erp (Continentalclusters), device group dg_erp": a line that only names the
  // device group says which group the package's lines are about, when none of them names it (round 28 #07).
  // Only a name shaped like one (an underscore or a digit, or dg/grp at an end): "Validating device group configuration"
  // names no group, and a wrong link would leave the package two groups and its lines none (review of round 28).
  // A name in capitals ("checking device group HISDB (HORCMINST=3)", round 29 #10) is shaped like one too, unless it is
  // a word Raid Manager prints in capitals (a state, a fence level, ERROR).
  if (found.length === 0 && deviceGroup !== undefined && groupNamedByNoun && !DEVICE_GROUP_STOP.has(deviceGroup.toLowerCase())
    && (IDENTIFIER_NAME.test(deviceGroup) || /^(?:dg|grp)|(?:dg|grp)$/i.test(deviceGroup) || isCapitalName(deviceGroup))) add(0, "mc.device.group", {}, deviceGroup);

  // "Device group pos_jdg: local SVOL_PAIR ... (CTG 17, journal 027)", "oradg CTGID=4", "ora_jdg is in consistency group 3":
  // the consistency group of the group the line names. Raid Manager takes over, suspends and resynchronizes a consistency
  // group as a whole (CA Journal), so the groups that share one share those commands. Not a line that names no group
  // ("journal 004 (CTG 4) is PJNF"), nor a group said not to be in it ("not in CTG 4").
  if (deviceGroup !== undefined) {
    let ctg: number | null = null;
    let ctgAt = -1;
    for (let index = 0; index < tokens.length && ctg === null; index++) {
      const token = tokens[index];
      if (token.type === "assignment" && /^(?:ctg|ctgid|ctg_id|consistency_group)=\d{1,3}$/i.test(token.value)) {
        ctg = Number(token.value.slice(token.value.indexOf("=") + 1));
      } else if ((["ctg", "ctgid"].includes(lower[index]) || (lower[index] === "group" && lower[index - 1] === "consistency")) && tokens[index + 1]?.type === "number"
        && /^\d{1,3}$/.test(tokens[index + 1].value)) {
        ctg = Number(tokens[index + 1].value);
      }
      if (ctg !== null) ctgAt = index;
    }
    const denied = ctgAt >= 0 && [lower[ctgAt - 1], lower[ctgAt - 2], lower[ctgAt - 3]].some((word) => word === "not" || word === "no");
    if (ctg !== null && !denied) {
      const journalAt = lower.findIndex((word, at) => ["journal", "jnl", "jid", "jnlg"].includes(word) && tokens[at + 1]?.type === "number");
      add(ctgAt, "consistency.group", { ctg, journal: journalAt >= 0 ? Number(tokens[journalAt + 1].value) : null }, deviceGroup);
    }
  }

  found.sort((left, right) => left.position - right.position);
  // "Metrocluster cannot tell whether the pairs were in PAIR or in COPY state before they were suspended": states named
  // as alternatives after "whether" are what nobody knows, not a report (round 47 #01 read COPY, and "wait for the copy").
  const whetherAt = lower.indexOf("whether");
  if (whetherAt >= 0) {
    const orAt = lower.indexOf("or", whetherAt);
    // The question ends where a colon or semicolon gives its answer ("checking whether sapdg is in PAIR or COPY: local
    // PVOL_PFUS, ..." reports PFUS, review): states after it are kept.
    let answerAt = tokens.length;
    for (let index = orAt + 1; orAt > whetherAt && index < tokens.length; index++) {
      const previous = tokens[index - 1];
      if (/[:;]/.test(previous.source.slice(previous.offset + previous.text.length, tokens[index].offset))) {
        answerAt = index;
        break;
      }
    }
    const alternatives = found.filter((entry) => entry.event.kind === "pair.state" && entry.position > whetherAt && entry.position < answerAt);
    if (orAt > whetherAt && alternatives.some((entry) => entry.position > orAt)) return found.filter((entry) => !alternatives.includes(entry)).map((entry) => entry.event);
  }
  return found.map((entry) => entry.event);
}

export const meta = {
  name: "metrocluster",
  role: "body",
  formats: ["syslog", "pkglog", "cmdlog"],
  prefilter: /[PS]-?VOL|PAIR|[Dd]evice [Gg]roup|DEVICE[ _]GROUP|dev_group|PSU[SE]|SSUS|SSWS|SMPL|PF(?:UL|US)|PDUB|COPY|EX_[A-Z]|AUTO_|FORCEFLAG|[Ff]orce.?[Ff]lag|horctakeover|pair(?:resync|create|split|volchk|display|evtwait)|[Ff]ence|FENCE|HORCM|horcm|[Rr]aid [Mm]anager|protected|command device|[Nn]on-?current|not current|cannot be current|not (?:be )?start|exit [12]\b|exit(?:s|ing|ed)? (?:with )?(?:(?:code|status|value) )?[12]\b|[Ss]tart(?:up)? (?:was |is |has been )?(?:denied|refused|rejected|declined)|[Rr]efus\w* to start|writ(?:e)?able|write[- ]enabled|(?:does|did) not (?:answer|respond)|not (?:answering|responding)|unreachable|be reached|no (?:answer|response)|[Ll]inks?\b|[Pp]aths?\b|(?:error|return|exit) code|returned \d|[Tt]akeover|[Aa]uto_|simplex|unpaired|suspended|synchroni[sz]ed|duplex|swappable|[Ss]ide ?file|[Jj]ournal|\b[PS]J(?:[NS][NFE]|ES)\b|cop(?:y|ying) in progress|being copied|split (?:state|status)|raidvchkscan|raidscan|horcctl|pairmon|\b(?:dg|[Dd]ev(?:ice)?_?[Gg]r(?:ou)?p|[Gg]roup|local\w*|remote\w*|state|status|pair_?state|[ps]_?vol\w*|side|role|cmd|command|jnls)=/,
  // Kinds that belong to a device group (a line without one takes the file's context: src/parse/file.ts).
  groupScoped: ["pair.state", "pair.unreachable", "raid.error", "fence", "takeover", "takeover.waiting", "pair.wait", "pair.resync", "pair.split"],
  // A command line whose result is not stated names the group of the output lines after it (a split or resync a
  // script says it runs gives such a command too: "running: pairsplit -g dwh_dg -IH30", round 29 #06).
  opensContext: ["raid.command"],
  description: "Metrocluster / Continuous Access / Raid Manager facts read from tokens, words and key=value forms: pair states, EX_ codes, AUTO_ settings, fence, takeover, resync, HORCM",
};

const local = (role: string | null, state: string, deviceGroup?: string) => ({ kind: "pair.state", ...(deviceGroup ? { deviceGroup, fields: { side: "local", role, state, deviceGroupFrom: "line" } } : { fields: { side: "local", role, state } }) });

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "local device group state is SVOL_PSUE, remote state EX_ENORMT", expect: [local("SVOL", "PSUE"), { kind: "pair.unreachable", fields: { side: "remote", code: "EX_ENORMT", number: 242 } }] },
  { text: "WARNING: ora_dg is not in PAIR state, mail sent to storage-oncall", expect: [] },
  { text: "Device group monitor for erppkg: erp_dg local PVOL_PSUE, remote SVOL_SSWS, fence NEVER", expect: [
    { kind: "pair.state", deviceGroup: "erp_dg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "erp_dg", fields: { side: "remote", role: "SVOL", state: "SSWS", deviceGroupFrom: "line" } },
    { kind: "fence", deviceGroup: "erp_dg", fields: { level: "NEVER", deviceGroupFrom: "line" } }] },
  { text: "Device group pkgA_dg: local P-VOL PSUE, remote S-VOL PAIR", expect: [local("PVOL", "PSUE", "pkgA_dg"), { kind: "pair.state", deviceGroup: "pkgA_dg", fields: { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } }] },
  { text: "The state of dev_group pkgB is PSUS(SSWS)", expect: [{ kind: "pair.state", deviceGroup: "pkgB", fields: { side: null, role: "SVOL", state: "SSWS", deviceGroupFrom: "line" } }] },
  { text: "Subject: cl_sped - pkgsped does not start on tor-ux2 (ticket 44190)", expect: [{ kind: "mc.start.refused", fields: { exitCode: null } }] },
  { text: "horcm@22.service: Main process exited, code=killed, status=9/KILL", expect: [{ kind: "horcm.error", fields: { instance: 22 } }] },
  { text: "horcm@5.service: control process exited, code=exited status=1", expect: [{ kind: "horcm.error", fields: { instance: 5 } }] },
  { text: "Out of memory: Killed process 2231 (horcmgr) total-vm:2287340kB, anon-rss:1822016kB, file-rss:0kB", expect: [{ kind: "horcm.error", fields: { instance: null } }] },
  { text: "Device group HR.core (HORCMINST=3): remote state changed EX_ENORMT -> SVOL_PAIR", expect: [{ kind: "pair.state", deviceGroup: "HR.core", fields: { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } }] },
  { text: "erp_dg: PVOL PAIR -> PSUE (CA link failure, fence NEVER)", expect: [
    { kind: "pair.state", deviceGroup: "erp_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "link.failure", fields: { link: "CA" } },
    { kind: "fence", deviceGroup: "erp_dg", fields: { level: "NEVER", deviceGroupFrom: "label" } },
  ] },
  { text: "Device group mq_dg state changed from PVOL_PAIR/SVOL_PAIR to local PVOL_PSUE, remote SVOL_PSUE (fence NEVER).", expect: [
    { kind: "pair.state", deviceGroup: "mq_dg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "mq_dg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "line" } },
    { kind: "fence", deviceGroup: "mq_dg", fields: { level: "NEVER", deviceGroupFrom: "line" } },
  ] },
  { text: "cachk: device group sapdg changed PSUS -> COPY (P-VOL)", expect: [{ kind: "pair.state", deviceGroup: "sapdg", fields: { side: null, role: "PVOL", state: "COPY", deviceGroupFrom: "line" } }] },
  { text: "cachk: device group sapdg changed PAIR -> PSUE (S-VOL, fence NEVER) - replication suspended", expect: [
    { kind: "pair.state", deviceGroup: "sapdg", fields: { side: null, role: "SVOL", state: "PSUE", deviceGroupFrom: "line" } },
    { kind: "fence", deviceGroup: "sapdg", fields: { level: "NEVER", deviceGroupFrom: "line" } },
  ] },
  { text: "Device group oradg: local state changed from PVOL_PAIR to PVOL_PSUE", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } }] },
  { text: "Device group HR.core (HORCMINST=3): local PVOL_PAIR; cannot get the remote state: pairvolchk -g HR.core -c -I3 returned 242", expect: [
    { kind: "pair.state", deviceGroup: "HR.core", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.unreachable", deviceGroup: "HR.core", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "line" } },
  ] },
  { text: "pairdisplay -g DG_WMS -IH16 -fc", expect: [{ kind: "raid.command", deviceGroup: "DG_WMS", fields: { command: "pairdisplay", side: null, instance: 16, deviceGroupFrom: "line" } }] },
  { text: "[root@amsb01 ~]# ssh amsb02 pairdisplay -g amsdg -I0", expect: [{ kind: "raid.command", deviceGroup: "amsdg", fields: { command: "pairdisplay", side: null, instance: 0, onHost: "amsb02", deviceGroupFrom: "line" } }] },
  { text: "# remsh -l root nodeB1 pairvolchk -g oradg -s", expect: [{ kind: "raid.command", deviceGroup: "oradg", fields: { command: "pairvolchk", side: "local", instance: null, onHost: "nodeB1", deviceGroupFrom: "line" } }] },
  { text: "Checking local device group state: pairvolchk -g 42-billing.dg -s -I5", expect: [{ kind: "raid.command", deviceGroup: "42-billing.dg", fields: { command: "pairvolchk", side: "local", instance: 5, deviceGroupFrom: "line" } }] },
  { text: "PRD1_ORA (HORCMINST=10): local PVOL_PAIR, remote state unknown: pairvolchk -g PRD1_ORA -c -IH10 rc=242", expect: [
    { kind: "pair.state", deviceGroup: "PRD1_ORA", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.unreachable", deviceGroup: "PRD1_ORA", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "line" } },
  ] },
  { text: "[EX_ENORMT] No remote host alive for remote commands, or Raid Manager might be blocked (sleeping) on an existing I/O.", expect: [{ kind: "raid.error", fields: { code: "EX_ENORMT", number: 242, command: null } }] },
  { text: "pairvolchk -g pkgA -c returned 242", expect: [{ kind: "pair.unreachable", deviceGroup: "pkgA", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "line" } }] },
  { text: "pairdisplay failed with EX_CMDRJE (221)", expect: [{ kind: "raid.error", fields: { code: "EX_CMDRJE", number: 221, command: "pairdisplay" } }] },
  { text: "pairvolchk returned 239 (EX_ENOGRP)", expect: [{ kind: "raid.error", fields: { code: "EX_ENOGRP", number: 239, command: "pairvolchk", unknownName: true } }] },
  { text: "fence level DATA", expect: [{ kind: "fence", fields: { level: "DATA" } }] },
  { text: "FENCE=NEVER", expect: [{ kind: "fence", fields: { level: "NEVER" } }] },
  { text: "AUTO_SVOLPSUE=0", expect: [{ kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } }] },
  // Business Copy commands (-IM, -ISI, HORCC_MRCF=1): their pairs are local copies.
  { text: "pairsplit -g pgw_bc -IM1 rc=0, pgw_bc now PSUS", expect: [
    { kind: "pair.split", deviceGroup: "pgw_bc", fields: { option: null, outcome: null, replication: "local", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "pgw_bc", fields: { side: null, role: null, state: "PSUS", replication: "local", deviceGroupFrom: "line" } },
  ] },
  { text: "AUTO_NONCURDATA is set to 1", expect: [{ kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 1 } }] },
  { text: "FORCEFLAG file found in /etc/cmcluster/pkgA, starting anyway", expect: [{ kind: "forceflag", fields: { present: true } }] },
  { text: "No FORCEFLAG file present", expect: [{ kind: "forceflag", fields: { present: false } }] },
  // The way out a refusal offers, wrapped after its "set": not the package's setting.
  { text: "ERROR:  MC/CAXP: AUTO_NONCURDATA=1 or create /etc/cmcluster/swiftgw/FORCEFLAG.", expect: [{ kind: "forceflag", fields: { present: false } }] },
  { text: "AUTO_SVOLPSUS 1 or create the FORCEFLAG file", expect: [{ kind: "forceflag", fields: { present: false } }] },
  { text: "AUTO_PSUSSSSWS=0 or FORCEFLAG absent", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_PSUSSSSWS", value: 0 } }, { kind: "forceflag", fields: { present: false } },
  ] },
  // Only the command carrying -IM is Business Copy: the wait's state before it is the CA group's.
  { text: "pairevtwait -g oradg -s psus -t 600 -I0 -> PSUS (0), now pairsplit -g oradg -IM1", expect: [
    { kind: "pair.wait", deviceGroup: "oradg", fields: { outcome: "done", waitFor: "PSUS", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: null, state: "PSUS", deviceGroupFrom: "line" } },
    { kind: "pair.split", deviceGroup: "oradg", fields: { option: null, outcome: null, replication: "local", deviceGroupFrom: "line" } },
  ] },
  // A takeover announced before its command runs is no result; "rejected" is a failure (round 28 #19, an EX_CMDRJE).
  { text: "dg_ord local SVOL_PAIR remote PVOL_PAIR - swap-takeover: horctakeover -g dg_ord -t 360", expect: [
    { kind: "pair.state", deviceGroup: "dg_ord", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "dg_ord", fields: { side: "remote", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } },
  ] },
  { text: "[horctakeover] swap-takeover for dg_ord: pairsplit -RS rejected on ord01 (LDEV 0x4c2)", expect: [
    { kind: "takeover", fields: { ok: false, result: null, resultName: null, code: null, number: null } },
    { kind: "pair.split", fields: { option: "RS", outcome: "failed" } },
  ] },
  // horctakeover's exit status is its result, not Metrocluster refusing the start (round 28 #20).
  { text: "horctakeover: swap-takeover done (exit 1), local PVOL_PAIR", expect: [
    { kind: "takeover", fields: { ok: true, result: 1, resultName: "swap", code: null, number: null } },
    { kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PAIR" } },
  ] },
  { text: "Cause ]:The command device rejected the order. Check the SSB code in the array documentation.", expect: [] },
  // A line that only names the package's device group (round 28 #07: no other line of the package log names it).
  { text: "Recovery package of recovery group rg_erp (Continentalclusters), device group dg_erp", expect: [{ kind: "mc.device.group", deviceGroup: "dg_erp", fields: { deviceGroupFrom: "line" } }] },
  { text: "Checking the device group", expect: [] },
  { text: "Validating device group configuration", expect: [] },
  // A two-word product tag before the group (round 29 #18: the package's log named its group only so).
  { text: "pdg (HORCMINST=6) local PVOL_PSUE remote SVOL_SSWS", expect: [
    { kind: "pair.state", deviceGroup: "pdg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "pdg", fields: { side: "remote", role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
  ] },
  { text: "CC ALERT: atl-prod not responding for 5 min. Call Atlanta NOC 404-555-0199. Do NOT start recovery.", expect: [] },
  { text: "chk_ca: dg_sin SMPL / SMPL  ** PAS DE PAIRE **", expect: [
    { kind: "pair.state", deviceGroup: "dg_sin", fields: { side: "local", role: null, state: "SMPL", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "dg_sin", fields: { side: "remote", role: null, state: "SMPL", deviceGroupFrom: "label" } },
  ] },
  { text: "daily: dg01 (I4) P-VOL PSUE since Apr 19 22:05", expect: [{ kind: "pair.state", deviceGroup: "dg01", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  { text: "Metrocluster CAXP: DG_TOS instance 14 fence NEVER", expect: [{ kind: "fence", deviceGroup: "DG_TOS", fields: { level: "NEVER", deviceGroupFrom: "label" } }] },
  { text: "nightly: dwh_dg split (P-VOL PSUS / S-VOL SSUS), handing over to backup host bkp-w01", expect: [
    { kind: "pair.state", deviceGroup: "dwh_dg", fields: { side: "local", role: "PVOL", state: "PSUS", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "dwh_dg", fields: { side: "remote", role: "SVOL", state: "PSUS", deviceGroupFrom: "label" } },
  ] },
  // "rejected" is the array refusing the command, not a word about something else the command did.
  { text: "INC#4711: dg-nfs.home PSUE; resync started by 'ops' -- cmd: \"pairresync -g dg-nfs.home -IH0\" && pairevtwait ... ; do NOT fail over meanwhile", expect: [
    { kind: "pair.resync", deviceGroup: "dg-nfs.home", fields: { mode: "normal", outcome: "started", deviceGroupFrom: "line" } },
    { kind: "raid.command", deviceGroup: "dg-nfs.home", fields: { command: "pairresync", side: null, instance: 0, deviceGroupFrom: "line" } },
  ] },
  { text: "DRT-Q4 done: takeover on zrh1, pkg_takeover_dg PAIR (P-VOL zrh1), switching enabled.", expect: [
    { kind: "takeover", deviceGroup: "pkg_takeover_dg", fields: { ok: true, result: null, resultName: "swap", code: null, number: null, deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "pkg_takeover_dg", fields: { side: null, role: "PVOL", state: "PAIR", deviceGroupFrom: "label" } },
  ] },
  { text: "LEDGER.split split for backup (S-VOL SSUS, P-VOL PSUS), resync after backup", expect: [
    { kind: "pair.state", deviceGroup: "LEDGER.split", fields: { side: null, role: "SVOL", state: "PSUS", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "LEDGER.split", fields: { side: null, role: "PVOL", state: "PSUS", deviceGroupFrom: "label" } },
  ] },
  { text: "STG-5521: horcm99.conf on hpx-r1 changed to the P9500 LDEVs, instance 99 restarted.", expect: [
    { kind: "horcm.config.changed", fields: { instance: 99 } },
    { kind: "horcm.started", fields: { instance: 99 } },
  ] },
  { text: "horcm10.conf edited on all nodes, instance 10 not restarted yet", expect: [{ kind: "horcm.config.changed", fields: { instance: 10 } }] },
  { text: "HORCM_CONF = /etc/horcm11.conf (modified Fri Dec 31 23:44:51 2027)", expect: [] },
  { text: "root: /etc/horcm0.conf modified on all nodes: instance 0 has not been restarted yet", expect: [{ kind: "horcm.config.changed", fields: { instance: 0 } }] },
  { text: "sapdg local PVOL_PSUE remote SVOL_PSUE (was in PAIR state until this morning)", expect: [
    { kind: "pair.state", deviceGroup: "sapdg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "sapdg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } },
  ] },
  { text: "00:09:12-e9cfa-20757- HORCM_CONF = /etc/horcm11.conf (modified Fri Dec 31 23:44:51 2027)", expect: [] },
  { text: "pairresync -g oradg completed, 0 pairs rejected", expect: [{ kind: "pair.resync", deviceGroup: "oradg", fields: { mode: "normal", outcome: "completed", deviceGroupFrom: "line" } }] },
  { text: "SVOL-takeover: horctakeover -g oradg -S returned 2, local SSWS", expect: [
    { kind: "takeover", deviceGroup: "oradg", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null, deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "SVOL", state: "SSWS", deviceGroupFrom: "line" } },
  ] },
  { text: "Package start: SVOL-takeover performed on oradg", expect: [{ kind: "takeover", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null } }] },
  { text: "horctakeover not attempted because AUTO_SVOLPSUE=0; exit 2", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } }, { kind: "mc.start.refused", fields: { exitCode: 2 } },
  ] },
  { text: "dev_group: none configured", expect: [] },
  { text: "CAXP: checking device group HISDB (HORCMINST=3)", expect: [{ kind: "mc.device.group", deviceGroup: "HISDB", fields: { deviceGroupFrom: "line" } }] },
  { text: "CAXP: checking device group ERROR", expect: [] },
  { text: "Device group oradg checked", expect: [{ kind: "mc.device.group", deviceGroup: "oradg", fields: { deviceGroupFrom: "line" } }] },
  { text: "horctakeover failed: the command device rejected the order (SSB 0xB9A2)", expect: [{ kind: "takeover", fields: { ok: false, result: null, resultName: null, code: null, number: null } }] },
  { text: "ERROR: swap-takeover did not complete; the side file was not flushed within HORCTIMEOUT", expect: [{ kind: "takeover", fields: { ok: false, result: null, resultName: null, code: null, number: null } }] },
  // A verb of change after the side is not a group's name (it was read as the group "changed").
  { text: "nightly: dwh_dg back in PAIR after 22 min of resync", expect: [{ kind: "pair.state", deviceGroup: "dwh_dg", fields: { side: null, role: null, state: "PAIR", deviceGroupFrom: "label" } }] },
  { text: "his_bk PAIR again (resync 1750 s)", expect: [{ kind: "pair.state", deviceGroup: "his_bk", fields: { side: null, role: null, state: "PAIR", deviceGroupFrom: "label" } }] },
  { text: "tre_bc back in PAIR, weekly backup finished", expect: [{ kind: "pair.state", deviceGroup: "tre_bc", fields: { side: null, role: null, state: "PAIR", deviceGroupFrom: "label" } }] },
  { text: "ps_bc2 returned to PAIR after the backup", expect: [{ kind: "pair.state", deviceGroup: "ps_bc2", fields: { side: null, role: null, state: "PAIR", deviceGroupFrom: "label" } }] },
  { text: "tre_bc never back in PAIR, backup aborted", expect: [] },
  // A role far from the first name: the line says where a package started, not a group's state by name (round 63 #18).
  { text: "pkg_banque démarre à Laval à 22 h 09 (takeover S-VOL, SSWS).", expect: [{ kind: "pair.state", fields: { side: null, role: "SVOL", state: "SSWS" } }] },
  { text: "tr_dgmon: dgtr local PVOL_COPY (tr_d05), remote SVOL_COPY", expect: [{ kind: "pair.state", deviceGroup: "dgtr", fields: { side: "local", role: "PVOL", state: "COPY", deviceGroupFrom: "label" } }, { kind: "pair.state", deviceGroup: "dgtr", fields: { side: "remote", role: "SVOL", state: "COPY", deviceGroupFrom: "label" } }] },
  { text: "tsy_dg tsy_d01 (P-VOL) PAIR -> PSUE", expect: [{ kind: "pair.state", deviceGroup: "tsy_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  { text: "09:44 restarted crew_sched on ops-s1 (P-VOL COPY side), switching re-enabled", expect: [{ kind: "pair.state", fields: { side: null, role: "PVOL", state: "COPY" } }] },
  { text: "CL3-A-2 / e4/ 0,  0,  11.1(3a1)............P-VOL PSUE NEVER ,   5a1  88302   5a1", expect: [{ kind: "pair.state", fields: { side: null, role: "PVOL", state: "PSUE" } }] },
  { text: "ora_dg PSUS since the backup split", expect: [{ kind: "pair.state", deviceGroup: "ora_dg", fields: { side: null, role: null, state: "PSUS", deviceGroupFrom: "label" } }] },
  { text: "INC-9941: XP 30077 repaired by HPE, LUNs back; ord_dg shows PVOL_PSUE here. ordpkg stays DOWN", expect: [{ kind: "pair.state", deviceGroup: "ord_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  { text: "oradg PAIR", expect: [] },
  { text: "pairevtwait -g core_bc0 -IM20 -s pair -t 7200 -> PAIR (0)", expect: [
    { kind: "pair.wait", deviceGroup: "core_bc0", fields: { outcome: "done", waitFor: "PAIR", replication: "local", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "core_bc0", fields: { side: null, role: null, state: "PAIR", replication: "local", deviceGroupFrom: "line" } },
  ] },
  { text: "[HORCM_103] Detected a change of pair status (Volume:claims_01, PAIR -> SSUS)", expect: [
    { kind: "pair.state", fields: { side: null, role: "SVOL", state: "PSUS", pairVolume: "claims_01" } },
  ] },
  { text: "mcmon: oradg local PVOL_PSUE, remote SVOL_PSUE", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } },
  ] },
  { text: "oradg: link went down: local PVOL_PSUE, remote SVOL_PSUE", expect: [
    { kind: "link.failure", fields: { link: "CA" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } },
  ] },
  { text: "tms_dgmon: dgtms changed: PVOL_COPY -> PVOL_PAIR (remote SVOL_PAIR). Remote protection restored.", expect: [
    { kind: "pair.state", deviceGroup: "dgtms", fields: { side: null, role: "PVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "dgtms", fields: { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
  ] },
  { text: "trd_dg remote changed PSUE -> COPY (S-VOL)", expect: [{ kind: "pair.state", deviceGroup: "trd_dg", fields: { side: "remote", role: "SVOL", state: "COPY", deviceGroupFrom: "label" } }] },
  { text: "drtest: DR test ledger ABORTED - swap-takeover timeout, ledger back on ldgprd1", expect: [{ kind: "takeover", deviceGroup: "drtest", fields: { ok: false, result: null, resultName: null, code: null, number: null, deviceGroupFrom: "label" } }] },
  { text: "gis_dg: storage says CU 0C path replaced 08:50; pair still PSUE on 1 LDEV - tlee", expect: [{ kind: "pair.state", deviceGroup: "gis_dg", fields: { side: null, role: null, state: "PSUE", deviceGroupFrom: "label" } }] },
  { text: "pairevtwait -g erp_dg -s pair: PAIR reached", expect: [
    { kind: "pair.wait", deviceGroup: "erp_dg", fields: { outcome: "done", waitFor: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "erp_dg", fields: { side: null, role: null, state: "PAIR", deviceGroupFrom: "line" } },
  ] },
  { text: "pairevtwait -g oradg -s pair psue -t 3600 done", expect: [{ kind: "pair.wait", deviceGroup: "oradg", fields: { outcome: "done", deviceGroupFrom: "line" } }] },
  { text: "pairevtwait -g dwh_bc -s pair -t 3600: dwh_bc is PAIR", expect: [{ kind: "pair.wait", deviceGroup: "dwh_bc", fields: { outcome: "done", waitFor: "PAIR", deviceGroupFrom: "line" } }, { kind: "pair.state", deviceGroup: "dwh_bc", fields: { side: null, role: null, state: "PAIR", deviceGroupFrom: "line" } }] },
  { text: "XPMON: 85011 pair ledger_dg suspended by error (PSUE), all MCU-RCU paths failed", expect: [{ kind: "pair.state", deviceGroup: "ledger_dg", fields: { side: null, role: null, state: "PSUE", deviceGroupFrom: "line" } }] },
  // A failure said before the takeover announced is not the takeover's (round 64 #03); one after it is.
  { text: "Recovery was requested by cmrecovercl; the remote side is treated as failed. Executing horctakeover -g ledgerdg -S -t 360", expect: [
    { kind: "raid.command", deviceGroup: "ledgerdg", fields: { command: "horctakeover", side: null, instance: null, deviceGroupFrom: "line" } },
  ] },
  { text: "Executing horctakeover -g ledgerdg -S: failed, see the Raid Manager log", expect: [
    { kind: "takeover", deviceGroup: "ledgerdg", fields: { ok: false, result: null, resultName: null, code: null, number: null, deviceGroupFrom: "line" } },
  ] },
  { text: "horctakeover -g pkgA -S returned 2 (SVOL-takeover)", expect: [{ kind: "takeover", deviceGroup: "pkgA", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null, deviceGroupFrom: "line" } }] },
  { text: "horctakeover for device group pkgA failed with EX_VOLCRE (223)", expect: [
    { kind: "raid.error", deviceGroup: "pkgA", fields: { code: "EX_VOLCRE", number: 223, command: "horctakeover", deviceGroupFrom: "line" } },
    { kind: "takeover", deviceGroup: "pkgA", fields: { ok: false, code: "EX_VOLCRE", number: 223, result: null, resultName: null, deviceGroupFrom: "line" } },
  ] },
  { text: "After the primary site is repaired, resynchronize from this site with 'pairresync -g CAD_DG -swaps' before failing back.", expect: [{ kind: "raid.command", deviceGroup: "CAD_DG", fields: { command: "pairresync", side: null, instance: null, deviceGroupFrom: "line" } }] },
  // A command warned against is not run (only named, as advice names one).
  { text: "CHG-7781 reminder: do NOT run pairsplit -S -g dg_compta (we would lose the differential)", expect: [{ kind: "raid.command", deviceGroup: "dg_compta", fields: { command: "pairsplit", side: null, instance: null, deviceGroupFrom: "line" } }] },
  { text: "CHG-7781 rappel: NE PAS faire pairsplit -S -g dg_compta (on perdrait le differentiel)", expect: [{ kind: "raid.command", deviceGroup: "dg_compta", fields: { command: "pairsplit", side: null, instance: null, deviceGroupFrom: "line" } }] },
  { text: "Hinweis: NICHT pairsplit -S -g dg_compta ausfuehren", expect: [{ kind: "raid.command", deviceGroup: "dg_compta", fields: { command: "pairsplit", side: null, instance: null, deviceGroupFrom: "line" } }] },
  { text: "pairs not PAIR, pairsplit -g dg_compta -rw done", expect: [{ kind: "pair.split", deviceGroup: "dg_compta", fields: { option: "rw", outcome: "completed", deviceGroupFrom: "line" } }] },
  // A quoted command refused in its own sentence (round 79 #05): no resync; the command still names the group for output under it.
  { text: '  "pairresync -g fx_dg" from ldn-d1 to get protection back - I said no, not without', expect: [{ kind: "raid.command", deviceGroup: "fx_dg", fields: { command: "pairresync", side: null, instance: null, deviceGroupFrom: "line" } }] },
  { text: 'Ran "pairresync -g fx_dg -c 15" from ldn-d1 at 10:02, rejected with EX_CMDRJE', expect: [{ kind: "pair.resync", deviceGroup: "fx_dg", fields: { mode: "normal", outcome: "failed", deviceGroupFrom: "line" } }, { kind: "raid.error", deviceGroup: "fx_dg", fields: { code: "EX_CMDRJE", number: 221, command: "pairresync", deviceGroupFrom: "line" } }] },
  { text: "failback.sh: old primary must be resynced: pairresync -g oradg -c 15 -I0", expect: [{ kind: "pair.resync", deviceGroup: "oradg", fields: { mode: "normal", outcome: null, deviceGroupFrom: "line" } }, { kind: "raid.command", deviceGroup: "oradg", fields: { command: "pairresync", side: null, instance: 0, deviceGroupFrom: "line" } }] },
  { text: "After the links came back, pairresync -g CAD_DG completed", expect: [{ kind: "pair.resync", deviceGroup: "CAD_DG", fields: { mode: "normal", outcome: "completed", deviceGroupFrom: "line" } }] },
  {
    text: "bkp_sin: BACKUP FAILED - pairs left SPLIT for a manual rerun, run pairresync -g dg_sin -I9 when done",
    expect: [{ kind: "raid.command", deviceGroup: "dg_sin", fields: { command: "pairresync", side: null, instance: 9, deviceGroupFrom: "line" } }],
  },
  { text: "pairresync -g pkgA -c 15 -swaps completed", expect: [{ kind: "pair.resync", deviceGroup: "pkgA", fields: { mode: "swaps", outcome: "completed", deviceGroupFrom: "line" } }] },
  { text: "CMDLINE : pairresync -g INV_BC2 -restore -IM2", expect: [{ kind: "pair.resync", deviceGroup: "INV_BC2", fields: { mode: "restore", outcome: null, replication: "local", deviceGroupFrom: "line" } }, { kind: "raid.command", deviceGroup: "INV_BC2", fields: { command: "pairresync", side: null, instance: 2, replication: "local", deviceGroupFrom: "line" } }] },
  { text: "paircreate -g pkgA -f data -vl -c 15", expect: [
    { kind: "pair.create", deviceGroup: "pkgA", fields: { fence: "DATA", outcome: null, deviceGroupFrom: "line" } },
    { kind: "raid.command", deviceGroup: "pkgA", fields: { command: "paircreate", side: null, instance: null, deviceGroupFrom: "line" } },
  ] },
  { text: "pairsplit -g pkgA -rw", expect: [
    { kind: "pair.split", deviceGroup: "pkgA", fields: { option: "rw", outcome: null, deviceGroupFrom: "line" } },
    { kind: "raid.command", deviceGroup: "pkgA", fields: { command: "pairsplit", side: null, instance: null, deviceGroupFrom: "line" } },
  ] },
  { text: "AUTO_SVOLPSUE is 0, the package will not be started; create the FORCEFLAG file to override", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } },
    { kind: "mc.start.refused", fields: { exitCode: null } },
    { kind: "forceflag", fields: { present: false } },
  ] },
  { text: "cron[5012]: (oracle) CMD (/u01/scripts/purge_trc.sh) FAILED exit 1", expect: [] },
  { text: "backup job nightly_tar FAILED, exit 2", expect: [] },
  { text: "Do not start with exit 2", expect: [{ kind: "mc.start.refused", fields: { exitCode: 2 } }] },
  // Metrocluster's last line in a package log, its exit said in a verb form (round 26 #10).
  { text: "MC/CAXP A.10.00: exiting with 2 (package may be started on another node)", expect: [{ kind: "mc.start.refused", fields: { exitCode: 2 } }] },
  { text: "Package start check exited with code 1", expect: [{ kind: "mc.start.refused", fields: { exitCode: 1 } }] },
  { text: "Service payhub_mq in package payhub exited with 1", expect: [] },
  { text: "xpca.sh[20962]: horctakeover exit 2 (SVOL-takeover); local state SVOL_SSWS", expect: [
    { kind: "takeover", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null } },
    local("SVOL", "SSWS"),
  ] },
  { text: "stlchk: settle_dg PVOL_PSUE remote EX_ENORMT (pairvolchk -c rc=242)", expect: [
    { kind: "pair.state", deviceGroup: "settle_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "pair.unreachable", deviceGroup: "settle_dg", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "label" } },
    { kind: "raid.error", deviceGroup: "settle_dg", fields: { code: "EX_ENORMT", number: 242, command: "pairvolchk", deviceGroupFrom: "label" } },
  ] },
  { text: "Warning: the data on the SVOL may be non-current", expect: [{ kind: "mc.noncurrent", fields: {} }] },
  { text: "horcmstart.sh 0", expect: [{ kind: "horcm.started", fields: { instance: 0 } }] },
  { text: "horcmshutdown.sh 1", expect: [{ kind: "horcm.stopped", fields: { instance: 1 } }] },
  { text: "HORCM instance 0 is not running", expect: [{ kind: "horcm.error", fields: { instance: 0 } }] },
  // An error number after the words, no command named: that error's, not the instance's (round 72 #05).
  {
    text: 'Node "paysrv2": ERROR: Unable to get the local state of device group payroll_dg using HORCMINST=1 (rc=247).',
    expect: [{ kind: "raid.error", deviceGroup: "payroll_dg", fields: { code: "EX_ENOENT", number: 247, command: null, unknownName: true, deviceGroupFrom: "line" } }],
  },

  { text: "pairdisplay -g pkgA -I0: EX_ATTHOR", expect: [
    { kind: "raid.error", deviceGroup: "pkgA", fields: { code: "EX_ATTHOR", number: 251, command: "pairdisplay", deviceGroupFrom: "line" } },
    { kind: "horcm.error", fields: { instance: 0, code: "EX_ATTHOR", number: 251 } },
  ] },
  { text: "Continuous Access link failure detected", expect: [{ kind: "link.failure", fields: { link: "CA" } }] },
  { text: "CA link restored", expect: [{ kind: "link.restored", fields: { link: "CA" } }] },
  // What to verify after a failure, not the instance started (round 84 #06).
  { text: "ERROR: Check that the Raid Manager instance HORCMINST=0 is running on this node. The package will not be started (exit 1).", expect: [{ kind: "mc.start.refused", fields: { exitCode: 1 } }] },
  // A clause after "the device group" names none (round 83 #11: the refusal was read as group "after"'s).
  {
    text: "ERROR: Will not start the package. Resynchronize the device group after the cause of the suspension is fixed, or create the FORCEFLAG file to start it unprotected.",
    expect: [
      { kind: "mc.start.refused", fields: { exitCode: null } },
      { kind: "forceflag", fields: { present: false } },
      { kind: "mc.unprotected", fields: {} },
    ],
  },
  // An array's SNMP trap: the product's name and its path group, no remote side in COPY and no device group "0" (round 80 #07).
  { text: "XP8 S/N 831144: REMOTE COPY PATH BLOCKADE  port CL5-A -> S/N 831202 CL5-A (path group 0)", expect: [{ kind: "link.failure", fields: { link: "CA" } }] },
  { text: "XP8 S/N 831144: REMOTE COPY PATH RECOVERED port CL5-A (path group 0)", expect: [{ kind: "link.restored", fields: { link: "CA" } }] },
  { text: "oradg: remote COPY pair 45%", expect: [{ kind: "pair.state", fields: { side: "remote", role: null, state: "COPY", deviceGroupFrom: "label" }, deviceGroup: "oradg" }] },
  { text: "Starting the package on the PVOL side; device group oradg is not remotely protected.", expect: [{ kind: "mc.unprotected", deviceGroup: "oradg", fields: { deviceGroupFrom: "line" } }] },
  { text: "HORCM_CMD /dev/rdisk/disk48: command device I/O failed", expect: [{ kind: "horcm.error", fields: { instance: null, commandDevice: "/dev/rdisk/disk48" } }] },
  { text: "root: edited /etc/horcm0.conf on all nodes: LDEVs 01:40-01:4F added to group sapdg (CHG0042301)", expect: [{ kind: "horcm.config.changed", fields: { instance: 0 } }] },
  { text: "pairdisplay -g sapdg -I0 returned 251 (EX_ATTHOR): cannot attach to the HORC manager.", expect: [
    { kind: "raid.error", deviceGroup: "sapdg", fields: { code: "EX_ATTHOR", number: 251, command: "pairdisplay", deviceGroupFrom: "line" } },
    { kind: "horcm.error", fields: { instance: 0, code: "EX_ATTHOR", number: 251 } },
  ] },
  { text: "The configuration file /etc/horcm0.conf is newer than the running HORCM instance 0; restart it with horcmshutdown.sh 0 and horcmstart.sh 0.", expect: [{ kind: "horcm.config.changed", fields: { instance: 0 } }] },
  { text: "payrolldg: remote state available again: SVOL_PAIR. Device group back to normal.", expect: [
    { kind: "pair.state", deviceGroup: "payrolldg", fields: { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
  ] },
  { text: "Metrocluster cannot tell whether the pairs were in PAIR or in COPY state before they were suspended.", expect: [] },
  { text: "checking whether sapdg is in PAIR or COPY: local PVOL_PFUS, remote SVOL_PFUS", expect: [
    { kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PFUS" } },
    { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PFUS" } },
  ] },
  { text: "dgmon: oradg: local PVOL_PFUS, remote SVOL_PFUS - side file (journal) group 1 is full", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PFUS", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PFUS", deviceGroupFrom: "label" } },
  ] },
  { text: "pos_hq: device group posdg still not PAIR: local PVOL_PSUE, remote SVOL_PSUS", expect: [
    { kind: "pair.state", deviceGroup: "posdg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "posdg", fields: { side: "remote", role: "SVOL", state: "PSUS", deviceGroupFrom: "line" } },
  ] },
  { text: "Both arrays report SMPL for device group oradg; the pairs must be recreated.", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: null, state: "SMPL", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: null, state: "SMPL", deviceGroupFrom: "line" } },
  ] },
  // No state: "suspended until" is advice about the future; the line names the group and nothing else.
  { text: "Device group oradg stays suspended until the Continuous Access link is repaired.", expect: [{ kind: "mc.device.group", deviceGroup: "oradg", fields: { deviceGroupFrom: "line" } }] },
  { text: "mcstat: pairdisplay -g oradg -fc: 6 volumes SVOL_PAIR, 2 volumes SMPL (LDEV 00:6A, 00:6B)", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: null, state: "SMPL", deviceGroupFrom: "line" } },
  ] },
  { text: "Local state: SMPL, remote state: SMPL for device group oradg (PVOL_SMPL / SVOL_SMPL).", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "SMPL", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "SMPL", deviceGroupFrom: "line" } },
  ] },
  { text: "pairvolchk -g oradg -s returned PVOL_PSUE; pairvolchk -g oradg -c returned SVOL_PSUS.", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUS", deviceGroupFrom: "line" } },
  ] },
  { text: "pairvolchk -g oradg returned PVOL_PAIR", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } }] },
  { text: "pairvolchk -ss -g oradg: PVOL_PAIR", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } }] },
  { text: "pairvolchk for erpdg: PVOL_PSUE", expect: [{ kind: "pair.state", deviceGroup: "erpdg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } }] },
  { text: "pairvolchk for device group erpdg returned PVOL_PSUE", expect: [{ kind: "pair.state", deviceGroup: "erpdg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } }] },
  { text: "Nothing about replication here", expect: [] },
  { text: "CAXP: hr_dg (HORCMINST=0, FENCE=NEVER)", expect: [{ kind: "fence", deviceGroup: "hr_dg", fields: { level: "NEVER", deviceGroupFrom: "label" } }] },
  { text: "pairvolchk -g oradg -c -s", expect: [{ kind: "raid.command", deviceGroup: "oradg", fields: { command: "pairvolchk", side: "remote", instance: null, deviceGroupFrom: "line" } }] },
  { text: "bc_cycle: pairevtwait -g ps_bc -s pair -t 7200 -IM1", expect: [{ kind: "raid.command", deviceGroup: "ps_bc", fields: { command: "pairevtwait", side: null, instance: 1, waitFor: "PAIR", replication: "local", deviceGroupFrom: "line" } }] },
  { text: "Executing /HORCM/usr/bin/horctakeover -g oradg -S -t 360", expect: [{ kind: "raid.command", deviceGroup: "oradg", fields: { command: "horctakeover", side: null, instance: null, deviceGroupFrom: "line" } }] },
  { text: "pairvolchk -c -ss -g oradg returned 55", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "line" } }] },
  { text: "MC-XP: local erp_dg = SVOL_PAIR, remote erp_dg = EX_ENORMT", expect: [
    { kind: "pair.state", deviceGroup: "erp_dg", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.unreachable", deviceGroup: "erp_dg", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "line" } },
  ] },
  // A localised (French) package script: "Etat" is a heading, "groupe" introduces the group, "distant" is the remote side.
  { text: "Etat local SVOL_PAIR", expect: [{ kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PAIR" } }] },
  { text: "Metrocluster CA XP - groupe cpt_dg instance 0 : local SVOL_PAIR, distant PVOL_PAIR, fence NEVER", expect: [{ kind: "pair.state", deviceGroup: "cpt_dg", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } }, { kind: "pair.state", deviceGroup: "cpt_dg", fields: { side: "remote", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } }, { kind: "fence", deviceGroup: "cpt_dg", fields: { level: "NEVER", deviceGroupFrom: "line" } }] },
  // A pair monitor's "group volume (role) old -> new".
  { text: "tsy_dg tsy_d01 (P-VOL) PAIR -> PSUE", expect: [{ kind: "pair.state", deviceGroup: "tsy_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  // A monitor's event or severity word before the group tags the line (round 56 #16).
  { text: "CHANGE acctdg local P-VOL PSUE remote S-VOL PSUE", expect: [{ kind: "pair.state", deviceGroup: "acctdg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } }, { kind: "pair.state", deviceGroup: "acctdg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  { text: "WARNING: ordersdg local PVOL_PSUE remote SVOL_PSUE", expect: [{ kind: "pair.state", deviceGroup: "ordersdg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } }, { kind: "pair.state", deviceGroup: "ordersdg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  // A monitor script's tag before the group: "DRMonitor" names no group.
  { text: "DRMonitor: lg_data local SVOL_SSWS remote PVOL_PSUE", expect: [{ kind: "pair.state", deviceGroup: "lg_data", fields: { side: "local", role: "SVOL", state: "SSWS", deviceGroupFrom: "line" } }, { kind: "pair.state", deviceGroup: "lg_data", fields: { side: "remote", role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } }] },
  { text: "DRMonitor: lg_data changed to PVOL_COPY (remote SVOL_COPY)", expect: [{ kind: "pair.state", deviceGroup: "lg_data", fields: { side: null, role: "PVOL", state: "COPY", deviceGroupFrom: "label" } }, { kind: "pair.state", deviceGroup: "lg_data", fields: { side: "remote", role: "SVOL", state: "COPY", deviceGroupFrom: "label" } }] },
  { text: "oradg: local S-VOL SSUS", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "SVOL", state: "PSUS", deviceGroupFrom: "label" } }] },
  { text: "oradg: this side S-VOL PAIR, the other side P-VOL PSUE", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
  ] },
  { text: "oradg: the remote secondary volume is pair suspended-error", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  { text: "the local primary volume is suspended because the side file is full", expect: [local("PVOL", "PFUS")] },
  { text: "device group oradg: the pairs are simplex on both sides", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: null, state: "SMPL", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: null, state: "SMPL", deviceGroupFrom: "line" } },
  ] },
  { text: "the local volume is not synchronized", expect: [] },
  { text: "dg=oradg side=remote role=SVOL state=SSWS", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "SSWS", deviceGroupFrom: "line" } }] },
  { text: "dg=oradg local_state=SVOL_PAIR remote_state=EX_ENORMT", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.unreachable", deviceGroup: "oradg", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "line" } },
  ] },
  { text: "dg=oradg cmd=horctakeover rc=2", expect: [{ kind: "takeover", deviceGroup: "oradg", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null, deviceGroupFrom: "line" } }] },
  { text: "horctakeover -g oradg -S -t 360 in progress", expect: [{ kind: "takeover.waiting", deviceGroup: "oradg", fields: { deviceGroupFrom: "line" } }] },
  { text: "horctakeover -g oradg started, not yet done", expect: [{ kind: "takeover.waiting", deviceGroup: "oradg", fields: { deviceGroupFrom: "line" } }] },
  { text: "pairevtwait -g oradg -s pair -t 3600 returned 233", expect: [
    { kind: "pair.wait", deviceGroup: "oradg", fields: { outcome: "timeout", deviceGroupFrom: "line" } },
    { kind: "raid.error", deviceGroup: "oradg", fields: { code: "EX_EWSTOT", number: 233, command: "pairevtwait", deviceGroupFrom: "line" } },
  ] },
  { text: "journal group 2 is PJNF, 95% used", expect: [{ kind: "journal.state", fields: { journal: 2, mu: null, ctg: null, jnls: "PJNF", side: "PVOL", activePaths: null, usage: 95 } }] },
  { text: "Raid Manager instance 0 restarted", expect: [{ kind: "horcm.started", fields: { instance: 0 } }] },
  { text: "HORCMINST=2 started", expect: [{ kind: "horcm.started", fields: { instance: 2 } }] },
  { text: "Status of dg oradg on this node: SVOL_PSUS, peer: PVOL_PSUS", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "SVOL", state: "PSUS", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "PVOL", state: "PSUS", deviceGroupFrom: "line" } },
  ] },
  { text: "oradg: pairs are in split state on both arrays", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: null, state: "PSUS", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: null, state: "PSUS", deviceGroupFrom: "label" } },
  ] },
  { text: "The device group oradg is in the COPY state (42% copied)", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: null, state: "COPY", deviceGroupFrom: "line" } }] },
  { text: "The primary volumes are suspended due to a link failure", expect: [{ kind: "pair.state", fields: { side: null, role: "PVOL", state: "PSUE" } }] },
  { text: "raidvchkscan -v jnl 0", expect: [{ kind: "raid.command", fields: { command: "raidvchkscan", side: null, instance: null } }] },
  { text: "XP/CA: AUTO_SVOLPFUS is not set: leaving the secondary volumes read-only. Resynchronize, or create FORCEFLAG to start on them.", expect: [
    { kind: "mc.start.refused", fields: { exitCode: null } }, { kind: "forceflag", fields: { present: false } },
  ] },
  { text: "AUTO_NONCURDATA=0: keeping the S-VOLs write-protected, package not brought up", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 0 } }, { kind: "mc.start.refused", fields: { exitCode: null } },
  ] },
  { text: "FORCEFLAG absent, secondary volumes remain read only: package start abandoned", expect: [
    { kind: "forceflag", fields: { present: false } }, { kind: "mc.start.refused", fields: { exitCode: null } },
  ] },
  { text: "oradg: SVOL_PSUE, the package won't start here (AUTO_SVOLPSUE=0)", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "mc.start.refused", deviceGroup: "oradg", fields: { exitCode: null, deviceGroupFrom: "label" } },
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } },
  ] },
  { text: "DRCheck: rc_local=33 rc_remote=242 AUTO_NONCURDATA=0 FORCEFLAG=absent decision=NO_START exit=1", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 0 } }, { kind: "forceflag", fields: { present: false } },
    { kind: "mc.start.refused", deviceGroup: "DRCheck", fields: { exitCode: 1, deviceGroupFrom: "label" } },
  ] },
  { text: "mcxp: dg=oradg action=refuse", expect: [{ kind: "mc.start.refused", deviceGroup: "oradg", fields: { exitCode: null, deviceGroupFrom: "line" } }] },
  // After a bare "is" a plain word is said of the group, not its name (round 62 #12 read "lost" as the group).
  { text: "AUTO_FENCEDATA_SPLIT is 0: the package is not started at the primary site while the remote side of a fence DATA device group is lost.", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_FENCEDATA_SPLIT", value: 0 } }, { kind: "mc.start.refused", fields: { exitCode: null } },
    { kind: "fence", fields: { level: "DATA" } },
  ] },
  { text: "The device group is unreachable from this node, not starting the package", expect: [{ kind: "mc.start.refused", fields: { exitCode: null } }] },
  { text: "The device group is ora_dg, not starting the package", expect: [{ kind: "mc.start.refused", deviceGroup: "ora_dg", fields: { exitCode: null, deviceGroupFrom: "line" } }] },
  { text: "Device group name is payroll, not starting the package", expect: [{ kind: "mc.start.refused", deviceGroup: "payroll", fields: { exitCode: null, deviceGroupFrom: "line" } }] },
  { text: "No answer from the Raid Manager instance of the primary site; the state of the primary copies is unknown.", expect: [
    { kind: "pair.unreachable", fields: { side: "remote", code: "EX_ENORMT", number: null, role: "PVOL", codeFrom: "words" } },
  ] },
  // Not refusals: a part of the package that cannot start, a split that leaves the S-VOL read-only by design, a state.
  { text: "HORCM instance 0 cannot start: see horcm.log", expect: [{ kind: "horcm.error", fields: { instance: 0 } }] },
  { text: "horcmgr: HORCM inst 2 starts successfully.", expect: [{ kind: "horcm.started", fields: { instance: 2 } }] },
  { text: "Package pkg1 cannot start service srv1", expect: [] },
  // A tool tag with the group in brackets; digits in brackets are a PID, not a group.
  { text: "mcxp[pos_async] local PVOL_PSUE, remote SVOL_PSUS(SSWS)", expect: [
    { kind: "pair.state", deviceGroup: "pos_async", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "pos_async", fields: { side: "remote", role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
  ] },
  { text: "dgmon[1234] local SVOL_PAIR", expect: [local("SVOL", "PAIR")] },
  // A change note's headings are not groups (round 48 #11).
  { text: "Plan: rolling upgrade node by node, pairs stay PAIR.", expect: [{ kind: "pair.state", fields: { side: null, role: null, state: "PAIR" } }] },
  // A status script's line of groups, each the key of its own role and state (round 49 #01); a before/after key is not a group.
  { text: "kreg_dg=PVOL_PAIR mqh_dg=PVOL_PSUE nbat_dg=PVOL_PSUE", expect: [
    { kind: "pair.state", deviceGroup: "kreg_dg", fields: { side: null, role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "mqh_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "nbat_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "line" } },
  ] },
  // A leading tag in square brackets shaped like a group's name is the group; a package's tag is not (round 49 #20).
  { text: "[TRD_DG] local SVOL_PAIR remote EX_ENORMT fence ASYNC", expect: [
    { kind: "pair.state", deviceGroup: "TRD_DG", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "pair.unreachable", deviceGroup: "TRD_DG", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "TRD_DG", fields: { level: "ASYNC", deviceGroupFrom: "label" } },
  ] },
  { text: "[pos_pkg] local PVOL_PSUE", expect: [local("PVOL", "PSUE")] },
  { text: "[dgmon] local PVOL_PSUE", expect: [local("PVOL", "PSUE")] },
  // What is awaited or wanted is not a state; the other side's keyed state is the remote one (review).
  { text: "wait until kreg_dg=PVOL_PAIR before cmrunpkg", expect: [] },
  { text: "ca_mon: ora_dg=PVOL_PSUE after link failure", expect: [
    { kind: "pair.state", deviceGroup: "ora_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
  ] },
  { text: "ca_mon: trd_dg=SVOL_SSWS peer site down", expect: [
    { kind: "pair.state", deviceGroup: "trd_dg", fields: { side: null, role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
  ] },
  { text: "CHG4711 approved: pairresync tonight 22:00, success criterion kreg_dg=PVOL_PAIR", expect: [
    { kind: "pair.resync", fields: { mode: "normal", outcome: null } },
    { kind: "raid.command", fields: { command: "pairresync", side: null, instance: null } },
  ] },
  { text: "chk_ca: remote: trd_dg=SVOL_SSWS", expect: [
    { kind: "pair.state", deviceGroup: "trd_dg", fields: { side: "remote", role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
  ] },
  { text: "chk_ca: kreg_dg=PVOL_PSUE mqh_dg=PVOL_PSUE", expect: [
    { kind: "pair.state", deviceGroup: "kreg_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "mqh_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
  ] },
  // A product tag is not a group: the name after it is, when the line says its state or checks it.
  { text: "XPCA: local=PVOL_PSUE remote=SVOL_PSUE link=down", expect: [
    { kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PSUE" } },
    { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PSUE" } },
  ] },
  { text: "HORCM: local SVOL_PAIR", expect: [local("SVOL", "PAIR")] },
  { text: "Metrocluster: fin_xp is SMPL locally and remotely; no replication relationship exists. Package not started (exit 1).", expect: [
    { kind: "pair.state", deviceGroup: "fin_xp", fields: { side: "local", role: null, state: "SMPL", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "fin_xp", fields: { side: "remote", role: null, state: "SMPL", deviceGroupFrom: "label" } },
    { kind: "mc.start.refused", deviceGroup: "fin_xp", fields: { exitCode: 1, deviceGroupFrom: "label" } },
  ] },
  { text: "Metrocluster: data is current on both sites", expect: [] },
  { text: "Checking Continuous Access state of ord_sf (HORCMINST=5, fence ASYNC)", expect: [{ kind: "fence", deviceGroup: "ord_sf", fields: { level: "ASYNC", deviceGroupFrom: "line" } }] },
  { text: "Checking the state of replication (fence ASYNC)", expect: [{ kind: "fence", fields: { level: "ASYNC" } }] },
  { text: "crm_dg (inst 6): pairvolchk : Volstat is P-VOL.[status = PSUS fence = NEVER]", expect: [
    { kind: "pair.state", deviceGroup: "crm_dg", fields: { side: null, role: "PVOL", state: "PSUS", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "crm_dg", fields: { level: "NEVER", deviceGroupFrom: "label" } },
  ] },
  { text: "(MetroCluster XPCA) gl_db  local : pairvolchk : Volstat is S-VOL.[status = PAIR fence = NEVER]", expect: [
    { kind: "pair.state", deviceGroup: "gl_db", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "gl_db", fields: { level: "NEVER", deviceGroupFrom: "label" } },
  ] },
  { text: "gl_db is SVOL_PAIR, remote state unknown", expect: [{ kind: "pair.state", deviceGroup: "gl_db", fields: { side: null, role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } }] },
  // Raid Manager's command error log: the exit line says the command failed; its help text reports nothing.
  { text: "pairresync completed. Waiting for device group fin_dg to reach PAIR (pairevtwait -s pair -t 300).", expect: [
    { kind: "pair.resync", deviceGroup: "fin_dg", fields: { mode: null, outcome: "completed", deviceGroupFrom: "line" } },
  ] },
  { text: "09:14:37-5e2a1-20811- [pairresync][exit(235)]", expect: [
    { kind: "pair.resync", fields: { mode: null, outcome: "failed" } },
    { kind: "raid.error", fields: { code: "EX_EVOLCE", number: 235, command: "pairresync" } },
  ] },
  { text: "[Action]:Please confirm volume attributes (P-VOL/S-VOL/SMPL) of the both sides with pairdisplay.", expect: [] },
  { text: "weekly check bill_dg PVOL_PAIR/SVOL_PAIR fence NEVER, ok", expect: [
    { kind: "pair.state", deviceGroup: "bill_dg", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "bill_dg", fields: { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "bill_dg", fields: { level: "NEVER", deviceGroupFrom: "label" } },
  ] },
  { text: "AUTO_NONCURDATA is 0 - package not started. Set AUTO_NONCURDATA=1 or create FORCEFLAG to start anyway", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 0 } },
    { kind: "mc.start.refused", fields: { exitCode: null } },
    { kind: "forceflag", fields: { present: false } },
  ] },
  { text: "DR check (continental) for crm_dg, instance 9, fence NEVER", expect: [{ kind: "fence", deviceGroup: "crm_dg", fields: { level: "NEVER", deviceGroupFrom: "label" } }] },
  { text: "<MC-CA> tick_dg FENCE=ASYNC HORCMINST=4 HORCTIMEOUT=360", expect: [{ kind: "fence", deviceGroup: "tick_dg", fields: { level: "ASYNC", deviceGroupFrom: "label" } }] },
  { text: "tick_dg side file full, pair suspended: PVOL_PFUS / SVOL_PFUS", expect: [
    { kind: "pair.state", deviceGroup: "tick_dg", fields: { side: "local", role: "PVOL", state: "PFUS", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "tick_dg", fields: { side: "remote", role: "SVOL", state: "PFUS", deviceGroupFrom: "label" } },
  ] },
  { text: "whs_dg PVOL_PAIR side file 12% (threshold 70%), remote SVOL_PAIR", expect: [
    { kind: "pair.state", deviceGroup: "whs_dg", fields: { side: null, role: "PVOL", state: "PAIR", deviceGroupFrom: "label", percent: 12 } },
    { kind: "pair.state", deviceGroup: "whs_dg", fields: { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
  ] },
  { text: "Metrocluster CA: dev grp gis_dg  local: SVOL_PAIR  remote: EX_ENORMT", expect: [
    { kind: "pair.state", deviceGroup: "gis_dg", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.unreachable", deviceGroup: "gis_dg", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "line" } },
  ] },
  { text: "XPCA check gedcom_dg: local PVOL_PSUS   remote SVOL_SSWS", expect: [
    { kind: "pair.state", deviceGroup: "gedcom_dg", fields: { side: "local", role: "PVOL", state: "PSUS", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "gedcom_dg", fields: { side: "remote", role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
  ] },
  { text: "gedcom_dg local: S-VOL suspended, swapped (writes allowed) / remote: P-VOL suspended (split) fence=data", expect: [
    { kind: "pair.state", deviceGroup: "gedcom_dg", fields: { side: "local", role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "gedcom_dg", fields: { side: "remote", role: "PVOL", state: "PSUS", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "gedcom_dg", fields: { level: "DATA", deviceGroupFrom: "label" } },
  ] },
  { text: "MetroCluster/CA: pay_jnl local=SVOL_PAIR remote=PVOL_PSUE fence=ASYNC (journal)", expect: [
    { kind: "pair.state", deviceGroup: "pay_jnl", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "pair.state", deviceGroup: "pay_jnl", fields: { side: "remote", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "pay_jnl", fields: { level: "ASYNC", deviceGroupFrom: "label" } },
  ] },
  { text: "mc: horctakeover did not complete - see Raid Manager log for instance 9 - package not started", expect: [
    { kind: "takeover", fields: { ok: false, result: null, resultName: null, code: null, number: null } },
  ] },
  { text: "webdg fence NEVER, AUTO_SVOLPSUE=0", expect: [
    { kind: "fence", deviceGroup: "webdg", fields: { level: "NEVER", deviceGroupFrom: "label" } },
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } },
  ] },
  // Sides after their states; a state naming a side is no report.
  { text: "PVOL_PSUS local / SVOL_SSWS remote: the remote side was written while split", expect: [
    { kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PSUS" } },
    { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "SSWS" } },
  ] },
  { text: "PVOL_PSUE (local), SVOL_PSUS (remote)", expect: [
    { kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PSUE" } },
    { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PSUS" } },
  ] },
  { text: "The package will not start on this site. Resynchronize from the SSWS side first (or use FORCEFLAG).", expect: [
    { kind: "mc.start.refused", fields: { exitCode: null } }, { kind: "forceflag", fields: { present: false } },
  ] },
  // Two states joined by a slash: one per side, local first unless a label orders them.
  { text: "Both sides suspended on a full sidefile (SVOL_PFUS / PVOL_PFUS). AUTO_SVOLPFUS is 0 and there is no FORCEFLAG.", expect: [
    local("SVOL", "PFUS"), { kind: "pair.state", fields: { side: "remote", role: "PVOL", state: "PFUS" } },
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPFUS", value: 0 } }, { kind: "forceflag", fields: { present: false } },
  ] },
  { text: "remote/local: SVOL_PSUS / PVOL_PSUE", expect: [{ kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PSUS" } }, local("PVOL", "PSUE")] },
  { text: "PVOL_PSUE/EX_ENORMT", expect: [local("PVOL", "PSUE"), { kind: "pair.unreachable", fields: { side: "remote", code: "EX_ENORMT", number: 242 } }] },
  { text: "remote: SVOL_PSUS / PVOL_PSUE", expect: [
    { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PSUS" } }, { kind: "pair.state", fields: { side: "remote", role: "PVOL", state: "PSUE" } },
  ] },
  // Not refusals: a daemon or a unit not started, a package kept down by a Serviceguard switch (AUTO_RUN, AUTOSTART_CMCLD).
  { text: "horcm@2.service: Unit is disabled, not starting (preset changed by package update).", expect: [{ kind: "horcm.error", fields: { instance: 2 } }] },
  { text: "Cluster daemon not started on this node: AUTOSTART_CMCLD=0 in /etc/rc.config.d/cmcluster", expect: [] },
  { text: "Service bankcore_mon in package bankpkg failed (exit 1).", expect: [] },
  { text: "Halt script for package web failed with exit 1.", expect: [] },
  { text: "Package nomina was not halted cleanly on node mxsg01; it will not be started until the node is cleaned up.", expect: [] },
  // cmcld: no node may run the package (an earlier failure disabled them): not a refusal (serviceguard.ne: pkg.no.eligible.node).
  { text: "Package oms cannot be started: no node is available to run it.", expect: [] },
  { text: "Package pay_pkg will not be started: no eligible node left", expect: [] },
  // cmcld waiting on a package dependency: not a refusal (round 68 #03, #18), unless the line names a replication fact.
  { text: "Package ciPRD cannot be started on node hmx2: dependency dbPRD_up (dbPRD=up, same_node) is not met.", expect: [] },
  { text: "Package hrweb cannot be started on any node: dependency hrdb_up (hrdb=up, same_node) is met only on node hrx2, which is disabled for the package.", expect: [] },
  { text: "Package sap_ci will not start: its dependencies are not satisfied on node b2", expect: [] },
  { text: "Package sap_db cannot be started: dependency on the replication check failed, local SVOL_PSUE and AUTO_SVOLPSUE=0", expect: [
    { kind: "mc.start.refused", fields: { exitCode: null } },
    { kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PSUE" } },
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } },
  ] },
  // With a replication fact the same words are still the refusal.
  { text: "Package oms cannot be started: local SVOL_PSUE and AUTO_SVOLPSUE=0, no other node available", expect: [
    { kind: "mc.start.refused", fields: { exitCode: null } },
    { kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PSUE" } },
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } },
  ] },
  { text: "Package pkgA halted on nodeA1; it cannot be started on nodeB1: AUTO_SVOLPSUE=0", expect: [
    { kind: "mc.start.refused", fields: { exitCode: null } }, { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } },
  ] },
  { text: "Package payroll not started: AUTO_RUN is disabled after recovery (continental primary package)", expect: [] },
  { text: "cmclconfd not started: the node is not configured", expect: [] },
  { text: "automatic start on a split secondary copy is disabled in the package environment file; refusing here (exit 2)", expect: [{ kind: "mc.start.refused", fields: { exitCode: 2 } }] },
  // ...but a Metrocluster setting on the line makes it the refusal it is.
  { text: "Package payroll not started: AUTO_SVOLPSUE is disabled", expect: [{ kind: "mc.start.refused", fields: { exitCode: null } }] },
  { text: "S-VOL stays read-only until the start of the copy", expect: [] },
  { text: "Start denied (AUTO_NONCURDATA=0). Use FORCEFLAG only if the remote site is known to be down.", expect: [
    { kind: "mc.start.refused", fields: { exitCode: null } },
    { kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 0 } },
    { kind: "forceflag", fields: { present: false } },
  ] },
  // A package tag in square brackets before the group (round 12 #03).
  {
    text: "Device group monitor: local PVOL_PSUE (previously PVOL_PAIR), remote SVOL_PSUE (previously SVOL_PAIR)",
    expect: [
      { kind: "pair.state", fields: { side: "local", role: "PVOL", state: "PSUE" } },
      { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PSUE" } },
    ],
  },
  {
    text: "[mes_pkg] mes_dg status changed local=PVOL_PSUE remote=SVOL_PSUE fence=ASYNC (was PAIR)",
    expect: [
      { kind: "pair.state", deviceGroup: "mes_dg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
      { kind: "pair.state", deviceGroup: "mes_dg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } },
      { kind: "fence", deviceGroup: "mes_dg", fields: { level: "ASYNC", deviceGroupFrom: "label" } },
    ],
  },
  {
    text: "[mes_pkg] mes_dg still local=PVOL_PSUE remote=SVOL_PSUE",
    expect: [
      { kind: "pair.state", deviceGroup: "mes_dg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
      { kind: "pair.state", deviceGroup: "mes_dg", fields: { side: "remote", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } },
    ],
  },
  // A journal named by its JID, with no other journal word (round 19 #04).
  { text: "jnlchk: JID 004 PJNN usage 47% - back below the warning level", expect: [{ kind: "journal.state", fields: { journal: 4, mu: null, ctg: null, jnls: "PJNN", side: "PVOL", activePaths: null, usage: 47 } }] },
  // Raid Manager's group/pair-volume notation names the group and keeps the volume (round 58 #16, #18, #19).
  { text: "pair status change: hr_jdg/hr_v01 PAIR -> PSUE", expect: [
    { kind: "pair.state", deviceGroup: "hr_jdg", fields: { side: null, role: null, state: "PSUE", pairVolume: "hr_v01", deviceGroupFrom: "line" } },
  ] },
  // Two hosts named with a slash, not before a state, are no group: the line's own group stays.
  { text: "trddg: P-VOL PAIR -> PSUE, journal PJSE (link failure), remote nur-x1/nur-x2 not answering (EX_ENORMT)", expect: [
    { kind: "pair.state", deviceGroup: "trddg", fields: { side: "remote", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "journal.state", fields: { journal: null, mu: null, ctg: null, jnls: "PJSE", side: "PVOL", activePaths: null, usage: null } },
    { kind: "link.failure", fields: { link: "CA" } },
    { kind: "pair.unreachable", deviceGroup: "trddg", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "label" } },
  ] },
  // Not a notation of two words that are no identifiers: "read/write" names no group.
  { text: "S-VOL made read/write, state SSWS", expect: [{ kind: "pair.state", fields: { side: null, role: "SVOL", state: "SSWS" } }] },
  // A journal's id with its group in brackets: the journal's state and the pairs' are that group's (round 58 #04).
  { text: "JNL 004 (wms_jdg) JNLS=PJSF - journal full, pairs suspended (PFUS). Replication to site 2 stopped.", expect: [
    { kind: "journal.state", deviceGroup: "wms_jdg", fields: { journal: 4, mu: null, ctg: null, jnls: "PJSF", side: "PVOL", activePaths: null, usage: null, deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "wms_jdg", fields: { side: null, role: null, state: "PFUS", deviceGroupFrom: "line" } },
  ] },
  // "(CTG 4)" after a journal's id is its consistency group, not a device group.
  { text: "journal 004 (CTG 4) is PJNF, 85% used", expect: [{ kind: "journal.state", fields: { journal: 4, mu: null, ctg: null, jnls: "PJNF", side: "PVOL", activePaths: null, usage: 85 } }] },
  // During a copy the percent is the copy's progress, not the journal's use (round 70 #13).
  { text: "trd_dg P-VOL COPY ASYNC 58% JNL PJNN - resync running", expect: [
    { kind: "pair.state", deviceGroup: "trd_dg", fields: { side: null, role: "PVOL", state: "COPY", deviceGroupFrom: "label" } },
    { kind: "journal.state", fields: { journal: null, mu: null, ctg: null, jnls: "PJNN", side: "PVOL", activePaths: null, usage: null } },
  ] },
  // A group's consistency group (and journal) in Metrocluster's words: the groups of one CTG are taken over and
  // resynchronized together (round 58 #19).
  { text: "Device group pos_jdg: local SVOL_PAIR, remote PVOL_PAIR, FENCE=ASYNC (CTG 17, journal 027)", expect: [
    { kind: "pair.state", deviceGroup: "pos_jdg", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "pair.state", deviceGroup: "pos_jdg", fields: { side: "remote", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "fence", deviceGroup: "pos_jdg", fields: { level: "ASYNC", deviceGroupFrom: "line" } },
    { kind: "consistency.group", deviceGroup: "pos_jdg", fields: { ctg: 17, journal: 27, deviceGroupFrom: "line" } },
  ] },
  { text: "dgcheck: device group erp_jdg is in consistency group 3", expect: [
    { kind: "mc.device.group", deviceGroup: "erp_jdg", fields: { deviceGroupFrom: "line" } },
    { kind: "consistency.group", deviceGroup: "erp_jdg", fields: { ctg: 3, journal: null, deviceGroupFrom: "line" } },
  ] },
  { text: "device group hr_dg is not in CTG 4", expect: [{ kind: "mc.device.group", deviceGroup: "hr_dg", fields: { deviceGroupFrom: "line" } }] },
  {
    text: "dg_bi monitor: device group still not in PAIR state: local PVOL_PSUS, remote SVOL_PSUS (MON_NOTIFICATION_FREQUENCY=12)",
    expect: [
      { kind: "pair.state", deviceGroup: "dg_bi", fields: { side: "local", role: "PVOL", state: "PSUS", deviceGroupFrom: "label" } },
      { kind: "pair.state", deviceGroup: "dg_bi", fields: { side: "remote", role: "SVOL", state: "PSUS", deviceGroupFrom: "label" } },
    ],
  },
  // The group named on the line, not the table above it (round 20 #04).
  {
    text: "WARNING: dg_erp_arc not in PAIR state (PSUE) - mail sent to storage-oncall",
    expect: [{ kind: "pair.state", deviceGroup: "dg_erp_arc", fields: { side: null, role: null, state: "PSUE", deviceGroupFrom: "label" } }],
  },
  // A refusal FORCEFLAG overrode is no refusal: the start goes on (round 18 #06).
  {
    text: "AUTO_SVOLPSUE=0 would refuse this start (exit 2); continuing because of FORCEFLAG",
    expect: [{ kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } }, { kind: "forceflag", fields: { present: true } }],
  },
  {
    text: "repmon: lims_dg P-VOL PSUE fence=NEVER MINAP=0 -> remote copy NOT current",
    expect: [
      // No side named: the node's own volume (the model reads a state without a side as local), not the remote's.
      { kind: "pair.state", deviceGroup: "lims_dg", fields: { side: null, role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } },
      { kind: "fence", deviceGroup: "lims_dg", fields: { level: "NEVER", deviceGroupFrom: "label" } },
      { kind: "mc.noncurrent", deviceGroup: "lims_dg", fields: { deviceGroupFrom: "label" } },
    ],
  },
  { text: "oradg: replication check failed, refusing to start the package", expect: [{ kind: "mc.start.refused", deviceGroup: "oradg", fields: { exitCode: null, deviceGroupFrom: "label" } }] },
  { text: "this node holds the secondary copy; it is split (suspended by the operator, not by an error)", expect: [local("SVOL", "PSUS")] },
  { text: "hr_dg: the local volumes are primary and are now suspended due to error", expect: [{ kind: "pair.state", deviceGroup: "hr_dg", fields: { side: "local", role: "PVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  { text: "ora_ca: the secondary volumes were made writable on the Frankfurt array (takeover done)", expect: [
    { kind: "pair.state", deviceGroup: "ora_ca", fields: { side: null, role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
    { kind: "takeover", deviceGroup: "ora_ca", fields: { ok: true, result: null, resultName: null, code: null, number: null, deviceGroupFrom: "label" } },
  ] },
  { text: "the primary volume is writable", expect: [] },
  { text: "the primary array's Raid Manager does not answer, so the copy state cannot be determined", expect: [{ kind: "pair.unreachable", fields: { side: "remote", code: "EX_ENORMT", number: null, role: "PVOL", codeFrom: "words" } }] },
  { text: "oradg: the remote array does not respond on its command device", expect: [{ kind: "pair.unreachable", deviceGroup: "oradg", fields: { side: "remote", code: "EX_CMDIOE", number: null, codeFrom: "words", deviceGroupFrom: "label" } }] },
  { text: "the local Raid Manager instance is not responding", expect: [{ kind: "horcm.error", fields: { instance: null } }] },
  {
    text: "oradg: local PVOL_PAIR, remote SVOL_PAIR (checked by DRMonitorDG PAIR)",
    expect: [
      { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "label" } },
      { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PAIR", deviceGroupFrom: "label" } },
    ],
  },
  {
    text: "INC0098812: XP P9500 s/n 85144 back, CONTASDG P-VOL side PSUE, Campinas SSWS. Swap resync planned for the evening.",
    expect: [{ kind: "pair.state", deviceGroup: "CONTASDG", fields: { side: null, role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } }],
  },
  {
    text: "Device group findg (HORCMINST=3, FENCE=DATA): pairvolchk failed with EX_CMDIOE (237)",
    expect: [
      { kind: "fence", deviceGroup: "findg", fields: { level: "DATA", deviceGroupFrom: "line" } },
      { kind: "raid.error", deviceGroup: "findg", fields: { code: "EX_CMDIOE", number: 237, command: "pairvolchk", deviceGroupFrom: "line" } },
    ],
  },
  {
    text: "TRDG: remote device group state changed from SVOL_PAIR to EX_ENORMT (local PVOL_PAIR). Remote Raid Manager instance not responding.",
    expect: [
      { kind: "pair.unreachable", deviceGroup: "TRDG", fields: { side: "remote", code: "EX_ENORMT", number: 242, deviceGroupFrom: "label" } },
      { kind: "pair.state", deviceGroup: "TRDG", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "label" } },
    ],
  },
  { text: "mcstat: sapdg: the local secondary volume is pair suspended-error", expect: [{ kind: "pair.state", deviceGroup: "sapdg", fields: { side: "local", role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } }] },
  // A dry run's plan names commands it does not run (round 60 #15): no takeover, split, resync or FORCEFLAG.
  { text: "DRY-RUN step 2/7 would run: horctakeover -g TXN02 -I0   (on gbzsg1, expects swap-takeover)", expect: [] },
  { text: "DRY-RUN step 3/7 would run: pairsplit -g TXN02 -S   (ONLY if step 2 fails with EX_VOLCRE - DESTRUCTIVE, needs approval)", expect: [] },
  { text: "[noop] would execute: pairresync -g TXN02 -swaps -c 15", expect: [] },
  // A change's number or a step before a command tags the line; the name with a colon after the command is the group (round 69 #14, #17).
  { text: "CHG0077812 pairdisplay dgwms: L S-VOL SSWS, R", expect: [{ kind: "pair.state", deviceGroup: "dgwms", fields: { side: null, role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } }] },
  { text: "CHG0061230 step 4: pairdisplay dg_crm: local P-VOL COPY 2%", expect: [{ kind: "pair.state", deviceGroup: "dg_crm", fields: { side: "local", role: "PVOL", state: "COPY", deviceGroupFrom: "label" } }] },
  // A question about a command: nothing ran (round 69 #07). A file name's dot is no sentence's end.
  { text: "What is the correct way back to PAIR? Can we just run pairresync?", expect: [{ kind: "raid.command", fields: { command: "pairresync", side: null, instance: null } }] },
  { text: "Should we run pairsplit -g dgpay -S before the swap?", expect: [{ kind: "raid.command", deviceGroup: "dgpay", fields: { command: "pairsplit", side: null, instance: null, deviceGroupFrom: "line" } }] },
  { text: "plan check (simulate mode, no command is sent): rm -f /etc/cmcluster/pkg1/FORCEFLAG", expect: [] },
  // What a dry run's check read is kept: the check ran, only the plan's steps did not.
  {
    text: "DRY-RUN check: pairvolchk -g TXN02 -s (local) = SVOL_PAIR",
    expect: [{ kind: "pair.state", deviceGroup: "TXN02", fields: { side: "local", role: "SVOL", state: "PAIR", deviceGroupFrom: "line" } }],
  },
];
%}

@lexer lexer

body -> item:* %eol {% ([items]) => performedOnly(items, interpret(items)) %}

# One matcher for every kept token type (a 13-way `item -> %a | %b | ...` costs nearley 13 states per token).
item -> %anyToken {% id %}
