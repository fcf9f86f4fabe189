#!/usr/bin/env python3
"""Writes the synthetic incident bundles under samples/ (deterministic: same output every run).

The noise (sshd, inetd, sendmail, EMS, cron-style daemons) is generated from a seeded random stream;
the incident lines of every scenario are written out literally below, one story per function.
Run from the repository root: python3 samples/tools/make-samples.py
All Metrocluster wording here is invented (the product's own text is not public): only the tokens
(PVOL_/SVOL_ states, EX_ codes, AUTO_ names, fence levels, Raid Manager commands) are real.
"""
import datetime as dt
import gzip
import json
import os
import random
import shutil

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
TZ = "EST"
SITE_A = ["nodeA1", "nodeA2"]
SITE_B = ["nodeB1", "nodeB2"]
IPS = {"nodeA1": "10.20.1.11", "nodeA2": "10.20.1.12", "nodeB1": "10.30.1.11", "nodeB2": "10.30.1.12",
       "nodeC1": "10.40.1.11", "nodeC2": "10.40.1.12"}


def T(day, hh, mm, ss=0):
    return dt.datetime(2026, 11, day, hh, mm, ss)


class Bundle:
    def __init__(self, name):
        self.name = name
        self.dir = os.path.join(ROOT, name)
        if os.path.isdir(self.dir):
            shutil.rmtree(self.dir)
        self.syslogs = {}   # (node, filename) -> list of (time, order, line)
        self.pkglogs = {}   # (node, pkg, filename) -> list of lines
        self.order = 0
        self.skews = {}     # node -> (real time its clock was stepped, seconds it was off until then)

    def clock_off(self, node, seconds, until):
        """The node's clock reads `seconds` ahead (negative: behind) until its time daemon steps it at `until`: lines are
        filed in real-time order but stamped by that clock."""
        self.skews[node] = (until, seconds)

    # ---- syslog -------------------------------------------------------------------------------
    def stamp(self, node, when):
        """The syslog stamp `node` writes at real time `when` (by its own clock: see clock_off)."""
        if node in self.skews and when < self.skews[node][0]:
            when = when + dt.timedelta(seconds=self.skews[node][1])
        return f"{when:%b} {when.day:2d} {when:%H:%M:%S}"

    def sys(self, node, when, prog, text, file="syslog.log"):
        self.order += 1
        stamp = self.stamp(node, when)
        self.syslogs.setdefault((node, file), []).append((when, self.order, f"{stamp} {node} {prog}: {text}"))

    def repeated(self, node, when, count, file="syslog.log"):
        self.order += 1
        stamp = self.stamp(node, when)
        self.syslogs.setdefault((node, file), []).append((when, self.order, f"{stamp} {node} last message repeated {count} times"))

    def noise(self, node, start, end, seed, file="syslog.log", density=1.0):
        rnd = random.Random(f"{self.name}/{node}/{seed}")
        t = start
        while True:
            t += dt.timedelta(seconds=int(rnd.randint(180, 900) / density))
            if t >= end:
                break
            pid = rnd.randint(1200, 29999)
            kind = rnd.random()
            if kind < 0.30:
                port = rnd.randint(40000, 65000)
                admin = rnd.choice(["10.20.9.21", "10.20.9.22", "10.30.9.40"])
                user = rnd.choice(["root", "oracle", "sapadm", "monitor"])
                self.sys(node, t, f"sshd[{pid}]", f"Accepted publickey for {user} from {admin} port {port} ssh2", file)
                self.sys(node, t + dt.timedelta(seconds=rnd.randint(20, 400)), f"sshd[{pid}]", f"Received disconnect from {admin}: 11: disconnected by user", file)
            elif kind < 0.45:
                peer = rnd.choice([n for n in IPS if n != node])
                self.sys(node, t, f"inetd[{pid}]", f"registrar/tcp: Connection from {peer} ({IPS[peer]}) at {t:%a %b %d %H:%M:%S %Y}", file)
            elif kind < 0.55:
                qid = f"{t:%H%M%S}{rnd.randint(100, 999)}"
                self.sys(node, t, f"sendmail[{pid}]", f"wAP{qid}: from=root, size={rnd.randint(400, 3000)}, class=0, nrcpts=1, msgid=<{t:%Y%m%d%H%M}.wAP{qid}@{node}>, relay=root@localhost", file)
                self.sys(node, t + dt.timedelta(seconds=1), f"sendmail[{pid}]", f"wAP{qid}: to=root, delay=00:00:01, xdelay=00:00:00, mailer=local, stat=Sent", file)
            elif kind < 0.65:
                self.sys(node, t, f"xntpd[{rnd.choice([1187, 1187, 1190])}]", f"synchronized to 10.20.9.1, stratum={rnd.choice([2, 3])}", file)
            elif kind < 0.72:
                self.sys(node, t, f"EMS [{rnd.choice([2710, 2711])}]", f"------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/cpu_monitor/cpu{rnd.randint(0, 7)}\"  (Threshold:  >= \" 2\")  Execute the following command to obtain event details:  /opt/resmon/bin/resdata -R {rnd.randint(100000000, 999999999)} -r /system/events/cpu_monitor/cpu0 -n {rnd.randint(100000000, 999999999)} -a", file)
            elif kind < 0.80:
                self.sys(node, t, f"su[{pid}]", rnd.choice(["+ tty?? root-oracle", "+ tty?? root-sapadm", "+ ta root-monitor"]), file)
            elif kind < 0.86:
                self.sys(node, t, f"ftpd[{pid}]", f"FTP LOGIN FROM 10.20.9.{rnd.randint(30, 60)} [10.20.9.{rnd.randint(30, 60)}], backup", file)
                self.repeated(node, t + dt.timedelta(seconds=2), rnd.randint(2, 4), file)
            elif kind < 0.92:
                self.sys(node, t, f"snmpdm[{rnd.choice([1410, 1411])}]", "snmpdm: SNMP request from 10.20.9.5 rejected: bad community name", file)
                self.repeated(node, t + dt.timedelta(seconds=30), rnd.randint(2, 9), file)
            else:
                self.sys(node, t, f"rpc.statd[{rnd.choice([1022, 1023])}]", f"statd: attempting to contact host backup0{rnd.randint(1, 3)}", file)

    def boot(self, node, when, file="syslog.log", cluster_join=True):
        s = lambda off, prog, text: self.sys(node, when + dt.timedelta(seconds=off), prog, text, file)
        s(0, "vmunix", "")
        s(0, "vmunix", "Memory Information:")
        s(0, "vmunix", "    physical page size = 4096 bytes, logical page size = 4096 bytes")
        s(0, "vmunix", "    Physical: 67108864 Kbytes, lockable: 51314304 Kbytes, available: 59120376 Kbytes")
        s(1, "vmunix", "Boot device's HP-UX HW path is: 0/0/0/3/0.0x5000c50012345678.0x0")
        s(2, "vmunix", "System Console is on the Built-In Serial Interface")
        s(3, "vmunix", "Logical volume 64, 0x3 configured as ROOT")
        s(3, "vmunix", "Logical volume 64, 0x2 configured as SWAP")
        s(4, "vmunix", "Swap device table:  (start & size given in 512-byte blocks)")
        s(30, "syslogd", "restart")
        s(31, "vmunix", "Unable to add all swap for device: /dev/vg00/lvol2. Increase the tunable parameter swchunk by 24.")
        s(40, "xntpd[1187]", "xntpd 4.2.6p5@1.2349-o Tue Jan  1 00:00:00 UTC 2013 (1)")
        s(44, "inetd[1240]", "Reading configuration")
        s(60, "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/system_status\"  (Threshold:  >= \" 2\")")
        s(70, "cmclconfd[1302]", "Daemon Initialization - Maximum number of packages supported for this incarnation is 300.")

    # ---- package logs -------------------------------------------------------------------------
    def pkg(self, node, pkg, lines, file=None):
        key = (node, pkg, file or f"{pkg}.log")
        self.pkglogs.setdefault(key, []).extend(lines)

    def config(self, node, pkg, name, text):
        path = os.path.join(self.dir, node, "etc/cmcluster", pkg, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(text)

    def expected(self, findings, must_not, story):
        os.makedirs(self.dir, exist_ok=True)
        with open(os.path.join(self.dir, "expected-findings.json"), "w") as handle:
            json.dump({"findings": findings, "mustNotInclude": must_not, "story": story}, handle, indent=2)
            handle.write("\n")

    def write(self, gzip_files=()):
        for (node, file), entries in self.syslogs.items():
            entries.sort(key=lambda entry: (entry[0], entry[1]))
            path = os.path.join(self.dir, node, "var/adm/syslog", file)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            text = "".join(line + "\n" for _, _, line in entries)
            if (node, file) in gzip_files:
                with open(path + ".gz", "wb") as raw:
                    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
                        packed.write(text.encode())
            else:
                with open(path, "w") as handle:
                    handle.write(text)
        for (node, pkg, file), lines in self.pkglogs.items():
            path = os.path.join(self.dir, node, "etc/cmcluster", pkg, file)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as handle:
                handle.write("".join(line + "\n" for line in lines))


def step(when, node, text):
    return f"{when:%b} {when.day:2d} {when:%H:%M:%S} - Node \"{node}\": {text}"


def banner(when, node, what):
    return f"\n\t########### Node \"{node}\": {what} at {when:%a %b %d %H:%M:%S} {TZ} {when:%Y} ###########"


def sec(when, seconds):
    return when + dt.timedelta(seconds=seconds)


# Package layouts: volume groups, logical volumes, IP, service.
PKGS = {
    "oracle_pkg": {"vg": ["vg01"], "lv": ["/dev/vg01/lvol1", "/dev/vg01/lvol2"], "mnt": ["/oradata", "/oraarch"], "ip": "10.20.5.40", "subnet": "10.20.5.0", "svc": "ora_mon", "cmd": "/etc/cmcluster/oracle_pkg/ora_mon.sh monitor", "dg": "oradg"},
    "sap_pkg": {"vg": ["vg02", "vg03"], "lv": ["/dev/vg02/lvol1", "/dev/vg03/lvol1", "/dev/vg03/lvol2"], "mnt": ["/sapmnt/PRD", "/oracle/PRD/sapdata1", "/oracle/PRD/sapdata2"], "ip": "10.20.5.50", "subnet": "10.20.5.0", "svc": "sap_mon", "cmd": "/etc/cmcluster/sap_pkg/sap_mon.sh monitor", "dg": "sapdg"},
    "ora_bkpkg": {"vg": ["vg01"], "lv": ["/dev/vg01/lvol1", "/dev/vg01/lvol2"], "mnt": ["/oradata", "/oraarch"], "ip": "10.40.5.40", "subnet": "10.40.5.0", "svc": "ora_mon", "cmd": "/etc/cmcluster/ora_bkpkg/ora_mon.sh monitor", "dg": "oradg"},
    "nfs_pkg": {"vg": ["vg04"], "lv": ["/dev/vg04/lvol1"], "mnt": ["/export/home"], "ip": "10.20.5.60", "subnet": "10.20.5.0", "svc": "nfs_mon", "cmd": "/etc/cmcluster/nfs_pkg/nfs.mon", "dg": None},
}


def start_body(when, node, pkg, mc_lines=()):
    """A successful legacy start: Metrocluster check lines first, then VG, fsck, mount, IP, service."""
    info = PKGS[pkg]
    out = [banner(when, node, "Starting package")]
    t = when
    for offset, text in mc_lines:
        t = sec(when, offset)
        out.append(step(t, node, text))
    for vg in info["vg"]:
        t = sec(t, 1)
        out.append(step(t, node, f"Activating volume group {vg} with exclusive option."))
    t = sec(t, 1)
    out.append(step(t, node, "Checking filesystems:"))
    out.extend(f"   {lv}" for lv in info["lv"])
    for lv, mnt in zip(info["lv"], info["mnt"]):
        t = sec(t, 2)
        out.append(step(t, node, f"Mounting {lv} at {mnt}"))
    t = sec(t, 1)
    out.append(step(t, node, f"Adding IP address {info['ip']} to subnet {info['subnet']}"))
    t = sec(t, 2)
    out.append(step(t, node, f"Starting service {info['svc']} using"))
    out.append(f"   \"{info['cmd']}\"")
    t = sec(t, 1)
    out.append(banner(t, node, "Package start completed"))
    return out, t


def halt_body(when, node, pkg):
    info = PKGS[pkg]
    out = [banner(when, node, "Halting package")]
    t = sec(when, 1)
    out.append(step(t, node, f"Halting service {info['svc']}"))
    t = sec(t, 2)
    out.append(step(t, node, f"Remove IP address {info['ip']} from subnet {info['subnet']}"))
    for lv in reversed(info["lv"]):
        t = sec(t, 1)
        out.append(step(t, node, f"Unmounting filesystem on {lv}"))
    for vg in info["vg"]:
        t = sec(t, 1)
        out.append(step(t, node, f"Deactivating volume group {vg}"))
    t = sec(t, 1)
    out.append(banner(t, node, "Package halt completed"))
    return out, t


def sg_start(b, node, when, pkg, pid=2048, command=True, cntl=None, cmpid=3101):
    script = cntl or f"/etc/cmcluster/{pkg}/{pkg}.cntl"
    if command:
        b.sys(node, when, f"CM-CMD[{cmpid}]", f"cmrunpkg -v -n {node} {pkg}")
    b.sys(node, when, f"cmcld[{pid}]", f"Request from node {node} to start package {pkg} on node {node}.")
    b.sys(node, when, f"cmcld[{pid}]", f"Executing '{script} start' for package {pkg}.")


def sg_started(b, node, when, pkg, pid=2048):
    b.sys(node, when, f"cmcld[{pid}]", f"Started package {pkg} on node {node}.")


def sg_halt(b, node, when, pkg, pid=2048, command=True, cmpid=3180, done=None):
    if command:
        b.sys(node, when, f"CM-CMD[{cmpid}]", f"cmhaltpkg -v {pkg}")
    b.sys(node, when, f"cmcld[{pid}]", f"Request from node {node} to halt package {pkg} on node {node}.")
    b.sys(node, when, f"cmcld[{pid}]", f"Executing '/etc/cmcluster/{pkg}/{pkg}.cntl stop' for package {pkg}.")
    b.sys(node, done or sec(when, 8), f"cmcld[{pid}]", f"Halted package {pkg} on node {node}.")


def cluster_up(b, nodes, when, pid=2048, members_of=None):
    """Cluster formation lines on each node in `nodes`; `members_of` is the full membership when only some nodes' logs exist."""
    logged = nodes
    nodes = members_of or nodes
    for node in logged:
        b.sys(node, when, f"cmcld[{pid}]", "Starting cluster management protocols.")
        b.sys(node, sec(when, 1), f"cmcld[{pid}]", "Attempting to form a new cluster")
        b.sys(node, sec(when, 6), f"cmcld[{pid}]", f"{len(nodes)} nodes have formed a new cluster")
        members = ", ".join(f"{n}(id={i + 1})" for i, n in enumerate(nodes))
        b.sys(node, sec(when, 6), f"cmcld[{pid}]", f"The new active cluster membership is: {members}")


def pkg_config(b, node, pkg, nodes, run_timeout="NO_TIMEOUT", legacy=True):
    info = PKGS[pkg]
    lines = [
        "# **********************************************************************",
        "# ****** HIGH AVAILABILITY PACKAGE CONFIGURATION FILE (template) *******",
        "# **********************************************************************",
        "",
        "# Enter a name for this package.",
        f"PACKAGE_NAME\t\t\t{pkg}",
        "PACKAGE_TYPE\t\t\tFAILOVER",
        "FAILOVER_POLICY\t\t\tCONFIGURED_NODE",
        "FAILBACK_POLICY\t\t\tMANUAL",
        "",
    ]
    lines += [f"NODE_NAME\t\t\t{n}" for n in nodes]
    lines += [
        "",
        "AUTO_RUN\t\t\tYES",
        "NODE_FAIL_FAST_ENABLED\t\tNO",
        "",
        "# Enter the complete path for the run and halt scripts.",
        "# RUN_SCRIPT_TIMEOUT is in seconds, or NO_TIMEOUT.",
        f"RUN_SCRIPT\t\t\t/etc/cmcluster/{pkg}/{pkg}.cntl",
        f"RUN_SCRIPT_TIMEOUT\t\t{run_timeout}",
        f"HALT_SCRIPT\t\t\t/etc/cmcluster/{pkg}/{pkg}.cntl",
        "HALT_SCRIPT_TIMEOUT\t\tNO_TIMEOUT",
        "",
        f"SERVICE_NAME\t\t\t{info['svc']}",
        "SERVICE_FAIL_FAST_ENABLED\tNO",
        "SERVICE_HALT_TIMEOUT\t\t300",
        "",
        f"SUBNET\t\t\t\t{info['subnet']}",
    ]
    b.config(node, pkg, f"{pkg}.config", "\n".join(lines) + "\n")


def env_file(b, node, pkg, fence="NEVER", auto=None, horctimeout=360, cluster_type="metro", dg=None):
    values = {"AUTO_FENCEDATA_SPLIT": 1, "AUTO_NONCURDATA": 0, "AUTO_PSUEPSUS": 0, "AUTO_PSUSSSSWS": 0,
              "AUTO_SVOLPFUS": 0, "AUTO_SVOLPSUE": 0, "AUTO_SVOLPSUS": 0}
    values.update(auto or {})
    dg = dg or PKGS[pkg]["dg"]
    lines = [
        "#  **********************************************************************",
        "#  *  Metrocluster with Continuous Access XP environment file           *",
        "#  *  Synthetic sample for mcadvisor: values as the manuals describe    *",
        "#  **********************************************************************",
        "#",
        "# Set PKGDIR to the directory of the package control script.",
        f"PKGDIR=/etc/cmcluster/{pkg}",
        "",
        "# FENCE: NEVER, DATA or ASYNC (journal pairs use ASYNC).",
        f"FENCE={fence}",
        "",
        "# Raid Manager instance this package talks to; it must run on every node.",
        "HORCMINST=0",
        "HORCMPERM=MGRNOINST",
        "",
        "# Async only: horctakeover timeout. Pkg Startup Timeout > HORCTIMEOUT > CA link timeout.",
        f"HORCTIMEOUT={horctimeout}",
        "",
        "# Seconds to wait for each pairevtwait interval (not less than 300).",
        "WAITTIME=300",
        "",
        f"DEVICE_GROUP=\"{dg}\"",
        f"CLUSTER_TYPE=\"{cluster_type}\"",
        "",
        "# AUTO_* variables: 0 = require user intervention, 1 = start automatically.",
    ]
    lines += [f"{name}={value}" for name, value in values.items()]
    lines += ["", "MULTIPLE_PVOL_OR_SVOL_FRAME_FOR_PKG=0"]
    b.config(node, pkg, f"{pkg}_xpca.env", "\n".join(lines) + "\n")


def finding(action, severity, status, package=None, device_group=None):
    return {"action": action, "severity": severity, "status": status, "package": package, "deviceGroup": device_group}


MC_OK = lambda dg, fence="NEVER": [
    (1, "This package is configured with remote data replication."),
    (2, f"Fence level for device group {dg} is {fence}."),
    (4, f"The local device group {dg} is in PVOL_PAIR state; remote state is SVOL_PAIR."),
    (5, f"Data is current; no takeover needed for device group {dg}."),
]


def base(b, nodes, start, end, configs=(), pkg_nodes=None):
    for node in nodes:
        b.noise(node, start, end, "day")
    for pkg, fence, auto, horctimeout, run_timeout in configs:
        for node in nodes:
            pkg_config(b, node, pkg, pkg_nodes or nodes, run_timeout)
            env_file(b, node, pkg, fence, auto, horctimeout)


def morning_start(b, node, when, pkg, dg, fence="NEVER", pid=2048, file=None):
    """Package started in the morning with healthy pairs (the 'before' part of most stories)."""
    sg_start(b, node, when, pkg, pid, command=False)
    lines, done = start_body(sec(when, 1), node, pkg, MC_OK(dg, fence))
    b.pkg(node, pkg, lines, file)
    sg_started(b, node, sec(done, 1), pkg, pid)
    return done


def s01_healthy_day():
    b = Bundle("healthy-day")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(9, 0, 0), T(10, 23, 50), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT"), ("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    for node in nodes:
        b.noise(node, T(9, 0, 0), T(10, 23, 50), "extra", density=1.5)
    cluster_up(b, nodes, T(9, 6, 0, 12))
    morning_start(b, "nodeA1", T(9, 6, 2, 5), "oracle_pkg", "oradg")
    morning_start(b, "nodeA2", T(9, 6, 2, 7), "sap_pkg", "sapdg", file="sap_pkg.cntl.log")
    # planned move of oracle_pkg to nodeA2 for patching nodeA1, and back in the evening
    sg_halt(b, "nodeA1", T(9, 13, 0, 0), "oracle_pkg", done=T(9, 13, 0, 9))
    lines, _ = halt_body(T(9, 13, 0, 1), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA2", T(9, 13, 1, 30), "CM-CMD[4410]", "cmrunpkg -v -n nodeA2 oracle_pkg")
    b.sys("nodeA2", T(9, 13, 1, 30), "cmcld[2048]", "Request from node nodeA2 to start package oracle_pkg on node nodeA2.")
    b.sys("nodeA2", T(9, 13, 1, 30), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    lines, done = start_body(T(9, 13, 1, 31), "nodeA2", "oracle_pkg", MC_OK("oradg"))
    b.pkg("nodeA2", "oracle_pkg", lines)
    sg_started(b, "nodeA2", sec(done, 1), "oracle_pkg")
    b.sys("nodeA2", T(9, 13, 1, 50), "CM-CMD[4415]", "cmmodpkg -e oracle_pkg")
    sg_halt(b, "nodeA2", T(9, 20, 30, 0), "oracle_pkg", cmpid=5120, done=T(9, 20, 30, 9))
    lines, _ = halt_body(T(9, 20, 30, 1), "nodeA2", "oracle_pkg")
    b.pkg("nodeA2", "oracle_pkg", lines)
    sg_start(b, "nodeA1", T(9, 20, 31, 0), "oracle_pkg", cmpid=5133)
    lines, done = start_body(T(9, 20, 31, 1), "nodeA1", "oracle_pkg", MC_OK("oradg"))
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_started(b, "nodeA1", sec(done, 1), "oracle_pkg")
    b.sys("nodeA1", T(9, 20, 31, 30), "CM-CMD[5140]", "cmmodpkg -e oracle_pkg")
    # the nightly backup reads sapdg's S-VOLs at site B: split at 22:00, resynchronized when it is done
    b.sys("nodeA2", T(9, 22, 0, 0), "logger", "root: nightly backup: pairsplit -g sapdg -r (backup of the S-VOLs on nodeB2)")
    b.sys("nodeA2", T(9, 22, 0, 6), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PSUS, remote SVOL_SSUS")
    b.sys("nodeA2", T(10, 0, 20, 0), "logger", "root: nightly backup done: pairresync -g sapdg -c 15 started")
    b.sys("nodeA2", T(10, 0, 20, 5), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_COPY 61%, remote SVOL_COPY")
    b.sys("nodeA2", T(10, 0, 55, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
    # nightly status checks by the monitoring script
    for day in (9, 10):
        b.sys("nodeA1", T(day, 2, 0, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
        b.sys("nodeB1", T(day, 2, 0, 3), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PAIR 100%, remote PVOL_PAIR")
        b.sys("nodeA2", T(day, 2, 0, 5), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
    b.write(gzip_files={("nodeB2", "syslog.log")})
    b.expected([], ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "fix-package-failure", "raise-run-script-timeout", "restart-raid-manager", "raise-member-timeout", "check-pair-consistency", "recover-continental-cluster"],
               "A normal day: oracle_pkg and sap_pkg start on site A, oracle_pkg is moved to nodeA2 for patching and back with cmhaltpkg/cmrunpkg. At night the backup splits sapdg (PSUS/SSUS) for two hours and resynchronizes it: a split that is resynchronized the same night is not a finding. Nothing needs doing.")


def link_failure_lines(b, node, when, dg, pkg, fence="NEVER"):
    """Syslog on the PVOL node when all CA links drop and the application fails."""
    b.sys(node, when, "vmunix", "LVM: WARNING: VG 64 0x010000: LV 1: Some I/O requests to this LV are waiting")
    b.sys(node, sec(when, 1), "vmunix", "        indefinitely for an unavailable PV. These requests will be queued until")
    b.sys(node, sec(when, 1), "vmunix", "        the PV becomes available (or a timeout is specified for the LV).")
    b.sys(node, sec(when, 30), "EMS [2710]", f"------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/system/events/xp/35422\"  Continuous Access link failure: all remote copy paths to array 35663 are down")


def s02_links_fence_never(name="links-fence-never-primary-restart", resync=False):
    b = Bundle(name)
    nodes = SITE_A + SITE_B
    end = T(13, 9, 0) if resync else T(12, 16, 0)
    base(b, nodes, T(11, 0, 0), end, [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(11, 5, 40, 0))
    morning_start(b, "nodeA1", T(11, 5, 42, 10), "oracle_pkg", "oradg")
    t = T(11, 14, 17, 33)
    link_failure_lines(b, "nodeA1", t, "oradg", "oracle_pkg")
    b.sys("nodeA1", T(11, 14, 18, 40), "oracle[18820]", "ORA-00345: redo log write error block 40112 count 2")
    b.sys("nodeA1", T(11, 14, 18, 52), "cmcld[2048]", "Service ora_mon terminated due to an exit(1).")
    b.sys("nodeA1", T(11, 14, 18, 52), "cmcld[2048]", "Halting package oracle_pkg on node nodeA1 because service ora_mon failed.")
    b.sys("nodeA1", T(11, 14, 18, 52), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl stop' for package oracle_pkg.")
    lines, _ = halt_body(T(11, 14, 18, 53), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(11, 14, 19, 5), "cmcld[2048]", "Halted package oracle_pkg on node nodeA1.")
    b.sys("nodeA2", T(11, 14, 19, 6), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA2.")
    b.sys("nodeA2", T(11, 14, 19, 6), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (5, "pairvolchk -g oradg -s returned PVOL_PSUE for the local volumes."),
        (6, "Local state: PVOL_PSUE, remote state: SVOL_PSUE for device group oradg."),
        (7, "The Continuous Access link to array 35663 is down; device group oradg is suspended with an error."),
        (8, "Starting the package on the PVOL side; device group oradg is not remotely protected."),
    ]
    lines, done = start_body(T(11, 14, 19, 7), "nodeA2", "oracle_pkg", mc)
    b.pkg("nodeA2", "oracle_pkg", lines)
    sg_started(b, "nodeA2", sec(done, 1), "oracle_pkg")
    b.sys("nodeB1", T(11, 14, 17, 40), "EMS [2710]", "------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link failure: all remote copy paths from array 35422 are down")
    # The links are repaired next morning (field engineer replaced the switch) but nobody resyncs.
    b.sys("nodeA2", T(12, 9, 12, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/xp/35422\"  Continuous Access link restored: remote copy paths to array 35663 are up")
    b.sys("nodeA2", T(12, 9, 20, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUE, remote SVOL_PSUE")
    b.sys("nodeB1", T(12, 9, 20, 4), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PSUE, remote PVOL_PSUE")
    story = "All Continuous Access links between array 35422 and 35663 fail with FENCE=NEVER; the pairs go PVOL_PSUE/SVOL_PSUE, oracle_pkg fails on nodeA1 and restarts on nodeA2 at the primary site. The links come back but nobody runs pairresync, so site B holds stale data."
    if resync:
        b.sys("nodeA2", T(12, 10, 2, 11), "CM-CMD[6620]", "cmviewcl -v -p oracle_pkg")
        b.sys("nodeA2", T(12, 10, 5, 0), "logger", "root: pairresync -g oradg -c 15 started by operator (ticket CHG0042117)")
        b.sys("nodeA2", T(12, 10, 5, 2), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_COPY 3%, remote SVOL_COPY")
        b.sys("nodeA2", T(12, 11, 40, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_COPY 71%, remote SVOL_COPY")
        b.sys("nodeA2", T(12, 12, 31, 45), "logger", "mcstat: pairresync -g oradg completed; local PVOL_PAIR, remote SVOL_PAIR")
        b.sys("nodeB1", T(12, 12, 31, 50), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PAIR 100%, remote PVOL_PAIR")
        story = "All Continuous Access links fail with FENCE=NEVER and oracle_pkg restarts on nodeA2 with the pairs PVOL_PSUE/SVOL_PSUE. The next morning the links are repaired and the operator runs pairresync -g oradg; the group goes COPY then PAIR on both sides, so the full-resync finding is resolved."
        b.write()
        b.expected([finding("full-resync", "critical", "resolved", "oracle_pkg", "oradg")], ["swap-resync", "recreate-pairs", "force-or-resync"], story)
    else:
        b.write(gzip_files={("nodeB2", "syslog.log")})
        b.expected([finding("full-resync", "critical", "open", "oracle_pkg", "oradg")], ["swap-resync", "recreate-pairs", "force-or-resync", "automated"], story)


def s03_recovery_array_failure():
    b = Bundle("recovery-array-failure")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(13, 0, 0), T(14, 15, 0), [("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(13, 6, 10, 0))
    morning_start(b, "nodeA1", T(13, 6, 12, 0), "sap_pkg", "sapdg", file="sap_pkg.cntl.log")
    b.sys("nodeB1", T(13, 11, 2, 14), "EMS [2710]", "------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/storage/events/disk_arrays/XP/35663\"  Disk array 35663 controller failure")
    b.sys("nodeB1", T(13, 11, 2, 20), "vmunix", "class : lunpath, instance 41")
    b.sys("nodeB1", T(13, 11, 2, 20), "vmunix", "Evpd inquiry page 83h/80h failed or the current page 83h/80h data do not match the previous known page 83h/80h data on LUN id 0x0 probed beneath the target path (class = tgtpath, instance = 12)")
    b.sys("nodeB1", T(13, 11, 2, 40), "horcmd_00[2213]", "HORCM_CMD /dev/rdisk/disk48: command device I/O failed")
    # nodeA1: the SAP instance crashes (I/O errors while the array pair breaks); restart on the same host
    b.sys("nodeA1", T(13, 11, 3, 2), "cmcld[2048]", "Service sap_mon terminated due to an exit(1).")
    b.sys("nodeA1", T(13, 11, 3, 2), "cmcld[2048]", "Halting package sap_pkg on node nodeA1 because service sap_mon failed.")
    lines, _ = halt_body(T(13, 11, 3, 3), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines, "sap_pkg.cntl.log")
    b.sys("nodeA1", T(13, 11, 3, 12), "cmcld[2048]", "Halted package sap_pkg on node nodeA1.")
    b.sys("nodeA1", T(13, 11, 5, 0), "CM-CMD[8810]", "cmrunpkg -v -n nodeA1 sap_pkg")
    b.sys("nodeA1", T(13, 11, 5, 0), "cmcld[2048]", "Request from node nodeA1 to start package sap_pkg on node nodeA1.")
    b.sys("nodeA1", T(13, 11, 5, 0), "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl start' for package sap_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is NEVER."),
        (9, "pairvolchk -g sapdg -c failed: EX_CMDIOE (237) Control command I/O error on the remote array."),
        (10, "The local device group sapdg is in PVOL_PSUE state; remote state is EX_CMDIOE (237)."),
        (11, "Remote array 35663 cannot be reached; starting on the primary side with device group sapdg split."),
    ]
    lines, done = start_body(T(13, 11, 5, 1), "nodeA1", "sap_pkg", mc)
    b.pkg("nodeA1", "sap_pkg", lines, "sap_pkg.cntl.log")
    sg_started(b, "nodeA1", sec(done, 1), "sap_pkg")
    b.sys("nodeA2", T(13, 11, 30, 0), "logger", "mcstat: pairvolchk -g sapdg -c failed: EX_ENORMT (242) No remote host alive")
    b.sys("nodeB1", T(14, 8, 40, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/storage/events/disk_arrays/XP/35663\"  Disk array 35663 controller replaced, status normal")
    b.sys("nodeB1", T(14, 9, 0, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local SVOL_PSUE, remote PVOL_PSUE")
    b.write()
    b.expected([finding("full-resync", "critical", "open", "sap_pkg", "sapdg")], ["swap-resync", "recreate-pairs", "force-or-resync", "automated"],
               "The recovery array 35663 at site B fails; sap_pkg crashes and is restarted on nodeA1 with sapdg PVOL_PSUE and the remote side unreachable (EX_CMDIOE / EX_ENORMT). The array is repaired the next morning but no pairresync has been run, so a manual full resync from the PVOL side is needed.")


def s04_both_smpl():
    b = Bundle("both-smpl")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(14, 18, 0), T(15, 12, 0), [("oracle_pkg", "DATA", None, 360, "NO_TIMEOUT")])
    b.sys("nodeA1", T(14, 20, 0, 0), "CM-CMD[7001]", "cmhaltpkg -v oracle_pkg")
    b.sys("nodeA1", T(14, 20, 0, 0), "cmcld[2048]", "Request from node nodeA1 to halt package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", T(14, 20, 0, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl stop' for package oracle_pkg.")
    lines, _ = halt_body(T(14, 20, 0, 1), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(14, 20, 0, 10), "cmcld[2048]", "Halted package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", T(14, 20, 5, 0), "logger", "root: array maintenance 35422/35663 (firmware upgrade), pairsplit -g oradg -S run by storage team")
    b.sys("nodeA1", T(14, 20, 5, 3), "logger", "mcstat: pairsplit -g oradg -S completed; local SMPL, remote SMPL")
    b.sys("nodeA1", T(15, 7, 30, 0), "CM-CMD[7210]", "cmrunpkg -v -n nodeA1 oracle_pkg")
    b.sys("nodeA1", T(15, 7, 30, 0), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", T(15, 7, 30, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    t = T(15, 7, 30, 1)
    lines = [banner(t, "nodeA1", "Starting package"),
             step(sec(t, 1), "nodeA1", "This package is configured with remote data replication."),
             step(sec(t, 2), "nodeA1", "Fence level for device group oradg is DATA."),
             step(sec(t, 4), "nodeA1", "Local state: SMPL, remote state: SMPL for device group oradg (PVOL_SMPL / SVOL_SMPL)."),
             step(sec(t, 9), "nodeA1", "Executing horctakeover -g oradg -t 360: horctakeover failed with EX_VOLCRE (223), local and remote volumes are not paired."),
             step(sec(t, 9), "nodeA1", "Both arrays report SMPL for device group oradg; the pairs must be recreated."),
             step(sec(t, 10), "nodeA1", "Metrocluster will not start the package on this node (exit 1)."),
             banner(sec(t, 10), "nodeA1", "Package start failed")]
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(15, 7, 30, 12), "cmcld[2048]", "Package oracle_pkg run script exited with NO_RESTART.")
    b.sys("nodeA1", T(15, 7, 30, 12), "cmcld[2048]", "Examine the file /etc/cmcluster/oracle_pkg/oracle_pkg.log for more details.")
    b.sys("nodeA1", T(15, 7, 30, 12), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA1.")
    b.sys("nodeB1", T(15, 7, 35, 0), "logger", "mcstat: pairvolchk -g oradg -s: SVOL_SMPL")
    b.write()
    b.expected([finding("recreate-pairs", "critical", "open", "oracle_pkg", "oradg")], ["full-resync", "swap-resync", "force-or-resync"],
               "After array maintenance the storage team deleted the oradg pairs, so both arrays report SMPL. The next morning oracle_pkg cannot start: horctakeover fails with EX_VOLCRE (223) and the pairs must be recreated with paircreate before the package can run.")



def pkg_fail(b, node, when, pkg, mc, exit_status="NO_RESTART", file=None, pid=2048):
    """A start refused by Metrocluster: banner, Metrocluster lines, no 'Activating volume group', failed banner."""
    lines = [banner(when, node, "Starting package")]
    last = when
    for offset, text in mc:
        last = sec(when, offset)
        lines.append(step(last, node, text))
    lines.append(banner(sec(last, 1), node, "Package start failed"))
    b.pkg(node, pkg, lines, file)
    b.sys(node, sec(last, 2), f"cmcld[{pid}]", f"Package {pkg} run script exited with {exit_status}.")
    b.sys(node, sec(last, 2), f"cmcld[{pid}]", f"Examine the file /etc/cmcluster/{pkg}/{file or pkg + '.log'} for more details.")
    return sec(last, 2)


def s05_site_failover():
    b = Bundle("site-failover-svol-takeover")
    nodes = SITE_A + SITE_B
    for node in nodes:
        pkg_config(b, node, "oracle_pkg", nodes)
        env_file(b, node, "oracle_pkg", "DATA", {"AUTO_FENCEDATA_SPLIT": 0, "AUTO_NONCURDATA": 1})
    # before the disaster: both sites, one boot-to-now syslog
    for node in SITE_A:
        b.noise(node, T(16, 0, 0), T(16, 3, 12, 40), "before")
    for node in SITE_B:
        b.noise(node, T(16, 0, 0), T(17, 15, 0), "day")
    cluster_up(b, nodes, T(15, 22, 0, 0))
    b.sys("nodeA1", T(15, 22, 2, 0), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA1.", "OLDsyslog.log")
    b.sys("nodeA1", T(15, 22, 2, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.", "OLDsyslog.log")
    lines, done = start_body(T(15, 22, 2, 1), "nodeA1", "oracle_pkg", MC_OK("oradg", "DATA"))
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", sec(done, 1), "cmcld[2048]", "Started package oracle_pkg on node nodeA1.", "OLDsyslog.log")
    b.sys("nodeA1", T(16, 3, 12, 38), "vmunix", "Power supply 1 AC input lost", "OLDsyslog.log")
    # site A loses power at 03:12:40; site B reforms
    for node in SITE_B:
        b.sys(node, T(16, 3, 12, 48), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(16, 3, 12, 48), "cmcld[2048]", "Member nodeA2 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(16, 3, 12, 54), "cmcld[2048]", "Timed out node nodeA1. It may have failed.")
        b.sys(node, T(16, 3, 12, 54), "cmcld[2048]", "Timed out node nodeA2. It may have failed.")
        b.sys(node, T(16, 3, 12, 54), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, T(16, 3, 12, 58), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, T(16, 3, 12, 59), "cmcld[2048]", "2 nodes have re-formed the cluster")
        b.sys(node, T(16, 3, 12, 59), "cmcld[2048]", "The new active cluster membership is: nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeB1", T(16, 3, 13, 0), "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", T(16, 3, 13, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is DATA."),
        (14, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
        (15, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (15, "AUTO_NONCURDATA is 1: performing SVOL takeover for device group oradg."),
        (22, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (23, "Device group oradg is now SVOL_SSWS."),
        (23, "WARNING: the package starts with non-current data."),
    ]
    lines, done = start_body(T(16, 3, 13, 1), "nodeB1", "oracle_pkg", mc)
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "oracle_pkg")
    b.sys("nodeB1", T(16, 3, 14, 30), "EMS [2710]", "------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link failure: all remote copy paths to array 35422 are down")
    b.sys("nodeB1", T(16, 9, 0, 0), "logger", "root: oracle_pkg running at site B since 03:13, site A without power (ticket INC0098812)")
    # site A returns on the 17th: nodeA1 boots, its old log is rotated to OLDsyslog.log
    b.boot("nodeA1", T(17, 8, 55, 0))
    b.noise("nodeA1", T(17, 8, 57, 0), T(17, 15, 0), "after")
    b.noise("nodeA2", T(17, 8, 57, 0), T(17, 15, 0), "after")
    b.boot("nodeA2", T(17, 8, 55, 20))
    for node in SITE_A:
        b.sys(node, T(17, 9, 10, 0), "horcmd_00[2201]", "horcmstart.sh 0: HORCM instance 0 started")
    b.sys("nodeA1", T(17, 9, 20, 0), "CM-CMD[3310]", "cmrunnode -v nodeA1 nodeA2")
    for node in nodes:
        b.sys(node, T(17, 9, 20, 8), "cmcld[2048]", "4 nodes have re-formed the cluster")
        b.sys(node, T(17, 9, 20, 8), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeB1", T(17, 11, 40, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link restored: remote copy paths to array 35422 are up")
    b.sys("nodeB1", T(17, 11, 45, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PSUS(SSWS), remote PVOL_PSUS")
    b.sys("nodeA1", T(17, 11, 46, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSWS")
    # the reboot on the 17th moved each site A node's syslog.log to OLDsyslog.log
    for node in SITE_A:
        entries = b.syslogs.pop((node, "syslog.log"))
        b.syslogs[(node, "OLDsyslog.log")] = b.syslogs.get((node, "OLDsyslog.log"), []) + [e for e in entries if e[0] < T(17, 0, 0)]
        b.syslogs[(node, "syslog.log")] = [e for e in entries if e[0] >= T(17, 0, 0)]
    b.write(gzip_files={("nodeA1", "OLDsyslog.log")})
    b.expected([finding("swap-resync", "critical", "open", "oracle_pkg", "oradg"), finding("failback", "info", "open", "oracle_pkg", "oradg")],
               ["full-resync", "recreate-pairs", "force-or-resync"],
               "Site A loses power; the cluster re-forms on site B and Metrocluster does an SVOL takeover (horctakeover -S, result 2) so oracle_pkg runs on nodeB1 on SVOL_SSWS data. Site A and the CA links are back the next day but nobody has run pairresync -swaps from site B, which must come before failing back to site A.")


def async_takeover_then_failback(b, day, auto_psuepsus):
    """Site A goes dark at night and site B takes the ASYNC group sapdg over (SSWS); in the afternoon sap_pkg is
    moved back to nodeA1 without a swap resync, where Metrocluster finds local PVOL_PSUE and remote SVOL_PSUS
    (SSWS as pairvolchk reports it): the AUTO_PSUEPSUS case. Returns the time the start on nodeA1 began."""
    nodes = SITE_A + SITE_B
    for node in nodes:
        pkg_config(b, node, "sap_pkg", nodes)
        env_file(b, node, "sap_pkg", "ASYNC", {"AUTO_NONCURDATA": 1, "AUTO_PSUEPSUS": auto_psuepsus})
    for node in SITE_A:
        b.noise(node, T(day, 0, 0), T(day, 2, 40, 0), "before")
    for node in SITE_B:
        b.noise(node, T(day, 0, 0), T(day, 18, 0), "day")
    cluster_up(b, nodes, T(day, 0, 5, 0))
    morning_start(b, "nodeA1", T(day, 0, 7, 0), "sap_pkg", "sapdg", "ASYNC")
    reformed = site_a_power_loss(b, T(day, 2, 40, 12))
    b.sys("nodeB1", reformed, "cmcld[2048]", "Request from node nodeB1 to start package sap_pkg on node nodeB1.")
    b.sys("nodeB1", reformed, "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl start' for package sap_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is ASYNC."),
        (14, "pairvolchk -g sapdg -c failed: EX_ENORMT (242) No remote host alive"),
        (14, "The local device group sapdg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (15, "AUTO_NONCURDATA is 1: performing SVOL takeover for device group sapdg."),
        (40, "Executing horctakeover -g sapdg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (41, "Device group sapdg is now SVOL_SSWS."),
        (41, "WARNING: the package starts with non-current data."),
    ]
    lines, done = start_body(sec(reformed, 1), "nodeB1", "sap_pkg", mc)
    b.pkg("nodeB1", "sap_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "sap_pkg")
    for i, node in enumerate(SITE_A):
        b.boot(node, T(day, 8, 40, 20 * i))
        b.noise(node, T(day, 8, 42, 0), T(day, 18, 0), "after")
        b.sys(node, T(day, 9, 0, 0), "horcmd_00[2201]", "horcmstart.sh 0: HORCM instance 0 started")
    b.sys("nodeA1", T(day, 9, 5, 0), "CM-CMD[3310]", "cmrunnode -v nodeA1 nodeA2")
    for node in nodes:
        b.sys(node, T(day, 9, 5, 9), "cmcld[2048]", "4 nodes have re-formed the cluster")
        b.sys(node, T(day, 9, 5, 9), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeB1", T(day, 10, 30, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link restored: remote copy paths to array 35422 are up")
    b.sys("nodeB1", T(day, 10, 35, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PSUS(SSWS), remote PVOL_PSUE")
    b.sys("nodeA1", T(day, 10, 36, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PSUE, remote SVOL_SSWS")
    # failback at a quiet time, without the swap resync the manual recommends first
    b.sys("nodeB1", T(day, 14, 0, 0), "logger", "root: failback of sap_pkg to site A (CHG0042611)")
    sg_halt(b, "nodeB1", T(day, 14, 0, 30), "sap_pkg", cmpid=8801, done=T(day, 14, 0, 42))
    lines, _ = halt_body(T(day, 14, 0, 31), "nodeB1", "sap_pkg")
    b.pkg("nodeB1", "sap_pkg", lines)
    sg_start(b, "nodeA1", T(day, 14, 1, 30), "sap_pkg", cmpid=4120)
    for node in SITE_A:
        rotate_syslog(b, node, T(day, 8, 40, 0))
    return T(day, 14, 1, 31)


def s06_auto_psuepsus():
    b = Bundle("auto-psuepsus-link-failure")
    start = async_takeover_then_failback(b, 18, 1)
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is ASYNC."),
        (6, "Local state: PVOL_PSUE, remote state: SVOL_PSUS for device group sapdg."),
        (7, "AUTO_PSUEPSUS is 1: resynchronizing device group sapdg from the remote site with pairresync -g sapdg -swapp."),
        (8, "pairresync -g sapdg -swapp completed; waiting for PAIR (pairevtwait -g sapdg -s pair -t 3600)."),
        (1388, "Device group sapdg: local SVOL_PAIR, remote PVOL_PAIR."),
        (1396, "Executing horctakeover -g sapdg -t 360 ... horctakeover returned 1 (Swap-takeover)."),
        (1397, "Device group sapdg is now PVOL_PAIR; remote SVOL_PAIR."),
    ]
    lines, done = start_body(start, "nodeA1", "sap_pkg", mc)
    b.pkg("nodeA1", "sap_pkg", lines)
    sg_started(b, "nodeA1", sec(done, 1), "sap_pkg")
    b.write()
    b.expected([finding_of("automated-link-failure-psuepsus", "automated", "warning", "resolved", "sap_pkg", "sapdg"),
                finding_of("failback-auto-psuepsus", "failback", "critical", "resolved", "sap_pkg", "sapdg")],
               ["full-resync", "recreate-pairs", "force-or-resync", "swap-resync"],
               "Site A loses power at night; site B takes the ASYNC group sapdg over (horctakeover -S, SSWS, AUTO_NONCURDATA=1) and runs sap_pkg. With AUTO_PSUEPSUS=1 the swap resync is not a prerequisite: the failback finding says the data is not remotely protected and that halting sap_pkg at site B and starting it on nodeA1 is enough, Metrocluster resynchronizing at the start. Site A and the CA links are back in the morning. In the afternoon sap_pkg is moved back to nodeA1 without a swap resync first: Metrocluster finds local PVOL_PSUE and remote SVOL_PSUS, and because AUTO_PSUEPSUS=1 it resynchronizes from site B itself (pairresync -swapp), waits 23 minutes for PAIR, swaps the roles back and starts the package. Nothing is left to do; next time, pairresync -swaps at site B before the failback would have shortened the downtime.")


def s07_run_script_timeout():
    b = Bundle("run-script-timeout")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(19, 0, 0), T(19, 20, 0), [("sap_pkg", "ASYNC", None, 360, "300")])
    cluster_up(b, nodes, T(19, 4, 0, 0))
    morning_start(b, "nodeA1", T(19, 4, 2, 0), "sap_pkg", "sapdg", "ASYNC", file="sap_pkg.cntl.log")
    sg_halt(b, "nodeA1", T(19, 12, 0, 0), "sap_pkg", done=T(19, 12, 0, 12))
    lines, _ = halt_body(T(19, 12, 0, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines, "sap_pkg.cntl.log")
    b.sys("nodeB1", T(19, 12, 1, 0), "CM-CMD[9120]", "cmrunpkg -v -n nodeB1 sap_pkg")
    b.sys("nodeB1", T(19, 12, 1, 0), "cmcld[2048]", "Request from node nodeB1 to start package sap_pkg on node nodeB1.")
    b.sys("nodeB1", T(19, 12, 1, 0), "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl start' for package sap_pkg.")
    t = T(19, 12, 1, 1)
    lines = [banner(t, "nodeB1", "Starting package"),
             step(sec(t, 1), "nodeB1", "This package is configured with remote data replication."),
             step(sec(t, 2), "nodeB1", "Fence level for device group sapdg is ASYNC."),
             step(sec(t, 40), "nodeB1", "Local state: SVOL_PAIR, remote state: PVOL_PAIR for device group sapdg (240 volumes)."),
             step(sec(t, 41), "nodeB1", "Waiting for horctakeover -g sapdg -t 360 to drain the side file of 240 volumes (remote PVOL_PAIR 97%)."),
             step(sec(t, 220), "nodeB1", "Still waiting for horctakeover on device group sapdg; pairdisplay shows SVOL_PAIR 99%.")]
    b.pkg("nodeB1", "sap_pkg", lines, "sap_pkg.cntl.log")
    b.sys("nodeB1", T(19, 12, 6, 1), "cmcld[2048]", "Package sap_pkg run script timed out.")
    b.sys("nodeB1", T(19, 12, 6, 1), "cmcld[2048]", "Examine the file /etc/cmcluster/sap_pkg/sap_pkg.cntl.log for more details.")
    b.sys("nodeB1", T(19, 12, 6, 2), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeB1.")
    b.sys("nodeB1", T(19, 12, 6, 2), "cmcld[2048]", "Package sap_pkg is now disabled globally (auto_run disabled).")
    b.write()
    b.expected([finding("raise-run-script-timeout", "critical", "open", "sap_pkg", "sapdg")], ["full-resync", "recreate-pairs", "swap-resync"],
               "A planned move of sap_pkg to nodeB1 needs a swap-takeover of 240 ASYNC volumes; Serviceguard kills the run script after RUN_SCRIPT_TIMEOUT 300 s while horctakeover (HORCTIMEOUT 360) is still draining. The package is down and disabled: clean up, raise RUN_SCRIPT_TIMEOUT above HORCTIMEOUT (or NO_TIMEOUT), and re-enable it.")


def s08_raid_manager_config():
    b = Bundle("raid-manager-config-change")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(20, 0, 0), T(20, 23, 0), [("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(20, 5, 0, 0))
    morning_start(b, "nodeA1", T(20, 5, 1, 0), "sap_pkg", "sapdg")
    b.sys("nodeA1", T(20, 14, 2, 0), "CM-CMD[5501]", "cmcheckconf -v -C /etc/cmcluster/cluster.ascii -P /etc/cmcluster/sap_pkg/sap_pkg.config")
    b.sys("nodeA1", T(20, 14, 5, 0), "CM-CMD[5510]", "cmapplyconf -v -C /etc/cmcluster/cluster.ascii -P /etc/cmcluster/sap_pkg/sap_pkg.config")
    for node in nodes:
        b.sys(node, T(20, 14, 5, 9), "cmclconfd[1302]", "Updated cluster configuration applied: sap_pkg now uses volume groups vg02 vg03.")
    b.sys("nodeA1", T(20, 14, 20, 0), "logger", "root: edited /etc/horcm0.conf on all nodes: LDEVs 01:40-01:4F added to group sapdg (CHG0042301)")
    b.sys("nodeA1", T(20, 19, 0, 0), "CM-CMD[6001]", "cmhaltpkg -v sap_pkg")
    b.sys("nodeA1", T(20, 19, 0, 0), "cmcld[2048]", "Request from node nodeA1 to halt package sap_pkg on node nodeA1.")
    lines, _ = halt_body(T(20, 19, 0, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines)
    b.sys("nodeA1", T(20, 19, 0, 12), "cmcld[2048]", "Halted package sap_pkg on node nodeA1.")
    b.sys("nodeA2", T(20, 19, 1, 0), "CM-CMD[6010]", "cmrunpkg -v -n nodeA2 sap_pkg")
    b.sys("nodeA2", T(20, 19, 1, 0), "cmcld[2048]", "Request from node nodeA2 to start package sap_pkg on node nodeA2.")
    b.sys("nodeA2", T(20, 19, 1, 0), "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl start' for package sap_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (3, "pairvolchk -g sapdg -s failed: EX_ENOGRP (239) No such group: sapdg is not known to HORCM instance 0."),
        (4, "The configuration file /etc/horcm0.conf is newer than the running HORCM instance 0; restart it with horcmshutdown.sh 0 and horcmstart.sh 0."),
        (5, "pairdisplay -g sapdg -I0 returned 251 (EX_ATTHOR): cannot attach to the HORC manager."),
        (6, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    pkg_fail(b, "nodeA2", T(20, 19, 1, 1), "sap_pkg", mc)
    b.sys("nodeA2", T(20, 19, 1, 9), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeA2.")
    b.sys("nodeA2", T(20, 19, 10, 0), "logger", "root: pairdisplay -g sapdg -I0 -> EX_COMERR (255) Can't be communicated with HORC Manager")
    b.write()
    b.expected([finding("restart-raid-manager", "critical", "open", "sap_pkg", "sapdg")], ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync"],
               "An online configuration change (cmapplyconf) added volumes to sap_pkg and /etc/horcm0.conf was edited on all nodes, but the HORCM instances were not restarted. The evening move of sap_pkg to nodeA2 fails with EX_ENOGRP / EX_ATTHOR / EX_COMERR: restart Raid Manager instance 0 on every node, then start the package.")


def s09_noncurdata():
    b = Bundle("start-refused-noncurdata")
    nodes = ["nodeA1", "nodeB1", "nodeB2"]
    base(b, ["nodeB1", "nodeB2"], T(21, 0, 0), T(21, 18, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")], pkg_nodes=nodes)
    b.noise("nodeA1", T(21, 0, 0), T(21, 7, 31, 0), "day")
    pkg_config(b, "nodeA1", "oracle_pkg", nodes)
    env_file(b, "nodeA1", "oracle_pkg", "NEVER")
    cluster_up(b, nodes, T(21, 5, 0, 0))
    morning_start(b, "nodeA1", T(21, 5, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(21, 7, 30, 55), "vmunix", "SCSI: Read error -- dev: b 31 0x000200, errno: 126, resid: 2048,")
    for node in SITE_B:
        b.sys(node, T(21, 7, 31, 10), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(21, 7, 31, 16), "cmcld", "Timed out node nodeA1. It may have failed.")
        b.sys(node, T(21, 7, 31, 16), "cmcld", "Attempting to form a new cluster")
        b.sys(node, T(21, 7, 31, 20), "cmcld", "2 nodes have re-formed the cluster")
    b.sys("nodeB1", T(21, 7, 31, 21), "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", T(21, 7, 31, 21), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (13, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
        (13, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (14, "AUTO_NONCURDATA is 0 and no FORCEFLAG file exists: the SVOL data may not be current, so the package will not be started."),
        (14, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    pkg_fail(b, "nodeB1", T(21, 7, 31, 22), "oracle_pkg", mc)
    b.sys("nodeB1", T(21, 7, 31, 38), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeB1.")
    b.write(gzip_files={("nodeB2", "syslog.log")})
    b.expected([finding("force-or-resync", "critical", "open", "oracle_pkg", "oradg")], ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "nodeA1 at site A hangs and is timed out; oracle_pkg fails over to nodeB1 where the local group is SVOL_PAIR and the remote side answers EX_ENORMT, so with AUTO_NONCURDATA=0 Metrocluster refuses to start (exit 1). Confirm site A is really down, then create the FORCEFLAG file (or set AUTO_NONCURDATA=1) and re-enable the package, or repair site A.")


def s10_svolpsue():
    b = Bundle("start-refused-svolpsue")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(22, 0, 0), T(22, 20, 0), [("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(22, 4, 0, 0))
    morning_start(b, "nodeA1", T(22, 4, 2, 0), "sap_pkg", "sapdg")
    b.sys("nodeB1", T(22, 9, 14, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link failure: all remote copy paths from array 35422 are down")
    b.sys("nodeA1", T(22, 8, 50, 0), "logger", "root: pairsplit -g sapdg completed for the backup run; local PVOL_PSUS, remote SVOL_PSUS")
    b.sys("nodeA1", T(22, 9, 14, 5), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PSUS, remote SVOL_PSUE")
    sg_halt(b, "nodeA1", T(22, 10, 0, 0), "sap_pkg", done=T(22, 10, 0, 12))
    lines, _ = halt_body(T(22, 10, 0, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines)
    for node, first in (("nodeB1", T(22, 10, 1, 0)), ("nodeB2", T(22, 10, 1, 40))):
        if node == "nodeB1":
            b.sys(node, first, "CM-CMD[7301]", "cmrunpkg -v -n nodeB1 sap_pkg")
            b.sys(node, first, "cmcld[2048]", "Request from node nodeB1 to start package sap_pkg on node nodeB1.")
        else:
            b.sys(node, first, "cmcld[2048]", "Request from node nodeB1 to start package sap_pkg on node nodeB2.")
        b.sys(node, first, "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl start' for package sap_pkg.")
        mc = [
            (1, "This package is configured with remote data replication."),
            (2, "Fence level for device group sapdg is NEVER."),
            (6, "Local state: SVOL_PSUE, remote state: PVOL_PSUS for device group sapdg."),
            (7, "AUTO_SVOLPSUE is 0: the package will not be started. Fix the link and resynchronize, or create the FORCEFLAG file."),
            (7, "Metrocluster will not start the package on this node (exit 2)."),
        ]
        done = pkg_fail(b, node, sec(first, 1), "sap_pkg", mc, exit_status="RESTART")
        b.sys(node, sec(done, 1), "cmcld[2048]", f"Switching disabled for package sap_pkg on node {node}.")
    b.sys("nodeB1", T(22, 10, 2, 20), "cmcld[2048]", "Package sap_pkg is not running and there are no eligible nodes to start it.")
    b.write()
    b.expected([finding("force-or-resync", "critical", "open", "sap_pkg", "sapdg")], ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "sapdg was split for a backup (PVOL_PSUS) when the CA links fail and the SVOL side goes PSUE; the operator moves sap_pkg to site B for site A maintenance, but with local SVOL_PSUE / remote PVOL_PSUS and AUTO_SVOLPSUE=0 Metrocluster refuses with exit 2 on nodeB1 and again on nodeB2. Fix the link and pairresync from the PVOL side, or accept non-current data with FORCEFLAG, then re-enable the nodes with cmmodpkg -e -n.")


def s11_fence_data_split():
    b = Bundle("fence-data-split")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(23, 0, 0), T(23, 22, 0), [("oracle_pkg", "DATA", {"AUTO_FENCEDATA_SPLIT": 1}, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(23, 5, 0, 0))
    morning_start(b, "nodeA1", T(23, 5, 2, 0), "oracle_pkg", "oradg", "DATA")
    link_failure_lines(b, "nodeA1", T(23, 13, 7, 2), "oradg", "oracle_pkg", "DATA")
    b.sys("nodeA1", T(23, 13, 7, 3), "vmunix", "LVM: VG 64 0x010000: PVLink 31 0x000200 Failed! The PV is not accessible.")
    b.sys("nodeA1", T(23, 13, 7, 9), "oracle[22011]", "ORA-27072: File I/O error")
    b.sys("nodeA1", T(23, 13, 7, 20), "cmcld[2048]", "Service ora_mon terminated due to an exit(1).")
    b.sys("nodeA1", T(23, 13, 7, 20), "cmcld[2048]", "Halting package oracle_pkg on node nodeA1 because service ora_mon failed.")
    lines, _ = halt_body(T(23, 13, 7, 21), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(23, 13, 7, 33), "cmcld[2048]", "Halted package oracle_pkg on node nodeA1.")
    b.sys("nodeA2", T(23, 13, 7, 34), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA2.")
    b.sys("nodeA2", T(23, 13, 7, 34), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is DATA."),
        (6, "Local state: PVOL_PSUE, remote state: SVOL_PSUE for device group oradg."),
        (6, "AUTO_FENCEDATA_SPLIT is 1: the local array is split from the remote array so the PVOL accepts writes."),
        (9, "pairsplit -g oradg -R completed; the PVOL of device group oradg is writable and not remotely protected."),
    ]
    lines, done = start_body(T(23, 13, 7, 35), "nodeA2", "oracle_pkg", mc)
    b.pkg("nodeA2", "oracle_pkg", lines, None)
    sg_started(b, "nodeA2", sec(done, 1), "oracle_pkg")
    b.sys("nodeA2", T(23, 17, 40, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/xp/35422\"  Continuous Access link restored: remote copy paths to array 35663 are up")
    b.write()
    b.expected([finding("full-resync", "critical", "open", "oracle_pkg", "oradg")], ["swap-resync", "recreate-pairs", "force-or-resync"],
               "With FENCE=DATA the CA link fails, writes to oradg fail and oracle_pkg crashes; it restarts on nodeA2 and, because AUTO_FENCEDATA_SPLIT=1, the primary array is split from the remote one. The link is back in the afternoon but pairresync has not been run, so site B is not protected.")


def s12_horctakeover_timeout():
    b = Bundle("horctakeover-timeout")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(24, 0, 0), T(24, 18, 0), [("sap_pkg", "ASYNC", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(24, 3, 0, 0))
    morning_start(b, "nodeA1", T(24, 3, 2, 0), "sap_pkg", "sapdg", "ASYNC")
    b.sys("nodeA1", T(24, 11, 20, 0), "cmcld[2048]", "Service sap_mon terminated due to an exit(1).")
    b.sys("nodeA1", T(24, 11, 20, 0), "cmcld[2048]", "Halting package sap_pkg on node nodeA1 because service sap_mon failed.")
    lines, _ = halt_body(T(24, 11, 20, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines)
    b.sys("nodeA1", T(24, 11, 20, 12), "cmcld[2048]", "Halted package sap_pkg on node nodeA1.")
    b.sys("nodeB1", T(24, 11, 20, 13), "cmcld[2048]", "Request from node nodeA1 to start package sap_pkg on node nodeB1.")
    b.sys("nodeB1", T(24, 11, 20, 13), "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl start' for package sap_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is ASYNC."),
        (5, "Local state: SVOL_PAIR, remote state: PVOL_PAIR for device group sapdg (journal 4, 61% full)."),
        (367, "horctakeover -g sapdg -t 360 failed: EX_EWSTOT (233) timeout waiting for the journal to be flushed."),
        (368, "Metrocluster will not start the package on this node (exit 1). Raise HORCTIMEOUT or check the journal."),
    ]
    pkg_fail(b, "nodeB1", T(24, 11, 20, 14), "sap_pkg", mc)
    b.sys("nodeB1", T(24, 11, 26, 25), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeB1.")
    b.write()
    b.expected([finding("raise-horctimeout", "critical", "open", "sap_pkg", "sapdg")], ["full-resync", "recreate-pairs", "swap-resync", "raise-run-script-timeout"],
               "sap_pkg (ASYNC journal group sapdg) fails on nodeA1 and Serviceguard tries nodeB1, where horctakeover gives up after HORCTIMEOUT 360 s with EX_EWSTOT (233) because the journal was 61% full. The package is down: raise HORCTIMEOUT (keeping the run script timeout above it), then start it again.")


def s13_pair_consistency():
    b = Bundle("pair-consistency")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(5, 0, 0), T(5, 20, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(5, 4, 0, 0))
    morning_start(b, "nodeA1", T(5, 4, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(5, 10, 2, 0), "logger", "mcstat: pairdisplay -g oradg -fc: 6 volumes PVOL_PAIR, 2 volumes PVOL_PSUE (LDEV 00:2A, 00:2B)")
    b.sys("nodeB1", T(5, 10, 2, 5), "logger", "mcstat: pairdisplay -g oradg -fc: 6 volumes SVOL_PAIR, 2 volumes SMPL (LDEV 00:6A, 00:6B)")
    b.sys("nodeA1", T(5, 10, 30, 0), "logger", "root: pairsplit -g oradg -rw failed: EX_EVOLCE (235) Pair Volume combination error")
    b.sys("nodeA1", T(5, 10, 31, 0), "logger", "root: pairdisplay -g oradg -fcx returned 236 (EX_ENQVOL): unmatched volume status within the group")
    sg_halt(b, "nodeA1", T(5, 11, 0, 0), "oracle_pkg", done=T(5, 11, 0, 10))
    lines, _ = halt_body(T(5, 11, 0, 1), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA2", T(5, 11, 1, 0), "CM-CMD[4801]", "cmrunpkg -v -n nodeA2 oracle_pkg")
    b.sys("nodeA2", T(5, 11, 1, 0), "cmcld[2048]", "Request from node nodeA2 to start package oracle_pkg on node nodeA2.")
    b.sys("nodeA2", T(5, 11, 1, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (8, "pairvolchk -g oradg -s returned EX_ENQVOL (236): the volumes of device group oradg are not in the same state."),
        (9, "Device group oradg: local P-VOL PAIR on 6 volumes and P-VOL PSUE on 2 volumes; pair affinity is broken."),
        (9, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    pkg_fail(b, "nodeA2", T(5, 11, 1, 1), "oracle_pkg", mc)
    b.sys("nodeA2", T(5, 11, 1, 13), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA2.")
    b.write(gzip_files={("nodeB2", "syslog.log")})
    b.expected([finding("check-pair-consistency", "critical", "open", "oracle_pkg", "oradg")], ["full-resync", "swap-resync", "automated"],
               "Two LDEVs of oradg fell out of the group (PSUE on site A, SMPL on site B) while the other six stay PAIR; pairsplit and pairdisplay fail with EX_EVOLCE (235) / EX_ENQVOL (236). A planned move of oracle_pkg then fails, so the group must be checked volume by volume on both sites (and horcm.conf compared) before the package can start.")


def s13b_pair_consistency_one_ldev():
    b = Bundle("pair-consistency-one-ldev-taken-over")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(6, 0, 0), T(6, 20, 0), [("oracle_pkg", "DATA", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(6, 4, 0, 0))
    morning_start(b, "nodeA1", T(6, 4, 2, 0), "oracle_pkg", "oradg", fence="DATA")
    # An operator takes over one LDEV of the group at site B to copy a file off it; the group's volumes now differ.
    b.sys("nodeB1", T(6, 9, 20, 11), "sudo", "    jdoe : TTY=pts/2 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/horctakeover -g oradg -d ora_v3 -S -I0")
    sg_halt(b, "nodeA1", T(6, 11, 0, 0), "oracle_pkg", done=T(6, 11, 0, 10))
    lines, _ = halt_body(T(6, 11, 0, 1), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_start(b, "nodeA1", T(6, 11, 5, 0), "oracle_pkg", cmpid=4811)
    start = T(6, 11, 5, 1)
    table = [
        "    Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M",
        "    oradg   ora_v1(L)    (CL1-A-0, 0,   1)30011   2a0.P-VOL PAIR DATA  ,  100   6a0 -",
        "    oradg   ora_v1(R)    (CL2-A-0, 0,   1)30022   6a0.S-VOL PAIR DATA  ,  100   2a0 -",
        "    oradg   ora_v2(L)    (CL1-A-0, 0,   2)30011   2a1.P-VOL PAIR DATA  ,  100   6a1 -",
        "    oradg   ora_v2(R)    (CL2-A-0, 0,   2)30022   6a1.S-VOL PAIR DATA  ,  100   2a1 -",
        "    oradg   ora_v3(L)    (CL1-A-0, 0,   3)30011   2a2.P-VOL PSUE DATA  ,  100   6a2 -",
        "    oradg   ora_v3(R)    (CL2-A-0, 0,   3)30022   6a2.S-VOL SSWS DATA  ,  100   2a2 -",
        "    oradg   ora_v4(L)    (CL1-A-0, 0,   4)30011   2a3.P-VOL PAIR DATA  ,  100   6a3 -",
        "    oradg   ora_v4(R)    (CL2-A-0, 0,   4)30022   6a3.S-VOL PAIR DATA  ,  100   2a3 -",
    ]
    b.pkg("nodeA1", "oracle_pkg", [
        banner(start, "nodeA1", "Starting package"),
        step(sec(start, 1), "nodeA1", "Fence level for device group oradg is DATA."),
        step(sec(start, 4), "nodeA1", "pairvolchk -g oradg -s: [EX_EVOLCE] Pair Volume combination error (235)"),
        *table,
        step(sec(start, 5), "nodeA1", "The volumes of device group oradg are not in the same state; not starting the package (exit 1)."),
        banner(sec(start, 6), "nodeA1", "Package start failed"),
    ])
    b.sys("nodeA1", sec(start, 7), "cmcld[2048]", "Package oracle_pkg run script exited with NO_RESTART.")
    b.sys("nodeA1", sec(start, 7), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA1.")
    b.write()
    b.expected([finding("check-pair-consistency", "critical", "open", "oracle_pkg", "oradg")], ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "An operator took over one LDEV (ora_v3) of the fence-DATA group oradg at site B: that volume is P-VOL PSUE / S-VOL SSWS while the other three stay PAIR. The next start of oracle_pkg on nodeA1 meets EX_EVOLCE and pastes the pairdisplay -fcx table. The group must be made consistent volume by volume; the startup table's answer for PVOL_PSUE/SVOL_SSWS (force or swap the whole group) is set aside while it is not.")


def s14_member_timeout():
    b = Bundle("member-timeout")
    nodes = ["nodeA1", "nodeA2", "nodeB1"]
    base(b, nodes, T(1, 0, 0), T(8, 12, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_text = "\n".join([
        "# **********************************************************************",
        "# ********* HIGH AVAILABILITY CLUSTER CONFIGURATION FILE ***************",
        "# **********************************************************************",
        "CLUSTER_NAME\t\tprimary_cluster",
        "QS_HOST\t\t\tqs01",
        "QS_POLLING_INTERVAL\t300000000",
        "",
    ] + [f"NODE_NAME\t\t{n}\n  NETWORK_INTERFACE\tlan0\n    HEARTBEAT_IP\t{IPS[n]}\n  NETWORK_INTERFACE\tlan1" for n in nodes] + [
        "",
        "# Member timeout in microseconds: how long a node may be silent before it is evicted.",
        "MEMBER_TIMEOUT\t\t14000000",
        "AUTO_START_TIMEOUT\t600000000",
        "NETWORK_POLLING_INTERVAL\t2000000",
        "MAX_CONFIGURED_PACKAGES\t300",
    ]) + "\n"
    for node in nodes:
        b.config(node, "", "cluster.ascii", cluster_text)
    cluster_up(b, nodes, T(1, 2, 0, 0))
    morning_start(b, "nodeA1", T(1, 2, 2, 0), "oracle_pkg", "oradg")
    delays = [(1, 23, 10, 2, "2.1"), (2, 23, 10, 5, "3.8"), (3, 23, 11, 0, "3.4"), (4, 23, 10, 40, "4.2"), (5, 23, 12, 3, "3.8"),
              (6, 23, 10, 9, "5.6"), (7, 23, 10, 17, "6.1"), (8, 1, 40, 0, "3.9")]
    for day, hh, mm, ss, secs in delays:
        when = T(day, hh, mm, ss)
        b.sys("nodeA1", when, "vmunix", "vxfs: msgcnt 12 mesg 001: V-2-1: vx_nospace - /dev/vg00/lvol5 file system full (1 block extent)")
        b.sys("nodeA1", sec(when, 30), "cmcld[2048]", f"Warning: cmcld was unable to run for the last {secs} seconds. Consult the Managing Serviceguard manual for guidance on setting MEMBER_TIMEOUT, and information on cmcld.")
        if float(secs) > 5:
            b.sys("nodeA1", sec(when, 30), "cmcld[2048]", "This node is at risk of being evicted from the running cluster. Increase MEMBER_TIMEOUT.")
            for peer in ("nodeA2", "nodeB1"):
                b.sys(peer, sec(when, 31), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
    b.sys("nodeA1", T(6, 23, 10, 40), "cmcld", "Warning: cmcld was unable to run for the last 2.4 seconds. Consult the Managing Serviceguard manual for guidance on setting MEMBER_TIMEOUT, and information on cmcld.")
    b.repeated("nodeA1", T(6, 23, 10, 52), 2)
    b.write(gzip_files={("nodeA2", "syslog.log")})
    b.expected([finding("raise-member-timeout", "warning", "open", None, None)], ["full-resync", "swap-resync", "fix-package-failure"],
               "Every night around the 23:10 backup, cmcld on nodeA1 cannot run for 2-6 seconds; on two nights the node warns that it is at risk of eviction and its peers report it unhealthy. Raise MEMBER_TIMEOUT above 10 times the largest delay (more than 61 s) with cmapplyconf, and look at the nightly load on nodeA1.")


def s15_package_failure_vg():
    b = Bundle("package-failure-vg")
    nodes = ["nodeA1", "nodeA2"]
    for node in nodes:
        b.noise(node, T(6, 0, 0), T(6, 18, 0), "day")
        pkg_config(b, node, "nfs_pkg", nodes)
    cluster_up(b, nodes, T(6, 6, 0, 0))
    b.sys("nodeA1", T(6, 6, 2, 0), "cmcld[2048]", "Request from node nodeA1 to start package nfs_pkg on node nodeA1.")
    b.sys("nodeA1", T(6, 6, 2, 0), "cmcld[2048]", "Executing '/etc/cmcluster/nfs_pkg/nfs_pkg.cntl start' for package nfs_pkg.")
    t = T(6, 6, 2, 1)
    lines = [banner(t, "nodeA1", "Starting package"),
             step(sec(t, 1), "nodeA1", "Activating volume group vg04 with exclusive option."),
             "vgchange: Activation mode requested for the volume group \"/dev/vg04\" conflicts with configured mode.",
             "\tERROR:  Function activate_volume_group",
             "\tERROR:  Failed to activate vg04",
             step(sec(t, 3), "nodeA1", "Deactivating volume group vg04"),
             "vgchange: Volume group \"vg04\" has been successfully changed.",
             banner(sec(t, 3), "nodeA1", "Package start failed")]
    b.pkg("nodeA1", "nfs_pkg", lines)
    b.sys("nodeA1", T(6, 6, 2, 5), "cmcld[2048]", "Package nfs_pkg run script exited with NO_RESTART.")
    b.sys("nodeA1", T(6, 6, 2, 5), "cmcld[2048]", "Examine the file /etc/cmcluster/nfs_pkg/nfs_pkg.log for more details.")
    b.sys("nodeA1", T(6, 6, 2, 5), "cmcld[2048]", "Switching disabled for package nfs_pkg on node nodeA1.")
    b.sys("nodeA1", T(6, 6, 2, 6), "vmunix", "LVM: VG 64 0x040000: Data in one or more logical volumes on PV 1 0x2c000 was lost when the disk was replaced.")
    b.write()
    b.expected([finding("fix-package-failure", "critical", "open", "nfs_pkg", None)], ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "restart-raid-manager"],
               "At cluster start nfs_pkg, a package without remote replication, cannot activate vg04 on nodeA1 (vgchange activation-mode conflict after a disk replacement); the run script exits NO_RESTART and switching is disabled. Fix the volume group (vgchange -c y / vgexport-vgimport on the adoptive node), then cmmodpkg -e nfs_pkg.")


def s16_continental_alarm():
    b = Bundle("continental-alarm")
    recovery = ["nodeC1", "nodeC2"]
    b.noise("nodeA1", T(7, 0, 0), T(7, 14, 2, 0), "day")
    for node in recovery:
        b.noise(node, T(7, 0, 0), T(7, 16, 0), "day")
        pkg_config(b, node, "ora_bkpkg", recovery)
        env_file(b, node, "ora_bkpkg", "NEVER", cluster_type="continental", dg="oradg")
    pkg_config(b, "nodeA1", "oracle_pkg", ["nodeA1", "nodeA2"])
    env_file(b, "nodeA1", "oracle_pkg", "NEVER", cluster_type="continental")
    cluster_up(b, ["nodeA1"], T(7, 4, 0, 0), members_of=["nodeA1", "nodeA2"])
    morning_start(b, "nodeA1", T(7, 4, 2, 0), "oracle_pkg", "oradg")
    cluster_up(b, recovery, T(7, 4, 29, 0), pid=2050)
    b.sys("nodeC1", T(7, 4, 30, 0), "cmcld[2050]", "Request from node nodeC1 to start package ccmonpkg on node nodeC1.")
    b.sys("nodeC1", T(7, 4, 30, 0), "cmcld[2050]", "Executing '/etc/cmcluster/ccmonpkg/ccmonpkg.cntl start' for package ccmonpkg.")
    b.sys("nodeC1", T(7, 4, 30, 6), "cmcld[2050]", "Started package ccmonpkg on node nodeC1.")
    # a DR rehearsal of the recovery package earlier in the month left its log on nodeC1
    lines = [banner(T(2, 10, 0, 0), "nodeC1", "Halting package")]
    lines += [step(T(2, 10, 0, 1), "nodeC1", "Halting service ora_mon"),
              step(T(2, 10, 0, 3), "nodeC1", "Remove IP address 10.40.5.40 from subnet 10.40.5.0"),
              step(T(2, 10, 0, 4), "nodeC1", "Unmounting filesystem on /dev/vg01/lvol2"),
              step(T(2, 10, 0, 5), "nodeC1", "Unmounting filesystem on /dev/vg01/lvol1"),
              step(T(2, 10, 0, 6), "nodeC1", "Deactivating volume group vg01"),
              banner(T(2, 10, 0, 7), "nodeC1", "Package halt completed")]
    b.pkg("nodeC1", "ora_bkpkg", lines)
    b.sys("nodeA1", T(7, 14, 1, 50), "vmunix", "NOTICE: nfs server 10.20.9.30 not responding still trying")
    for minutes, kind in ((5, "CLUSTER_ALERT"), (10, "CLUSTER_ALERT"), (15, "CLUSTER_ALARM")):
        when = T(7, 14, 2 + minutes, 7)
        b.sys("nodeC1", when, "cmclsentryd[3021]", f"{kind} primary_cluster/UNREACHABLE {minutes} MINUTES - Cluster {kind[8:]}: primary_cluster not responding.")
        b.sys("nodeC2", sec(when, 1), "cmclsentryd[3044]", f"{kind}: cluster primary_cluster has been UNREACHABLE for {minutes} minutes")
    b.sys("nodeC1", T(7, 14, 17, 30), "sendmail[19201]", "wAP141730: to=dr-team@example.com, delay=00:00:01, mailer=esmtp, stat=Sent (monitor notification for primary_cluster)")
    b.sys("nodeC1", T(7, 15, 10, 0), "cmclsentryd[3021]", "CLUSTER_ALARM: cluster primary_cluster has been UNREACHABLE for 68 minutes")
    b.write()
    b.expected([finding("recover-continental-cluster", "critical", "open", None, None)], ["full-resync", "swap-resync", "recreate-pairs"],
               "The primary cluster (site A) stops answering at 14:02; the Continentalclusters monitor on the recovery cluster raises CLUSTER_ALERT at 5 and 10 minutes and CLUSTER_ALARM at 15 minutes, and the primary is still unreachable an hour later. Nobody has run cmrecovercl yet: once the disaster is confirmed and authorised, run cmrecovercl on the recovery cluster.")


# ---- scenarios added for the rules that had no sample of their own ----------------------------------
# Each story exercises one rule; `finding(..., rule=...)` names the rule the expert expects to fire.


def finding_of(rule, action, severity, status, package=None, device_group=None):
    return {"action": action, "severity": severity, "status": status, "package": package, "deviceGroup": device_group, "rule": rule}


def site_a_power_loss(b, when, survivors=SITE_B, reformed_at=None):
    """Site A goes dark at `when`; the site B nodes time it out and re-form the cluster with the quorum server."""
    for node in SITE_A:
        b.sys(node, sec(when, -2), "vmunix", "Power supply 1 AC input lost")
    t = sec(when, 8)
    for node in survivors:
        for peer in SITE_A:
            b.sys(node, t, "cmcld[2048]", f"Member {peer} seems unhealthy, not receiving heartbeats from it.")
        for peer in SITE_A:
            b.sys(node, sec(t, 6), "cmcld[2048]", f"Timed out node {peer}. It may have failed.")
        b.sys(node, sec(t, 6), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, sec(t, 10), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, sec(t, 11), "cmcld[2048]", f"{len(survivors)} nodes have re-formed the cluster")
        b.sys(node, sec(t, 11), "cmcld[2048]", "The new active cluster membership is: " + ", ".join(f"{n}(id={3 + i})" for i, n in enumerate(survivors)))
    return sec(t, 12)


def rotate_syslog(b, node, boot_day):
    """A reboot moved the node's syslog.log to OLDsyslog.log: lines before `boot_day` go to the old file."""
    entries = b.syslogs.pop((node, "syslog.log"))
    b.syslogs[(node, "OLDsyslog.log")] = b.syslogs.get((node, "OLDsyslog.log"), []) + [e for e in entries if e[0] < boot_day]
    b.syslogs[(node, "syslog.log")] = [e for e in entries if e[0] >= boot_day]


def service_failure_halt(b, node, when, pkg, svc):
    """A service of `pkg` fails on `node`: Serviceguard halts the package there (a clean halt)."""
    b.sys(node, when, "cmcld[2048]", f"Service {svc} terminated due to an exit(1).")
    b.sys(node, when, "cmcld[2048]", f"Halting package {pkg} on node {node} because service {svc} failed.")
    b.sys(node, when, "cmcld[2048]", f"Executing '/etc/cmcluster/{pkg}/{pkg}.cntl stop' for package {pkg}.")
    lines, done = halt_body(sec(when, 1), node, pkg)
    b.pkg(node, pkg, lines)
    b.sys(node, sec(done, 1), "cmcld[2048]", f"Halted package {pkg} on node {node}.")
    return sec(done, 1)


def s17_package_cannot_move():
    b = Bundle("package-cannot-move")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(24, 22, 0), T(25, 14, 0), [("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(24, 22, 0, 0))
    morning_start(b, "nodeA1", T(24, 22, 2, 0), "sap_pkg", "sapdg")
    # site B array firmware upgrade: the operator keeps sap_pkg off site B for the day
    b.sys("nodeB1", T(25, 6, 45, 0), "logger", "root: array 35663 firmware upgrade today 07:00-16:00 (CHG0042388): sap_pkg disabled on nodeB1 and nodeB2")
    b.sys("nodeB1", T(25, 6, 45, 30), "CM-CMD[4410]", "cmmodpkg -d -n nodeB1 sap_pkg")
    b.sys("nodeB1", T(25, 6, 45, 41), "CM-CMD[4412]", "cmmodpkg -d -n nodeB2 sap_pkg")
    # nodeA2 leaves the cluster for a memory board replacement
    b.sys("nodeA2", T(25, 7, 30, 0), "CM-CMD[5120]", "cmhaltnode -v nodeA2")
    b.sys("nodeA2", T(25, 7, 30, 2), "logger", "root: nodeA2 halted for memory board replacement (HPE case 5012344871)")
    for node in ["nodeA1"] + SITE_B:
        b.sys(node, T(25, 7, 30, 6), "cmcld[2048]", "3 nodes have re-formed the cluster")
        b.sys(node, T(25, 7, 30, 6), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeB1(id=3), nodeB2(id=4)")
    # the SAP dispatcher crashes on nodeA1: sap_mon fails, the package halts cleanly, and no node is left
    b.sys("nodeA1", T(25, 10, 12, 40), "sapstart[18812]", "disp+work (pid 18840) exited with signal 11, see /usr/sap/PRD/DVEBMGS00/work/dev_disp")
    done = service_failure_halt(b, "nodeA1", T(25, 10, 12, 44), "sap_pkg", "sap_mon")
    b.sys("nodeA1", done, "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeA1.")
    b.sys("nodeA1", sec(done, 1), "cmcld[2048]", "Package sap_pkg is not running and there are no eligible nodes to start it.")
    b.sys("nodeA1", T(25, 10, 14, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
    b.write()
    b.expected([finding_of("package-cannot-move", "fix-package-failure", "critical", "open", "sap_pkg", "sapdg")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "restart-raid-manager", "automated"],
               "For a firmware upgrade of array 35663 the operator disables sap_pkg on nodeB1 and nodeB2, and nodeA2 is halted for a memory board replacement. When the SAP dispatcher crashes on nodeA1, sap_mon fails and the package halts cleanly, but nodeA1 is now disabled too: no node may start sap_pkg and it stays down. The pairs are PAIR; Metrocluster refused nothing. Find why sap_mon failed, then cmmodpkg -e -n nodeA1 sap_pkg and cmmodpkg -e sap_pkg (site B stays disabled until the upgrade is over).")


def s18_package_halt_failure():
    b = Bundle("package-halt-failure")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(26, 0, 0), T(26, 20, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(26, 5, 0, 0))
    morning_start(b, "nodeA1", T(26, 5, 2, 0), "oracle_pkg", "oradg")
    # the archive-log backup hangs on a tape error and keeps /oraarch busy
    b.sys("nodeA1", T(26, 17, 20, 0), "bpbkar[22871]", "backup of /oraarch started (policy ORA_ARCH, schedule Daily)")
    b.sys("nodeA1", T(26, 17, 41, 12), "vmunix", "SCSI: Request Timeout -- lbolt: 88142203, dev: cd000502")
    b.sys("nodeA1", T(26, 17, 41, 12), "vmunix", "stape: device 0/3/1/0.0x500110a0008b9f2a.0x0 tape drive not responding, I/O pending")
    # planned move to nodeA2 for patching nodeA1: the halt cannot unmount /oraarch
    b.sys("nodeA1", T(26, 18, 0, 0), "CM-CMD[7711]", "cmhaltpkg -v oracle_pkg")
    b.sys("nodeA1", T(26, 18, 0, 0), "cmcld[2048]", "Request from node nodeA1 to halt package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", T(26, 18, 0, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl stop' for package oracle_pkg.")
    t = T(26, 18, 0, 1)
    retry = lambda when, text: f"\t{when:%b} {when.day:2d} {when:%H:%M:%S} - {text}"
    lines = [banner(t, "nodeA1", "Halting package"),
             step(sec(t, 1), "nodeA1", "Halting service ora_mon"),
             step(sec(t, 3), "nodeA1", "Remove IP address 10.20.5.40 from subnet 10.20.5.0"),
             step(sec(t, 4), "nodeA1", "Unmounting filesystem on /dev/vg01/lvol2"),
             "umount: cannot unmount /oraarch : Device busy",
             "\tWARNING:   Running fuser to remove anyone using the file system directly.",
             "/dev/vg01/lvol2:    22871c(root)",
             retry(sec(t, 9), "Unmount /dev/vg01/lvol2 failed, trying again."),
             "umount: cannot unmount /oraarch : Device busy",
             retry(sec(t, 14), "Unmount /dev/vg01/lvol2 failed, trying again."),
             "umount: cannot unmount /oraarch : Device busy",
             "\tERROR:  Function umount_fs",
             "\tERROR:  Failed to unmount /dev/vg01/lvol2",
             step(sec(t, 15), "nodeA1", "Unmounting filesystem on /dev/vg01/lvol1"),
             step(sec(t, 16), "nodeA1", "Deactivating volume group vg01"),
             "vgchange: Couldn't deactivate volume group \"vg01\":",
             "Device busy",
             retry(sec(t, 21), "vgchange -a n vg01 failed, trying again."),
             "\tERROR:  Function deactivate_volume_group",
             "\tERROR:  Failed to deactivate vg01",
             banner(sec(t, 22), "nodeA1", "Package halt failed")]
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(26, 18, 0, 24), "cmcld[2048]", "Package oracle_pkg halt script exited with NO_RESTART.")
    b.sys("nodeA1", T(26, 18, 0, 24), "cmcld[2048]", "Examine the file /etc/cmcluster/oracle_pkg/oracle_pkg.log for more details.")
    b.sys("nodeA1", T(26, 18, 0, 24), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", T(26, 18, 6, 0), "logger", "root: cmhaltpkg oracle_pkg failed, /oraarch still busy (bpbkar 22871 hung on tape), patching postponed")
    b.write()
    b.expected([finding_of("package-halt-failure", "fix-package-failure", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "raise-run-script-timeout", "restart-raid-manager"],
               "A planned move of oracle_pkg to nodeA2 starts with cmhaltpkg, but the archive-log backup (bpbkar) hangs on a tape error and keeps /oraarch busy; fuser cannot kill it, so the halt script cannot unmount /dev/vg01/lvol2 or deactivate vg01 and exits with an error. oracle_pkg is half-halted on nodeA1 with switching disabled. Free /oraarch (end the backup, reset the tape drive), finish the cleanup by hand (umount, vgchange -a n vg01), then cmmodpkg -e oracle_pkg and start it where wanted. Replication is not involved.")


def s19_pairs_suspended_no_resync():
    b = Bundle("pairs-suspended-no-resync")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(26, 20, 0), T(28, 12, 0), [("sap_pkg", "ASYNC", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(26, 20, 0, 0))
    morning_start(b, "nodeA1", T(26, 20, 2, 0), "sap_pkg", "sapdg", "ASYNC")
    # month-end batch: the journal fills and both sides suspend (PFUS); the package keeps running on nodeA1
    b.sys("nodeA1", T(27, 1, 10, 4), "EMS [2710]", "------ EMS Event Notification ------  Value: \"MAJOR (4)\" for Resource: \"/system/events/xp/35422\"  Continuous Access journal group 4 full: remote copy to array 35663 suspended")
    b.sys("nodeA1", T(27, 1, 12, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PFUS 100%, remote SVOL_PFUS")
    b.sys("nodeB1", T(27, 1, 12, 3), "logger", "mcstat: pairdisplay -g sapdg -fc: local SVOL_PFUS, remote PVOL_PFUS")
    for day, hh in ((27, 6), (27, 12), (27, 18), (28, 0), (28, 6)):
        b.sys("nodeA1", T(day, hh, 0, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PFUS 100%, remote SVOL_PFUS")
    b.sys("nodeA1", T(27, 9, 30, 0), "logger", "root: SAP month-end close running on sap_pkg, batch load high (ticket INC0101877)")
    b.write()
    b.expected([finding_of("pairs-suspended-no-resync", "full-resync", "critical", "open", "sap_pkg", "sapdg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "automated", "raise-horctimeout"],
               "During the month-end batch the ASYNC journal of sapdg fills up and both sides suspend as PFUS at 01:10; sap_pkg keeps running on nodeA1 and nothing restarts, so no start-time rule applies. Nobody resynchronizes: more than 24 hours later the monitoring script still reports PVOL_PFUS / SVOL_PFUS and site B's copy keeps aging. Run pairresync -g sapdg -c 15 on site A while the package runs, wait for PAIR, and review the journal size.")


def s20_run_script_timeout_below_horctimeout():
    b = Bundle("run-script-timeout-below-horctimeout")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(28, 0, 0), T(28, 20, 0), [("sap_pkg", "ASYNC", None, 360, "300")])
    cluster_up(b, nodes, T(28, 5, 0, 0))
    morning_start(b, "nodeA1", T(28, 5, 2, 0), "sap_pkg", "sapdg", "ASYNC")
    b.sys("nodeA1", T(28, 10, 15, 0), "logger", "root: sap_pkg RUN_SCRIPT_TIMEOUT lowered from NO_TIMEOUT to 300 s so that a hung start fails over sooner (CHG0042471)")
    b.sys("nodeA1", T(28, 10, 20, 0), "CM-CMD[6120]", "cmcheckconf -v -P /etc/cmcluster/sap_pkg/sap_pkg.config")
    b.sys("nodeA1", T(28, 10, 21, 0), "CM-CMD[6133]", "cmapplyconf -v -P /etc/cmcluster/sap_pkg/sap_pkg.config")
    for node in nodes:
        b.sys(node, T(28, 10, 21, 7), "cmclconfd[1302]", "Updated cluster configuration applied: sap_pkg run script timeout is now 300 seconds.")
    for node, text in (("nodeA1", "local PVOL_PAIR 100%, remote SVOL_PAIR"), ("nodeB1", "local SVOL_PAIR 100%, remote PVOL_PAIR")):
        b.sys(node, T(28, 14, 0, 0), "logger", f"mcstat: pairdisplay -g sapdg -fc: {text}")
    b.write()
    b.expected([finding_of("run-script-timeout-below-horctimeout", "raise-run-script-timeout", "warning", "open", "sap_pkg", "sapdg")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "raise-horctimeout", "fix-package-failure"],
               "Nothing has failed yet: to make a hung start fail over sooner, an administrator lowers sap_pkg's RUN_SCRIPT_TIMEOUT from NO_TIMEOUT to 300 s and applies it with cmapplyconf. The package is ASYNC with HORCTIMEOUT 360, so the next failover that has to drain the journal will be killed by Serviceguard before horctakeover finishes. Set RUN_SCRIPT_TIMEOUT back to NO_TIMEOUT (or well above HORCTIMEOUT) with cmapplyconf before that happens.")


def s21_start_refused_fencedata_split():
    b = Bundle("start-refused-fencedata-split")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(29, 0, 0), T(29, 18, 0), [("oracle_pkg", "DATA", {"AUTO_FENCEDATA_SPLIT": 0}, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(29, 5, 0, 0))
    morning_start(b, "nodeA1", T(29, 5, 2, 0), "oracle_pkg", "oradg", "DATA")
    link_failure_lines(b, "nodeA1", T(29, 11, 24, 50), "oradg", "oracle_pkg", "DATA")
    b.sys("nodeA1", T(29, 11, 24, 58), "oracle[20114]", "ORA-27072: File I/O error")
    done = service_failure_halt(b, "nodeA1", T(29, 11, 25, 10), "oracle_pkg", "ora_mon")
    b.sys("nodeA2", sec(done, 1), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA2.")
    b.sys("nodeA2", sec(done, 1), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is DATA."),
        (6, "Local state: PVOL_PSUE, remote state: SVOL_PSUE for device group oradg."),
        (7, "AUTO_FENCEDATA_SPLIT is 0: the local array is not split from the remote array. Repair the Continuous Access link or create the FORCEFLAG file to start without remote protection."),
        (7, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    end = pkg_fail(b, "nodeA2", sec(done, 2), "oracle_pkg", mc)
    b.sys("nodeA2", sec(end, 1), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA2.")
    b.sys("nodeB1", T(29, 11, 25, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link failure: all remote copy paths from array 35422 are down")
    b.sys("nodeA2", T(29, 11, 40, 0), "logger", "root: oracle_pkg down, CA links to site B down, carrier ticket WAN-77120 opened")
    b.write()
    b.expected([finding_of("start-refused-fencedata-split", "force-or-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "oradg runs with FENCE=DATA and the site chose AUTO_FENCEDATA_SPLIT=0 (no writes without a remote copy). All CA links fail, the P-VOL refuses writes, oracle_pkg fails on nodeA1 and Serviceguard tries nodeA2, where Metrocluster finds PVOL_PSUE / SVOL_PSUE and refuses to split the arrays (exit 1). The application is down. The P-VOL data is current: repair the link and pairresync, or, to run now without remote protection, create the FORCEFLAG file, cmmodpkg -e oracle_pkg, and resync after the repair.")


def s22_start_refused_psuepsus():
    b = Bundle("start-refused-psuepsus")
    start = async_takeover_then_failback(b, 30, 0)
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is ASYNC."),
        (6, "pairvolchk -g sapdg: local PVOL_PSUE, remote SVOL_PSUS."),
        (7, "AUTO_PSUEPSUS is 0: user intervention is required before the package can run on the PVOL side."),
        (7, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    end = pkg_fail(b, "nodeA1", start, "sap_pkg", mc)
    b.sys("nodeA1", sec(end, 1), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeA1.")
    b.sys("nodeA1", sec(end, 1), "cmcld[2048]", "Package sap_pkg is now disabled globally (auto_run disabled).")
    b.write()
    b.expected([finding_of("start-refused-psuepsus", "force-or-resync", "critical", "superseded", "sap_pkg", "sapdg"),
                finding_of("swap-resync-after-takeover", "swap-resync", "critical", "open", "sap_pkg", "sapdg"),
                finding_of("package-down-after-takeover", "restart-at-failover-site", "critical", "open", "sap_pkg", "sapdg"),
                finding_of("failback-after-failover", "failback", "info", "resolved", "sap_pkg", "sapdg")],
               ["full-resync", "recreate-pairs", "automated"],
               "The same night as auto-psuepsus-link-failure, at a site that keeps AUTO_PSUEPSUS=0: site B takes the ASYNC group sapdg over (SSWS) after site A loses power, and in the afternoon the operator moves sap_pkg back to nodeA1 without a swap resync: halted on nodeB1 (the failback finding closes: the failback has begun), started on nodeA1. Metrocluster finds local PVOL_PSUE with a remote SVOL_PSUS (site B's SSWS) and refuses (exit 1): the package is down everywhere, and ten minutes later nothing has started it. Site B's data is the newer: the refusal's force-or-resync finding is set aside by the swap resync's, which the takeover and sap_pkg's run at site B decide. End the outage first: start sap_pkg again on nodeB1 (cmmodpkg -e -n nodeB1, cmrunpkg -n nodeB1, cmmodpkg -e), run pairresync -swaps at site B while it runs, wait for PAIR, then fail back to nodeA1. A plain pairresync from site A would overwrite site B's data.")


def s23_start_refused_psussssws():
    b = Bundle("start-refused-psussssws")
    nodes = SITE_A + SITE_B
    for node in nodes:
        pkg_config(b, node, "oracle_pkg", nodes)
        env_file(b, node, "oracle_pkg", "NEVER", {"AUTO_NONCURDATA": 1})
    for node in SITE_A:
        b.noise(node, T(3, 0, 0), T(3, 2, 20, 0), "before")
    for node in SITE_B:
        b.noise(node, T(3, 0, 0), T(4, 16, 0), "day")
    cluster_up(b, nodes, T(2, 22, 0, 0))
    morning_start(b, "nodeA1", T(2, 22, 2, 0), "oracle_pkg", "oradg")
    # a utility outage at site A outlasts its UPS; site B takes over with non-current data (AUTO_NONCURDATA=1)
    reformed = site_a_power_loss(b, T(3, 2, 20, 12))
    b.sys("nodeB1", reformed, "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", reformed, "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (14, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
        (14, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (15, "AUTO_NONCURDATA is 1: performing SVOL takeover for device group oradg."),
        (21, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (22, "Device group oradg is now SVOL_SSWS."),
        (22, "WARNING: the package starts with non-current data."),
    ]
    lines, done = start_body(sec(reformed, 1), "nodeB1", "oracle_pkg", mc)
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "oracle_pkg")
    # site A is back the next morning and rejoins; the CA links come back before noon
    for i, node in enumerate(SITE_A):
        b.boot(node, T(4, 8, 40, 20 * i))
        b.noise(node, T(4, 8, 42, 0), T(4, 16, 0), "after")
        b.sys(node, T(4, 9, 0, 0), "horcmd_00[2201]", "horcmstart.sh 0: HORCM instance 0 started")
    b.sys("nodeA1", T(4, 9, 5, 0), "CM-CMD[3310]", "cmrunnode -v nodeA1 nodeA2")
    for node in nodes:
        b.sys(node, T(4, 9, 5, 9), "cmcld[2048]", "4 nodes have re-formed the cluster")
        b.sys(node, T(4, 9, 5, 9), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeB1", T(4, 10, 30, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link restored: remote copy paths to array 35422 are up")
    b.sys("nodeB1", T(4, 10, 35, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PSUS(SSWS), remote PVOL_PSUS")
    b.sys("nodeA1", T(4, 10, 36, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSWS")
    # failback attempted without the swap resync: halt at site B, start at site A
    b.sys("nodeB1", T(4, 14, 0, 0), "logger", "root: failback of oracle_pkg to site A (CHG0042502)")
    sg_halt(b, "nodeB1", T(4, 14, 0, 30), "oracle_pkg", cmpid=8801, done=T(4, 14, 0, 42))
    lines, _ = halt_body(T(4, 14, 0, 31), "nodeB1", "oracle_pkg")
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_start(b, "nodeA1", T(4, 14, 1, 30), "oracle_pkg", cmpid=4120)
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (6, "Local state: PVOL_PSUS, remote state: SVOL_SSWS for device group oradg."),
        (7, "The remote site took over device group oradg and holds newer data; AUTO_PSUSSSSWS is 0, so the package will not be started on this node."),
        (7, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    end = pkg_fail(b, "nodeA1", T(4, 14, 1, 31), "oracle_pkg", mc)
    b.sys("nodeA1", sec(end, 1), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA1.")
    for node in SITE_A:
        rotate_syslog(b, node, T(4, 0, 0))
    b.write(gzip_files={("nodeA2", "OLDsyslog.log")})
    b.expected([finding_of("start-refused-psussssws", "force-or-resync", "critical", "superseded", "oracle_pkg", "oradg"),
                finding_of("swap-resync-after-takeover", "swap-resync", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("package-down-after-takeover", "restart-at-failover-site", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("failback-after-failover", "failback", "info", "resolved", "oracle_pkg", "oradg")],
               ["full-resync", "recreate-pairs", "automated"],
               "Site A loses power overnight and site B takes over oradg (horctakeover -S, SVOL_SSWS) with AUTO_NONCURDATA=1; oracle_pkg runs on nodeB1. Site A and the CA links are back the next day, and the operator tries to fail back by halting oracle_pkg on nodeB1 and starting it on nodeA1 without a swap resync: nodeA1 is PVOL_PSUS while site B is SVOL_SSWS with newer data, AUTO_PSUSSSSWS=0, so Metrocluster refuses (exit 1) and the package is down everywhere (the refusal's force-or-resync finding is set aside by the swap resync's: the takeover and oracle_pkg's run at site B are logged). End the outage first: start it again on nodeB1, whose data is current; then decide which copy to keep (site B's, the usual way: pairresync -swaps from site B or -swapp from site A, PAIR, fail back; or site A's late writes: halt at site B, pairsplit -S, paircreate -vl from site A), and fail back. A plain pairresync is rejected on SSWS and would overwrite site B's newer data if it were not.")


def s24_start_refused_svolpfus():
    b = Bundle("start-refused-svolpfus")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(1, 20, 0), T(2, 12, 0), [("sap_pkg", "ASYNC", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(1, 20, 0, 0))
    morning_start(b, "nodeA1", T(1, 20, 2, 0), "sap_pkg", "sapdg", "ASYNC")
    # the Sunday-night load fills the journal; nobody looks at the monitoring before the planned move
    b.sys("nodeA1", T(2, 1, 10, 4), "EMS [2710]", "------ EMS Event Notification ------  Value: \"MAJOR (4)\" for Resource: \"/system/events/xp/35422\"  Continuous Access journal group 4 full: remote copy to array 35663 suspended")
    b.sys("nodeA1", T(2, 1, 12, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PFUS 100%, remote SVOL_PFUS")
    # site A UPS maintenance: sap_pkg is moved to site B first
    b.sys("nodeA1", T(2, 6, 0, 0), "logger", "root: site A UPS maintenance 06:30-10:00, moving sap_pkg to site B (CHG0042350)")
    sg_halt(b, "nodeA1", T(2, 6, 1, 0), "sap_pkg", cmpid=5301, done=T(2, 6, 1, 13))
    lines, _ = halt_body(T(2, 6, 1, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines)
    for node, first, cmpid in (("nodeB1", T(2, 6, 2, 0), 6120), ("nodeB2", T(2, 6, 4, 30), 6188)):
        sg_start(b, node, first, "sap_pkg", cmpid=cmpid)
        mc = [
            (1, "This package is configured with remote data replication."),
            (2, "Fence level for device group sapdg is ASYNC."),
            (6, "Device group sapdg: local volume S-VOL PFUS, remote volume P-VOL PFUS (journal group 4 full)."),
            (7, "AUTO_SVOLPFUS is 0: writes made on the PVOL after the journal filled are not on this SVOL; the package will not be started on this node."),
            (7, "Metrocluster will not start the package on this node (exit 2)."),
        ]
        end = pkg_fail(b, node, sec(first, 1), "sap_pkg", mc, exit_status="RESTART")
        b.sys(node, sec(end, 1), "cmcld[2048]", f"Switching disabled for package sap_pkg on node {node}.")
    b.sys("nodeB1", T(2, 6, 6, 0), "logger", "root: sap_pkg refused on nodeB1 and nodeB2, UPS work on hold")
    b.write()
    b.expected([finding_of("pairs-suspended-no-resync", "full-resync", "critical", "superseded", "sap_pkg", "sapdg"),
                finding_of("start-refused-svolpfus", "force-or-resync", "critical", "open", "sap_pkg", "sapdg")],
               ["swap-resync", "recreate-pairs", "automated"],
               "The Sunday-night load fills the journal of the ASYNC group sapdg and both sides suspend as PFUS at 01:10, unnoticed. An hour later nothing has resynchronized them: the data is not remotely protected, and the resync belongs to site A, the P-VOL side where sap_pkg runs (pairs-suspended-no-resync, set aside once the refusal below speaks: its steps hold that resync). For UPS maintenance at site A the operator halts sap_pkg on nodeA1 and starts it on nodeB1, then nodeB2: both are S-VOL PFUS with AUTO_SVOLPFUS=0, so Metrocluster refuses (exit 2) and the package is down. Site A still holds the current data: start sap_pkg again on nodeA1, pairresync -g sapdg from site A, wait for PAIR, then move. Forcing at site B would lose every write made since 01:10.")


def s25_start_refused_svolpsus():
    b = Bundle("start-refused-svolpsus")
    nodes = SITE_A + SITE_B
    for node in nodes:
        pkg_config(b, node, "oracle_pkg", nodes)
        env_file(b, node, "oracle_pkg", "NEVER")
    for node in SITE_A:
        b.noise(node, T(7, 20, 0), T(8, 2, 35, 0), "day")
    for node in SITE_B:
        b.noise(node, T(7, 20, 0), T(8, 9, 0), "day")
    cluster_up(b, nodes, T(7, 20, 0, 0))
    morning_start(b, "nodeA1", T(7, 20, 2, 0), "oracle_pkg", "oradg")
    # nightly backup: the pairs are split (consistent S-VOL) until the 05:00 resync
    b.sys("nodeA1", T(8, 1, 0, 0), "logger", "root: backup run: pairsplit -g oradg (resync planned at 05:00)")
    b.sys("nodeA1", T(8, 1, 0, 9), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_PSUS")
    # site A loses power during the split window; Serviceguard tries both site B nodes
    reformed = site_a_power_loss(b, T(8, 2, 35, 12))
    first = reformed
    for node in SITE_B:
        b.sys(node, first, "cmcld[2048]", f"Request from node nodeB1 to start package oracle_pkg on node {node}.")
        b.sys(node, first, "cmcld[2048]", f"Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
        mc = [
            (1, "This package is configured with remote data replication."),
            (2, "Fence level for device group oradg is NEVER."),
            (14, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
            (14, "The local device group oradg is in SVOL_PSUS state; remote state is EX_ENORMT (242)."),
            (15, "AUTO_SVOLPSUS is 0: the state before the suspension (PAIR or COPY) cannot be determined, so the package will not be started on this node."),
            (15, "Metrocluster will not start the package on this node (exit 2)."),
        ]
        end = pkg_fail(b, node, sec(first, 1), "oracle_pkg", mc, exit_status="RESTART")
        b.sys(node, sec(end, 1), "cmcld[2048]", f"Switching disabled for package oracle_pkg on node {node}.")
        first = sec(end, 2)
    b.sys("nodeB1", sec(first, 1), "cmcld[2048]", "Package oracle_pkg is not running and there are no eligible nodes to start it.")
    b.sys("nodeB1", T(8, 3, 10, 0), "logger", "root: site A without power since 02:35, oracle_pkg down at site B (INC0102244)")
    b.write(gzip_files={("nodeB2", "syslog.log")})
    b.expected([finding_of("start-refused-svolpsus", "force-or-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "The nightly backup splits oradg at 01:00 (PVOL_PSUS / SVOL_PSUS, resync planned at 05:00). At 02:35 site A loses power; the cluster re-forms on site B and Serviceguard tries oracle_pkg on nodeB1 and nodeB2, where the group is SVOL_PSUS with the remote side EX_ENORMT. With AUTO_SVOLPSUS=0 Metrocluster refuses on both (exit 2), so the application is down. Here the split came from PAIR (the backup), so the S-VOL is consistent as of 01:00: either wait for site A, or accept losing the writes since 01:00 with FORCEFLAG and cmmodpkg -e -n nodeB1 oracle_pkg, and plan a swap resync afterwards.")


def s26_daemon_died():
    b = Bundle("serviceguard-daemon-died")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(25, 0, 0), T(25, 17, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(25, 4, 0, 0))
    morning_start(b, "nodeA1", T(25, 4, 2, 0), "oracle_pkg", "oradg")
    # a runaway batch job starves nodeA1; cmcld aborts and the safety timer resets the node (TOC)
    b.sys("nodeA1", T(25, 13, 40, 2), "vmunix", "WARNING: Swap space is running out. Free swap space is 1 percent of the total.")
    b.sys("nodeA1", T(25, 13, 44, 9), "cmcld", "Interrupted system call.  This may be caused by a very high system load.")
    b.sys("nodeA1", T(25, 13, 44, 18), "cmlvmd", "Could not read messages from /usr/lbin/cmcld: Software caused connection abort")
    b.sys("nodeA1", T(25, 13, 44, 18), "cmsrvassistd[2311]", "Lost connection with ServiceGuard cluster daemon (cmcld): Software caused connection abort")
    b.sys("nodeA1", T(25, 13, 44, 18), "cmclconfd[1302]", "The ServiceGuard daemon, /usr/lbin/cmcld[2048], died upon receiving the signal 6.")
    for node in ["nodeA2"] + SITE_B:
        b.sys(node, T(25, 13, 44, 24), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(25, 13, 44, 30), "cmcld[2048]", "Timed out node nodeA1. It may have failed.")
        b.sys(node, T(25, 13, 44, 30), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, T(25, 13, 44, 34), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, T(25, 13, 44, 35), "cmcld[2048]", "3 nodes have re-formed the cluster")
        b.sys(node, T(25, 13, 44, 35), "cmcld[2048]", "The new active cluster membership is: nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    # oracle_pkg fails over to nodeA2 on the P-VOL side with healthy pairs
    b.sys("nodeA2", T(25, 13, 44, 36), "cmcld[2048]", "Request from node nodeA2 to start package oracle_pkg on node nodeA2.")
    b.sys("nodeA2", T(25, 13, 44, 36), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    lines, done = start_body(T(25, 13, 44, 37), "nodeA2", "oracle_pkg", MC_OK("oradg"))
    b.pkg("nodeA2", "oracle_pkg", lines)
    sg_started(b, "nodeA2", sec(done, 1), "oracle_pkg")
    # nodeA1 reboots after the dump; cmcld does not start by itself and nobody has run cmrunnode yet
    b.boot("nodeA1", T(25, 14, 2, 0))
    b.sys("nodeA1", T(25, 14, 3, 30), "savecrash[1877]", "crash dump saved in /var/adm/crash/crash.0 (TOC, SafetyTimer expired)")
    b.noise("nodeA1", T(25, 14, 4, 0), T(25, 17, 0), "after")
    rotate_syslog(b, "nodeA1", T(25, 14, 0, 0))
    b.write()
    b.expected([finding_of("serviceguard-daemon-died", "rejoin-node", "warning", "open", None, None)],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "raise-run-script-timeout", "restart-raid-manager", "fix-package-failure"],
               "A runaway batch job exhausts swap on nodeA1; cmcld is interrupted, aborts (signal 6) and the Serviceguard safety timer resets the node with a TOC. The other nodes time nodeA1 out, re-form the cluster and oracle_pkg restarts cleanly on nodeA2 (PVOL_PAIR). nodeA1 is back up with a crash dump in /var/adm/crash but is not in the cluster. Find the reason in the dump and the old syslog, fix the load, send the dump and the cmcld core to HP support if cmcld itself failed, then cmrunnode nodeA1.")


def s27_start_refused_unexplained():
    b = Bundle("start-refused-unexplained")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(26, 0, 0), T(26, 12, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(26, 4, 0, 0))
    morning_start(b, "nodeA1", T(26, 4, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(26, 9, 0, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR, remote SVOL_PAIR")
    b.sys("nodeA1", T(26, 9, 30, 0), "logger", "root: moving oracle_pkg to site B for the site A network change (CHG0042460)")
    sg_halt(b, "nodeA1", T(26, 9, 30, 20), "oracle_pkg", cmpid=7202, done=T(26, 9, 30, 31))
    lines, _ = halt_body(T(26, 9, 30, 21), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_start(b, "nodeB1", T(26, 9, 31, 0), "oracle_pkg", cmpid=7310)
    # both sides PAIR, yet Metrocluster refuses: the reason is in a sentence mcadvisor cannot read
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (6, "Local state: SVOL_PAIR, remote state: PVOL_PAIR for device group oradg."),
        (7, "Consistency group 4 of the S-VOLs reports a status the startup check does not accept."),
        (7, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    end = pkg_fail(b, "nodeB1", T(26, 9, 31, 1), "oracle_pkg", mc)
    b.sys("nodeB1", sec(end, 1), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", sec(end, 2), "cmcld[2048]", "Package oracle_pkg is not running and there are no eligible nodes to start it.")
    b.sys("nodeB1", T(26, 10, 5, 0), "logger", "root: oracle_pkg down after the move to nodeB1, investigating (INC0104410)")
    b.write()
    b.expected([finding_of("start-refused-unexplained", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated", "force-or-resync", "wait-for-copy", "fix-package-failure"],
               "For a network change at site A the operator moves oracle_pkg from nodeA1 to nodeB1. Metrocluster reads SVOL_PAIR / PVOL_PAIR, so the data is current on both sides, and still refuses (exit 1): the reason is a sentence about the S-VOLs' consistency group that mcadvisor cannot read. No rule explains a refusal with both sides PAIR, so the fallback says it cannot tell which procedure applies, shows the states it read and the unread line, and gives the checks (package log, pairdisplay and raidvchkscan on both sites) instead of a forced start: FORCEFLAG is never the answer here. Operator: start oracle_pkg again on nodeA1 (cmrunpkg -n nodeA1, cmmodpkg -e) while the consistency group is checked, then move.")


def s45_failback_during_copy():
    b = Bundle("failback-during-copy")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(12, 0, 0), T(12, 14, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    # oracle_pkg has run at site B since the Nov 10 outage of site A; this morning the storage team swaps the
    # pairs back (site B becomes the P-VOL side) and the full copy to site A starts
    b.sys("nodeB1", T(12, 8, 0, 0), "logger", "root: failback of oracle_pkg to site A planned for today (CHG0042511), swap resync started from site B")
    b.sys("nodeB1", T(12, 8, 0, 5), "logger", "mcstat: pairresync -g oradg -c 15 -swaps started")
    b.sys("nodeB1", T(12, 8, 0, 9), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_COPY 1%, remote SVOL_COPY")
    b.sys("nodeB1", T(12, 10, 0, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_COPY 38%, remote SVOL_COPY")
    # the failback is started before the copy finished
    b.sys("nodeB1", T(12, 10, 20, 0), "logger", "root: failback window opens, moving oracle_pkg to nodeA1")
    sg_halt(b, "nodeB1", T(12, 10, 20, 10), "oracle_pkg", cmpid=6120, done=T(12, 10, 20, 21))
    lines, _ = halt_body(T(12, 10, 20, 11), "nodeB1", "oracle_pkg")
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_start(b, "nodeA1", T(12, 10, 21, 0), "oracle_pkg", cmpid=6130)
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (5, "Local state: SVOL_COPY, remote state: PVOL_COPY for device group oradg (41% copied)."),
        (6, "Executing horctakeover -g oradg -t 360: horctakeover failed with EX_VOLCUR (225)."),
        (7, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    end = pkg_fail(b, "nodeA1", T(12, 10, 21, 1), "oracle_pkg", mc)
    b.sys("nodeA1", sec(end, 1), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", sec(end, 2), "cmcld[2048]", "Package oracle_pkg is not running and there are no eligible nodes to start it.")
    b.sys("nodeA1", T(12, 10, 40, 0), "logger", "root: oracle_pkg down, failback aborted (INC0104520)")
    b.write()
    b.expected([finding_of("failure-during-copy", "wait-for-copy", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated", "force-or-resync", "investigate", "fix-package-failure"],
               "oracle_pkg has run at site B since site A's outage two days earlier. For the failback the storage team runs pairresync -swaps from site B: site B becomes the P-VOL side and the full copy to site A starts (PVOL_COPY / SVOL_COPY). Two hours later, at 41%, the operator halts oracle_pkg on nodeB1 and starts it on nodeA1: Metrocluster's swap-takeover of a copying S-VOL fails with EX_VOLCUR (225) and it refuses (exit 1). The application is down. Operator: never force on site A; start oracle_pkg again on nodeB1 (the copy's source, current data), wait for PAIR (pairevtwait), then fail back.")


def s46_start_failed_unread_wording():
    b = Bundle("start-failed-unread-wording")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(10, 0, 0), T(10, 12, 0), [("sap_pkg", "ASYNC", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(10, 4, 0, 0))
    morning_start(b, "nodeA1", T(10, 4, 2, 0), "sap_pkg", "sapdg", "ASYNC")
    b.sys("nodeA1", T(10, 5, 58, 0), "logger", "root: moving sap_pkg to nodeA2 for the nodeA1 memory upgrade (CHG0042380)")
    sg_halt(b, "nodeA1", T(10, 6, 0, 0), "sap_pkg", cmpid=5101, done=T(10, 6, 0, 14))
    lines, _ = halt_body(T(10, 6, 0, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines)
    sg_start(b, "nodeA2", T(10, 6, 2, 0), "sap_pkg", cmpid=5110)
    # a newer Metrocluster module words its check differently: nothing here is a sentence mcadvisor reads
    t = T(10, 6, 2, 1)
    lines = [banner(t, "nodeA2", "Starting package"),
             step(sec(t, 1), "nodeA2", "This package is configured with remote data replication."),
             step(sec(t, 4), "nodeA2", "DTS: sapdg: S-VOL side journal group 4 reports an error state, remote copy stopped"),
             step(sec(t, 5), "nodeA2", "DTS: data replication check for sapdg returned an unexpected journal status; see raidvchkscan -v jnl 4"),
             "\tERROR:  Function verify_physical_data_replication",
             "\tERROR:  Failed, unknown error.",
             banner(sec(t, 6), "nodeA2", "Package start failed")]
    b.pkg("nodeA2", "sap_pkg", lines)
    b.sys("nodeA2", sec(t, 7), "cmcld[2048]", "Package sap_pkg run script exited with NO_RESTART.")
    b.sys("nodeA2", sec(t, 7), "cmcld[2048]", "Examine the file /etc/cmcluster/sap_pkg/sap_pkg.log for more details.")
    b.sys("nodeA2", sec(t, 8), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeA2.")
    b.write()
    b.expected([finding_of("package-start-failed-unexplained", "investigate", "critical", "open", "sap_pkg", "sapdg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated", "force-or-resync", "fix-package-failure"],
               "For a memory upgrade of nodeA1 the operator moves sap_pkg to nodeA2. The start fails: the Metrocluster check writes its reason in a wording mcadvisor cannot read (a journal group in an error state, the remote copy stopped, see raidvchkscan) and the control script reports 'Failed, unknown error.'; Serviceguard exits NO_RESTART. No rule knows this wording, so mcadvisor says it cannot tell which procedure applies, shows the two unread lines as evidence and what to check on both sites; it does not advise forcing. Operator: a journal in an error state with the remote copy stopped means the ASYNC pairs are suspended: check pairdisplay and raidvchkscan at both sites, start sap_pkg again on the P-VOL side and resynchronize from there.")


def s47_takeover_rejected_by_array():
    b = Bundle("takeover-rejected-by-array")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(11, 0, 0), T(12, 6, 0), [("oracle_pkg", "NEVER", {"AUTO_NONCURDATA": 1}, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(11, 4, 0, 0))
    morning_start(b, "nodeA1", T(11, 4, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeB1", T(11, 15, 0, 0), "logger", "root: array 35663 maintenance: command device LUNs re-presented by the storage team (CHG0042401)")
    # site A loses power at night; nodeB1 tries the SVOL takeover and the array rejects it
    reformed = site_a_power_loss(b, T(12, 2, 9, 40))
    b.sys("nodeB1", reformed, "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", reformed, "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    t = sec(reformed, 1)
    lines = [banner(t, "nodeB1", "Starting package"),
             step(sec(t, 1), "nodeB1", "This package is configured with remote data replication."),
             step(sec(t, 2), "nodeB1", "Fence level for device group oradg is NEVER."),
             step(sec(t, 14), "nodeB1", "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
             step(sec(t, 15), "nodeB1", "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
             step(sec(t, 15), "nodeB1", "AUTO_NONCURDATA is 1: performing SVOL takeover for device group oradg."),
             step(sec(t, 19), "nodeB1", "horctakeover -g oradg -S failed: [EX_CMDRJE] Command rejected by the array"),
             "\tERROR:  Function verify_physical_data_replication",
             "\tERROR:  Failed, unknown error.",
             banner(sec(t, 20), "nodeB1", "Package start failed")]
    b.pkg("nodeB1", "oracle_pkg", lines)
    b.sys("nodeB1", sec(t, 21), "cmcld[2048]", "Package oracle_pkg run script exited with NO_RESTART.")
    b.sys("nodeB1", sec(t, 21), "cmcld[2048]", "Examine the file /etc/cmcluster/oracle_pkg/oracle_pkg.log for more details.")
    b.sys("nodeB1", T(12, 2, 40, 0), "logger", "root: site A without power, oracle_pkg down at site B too (INC0104601)")
    b.write()
    b.expected([finding_of("takeover-failed-unexplained", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated", "force-or-resync", "fix-package-failure"],
               "In the afternoon the storage team re-presents the command device LUNs of array 35663 (site B). At night site A loses power; the cluster re-forms on site B and Metrocluster on nodeB1 finds SVOL_PAIR with the remote side EX_ENORMT and, with AUTO_NONCURDATA=1, runs horctakeover -S, which the array rejects with EX_CMDRJE (221): the S-VOLs stay read-only and oracle_pkg does not start. mcadvisor knows no procedure for EX_CMDRJE, so it says it cannot tell, and points to the sense bytes in the Raid Manager command log, the command device (horcctl -D) and both sites' pair states. Forcing or repeating the takeover changes nothing the array refused. Operator: fix HORCM_CMD in /etc/horcm0.conf to the re-presented LUN, restart the instance, then start oracle_pkg on nodeB1.")


def s48_node_lost_package_not_restarted():
    b = Bundle("node-lost-package-not-restarted")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(9, 0, 0), T(9, 6, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(8, 22, 0, 0))
    morning_start(b, "nodeA1", T(8, 22, 2, 0), "oracle_pkg", "oradg")
    # a maintenance window disables switching and is never closed
    b.sys("nodeA1", T(9, 0, 55, 0), "CM-CMD[4410]", "cmmodpkg -d oracle_pkg")
    b.sys("nodeA1", T(9, 0, 55, 0), "logger", "root: oracle_pkg switching disabled for the backup window (CHG0042370)")
    # nodeA1 fails at 03:12 (a hardware fault: its log just ends); the other nodes time it out and re-form
    b.sys("nodeA1", T(9, 3, 12, 18), "vmunix", "SCSI: Read error -- dev: b 31 0x002000, errno: 126, resid: 2048")
    for node in ["nodeA2"] + SITE_B:
        b.sys(node, T(9, 3, 12, 24), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(9, 3, 12, 30), "cmcld[2048]", "Timed out node nodeA1. It may have failed.")
        b.sys(node, T(9, 3, 12, 30), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, T(9, 3, 12, 34), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, T(9, 3, 12, 35), "cmcld[2048]", "3 nodes have re-formed the cluster")
        b.sys(node, T(9, 3, 12, 35), "cmcld[2048]", "The new active cluster membership is: nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    # nodeA1 stays down: keep its log ending at the fault
    b.syslogs[("nodeA1", "syslog.log")] = [e for e in b.syslogs[("nodeA1", "syslog.log")] if e[0] <= T(9, 3, 12, 18)]
    b.sys("nodeA2", T(9, 5, 40, 0), "logger", "root: nodeA1 down since 03:12, HP call 4711-2026 opened")
    b.write()
    b.expected([finding_of("package-lost-with-node", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated", "force-or-resync", "fix-package-failure"],
               "At 00:55 an operator disables switching of oracle_pkg for the backup window (cmmodpkg -d) and forgets to enable it again. At 03:12 nodeA1, where oracle_pkg runs, fails; the other nodes time it out and re-form the cluster, and Serviceguard starts oracle_pkg nowhere: nothing in the logs says so. Ten minutes later mcadvisor says the package did not come back and that it cannot tell why; cmviewcl -v shows the disabled switching. Operator: the pairs are PAIR and nodeA2 is at the P-VOL site: cmrunpkg -n nodeA2 oracle_pkg, then cmmodpkg -e oracle_pkg.")


def s49_halt_failed_syslog_only():
    b = Bundle("halt-failed-syslog-only")
    nodes = SITE_A
    for node in nodes:
        b.noise(node, T(3, 0, 0), T(3, 23, 30), "day")
    cluster_up(b, nodes, T(3, 4, 0, 0), members_of=SITE_A + SITE_B)
    sg_start(b, "nodeA1", T(3, 4, 2, 0), "sap_pkg", command=False)
    sg_started(b, "nodeA1", T(3, 4, 2, 40), "sap_pkg")
    # only the syslogs were collected: the package log with the reason is not in the bundle
    b.sys("nodeA1", T(3, 22, 0, 0), "logger", "root: SAP shutdown for the kernel patch (CHG0042355)")
    b.sys("nodeA1", T(3, 22, 0, 5), "CM-CMD[7001]", "cmhaltpkg -v sap_pkg")
    b.sys("nodeA1", T(3, 22, 0, 5), "cmcld[2048]", "Request from node nodeA1 to halt package sap_pkg on node nodeA1.")
    b.sys("nodeA1", T(3, 22, 0, 5), "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl stop' for package sap_pkg.")
    b.sys("nodeA1", T(3, 22, 0, 52), "cmcld[2048]", "Package sap_pkg halt script exited with NO_RESTART.")
    b.sys("nodeA1", T(3, 22, 0, 52), "cmcld[2048]", "Examine the file /etc/cmcluster/sap_pkg/sap_pkg.log for more details.")
    b.sys("nodeA1", T(3, 22, 0, 52), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeA1.")
    b.write()
    b.expected([finding_of("package-halt-failed-unexplained", "investigate", "warning", "open", "sap_pkg", None)],
               ["full-resync", "swap-resync", "recreate-pairs", "automated", "force-or-resync", "fix-package-failure"],
               "Only the site A syslogs were collected. For a kernel patch the operator halts sap_pkg on nodeA1; the halt script exits NO_RESTART and Serviceguard disables switching. The package log, which names the step that failed, is not in the bundle, so no rule can say what was left behind; mcadvisor says so (a warning: the halt was asked for) and lists how to find and release what the halt left (volume groups, mounts, the package IP) before sap_pkg can start anywhere.")


# ---- Raid Manager's own output (issue 12): each scenario's pair evidence is in one layout only ----------

def fcx_rows(dg, side_rows):
    """pairdisplay -g <dg> -fcx as it prints: header, then one row per volume and side (LDEV# in hex, SMPL rows dashed)."""
    out = ["Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M"]
    for vol, lr, port, lu, seq, ldev, rest in side_rows:
        out.append(f"{dg}   {vol}({lr})  ({port}, 0,   {lu}){seq}   {ldev}.{rest}")
    return out


def s28_pasted_pairdisplay_fcx():
    b = Bundle("pasted-pairdisplay-fcx-both-smpl")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(2, 0, 0), T(3, 12, 0), [("oracle_pkg", "DATA", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(2, 6, 0, 0))
    # array 35663 was replaced after a controller failure; nobody recreated the pairs
    b.sys("nodeB1", T(2, 16, 40, 0), "logger", "root: array 35663 replaced after a controller failure, volumes restored from the vendor's copy (CHG0042610)")
    b.sys("nodeA1", T(3, 8, 0, 0), "CM-CMD[7410]", "cmrunpkg -v -n nodeA1 oracle_pkg")
    b.sys("nodeA1", T(3, 8, 0, 0), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", T(3, 8, 0, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    t = T(3, 8, 0, 1)
    # the site's wrapper pastes Raid Manager's own output under a step line: the only pair evidence of this bundle
    rows = [("oradg_d1", "L", "CL1-C-0", 3, 35422, "1cf", "SMPL ---- ------,----- ----  -"),
            ("oradg_d1", "R", "CL1-F-0", 3, 35663, "3", "SMPL ---- ------,----- ----  -"),
            ("oradg_d2", "L", "CL1-C-0", 4, 35422, "1d0", "SMPL ---- ------,----- ----  -"),
            ("oradg_d2", "R", "CL1-F-0", 4, 35663, "4", "SMPL ---- ------,----- ----  -")]
    lines = [banner(t, "nodeA1", "Starting package"),
             step(sec(t, 1), "nodeA1", "This package is configured with remote data replication."),
             step(sec(t, 3), "nodeA1", "pairdisplay -g oradg -fcx")] + fcx_rows("oradg", rows) + [
             step(sec(t, 9), "nodeA1", "Metrocluster will not start the package on this node (exit 1)."),
             banner(sec(t, 10), "nodeA1", "Package start failed")]
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(3, 8, 0, 12), "cmcld[2048]", "Package oracle_pkg run script exited with NO_RESTART.")
    b.sys("nodeA1", T(3, 8, 0, 12), "cmcld[2048]", "Examine the file /etc/cmcluster/oracle_pkg/oracle_pkg.log for more details.")
    b.sys("nodeA1", T(3, 8, 0, 12), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeA1.")
    b.write()
    b.expected([finding_of("recreate-pairs-both-smpl", "recreate-pairs", "critical", "open", "oracle_pkg", "oradg")], ["full-resync", "swap-resync", "force-or-resync", "automated"],
               "Array 35663 was replaced after a controller failure and the oradg pairs were never recreated. When the operator starts oracle_pkg on nodeA1 the only pair evidence is the pairdisplay -g oradg -fcx output the start script pastes into the package log: every volume is SMPL on both sides (hex LDEV#, dashed SMPL rows), and Metrocluster refuses (exit 1). Decide which array holds the current data (here site A's 35422, the surviving primary), recreate the pairs from it with paircreate -g oradg -f data -vl -c 15, wait for PAIR, then start the package.")


def s29_states_in_words():
    b = Bundle("states-in-words-svolpsue")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(4, 0, 0), T(4, 20, 0), [("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(4, 4, 0, 0))
    # this site's scripts say the pair states in words, never as PVOL_/SVOL_ tokens
    ok = [(1, "This package is configured with remote data replication."),
          (2, "Fence level for device group sapdg is NEVER."),
          (4, "sapdg: the local primary volume is synchronized (paired); the remote secondary volume is synchronized (paired).")]
    sg_start(b, "nodeA1", T(4, 4, 2, 0), "sap_pkg", command=False)
    lines, done = start_body(T(4, 4, 2, 1), "nodeA1", "sap_pkg", ok)
    b.pkg("nodeA1", "sap_pkg", lines)
    sg_started(b, "nodeA1", sec(done, 1), "sap_pkg")
    b.sys("nodeA1", T(4, 8, 50, 0), "logger", "root: sapdg split for the backup run; the local primary volume is pair suspended-split (split by the user)")
    b.sys("nodeB1", T(4, 9, 14, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link failure: all remote copy paths from array 35422 are down")
    b.sys("nodeB1", T(4, 9, 14, 5), "logger", "mcstat: sapdg: the local secondary volume is pair suspended-error")
    sg_halt(b, "nodeA1", T(4, 10, 0, 0), "sap_pkg", done=T(4, 10, 0, 12))
    lines, _ = halt_body(T(4, 10, 0, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines)
    b.sys("nodeB1", T(4, 10, 1, 0), "CM-CMD[7301]", "cmrunpkg -v -n nodeB1 sap_pkg")
    b.sys("nodeB1", T(4, 10, 1, 0), "cmcld[2048]", "Request from node nodeB1 to start package sap_pkg on node nodeB1.")
    b.sys("nodeB1", T(4, 10, 1, 0), "cmcld[2048]", "Executing '/etc/cmcluster/sap_pkg/sap_pkg.cntl start' for package sap_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is NEVER."),
        (6, "sapdg: the local secondary volume is pair suspended-error; the remote primary volume is pair suspended-split (split by the user)."),
        (7, "AUTO_SVOLPSUE is 0: the package will not be started. Fix the link and resynchronize, or create the FORCEFLAG file."),
        (7, "Metrocluster will not start the package on this node (exit 2)."),
    ]
    done = pkg_fail(b, "nodeB1", T(4, 10, 1, 1), "sap_pkg", mc, exit_status="RESTART")
    b.sys("nodeB1", sec(done, 1), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeB1.")
    b.write()
    b.expected([finding_of("start-refused-svolpsue", "force-or-resync", "critical", "open", "sap_pkg", "sapdg")], ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "This site's scripts write the pair states in words (synchronized, pair suspended-split, pair suspended-error), never as PVOL_/SVOL_ tokens. sapdg is split for a backup when the CA links fail and the secondary goes pair suspended-error; the operator moves sap_pkg to nodeB1 and, with the local S-VOL suspended by error, the remote P-VOL split and AUTO_SVOLPSUE=0, Metrocluster refuses (exit 2). Fix the links and resynchronize from the P-VOL side, or accept non-current data with FORCEFLAG, then cmmodpkg -e -n nodeB1 sap_pkg.")


def s30_pairvolchk_output():
    b = Bundle("pairvolchk-output-svolpsus")
    nodes = SITE_A + SITE_B
    for node in nodes:
        pkg_config(b, node, "oracle_pkg", nodes)
        env_file(b, node, "oracle_pkg", "NEVER")
    for node in SITE_A:
        b.noise(node, T(5, 20, 0), T(6, 2, 35, 0), "day")
    for node in SITE_B:
        b.noise(node, T(5, 20, 0), T(6, 9, 0), "day")
    cluster_up(b, nodes, T(5, 20, 0, 0))
    morning_start(b, "nodeA1", T(5, 20, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(6, 1, 0, 0), "logger", "root: backup run: pairsplit -g oradg (resync planned at 05:00)")
    reformed = site_a_power_loss(b, T(6, 2, 35, 12))
    b.sys("nodeB1", reformed, "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", reformed, "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    t = sec(reformed, 1)
    # pairvolchk's own output and CCI's own error line, pasted bare under the command lines that ran them
    lines = [banner(t, "nodeB1", "Starting package"),
             step(sec(t, 1), "nodeB1", "This package is configured with remote data replication."),
             step(sec(t, 2), "nodeB1", "pairvolchk -g oradg -ss"),
             "pairvolchk : Volstat is S-VOL.[status = SSUS fence = NEVER]",
             step(sec(t, 3), "nodeB1", "pairvolchk -g oradg -c -ss"),
             "pairvolchk: [EX_ENORMT] No remote host alive for remote commands, or Remote Raid Manager might be blocked (sleeping) on an existing I/O.",
             "Refer to the command log(/HORCM/log0/horcc_nodeB1.log) for details.",
             step(sec(t, 15), "nodeB1", "AUTO_SVOLPSUS is 0: Metrocluster will not start the package on this node (exit 2)."),
             banner(sec(t, 16), "nodeB1", "Package start failed")]
    b.pkg("nodeB1", "oracle_pkg", lines)
    b.sys("nodeB1", sec(t, 17), "cmcld[2048]", "Package oracle_pkg run script exited with RESTART.")
    b.sys("nodeB1", sec(t, 17), "cmcld[2048]", "Switching disabled for package oracle_pkg on node nodeB1.")
    b.write()
    b.expected([finding_of("start-refused-svolpsus", "force-or-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "The nightly backup splits oradg at 01:00; at 02:35 site A loses power and oracle_pkg fails over to nodeB1. The start script runs pairvolchk and pastes Raid Manager's own output: the local S-VOL is SSUS (pairdisplay's and pairvolchk's name for SVOL_PSUS) and pairvolchk -c answers [EX_ENORMT] No remote host alive. With AUTO_SVOLPSUS=0 Metrocluster refuses (exit 2). The split came from PAIR (the backup), so the S-VOL is consistent as of 01:00: wait for site A, or accept losing the writes since 01:00 with FORCEFLAG and cmmodpkg -e -n nodeB1 oracle_pkg.")


def s31_monitor_fd_keyvalue():
    b = Bundle("monitor-fd-keyvalue-resync")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(28, 0, 0), T(29, 14, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(28, 5, 40, 0))
    # a monitoring wrapper logs key=value lines; the start script's own states are words
    ok = [(1, "This package is configured with remote data replication."),
          (2, "Fence level for device group oradg is NEVER."),
          (4, "oradg: the local primary volume is synchronized (paired)")]
    sg_start(b, "nodeA1", T(28, 5, 42, 10), "oracle_pkg", command=False)
    lines, done = start_body(T(28, 5, 42, 11), "nodeA1", "oracle_pkg", ok)
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_started(b, "nodeA1", sec(done, 1), "oracle_pkg")
    link_failure_lines(b, "nodeA1", T(28, 14, 17, 33), "oradg", "oracle_pkg")
    b.sys("nodeA1", T(28, 14, 18, 52), "cmcld[2048]", "Service ora_mon terminated due to an exit(1).")
    b.sys("nodeA1", T(28, 14, 18, 52), "cmcld[2048]", "Halting package oracle_pkg on node nodeA1 because service ora_mon failed.")
    b.sys("nodeA1", T(28, 14, 18, 52), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl stop' for package oracle_pkg.")
    lines, _ = halt_body(T(28, 14, 18, 53), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(28, 14, 19, 5), "cmcld[2048]", "Halted package oracle_pkg on node nodeA1.")
    b.sys("nodeA2", T(28, 14, 19, 6), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA2.")
    b.sys("nodeA2", T(28, 14, 19, 6), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [(1, "This package is configured with remote data replication."),
          (2, "Fence level for device group oradg is NEVER."),
          (6, "oradg: the local primary volume is pair suspended-error, the remote secondary volume is pair suspended-error."),
          (8, "Starting the package on the PVOL side; device group oradg is not remotely protected.")]
    lines, done = start_body(T(28, 14, 19, 7), "nodeA2", "oracle_pkg", mc)
    b.pkg("nodeA2", "oracle_pkg", lines)
    sg_started(b, "nodeA2", sec(done, 1), "oracle_pkg")
    b.sys("nodeA2", T(28, 14, 30, 0), "mcmon[3310]", "dg=oradg local_state=PVOL_PSUE remote_state=SVOL_PSUE fence=never")
    # next morning: links repaired, the operator resynchronises through sudo and the wrapper waits for PAIR
    b.sys("nodeA2", T(29, 9, 12, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/xp/35422\"  Continuous Access link restored: remote copy paths to array 35663 are up")
    b.sys("nodeA2", T(29, 10, 5, 0), "sudo", "   oper1 : TTY=pts/3 ; PWD=/home/oper1 ; USER=root ; COMMAND=/HORCM/usr/bin/pairresync -g oradg -c 15")
    b.sys("nodeA2", T(29, 10, 5, 10), "mcwrap[3412]", "pairevtwait -g oradg -s pair -t 7200")
    b.sys("nodeA2", T(29, 11, 31, 40), "mcwrap[3412]", "pairevtwait : Wait status done.")
    b.sys("nodeA2", T(29, 11, 31, 45), "mcwrap[3412]", "pairdisplay -g oradg -fd -CLI")
    b.sys("nodeA2", T(29, 11, 31, 45), "mcwrap[3412]", "Group PairVol L/R Device_File Seq# LDEV# P/S Status Fence % P-LDEV# M")
    b.sys("nodeA2", T(29, 11, 31, 45), "mcwrap[3412]", "oradg oradg_d1 L disk48 35422 463 P-VOL PAIR NEVER 100 3 -")
    b.sys("nodeA2", T(29, 11, 31, 45), "mcwrap[3412]", "oradg oradg_d1 R disk52 35663 3 S-VOL PAIR NEVER 100 463 -")
    b.sys("nodeA2", T(29, 11, 31, 46), "mcmon[3310]", "dg=oradg local_state=PVOL_PAIR remote_state=SVOL_PAIR")
    b.write()
    b.expected([finding("full-resync", "critical", "resolved", "oracle_pkg", "oradg")], ["swap-resync", "recreate-pairs", "force-or-resync"],
               "All Continuous Access links fail (fence NEVER) and oracle_pkg restarts on nodeA2 with both sides suspended by error. The site's scripts speak in words and key=value lines (dg=oradg local_state=PVOL_PSUE remote_state=SVOL_PSUE). The next morning the operator runs pairresync through sudo, the wrapper waits with pairevtwait (Wait status done) and logs pairdisplay -fd -CLI with both sides PAIR: the full-resync finding is resolved.")


def s32_operator_sudo_horcm():
    b = Bundle("operator-sudo-horcm-edit")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(29, 0, 0), T(29, 23, 0), [("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(29, 5, 0, 0))
    morning_start(b, "nodeA1", T(29, 5, 1, 0), "sap_pkg", "sapdg")
    # the operator edits horcm0.conf on nodeA1 and nodeA2 through sudo; he restarts the instance of nodeA2 from
    # nodeA1 over ssh, so the restart belongs to nodeA2: nodeA1 still runs the old configuration
    sudo = lambda node, when, user, command: b.sys(node, when, "sudo", f"   {user} : TTY=pts/2 ; PWD=/etc ; USER=root ; COMMAND={command}")
    sudo("nodeA1", T(29, 14, 0, 0), "oper1", "/usr/bin/vi /etc/horcm0.conf")
    sudo("nodeA2", T(29, 14, 6, 0), "oper1", "/usr/bin/vi /etc/horcm0.conf")
    sudo("nodeA1", T(29, 14, 9, 0), "oper1", "/usr/bin/ssh nodeA2 /HORCM/usr/bin/horcmshutdown.sh 0")
    sudo("nodeA1", T(29, 14, 9, 20), "oper1", "/usr/bin/ssh nodeA2 /HORCM/usr/bin/horcmstart.sh 0")
    b.sys("nodeA2", T(29, 14, 9, 21), "horcmd_00[2811]", "HORCM inst 0 starts successfully.")
    b.write()
    b.expected([finding_of("horcm-config-changed-not-restarted", "restart-raid-manager", "warning", "open")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync"],
               "sudo logs the operator's commands: /etc/horcm0.conf edited with vi on nodeA1 and on nodeA2, then horcmshutdown.sh 0 and horcmstart.sh 0 run from nodeA1 through ssh on nodeA2. The restart belongs to nodeA2, so nodeA1's instance 0 still runs the old configuration: restart it there (horcmshutdown.sh 0; horcmstart.sh 0 on nodeA1) before sap_pkg moves.")


def s33_async_sidefile_filling():
    b = Bundle("async-sidefile-filling")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(30, 0, 0), T(30, 9, 0), [("sap_pkg", "ASYNC", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(30, 0, 10, 0))
    morning_start(b, "nodeA1", T(30, 0, 12, 0), "sap_pkg", "sapdg", fence="ASYNC")
    # the nightly batch writes faster than the CA links carry: pairmon logs pairdisplay -fc -CLI every half hour
    for when, pct, state in ((T(30, 1, 0, 0), 18, "PAIR"), (T(30, 1, 30, 0), 47, "PAIR"), (T(30, 2, 0, 0), 66, "PAIR"), (T(30, 2, 30, 0), 84, "PFUL")):
        b.sys("nodeA1", when, "pairmon[4100]", f"sapdg sapdg_d1 L CL1-C 0 3 35422 463 P-VOL {state} ASYNC {pct} 3 -")
        b.sys("nodeA1", when, "pairmon[4100]", f"sapdg sapdg_d1 R CL1-F 0 3 35663 3 S-VOL {state} ASYNC 0 463 -")
    b.sys("nodeA1", T(30, 2, 31, 0), "jnlmon[3120]", "002 1 2 PJNF 4 88 3459fd43 52000 512345 62500 3 270")
    # by morning the batch is over and the side file drains
    b.sys("nodeA1", T(30, 7, 0, 0), "pairmon[4100]", "sapdg sapdg_d1 L CL1-C 0 3 35422 463 P-VOL PAIR ASYNC 9 3 -")
    b.write()
    b.expected([finding_of("async-sidefile-filling", "check-async-capacity", "warning", "resolved", "sap_pkg", "sapdg"),
                finding_of("async-sidefile-filling", "check-async-capacity", "warning", "open")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync"],
               "sap_pkg replicates ASYNC. During the nightly batch the side file of sapdg fills faster than the CA links drain it: pairdisplay -fc -CLI (logged by pairmon) shows 18%, 47%, 66%, then PFUL at 84%, and raidvchkscan -v jnl shows journal group 2 PJNF at 88%. Nothing is suspended yet: an early warning to check the links (pairdisplay -fe, AP) and the side-file and journal sizing before the pairs suspend to PFUS. The side file drains after the batch (9%), which resolves the device group's finding; the journal's stays open until raidvchkscan shows it below 30%.")
# ---- scenarios added for the safety pass of the catalog (issue 17) ----------------------------------


def s34_continental_failback():
    """Continentalclusters: the day after continental-alarm, cmrecovercl started the recovery package on the
    recovery cluster (SVOL takeover, SSWS); the primary site is back and its array answers again."""
    b = Bundle("continental-recovery-failback")
    recovery = ["nodeC1", "nodeC2"]
    for node in recovery:
        b.noise(node, T(7, 0, 0), T(8, 12, 0), "day")
        pkg_config(b, node, "ora_bkpkg", recovery)
        env_file(b, node, "ora_bkpkg", "NEVER", {"AUTO_SVOLPSUE": 1}, cluster_type="continental", dg="oradg")
    cluster_up(b, recovery, T(7, 4, 29, 0), pid=2050)
    b.sys("nodeC1", T(7, 4, 30, 0), "cmcld[2050]", "Request from node nodeC1 to start package ccmonpkg on node nodeC1.")
    b.sys("nodeC1", T(7, 4, 30, 6), "cmcld[2050]", "Started package ccmonpkg on node nodeC1.")
    for minutes, kind in ((5, "CLUSTER_ALERT"), (10, "CLUSTER_ALERT"), (15, "CLUSTER_ALARM")):
        b.sys("nodeC1", T(7, 14, 2 + minutes, 7), "cmclsentryd[3021]", f"{kind} primary_cluster/UNREACHABLE {minutes} MINUTES - Cluster {kind[8:]}: primary_cluster not responding.")
    b.sys("nodeC1", T(7, 15, 25, 0), "logger", "root: site A confirmed lost (fire in the computer room), recovery authorised by the DR manager (INC0101877)")
    b.sys("nodeC1", T(7, 15, 30, 40), "CM-CMD[5120]", "cmrecovercl")
    b.sys("nodeC1", T(7, 15, 30, 52), "cmrecovercl[5120]", "Processing the recovery group oragroup on recovery cluster recovery_cluster.")
    b.sys("nodeC1", T(7, 15, 30, 53), "cmrecovercl[5120]", "Starting recovery package ora_bkpkg on recovery cluster recovery_cluster.")
    b.sys("nodeC1", T(7, 15, 30, 58), "cmcld[2050]", "Request from node nodeC1 to start package ora_bkpkg on node nodeC1.")
    b.sys("nodeC1", T(7, 15, 30, 58), "cmcld[2050]", "Executing '/etc/cmcluster/ora_bkpkg/ora_bkpkg.cntl start' for package ora_bkpkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (13, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
        (13, "The local device group oradg is in SVOL_PSUE state; remote state is EX_ENORMT (242)."),
        (14, "AUTO_SVOLPSUE is 1: performing SVOL takeover for device group oradg."),
        (40, "Executing horctakeover -g oradg -S ... horctakeover returned 2 (SVOL-takeover)."),
        (41, "Device group oradg is now SVOL_SSWS."),
        (41, "WARNING: the package starts with non-current data."),
    ]
    lines, done = start_body(T(7, 15, 30, 59), "nodeC1", "ora_bkpkg", mc)
    b.pkg("nodeC1", "ora_bkpkg", lines)
    sg_started(b, "nodeC1", sec(done, 1), "ora_bkpkg", pid=2050)
    b.sys("nodeC1", T(7, 15, 40, 0), "cmclsentryd[3021]", "CLUSTER_ALARM: cluster primary_cluster has been UNREACHABLE for 98 minutes")
    # the next morning site A has power again; the primary array and the CA links answer
    b.sys("nodeC1", T(8, 9, 30, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"INFORMATION (2)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link restored: remote copy paths to array 35422 are up")
    b.sys("nodeC1", T(8, 9, 40, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PSUS(SSWS), remote PVOL_PSUE")
    b.write()
    b.expected([finding_of("swap-resync-after-takeover", "swap-resync", "critical", "open", "ora_bkpkg", "oradg"),
                finding_of("failback-continental", "failback", "info", "open", "ora_bkpkg", "oradg"),
                finding_of("continental-alarm", "recover-continental-cluster", "critical", "resolved", None, None)],
               ["full-resync", "recreate-pairs", "force-or-resync"],
               "Continentalclusters with CA XP: site A (the primary cluster) is lost in a fire; after the CLUSTER_ALARM and the DR manager's go, cmrecovercl starts the recovery package ora_bkpkg on nodeC1 of the recovery cluster, which takes oradg over (SVOL_SSWS). The next morning site A has power and its array answers again (remote PVOL_PSUE). Failing back is not a move of ora_bkpkg inside its cluster: pairresync -swaps from nodeC1 while ora_bkpkg runs, wait for PAIR, halt ora_bkpkg, start the primary cluster (its primary packages must not start by themselves), cmrunpkg the recovery group's primary package on a primary node, and check that ccmonpkg runs on both clusters. Had the primary array come back PSUE for good or SMPL, the pairs would be recreated from nodeC1 and the roles reversed with cmapplyconcl.")



def s78_continental_swap_resync_copying():
    """Continentalclusters, the recovery cluster's logs only (no package file collected): cmrecovercl started the
    recovery package on the S-VOLs it took over; days later the swap resync runs from nodeC1 and is still copying when
    the logs are taken (a script(1) typescript named by the operator)."""
    b = Bundle("continental-swap-resync-copying")
    recovery = ["nodeC1", "nodeC2"]
    for node in recovery:
        b.noise(node, T(7, 0, 0), T(10, 11, 45), "day")
    cluster_up(b, recovery, T(7, 4, 29, 0), pid=2050)
    for minutes, kind in ((5, "CLUSTER_ALERT"), (10, "CLUSTER_ALERT"), (15, "CLUSTER_ALARM")):
        b.sys("nodeC1", T(7, 14, 2 + minutes, 7), "cmclsentryd[3021]", f"{kind} primary_cluster/UNREACHABLE {minutes} MINUTES - Cluster {kind[8:]}: primary_cluster not responding.")
    b.sys("nodeC1", T(7, 15, 30, 40), "CM-CMD[5120]", "cmrecovercl")
    b.sys("nodeC1", T(7, 15, 30, 58), "cmcld[2050]", "Request from node nodeC1 to start package ora_bkpkg on node nodeC1.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (13, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (40, "Executing horctakeover -g oradg -S ... horctakeover returned 2 (SVOL-takeover)."),
        (41, "Device group oradg is now SVOL_SSWS."),
    ]
    lines, done = start_body(T(7, 15, 30, 59), "nodeC1", "ora_bkpkg", mc)
    b.pkg("nodeC1", "ora_bkpkg", lines)
    sg_started(b, "nodeC1", sec(done, 1), "ora_bkpkg", pid=2050)
    b.sys("nodeC1", T(9, 17, 2, 0), "cmclsentryd[3021]", "Cluster primary_cluster status changed from UNREACHABLE to UP")
    b.write()
    header = "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M"
    rows = lambda state, pct: [
        f"oradg   ora_d01(L)   (CL1-E-0, 0,   1)35663   201.P-VOL {state} NEVER ,  {pct:>3}   101 -",
        f"oradg   ora_d01(R)   (CL1-A-0, 0,   1)35422   101.S-VOL {state} NEVER ,  {pct:>3}   201 -",
    ]
    typescript = ["Script started on Tue Nov 10 09:29:40 2026", "nodeC1:/root# pairresync -g oradg -swaps -c 15"]
    for stamp, pct in (("Tue Nov 10 10:12:40 EST 2026", 12), ("Tue Nov 10 11:41:27 EST 2026", 47)):
        typescript += ["nodeC1:/root# date; pairdisplay -g oradg -fc", stamp, header, *rows("COPY", pct)]
    typescript += ["nodeC1:/root# exit", "", "Script done on Tue Nov 10 11:43:02 2026"]
    path = os.path.join(b.dir, "nodeC1", "root", "typescript.oradg-swaps.20261110")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write("".join(line + "\n" for line in typescript))
    b.expected([finding_of("failback-continental-after-swap-resync", "failback", "warning", "open", "ora_bkpkg", "oradg"),
                finding_of("swap-resync-after-takeover", "swap-resync", "critical", "resolved", "ora_bkpkg", "oradg")],
               ["full-resync", "recreate-pairs", "force-or-resync", "restart-at-failover-site"],
               "Continentalclusters, the recovery cluster's logs only: no package configuration was collected. After the CLUSTER_ALARM, cmrecovercl starts ora_bkpkg on nodeC1, which takes oradg over (SVOL_SSWS): ora_bkpkg is a recovery package, known from the recovery that started it. Site A is back two days later; on the third morning the operator runs pairresync -swaps from nodeC1 under script(1), saved as typescript.oradg-swaps.20261110: nodeC1 is the P-VOL, COPY at 12 % and 47 % when the logs end. The swap resync ran and is never run again: wait for PAIR, then halt ora_bkpkg and start the recovery group's primary package on the primary cluster.")


def s35_run_script_timeout_too_short():
    b = Bundle("run-script-timeout-too-short")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(30, 0, 0), T(30, 20, 0), [("sap_pkg", "ASYNC", None, 360, "420")])
    cluster_up(b, nodes, T(30, 5, 0, 0))
    morning_start(b, "nodeA1", T(30, 5, 2, 0), "sap_pkg", "sapdg", "ASYNC")
    b.sys("nodeA1", T(30, 9, 40, 0), "logger", "root: sap_pkg RUN_SCRIPT_TIMEOUT set to 420 s, HORCTIMEOUT stays 360 s, after the audit asked for no unlimited timeouts (CHG0042702)")
    b.sys("nodeA1", T(30, 9, 45, 0), "CM-CMD[6210]", "cmapplyconf -v -P /etc/cmcluster/sap_pkg/sap_pkg.config")
    for node, text in (("nodeA1", "local PVOL_PAIR 12%, remote SVOL_PAIR"), ("nodeB1", "local SVOL_PAIR, remote PVOL_PAIR")):
        b.sys(node, T(30, 14, 0, 0), "logger", f"mcstat: pairdisplay -g sapdg -fc: {text}")
    b.write()
    b.expected([finding_of("run-script-timeout-too-short", "raise-run-script-timeout", "warning", "open", "sap_pkg", "sapdg")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "raise-horctimeout", "fix-package-failure"],
               "Nothing has failed yet: after an audit asked for no unlimited timeouts, sap_pkg's RUN_SCRIPT_TIMEOUT is set to 420 s, above its HORCTIMEOUT of 360 s, so the check against HORCTIMEOUT passes. But the Metrocluster toolkit adds five minutes or more to every start (reading the status of every device), on top of what horctakeover may wait: a failover that drains the journal would be killed half way. Set NO_TIMEOUT, or compute the value: HORCTIMEOUT + 300 s or more + the package's own longest start.")



def s36_pairs_left_split():
    b = Bundle("pairs-left-split")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(13, 0, 0), T(16, 9, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(13, 5, 0, 0))
    morning_start(b, "nodeA1", T(13, 5, 2, 0), "oracle_pkg", "oradg")
    # Friday night: the weekly full backup splits oradg to read the S-VOLs on nodeB2
    b.sys("nodeA1", T(13, 22, 0, 0), "logger", "root: weekly backup: pairsplit -g oradg -r (full backup of the S-VOLs on nodeB2)")
    b.sys("nodeA1", T(13, 22, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSUS")
    b.sys("nodeB2", T(13, 22, 0, 9), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_SSUS, remote PVOL_PSUS")
    # the backup job dies on a tape error before its resync step; nobody notices over the weekend
    b.sys("nodeB2", T(14, 3, 12, 0), "bpbkar[18812]", "ERR - tape drive 2 (IBM.ULT3580-HH6): write error, job 80412 terminated, status 84")
    for day, hh in ((14, 6), (14, 18), (15, 6), (15, 18), (16, 6)):
        b.sys("nodeA1", T(day, hh, 0, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSUS")
    b.write()
    b.expected([finding_of("pairs-left-split", "full-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "automated", "failback"],
               "Friday night the weekly backup splits oradg (PVOL_PSUS / SVOL_SSUS) to read the S-VOLs on nodeB2; the job dies on a tape error before its pairresync step and nobody notices. On Monday morning the pairs are still split: site B's copy is as old as Friday 22:00, a failover there would be refused (S-VOL PSUS, AUTO_SVOLPSUS=0) or, forced, would lose the weekend. Resynchronize from site A (split the S-VOLs' Business Copy first where there is one), wait for PAIR, and fix the backup job so it always resynchronizes.")



def s37_quorum_lost_cluster_halted():
    b = Bundle("quorum-lost-cluster-halted")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(12, 0, 0), T(12, 6, 0), [("oracle_pkg", "DATA", {"AUTO_NONCURDATA": 1}, 360, "NO_TIMEOUT")])
    for node in nodes:
        b.config(node, "", "cluster.ascii", "CLUSTER_NAME\t\tmetro_cl\nQS_HOST\t\t\tqs01\nQS_POLLING_INTERVAL\t300000000\nNODE_NAME\t\tnodeA1\nNODE_NAME\t\tnodeA2\nNODE_NAME\t\tnodeB1\nNODE_NAME\t\tnodeB2\n")
    cluster_up(b, nodes, T(11, 23, 0, 0))
    morning_start(b, "nodeA1", T(11, 23, 2, 0), "oracle_pkg", "oradg", "DATA")
    # 01:10 the third location loses power: the quorum server qs01 stops answering; the cluster runs on
    for node in nodes:
        b.sys(node, T(12, 1, 10, 30), "cmcld[2048]", "Quorum server qs01 is not responding")
    b.sys("nodeA1", T(12, 1, 25, 0), "sendmail[21877]", "wAP012500: to=unix-oncall@example.com, delay=00:00:01, mailer=esmtp, stat=Sent (quorum server qs01 down)")
    # 03:40 site A loses power too: site B has 2 of 4 nodes and no tie-breaker
    for node in SITE_A:
        b.sys(node, T(12, 3, 40, 10), "vmunix", "Power supply 1 AC input lost")
    for node in SITE_B:
        for peer in SITE_A:
            b.sys(node, T(12, 3, 40, 14), "cmcld[2048]", f"Member {peer} seems unhealthy, not receiving heartbeats from it.")
        for peer in SITE_A:
            b.sys(node, T(12, 3, 40, 20), "cmcld[2048]", f"Timed out node {peer}. It may have failed.")
        b.sys(node, T(12, 3, 40, 20), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, T(12, 3, 40, 21), "cmcld[2048]", "Attempting to get quorum server lock /sg/metro_cl. Active members:nodeB1,nodeB2")
        b.sys(node, T(12, 3, 40, 51), "cmcld[2048]", "Attempt to get quorum server lock /sg/metro_cl at 10.50.1.5 failed. Request timed out")
        b.sys(node, T(12, 3, 40, 51), "cmcld[2048]", "Deamon exiting as it lost the quorum.")
        b.boot(node, T(12, 3, 46, 0), cluster_join=False)
    b.sys("nodeB1", T(12, 4, 30, 0), "logger", "root: cluster metro_cl down on both sites, oracle_pkg down, site A status unknown (INC0100233)")
    b.write()
    b.expected([finding_of("quorum-lost-cluster-halted", "restart-cluster-one-site", "critical", "open", None, None)],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync"],
               "At 01:10 the third location loses power and the quorum server qs01 stops answering; the cluster runs on and nobody repairs it. At 03:40 site A loses power too: site B's two nodes have 2 of 4 (50 %) and no tie-breaker, their lock requests time out and both cluster daemons exit (the nodes reset). The cluster is down everywhere, oracle_pkg with it. Before anyone runs cmruncl -n on site B, confirm by another path that site A is really down (a site A that is only cut off could start its own cluster: split brain); better, bring qs01 back first. Then cmruncl -v -n nodeB1 -n nodeB2, and cmrunnode for site A's nodes when they return.")



def s38_continental_monitor_not_running():
    b = Bundle("continental-monitor-not-running")
    recovery = ["nodeC1", "nodeC2"]
    for node in recovery:
        b.noise(node, T(20, 0, 0), T(20, 18, 0), "day")
        pkg_config(b, node, "ora_bkpkg", recovery)
        env_file(b, node, "ora_bkpkg", "NEVER", cluster_type="continental", dg="oradg")
    b.config("nodeC1", "", "cmconcl.config", "CONTINENTAL_CLUSTER_NAME\tcc_metro\nCLUSTER_NAME\t\tprimary_cluster\nCLUSTER_NAME\t\trecovery_cluster\nMONITOR_PACKAGE_NAME\tccmonpkg\nMONITOR_INTERVAL\t60 SECONDS\nRECOVERY_GROUP_NAME\toragroup\nPRIMARY_PACKAGE\t\tprimary_cluster/oracle_pkg\nRECOVERY_PACKAGE\trecovery_cluster/ora_bkpkg\n")
    cluster_up(b, recovery, T(20, 4, 29, 0), pid=2050)
    b.sys("nodeC1", T(20, 4, 30, 0), "cmcld[2050]", "Request from node nodeC1 to start package ccmonpkg on node nodeC1.")
    b.sys("nodeC1", T(20, 4, 30, 6), "cmcld[2050]", "Started package ccmonpkg on node nodeC1.")
    # a new notification address: the monitor is halted to apply the configuration, and not started again
    b.sys("nodeC1", T(20, 10, 0, 0), "logger", "root: adding the DR team's new e-mail address to the CLUSTER_ALERT notifications (CHG0042755)")
    b.sys("nodeC1", T(20, 10, 1, 0), "CM-CMD[4410]", "cmhaltpkg ccmonpkg")
    b.sys("nodeC1", T(20, 10, 1, 0), "cmcld[2050]", "Request from node nodeC1 to halt package ccmonpkg on node nodeC1.")
    b.sys("nodeC1", T(20, 10, 1, 8), "cmcld[2050]", "Halted package ccmonpkg on node nodeC1.")
    b.sys("nodeC1", T(20, 10, 4, 0), "CM-CMD[4421]", "cmcheckconcl -v -C /etc/cmcluster/cmconcl.config")
    b.sys("nodeC1", T(20, 10, 5, 0), "CM-CMD[4433]", "cmapplyconcl -v -C /etc/cmcluster/cmconcl.config")
    b.write()
    b.expected([finding_of("continental-monitor-not-running", "fix-package-failure", "warning", "open", "ccmonpkg", None)],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "recover-continental-cluster"],
               "On the recovery cluster an administrator adds an address to the CLUSTER_ALERT notifications: ccmonpkg is halted (cmcheckconcl and cmapplyconcl need it halted), the configuration is applied, and the monitor package is never started again. For the rest of the day nothing watches the primary cluster: its loss would raise no alert and no alarm, and cmrecovercl would need -f. Start it again on the recovery cluster (cmrunpkg -n nodeC1 ccmonpkg, cmmodpkg -e ccmonpkg) and check cmviewconcl -v.")



# ---- Serviceguard for Linux (Metrocluster with Continuous Access XP P9000 for Linux) ----------------
# The Linux layout: /var/log/messages as rsyslog writes it (RFC 3339 RSYSLOG_FileFormat, or the
# traditional BSD form), or a `journalctl -o short-iso` export saved as text; $SGCONF and $SGRUN under
# /usr/local/cmcluster (Red Hat) or /opt/cmcluster (SUSE), per cmcluster.conf (Managing HP Serviceguard
# for Linux, 6th ed. p.122); modular package logs at $SGRUN/log/<pkg>.log, legacy ones beside the
# control script in $SGCONF/<pkg>/. The modular log lines' shape is the project's assumption
# (reference.md §2.4); the Metrocluster module's script name (xpca.sh) is invented.

def L(day, hh, mm, ss=0, month=3):
    return dt.datetime(2026, month, day, hh, mm, ss)


LINUX_PKGS = {
    "oracle_pkg": {"vg": ["vg01"], "lv": ["/dev/vg01/lvol1", "/dev/vg01/lvol2"], "mnt": ["/oradata", "/oraarch"], "ip": "10.20.5.40", "subnet": "10.20.5.0", "svc": "ora_mon", "dg": "oradg"},
    "sap_pkg": {"vg": ["vg02"], "lv": ["/dev/vg02/lvol1", "/dev/vg02/lvol2"], "mnt": ["/sapmnt/PRD", "/oracle/PRD/sapdata1"], "ip": "10.20.5.50", "subnet": "10.20.5.0", "svc": "sap_mon", "dg": "sapdg"},
}


class LinuxBundle(Bundle):
    """A Serviceguard for Linux bundle: `style` is how each node's syslog is written ('rfc3339', 'bsd' or
    'journal'), `offset` the nodes' UTC offset; package logs are modular under $SGRUN/log unless legacy."""

    def __init__(self, name, sgroot="usr/local/cmcluster", offset="+01:00", styles=None):
        super().__init__(name)
        self.sgroot = sgroot
        self.offset = offset
        self.styles = styles or {}
        self.legacy_logs = {}  # (node, pkg, filename) -> lines of a legacy control-script log
        self.pid = 21000

    def next_pid(self):
        self.pid += 37
        return self.pid

    def style(self, node):
        return self.styles.get(node, "rfc3339")

    def sys(self, node, when, prog, text, file="messages"):
        self.order += 1
        style = self.style(node)
        if style == "bsd":
            stamp = f"{when:%b} {when.day:2d} {when:%H:%M:%S}"
        elif style == "journal":
            stamp = f"{when:%Y-%m-%dT%H:%M:%S}{self.offset.replace(':', '')}"   # short-iso before systemd 255
        else:
            micro = (self.order * 7919) % 1000000
            stamp = f"{when:%Y-%m-%dT%H:%M:%S}.{micro:06d}{self.offset}"
        self.syslogs.setdefault((node, file), []).append((when, self.order, f"{stamp} {node} {prog}: {text}"))

    def noise(self, node, start, end, seed, file="messages", density=1.0):
        rnd = random.Random(f"{self.name}/{node}/{seed}")
        t = start
        while True:
            t += dt.timedelta(seconds=int(rnd.randint(180, 900) / density))
            if t >= end:
                break
            pid = rnd.randint(1200, 29999)
            kind = rnd.random()
            if kind < 0.25:
                admin = rnd.choice(["10.20.9.21", "10.20.9.22", "10.30.9.40"])
                user = rnd.choice(["root", "oracle", "monitor"])
                self.sys(node, t, f"sshd[{pid}]", f"Accepted publickey for {user} from {admin} port {rnd.randint(40000, 65000)} ssh2: RSA SHA256:q3n9ZkR2xV7uYb1mT8cP4sL0aW6eH5dJ2fG9iK3oN1E", file)
                self.sys(node, t, "systemd-logind[1104]", f"New session {rnd.randint(100, 9999)} of user {user}.", file)
                self.sys(node, t + dt.timedelta(seconds=rnd.randint(20, 400)), f"sshd[{pid}]", f"pam_unix(sshd:session): session closed for user {user}", file)
            elif kind < 0.45:
                self.sys(node, t, f"CROND[{pid}]", "(root) CMD (/usr/lib64/sa/sa1 1 1)", file)
            elif kind < 0.60:
                self.sys(node, t, "chronyd[1021]", f"Selected source 10.20.9.{rnd.choice([1, 2])}", file)
            elif kind < 0.72:
                self.sys(node, t, "systemd[1]", rnd.choice(["Starting dnf makecache...", "Started dnf makecache.", "Starting sysstat-collect.service - system activity accounting tool...", "sysstat-collect.service: Deactivated successfully."]), file)
            elif kind < 0.82:
                self.sys(node, t, "kernel", f"[{rnd.randint(10000, 999999)}.{rnd.randint(100000, 999999)}] sd 2:0:0:{rnd.randint(0, 7)}: alua: port group 01 state A non-preferred supports tolUSNA", file)
            elif kind < 0.90:
                self.sys(node, t, f"snmpd[{rnd.choice([1410, 1411])}]", "Connection from UDP: [10.20.9.5]:161->[10.20.1.11]:161", file)
            else:
                self.sys(node, t, "rsyslogd[1002]", "imjournal: journal files changed, reloading...  [v8.2102.0-15.el8 try https://www.rsyslog.com/e/0 ]", file)

    def linux_boot(self, node, when, file="messages"):
        s = lambda off, prog, text: self.sys(node, when + dt.timedelta(seconds=off), prog, text, file)
        s(0, "kernel", "Linux version 4.18.0-513.5.1.el8_9.x86_64 (mockbuild@x86-vm-07.build.eng.bos.redhat.com) #1 SMP")
        s(0, "kernel", "Command line: BOOT_IMAGE=(hd0,gpt2)/vmlinuz-4.18.0-513.5.1.el8_9.x86_64 root=/dev/mapper/rhel-root ro")
        s(4, "systemd[1]", "Started Journal Service.")
        s(9, "rsyslogd[1002]", "[origin software=\"rsyslogd\" swVersion=\"8.2102.0-15.el8\" x-pid=\"1002\" x-info=\"https://www.rsyslog.com\"] start")
        s(20, "systemd[1]", "Started Serviceguard cluster daemon configuration service (cmclconfd).")
        s(21, "cmclconfd[1302]", "Daemon Initialization - Maximum number of packages supported for this incarnation is 300.")

    # ---- package logs and configuration ----------------------------------------------------------
    def modular(self, node, pkg, lines):
        """Lines of the modular package log $SGRUN/log/<pkg>.log."""
        self.pkglogs.setdefault((node, pkg, f"{pkg}.log"), []).extend(lines)

    def legacy(self, node, pkg, lines, file=None):
        """Lines of a legacy control-script log $SGCONF/<pkg>/<pkg>.cntl.log."""
        self.legacy_logs.setdefault((node, pkg, file or f"{pkg}.cntl.log"), []).extend(lines)

    def config(self, node, pkg, name, text):
        text = text.replace("/etc/cmcluster/", f"/{self.sgroot}/conf/")
        path = os.path.join(self.dir, node, self.sgroot, "conf", pkg, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(text)

    def write(self, gzip_files=(), rotate=None):
        """`rotate`: {node: day} moves the node's messages before that day to messages-YYYYMMDD (logrotate dateext)."""
        for node, boundary in (rotate or {}).items():
            entries = self.syslogs.pop((node, "messages"))
            self.syslogs[(node, f"messages-{boundary:%Y%m%d}")] = [e for e in entries if e[0] < boundary]
            self.syslogs[(node, "messages")] = [e for e in entries if e[0] >= boundary]
        for (node, file), entries in self.syslogs.items():
            entries.sort(key=lambda entry: (entry[0], entry[1]))
            path = os.path.join(self.dir, node, "var/log", file)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            lines = [line for _, _, line in entries]
            if self.style(node) == "journal":
                first, last = entries[0][0], entries[-1][0]
                lines = [f"-- Logs begin at {first:%a %Y-%m-%d %H:%M:%S} CET, end at {last:%a %Y-%m-%d %H:%M:%S} CET. --"] + lines
            text = "".join(line + "\n" for line in lines)
            if (node, file) in gzip_files:
                with open(path + ".gz", "wb") as raw:
                    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as packed:
                        packed.write(text.encode())
            else:
                with open(path, "w") as handle:
                    handle.write(text)
        for (node, pkg, file), lines in self.pkglogs.items():
            path = os.path.join(self.dir, node, self.sgroot, "run/log", file)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as handle:
                handle.write("".join(line + "\n" for line in lines))
        for (node, pkg, file), lines in self.legacy_logs.items():
            path = os.path.join(self.dir, node, self.sgroot, "conf", pkg, file)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as handle:
                handle.write("".join(line + "\n" for line in lines))


def mod_line(b, when, node, script, text, pid=None):
    """A modular package-log line: `Mmm dd hh:mm:ss root@node script[pid]: text`."""
    return f"{when:%b} {when.day:2d} {when:%H:%M:%S} root@{node} {script}[{pid or b.next_pid()}]: {text}"


def linux_pkg_config(b, node, pkg, nodes, run_timeout="no_timeout"):
    """A modular package configuration file ($SGCONF/<pkg>/<pkg>.conf, cmmakepkg's lower-case names)."""
    info = LINUX_PKGS[pkg]
    lines = [
        "# *********************************************************************",
        "# ****** HIGH AVAILABILITY PACKAGE CONFIGURATION FILE (template) ******",
        "# *********************************************************************",
        f"package_name\t\t\t{pkg}",
        "package_type\t\t\tfailover",
    ]
    lines += [f"node_name\t\t\t{n}" for n in nodes]
    lines += [
        "auto_run\t\t\tyes",
        "node_fail_fast_enabled\t\tno",
        f"run_script_timeout\t\t{run_timeout}",
        "halt_script_timeout\t\tno_timeout",
        f"script_log_file\t\t\t$SGRUN/log/{pkg}.log",
        "log_level\t\t\t0",
        "failover_policy\t\t\tconfigured_node",
        "failback_policy\t\t\tmanual",
        f"service_name\t\t\t{info['svc']}",
        f"service_cmd\t\t\t\"$SGCONF/{pkg}/{info['svc']}.sh monitor\"",
        f"ip_subnet\t\t\t{info['subnet']}",
        f"ip_address\t\t\t{info['ip']}",
    ]
    lines += [f"vg\t\t\t\t{vg}" for vg in info["vg"]]
    b.config(node, pkg, f"{pkg}.conf", "\n".join(lines) + "\n")


def linux_sg_start(b, node, when, pkg, pid=3021):
    b.sys(node, when, f"cmcld[{pid}]", f"Request from node {node} to start package {pkg} on node {node}.")
    b.sys(node, when, f"cmcld[{pid}]", f"Executing '/{b.sgroot}/conf/scripts/sg/master_control_script.sh start' for package {pkg}.")


def linux_start_body(b, when, node, pkg, mc_lines=()):
    """A modular start: master control script banner, the Metrocluster module's lines, then VG, mounts, IP, service."""
    info = LINUX_PKGS[pkg]
    master = b.next_pid()
    out = [mod_line(b, when, node, "master_control_script.sh", f"###### Starting package {pkg} ######", master)]
    t = when
    mc = b.next_pid()
    for offset, text in mc_lines:
        t = sec(when, offset)
        out.append(mod_line(b, t, node, "xpca.sh", text, mc))
    vgpid = b.next_pid()
    for vg in info["vg"]:
        t = sec(t, 1)
        out.append(mod_line(b, t, node, "volume_group.sh", f"Activating volume group {vg} with exclusive option.", vgpid))
    fspid = b.next_pid()
    t = sec(t, 1)
    out.append(mod_line(b, t, node, "filesystem.sh", "Checking filesystems:", fspid))
    for lv, mnt in zip(info["lv"], info["mnt"]):
        t = sec(t, 2)
        out.append(mod_line(b, t, node, "filesystem.sh", f"Mounting {lv} at {mnt}", fspid))
    t = sec(t, 1)
    out.append(mod_line(b, t, node, "package_ip.sh", f"Adding IP address {info['ip']} to subnet {info['subnet']}"))
    t = sec(t, 2)
    out.append(mod_line(b, t, node, "service.sh", f"Starting service {info['svc']} using \"/{b.sgroot}/conf/{pkg}/{info['svc']}.sh monitor\""))
    t = sec(t, 1)
    out.append(mod_line(b, t, node, "master_control_script.sh", f"###### Package {pkg} started successfully ######", master))
    return out, t


def linux_halt_body(b, when, node, pkg):
    info = LINUX_PKGS[pkg]
    master = b.next_pid()
    out = [mod_line(b, when, node, "master_control_script.sh", f"###### Halting package {pkg} ######", master)]
    t = sec(when, 1)
    out.append(mod_line(b, t, node, "service.sh", f"Halting service {info['svc']}"))
    t = sec(t, 2)
    out.append(mod_line(b, t, node, "package_ip.sh", f"Remove IP address {info['ip']} from subnet {info['subnet']}"))
    fspid = b.next_pid()
    for lv in reversed(info["lv"]):
        t = sec(t, 1)
        out.append(mod_line(b, t, node, "filesystem.sh", f"Unmounting filesystem on {lv}", fspid))
    for vg in info["vg"]:
        t = sec(t, 1)
        out.append(mod_line(b, t, node, "volume_group.sh", f"Deactivating volume group {vg}"))
    t = sec(t, 1)
    out.append(mod_line(b, t, node, "master_control_script.sh", f"###### Package {pkg} halted successfully ######", master))
    return out, t


def linux_cluster_up(b, nodes, when, pid=3021):
    for node in nodes:
        b.sys(node, when, f"cmcld[{pid}]", "Starting cluster management protocols.")
        b.sys(node, sec(when, 1), f"cmcld[{pid}]", "Attempting to form a new cluster")
        b.sys(node, sec(when, 6), f"cmcld[{pid}]", f"{len(nodes)} nodes have formed a new cluster")
        b.sys(node, sec(when, 6), f"cmcld[{pid}]", "The new active cluster membership is: " + ", ".join(f"{n}(id={i + 1})" for i, n in enumerate(nodes)))


def linux_morning_start(b, node, when, pkg, dg, fence="NEVER", pid=3021):
    linux_sg_start(b, node, when, pkg, pid)
    lines, done = linux_start_body(b, sec(when, 1), node, pkg, MC_OK(dg, fence))
    b.modular(node, pkg, lines)
    b.sys(node, sec(done, 1), f"cmcld[{pid}]", f"Started package {pkg} on node {node}.")
    return done


def linux_base(b, nodes, start, end, pkgs, fence="NEVER", auto=None):
    for node in nodes:
        b.noise(node, start, end, "day")
        for pkg in pkgs:
            linux_pkg_config(b, node, pkg, nodes)
            env_file(b, node, pkg, fence, auto)


def s39_linux_site_failover():
    b = LinuxBundle("linux-site-failover-svol-takeover")
    nodes = SITE_A + SITE_B
    linux_base(b, SITE_B, L(2, 0, 0), L(3, 15, 0), ["oracle_pkg"], "DATA", {"AUTO_FENCEDATA_SPLIT": 0, "AUTO_NONCURDATA": 1})
    for node in SITE_A:
        b.noise(node, L(2, 0, 0), L(2, 3, 12, 40), "before")
        linux_pkg_config(b, node, "oracle_pkg", nodes)
        env_file(b, node, "oracle_pkg", "DATA", {"AUTO_FENCEDATA_SPLIT": 0, "AUTO_NONCURDATA": 1})
    linux_cluster_up(b, nodes, L(1, 22, 0, 0))
    linux_morning_start(b, "nodeA1", L(1, 22, 2, 0), "oracle_pkg", "oradg", "DATA")
    b.sys("nodeA1", L(2, 3, 12, 38), "kernel", "ACPI: AC adapter [ACAD] offline; power supply 1 input lost")
    # site A loses power at 03:12:40; site B re-forms and Metrocluster takes over the S-VOLs
    for node in SITE_B:
        for peer in SITE_A:
            b.sys(node, L(2, 3, 12, 48), "cmcld[3021]", f"Member {peer} seems unhealthy, not receiving heartbeats from it.")
        for peer in SITE_A:
            b.sys(node, L(2, 3, 12, 54), "cmcld[3021]", f"Timed out node {peer}. It may have failed.")
        b.sys(node, L(2, 3, 12, 54), "cmcld[3021]", "Attempting to form a new cluster")
        b.sys(node, L(2, 3, 12, 58), "cmcld[3021]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, L(2, 3, 12, 59), "cmcld[3021]", "2 nodes have re-formed the cluster")
        b.sys(node, L(2, 3, 12, 59), "cmcld[3021]", "The new active cluster membership is: nodeB1(id=3), nodeB2(id=4)")
    linux_sg_start(b, "nodeB1", L(2, 3, 13, 0), "oracle_pkg")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is DATA."),
        (14, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
        (15, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (15, "AUTO_NONCURDATA is 1: performing SVOL takeover for device group oradg."),
        (22, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (23, "Device group oradg is now SVOL_SSWS."),
        (23, "WARNING: the package starts with non-current data."),
    ]
    lines, done = linux_start_body(b, L(2, 3, 13, 1), "nodeB1", "oracle_pkg", mc)
    b.modular("nodeB1", "oracle_pkg", lines)
    b.sys("nodeB1", sec(done, 1), "cmcld[3021]", "Started package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", L(2, 3, 14, 30), "kernel", "sd 2:0:0:1: [sdc] tag#12 FAILED Result: hostbyte=DID_TRANSPORT_FAILFAST driverbyte=DRIVER_OK")
    b.sys("nodeB1", L(2, 9, 0, 0), "root[8812]", "oracle_pkg running at site B since 03:13, site A without power (ticket INC0101944)")
    # site A returns on the 3rd: the nodes boot, HORCM starts, they rejoin; nobody swap-resyncs
    for node, boot in (("nodeA1", L(3, 8, 55, 0)), ("nodeA2", L(3, 8, 55, 20))):
        b.linux_boot(node, boot)
        b.noise(node, L(3, 8, 57, 0), L(3, 15, 0), "after")
        b.sys(node, L(3, 9, 10, 0), "horcmd_00[2201]", "horcmstart.sh 0: HORCM instance 0 started")
    b.sys("nodeA1", L(3, 9, 20, 0), "root[9120]", "cmrunnode -v nodeA1 nodeA2")
    for node in nodes:
        b.sys(node, L(3, 9, 20, 8), "cmcld[3021]", "4 nodes have re-formed the cluster")
        b.sys(node, L(3, 9, 20, 8), "cmcld[3021]", "The new active cluster membership is: nodeA1(id=1), nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeB1", L(3, 11, 45, 0), "root[9311]", "mcstat: pairdisplay -g oradg -fc: local PSUS(SSWS), remote PVOL_PSUS")
    b.sys("nodeA1", L(3, 11, 46, 0), "root[9404]", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSWS")
    b.write(gzip_files={("nodeA1", "messages-20260303")}, rotate={"nodeA1": L(3, 0, 0), "nodeA2": L(3, 0, 0)})
    b.expected([finding_of("swap-resync-after-takeover", "swap-resync", "critical", "open", "oracle_pkg", "oradg"), finding("failback", "info", "open", "oracle_pkg", "oradg")],
               ["full-resync", "recreate-pairs", "force-or-resync"],
               "The site failover of site-failover-svol-takeover on Serviceguard for Linux (Red Hat layout): /var/log/messages in rsyslog's RFC 3339 form (+01:00), modular package logs in /usr/local/cmcluster/run/log. Site A loses power; site B re-forms the cluster and Metrocluster performs an SVOL takeover (horctakeover -S, result 2), so oracle_pkg runs on nodeB1 on SVOL_SSWS data. Site A is back the next day (its messages rotated to messages-20260303.gz on nodeA1) but nobody has run pairresync -swaps from site B, which must come before failing back.")


def s40_linux_journal_link_failure():
    b = LinuxBundle("linux-journal-link-failure", sgroot="opt/cmcluster", styles={"nodeA1": "journal", "nodeA2": "bsd", "nodeB1": "bsd", "nodeB2": "bsd"})
    nodes = SITE_A + SITE_B
    for node in nodes:
        b.noise(node, L(11, 0, 0), L(12, 16, 0), "day")
        pkg_config(b, node, "oracle_pkg", nodes)
        env_file(b, node, "oracle_pkg", "NEVER")
    linux_cluster_up(b, nodes, L(11, 5, 40, 0))
    # a legacy package on SUSE: the control script's log sits beside it in $SGCONF/<pkg>/
    linux_sg_start(b, "nodeA1", L(11, 5, 42, 10), "oracle_pkg")
    lines, done = start_body(L(11, 5, 42, 11), "nodeA1", "oracle_pkg", MC_OK("oradg"))
    b.legacy("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", sec(done, 1), "cmcld[3021]", "Started package oracle_pkg on node nodeA1.")
    # 14:17 every CA link fails (fence NEVER): I/O hangs, the service fails, the package restarts on nodeA2
    b.sys("nodeA1", L(11, 14, 17, 33), "kernel", "sd 3:0:0:1: [sdd] tag#7 FAILED Result: hostbyte=DID_TRANSPORT_FAILFAST driverbyte=DRIVER_OK")
    b.sys("nodeA1", L(11, 14, 17, 34), "multipathd[911]", "mpatha: remaining active paths: 0")
    b.sys("nodeA1", L(11, 14, 18, 40), "ora_lgwr_PRD[18820]", "ORA-00345: redo log write error block 40112 count 2")
    b.sys("nodeA1", L(11, 14, 18, 52), "cmcld[3021]", "Service ora_mon terminated due to an exit(1).")
    b.sys("nodeA1", L(11, 14, 18, 52), "cmcld[3021]", "Halting package oracle_pkg on node nodeA1 because service ora_mon failed.")
    lines, _ = halt_body(L(11, 14, 18, 53), "nodeA1", "oracle_pkg")
    b.legacy("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", L(11, 14, 19, 5), "cmcld[3021]", "Halted package oracle_pkg on node nodeA1.")
    b.sys("nodeA2", L(11, 14, 19, 6), "cmcld[3021]", "Request from node nodeA1 to start package oracle_pkg on node nodeA2.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (5, "pairvolchk -g oradg -s returned PVOL_PSUE for the local volumes."),
        (6, "Local state: PVOL_PSUE, remote state: SVOL_PSUE for device group oradg."),
        (7, "The Continuous Access link to array 35663 is down; device group oradg is suspended with an error."),
        (8, "Starting the package on the PVOL side; device group oradg is not remotely protected."),
    ]
    lines, done = start_body(L(11, 14, 19, 7), "nodeA2", "oracle_pkg", mc)
    b.legacy("nodeA2", "oracle_pkg", lines)
    b.sys("nodeA2", sec(done, 1), "cmcld[3021]", "Started package oracle_pkg on node nodeA2.")
    b.sys("nodeB1", L(11, 14, 17, 40), "multipathd[905]", "mpathc: remaining active paths: 0")
    # the links are repaired the next morning; nobody resyncs
    b.sys("nodeA2", L(12, 9, 12, 0), "multipathd[911]", "mpatha: remaining active paths: 4")
    b.sys("nodeA2", L(12, 9, 20, 0), "root[7720]", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUE, remote SVOL_PSUE")
    b.sys("nodeB1", L(12, 9, 20, 4), "root[7731]", "mcstat: pairdisplay -g oradg -fc: local SVOL_PSUE, remote PVOL_PSUE")
    b.write()
    # nodeA1's syslog is the operator's `journalctl -o short-iso > journal-nodeA1.txt`, not /var/log/messages
    os.rename(os.path.join(b.dir, "nodeA1/var/log/messages"), os.path.join(b.dir, "nodeA1/var/log/journal-nodeA1.txt"))
    b.expected([finding_of("full-resync-after-link-failure", "full-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "automated"],
               "The link failure of links-fence-never-primary-restart on Serviceguard for Linux (SUSE layout, legacy packages: $SGCONF is /opt/cmcluster/conf). nodeA1's system log is a `journalctl -o short-iso` export (journal-nodeA1.txt, offsets written +0100), the other nodes' /var/log/messages are rsyslog's traditional format. All CA links fail with FENCE=NEVER, oracle_pkg fails on nodeA1 and restarts on nodeA2 with PVOL_PSUE/SVOL_PSUE; the links come back but nobody runs pairresync: a full resync from the P-VOL side is needed.")


def s41_linux_healthy_day():
    b = LinuxBundle("linux-healthy-day")
    nodes = SITE_A + SITE_B
    linux_base(b, nodes, L(9, 0, 0), L(10, 23, 50), ["oracle_pkg", "sap_pkg"])
    for node in nodes:
        b.noise(node, L(9, 0, 0), L(10, 23, 50), "extra", density=1.5)
    linux_cluster_up(b, nodes, L(9, 6, 0, 12))
    linux_morning_start(b, "nodeA1", L(9, 6, 2, 5), "oracle_pkg", "oradg")
    linux_morning_start(b, "nodeA2", L(9, 6, 2, 7), "sap_pkg", "sapdg")
    # planned move of oracle_pkg to nodeA2 for patching nodeA1, and back in the evening
    for (src, dst, when) in (("nodeA1", "nodeA2", L(9, 13, 0, 0)), ("nodeA2", "nodeA1", L(9, 20, 30, 0))):
        b.sys(src, when, "cmcld[3021]", f"Request from node {src} to halt package oracle_pkg on node {src}.")
        lines, done = linux_halt_body(b, sec(when, 1), src, "oracle_pkg")
        b.modular(src, "oracle_pkg", lines)
        b.sys(src, sec(done, 1), "cmcld[3021]", f"Halted package oracle_pkg on node {src}.")
        linux_sg_start(b, dst, sec(done, 30), "oracle_pkg")
        lines, started = linux_start_body(b, sec(done, 31), dst, "oracle_pkg", MC_OK("oradg"))
        b.modular(dst, "oracle_pkg", lines)
        b.sys(dst, sec(started, 1), "cmcld[3021]", f"Started package oracle_pkg on node {dst}.")
        b.sys(dst, sec(started, 20), "root[5140]", "cmmodpkg -e oracle_pkg")
    # the nightly backup splits sapdg and resynchronizes it the same night
    b.sys("nodeA2", L(9, 22, 0, 0), "root[6120]", "nightly backup: pairsplit -g sapdg -r (backup of the S-VOLs on nodeB2)")
    b.sys("nodeA2", L(9, 22, 0, 6), "root[6121]", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PSUS, remote SVOL_SSUS")
    b.sys("nodeA2", L(10, 0, 20, 0), "root[6300]", "nightly backup done: pairresync -g sapdg -c 15 started")
    b.sys("nodeA2", L(10, 0, 20, 5), "root[6301]", "mcstat: pairdisplay -g sapdg -fc: local PVOL_COPY 61%, remote SVOL_COPY")
    b.sys("nodeA2", L(10, 0, 55, 0), "root[6302]", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
    for day in (9, 10):
        b.sys("nodeA1", L(day, 2, 0, 0), "root[4001]", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
        b.sys("nodeB1", L(day, 2, 0, 3), "root[4002]", "mcstat: pairdisplay -g oradg -fc: local SVOL_PAIR 100%, remote PVOL_PAIR")
        b.sys("nodeA2", L(day, 2, 0, 5), "root[4003]", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
    b.write(gzip_files={("nodeB2", "messages")})
    b.expected([], ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "fix-package-failure", "raise-run-script-timeout", "restart-raid-manager", "raise-member-timeout", "check-pair-consistency", "recover-continental-cluster"],
               "healthy-day on Serviceguard for Linux: rsyslog RFC 3339 messages (+01:00), modular packages (logs in /usr/local/cmcluster/run/log, configuration in /usr/local/cmcluster/conf/<pkg>/<pkg>.conf). oracle_pkg and sap_pkg start at site A, oracle_pkg moves to nodeA2 for patching and back, the nightly backup splits sapdg and resynchronizes it the same night. Nothing needs doing; mcadvisor must raise no warning or critical finding.")

# ---- scenarios added for the field review of the catalog (review defects 1, 4) ----------------------------


def s42_takeover_pairvolchk_form():
    b = Bundle("takeover-pairvolchk-form")
    nodes = SITE_A + SITE_B
    for node in nodes:
        pkg_config(b, node, "oracle_pkg", nodes)
        env_file(b, node, "oracle_pkg", "DATA", {"AUTO_FENCEDATA_SPLIT": 0, "AUTO_NONCURDATA": 1})
    for node in SITE_A:
        b.noise(node, T(16, 0, 0), T(16, 3, 12, 30), "before")
    for node in SITE_B:
        b.noise(node, T(16, 0, 0), T(18, 13, 0), "day")
    cluster_up(b, nodes, T(15, 22, 0, 0))
    morning_start(b, "nodeA1", T(15, 22, 2, 0), "oracle_pkg", "oradg", "DATA")
    reformed = site_a_power_loss(b, T(16, 3, 12, 40))
    b.sys("nodeB1", reformed, "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", reformed, "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    # this Metrocluster release logs the states as pairvolchk prints them: the SSWS S-VOL reads SVOL_PSUS
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is DATA."),
        (14, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
        (15, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (15, "AUTO_NONCURDATA is 1: performing SVOL takeover for device group oradg."),
        (22, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (23, "The local device group oradg is in SVOL_PSUS state."),
        (23, "WARNING: the package starts with non-current data."),
    ]
    lines, done = start_body(sec(reformed, 1), "nodeB1", "oracle_pkg", mc)
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "oracle_pkg")
    # site A returns the next morning and rejoins; a monitoring script logs pairvolchk-style states twice a day
    for i, node in enumerate(SITE_A):
        b.boot(node, T(17, 8, 55, 20 * i))
        b.noise(node, T(17, 8, 57, 0), T(18, 13, 0), "after")
        b.sys(node, T(17, 9, 10, 0), "horcmd_00[2201]", "horcmstart.sh 0: HORCM instance 0 started")
    b.sys("nodeA1", T(17, 9, 20, 0), "CM-CMD[3310]", "cmrunnode -v nodeA1 nodeA2")
    for node in nodes:
        b.sys(node, T(17, 9, 20, 8), "cmcld[2048]", "4 nodes have re-formed the cluster")
        b.sys(node, T(17, 9, 20, 8), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    for day, hh in ((17, 11), (17, 23), (18, 11)):
        b.sys("nodeB1", T(day, hh, 46, 0), "logger", "mcstat: pairvolchk -g oradg -s -c: local SVOL_PSUS, remote PVOL_PSUS")
        b.sys("nodeA1", T(day, hh, 47, 0), "logger", "mcstat: pairvolchk -g oradg -s -c: local PVOL_PSUS, remote SVOL_PSUS")
    for node in SITE_A:
        rotate_syslog(b, node, T(17, 8, 55, 0))
    b.write()
    b.expected([finding_of("swap-resync-after-takeover", "swap-resync", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("failback-after-failover", "failback", "info", "open", "oracle_pkg", "oradg")],
               ["full-resync", "recreate-pairs", "force-or-resync", "restart-at-failover-site"],
               "Site A loses power; site B takes oradg over (horctakeover -S, result 2) and runs oracle_pkg on nodeB1. This Metrocluster release and the site's monitoring script log the states the way pairvolchk prints them: the S-VOL made writable by the takeover reads SVOL_PSUS, never the word SSWS (the manuals' tables write SVOL_PSUS(SSWS)). Two days later nobody has resynchronized. The advice is the swap resync from site B (pairresync -swaps, or -swapp from site A), then the failback; never a plain pairresync from nodeA1, which would copy site A's old data over two days of production and which the array refuses only after an SVOL-SSUS-takeover, not after this SVOL-takeover.")


def s43_jnl_rw_split_refused():
    b = Bundle("jnl-rw-split-refused")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(30, 22, 0), T(30, 23, 59), [("sap_pkg", "ASYNC", {"AUTO_NONCURDATA": 1}, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(30, 22, 5, 0))
    morning_start(b, "nodeA1", T(30, 22, 7, 0), "sap_pkg", "sapdg", "ASYNC")
    # the nightly backup splits the journal group with S-VOL write: the backup host mounts the S-VOLs read/write
    b.sys("nodeA1", T(30, 23, 0, 0), "logger", "root: backup run: pairsplit -g sapdg -rw (S-VOLs mounted on bkhost01, resync planned at 05:00)")
    b.sys("nodeA1", T(30, 23, 5, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PSUS, remote SVOL_SSWS")
    # the SAP monitor fails; Serviceguard restarts sap_pkg on nodeA2, where Metrocluster finds PVOL_PSUS / SSWS
    halted = service_failure_halt(b, "nodeA1", T(30, 23, 40, 0), "sap_pkg", "sap_mon")
    sg_start(b, "nodeA2", sec(halted, 1), "sap_pkg", command=False)
    pkg_fail(b, "nodeA2", sec(halted, 2), "sap_pkg", [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is ASYNC."),
        (8, "Local state: PVOL_PSUS, remote state: SVOL_PSUS(SSWS) for device group sapdg."),
        (9, "AUTO_PSUSSSSWS is 0, so the package will not be started on this node."),
        (9, "Metrocluster will not start the package on this node (exit 1)."),
    ])
    b.write()
    b.expected([finding_of("start-refused-psussssws", "force-or-resync", "critical", "open", "sap_pkg", "sapdg")],
               ["swap-resync", "failback", "restart-at-failover-site", "automated"],
               "The nightly backup splits the CA-Journal group sapdg with the S-VOL write option (pairsplit -rw) so that bkhost01 can mount the S-VOLs: RAID Manager shows that S-VOL as SSWS, as after a takeover. Nobody took over. At 23:40 the SAP monitor fails and Serviceguard restarts sap_pkg on nodeA2, where Metrocluster finds PVOL_PSUS with SVOL SSWS and, with AUTO_PSUSSSSWS=0, refuses (exit 1). The logs show the -rw split and no takeover, so the advice is the way back from that split: unmount the S-VOLs and deactivate their volume groups on bkhost01, a plain pairresync from nodeA2 (production's data wins), PAIR, then start on nodeA2. A swap resync, FORCEFLAG or AUTO_PSUSSSSWS=1 would copy the backup host's image over production.")


# ---- issue 16: sites named by the cluster ASCII file ------------------------------------------------------


def cluster_ascii_with_sites(name, sites):
    """A cluster ASCII file as cmgetconf writes it: SITE_NAME entries before the nodes, SITE under each NODE_NAME."""
    lines = [
        "# **********************************************************************",
        "# ********* HIGH AVAILABILITY CLUSTER CONFIGURATION FILE ***************",
        "# ***** For complete details about cluster parameters and how to  *******",
        "# ***** set them, consult the Serviceguard manual.                *******",
        "# **********************************************************************",
        "",
        f"CLUSTER_NAME\t\t{name}",
        "",
        "# Sites of a site-aware disaster-tolerant (Metrocluster) cluster: they precede the nodes.",
    ]
    lines += [f"SITE_NAME\t\t{site}" for site in sites]
    lines += ["", "QS_HOST\t\t\tqs01", "QS_POLLING_INTERVAL\t300000000", ""]
    for site, nodes in sites.items():
        for node in nodes:
            lines += [f"NODE_NAME\t\t{node}", f"  SITE\t\t\t{site}", "  NETWORK_INTERFACE\tlan0",
                      f"    HEARTBEAT_IP\t\t{IPS.get(node, '10.60.1.1')}", "  NETWORK_INTERFACE\tlan1", ""]
    lines += ["MEMBER_TIMEOUT\t\t14000000", "AUTO_START_TIMEOUT\t600000000", "NETWORK_POLLING_INTERVAL\t2000000", "",
              "MAX_CONFIGURED_PACKAGES\t300", "", "USER_NAME\t\tANY_USER", "USER_HOST\t\tANY_SERVICEGUARD_NODE", "USER_ROLE\t\tMONITOR"]
    return "\n".join(lines) + "\n"


def s44_sites_named_takeover():
    """Site dc-east (east1, east2) loses power; dc-west (west1, west2) takes sap_pkg over. The operator saved the
    cluster ASCII file (cmgetconf) at the top of the bundle, beside the node folders: the advice names both sites."""
    b = Bundle("sites-named-takeover")
    east, west = ["east1", "east2"], ["west1", "west2"]
    nodes = east + west
    for node, ip in zip(nodes, ["10.20.1.21", "10.20.1.22", "10.30.1.21", "10.30.1.22"]):
        IPS[node] = ip
    for node in nodes:
        pkg_config(b, node, "sap_pkg", nodes)
        env_file(b, node, "sap_pkg", "NEVER", {"AUTO_NONCURDATA": 1})
    for node in east:
        b.noise(node, T(18, 0, 0), T(18, 2, 40, 0), "before")
        b.noise(node, T(19, 10, 2, 0), T(19, 16, 0), "after")
    for node in west:
        b.noise(node, T(18, 0, 0), T(19, 16, 0), "day")
    cluster_up(b, nodes, T(17, 23, 0, 0))
    sg_start(b, "east1", T(17, 23, 1, 0), "sap_pkg", command=False)
    lines, done = start_body(T(17, 23, 1, 1), "east1", "sap_pkg", MC_OK("sapdg", "NEVER"))
    b.pkg("east1", "sap_pkg", lines)
    sg_started(b, "east1", sec(done, 1), "sap_pkg")
    for node in east:
        b.sys(node, T(18, 2, 40, 30), "vmunix", "Power supply 0 AC input lost")
    for node in west:
        for peer in east:
            b.sys(node, T(18, 2, 40, 38), "cmcld[2048]", f"Member {peer} seems unhealthy, not receiving heartbeats from it.")
        for peer in east:
            b.sys(node, T(18, 2, 40, 44), "cmcld[2048]", f"Timed out node {peer}. It may have failed.")
        b.sys(node, T(18, 2, 40, 44), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, T(18, 2, 40, 48), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, T(18, 2, 40, 49), "cmcld[2048]", "2 nodes have re-formed the cluster")
        b.sys(node, T(18, 2, 40, 49), "cmcld[2048]", "The new active cluster membership is: west1(id=3), west2(id=4)")
    sg_start(b, "west1", T(18, 2, 40, 50), "sap_pkg", command=False)
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group sapdg is NEVER."),
        (14, "pairvolchk -g sapdg -c: EX_ENORMT, no answer from the remote HORCM instance"),
        (15, "Device group sapdg: local SVOL_PAIR, remote EX_ENORMT."),
        (15, "AUTO_NONCURDATA=1: taking over the S-VOLs of sapdg."),
        (21, "horctakeover -g sapdg -S -t 360 completed with result 2 (SVOL-takeover)."),
        (22, "Local volumes of sapdg are now SVOL_SSWS."),
        (22, "WARNING: sap_pkg starts on data that may not be current."),
    ]
    lines, done = start_body(T(18, 2, 40, 51), "west1", "sap_pkg", mc)
    b.pkg("west1", "sap_pkg", lines)
    sg_started(b, "west1", sec(done, 1), "sap_pkg")
    # dc-east is back the next morning; nobody has resynchronized yet
    b.boot("east1", T(19, 10, 0, 0))
    b.boot("east2", T(19, 10, 0, 20))
    for node in east:
        b.sys(node, T(19, 10, 12, 0), "horcmd_00[2201]", "horcmstart.sh 0: HORCM instance 0 started")
    b.sys("east1", T(19, 10, 20, 0), "CM-CMD[3310]", "cmrunnode -v east1 east2")
    for node in nodes:
        b.sys(node, T(19, 10, 20, 8), "cmcld[2048]", "4 nodes have re-formed the cluster")
        b.sys(node, T(19, 10, 20, 8), "cmcld[2048]", "The new active cluster membership is: east1(id=1), east2(id=2), west1(id=3), west2(id=4)")
    b.sys("west1", T(19, 11, 30, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PSUS(SSWS), remote PVOL_PSUS")
    b.sys("east1", T(19, 11, 31, 0), "logger", "mcstat: pairdisplay -g sapdg -fc: local PVOL_PSUS, remote SVOL_SSWS")
    for node in east:
        rotate_syslog(b, node, T(19, 0, 0))
    b.write()
    # cmgetconf -c metro_cl metro_cl.ascii, copied to the top of the bundle (not under a node's /etc/cmcluster)
    with open(os.path.join(b.dir, "metro_cl.ascii"), "w") as handle:
        handle.write(cluster_ascii_with_sites("metro_cl", {"dc-east": east, "dc-west": west}))
    swap = finding_of("swap-resync-after-takeover", "swap-resync", "critical", "open", "sap_pkg", "sapdg")
    swap["siteName"] = "dc-west"
    back = finding_of("failback-after-failover", "failback", "info", "open", "sap_pkg", "sapdg")
    back["siteName"] = "dc-west"
    b.expected([swap, back], ["full-resync", "recreate-pairs", "force-or-resync"],
               "The cluster ASCII file metro_cl.ascii (cmgetconf output, saved at the top of the bundle) names two sites: dc-east (east1, east2) and dc-west (west1, west2). dc-east loses power at 02:40; west1 sees SVOL_PAIR and EX_ENORMT, takes the S-VOLs over (AUTO_NONCURDATA=1, result 2) and runs sap_pkg on SVOL_SSWS. dc-east is back the next morning and nobody has resynchronized: pairresync -swaps from dc-west (or -swapp from dc-east), then fail back. The advice names the sites and their nodes instead of only the P-VOL and S-VOL sides (siteName: the site of the finding's node).")


def s50_remote_raid_manager_unreachable():
    b = Bundle("remote-raid-manager-unreachable")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(26, 20, 0), T(27, 12, 0), [("sap_pkg", "DATA", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(26, 20, 0, 0))
    morning_start(b, "nodeA1", T(26, 20, 2, 0), "sap_pkg", "sapdg", "DATA")
    # 02:40 a report job runs nodeB1 out of memory and the kernel kills its Raid Manager instance
    b.sys("nodeB1", T(27, 2, 40, 11), "vmunix", "Out of memory: killed process 4412 (horcmd_00) to reclaim swap space")
    # the monitoring script on nodeA1 goes on: local PAIR, the remote instance no longer answers
    for hh in (3, 4, 5, 6, 7, 8):
        b.sys("nodeA1", T(27, hh, 0, 0), "logger", "mcstat: pairvolchk -g sapdg -s: local PVOL_PAIR")
        b.sys("nodeA1", T(27, hh, 0, 2), "logger", "mcstat: pairvolchk -g sapdg -c: [EX_ENORMT] No remote host alive for remote commands, or Remote RAID Manager might be blocked (sleeping) on an existing I/O.")
    b.write()
    b.expected([finding_of("remote-raid-manager-unreachable", "restart-raid-manager", "warning", "open", "sap_pkg", "sapdg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "full-resync"],
               "At 02:40 the kernel's out-of-memory killer ends horcmd_00 on nodeB1 (site B). The arrays go on replicating and sap_pkg keeps running on nodeA1 with sapdg PVOL_PAIR, but from 03:00 every check of the remote side from nodeA1 gets EX_ENORMT: site B's Raid Manager instance is gone, and a failover there would start with an unknown remote state. Start the instance on nodeB1 (horcmstart.sh 0), check pairvolchk -c from site A, and stop the job that starved the node. No takeover, no override: the pairs are PAIR.")


def s51_raid_manager_unknown_name_repeated():
    b = Bundle("raid-manager-unknown-name-repeated")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(26, 20, 0), T(27, 18, 0), [("sap_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(26, 20, 0, 0))
    morning_start(b, "nodeA1", T(26, 20, 2, 0), "sap_pkg", "sapdg")
    sudo = lambda node, when, user, command: b.sys(node, when, "sudo", f"   {user} : TTY=pts/3 ; PWD=/root ; USER=root ; COMMAND={command}")
    # storage adds LDEV sap_d5 to sapdg; the new horcm0.conf is pushed to every node by the configuration tool
    # (nothing logged), and the instance is restarted on nodeA2 and site B, not on nodeA1 where sap_pkg runs
    for node, mm in (("nodeA2", 2), ("nodeB1", 4), ("nodeB2", 6)):
        sudo(node, T(27, 10, mm, 0), "stor1", "/HORCM/usr/bin/horcmshutdown.sh 0")
        b.sys(node, T(27, 10, mm, 5), "horcmd_00[3101]", "HORCM Shutdown inst 0 !!!")
        sudo(node, T(27, 10, mm, 20), "stor1", "/HORCM/usr/bin/horcmstart.sh 0")
        b.sys(node, T(27, 10, mm, 24), "horcmd_00[3140]", "HORCM inst 0 starts successfully.")
    # on nodeB1 the operator mistypes the group once, then gets the right one: a typo, not the instance
    sudo("nodeB1", T(27, 10, 9, 0), "stor1", "/HORCM/usr/bin/pairdisplay -g sapgd -I0")
    b.sys("nodeB1", T(27, 10, 9, 0), "rmcheck", "pairdisplay: [EX_ENOGRP] No such group")
    b.sys("nodeB1", T(27, 10, 9, 40), "rmcheck", "sapdg   sap_d1(L)     (CL1-A-1, 0,   1)64533   701.S-VOL PAIR NEVER ,  100   301 -")
    # nodeA1's hourly monitor asks for the new volume and keeps getting EX_ENOENT from the old instance
    for hh in (11, 12, 13, 14):
        b.sys("nodeA1", T(27, hh, 5, 1), "rmmon", "pairdisplay: [EX_ENOENT] No such device or group")
    b.write()
    b.expected([finding_of("raid-manager-instance-error-repeated", "restart-raid-manager", "warning", "open")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "check-pair-consistency"],
               "Storage added LDEV sap_d5 to sapdg; the new horcm0.conf reached every node, and the instance was restarted on nodeA2, nodeB1 and nodeB2 but not on nodeA1, where sap_pkg runs. From 11:05 nodeA1's hourly monitor gets EX_ENOENT (no such device or group) every time: its instance still runs the old configuration, so the next start or failover there would work on sapdg without sap_d5. Restart instance 0 on nodeA1 (horcmshutdown.sh 0; horcmstart.sh 0) and check that pairdisplay lists the new volume. The single EX_ENOGRP on nodeB1 follows a mistyped group name (sapgd) and is not a finding.")


def s52_continental_forced_recovery():
    """Continentalclusters: a WAN cut, not a disaster. The recovery cluster's on-call cannot reach site A and forces
    the recovery (cmrecovercl -f) at the first alert, while site A's application keeps writing on its P-VOLs."""
    b = Bundle("continental-forced-recovery")
    recovery = ["nodeC1", "nodeC2"]
    for node in recovery:
        b.noise(node, T(9, 0, 0), T(9, 23, 0), "day")
        pkg_config(b, node, "ora_bkpkg", recovery)
        env_file(b, node, "ora_bkpkg", "ASYNC", {"AUTO_SVOLPSUE": 0}, cluster_type="continental", dg="oradg")
    b.noise("nodeA1", T(9, 0, 0), T(9, 23, 0), "day")
    cluster_up(b, recovery, T(9, 4, 29, 0), pid=2050)
    b.sys("nodeC1", T(9, 4, 30, 0), "cmcld[2050]", "Request from node nodeC1 to start package ccmonpkg on node nodeC1.")
    b.sys("nodeC1", T(9, 4, 30, 6), "cmcld[2050]", "Started package ccmonpkg on node nodeC1.")
    # 10:02 the WAN between the sites is cut: site A loses its CA links but keeps running ora_pkg
    b.sys("nodeA1", T(9, 10, 2, 11), "logger", "mcstat: oradg: the local primary volumes are now suspended due to error (remote copy paths lost)")
    b.sys("nodeA1", T(9, 10, 40, 0), "logger", "oracle: ora_pkg order intake normal")
    b.sys("nodeC1", T(9, 10, 7, 7), "cmclsentryd[3021]", "CLUSTER_ALERT primary_cluster/UNREACHABLE 5 MINUTES - Cluster ALERT: primary_cluster not responding.")
    b.sys("nodeC1", T(9, 10, 15, 0), "logger", "root: cannot reach site A by phone or VPN, assuming the site is down")
    b.sys("nodeC1", T(9, 10, 16, 40), "CM-CMD[5120]", "cmrecovercl -f")
    b.sys("nodeC1", T(9, 10, 16, 52), "cmrecovercl[5120]", "Processing the recovery group oragroup on recovery cluster recovery_cluster.")
    b.sys("nodeC1", T(9, 10, 16, 53), "cmrecovercl[5120]", "Starting recovery package ora_bkpkg on recovery cluster recovery_cluster.")
    b.sys("nodeC1", T(9, 10, 16, 58), "cmcld[2050]", "Request from node nodeC1 to start package ora_bkpkg on node nodeC1.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is ASYNC."),
        (13, "The local device group oradg is in SVOL_PSUE state; remote state is EX_ENORMT (242)."),
        (14, "FORCEFLAG present: performing SVOL takeover for device group oradg."),
        (40, "Executing horctakeover -g oradg -S ... horctakeover returned 2 (SVOL-takeover)."),
        (41, "Device group oradg is now SVOL_SSWS."),
        (41, "WARNING: the package starts with non-current data."),
    ]
    lines, done = start_body(T(9, 10, 16, 59), "nodeC1", "ora_bkpkg", mc)
    b.pkg("nodeC1", "ora_bkpkg", lines)
    sg_started(b, "nodeC1", sec(done, 1), "ora_bkpkg", pid=2050)
    # 12:30 the WAN is back: both sites have taken orders since 10:17
    b.sys("nodeA1", T(9, 12, 30, 0), "logger", "oracle: ora_pkg order intake normal, WAN restored")
    b.sys("nodeC1", T(9, 12, 40, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PSUS(SSWS), remote PVOL_PSUE")
    b.write()
    b.expected([finding_of("continental-forced-recovery", "investigate", "critical", "open", "ora_bkpkg", "oradg")],
               ["swap-resync", "full-resync", "recreate-pairs", "force-or-resync", "failback"],
               "Continentalclusters with CA XP, fence ASYNC: at 10:02 the WAN between the sites is cut. Site A (primary cluster) keeps running ora_pkg on its P-VOLs, now PSUE. On the recovery cluster the first CLUSTER_ALERT comes at 10:07; the on-call cannot reach site A and forces the recovery at 10:16 (cmrecovercl -f, before any alarm): ora_bkpkg takes oradg over (SVOL_SSWS) on nodeC1 and takes orders too. When the WAN is back both copies hold writes the other lacks: a swap resync would discard site A's, a plain resync nodeC1's. mcadvisor cannot tell which to keep and says so (investigate, no resync command); the swap-resync and failback findings stay quiet until the business has decided.")


def s53_continental_recovery_not_started():
    """Continentalclusters: site A is evacuated (confirmed); the on-call runs cmrecovercl before the alarm and it
    recovers nothing (it is enabled only after CLUSTER_ALARM unless -f is given)."""
    b = Bundle("continental-recovery-not-started")
    recovery = ["nodeC1", "nodeC2"]
    for node in recovery:
        b.noise(node, T(12, 0, 0), T(12, 12, 0), "day")
        pkg_config(b, node, "ora_bkpkg", recovery)
        env_file(b, node, "ora_bkpkg", "NEVER", {"AUTO_SVOLPSUE": 0}, cluster_type="continental", dg="oradg")
    cluster_up(b, recovery, T(12, 4, 29, 0), pid=2050)
    b.sys("nodeC1", T(12, 4, 30, 6), "cmcld[2050]", "Started package ccmonpkg on node nodeC1.")
    for minutes in (5, 15, 30):
        b.sys("nodeC1", T(12, 10, 2 + minutes, 40), "cmclsentryd[3021]", f"CLUSTER_ALERT primary_cluster/UNREACHABLE {minutes} MINUTES - Cluster ALERT: primary_cluster not responding.")
    b.sys("nodeC1", T(12, 10, 31, 15), "logger", "root: bridge call: site A evacuated (fire suppression discharged, power cut), DR approved by the DR manager")
    b.sys("nodeC1", T(12, 10, 33, 2), "CM-CMD[7711]", "cmrecovercl")
    b.sys("nodeC1", T(12, 10, 33, 3), "cmrecovercl[7711]", "Recovery is not allowed yet for primary_cluster; see cmrecovercl(1m)")
    b.write()
    b.expected([finding_of("continental-recovery-not-started", "recover-continental-cluster", "critical", "open")],
               ["swap-resync", "recreate-pairs", "full-resync", "failback", "force-or-resync"],
               "Continentalclusters: the primary cluster (site A) becomes unreachable at 10:02; alerts at 5, 15 and 30 minutes, the alarm is configured much later. The bridge call confirms the site is evacuated and approves DR; at 10:33 the on-call runs cmrecovercl on nodeC1, which recovers nothing: before the CLUSTER_ALARM it is not enabled without -f. No recovery group is processed, no recovery package starts: the application runs nowhere. Expected: recover-continental-cluster (critical): cmviewconcl -v, then cmrecovercl -f once the disaster is confirmed.")
def s54_start_refused_after_operator_split():
    b = Bundle("start-refused-after-operator-split")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(12, 6, 0), T(15, 12, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(12, 6, 0, 0))
    morning_start(b, "nodeA1", T(12, 6, 2, 0), "oracle_pkg", "oradg")
    # Friday evening an admin splits oradg by hand (to copy the S-VOLs for a test) and never resynchronizes it
    b.sys("nodeA1", T(12, 21, 5, 44), "sudo", "  crmadm : TTY=pts/3 ; PWD=/home/crmadm ; USER=root ; COMMAND=/HORCM/usr/bin/pairsplit -g oradg -r")
    for day in (13, 14, 15):
        b.sys("nodeA1", T(day, 7, 0, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSUS")
    # Monday: for rack work on site A the operator moves oracle_pkg to site B; Metrocluster refuses it in its own words
    sg_halt(b, "nodeA1", T(15, 9, 0, 0), "oracle_pkg")
    b.sys("nodeB1", T(15, 9, 1, 0), "CM-CMD[4120]", "cmrunpkg -n nodeB1 oracle_pkg")
    sg_start(b, "nodeB1", T(15, 9, 1, 0), "oracle_pkg", command=False)
    pkg_fail(b, "nodeB1", T(15, 9, 1, 1), "oracle_pkg", [
        (1, "This package is configured with remote data replication."),
        (2, "oracle_pkg: the local copy of oradg is a secondary copy that a user request suspended; it is older than the primary copy."),
        (3, "oracle_pkg: the package is not started on this node. Resynchronise the pair or create the FORCEFLAG file to override."),
    ], exit_status="RESTART")
    b.write()
    b.expected([finding_of("pairs-left-split", "full-resync", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("start-refused-after-operator-split", "full-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "investigate"],
               "Friday 21:05 an admin splits oradg by hand (sudo pairsplit -g oradg -r on nodeA1) to copy the S-VOLs for a test and never resynchronizes it; the monitor logs PVOL_PSUS / SVOL_SSUS every morning. Monday 09:00 the operator moves oracle_pkg to nodeB1 for rack work on site A; Metrocluster refuses it (the S-VOL copy is as old as Friday evening), in words that name no row of the startup tables. The split explains the refusal: mcadvisor says so instead of 'cannot tell', and the way back is the split's own: start oracle_pkg on nodeA1 again, pairresync -g oradg from site A, wait for PAIR, then move it. FORCEFLAG would run the database on Friday's data.")


def s55_partner_array_replaced_smpl():
    b = Bundle("partner-array-replaced-smpl")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(15, 20, 0), T(19, 18, 0), [("oracle_pkg", "NEVER", {"AUTO_NONCURDATA": 1}, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(15, 20, 0, 0))
    morning_start(b, "nodeA1", T(15, 20, 2, 0), "oracle_pkg", "oradg")
    # site A's array fails for good on the 16th: the site B nodes take over
    reformed = site_a_power_loss(b, T(16, 3, 12, 0))
    b.sys("nodeB1", reformed, "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", reformed, "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (14, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (15, "AUTO_NONCURDATA is 1: performing SVOL takeover for device group oradg."),
        (22, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (23, "Device group oradg is now SVOL_SSWS."),
    ]
    lines, done = start_body(sec(reformed, 1), "nodeB1", "oracle_pkg", mc)
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "oracle_pkg")
    # the 19th: a replacement array (new serial) at site A, the site A nodes and their instance back, no pairs on it
    b.sys("nodeB1", T(19, 14, 0, 0), "logger", "root: site A array replaced (serial 35499 instead of 35422), site A nodes back")
    for hh in (16, 17):
        b.sys("nodeB1", T(19, hh, 0, 2), "cadg", "Group   PairVol(L/R) (Port#,TID, LU),Seq#,LDEV#.P/S,Status,Fence,   %,P-LDEV# M")
        b.sys("nodeB1", T(19, hh, 0, 2), "cadg", "oradg   oradg_d1(L)   (CL1-E-0, 0,   3)35663   1cf.S-VOL SSWS NEVER ,  100   1cf -")
        b.sys("nodeB1", T(19, hh, 0, 2), "cadg", "oradg   oradg_d1(R)   (CL1-F-0, 0,   3)35499   1cf.SMPL ---- ------,----- ----  -")
    b.write()
    b.expected([finding_of("recreate-pairs-both-smpl", "recreate-pairs", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("swap-resync-after-takeover", "swap-resync", "critical", "resolved", "oracle_pkg", "oradg"),
                finding_of("failback-after-failover", "failback", "info", "open", "oracle_pkg", "oradg")],
               ["full-resync", "force-or-resync"],
               "Site A's array fails for good on the 16th; the site B nodes take over (SVOL-takeover, AUTO_NONCURDATA=1) and oracle_pkg runs on nodeB1 on SSWS data, which first calls for a swap resync. On the 19th a replacement array is installed at site A: the pasted pairdisplay -fc from nodeB1 shows the local S-VOL SSWS and the remote volumes SMPL on the new serial. There is no pair left to swap (pairresync -swaps is rejected against SMPL): the swap-resync finding closes and the advice is to delete the half-pair on site B (pairsplit -S) and recreate the pairs from site B (paircreate -vl), oracle_pkg running on.")


def s56_node_left_not_rejoined():
    b = Bundle("node-left-not-rejoined")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(21, 6, 0), T(22, 12, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(21, 6, 0, 0))
    morning_start(b, "nodeA1", T(21, 6, 2, 0), "oracle_pkg", "oradg")
    # nodeA1 panics at 14:40 (its log just ends); the others time it out, re-form, and oracle_pkg fails over to nodeA2
    b.sys("nodeA1", T(21, 14, 40, 2), "vmunix", "panic: Data page fault")
    for node in ["nodeA2"] + SITE_B:
        b.sys(node, T(21, 14, 40, 10), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(21, 14, 40, 16), "cmcld[2048]", "Timed out node nodeA1. It may have failed.")
        b.sys(node, T(21, 14, 40, 16), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, T(21, 14, 40, 20), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, T(21, 14, 40, 21), "cmcld[2048]", "3 nodes have re-formed the cluster")
    b.syslogs[("nodeA1", "syslog.log")] = [e for e in b.syslogs[("nodeA1", "syslog.log")] if e[0] <= T(21, 14, 40, 2)]
    morning_start(b, "nodeA2", T(21, 14, 40, 25), "oracle_pkg", "oradg")
    b.sys("nodeA2", T(22, 9, 0, 0), "logger", "root: nodeA1 back from HP repair (CPU board), AUTOSTART_CMCLD=0 so it stays out until we rejoin it")
    b.write()
    b.expected([finding_of("node-left-not-rejoined", "rejoin-node", "warning", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "investigate"],
               "At 14:40 nodeA1, where oracle_pkg runs, panics; the other nodes time it out, re-form the cluster and Serviceguard restarts oracle_pkg on nodeA2 at the same site (the pairs stay PAIR: no takeover, nothing to resynchronize). The next morning nodeA1 is back from repair, but AUTOSTART_CMCLD=0 keeps it out of the cluster and nobody rejoins it: the cluster has one failover target less, and oracle_pkg cannot be moved back. Operator: cmrunnode nodeA1, then cmviewcl to see it up; move oracle_pkg back when convenient.")


def s57_node_reset_safety_timer():
    b = Bundle("node-reset-safety-timer")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(23, 6, 0), T(24, 16, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(23, 6, 0, 0))
    b.sys("nodeA1", T(23, 6, 0, 0), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeA1.", "OLDsyslog.log")
    b.sys("nodeA1", T(23, 6, 0, 40), "cmcld[2048]", "Started package oracle_pkg on node nodeA1.", "OLDsyslog.log")
    # cmcld on nodeA1 is starved by a runaway batch job; the last delay is longer than MEMBER_TIMEOUT
    for when, secs in ((T(23, 21, 14, 2), "4.9"), (T(23, 21, 20, 31), "8.6")):
        b.sys("nodeA1", when, "cmcld[2048]", f"Warning: cmcld was unable to run for the last {secs} seconds. Consult the Managing Serviceguard manual for guidance on setting MEMBER_TIMEOUT, and information on cmcld.", "OLDsyslog.log")
        b.sys("nodeA1", when, "cmcld[2048]", "This node is at risk of being evicted from the running cluster. Increase MEMBER_TIMEOUT.", "OLDsyslog.log")
    for node in ["nodeA2"] + SITE_B:
        b.sys(node, T(23, 21, 20, 40), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(23, 21, 20, 54), "cmcld[2048]", "3 nodes have formed a new cluster, sequence #7")
        b.sys(node, T(23, 21, 20, 54), "cmcld[2048]", "The new active cluster membership is: nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    morning_start(b, "nodeA2", T(23, 21, 21, 0), "oracle_pkg", "oradg")
    # nodeA1 halted itself (the safety timer expired); after the reboot its new syslog.log says why
    b.sys("nodeA1", T(23, 21, 27, 5), "vmunix", "Serviceguard: Unable to maintain contact with cmcld daemon. Performing TOC to ensure data integrity.")
    b.sys("nodeA1", T(23, 21, 29, 40), "savecrash[1822]", "Saving crash dump to /var/adm/crash/crash.4")
    b.sys("nodeA1", T(24, 8, 30, 0), "logger", "root: nodeA1 up again; batch job moved off; cluster join pending change approval")
    b.write()
    b.expected([finding("raise-member-timeout", "warning", "open", None, None),
                finding_of("node-reset-not-rejoined", "rejoin-node", "warning", "open")],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "investigate"],
               "At 21:14 and 21:20 cmcld on nodeA1 cannot run for 4.9 and 8.6 seconds (a runaway batch job): the other nodes stop hearing it and re-form the cluster without it, nodeA1's safety timer expires and it halts with a TOC, and oracle_pkg restarts on nodeA2 at the same site (pairs stay PAIR: nothing to resynchronize). After the reboot nodeA1 says in its new syslog.log that it was reset by the safety timer; its earlier lines are in OLDsyslog.log. The next morning it is up but not rejoined. Operator: raise MEMBER_TIMEOUT above 10 times the largest delay, find and fix the load, then cmrunnode nodeA1.")


def s58_resync_rejected():
    b = Bundle("resync-rejected")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(29, 6, 0), T(29, 14, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(29, 6, 0, 0))
    morning_start(b, "nodeA1", T(29, 6, 2, 0), "oracle_pkg", "oradg")
    # a CA link path fails; the pairs suspend (fence NEVER), oracle_pkg keeps running on nodeA1
    b.sys("nodeA1", T(29, 9, 41, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUE, remote SVOL_PSUE")
    # after the link repair the operator resynchronizes from site A: the array rejects it twice
    for when in (T(29, 10, 30, 12), T(29, 10, 44, 40)):
        b.sys("nodeA1", when, "sudo", "   oper2 : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/pairresync -g oradg -c 15 -IH0")
        b.sys("nodeA1", sec(when, 1), "root", "pairresync: [EX_CMDRJE] An order to the control/command device was rejected")
    b.sys("nodeA1", T(29, 10, 50, 0), "logger", "root: resync rejected again, ticket to storage team (SSB in horcc log)")
    b.write()
    b.expected([finding_of("resync-failed-unexplained", "investigate", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("pairs-suspended-no-resync", "full-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "automated"],
               "At 09:41 a CA link path fails and oradg suspends (PVOL_PSUE / SVOL_PSUE, fence NEVER) while oracle_pkg keeps running on nodeA1. After the repair the operator runs pairresync -g oradg -c 15 from site A twice; each time the array rejects it (EX_CMDRJE). mcadvisor cannot tell why the array refused: the pairs stay suspended and the application writes without a remote copy. Operator: read the sense bytes in the horcc log, check the command device (horcctl -D) and both sites' pair states; no takeover, no pair deletion. Once the cause is fixed, the full resync from site A.")


def s59_remote_horcm_down_start_refused():
    b = Bundle("remote-horcm-down-start-refused")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(30, 6, 0), T(30, 22, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(30, 6, 0, 0))
    morning_start(b, "nodeA1", T(30, 6, 2, 0), "oracle_pkg", "oradg")
    # the storage team stops instance 0 on both site A nodes for a horcm.conf change and goes home
    b.sys("nodeA1", T(30, 19, 0, 3), "logger", "root: CHG5120 adding LDEVs 1:40-1:41 to oradg, stopping HORCM 0 on site A - storage")
    for node, pid in (("nodeA1", 4411), ("nodeA2", 3920)):
        b.sys(node, T(30, 19, 0, 10), "sudo", f"   stor1 : TTY=pts/0 ; PWD=/ ; USER=root ; COMMAND=/HORCM/usr/bin/horcmshutdown.sh 0")
        b.sys(node, T(30, 19, 0, 11), f"HORCM_0[{pid}]", "horcmgr: HORCM inst 0 has been shut down")
    # the operator moves oracle_pkg to site B for the same change window: Metrocluster cannot read the remote side
    b.sys("nodeA1", T(30, 19, 25, 0), "CM-CMD[8120]", "cmhaltpkg oracle_pkg")
    b.sys("nodeA1", T(30, 19, 25, 30), "cmcld[2048]", "Halted package oracle_pkg on node nodeA1.")
    lines = [
        (0, "This package is configured with remote data replication."),
        (5, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (6, "The data may be non-current and AUTO_NONCURDATA is 0: the package will not be started."),
        (6, "Exiting with status 1."),
    ]
    started = T(30, 19, 26, 30)
    b.pkg("nodeB1", "oracle_pkg", [banner(started, "nodeB1", "Starting package")]
          + [step(sec(started, offset), "nodeB1", text) for offset, text in lines]
          + [banner(sec(started, 8), "nodeB1", "Package start failed")])
    b.sys("nodeB1", T(30, 19, 26, 40), "cmcld[2048]", "Package oracle_pkg run script exited with NO_RESTART.")
    b.sys("nodeB1", T(30, 19, 30, 2), "logger", "root: oracle_pkg start on nodeB1 failed 'non-current data', shall we create FORCEFLAG? - ops")
    b.write()
    b.expected([finding_of("start-refused-remote-horcm-down", "restart-raid-manager", "critical", "open", "oracle_pkg", "oradg")],
               ["force-or-resync", "swap-resync", "recreate-pairs", "full-resync"],
               "At 19:00 the storage team stops Raid Manager instance 0 on both site A nodes for a horcm.conf change and does not start it again. At 19:25 the operator halts oracle_pkg on nodeA1 and starts it on nodeB1: Metrocluster finds its S-VOL PAIR but cannot read the remote side (EX_ENORMT, 242) and refuses the start as possibly non-current (exit 1). The data is not the problem: site A and its array are fine, only the instance that answers for them is down. Operator: horcmstart.sh 0 on nodeA1 and nodeA2 (with the new horcm.conf on every node), pairdisplay shows both sides again, then start oracle_pkg; never FORCEFLAG, which would split a healthy pair.")


def s60_package_started_outside_cluster():
    b = Bundle("package-started-outside-cluster")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(29, 6, 0), T(29, 18, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(29, 6, 0, 0))
    morning_start(b, "nodeA1", T(29, 6, 2, 0), "oracle_pkg", "oradg")
    # the inter-site heartbeat networks break; site A gets the quorum server's lock, site B is refused it
    for node, peers in (("nodeA1", SITE_B), ("nodeA2", SITE_B), ("nodeB1", SITE_A), ("nodeB2", SITE_A)):
        for peer in peers:
            b.sys(node, T(29, 14, 0, 2), "cmcld[2048]", f"Member {peer} seems unhealthy, not receiving heartbeats from it.")
    for node in SITE_A:
        b.sys(node, T(29, 14, 0, 20), "cmcld[2048]", "2 nodes have formed a new cluster, sequence #7")
        b.sys(node, T(29, 14, 0, 20), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeA2(id=2)")
    for node in SITE_B:
        b.sys(node, T(29, 14, 0, 19), "cmcld[2048]", "Attempt to get quorum server lock /sg/CLUSTER_DEV at 10.0.0.1 failed. Lock denied")
    # ... and yet, 40 minutes later, nodeB1 logs that it started oracle_pkg itself (no line shows it back in a cluster)
    b.sys("nodeB1", T(29, 14, 40, 2), "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", T(29, 14, 40, 51), "cmcld[2048]", "Started package oracle_pkg on node nodeB1.")
    b.write()
    b.expected([finding_of("package-started-outside-cluster", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["force-or-resync", "swap-resync", "recreate-pairs", "full-resync", "automated"],
               "At 14:00 the heartbeat networks between the sites break. Site A gets the quorum server's lock and re-forms the cluster with nodeA1 and nodeA2; both site B nodes log that the lock was denied (they must halt). Yet at 14:40 nodeB1 logs that it started oracle_pkg, which still runs on nodeA1, and no line shows nodeB1 back in a cluster. Either both sites now run oracle_pkg and write its volumes (a split brain), or nodeB1's logs of its return are missing: the logs cannot tell. Operator: cmviewcl -v and pairdisplay -g oradg -fcx on both sites, find out which side holds the data to keep (halting oracle_pkg on one side if both run it) before any takeover, resync, FORCEFLAG or re-creation.")


def s61_pairwatch_log_psue_unprotected():
    """The only evidence is the site's own half-hourly pairdisplay log (a cron job's output, not syslog)."""
    b = Bundle("pairwatch-log-psue-unprotected")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(28, 6, 0), T(28, 20, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(28, 6, 0, 0))
    morning_start(b, "nodeA1", T(28, 6, 2, 0), "oracle_pkg", "oradg")
    runs = []
    when = T(28, 8, 0, 0)
    while when <= T(28, 19, 0, 0):
        suspended = when >= T(28, 9, 30, 0)
        behind = min(100, 99 - (when.hour - 9) * 4) if suspended else 100
        state = "PSUE" if suspended else "PAIR"
        runs.append(f"==== {when:%a %b %d %H:%M:%S} {TZ} {when:%Y}  /opt/ops/bin/pairwatch.sh: pairdisplay -g oradg -fcx -CLI -I0")
        runs.append("Group   PairVol  L/R Port#  TID LU Seq#   LDEV# P/S   Status Fence  % P-LDEV# M")
        for index, (ldev, peer) in enumerate((("2e0", "1c0"), ("2e1", "1c1"))):
            runs.append(f"oradg   ora_d0{index}  L   CL3-A    0 {12 + index} 85011  {ldev} P-VOL {state:6} NEVER {behind:3d} {peer}   -")
            runs.append(f"oradg   ora_d0{index}  R   CL4-B    0 {12 + index} 85217  {peer} S-VOL {state:6} NEVER 100 {ldev}   -")
        when = sec(when, 1800)
    b.write()
    path = os.path.join(b.dir, "nodeA1", "var/adm/ops/pairwatch.log")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write("".join(line + "\n" for line in runs))
    b.expected([finding_of("pairs-suspended-no-resync", "full-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["force-or-resync", "swap-resync", "recreate-pairs", "automated"],
               "The CA links fail at about 09:20 with fence NEVER: oracle_pkg keeps running on nodeA1, and neither Serviceguard nor Metrocluster logs anything. The only evidence is the site's own cron job, which appends pairdisplay -g oradg -fcx -CLI every half hour to /var/adm/ops/pairwatch.log: both sides PSUE from 09:30 until the end of the day, the P-VOL's copy % falling. Nobody resynchronized: the data has not been remotely protected for 9 hours. Operator: repair the links, then pairresync -g oradg -c 15 from the P-VOL side (nodeA1) and wait for PAIR.")


def s62_package_started_while_running_elsewhere():
    b = Bundle("package-started-while-running-elsewhere")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(27, 0, 0), T(27, 12, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(27, 0, 0, 0))
    morning_start(b, "nodeA1", T(27, 0, 2, 0), "oracle_pkg", "oradg")
    # the quorum server is lost, then the heartbeat between the sites: every node halts its cluster
    for node in nodes:
        b.sys(node, T(27, 1, 12, 33), "cmcld[2048]", "Quorum server qs01 is not responding.")
        b.sys(node, T(27, 1, 40, 16), "cmcld[2048]", "Unable to obtain cluster lock: quorum server qs01 unreachable.")
        b.sys(node, T(27, 1, 40, 16), "cmcld[2048]", "Cluster lost quorum; halting the cluster on this node.")
    # each site's operator forms a cluster of its own and starts oracle_pkg there
    for node, at, pid in (("nodeA1", T(27, 2, 5, 41), 2399), ("nodeB1", T(27, 2, 11, 5), 2460)):
        b.sys(node, at, f"CM-CMD[{pid + 3000}]", f"cmruncl -v -n {node}")
        b.sys(node, sec(at, 39), f"cmcld[{pid}]", "1 nodes have formed a new cluster, sequence #1")
        b.sys(node, sec(at, 49), f"CM-CMD[{pid + 3001}]", f"cmrunpkg -v -n {node} oracle_pkg")
        b.sys(node, sec(at, 70), f"cmcld[{pid}]", f"Started package oracle_pkg on node {node}.")
    b.write()
    b.expected([finding_of("package-started-while-running-elsewhere", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["force-or-resync", "recreate-pairs", "automated"],
               "At 01:12 the quorum server stops answering; at 01:40 the heartbeat between the sites breaks too, no node can get the cluster lock, and every node halts its cluster. At 02:05 an operator on nodeA1 runs cmruncl -n nodeA1 and starts oracle_pkg there; at 02:11 another on nodeB1 does the same at site B. The logs never show oracle_pkg halted on nodeA1: both sites may now be writing its data. Operator: cmviewcl -v and pairdisplay -g oradg -fcx at both sites, halt oracle_pkg at the site whose data will be given up, and decide with the application owners before any resync.")


def s65_start_cut_during_takeover():
    b = Bundle("start-cut-during-takeover")
    nodes = SITE_A + SITE_B
    base(b, SITE_B, T(24, 6, 0), T(24, 22, 41), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")], pkg_nodes=nodes)
    # 22:31 site A stops answering; the site B nodes re-form and nodeB1 starts oracle_pkg with FORCEFLAG. The
    # collection ran at 22:41, while the horctakeover was still waiting: the package log ends after its first lines.
    for node in SITE_B:
        b.sys(node, T(24, 22, 31, 10), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(24, 22, 31, 10), "cmcld[2048]", "Member nodeA2 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(24, 22, 31, 30), "cmcld[2048]", "2 nodes have re-formed the cluster")
        b.sys(node, T(24, 22, 31, 30), "cmcld[2048]", "The new active cluster membership is: nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeB1", T(24, 22, 31, 40), "cmcld[2048]", "Request from node nodeB1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", T(24, 22, 31, 40), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    b.pkg("nodeB1", "oracle_pkg", [
        banner(T(24, 22, 31, 41), "nodeB1", "Starting package"),
        step(T(24, 22, 31, 42), "nodeB1", "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        step(T(24, 22, 31, 43), "nodeB1", "FORCEFLAG file found: starting although the data may not be current."),
        step(T(24, 22, 31, 43), "nodeB1", "Executing horctakeover -g oradg -S -t 360"),
    ])
    b.write()
    b.expected([finding_of("package-start-unfinished", "investigate", "warning", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "failback"],
               "At 22:31 site A stops answering; nodeB1 and nodeB2 re-form the cluster and nodeB1 starts oracle_pkg with a FORCEFLAG. The logs were collected at 22:41 while the horctakeover was still running: the package log ends with 'Executing horctakeover', no end banner, no cmcld line about the outcome. Whether the takeover worked and whether oracle_pkg is up cannot be read from this bundle. Operator: cmviewcl -v -p oracle_pkg, the rest of the package log, pairdisplay at both sites before anything else; never start it elsewhere meanwhile.")


def s64_node_failed_packages_silent():
    b = Bundle("node-failed-packages-silent")
    survivors = ["nodeA2"] + SITE_B
    # nodeA1's logs were not collected (it does not boot); the survivors' syslogs only, no package log
    for node in survivors:
        b.noise(node, T(23, 6, 0), T(23, 18, 0), "day")
    cluster_up(b, survivors, T(23, 6, 0, 12), members_of=SITE_A + SITE_B)
    # 14:40 nodeA1 stops answering: the others re-form without it; then no line about any package for hours
    for node in survivors:
        b.sys(node, T(23, 14, 40, 10), "cmcld[2048]", "Member nodeA1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(23, 14, 40, 16), "cmcld[2048]", "Attempting to form a new cluster")
        b.sys(node, T(23, 14, 40, 20), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, T(23, 14, 40, 21), "cmcld[2048]", "3 nodes have re-formed the cluster")
        b.sys(node, T(23, 14, 40, 21), "cmcld[2048]", "The new active cluster membership is: nodeA2(id=2), nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeA2", T(23, 15, 30, 0), "CM-CMD[5120]", "cmviewcl -v")
    b.write()
    b.expected([finding_of("node-failed-packages-silent", "investigate", "warning", "open", None, None)],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync"],
               "At 14:40 nodeA1 stops sending heartbeats; the other three nodes re-form the cluster without it. For the three hours the survivors' logs run after that, no line says anything about a package: no start, halt, failure or refused start on any node. nodeA1's own logs and the package logs were not collected. Whether nodeA1 ran a package, whether it is down (switching disabled, no eligible node) or still running on a nodeA1 that is only cut off, cannot be read from this bundle. Operator: cmviewcl -v for what runs where, the console of nodeA1 to see whether it is really down before starting anything it ran elsewhere, pairdisplay before any start of a replicated package; then rejoin nodeA1 with cmrunnode once repaired.")


def s63_split_brain_second_cluster():
    """The site that lost the tie-break forms a second cluster and forces the package while it still runs at the other."""
    b = Bundle("split-brain-second-cluster")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(26, 0, 0), T(26, 16, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(26, 0, 0, 0))
    morning_start(b, "nodeA1", T(26, 0, 2, 0), "oracle_pkg", "oradg")
    # 13:02 the network between the sites fails: each side stops hearing the other; site A gets the quorum server
    for node, peers in ((n, SITE_B) for n in SITE_A):
        for peer in peers:
            b.sys(node, T(26, 13, 2, 40), "cmcld[2048]", f"Member {peer} seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(26, 13, 2, 53), "cmcld[2048]", "Obtaining Cluster Lock from quorum server qs01")
        b.sys(node, T(26, 13, 2, 54), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeA2(id=2)")
    for node in SITE_B:
        for peer in SITE_A:
            b.sys(node, T(26, 13, 2, 41), "cmcld[2048]", f"Member {peer} seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(26, 13, 2, 54), "cmcld[2048]", "Attempt to get quorum server lock /sg/CLUSTER_DEV at 10.0.0.1 failed. Lock denied")
    # site B's nodes halt (TOC), reboot; their operator forms a cluster of the two and forces oracle_pkg there
    for node in SITE_B:
        b.boot(node, T(26, 13, 24, 40))
    b.sys("nodeB1", T(26, 13, 45, 40), "CM-CMD[3012]", "cmruncl -v -n nodeB1 -n nodeB2")
    b.sys("nodeB1", T(26, 13, 46, 20), "cmcld[3020]", "2 nodes have formed a new cluster, sequence #1")
    b.sys("nodeB1", T(26, 13, 46, 20), "cmcld[3020]", "The new active cluster membership is: nodeB1(id=3), nodeB2(id=4)")
    b.sys("nodeB1", T(26, 13, 57, 40), "sudo", "ops2 : TTY=pts/0 ; PWD=/etc/cmcluster/oracle_pkg ; USER=root ; COMMAND=/usr/bin/touch /etc/cmcluster/oracle_pkg/FORCEFLAG")
    b.sys("nodeB1", T(26, 13, 58, 40), "CM-CMD[3101]", "cmrunpkg -v -n nodeB1 oracle_pkg")
    b.sys("nodeB1", T(26, 13, 58, 41), "cmcld[3020]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (32, "The local device group oradg is in SVOL_PSUE state; remote state is EX_ENORMT (242)."),
        (33, "FORCEFLAG file found: starting although the data may not be current."),
        (40, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (41, "Device group oradg is now SVOL_SSWS."),
    ]
    lines, done = start_body(T(26, 13, 58, 42), "nodeB1", "oracle_pkg", mc)
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "oracle_pkg", 3020)
    # site A never halted oracle_pkg: its database keeps writing
    for hour in (14, 15):
        b.sys("nodeA1", T(26, hour, 12, 40), "oradb[9913]", "checkpoint complete: 4412 buffers written")
    b.write()
    b.expected([finding_of("package-started-while-running-elsewhere", "investigate", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("swap-resync-after-takeover", "swap-resync", "critical", "superseded", "oracle_pkg", "oradg")],
               ["force-or-resync", "recreate-pairs", "automated", "full-resync"],
               "At 13:02 the network between the sites fails. Site A gets the quorum server and re-forms its cluster with nodeA1 and nodeA2, oracle_pkg still running on nodeA1; the site B nodes are denied the lock and halt. After their reboot, site B's operator forms a cluster of nodeB1 and nodeB2 with cmruncl, creates FORCEFLAG and starts oracle_pkg on nodeB1: Metrocluster takes over the S-VOLs (SSWS). The logs never show oracle_pkg halted on nodeA1, and nodeA1's own log shows it in a cluster without site B: two clusters, both writing oradg. The swap resync that would usually follow a takeover is set aside: it would overwrite site A's writes. Operator: cmviewcl -v and pairdisplay -g oradg -fcx at both sites, halt oracle_pkg at the site whose data will be given up, decide with the application owners, and only then resync.")


def s66_plain_resync_after_failover():
    b = Bundle("plain-resync-after-failover")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(23, 0, 0), T(24, 16, 0), [("oracle_pkg", "DATA", {"AUTO_NONCURDATA": 1}, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(23, 0, 0, 0))
    morning_start(b, "nodeA1", T(23, 0, 2, 0), "oracle_pkg", "oradg", "DATA")
    # site A goes dark at 04:40; site B re-forms and Metrocluster takes over the S-VOLs (fence DATA: current data)
    site_a_power_loss(b, T(23, 4, 40, 0))
    sg_start(b, "nodeB1", T(23, 4, 40, 20), "oracle_pkg", command=False)
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is DATA."),
        (14, "The local device group oradg is in SVOL_PAIR state; remote state is EX_ENORMT (242)."),
        (14, "AUTO_NONCURDATA is 1: performing SVOL takeover for device group oradg."),
        (21, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (22, "Device group oradg is now SVOL_SSWS."),
    ]
    lines, done = start_body(T(23, 4, 40, 21), "nodeB1", "oracle_pkg", mc)
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "oracle_pkg")
    # site A is back the next morning; the operator moves oracle_pkg home without the swap resync
    for node in SITE_A:
        b.sys(node, T(24, 8, 10, 0), "horcmd_00[2201]", "horcmstart.sh 0: HORCM instance 0 started")
    b.sys("nodeB1", T(24, 8, 30, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_SSWS, remote PVOL_PSUE")
    b.sys("nodeA1", T(24, 9, 0, 0), "logger", "root: moving oracle_pkg back to site A (CHG0043107)")
    sg_halt(b, "nodeB1", T(24, 9, 2, 0), "oracle_pkg", cmpid=6210, done=T(24, 9, 2, 14))
    lines, _ = halt_body(T(24, 9, 2, 1), "nodeB1", "oracle_pkg")
    b.pkg("nodeB1", "oracle_pkg", lines)
    b.sys("nodeA1", T(24, 9, 5, 30), "sudo", "   oper3 : TTY=pts/2 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/pairresync -g oradg -c 15 -IH0")
    b.sys("nodeA1", T(24, 9, 6, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_COPY, remote SVOL_COPY")
    b.sys("nodeA1", T(24, 9, 41, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR, remote SVOL_PAIR")
    sg_start(b, "nodeA1", T(24, 9, 45, 0), "oracle_pkg", cmpid=6230)
    lines, done = start_body(T(24, 9, 45, 1), "nodeA1", "oracle_pkg", MC_OK("oradg", "DATA"))
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_started(b, "nodeA1", sec(done, 1), "oracle_pkg")
    b.write()
    b.expected([finding_of("plain-resync-after-failover-writes", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["force-or-resync", "recreate-pairs", "full-resync", "automated"],
               "Site A loses power at 04:40; site B re-forms the cluster and Metrocluster takes over the S-VOLs (fence DATA, AUTO_NONCURDATA=1), so oracle_pkg runs on nodeB1 on SSWS data for 28 hours. When site A is back, the operator halts oracle_pkg at site B and runs a plain pairresync -g oradg from nodeA1 (no -swaps/-swapp): the copy goes from the old P-VOL at site A to site B and overwrites everything oracle_pkg wrote there since the takeover. The pairs reach PAIR and oracle_pkg starts on nodeA1 on the data of 04:40. Nothing in the pair states looks wrong any more; the swap-resync and failback findings of the failover closed when the pairs reached PAIR and oracle_pkg started at home. Operator: no further resync, swap or takeover on oradg; recover the lost writes from the application (redo/archive logs, backups taken at site B) with its owners.")


def s67_takeover_missed_primary_writes():
    b = Bundle("takeover-missed-primary-writes")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(25, 0, 0), T(26, 9, 0), [("oracle_pkg", "NEVER", {"AUTO_SVOLPSUE": 1}, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(25, 0, 0, 0))
    morning_start(b, "nodeA1", T(25, 0, 2, 0), "oracle_pkg", "oradg")
    # only the CA links fail at 21:04 (fence NEVER): oracle_pkg keeps writing on nodeA1, site B's copy stops there
    b.sys("nodeA1", T(25, 21, 4, 40), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUE, remote SVOL_PSUE")
    b.sys("nodeB1", T(25, 21, 5, 0), "EMS [2710]", "------ EMS Event Notification ------  Value: \"CRITICAL (5)\" for Resource: \"/system/events/xp/35663\"  Continuous Access link failure: all remote copy paths to array 35422 are down")
    # nodeA2 is out for a memory repair; at 05:50 the DBA halts oracle_pkg for a change, at 06:31 the operator only
    # re-enables it: Serviceguard picks nodeB1, where AUTO_SVOLPSUE=1 takes the 9-hour-old S-VOL over
    b.sys("nodeA1", T(26, 5, 50, 0), "logger", "root: halting oracle_pkg for the DBA parameter change (CHG0043311)")
    sg_halt(b, "nodeA1", T(26, 5, 50, 2), "oracle_pkg", cmpid=6310, done=T(26, 5, 51, 10))
    lines, _ = halt_body(T(26, 5, 50, 3), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(26, 6, 31, 40), "CM-CMD[6331]", "cmmodpkg -e oracle_pkg")
    b.sys("nodeB1", T(26, 6, 31, 41), "cmcld[2048]", "Request from node nodeA1 to start package oracle_pkg on node nodeB1.")
    b.sys("nodeB1", T(26, 6, 31, 41), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (3, "The local device group oradg is in SVOL_PSUE state; remote state is PVOL_PSUE."),
        (3, "AUTO_SVOLPSUE is 1: performing SVOL takeover for device group oradg."),
        (39, "Executing horctakeover -g oradg -S -t 360 ... horctakeover returned 2 (SVOL-takeover)."),
        (40, "Device group oradg is now SVOL_SSWS; remote state is PVOL_PSUE."),
        (40, "WARNING: the package starts with non-current data."),
    ]
    lines, done = start_body(T(26, 6, 31, 42), "nodeB1", "oracle_pkg", mc)
    b.pkg("nodeB1", "oracle_pkg", lines)
    sg_started(b, "nodeB1", sec(done, 1), "oracle_pkg")
    b.write()
    b.expected([finding_of("takeover-missed-primary-writes", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["force-or-resync", "recreate-pairs", "automated"],
               "At 21:04 only the CA links fail (fence NEVER): oradg suspends (PVOL_PSUE / SVOL_PSUE) and oracle_pkg keeps writing on nodeA1 all night, so site B's copy stops at 21:04. With nodeA2 out for a repair, the DBA halts oracle_pkg at 05:50 and at 06:31 the operator only runs cmmodpkg -e: Serviceguard starts it on nodeB1, where AUTO_SVOLPSUE=1 takes the S-VOL over (SSWS) although site A's array answers with its P-VOL. oracle_pkg now writes at site B on data 9 hours old, while site A's array holds the night's writes: both copies hold writes the other lacks. The swap resync and failback findings are set aside. Operator: decide with the application owners which copy to keep and recover the other one's writes from the application; no resync, swap or takeover before that.")


def s68_takeover_by_hand_outcome_unknown():
    b = Bundle("takeover-by-hand-outcome-unknown")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(27, 6, 0), T(27, 23, 30), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(27, 6, 0, 0))
    morning_start(b, "nodeA1", T(27, 6, 2, 0), "oracle_pkg", "oradg")
    # 21:10 an operator at site B takes the S-VOLs over by hand through sudo; the outputs of the pairdisplay before and
    # after it, and of cmviewcl, stayed on the operator's screen: nothing in the logs says what the takeover did
    b.sys("nodeB1", T(27, 21, 4, 10), "sudo", "  kmiller : TTY=pts/2 ; PWD=/home/kmiller ; USER=root ; COMMAND=/HORCM/usr/bin/pairdisplay -g oradg -fc -I0")
    b.sys("nodeB1", T(27, 21, 10, 42), "sudo", "  kmiller : TTY=pts/2 ; PWD=/home/kmiller ; USER=root ; COMMAND=/HORCM/usr/bin/horctakeover -g oradg -S -I0")
    b.sys("nodeB1", T(27, 21, 12, 3), "sudo", "  kmiller : TTY=pts/2 ; PWD=/home/kmiller ; USER=root ; COMMAND=/HORCM/usr/bin/pairdisplay -g oradg -fc -I0")
    b.sys("nodeB1", T(27, 21, 14, 37), "sudo", "  kmiller : TTY=pts/2 ; PWD=/home/kmiller ; USER=root ; COMMAND=/usr/sbin/cmviewcl -v")
    b.write()
    b.expected([finding_of("takeover-by-hand-outcome-unknown", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "failback", "force-or-resync", "recreate-pairs"],
               "oracle_pkg runs at site A with the pairs PAIR. At 21:10 an operator on nodeB1 runs horctakeover -g oradg -S through sudo, then pairdisplay and cmviewcl, whose outputs are not in the bundle; until the logs end two hours later nothing says what the takeover did: no result, no pair state, no start or halt of oracle_pkg. The S-VOLs at site B may now be SSWS and written to while oracle_pkg still writes at site A, or the takeover may have failed. Operator: pairdisplay -g oradg -fcx at both sites, Raid Manager's command log on nodeB1, cmviewcl -v, and ask who ran it and why; no resync, takeover or FORCEFLAG before that.")


def s69_takeover_package_not_seen():
    b = Bundle("takeover-package-not-seen")
    # only site A was collected: its monitor reports the remote S-VOLs taken over; nothing shows oracle_pkg at site B
    base(b, SITE_A, T(28, 0, 0), T(28, 9, 30), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")], pkg_nodes=SITE_A + SITE_B)
    cluster_up(b, SITE_A, T(28, 0, 0, 0), members_of=SITE_A + SITE_B)
    morning_start(b, "nodeA1", T(28, 0, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(28, 1, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR, remote SVOL_PAIR")
    sg_halt(b, "nodeA1", T(28, 1, 40, 11), "oracle_pkg", command=False, cmpid=6410, done=T(28, 1, 40, 55))
    lines, _ = halt_body(T(28, 1, 40, 12), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.sys("nodeA1", T(28, 2, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote EX_ENORMT")
    for hour in range(3, 10):
        b.sys("nodeA1", T(28, hour, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSWS")
    b.write()
    b.expected([finding_of("takeover-package-not-seen", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "failback", "force-or-resync", "recreate-pairs"],
               "Only site A's nodes were collected. oracle_pkg runs on nodeA1 with the pairs PAIR; at 01:40 it is halted, and from 03:00 site A's hourly monitor reports its P-VOL PSUS and the remote S-VOL SSWS: the S-VOLs were taken over. Nothing in these logs shows oracle_pkg running anywhere since: the bundle lacks site B, where it probably runs on the SSWS volumes (then a swap resync from site B keeps its writes), or it failed there after the takeover, or the takeover was a test. Operator: cmviewcl -v -p oracle_pkg, pairdisplay at both sites, collect site B's logs; no plain resync, takeover or FORCEFLAG before that.")


def s70_node_halted_not_rejoined():
    b = Bundle("node-halted-not-rejoined")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(28, 6, 0), T(29, 12, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(28, 6, 0, 0))
    morning_start(b, "nodeA1", T(28, 6, 2, 0), "oracle_pkg", "oradg")
    # 22:00 nodeA2 (standby at site A) is halted for patching; it reboots and stays out of the cluster
    b.sys("nodeA2", T(28, 22, 0, 0), "CM-CMD[7120]", "cmhaltnode -f nodeA2")
    for node in ["nodeA1"] + SITE_B:
        b.sys(node, T(28, 22, 0, 11), "cmcld[2048]", "Node nodeA2 has halted and left the cluster.")
        b.sys(node, T(28, 22, 0, 12), "cmcld[2048]", "The new active cluster membership is: nodeA1(id=1), nodeB1(id=3), nodeB2(id=4)")
    b.syslogs[("nodeA2", "syslog.log")] = [e for e in b.syslogs[("nodeA2", "syslog.log")] if e[0] <= T(28, 22, 0, 0)]
    b.boot("nodeA2", T(28, 22, 40, 0), cluster_join=False)
    b.write()
    b.expected([finding_of("node-halted-not-rejoined", "rejoin-node", "warning", "open", None, None)],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "investigate"],
               "At 22:00 nodeA2, the standby node of site A, is halted with cmhaltnode for patching and reboots at 22:40; the other nodes report it halted and left the cluster. Fourteen hours later no cluster membership names it again: nobody ran cmrunnode. oracle_pkg runs on nodeA1 with nowhere to fail over at site A (a failure of nodeA1 would move it to site B). Operator: cmrunnode nodeA2 (or acknowledge the finding if nodeA2 is out on purpose), then cmviewcl to see it up.")


def s71_swap_resync_over_primary_writes():
    b = Bundle("swap-resync-over-primary-writes")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(29, 6, 0), T(29, 16, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(29, 6, 0, 0))
    morning_start(b, "nodeA1", T(29, 6, 2, 0), "oracle_pkg", "oradg")
    # 08:00 a DR test at site B: the S-VOLs are split read/write; oracle_pkg keeps running at site A
    b.sys("nodeA1", T(29, 7, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR, remote SVOL_PAIR")
    b.sys("nodeB1", T(29, 8, 0, 31), "sudo", "  jrossi : TTY=pts/0 ; PWD=/home/jrossi ; USER=root ; COMMAND=/HORCM/usr/bin/pairsplit -g oradg -rw -I0")
    b.sys("nodeA1", T(29, 9, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_PSUS")
    # 12:50 the test ends with a swap resync at site B instead of a plain resync from site A
    b.sys("nodeB1", T(29, 12, 50, 12), "sudo", "  jrossi : TTY=pts/0 ; PWD=/home/jrossi ; USER=root ; COMMAND=/HORCM/usr/bin/pairresync -g oradg -swaps -I0")
    b.sys("nodeA1", T(29, 13, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_COPY, remote PVOL_COPY")
    b.sys("nodeA1", T(29, 14, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PAIR, remote PVOL_PAIR")
    b.write()
    b.expected([finding_of("swap-resync-over-primary-writes", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "failback", "force-or-resync", "recreate-pairs"],
               "oracle_pkg runs on nodeA1 with the pairs PAIR. At 08:00 an operator at site B splits oradg read/write (pairsplit -rw) for a DR test on the S-VOLs, while oracle_pkg keeps writing at site A. At 12:50 he ends the test with pairresync -swaps at nodeB1 instead of a plain pairresync from site A: the roles swap and site B's test data is copied over site A's volumes (site A's monitor reports them S-VOL COPY, then PAIR). No takeover happened; everything oracle_pkg wrote at site A since 08:00 is on neither array. Operator: no further resync, swap or takeover on oradg; decide with the application owners which copy is production and recover the lost writes from the application.")


def s72_svol_writable_while_primary_writes():
    b = Bundle("svol-writable-while-primary-writes")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(29, 6, 0), T(29, 16, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(29, 6, 0, 0))
    morning_start(b, "nodeA1", T(29, 6, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(29, 8, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR, remote SVOL_PAIR")
    # 09:12 somebody at site B makes the S-VOLs writable outside the cluster (nothing of it is logged); a file system
    # on them is mounted on nodeB2 for a while. oracle_pkg keeps writing at site A.
    b.sys("nodeB2", T(29, 9, 12, 40), "vmunix", "vxfs: mesg 001: V-2-1: vx_mount - /dev/vg_ora/lvol1 mounted on /mnt/check")
    for hour in range(10, 16):
        b.sys("nodeA1", T(29, hour, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUS, remote SVOL_SSWS")
    b.write()
    b.expected([finding_of("svol-writable-while-primary-writes", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "failback", "force-or-resync", "recreate-pairs"],
               "oracle_pkg runs on nodeA1 with the pairs PAIR. At 09:12 somebody at site B makes the S-VOLs writable without the cluster (a horctakeover -S, a pairsplit -RS or a script's split: nothing of it is logged) and nodeB2 mounts a file system from them; from 10:00 site A's monitor reports its P-VOL PSUS and the remote S-VOL SSWS while oracle_pkg keeps writing at site A. Both copies may now take writes. Operator: find out at site B who made the S-VOLs writable and whether what was written there matters; no plain or swap resync before that (a plain one discards site B's writes, a swap one copies them over production).")


def s73_start_refused_after_lost_tiebreak():
    b = Bundle("start-refused-after-lost-tiebreak")
    nodes = SITE_A + SITE_B
    # only site A was collected: it lost the quorum server's vote to site B, whose logs cannot be reached
    base(b, SITE_A, T(30, 0, 0), T(30, 9, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")], pkg_nodes=nodes)
    cluster_up(b, SITE_A, T(30, 0, 0, 0), members_of=nodes)
    morning_start(b, "nodeA1", T(30, 0, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(30, 1, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR, remote SVOL_PAIR")
    for node in SITE_A:
        b.sys(node, T(30, 1, 50, 13), "cmcld[2048]", "Member nodeB1 seems unhealthy, not receiving heartbeats from it.")
        b.sys(node, T(30, 1, 50, 26), "cmcld[2048]", "Unable to obtain the cluster lock from the quorum server qs01: the other partition holds it. Halting.")
    # 07:38 the morning operator forms a cluster of site A's nodes only; oracle_pkg's start is refused
    b.sys("nodeA1", T(30, 7, 38, 2), "CM-CMD[4120]", "cmruncl -n nodeA1 -n nodeA2")
    for node in SITE_A:
        b.sys(node, T(30, 7, 38, 17), "cmcld[4130]", "2 nodes have formed a new cluster, sequence #1")
    b.sys("nodeA1", T(30, 7, 38, 19), "cmcld[4130]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl start' for package oracle_pkg.")
    mc = [
        (1, "This package is configured with remote data replication."),
        (2, "Fence level for device group oradg is NEVER."),
        (34, "pairvolchk -g oradg -c failed: EX_ENORMT (242) No remote host alive"),
        (34, "The local device group oradg is in PVOL_PSUS state; remote state is EX_ENORMT (242)."),
        (35, "AUTO_NONCURDATA is 0 and no FORCEFLAG file exists: the data may not be current, so the package will not be started."),
        (35, "Metrocluster will not start the package on this node (exit 1)."),
    ]
    pkg_fail(b, "nodeA1", T(30, 7, 38, 20), "oracle_pkg", mc)
    b.write()
    b.expected([finding_of("start-refused-after-lost-tiebreak", "investigate", "critical", "open", "oracle_pkg", "oradg"),
                finding_of("start-refused-noncurdata", "force-or-resync", "critical", "superseded", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "automated"],
               "Only site A's nodes were collected. At 01:50 the heartbeat between the sites breaks and the quorum server gives its vote to site B's partition: site A's nodes cannot get the cluster lock and halt. At 07:38 the morning operator forms a cluster of site A's nodes only (cmruncl -n) and oracle_pkg's start is refused: local PVOL_PSUS, remote EX_ENORMT, AUTO_NONCURDATA=0. Site B's cluster won the tie-break and most likely took the S-VOLs over and runs oracle_pkg there. Operator: no FORCEFLAG, no AUTO_NONCURDATA=1, no resync at site A; reach site B by another way (console, phone): cmviewcl -v -p oracle_pkg and pairdisplay -g oradg -fcx there; if oracle_pkg runs at site B, halt site A's one-site cluster before the network returns.")


def s74_suspended_at_logs_end():
    b = Bundle("suspended-at-logs-end")
    nodes = SITE_A + SITE_B
    # the on-call collected the bundle 25 minutes after the first alert, before anyone had looked at the arrays
    base(b, nodes, T(2, 6, 0), T(2, 10, 12), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(2, 6, 0, 0))
    morning_start(b, "nodeA1", T(2, 6, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(2, 8, 0, 5), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR, remote SVOL_PAIR")
    b.sys("nodeA1", T(2, 9, 47, 12), "horcmd_00[2201]", "[HORCM_102] Detected a suspending status on this paired volume (Volume:ora_d01,code:0009).")
    b.sys("nodeA1", T(2, 9, 47, 40), "EMS [2710]", "------ EMS Event Notification ------  Value: \"MAJOR (4)\" for Resource: \"/system/events/xp/35422\"  Continuous Access: remote copy paths to array 35663 degraded")
    # The monitor reads only its own side (pairvolchk -s); site B's nodes log nothing about the pairs before the copy.
    b.sys("nodeA1", T(2, 9, 48, 0), "logger", "mcstat: oradg: pairvolchk : Volstat is P-VOL.[status = PSUE fence = NEVER]")
    b.sys("nodeA1", T(2, 10, 5, 30), "logger", "root: INC0219931 collecting logs for storage team (cmcollect)")
    b.write()
    b.expected([finding_of("pairs-suspended-at-logs-end", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "failback", "automated"],
               "At 09:47 horcmd on nodeA1 reports a suspending status and the pair monitor there reads P-VOL PSUE for oradg (pairvolchk -s: its own side only); oracle_pkg keeps running on nodeA1 (fence NEVER). Site B's nodes log nothing about the pairs, and the on-call collected the logs at 10:12, 25 minutes later, before anyone had looked at the links or the arrays. Nothing says whether site B's array still answers (a link failure: resync from site A once it is repaired) or whether site B is failing too, nor whether someone is already resynchronizing. Not an all-clear, not a procedure yet: pairdisplay -g oradg -fcx on both sites and cmviewcl -v -p oracle_pkg first. Had both sides reported the PSUE, the link failure would be proven and pairs-suspended-no-resync would give the resync at once.")


def s79_copy_end_not_seen():
    b = Bundle("copy-end-not-seen")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(3, 6, 0), T(4, 15, 12), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(3, 6, 0, 0))
    morning_start(b, "nodeA1", T(3, 6, 2, 0), "oracle_pkg", "oradg")
    # the carrier's maintenance window: the links drop, both sides PSUE; oracle_pkg keeps running on nodeA1 (fence NEVER)
    b.sys("nodeA1", T(3, 21, 10, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUE, remote SVOL_PSUE")
    b.sys("nodeA1", T(3, 22, 9, 31), "sudo", "   oper1 : TTY=pts/1 ; PWD=/root ; USER=root ; COMMAND=/HORCM/usr/bin/pairresync -g oradg -c 15")
    # the operator reads the copy twice by hand, then goes home; no monitor line about oradg is collected after that
    b.sys("nodeA1", T(3, 22, 40, 0), "logger", "oper1: pairdisplay -g oradg -fc: local PVOL_COPY 27%, remote SVOL_COPY 27%")
    b.sys("nodeA1", T(3, 23, 38, 5), "logger", "oper1: pairdisplay -g oradg -fc: local PVOL_COPY 61%, remote SVOL_COPY 61%")
    b.write()
    b.expected([finding_of("copy-end-not-seen", "investigate", "critical", "open", "oracle_pkg", "oradg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "failback", "automated"],
               "After the carrier's maintenance both sides of oradg went PSUE at 21:10 while oracle_pkg kept running on nodeA1 (fence NEVER). At 22:09 the operator ran pairresync -g oradg from nodeA1 and read the copy at 27 % and 61 % by hand before leaving at 23:38. The logs run until 15:12 the next day and nothing in them says whether oradg reached PAIR or suspended again while the links had just been touched. Not an all-clear: pairdisplay -g oradg -fc now; wait if it still copies, find the cause if it is suspended again, before any new resync.")


def s80_package_running_switching_disabled():
    """oracle_pkg halted with cmhaltpkg for a patch and started again with cmrunpkg: both leave its switching disabled and
    no line says so; only the daily health check's cmviewcl table shows AUTO_RUN disabled, under a RESULT: OK."""
    b = Bundle("package-running-switching-disabled")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(17, 6, 0), T(20, 9, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(17, 6, 0, 0))
    morning_start(b, "nodeA1", T(17, 6, 2, 0), "oracle_pkg", "oradg")
    # a night patch window: the package halted by hand, the node patched and rebooted, the package started by hand
    sg_halt(b, "nodeA1", T(18, 1, 12, 40), "oracle_pkg", cmpid=8812, done=T(18, 1, 13, 5))
    lines, _ = halt_body(T(18, 1, 12, 41), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_start(b, "nodeA1", T(18, 2, 40, 11), "oracle_pkg", cmpid=9920)
    lines, done = start_body(T(18, 2, 40, 12), "nodeA1", "oracle_pkg", MC_OK("oradg"))
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_started(b, "nodeA1", sec(done, 1), "oracle_pkg")
    b.write()
    for day in (17, 18, 19, 20):
        switching = "enabled" if day == 17 else "disabled"
        when = T(day, 8, 0, 2)
        path = os.path.join(b.dir, "nodeB1", "var/opt/healthcheck", f"hc_{when:%Y%m%d}.txt")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(
                f"Daily health check  nodeB1  {when:%a %b %d %H:%M:%S} {TZ} {when:%Y}\n"
                "-------------------------------------------------------------\n"
                "# cmviewcl\n\n"
                "CLUSTER        STATUS\n"
                "metro_cl       up\n\n"
                "  NODE           STATUS       STATE\n"
                "  nodeA1         up           running\n\n"
                "    PACKAGE        STATUS           STATE            AUTO_RUN        NODE\n"
                f"    oracle_pkg     up               running          {switching:<16}nodeA1\n\n"
                "  NODE           STATUS       STATE\n"
                "  nodeA2         up           running\n"
                "  nodeB1         up           running\n"
                "  nodeB2         up           running\n\n"
                "RESULT: OK  (checks: nodes up, packages up, pairs PAIR)\n"
            )
    b.expected([finding_of("package-running-switching-disabled", "fix-package-failure", "warning", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "failback", "automated"],
               "On the 18th at 01:12 oracle_pkg is halted with cmhaltpkg for a patch window and started again with cmrunpkg at 02:40 on nodeA1. cmhaltpkg disables the package's switching and cmrunpkg does not enable it; no line says so, and nobody runs cmmodpkg -e. The daily health check on nodeB1 reports RESULT: OK every morning, but its cmviewcl table shows oracle_pkg with AUTO_RUN enabled on the 17th and disabled from the 18th on. If nodeA1 fails now, Serviceguard will not move oracle_pkg. Expected: package-running-switching-disabled (cmmodpkg -e oracle_pkg); no storage action.")

def s76_clock_stepped_command_before_failure():
    b = Bundle("clock-stepped-command-before-failure")
    nodes = SITE_A + SITE_B
    # nodeB2 came back from a board swap with its clock 40 minutes fast and xntpd not started; it is stepped back at 10:30
    b.clock_off("nodeB2", 2400, T(5, 10, 30, 2))
    base(b, nodes, T(5, 6, 0), T(5, 11, 5), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(5, 6, 0, 0))
    morning_start(b, "nodeA1", T(5, 6, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(5, 8, 0, 12), "CM-CMD[12319]", "cmmodpkg -d oracle_pkg")
    b.sys("nodeA1", T(5, 8, 0, 13), "cmcld[2048]", "Request from node nodeA1 to disable global switching for package oracle_pkg.")
    # the firmware window ends: switching enabled again from nodeB2 at 09:20 (its clock says 10:00)
    b.sys("nodeB2", T(5, 9, 20, 10), "CM-CMD[16504]", "cmmodpkg -e oracle_pkg")
    b.sys("nodeB2", T(5, 9, 20, 11), "cmcld[2048]", "Request from node nodeB2 to enable global switching for package oracle_pkg.")
    b.sys("nodeA1", T(5, 9, 31, 44), "cmcld[2048]", "Service ora_mon terminated due to an exit(1).")
    sg_halt(b, "nodeA1", T(5, 9, 31, 44), "oracle_pkg", command=False, done=T(5, 9, 32, 0))
    lines, _ = halt_body(T(5, 9, 31, 45), "nodeA1", "oracle_pkg")
    b.pkg("nodeA1", "oracle_pkg", lines)
    sg_start(b, "nodeA2", T(5, 9, 32, 26), "oracle_pkg", command=False)
    t = T(5, 9, 32, 27)
    b.pkg("nodeA2", "oracle_pkg", [banner(t, "nodeA2", "Starting package")] + [step(sec(t, offset), "nodeA2", text) for offset, text in MC_OK("oradg")] + [
        step(sec(t, 4), "nodeA2", "Activating volume group vg01 with exclusive option."),
        step(sec(t, 5), "nodeA2", "Checking filesystems:"),
        "   /dev/vg01/lvol1",
        "\tERROR:  Function check_and_mount",
        "\tERROR:  Failed to fsck one of the logical volumes.",
        step(sec(t, 36), "nodeA2", "Deactivating volume group vg01"),
        banner(sec(t, 38), "nodeA2", "Package start failed")])
    b.sys("nodeA2", T(5, 9, 33, 7), "cmcld[2048]", "Package oracle_pkg run script exited with NO_RESTART.")
    b.sys("nodeA2", T(5, 9, 33, 7), "cmcld[2048]", "Disabling global switching for package oracle_pkg.")
    # the file system repaired, the package started by hand; nobody runs cmmodpkg -e after it
    sg_start(b, "nodeA2", T(5, 9, 46, 30), "oracle_pkg", cmpid=19604)
    lines, done = start_body(T(5, 9, 46, 31), "nodeA2", "oracle_pkg", MC_OK("oradg"))
    b.pkg("nodeA2", "oracle_pkg", lines)
    sg_started(b, "nodeA2", sec(done, 1), "oracle_pkg")
    b.sys("nodeB2", T(5, 10, 29, 59), "xntpd[16737]", "xntpd 4.2.6p5@1.2349-o Tue Jan  1 00:00:00 UTC 2013 (1)")
    b.sys("nodeB2", T(5, 10, 30, 3), "xntpd[16737]", "time reset -2400.482611 s")
    b.sys("nodeB2", T(5, 10, 35, 0), "xntpd[16737]", "synchronized to 10.20.9.1, stratum=2")
    b.write()
    b.expected([finding_of("package-switching-left-disabled", "fix-package-failure", "warning", "open", "oracle_pkg", "oradg"),
                finding_of("package-run-failure", "fix-package-failure", "critical", "resolved", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "failback", "restart-at-failover-site"],
               "nodeB2 came back from a board swap with its clock 40 minutes fast and xntpd not running. At 08:00 switching of oracle_pkg is disabled for a firmware window and at 09:20 an operator enables it again from nodeB2, whose clock writes 10:00. At 09:31 ora_mon fails on nodeA1; oracle_pkg fails over to nodeA2, where fsck fails: the run script exits NO_RESTART and Serviceguard disables global switching. The file system is repaired and oracle_pkg started with cmrunpkg at 09:46, which leaves switching disabled. At 10:30 xntpd steps nodeB2's clock back by 2400 s. Read by the clocks as written, the cmmodpkg -e comes after the restart and ends the story; read where it happened it came before the failure, and oracle_pkg now runs with switching disabled: it would not fail over. Expected: package-switching-left-disabled (run cmmodpkg -e oracle_pkg); mcadvisor says which of nodeB2's lines it moved and by how much.")


def s77_command_device_lost():
    """A SAN clean-up unpresents the command device LUN from a site-B node: its Raid Manager instance answers EX_CMDIOE
    to every command while the pairs stay PAIR (the site's other node reads them); a failover to it would fail."""
    b = Bundle("command-device-lost")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(12, 6, 0), T(13, 11, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(12, 6, 0, 0))
    morning_start(b, "nodeA1", T(12, 6, 2, 0), "oracle_pkg", "oradg")
    # 14:31 the storage team removes "unused" LUNs from site B's host group: nodeB1's two command devices among them
    b.sys("nodeB1", T(12, 14, 31, 50), "vmunix", "class : lunpath, instance 41")
    b.sys("nodeB1", T(12, 14, 31, 50), "vmunix", "lun path (class = lunpath, instance 41) belonging to LUN (default minor = 0x30) has gone offline.")
    b.sys("nodeB1", T(12, 14, 31, 52), "horcmd_00[3101]", "HORCM_CMD /dev/rdisk/disk48: command device I/O failed")
    b.sys("nodeB1", T(12, 14, 31, 52), "horcmd_00[3101]", "HORCM_CMD /dev/rdisk/disk52: command device I/O failed")
    # the hourly pair check: nodeB1's own instance cannot read the pairs, nodeB2's (same array) reads them PAIR
    for hh in range(15, 24):
        b.sys("nodeB1", T(12, hh, 0, 3), "logger", "mcstat: pairdisplay -g oradg -fc: [EX_CMDIOE] Control command I/O error")
        b.sys("nodeB2", T(12, hh, 0, 3), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PAIR 100%, remote PVOL_PAIR")
    for hh in range(0, 11):
        b.sys("nodeB1", T(13, hh, 0, 3), "logger", "mcstat: pairdisplay -g oradg -fc: [EX_CMDIOE] Control command I/O error")
        b.sys("nodeB2", T(13, hh, 0, 3), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PAIR 100%, remote PVOL_PAIR")
    b.write()
    b.expected([finding_of("command-device-lost", "restart-raid-manager", "warning", "open")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "failback"],
               "At 14:31 a SAN clean-up removed nodeB1's two command devices from site B's host group. Its Raid Manager instance 0 logs both as failed, and from then on every hourly pair check run on nodeB1 answers EX_CMDIOE, while nodeB2 (the same array) reads oradg PAIR on both sides: the replication is healthy, but oracle_pkg could not start on nodeB1 or fail over to it, because Metrocluster cannot read the pair state there. Present the command device to nodeB1 again, make HORCM_CMD in /etc/horcm0.conf name its current device files, restart instance 0 on nodeB1 (horcmshutdown.sh 0; horcmstart.sh 0) and check pairdisplay from nodeB1. No resync, split or takeover.")


def s75_halt_hanging_busy_filesystem():
    b = Bundle("halt-hanging-busy-filesystem")
    nodes = SITE_A + SITE_B
    # a planned move of oracle_pkg to nodeA2 for patching; the backup agent keeps /oraarch busy and is relaunched by its
    # server after every fuser -k, so the halt script keeps retrying the umount; the bundle is taken 40 minutes into it
    base(b, nodes, T(3, 6, 0), T(3, 20, 41), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
    cluster_up(b, nodes, T(3, 6, 0, 0))
    morning_start(b, "nodeA1", T(3, 6, 2, 0), "oracle_pkg", "oradg")
    b.sys("nodeA1", T(3, 20, 0, 0), "CM-CMD[3180]", "cmhaltpkg -v oracle_pkg")
    b.sys("nodeA1", T(3, 20, 0, 0), "cmcld[2048]", "Request from node nodeA1 to halt package oracle_pkg on node nodeA1.")
    b.sys("nodeA1", T(3, 20, 0, 0), "cmcld[2048]", "Executing '/etc/cmcluster/oracle_pkg/oracle_pkg.cntl stop' for package oracle_pkg.")
    lines = [banner(T(3, 20, 0, 1), "nodeA1", "Halting package"),
             step(T(3, 20, 0, 2), "nodeA1", "Halting service ora_mon"),
             step(T(3, 20, 0, 5), "nodeA1", "Remove IP address 10.20.5.40 from subnet 10.20.5.0"),
             step(T(3, 20, 0, 6), "nodeA1", "Unmounting filesystem on /dev/vg01/lvol2")]
    t = T(3, 20, 0, 6)
    for attempt in range(40):
        t = sec(t, 60)
        lines.append(step(t, "nodeA1", "Unmount /dev/vg01/lvol2 failed, trying again."))
    b.pkg("nodeA1", "oracle_pkg", lines)
    b.write()
    b.expected([finding_of("package-halt-unfinished", "investigate", "warning", "open", "oracle_pkg", "oradg")],
               ["full-resync", "swap-resync", "recreate-pairs", "force-or-resync", "failback", "restart-at-failover-site"],
               "A planned move of oracle_pkg to nodeA2 for patching begins at 20:00 with cmhaltpkg on nodeA1. The backup agent keeps /oraarch (/dev/vg01/lvol2) busy and its server relaunches it after every fuser -k, so the halt script retries the umount every minute; the bundle is taken at 20:41, the halt still looping. vg01 is still active on nodeA1: oracle_pkg must not be started anywhere else until the halt ends. Operator: fuser -cu /oraarch, stop the backup session at its source, watch the package log; if the halt fails, release the file system and the volume group by hand and cmmodpkg -e oracle_pkg. Replication is not involved.")


def s82_several_clusters_same_names():
    """Two Metroclusters built from one standard share a DWDM ring: both oradg go PSUE, only mchr's is resynchronized.
    mcfin is known by its cluster ASCII file, mchr only by its membership lines; each is correlated on its own."""
    b = Bundle("several-clusters-same-names")
    fin = ["fina1", "fina2", "finb1", "finb2"]
    hr = ["hra1", "hra2", "hrb1", "hrb2"]
    for nodes in (fin, hr):
        base(b, nodes, T(16, 20, 0), T(18, 9, 0), [("oracle_pkg", "NEVER", None, 360, "NO_TIMEOUT")])
        cluster_up(b, nodes, T(16, 20, 0, 0))
        morning_start(b, nodes[0], T(16, 20, 2, 0), "oracle_pkg", "oradg")
    # Tuesday 02:10: the ring drops; each cluster's monitor sees its own oradg suspended on both sides.
    for nodes in (fin, hr):
        b.sys(nodes[0], T(17, 2, 10, 40), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUE 100%, remote SVOL_PSUE")
        b.sys(nodes[2], T(17, 2, 10, 42), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PSUE 100%, remote PVOL_PSUE")
    # mchr's on-call resynchronizes its oradg once the ring is back; nobody touches mcfin's.
    b.sys("hra1", T(17, 4, 5, 12), "logger", "root: ring repaired, pairresync -g oradg -c 15 (INC0208811)")
    b.sys("hra1", T(17, 4, 5, 20), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_COPY 12%, remote SVOL_COPY")
    b.sys("hra1", T(17, 4, 48, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
    b.sys("hrb1", T(17, 4, 48, 2), "logger", "mcstat: pairdisplay -g oradg -fc: local SVOL_PAIR 100%, remote PVOL_PAIR")
    for hour in (6, 12, 18):
        b.sys("fina1", T(17, hour, 0, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PSUE 100%, remote SVOL_PSUE")
        b.sys("hra1", T(17, hour, 0, 0), "logger", "mcstat: pairdisplay -g oradg -fc: local PVOL_PAIR 100%, remote SVOL_PAIR")
    b.write()
    with open(os.path.join(b.dir, "fina1", "etc/cmcluster", "cmclconfig.ascii"), "w") as handle:
        handle.write(cluster_ascii_with_sites("mcfin", {"fin-a": fin[:2], "fin-b": fin[2:]}))
    b.expected([finding_of("pairs-suspended-no-resync", "full-resync", "critical", "open", "oracle_pkg", "oradg")],
               ["swap-resync", "recreate-pairs", "force-or-resync", "automated", "failback"],
               "Two HP-UX Metroclusters built from one standard, mcfin (fina1/fina2 at site A, finb1/finb2 at site B) and mchr (hra1/hra2, hrb1/hrb2), both run package oracle_pkg on device group oradg, instance 0, fence NEVER, over one shared DWDM ring. The ring drops on Tuesday 02:10 and both clusters' oradg suspend (PVOL_PSUE / SVOL_PSUE on both sides). mchr's on-call resynchronizes its own oradg at 04:05 and it is PAIR at 04:48; nobody touches mcfin's, which is still PSUE at 18:00. Read as one cluster, mchr's PAIR would close mcfin's suspension: a false all-clear. Each cluster is correlated on its own (mcfin by its cluster ASCII file, mchr by its membership lines): mcfin's oradg needs the full resync from fina1 once the links are confirmed; mchr's needs nothing.")


def s81_run_script_timeout_not_raised():
    """A planned move's swap-takeover outlasts RUN_SCRIPT_TIMEOUT 900; the move is abandoned and sap_pkg started again at
    home (no takeover needed there). The package runs, run-script-timeout closes, and nothing raises the timeout."""
    b = Bundle("run-script-timeout-not-raised")
    nodes = SITE_A + SITE_B
    base(b, nodes, T(21, 0, 0), T(21, 23, 0), [("sap_pkg", "ASYNC", None, 360, "900")])
    cluster_up(b, nodes, T(21, 4, 0, 0))
    morning_start(b, "nodeA1", T(21, 4, 2, 0), "sap_pkg", "sapdg", "ASYNC", file="sap_pkg.cntl.log")
    sg_halt(b, "nodeA1", T(21, 20, 0, 0), "sap_pkg", done=T(21, 20, 0, 12))
    lines, _ = halt_body(T(21, 20, 0, 1), "nodeA1", "sap_pkg")
    b.pkg("nodeA1", "sap_pkg", lines, "sap_pkg.cntl.log")
    sg_start(b, "nodeB1", T(21, 20, 1, 0), "sap_pkg", cmpid=9120)
    t = T(21, 20, 1, 1)
    lines = [banner(t, "nodeB1", "Starting package"),
             step(sec(t, 1), "nodeB1", "This package is configured with remote data replication."),
             step(sec(t, 2), "nodeB1", "Fence level for device group sapdg is ASYNC."),
             step(sec(t, 95), "nodeB1", "Local state: SVOL_PAIR, remote state: PVOL_PAIR for device group sapdg (310 volumes)."),
             step(sec(t, 96), "nodeB1", "Waiting for horctakeover -g sapdg -t 360 to drain the side file of 310 volumes (remote PVOL_PAIR 91%).")]
    b.pkg("nodeB1", "sap_pkg", lines, "sap_pkg.cntl.log")
    b.sys("nodeB1", T(21, 20, 16, 1), "cmcld[2048]", "Package sap_pkg run script timed out.")
    b.sys("nodeB1", T(21, 20, 16, 1), "cmcld[2048]", "Examine the file /etc/cmcluster/sap_pkg/sap_pkg.cntl.log for more details.")
    b.sys("nodeB1", T(21, 20, 16, 2), "cmcld[2048]", "Switching disabled for package sap_pkg on node nodeB1.")
    # The move abandoned: switching enabled again and the package started at home, where no takeover is needed.
    b.sys("nodeA1", T(21, 20, 40, 0), "CM-CMD[9311]", "cmmodpkg -e sap_pkg")
    b.sys("nodeA1", T(21, 20, 40, 30), "CM-CMD[9318]", "cmmodpkg -e -n nodeB1 sap_pkg")
    morning_start(b, "nodeA1", T(21, 20, 41, 0), "sap_pkg", "sapdg", "ASYNC", file="sap_pkg.cntl.log")
    b.write()
    b.expected([finding_of("run-script-timeout-not-raised", "raise-run-script-timeout", "warning", "open", "sap_pkg", "sapdg")],
               ["full-resync", "recreate-pairs", "swap-resync", "force-or-resync", "failback"],
               "A planned move of sap_pkg to nodeB1 needs a swap-takeover of 310 ASYNC volumes; Serviceguard kills the run script after RUN_SCRIPT_TIMEOUT 900 s while horctakeover still drains the side file. The move is abandoned: switching is enabled again and sap_pkg starts at home on nodeA1 at 20:41, where no takeover is needed. The package runs and the pairs never left PAIR, but nothing raised RUN_SCRIPT_TIMEOUT: the next failover or move that needs the takeover will be killed the same way. Expected: run-script-timeout-not-raised (set NO_TIMEOUT, cmapplyconf -P), no storage action.")


if __name__ == "__main__":
    s01_healthy_day()
    s02_links_fence_never()
    s02_links_fence_never("resolved-after-resync", resync=True)
    s03_recovery_array_failure()
    s04_both_smpl()
    s05_site_failover()
    s06_auto_psuepsus()
    s07_run_script_timeout()
    s08_raid_manager_config()
    s09_noncurdata()
    s10_svolpsue()
    s11_fence_data_split()
    s12_horctakeover_timeout()
    s13_pair_consistency()
    s13b_pair_consistency_one_ldev()
    s14_member_timeout()
    s15_package_failure_vg()
    s16_continental_alarm()
    s17_package_cannot_move()
    s18_package_halt_failure()
    s19_pairs_suspended_no_resync()
    s20_run_script_timeout_below_horctimeout()
    s21_start_refused_fencedata_split()
    s22_start_refused_psuepsus()
    s23_start_refused_psussssws()
    s24_start_refused_svolpfus()
    s25_start_refused_svolpsus()
    s26_daemon_died()
    s27_start_refused_unexplained()
    s28_pasted_pairdisplay_fcx()
    s29_states_in_words()
    s30_pairvolchk_output()
    s31_monitor_fd_keyvalue()
    s32_operator_sudo_horcm()
    s33_async_sidefile_filling()
    s34_continental_failback()
    s35_run_script_timeout_too_short()
    s36_pairs_left_split()
    s37_quorum_lost_cluster_halted()
    s38_continental_monitor_not_running()
    s39_linux_site_failover()
    s40_linux_journal_link_failure()
    s41_linux_healthy_day()
    s42_takeover_pairvolchk_form()
    s43_jnl_rw_split_refused()
    s44_sites_named_takeover()
    s45_failback_during_copy()
    s46_start_failed_unread_wording()
    s47_takeover_rejected_by_array()
    s48_node_lost_package_not_restarted()
    s49_halt_failed_syslog_only()
    s50_remote_raid_manager_unreachable()
    s51_raid_manager_unknown_name_repeated()
    s52_continental_forced_recovery()
    s53_continental_recovery_not_started()
    s54_start_refused_after_operator_split()
    s55_partner_array_replaced_smpl()
    s56_node_left_not_rejoined()
    s57_node_reset_safety_timer()
    s58_resync_rejected()
    s59_remote_horcm_down_start_refused()
    s60_package_started_outside_cluster()
    s61_pairwatch_log_psue_unprotected()
    s62_package_started_while_running_elsewhere()
    s63_split_brain_second_cluster()
    s64_node_failed_packages_silent()
    s65_start_cut_during_takeover()
    s66_plain_resync_after_failover()
    s67_takeover_missed_primary_writes()
    s68_takeover_by_hand_outcome_unknown()
    s69_takeover_package_not_seen()
    s70_node_halted_not_rejoined()
    s71_swap_resync_over_primary_writes()
    s72_svol_writable_while_primary_writes()
    s73_start_refused_after_lost_tiebreak()
    s74_suspended_at_logs_end()
    s75_halt_hanging_busy_filesystem()
    s76_clock_stepped_command_before_failure()
    s77_command_device_lost()
    s78_continental_swap_resync_copying()
    s79_copy_end_not_seen()
    s80_package_running_switching_disabled()
    s81_run_script_timeout_not_raised()
    s82_several_clusters_same_names()
