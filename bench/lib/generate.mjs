// Deterministic benchmark inputs: HP-UX syslog in the shapes of samples/ (see samples/tools/make-samples.py),
// about 90% ordinary HP-UX daemons and 10% Serviceguard / Metrocluster / Raid Manager lines, written in
// 1 MiB pieces so a 10M-line file never sits in memory. Same seed, same bytes (a sha256 is recorded).
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, readdirSync, statSync, utimesSync, writeSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, relative } from "node:path";
import { Random } from "./random.mjs";

/** Bumped whenever the output changes: inputs with another version are generated again. */
export const GENERATOR_VERSION = 1;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const NODES = ["nodeA1", "nodeA2", "nodeB1", "nodeB2"];
const IPS = { nodeA1: "10.20.1.11", nodeA2: "10.20.1.12", nodeB1: "10.30.1.11", nodeB2: "10.30.1.12", nodeC1: "10.40.1.11" };
const PACKAGES = [
  { name: "oracle_pkg", deviceGroup: "oradg", service: "ora_mon" },
  { name: "sap_pkg", deviceGroup: "sapdg", service: "sap_mon" },
  { name: "nfs_pkg", deviceGroup: null, service: "nfs_mon" },
];
/** A fixed file time (the logs are year-less: the year comes from the mtime), so every run reads 2026. */
export const INPUT_MTIME = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

const pad2 = (value) => (value < 10 ? `0${value}` : `${value}`);

/** `Mmm dd hh:mm:ss` (space-padded day) of naive wall-clock ms; the last one is remembered (many lines share a second). */
function stamper() {
  let lastSecond = -1;
  let last = "";
  return (ms) => {
    const second = Math.floor(ms / 1000);
    if (second !== lastSecond) {
      const date = new Date(second * 1000);
      const day = date.getUTCDate();
      last = `${MONTHS[date.getUTCMonth()]} ${day < 10 ? ` ${day}` : day} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}`;
      lastSecond = second;
    }
    return last;
  };
}

function longDate(ms) {
  const date = new Date(ms);
  return `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${pad2(date.getUTCDate())} ${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())} ${date.getUTCFullYear()}`;
}

/** Buffered, hashed writer: about 1 MiB per write call. */
class LineWriter {
  constructor(path) {
    mkdirSync(dirname(path), { recursive: true });
    this.path = path;
    this.fd = openSync(path, "w");
    this.hash = createHash("sha256");
    this.buffer = "";
    this.lines = 0;
    this.bytes = 0;
  }

  line(text) {
    this.buffer += `${text}\n`;
    this.lines++;
    if (this.buffer.length >= 1 << 20) this.drain();
  }

  drain() {
    if (this.buffer.length === 0) return;
    const bytes = Buffer.from(this.buffer);
    writeSync(this.fd, bytes);
    this.hash.update(bytes);
    this.bytes += bytes.length;
    this.buffer = "";
  }

  close() {
    this.drain();
    closeSync(this.fd);
    utimesSync(this.path, INPUT_MTIME, INPUT_MTIME);
    return { lines: this.lines, bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}

/**
Line sources. Each takes (random, node, time) and returns [delaySeconds, program, text][] (the first at 0 s):
a few come in pairs (ssh login and logout, sendmail from/to, a repeated message).
*/
const noise = [
  [
    24,
    (random) => {
      const pid = random.int(1200, 29999);
      const user = random.pick(["root", "oracle", "sapadm", "monitor", "backup"]);
      const from = random.pick(["10.20.9.21", "10.20.9.22", "10.30.9.40", "10.30.9.41"]);
      return [
        [0, `sshd[${pid}]`, `Accepted publickey for ${user} from ${from} port ${random.int(40000, 65000)} ssh2`],
        [random.int(20, 900), `sshd[${pid}]`, `Received disconnect from ${from}: 11: disconnected by user`],
      ];
    },
  ],
  [
    12,
    (random, node, time) => {
      const peer = random.pick(Object.keys(IPS).filter((name) => name !== node));
      return [[0, `inetd[${random.int(1200, 29999)}]`, `registrar/tcp: Connection from ${peer} (${IPS[peer]}) at ${longDate(time)}`]];
    },
  ],
  [
    10,
    (random, node, time) => {
      const queue = `wAP${pad2(random.int(0, 23))}${pad2(random.int(0, 59))}${pad2(random.int(0, 59))}${random.int(100, 999)}`;
      const pid = random.int(1200, 29999);
      const date = new Date(time);
      return [
        [
          0,
          `sendmail[${pid}]`,
          `${queue}: from=root, size=${random.int(400, 30000)}, class=0, nrcpts=1, msgid=<${date.getUTCFullYear()}${pad2(date.getUTCMonth() + 1)}${pad2(date.getUTCDate())}${pad2(date.getUTCHours())}${pad2(date.getUTCMinutes())}.${queue}@${node}>, relay=root@localhost`,
        ],
        [1, `sendmail[${pid}]`, `${queue}: to=root, delay=00:00:01, xdelay=00:00:00, mailer=local, stat=Sent`],
      ];
    },
  ],
  [8, (random) => [[0, `xntpd[${random.pick([1187, 1190])}]`, `synchronized to 10.20.9.1, stratum=${random.pick([2, 3])}`]]],
  [
    8,
    (random) => {
      const user = random.pick(["root", "oracle", "sapadm", "adm"]);
      const command = random.pick([
        "/usr/sbin/sa1 300 12",
        "/usr/lib/sa/sa2 -s 8:00 -e 18:01 -i 3600 -A",
        "/opt/oracle/bin/rman_archive.sh",
        "/usr/sbin/acct/ckpacct",
        "/var/adm/bin/mcstat.sh",
      ]);
      return [[0, `cron[${random.int(1200, 29999)}]`, `(${user}) CMD (${command})`]];
    },
  ],
  [
    6,
    (random) => [
      [
        0,
        `EMS [${random.pick([2710, 2711])}]`,
        `------ EMS Event Notification ------  Value: "INFORMATION (2)" for Resource: "/system/events/cpu_monitor/cpu${random.int(0, 7)}"  (Threshold:  >= " 2")  Execute the following command to obtain event details:  /opt/resmon/bin/resdata -R ${random.int(100000000, 999999999)} -r /system/events/cpu_monitor/cpu0 -n ${random.int(100000000, 999999999)} -a`,
      ],
    ],
  ],
  [
    5,
    (random) => [
      [0, `su[${random.int(1200, 29999)}]`, random.pick(["+ tty?? root-oracle", "+ tty?? root-sapadm", "+ ta root-monitor", "- pts/1 oracle-root"])],
    ],
  ],
  [
    4,
    (random) => [
      [0, `ftpd[${random.int(1200, 29999)}]`, `FTP LOGIN FROM 10.20.9.${random.int(30, 60)} [10.20.9.${random.int(30, 60)}], backup`],
      [2, null, `last message repeated ${random.int(2, 4)} times`],
    ],
  ],
  [
    4,
    (random) => [
      [0, `snmpdm[${random.pick([1410, 1411])}]`, "snmpdm: SNMP request from 10.20.9.5 rejected: bad community name"],
      [30, null, `last message repeated ${random.int(2, 9)} times`],
    ],
  ],
  [4, (random) => [[0, `rpc.statd[${random.pick([1022, 1023])}]`, `statd: attempting to contact host backup0${random.int(1, 3)}`]]],
  [
    4,
    (random) => [
      [
        0,
        "vmunix",
        random.pick([
          `NFS server 10.20.9.${random.int(30, 35)} not responding still trying`,
          `NFS server 10.20.9.${random.int(30, 35)} ok`,
          `vxfs: msgcnt ${random.int(1, 40)} mesg 001: V-2-1: vx_nospace - /dev/vg00/lvol${random.int(3, 8)} file system full (1 block extent)`,
          `LVM: VG 64 0x0${random.int(1, 4)}0000: PVLink 31 0x0${random.int(1, 9)}0200 Recovered.`,
          `Evpd inquiry page 83h/80h failed or the current page 83h/80h data do not match the previous known page 83h/80h data on LUN id 0x${random.int(0, 9)} probed beneath the target path (class = tgtpath, instance = ${random.int(1, 40)})`,
        ]),
      ],
    ],
  ],
  [2, (random) => [[0, `telnetd[${random.int(1200, 29999)}]`, "getpid: peer died: Connection reset by peer"]]],
  [2, (random) => [[0, `automountd[${random.pick([1530, 1531])}]`, `server backup0${random.int(1, 3)} not responding`]]],
  [1, () => [[0, "syslogd", "restart"]]],
];

const siteOf = (node) => (node.startsWith("nodeA") ? "A" : "B");

const serviceguard = [
  // A site's own monitoring script (as in samples/): the pair state of each device group every few minutes.
  [
    30,
    (random, node) => {
      const group = random.pick(["oradg", "sapdg"]);
      const local = siteOf(node) === "A" ? "PVOL_PAIR" : "SVOL_PAIR";
      const remote = siteOf(node) === "A" ? "SVOL_PAIR" : "PVOL_PAIR";
      return [[0, "logger", `mcstat: pairdisplay -g ${group} -fc: local ${local} 100%, remote ${remote}`]];
    },
  ],
  [
    22,
    (random) => [
      [
        0,
        `CM-CMD[${random.int(1200, 29999)}]`,
        random.pick(["cmviewcl -v", "cmviewcl -f line", "cmviewcl -v -p oracle_pkg", "cmviewcl -v -p sap_pkg", "cmgetconf -p sap_pkg"]),
      ],
    ],
  ],
  [10, (random, node) => [[0, "cmclconfd[1302]", `Request to get cluster configuration from root on ${random.pick(NODES.filter((name) => name !== node))}`]]],
  [8, (random) => [[0, "cmnetd[1310]", random.pick(["lan1: link up", "lan2: standby interface ok", `Subnet 10.${random.pick([20, 30])}.1.0 heartbeat ok`])]]],
  [
    6,
    (random) => [
      [0, "horcmd_00[2201]", random.pick(["horcmd: HORCM instance 0: pair monitor interval 300 sec", "HORCM_MON: service horcm0 port 11000 ready"])],
    ],
  ],
  // A package moved by an operator: halt on one node, start on another (cmcld and the admin command).
  [
    4,
    (random, node) => {
      const pkg = random.pick(PACKAGES);
      const target = random.pick(NODES.filter((name) => name !== node && siteOf(name) === siteOf(node)).concat([node]));
      const pid = random.int(1200, 29999);
      return [
        [0, `CM-CMD[${pid}]`, `cmhaltpkg -v ${pkg.name}`],
        [1, "cmcld[2048]", `Request from node ${node} to halt package ${pkg.name} on node ${node}.`],
        [1, "cmcld[2048]", `Executing '/etc/cmcluster/${pkg.name}/${pkg.name}.cntl stop' for package ${pkg.name}.`],
        [14, "cmcld[2048]", `Halted package ${pkg.name} on node ${node}.`],
        [40, `CM-CMD[${pid + 7}]`, `cmrunpkg -v -n ${target} ${pkg.name}`],
        [41, "cmcld[2048]", `Request from node ${node} to start package ${pkg.name} on node ${target}.`],
        [41, "cmcld[2048]", `Executing '/etc/cmcluster/${pkg.name}/${pkg.name}.cntl start' for package ${pkg.name}.`],
        [58, "cmcld[2048]", `Started package ${pkg.name} on node ${target}.`],
      ];
    },
  ],
  [
    2,
    (random) => [
      [
        0,
        "cmcld[2048]",
        `Warning: cmcld was unable to run for the last ${random.int(1, 1)}.${random.int(0, 9)} seconds. Consult the Managing Serviceguard manual for guidance on setting MEMBER_TIMEOUT, and information on cmcld.`,
      ],
    ],
  ],
  [2, (random) => [[0, "cmcld[2048]", `Obtaining Cluster Lock from quorum server qs0${random.int(1, 2)}`]]],
];

function weighted(table) {
  const total = table.reduce((sum, [weight]) => sum + weight, 0);
  return (random) => {
    let roll = random.next() * total;
    for (const [weight, make] of table) {
      roll -= weight;
      if (roll < 0) return make;
    }
    return table[table.length - 1][1];
  };
}

const pickNoise = weighted(noise);
const pickServiceguard = weighted(serviceguard);

/**
An endless, time-ordered stream of `{ time, line }` for the given nodes. `serviceguardShare` of the
*sources picked* are Serviceguard ones; a source's later lines wait in a small queue so the file stays in time order.
*/
function* syslogStream({ seed, startMs, meanGapSeconds, nodes, serviceguardShare, serviceguardSources = pickServiceguard }) {
  const random = new Random(seed);
  const stamp = stamper();
  const queued = []; // [time, order, line, isServiceguard], sorted by time then order
  let order = 0;
  let time = startMs;
  const enqueue = (entry) => {
    let index = queued.length;
    while (index > 0 && (queued[index - 1][0] > entry[0] || (queued[index - 1][0] === entry[0] && queued[index - 1][1] > entry[1]))) index--;
    queued.splice(index, 0, entry);
  };
  for (;;) {
    time += Math.max(1, Math.round(random.exponential(meanGapSeconds * 1000)));
    while (queued.length > 0 && queued[0][0] <= time) {
      const [at, , text, isServiceguard] = queued.shift();
      yield { time: at, text, isServiceguard };
    }
    const node = nodes.length === 1 ? nodes[0] : random.pick(nodes);
    const isServiceguard = random.next() < serviceguardShare;
    const make = isServiceguard ? serviceguardSources(random) : pickNoise(random);
    const parts = make(random, node, time);
    for (const [delay, program, text] of parts) {
      const at = time + delay * 1000;
      const line = program === null ? `${stamp(at)} ${node} ${text}` : `${stamp(at)} ${node} ${program}: ${text}`;
      if (delay === 0) yield { time: at, text: line, isServiceguard };
      else enqueue([at, order++, line, isServiceguard]);
    }
  }
}

/**
A consolidated HP-UX syslog of `lines` lines from four cluster nodes (as a syslog-ng consolidation host
keeps it), starting at `startMs` (naive wall clock), a line every `meanGapSeconds` on average.
*/
export function generateSyslog({ path, lines, seed, startMs, meanGapSeconds = 0.35 }) {
  const writer = new LineWriter(path);
  let serviceguardLines = 0;
  for (const { text, isServiceguard } of syslogStream({ seed, startMs, meanGapSeconds, nodes: NODES, serviceguardShare: 0.105 })) {
    if (writer.lines >= lines) break;
    writer.line(text);
    if (isServiceguard) serviceguardLines++;
  }
  return { ...writer.close(), serviceguardLines };
}

const SYSLOG_TIME = /^([A-Z][a-z]{2}) ([ \d]\d) (\d\d):(\d\d):(\d\d) /;

function syslogTime(line, year) {
  const match = SYSLOG_TIME.exec(line);
  if (!match) return null;
  return Date.UTC(year, MONTHS.indexOf(match[1]), Number(match[2]), Number(match[3]), Number(match[4]), Number(match[5]));
}

function filesUnder(directory) {
  const found = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(path));
    else found.push(path);
  }
  return found.sort();
}

/**
A 4-node incident bundle: the incident of samples/<incident> (its syslog lines, package logs,
package configuration and Metrocluster environment files, unchanged) inside a busy background of
about `lines` generated lines, so the findings that sample expects must fire from a large input.
The background never names the incident's package or device group, so it cannot change them.
*/
export function generateBundle({ directory, samplesDirectory, incident = "links-fence-never-primary-restart", lines = 200_000, seed }) {
  const source = join(samplesDirectory, incident);
  const files = filesUnder(source).filter((path) => !path.endsWith("expected-findings.json"));
  const syslogs = new Map(); // node -> sample lines
  let first = Infinity;
  let last = -Infinity;
  for (const path of files) {
    const parts = relative(source, path).split("/");
    if (parts.slice(1).join("/") !== "var/adm/syslog/syslog.log") continue;
    const text = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.length > 0);
    syslogs.set(parts[0], text);
    for (const line of text) {
      const time = syslogTime(line, 2026);
      if (time !== null) {
        first = Math.min(first, time);
        last = Math.max(last, time);
      }
    }
  }
  const perNode = Math.round(lines / NODES.length);
  const spanSeconds = (last - first) / 1000;
  const backgroundSources = weighted(serviceguard.filter((_, index) => index === 1 || index === 2 || index === 3));
  const summary = { files: 0, lines: 0, bytes: 0, serviceguardLines: 0, incident };
  const hash = createHash("sha256");
  for (const node of NODES) {
    const sample = syslogs.get(node) ?? [];
    const writer = new LineWriter(join(directory, node, "var", "adm", "syslog", "syslog.log"));
    const background = syslogStream({
      seed: `${seed}/${node}`,
      startMs: first,
      meanGapSeconds: spanSeconds / (perNode - sample.length),
      nodes: [node],
      serviceguardShare: 0.08,
      serviceguardSources: backgroundSources,
    });
    let next = background.next().value;
    let sampleIndex = 0;
    let sampleTime = sample.length > 0 ? syslogTime(sample[0], 2026) : Infinity;
    while (writer.lines < perNode || sampleIndex < sample.length) {
      if (sampleIndex < sample.length && (sampleTime <= next.time || writer.lines >= perNode)) {
        writer.line(sample[sampleIndex++]);
        if (sampleIndex < sample.length) sampleTime = syslogTime(sample[sampleIndex], 2026) ?? sampleTime;
      } else {
        writer.line(next.text);
        if (next.isServiceguard) summary.serviceguardLines++;
        next = background.next().value;
      }
    }
    const written = writer.close();
    summary.files++;
    summary.lines += written.lines;
    summary.bytes += written.bytes;
    hash.update(`${node}:${written.sha256}\n`);
  }
  for (const path of files) {
    const relativePath = relative(source, path);
    if (relativePath.endsWith("var/adm/syslog/syslog.log")) continue;
    const target = join(directory, relativePath);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(path, target);
    utimesSync(target, INPUT_MTIME, INPUT_MTIME);
    const content = readFileSync(path);
    hash.update(`${relativePath}:${createHash("sha256").update(content).digest("hex")}\n`);
    summary.files++;
    summary.bytes += statSync(path).size;
    if (relativePath.endsWith(".log")) summary.lines += content.toString("utf8").split("\n").length - (content.at(-1) === 0x0a ? 1 : 0);
  }
  return { ...summary, sha256: hash.digest("hex") };
}
