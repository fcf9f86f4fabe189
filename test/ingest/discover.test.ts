import { describe, expect, it } from "vitest";
import { mkdirSync, symlinkSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { classify, discoverInputs, headIsExtract, headIsIsoSyslog, headIsPackageLog, headIsSyslog, placeOf } from "../../src/ingest/discover.js";
import { writeFileAt } from "../helpers/files.js";
import { tempDir } from "../helpers/temp.js";

const touch = (root: string, relative: string, text: string | Buffer = "x\n"): string => writeFileAt(root, relative, text);

describe("discoverInputs", () => {
  it("finds syslog, rotated and compressed syslogs, package logs and configuration under a node tree", () => {
    const root = tempDir();
    touch(root, "incident/nodeA1/var/adm/syslog/syslog.log");
    touch(root, "incident/nodeA1/var/adm/syslog/OLDsyslog.log.gz");
    touch(root, "incident/nodeA1/var/adm/syslog/syslog.log.1");
    touch(root, "incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.cntl.log");
    touch(root, "incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg_xpca.env");
    touch(root, "incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.config");
    touch(root, "incident/nodeB1/var/adm/syslog/mail.log");
    touch(root, "incident/README.md");
    const { files, problems } = discoverInputs([join(root, "incident")]);
    expect(problems).toEqual([]);
    const found = files.map((file) => [file.path.slice(root.length + 1), file.kind, file.hostHint, file.packageHint, file.compressed]);
    expect(found).toEqual([
      ["incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.cntl.log", "pkglog", "nodeA1", "oracle_pkg", false],
      ["incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.config", "config", "nodeA1", "oracle_pkg", false],
      ["incident/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg_xpca.env", "config", "nodeA1", "oracle_pkg", false],
      ["incident/nodeA1/var/adm/syslog/OLDsyslog.log.gz", "syslog", "nodeA1", null, true],
      ["incident/nodeA1/var/adm/syslog/syslog.log", "syslog", "nodeA1", null, false],
      ["incident/nodeA1/var/adm/syslog/syslog.log.1", "syslog", "nodeA1", null, false],
    ]);
    expect(new Set(files.map((file) => file.bundle))).toEqual(new Set([join(root, "incident")]));
  });

  it("finds a cluster ASCII file outside any node tree by its CLUSTER_NAME line, and gives it the incident it sits in", () => {
    const root = tempDir();
    touch(root, "all/inc1/nodeA1/var/adm/syslog/syslog.log");
    touch(root, "all/inc1/metro_cl.ascii", "# cmgetconf\nCLUSTER_NAME\t\tmetro_cl\nSITE_NAME dc-east\n");
    touch(root, "all/inc1/saved/cluster.txt", "  CLUSTER_NAME metro_cl\n");
    touch(root, "all/inc1/nodeA1/etc/rsyslog.conf", "*.* /var/log/messages\n");
    touch(root, "all/inc1/notes.ascii", "nothing about a cluster\n");
    const { files } = discoverInputs([join(root, "all")]);
    const found = files.map((file) => [file.path.slice(root.length + 1), file.kind, file.bundle.slice(root.length + 1)]);
    expect(found).toEqual([
      ["all/inc1/metro_cl.ascii", "config", "all/inc1"],
      ["all/inc1/nodeA1/var/adm/syslog/syslog.log", "syslog", "all/inc1"],
      ["all/inc1/saved/cluster.txt", "config", "all/inc1"],
    ]);
  });

  it("reads a site's own log of Raid Manager command output (a stamp and pairdisplay or raidvchkscan output in its head), under /var/adm or /var/log", () => {
    const root = tempDir();
    const run = [
      "==== Wed Nov 18 08:30:00 MET 2026  /opt/ops/bin/pairwatch.sh: pairdisplay -g erp_dg -fcx -CLI -I12",
      "Group   PairVol  L/R Port#  TID LU Seq#   LDEV# P/S   Status Fence  % P-LDEV# M",
      "erp_dg  erp_d00  L   CL3-A    0 12 85011  2e0 P-VOL PAIR   NEVER 100 1c0   -",
    ].join("\n");
    touch(root, "incident/dc1hp11/var/adm/ops/pairwatch.log", `${run}\n`);
    touch(
      root,
      "incident/dc1lx31/var/log/ops/jnlwatch.log",
      "[2026-11-21 13:00:00] jnlwatch\nJID  MU CTG JNLS  AP  U(%)  Q-Marker  Q-CNT   D-SZ(BLK) Seq#  Nnm  LDEV#\n",
    );
    // Raid Manager output without any time stamp (a paste): read as untimed facts; a stamped application log: not read.
    touch(root, "incident/dc1hp11/var/adm/ops/paste.txt", "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence\n");
    touch(root, "incident/dc1hp11/var/adm/ops/app.log", "==== Wed Nov 18 08:30:00 MET 2026 backup started\n");
    const { files } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.hostHint, file.bundle, file.untimed])).toEqual([
      ["incident/dc1hp11/var/adm/ops/pairwatch.log", "cmdlog", "dc1hp11", join(root, "incident"), undefined],
      ["incident/dc1hp11/var/adm/ops/paste.txt", "cmdlog", "dc1hp11", join(root, "incident"), true],
      ["incident/dc1lx31/var/log/ops/jnlwatch.log", "cmdlog", "dc1lx31", join(root, "incident"), undefined],
    ]);
  });

  it("reads saved Raid Manager output with no stamp when its name (or its folder's day and its name's time of day) says when it was saved, not a date alone", () => {
    const root = tempDir();
    const output = "[nwong@mel-db1 ~]$ sudo pairvolchk -g pgbill_dg -IH15 -s\npairvolchk : Volstat is S-VOL.[status = SSWS fence = NEVER]\n";
    touch(root, "incident/mel-db1/home/nwong/pgbill_takeover_20220721_1058.txt", output);
    touch(root, "incident/mel-db1/home/nwong/check_20220721.txt", output);
    // The day in the folder, the time of day ending the name (failback/20180515/pairdisplay_2051.out).
    touch(root, "incident/mel-db1/home/nwong/20220721/pd_1102.txt", output);
    touch(root, "incident/mel-db1/home/nwong/20220721/pd_final.txt", output);
    const { files } = discoverInputs([join(root, "incident")]);
    // A date alone (check_20220721.txt), or no time at all (pd_final.txt): read, its events untimed facts.
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.namedTime, file.untimed])).toEqual([
      ["incident/mel-db1/home/nwong/20220721/pd_1102.txt", "cmdlog", Date.UTC(2022, 6, 21, 11, 2, 59), undefined],
      ["incident/mel-db1/home/nwong/20220721/pd_final.txt", "cmdlog", undefined, true],
      ["incident/mel-db1/home/nwong/check_20220721.txt", "cmdlog", undefined, true],
      ["incident/mel-db1/home/nwong/pgbill_takeover_20220721_1058.txt", "cmdlog", Date.UTC(2022, 6, 21, 10, 58, 59), undefined],
    ]);
  });

  it("a folder's day dates saved output only inside a node's own tree, never the case folder it was unpacked into", () => {
    const root = tempDir();
    const output = "pairvolchk : Volstat is P-VOL.[status = PAIR fence = NEVER]\n";
    touch(root, "case_20241021/nodeA1/pd_oradg_0930.txt", output);
    touch(root, "case_20241021/nodeA1/var/tmp/20241019/pd_oradg_0930.txt", output);
    const { files } = discoverInputs([join(root, "case_20241021")]);
    // The one the case folder's day would date is read with no time (untimed facts), never at that day.
    expect(files.map((file) => [file.path.slice(root.length + 1), file.namedTime, file.untimed])).toEqual([
      ["case_20241021/nodeA1/pd_oradg_0930.txt", undefined, true],
      ["case_20241021/nodeA1/var/tmp/20241019/pd_oradg_0930.txt", Date.UTC(2024, 9, 19, 9, 30, 59), undefined],
    ]);
  });

  it("reads a script's own stamped log of its pair commands (a day/month/year stamp, no Raid Manager output)", () => {
    const root = tempDir();
    touch(
      root,
      "incident/madx01/var/adm/bcsnap/bcsnap.log",
      "[14/10/2023 01:00:07] pairsplit -g core_bc0 -IM20 rc=0\n[14/10/2023 03:56:14] pairresync -g core_bc0 -IM20 rc=0\n",
    );
    touch(root, "incident/madx01/var/adm/app/app.log", "[14/10/2023 01:00:07] nightly export done\n");
    const { files } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([["incident/madx01/var/adm/bcsnap/bcsnap.log", "cmdlog"]]);
  });

  it("reads a saved cmviewcl package table under a date, and an EUC-JP `date` header as a stamp", () => {
    const root = tempDir();
    const table =
      "    PACKAGE        STATUS           STATE            AUTO_RUN         NODE\n    banque         up               running          enabled          lgl1\n";
    touch(root, "incident/lgl1/root/verif_2231.txt", `lgl1# date\nMon Feb 16 22:31:38 EST 2026\nlgl1# cmviewcl -v -p banque\n\n${table}`);
    // `date` in ja_JP.eucJP ("2026年 2月14日 (土) 09時12分36秒 JST") above a pairvolchk answer.
    const eucDate = Buffer.from("32303236c7af2032b7ee3134c6fc2028c5da29203039bbfe3132caac3336c9c3204a5354", "hex");
    touch(
      root,
      "incident/osk1/home/suzuki/dr_0912.log",
      Buffer.concat([Buffer.from("$ date\n"), eucDate, Buffer.from("\n$ pairvolchk -g dg -s\npairvolchk : Volstat is S-VOL.[status = PAIR fence = NEVER]\n")]),
    );
    const { files } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.untimed ?? false])).toEqual([
      ["incident/lgl1/root/verif_2231.txt", "cmdlog", false],
      ["incident/osk1/home/suzuki/dr_0912.log", "cmdlog", false],
    ]);
  });

  // Round 74 #15: a cmviewcl with no time was "not read", and with it the only sign that two nodes were another cluster.
  it("reads a cmviewcl status table with no time as untimed facts, naming one whose package rows cannot be placed in time", () => {
    const root = tempDir();
    const status =
      "# cmviewcl -v   (hux4471, Mon Mar 16 09:58)\nCLUSTER        STATUS\nmcmm           up\n\n  NODE           STATUS       STATE\n  hux4471        up           running\n";
    touch(root, "incident/hux4471/tmp/collect/cmviewcl.out", status);
    touch(root, "incident/hux4472/tmp/collect/nodes.txt", "  NODE           STATUS       STATE\n  hux4472        up           running\n");
    touch(root, "incident/hux4471/var/adm/syslog/syslog.log", "Mar 16 09:00:00 hux4471 sshd[1]: Accepted publickey for nagios\n");
    touch(
      root,
      "incident/lgl1/root/verif.txt",
      "lgl1# cmviewcl -v -p banque\n    PACKAGE  STATUS  STATE  AUTO_RUN  NODE\n    banque   up      running  enabled  lgl1\n",
    );
    const { files, problems } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.untimed ?? false])).toEqual([
      ["incident/hux4471/tmp/collect/cmviewcl.out", "cmdlog", true],
      ["incident/hux4471/var/adm/syslog/syslog.log", "syslog", false],
      ["incident/hux4472/tmp/collect/nodes.txt", "cmdlog", true],
      ["incident/lgl1/root/verif.txt", "cmdlog", true],
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/verif\.txt holds a cmviewcl package table with no date or time: .* where its packages ran cannot be placed/),
    ]);
  });

  // Round 76 #14: a handover's status/ folder beside the node folders was a bundle of its own, and its outputs no node's.
  it("puts saved outputs beside the node folders in their incident, each on the node its name names", () => {
    const root = tempDir();
    touch(root, "handover/ins1/var/adm/syslog/syslog.log", "Jun  5 14:00:00 ins1 sshd[1]: Accepted publickey for nagios\n");
    touch(root, "handover/clm1/var/adm/syslog/syslog.log", "Jun  5 14:00:00 clm1 sshd[1]: Accepted publickey for nagios\n");
    touch(root, "handover/clm2/var/adm/syslog/syslog.log", "Jun  5 14:00:00 clm2 sshd[1]: Accepted publickey for nagios\n");
    const table = "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M\n";
    touch(root, "handover/status/ins1_pairdisplay_20150608_0832.txt", table);
    touch(root, "handover/status/clm1-clm2_pairdisplay_20150608_0833.txt", table);
    touch(root, "handover/status/vg01_dg_pairdisplay_20150608_0834.txt", table);
    const { files } = discoverInputs([root]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.hostHint, file.bundle.slice(root.length + 1)])).toEqual([
      ["handover/clm1/var/adm/syslog/syslog.log", "clm1", "handover"],
      ["handover/clm2/var/adm/syslog/syslog.log", "clm2", "handover"],
      ["handover/ins1/var/adm/syslog/syslog.log", "ins1", "handover"],
      ["handover/status/clm1-clm2_pairdisplay_20150608_0833.txt", null, "handover"],
      ["handover/status/ins1_pairdisplay_20150608_0832.txt", "ins1", "handover"],
      ["handover/status/vg01_dg_pairdisplay_20150608_0834.txt", null, "handover"],
    ]);
  });

  it("puts a ticket's flattened Raid Manager log on the node its name names when only a syslog's lines name that node (round 78 #08)", () => {
    const root = tempDir();
    touch(root, "case/Site B/messages-krb2.txt", "Oct 14 09:41:10 krb2 sudo:    tk : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/bin/vi /etc/horcm0.conf\n");
    touch(root, "case/Site B/messages.krb1", "Oct 14 09:40:00 krb1 sshd[1]: Accepted publickey for tk\nOct 14 09:40:01 krb1 sshd[1]: session opened\n");
    const errors = "COMMAND ERROR : EUserId for HORC : root (0) Tue Oct 14 10:10:01 2025\nCMDLINE : pairvolchk -g kr_dg2 -ss\n[EX_ENOGRP] No such group\n";
    touch(root, "case/Site B/horcc_krb2.log", errors);
    touch(root, "case/Site B/horcc_kr.log", errors);
    const { files } = discoverInputs([root]);
    const hints = Object.fromEntries(files.map((file) => [file.path.slice(root.length + 1), file.hostHint]));
    expect(hints["case/Site B/horcc_krb2.log"]).toBe("krb2");
    // A name naming no node the syslogs show, and the syslogs themselves (their lines say their host): no hint.
    expect(hints["case/Site B/horcc_kr.log"]).toBeNull();
    expect(hints["case/Site B/messages-krb2.txt"]).toBeNull();
  });

  // Round 79 #08: a watch loop piped pairdisplay through grep, so its log holds dated rows and no header.
  it("reads a loop's log of pairdisplay rows with no header under `date` lines as saved output", () => {
    const root = tempDir();
    const rows = [
      "Thu Apr 30 06:11:04 -03 2026",
      "card_jdg card_j01(L) (CL4-C-6,  0,   1)441187  6c00.P-VOL COPY ASYNC ,    1  3a00 -",
      "card_jdg card_j01(R) (CL4-A-6,  0,   1)441120  3a00.S-VOL COPY ASYNC ,    1  6c00 -",
      "",
    ].join("\n");
    touch(root, "inc/spb1/var/log/ca/card_swap_watch.log", rows);
    touch(root, "inc/spb1/tmp/rows.txt", rows.split("\n").slice(1).join("\n"));
    // Rows quoted down a mail ("how the pairs looked on Monday"): not the mail's own output (review).
    touch(
      root,
      "inc/ticket/INC4711.txt",
      ["From: ops@example.com", "Date: Thu, 11 Jun 2026 08:02:11 +0200", "", "Monday, before the failure:", ...rows.split("\n").slice(1)].join("\n"),
    );
    const { files } = discoverInputs([join(root, "inc")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.untimed ?? false])).toEqual([
      ["inc/spb1/tmp/rows.txt", "cmdlog", true],
      ["inc/spb1/var/log/ca/card_swap_watch.log", "cmdlog", false],
    ]);
  });

  it("reads a cron job's copies named with their time (cmviewcl.0900, pairdisplay.dg.202603090700) and root's mailbox in the mail spool", () => {
    const root = tempDir();
    const table =
      "    PACKAGE        STATUS           STATE            AUTO_RUN         NODE\n    ledger         up               running          enabled          ldn1\n";
    touch(root, "incident/ldn1/var/adm/ops/hourly/cmviewcl.0900", `Tue Mar 17 09:00:02 GMT 2026\n${table}`);
    touch(
      root,
      "incident/ldn1/var/tmp/cmstat/pairdisplay.wmsdg.202603090700",
      "### cmstat.sh Mon Mar  9 07:00:01 CET 2026 on ldn1\nGroup   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M\nwmsdg wms0(L) (CL1-A-0, 0, 1)53120 301.P-VOL PAIR NEVER ,53121 701 -\n",
    );
    touch(
      root,
      "incident/brg1/var/spool/mail/root",
      `From root@brg1  Tue Mar  3 06:30:01 2026\nFrom: root@brg1.hydro.local\nDate: Tue, 3 Mar 2026 06:30:01 +0100\n\n${table}`,
    );
    touch(root, "incident/brg1/var/spool/mail/oracle", "From root@brg1  Tue Mar  3 06:30:01 2026\nSubject: backup done\n\nok\n");
    touch(root, "incident/ldn1/var/adm/ops/hourly/uptime.0900", "Tue Mar 17 09:00:02 GMT 2026\n 09:00:02 up 41 days\n");
    const { files } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["incident/brg1/var/spool/mail/root", "cmdlog"],
      ["incident/ldn1/var/adm/ops/hourly/cmviewcl.0900", "cmdlog"],
      ["incident/ldn1/var/tmp/cmstat/pairdisplay.wmsdg.202603090700", "cmdlog"],
    ]);
  });

  it("reads a shell history that keeps its times (bash with HISTTIMEFORMAT, zsh, `history` output) on its node, an undated one only under a shell's own name", () => {
    const root = tempDir();
    touch(root, "incident/pun-db1/root/.bash_history", "#1707218538\nhorctakeover -g loans_jdg\n");
    touch(root, "incident/pun-db2/home/oper1/.zsh_history", ": 1707218538:0;pairdisplay -g loans_jdg\n");
    touch(root, "incident/mum-db1/history_root.txt", "  511  2024-02-06 16:50:02 cmviewcl\n  512  2024-02-06 16:52:18 pairvolchk -g loans_jdg -s\n");
    touch(root, "incident/mum-db2/root/.sh_history", "pairvolchk -g loans_jdg -s\nhorctakeover -g loans_jdg\n");
    touch(root, "incident/mum-db2/root/notes_history.txt", "#1 we looked at the history of the site\n");
    const { files } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.hostHint])).toEqual([
      ["incident/mum-db1/history_root.txt", "history", null],
      ["incident/mum-db2/root/.sh_history", "history", "mum-db2"],
      ["incident/pun-db1/root/.bash_history", "history", "pun-db1"],
      ["incident/pun-db2/home/oper1/.zsh_history", "history", "pun-db2"],
    ]);
  });

  it("takes a home folder for a node's tree only inside the folder given to read, never the reader's own home", () => {
    const root = tempDir();
    // HP-UX root's home is /: its .sh_history copied at the top of the node's folder.
    expect(placeOf(join(root, "incident/zrhfin1/.sh_history"), join(root, "incident")).hostHint).toBe("zrhfin1");
    expect(placeOf(join(root, "incident/zrhfin1/root/.sh_history"), join(root, "incident")).hostHint).toBe("zrhfin1");
    expect(placeOf(join(root, "incident/zrhfin1/home/oper/.sh_history"), join(root, "incident")).hostHint).toBe("zrhfin1");
    expect(placeOf(join(root, "incident/pun-db1/root/.bash_history"), join(root, "incident")).hostHint).toBe("pun-db1");
    expect(placeOf(join(root, "incident/pun-db1/root/.bash_history"), join(root, "incident/pun-db1")).hostHint).toBe("pun-db1");
    expect(placeOf("/root/.bash_history", "/root")).toMatchObject({ hostHint: null, bundle: "/root" });
    expect(placeOf("/home/alice/.bash_history", "/home/alice")).toMatchObject({ hostHint: null, bundle: "/home/alice" });
  });

  it("reads a site's check log whose banner names its script between the separators and the stamp", () => {
    const root = tempDir();
    touch(
      root,
      "incident/milsap1/var/adm/ca_check/ca_check.log",
      "---- ca_check 23/10/2009 06:00:02 ----\nbw_dg  : pairvolchk : Volstat is S-VOL.[status = PAIR fence = NEVER ]\n",
    );
    touch(root, "incident/milsap1/var/adm/app/app.log", "erp_dg 2026-11-18 08:30 Volstat is P-VOL, said the note\n");
    const { files } = discoverInputs([join(root, "incident")]);
    // The note's date is no stamp: it is read as output with no time (untimed facts), not as a check log.
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.untimed])).toEqual([
      ["incident/milsap1/var/adm/app/app.log", "cmdlog", true],
      ["incident/milsap1/var/adm/ca_check/ca_check.log", "cmdlog", undefined],
    ]);
  });

  it("reads saved output under script(1)'s banner, a report's 'daily <date>' or a banner with a numeric zone; not a sentence that names a date", () => {
    const root = tempDir();
    const table = "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence, %,P-LDEV# M\n";
    touch(root, "incident/lx1/root/LEDGER_DG_resync.log", `Script started on Tue Apr  6 14:19:44 2021\n[root@lx1 ~]# pairdisplay -g LEDGER_DG -fcx\n${table}`);
    touch(root, "incident/lx1/var/opt/dailychk/ca.txt", `daily Mon Nov 10 07:00:00 NZDT 2025\n${table}`);
    touch(
      root,
      "incident/lx1/var/tmp/durum.txt",
      "== Tue Jun 14 05:55:12 +03 2022 ==\n# pairvolchk -g CBNK_DG -s\npairvolchk : Volstat is P-VOL.[status = PSUE fence = DATA ]\n",
    );
    touch(root, "incident/lx1/home/ops/notes.txt", `the link was cut Tue Apr  6 14:19:44 2021, then the pairs went PSUE on both sides\n${table}`);
    const { files, notRead, unreadable, problems } = discoverInputs([join(root, "incident")]);
    // Its date is a sentence's, not a stamp, and it holds a table and PSUE: undated output, read as untimed facts with a warning.
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.untimed])).toEqual([
      ["incident/lx1/home/ops/notes.txt", "cmdlog", true],
      ["incident/lx1/root/LEDGER_DG_resync.log", "cmdlog", undefined],
      ["incident/lx1/var/opt/dailychk/ca.txt", "cmdlog", undefined],
      ["incident/lx1/var/tmp/durum.txt", "cmdlog", undefined],
    ]);
    expect(unreadable).toEqual([]);
    expect(notRead).toEqual([]);
    expect(problems.map((problem) => problem.message).join("\n")).toMatch(/notes\.txt holds Raid Manager output that shows pairs out of PAIR/);
  });

  it("reads saved output under a banner that dates it whatever the file is called (script(1)'s typescript.<tag>.<date>), never a script holding it", () => {
    const root = tempDir();
    const table = "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M\n";
    touch(
      root,
      "incident/lis1/root/typescript.sindg-swaps.20260318",
      `Script started on Wed Mar 18 09:29:40 2026\nlis1:/root# pairresync -g sindg -swaps -c 15 -I2\nlis1:/root# pairdisplay -g sindg -I2 -fc\n${table}`,
    );
    touch(root, "incident/lis1/root/swaps_0318", `==== Wed Mar 18 10:12:40 WET 2026 ====\n${table}`);
    touch(root, "incident/lis1/root/resync.sh", `#!/usr/bin/sh\n# Script started on Wed Mar 18 09:29:40 2026\npairresync -g sindg -swaps\n${table}`);
    const { files, notRead } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.untimed])).toEqual([
      ["incident/lis1/root/swaps_0318", "cmdlog", undefined],
      ["incident/lis1/root/typescript.sindg-swaps.20260318", "cmdlog", undefined],
    ]);
    expect(notRead.map((path) => path.slice(root.length + 1))).toEqual(["incident/lis1/root/resync.sh"]);
  });

  it("names the files of a node's tree it does not read, never what sits beside the nodes (a case's README) nor the node's mail or cron logs", () => {
    const root = tempDir();
    touch(root, "incident/nodeA1/var/adm/syslog/syslog.log", "Nov 20 16:31:02 nodeA1 cmcld[2048]: Started package pkg on node nodeA1.\n");
    touch(root, "incident/nodeA1/home/ops/sentryd_cmreadlog.txt", "root@nodeA1:/ # cmreadlog -f /var/adm/cmconcl/sentryd.log\n");
    touch(root, "incident/nodeA1/etc/cmcluster/pkg/pkg.cntl", "#!/usr/bin/sh\n");
    touch(root, "incident/README.md", "# case 4711\n");
    touch(root, "incident/nodeA1/var/log/maillog", "Nov 20 16:31:02 nodeA1 postfix/qmgr[811]: queue active\n");
    const { files, notRead } = discoverInputs([join(root, "incident")]);
    expect(files).toHaveLength(1);
    expect(notRead.map((path) => path.slice(root.length + 1)).sort()).toEqual([
      "incident/nodeA1/etc/cmcluster/pkg/pkg.cntl",
      "incident/nodeA1/home/ops/sentryd_cmreadlog.txt",
    ]);
  });

  it("names a file anywhere in the bundle whose head speaks of the replication (a ticket, a monitor's export), and never a README that does not", () => {
    const root = tempDir();
    touch(root, "incident/nodeA1/var/adm/syslog/syslog.log", "Nov 20 16:31:02 nodeA1 cmcld[2048]: Started package pkg on node nodeA1.\n");
    touch(root, "incident/ticket_INC7781.txt", "09:02 pairresync -g erp_dg from lilsg01 (P-VOL side).\n09:58 Nagios OK, erp_dg PAIR.\n");
    touch(
      root,
      "incident/icinga/icinga.log",
      "[1781097630] SERVICE ALERT: ldnb1;CA fin_dg svol;WARNING;SOFT;1;WARNING - fin_dg S-VOL status SSWS (expected PAIR)\n",
    );
    touch(root, "incident/README.md", "# case 4711\n");
    const { files, notRead, unreadable } = discoverInputs([join(root, "incident")]);
    expect(files).toHaveLength(1);
    expect(unreadable).toEqual([]);
    expect(notRead.map((path) => path.slice(root.length + 1)).sort()).toEqual(["incident/icinga/icinga.log", "incident/ticket_INC7781.txt"]);
  });

  it("reads undated Raid Manager output as untimed facts on the node of its folder, with a warning when it shows a pair out of PAIR or an error (it cannot be placed in time)", () => {
    const root = tempDir();
    const table = (state: string): string =>
      "[root@ldna1 ~]# pairdisplay -g fin_dg -fc\n" +
      "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M\n" +
      `fin_dg  fin_01(L) (CL1-B-0, 0,  1)422101  1101.P-VOL ${state} NEVER , 100   2101 -\n`;
    touch(root, "incident/ldna1/var/log/messages", "Jun 10 16:31:02 ldna1 cmcld[2048]: Started package fin_pkg on node ldna1.\n");
    touch(root, "incident/ldna1/pd_fin_dg_1635.txt", table("PSUS"));
    touch(root, "incident/ldna1/pd_fin_dg_0900.txt", table("PAIR"));
    touch(root, "incident/ldna1/pvc_0905.out", "pairvolchk : Volstat is P-VOL.[status = PSUE fence = NEVER]\n");
    touch(root, "incident/ldna1/bin/check_pairs.sh", "#!/bin/sh\npairdisplay -g fin_dg -fc | grep PSUE\n");
    const { files, notRead, unreadable, problems } = discoverInputs([join(root, "incident")]);
    // Read, each on the node whose folder holds it (ldna1 is a node of the bundle: its syslog is under it), never dated.
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.hostHint, file.untimed, file.namedTime])).toEqual([
      ["incident/ldna1/pd_fin_dg_0900.txt", "cmdlog", "ldna1", true, undefined],
      ["incident/ldna1/pd_fin_dg_1635.txt", "cmdlog", "ldna1", true, undefined],
      ["incident/ldna1/pvc_0905.out", "cmdlog", "ldna1", true, undefined],
      ["incident/ldna1/var/log/messages", "syslog", "ldna1", undefined, undefined],
    ]);
    expect(unreadable).toEqual([]);
    expect(notRead).toEqual([]);
    // A warning of its own for each that shows trouble; the one showing PAIR only is read, nothing more.
    const warned = problems.map((problem) => problem.message).join("\n");
    expect(warned).toMatch(
      /pd_fin_dg_1635\.txt holds Raid Manager output that shows pairs out of PAIR or an error, with no date or time: read as facts at no time/,
    );
    expect(warned).toMatch(/pvc_0905\.out holds/);
    expect(warned).not.toMatch(/pd_fin_dg_0900/);
  });

  it("reads a rotated log compressed with xz, bzip2 or zstd through its program, by its name without the suffix", () => {
    const root = tempDir();
    touch(root, "incident/nodeB1/var/adm/syslog/syslog.log", "Nov 20 16:31:02 nodeB1 cmcld[2048]: Started package pkg on node nodeB1.\n");
    touch(root, "incident/nodeB1/var/adm/syslog/syslog.log.1.xz", "\xfd7zXZ\0");
    touch(root, "incident/nodeB1/etc/cmcluster/pkg/pkg.log.2.zst", "(\xb5/\xfd");
    touch(root, "incident/nodeB2/var/log/messages-20260101.bz2", "BZh91AY&SY");
    touch(root, "incident/nodeB2/var/log/syslog.log.gz.1", "\x1f\x8b");
    touch(root, "incident/nodeB2/var/tmp/backup.tar.xz", "\xfd7zXZ\0");
    const { files, unreadable, problems } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind, file.compressed, file.packageHint])).toEqual([
      ["incident/nodeB1/etc/cmcluster/pkg/pkg.log.2.zst", "pkglog", true, "pkg"],
      ["incident/nodeB1/var/adm/syslog/syslog.log", "syslog", false, null],
      ["incident/nodeB1/var/adm/syslog/syslog.log.1.xz", "syslog", true, null],
      ["incident/nodeB2/var/log/messages-20260101.bz2", "syslog", true, null],
    ]);
    expect(unreadable.map((file) => [file.path.slice(root.length + 1), file.kind, file.reason])).toEqual([
      ["incident/nodeB2/var/log/syslog.log.gz.1", "syslog", "gzip'd and numbered after .gz: not read under that name"],
    ]);
    expect(problems.map((problem) => problem.hint).join("\n")).toContain("gzip -dc ");
  });

  it("says a compressed rotation could not be read when its program is missing, with what to install", () => {
    const root = tempDir();
    touch(root, "incident/nodeB1/var/adm/syslog/syslog.log", "Nov 20 16:31:02 nodeB1 cmcld[2048]: Started package pkg on node nodeB1.\n");
    touch(root, "incident/nodeB1/var/adm/syslog/syslog.log.1.xz", "\xfd7zXZ\0");
    touch(root, "incident/nodeB2/var/log/messages-20260101.bz2", "BZh91AY&SY");
    const saved = process.env["PATH"];
    process.env["PATH"] = "/nonexistent";
    try {
      const { files, unreadable, problems } = discoverInputs([join(root, "incident")]);
      expect(files).toHaveLength(1);
      expect(unreadable.map((file) => [file.path.slice(root.length + 1), file.kind, file.reason])).toEqual([
        ["incident/nodeB1/var/adm/syslog/syslog.log.1.xz", "syslog", "compressed with xz, and xz is not installed"],
        ["incident/nodeB2/var/log/messages-20260101.bz2", "syslog", "compressed with bzip2, and bzip2 is not installed"],
      ]);
      const hints = problems.map((problem) => problem.hint).join("\n");
      expect(hints).toContain("install xz-utils");
      expect(hints).toContain("xz -dc ");
    } finally {
      process.env["PATH"] = saved;
    }
  });

  it("reads a mailbox of a cron job's mailed pairdisplay (.mbox, .eml): each mail is dated by its Date header", () => {
    const root = tempDir();
    const mail = (date: string, state: string): string =>
      `From root@wroa1 ${date}\nReturn-Path: <root@wroa1>\nDate: Fri, 27 Mar 2026 20:00:00 +0100\nFrom: root@wroa1\nSubject: cron: xp_state wroa1\n\n` +
      "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence, Seq#,P-LDEV# M\n" +
      `sap_dg  sap01(L) (CL4-A-0, 0,  1)61022   401.P-VOL ${state} NEVER ,61123    401 -\n\n`;
    touch(root, "incident/wroa1/var/adm/syslog/syslog.log", "Mar 27 18:02:00 wroa1 cmcld[2048]: Started package pkg_sap on node wroa1.\n");
    touch(root, "incident/wroa1/xp_state.mbox", mail("Fri Mar 27 20:00:00 2026", "PSUS") + mail("Sat Mar 28 08:00:00 2026", "PSUS"));
    touch(root, "incident/mail/horcm_check.eml", mail("Fri Mar 27 20:00:00 2026", "PAIR"));
    const { files, unreadable } = discoverInputs([join(root, "incident")]);
    expect(unreadable).toEqual([]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["incident/mail/horcm_check.eml", "cmdlog"],
      ["incident/wroa1/var/adm/syslog/syslog.log", "syslog"],
      ["incident/wroa1/xp_state.mbox", "cmdlog"],
    ]);
  });

  it("reads a user's mailbox where the mail system keeps it (/var/spool/mail/root, /var/mail/oper): cron mails a job's pairdisplay there", () => {
    const root = tempDir();
    const mail =
      "From root@brglnx1  Tue Mar 10 06:30:01 2026\nDate: Tue, 10 Mar 2026 06:30:01 +0100 (CET)\nFrom: root@brglnx1\nSubject: Cron <root@brglnx1> cc_status.sh\n\n" +
      "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M\n" +
      "hrdg    hrv1(L)      (CL4-B-0,  0,   1)88231   121.S-VOL PAIR ASYNC ,   0   821 -\n\n";
    touch(root, "incident/brglnx1/var/log/messages", "Mar  3 19:02:10 brglnx1 cmcld[2290]: Started package hr_rehearsal on node brglnx1.\n");
    touch(root, "incident/brglnx1/var/spool/mail/root", mail);
    touch(root, "incident/brglnx2/var/mail/oper", mail);
    // Not a mailbox: cron's own table, named after the user too.
    touch(root, "incident/brglnx2/var/spool/cron/root", "30 6 * * 2 /usr/local/sbin/cc_status.sh\n");
    const { files } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["incident/brglnx1/var/log/messages", "syslog"],
      ["incident/brglnx1/var/spool/mail/root", "cmdlog"],
      ["incident/brglnx2/var/mail/oper", "cmdlog"],
    ]);
  });

  it("keeps a syslog copy whose name has a date and a time a syslog: its lines are dated by themselves", () => {
    const root = tempDir();
    touch(
      root,
      "incident/nodeA1/collected/syslog-2026-11-17_0900.log",
      "Nov 16 04:00:00 nodeA1 root: mcmon: pairvolchk -g oradg -s: Volstat is P-VOL.[status = PSUE fence = NEVER]\n",
    );
    const { files } = discoverInputs([join(root, "incident")]);
    expect(files.map((file) => file.kind)).toEqual(["syslog"]);
  });

  it("reports a missing input by name and goes on with the others", () => {
    const root = tempDir();
    const present = touch(root, "syslog.log");
    const { files, problems } = discoverInputs([join(root, "nope.log"), present]);
    expect(files.map((file) => file.path)).toEqual([present]);
    expect(problems.map((problem) => problem.message)).toEqual([`no such file or directory: ${join(root, "nope.log")}`]);
  });

  it("keeps incidents apart: each folder of node folders is its own bundle", () => {
    expect(placeOf("/x/samples/both-smpl/nodeA1/var/adm/syslog/syslog.log", "/x/samples").bundle).toBe("/x/samples/both-smpl");
    expect(placeOf("/var/adm/syslog/syslog.log", "/var/adm/syslog")).toEqual({ hostHint: null, packageHint: null, bundle: "/" });
  });

  it("a node's collection unpacked inside its own folder stays in the incident, under that node", () => {
    const logs = "/x/inc/logs";
    expect(placeOf(`${logs}/zrh-sg1/zrh-sg1_collect_20211007/var/adm/syslog/syslog.log`, logs)).toMatchObject({ hostHint: "zrh-sg1", bundle: logs });
    expect(placeOf(`${logs}/nodeA1/nodeA1/etc/cmcluster/pkg/pkg.log`, logs)).toMatchObject({ hostHint: "nodeA1", bundle: logs });
    // Not a folder named otherwise, and never above the folder given.
    expect(placeOf(`${logs}/nodeA1/collect/var/adm/syslog/syslog.log`, logs)).toMatchObject({ hostHint: "collect", bundle: `${logs}/nodeA1` });
    expect(placeOf(`${logs}/zrh-sg1/zrh-sg1_collect/var/adm/syslog/syslog.log`, `${logs}/zrh-sg1`)).toMatchObject({
      hostHint: "zrh-sg1_collect",
      bundle: `${logs}/zrh-sg1`,
    });
    // Incidents named like their nodes' prefix stay apart (review: cases/zrh/zrh-sg1 is node zrh-sg1 of incident zrh).
    expect(placeOf("/x/cases/zrh/zrh-sg1/var/adm/syslog/syslog.log", "/x/cases")).toMatchObject({ hostHint: "zrh-sg1", bundle: "/x/cases/zrh" });
  });

  it("reads a file named explicitly whatever its name", () => {
    expect(classify("/tmp/copied-from-nodeA1.txt", true)).toBe("syslog");
    expect(classify("/tmp/copied-from-nodeA1.txt", false)).toBeNull();
  });

  it("names the package by its own folder or its log, never by a layout folder, on HP-UX and Linux", () => {
    const place = (path: string) => placeOf(path, "/b");
    expect(place("/b/inc/nodeB1/usr/local/cmcluster/run/log/oracle_pkg.log")).toEqual({ hostHint: "nodeB1", packageHint: "oracle_pkg", bundle: "/b/inc" });
    expect(place("/b/inc/nodeB1/usr/local/cmcluster/run/log/oracle_pkg.log.2.gz").packageHint).toBe("oracle_pkg");
    expect(place("/b/inc/nodeB1/usr/local/cmcluster/conf/oracle_pkg/oracle_pkg.cntl.log")).toEqual({
      hostHint: "nodeB1",
      packageHint: "oracle_pkg",
      bundle: "/b/inc",
    });
    expect(place("/b/inc/nodeB2/opt/cmcluster/conf/sap_pkg/sap_pkg.log")).toEqual({ hostHint: "nodeB2", packageHint: "sap_pkg", bundle: "/b/inc" });
    expect(place("/b/inc/nodeB2/opt/cmcluster/run/log/sap_pkg.log")).toEqual({ hostHint: "nodeB2", packageHint: "sap_pkg", bundle: "/b/inc" });
    expect(place("/b/inc/nodeB2/opt/cmcluster/conf/cluster.ascii").packageHint).toBeNull();
    // HP-UX modular: $SGRUN is /var/adm/cmcluster
    expect(place("/b/inc/nodeA1/var/adm/cmcluster/log/oracle_pkg.log")).toEqual({ hostHint: "nodeA1", packageHint: "oracle_pkg", bundle: "/b/inc" });
    expect(place("/b/inc/nodeA1/etc/cmcluster/oracle_pkg/oracle_pkg.log").packageHint).toBe("oracle_pkg");
    expect(place("/b/inc/nodeB1/var/log/messages")).toEqual({ hostHint: "nodeB1", packageHint: null, bundle: "/b/inc" });
    expect(place("/b/inc/nodeB1/var/log/cluster/messages").hostHint).toBe("nodeB1");
    expect(place("/b/inc/nodeC1/var/opt/resmon/log/cc/eventlog")).toEqual({ hostHint: "nodeC1", packageHint: null, bundle: "/b/inc" });
    // Bundles archived under /var/log keep their own nodes; a live root is the bundle "/".
    expect(placeOf("/var/log/incidents/inc7/nodeB1/var/log/messages", "/var/log/incidents")).toEqual({
      hostHint: "nodeB1",
      packageHint: null,
      bundle: "/var/log/incidents/inc7",
    });
    expect(placeOf("/var/log/incidents/inc7/syslog.log", "/var/log/incidents/inc7")).toEqual({
      hostHint: null,
      packageHint: null,
      bundle: "/var/log/incidents/inc7",
    });
    expect(placeOf("/var/log/messages", "/var/log")).toEqual({ hostHint: null, packageHint: null, bundle: "/" });
    // Raid Manager's own logs under /HORCM (its command error log, the daemon's curlog)
    expect(place("/b/inc/dwha1/HORCM/log2/horcc_dwha1.log")).toEqual({ hostHint: "dwha1", packageHint: null, bundle: "/b/inc" });
    expect(place("/b/inc/gla1/HORCM/log0/curlog/horcm_gla1.log").hostHint).toBe("gla1");
  });

  it("names the package a control script's log names (nfs.home.cntl.log in cmcluster/nfs/), its folder's for a generic script (pkg.cntl.log), never a folder of packages", () => {
    const place = (path: string) => placeOf(path, "/b");
    expect(place("/b/inc/hanfs1/etc/cmcluster/nfs/nfs.home.cntl.log").packageHint).toBe("nfs.home");
    expect(place("/b/inc/hanfs1/etc/cmcluster/nfs/nfs.home.cntl.log.1.gz").packageHint).toBe("nfs.home");
    expect(place("/b/inc/gva1/etc/cmcluster/takeover/pkg.cntl.log").packageHint).toBe("takeover");
    expect(place("/b/inc/hpx-m1/etc/cmcluster/pkgs/copy.cntl.log").packageHint).toBe("copy");
    // A script named otherwise than its package's folder is the folder's package (review).
    expect(place("/b/inc/nodeA1/etc/cmcluster/oracle_pkg/oracle.cntl.log").packageHint).toBe("oracle_pkg");
    expect(place("/b/inc/os1/etc/cmcluster/settle/settle_dr.cntl.log").packageHint).toBe("settle_dr");
    expect(place("/b/inc/hpx-m1/etc/cmcluster/pkgs/copy/copy.config").packageHint).toBe("copy");
    // Outside a cmcluster tree: the script's or the environment file's own name, else the folder; an ASCII file names its
    // package inside (PACKAGE_NAME, read by the parser), a cluster's none.
    expect(place("/b/inc/dr/sg/pkgs/split/split.cntl.log").packageHint).toBe("split");
    expect(place("/b/inc/dr/sg/pkgs/split/split_xpca.env").packageHint).toBe("split");
    expect(place("/b/inc/dr/sg/pkgs/split/split.ascii").packageHint).toBeNull();
    expect(place("/b/inc/ROMA1/opt/erp/sg/erp-01.cntl.log").packageHint).toBe("erp-01");
    expect(place("/b/inc/dr/sg/pkgs/split/pkg.cntl.log").packageHint).toBe("split");
    expect(place("/b/inc/dr/etc/horcm10.conf").packageHint).toBeNull();
  });

  it("reads a package's files a site keeps outside cmcluster (its control script's log, its ASCII and environment files by their content), on the node whose folder holds them", () => {
    const root = tempDir();
    touch(root, "inc/dr/var/adm/syslog/syslog.log", "Nov 19 09:54:52 dr cmcld[1761]: Request from node prim to start package split on node dr.\n");
    touch(root, "inc/dr/sg/pkgs/split/split.cntl.log", '\t########### Node "dr": Starting package at Thu Nov 19 09:54:53 AEDT 2020 ###########\n');
    touch(root, "inc/dr/sg/pkgs/split/split.ascii", "PACKAGE_NAME                    split\nRUN_SCRIPT_TIMEOUT              300\n");
    touch(root, "inc/dr/sg/pkgs/split/split_xpca.env", 'DEVICE_GROUP="SPLIT_jnl"\nHORCTIMEOUT=600\n');
    touch(root, "inc/dr/etc/horcm10.conf", "HORCM_MON\n#ip_address service poll(10ms) timeout(10ms)\n");
    touch(root, "inc/dr/sg/pkgs/split/notes.conf", "backup window 02:00\n");
    const { files } = discoverInputs([join(root, "inc")]);
    const found = files.map((file) => [file.path.slice(root.length + 1), file.kind, file.hostHint, file.packageHint, file.bundle === join(root, "inc")]);
    expect(found).toEqual([
      ["inc/dr/sg/pkgs/split/split.ascii", "config", "dr", null, true],
      ["inc/dr/sg/pkgs/split/split.cntl.log", "pkglog", "dr", "split", true],
      ["inc/dr/sg/pkgs/split/split_xpca.env", "config", "dr", "split", true],
      ["inc/dr/var/adm/syslog/syslog.log", "syslog", "dr", null, true],
    ]);
  });

  it("reads a configuration saved with its date after the name (cmgetconf by an audit job), and a session kept under cmconcl/ as saved output", () => {
    const root = tempDir();
    touch(root, "inc/bk1/var/opt/cfgaudit/bookdb.conf.20251212", "package_name                    bookdb\nrun_script_timeout              300\n");
    touch(root, "inc/bk1/var/opt/cfgaudit/notes.conf.20251212", "backup window 02:00\n");
    // A ticket's attachment (round 78 #20), and the configuration before a change (not read as the configuration).
    touch(
      root,
      "inc/bk1/tmp/lgtpkg.conf.txt",
      "# cmgetconf -p lgtpkg lgtpkg.conf\npackage_name                    lgtpkg\nrun_script_timeout              360\n",
    );
    touch(root, "inc/bk1/tmp/lgtpkg.conf.bak", "package_name                    lgtpkg\nrun_script_timeout              300\n");
    touch(root, "inc/bk1/tmp/lgtpkg_proposed.conf.txt", "package_name                    lgtpkg\nrun_script_timeout              900\n");
    // cmgetconf's output saved under any name (round 80 #14: /tmp/webcart.cfg), and one with no suffix at all.
    touch(
      root,
      "inc/sea1/tmp/webcart.cfg",
      "# cmgetconf -p webcart > /tmp/webcart.cfg  (sea-web1, Apr 19 07:40 PDT 2026)\npackage_name                    webcart\nrun_script_timeout              400\n",
    );
    touch(root, "inc/sea1/root/webcart_cmgetconf", "package_name webcart\ndts/xpca/horctimeout 360\n");
    touch(root, "inc/sea1/root/webcart_old.cfg", "package_name webcart\nrun_script_timeout 300\n");
    touch(root, "inc/sea1/root/notes.txt", "package_name is webcart, see the ticket\n");
    touch(
      root,
      "inc/ny1/var/adm/cmconcl/rehearsal/ordb_rg_20260509.log",
      [
        "2026-05-09 09:00:12 EDT ## start of the yearly DR rehearsal, recovery group ordb_rg",
        "2026-05-09 09:01:14 EDT root@ny1# cmrecovercl -d -g ordb_rg",
        "Recovery group ordb_rg has been put in maintenance mode.",
        "2026-05-09 09:02:10 EDT root@ny1# pairsplit -g oradg -I0 -rw",
        "2026-05-09 09:02:19 EDT root@ny1# pairdisplay -g oradg -I0 -fcx",
        "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M",
        "oradg   ord_d00(L)   (CL1-F-1, 0,  12)67120   a40.S-VOL SSUS ASYNC ,  100   940 -",
        "",
      ].join("\n"),
    );
    const { files } = discoverInputs([join(root, "inc")]);
    expect(files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["inc/bk1/tmp/lgtpkg.conf.txt", "config"],
      ["inc/bk1/var/opt/cfgaudit/bookdb.conf.20251212", "config"],
      ["inc/ny1/var/adm/cmconcl/rehearsal/ordb_rg_20260509.log", "cmdlog"],
      ["inc/sea1/root/webcart_cmgetconf", "config"],
      ["inc/sea1/tmp/webcart.cfg", "config"],
    ]);
  });

  it("reads Raid Manager's command error log (horcc_<host>.log, .oldlog) wherever it sits", () => {
    expect(classify("/b/inc/dwha1/HORCM/log2/horcc_dwha1.log", false)).toBe("cmdlog");
    expect(classify("/b/inc/dwha1/HORCM/log2/horcc_dwha1.oldlog", false)).toBe("cmdlog");
    expect(classify("/b/inc/horcc_dwha1.log.gz", false)).toBe("cmdlog");
    expect(classify("/b/inc/dwha1/HORCM/log2/horcc.conf", false)).toBeNull();
  });

  it("knows Linux syslogs, journal exports and the Continentalclusters event log by name, and not the journal's binary files", () => {
    const found = (path: string) => classify(path, false);
    for (const name of [
      "messages",
      "messages.1",
      "messages.3.gz",
      "messages-20260301",
      "messages-20260301.gz",
      "syslog",
      "syslog.2.gz",
      "journal.txt",
      "journalctl-nodeB1.log",
      "nodeB1.journal.txt",
      "journal-nodeA1.txt.gz",
      "messages.partial",
      "messages.old",
      "syslog.log.part",
      "secure",
      "secure-20260301.gz",
      "auth.log",
      "auth.log.2.gz",
    ]) {
      expect(found(`/b/nodeB1/var/log/${name}`), name).toBe("syslog");
    }
    for (const path of ["/b/nodeC1/var/opt/resmon/log/cc/eventlog", "/b/nodeC1/var/adm/cmconcl/eventlog"]) expect(found(path), path).toBe("syslog");
    for (const name of ["system.journal", "system@0005f2c0a61d2b14-3c9d1f2b7a8e6c4d.journal~", "user-1000.journal", "maillog", "messages.bak", "cron"]) {
      expect(found(`/b/nodeB1/var/log/journal/0a1b/${name}`), name).toBeNull();
    }
    expect(found("/b/nodeB1/tmp/eventlog")).toBeNull();
  });

  it("recognises an ISO-stamped syslog export by its first stamped line", () => {
    expect(headIsIsoSyslog(Buffer.from("-- Logs begin at Mon 2026-03-02 00:00:01 CET. --\n2026-03-02T04:11:09+0100 nodeB1 cmcld[3021]: x\n"))).toBe(true);
    expect(headIsIsoSyslog(Buffer.from("\n2026-03-02T04:11:09.123456+01:00 nodeB1 kernel: x\n"))).toBe(true);
    expect(headIsIsoSyslog(Buffer.from("Mar  2 04:11:09 nodeB1 cmcld[3021]: x\n"))).toBe(false);
    expect(headIsIsoSyslog(Buffer.from("notes about the incident\n2026-03-02T04:11:09+0100 nodeB1 cmcld: x\n"))).toBe(false);
    const root = tempDir();
    touch(root, "inc/nodeB1/var/log/export.txt", "2026-03-02T04:11:09+01:00 nodeB1 cmcld[3021]: x\n");
    touch(root, "inc/nodeB1/var/log/notes.txt", "the array was replaced\n");
    expect(discoverInputs([join(root, "inc")]).files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["inc/nodeB1/var/log/export.txt", "syslog"],
    ]);
  });

  it("reads an extract of logs (a ticket's pasted lines, grep's output over several files, a quoted mail) as syslog", () => {
    const line = "Mar  3 14:19:02 nodeA1 cmcld[2311]: Package oracle_pkg halted";
    expect(headIsExtract(`Case 5123: the package failed over, please advise.\n\n${line}\n${line}\n`)).toBe(true);
    expect(
      headIsExtract(
        `# grep -n halt /var/adm/syslog/syslog.log /etc/cmcluster/p/p.log\n/var/adm/syslog/syslog.log:12:${line}\n--\n/etc/cmcluster/p/p.log-40-Mar  3 14:19:45 - Node "nodeB1": Halting package p\n`,
      ),
    ).toBe(true);
    expect(headIsExtract(`On Tue you wrote:\n> ${line}\n> ${line}\n`)).toBe(true);
    // One quoted line is prose quoting it; prose with a stamp inside is no log line.
    expect(headIsExtract(`We saw this once:\n${line}\nthen nothing.\n`)).toBe(false);
    expect(headIsExtract(`The package halted at Mar  3 14:19:02 nodeA1 cmcld[2311]: x\nand again at Mar  3 14:20:02 nodeA1 cmcld[2311]: y\n`)).toBe(false);
    const root = tempDir();
    touch(root, "case/ticket_5123.txt", `Customer extract below:\n${line}\n${line}\n`);
    touch(root, "case/notes.md", `Customer extract below:\n${line}\n${line}\n`);
    expect(discoverInputs([join(root, "case")]).files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["case/ticket_5123.txt", "syslog"],
    ]);
  });

  it("finds a package log copied out of its tree by its own line shapes (modular, legacy step, banner), whatever its folder", () => {
    expect(headIsPackageLog(Buffer.from("Aug  2 06:30:00 root@lisa1 master_control_script.sh[7701]: ###### Starting package pkg_bill ######\n"))).toBe(true);
    expect(headIsPackageLog(Buffer.from('Nov 24 10:00:01 - Node "nodeA1": Activating volume group vg01 with exclusive option.\n'))).toBe(true);
    expect(headIsPackageLog(Buffer.from('\n\t########### Node "nodeA1": Starting package at Mon Nov 24 10:00:00 EST 2014 ###########\n'))).toBe(true);
    expect(headIsPackageLog(Buffer.from("Aug  2 06:30:00 lisa1 sshd[7701]: Accepted publickey for root\n"))).toBe(false);
    expect(headIsPackageLog(Buffer.from("call with the vendor at 21:30, array still down\n"))).toBe(false);
    const root = tempDir();
    touch(root, "inc/lisa1/pkg_bill.log", "Aug  2 06:30:00 root@lisa1 master_control_script.sh[7701]: ###### Starting package pkg_bill ######\n");
    touch(root, "inc/lisa1/messages", "Aug 27 21:10:03 lisa1 sshd[4799]: Accepted publickey for root\n");
    touch(root, "inc/bridge_call_notes.txt", "21:30 vendor on the bridge\n");
    // Beside a log that is read, a file in no layout is named (a flat collection has no var/ or etc/ to place it); a case's
    // own notes beside the node folders are not.
    touch(root, "inc/lisa1/capture_2108", "21:08 screen capture of the array's GUI\n");
    touch(root, "inc/notes/timeline.txt", "21:03 array down\n");
    const discovery = discoverInputs([join(root, "inc")]);
    expect(discovery.files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["inc/lisa1/messages", "syslog"],
      ["inc/lisa1/pkg_bill.log", "pkglog"],
    ]);
    expect(discovery.notRead.map((path) => path.slice(root.length + 1))).toEqual(["inc/lisa1/capture_2108"]);
  });

  it("finds journalctl's other output modes by their first line: short-precise, short-full, short-unix, a json export whatever its name", () => {
    const json = '{"__CURSOR":"s=4be0;i=1","__REALTIME_TIMESTAMP":"1709031618085029","_HOSTNAME":"wms-a1","SYSLOG_IDENTIFIER":"sshd","MESSAGE":"Accepted"}\n';
    expect(headIsSyslog(Buffer.from("Apr 21 12:01:20.028292 ora-a1 CROND[41244]: (oracle) CMD (x)\n"))).toBe(true);
    expect(headIsSyslog(Buffer.from("-- Journal begins at Thu 2023-01-05 09:12:44 CET. --\nFri 2023-04-21 12:01:20 CEST ora-a1 CROND[41244]: x\n"))).toBe(true);
    expect(headIsSyslog(Buffer.from("1682071280.028292 ora-a1 cmcluster.service[1]: x\n"))).toBe(true);
    expect(headIsSyslog(Buffer.from(json))).toBe(true);
    expect(headIsSyslog(Buffer.from(`data: ${json}`))).toBe(true);
    // Carrying their year, they are read before year-less syslogs (analyze's dated files).
    expect(headIsIsoSyslog(Buffer.from(json))).toBe(true);
    expect(headIsIsoSyslog(Buffer.from("1682071280.028292 ora-a1 cmcld[1]: x\n"))).toBe(true);
    expect(headIsIsoSyslog(Buffer.from("Apr 21 12:01:20.028292 ora-a1 CROND[41244]: x\n"))).toBe(false);
    // JSON that is no journal entry, json-pretty (an entry over several lines), a 7-digit number.
    expect(headIsSyslog(Buffer.from('{"level":"info","msg":"started"}\n'))).toBe(false);
    expect(headIsSyslog(Buffer.from('{\n\t"__CURSOR" : "s=4be0;i=1",\n\t"MESSAGE" : "x"\n}\n'))).toBe(false);
    expect(headIsSyslog(Buffer.from("1234567.5 items copied: done\n"))).toBe(false);
    const root = tempDir();
    touch(root, "inc/wms-a1/wms-a1.journal.json", json);
    touch(root, "inc/wms-b1/var/log/export.ndjson", json);
    touch(root, "inc/wms-b1/var/log/settings.json", '{"level":"info","retention":"7d"}\n');
    expect(discoverInputs([join(root, "inc")]).files.map((file) => [file.path.slice(root.length + 1), file.kind, file.hostHint])).toEqual([
      ["inc/wms-a1/wms-a1.journal.json", "syslog", null],
      ["inc/wms-b1/var/log/export.ndjson", "syslog", "wms-b1"],
    ]);
  });

  it("reads a syslog export under any name by its first line (the authentication log too: sudo's lines), never an archive, a script, notes or the node's other system logs", () => {
    expect(headIsSyslog(Buffer.from("Nov 19 13:02:40 hpa1 cmcld[2140]: Member hpb1 seems unhealthy\n"))).toBe(true);
    expect(headIsSyslog(Buffer.from("2027-03-03T15:30:00+0100 ams1 cmclsentryd[3011]: x\n"))).toBe(true);
    expect(headIsSyslog(Buffer.from('Nov 19 13:58:43 - Node "hpb1": Metrocluster/CA XP: device group cust_dg\n'))).toBe(false);
    const root = tempDir();
    const iso = "2027-03-03T15:30:00+0100 ams1 cmclsentryd[3011]: Cluster event: fracl status changed from Up to Unreachable\n";
    const bsd = "Nov 19 13:02:40 hpa1 cmcld[2140]: Member hpb1 seems unhealthy, not receiving heartbeats from it.\n";
    touch(root, "inc/ams1/var/log/journal-export/ams1.short-iso", iso);
    touch(root, "inc/hpa1/var/adm/hpa1-syslog", bsd);
    touch(root, "inc/hpa1/var/adm/secure", bsd);
    touch(root, "inc/hpa1/var/adm/maillog", bsd);
    touch(root, "inc/hpa1/var/adm/cron", bsd);
    touch(root, "inc/hpa1/var/adm/collect.sh", "#!/bin/sh\ncp /var/adm/syslog/syslog.log /tmp\n");
    touch(root, "inc/hpa1/var/adm/notes", "the array was replaced\n" + bsd);
    expect(discoverInputs([join(root, "inc")]).files.map((file) => [file.path.slice(root.length + 1), file.kind])).toEqual([
      ["inc/ams1/var/log/journal-export/ams1.short-iso", "syslog"],
      ["inc/hpa1/var/adm/hpa1-syslog", "syslog"],
      ["inc/hpa1/var/adm/secure", "syslog"],
    ]);
  });
});

describe("discoverInputs: links, and files that are there but cannot be read", () => {
  it("reads a link inside the folder given to a file inside it, never a link out of it; a file named on the command line is read even if it is a link", () => {
    const root = tempDir();
    const syslog = touch(root, "case/nodeA1/var/adm/syslog/syslog.log");
    const secret = touch(root, "private/shadow", "root:$6$secret\n");
    const old = join(root, "case/nodeA1/var/adm/syslog/OLDsyslog.log");
    symlinkSync(secret, old);
    const rotated = join(root, "case/nodeA1/var/adm/syslog/syslog.log.1");
    symlinkSync("syslog.log", rotated);
    const { files, problems, unreadable } = discoverInputs([join(root, "case")]);
    expect(files.map((file) => file.path)).toEqual([syslog, rotated]);
    expect(problems.map((problem) => `${problem.message} (${problem.hint})`)).toEqual([
      `${old} is a symbolic link to ${secret}, outside ${join(root, "case")}: not read ` +
        "(links outside the bundle are not followed: copy the file itself into the bundle, or give it on the command line)",
    ]);
    expect(unreadable).toEqual([{ path: old, kind: "syslog", bundle: join(root, "case"), reason: `a link to ${secret}, out of the bundle` }]);
    // Named on the command line, the same link is read.
    expect(discoverInputs([old]).files.map((file) => file.path)).toEqual([old]);
  });

  it("a folder given through a link is itself: the links inside it to its own files are read", () => {
    const root = tempDir();
    touch(root, "real/case/nodeA1/var/adm/syslog/syslog.log");
    symlinkSync(join(root, "real/case/nodeA1/var/adm/syslog/syslog.log"), join(root, "real/case/nodeA1/var/adm/syslog/OLDsyslog.log"));
    symlinkSync(join(root, "real/case"), join(root, "case"));
    const { files, problems } = discoverInputs([join(root, "case")]);
    expect(problems).toEqual([]);
    expect(files).toHaveLength(2);
  });

  it("lists a dangling link, a link loop and a FIFO named like logs with their bundle; a missing path named on the command line is a problem only", () => {
    const root = tempDir();
    touch(root, "case/nodeA1/var/adm/syslog/syslog.log");
    const folder = join(root, "case/nodeA1/var/adm/syslog");
    symlinkSync(join(folder, "gone.log"), join(folder, "syslog.log.1"));
    symlinkSync(join(folder, "OLDsyslog.log"), join(folder, "OLDsyslog.log"));
    execFileSync("mkfifo", [join(folder, "syslog.log.2")]);
    mkdirSync(join(root, "case/nodeA1/etc/cmcluster/pkg"), { recursive: true });
    symlinkSync("missing.conf", join(root, "case/nodeA1/etc/cmcluster/pkg/pkg.conf"));
    const { unreadable, problems } = discoverInputs([join(root, "case"), join(root, "typo.log"), join(folder, "syslog.log.2")]);
    const bundle = join(root, "case");
    expect(unreadable).toEqual([
      // A configuration file is listed too (its kind says it is no log).
      { path: join(root, "case/nodeA1/etc/cmcluster/pkg/pkg.conf"), kind: "config", bundle, reason: "no such file, or a dangling symbolic link" },
      { path: join(folder, "OLDsyslog.log"), kind: "syslog", bundle, reason: "a symbolic link loop" },
      { path: join(folder, "syslog.log.1"), kind: "syslog", bundle, reason: "no such file, or a dangling symbolic link" },
      { path: join(folder, "syslog.log.2"), kind: "syslog", bundle, reason: "a FIFO (named pipe)" },
      { path: join(folder, "syslog.log.2"), kind: "syslog", bundle: null, reason: "a FIFO (named pipe)" },
    ]);
    expect(problems.map((problem) => problem.message)).toContain(`no such file or directory: ${join(root, "typo.log")}`);
    expect(problems).toHaveLength(6);
  });
});
