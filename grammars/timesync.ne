# Time daemons stepping a node's clock. A node whose clock was minutes or hours off wrote every line before the
# step at the wrong time: lined up with the other nodes' lines, its commands and failures seem to happen before or
# after what they answered (an operator's `cmmodpkg -e` from a node 40 minutes fast reads as if it came after the
# failure it preceded). The step says by how much the clock was moved; src/correlate/clock-steps.ts moves the
# node's earlier lines by the same amount. Shapes (the amount is what the clock was moved by: negative when it was
# fast):
#   xntpd / ntpd (HP-UX xntpd, ntp 4.x):  time reset -2400.482611 s      time reset (step) +31.5 s
#   ntpd 4.2.8 status events:             0.0.0.0 061c 0c clock_step -2400.482611 s
#   ntpdate:                              step time server 10.24.0.2 offset -2400.482611 sec
#   chronyd:                              System clock was stepped by -1861.284417 seconds
# chronyd's "System clock wrong by X seconds, adjustment started" is a slew (the clock is brought back slowly), not a
# step, and systemd-timesyncd's "Time has been changed" names no amount: neither is read.

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    number: /[+-]?\d+(?:\.\d+)?(?![\w.])/,
    word: /[A-Za-z_][A-Za-z0-9_]*/,
    other: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["number", "word"], drop: ["space", "other"], endToken: true },
);

type Token = SourcedToken;
// `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
interface Draft { kind: string; fields: Record<string, number> }

/** The words (lower case) `at` starts with, in order, with nothing between them. */
function wordsAt(tokens: Token[], at: number, words: readonly string[]): boolean {
  return words.every((word, offset) => tokens[at + offset]?.type === "word" && tokens[at + offset].value.toLowerCase() === word);
}

/** The amount of a step: the number at `at` followed by a unit of seconds. */
function secondsAt(tokens: Token[], at: number): number | null {
  const amount = tokens[at];
  const unit = tokens[at + 1];
  if (amount?.type !== "number" || unit?.type !== "word" || !["s", "sec", "secs", "second", "seconds"].includes(unit.value.toLowerCase())) return null;
  return Number(amount.value);
}

function stepped(seconds: number | null): Draft[] {
  return seconds === null || !Number.isFinite(seconds) ? [] : [{ kind: "clock.stepped", fields: { seconds } }];
}

function interpret(tokens: Token[]): Draft[] {
  for (let index = 0; index < tokens.length; index++) {
    if (wordsAt(tokens, index, ["time", "reset"])) {
      // "time reset (step) -2400.48 s": the parenthesised word is read as a word token.
      const amountAt = wordsAt(tokens, index + 2, ["step"]) ? index + 3 : index + 2;
      return stepped(secondsAt(tokens, amountAt));
    }
    if (wordsAt(tokens, index, ["clock_step"])) return stepped(secondsAt(tokens, index + 1));
    if (wordsAt(tokens, index, ["step", "time", "server"])) {
      const offset = tokens.findIndex((token, at) => at > index && token.type === "word" && token.value.toLowerCase() === "offset");
      return offset < 0 ? [] : stepped(secondsAt(tokens, offset + 1));
    }
    if (wordsAt(tokens, index, ["system", "clock", "was", "stepped", "by"])) return stepped(secondsAt(tokens, index + 5));
  }
  return [];
}
%}

@lexer lexer

body -> item:* %eol {% ([items]) => interpret(items) %}

item -> %anyToken {% id %}

@{%
export const meta = {
  name: "timesync",
  role: "body",
  formats: ["syslog"],
  prefilter: /time reset|clock_step|step time server|clock was stepped/,
  description: "time daemons (xntpd, ntpd, ntpdate, chronyd) stepping a node's clock, and by how much",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "time reset -2400.482611 s", expect: [{ kind: "clock.stepped", fields: { seconds: -2400.482611 } }] },
  { text: "time reset (step) +31.5 s", expect: [{ kind: "clock.stepped", fields: { seconds: 31.5 } }] },
  { text: "0.0.0.0 061c 0c clock_step -2400.482611 s", expect: [{ kind: "clock.stepped", fields: { seconds: -2400.482611 } }] },
  { text: "step time server 10.24.0.2 offset -2400.482611 sec", expect: [{ kind: "clock.stepped", fields: { seconds: -2400.482611 } }] },
  { text: "System clock was stepped by 25199.621734 seconds", expect: [{ kind: "clock.stepped", fields: { seconds: 25199.621734 } }] },
  // A slew, not a step: the clock is brought back slowly.
  { text: "System clock wrong by -1861.284417 seconds, adjustment started", expect: [] },
  { text: "adjust time server 10.24.0.2 offset 0.001234 sec", expect: [] },
  { text: "synchronized to 10.24.0.2, stratum=2", expect: [] },
  { text: "time reset -2400.482611", expect: [] },
];
%}
