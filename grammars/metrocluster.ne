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
    autoName: /AUTO_[A-Z0-9_]+/,
    forceflag: /FORCEFLAG|[Ff]orce[ _]?[Ff]lag/,
    command: new RegExp(`(?:horctakeover|pairresync|paircreate|pairsplit|pairvolchk|pairdisplay|pairevtwait|raidvchkscan|horcctl|pairmon|raidscan)${END}`),
    horcmScript: new RegExp(`(?:horcmstart|horcmshutdown)(?:\\.sh)?${END}`),
    option: /-[A-Za-z]+\d*(?![A-Za-z0-9_-])/,
    number: /\d+(?:\.\d+)?(?![A-Za-z0-9_])/,
    word: /[A-Za-z0-9_\/](?:[A-Za-z0-9_.\/@-]*[A-Za-z0-9_\/@])?/,
    punct: { match: /[^]/, lineBreaks: true },
  }),
  {
    keep: ["takeoverName", "roleState", "role", "pairState", "exCode", "assignment", "autoName", "forceflag", "command", "horcmScript", "option", "number", "word"],
    drop: ["space", "punct"],
    endToken: true,
  },
);

type Token = SourcedToken;
// Every token the lexer keeps is an item; `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
type Scalar = string | number | boolean | null;
interface Draft { kind: string; deviceGroup?: string; fields: Record<string, Scalar> }

/** Raid Manager exit codes (reference.md §4.6). 202-220 follow the manual's listing order (202 and 205 verified). */
const EX_NUMBERS: Record<string, number> = {
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
// Codes that mean "the other side cannot be asked" when they describe the remote side.
const UNREACHABLE = new Set(["EX_ENORMT", "EX_CMDIOE"]);
// Codes that mean the local HORCM instance is not usable (Cinder's _HORCM_ERROR without EX_ENORMT).
const HORCM_CODES = new Set(["EX_ATTHOR", "EX_COMERR", "EX_ATTDBG"]);

const TAKEOVER_RESULTS = ["nop", "swap", "svol", "pvol-smpl", "pvol-psue", "svol-ssus"];
const FENCE_LEVELS = new Set(["DATA", "STATUS", "NEVER", "ASYNC"]);
// Words that may stand between a keyword and its value: "fence level is DATA", "AUTO_X set to 1".
const CONNECTORS = new Set(["is", "are", "=", "set", "to", "of", "level", "value", "now", "currently", "in", "the", "state", "status", "was", "has", "been", "a", "be"]);
const STATE_WORDS = new Set(["state", "status", "states", "statuses", "volstat", "report", "reports", "shows", "show", "volume", "volumes", "ldev", "ldevs"]);
const DEVICE_GROUP_STOP = new Set(["state", "status", "is", "are", "for", "of", "the", "in", "has", "was", "not", "on", "and", "name", "named", "to", "with", "from", "at"]);
const NEGATIONS = new Set(["no", "not", "absent", "missing", "without", "create", "cannot", "can't", "doesn't", "isn't"]);
const FAILURE_WORDS = new Set(["failed", "fail", "fails", "failure", "error", "errors", "unsuccessful", "aborted"]);
const SUCCESS_WORDS = new Set(["completed", "complete", "succeeded", "successful", "successfully", "success", "done", "finished"]);
const START_WORDS = new Set(["started", "starting", "start", "initiated", "issued", "executing", "running", "begin", "beginning", "issuing"]);
const CHANGE_WORDS = new Set(["edited", "changed", "modified", "updated", "replaced", "added", "removed", "newer"]);
// Words of advice: a command named after them is what to do, not what happened ("restart it with horcmstart.sh 0").
const ADVICE_WORDS = new Set(["restart", "should", "must", "please", "run", "use", "try"]);
const CONDITION_WORDS = new Set(["until", "when", "once", "after", "if", "unless", "before"]);
const LINK_FAILURE = new Set(["failure", "failed", "fail", "down", "lost", "broken", "disconnected", "unavailable", "error", "blocked"]);
const LINK_RESTORED = new Set(["restored", "recovered", "repaired", "up", "re-established", "reestablished", "back", "resumed"]);

function roleOf(text: string): "PVOL" | "SVOL" {
  return text.startsWith("P") ? "PVOL" : "SVOL";
}

/** "PVOL_PSUE", "P-VOL PSUE", "SVOL_PSUS(SSWS)" -> role and state. */
function splitRoleState(text: string): { role: "PVOL" | "SVOL"; state: string } {
  const role = roleOf(text);
  if (text.endsWith("(SSWS)")) return { role, state: "SSWS" };
  const match = new RegExp(`(${STATES})$`).exec(text);
  return { role, state: match ? match[1] : text };
}

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

/** Read the facts of one body from its typed tokens. */
function interpret(tokens: Token[]): Draft[] {
  const lower = tokens.map((token) => token.value.toLowerCase());
  const found: Found[] = [];
  const used = new Set<number>();
  const add = (position: number, kind: string, fields: Record<string, Scalar | undefined>, deviceGroup?: string): void => {
    if (fields.side === "both") {
      add(position, kind, { ...fields, side: "local" }, deviceGroup);
      add(position, kind, { ...fields, side: "remote" }, deviceGroup);
      return;
    }
    const kept: Record<string, Scalar> = {};
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) kept[key] = value;
    const event: Draft = { kind, fields: kept };
    if (deviceGroup !== undefined) event.deviceGroup = deviceGroup;
    found.push({ position, event });
  };
  const commands = tokens.filter((token) => token.type === "command").map((token) => token.value);
  const firstCommand = commands[0];
  const hasWord = (...words: string[]): boolean => words.some((word) => lower.includes(word));
  const options = new Set(tokens.filter((token) => token.type === "option").map((token) => token.value));

  /** The index of the first token after `index` that is not a connector word, within `reach` tokens. */
  const nextValue = (index: number, reach = 4): number => {
    for (let next = index + 1; next < tokens.length && next <= index + reach; next++) {
      if (tokens[next].type === "word" && CONNECTORS.has(lower[next])) continue;
      return next;
    }
    return -1;
  };
  const near = (index: number, words: Set<string>, before: number, after: number): boolean => {
    for (let other = Math.max(0, index - before); other <= Math.min(tokens.length - 1, index + after); other++) {
      if (other !== index && words.has(lower[other])) return true;
    }
    return false;
  };

  // Device group: the body's first "device group X", "dev_group X", "-g X", "DEVICE_GROUP=X", "group X".
  let deviceGroup: string | undefined;
  const pairdisplayRow = tokens.length >= 4 && tokens[0].type === "word" && tokens[1].type === "word" && (tokens[2].value === "L" || tokens[2].value === "R")
    && tokens.some((token) => token.type === "roleState");
  if (pairdisplayRow) deviceGroup = tokens[0].value;
  for (let index = 0; index < tokens.length && deviceGroup === undefined; index++) {
    const token = tokens[index];
    if (token.type === "assignment" && /^(?:DEVICE_GROUP|DEV_GROUP|dev_group|device_group)=/.test(token.value)) {
      deviceGroup = unquote(token.value.slice(token.value.indexOf("=") + 1)) || undefined;
      continue;
    }
    let keywordEnd = -1;
    if (token.type === "option" && token.value === "-g") keywordEnd = index;
    // "pairvolchk for erpdg: PVOL_PSUE": a Raid Manager command's object; "for device group X" is read at "device".
    else if (token.type === "command" && lower[index + 1] === "for" && tokens[index + 2]?.type === "word"
      && !["device", "dev_group", "device_group", "group", "the", "all", "each", "every"].includes(lower[index + 2])) keywordEnd = index + 1;
    else if (lower[index] === "dev_group" || lower[index] === "device_group" || lower[index] === "dev-group" || lower[index] === "device-group") keywordEnd = index;
    else if (lower[index] === "device" && lower[index + 1] === "group") keywordEnd = index + 1;
    else if (lower[index] === "group" && !["volume", "disk", "recovery", "resource", "consistency", "device"].includes(lower[index - 1] ?? "")) keywordEnd = index;
    if (keywordEnd < 0) continue;
    let candidate = keywordEnd + 1;
    while (candidate < tokens.length && (lower[candidate] === "name" || lower[candidate] === "is" || lower[candidate] === "named" || lower[candidate] === "called")) candidate++;
    const value = tokens[candidate];
    // "the device group is DATA": after "is" a fence level describes the group, it does not name it.
    const describes = candidate > keywordEnd + 1 && FENCE_LEVELS.has(value?.value ?? "");
    if (value && (value.type === "word" || value.type === "number") && !DEVICE_GROUP_STOP.has(lower[candidate]) && !describes) deviceGroup = value.value;
  }

  // Pair states, EX_ codes and the side they describe.
  let side: "local" | "remote" | "both" | null = null;
  const codesSeen = new Set<string>();
  const takeover = commands.includes("horctakeover") || tokens.some((token) => token.type === "takeoverName");
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (lower[index] === "local" || lower[index] === "remote") side = lower[index] as "local" | "remote";
    // "Both arrays report SMPL", "both sides PSUE": one fact about each side.
    if (lower[index] === "both" && ["arrays", "sides", "sites", "volumes"].includes(lower[index + 1] ?? "")) side = "both";
    if (pairdisplayRow && index === 2) side = token.value === "L" ? "local" : "remote";
    // "pairvolchk -g oradg -s returned PVOL_PSUE; pairvolchk -g oradg -c returned SVOL_PSUS": -s/-ss report
    // the local volume, -c the remote one, up to the next command.
    if (token.type === "command" && token.value === "pairvolchk") {
      let checks: "local" | "remote" | undefined;
      for (let next = index + 1; next < tokens.length && tokens[next].type !== "command"; next++) {
        if (tokens[next].type !== "option") continue;
        if (tokens[next].value === "-c") checks = "remote";
        else if ((tokens[next].value === "-s" || tokens[next].value === "-ss") && checks === undefined) checks = "local";
      }
      if (checks) side = checks;
    }
    if (used.has(index)) continue;
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
      if (pairdisplayRow) {
        const fence = tokens[index + 1]?.value.toUpperCase();
        if (fence && FENCE_LEVELS.has(fence)) {
          add(index + 1, "fence", { level: fence }, deviceGroup);
          used.add(index + 1);
        }
      }
    } else if (token.type === "role") {
      const next = nextValue(index, 3);
      if (next >= 0 && tokens[next].type === "pairState") {
        const state = tokens[next].value.endsWith("(SSWS)") ? "SSWS" : tokens[next].value;
        add(index, "pair.state", { side, role: roleOf(token.value), state }, deviceGroup);
        used.add(next);
      }
    } else if (token.type === "pairState") {
      if (token.value.endsWith("(SSWS)") || token.value === "SSWS") {
        add(index, "pair.state", { side, role: "SVOL", state: "SSWS" }, deviceGroup);
      } else if (near(index, STATE_WORDS, 3, 0) || (index > 0 && (lower[index - 1] === "local" || lower[index - 1] === "remote"))) {
        add(index, "pair.state", { side, role: null, state: token.value }, deviceGroup);
      }
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
        add(index, "raid.error", { code, number, command: firstCommand ?? null }, deviceGroup);
        if (HORCM_CODES.has(code)) add(index, "horcm.error", { instance: instanceOf(), code, number });
        if (takeover) add(index, "takeover", { ok: false, code, number, result: null, resultName: null }, deviceGroup);
      }
    }
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
    if (before === "returned" || before === "rc" || before === "return" || before === "exited") return true;
    if (before === "code" && (twoBefore === "error" || twoBefore === "exit" || twoBefore === "return" || twoBefore === "status")) return true;
    if (before === "status" && twoBefore === "exit") return true;
    if ((before === "with" || before === "of") && (twoBefore === "out" || twoBefore === "failed" || twoBefore === "exited" || twoBefore === "error")) return true;
    return false;
  }

  function instanceOf(): number | null {
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index];
      if (token.type === "assignment" && /^HORCMINST=/i.test(token.value)) {
        const value = Number(unquote(token.value.slice(token.value.indexOf("=") + 1)));
        if (Number.isInteger(value)) return value;
      }
      if (token.type === "option" && /^-I\d+$/.test(token.value)) return Number(token.value.slice(2));
      if ((lower[index] === "instance" || lower[index] === "horcminst" || token.type === "horcmScript") && tokens[index + 1]?.type === "number") {
        return Number(tokens[index + 1].value);
      }
      if (/^horcm\d+$/.test(lower[index])) return Number(lower[index].slice(5));
    }
    return null;
  }

  // Horctakeover results: a result name, or a number 0-5 after returned/result/exit/code/rc.
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
      } else if (token.type === "number" && /^[0-5]$/.test(token.value) && ["returned", "result", "exit", "code", "rc", "status", "with", "value"].includes(lower[index - 1] ?? "")) {
        result = Number(token.value);
        position = index;
      }
    }
    const failed = found.some((entry) => entry.event.kind === "takeover");
    if (!failed) {
      const at = position >= 0 ? position : tokens.findIndex((token) => token.value === "horctakeover");
      if (result !== null) {
        add(at, "takeover", { ok: true, result, resultName: TAKEOVER_RESULTS[result], code: null, number: null }, deviceGroup);
      } else if (hasWord(...FAILURE_WORDS)) {
        add(at, "takeover", { ok: false, result: null, resultName: null, code: null, number: null }, deviceGroup);
      } else if (hasWord(...SUCCESS_WORDS)) {
        add(at, "takeover", { ok: true, result: null, resultName: null, code: null, number: null }, deviceGroup);
      }
    }
  }

  const outcome = (): "started" | "completed" | "failed" | null => {
    if (hasWord(...FAILURE_WORDS) || tokens.some((token) => token.type === "exCode")) return "failed";
    if (hasWord(...SUCCESS_WORDS)) return "completed";
    if (hasWord(...START_WORDS)) return "started";
    return null;
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (token.type === "command" && token.value === "pairresync" && !found.some((entry) => entry.event.kind === "pair.resync")) {
      const mode = options.has("-swaps") || lower.includes("swaps") ? "swaps" : options.has("-swapp") || lower.includes("swapp") ? "swapp" : "normal";
      add(index, "pair.resync", { mode, outcome: outcome() }, deviceGroup);
    } else if (token.type === "command" && token.value === "paircreate" && !found.some((entry) => entry.event.kind === "pair.create")) {
      const fenceIndex = tokens.findIndex((other) => other.type === "option" && other.value === "-f");
      const fence = fenceIndex >= 0 ? tokens[fenceIndex + 1]?.value.toUpperCase() : undefined;
      add(index, "pair.create", { fence: fence && FENCE_LEVELS.has(fence) ? fence : null, outcome: outcome() }, deviceGroup);
    } else if (token.type === "command" && token.value === "pairsplit" && !found.some((entry) => entry.event.kind === "pair.split")) {
      const option = options.has("-S") ? "S" : options.has("-rw") ? "rw" : options.has("-R") ? "R" : null;
      add(index, "pair.split", { option, outcome: outcome() }, deviceGroup);
    } else if (lower[index] === "fence" || lower[index] === "fence_level") {
      const level = fenceLevelAfter(index);
      if (level) add(index, "fence", { level }, deviceGroup);
    } else if (token.type === "assignment") {
      const name = token.value.slice(0, token.value.indexOf("=")).toUpperCase();
      const value = unquote(token.value.slice(token.value.indexOf("=") + 1));
      if (name.startsWith("AUTO_") && (value === "0" || value === "1")) add(index, "auto.setting", { name, value: Number(value) });
      else if (name === "FENCE" && FENCE_LEVELS.has(value.toUpperCase())) add(index, "fence", { level: value.toUpperCase() }, deviceGroup);
      else if (name === "FORCEFLAG") add(index, "forceflag", { present: /^(?:yes|y|1|true|on|present)$/i.test(value) });
    } else if (token.type === "autoName") {
      const next = nextValue(index);
      if (next >= 0 && tokens[next].type === "number" && (tokens[next].value === "0" || tokens[next].value === "1")) {
        add(index, "auto.setting", { name: token.value, value: Number(tokens[next].value) });
      }
    } else if (token.type === "forceflag" || (token.type === "word" && token.value.endsWith("/FORCEFLAG"))) {
      add(index, "forceflag", { present: !near(index, NEGATIONS, 4, 3) });
    } else if ((token.type === "horcmScript" || (token.type === "word" && /\/horcm(?:start|shutdown)(?:\.sh)?$/.test(token.value))) && !lower.slice(0, index).some((word) => ADVICE_WORDS.has(word))) {
      const instance = tokens[index + 1]?.type === "number" ? Number(tokens[index + 1].value) : instanceOf();
      if (hasWord(...FAILURE_WORDS)) add(index, "horcm.error", { instance });
      else add(index, /horcmstart/.test(token.value) ? "horcm.started" : "horcm.stopped", { instance });
    } else if ((lower[index] === "horcm" || lower[index] === "raid") && !found.some((entry) => entry.event.kind.startsWith("horcm."))) {
      const problem = (lower.includes("not") && (lower.includes("running") || lower.includes("started") || lower.includes("responding")))
        || hasWord("cannot", "can't", "unable", "failed", "down", "dead");
      const instanceMentioned = lower[index + 1] === "instance" || lower.includes("instance") || tokens.some((other) => other.type === "assignment" && /^HORCMINST=/i.test(other.value));
      if (instanceMentioned && problem) add(index, "horcm.error", { instance: instanceOf() });
      else if (instanceMentioned && !hasWord(...ADVICE_WORDS) && (hasWord("started", "up") || lower.some((word, at) => word === "running" && ["is", "now"].includes(lower[at - 1] ?? "")))) add(index, "horcm.started", { instance: instanceOf() });
      else if (instanceMentioned && !hasWord(...ADVICE_WORDS) && hasWord("stopped", "shutdown", "shut")) add(index, "horcm.stopped", { instance: instanceOf() });
    }
  }

  // Refusals, non-current data, CA links: phrase-level facts.
  const refusalAt = findRefusal();
  if (refusalAt >= 0) {
    const exitIndex = lower.indexOf("exit");
    const exitCode = exitIndex >= 0 && (tokens[exitIndex + 1]?.value === "1" || tokens[exitIndex + 1]?.value === "2") ? Number(tokens[exitIndex + 1].value) : null;
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
  if (commandDeviceAt >= 0 && lower.some((word) => FAILURE_WORDS.has(word)) && !found.some((entry) => entry.event.kind === "horcm.error")) {
    const device = tokens.find((token) => token.type === "word" && token.value.startsWith("/dev/"));
    add(commandDeviceAt, "horcm.error", { instance: instanceOf(), commandDevice: device ? device.value : null });
  }
  // horcm<N>.conf edited: the instance reads it only at start (restart needed).
  const horcmConf = tokens.findIndex((token) => /(?:^|\/)horcm\d+\.conf$/.test(token.value));
  if (horcmConf >= 0 && lower.some((word) => CHANGE_WORDS.has(word))) {
    add(horcmConf, "horcm.config.changed", { instance: Number(/horcm(\d+)\.conf$/.exec(tokens[horcmConf].value)![1]) });
  }

  function findRefusal(): number {
    for (let index = 0; index < tokens.length; index++) {
      if (lower[index] === "not" && ["start", "started", "starting", "startup"].includes(lower[index + 1] ?? "")) return index;
      if (lower[index] === "not" && lower[index + 1] === "be" && lower[index + 2] === "started") return index;
      if (lower[index] === "exit" && (tokens[index + 1]?.value === "1" || tokens[index + 1]?.value === "2") && tokens[index + 1].type === "number") return index;
    }
    return -1;
  }

  found.sort((left, right) => left.position - right.position);
  return found.map((entry) => entry.event);
}

export const meta = {
  name: "metrocluster",
  role: "body",
  formats: ["syslog", "pkglog"],
  prefilter: /[PS]-?VOL|PAIR|PSU[SE]|SSUS|SSWS|SMPL|PF(?:UL|US)|PDUB|COPY|EX_[A-Z]|AUTO_|FORCEFLAG|[Ff]orce.?[Ff]lag|horctakeover|pair(?:resync|create|split|volchk|display|evtwait)|[Ff]ence|FENCE|HORCM|horcm|[Rr]aid [Mm]anager|protected|command device|[Nn]on-?current|not current|cannot be current|not (?:be )?start|exit [12]\b|[Ll]inks?\b|[Pp]aths?\b|(?:error|return|exit) code|returned \d|[Tt]akeover/,
  description: "Metrocluster / Continuous Access / Raid Manager facts read from tokens: pair states, EX_ codes, AUTO_ settings, fence, takeover, resync, HORCM",
};

const local = (role: string | null, state: string, deviceGroup?: string) => ({ kind: "pair.state", ...(deviceGroup ? { deviceGroup } : {}), fields: { side: "local", role, state } });

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "local device group state is SVOL_PSUE, remote state EX_ENORMT", expect: [local("SVOL", "PSUE"), { kind: "pair.unreachable", fields: { side: "remote", code: "EX_ENORMT", number: 242 } }] },
  { text: "Device group pkgA_dg: local P-VOL PSUE, remote S-VOL PAIR", expect: [local("PVOL", "PSUE", "pkgA_dg"), { kind: "pair.state", deviceGroup: "pkgA_dg", fields: { side: "remote", role: "SVOL", state: "PAIR" } }] },
  { text: "The state of dev_group pkgB is PSUS(SSWS)", expect: [{ kind: "pair.state", deviceGroup: "pkgB", fields: { side: null, role: "SVOL", state: "SSWS" } }] },
  { text: "pairvolchk -g pkgA -c returned 242", expect: [{ kind: "pair.unreachable", deviceGroup: "pkgA", fields: { side: "remote", code: "EX_ENORMT", number: 242 } }] },
  { text: "pairdisplay failed with EX_CMDRJE (221)", expect: [{ kind: "raid.error", fields: { code: "EX_CMDRJE", number: 221, command: "pairdisplay" } }] },
  { text: "fence level DATA", expect: [{ kind: "fence", fields: { level: "DATA" } }] },
  { text: "FENCE=NEVER", expect: [{ kind: "fence", fields: { level: "NEVER" } }] },
  { text: "AUTO_SVOLPSUE=0", expect: [{ kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } }] },
  { text: "AUTO_NONCURDATA is set to 1", expect: [{ kind: "auto.setting", fields: { name: "AUTO_NONCURDATA", value: 1 } }] },
  { text: "FORCEFLAG file found in /etc/cmcluster/pkgA, starting anyway", expect: [{ kind: "forceflag", fields: { present: true } }] },
  { text: "No FORCEFLAG file present", expect: [{ kind: "forceflag", fields: { present: false } }] },
  { text: "horctakeover -g pkgA -S returned 2 (SVOL-takeover)", expect: [{ kind: "takeover", deviceGroup: "pkgA", fields: { ok: true, result: 2, resultName: "svol", code: null, number: null } }] },
  { text: "horctakeover for device group pkgA failed with EX_VOLCRE (223)", expect: [
    { kind: "raid.error", deviceGroup: "pkgA", fields: { code: "EX_VOLCRE", number: 223, command: "horctakeover" } },
    { kind: "takeover", deviceGroup: "pkgA", fields: { ok: false, code: "EX_VOLCRE", number: 223, result: null, resultName: null } },
  ] },
  { text: "pairresync -g pkgA -c 15 -swaps completed", expect: [{ kind: "pair.resync", deviceGroup: "pkgA", fields: { mode: "swaps", outcome: "completed" } }] },
  { text: "paircreate -g pkgA -f data -vl -c 15", expect: [{ kind: "pair.create", deviceGroup: "pkgA", fields: { fence: "DATA", outcome: null } }] },
  { text: "pairsplit -g pkgA -rw", expect: [{ kind: "pair.split", deviceGroup: "pkgA", fields: { option: "rw", outcome: null } }] },
  { text: "AUTO_SVOLPSUE is 0, the package will not be started; create the FORCEFLAG file to override", expect: [
    { kind: "auto.setting", fields: { name: "AUTO_SVOLPSUE", value: 0 } },
    { kind: "mc.start.refused", fields: { exitCode: null } },
    { kind: "forceflag", fields: { present: false } },
  ] },
  { text: "Do not start with exit 2", expect: [{ kind: "mc.start.refused", fields: { exitCode: 2 } }] },
  { text: "Warning: the data on the SVOL may be non-current", expect: [{ kind: "mc.noncurrent", fields: {} }] },
  { text: "horcmstart.sh 0", expect: [{ kind: "horcm.started", fields: { instance: 0 } }] },
  { text: "horcmshutdown.sh 1", expect: [{ kind: "horcm.stopped", fields: { instance: 1 } }] },
  { text: "HORCM instance 0 is not running", expect: [{ kind: "horcm.error", fields: { instance: 0 } }] },
  { text: "pairdisplay -g pkgA -I0: EX_ATTHOR", expect: [
    { kind: "raid.error", deviceGroup: "pkgA", fields: { code: "EX_ATTHOR", number: 251, command: "pairdisplay" } },
    { kind: "horcm.error", fields: { instance: 0, code: "EX_ATTHOR", number: 251 } },
  ] },
  { text: "Continuous Access link failure detected", expect: [{ kind: "link.failure", fields: { link: "CA" } }] },
  { text: "CA link restored", expect: [{ kind: "link.restored", fields: { link: "CA" } }] },
  { text: "pkgB pkgD-disk0 L CL1-C 0 3 35422 463 P-VOL PAIR ASYNC 35 3 -", expect: [
    { kind: "pair.state", deviceGroup: "pkgB", fields: { side: "local", role: "PVOL", state: "PAIR" } },
    { kind: "fence", deviceGroup: "pkgB", fields: { level: "ASYNC" } },
  ] },
  { text: "Starting the package on the PVOL side; device group oradg is not remotely protected.", expect: [{ kind: "mc.unprotected", deviceGroup: "oradg", fields: {} }] },
  { text: "HORCM_CMD /dev/rdisk/disk48: command device I/O failed", expect: [{ kind: "horcm.error", fields: { instance: null, commandDevice: "/dev/rdisk/disk48" } }] },
  { text: "root: edited /etc/horcm0.conf on all nodes: LDEVs 01:40-01:4F added to group sapdg (CHG0042301)", expect: [{ kind: "horcm.config.changed", fields: { instance: 0 } }] },
  { text: "pairdisplay -g sapdg -I0 returned 251 (EX_ATTHOR): cannot attach to the HORC manager.", expect: [
    { kind: "raid.error", deviceGroup: "sapdg", fields: { code: "EX_ATTHOR", number: 251, command: "pairdisplay" } },
    { kind: "horcm.error", fields: { instance: 0, code: "EX_ATTHOR", number: 251 } },
  ] },
  { text: "The configuration file /etc/horcm0.conf is newer than the running HORCM instance 0; restart it with horcmshutdown.sh 0 and horcmstart.sh 0.", expect: [{ kind: "horcm.config.changed", fields: { instance: 0 } }] },
  { text: "Both arrays report SMPL for device group oradg; the pairs must be recreated.", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: null, state: "SMPL" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: null, state: "SMPL" } },
  ] },
  { text: "Device group oradg stays suspended until the Continuous Access link is repaired.", expect: [] },
  { text: "mcstat: pairdisplay -g oradg -fc: 6 volumes SVOL_PAIR, 2 volumes SMPL (LDEV 00:6A, 00:6B)", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: "SVOL", state: "PAIR" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: null, state: "SMPL" } },
  ] },
  { text: "Local state: SMPL, remote state: SMPL for device group oradg (PVOL_SMPL / SVOL_SMPL).", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "SMPL" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "SMPL" } },
  ] },
  { text: "pairvolchk -g oradg -s returned PVOL_PSUE; pairvolchk -g oradg -c returned SVOL_PSUS.", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PSUE" } },
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUS" } },
  ] },
  { text: "pairvolchk -ss -g oradg: PVOL_PAIR", expect: [{ kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PAIR" } }] },
  { text: "pairvolchk for erpdg: PVOL_PSUE", expect: [{ kind: "pair.state", deviceGroup: "erpdg", fields: { side: null, role: "PVOL", state: "PSUE" } }] },
  { text: "pairvolchk for device group erpdg returned PVOL_PSUE", expect: [{ kind: "pair.state", deviceGroup: "erpdg", fields: { side: null, role: "PVOL", state: "PSUE" } }] },
  { text: "Nothing about replication here", expect: [] },
];
%}

@lexer lexer

body -> item:* %eol {% ([items]) => interpret(items) %}

# One matcher for every kept token type (a 13-way `item -> %a | %b | ...` costs nearley 13 states per token).
item -> %anyToken {% id %}
