// Whole lines, header and body together: one line per case.
import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse/index.js";
import type { FileKind } from "../../src/parse/index.js";

const kindsOf = (kind: FileKind, text: string): string[] => parseText(text, { kind, year: 2014 }).flatMap((line) => line.events.map((event) => event.kind));
const emits = (kind: FileKind, text: string, kinds: string[]) => () => expect(kindsOf(kind, text)).toEqual(kinds);

describe("syslog lines", () => {
  it("cmcld without pid", emits("syslog", "Mar 13 13:44:09 localhost cmcld: Interrupted system call.  This may be caused by a very high system load.", []));
  it(
    "cmlvmd lost cmcld",
    emits("syslog", "Mar 13 13:44:18 localhost cmlvmd: Could not read messages from /usr/lbin/cmcld: Software caused connection abort", ["daemon.lost"]),
  );
  it(
    "cmsrvassistd lost cmcld",
    emits(
      "syslog",
      "Mar 13 13:44:18 localhost cmsrvassistd[5282]: Lost connection with ServiceGuard cluster daemon (cmcld): Software caused connection abort",
      ["daemon.lost"],
    ),
  );
  it(
    "cmcld died",
    emits("syslog", "Mar 13 13:44:18 localhost cmclconfd[5277]: The ServiceGuard daemon, /usr/lbin/cmcld[5278], died upon receiving the signal 6.", [
      "daemon.died",
    ]),
  );
  it("cluster forming", emits("syslog", "Dec 14 14:33:48 star04 cmcld[2048]: Attempting to form a new cluster", ["cluster.forming"]));
  it("cluster formed", emits("syslog", "Dec 14 14:33:53 star04 cmcld[2048]: 3 nodes have formed a new cluster", ["cluster.formed"]));
  it(
    "membership",
    emits("syslog", "Dec 14 14:33:53 star04 cmcld[2048]: The new active cluster membership is: star04(id=1), star05(id=2), star06(id=3)", [
      "cluster.membership",
    ]),
  );
  it("CM-CMD", emits("syslog", "Dec 14 14:34:44 star04 CM-CMD[2054]: cmrunpkg -v pkg5", ["admin.command"]));
  it(
    "start request",
    emits("syslog", "Dec 14 14:34:44 star04 cmcld[2048]: Request from node star04 to start package pkg5 on node star04.", ["pkg.start.requested"]),
  );
  it(
    "executing",
    emits("syslog", "Dec 14 14:34:44 star04 cmcld[2048]: Executing '/etc/cmcluster/pkg5/pkg5_run start' for package pkg5.", ["pkg.script.executing"]),
  );
  it("NO_RESTART", emits("syslog", "Dec 14 14:34:45 star04 cmcld[2048]: Package pkg5 run script exited with NO_RESTART.", ["pkg.script.exit"]));
  it("examine the log", emits("syslog", "Dec 14 14:34:45 star04 cmcld[2048]: Examine the file /etc/cmcluster/pkg5/pkg5_run.log for more details.", []));
  it(
    "starved",
    emits(
      "syslog",
      "Nov 24 10:00:00 n1 cmcld[2048]: Warning: cmcld was unable to run for the last 4.2 seconds. Consult the Managing Serviceguard manual for guidance on setting MEMBER_TIMEOUT, and information on cmcld.",
      ["cmcld.starved"],
    ),
  );
  it("noise: sshd", emits("syslog", "Nov 24 10:00:00 n1 sshd[811]: Accepted publickey for root from 10.0.0.5 port 51514 ssh2", []));
  it("noise: cron", emits("syslog", "Nov 24 10:00:00 n1 /usr/sbin/cron[811]: (root) CMD (/usr/lbin/sa/sa1)", []));
  it(
    "Metrocluster in syslog",
    emits("syslog", "Nov 24 10:00:00 n1 pkgA.cntl[4242]: Device group pkgA: local state SVOL_PAIR, remote state EX_ENORMT", ["pair.state", "pair.unreachable"]),
  );
  it("Continentalclusters notice", emits("syslog", "Nov 24 10:05:00 n3 cmclsentryd[999]: primary_cluster UNREACHABLE alert", ["cc.alert"]));
  it("mark", emits("syslog", "Nov 24 10:20:00 n1 -- MARK --", []));
});

describe("package log lines", () => {
  it("start banner", emits("pkglog", '\t########### Node "nodeA1": Starting package at Mon Nov 24 10:00:00 EST 2014 ###########', ["pkg.start.begin"]));
  it("failed banner, 6 #", emits("pkglog", '###### Node "nodeA1": Package start failed at Mon Nov 24 10:00:09 EST 2014 ######', ["pkg.start.failed"]));
  it(
    "vg activation, no Node word",
    emits("pkglog", 'Nov 24 10:00:01 - "nodeA1": Activating volume group vg01 with non-exclusive option.', ["pkg.vg.activate"]),
  );
  it("fs check", emits("pkglog", 'Nov 24 10:00:02 - Node "nodeA1": Checking filesystems:', ["pkg.fs.check"]));
  it("LV continuation", emits("pkglog", "   /dev/vg01/lvol1", []));
  it("mount", emits("pkglog", 'Nov 24 10:00:03 - Node "nodeA1": Mounting /dev/vg01/lvol1 at /pkg01a', ["pkg.fs.mount"]));
  it("ip add", emits("pkglog", 'Nov 24 10:00:04 - Node "nodeA1": Adding IP address 10.53.144.11 to subnet 10.53.144.0', ["pkg.ip.add"]));
  it(
    "service start + command",
    emits("pkglog", 'Nov 24 10:00:05 - Node "nodeA1": Starting service srv_eq using\n   "/etc/cmcluster/pkg_eq/mon_pkg_eq.sh monitor"', ["pkg.service.start"]),
  );
  it(
    "ERROR pair",
    emits("pkglog", "\tERROR:  Function check_and_mount\n\tERROR:  Failed to fsck one of the logical volumes.", ["pkg.error", "pkg.error.detail"]),
  );
  it("retry without host", emits("pkglog", "\tNov 24 11:00:03 - Unmount /dev/vg01/lvol1 failed, trying again.", ["pkg.retry"]));
  it("warning", emits("pkglog", "\tWARNING:   Running fuser to remove anyone using the file system directly.", ["pkg.warning"]));
  it(
    "Metrocluster step",
    emits("pkglog", 'Nov 24 10:00:01 - Node "nodeA1": AUTO_SVOLPSUE is 0, the package will not be started; create FORCEFLAG to override', [
      "auto.setting",
      "mc.start.refused",
      "forceflag",
    ]),
  );
  it("raw Raid Manager output", emits("pkglog", "pairvolchk : Volstat is S-VOL.[status = PSUE fence = DATA]", ["pair.state", "fence"]));
  it("modular start", emits("pkglog", "Nov 24 10:00:00 root@nodeA1 master_control_script.sh[12345]: ###### Starting package pkg1 ######", ["pkg.start.begin"]));
  it(
    "modular vg",
    emits("pkglog", "Nov 24 10:00:01 root@nodeA1 volume_group.sh[12399]: Activating volume group vg01 with exclusive option.", ["pkg.vg.activate"]),
  );
  it(
    "modular failure",
    emits("pkglog", "Nov 24 10:00:09 root@nodeA1 master_control_script.sh[12345]: ###### Failed to start package pkg1, rollback steps. ######", [
      "pkg.start.failed",
    ]),
  );
});
