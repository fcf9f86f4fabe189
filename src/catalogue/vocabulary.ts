/** The names rule files may use: action ids (issue 3 contract) and event kinds (docs/events.md). */

/** Contract action ids (the JSON `action` field). More may be added; these keep their meaning. */
export const ACTION_IDS: Readonly<Record<string, string>> = {
  "full-resync": "pairs suspended while the application writes on the P-VOL side: resynchronize from the P-VOL side after the repair",
  "recreate-pairs": "both sides SMPL: recreate the pairs from the side holding the current data",
  "swap-resync": "the application runs on the former S-VOL side (SSWS): pairresync -swaps from the failover site (or -swapp from the primary)",
  failback: "once resynchronized: halt the package at the failover site and start it on the primary site",
  "force-or-resync": "start refused because the data may be non-current: confirm the other site is down, then resync or force",
  "raise-run-script-timeout": "the run script was killed by RUN_SCRIPT_TIMEOUT, or the timeout is below what startup needs",
  "raise-horctimeout": "horctakeover timed out (EX_EWSTOT) flushing an ASYNC side file or journal",
  "restart-raid-manager": "the Raid Manager instance is down or runs an old configuration: restart it on every node",
  "raise-member-timeout": "cmcld starved repeatedly: MEMBER_TIMEOUT above 10 times the largest reported delay",
  "check-pair-consistency": "pair volume combination or mixed states (EX_EVOLCE, EX_ENQVOL, EX_INCSTG, EX_INVSTP)",
  "recover-continental-cluster": "Continentalclusters alarm: confirm the disaster, then cmrecovercl on the recovery cluster",
  "fix-package-failure": "a run or halt script failed for a reason outside replication: fix it, then re-enable switching",
  "rejoin-node":
    "a Serviceguard daemon died or the safety timer reset the node (TOC), or a node failed and its package failed over: find why, then rejoin it with cmrunnode",
  automated: "Metrocluster handled it on an AUTO_* = 1 path: what is left for the operator",
  "check-async-capacity": "ASYNC side file or journal filling (PFUL, rising %): check the CA links and the side-file/journal sizing before the pairs suspend",
  "confirm-continental-outage":
    "Continentalclusters alert: the primary cluster does not answer yet; confirm with the primary site, prepare, do not recover before the alarm",
  "restart-cluster-one-site": "the cluster halted for lack of quorum: confirm the other site is down, then start the cluster on one site only (cmruncl -n)",
  "restart-at-failover-site":
    "the package is down everywhere after a takeover: start it again at the failover site, whose data is current, then swap-resync while it runs",
  "end-continental-maintenance":
    "a Continentalclusters recovery group left in maintenance mode after a rehearsal: give its volumes back to replication from the primary site, then cmrecovercl -e",
  investigate:
    "something failed and mcadvisor cannot tell which procedure applies: what it could read, how to find out on both sites, and which procedure follows each answer",
  "wait-for-copy":
    "a takeover, a start or a failure while the pairs were copying (COPY, EX_VOLCUR): run the package where the copy comes from, wait for PAIR, never take over or force on the copy's target",
};

/**
Serviceguard commands that stop every package of the node they are typed on (cmhaltnode) or of its whole cluster
(cmhaltcl), whether or not the packages' own halts were logged: after one, a package is not known to run there.
*/
export const NODE_STOPPING_COMMANDS: ReadonlySet<string> = new Set(["cmhaltcl", "cmhaltnode"]);

/** Event kinds the grammars emit (docs/events.md; test/catalogue/vocabulary.test.ts keeps the two equal). */
export const EVENT_KINDS: readonly string[] = [
  "pkg.start.requested",
  "pkg.halt.requested",
  "pkg.script.executing",
  "pkg.started",
  "pkg.halted",
  "pkg.script.exit",
  "pkg.script.timeout",
  "pkg.switching.disabled",
  "pkg.switching.enabled",
  "node.timeout",
  "node.halted",
  "cluster.forming",
  "cluster.formed",
  "cluster.membership",
  "cluster.member.unhealthy",
  "cluster.heartbeat.restored",
  "cmcld.starved",
  "cluster.eviction.risk",
  "daemon.died",
  "daemon.lost",
  "node.reset",
  "clock.stepped",
  "fs.full",
  "fs.error",
  "admin.command",
  "pkg.service.failed",
  "pkg.no.eligible.node",
  "pkg.status",
  "cluster.status",
  "node.status",
  "config.applied",
  "pkg.start.begin",
  "pkg.start.completed",
  "pkg.start.failed",
  "pkg.halt.begin",
  "pkg.halt.completed",
  "pkg.halt.failed",
  "pkg.replication.configured",
  "pkg.md.start",
  "pkg.md.deactivate",
  "pkg.vg.activate",
  "pkg.vg.deactivate",
  "pkg.fs.check",
  "pkg.fs.mount",
  "pkg.fs.unmount",
  "pkg.ip.add",
  "pkg.ip.remove",
  "pkg.service.start",
  "pkg.service.halt",
  "pkg.error",
  "pkg.error.detail",
  "pkg.warning",
  "pkg.retry",
  "pair.state",
  "pair.unreachable",
  "raid.error",
  "fence",
  "auto.setting",
  "forceflag",
  "takeover",
  "takeover.requested",
  "pair.resync",
  "pair.create",
  "pair.split",
  "mc.start.refused",
  "mc.noncurrent",
  "horcm.error",
  "horcm.started",
  "horcm.stopped",
  "horcm.config.changed",
  "mc.unprotected",
  "mc.device.group",
  "link.failure",
  "link.restored",
  "lvm.io.waiting",
  "lvm.quorum.lost",
  "lvm.pv.failed",
  "cc.alert",
  "cc.alarm",
  "cc.recover",
  "cc.recover.refused",
  "cc.maintenance",
  "config.setting",
  "cluster.lock.failed",
  "cluster.quorum.lost",
  "quorum.server.unavailable",
  // Raid Manager's own output (grammars/raidmanager.ne) and operator commands (grammars/operator.ne).
  "raid.command",
  "raid.error.detail",
  "takeover.waiting",
  "pair.wait",
  "journal.state",
  "consistency.group",
  "horcm.starting",
  "horcm.running",
  "operator.command",
  "operator.denied",
  "untimed.operator.command",
  "untimed.takeover.requested",
  "untimed.horcm.started",
  "untimed.horcm.stopped",
  "untimed.horcm.config.changed",
  "untimed.pair.resync",
  "untimed.pair.split",
  "untimed.pair.create",
  // Saved Raid Manager output with no time anywhere (src/ingest/discover.ts, InputFile.untimed): its events at no time.
  "untimed.pair.state",
  "untimed.pair.unreachable",
  "untimed.raid.error",
  "untimed.raid.command",
  "untimed.fence",
  // The parse stage's marker of a replication line no grammar read (src/parse/unread.ts).
  "line.unread",
  "node.seen",
];

// ---- How mcadvisor reads and draws them: one table each, read by the pair model, the TUI, the reports and the
// Logs view (docs/events.md, "Pair states", shows the same table; test/catalogue/vocabulary.test.ts keeps them equal).

/** What a pair state means for the data. */
export type PairStateClass = "synced" | "copying" | "suspended" | "swapped" | "failed" | "simplex";

/**
The states Raid Manager reports (pairdisplay, pairvolchk; CCI/RAID Manager user guide state table, reference.md
"Pair states"). PFUL is still pairing (pairdisplay shows it as PAIR; only -fc tells it apart): synced, and the
side file's filling is a warning the rules give (check-async-capacity), not a failure. RCPY is COPY in reverse.
*/
export const PAIR_STATES: Readonly<Record<string, { readonly class: PairStateClass; readonly meaning: string }>> = {
  PAIR: { class: "synced", meaning: "paired and synchronized" },
  PFUL: { class: "synced", meaning: "ASYNC: side file or journal above the high-water mark, still pairing (a warning)" },
  COPY: { class: "copying", meaning: "copy in progress, not yet synchronized" },
  RCPY: { class: "copying", meaning: "reverse copy in progress" },
  PSUS: { class: "suspended", meaning: "split by the user; the P-VOL keeps a differential bitmap" },
  SSUS: { class: "suspended", meaning: "the S-VOL of a split pair" },
  SSWS: { class: "swapped", meaning: "S-VOL made writable by an S-VOL takeover; reversed with pairresync -swaps" },
  PSUE: { class: "failed", meaning: "suspended by an error (CA link or hardware)" },
  PDUB: { class: "failed", meaning: "LUSE pair with some LDEVs not in PAIR" },
  PFUS: { class: "failed", meaning: "ASYNC: suspended because the side file or journal is full" },
  SMPL: { class: "simplex", meaning: "not paired" },
};

/** The class a state is drawn with: one no table names is drawn as suspended (someone must decide what it means). */
export function pairStateClass(state: string): PairStateClass {
  return PAIR_STATES[state]?.class ?? "suspended";
}

/** Out of PAIR for the pair model (split, swapped or failed): the data is not mirrored. A state no table names is not. */
export function isOutOfPair(state: string): boolean {
  const known = PAIR_STATES[state]?.class;
  return known === "suspended" || known === "swapped" || known === "failed";
}

/**
The state one report of a group shows for one side when it names two (one line, or the rows of one pairdisplay
table): PAIR next to a split, swapped, failed or SMPL state is a group whose volumes differ ("6 volumes
PVOL_PAIR, 2 volumes PVOL_PSUE": broken pair affinity), or a PAIR-to-suspended transition; either way the group
is not PAIR, so the other state wins, and `mixed` says the volumes differ. Any other pair (COPY then PAIR) reads
as a transition: the later state wins.
*/
export function oneReportState(previous: string, state: string): { state: string; mixed: boolean } {
  if (previous === state) return { state, mixed: false };
  const broken = (candidate: string): boolean => isOutOfPair(candidate) || candidate === "SMPL";
  if (previous === "PAIR" && broken(state)) return { state, mixed: true };
  if (state === "PAIR" && broken(previous)) return { state: previous, mixed: true };
  return { state, mixed: false };
}

/**
Whether a pairdisplay row at `line` continues the table whose last row was at `lastLine` (same file): rows follow
each other, with at most the table's header or a wrapped line between them.
*/
export const continuesTable = (lastLine: number, line: number): boolean => line > lastLine && line - lastLine <= 3;

/** How much an event matters to someone reading the history. */
export type EventLevel = "info" | "warning" | "error";

/** What a display label is made from: the event's names and fields. */
export interface LabelledEvent {
  readonly node: string | null;
  readonly package: string | null;
  readonly deviceGroup: string | null;
  readonly fields: Readonly<Record<string, string | number | boolean | null>>;
}

/** What the report's package activity says a package did. */
export type PackageActivityKind =
  | "started"
  | "halted"
  | "start failed"
  | "halt failed"
  | "script timed out"
  | "start refused"
  | "no eligible node"
  | "switching disabled"
  | "switching enabled";

/** How an event kind is shown: its level, its mark on the timelines, its line in the report's package activity. */
export interface EventDisplay {
  readonly level: EventLevel;
  /** The mark's text on the pair-state timeline (TUI, reports); a kind without one is not drawn there. */
  readonly label?: (event: LabelledEvent) => string;
  /** The one-character mark in the TUI's timeline. */
  readonly glyph?: string;
  /** The word in the report's package activity. */
  readonly activity?: PackageActivityKind;
  /** Syslog names, with it, a package that ran (or tried to) on a node: the report looks for that package's log. */
  readonly ran?: true;
}

const text = (value: unknown): string => (value === null || value === undefined || value === "" ? "?" : String(value));

/** The event kinds that are shown somewhere beyond the Logs view; the others are listed, not drawn. */
export const EVENT_DISPLAY: Readonly<Record<string, EventDisplay>> = {
  "pkg.started": { level: "info", glyph: "S", activity: "started", ran: true, label: (e) => `${text(e.package)} started on ${text(e.node)}` },
  "pkg.halted": { level: "info", glyph: "H", activity: "halted", ran: true, label: (e) => `${text(e.package)} halted on ${text(e.node)}` },
  "pkg.start.failed": {
    level: "error",
    glyph: "F",
    activity: "start failed",
    ran: true,
    label: (e) => `${text(e.package)} failed to start on ${text(e.node)}`,
  },
  "pkg.halt.failed": { level: "error", glyph: "F", activity: "halt failed", label: (e) => `${text(e.package)} failed to halt on ${text(e.node)}` },
  "pkg.script.timeout": {
    level: "error",
    glyph: "F",
    activity: "script timed out",
    ran: true,
    label: (e) => `${text(e.package)} ${e.fields.phase === "halt" ? "halt" : "run"} script timed out on ${text(e.node)}`,
  },
  "mc.start.refused": {
    level: "error",
    glyph: "F",
    activity: "start refused",
    label: (e) => `Metrocluster refused to start ${text(e.package)} on ${text(e.node)}`,
  },
  "pkg.no.eligible.node": { level: "error", activity: "no eligible node" },
  "pkg.status": {
    level: "info",
    label: (e) => `cmviewcl showed ${text(e.package)} ${text(e.fields.state)} on ${text(e.node)}`,
  },
  "cluster.status": { level: "info", glyph: "C", label: (e) => `cmviewcl showed cluster ${text(e.fields.cluster)} ${text(e.fields.status)}` },
  "node.status": {
    level: "info",
    glyph: "N",
    label: (e) => `cmviewcl showed node ${text(e.node)} ${text(e.fields.state)}${e.fields.cluster ? ` in cluster ${text(e.fields.cluster)}` : ""}`,
  },
  "pkg.switching.disabled": { level: "warning", activity: "switching disabled" },
  "pkg.switching.enabled": { level: "info", activity: "switching enabled" },
  "pkg.start.requested": { level: "info", ran: true },
  "pkg.halt.requested": { level: "info", ran: true },
  "pkg.script.executing": { level: "info", ran: true },
  "pkg.script.exit": { level: "info", ran: true },
  "node.timeout": { level: "error", glyph: "N", label: (e) => `node ${text(e.node)} timed out` },
  "node.halted": { level: "info", glyph: "N", label: (e) => `node ${text(e.node)} halted and left the cluster` },
  "cluster.formed": { level: "info", glyph: "C", label: (e) => `cluster formed with ${text(e.fields.members)} node(s)` },
  "daemon.died": { level: "error", glyph: "D", label: (e) => `${text(e.fields.daemon)} died on ${text(e.node)}` },
  "fs.full": { level: "error", glyph: "F", label: (e) => `file system ${text(e.fields.device)} full` },
  "fs.error": { level: "error", glyph: "F", label: (e) => `file system on ${text(e.fields.device)} damaged (${text(e.fields.fsType)})` },
  "clock.stepped": { level: "warning", glyph: "K", label: (e) => `${text(e.node)}'s clock stepped by ${text(e.fields.seconds)} s` },
  "node.reset": { level: "error", glyph: "N", label: (e) => `${text(e.node)} was reset by the Serviceguard ${text(e.fields.cause)}` },
  takeover: {
    level: "warning",
    glyph: "T",
    label: (e) =>
      `horctakeover ${text(e.deviceGroup)} on ${text(e.node)}: ${e.fields.ok === true ? text(e.fields.resultName) : `failed ${text(e.fields.code)}`}`,
  },
  "pair.resync": {
    level: "info",
    glyph: "R",
    label: (e) =>
      `pairresync${e.fields.mode && e.fields.mode !== "normal" ? ` -${String(e.fields.mode)}` : ""} ${text(e.deviceGroup)} ${e.fields.outcome ?? ""}`.trimEnd(),
  },
  "pair.create": { level: "info", glyph: "P", label: (e) => `paircreate ${text(e.deviceGroup)} ${e.fields.outcome ?? ""}`.trimEnd() },
  "pair.split": { level: "warning", glyph: "X", label: (e) => `pairsplit ${text(e.deviceGroup)} ${e.fields.outcome ?? ""}`.trimEnd() },
  "link.failure": { level: "error", glyph: "L", label: (e) => `replication link failure seen from ${text(e.node)}` },
  "link.restored": { level: "info", glyph: "l", label: (e) => `replication link restored seen from ${text(e.node)}` },
  "cc.alert": { level: "warning", glyph: "A", label: (e) => `alert: cluster ${text(e.fields.cluster)} ${text(e.fields.condition)}` },
  "cc.alarm": { level: "error", glyph: "A", label: (e) => `alarm: cluster ${text(e.fields.cluster)} ${text(e.fields.condition)}` },
  "cc.maintenance": {
    level: "info",
    glyph: "M",
    label: (e) => `recovery group ${text(e.fields.recoveryGroup)} ${e.fields.on === true ? "into" : "out of"} maintenance mode`,
  },
  "cc.recover": {
    level: "warning",
    glyph: "V",
    label: (e) => `cmrecovercl${e.package ? `: ${e.package}` : ""}${e.fields.cluster ? ` on ${String(e.fields.cluster)}` : ""}`,
  },
};

/**
Words that mark trouble in Serviceguard, Metrocluster and Raid Manager lines, as whole words (`*`: a prefix),
for lines no grammar made an event of as much as for any other. EX_ codes are Raid Manager errors; words split
at the underscore (EX_EWSTOT is "ex" "ewstot"), so "ex" finds them all.
*/
export const TROUBLE_WORDS: { readonly error: readonly string[]; readonly warning: readonly string[] } = {
  error: ["error*", "fail*", "ex", "abort*", "cannot", "unable", "timed", "timeout*", "died", "panic*", "critical", "alarm", "refused", "denied"],
  warning: ["warn*", "halted", "psue", "pfus", "ssws", "suspend*", "lost", "alert", "unreachable"],
};
