/**
The names a rule may read from the pair-state model (`state:` conditions, `$path` operands, template
placeholders) and the site placeholders the engine fills: contract lists like the action ids and event
kinds (vocabulary.ts). The model (src/correlate/pair-model.ts) has one reader per state path, typed by
this list, so a path here without a reader, or a reader without a path, does not compile.
*/

/** Every state path a rule may name (docs/rules.md): `*` stands for any setting name. */
export const STATE_PATHS = [
  "fence",
  "forceflag",
  "auto.*",
  "setting.*",
  "instance",
  "horcm.stoppedNodes",
  "horcm.restartedSinceChange",
  "node.outOfCluster",
  "node.resetRetold",
  "node.lostToOtherPartition",
  "membership.failed",
  "membership.failedPackages",
  "membership.left",
  "pvol.state",
  "pvol.node",
  "svol.state",
  "svol.node",
  "pvol.wroteWhileSuspended",
  "pvol.wroteSinceTakeover",
  "local.role",
  "local.state",
  "local.code",
  "local.status",
  "remote.role",
  "remote.state",
  "remote.code",
  "remote.status",
  "pair.synced",
  "pair.mixed",
  "pair.businessCopy",
  "pair.disputed",
  "pvol.copiedOverSsws",
  "svol.copiedOverPvol",
  "journal.enlargedSinceNearFull",
  "pair.copyInterrupted",
  "pair.suspended",
  "pair.suspendedHours",
  "pair.refusedWhileSuspended",
  "pair.seen",
  "package.name",
  "package.node",
  "package.running",
  "package.alsoRunningOn",
  "package.startedAt",
  "package.side",
  "package.runTimedOut",
  "package.lastStartSeconds",
  "package.lastStartShareOfRunTimeout",
  "package.scriptErrors",
  "package.startBeganAfterHaltFailure",
  "node.role",
  "node.holdsGroup",
  "continental.recovered",
  "continental.unreachable",
  "continental.primaryHaltedFirst",
  "continental.maintenance",
  "takeover.ok",
  "takeover.resultName",
  "takeover.code",
  "takeover.node",
  "takeover.sinceSync",
  "takeover.happened",
  "takeover.packageRan",
  "split.option",
  "split.node",
  "split.sinceSync",
  "split.at",
  "resync.mode",
  "resync.outcome",
  "resync.node",
  "resync.afterLastState",
] as const;

export type StatePath = (typeof STATE_PATHS)[number];

/** A path as a rule writes it, resolved to its contract entry: `auto.AUTO_FENCEDATASPLIT` is `auto.*` naming `AUTO_FENCEDATASPLIT`. */
export interface ResolvedStatePath {
  readonly path: StatePath;
  /** What `*` stands for (empty for a fixed path). */
  readonly name: string;
}

const FIXED: ReadonlySet<string> = new Set(STATE_PATHS.filter((path) => !path.endsWith(".*")));
const WILDCARDS = STATE_PATHS.filter((path) => path.endsWith(".*")).map((path) => ({ path, prefix: path.slice(0, -1) }));

export function resolveStatePath(path: string): ResolvedStatePath | undefined {
  if (FIXED.has(path)) return { path: path as StatePath, name: "" };
  const wildcard = WILDCARDS.find(({ prefix }) => path.startsWith(prefix) && path.length > prefix.length);
  return wildcard ? { path: wildcard.path, name: path.slice(wildcard.prefix.length) } : undefined;
}

export function isKnownStatePath(path: string): boolean {
  // `event.<field>`: the matched event's own field (engine and templates).
  if (path.startsWith("event.") && path.length > "event.".length) return true;
  return resolveStatePath(path) !== undefined;
}

/**
What a `resolvedBy` pattern may read of the open finding it would close, as `$finding.<name>`: its package, device
group or node, or `event.<field>` of the events that matched it, when they all agree (else unknown: nothing that
compares with it closes the finding). A finding keyed by node can then be closed only by an event about its own
device group (`where: { deviceGroup: $finding.deviceGroup }`).
*/
export const FINDING_OPERANDS: readonly string[] = ["package", "deviceGroup", "node", "event.<field>"];

export function isFindingOperand(name: string): boolean {
  return ["package", "deviceGroup", "node"].includes(name) || (name.startsWith("event.") && name.length > "event.".length);
}

/** The template values the engine fills from a finding's site (`{site.name}`, `{otherSite.nodes}` ...). */
export const SITE_PLACEHOLDERS = [
  "site.name",
  "site.nodes",
  "site.side",
  "site.firstSide",
  "site.label",
  "site.inferredFrom",
  "site.source",
  "otherSite.name",
  "otherSite.nodes",
  "otherSite.side",
  "otherSite.label",
] as const;

export type SitePlaceholder = (typeof SITE_PLACEHOLDERS)[number];
