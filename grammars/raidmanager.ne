# Raid Manager (CCI / HORCM) output as the commands print it, read from syslog and package-log bodies
# (wrappers log it with `logger`, package scripts paste it under a step line or as bare lines).
# Unlike metrocluster.ne this grammar knows whole line layouts, so it is exclusive: a body it parses is
# its alone (see src/parse/body.ts). Layouts and their sources:
#   pairdisplay headers           `Group PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,%,P-LDEV# M`,
#                                 `Group PairVol L/R Port# TID LU Seq# LDEV# P/S Status Fence % P-LDEV# M` (-CLI),
#                                 `Group Seq#, LDEV# P/S,Status, Fence, %, P-LDEV# M CTG JID AP ...` (-fe)
#                                 recognised and skipped
#   pairdisplay rows, -CLI        `pkgB pkgD-disk0 L CL1-C 0 3 35422 463 P-VOL PAIR ASYNC 35 3 -` (DTHAC-2003 p.112);
#                                 -fd: `vg_test 9000 L sdb 541783 36864 P-VOL PAIR NEVER 100 36864 -` (opensvc tests)
#   pairdisplay rows, default     `oradb oradb1(L) (CL1-B , 1, 0) 30053 18..P-VOL PAIR NEVER ,30054 19 -`;
#                                 -fx prints the LDEV# in hex joined by one dot: `(CL8-F-8, 0,   5)811111  6001.P-VOL PSUS NEVER ,  100  6001 -`;
#                                 SMPL rows: `18..SMPL ---- ------,----- ----  -`; -fd: a device file instead of the port tuple
#   pairdisplay -fe (MC-LNX p.42) `oradb 30053 64 PVOL PAIR Never, 75 C8 - 1 0 2` (no side column)
#   pairvolchk                    `pairvolchk : Volstat is P-VOL.[status = PAIR fence = DATA ]`, `Volstat is SMPL.` (CCI MK-90RD011-25 p.194)
#   CCI errors                    `<command>: [EX_CMDIOE] Control command I/O error`, `Refer to the command log(...) for details.`,
#                                 `It was rejected due to SKEY=..., SSB=0x2E20,0x0000 on Serial#(540683)`
#   pairevtwait                   `pairevtwait : Wait status done.`
#   raidvchkscan -v jnl           `001 0 1 PJNN 4 21 43216fde 30 512345 62500 2 265` (MC-LNX p.42), its header skipped
#   horcmd's syslog notices       `[HORCM_102] Detected a suspending status on this paired volume.(Volume:vod_d01,MU#:0,Status:PSUE)`:
#                                 the daemon saw one of its pair volumes suspend (the volume's name, not its group).
#                                 Most often written with a suspend code and no status, `(Volume:ord00,code:0009)`, the
#                                 brackets or the colon after the message id left out: Raid Manager's error monitoring
#                                 of its pair volumes, which reports a pair suspended by failure, read as PSUE (an
#                                 assumption: the public documents give the id, not the codes)
#   horcmstart.sh / horcmctl -S   `HORCM inst 0 starts successfully.`, `HORCM inst 0 has already been running.`, `HORCM Shutdown inst 0 !!!`,
#                                 `failed in shutting HORCM inst 0 down` (the scripts' own echo lines)
# Columns are found by their token types, never by position, so any spacing reads the same.

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";
import { EX_NUMBERS, HORCM_CODES, LABEL_STOP, PAIR_STATUSES, raidErrorFields, TIMEOUT_CODES, UNREACHABLE } from "./metrocluster.js";

const STATE_WORDS = ["PAIR", "COPY", "RCPY", "PSUS", "SSUS", "PSUE", "PDUB", "PFUL", "PFUS", "SSWS"];
const FENCE_WORDS = ["NEVER", "DATA", "STATUS", "ASYNC", "Never", "Data", "Status", "Async", "never", "data", "async"];
// raidvchkscan JNLS: P(S)JNN normal, JSN suspended, JNF full, JSF suspended full, JSE suspended by error (MC-LNX p.42).
const JNLS_WORDS = ["PJNN", "PJNF", "PJSN", "PJSF", "PJSE", "PJES", "SJNN", "SJNF", "SJSN", "SJSF", "SJSE", "SJES"];
const COMMANDS = ["pairvolchk", "pairdisplay", "pairevtwait", "pairresync", "paircreate", "pairsplit", "horctakeover", "paircurchk",
  "pairmon", "raidscan", "raidvchkscan", "raidqry", "horcctl", "inqraid", "raidcom"];
// Commands about a pair: EX_ENORMT / EX_CMDIOE from them mean the other side did not answer.
const PAIR_COMMANDS = new Set(["pairvolchk", "pairdisplay", "pairevtwait", "pairresync", "paircreate", "pairsplit", "horctakeover", "paircurchk", "pairmon"]);

const lexer = filteredLexer(
  moo.compile({
    space: /[ \t]+/,
    pdHeader: /Group[ \t]+(?:PairVol|Seq#)[^\n]*/,
    jnlHeader: /JID[ \t]+MU[ \t]+CTG[ \t]+JNLS[^\n]*/,
    exCode: /\[[ \t]*EX_[A-Z]+[ \t]*\]/,
    lbracket: "[",
    rbracket: "]",
    pairVolSide: /[^\s(),\[\]:;=]+\([LR]\)/,
    paren: /\([^()\n]*\)/,
    ldevRole: /[0-9A-Fa-f]+(?::[0-9A-Fa-f]+)?\.\.?[PS]-VOL(?![A-Za-z0-9_])/,
    ldevSmpl: /[0-9A-Fa-f]+(?::[0-9A-Fa-f]+)?\.\.?SMPL(?![A-Za-z0-9_])/,
    role: /[PS]-?VOL(?![A-Za-z0-9_])/,
    option: /-[A-Za-z]+\d*(?![A-Za-z0-9_])/,
    dashes: /-+(?![A-Za-z0-9_])/,
    number: /\d+(?![A-Za-z0-9_.:\/#-])/,
    colon: ":",
    eq: "=",
    dot: ".",
    comma: ",",
    bang: /!+/,
    semi: ";",
    word: {
      match: /[^\s,:=\[\]()!;.]+(?:\.[^\s,:=\[\]()!;.]+)*/,
      type: moo.keywords({ state: STATE_WORDS, smpl: "SMPL", fence: FENCE_WORDS, jnls: JNLS_WORDS, cmd: COMMANDS, volstat: "Volstat" }),
    },
    other: { match: /[^]/, lineBreaks: true },
  }),
  {
    keep: ["pdHeader", "jnlHeader", "exCode", "lbracket", "rbracket", "pairVolSide", "paren", "ldevRole", "ldevSmpl", "role", "option", "dashes",
      "number", "colon", "eq", "dot", "bang", "semi", "state", "smpl", "fence", "jnls", "cmd", "volstat", "word", "other"],
    drop: ["space", "comma"],
    endToken: true,
  },
);

type Token = SourcedToken;
var anyToken = { test: isRealToken };
type Scalar = string | number | boolean | null;
interface Draft { kind: string; deviceGroup?: string; fields: Record<string, Scalar> }

function draft(kind: string, fields: Record<string, Scalar>, deviceGroup?: string, from?: string): Draft {
  if (deviceGroup === undefined) return { kind, fields };
  return { kind, deviceGroup, fields: { ...fields, deviceGroupFrom: from ?? "line" } };
}

function roleOf(text: string): "PVOL" | "SVOL" {
  return text.replace(/^[0-9A-Fa-f:]+\.\.?/, "").startsWith("P") ? "PVOL" : "SVOL";
}

/** pairdisplay prints an S-VOL in PSUS as SSUS (CCI MK-90RD011-25 p.199): the state pairvolchk and Metrocluster name PSUS. */
function stateOf(role: string | null, state: string): string {
  return role === "SVOL" && state === "SSUS" ? "PSUS" : state;
}

function numberOf(token: Token | undefined | null): number | null {
  return token && token.type === "number" ? Number(token.value) : null;
}

/** `-g oradg -c -I0` after a command: the group, the side it asks about, the instance. */
interface Invocation { command: string; deviceGroup?: string; side: "local" | "remote" | null; instance: number | null; waitFor?: string; arguments?: boolean }

function invocation(command: Token, args: Token[]): Invocation {
  const found: Invocation = { command: command.value, side: null, instance: null };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg.type !== "option") continue;
    if (["-g", "-d", "-s", "-ss"].includes(arg.value)) found.arguments = true;
    if (arg.value === "-g" && args[index + 1] && args[index + 1].type !== "option") found.deviceGroup = args[index + 1].value;
    else if (arg.value === "-c") found.side = "remote";
    else if (/^-I[A-Z]*\d+$/.test(arg.value)) found.instance = Number(/\d+$/.exec(arg.value)![0]);
    // pairevtwait -s pair: the status it waits for (RM-UG pairevtwait), which "Wait status done" says was reached.
    // Several statuses ("-s pair psue"): "Wait status done." says one of them was reached, not which.
    if (found.command === "pairevtwait" && arg.value === "-s" && args[index + 1] !== undefined && PAIR_STATUSES.has(args[index + 1].value.toUpperCase())) {
      const several = args[index + 2] !== undefined && PAIR_STATUSES.has(args[index + 2].value.toUpperCase());
      if (!several) found.waitFor = args[index + 1].value.toUpperCase();
    }
  }
  // pairvolchk checks the local volume unless -c asks the remote host (RM UG, pairvolchk: "-c ... reports the volume
  // attribute of the remote host"; -s/-ss only add the pair status). Shown with its -g/-d and without -c, its answer is
  // the local volume of the node that ran it. Its bare output prefix ("pairvolchk :") is the same with -c, so no side then.
  if (found.command === "pairvolchk" && found.side === null && found.arguments) found.side = "local";
  delete found.arguments;
  return found;
}

/** A pairdisplay row: the Group column names the group; (L)/(R) or the L/R column the side. */
function pairRow(group: Token, idents: Token[], volume: Token[], tail: Token[], reject: object): Draft[] | object {
  // ">> pkg_takeover_dg tkv01(L) ...", "| oradg oradg1(L) ...": a wrapper's marker before the row; the Group column follows
  // it (round 53 #13: ">>" read as the group).
  if (!/[A-Za-z0-9_]/.test(group.value)) {
    if (idents.length === 0 || idents[0].type !== "word" || !/[A-Za-z0-9_]/.test(idents[0].value)) return reject;
    group = idents[0];
    idents = idents.slice(1);
  }
  let side: "local" | "remote" | null = null;
  let pairVolume: string | null = null;
  let numbers = 0;
  for (const token of idents) {
    if (token.type === "pairVolSide") {
      side = token.value.endsWith("(L)") ? "local" : "remote";
      pairVolume = token.value.slice(0, -3);
    } else if (token.type === "word" && (token.value === "L" || token.value === "R") && side === null) {
      side = token.value === "L" ? "local" : "remote";
    } else if (token.type === "number") {
      numbers++;
    }
  }
  // A row has a side column, or at least the Seq# and LDEV# columns (-fe): prose with a role and a state has neither.
  if (side === null && numbers < 2) return reject;
  if (pairVolume === null && side !== null) {
    const sideAt = idents.findIndex((token) => token.type === "word" && (token.value === "L" || token.value === "R"));
    if (sideAt > 0) pairVolume = idents[sideAt - 1].value;
  }
  const [head, statusToken] = volume;
  let role: string | null = null;
  let state: string;
  let ldev: string | null = null;
  if (head.type === "ldevRole" || head.type === "ldevSmpl") ldev = /^[0-9A-Fa-f:]+/.exec(head.value)![0];
  // -CLI: the LDEV# column before P/S (hex with -fx).
  else if (idents.length > 0 && /^[0-9A-Fa-f]+$/.test(idents[idents.length - 1].value)) ldev = idents[idents.length - 1].value;
  if (head.type === "ldevSmpl" || head.type === "smpl") {
    state = "SMPL";
  } else {
    role = roleOf(head.value);
    state = stateOf(role, statusToken.value);
  }
  const fenceToken = tail[0]?.type === "fence" ? tail[0] : null;
  const afterFence = fenceToken ? tail[1] : tail[0];
  // The % column (-fc): copy progress in COPY, side file use in ASYNC PAIR. Without -fc the partner's Seq# stands there.
  const percent = afterFence?.type === "number" && Number(afterFence.value) <= 100 && fenceToken !== null ? Number(afterFence.value) : null;
  // Business Copy (ShadowImage) rows have no fence column, an LU-M column (the mirror unit after the LU: "0-0"), and
  // the partner's Seq# after the comma is the volume's own array: a copy inside one array, not a Continuous Access pair
  // ("(CL5-A-1, 0, 0-0 )61230 2200.P-VOL PSUS,61230 2300 W"; the S-VOL row shows "-----" there).
  const ownSerial = [...idents].reverse().find((token) => token.type === "number" && /^\d{5,6}$/.test(token.value))?.value;
  const sameArray = ownSerial !== undefined && tail[0]?.type === "number" && tail[0].value === ownSerial;
  const mirrorUnit = idents.some((token) => token.type === "paren" && /,\s*\d+-\d+\s*\)$/.test(token.value));
  const local = fenceToken === null && (sameArray || mirrorUnit);
  const fields = { side, role, state, percent, pairVolume, ldev, ...(local ? { replication: "local" } : {}) };
  const events: Draft[] = [draft("pair.state", fields, group.value, "table")];
  if (fenceToken) events.push(draft("fence", { level: fenceToken.value.toUpperCase() }, group.value, "table"));
  // -fe / -fcxe add CTG and JID after the M column (MC-LNX p.42: "Fence, %, P-LDEV# M CTG JID AP EM E-Seq# E-LDEV#"):
  // after the fence, the %/Seq#, P-LDEV# and M columns, then the consistency group and the journal. A CTG of "-" (a
  // pair in no consistency group, GAD) or a row without those columns (-fc, -fcx; "W" after M) says nothing.
  const ctg = fenceToken ? tail[4] : undefined;
  const jid = fenceToken ? tail[5] : undefined;
  if (ctg?.type === "number" && tail[3]?.type !== undefined && ["dashes", "number"].includes(tail[3].type) && (jid === undefined || ["dashes", "number"].includes(jid.type))) {
    events.push(draft("consistency.group", { ctg: Number(ctg.value), journal: jid?.type === "number" ? Number(jid.value) : null }, group.value, "table"));
  }
  return events;
}

/** horcmd noticed a pair volume of its instance suspend: this node's view of that volume, named by volume, not group. */
function horcmdSuspending(code: Token, details: Token, reject: object): Draft[] | object {
  if (!/^HORCM_\d+$/.test(code.value)) return reject;
  // "Volume:payora_d01[CL5-B,0,21]": the name ends at its port in brackets.
  const volume = /Volume:\s*([^,\s)\[]+)/.exec(details.value);
  const status = /Status:\s*([A-Z]+)/.exec(details.value);
  const suspendCode = /\bcode:\s*([0-9A-Fa-fx]+)/.exec(details.value);
  // No status, a suspend code: the error monitoring's report of a pair suspended by failure.
  const state = status ? status[1] : suspendCode ? "PSUE" : null;
  if (state === null || !(STATE_WORDS.includes(state) || state === "SMPL")) return reject;
  const suspend = suspendCode && !status ? { suspendCode: suspendCode[1] } : {};
  return [draft("pair.state", { side: "local", role: null, state, pairVolume: volume ? volume[1] : null, ...suspend })];
}

function volstatEvents(prefix: { invocation: Invocation }, attribute: Token, items: Array<[Token, Token]>): Draft[] {
  const { invocation: call } = prefix;
  const values = new Map(items.map(([key, value]) => [key.value.toLowerCase(), value]));
  const role = attribute.type === "role" ? roleOf(attribute.value) : null;
  const status = values.get("status");
  const state = attribute.type === "smpl" ? "SMPL" : status && (status.type === "state" || status.type === "smpl") ? stateOf(role, status.value) : null;
  const events: Draft[] = [];
  if (state !== null) events.push(draft("pair.state", { side: call.side, role, state }, call.deviceGroup));
  const fence = values.get("fence");
  if (fence && fence.type === "fence") events.push(draft("fence", { level: fence.value.toUpperCase() }, call.deviceGroup));
  // "[status = PAIR fence = ASYNC CTGID = 2]": the group's consistency group, when the command named the group.
  const ctgid = values.get("ctgid");
  if (ctgid && ctgid.type === "number" && call.deviceGroup !== undefined) events.push(draft("consistency.group", { ctg: Number(ctgid.value), journal: null }, call.deviceGroup));
  return events;
}

function cciError(prefix: { invocation: Invocation }, code: Token, rest: Token[]): Draft[] {
  const { invocation: call } = prefix;
  const name = /EX_[A-Z]+/.exec(code.value)![0];
  const number = EX_NUMBERS[name] ?? null;
  const text = rest.length > 0 ? rest[0].source.slice(rest[0].offset).trim() : null;
  const events: Draft[] = [draft("raid.error", { ...raidErrorFields(name, number, call.command), text }, call.deviceGroup)];
  if (UNREACHABLE.has(name) && PAIR_COMMANDS.has(call.command)) {
    events.push(draft("pair.unreachable", { side: "remote", code: name, number, command: call.command }, call.deviceGroup));
  }
  if (HORCM_CODES.has(name)) events.push({ kind: "horcm.error", fields: { instance: call.instance, code: name, number } });
  if (call.command === "horctakeover") events.push(draft("takeover", { ok: false, code: name, number, result: null, resultName: null }, call.deviceGroup));
  if (call.command === "pairevtwait" && TIMEOUT_CODES.has(name)) events.push(draft("pair.wait", { outcome: "timeout" }, call.deviceGroup));
  return events;
}

function waitResult(prefix: { invocation: Invocation }, words: Token[]): Draft[] {
  const said = words.map((word) => word.value.toLowerCase()).join(" ");
  const outcome = /done|complete/.test(said) ? "done" : /time ?out|timed out/.test(said) ? "timeout" : /fail|error/.test(said) ? "failed" : null;
  const waitFor = prefix.invocation.waitFor;
  return outcome === null ? [] : [draft("pair.wait", waitFor ? { outcome, waitFor } : { outcome }, prefix.invocation.deviceGroup)];
}

/** "oradg: pairvolchk : Volstat is ...": the label names the group; "local:" / "remote:" name the side instead, and a tag ("note:") neither. */
function labelled(label: Token, events: Draft[]): Draft[] {
  const word = label.value.toLowerCase();
  if (word === "local" || word === "remote") {
    return events.map((event) => (event.kind === "pair.state" && event.fields.side === null ? { ...event, fields: { ...event.fields, side: word } } : event));
  }
  if (LABEL_STOP.has(word)) return events;
  return events.map((event) => (event.deviceGroup !== undefined || event.kind === "horcm.error" ? event : draft(event.kind, event.fields, label.value, "label")));
}

/**
"fx_dg    -c : pairvolchk : Volstat is S-VOL.[status = SSWS ...]": a check script's group and the pairvolchk option it ran,
as its label (round 79 #05: an hourly check of both sides, its states read as no group's). -s asks this node's volume,
-c the remote one: the state's side.
*/
function optionLabelled(label: Token, option: Token, events: Draft[]): Draft[] {
  const side = option.value === "-s" ? "local" : option.value === "-c" ? "remote" : null;
  const sided = side === null ? events : events.map((event) => (event.kind === "pair.state" && event.fields.side === null ? { ...event, fields: { ...event.fields, side } } : event));
  return labelled(label, sided);
}

function journalRow(jid: Token, mu: Token, ctg: Token, jnls: Token, ap: Token, usage: Token, rest: Token[]): Draft[] {
  const state = jnls.value;
  // After U(%): Q-Marker, Q-CNT, D-SZ(BLK), Seq#, Num, LDEV# (RM-UG raidvchkscan -v jnl): the journal's size in blocks,
  // what grows when a journal volume is added (round 47 #18).
  const size = rest.length >= 5 && /^\d+$/.test(rest[2].value) ? Number(rest[2].value) : null;
  return [{
    kind: "journal.state",
    fields: {
      journal: Number(jid.value), mu: numberOf(mu), ctg: numberOf(ctg), jnls: state, side: state === "SMPL" ? null : state.startsWith("P") ? "PVOL" : "SVOL",
      activePaths: numberOf(ap), usage: numberOf(usage), size,
    },
  }];
}

const instanceOf = (token: Token | null | undefined): number | null => numberOf(token);

export const meta = {
  name: "raidmanager",
  role: "body",
  formats: ["syslog", "pkglog", "cmdlog"],
  exclusive: true,
  prefilter: /Group[ \t]+(?:PairVol|Seq#)|JID[ \t]+MU|[0-9A-Fa-f]\.\.?(?:[PS]-VOL|SMPL)|[PS]-?VOL[ \t]+[A-Z]{4}|SMPL[ \t]|Volstat|\[[ \t]*EX_|Wait status|HORCM|horcmgr|horcctl|Refer to the command log|rejected due to|[PS]J[NES][NFSE][ \t]/,
  groupScoped: ["pair.state", "pair.unreachable", "raid.error", "raid.error.detail", "fence", "takeover", "takeover.waiting", "pair.wait", "horcm.error"],
  description: "Raid Manager's own output layouts: pairdisplay tables (-fc, -fcx, -fd, -fe, -CLI), pairvolchk, CCI errors, pairevtwait, raidvchkscan -v jnl, horcmstart/horcmshutdown messages",
};

const row = (side: string, role: string | null, state: string, extra: Record<string, Scalar>, group = "oradg") => ({ kind: "pair.state", deviceGroup: group, fields: { side, role, state, deviceGroupFrom: "table", ...extra } });
const fenceOf = (level: string, group = "oradg") => ({ kind: "fence", deviceGroup: group, fields: { level, deviceGroupFrom: "table" } });

export const samples: Array<{ text: string; expect: unknown }> = [
  // A check script's group and pairvolchk option as its label: -s this node's volume, -c the remote one (round 79 #05).
  { text: "fx_dg    -s : pairvolchk : Volstat is P-VOL.[status = PAIR fence = DATA MINAP = 4]", expect: [
    { kind: "pair.state", deviceGroup: "fx_dg", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "fx_dg", fields: { level: "DATA", deviceGroupFrom: "label" } },
  ] },
  { text: "fx_dg    -c : pairvolchk : Volstat is S-VOL.[status = SSWS fence = DATA]", expect: [
    { kind: "pair.state", deviceGroup: "fx_dg", fields: { side: "remote", role: "SVOL", state: "SSWS", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "fx_dg", fields: { level: "DATA", deviceGroupFrom: "label" } },
  ] },
  { text: "Group PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence, %,P-LDEV# M", expect: [] },
  { text: "Group PairVol L/R Port# TID LU Seq# LDEV# P/S Status Fence % P-LDEV# M", expect: [] },
  { text: "Group Seq#, LDEV# P/S,Status, Fence, %, P-LDEV# M CTG JID AP EM E-Seq# E-LDEV#", expect: [] },
  { text: "JID MU CTG JNLS AP U(%) Q-Marker Q-CNT D-SZ(BLK) Seq# Nnm LDEV#", expect: [] },
  { text: "pkgB pkgD-disk0 L CL1-C 0 3 35422 463 P-VOL PAIR ASYNC 35 3 -", expect: [
    row("local", "PVOL", "PAIR", { percent: 35, pairVolume: "pkgD-disk0", ldev: "463" }, "pkgB"), fenceOf("ASYNC", "pkgB"),
  ] },
  { text: "pkgB pkgD-disk0 R CL1-F 0 3 35663 3 S-VOL PAIR ASYNC 0 463 -", expect: [
    row("remote", "SVOL", "PAIR", { percent: 0, pairVolume: "pkgD-disk0", ldev: "3" }, "pkgB"), fenceOf("ASYNC", "pkgB"),
  ] },
  { text: "vg_test 9000 L       sdb            541783 36864 P-VOL PAIR NEVER    100 36864 -", expect: [
    row("local", "PVOL", "PAIR", { percent: 100, pairVolume: "9000", ldev: "36864" }, "vg_test"), fenceOf("NEVER", "vg_test"),
  ] },
  { text: "CACHK: dg-nfs.home home01(L)    (CL5-A-2,  0,  17)91244 0a11.P-VOL COPY NEVER ,   99  0b11 -", expect: [
    row("local", "PVOL", "COPY", { percent: 99, pairVolume: "home01", ldev: "0a11" }, "dg-nfs.home"), fenceOf("NEVER", "dg-nfs.home"),
  ] },
  { text: ">> pkg_takeover_dg tkv01(L)     (CL1-L-0,  0,   2)58001 0900.P-VOL PAIR DATA  ,58002  0a00 -  (1 of 4 shown, all 4 PAIR)", expect: [
    row("local", "PVOL", "PAIR", { percent: null, pairVolume: "tkv01", ldev: "0900" }, "pkg_takeover_dg"), fenceOf("DATA", "pkg_takeover_dg"),
  ] },
  { text: "oradb oradb1(L) (CL1-B , 1, 0) 30053 18..P-VOL PAIR NEVER ,30054 19 -", expect: [
    row("local", "PVOL", "PAIR", { percent: null, pairVolume: "oradb1", ldev: "18" }, "oradb"), fenceOf("NEVER", "oradb"),
  ] },
  { text: "HDID    GAD_TEST_HA(R) (CL8-F-12, 0,   5)822222  6001.S-VOL SSWS NEVER ,  100  6001 -   -   0  4  -            -       - L/L -  D  N D   3 -", expect: [
    row("remote", "SVOL", "SSWS", { percent: 100, pairVolume: "GAD_TEST_HA", ldev: "6001" }, "HDID"), fenceOf("NEVER", "HDID"),
  ] },
  { text: "oradg   oradg_d1(L)  (CL1-C-0, 0,   3)35422   1cf.S-VOL SSUS NEVER ,  100   1d0 -", expect: [
    row("local", "SVOL", "PSUS", { percent: 100, pairVolume: "oradg_d1", ldev: "1cf" }), fenceOf("NEVER"),
  ] },
  { text: "oradg   oradg_d2(R)  (CL1-F-0, 0,   4)35663   4.SMPL ---- ------,----- ----  -", expect: [
    row("remote", null, "SMPL", { percent: null, pairVolume: "oradg_d2", ldev: "4" }),
  ] },
  { text: "oradg oradg_d2(L) (CL1-C , 0, 4) 35422 465..SMPL ---- ------,----- ----  -", expect: [
    row("local", null, "SMPL", { percent: null, pairVolume: "oradg_d2", ldev: "465" }),
  ] },
  { text: "oradg oradg_d1 R CL1-F 0 3 35663 3 SMPL - - - - -", expect: [row("remote", null, "SMPL", { percent: null, pairVolume: "oradg_d1", ldev: "3" })] },
  { text: "oradg oradg_d1(L) c4t0d3 35422 463..P-VOL COPY NEVER ,45 3 -", expect: [
    row("local", "PVOL", "COPY", { percent: 45, pairVolume: "oradg_d1", ldev: "463" }), fenceOf("NEVER"),
  ] },
  { text: "oradb 30053 64 PVOL PAIR Never, 75 C8 - 1 0 2", expect: [
    { kind: "pair.state", deviceGroup: "oradb", fields: { side: null, role: "PVOL", state: "PAIR", percent: 75, pairVolume: null, ldev: "64", deviceGroupFrom: "table" } },
    fenceOf("NEVER", "oradb"),
    { kind: "consistency.group", deviceGroup: "oradb", fields: { ctg: 1, journal: 0, deviceGroupFrom: "table" } },
  ] },
  // -fcxe: CTG and JID after the M column; groups sharing a consistency group are taken over and resynchronized together.
  { text: "pos_jdg pos_v01(L)   (CL3-A-0, 0,   0)63100   110.S-VOL SSWS ASYNC , 100   510  -   17  027   -  -            -       -  W", expect: [
    row("local", "SVOL", "SSWS", { percent: 100, pairVolume: "pos_v01", ldev: "110" }, "pos_jdg"), fenceOf("ASYNC", "pos_jdg"),
    { kind: "consistency.group", deviceGroup: "pos_jdg", fields: { ctg: 17, journal: 27, deviceGroupFrom: "table" } },
  ] },
  // -fcx (no CTG column): "W" after M is the R/W column, no consistency group.
  { text: "hrdg hr01(L) (CL1-A-0, 0, 1)63100 120.P-VOL PAIR ASYNC , 100 520 - W", expect: [
    row("local", "PVOL", "PAIR", { percent: 100, pairVolume: "hr01", ldev: "120" }, "hrdg"), fenceOf("ASYNC", "hrdg"),
  ] },
  { text: "pairvolchk : Volstat is P-VOL.[status = PAIR fence = DATA ]", expect: [
    { kind: "pair.state", fields: { side: null, role: "PVOL", state: "PAIR" } }, { kind: "fence", fields: { level: "DATA" } },
  ] },
  { text: "pairvolchk : Volstat is P-VOL.[status = PAIR fence = ASYNC CTGID = 2]", expect: [
    { kind: "pair.state", fields: { side: null, role: "PVOL", state: "PAIR" } }, { kind: "fence", fields: { level: "ASYNC" } },
  ] },
  { text: "pairvolchk -g ord_jdg : Volstat is P-VOL.[status = PAIR fence = ASYNC CTGID = 2]", expect: [
    { kind: "pair.state", deviceGroup: "ord_jdg", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "fence", deviceGroup: "ord_jdg", fields: { level: "ASYNC", deviceGroupFrom: "line" } },
    { kind: "consistency.group", deviceGroup: "ord_jdg", fields: { ctg: 2, journal: null, deviceGroupFrom: "line" } },
  ] },
  { text: "pairvolchk : Volstat is SMPL.", expect: [{ kind: "pair.state", fields: { side: null, role: null, state: "SMPL" } }] },
  { text: "pairvolchk -g oradg -c : Volstat is S-VOL.[status = SSUS fence = NEVER]", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "remote", role: "SVOL", state: "PSUS", deviceGroupFrom: "line" } },
    { kind: "fence", deviceGroup: "oradg", fields: { level: "NEVER", deviceGroupFrom: "line" } },
  ] },
  { text: "pairvolchk -g oradg : Volstat is P-VOL.[status = PAIR fence = NEVER]", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: "local", role: "PVOL", state: "PAIR", deviceGroupFrom: "line" } },
    { kind: "fence", deviceGroup: "oradg", fields: { level: "NEVER", deviceGroupFrom: "line" } },
  ] },
  { text: "pairvolchk -d oradg_d1 -ss: Volstat is S-VOL.[status = PSUE fence = NEVER]", expect: [
    { kind: "pair.state", fields: { side: "local", role: "SVOL", state: "PSUE" } }, { kind: "fence", fields: { level: "NEVER" } },
  ] },
  { text: "remote: pairvolchk : Volstat is S-VOL.[status = PSUE fence = NEVER ]", expect: [
    { kind: "pair.state", fields: { side: "remote", role: "SVOL", state: "PSUE" } },
    { kind: "fence", fields: { level: "NEVER" } },
  ] },
  { text: "oradg: pairvolchk : Volstat is S-VOL.[status = PSUE fence = NEVER]", expect: [
    { kind: "pair.state", deviceGroup: "oradg", fields: { side: null, role: "SVOL", state: "PSUE", deviceGroupFrom: "label" } },
    { kind: "fence", deviceGroup: "oradg", fields: { level: "NEVER", deviceGroupFrom: "label" } },
  ] },
  { text: "pairvolchk: [EX_ENORMT] No remote host alive for remote commands, or Remote Raid Manager might be blocked (sleeping) on an existing I/O.", expect: [
    { kind: "raid.error", fields: { code: "EX_ENORMT", number: 242, command: "pairvolchk", text: "No remote host alive for remote commands, or Remote Raid Manager might be blocked (sleeping) on an existing I/O." } },
    { kind: "pair.unreachable", fields: { side: "remote", code: "EX_ENORMT", number: 242, command: "pairvolchk" } },
  ] },
  { text: "pairdisplay: [EX_ENOGRP] No such group", expect: [
    { kind: "raid.error", fields: { code: "EX_ENOGRP", number: 239, command: "pairdisplay", unknownName: true, text: "No such group" } },
  ] },
  { text: "raidcom: [EX_CMDIOE] Control command I/O error", expect: [
    { kind: "raid.error", fields: { code: "EX_CMDIOE", number: 237, command: "raidcom", text: "Control command I/O error" } },
  ] },
  { text: "pairdisplay -g oradg -I0: [EX_ATTHOR] Can't be attached to HORC manager", expect: [
    { kind: "raid.error", deviceGroup: "oradg", fields: { code: "EX_ATTHOR", number: 251, command: "pairdisplay", text: "Can't be attached to HORC manager", deviceGroupFrom: "line" } },
    { kind: "horcm.error", fields: { instance: 0, code: "EX_ATTHOR", number: 251 } },
  ] },
  { text: "horctakeover: [EX_EWSTOT] Timeout waiting for specified status", expect: [
    { kind: "raid.error", fields: { code: "EX_EWSTOT", number: 233, command: "horctakeover", text: "Timeout waiting for specified status" } },
    { kind: "takeover", fields: { ok: false, code: "EX_EWSTOT", number: 233, result: null, resultName: null } },
  ] },
  { text: "pairevtwait: [EX_EWSTOT] Timeout waiting for specified status", expect: [
    { kind: "raid.error", fields: { code: "EX_EWSTOT", number: 233, command: "pairevtwait", text: "Timeout waiting for specified status" } },
    { kind: "pair.wait", fields: { outcome: "timeout" } },
  ] },
  { text: "Refer to the command log(/HORCM/log0/horcc_nodeB1.log) for details.", expect: [{ kind: "raid.error.detail", fields: { log: "/HORCM/log0/horcc_nodeB1.log", ssb: null, serial: null } }] },
  { text: "It was rejected due to SKEY=0x05, ASC=0x26, ASCQ=0x00, SSB=0x2E20,0x0000 on Serial#(540683)", expect: [{ kind: "raid.error.detail", fields: { log: null, ssb: "0x2E20,0x0000", serial: 540683 } }] },
  { text: "pairevtwait : Wait status done.", expect: [{ kind: "pair.wait", fields: { outcome: "done" } }] },
  { text: "pairevtwait -g oradg -s pair: Wait status done.", expect: [{ kind: "pair.wait", deviceGroup: "oradg", fields: { outcome: "done", waitFor: "PAIR", deviceGroupFrom: "line" } }] },
  // Business Copy rows (LU-M, no fence, the partner on the same array): a copy inside one array.
  { text: "trade_bc0 trd_00(L)   (CL5-A-1, 0,  0-0 )61230  2200.P-VOL PSUS,61230  2300 W", expect: [
    { kind: "pair.state", deviceGroup: "trade_bc0", fields: { side: "local", role: "PVOL", state: "PSUS", percent: null, pairVolume: "trd_00", ldev: "2200", replication: "local", deviceGroupFrom: "table" } },
  ] },
  { text: "trade_bc0 trd_00(R)   (CL6-A-1, 0, 40-0 )61230  2300.S-VOL SSUS,-----  2200 -", expect: [
    { kind: "pair.state", deviceGroup: "trade_bc0", fields: { side: "remote", role: "SVOL", state: "PSUS", percent: null, pairVolume: "trd_00", ldev: "2300", replication: "local", deviceGroupFrom: "table" } },
  ] },
  { text: "001 0 1 PJNN 4 21 43216fde 30 512345 62500 2 265", expect: [{ kind: "journal.state", fields: { journal: 1, mu: 0, ctg: 1, jnls: "PJNN", side: "PVOL", activePaths: 4, usage: 21, size: 512345 } }] },
  { text: "006 - - SMPL - - - - 512345 62500 1 278", expect: [{ kind: "journal.state", fields: { journal: 6, mu: null, ctg: null, jnls: "SMPL", side: null, activePaths: null, usage: null, size: 512345 } }] },
  { text: "starting HORCM inst 0", expect: [{ kind: "horcm.starting", fields: { instance: 0 } }] },
  { text: "HORCM inst 0 starts successfully.", expect: [{ kind: "horcm.started", fields: { instance: 0 } }] },
  { text: "HORCM inst 1 has already been running.", expect: [{ kind: "horcm.running", fields: { instance: 1 } }] },
  { text: "HORCM inst 0 has failed to start.", expect: [{ kind: "horcm.error", fields: { instance: 0 } }] },
  { text: "HORCM inst 0 is not able to create any child-processes.", expect: [{ kind: "horcm.error", fields: { instance: 0 } }] },
  { text: "HORCM inst 0 finished successfully.", expect: [{ kind: "horcm.stopped", fields: { instance: 0 } }] },
  { text: "HORCM inst 0 has catched a signal.", expect: [{ kind: "horcm.error", fields: { instance: 0 } }] },
  {
    text: "[HORCM_102] Detected a suspending status on this paired volume.(Volume:vod_d01,MU#:0,Status:PSUE)",
    expect: [{ kind: "pair.state", fields: { side: "local", role: null, state: "PSUE", pairVolume: "vod_d01" } }],
  },
  {
    text: "[HORCM_102] Detected a suspending status on this paired volume. (Volume: lims-d.02, MU#: 1, Status: PSUS)",
    expect: [{ kind: "pair.state", fields: { side: "local", role: null, state: "PSUS", pairVolume: "lims-d.02" } }],
  },
  {
    text: "[HORCM_102] Detected a suspending status on this paired volume (Volume:ordhub_d06,code:0009).",
    expect: [{ kind: "pair.state", fields: { side: "local", role: null, state: "PSUE", pairVolume: "ordhub_d06", suspendCode: "0009" } }],
  },
  {
    text: "[HORCM_102 Detected a suspending status on this paired volume. (Volume:cbdg_d00,code:0009)",
    expect: [{ kind: "pair.state", fields: { side: "local", role: null, state: "PSUE", pairVolume: "cbdg_d00", suspendCode: "0009" } }],
  },
  {
    text: "HORCM_102 Detected a suspending status on this paired volume (Volume:ord00,code:0005)",
    expect: [{ kind: "pair.state", fields: { side: "local", role: null, state: "PSUE", pairVolume: "ord00", suspendCode: "0005" } }],
  },
  { text: "HORCM starts successfully.", expect: [{ kind: "horcm.started", fields: { instance: null } }] },
  { text: "HORCM Shutdown inst 0 !!!", expect: [{ kind: "horcm.stopped", fields: { instance: 0 } }] },
  { text: "failed in shutting HORCM inst 2 down", expect: [{ kind: "horcm.error", fields: { instance: 2 } }] },
  { text: "/etc/horcmgr has catched a signal.", expect: [{ kind: "horcm.error", fields: { instance: null } }] },
];
%}

@lexer lexer

line -> content %eol {% ([events]) => events %}

content -> %pdHeader                                   {% () => [] %}
         | %jnlHeader                                  {% () => [] %}
         | pairRow                                     {% id %}
         | jnlRow                                      {% id %}
         | cciLine                                     {% id %}
         | %word %colon cciLine                        {% ([label, , events]) => labelled(label, events) %}
         | %word %option %colon cciLine                {% ([label, option, , events]) => optionLabelled(label, option, events) %}
         # "CACHK: dg-nfs.home home01(L) (CL5-A-2, 0, 17)91244 0a11.P-VOL PAIR NEVER , 100 0b11 -": a wrapper's tag before a
         # pairdisplay row it logs (logger -t root "CACHK: $row"); the row's own Group column names the group (round 53 #09).
         | %word %colon pairRow                        {% ([, , events]) => events %}
         | horcmLine                                   {% id %}
         | horcmdNotice                                {% id %}
         | detailLine                                  {% id %}

# ---- pairdisplay rows ------------------------------------------------------------------------
pairRow -> %word rowIdent:* rowVolume anyTok:*         {% ([group, idents, volume, tail], _, reject) => pairRow(group, idents, volume, tail, reject) %}
rowIdent -> %word {% id %} | %number {% id %} | %pairVolSide {% id %} | %paren {% id %} | %dashes {% id %}
rowVolume -> %ldevRole rowState                        {% ([head, state]) => [head, state] %}
           | %role rowState                            {% ([head, state]) => [head, state] %}
           | %ldevSmpl                                 {% ([head]) => [head] %}
           | %smpl                                     {% ([head]) => [head] %}
rowState -> %state {% id %} | %smpl {% id %}

# ---- raidvchkscan -v jnl ---------------------------------------------------------------------
jnlRow -> %number numOrDash numOrDash jnlState numOrDash numOrDash anyTok:*
  {% ([jid, mu, ctg, jnls, ap, usage, rest]) => journalRow(jid, mu, ctg, jnls, ap, usage, rest) %}
numOrDash -> %number {% id %} | %dashes {% id %}
jnlState -> %jnls {% id %} | %smpl {% id %}

# ---- pairvolchk, CCI errors, pairevtwait -----------------------------------------------------
cciLine -> cmdPrefix %volstat "is" volAttr %dot:? statusBlock:?   {% ([prefix, , , attribute, , items]) => volstatEvents(prefix, attribute, items ?? []) %}
         | cmdPrefix %exCode anyTok:*                              {% ([prefix, code, rest]) => cciError(prefix, code, rest) %}
         | cmdPrefix "Wait" "status" %word:+ %dot:?                {% ([prefix, , , words]) => waitResult(prefix, words) %}
cmdPrefix -> %cmd cmdArg:* %colon                      {% ([command, args]) => ({ invocation: invocation(command, args) }) %}
cmdArg -> %option {% id %} | %word {% id %} | %number {% id %} | %state {% id %} | %smpl {% id %}
volAttr -> %role {% id %} | %smpl {% id %}
statusBlock -> %lbracket statusItem:* %rbracket        {% ([, items]) => items %}
statusItem -> %word %eq statusValue                    {% ([key, , value]) => [key, value] %}
statusValue -> %state {% id %} | %smpl {% id %} | %fence {% id %} | %number {% id %} | %word {% id %}

# ---- horcmstart.sh / horcmshutdown.sh (horcctl -S) -------------------------------------------
horcmLine -> "starting" "HORCM" inst:?                 {% ([, , instance]) => [{ kind: "horcm.starting", fields: { instance: instanceOf(instance) } }] %}
           | "HORCM" inst:? horcmOutcome               {% ([, instance, kind]) => [{ kind, fields: { instance: instanceOf(instance) } }] %}
           | "HORCM" "daemon" caughtSignal             {% () => [{ kind: "horcm.error", fields: { instance: null } }] %}
           | "HORCM" "Shutdown" inst %bang:?           {% ([, , instance]) => [{ kind: "horcm.stopped", fields: { instance: instanceOf(instance) } }] %}
           | "failed" "in" "shutting" "HORCM" inst:? "down" {% ([, , , , instance]) => [{ kind: "horcm.error", fields: { instance: instanceOf(instance) } }] %}
           | "Not" "exist" %word                       {% () => [{ kind: "horcm.error", fields: { instance: null } }] %}
           | "/etc/horcmgr" caughtSignal                {% () => [{ kind: "horcm.error", fields: { instance: null } }] %}
inst -> "inst" %number                                 {% ([, number]) => number %}
horcmOutcome -> "starts" "successfully" %dot:?         {% () => "horcm.started" %}
              | "has" "already" "been" "running" %dot:? {% () => "horcm.running" %}
              | "is" "not" "able" anyTok:*             {% () => "horcm.error" %}
              | "has" "failed" "to" "start" %dot:?     {% () => "horcm.error" %}
              | "finished" "successfully" %dot:?       {% () => "horcm.stopped" %}
              | caughtSignal                           {% () => "horcm.error" %}
caughtSignal -> "has" "catched" "a" "signal" %dot:?

# ---- horcmd's own syslog notices ----------------------------------------------------------------
horcmdNotice -> horcmdId "Detected" "a" "suspending" "status" "on" "this" "paired" "volume" %dot:? %paren %dot:?
  {% ([code, , , , , , , , , , details], _, reject) => horcmdSuspending(code, details, reject) %}
horcmdId -> %lbracket %word %rbracket {% ([, code]) => code %}
          | %lbracket %word %colon:?  {% ([, code]) => code %}
          | %word                     {% ([code]) => code %}

# ---- the lines after a CCI error -------------------------------------------------------------
detailLine -> "Refer" "to" "the" "command" "log" %paren "for" "details" %dot:?
  {% ([, , , , , path]) => [{ kind: "raid.error.detail", fields: { log: path.value.slice(1, -1).trim(), ssb: null, serial: null } }] %}
            | "It" "was" "rejected" "due" "to" anyTok:*
  {% ([, , , , , rest]) => {
    const text = rest.length > 0 ? rest[0].source.slice(rest[0].offset) : "";
    const ssb = /SSB=((?:0x[0-9A-Fa-f]+,?)+)/.exec(text);
    const serial = /Serial#\((\d+)\)/.exec(text);
    return [{ kind: "raid.error.detail", fields: { log: null, ssb: ssb ? ssb[1].replace(/,$/, "") : null, serial: serial ? Number(serial[1]) : null } }];
  } %}

anyTok -> %anyToken {% id %}
