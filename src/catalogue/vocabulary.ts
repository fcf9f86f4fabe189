/** The names rule files may use: action ids (issue 3 contract) and event kinds (docs/events.md). */

/** Contract action ids (the JSON `action` field). More may be added; these keep their meaning. */
export const ACTION_IDS: Readonly<Record<string, string>> = {
  "full-resync": "pairs suspended while the application writes on the P-VOL side: resynchronize from the P-VOL side after the repair",
  "recreate-pairs": "both sides SMPL: recreate the pairs from the side holding the current data",
  "swap-resync": "the application runs on the former S-VOL side (SSWS): pairresync -swaps from the failover site (or -swapp from the primary)",
  "failback": "once resynchronized: halt the package at the failover site and start it on the primary site",
  "force-or-resync": "start refused because the data may be non-current: confirm the other site is down, then resync or force",
  "raise-run-script-timeout": "the run script was killed by RUN_SCRIPT_TIMEOUT, or the timeout is below what startup needs",
  "raise-horctimeout": "horctakeover timed out (EX_EWSTOT) flushing an ASYNC side file or journal",
  "restart-raid-manager": "the Raid Manager instance is down or runs an old configuration: restart it on every node",
  "raise-member-timeout": "cmcld starved repeatedly: MEMBER_TIMEOUT above 10 times the largest reported delay",
  "check-pair-consistency": "pair volume combination or mixed states (EX_EVOLCE, EX_ENQVOL, EX_INCSTG, EX_INVSTP)",
  "recover-continental-cluster": "Continentalclusters alarm: confirm the disaster, then cmrecovercl on the recovery cluster",
  "fix-package-failure": "a run or halt script failed for a reason outside replication: fix it, then re-enable switching",
  "rejoin-node": "a Serviceguard daemon died and the node was reset (TOC): find the cause, then rejoin it with cmrunnode",
  "automated": "Metrocluster handled it on an AUTO_* = 1 path: what is left for the operator",
  "check-async-capacity": "ASYNC side file or journal filling (PFUL, rising %): check the CA links and the side-file/journal sizing before the pairs suspend",
  "confirm-continental-outage": "Continentalclusters alert: the primary cluster does not answer yet; confirm with the primary site, prepare, do not recover before the alarm",
  "restart-cluster-one-site": "the cluster halted for lack of quorum: confirm the other site is down, then start the cluster on one site only (cmruncl -n)",
  "restart-at-failover-site": "the package is down everywhere after a takeover: start it again at the failover site, whose data is current, then swap-resync while it runs",
  "investigate": "something failed and mcadvisor cannot tell which procedure applies: what it could read, how to find out on both sites, and which procedure follows each answer",
  "wait-for-copy": "a takeover, a start or a failure while the pairs were copying (COPY, EX_VOLCUR): run the package where the copy comes from, wait for PAIR, never take over or force on the copy's target",
};

/** Event kinds the grammars emit (docs/events.md; test/rules/vocabulary.test.ts keeps the two equal). */
export const EVENT_KINDS: readonly string[] = [
  "pkg.start.requested", "pkg.halt.requested", "pkg.script.executing", "pkg.started", "pkg.halted", "pkg.script.exit",
  "pkg.script.timeout", "pkg.switching.disabled", "node.timeout", "cluster.forming", "cluster.formed",
  "cluster.membership", "cluster.member.unhealthy", "cmcld.starved", "cluster.eviction.risk", "daemon.died",
  "daemon.lost", "admin.command", "pkg.service.failed", "pkg.no.eligible.node", "config.applied", "pkg.start.begin",
  "pkg.start.completed", "pkg.start.failed", "pkg.halt.begin", "pkg.halt.completed", "pkg.halt.failed",
  "pkg.replication.configured", "pkg.md.start", "pkg.md.deactivate", "pkg.vg.activate", "pkg.vg.deactivate",
  "pkg.fs.check", "pkg.fs.mount", "pkg.fs.unmount", "pkg.ip.add", "pkg.ip.remove", "pkg.service.start",
  "pkg.service.halt", "pkg.error", "pkg.error.detail", "pkg.warning", "pkg.retry", "pair.state", "pair.unreachable",
  "raid.error", "fence", "auto.setting", "forceflag", "takeover", "pair.resync", "pair.create", "pair.split",
  "mc.start.refused", "mc.noncurrent", "horcm.error", "horcm.started", "horcm.stopped", "horcm.config.changed",
  "mc.unprotected", "link.failure", "link.restored", "lvm.io.waiting", "lvm.quorum.lost", "lvm.pv.failed", "cc.alert",
  "cc.alarm", "cc.recover", "config.setting", "cluster.lock.failed", "cluster.quorum.lost", "quorum.server.unavailable",
  // Raid Manager's own output (grammars/raidmanager.ne) and operator commands (grammars/operator.ne).
  "raid.command", "raid.error.detail", "takeover.waiting", "pair.wait", "journal.state", "horcm.starting", "horcm.running",
  "operator.command", "operator.denied",
  // The parse stage's marker of a replication line no grammar read (src/parse/unread.ts).
  "line.unread",
];
