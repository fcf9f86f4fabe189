# Commands an operator ran on a node, as sudo logs them to syslog (sudoers(5), "LOG FORMAT"):
#   <user> : TTY=<tty> ; PWD=<cwd> ; USER=<runas> ; [GROUP=<g> ;] [TSID=<id> ;] [ENV=<vars> ;] COMMAND=<command line>
#   <user> : <reason> ; TTY=... ; COMMAND=...      (refused: "command not allowed", "3 incorrect password attempts", ...)
# What the command did is attributed to the node that logged it (or to the host an `ssh`/`remsh` in front
# of it names): a Raid Manager instance restarted or a horcm<N>.conf edited there, a pair command run
# from there. The line shape is fixed, so the grammar is exclusive (src/parse/body.ts).

@preprocessor typescript

@{%
import moo from "moo";

const lexer = moo.states({
  main: {
    space: /[ \t]+/,
    user: /[^\s:;=]+/,
    colon: { match: ":", next: "fields" },
  },
  fields: {
    space: /[ \t]+/,
    command: /COMMAND=[^]*/,
    field: /[A-Z][A-Z_]*=[^;]*/,
    semi: ";",
    reason: /[^;=\n]+(?=;)/,
  },
});

type Scalar = string | number | boolean | null;
interface Draft { kind: string; deviceGroup?: string; node?: string; fields: Record<string, Scalar> }
interface Token { value: string }

const EDITORS = new Set(["vi", "vim", "view", "nvi", "nano", "emacs", "ed", "ex", "pico", "joe"]);
const COPIERS = new Set(["cp", "mv", "install", "scp", "rsync", "tee", "ln"]);
const REMOTE_SHELLS = new Set(["ssh", "remsh", "rsh"]);
const HORCM_CONF = /(?:^|\/)horcm(\d+)\.conf$/;

const basename = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

/** The words of a command line, quotes removed (sudo logs the arguments as given, separated by blanks; grammars/shell.ne reads a history line with it). */
export function wordsOf(line: string): string[] {
  return line.trim().split(/[ \t]+/).filter((word) => word.length > 0).map((word) => word.replace(/^["']|["']$/g, ""));
}

/** A Raid Manager instance's systemd unit: horcm@0(.service), horcm0(.service), horcm(.service); its instance if named. */
const SYSTEMD_HORCM_UNIT = /^horcm(?:@|-)?(\d+)?(?:\.service)?$/;
const SYSTEMCTL_VERBS = new Set(["start", "stop", "restart"]);

/** `-g X`, `-I0`, HORCMINST=N in the environment sudo logged. */
function optionValue(words: string[], option: string): string | null {
  const at = words.indexOf(option);
  return at >= 0 && at + 1 < words.length ? words[at + 1] : null;
}

/** What a command line did that the rules care about (Raid Manager and its configuration). */
function effects(words: string[], environment: Map<string, string>): Draft[] {
  if (words.length === 0) return [];
  const name = basename(words[0]);
  const args = words.slice(1);
  const events: Draft[] = [];
  const withGroup = (kind: string, fields: Record<string, Scalar>): Draft => {
    const group = optionValue(args, "-g");
    return group === null ? { kind, fields } : { kind, deviceGroup: group, fields: { ...fields, deviceGroupFrom: "line" } };
  };
  const instanceArg = args.find((arg) => /^\d+$/.test(arg));
  const envInstance = environment.get("HORCMINST");
  const instance = instanceArg !== undefined ? Number(instanceArg) : envInstance !== undefined && /^\d+$/.test(envInstance) ? Number(envInstance) : null;
  // Raid Manager as a systemd unit (Linux: horcm@0.service, or horcm0.service): `systemctl restart horcm@0` stops and
  // starts the instance, so it reads horcm<N>.conf again (round 78 #08: a restart told in a ticket and typed).
  const unit = name === "systemctl" ? SYSTEMD_HORCM_UNIT.exec(args.find((arg) => !arg.startsWith("-") && !SYSTEMCTL_VERBS.has(arg)) ?? "") : null;
  const unitVerb = unit !== null ? args.find((arg) => SYSTEMCTL_VERBS.has(arg)) : undefined;
  const unitInstance = unit !== null && unit[1] !== undefined ? Number(unit[1]) : instance;
  if (/^horcmstart(?:\.sh)?$/.test(name) || unitVerb === "start") events.push({ kind: "horcm.started", fields: { instance: unit !== null ? unitInstance : instance } });
  else if (/^horcmshutdown(?:\.sh)?$/.test(name) || unitVerb === "stop") events.push({ kind: "horcm.stopped", fields: { instance: unit !== null ? unitInstance : instance } });
  else if (unitVerb === "restart") events.push({ kind: "horcm.stopped", fields: { instance: unitInstance } }, { kind: "horcm.started", fields: { instance: unitInstance } });
  else if (name === "pairresync") {
    // -restore: Business Copy's reverse copy, the S-VOL's image over the P-VOL (RM-UG, pairresync).
    const mode = args.includes("-swaps") ? "swaps" : args.includes("-swapp") ? "swapp" : args.includes("-restore") ? "restore" : "normal";
    events.push(withGroup("pair.resync", { mode, outcome: "started" }));
  } else if (name === "pairsplit") {
    events.push(withGroup("pair.split", { option: args.includes("-S") ? "S" : args.includes("-rw") ? "rw" : args.includes("-RS") ? "RS" : args.includes("-RB") ? "RB" : args.includes("-R") ? "R" : null, outcome: "started" }));
  } else if (name === "horctakeover" && optionValue(args, "-g") !== null && !args.some((arg) => /^-(?:h|q|z|zx)$/.test(arg))) {
    // Its result is not on sudo's line: what it did is read from the lines after it, if any (takeover.requested).
    // Only for a group (-d names a volume: its group is unknown here) and not for help (-h) or a query (-q, -z).
    events.push(withGroup("takeover.requested", { option: args.includes("-S") ? "S" : null }));
  } else if (name === "paircreate") {
    const fence = optionValue(args, "-f")?.toUpperCase() ?? null;
    events.push(withGroup("pair.create", { fence: fence !== null && ["DATA", "STATUS", "NEVER", "ASYNC"].includes(fence) ? fence : null, outcome: "started" }));
  }
  const maintenance = continentalMaintenance(name, args);
  if (maintenance !== null) events.push(maintenance);
  // An editor on horcm<N>.conf, or a copy whose target is one: the instance reads it only when it starts.
  const edited = EDITORS.has(name) || (name === "sed" && args.some((arg) => arg.startsWith("-i")))
    ? args.find((arg) => HORCM_CONF.test(arg))
    : COPIERS.has(name) && args.length > 0 && HORCM_CONF.test(args[args.length - 1]) ? args[args.length - 1] : undefined;
  if (edited !== undefined) events.push({ kind: "horcm.config.changed", fields: { instance: Number(HORCM_CONF.exec(edited)![1]) } });
  return events;
}

/**
`cmrecovercl -d -g <rg>` puts a Continentalclusters recovery group into maintenance mode (its recovery package cannot
start; a rehearsal package may run on the S-VOLs), `cmrecovercl -e -g <rg>` takes it out (DRC-2011 p.44): cc.maintenance.
Shared with serviceguard.ne's CM-CMD lines.
*/
export function continentalMaintenance(name: string, args: readonly string[]): Draft | null {
  if (name !== "cmrecovercl") return null;
  const recoveryGroup = optionValue([...args], "-g");
  if (args.includes("-d")) return { kind: "cc.maintenance", fields: { on: true, recoveryGroup } };
  if (args.includes("-e")) return { kind: "cc.maintenance", fields: { on: false, recoveryGroup } };
  // A rehearsal's start (-r), a preview, help: no change. A recovery asked for (plain, -f, -g): the group is treated as out
  // of maintenance from here (a -d that went before it was refused, or the operator recovers anyway: review).
  if (args.some((arg) => /^-[a-zA-Z]*[rch]/.test(arg))) return null;
  return { kind: "cc.maintenance", fields: { on: false, recoveryGroup, recovery: true } };
}

function sudoLine(user: Token, reason: Token | null, fields: Token[], command: Token): Draft[] {
  const values = new Map<string, string>();
  for (const field of fields) {
    const at = field.value.indexOf("=");
    values.set(field.value.slice(0, at), field.value.slice(at + 1).trim());
  }
  const environment = new Map<string, string>();
  for (const assignment of wordsOf(values.get("ENV") ?? "")) {
    const at = assignment.indexOf("=");
    if (at > 0) environment.set(assignment.slice(0, at), assignment.slice(at + 1));
  }
  const who = { user: user.value, runAs: values.get("USER") ?? null, via: "sudo" };
  const line = command.value.slice("COMMAND=".length).trim();
  if (reason !== null) {
    const { words } = commandRun(wordsOf(line), environment);
    return [{ kind: "operator.denied", fields: { command: words.length > 0 ? basename(words[0]) : "", args: words.slice(1).join(" "), ...who, reason: reason.value.trim() } }];
  }
  return commandEvents(wordsOf(line), environment, who);
}

/**
What runs of a command line: `ssh nodeB1 horcmstart.sh 0` runs on nodeB1; `env HORCMINST=1 horctakeover ...` (sudo
resets the environment) and `sh -c "horctakeover ..."` run the command they wrap. `environment` takes the wrapper's
assignments.
*/
function commandRun(given: string[], environment: Map<string, string>): { words: string[]; node: string | undefined } {
  let words = given;
  let node: string | undefined;
  if (words.length > 2 && REMOTE_SHELLS.has(basename(words[0]))) {
    let at = 1;
    while (at < words.length && words[at].startsWith("-")) at += /^-[lpiFoJ]$/.test(words[at]) ? 2 : 1;
    if (at < words.length - 1) {
      node = words[at].replace(/^[^@]*@/, "");
      words = words.slice(at + 1);
    }
  }
  for (let unwrapped = true; unwrapped && words.length > 1; ) {
    unwrapped = false;
    if (basename(words[0]) === "env") {
      let at = 1;
      for (; at < words.length && (words[at].startsWith("-") || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[at])); at++) {
        const assignment = words[at].indexOf("=");
        if (!words[at].startsWith("-") && assignment > 0) environment.set(words[at].slice(0, assignment), words[at].slice(assignment + 1));
      }
      if (at < words.length) [words, unwrapped] = [words.slice(at), true];
    } else if (/^(?:ba|k|z|da)?sh$/.test(basename(words[0])) && words[1] === "-c" && words.length > 2) {
      [words, unwrapped] = [wordsOf(words.slice(2).join(" ")), true];
    }
  }
  return { words, node };
}

/**
The events of one command an operator ran (sudo's COMMAND=, a line of a shell's history): the command itself
(operator.command, with who ran it and how) and what it did that the rules care about. Exported for
grammars/shell.ne, which reads the same commands from a shell's history.
*/
export function commandEvents(given: string[], environment: Map<string, string>, who: Record<string, Scalar>): Draft[] {
  const { words, node } = commandRun(given, environment);
  const events: Draft[] = [
    { kind: "operator.command", fields: { command: words.length > 0 ? basename(words[0]) : "", args: words.slice(1).join(" "), ...who } },
    ...effects(words, environment),
  ];
  return node === undefined ? events : events.map((event) => ({ ...event, node }));
}

export const meta = {
  name: "operator",
  role: "body",
  formats: ["syslog"],
  exclusive: true,
  prefilter: /;[ \t]*COMMAND=/,
  description: "Commands an operator ran through sudo: what was run on which node (a Raid Manager instance restarted, horcm.conf edited, a pair command)",
};

const ran = (command: string, args: string, user = "root", runAs: string | null = "root") => ({ kind: "operator.command", fields: { command, args, user, runAs, via: "sudo" } });

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "    root : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/bin/systemctl restart horcm@0", expect: [
    ran("systemctl", "restart horcm@0"), { kind: "horcm.stopped", fields: { instance: 0 } }, { kind: "horcm.started", fields: { instance: 0 } },
  ] },
  { text: "    root : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/horcmstart.sh 0", expect: [
    ran("horcmstart.sh", "0"), { kind: "horcm.started", fields: { instance: 0 } },
  ] },
  { text: "oper1 : TTY=pts/3 ; PWD=/home/oper1 ; USER=root ; ENV=HORCMINST=1 ; COMMAND=/HORCM/usr/bin/horcmshutdown.sh", expect: [
    ran("horcmshutdown.sh", "", "oper1"), { kind: "horcm.stopped", fields: { instance: 1 } },
  ] },
  { text: "root : TTY=pts/1 ; PWD=/etc ; USER=root ; COMMAND=/usr/bin/vi /etc/horcm0.conf", expect: [
    ran("vi", "/etc/horcm0.conf"), { kind: "horcm.config.changed", fields: { instance: 0 } },
  ] },
  { text: "oper1 : TTY=pts/3 ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/cp /tmp/horcm0.conf.new /etc/horcm0.conf", expect: [
    ran("cp", "/tmp/horcm0.conf.new /etc/horcm0.conf", "oper1"), { kind: "horcm.config.changed", fields: { instance: 0 } },
  ] },
  { text: "oper1 : TTY=pts/3 ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/cp /etc/horcm0.conf /tmp/horcm0.conf.save", expect: [
    ran("cp", "/etc/horcm0.conf /tmp/horcm0.conf.save", "oper1"),
  ] },
  { text: "root : TTY=pts/2 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/pairresync -g oradg -c 15 -swaps", expect: [
    ran("pairresync", "-g oradg -c 15 -swaps"), { kind: "pair.resync", deviceGroup: "oradg", fields: { mode: "swaps", outcome: "started", deviceGroupFrom: "line" } },
  ] },
  // A rehearsal's give-back of the S-VOL (-RB): the S-VOL side's own split, not a forgotten one.
  { text: "drops : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/pairsplit -g sapdg -RB", expect: [
    ran("pairsplit", "-g sapdg -RB", "drops"), { kind: "pair.split", deviceGroup: "sapdg", fields: { option: "RB", outcome: "started", deviceGroupFrom: "line" } },
  ] },
  { text: "root : TTY=pts/2 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/pairresync -g inv_bc2 -restore -IM2", expect: [
    ran("pairresync", "-g inv_bc2 -restore -IM2"), { kind: "pair.resync", deviceGroup: "inv_bc2", fields: { mode: "restore", outcome: "started", deviceGroupFrom: "line" } },
  ] },
  { text: " kmiller : TTY=pts/2 ; PWD=/home/kmiller ; USER=root ; COMMAND=/HORCM/usr/bin/horctakeover -g dg_web -S -IH2", expect: [
    ran("horctakeover", "-g dg_web -S -IH2", "kmiller"), { kind: "takeover.requested", deviceGroup: "dg_web", fields: { option: "S", deviceGroupFrom: "line" } },
  ] },
  { text: "oper : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/env HORCMINST=1 /HORCM/usr/bin/horctakeover -g dg_web -S", expect: [
    ran("horctakeover", "-g dg_web -S", "oper"), { kind: "takeover.requested", deviceGroup: "dg_web", fields: { option: "S", deviceGroupFrom: "line" } },
  ] },
  { text: "oper : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/bin/sh -c horctakeover -g dg_web -S", expect: [
    ran("horctakeover", "-g dg_web -S", "oper"), { kind: "takeover.requested", deviceGroup: "dg_web", fields: { option: "S", deviceGroupFrom: "line" } },
  ] },
  { text: "oper : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/horctakeover -d web00 -S", expect: [ran("horctakeover", "-d web00 -S", "oper")] },
  { text: "oper2 : TTY=pts/0 ; PWD=/etc/cmcluster ; USER=root ; TSID=000042 ; COMMAND=/usr/sbin/cmrunpkg -n nodeA1 oracle_pkg", expect: [
    ran("cmrunpkg", "-n nodeA1 oracle_pkg", "oper2"),
  ] },
  { text: "root : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/usr/bin/ssh nodeB1 /HORCM/usr/bin/horcmstart.sh 0", expect: [
    { ...ran("horcmstart.sh", "0"), node: "nodeB1" }, { kind: "horcm.started", node: "nodeB1", fields: { instance: 0 } },
  ] },
  { text: "drops : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/opt/cmconcl/bin/cmrecovercl -d -g rg_loans", expect: [
    ran("cmrecovercl", "-d -g rg_loans", "drops"), { kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_loans" } },
  ] },
  { text: "drops : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/opt/cmconcl/bin/cmrecovercl -f -g rg_erp", expect: [
    ran("cmrecovercl", "-f -g rg_erp", "drops"), { kind: "cc.maintenance", fields: { on: false, recoveryGroup: "rg_erp", recovery: true } },
  ] },
  { text: "drops : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/opt/cmconcl/bin/cmrecovercl -r -g rg_loans", expect: [ran("cmrecovercl", "-r -g rg_loans", "drops")] },
  { text: "oper1 : command not allowed ; TTY=pts/3 ; PWD=/ ; USER=root ; COMMAND=/HORCM/usr/bin/horcmshutdown.sh 0", expect: [
    { kind: "operator.denied", fields: { command: "horcmshutdown.sh", args: "0", user: "oper1", runAs: "root", via: "sudo", reason: "command not allowed" } },
  ] },
];
%}

@lexer lexer

line -> %space:? %user %space:? %colon %space:? reasonPart:? fieldPart:* %command
  {% ([, user, , , , reason, fields, command]) => sudoLine(user, reason, fields, command) %}

reasonPart -> %reason %semi %space:? {% ([reason]) => reason %}
fieldPart -> %field %semi %space:? {% ([field]) => field %}
