# A command line an operator typed at a shell, as its history keeps it (grammars/history.ne gives its time):
# what ran and what it did, read as sudo's COMMAND= is (grammars/operator.ne `commandEvents`): a Raid Manager
# instance started or stopped, a horcm<N>.conf edited, a pair command or horctakeover run. A history keeps no
# output, so a horctakeover typed here is only requested (takeover.requested): what it did is read from the
# lines after it, if any. Shell syntax is taken as far as it matters: `a; b`, `a && b` and `a || b` run both
# (the second may not have: what it did is read from the logs), `sudo` and `time` run what follows them,
# `VAR=value cmd` sets cmd's environment, and `export HORCMINST=N` sets it for the rest of the line; quoted text and
# comments run nothing. Not taken: a here-document's body (`cat > f <<EOF` and the lines after it) is read as typed lines.
# Only Raid Manager's and Serviceguard's commands, and edits of horcm<N>.conf, are read: an `ls` is no evidence.

@preprocessor typescript

@{%
import moo from "moo";
import { commandEvents, wordsOf } from "./operator.js";

const lexer = moo.compile({ command: { match: /[^]+/, lineBreaks: true } });

type Scalar = string | number | boolean | null;
interface Draft { kind: string; deviceGroup?: string; node?: string; fields: Record<string, Scalar> }

const WHO = { user: null, runAs: null, via: "shell" };
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
// Commands that only run the command after their own options.
const PREFIXES = new Set(["sudo", "time", "nohup", "exec", "command"]);
// Raid Manager's commands (horc*, pair*, raid*, inqraid) and Serviceguard's (cm*).
const OURS = /^(?:horc|pair|raid|inqraid|cm)/;

/**
The commands of one typed line, each as the text of its first pipeline stage: split on `;`, `&&`, `||` and `|` outside
quotes, up to a `#` that starts a word outside quotes (a comment). Quoted text is an argument, never a command: "echo
'sent; pairresync -g X -swaps after the call'" runs echo alone (review of round 35's changes).
*/
function commandsOf(line: string): string[] {
  const commands: string[] = [];
  let current = "";
  let quote: string | null = null;
  let inPipe = false;
  const end = (): void => {
    if (!inPipe) commands.push(current);
    current = "";
  };
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quote !== null) {
      current += char;
      if (char === "\\" && quote === '"' && at + 1 < line.length) current += line[++at];
      else if (char === quote) quote = null;
      continue;
    }
    if (char === "\\") {
      current += line.slice(at, at + 2);
      at++;
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === "#" && (at === 0 || /\s/.test(line[at - 1]))) {
      break;
    } else if (char === ";" || (char === "&" && line[at + 1] === "&") || (char === "|" && line[at + 1] === "|")) {
      end();
      inPipe = false;
      if (char !== ";") at++;
    } else if (char === "|") {
      // The later stages of a pipeline read the first one's output (`pairdisplay ... | grep PSUE`): nothing of ours runs.
      if (!inPipe) commands.push(current);
      current = "";
      inPipe = true;
    } else {
      current += char;
    }
  }
  end();
  return commands;
}

/** The events of one typed line: each command of a `;`/`&&`/`||` list, in order. */
function typedLine(line: string): Draft[] {
  const environment = new Map<string, string>();
  const events: Draft[] = [];
  for (const part of commandsOf(line)) {
    let words = wordsOf(part);
    if (words.length === 0) continue;
    if (words[0] === "export" || words[0] === "setenv") {
      for (const assignment of words[0] === "setenv" ? [`${words[1]}=${words[2] ?? ""}`] : words.slice(1)) {
        const at = assignment.indexOf("=");
        if (at > 0) environment.set(assignment.slice(0, at), assignment.slice(at + 1));
      }
      continue;
    }
    const own = new Map(environment);
    for (let changed = true; changed && words.length > 0; ) {
      changed = false;
      if (PREFIXES.has(words[0])) {
        let at = 1;
        while (at < words.length && words[at].startsWith("-")) at += /^-[ugpCDhrt]$/.test(words[at]) ? 2 : 1;
        [words, changed] = [words.slice(at), true];
      } else if (ASSIGNMENT.test(words[0])) {
        const at = words[0].indexOf("=");
        own.set(words[0].slice(0, at), words[0].slice(at + 1));
        [words, changed] = [words.slice(1), true];
      }
    }
    if (words.length === 0) continue;
    // Only what the rules read: Raid Manager's and Serviceguard's commands, and what changes Raid Manager (an edit of
    // horcm<N>.conf); an `ls` or a `cd` is no evidence of anything.
    const read = commandEvents(words, own, WHO);
    if (read.length > 1 || OURS.test(String(read[0].fields.command))) events.push(...read);
  }
  return events;
}

export const meta = {
  name: "shell",
  role: "body",
  formats: ["history"],
  exclusive: true,
  // Every command the grammar reads names one of these (the command itself, horcm<N>.conf, HORCMINST).
  prefilter: /horc|HORC|pair|raid|cm/,
  description: "Commands an operator typed at a shell (its history): what was run on the node, read as sudo's commands are",
};

const typed = (command: string, args: string) => ({ kind: "operator.command", fields: { command, args, user: null, runAs: null, via: "shell" } });

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "horctakeover -g loans_jdg", expect: [
    typed("horctakeover", "-g loans_jdg"), { kind: "takeover.requested", deviceGroup: "loans_jdg", fields: { option: null, deviceGroupFrom: "line" } },
  ] },
  { text: "sudo /HORCM/usr/bin/pairresync -g oradg -swaps -IH4", expect: [
    typed("pairresync", "-g oradg -swaps -IH4"), { kind: "pair.resync", deviceGroup: "oradg", fields: { mode: "swaps", outcome: "started", deviceGroupFrom: "line" } },
  ] },
  { text: "pairresync -g INV_BC2 -restore -IM2", expect: [
    typed("pairresync", "-g INV_BC2 -restore -IM2"), { kind: "pair.resync", deviceGroup: "INV_BC2", fields: { mode: "restore", outcome: "started", deviceGroupFrom: "line" } },
  ] },
  { text: "export HORCMINST=4; horcmshutdown.sh && horcmstart.sh", expect: [
    typed("horcmshutdown.sh", ""), { kind: "horcm.stopped", fields: { instance: 4 } },
    typed("horcmstart.sh", ""), { kind: "horcm.started", fields: { instance: 4 } },
  ] },
  { text: "HORCMINST=1 horctakeover -g dg_web -S", expect: [
    typed("horctakeover", "-g dg_web -S"), { kind: "takeover.requested", deviceGroup: "dg_web", fields: { option: "S", deviceGroupFrom: "line" } },
  ] },
  { text: "ls -l /tmp", expect: [] },
  { text: "vi /etc/horcm0.conf", expect: [typed("vi", "/etc/horcm0.conf"), { kind: "horcm.config.changed", fields: { instance: 0 } }] },
  { text: "pairdisplay -g oradg -fcx | grep -i psue", expect: [typed("pairdisplay", "-g oradg -fcx")] },
  { text: "cmviewcl -v -p loans", expect: [typed("cmviewcl", "-v -p loans")] },
  { text: "ssh nodeB1 horcmstart.sh 0", expect: [
    { ...typed("horcmstart.sh", "0"), node: "nodeB1" }, { kind: "horcm.started", node: "nodeB1", fields: { instance: 0 } },
  ] },
  // A comment typed at the prompt runs nothing, nor does quoted text, nor the later stages of a pipeline.
  { text: "# horctakeover -g loans_jdg   (not yet: wait for the storage team)", expect: [] },
  { text: "# plan: pairvolchk first; horctakeover -g loans_jdg -S only if the primary is dark", expect: [] },
  { text: "echo 'takeover sent; pairresync -g loans_jdg -swaps after the storage call' | mailx -s dr ops@bank", expect: [] },
  { text: "pairvolchk -g loans_jdg -s # then; horctakeover -g loans_jdg -S", expect: [typed("pairvolchk", "-g loans_jdg -s")] },
];
%}

@lexer lexer

line -> %command {% ([command]) => typedLine(command.value) %}
