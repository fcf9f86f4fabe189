/**
What the logs have said so far about each device group: each side's last reported role and state,
the fence level, AUTO_* values, where the package last started and on which side, the last takeover
and resync. Rules read it through `lookup(path)`: one reader per state path of src/catalogue/state-paths.ts (docs/rules.md).
Configuration facts (events without a time) are applied first, so their order among files does not matter.
*/

import { NODE_SEEN_KIND, nodeOf, type LogEvent, type Scalar } from "../model/events.js";
import { SiteMap, type SiteDefinition, type SiteInfo } from "./sites.js";
import { GroupAttribution } from "./attribution.js";
import { NodeVerdicts } from "./verdicts.js";
import { ClusterMembership, FAILED_OUT_WINDOW_MS, folderOf } from "./membership.js";
import { PrimaryClusterHalt } from "./primary-halt.js";
import { resolveStatePath, type StatePath } from "../catalogue/state-paths.js";
import { continuesTable, isOutOfPair, NODE_STOPPING_COMMANDS, oneReportState } from "../catalogue/vocabulary.js";

export type VolumeRole = "PVOL" | "SVOL";

interface SideReport {
  role: string | null;
  state: string | null;
  code: string | null;
  ts: number | null;
  /** The line (file:line) of the last report: one line naming several states means a mixed group. */
  line: string | null;
  /** What the last report is merged under: its line, or the first row of the pairdisplay table it is a row of. */
  report?: string | null;
}

interface NodeView {
  local: SideReport;
  remote: SideReport;
}

interface VolumeState {
  state: string | null;
  node: string | null;
  ts: number | null;
  line: string | null;
  report?: string | null;
}

interface PackageState {
  node: string | null;
  running: boolean;
  startedAt: number | null;
  /** When its run script last timed out, since the last start began (null: no timeout in this start). */
  runTimedOutAt: number | null;
  /** Its control script logged an ERROR or retried a step since its last start or halt began (what a failed exit leaves). */
  scriptErrors: boolean;
  /** When its latest start began (asked for, or its run script began), and when a halt of it last failed. */
  startBeganAt: number | null;
  /** When its run script last began (its banner, or cmcld executing it) and on which node, until that start ends. */
  runScriptBegan: { readonly at: number; readonly node: string | null; readonly kind: string } | null;
  /** How long its latest completed start ran, from its run script's beginning to its end (seconds). */
  lastStartSeconds: number | null;
  haltFailedAt: number | null;
  /** The node whose failure (node.timeout, cmcld death) stopped it, until it starts again. */
  lostWith: string | null;
  /** The side (PVOL/SVOL) the package's node was on when it started. */
  sideAtStart: string | null;
  /**
  The node where the logs show the package still running when it started on another one (started there, and
  neither halted nor lost with its node since): both may be writing its data. Null once one of them halts it.
  */
  alsoRunningOn: string | null;
  /** When an administrator last asked it to halt (cmhaltpkg in CM-CMD or sudo lines). */
  haltRequestedAt: number | null;
  /** The line that started it on its node (the latest start line there). */
  startLine: LogEvent | null;
  /**
  Why the logs show it still running on alsoRunningOn: the line that started it there and, when that node is in a
  second cluster, the membership it logged without the starting node. Shown as the finding's evidence (witnesses).
  */
  alsoRunningLines: readonly LogEvent[];
  /** Settings from configuration files (name upper case → value as written). */
  readonly config: Map<string, string>;
  /** Every NODE_NAME its configuration lists: the nodes of the one cluster that runs it. */
  readonly configuredNodes: Set<string>;
  /** The nodes the logs show it starting or running on (a start that failed counts: it used its groups there). */
  readonly triedOn: Set<string>;
  /** AUTO_* / FORCEFLAG / fence as logged (latest wins over configuration). */
  readonly logged: Map<string, Scalar>;
}

/** Where a state path is read: the event's group, package and node, and the rule's "now". */
export interface LookupContext {
  readonly deviceGroup: string | null;
  readonly package: string | null;
  readonly node: string | null;
  readonly now: number | null;
}

/** What a state path's reader gets: the context and the model's records it names. */
interface StateScope {
  readonly group: DeviceGroupState | null;
  readonly packageName: string | null;
  readonly packageState: PackageState | null;
  readonly context: LookupContext;
  /** What `*` stands for in `auto.*` / `setting.*`. */
  readonly name: string;
}

interface DeviceGroupState {
  readonly name: string;
  readonly packages: Set<string>;
  readonly nodes: Map<string, NodeView>;
  readonly volumes: { PVOL: VolumeState; SVOL: VolumeState };
  readonly logged: Map<string, Scalar>;
  /** When some side was first seen out of PAIR since the last time both were PAIR. */
  suspendedSince: number | null;
  /** The line that reported volumes of one side in different states (broken pair affinity), until a clean PAIR report. */
  mixedLine: string | null;
  /** The pairdisplay table being read (one row per volume and side): its file, its last row, its first row's file:line. */
  tableRows: { file: string; lastLine: number; ts: number | null; report: string } | null;
  takeover: { ok: Scalar; resultName: Scalar; code: Scalar; node: string | null; ts: number | null } | null;
  /** The last takeover came after the group was last seen PAIR on both sides (its data was not resynchronized since). */
  takeoverSinceSync: boolean;
  resync: { mode: Scalar; outcome: Scalar; node: string | null; ts: number | null } | null;
  /** The last pairsplit logged (`-rw`, `-S`, `-R` or plain), and whether it came after the group was last PAIR. */
  split: { option: Scalar; node: string | null; ts: number | null } | null;
  splitSinceSync: boolean;
  /**
  A package of the group ran (started, or halted: it was running) on a node whose volume was SSWS since the group
  was last PAIR: the S-VOL side took over even when the horctakeover line is not in the logs (days before them).
  */
  ranOnSswsSinceSync: boolean;
  /** The node it last ran on there. */
  ranOnSswsNode: string | null;
  /**
  A package of the group ran on the P-VOL side while the group was out of PAIR (since it was last PAIR on both
  sides): running there when the suspension was first reported (fence NEVER or ASYNC: the P-VOL kept accepting
  writes; with DATA it refused them), or started there during it. The P-VOL then holds writes the S-VOL never got.
  */
  pvolWroteWhileSuspended: boolean;
  /**
  The suspension began while a package of the group ran on its P-VOL side (fence NEVER or ASYNC): it counts as
  writes the S-VOL lacks once a line of that node, or of another node of its cluster, comes PVOL_WRITES_MS later
  with the package still running there and its array not lost (confirmPvolWrites; until then it may be the site's
  own failure reported by its last breath, the ordinary asynchronous tail).
  */
  pvolWritingFrom: number | null;
  /**
  After a successful S-VOL takeover, a node of the P-VOL side reported its own P-VOL still suspended (not swapped)
  while a package of the group it had been running since before the takeover still ran there, the node not restarted
  since: both sides take writes now (a Continentalclusters recovery or a forced takeover while the primary lived on).
  */
  pvolWroteSinceTakeover: boolean;
  /**
  A node that held the P-VOL reported it copying (COPY, still P-VOL) while the package had run on the SSWS volumes
  of the other side since the last PAIR: a resync from the old P-VOL (a plain pairresync), whatever command ran it.
  */
  pvolCopiedOverSsws: boolean;
  /** The line (file:line) that set pvolCopiedOverSsws. */
  copiedOverSswsLine: string | null;
  /**
  The node where a package of the group ran on the P-VOL reported its own volume turned S-VOL and copying (roles
  reversed under the package): the other side's copy is being written over production, a swap resync (or swap
  takeover) run while the package wrote there, whatever command did it and whether any log kept that command.
  */
  svolCopiedOverPvol: boolean;
  /** A copy (COPY, RCPY) was reported since the last PAIR, and whether a suspended state followed it: the copy broke off. */
  copying: boolean;
  copyInterrupted: boolean;
  /** When the copy in progress was first reported (a side's state older than this is from before it). */
  copyStartedAt: number | null;
  /** Since the suspension, the P-VOL's array was reported gone (EX_CMDIOE on its side): it took no writes after that. */
  pvolArrayLost: boolean;
  /** Each node's latest word on its own volume of the group, and the nodes contradicting another. */
  readonly verdicts: NodeVerdicts;
  /** Metrocluster refused a start of a package of the group while it was out of PAIR: somebody was asked to decide. */
  refusedWhileSuspended: boolean;
  /**
  An operator's `horctakeover -g <group> -S` (sudo, shell history) since the group was last PAIR: run on the S-VOL
  side, its outcome not logged. The S-VOL found SSWS later says it worked.
  */
  takeoverCommand: { node: string; ts: number } | null;
  instance: Scalar;
  /** Addressed as Business Copy (ShadowImage, Snapshot: -IM/-ISI, HORCC_MRCF=1, a pairdisplay row inside one array). */
  businessCopySeen: boolean;
  /** Shown as Continuous Access: a package's configured DEVICE_GROUP, a fence level, a takeover. */
  continuousAccessSeen: boolean;
}

/** How soon after a node's own state a report naming no side and the other role is read as the remote check's answer. */
const REMOTE_ANSWER_MS = 120_000;

/** Events only Continuous Access pairs give (a fence level, a takeover): their group is no Business Copy's alone. */
const CONTINUOUS_ACCESS_KINDS: ReadonlySet<string> = new Set(["fence", "takeover"]);

/** A node's own lines that show it at work on its replication (not its cluster daemon starting after a reboot). */
const OWN_WORK_KINDS: ReadonlySet<string> = new Set(["pair.state", "pair.unreachable", "raid.error", "fence"]);

/**
How long after a suspension was reported a line of the P-VOL side must come, the package still running there (or
its node lost that long after it), before the P-VOL counts as holding writes the S-VOL lacks: a site that fails reports its own suspension
in its last seconds, and that is the asynchronous tail a failover always loses, not writes anyone could keep.
*/
const PVOL_WRITES_MS = 2 * 60_000;
/** A stop and a start of a node's instance this close together are one restart by hand (horcmshutdown.sh; horcmstart.sh). */
const HORCM_RESTART_MS = 30 * 60_000;

/** How recently a node whose shell history stopped its instance (untimed) must have logged for the stop to count. */
const UNTIMED_STOP_HEARD_MS = 30 * 60_000;
/** A node silent this long across a takeover is not known to have run through it (node.seen marks every fifteen minutes). */
const SILENT_ACROSS_TAKEOVER_MS = 60 * 60_000;
/**
How long after cmrecovercl asked for a recovery a package's start on the S-VOLs it took over counts as that recovery's:
cmrecovercl starts the recovery packages at once, and their takeover waits at most HORCTIMEOUT (minutes).
*/
const RECOVERY_START_MS = 60 * 60_000;
/**
Two takeover lines of one node about one group this close are one horctakeover run told twice: its exit code
("returned 225 [EX_VOLCUR]") and its result ("SVOL-takeover executed; inconsistent volumes: ..."). A takeover during COPY
is an SVOL-takeover plus EX_VOLCUR (RM-UG p.332): the result line must not erase the currency error (round 54 #17).
*/
const SAME_TAKEOVER_RUN_MS = 60_000;

const emptyReport = (): SideReport => ({ role: null, state: null, code: null, ts: null, line: null });

/** The state to keep for a report (its line, or its table) that may already have named one for this side. */
function mergedState(previous: { state: string | null; line: string | null }, line: string, state: string | null): { state: string | null; mixed: boolean } {
  if (previous.line !== line || previous.state === null || state === null) return { state, mixed: false };
  return oneReportState(previous.state, state);
}

/** `HH:MM:SS` of a naive wall-clock time. */
function clockTime(ts: number | null): string {
  return ts === null ? "" : new Date(ts).toISOString().slice(11, 19);
}

/** A state as the manual's tables write it: `SVOL_COPY`, `PVOL_PSUE`, `SMPL`, or the EX_ code of a side that did not answer. */
function reportText(report: SideReport): string | null {
  if (report.state !== null) return report.role !== null && report.state !== "SMPL" ? `${report.role}_${report.state}` : report.state;
  return report.code;
}

/**
Every node's last report on a device group, both sides, for a finding that cannot tell which procedure
applies: "nodeB1 at 09:31:07: local SVOL_COPY, remote PVOL_COPY; nodeA1 at 09:00:00: local PVOL_COPY".
null when nothing was read.
*/
function describeViews(group: DeviceGroupState): string | null {
  const parts: string[] = [];
  const byTime = [...group.nodes].sort(([, left], [, right]) => latestOf(right) - latestOf(left));
  for (const [node, view] of byTime) {
    const local = reportText(view.local);
    const remote = reportText(view.remote);
    if (local === null && remote === null) continue;
    const at = clockTime(Math.max(view.local.ts ?? 0, view.remote.ts ?? 0) || null);
    // A side reported earlier than the other (a pairvolchk -s after a full pairdisplay) says when: it is not news of
    // the later moment.
    const since = (report: typeof view.local, text: string | null): string => {
      if (text === null) return "not logged";
      const otherTs = report === view.local ? view.remote.ts : view.local.ts;
      const older = report.ts !== null && otherTs !== null && !sameMoment(report.ts, otherTs) && report.ts < otherTs;
      const when = older ? clockTime(report.ts) : null;
      return when ? `${text} (as of ${when})` : text;
    };
    parts.push(`${node}${at ? ` at ${at}` : ""}: local ${since(view.local, local)}, remote ${since(view.remote, remote)}`);
  }
  return parts.length > 0 ? parts.join("; ") : null;
}

function latestOf(view: NodeView): number {
  return Math.max(view.local.ts ?? 0, view.remote.ts ?? 0);
}

/** Two times of one printout: the rows of a table logged line by line may straddle a second or two. */
function sameMoment(left: number | null, right: number | null): boolean {
  return left === null || right === null || Math.abs(left - right) <= 5_000;
}

/**
What a package's control script logged in its current run or halt: an ERROR or a retried step (true), or the run or halt
beginning again (false). A failed exit after such lines is explained by them (round 69 #08: "Failed to unmount", then
cmcld's "halt script exited with NO_RESTART").
*/
const SCRIPT_PROGRESS: ReadonlyMap<string, boolean> = new Map([
  ["pkg.error", true],
  ["pkg.error.detail", true],
  ["pkg.retry", true],
  ["pkg.start.begin", false],
  ["pkg.halt.begin", false],
  ["pkg.script.executing", false],
  ["pkg.start.requested", false],
  ["pkg.halt.requested", false],
]);

/** What ends a start other than its completion: the run script's duration is not measured across them. */
const RUN_SCRIPT_ENDINGS: ReadonlySet<string> = new Set([
  "pkg.start.failed",
  "pkg.script.timeout",
  "mc.start.refused",
  "pkg.halt.begin",
  "pkg.halted",
  "pkg.halt.requested",
]);

/** A run script's banner within this of cmcld's "Executing" of it on the same node: one start. */
const RUN_SCRIPT_SAME_START_MS = 60_000;

/** The lines by which a package's start begins: asked for (cmcld's request), or its run script's banner. */
const START_BEGINNINGS: ReadonlySet<string> = new Set(["pkg.start.requested", "pkg.start.begin"]);

/** One event as the model's handlers read it: where it happened and what it is about, resolved once. */
interface AppliedEvent {
  readonly event: LogEvent;
  readonly fields: LogEvent["fields"];
  readonly node: string | null;
  readonly deviceGroup: string | null;
  readonly packageName: string | null;
  /** The device group's state, when the event is about one. */
  readonly group: DeviceGroupState | null;
}

export class PairModel {
  private readonly groups = new Map<string, DeviceGroupState>();
  private readonly packages = new Map<string, PackageState>();
  /**
  When each node was last seen (re)starting: its Raid Manager instance or its cluster daemon starting, a cluster it
  forms, a reset. A package shown running there before that is not proof it ran across (see pvolWroteSinceTakeover).
  */
  private readonly restartedAt = new Map<string, number>();
  /** Per node, whether its latest reset line came while it was back in its cluster (a retelling: node.resetRetold). */
  private readonly resetRetold = new Map<string, boolean>();
  /**
  Per package, the node the logs last showed it running on when it started on another without a halt there, that node
  counted down (lost, beaten at the tie-break): asked again when that node's daemon shows it went on (noteCarriedOn).
  */
  private readonly leftRunning = new Map<string, { readonly node: string; readonly startedAt: number; readonly startLine: LogEvent | null }>();
  /** The line by which a tie-break's loser showed it still ran, and the package it still runs: what resolve() names for it. */
  private carriedOnNews: { readonly event: LogEvent; readonly deviceGroup: string | null; readonly packageName: string } | null = null;
  /** The last node.seen that changed a group's state, and that group's: what resolve() says it is about. */
  private seenNews: { readonly event: LogEvent; readonly deviceGroup: string; readonly packageName: string } | null = null;
  /** Journals' sizes and their last near-full readings (raidvchkscan's D-SZ and U(%)). */
  private readonly journals = new JournalCapacity();
  /**
  Each device group's consistency group (CTG), as pairdisplay -fe/-fcxe, pairvolchk's CTGID or Metrocluster's lines give it
  (consistency.group): Raid Manager takes over, suspends and resynchronizes the groups of one CTG together.
  */
  private readonly consistencyGroups = new Map<string, number>();
  /** Counts changes of consistencyGroups: the engine looks again at what one group's finding sets aside in another's. */
  private consistencyChanges = 0;
  /** When each node was last heard from (any event, node.seen markers included). */
  private readonly lastHeard = new Map<string, number>();
  /** Nodes whose Raid Manager instance was seen stopped and not started since. */
  private readonly horcmStopped = new Set<string>();
  /** When each node's instance was last seen stopped, and restarted (started within RESTART_MS of a stop) by hand. */
  private readonly horcmStoppedAt = new Map<string, number>();
  private readonly horcmRestartedAt = new Map<string, number>();
  /** The nodes whose instance was seen starting at all (at boot or by hand). */
  private readonly horcmStartedNodes = new Set<string>();
  /** When a horcm<N>.conf was last seen changed, on any node (a file copied to every node is one change). */
  private horcmChangedAt: number | null = null;
  /**
  Nodes whose shell history's last word about a Raid Manager instance is its shutdown (untimed: a history without
  times), with that instance's number when it was given: when it happened is unknown, so it counts only while the node
  is heard (see horcm.stoppedNodes).
  */
  private readonly horcmStoppedUntimed = new Map<string, number | null>();
  /** Groups whose suspension began with a package writing on the P-VOL side, until PVOL_WRITES_MS tells (see pvolWritingFrom). */
  private readonly pvolWriting = new Set<DeviceGroupState>();
  /** Cluster memberships, failures and tie-breaks; what a voided timeout had stopped is handed back. */
  private readonly membership = new ClusterMembership<PackageState[]>(() => [...this.packages.values()].map((state) => state.configuredNodes));
  /** The primary cluster halted before a forced Continentalclusters recovery, as the manual asks (continental.primaryHaltedFirst). */
  private readonly primaryHalt = new PrimaryClusterHalt();
  /** Which group and package an event is about when its line leaves one out. */
  private readonly attribution = new GroupAttribution({
    isConfiguredPackage: (name) => (this.packages.get(name)?.config.size ?? 0) > 0,
    packagesOfGroup: (name) => this.groups.get(name)?.packages,
    runningOn: (name) => {
      const state = this.packages.get(name);
      return state?.running === true ? state.node : null;
    },
  });
  /** Settings from configuration files without a package (cluster ASCII) and logged values without one. */
  private readonly clusterConfig = new Map<string, string>();
  private readonly clusterLogged = new Map<string, Scalar>();
  /** cmrecovercl started recovery packages since the monitored cluster was last seen UP (Continentalclusters). */
  private continentalRecovered = false;
  /**
  Continentalclusters recovery groups in maintenance mode (cmrecovercl -d, until -e): no recovery package can start,
  so a package started on SSWS volumes meanwhile is a rehearsal, whose writes are thrown away, not a takeover.
  */
  private readonly maintenanceGroups = new Set<string>();
  /** A recovery was asked for or logged since the last group went into maintenance: a package on SSWS is a recovery. */
  private recoveringSinceMaintenance = false;
  /** When cmrecovercl last asked for a recovery (not -d or -e), or its progress lines said it recovers. */
  private recoveryAskedAt: number | null = null;
  /** Packages cmrecovercl's own lines named as the recovery packages it started. */
  private readonly recoveryPackages = new Set<string>();

  /** A package started on SSWS now is a rehearsal's: some group is in maintenance and nothing since asked for a recovery. */
  private rehearsing(): boolean {
    return this.maintenanceGroups.size > 0 && !this.recoveringSinceMaintenance;
  }
  /** Monitored clusters whose last monitor notice was not UP (UNREACHABLE, DOWN, ERROR). */
  private readonly unreachableClusters = new Set<string>();
  private latestTs: number | null = null;
  /** Sites by name (operator, cluster ASCII file) and the role each node first reported per group: see siteInfo(). */
  private readonly sites: SiteMap;
  private readonly firstRoles = new Map<string, Map<string, string>>();

  constructor(options: { readonly sites?: readonly SiteDefinition[] } = {}) {
    this.sites = new SiteMap(options.sites);
  }

  /** The device group and package an event belongs to: see GroupAttribution.resolve. */
  resolve(event: LogEvent): { deviceGroup: string | null; package: string | null; deviceGroupFrom?: string } {
    // A node.seen is about no group, except the one whose state it just changed (noteSeenPastTakeover): the rules
    // hear of that change from it, as they would from the node's own pair report.
    if (event.kind === NODE_SEEN_KIND) {
      const news = this.seenNews;
      return news !== null && news.event === event ? { deviceGroup: news.deviceGroup, package: news.packageName } : { deviceGroup: null, package: null };
    }
    const carried = this.carriedOnNews;
    if (carried !== null && carried.event === event) return { deviceGroup: carried.deviceGroup, package: carried.packageName };
    return this.attribution.resolve(event);
  }

  deviceGroups(): string[] {
    return [...this.groups.keys()];
  }

  /** The consistency group (CTG) a device group was last reported in, or null when no line said. */
  consistencyGroupOf(deviceGroup: string): number | null {
    return this.consistencyGroups.get(deviceGroup) ?? null;
  }

  /** Grows whenever a device group's consistency group is learnt or changes. */
  get consistencyVersion(): number {
    return this.consistencyChanges;
  }

  /** The device groups a node is known to hold volumes of: it reported their states, or runs or may run their package. */
  groupsOnNode(node: string): string[] {
    const names: string[] = [];
    for (const group of this.groups.values()) {
      const packaged = [...group.packages].some((name) => {
        const state = this.packages.get(name);
        return state !== undefined && (state.node === node || state.configuredNodes.has(node));
      });
      if (group.nodes.has(node) || packaged) names.push(group.name);
    }
    return names.sort();
  }

  /**
  The packages the logs showed running on this node: started there and not halted or failed since, or
  stopped by this node's failure (the event that failed it is applied before rules look at it).
  */
  packagesOn(node: string | null): string[] {
    if (node === null) return [];
    return [...this.packages]
      .filter(([, state]) => (state.running && state.node === node) || state.lostWith === node)
      .map(([name]) => name)
      .sort();
  }

  private group(name: string): DeviceGroupState {
    let group = this.groups.get(name);
    if (!group) {
      group = {
        name,
        packages: new Set(),
        nodes: new Map(),
        volumes: { PVOL: { state: null, node: null, ts: null, line: null }, SVOL: { state: null, node: null, ts: null, line: null } },
        logged: new Map(),
        suspendedSince: null,
        mixedLine: null,
        tableRows: null,
        takeover: null,
        takeoverSinceSync: false,
        resync: null,
        split: null,
        splitSinceSync: false,
        ranOnSswsSinceSync: false,
        ranOnSswsNode: null,
        pvolWroteWhileSuspended: false,
        pvolWritingFrom: null,
        pvolWroteSinceTakeover: false,
        pvolCopiedOverSsws: false,
        svolCopiedOverPvol: false,
        copiedOverSswsLine: null,
        pvolArrayLost: false,
        copying: false,
        copyInterrupted: false,
        copyStartedAt: null,
        verdicts: new NodeVerdicts(),
        refusedWhileSuspended: false,
        takeoverCommand: null,
        instance: null,
        businessCopySeen: false,
        continuousAccessSeen: false,
      };
      this.groups.set(name, group);
    }
    return group;
  }

  private packageState(name: string): PackageState {
    let state = this.packages.get(name);
    if (!state) {
      state = {
        node: null,
        running: false,
        startedAt: null,
        runTimedOutAt: null,
        scriptErrors: false,
        startBeganAt: null,
        runScriptBegan: null,
        lastStartSeconds: null,
        haltFailedAt: null,
        lostWith: null,
        sideAtStart: null,
        alsoRunningOn: null,
        haltRequestedAt: null,
        startLine: null,
        alsoRunningLines: [],
        config: new Map(),
        configuredNodes: new Set(),
        triedOn: new Set(),
        logged: new Map(),
      };
      this.packages.set(name, state);
    }
    return state;
  }

  private link(packageName: string, deviceGroup: string, fromConfig = false): void {
    const group = this.group(deviceGroup);
    group.packages.add(packageName);
    // Metrocluster replicates a package's DEVICE_GROUP with Continuous Access.
    if (fromConfig) group.continuousAccessSeen = true;
    this.attribution.link(packageName, deviceGroup, fromConfig);
  }

  private view(group: DeviceGroupState, node: string): NodeView {
    let view = group.nodes.get(node);
    if (!view) {
      view = { local: emptyReport(), remote: emptyReport() };
      group.nodes.set(node, view);
    }
    return view;
  }

  /** The role a node's volume last had in a device group (from its own local reports). */
  roleOf(deviceGroup: string | null, node: string | null): string | null {
    if (deviceGroup === null || node === null) return null;
    const group = this.groups.get(deviceGroup);
    const role = group?.nodes.get(node)?.local.role ?? null;
    if (role !== null) return role;
    // A node that never reported: the side a volume state names it on.
    if (group?.volumes.PVOL.node === node) return "PVOL";
    if (group?.volumes.SVOL.node === node) return "SVOL";
    return null;
  }

  /** Update the model with one event (call before rules look at it). */
  apply(event: LogEvent): void {
    if (event.ts !== null && (this.latestTs === null || event.ts > this.latestTs)) this.latestTs = event.ts;
    if (event.ts !== null && event.host !== null && this.pvolWriting.size > 0) this.confirmPvolWrites(event.host, event.ts);
    const node = nodeOf(event);
    this.noteSites(event, node);
    // A configuration names the links between packages and device groups that resolve() reads.
    if (event.kind === "config.setting") {
      this.onConfigSetting(event);
      return;
    }
    if (event.package && event.deviceGroup) this.link(event.package, event.deviceGroup);
    // A node's own replication lines (its monitor, its checks): it was up and working then.
    if (event.host !== null && event.ts !== null && OWN_WORK_KINDS.has(event.kind) && (nodeOf(event) === event.host || event.node === null)) {
      this.membership.noteOwnWork(event.host, event.ts);
    }
    const { deviceGroup, package: packageName } = this.resolve(event);
    const group = deviceGroup !== null ? this.group(deviceGroup) : null;
    if (packageName && SCRIPT_PROGRESS.has(event.kind)) this.packageState(packageName).scriptErrors = SCRIPT_PROGRESS.get(event.kind)!;
    if (packageName && event.ts !== null && START_BEGINNINGS.has(event.kind)) this.packageState(packageName).startBeganAt = event.ts;
    if (packageName && event.ts !== null && (event.kind === "pkg.start.begin" || (event.kind === "pkg.script.executing" && event.fields.phase === "run"))) {
      const began = this.packageState(packageName).runScriptBegan;
      // The banner and cmcld's "Executing" of one start: the earlier one counts. Two of a kind are two starts (a retry).
      if (began === null || began.node !== node || began.kind === event.kind || event.ts - began.at > RUN_SCRIPT_SAME_START_MS)
        this.packageState(packageName).runScriptBegan = { at: event.ts, node, kind: event.kind };
    }
    // A start that failed, timed out or was halted is over: the next completion is another start's (review: a retry).
    if (packageName && RUN_SCRIPT_ENDINGS.has(event.kind)) this.packageState(packageName).runScriptBegan = null;
    if (packageName && event.ts !== null && event.kind === "pkg.halt.failed") this.packageState(packageName).haltFailedAt = event.ts;
    this.handlers.get(event.kind)?.({ event, fields: event.fields, node, deviceGroup, packageName, group });
    if (group !== null) this.noteReplicationKind(group, event);
    this.noteRestart(event, node);
    this.noteCarriedOn(event);
    if (group !== null && event.kind === "pair.state") this.noteTakeoverByHand(group, event);
    if (group !== null && (event.kind === "pair.state" || event.kind === "pair.unreachable")) this.notePvolRunningPastTakeover(group, node, event);
    if (event.host !== null && event.ts !== null) {
      const heardBefore = this.lastHeard.get(event.host);
      if (heardBefore === undefined || event.ts > heardBefore) this.lastHeard.set(event.host, event.ts);
      if (event.kind === NODE_SEEN_KIND) this.noteSeenPastTakeover(event.host, event.ts, event, heardBefore);
    }
  }

  /**
  Whether the group is a Business Copy's (pairs inside one array, split by design for backups and snapshots) or a
  Continuous Access one: one group name may serve both, on two Raid Manager instances, so a sign of either counts.
  */
  private noteReplicationKind(group: DeviceGroupState, event: LogEvent): void {
    if (event.fields.replication === "local") group.businessCopySeen = true;
    else if (CONTINUOUS_ACCESS_KINDS.has(event.kind)) group.continuousAccessSeen = true;
  }

  /**
  Any line of a P-VOL-side node PVOL_WRITES_MS past a group's S-VOL takeover (node.seen: its application's own
  monitor, sshd, cron) says as much as its own pair report would, when that node last reported its P-VOL
  suspended and a package of the group has run there since before the takeover, the node not restarted since:
  the primary never stopped, and both sides write (rounds 24 #06 and 39 #17: the primary site kept logging, its
  package never halted, while the recovery site was forced to take over). The margin keeps a dying site's
  last lines, on a clock a little ahead, from counting.
  */
  private noteSeenPastTakeover(host: string, ts: number, event: LogEvent, heardBefore: number | undefined): void {
    for (const group of this.groups.values()) {
      const takeoverAt = group.takeover?.ts ?? null;
      if (group.pvolWroteSinceTakeover || takeoverAt === null || ts - takeoverAt < PVOL_WRITES_MS) continue;
      // A node silent across the takeover may have been down and come back (its boot lines are heard, not its package):
      // only a node heard from shortly before the takeover and again after it ran on (review).
      if (heardBefore === undefined || (heardBefore < takeoverAt && ts - heardBefore > SILENT_ACROSS_TAKEOVER_MS)) continue;
      const packageName = this.notePvolRunningPastTakeover(group, host, event);
      // One group per line: the next line of the node tells the next group (resolve() names one group per event).
      if (packageName !== null) {
        this.seenNews = { event, deviceGroup: group.name, packageName };
        return;
      }
    }
  }

  /** A node's own line saying it (re)started: its Raid Manager instance, a cluster it forms or joins, a reset. */
  private noteRestart(event: LogEvent, node: string | null): void {
    if (event.ts === null || event.host === null) return;
    // cmhaltcl and cmhaltnode typed there stop its packages even when their halts were not logged (review).
    const halted = event.kind === "admin.command" && NODE_STOPPING_COMMANDS.has(String(event.fields.command));
    if (!halted && !["horcm.started", "cluster.forming", "cluster.formed", "node.reset"].includes(event.kind)) return;
    const who = event.kind === "node.reset" ? (node ?? event.host) : event.host;
    this.restartedAt.set(who, event.ts);
  }

  /**
  An operator's `horctakeover -S` whose result no line logged, then the S-VOL reported SSWS (by either side): the
  takeover that command did, at its time (round 29 #18: the takeover by hand while the primary wrote on). What the
  pairs can only have done; the takeover rules read it as they read a logged one.
  */
  private noteTakeoverByHand(group: DeviceGroupState, event: LogEvent): void {
    const command = group.takeoverCommand;
    if (command === null || group.takeoverSinceSync || event.ts === null || event.ts < command.ts) return;
    if (group.volumes.SVOL.state !== "SSWS") return;
    group.takeover = { ok: true, resultName: "svol", code: null, node: command.node, ts: command.ts };
    group.takeoverSinceSync = true;
  }

  /**
  Round 24 #17, round 25 #17, round 26 #4: a Continentalclusters recovery (or a forced takeover) while the primary
  site lived on. The P-VOL side's own report after the takeover, its P-VOL still suspended, from the node where the
  package has run since before the takeover and that did not restart since, is positive evidence that both sides
  take writes: the primary's package never stopped. A site that was lost and came back restarted (its instance, its
  cluster) and its package is not running: that is the plain disaster, where swap-resync speaks.
  */
  private notePvolRunningPastTakeover(group: DeviceGroupState, node: string | null, event: LogEvent): string | null {
    if (group.pvolWroteSinceTakeover || node === null || event.host !== node || event.ts === null || group.pvolArrayLost) return null;
    const takeoverAt = group.takeover?.ts ?? null;
    if (!this.tookOver(group) || takeoverAt === null || event.ts <= takeoverAt) return null;
    if (this.roleOf(group.name, node) !== "PVOL") return null;
    const own = group.nodes.get(node)?.local.state ?? null;
    if (own === null || !["PSUE", "PSUS", "PFUS", "PDUB"].includes(own)) return null;
    if (this.pvolNodeRunning(group) !== node) return null;
    for (const packageName of group.packages) {
      const state = this.packages.get(packageName);
      if (!state?.running || state.node !== node || state.startedAt === null || state.startedAt >= takeoverAt) continue;
      if ((this.restartedAt.get(node) ?? -Infinity) >= state.startedAt) continue;
      group.pvolWroteSinceTakeover = true;
      group.pvolWroteWhileSuspended = true;
      return packageName;
    }
    return null;
  }

  /** What the model does with each kind of event; a kind not named here changes nothing. */
  private readonly handlers: ReadonlyMap<string, (applied: AppliedEvent) => void> = new Map<string, (applied: AppliedEvent) => void>([
    ["pair.state", (applied) => this.onPairState(applied)],
    ["pair.unreachable", (applied) => this.onPairUnreachable(applied)],
    ["operator.command", (applied) => this.onOperatorCommand(applied)],
    ["admin.command", (applied) => this.onHaltCommand(applied)],
    ["fence", ({ fields, ...scope }) => this.remember(scope, "FENCE", typeof fields.level === "string" ? fields.level.toUpperCase() : null)],
    [
      "pair.create",
      ({ fields, ...scope }) => {
        if (typeof fields.fence === "string") this.remember(scope, "FENCE", fields.fence.toUpperCase());
      },
    ],
    [
      "auto.setting",
      ({ fields, ...scope }) => {
        if (typeof fields.name === "string") this.remember(scope, fields.name.toUpperCase(), fields.value ?? null);
      },
    ],
    ["forceflag", ({ fields, ...scope }) => this.remember(scope, "FORCEFLAG", fields.present ?? null)],
    ["takeover", (applied) => this.onTakeover(applied)],
    // A Raid Manager error on the group (unmatched volume states, an unknown group): that node cannot see it PAIR.
    [
      "raid.error",
      (applied) => {
        const { group, node, event } = applied;
        if (group !== null && node !== null && event.host === node) group.verdicts.note(node, true, this.roleOf(group.name, node), event);
        // EX_ENORMT, "No remote host alive for remote commands", of a command on the group: its other side does not
        // answer, as a pairvolchk -c line would say (round 46 #06 knew it from the command error log only).
        if (group !== null && node !== null && event.host === node && applied.fields.code === "EX_ENORMT")
          this.onPairUnreachable({ ...applied, fields: { side: "remote", code: "EX_ENORMT" } });
      },
    ],
    [
      "mc.start.refused",
      ({ group }) => {
        if (group !== null && group.suspendedSince !== null) group.refusedWhileSuspended = true;
      },
    ],
    ["pair.split", (applied) => this.onPairSplit(applied)],
    ["pair.wait", (applied) => this.onPairWait(applied)],
    ["pair.resync", (applied) => this.onPairResync(applied)],
    ["horcm.started", (applied) => this.onHorcm(applied)],
    [
      "horcm.config.changed",
      ({ event }) => {
        if (event.ts !== null) this.horcmChangedAt = Math.max(this.horcmChangedAt ?? event.ts, event.ts);
      },
    ],
    ["horcm.stopped", (applied) => this.onHorcm(applied)],
    ["horcm.error", (applied) => this.onHorcm(applied)],
    ["untimed.horcm.stopped", (applied) => this.onUntimedHorcm(applied)],
    ["untimed.horcm.started", (applied) => this.onUntimedHorcm(applied)],
    // Cluster membership: a node that lost the tie-break halts (Managing Serviceguard, "Cluster Lock"); it is
    // back once it forms or joins a cluster, or a new membership names it.
    [
      "cluster.lock.failed",
      ({ node, event }) => {
        if (node === event.host) this.voidTimeoutsBy(folderOf(event.source.file), event.ts);
        this.membership.clusterMember(node, false, event);
        this.membership.nodeLost(node, event.ts);
        this.membership.selfLost(node, event);
      },
    ],
    [
      "cluster.quorum.lost",
      ({ node, event }) => {
        if (node === event.host) this.voidTimeoutsBy(folderOf(event.source.file), event.ts);
        this.membership.clusterMember(node, false, event);
        this.membership.nodeLost(node, event.ts);
        this.membership.selfLost(node, event);
        // The losing half halts (safety timer TOC, deadman): what ran on the node is down until it starts elsewhere.
        if (node !== null) this.stoppedOn(node);
      },
    ],
    ["cluster.member.unhealthy", ({ node, event }) => this.membership.nodeLost(node, event.ts)],
    [
      "node.reset",
      ({ node, event }) => {
        // Told by a node back in its cluster since it was left out: the reset it came back from (round 60 #05).
        const retold = node !== null && this.membership.backInCluster(node);
        if (node !== null) this.resetRetold.set(node, retold);
        if (retold) return;
        this.membership.nodeLost(node, event.ts);
        // Its own line after the reboot: it went down, whatever it logs next.
        this.membership.selfLost(node, event);
        if (node !== null) this.stoppedOn(node);
      },
    ],
    ["cluster.forming", ({ node, event }) => this.membership.clusterMember(node, true, event)],
    [
      "cluster.formed",
      ({ node, event }) => {
        this.membership.clusterMember(node, true, event);
        this.primaryHalt.noteFormed(node, event.ts);
      },
    ],
    [
      "cluster.membership",
      ({ fields, event }) => {
        if (typeof fields.members !== "string") return;
        const members = new Set(fields.members.split(",").map((member) => member.trim()));
        this.membership.noteMembership(members, event);
        if (event.host !== null && members.has(event.host)) this.primaryHalt.noteFormed(event.host, event.ts);
        // A node running a package and left out of a new membership of its cluster failed or was halted.
        for (const state of this.packages.values()) {
          if (state.running && state.node !== null && !members.has(state.node) && this.membership.mayBeMemberOf(state.node, members))
            this.membership.nodeLost(state.node, event.ts);
        }
      },
    ],
    ["node.halted", ({ event, node }) => this.membership.nodeHalted(node, event)],
    // The devices a package mounts: a kernel line about one of them (a full file system) is about the package.
    [
      "pkg.fs.mount",
      ({ fields, packageName }) => {
        if (packageName && typeof fields.device === "string") this.attribution.noteMount(fields.device, packageName);
      },
    ],
    ["pkg.started", (applied) => this.onPackageStarted(applied)],
    ["pkg.start.completed", (applied) => this.onPackageStarted(applied)],
    [
      "pkg.start.begin",
      ({ packageName, node }) => {
        if (!packageName) return;
        const state = this.packageState(packageName);
        state.runTimedOutAt = null;
        if (node !== null) state.triedOn.add(node);
      },
    ],
    ["pkg.status", (applied) => this.onPackageObserved(applied)],
    ["pkg.halted", (applied) => this.onPackageStopped(applied)],
    ["pkg.halt.completed", (applied) => this.onPackageStopped(applied)],
    ["pkg.start.failed", (applied) => this.onPackageStopped(applied)],
    ["pkg.script.timeout", (applied) => this.onRunScriptEnded(applied)],
    ["pkg.script.exit", (applied) => this.onRunScriptEnded(applied)],
    // The cluster evicted the node: whatever ran there is down until it starts elsewhere.
    [
      "node.timeout",
      ({ node, event }) => {
        const lostBefore = node !== null ? this.membership.lostAt(node) : undefined;
        this.membership.nodeLost(node, event.ts);
        if (node === null) return;
        const stopped = this.stoppedOn(node);
        if (event.ts !== null) this.membership.timedOut(folderOf(event.source.file), node, event.ts, lostBefore, stopped);
      },
    ],
    // cmcld dying resets the node (TOC): its packages are down.
    [
      "daemon.died",
      ({ fields, event }) => {
        if (fields.daemon !== "cmcld" || !event.host) return;
        this.membership.nodeLost(event.host, event.ts);
        this.membership.selfLost(event.host, event);
        this.stoppedOn(event.host);
      },
    ],
    [
      "cc.recover",
      ({ event, fields, packageName }) => {
        // A rehearsal's run recovers nothing; any other progress line is a recovery, which no group in maintenance allows.
        if (fields.rehearsal === true) return;
        this.continentalRecovered = true;
        this.recoveringSinceMaintenance = true;
        if (event.ts !== null) this.recoveryAskedAt = event.ts;
        if (packageName) this.recoveryPackages.add(packageName);
      },
    ],
    // cmrecovercl refused the group it was processing: whatever its "Processing the recovery group" line said, nothing was
    // recovered (round 51 #15: the alarm after it asked for nothing).
    [
      "cc.recover.refused",
      () => {
        this.continentalRecovered = false;
        this.recoveryAskedAt = null;
      },
    ],
    [
      "cc.maintenance",
      ({ event, fields }) => {
        const recoveryGroup = typeof fields.recoveryGroup === "string" ? fields.recoveryGroup : "(all)";
        if (fields.on === true) {
          this.maintenanceGroups.add(recoveryGroup);
          // A recovery that skipped the group found it in maintenance: a recovery runs, for the others (review: its
          // progress lines may be the only sign of it, and a rehearsal reading would hide the recovered group's swap).
          if (fields.skipped === true) this.recoveringSinceMaintenance = true;
          else this.recoveringSinceMaintenance = false;
        } else {
          if (recoveryGroup === "(all)") this.maintenanceGroups.clear();
          else this.maintenanceGroups.delete(recoveryGroup);
          // A recovery asked for: takeovers from here are recoveries, whatever group is still in maintenance.
          if (fields.recovery === true) this.recoveringSinceMaintenance = true;
          if (fields.recovery === true && event.ts !== null) this.recoveryAskedAt = event.ts;
        }
      },
    ],
    ["journal.state", ({ fields }) => this.journals.note(fields)],
    [
      "consistency.group",
      ({ deviceGroup, fields }) => {
        if (deviceGroup === null || typeof fields.ctg !== "number") return;
        if (this.consistencyGroups.get(deviceGroup) === fields.ctg) return;
        this.consistencyGroups.set(deviceGroup, fields.ctg);
        this.consistencyChanges++;
      },
    ],
    ["cc.alert", (applied) => this.onContinentalCondition(applied)],
    ["cc.alarm", (applied) => this.onContinentalCondition(applied)],
  ]);

  private onConfigSetting(event: LogEvent): void {
    const fields = event.fields;
    const name = String(fields.name ?? "").toUpperCase();
    const value = fields.value === null || fields.value === undefined ? "" : String(fields.value);
    if (event.package) {
      // A repeated name is a list (NODE_NAME, SUBNET ...): its first value is the primary one.
      const state = this.packageState(event.package);
      if (!state.config.has(name)) state.config.set(name, value);
      if (name === "NODE_NAME" && value !== "" && value !== "*") state.configuredNodes.add(value);
      if ((name === "DEVICE_GROUP" || name === "DEV_GROUP") && value !== "") this.link(event.package, value, true);
    } else if (!this.clusterConfig.has(name)) {
      this.clusterConfig.set(name, value);
    }
    // A cluster ASCII file, or cmconcl.config's sections (Continentalclusters, whatever folder holds it): the
    // NODE_NAMEs under a CLUSTER_NAME.
    this.membership.noteConfig(event.source.file, name, value);
  }

  /** A logged setting, kept with the device group, else the package, else the cluster the event is about. */
  private remember({ group, packageName }: Pick<AppliedEvent, "group" | "packageName">, name: string, value: Scalar): void {
    if (group) group.logged.set(name, value);
    else if (packageName) this.packageState(packageName).logged.set(name, value);
    else this.clusterLogged.set(name, value);
  }

  /**
  "The P-VOL was suspended by an error (PVOL_PSUE) and the S-VOL is split (SVOL_PSUS)": one line naming no side gives
  the node's own volume's state first, then the other role's, which is the other side's (round 75 #01: read as its own,
  the P-VOL node's refusal looked like an S-VOL's).
  */
  private otherRoleOfOneLine(group: DeviceGroupState, node: string | null, role: string | null, event: LogEvent): boolean {
    if (node === null || role === null || event.fields.side !== null) return false;
    const local = group.nodes.get(node)?.local;
    return local !== undefined && local.role !== null && local.role !== role && local.line === `${event.source.file}:${event.source.line}`;
  }

  private onPairState({ event, fields, node, group }: AppliedEvent): void {
    // A state the node read: its instance answers (the stop or the unreachable instance above is over).
    if (node !== null && typeof fields.state === "string") this.horcmStopped.delete(node);
    if (!group) return;
    const role = typeof fields.role === "string" ? fields.role.toUpperCase() : null;
    // A state that names no side ("device group oradg is now SVOL_SSWS", pairvolchk's bare "Volstat is P-VOL.[...]") is
    // what the reporting node sees of its own volume (pairvolchk without -c checks the local volume, RM UG), unless it is
    // the answer to the remote check that follows it (see answersRemoteCheck).
    const side =
      fields.side === "remote" ||
      (fields.side !== "local" && (this.answersRemoteCheck(group, node, role, event) || this.otherRoleOfOneLine(group, node, role, event)))
        ? "remote"
        : "local";
    const reported = typeof fields.state === "string" ? fields.state.toUpperCase() : null;
    const svolSide = role === "SVOL" || (role === null && side === "local" && node !== null && this.roleOf(group.name, node) === "SVOL");
    // pairvolchk reports an S-VOL made writable by an S-VOL takeover as PSUS (the tables' "SVOL_PSUS(SSWS)"):
    // after a successful S-VOL takeover, not yet resynchronized, an S-VOL PSUS is that SSWS.
    const state = reported === "PSUS" && svolSide && this.tookOver(group) ? "SSWS" : reported;
    const line = `${event.source.file}:${event.source.line}`;
    // The rows of one pairdisplay table are one report of the group, as one line naming several states is: a
    // PSUE volume among PAIR ones leaves the group PSUE whichever row comes last (the last row read decided).
    const reportOf = this.tableReport(group, event, fields) ?? line;
    // A copy that a failure broke off (COPY, then suspended, never PAIR): the S-VOL holds half of it.
    if (state === "COPY" || state === "RCPY") {
      if (!group.copying) group.copyStartedAt = event.ts;
      group.copying = true;
    } else if (state === "PAIR" && fields.deviceGroupFrom !== "table") {
      // A side that reports PAIR after the copy finished its part: a later suspension is a new failure, not the copy's.
      group.copying = false;
    } else if (group.copying && state !== null && state !== "SSWS" && isOutOfPair(state)) {
      group.copyInterrupted = true;
    }
    // The state kept from an earlier row stays shown by that row.
    const keep = (before: string | null, merged: { state: string | null; mixed: boolean }): boolean =>
      merged.mixed && merged.state === before && merged.state !== state;
    // The P-VOL's array answering again (its own node's word, or the S-VOL side's remote check): it was not lost.
    if (group.pvolArrayLost && role === "PVOL" && state !== null) group.pvolArrayLost = false;
    if (node !== null) {
      const report = this.view(group, node)[side];
      // Its own P-VOL copying to the S-VOL, from a node whose volume was the P-VOL before this line (a swap resync
      // makes the failover site's node the P-VOL, and the old primary's an S-VOL).
      // Its own S-VOL, SSWS, now the P-VOL copying or paired ("SVOL_SSWS => PVOL_COPY"): only a swap resync turns the
      // written S-VOL into the P-VOL, so that is the resync that ran, typed where no time was kept (round 49 #11: the
      // command in a shell history without times, a pair monitor logging the roles turn).
      if (
        this.onSvolSide(group, node) &&
        side === "local" &&
        role === "PVOL" &&
        report.role === "SVOL" &&
        report.state === "SSWS" &&
        (state === "COPY" || state === "RCPY" || state === "PAIR")
      ) {
        group.resync = { mode: "swaps", outcome: state === "PAIR" ? "completed" : "started", node, ts: event.ts };
      }
      // A swap resync logged since the takeover: the copy runs from the failover site, whatever a checker calls it.
      const resync = group.resync;
      const swapResync = resync !== null && (resync.mode === "swaps" || resync.mode === "swapp") && (resync.ts ?? 0) >= (group.takeover?.ts ?? 0);
      // Its own P-VOL back in PAIR while the S-VOL was last SSWS: a pair leaves SSWS only by a copy, and with the roles
      // unchanged that copy ran from the P-VOL (the copying itself not logged: a checker polling hourly, a shell).
      const pairedOverSsws = state === "PAIR" && group.volumes.SVOL.state === "SSWS";
      // Its volume was the P-VOL before this line: not the node that ran on the SSWS volumes (a swap resync makes that
      // one the P-VOL), and it said P-VOL or never said.
      const wasPvol = node !== group.ranOnSswsNode && (report.role === "PVOL" || (report.role === null && group.ranOnSswsNode !== null));
      // The node that ran on the SSWS volumes seeing its own S-VOL copying ("state changed from SVOL_SSWS to SVOL_COPY"):
      // a swap resync would have made that volume the P-VOL, so the copy comes from the old P-VOL over it (round 31 #09).
      // Another node of that site (named by --site or the cluster ASCII file: the same array) seeing its S-VOL copying
      // while the S-VOL was last SSWS says the same (round 38 #07: the node the package failed over to next was refused
      // on SVOL_COPY, remote PVOL_COPY).
      const ranOnSsws = group.ranOnSswsNode;
      const sswsSite = ranOnSsws !== null && node !== ranOnSsws ? this.sites.siteOf(ranOnSsws)?.site : undefined;
      const ownSswsOverwritten =
        side === "local" &&
        state === "COPY" &&
        (role ?? report.role) === "SVOL" &&
        ((node === ranOnSsws && report.state === "SSWS") ||
          (sswsSite !== undefined && this.sites.siteOf(node)?.site === sswsSite && group.volumes.SVOL.state === "SSWS"));
      if (
        side === "local" &&
        (((state === "COPY" || pairedOverSsws) && (role ?? report.role) === "PVOL" && wasPvol) || ownSswsOverwritten) &&
        group.ranOnSswsSinceSync &&
        !swapResync
      ) {
        group.pvolCopiedOverSsws = true;
        group.copiedOverSswsLine = line;
      }
      // Its own volume, the P-VOL the package runs on, now an S-VOL copying: the other side's data over production's
      // (round 43 #19: a DR test's SSWS copy swap-resynchronized back over the running primary, the command only in a
      // shell history without times).
      if (side === "local" && (state === "COPY" || state === "RCPY") && role === "SVOL" && report.role === "PVOL" && this.packageRunsOn(group, node)) {
        group.svolCopiedOverPvol = true;
      }
      const merged = mergedState({ state: report.state, line: report.report ?? report.line }, reportOf, state);
      if (merged.mixed) group.mixedLine = reportOf;
      // A state said without a role keeps the role the node reported before ("Both volumes are suspended (PSUS)" after
      // "local state SVOL_PSUS"): roles change only with a swap, a takeover or a new pair, which say theirs. SMPL has
      // none (the pair is gone), unless a role was given on the same line.
      if (role !== null) report.role = role;
      else if (reported === "SMPL" && report.line !== line) report.role = null;
      if (!keep(report.state, merged)) report.line = line;
      report.state = merged.state;
      report.code = null;
      report.ts = event.ts;
      report.report = reportOf;
      // A whole-group word about this node's own volume (a table row speaks for one LDEV).
      // The state kept for the line, not the line's last word: "d03 PSUE; 5 other devices PAIR" says broken.
      const kept = report.state;
      if (side === "local" && fields.deviceGroupFrom !== "table" && kept !== null && (kept === "PAIR" || isOutOfPair(kept))) {
        group.verdicts.note(node, kept !== "PAIR", role ?? this.roleOf(group.name, node), event);
      }
      // "pairresync -g his_bk", then "his_bk PAIR again" from the node that ran it, no side or role named: the resync's
      // end as its script reports it, what pairevtwait -s pair's "done" says (a copy ends in PAIR on both volumes at once;
      // round 52 #19: a nightly backup's resync never seen to end, its group "left split" for days).
      if (
        role === null &&
        side === "local" &&
        state === "PAIR" &&
        fields.deviceGroupFrom !== "table" &&
        resync !== null &&
        resync.node === node &&
        resync.outcome !== "failed" &&
        event.ts !== null &&
        (resync.ts ?? event.ts) <= event.ts
      ) {
        for (const volume of [group.volumes.PVOL, group.volumes.SVOL]) {
          volume.state = "PAIR";
          volume.ts = event.ts;
          volume.line = line;
          volume.report = reportOf;
        }
        group.mixedLine = null;
      }
    }
    if (role === "PVOL" || role === "SVOL") {
      const volume = group.volumes[role];
      const copied = (volume.state === "COPY" || volume.state === "RCPY") && state === "PAIR" && fields.deviceGroupFrom !== "table";
      const merged = mergedState({ state: volume.state, line: volume.report ?? volume.line }, reportOf, state);
      if (merged.mixed) group.mixedLine = reportOf;
      if (!keep(volume.state, merged)) volume.line = line;
      volume.state = merged.state;
      volume.ts = event.ts;
      volume.report = reportOf;
      if (side === "local") volume.node = node;
      // The other role's volume is on the other side: a node cannot hold both.
      const other = group.volumes[role === "PVOL" ? "SVOL" : "PVOL"];
      if (side === "local" && other.node === node) other.node = null;
      // A copy ends in PAIR on both volumes at once (COPY -> PAIR is the copy completing, RM UG pair status
      // transitions): a monitor that reports only its own side's "COPY -> PAIR" says the other side is PAIR too.
      // Only over a state from before the copy began (or the copy itself): a side's own newer word stands.
      const otherIsOlder =
        other.state === "COPY" || other.state === "RCPY" || other.ts === null || (group.copyStartedAt !== null && other.ts <= group.copyStartedAt);
      if (copied && other.state !== "PAIR" && otherIsOlder) {
        other.state = "PAIR";
        other.ts = event.ts;
        other.line = line;
        other.report = reportOf;
      }
    }
    this.updateSuspension(group, event.ts, line);
  }

  /**
  The first row's file:line of the pairdisplay table this row belongs to (catalogue/vocabulary.ts continuesTable),
  or null for a state not read from a table row.
  */
  private tableReport(group: DeviceGroupState, event: LogEvent, fields: LogEvent["fields"]): string | null {
    if (fields.deviceGroupFrom !== "table") {
      group.tableRows = null;
      return null;
    }
    const rows = group.tableRows;
    const { file, line } = event.source;
    // The rows of one table are printed at once: a row under another time is the next table (a file of tables
    // pasted one after the other, each under its own date line, "before split" and "after split").
    if (rows !== null && rows.file === file && continuesTable(rows.lastLine, line) && sameMoment(rows.ts, event.ts)) {
      rows.lastLine = line;
      rows.ts = event.ts ?? rows.ts;
      return rows.report;
    }
    group.tableRows = { file, lastLine: line, ts: event.ts, report: `${file}:${line}` };
    return group.tableRows.report;
  }

  /**
  A report naming no side, with the role opposite to the one this node stated for its own volume moments before
  (another line, no takeover or resync since): a node holds one role at a time, so it is the other side's answer. Metrocluster
  and wrappers run `pairvolchk -s` then `pairvolchk -c -s`, whose output both start "pairvolchk : Volstat is"
  (RM UG, pairvolchk): "S-VOL ... PAIR" then "P-VOL ... PAIR" a second later is the local S-VOL and the remote P-VOL.
  */
  private answersRemoteCheck(group: DeviceGroupState, node: string | null, role: string | null, event: LogEvent): boolean {
    if (node === null || (role !== "PVOL" && role !== "SVOL")) return false;
    const local = group.nodes.get(node)?.local;
    if (!local || local.role === null || local.role === role || local.ts === null || event.ts === null) return false;
    if (local.line === `${event.source.file}:${event.source.line}`) return false;
    if (event.ts - local.ts > REMOTE_ANSWER_MS || event.ts < local.ts) return false;
    // A takeover or a swap resync in between may really have swapped the roles.
    const since = (ts: number | null | undefined): boolean => ts !== null && ts !== undefined && ts >= (local.ts as number);
    return !since(group.takeover?.ts) && !since(group.resync?.ts);
  }

  private onPairUnreachable({ event, fields, node, group }: AppliedEvent): void {
    if (!group || node === null) return;
    // "the primary array does not answer" said on the primary itself is not about the other side.
    if (typeof fields.role === "string" && fields.role.toUpperCase() === this.roleOf(group.name, node)) return;
    const report = this.view(group, node).remote;
    report.state = null;
    report.code = typeof fields.code === "string" ? fields.code : null;
    report.ts = event.ts;
    // The S-VOL side's check of the P-VOL failing with a disk I/O error (EX_CMDIOE): the primary array is gone.
    if (report.code === "EX_CMDIOE" && group.suspendedSince !== null && this.roleOf(group.name, node) === "SVOL") group.pvolArrayLost = true;
  }

  private onTakeover(applied: AppliedEvent): void {
    const { event, fields, node, group, packageName } = applied;
    if (!group) return;
    // A takeover in a start on the S-VOL side minutes after a P-VOL node failed: the package failed over from there.
    // An S-VOL takeover by an S-VOL node also places a failed node no line placed: before it, the P-VOL was the only
    // copy the package could have run on (round 27 #06: the failed node's own logs could not be collected).
    // Not when the logs saw the package halted (it ran nowhere), nor while a P-VOL-side node of the cluster was still up
    // (the failover would have gone there: the failed node may as well be the S-VOL site's).
    const svolTakeover = fields.ok === true && (fields.resultName === "svol" || fields.resultName === "svol-ssus") && this.roleOf(group.name, node) === "SVOL";
    const unplacedIsPvol = svolTakeover && packageName !== null && !this.seenHalted(packageName) && !this.pvolNodeUp(group, node);
    if (
      packageName !== null &&
      group.suspendedSince !== null &&
      !this.packageState(packageName).running &&
      this.failedOverFromPvol(group, packageName, event.ts, unplacedIsPvol)
    ) {
      group.pvolWroteWhileSuspended = true;
    }
    const previous = group.takeover;
    const sameRun =
      previous !== null &&
      previous.code === "EX_VOLCUR" &&
      (fields.code ?? null) === null &&
      previous.node === node &&
      previous.ts !== null &&
      event.ts !== null &&
      event.ts >= previous.ts &&
      event.ts - previous.ts <= SAME_TAKEOVER_RUN_MS;
    group.takeover = {
      ok: fields.ok ?? null,
      resultName: fields.resultName ?? null,
      code: fields.code ?? (sameRun ? previous.code : null),
      node,
      ts: event.ts,
    };
    group.takeoverSinceSync = true;
    // An S-VOL takeover that succeeded leaves the S-VOLs writable (SSWS, horctakeover result 2 or 5): what the pairs can
    // only have done, when no line says the state after it ("horctakeover -g oradg: SVOL-takeover done", then the start
    // completes; review of round 28: that was a false all-clear).
    if (svolTakeover && node !== null && this.view(group, node).local.state !== "SSWS") {
      this.onPairState({ ...applied, fields: { side: "local", role: "SVOL", state: "SSWS" } });
    }
  }

  private onPairSplit({ event, fields, node, group }: AppliedEvent): void {
    if (!group || fields.outcome === "failed") return;
    group.split = { option: fields.option ?? null, node, ts: event.ts };
    group.splitSinceSync = true;
  }

  private onPairWait({ event, fields, group }: AppliedEvent): void {
    // pairevtwait -s pair returned "Wait status done": the group reached PAIR (RM-UG, pairevtwait), on both sides.
    if (!group || fields.outcome !== "done" || String(fields.waitFor ?? "").toUpperCase() !== "PAIR") return;
    const line = `${event.source.file}:${event.source.line}`;
    for (const volume of [group.volumes.PVOL, group.volumes.SVOL]) {
      volume.state = "PAIR";
      volume.ts = event.ts;
      volume.line = line;
    }
    group.mixedLine = null;
    this.updateSuspension(group, event.ts);
  }

  private onPairResync({ event, fields, node, group }: AppliedEvent): void {
    // A line that names no mode ("pairresync completed") is the end of the resync before it: its mode stays.
    if (group) group.resync = { mode: fields.mode ?? group.resync?.mode ?? null, outcome: fields.outcome ?? null, node, ts: event.ts };
  }

  private onHorcm({ event, fields, group, node }: AppliedEvent): void {
    if (group && fields.instance !== null && fields.instance !== undefined) group.instance = fields.instance;
    if (node === null) return;
    if (event.kind === "horcm.stopped") {
      this.horcmStopped.add(node);
      if (event.ts !== null) this.horcmStoppedAt.set(node, event.ts);
    }
    // A start at a known time says nothing of a shutdown whose time is unknown (a boot's start days before it, review):
    // only a start later in the same history clears that one.
    else if (event.kind === "horcm.started") {
      this.horcmStopped.delete(node);
      this.horcmStartedNodes.add(node);
      const stoppedAt = this.horcmStoppedAt.get(node);
      if (event.ts !== null && stoppedAt !== undefined && event.ts >= stoppedAt && event.ts - stoppedAt <= HORCM_RESTART_MS)
        this.horcmRestartedAt.set(node, event.ts);
    }
    // A node whose own commands cannot reach its instance (EX_COMERR, EX_ATTHOR) has it down as surely as one seen
    // stopped: what an EX_ENORMT from that node means (round 34 #18: instance 1 stopped for an upgrade at the P-VOL
    // site, only the package halt's EX_COMERR said so, and the S-VOL side's refusal was read as the site lost).
    else if (event.kind === "horcm.error" && (fields.code === "EX_COMERR" || fields.code === "EX_ATTHOR") && (fields.commandDevice ?? null) === null)
      this.horcmStopped.add(node);
  }

  /** Whether `node` read a state of the group (not only an error), or runs, ran, tried to start or lists one of its packages. */
  private holdsGroup(group: DeviceGroupState, node: string): boolean {
    const view = group.nodes.get(node);
    const read = (report: SideReport | undefined): boolean => report !== undefined && (report.state !== null || report.role !== null);
    if (view !== undefined && (read(view.local) || read(view.remote))) return true;
    return [...group.packages].some((name) => {
      const state = this.packages.get(name);
      return state !== undefined && (state.node === node || state.configuredNodes.has(node) || state.triedOn.has(node));
    });
  }

  /** The group's Raid Manager instance: the one its lines used, else its package's HORCMINST; null when unknown. */
  private instanceOf(group: DeviceGroupState | null, packageName: string | null): Scalar {
    if (group?.instance !== null && group?.instance !== undefined) return group.instance;
    const value = this.configSetting(group, packageName, "HORCMINST");
    return value === undefined ? null : value;
  }

  /**
  Whether `node` is the S-VOL side's own: the one that took over or ran on the SSWS volumes, or one whose first report
  of the group was the S-VOL. A P-VOL-side node's view holds the other side's state whenever a line names it without a
  side, so it never counts (review).
  */
  private onSvolSide(group: DeviceGroupState, node: string): boolean {
    const firstRole = this.firstRoles.get(group.name)?.get(node);
    return firstRole !== "PVOL" && (node === group.ranOnSswsNode || node === group.takeover?.node || firstRole === "SVOL");
  }

  private onUntimedHorcm({ event, fields, node }: AppliedEvent): void {
    if (node === null) return;
    const instance = typeof fields.instance === "number" ? fields.instance : null;
    if (event.kind === "untimed.horcm.stopped") this.horcmStoppedUntimed.set(node, instance);
    else this.horcmStoppedUntimed.delete(node);
  }

  private onPackageStarted({ event, node, deviceGroup, packageName, group }: AppliedEvent): void {
    if (!packageName) return;
    this.noteRunOnSsws(group, node);
    this.noteRecoveryPackage(group, packageName, node, event.ts);
    // A Continentalclusters recovery package running on the S-VOLs it took over is the recovery, whether or not
    // cmrecovercl's own lines were collected: the monitor's later alarms ask for nothing new.
    if (group !== null && group.ranOnSswsNode === node && String(this.setting(group, packageName, "CLUSTER_TYPE") ?? "").toLowerCase() === "continental")
      this.continentalRecovered = true;
    const state = this.packageState(packageName);
    if (node !== null) state.triedOn.add(node);
    const began = state.runScriptBegan;
    if (began !== null && event.ts !== null && event.ts >= began.at && (began.node === null || node === null || began.node === node)) {
      state.lastStartSeconds = Math.round((event.ts - began.at) / 1000);
      state.runScriptBegan = null;
    }
    if (group !== null && group.suspendedSince !== null) {
      if (this.roleOf(group.name, node) === "PVOL") group.pvolWroteWhileSuspended = true;
      else if (!state.running && this.failedOverFromPvol(group, packageName, event.ts)) group.pvolWroteWhileSuspended = true;
    }
    if (state.node !== node) {
      state.alsoRunningOn = this.stillRunningOn(packageName, state, node) ? state.node : null;
      this.noteLeftRunning(packageName, state, node);
      state.alsoRunningLines = state.alsoRunningOn !== null ? this.stillRunningLines(state, node) : [];
      state.startLine = event;
    } else if (!state.running || state.startLine === null) {
      state.startLine = event;
    }
    state.node = node;
    state.running = true;
    state.startedAt = event.ts;
    state.sideAtStart = this.roleOf(deviceGroup, node);
    state.runTimedOutAt = null;
    state.lostWith = null;
  }

  /**
  A saved `cmviewcl` table shows the package running on `node` at its time, after the logs showed it started on another
  node, not halted there nor asked to halt since: both run it, whatever the logs said of `node` (round 63 #18: the site
  that kept the quorum still ran it, shown only by an operator's cmviewcl, while the other site formed its own cluster and
  forced it up on the S-VOLs). A table that agrees with the logs, or was taken before that start, adds nothing.
  */
  private onPackageObserved({ event, fields, node, packageName }: AppliedEvent): void {
    if (!packageName || node === null || event.ts === null || fields.status !== "up" || fields.state !== "running") return;
    const state = this.packages.get(packageName);
    if (state === undefined || !state.running || state.node === null || state.node === node || state.alsoRunningOn !== null) return;
    if (state.startedAt === null || state.startedAt >= event.ts) return;
    if (state.haltRequestedAt !== null && state.haltRequestedAt >= state.startedAt) return;
    if (!this.attribution.hasDeviceGroup(packageName)) return;
    state.alsoRunningOn = node;
    const lines = [state.startLine, event];
    const own = this.membership.ownMembershipLine(node);
    if (own !== undefined && this.membership.inSeparateCluster(node, state.node)) lines.push(own);
    state.alsoRunningLines = lines.filter((line): line is LogEvent => line !== null);
  }

  private onPackageStopped({ event, node, packageName, group }: AppliedEvent): void {
    this.primaryHalt.notePackageStopped(event, node);
    // A halt says the package was running there; a failed start does not.
    if (event.kind !== "pkg.start.failed") this.noteRunOnSsws(group, node);
    if (packageName) this.stopped(packageName, node);
  }

  private noteRunOnSsws(group: DeviceGroupState | null, node: string | null): void {
    if (group === null || node === null) return;
    if (this.roleOf(group.name, node) !== "SVOL" || this.rehearsing()) return;
    const local = group.nodes.get(node)?.local;
    // An S-VOL taken over on this node is SSWS even when no state was logged after the horctakeover line.
    const takenOverHere = this.tookOver(group) && group.takeover?.node === node && (local?.ts ?? -Infinity) <= (group.takeover.ts ?? -Infinity);
    if (local?.state === "SSWS" || takenOverHere) {
      group.ranOnSswsSinceSync = true;
      group.ranOnSswsNode = node;
    }
  }

  /**
  A package cmrecovercl started is a Continentalclusters recovery package (CLUSTER_TYPE continental), whether or not its
  configuration was collected: the recovery cluster's logs alone, with no package file, say it by the recovery that
  started it. Named by cmrecovercl's own lines ("Starting recovery package P"), or started on the S-VOLs it took over
  within RECOVERY_START_MS after cmrecovercl asked for a recovery. Read as the configuration's word, never over it.
  Without it the recovery package was advised as a Metrocluster package: restarted where it ran once halted for the
  failback, and its failback left open after the primary cluster's package took the roles back (round 65 #13).
  */
  private noteRecoveryPackage(group: DeviceGroupState | null, packageName: string, node: string | null, ts: number | null): void {
    if (group === null || this.setting(group, packageName, "CLUSTER_TYPE") !== undefined) return;
    const named = this.recoveryPackages.has(packageName);
    const askedBefore = ts !== null && this.recoveryAskedAt !== null && this.recoveryAskedAt <= ts && ts - this.recoveryAskedAt <= RECOVERY_START_MS;
    if (named || (askedBefore && node !== null && group.ranOnSswsNode === node)) this.remember({ group, packageName }, "CLUSTER_TYPE", "continental");
  }

  /** A run script killed by its timeout, or that exited with an error, leaves the package down there. */
  private onRunScriptEnded({ event, fields, node, packageName }: AppliedEvent): void {
    if (!packageName || fields.phase !== "run") return;
    this.stopped(packageName, node);
    if (event.kind === "pkg.script.timeout") this.packageState(packageName).runTimedOutAt = event.ts ?? this.latestTs;
  }

  private onContinentalCondition({ fields }: AppliedEvent): void {
    const condition = typeof fields.condition === "string" ? fields.condition.toUpperCase() : null;
    // The monitored cluster answering again ends the recovery period: a later alarm is a new disaster.
    if (condition === "UP") this.continentalRecovered = false;
    if (typeof fields.cluster !== "string" || condition === null) return;
    if (condition === "UP") this.unreachableClusters.delete(fields.cluster);
    else this.unreachableClusters.add(fields.cluster);
  }

  /**
  A replicated package started on a node while the logs still show it running on the node it started on
  before: no halt, no failure of that node since it started there. A package with no device group replicates
  nothing. (Whether it may run on several nodes at once, its PACKAGE_TYPE, is the rule's to say.)
  */
  private stillRunningOn(packageName: string, state: PackageState, startingNode: string | null): boolean {
    if (!state.running || state.node === null || state.startedAt === null) return false;
    // An administrator halted it since (cmhaltpkg): a planned move, even when the halt's own line is not in the logs.
    if (state.haltRequestedAt !== null && state.haltRequestedAt >= state.startedAt) return false;
    const lost = this.membership.lostAt(state.node);
    if (
      lost !== undefined &&
      lost >= state.startedAt &&
      !this.membership.inSeparateCluster(state.node, startingNode) &&
      !this.membership.keptWorking(state.node, lost)
    )
      return false;
    return this.attribution.hasDeviceGroup(packageName);
  }

  /**
  The package starts on `startingNode` while the logs last showed it running on another node (not halted there), that
  node counted down: kept, for a later sign that its daemon went on (noteCarriedOn). A start on the kept node itself,
  or one whose old node is already shown still running (alsoRunningOn), ends it.
  */
  private noteLeftRunning(packageName: string, state: PackageState, startingNode: string | null): void {
    const left = state.node;
    const wasRunning = state.running || (left !== null && state.lostWith === left);
    if (left === null || state.startedAt === null || !wasRunning || state.alsoRunningOn !== null) this.leftRunning.delete(packageName);
    else this.leftRunning.set(packageName, { node: left, startedAt: state.startedAt, startLine: state.startLine });
    if (startingNode !== null && this.leftRunning.get(packageName)?.node === startingNode) this.leftRunning.delete(packageName);
  }

  /**
  A tie-break's loser whose daemon went on after the loss, no restart since (ClusterMembership.carriedOnAfterTieBreak):
  the packages it ran and that started elsewhere meanwhile, never halted there, still run on it too (round 59 #13: the
  loser's cmcld heard the winner again eight minutes later, same pid, no boot, while the winner had taken the package
  over on the S-VOLs). The line names the package, for the rules that read package.alsoRunningOn.
  */
  private noteCarriedOn(event: LogEvent): void {
    const carried = this.membership.carriedOnAfterTieBreak(event);
    if (carried === undefined) return;
    const { node, loss } = carried;
    if (loss.ts === null) return;
    if ((this.restartedAt.get(node) ?? -Infinity) >= loss.ts) return;
    for (const [packageName, left] of this.leftRunning) {
      const state = this.packages.get(packageName);
      if (left.node !== node || state === undefined || !state.running || state.node === node || state.alsoRunningOn !== null) continue;
      if (left.startedAt > loss.ts || (state.haltRequestedAt !== null && state.haltRequestedAt >= left.startedAt)) continue;
      if (!this.attribution.hasDeviceGroup(packageName)) continue;
      state.alsoRunningOn = node;
      state.alsoRunningLines = [left.startLine, loss, event].filter((line): line is LogEvent => line !== null);
      this.leftRunning.delete(packageName);
      const groups = [...this.groups.values()].filter((group) => group.packages.has(packageName));
      // One package per line, as resolve() names one: the first the line showed still running.
      if (this.carriedOnNews?.event !== event) this.carriedOnNews = { event, deviceGroup: groups.length === 1 ? groups[0].name : null, packageName };
    }
  }

  /**
  The package was last started on the node where an operator ran horctakeover -S for the group, after it, and the
  S-VOL is SSWS now: it ran on the taken-over copy (the command's own output not logged, the package's start line
  naming no group).
  */
  private ranAfterTakeoverCommand(group: DeviceGroupState, packageState: PackageState | null): boolean {
    const command = group.takeoverCommand;
    if (command === null || packageState === null || packageState.node !== command.node || packageState.startedAt === null) return false;
    if (packageState.startedAt < command.ts) return false;
    return group.volumes.SVOL.state === "SSWS" || [...group.nodes.values()].some((view) => view.local.state === "SSWS" || view.remote.state === "SSWS");
  }

  /** The package runs (by the logs) on a node whose own volume of the group was last reported SSWS: it writes the taken-over copy. */
  private runsOnSsws(group: DeviceGroupState, packageState: PackageState | null): boolean {
    if (packageState === null || !packageState.running || packageState.node === null) return false;
    return group.nodes.get(packageState.node)?.local.state === "SSWS";
  }

  /** "cmhaltpkg whs_db" (CM-CMD, sudo): the package was asked to halt, wherever it ran. */
  private onHaltCommand({ event, fields, node }: AppliedEvent): void {
    this.primaryHalt.noteCommand(event, fields, node);
    if (fields.command !== "cmhaltpkg" || typeof fields.args !== "string" || event.ts === null) return;
    const args = fields.args.split(/\s+/).filter((arg) => arg !== "");
    for (let index = 0; index < args.length; index++) {
      if (args[index] === "-n") index++;
      else if (!args[index].startsWith("-")) this.packageState(args[index]).haltRequestedAt = event.ts;
    }
  }

  /** An operator's command line (sudo, shell history): a horctakeover -S names the S-VOL side of its group. */
  private onOperatorCommand(applied: AppliedEvent): void {
    this.onHaltCommand(applied);
    const { event, fields, node } = applied;
    if (fields.command !== "horctakeover" || typeof fields.args !== "string" || node === null || event.ts === null) return;
    const args = fields.args.split(/\s+/);
    const groupAt = args.indexOf("-g");
    const name = groupAt >= 0 ? args[groupAt + 1] : undefined;
    if (!name || !args.includes("-S")) return;
    const group = this.group(name);
    group.takeoverCommand = { node, ts: event.ts };
    const local = this.view(group, node).local;
    if (local.role === null) local.role = "SVOL";
  }

  /** The lines behind alsoRunningOn: its start on the node it still runs on, and that node's second cluster. */
  private stillRunningLines(state: PackageState, startingNode: string | null): LogEvent[] {
    const lines: LogEvent[] = [];
    if (state.startLine !== null) lines.push(state.startLine);
    const own = state.node !== null ? this.membership.ownMembershipLine(state.node) : undefined;
    if (own !== undefined && state.node !== null && state.startedAt !== null && this.membership.inSeparateCluster(state.node, startingNode)) lines.push(own);
    return lines;
  }

  /** The package is down after a halt or a failed start on `node`; a line about another node than where it runs changes nothing. */
  private stopped(packageName: string, node: string | null): void {
    const state = this.packageState(packageName);
    if (node !== null && this.leftRunning.get(packageName)?.node === node) this.leftRunning.delete(packageName);
    if (node !== null && state.alsoRunningOn === node) {
      state.alsoRunningOn = null;
      state.alsoRunningLines = [];
    }
    if (state.running && node !== null && state.node !== null && state.node !== node) return;
    state.running = false;
    state.alsoRunningOn = null;
    state.alsoRunningLines = [];
  }

  /** Every package running on `node` is down (the node failed). */
  /** Every package running on `node` is down (the node failed): returns them. */
  private stoppedOn(node: string): PackageState[] {
    const stopped: PackageState[] = [];
    for (const state of this.packages.values()) {
      if (!state.running || state.node !== node) continue;
      state.running = false;
      state.lostWith = node;
      stopped.push(state);
    }
    return stopped;
  }

  /**
  The node whose logs are in `reporter` lost the tie-break: the nodes it timed out in the minutes before did not fail,
  and what ran on them still runs.
  */
  private voidTimeoutsBy(reporter: string, ts: number | null): void {
    for (const { node, stopped } of this.membership.voidTimeoutsBy(reporter, ts)) {
      for (const state of stopped) {
        if (state.running || state.node !== node || state.lostWith !== node) continue;
        state.running = true;
        state.lostWith = null;
      }
    }
  }

  private updateSuspension(group: DeviceGroupState, ts: number | null, line: string | null = null): void {
    const states = [group.volumes.PVOL.state, group.volumes.SVOL.state];
    for (const view of group.nodes.values()) states.push(view.local.state);
    const bothPair = group.volumes.PVOL.state === "PAIR" && group.volumes.SVOL.state === "PAIR";
    // A later line reporting PAIR on both sides (not the mixed line itself) shows the group is whole again.
    if (bothPair && group.mixedLine !== null && group.volumes.PVOL.line !== group.mixedLine && group.volumes.SVOL.line !== group.mixedLine) {
      group.mixedLine = null;
    }
    // The line that showed the old P-VOL copied over the SSWS volumes ("local PVOL_PAIR, remote SVOL_PAIR") is read
    // whole before rules look at it: what it overwrote stays known until the next report.
    if (bothPair && group.mixedLine === null && line !== null && group.copiedOverSswsLine === line) return;
    if (bothPair && group.mixedLine === null) {
      group.suspendedSince = null;
      // Both sides PAIR again: whatever a takeover or a split left behind has been resynchronized.
      group.takeoverSinceSync = false;
      group.splitSinceSync = false;
      group.ranOnSswsSinceSync = false;
      group.ranOnSswsNode = null;
      group.pvolWroteWhileSuspended = false;
      group.pvolWritingFrom = null;
      group.pvolWroteSinceTakeover = false;
      group.pvolCopiedOverSsws = false;
      group.copiedOverSswsLine = null;
      group.svolCopiedOverPvol = false;
      group.pvolArrayLost = false;
      group.copying = false;
      group.copyInterrupted = false;
      group.copyStartedAt = null;
      this.pvolWriting.delete(group);
      group.refusedWhileSuspended = false;
      group.takeoverCommand = null;
      return;
    }
    if (group.suspendedSince === null && states.some((state) => state !== null && isOutOfPair(state))) {
      group.suspendedSince = ts ?? this.latestTs;
      // A suspension that begins with an S-VOL taken over (SSWS) is a failover, not the P-VOL writing alone.
      const failedStates = states.filter((state) => state !== null && isOutOfPair(state) && state !== "SSWS");
      if (failedStates.length > 0 && this.runsOnPvolAcceptingWrites(group) && group.suspendedSince !== null) {
        group.pvolWritingFrom = group.suspendedSince;
        this.pvolWriting.add(group);
      }
    }
  }

  /**
  The groups whose P-VOL side was writing when they suspended: the package's node, or another node of its cluster,
  still logging PVOL_WRITES_MS later, with the package running and its array not lost, shows the writes went on. The
  passing of time alone does not: a site lost at once stops logging, and the other site's lines say nothing of it.
  */
  private confirmPvolWrites(host: string, ts: number): void {
    for (const group of this.pvolWriting) {
      if (group.pvolWritingFrom === null || ts - group.pvolWritingFrom < PVOL_WRITES_MS) continue;
      if (group.pvolArrayLost) {
        group.pvolWritingFrom = null;
        this.pvolWriting.delete(group);
        continue;
      }
      // A line of the package's node, or of another node of its cluster (its site still up and working).
      const pvolNode = this.pvolNodeRunning(group);
      if (pvolNode === null || !this.membership.sameCluster(host, pvolNode)) continue;
      group.pvolWroteWhileSuspended = true;
      group.pvolWritingFrom = null;
      this.pvolWriting.delete(group);
    }
  }

  /** The logs saw the package stop on a known node, halted rather than lost with it. */
  private seenHalted(packageName: string): boolean {
    const state = this.packages.get(packageName);
    return state !== undefined && state.node !== null && !state.running && state.lostWith === null;
  }

  /** A node the logs place on the group's P-VOL side is a member of `node`'s cluster and has neither failed nor left it. */
  private pvolNodeUp(group: DeviceGroupState, node: string | null): boolean {
    if (node === null) return false;
    const left = new Set(this.membership.leftNodes());
    for (const [other, view] of group.nodes) {
      if (other === node || view.local.role !== "PVOL") continue;
      if (this.membership.lostAt(other) !== undefined || this.membership.hasFailedOut(other) || left.has(other)) continue;
      if (this.membership.sameCluster(other, node)) return true;
    }
    return false;
  }

  /** With fence DATA a suspended P-VOL refuses writes; with NEVER or ASYNC it goes on taking them. */
  private pvolAcceptsWrites(group: DeviceGroupState, packageName: string): boolean {
    const fence = this.setting(group, packageName, "FENCE");
    return !(typeof fence === "string" && fence.toUpperCase() === "DATA");
  }

  /**
  A package the logs do not show running, started minutes after a P-VOL-side node failed during the suspension, is
  Serviceguard failing it over from that node (its start there is older than the logs): it ran there, on the
  suspended P-VOL, until the failure. `unplacedIsPvol`: a failed node no line places on either side counts as the
  P-VOL side's (the caller knows the package could only have run there).
  */
  private failedOverFromPvol(group: DeviceGroupState, packageName: string, ts: number | null, unplacedIsPvol = false): boolean {
    if (ts === null || group.suspendedSince === null || group.pvolArrayLost || !this.pvolAcceptsWrites(group, packageName)) return false;
    for (const [node, lostAt] of this.membership.lostNodes()) {
      if (lostAt > ts || ts - lostAt > FAILED_OUT_WINDOW_MS || lostAt - group.suspendedSince < PVOL_WRITES_MS) continue;
      const role = this.roleOf(group.name, node);
      if (role === "PVOL" || (role === null && unplacedIsPvol)) return true;
    }
    return false;
  }

  /** A package of the group runs on `node`. */
  private packageRunsOn(group: DeviceGroupState, node: string): boolean {
    for (const packageName of group.packages) {
      const state = this.packages.get(packageName);
      if (!state?.running || state.node !== node) continue;
      // A node restarted since the start no longer runs it, whatever no line said.
      if (state.startedAt !== null && (this.restartedAt.get(node) ?? Number.NEGATIVE_INFINITY) >= state.startedAt) continue;
      return true;
    }
    return false;
  }

  /** A package of the group runs on its P-VOL side, whose fence lets the P-VOL accept writes the S-VOL does not get. */
  private runsOnPvolAcceptingWrites(group: DeviceGroupState): boolean {
    return this.pvolNodeRunning(group) !== null;
  }

  /** The P-VOL-side node a package of the group runs on, its fence letting the suspended P-VOL take writes. */
  private pvolNodeRunning(group: DeviceGroupState): string | null {
    for (const packageName of group.packages) {
      if (!this.pvolAcceptsWrites(group, packageName)) continue;
      const state = this.packages.get(packageName);
      if (state?.running && state.node !== null && this.roleOf(group.name, state.node) === "PVOL") return state.node;
    }
    return null;
  }

  /** A successful S-VOL takeover (SVOL-takeover or SVOL-SSUS-takeover) since the group was last PAIR on both sides. */
  private tookOver(group: DeviceGroupState): boolean {
    const takeover = group.takeover;
    if (!group.takeoverSinceSync || takeover === null || takeover.ok !== true) return false;
    return typeof takeover.resultName === "string" && ["svol", "svol-ssus"].includes(takeover.resultName.toLowerCase());
  }

  /** A setting: the newest logged value for the group, its packages or the cluster, else configuration. */
  private setting(group: DeviceGroupState | null, packageName: string | null, name: string): Scalar | undefined {
    if (group?.logged.has(name)) return group.logged.get(name);
    const packageNames = new Set<string>();
    if (packageName) packageNames.add(packageName);
    for (const member of group?.packages ?? []) packageNames.add(member);
    for (const member of packageNames) {
      const logged = this.packages.get(member)?.logged;
      if (logged?.has(name)) return logged.get(name);
    }
    if (this.clusterLogged.has(name)) return this.clusterLogged.get(name);
    return this.configSetting(group, packageName, name);
  }

  private configSetting(group: DeviceGroupState | null, packageName: string | null, name: string): Scalar | undefined {
    const packageNames = new Set<string>();
    if (packageName) packageNames.add(packageName);
    for (const member of group?.packages ?? []) packageNames.add(member);
    for (const member of packageNames) {
      const config = this.packages.get(member)?.config;
      if (config?.has(name)) return config.get(name);
    }
    return this.clusterConfig.get(name);
  }

  /**
  The value at a state path for an event's device group, package and node; undefined when the path
  is unknown, null when known but not reported yet.
  */
  lookup(path: string, context: LookupContext): Scalar | undefined {
    const resolved = resolveStatePath(path);
    if (resolved === undefined) return undefined;
    const group = context.deviceGroup !== null ? (this.groups.get(context.deviceGroup) ?? null) : null;
    const packageName = context.package;
    const packageState = packageName ? (this.packages.get(packageName) ?? null) : null;
    return this.readers[resolved.path]({ group, packageName, packageState, context, name: resolved.name });
  }

  /** A node's last local or remote report on the scope's group (null when none). */
  private static report(scope: StateScope, side: "local" | "remote"): SideReport | null {
    if (!scope.group || scope.context.node === null) return null;
    return scope.group.nodes.get(scope.context.node)?.[side] ?? null;
  }

  /** What each state path (src/catalogue/state-paths.ts) reads: one reader per path, checked by the compiler. */
  private readonly readers: Readonly<Record<StatePath, (scope: StateScope) => Scalar | undefined>> = {
    fence: ({ group, packageName }) => {
      const value = this.setting(group, packageName, "FENCE");
      return value === undefined || value === null ? null : String(value).toUpperCase();
    },
    forceflag: ({ group, packageName }) => this.setting(group, packageName, "FORCEFLAG") ?? null,
    "auto.*": ({ group, packageName, name }) => {
      const value = this.setting(group, packageName, name.toUpperCase());
      if (value === undefined || value === null || value === "") return null;
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    },
    "setting.*": ({ group, packageName, name }) => {
      const value = this.setting(group, packageName, name.toUpperCase());
      return value === undefined ? null : value;
    },
    // Every node whose instance the logs show starting was restarted by hand (stopped, then started) after the last
    // horcm.conf change seen on any node: each runs the file as it is now, so a group they do not know (EX_ENOGRP,
    // EX_ENOENT) is a name the file lacks, not a restart missed (round 72 #05: the group renamed in horcm1.conf and every
    // instance restarted, the package's DEVICE_GROUP left with the old name). One node started only at boot, before
    // the change, may be the instance that does not know it, local or remote (round 35 #07, round 25 #02).
    "horcm.restartedSinceChange": () => {
      if (this.horcmStartedNodes.size === 0) return false;
      for (const node of this.horcmStartedNodes) {
        const restarted = this.horcmRestartedAt.get(node);
        if (restarted === undefined || (this.horcmChangedAt !== null && restarted < this.horcmChangedAt)) return false;
      }
      return true;
    },
    // The other nodes whose instance was stopped and not started again: what an EX_ENORMT from them means.
    // A node whose shell history (no times) last stopped the group's instance counts while it is heard around now: its
    // instance down while the node lives is what its EX_ENORMT means (round 48 #05: horcm2.conf edited, instance 2 shut
    // down at the origin, the planned move refused); a node gone dark says a site lost, whatever its history held.
    "horcm.stoppedNodes": ({ context, group, packageName }) => {
      const stopped = new Set(this.horcmStopped);
      const groupInstance = this.instanceOf(group, packageName);
      for (const [node, instance] of this.horcmStoppedUntimed) {
        const heard = this.lastHeard.get(node);
        const sameInstance = instance === null || groupInstance === null || Number(groupInstance) === instance;
        // Not lost: a node timed out of its cluster or beaten at the tie-break is a site lost (review: the history's old
        // shutdown beside it); one halted on purpose (cmhaltnode) still runs its instance's host, and counts.
        const living = heard !== undefined && this.latestTs !== null && this.latestTs - heard <= UNTIMED_STOP_HEARD_MS && !this.membership.isLost(node);
        if (sameInstance && living) stopped.add(node);
      }
      const others = [...stopped].filter((node) => node !== context.node).sort();
      return others.length > 0 ? others.join(",") : null;
    },
    // The scope's node's last reset line came while it was back in its cluster (ClusterMembership.backInCluster): a retelling.
    "node.resetRetold": ({ context }) => (context.node !== null && this.resetRetold.get(context.node) === true ? true : null),
    // The scope's node logged losing the cluster's tie-break and no line since shows it in a cluster again.
    "node.outOfCluster": ({ context }) => (context.node !== null && this.membership.outOfClusterLine(context.node) !== undefined ? true : null),
    // The scope's node logged the tie-breaker granting the cluster to the other partition (which goes on as the cluster),
    // and no line since shows it in a cluster again.
    "node.lostToOtherPartition": ({ context }) =>
      context.node !== null && this.membership.lostToOtherLine(context.node, context.now) !== undefined ? true : null,
    // Nodes that failed out of the cluster (reported failing, then left out of a new membership) and have not rejoined.
    "membership.failed": () => {
      const nodes = this.membership.failedNodes();
      return nodes.length > 0 ? nodes.join(",") : null;
    },
    // Nodes a new membership left out with no report of them failing (halted, rebooted), not named again since.
    "membership.left": () => {
      const nodes = this.membership.leftNodes();
      return nodes.length > 0 ? nodes.join(",") : null;
    },
    // The packages the logs show running on those nodes when they failed (or still there): what may be down.
    "membership.failedPackages": () => {
      const names = [...this.packages].filter(
        ([, state]) => state.node !== null && this.membership.hasFailedOut(state.node) && (state.running || state.lostWith === state.node),
      );
      return names.length > 0
        ? names
            .map(([name]) => name)
            .sort()
            .join(",")
        : null;
    },
    instance: ({ group, packageName }) => this.instanceOf(group, packageName),
    "pvol.state": ({ group }) => (group ? group.volumes.PVOL.state : null),
    "pvol.node": ({ group }) => (group ? group.volumes.PVOL.node : null),
    "svol.state": ({ group }) => (group ? group.volumes.SVOL.state : null),
    "svol.node": ({ group }) => (group ? group.volumes.SVOL.node : null),
    "local.role": (scope) => PairModel.report(scope, "local")?.role ?? null,
    "local.state": (scope) => PairModel.report(scope, "local")?.state ?? null,
    "local.code": (scope) => PairModel.report(scope, "local")?.code ?? null,
    // `*.status`: the state, or the error code when that side could not be read.
    "local.status": (scope) => {
      const report = PairModel.report(scope, "local");
      return report ? (report.state ?? report.code) : null;
    },
    "remote.role": (scope) => PairModel.report(scope, "remote")?.role ?? null,
    "remote.state": (scope) => PairModel.report(scope, "remote")?.state ?? null,
    "remote.code": (scope) => PairModel.report(scope, "remote")?.code ?? null,
    "remote.status": (scope) => {
      const report = PairModel.report(scope, "remote");
      return report ? (report.state ?? report.code) : null;
    },
    "pair.synced": ({ group }) => (group ? group.volumes.PVOL.state === "PAIR" && group.volumes.SVOL.state === "PAIR" && group.mixedLine === null : null),
    // Addressed as Business Copy and never shown as Continuous Access: its splits are its point-in-time copies.
    "pair.businessCopy": ({ group }) => (group ? group.businessCopySeen && !group.continuousAccessSeen : null),
    "pair.mixed": ({ group }) => (group ? group.mixedLine !== null : null),
    // Two nodes of one side keep contradicting each other about the group: who said what, last.
    "pair.disputed": ({ group }) => {
      const dispute = group?.verdicts.openDispute(this.latestTs) ?? null;
      if (dispute === null) return null;
      const said = (line: LogEvent): string =>
        `${line.host ?? "?"} at ${clockTime(line.ts)}: ${line.kind === "raid.error" ? String(line.fields.code ?? "an error") : `${String(line.fields.role ?? "")}${line.fields.role ? "_" : ""}${String(line.fields.state ?? "")}`}`;
      return `${said(dispute.line)}; ${said(dispute.contradictedBy)}`;
    },
    "pair.suspended": ({ group }) => (group ? group.suspendedSince !== null : null),
    "pair.suspendedHours": ({ group, context }) => {
      if (!group || group.suspendedSince === null || context.now === null) return null;
      return Math.floor((context.now - group.suspendedSince) / 3_600_000);
    },
    "pair.seen": ({ group }) => (group ? describeViews(group) : null),
    "package.name": ({ packageName }) => packageName,
    "package.node": ({ packageState }) => packageState?.node ?? null,
    "package.running": ({ packageState }) => packageState?.running ?? false,
    "package.alsoRunningOn": ({ packageState }) => packageState?.alsoRunningOn ?? null,
    "package.startedAt": ({ packageState }) => packageState?.startedAt ?? null,
    // The side the package runs on now: its node's current role, else the role when it started.
    "package.side": ({ packageState, context }) => (packageState ? (this.roleOf(context.deviceGroup, packageState.node) ?? packageState.sideAtStart) : null),
    "package.runTimedOut": ({ packageState }) => (packageState ? packageState.runTimedOutAt !== null : false),
    "package.lastStartSeconds": ({ packageState }) => packageState?.lastStartSeconds ?? null,
    // The share of RUN_SCRIPT_TIMEOUT (percent) its latest completed start used; null with NO_TIMEOUT or no number.
    "package.lastStartShareOfRunTimeout": ({ group, packageName, packageState }) => {
      const seconds = packageState?.lastStartSeconds ?? null;
      const timeout = Number(this.setting(group, packageName, "RUN_SCRIPT_TIMEOUT") ?? Number.NaN);
      if (seconds === null || !Number.isFinite(timeout) || timeout <= 0) return null;
      // Over the timeout a start would have been killed: the clock moved (a daylight-saving change in the logs' wall clock),
      // or the timeout read is not the one that ran it. Not measured (review).
      const share = Math.floor((seconds * 100) / timeout);
      return share > 100 ? null : share;
    },
    "package.scriptErrors": ({ packageState }) => packageState?.scriptErrors ?? false,
    // A start that began after the package's last failed halt: one that began before it (another cluster's package of
    // the same name, round 74 #14) is no clean-up of that halt.
    "package.startBeganAfterHaltFailure": ({ packageState }) =>
      (packageState?.haltFailedAt ?? null) === null || (packageState?.startBeganAt ?? -Infinity) > (packageState?.haltFailedAt ?? 0),
    "node.role": ({ context }) => this.roleOf(context.deviceGroup, context.node),
    // The scope's node has a part in the group: it read a state of it (an error alone is not one), or the group's package
    // runs there, started (or tried to) there, or lists it. A Raid Manager instance on a node with no part in a group
    // need not define it (3DC: the DC1 -> DC3 journal group lives at DC1 and DC3 only, round 62 #03).
    "node.holdsGroup": ({ group, context }) => (group && context.node !== null ? this.holdsGroup(group, context.node) : null),
    "continental.recovered": () => this.continentalRecovered,
    "continental.maintenance": () => (this.rehearsing() ? [...this.maintenanceGroups].sort().join(",") : null),
    "journal.enlargedSinceNearFull": () => this.journals.enlargedSinceNearFull(),
    // The manual's forced recovery: the primary cluster halted (cmhaltcl) before cmrecovercl, nothing run there since.
    "continental.primaryHaltedFirst": ({ context }) => this.primaryHaltedFirst(context.node) !== null,
    "continental.unreachable": () => (this.unreachableClusters.size > 0 ? [...this.unreachableClusters].sort().join(",") : null),
    "takeover.ok": ({ group }) => group?.takeover?.ok ?? null,
    "takeover.resultName": ({ group }) => group?.takeover?.resultName ?? null,
    "takeover.code": ({ group }) => group?.takeover?.code ?? null,
    "takeover.node": ({ group }) => group?.takeover?.node ?? null,
    "takeover.sinceSync": ({ group }) => (group?.takeover ? group.takeoverSinceSync : false),
    "takeover.happened": ({ group }) => (group ? this.tookOver(group) || group.ranOnSswsSinceSync : false),
    // A package of the group ran (started or halted) on the SSWS side since the last PAIR: the failover site's copy
    // served production, so it holds the newest data.
    "takeover.packageRan": ({ group, packageState }) =>
      group ? group.ranOnSswsSinceSync || this.ranAfterTakeoverCommand(group, packageState) || this.runsOnSsws(group, packageState) : false,
    "pvol.wroteWhileSuspended": ({ group }) => group?.pvolWroteWhileSuspended ?? false,
    "pvol.wroteSinceTakeover": ({ group }) => group?.pvolWroteSinceTakeover ?? false,
    "pair.refusedWhileSuspended": ({ group }) => group?.refusedWhileSuspended ?? false,
    "pvol.copiedOverSsws": ({ group }) => group?.pvolCopiedOverSsws ?? false,
    "svol.copiedOverPvol": ({ group }) => group?.svolCopiedOverPvol ?? false,
    "pair.copyInterrupted": ({ group }) => group?.copyInterrupted ?? false,
    "split.option": ({ group }) => group?.split?.option ?? null,
    "split.node": ({ group }) => group?.split?.node ?? null,
    "split.sinceSync": ({ group }) => (group?.split ? group.splitSinceSync : false),
    // When the split since the last PAIR was made (ms), for a wait that counts from it (Rule.match.absent.from).
    "split.at": ({ group }) => (group?.split && group.splitSinceSync ? group.split.ts : null),
    "resync.mode": ({ group }) => group?.resync?.mode ?? null,
    "resync.outcome": ({ group }) => group?.resync?.outcome ?? null,
    "resync.node": ({ group }) => group?.resync?.node ?? null,
    // The last word about the group is a pairresync nobody saw fail: it was run after the last state any side reported
    // (a backup script's "pairresync rc=0" after its split, the PAIR it waits for not logged). A state reported after it
    // (still PSUS, PSUE) makes it false again, and so does a split after it (last week's backup resynchronized, this
    // week's split left: round 69 #10).
    "resync.afterLastState": ({ group }) => {
      const resync = group?.resync;
      if (!group || !resync || resync.ts === null || resync.outcome === "failed") return false;
      const last = Math.max(group.volumes.PVOL.ts ?? -Infinity, group.volumes.SVOL.ts ?? -Infinity, group.split?.ts ?? -Infinity);
      return resync.ts > last;
    },
  };

  /** The lines that show the primary cluster halted before the recovery `recoveryNode` ran, or null (see PrimaryClusterHalt). */
  private primaryHaltedFirst(recoveryNode: string | null): LogEvent[] | null {
    return this.primaryHalt.haltedBeforeRecovery(recoveryNode, {
      sameCluster: (node, other) => this.membership.sameCluster(node, other),
      peersOf: (node) => this.membership.peersOf(node),
      packages: () => this.packages.values(),
    });
  }

  // ---- Sites (a separate part: names from sites.ts, sides from the reports above) -------------------------

  private noteSites(event: LogEvent, node: string | null): void {
    if (event.kind === "config.setting") {
      this.sites.applyConfig(event);
      return;
    }
    if (event.kind !== "pair.state" || event.fields.side === "remote" || node === null || !event.deviceGroup) return;
    const role = typeof event.fields.role === "string" ? event.fields.role.toUpperCase() : null;
    if (role !== "PVOL" && role !== "SVOL") return;
    let roles = this.firstRoles.get(event.deviceGroup);
    if (!roles) {
      roles = new Map();
      this.firstRoles.set(event.deviceGroup, roles);
    }
    if (!roles.has(node)) roles.set(node, role);
  }

  /** The nodes the logs show on a side of a group (own reports, or named on it by a volume state). */
  private nodesOnSide(deviceGroup: string, side: string): string[] {
    const group = this.groups.get(deviceGroup);
    if (!group) return [];
    const nodes = new Set([...group.nodes.keys(), group.volumes.PVOL.node, group.volumes.SVOL.node]);
    return [...nodes].filter((node): node is string => node !== null && this.roleOf(deviceGroup, node) === side).sort();
  }

  /**
  The lines that set the values `paths` read, for the paths whose lines the model keeps: a finding's proof that
  its related lines may have lost (the package's start on another node hours before, the tie-break its node lost).
  */
  witnesses(paths: readonly string[], context: { deviceGroup: string | null; package: string | null; node: string | null }): LogEvent[] {
    const lines: LogEvent[] = [];
    for (const path of paths) {
      if (path === "package.alsoRunningOn" && context.package !== null) lines.push(...(this.packages.get(context.package)?.alsoRunningLines ?? []));
      if (path === "membership.failed") lines.push(...this.membership.failedOutLines());
      if (path === "continental.primaryHaltedFirst") lines.push(...(this.primaryHaltedFirst(context.node) ?? []));
      if (path === "pair.disputed" && context.deviceGroup !== null) {
        const dispute = this.groups.get(context.deviceGroup)?.verdicts.openDispute(this.latestTs) ?? null;
        if (dispute !== null) lines.push(dispute.contradictedBy, dispute.line);
      }
      if (path === "node.outOfCluster" && context.node !== null) {
        const line = this.membership.outOfClusterLine(context.node);
        if (line !== undefined) lines.push(line);
      }
    }
    return lines;
  }

  /**
  The finding's site: its name and nodes when a source names the node's site, the side its nodes report
  for the group now and first, and the other site. Without a name, the side and the nodes seen on each
  side, inferred from the pair states (`source` is the line that placed the node).
  */
  siteInfo(context: { deviceGroup: string | null; node: string | null }): SiteInfo | null {
    const { deviceGroup, node } = context;
    if (node === null) return null;
    const placement = this.sites.siteOf(node);
    const firstRoles = deviceGroup !== null ? this.firstRoles.get(deviceGroup) : undefined;
    const opposite = (side: string | null): string | null => (side === "PVOL" ? "SVOL" : side === "SVOL" ? "PVOL" : null);
    const sideOf = (nodes: readonly string[]): string | null => {
      for (const member of nodes) {
        const role = this.roleOf(deviceGroup, member);
        if (role !== null) return role;
      }
      return null;
    };
    const firstOf = (nodes: readonly string[]): string | null => {
      for (const member of nodes) if (firstRoles?.has(member)) return firstRoles.get(member) as string;
      return null;
    };
    if (placement) {
      const nodes = this.sites.nodesOf(placement.site);
      const ordered = [node, ...nodes.filter((member) => member !== node)];
      const side = sideOf(ordered);
      const others = this.sites.sites().filter((site) => site !== placement.site);
      // Two sites: the other one. More (three data centres): the one whose nodes report the other role.
      const otherName = others.length === 1 ? others[0] : (others.find((site) => side !== null && sideOf(this.sites.nodesOf(site)) === opposite(side)) ?? null);
      const otherNodes = otherName !== null ? this.sites.nodesOf(otherName) : [];
      const otherSide = otherName !== null ? (sideOf(otherNodes) ?? (others.length === 1 ? opposite(side) : null)) : null;
      return {
        name: placement.site,
        nodes,
        side,
        firstSide: firstOf(ordered),
        inferredFrom: placement.source,
        source: placement.origin,
        otherSite: otherName !== null ? { name: otherName, nodes: otherNodes, side: otherSide } : null,
      };
    }
    if (deviceGroup === null) return null;
    const side = this.roleOf(deviceGroup, node);
    if (side === null) return null;
    const group = this.groups.get(deviceGroup);
    const own = group?.nodes.get(node)?.local;
    const source = own?.role ? own.line : side === "PVOL" ? (group?.volumes.PVOL.line ?? null) : (group?.volumes.SVOL.line ?? null);
    const otherNodes = this.nodesOnSide(deviceGroup, opposite(side) as string);
    return {
      name: null,
      nodes: this.nodesOnSide(deviceGroup, side),
      side,
      firstSide: firstRoles?.get(node) ?? null,
      inferredFrom: "pair-states",
      source,
      otherSite: otherNodes.length > 0 ? { name: null, nodes: otherNodes, side: opposite(side) } : null,
    };
  }
}

/**
A journal's size (raidvchkscan's D-SZ, in blocks) and whether it came within 10 % of full (U(%) 90 or more): a journal
whose size grew after its last near-full reading was enlarged for it (journal volumes added), which answers the capacity
warning (round 47 #18: tripled by a change, later peaks at 30 %). Journals are told apart by their side and id.
*/
class JournalCapacity {
  private readonly sizes = new Map<string, number>();
  private readonly nearFull = new Set<string>();
  private readonly enlarged = new Set<string>();

  note(fields: LogEvent["fields"]): void {
    if (typeof fields.journal !== "number" || typeof fields.side !== "string") return;
    const key = `${fields.side}:${fields.journal}`;
    if (typeof fields.usage === "number" && fields.usage >= 90) {
      this.nearFull.add(key);
      this.enlarged.delete(key);
    }
    if (typeof fields.size !== "number") return;
    const before = this.sizes.get(key);
    if (before !== undefined && fields.size > before && this.nearFull.has(key)) this.enlarged.add(key);
    if (before === undefined || fields.size > before) this.sizes.set(key, fields.size);
  }

  /** Every journal seen near full has been enlarged since (false when none was). */
  enlargedSinceNearFull(): boolean {
    return this.nearFull.size > 0 && [...this.nearFull].every((key) => this.enlarged.has(key));
  }
}
