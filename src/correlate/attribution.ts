/**
Which device group and package an event is about when its line leaves one out: a Metrocluster message names its
package but not always its group, horcmd names a volume, a Raid Manager error names only its command. The
answer comes from what the bundle has said so far (configuration, the lines that named both, the group a node
checked last), and says where it came from (`deviceGroupFrom`) so a wrong guess can be seen.
*/

import { nodeOf, type LogEvent } from "../model/events.js";

/** How long after a package's last group check a line naming no group is about that group. */
const LAST_CHECKED_MS = 10 * 60_000;

/** What attribution asks of the pair model: the packages and groups it has records of. */
export interface AttributionLookups {
  /** A package whose configuration file was read (its settings are known). */
  isConfiguredPackage(name: string): boolean;
  /** The packages linked to a group so far, in the order they were linked. */
  packagesOfGroup(name: string): ReadonlySet<string> | undefined;
  /** The node a package runs on as the logs show it so far; null when not running. */
  runningOn(name: string): string | null;
}

export class GroupAttribution {
  /**
  Per package and group, when a node last reported the group's state and whether that report showed a trouble (a state
  other than PAIR, or a side that did not answer): lastCheckedGroup.
  */
  private readonly lastChecked = new Map<string, Map<string, { node: string | null; ts: number; troubled: boolean }>>();
  /** Device -> the package whose run script mounted it (pkg.fs.mount). */
  private readonly mountedBy = new Map<string, string>();
  /** The device groups each package's configuration names (DEVICE_GROUP), and those its events named with it. */
  private readonly packageConfigGroups = new Map<string, Set<string>>();
  private readonly packageLinkedGroups = new Map<string, Set<string>>();
  /** Groups named by a line in its own words, a table, a command or a configuration: what a label is checked against. */
  private readonly namedGroups = new Set<string>();
  /**
  Saved output or notes with no time (untimed facts): the groups each file named in its own words, a table or a command
  (not by a leading label). Untimed facts are all applied before any rule looks at them, so a file's list is whole by then.
  */
  private readonly untimedFileGroups = new Map<string, Set<string>>();
  /** Pair volume name (PairVol) -> its device group, from the lines that named both. */
  private readonly groupOfVolume = new Map<string, string>();

  constructor(private readonly lookups: AttributionLookups) {}

  /** A package named with a group: by its configuration (DEVICE_GROUP), or by a line naming both. */
  link(packageName: string, deviceGroup: string, fromConfig: boolean): void {
    const groups = fromConfig ? this.packageConfigGroups : this.packageLinkedGroups;
    let known = groups.get(packageName);
    if (!known) groups.set(packageName, (known = new Set()));
    known.add(deviceGroup);
  }

  /** A device a package's run script mounted: a kernel line about it (a full file system) is about the package. */
  noteMount(device: string, packageName: string): void {
    this.mountedBy.set(device, packageName);
  }

  /** The package replicates: some configuration or line named a device group with it. */
  hasDeviceGroup(packageName: string): boolean {
    return this.packageConfigGroups.has(packageName) || this.packageLinkedGroups.has(packageName);
  }

  /**
  The device group and package an event belongs to, filling what the event leaves out from what is known:
  the group its package's configuration names, else the only group the package's events named. A package
  known with two groups gets none (a guess would be a coin toss). `deviceGroupFrom` says where the group
  came from (the event's own `fields.deviceGroupFrom`, `package-config` or `only-group-of-package`), so a
  wrong guess can be seen.
  */
  resolve(event: LogEvent): { deviceGroup: string | null; package: string | null; deviceGroupFrom?: string } {
    const device = (event.package ?? null) === null && typeof event.fields.device === "string" ? event.fields.device : undefined;
    let packageName = event.package ?? (device !== undefined ? (this.mountedBy.get(device) ?? null) : null);
    let deviceGroup = event.deviceGroup ?? null;
    let deviceGroupFrom: string | undefined =
      deviceGroup !== null && typeof event.fields.deviceGroupFrom === "string" ? event.fields.deviceGroupFrom : undefined;
    // "pkg_ana: takeover to stl timed out (EX_EWSTOT)": a leading label that is a configured package, not a group, names
    // the package (a package log's own name is dropped by the file parser; a syslog line keeps it). So does a label
    // that is a package whose lines named another group ("orders: ord_jnl state change: local PVOL_PSUE", a monitor's
    // syslog line tagged with its package, round 25 #17), configured or not.
    if (
      deviceGroupFrom === "label" &&
      deviceGroup !== null &&
      packageName === null &&
      !this.isKnownGroup(deviceGroup) &&
      (this.lookups.isConfiguredPackage(deviceGroup) || (this.groupOfPackage(deviceGroup)?.deviceGroup ?? deviceGroup) !== deviceGroup)
    ) {
      [packageName, deviceGroup, deviceGroupFrom] = [deviceGroup, null, undefined];
    }
    if (deviceGroup !== null && deviceGroupFrom !== "label") this.namedGroups.add(deviceGroup);
    // An undated note or paste that names one group only ("pairresync -g crew_dg ...", its pairdisplay rows) is about that
    // group where a line of it names none ("started at ops-n1 too early -> refused (SVOL_COPY)", a ticket's "Monitor mail:
    // WEBDB PVOL_PSUE"): read as a group-less state, it was checked against no group's logs (round 66 #11, round 67 #17).
    const untimedFile = event.ts === null && event.kind.startsWith("untimed.") ? event.source.file : null;
    if (untimedFile !== null && deviceGroup !== null && deviceGroupFrom !== "label") {
      let named = this.untimedFileGroups.get(untimedFile);
      if (!named) this.untimedFileGroups.set(untimedFile, (named = new Set()));
      named.add(deviceGroup);
    }
    if (untimedFile !== null && deviceGroup === null && packageName === null) {
      const named = this.untimedFileGroups.get(untimedFile);
      if (named !== undefined && named.size === 1) [deviceGroup, deviceGroupFrom] = [[...named][0], "only-group-of-file"];
    }
    // A leading label is the weakest guess ("MC-XP: AUTO_PSUSSSSWS=0: not starting" is a tag): when the bundle knows
    // its groups and the label is none of them, the package's own group is the better answer.
    if (
      deviceGroupFrom === "label" &&
      deviceGroup !== null &&
      packageName !== null &&
      !this.isKnownGroup(deviceGroup) &&
      this.groupOfPackage(packageName) !== null
    ) {
      deviceGroup = null;
    }
    // Naming no package, an unknown label in a bundle whose configuration names one group only is a tag (a user's
    // logger tag, "drtest: swap-takeover timeout"), and the line is about that group. Not when only lines named the
    // groups so far: the label may be the first line about another one ("[mes_pkg] mes_dg status ...", round 12 #03).
    if (deviceGroupFrom === "label" && deviceGroup !== null && packageName === null && !this.isKnownGroup(deviceGroup)) {
      const only = this.onlyConfiguredGroup();
      if (only !== null) [deviceGroup, deviceGroupFrom] = [only, "only-group-of-bundle"];
    }
    // A pair volume's name (a pairdisplay row's PairVol column) belongs to one group: a later line naming only the
    // volume (horcmd's "[HORCM_102] ... (Volume:vod_d01,...)") is about it.
    const pairVolume = typeof event.fields.pairVolume === "string" ? event.fields.pairVolume : null;
    if (pairVolume !== null && deviceGroup !== null && deviceGroupFrom !== "label") this.groupOfVolume.set(pairVolume, deviceGroup);
    if (deviceGroup === null && pairVolume !== null && this.groupOfVolume.has(pairVolume)) {
      [deviceGroup, deviceGroupFrom] = [this.groupOfVolume.get(pairVolume)!, "pair-volume"];
    }
    // A Raid Manager error names its command, never its group ("pairsplit: [EX_ENQVOL] Unmatched volume status
    // within the group"): in a bundle that knows one group only, it is about that group. Not an error saying
    // the name itself is unknown (the grammars mark those `unknownName`): that one is about a name the
    // instance lacks, maybe a typo.
    if (deviceGroup === null && packageName === null && event.kind === "raid.error" && event.fields.unknownName !== true) {
      const only = this.onlyKnownGroup();
      if (only !== null) [deviceGroup, deviceGroupFrom] = [only, "only-group-of-bundle"];
    }
    // A volume's state may name only the volume or nothing (horcmd's notices): in a bundle whose configuration names
    // one group only, it is about that group. Not the groups lines named so far: a state is as likely about a group
    // the bundle names later (round 12 #03).
    if (deviceGroup === null && packageName === null && (event.kind === "pair.state" || event.kind === "pair.unreachable")) {
      const only = this.onlyConfiguredGroup();
      if (only !== null) [deviceGroup, deviceGroupFrom] = [only, "only-group-of-bundle"];
    }
    // Without configuration: a volume named like the one group the lines have named so far (horcmd's "Volume:claims_01"
    // after lines about claims_dg) is that group's; the S-VOL side's notices, naming only the volume, were a split of no
    // group that nothing closed (round 34 #11). A volume named otherwise may be a group's the bundle names later.
    if (deviceGroup === null && packageName === null && pairVolume !== null && (event.kind === "pair.state" || event.kind === "pair.unreachable")) {
      const named = this.namedGroups.size === 1 ? [...this.namedGroups][0] : null;
      if (named !== null && sharesStem(pairVolume, named)) [deviceGroup, deviceGroupFrom] = [named, "pair-volume"];
    }
    if (deviceGroup === null && packageName !== null) {
      const guess = this.groupOfPackage(packageName) ?? this.lastCheckedGroup(packageName, event);
      if (guess !== null) [deviceGroup, deviceGroupFrom] = [guess.deviceGroup, guess.from];
    }
    // Only a group the line itself named (its words, a table, the command before it): not one guessed above.
    if (event.deviceGroup !== null && packageName !== null && (event.kind === "pair.state" || event.kind === "pair.unreachable") && event.ts !== null) {
      let groups = this.lastChecked.get(packageName);
      if (!groups) this.lastChecked.set(packageName, (groups = new Map()));
      const node = nodeOf(event);
      const troubled = event.kind === "pair.unreachable" || (typeof event.fields.state === "string" && event.fields.state !== "PAIR");
      // One report gives both sides as two events ("local PVOL_PAIR, remote EX_CMDIOE"): a trouble of either side holds.
      const previous = groups.get(event.deviceGroup);
      const sameReport = previous !== undefined && previous.ts === event.ts && previous.node === node && previous.troubled;
      groups.delete(event.deviceGroup);
      groups.set(event.deviceGroup, { node, ts: event.ts, troubled: troubled || sameReport });
    }
    let resolvedPackage = packageName;
    if (resolvedPackage === null && deviceGroup !== null) {
      const packages = this.lookups.packagesOfGroup(deviceGroup);
      if (packages !== undefined && packages.size > 0) resolvedPackage = this.likeliestPackage([...packages], nodeOf(event));
    }
    return deviceGroupFrom === undefined ? { deviceGroup, package: resolvedPackage } : { deviceGroup, package: resolvedPackage, deviceGroupFrom };
  }

  /**
  Of a group's packages (a Continentalclusters primary package and its recovery package share the group): the one
  running on the line's node, else one running anywhere, else the first linked (round 40 #16: the recovery package
  running on the S-VOLs read as the primary one, down since the disaster).
  */
  private likeliestPackage(packages: readonly string[], node: string | null): string {
    if (packages.length === 1) return packages[0];
    const running = packages.map((name) => ({ name, node: this.lookups.runningOn(name) })).filter((entry) => entry.node !== null);
    return (running.find((entry) => node !== null && entry.node === node) ?? running[0])?.name ?? packages[0];
  }

  /** The group a package's configuration names, else the only group its events named; null when none or several. */
  private groupOfPackage(packageName: string): { deviceGroup: string; from: string } | null {
    const configured = this.packageConfigGroups.get(packageName);
    if (configured !== undefined && configured.size > 0) {
      return configured.size === 1 ? { deviceGroup: [...configured][0], from: "package-config" } : null;
    }
    const linked = this.packageLinkedGroups.get(packageName);
    return linked !== undefined && linked.size === 1 ? { deviceGroup: [...linked][0], from: "only-group-of-package" } : null;
  }

  /**
  A package with several device groups: a line naming none (a refusal, "Not starting here (exit 2)") is about the group
  whose state its node reported last in the minutes before, as Metrocluster checks them one by one and stops at the
  first it cannot start on. When the node reported several groups and only some of them in trouble (a 3DC package checks
  its synchronous and its journal group, then decides: "CORE_SYNC PVOL_PSUE, remote EX_CMDIOE", "CORE_JNL PAIR",
  refused), the line is about the last one in trouble: a group in PAIR answering on both sides refuses nothing.
  */
  private lastCheckedGroup(packageName: string, event: LogEvent): { deviceGroup: string; from: string } | null {
    const groups = this.lastChecked.get(packageName);
    if (groups === undefined || event.ts === null) return null;
    const node = nodeOf(event);
    const ts = event.ts;
    const recent = [...groups].filter(([, checked]) => checked.node === node && ts >= checked.ts && ts - checked.ts <= LAST_CHECKED_MS);
    if (recent.length === 0) return null;
    const last = (entries: typeof recent): string => entries.reduce((latest, entry) => (entry[1].ts >= latest[1].ts ? entry : latest))[0];
    const troubled = recent.filter(([, checked]) => checked.troubled);
    return { deviceGroup: last(troubled.length > 0 ? troubled : recent), from: "last-checked-group" };
  }

  /** The groups the packages' configuration names (DEVICE_GROUP). */
  private configuredGroups(): Set<string> {
    const configured = new Set<string>();
    for (const groups of this.packageConfigGroups.values()) for (const name of groups) configured.add(name);
    return configured;
  }

  /**
  The one group the bundle knows, when its configuration names it: not only lines (a package whose configuration
  mcadvisor could not read may have its own group).
  */
  private onlyConfiguredGroup(): string | null {
    return this.configuredGroups().size > 0 ? this.onlyKnownGroup() : null;
  }

  private onlyKnownGroup(): string | null {
    const known = new Set([...this.namedGroups, ...this.configuredGroups()]);
    return known.size === 1 ? [...known][0] : null;
  }

  /** A group some configuration or some line named in its own words (not only by a leading label). */
  private isKnownGroup(name: string): boolean {
    if (this.namedGroups.has(name)) return true;
    for (const groups of this.packageConfigGroups.values()) if (groups.has(name)) return true;
    return false;
  }
}

/** Whether a pair volume's name and a group's begin with the same word of three letters or more (claims_01, claims_dg). */
export function sharesStem(volume: string, group: string): boolean {
  // The first word, its volume number left out: "ord00" is ord_jdg's as "ord_00" is.
  const stem = (name: string): string => (name.toLowerCase().split(/[_.-]/)[0] ?? "").replace(/\d+$/, "");
  const volumeStem = stem(volume);
  return volumeStem.length >= 3 && volumeStem === stem(group);
}
