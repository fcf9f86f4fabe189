# Continentalclusters: the monitor's CLUSTER_ALERT / CLUSTER_ALARM notices (syslog notice or
# event log text: "primary_cluster UNREACHABLE alert", "CLUSTER_ALARM primary_cluster/UNREACHABLE
# 15 MINUTES") and cmrecovercl's progress lines ("Processing the recovery group nfsgroup on recovery
# cluster eastcoast.", "Starting recovery package nfsbackuppkg on recovery cluster eastcoast.").
# Reference: reference.md §5. The notice wording is not fixed, so like metrocluster.ne this grammar
# types tokens (event names, cluster conditions, cluster/CONDITION pairs, numbers, words) and reads
# the facts in `interpret`.

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const END = "(?![A-Za-z0-9_])";
const CONDITIONS = "UNREACHABLE|DOWN|ERROR|UP";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    clusterEvent: new RegExp(`CLUSTER_(?:ALERT|ALARM|EVENT)${END}`),
    clusterCondition: new RegExp(`[A-Za-z0-9_.-]+/(?:${CONDITIONS})${END}`),
    condition: new RegExp(`(?:${CONDITIONS})${END}`),
    number: /\d+(?![A-Za-z0-9_]|[.-][A-Za-z0-9_])/,
    word: /[A-Za-z0-9_\/](?:[A-Za-z0-9_.\/@-]*[A-Za-z0-9_\/@])?/,
    punct: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["clusterEvent", "clusterCondition", "condition", "number", "word"], drop: ["space", "punct"], endToken: true },
);

type Token = SourcedToken;
// Every token the lexer keeps is an item; `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
type Scalar = string | number | null;
interface Draft { kind: string; package?: string; fields: Record<string, Scalar> }

const MINUTE_WORDS = new Set(["minutes", "minute", "min", "mins"]);
// cmrecovercl progress: the verbs that open a line about a recovery group it works on, the states of a recovery
// package it started, and words that say the recovery did not happen.
const RECOVERY_PROGRESS = new Set(["processing", "starting", "started", "recovering"]);
const RECOVERY_UP = new Set(["up", "running", "started"]);
const RECOVERY_REFUSED = new Set(["not", "failed", "fail", "failure", "unable", "cannot", "error", "aborted", "skipping", "skipped"]);
// Words that take a recovery group out of maintenance mode, and words that make a line about it no statement of it.
const MAINTENANCE_ENDED = new Set(["ended", "ends", "ending", "removed", "cleared", "exited"]);
// Words that end the mode only when said of it ("maintenance mode disabled", not "recovery disabled for it").
const MAINTENANCE_SAID_OFF = new Set(["disabled", "off", "ended", "removed", "cleared"]);
const MAINTENANCE_DOUBT = new Set(["if", "whether", "cannot", "failed", "unable", "refused", "error", "until", "before", "must", "should"]);
// Words that name no cluster when they stand before a condition ("status UNREACHABLE").
const NOT_A_CLUSTER = new Set(["is", "status", "state", "cluster", "the", "now", "became", "becomes", "changed", "to", "been", "has", "have", "was", "are", "still", "back", "from", "event", "events", "monitor"]);
// "below CLUSTER_ALERT 5 MINUTES", "less than CLUSTER_ALARM": the time that raises the notice was not reached.
const NOT_REACHED = new Set(["below", "under", "than", "before"]);

/** The cluster and condition a notice names: `name/CONDITION`, `name CONDITION`, or `cluster name ... CONDITION`. */
function clusterAndCondition(tokens: Token[], lower: string[]): { cluster: string | null; condition: string | null; conditionIndex: number } {
  let cluster: string | null = null;
  let condition: string | null = null;
  let conditionIndex = -1;
  // "status changed from UP to UNREACHABLE (CLUSTER_ALERT 5 MINUTES)": the state changed to, not the one it left.
  const changedFrom = lower.indexOf("changed") >= 0 ? lower.indexOf("from", lower.indexOf("changed")) : -1;
  const leftState = (index: number): boolean => changedFrom >= 0 && index === changedFrom + 1 && lower[index + 1] === "to";
  for (let index = 0; index < tokens.length && condition === null; index++) {
    const token = tokens[index];
    if (token.type === "condition" && leftState(index)) continue;
    if (token.type === "clusterCondition") {
      const slash = token.value.lastIndexOf("/");
      cluster = token.value.slice(0, slash);
      condition = token.value.slice(slash + 1);
      conditionIndex = index;
    } else if (token.type === "condition") {
      condition = token.value;
      conditionIndex = index;
      const before = tokens[index - 1];
      if (before && before.type === "word" && !NOT_A_CLUSTER.has(lower[index - 1])) cluster = before.value;
    }
  }
  // "Cluster event: lax_clu changed from UNREACHABLE to UP": the name before "changed".
  const changed = lower.indexOf("changed");
  if (cluster === null && changed > 0 && tokens[changed - 1].type === "word" && !NOT_A_CLUSTER.has(lower[changed - 1])) cluster = tokens[changed - 1].value;
  if (cluster === null) {
    const named = lower.indexOf("cluster");
    if (named >= 0 && tokens[named + 1]?.type === "word" && !NOT_A_CLUSTER.has(lower[named + 1])) cluster = tokens[named + 1].value;
  }
  // "chicluster status changed from DOWN to UP": the name before "status".
  const status = lower.indexOf("status");
  if (cluster === null && status > 0 && tokens[status - 1].type === "word" && !NOT_A_CLUSTER.has(lower[status - 1])) cluster = tokens[status - 1].value;
  return { cluster, condition, conditionIndex };
}

/** Where the sentence holding a token ends in its line: the next ". " (or the line's end). */
function sentenceEndAfter(token: Token): number {
  const end = token.source.indexOf(". ", token.offset);
  return end < 0 ? token.source.length : end;
}

const NOTICE_WORDS = new Set(["alert", "alarm"]);
// Words that make a state what is awaited or hoped for, not what is.
const AWAITED_WORDS = new Set(["when", "until", "before", "waiting", "wait", "will", "once", "if", "unless", "expect", "expected", "last", "should"]);
// Words that clear or deny a condition said in lower case.
const LOWER_CONDITION_DENIED = new Set(["no", "not", "longer", "cleared", "clear", "back", "again", "recovered", "resolved", "ok", "never"]);

function interpret(tokens: Token[]): Draft[] {
  const lower = tokens.map((token) => token.value.toLowerCase());
  const eventToken = tokens.find((token) => token.type === "clusterEvent" && token.value !== "CLUSTER_EVENT");
  let { cluster, condition, conditionIndex } = clusterAndCondition(tokens, lower);
  // The monitor's notice with its keyword may say the condition in lower case: "CLUSTER_ALARM: jnb_core unreachable for
  // 20 minutes" (round 32 #16). Without the keyword "down" or "unreachable" is too common a word to read.
  // Only in that shape, the keyword, the cluster, the condition, and nothing that clears or denies it ("CLUSTER_ALARM
  // cleared: primary_cluster no longer unreachable", review of round 32 #16's change).
  const eventAt = eventToken ? tokens.indexOf(eventToken) : -1;
  if (eventToken && condition === null && !lower.some((word) => LOWER_CONDITION_DENIED.has(word))) {
    // "CLUSTER_ALARM notification for cluster bos_prod (unreachable 15 minutes)" (round 39 #09): the cluster named by
    // its noun a few words after the keyword, its condition right after the name.
    const clusterAt = lower.indexOf("cluster", eventAt + 1);
    const at = clusterAt > eventAt && clusterAt - eventAt <= 4 ? clusterAt + 2 : eventAt + (lower[eventAt + 1] === "cluster" ? 3 : 2);
    if ((lower[at] === "unreachable" || lower[at] === "down") && tokens[at - 1]?.type === "word" && !NOT_A_CLUSTER.has(lower[at - 1])) {
      [condition, conditionIndex] = [lower[at].toUpperCase(), at];
      cluster ??= tokens[at - 1].value;
    }
  }
  let kind: "cc.alert" | "cc.alarm" | undefined;
  // The monitor saying a notice was NOT raised: "UNREACHABLE for 90 seconds, below CLUSTER_ALERT 5 MINUTES - no notification sent".
  const eventIndex = eventToken ? tokens.indexOf(eventToken) : -1;
  // cmrecovercl's refusal denies the alarm: "Cluster jnb_clu has not been in the alarm state; recovery is not enabled".
  // Only that shape: the monitor's own notice may name a failed mail ("could not send alarm notification").
  const noticeDenied = lower.some(
    (word, index) =>
      (word === "not" || word === "never") &&
      ((lower[index + 1] === "been" && lower[index + 2] === "in") || lower[index + 1] === "in") &&
      lower.slice(index + 2, index + 6).some((next) => NOTICE_WORDS.has(next)),
  );
  const noticeWithheld =
    noticeDenied ||
    (eventIndex > 0 && NOT_REACHED.has(lower[eventIndex - 1])) ||
    // cmrecovercl's refusal: "Recovery refused: no CLUSTER_ALARM received for den_cl (alert only)" (round 35 #14).
    (eventIndex > 0 && (lower[eventIndex - 1] === "no" || lower[eventIndex - 1] === "without")) ||
    lower.some((word, index) => word === "no" && (lower[index + 1] === "notification" || NOTICE_WORDS.has(lower[index + 1] ?? "")));
  // "the CLUSTER_ALARM state (current state: UNREACHABLE, alert level)": a state named, as cmrecovercl's refusal does over
  // two lines ("... has not reached / the CLUSTER_ALARM state"), not a notice raised (round 51 #15: read as the alarm).
  const stateNamed = eventIndex > 0 && lower[eventIndex - 1] === "the" && lower[eventIndex + 1] === "state";
  if ((eventToken || noticeDenied) && (noticeWithheld || stateNamed)) return [];
  if (eventToken) kind = eventToken.value === "CLUSTER_ALARM" ? "cc.alarm" : "cc.alert";
  else if (condition !== null && cluster !== null) {
    // Without the monitor's CLUSTER_ALERT/ALARM keyword, "alert" next to "ERROR" or "DOWN" is common in
    // other programs' lines (an application's "ERROR ... alert(1)", a monitoring agent's "HOST ALERT:
    // web1;DOWN"): the line must also speak of a cluster, or be the manual's SYSLOG notice shape,
    // "<cluster> UNREACHABLE alert", where the notice word follows the condition.
    const speaksOfCluster = lower.some((word) => word.includes("cluster")) || tokens.some((token) => token.type === "clusterCondition");
    const unreachableNotice = condition === "UNREACHABLE" && NOTICE_WORDS.has(lower[conditionIndex + 1] ?? "");
    // "cluster event crewprd/UNREACHABLE detected, alert in 5 MINUTES, alarm in 20 MINUTES": when each notice will come,
    // none raised yet (round 85 #07: read as the alarm, a WAN outage of seven minutes was a disaster to recover).
    const notices = lower.flatMap((word, index) => (NOTICE_WORDS.has(word) ? [index] : []));
    const scheduled = notices.length > 0 && notices.every((index) => lower[index + 1] === "in" && /^\d+$/.test(lower[index + 2] ?? ""));
    if ((speaksOfCluster || unreachableNotice) && !scheduled) {
      if (lower.includes("alarm")) kind = "cc.alarm";
      else if (lower.includes("alert")) kind = "cc.alert";
    }
  }
  // The monitor's own status lines have no notice word: "chicluster status changed from DOWN to UP",
  // "Cluster event chicluster/UP: notification sent". Only a return to UP is read from them (it closes the
  // alert); a change to DOWN waits for the monitor's alert, which says how long.
  let backUp = false;
  if (!kind && cluster !== null) {
    const conditions = tokens.filter((token) => token.type === "condition" || token.type === "clusterCondition");
    const last = conditions[conditions.length - 1]?.value.split("/").pop();
    // "Continentalclusters: ccprimary UP - see /var/opt/resmon/log/cc/eventlog": the monitor's notice shape of its alerts
    // ("<cluster> UNREACHABLE alert") with the cluster back UP, on a line that names Continentalclusters (round 48 #17).
    // Only UP, said once, right after the cluster, and not as what is awaited ("waiting for ccprimary UP before ...",
    // "ccprimary UNREACHABLE, ccrecovery UP", "will report when ccprimary UP again": review).
    const namesContinental = lower.some((word) => word.startsWith("continental") || word.startsWith("cmclsentryd"));
    const onlyUp = conditions.length === 1 && condition === "UP" && !lower.some((word) => AWAITED_WORDS.has(word));
    const clusterThenUp = onlyUp && ((conditionIndex > 0 && tokens[conditionIndex - 1]?.value === cluster)
      || (conditionIndex > 1 && ["is", "back", "now"].includes(lower[conditionIndex - 1]) && tokens[conditionIndex - 2]?.value === cluster));
    const statusLine = lower.includes("changed") || tokens.some((token) => token.type === "clusterCondition") || (namesContinental && clusterThenUp);
    // "status changed from Unreachable to Up": the new state is the word after the last "to", in any case.
    const changedTo = lower.includes("changed") ? lower.lastIndexOf("to") : -1;
    const upNow = last === "UP" || (changedTo > lower.indexOf("changed") && lower[changedTo + 1] === "up" && changedTo + 2 === tokens.length);
    if (upNow && statusLine) [kind, backUp] = ["cc.alert", true];
  }
  const events: Draft[] = [];
  if (kind && backUp) events.push({ kind, fields: { cluster, condition: "UP", minutes: null } });
  else if (kind) {
    let minutes: number | null = null;
    for (let index = 0; index < tokens.length; index++) {
      if (tokens[index].type !== "number") continue;
      if (MINUTE_WORDS.has(lower[index + 1] ?? "") || tokens[index - 1]?.type === "clusterEvent") {
        minutes = Number(tokens[index].value);
        break;
      }
    }
    events.push({ kind, fields: { cluster, condition, minutes } });
  }
  // cmrecovercl progress. The manual's wording ("Processing the recovery group G on recovery cluster C.", "Starting
  // recovery package P on recovery cluster C.") is not the only one: releases and wrappers also log "Starting recovery
  // of recovery group G (primary cluster X is in ALARM state)" and "Recovery package P is up on cluster C". Read a
  // progress verb first and then "recovery group G", or "recovery package P" started or up; never a line that says
  // it failed or was refused.
  const refused = lower.some((word) => RECOVERY_REFUSED.has(word));
  const groupAt = lower.findIndex((word, index) => word === "recovery" && lower[index + 1] === "group" && tokens[index + 2] !== undefined);
  // "cmrecovercl: processing recovery group oragroup" (the cluster daemon logging for it): the command's own label is
  // not part of what it says (review: that line was read as nothing, and the recovery as a rehearsal).
  const from = lower[0] === "cmrecovercl" && tokens[0].source.charAt(tokens[0].offset + tokens[0].text.length) === ":" ? 1 : 0;
  const said = lower.slice(from);
  const saidTokens = tokens.slice(from);
  const recovery = said.indexOf("recovery");
  const progressGroupAt = said.findIndex((word, index) => word === "recovery" && said[index + 1] === "group" && saidTokens[index + 2] !== undefined);
  const packageAt = said.findIndex((word, index) => word === "recovery" && said[index + 1] === "package" && saidTokens[index + 2] !== undefined);
  if (refused) {
    // cmrecovercl refusing a group it was processing: "Unable to recover recovery group rg_gl: the monitored cluster monprod
    // has not reached the CLUSTER_ALARM state", "recovery group rg_gl was not recovered" (round 51 #15: its "Processing the
    // recovery group" line before it was read as the recovery). A group in maintenance mode is said below.
    const recoverVerb = lower.includes("recover") || lower.includes("recovered");
    if (groupAt >= 0 && recoverVerb && !lower.includes("maintenance"))
      events.push({ kind: "cc.recover.refused", fields: { recoveryGroup: tokens[groupAt + 2].value } });
  } else if (said[0] === "processing" && said[recovery + 1] === "group" && saidTokens[recovery + 2]) {
    events.push({ kind: "cc.recover", fields: { recoveryGroup: saidTokens[recovery + 2].value, cluster: clusterAfterOn() } });
  } else if (said[0] === "starting" && said[1] === "recovery" && said[2] === "package" && saidTokens[3]) {
    events.push({ kind: "cc.recover", package: saidTokens[3].value, fields: { recoveryGroup: null, cluster: clusterAfterOn() } });
  } else if (progressGroupAt > 0 && RECOVERY_PROGRESS.has(said[0]) && progressGroupAt <= 3) {
    events.push({ kind: "cc.recover", fields: { recoveryGroup: saidTokens[progressGroupAt + 2].value, cluster: clusterAfterOn() } });
  } else if (packageAt >= 0 && (said[packageAt + 3] === "is" || said[packageAt + 3] === "was") && RECOVERY_UP.has(said[packageAt + 4] ?? "")) {
    events.push({ kind: "cc.recover", package: saidTokens[packageAt + 2].value, fields: { recoveryGroup: null, cluster: clusterAfterOn() } });
  }
  // Maintenance mode said in words, by cmrecovercl or the cluster daemon: "Recovery group rg_billing set to maintenance
  // mode by root@prdx1", "... is now in maintenance mode"; a recovery skipping the group, "recovery group rg_billing is
  // in maintenance mode, skipped", "Skipping recovery group rg_billing: it is in maintenance mode", "... - it is not
  // recovered" (round 47 #07: left on after a rehearsal, found by the real recovery); out of it, "Recovery group
  // rg_billing is no longer in maintenance mode", "maintenance mode ended for recovery group rg_billing". The wording
  // is not public (the manual gives the commands, cmrecovercl -d / -e, and cmviewconcl's "(maintenance mode)").
  const maintenanceAt = lower.findIndex((word, index) => word === "maintenance" && lower[index + 1] === "mode");
  // Only the sentence that says it: "... placed in maintenance mode. Recovery with cmrecovercl is disabled for it." is on.
  const sentenceEnd = maintenanceAt >= 0 ? sentenceEndAfter(tokens[maintenanceAt]) : 0;
  const clause = lower.filter((_, index) => tokens[index].offset < sentenceEnd);
  // A recovery that skipped the group says so, whatever else the line says ("... in maintenance mode and cannot be
  // recovered, skipping", "skipped, it was left in maintenance mode"): the mode was on. Otherwise a denial ("is not in
  // maintenance mode") or an end said of the mode itself is off; a doubt ("if", "until", "must") is no statement.
  if (maintenanceAt >= 0 && groupAt >= 0 && groupAt < clause.length) {
    const recoveryGroup = tokens[groupAt + 2].value;
    // "cmrecovercl will not recover it until it is re-enabled": cmrecovercl -d's notice says what the mode will do, no
    // recovery skipped anything (round 73 #06).
    const skipped = lower.some((word, index) => word === "skipped" || word === "skipping"
      || (word === "not" && /^(?:recovered|started|recover)$/.test(lower[index + 1] ?? "") && !/^(?:will|would)$/.test(lower[index - 1] ?? "")));
    const denied = lower[maintenanceAt - 1] === "in" && ["not", "never", "isn't", "wasn't"].includes(lower[maintenanceAt - 2] ?? "");
    const ended =
      denied ||
      clause.some((word, index) => MAINTENANCE_ENDED.has(word) || (word === "no" && clause[index + 1] === "longer") || (word === "out" && clause[index + 1] === "of")) ||
      // "maintenance mode disabled / off for rg_x": said of the mode itself, not of the recovery it blocks.
      MAINTENANCE_SAID_OFF.has(lower[maintenanceAt + 2] ?? "") ||
      (["is", "was"].includes(lower[maintenanceAt + 2] ?? "") && MAINTENANCE_SAID_OFF.has(lower[maintenanceAt + 3] ?? ""));
    if (skipped) events.push({ kind: "cc.maintenance", fields: { on: true, recoveryGroup, skipped: true } });
    else if (!clause.some((word) => MAINTENANCE_DOUBT.has(word))) events.push({ kind: "cc.maintenance", fields: { on: !ended, recoveryGroup } });
  }
  // A rehearsal's run (cmrecovercl -r) says so: it recovers nothing.
  if (events.length > 0 && events[events.length - 1].kind === "cc.recover" && lower.some((word) => word.startsWith("rehears") || word.startsWith("(rehears")))
    events[events.length - 1] = { ...events[events.length - 1], fields: { ...events[events.length - 1].fields, rehearsal: true } };

  // The cluster the work happens on: "on [recovery] cluster C" (not the primary cluster a remark names).
  function clusterAfterOn(): string | null {
    const on = lower.findIndex(
      (word, index) => word === "on" && (lower[index + 1] === "cluster" || (lower[index + 1] === "recovery" && lower[index + 2] === "cluster")),
    );
    if (on < 0) return null;
    const named = lower.indexOf("cluster", on);
    return tokens[named + 1] ? tokens[named + 1].value : null;
  }
  return events;
}

export const meta = {
  name: "continental",
  role: "body",
  // cmdlog: cmrecovercl's progress saved with script(1) or tee under its prompt (round 54 #07: the group it skipped).
  formats: ["syslog", "pkglog", "cmdlog"],
  prefilter: /CLUSTER_AL(?:ERT|ARM)|UNREACHABLE|changed .*\bto (?:UP|Up|up)\b|\/(?:DOWN|ERROR|UP)\b|\b(?:DOWN|ERROR|UP)\b.*\b(?:[Aa]lert|[Aa]larm|ALERT|ALARM)\b|\b(?:[Aa]lert|[Aa]larm|ALERT|ALARM)\b.*\b(?:DOWN|ERROR|UP)\b|[Cc]ontinental.*\bUP\b|[Rr]ecovery (?:group|package)/,
  description: "Continentalclusters alerts and alarms from the monitor, and cmrecovercl progress",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "primary_cluster UNREACHABLE alert", expect: [{ kind: "cc.alert", fields: { cluster: "primary_cluster", condition: "UNREACHABLE", minutes: null } }] },
  // When the notices will come, none raised yet (round 85 #07).
  { text: "/cmcl/crewprd/status: cluster event crewprd/UNREACHABLE detected, alert in 5 MINUTES, alarm in 20 MINUTES", expect: [] },
  { text: "CLUSTER_ALERT primary_cluster/UNREACHABLE 5 MINUTES", expect: [{ kind: "cc.alert", fields: { cluster: "primary_cluster", condition: "UNREACHABLE", minutes: 5 } }] },
  { text: "CLUSTER_ALARM 15 MINUTES: cluster LAcluster status UNREACHABLE", expect: [{ kind: "cc.alarm", fields: { cluster: "LAcluster", condition: "UNREACHABLE", minutes: 15 } }] },
  { text: "Cluster ALARM: primary_cluster DOWN for 15 minutes", expect: [{ kind: "cc.alarm", fields: { cluster: "primary_cluster", condition: "DOWN", minutes: 15 } }] },
  { text: "CLUSTER_ALARM: jnb_core unreachable for 20 minutes. Recovery with cmrecovercl may be started once the DR manager approves.", expect: [{ kind: "cc.alarm", fields: { cluster: "jnb_core", condition: "UNREACHABLE", minutes: 20 } }] },
  { text: "Continentalclusters CLUSTER_ALARM notification for cluster bos_prod (unreachable 15 minutes) - see /var/opt/resmon/log/cc/eventlog", expect: [{ kind: "cc.alarm", fields: { cluster: "bos_prod", condition: "UNREACHABLE", minutes: 15 } }] },
  { text: "Continentalclusters CLUSTER_ALERT notification for cluster bos_prod (unreachable 5 minutes)", expect: [{ kind: "cc.alert", fields: { cluster: "bos_prod", condition: "UNREACHABLE", minutes: 5 } }] },
  { text: "CLUSTER_ALARM: cluster lax_prod down for 15 minutes", expect: [{ kind: "cc.alarm", fields: { cluster: "lax_prod", condition: "DOWN", minutes: 15 } }] },
  { text: "CLUSTER_ALERT: lax_prod down for 5 minutes", expect: [{ kind: "cc.alert", fields: { cluster: "lax_prod", condition: "DOWN", minutes: 5 } }] },
  { text: "CLUSTER_ALARM cleared: primary_cluster no longer unreachable", expect: [{ kind: "cc.alarm", fields: { cluster: null, condition: null, minutes: null } }] },
  { text: "CLUSTER_ALARM: cluster primary_cluster has been UNREACHABLE for 68 minutes", expect: [{ kind: "cc.alarm", fields: { cluster: "primary_cluster", condition: "UNREACHABLE", minutes: 68 } }] },
  { text: "Recovery group rg_edi is in maintenance mode. Skipping the recovery group rg_edi.", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_edi", skipped: true } }] },
  { text: "Processing the recovery group nfsgroup on recovery cluster eastcoast.", expect: [{ kind: "cc.recover", fields: { recoveryGroup: "nfsgroup", cluster: "eastcoast" } }] },
  // cmrecovercl refusing the group it was processing, its reason over two lines (round 51 #15).
  { text: "Unable to recover recovery group rg_gl: the monitored cluster monprod has not reached", expect: [{ kind: "cc.recover.refused", fields: { recoveryGroup: "rg_gl" } }] },
  { text: "the CLUSTER_ALARM state (current state: UNREACHABLE, alert level).", expect: [] },
  { text: "cmrecovercl: recovery group rg_pay was not recovered (primary cluster still reachable)", expect: [{ kind: "cc.recover.refused", fields: { recoveryGroup: "rg_pay" } }] },
  { text: "Starting recovery package nfsbackuppkg on recovery cluster eastcoast.", expect: [{ kind: "cc.recover", package: "nfsbackuppkg", fields: { recoveryGroup: null, cluster: "eastcoast" } }] },
  { text: "Halting data receiver package nfsreceiverpkg on recovery cluster eastcoast.", expect: [] },
  { text: "Starting recovery of recovery group rg_billing (primary cluster syd_prod is in ALARM state)", expect: [{ kind: "cc.recover", fields: { recoveryGroup: "rg_billing", cluster: null } }] },
  { text: "Recovery package billing_r is up on cluster mel_dr", expect: [{ kind: "cc.recover", package: "billing_r", fields: { recoveryGroup: null, cluster: "mel_dr" } }] },
  {
    text: "Processing the recovery group rg_loans on recovery cluster cpt_clu (rehearsal mode, rehearsal package loans_reh).",
    expect: [{ kind: "cc.recover", fields: { recoveryGroup: "rg_loans", cluster: "cpt_clu", rehearsal: true } }],
  },
  { text: "Recovery package billing_r failed to start on cluster mel_dr", expect: [] },
  { text: "Recovery package billing_r is not running on cluster mel_dr", expect: [] },
  { text: "Recovery group ordb_rg has been put in maintenance mode. cmrecovercl will not recover it until it is re-enabled.", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "ordb_rg" } }] },
  { text: "Skipping recovery group rg_billing: it is in maintenance mode", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_billing", skipped: true } }] },
  { text: "cmrecovercl: recovery group rg_billing is in maintenance mode, skipped", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_billing", skipped: true } }] },
  { text: "Recovery group rg_billing is in maintenance mode on recovery cluster paris_drc - it is not recovered.", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_billing", skipped: true } }] },
  { text: "Recovery group rg_billing set to maintenance mode by root@prdx1", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_billing" } }] },
  { text: "Recovery group rg_billing is now in maintenance mode on recovery cluster paris_drc.", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_billing" } }] },
  { text: "Recovery group rg_billing is no longer in maintenance mode", expect: [{ kind: "cc.maintenance", fields: { on: false, recoveryGroup: "rg_billing" } }] },
  { text: "Recovery group rg_loans has been placed in maintenance mode. Recovery with cmrecovercl is disabled for it.", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_loans" } }] },
  { text: "Recovery group rg_crm has been taken out of maintenance mode. Recovery is enabled.", expect: [{ kind: "cc.maintenance", fields: { on: false, recoveryGroup: "rg_crm" } }] },
  { text: "Maintenance mode ended for recovery group rg_billing", expect: [{ kind: "cc.maintenance", fields: { on: false, recoveryGroup: "rg_billing" } }] },
  { text: "Cannot set recovery group rg_billing to maintenance mode: its recovery package is running", expect: [] },
  { text: "Recovery group oragroup is not in maintenance mode.", expect: [{ kind: "cc.maintenance", fields: { on: false, recoveryGroup: "oragroup" } }] },
  { text: "cmrecovercl: recovery group rg_bill skipped, it was left in maintenance mode", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_bill", skipped: true } }] },
  { text: "Recovery group rg_bill is now in maintenance mode; recovery disabled for it", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_bill" } }] },
  { text: "Recovery group rg_bill is in maintenance mode and cannot be recovered, skipping", expect: [{ kind: "cc.maintenance", fields: { on: true, recoveryGroup: "rg_bill", skipped: true } }] },
  { text: "Maintenance mode disabled for recovery group rg_bill", expect: [{ kind: "cc.maintenance", fields: { on: false, recoveryGroup: "rg_bill" } }] },
  { text: "cmrecovercl: processing recovery group oragroup", expect: [{ kind: "cc.recover", fields: { recoveryGroup: "oragroup", cluster: null } }] },
  { text: "eastcoast UNREACHABLE alert", expect: [{ kind: "cc.alert", fields: { cluster: "eastcoast", condition: "UNREACHABLE", minutes: null } }] },
  { text: "chicluster status changed from DOWN to UP", expect: [{ kind: "cc.alert", fields: { cluster: "chicluster", condition: "UP", minutes: null } }] },
  { text: "Cluster event chicluster/UP: notification sent (see /var/opt/resmon/log/cc/eventlog)", expect: [{ kind: "cc.alert", fields: { cluster: "chicluster", condition: "UP", minutes: null } }] },
  { text: "chicluster status changed from UP to DOWN", expect: [] },
  // The monitor's notice shape with the cluster back UP, on a line naming Continentalclusters (round 48 #17); not another
  // product's "UP".
  { text: "Continentalclusters: ccprimary UP - see /var/opt/resmon/log/cc/eventlog", expect: [{ kind: "cc.alert", fields: { cluster: "ccprimary", condition: "UP", minutes: null } }] },
  { text: "Continentalclusters: cluster ccprimary is UP again", expect: [{ kind: "cc.alert", fields: { cluster: "ccprimary", condition: "UP", minutes: null } }] },
  { text: "lan2 UP - link restored", expect: [] },
  { text: "Continentalclusters: ccprimary UNREACHABLE, ccrecovery UP", expect: [] },
  { text: "Continentalclusters: waiting for ccprimary UP before enabling recovery", expect: [] },
  { text: "Continentalclusters: ccprimary DOWN - will report when ccprimary UP again", expect: [] },
  // The monitor's notice word on the same line: the state it changed to (it was read as UP, the state it left).
  { text: "Cluster waw_prod status changed from UP to UNREACHABLE (CLUSTER_ALERT 5 MINUTES)", expect: [{ kind: "cc.alert", fields: { cluster: "waw_prod", condition: "UNREACHABLE", minutes: 5 } }] },
  { text: "Cluster event: lacluster status changed from Unreachable to Up", expect: [{ kind: "cc.alert", fields: { cluster: "lacluster", condition: "UP", minutes: null } }] },
  { text: "Cluster event: lacluster status changed from Up to Unreachable", expect: [] },
  { text: "lacluster status changed from down to up again after the backup was set up", expect: [] },
  { text: "Cluster event: lax_clu changed from UNREACHABLE to UP", expect: [{ kind: "cc.alert", fields: { cluster: "lax_clu", condition: "UP", minutes: null } }] },
  { text: "lax_clu was UNREACHABLE for 90 seconds, below CLUSTER_ALERT 5 MINUTES - no notification sent", expect: [] },
  { text: "Cluster jnb_clu has not been in the alarm state; recovery is not enabled (CLUSTER_ALARM 15 MINUTES).", expect: [] },
  { text: "cmrecovercl: the primary cluster prod_clu is not in an alarm state. Use the -f option to override.", expect: [] },
  { text: "Recovery refused: no CLUSTER_ALARM received for den_cl (alert only). Use -f to force.", expect: [] },
  { text: "CLUSTER_ALARM: primary_cluster/UNREACHABLE for 15 minutes - could not send alarm notification to root", expect: [{ kind: "cc.alarm", fields: { cluster: "primary_cluster", condition: "UNREACHABLE", minutes: 15 } }] },
  { text: "CLUSTER_ALERT: primary_cluster/UNREACHABLE for 10 minutes (not yet an alarm)", expect: [{ kind: "cc.alert", fields: { cluster: "primary_cluster", condition: "UNREACHABLE", minutes: 10 } }] },
  { text: "CLUSTER_ALERT westcoast/DOWN 10 MINUTES", expect: [{ kind: "cc.alert", fields: { cluster: "westcoast", condition: "DOWN", minutes: 10 } }] },
  // Other programs' alerts: no cluster named, or not the monitor's notice shape.
  { text: "ERROR <script>alert(1)</script> in request handler", expect: [] },
  { text: "HOST ALERT: web1;DOWN;HARD;3;PING CRITICAL - Packet loss = 100%", expect: [] },
  { text: "disk sda ERROR alert raised by smartd", expect: [] },
  { text: "link UP alert cleared on lan2", expect: [] },
];
%}

@lexer lexer

body -> item:* %eol {% ([items]) => interpret(items) %}

item -> %anyToken {% id %}
