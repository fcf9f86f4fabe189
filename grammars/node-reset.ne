# A node reset by Serviceguard: when cmcld stops advancing the kernel safety timer (cmcld starved,
# aborted or killed, the node cut off from the cluster's majority) the node halts itself with a TOC
# (HP-UX) or a system restart (Linux deadman) so that it stops writing to the shared disks. The node
# logs it on the console and, after the reboot, in syslog (the kernel's crash-dump lines, savecrash,
# a copied /etc/shutdownlog). Public shapes (Managing Serviceguard 12th ed. p.126; Managing HP
# Serviceguard for Linux 6th ed. p.81; HP-UX Handbook v13 ch.15 p.61; reference.md CRASH):
#   Serviceguard: Unable to maintain contact with cmcld daemon. Performing TOC to ensure data integrity.
#   DEADMAN: Time expired, initiating system restart.
#   Reboot after panic: SafetyTimer expired, isr.ior = 0'0.0'0
#   System was brought down through a TOC by the safety timer mechanism
# Other wordings name a TOC or a restart and the safety timer or deadman in one line. The event is the
# node's own (the line is in its syslog): the node that was reset.

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    word: /[A-Za-z][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z]/,
    other: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["word"], drop: ["space", "other"], endToken: true },
);

type Token = SourcedToken;
// `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
interface Draft { kind: string; fields: Record<string, string> }

// What stopped the node, in the words of the line (the words are lower-cased, joined by one blank).
const TIMER = /\bsafety ?timer\b|\bdeadman\b/;
const RESET = /\btoc\b|\btransfer of control\b|\brestart\b|\breboot\b|\bexpired\b|\bhalt(?:ed|ing)?\b/;
const SERVICEGUARD_TOC = /\bperforming toc\b/;
// A line that talks about the timer without it having fired: a setting, a test, an arming message.
const NOT_FIRED = /\b(?:not|never|no|would|will|if|when|armed|arming|set to|configured|enabled|disabled)\b/;

function interpret(tokens: Token[]): Draft[] {
  const text = tokens.map((token) => token.value.toLowerCase()).join(" ");
  const timer = TIMER.exec(text);
  if (SERVICEGUARD_TOC.test(text) && /\bcmcld\b/.test(text)) return [{ kind: "node.reset", fields: { cause: "safety timer" } }];
  if (!timer || !RESET.test(text)) return [];
  if (NOT_FIRED.test(text) && !/\bexpired\b/.test(text)) return [];
  return [{ kind: "node.reset", fields: { cause: timer[0] === "deadman" ? "deadman" : "safety timer" } }];
}
%}

@lexer lexer

body -> item:* %eol {% ([items]) => interpret(items) %}

item -> %anyToken {% id %}

@{%
export const meta = {
  name: "node-reset",
  role: "body",
  formats: ["syslog"],
  prefilter: /TOC|[Ss]afety ?[Tt]imer|SafetyTimer|DEADMAN|[Dd]eadman/,
  description: "A node halted by Serviceguard's safety timer (HP-UX TOC, Linux deadman restart), read from its own syslog after the reboot",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "Serviceguard: Unable to maintain contact with cmcld daemon. Performing TOC to ensure data integrity.", expect: [{ kind: "node.reset", fields: { cause: "safety timer" } }] },
  { text: "DEADMAN: Time expired, initiating system restart.", expect: [{ kind: "node.reset", fields: { cause: "deadman" } }] },
  { text: "Reboot after panic: SafetyTimer expired, isr.ior = 0'0.0'0", expect: [{ kind: "node.reset", fields: { cause: "safety timer" } }] },
  { text: "System was brought down through a TOC by the safety timer mechanism", expect: [{ kind: "node.reset", fields: { cause: "safety timer" } }] },
  { text: "Crash dump: TOC initiated by Serviceguard safety timer (ins-p1)", expect: [{ kind: "node.reset", fields: { cause: "safety timer" } }] },
  { text: "safety timer expired; node halted to protect shared data", expect: [{ kind: "node.reset", fields: { cause: "safety timer" } }] },
  { text: "Safety timer armed for 14 seconds", expect: [] },
  { text: "TOC not taken: safety timer was reset in time", expect: [] },
  { text: "MEMBER_TIMEOUT set; the safety timer will halt the node if cmcld stops", expect: [] },
  { text: "savecrash: TOC dump of 4096 MB saved to /var/adm/crash/crash.3", expect: [] },
];
%}
