// Throughput of parseLine over a generated 200k-line syslog with 10% Serviceguard/Metrocluster lines.
// Run: npx vitest bench --run test/parse/throughput.bench.ts   (lines/s = hz x 200,000)
import { bench, describe } from "vitest";
import { clearBodyCache, createFileParser } from "../../src/parse/index.js";

const LINES = 200_000;
const noise = [
  "sshd[%p]: Accepted publickey for root from 10.0.%h.5 port 51514 ssh2",
  "sshd[%p]: pam_unix(sshd:session): session opened for user oracle by (uid=0)",
  "/usr/sbin/cron[%p]: (root) CMD (/usr/lbin/sa/sa1 600 6 &)",
  "vmunix: NFS server nfs01 not responding still trying",
  "inetd[%p]: ftp/tcp: Connection from client%h (10.1.2.%h) at Tue Nov 24 10:00:00 2026",
  "syslogd: restart",
  "xntpd[%p]: synchronized to 10.0.0.1, stratum=2",
  "su: + tty?? root-oracle",
  "emsagent[%p]: Request for monitor resource /vg/vg01/lv/status/lvol1 completed",
];
const serviceguard = [
  "cmcld[%p]: Request from node node%h to start package pkg%h on node node%h.",
  "cmcld[%p]: Executing '/etc/cmcluster/pkg%h/pkg%h.cntl start' for package pkg%h.",
  "cmcld[%p]: Started package pkg%h on node node%h.",
  "cmcld[%p]: Package pkg%h run script exited with NO_RESTART.",
  "cmcld[%p]: Warning: cmcld was unable to run for the last 4.2 seconds. Consult the Managing Serviceguard manual for guidance on setting MEMBER_TIMEOUT, and information on cmcld.",
  "CM-CMD[%p]: cmrunpkg -v pkg%h",
  "cmcld[%p]: Member node%h seems unhealthy, not receiving heartbeats from it.",
  "pkg%h.cntl[%p]: Device group pkg%h: local state SVOL_PAIR, remote state EX_ENORMT",
  "cmcld[%p]: Examine the file /etc/cmcluster/pkg%h/pkg%h.cntl.log for more details.",
  "cmclconfd[%p]: Updated file /etc/cmcluster/cmclconfig for node node%h (length = 35548).",
];

function generate(unique = false): string[] {
  const lines: string[] = [];
  let seed = 7;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
  for (let index = 0; index < LINES; index++) {
    const isServiceguard = index % 10 === 0;
    const templates = isServiceguard ? serviceguard : noise;
    const template = templates[next() % templates.length];
    const host = unique && isServiceguard ? String(index) : String(next() % 40);
    const second = index % 60;
    const text = template.replace(/%p/g, String(1000 + (next() % 30000))).replace(/%h/g, host);
    lines.push(
      `Nov ${String(1 + (index % 28)).padStart(2, " ")} 10:${String(Math.floor(index / 3600) % 60).padStart(2, "0")}:${String(second).padStart(2, "0")} node${host} ${text}`,
    );
  }
  return lines;
}

const lines = generate();
const uniqueLines = generate(true);

function parseAll(): void {
  const parser = createFileParser({ path: "syslog.log", kind: "syslog", hostHint: "node1", yearFor: () => 2026, strict: false });
  for (const line of lines) parser.parseLine(line);
}

describe("parseLine, 200k syslog lines, 10% Serviceguard", () => {
  // The body cache starts empty in every iteration: what a first read of a file costs.
  bench(
    "parse, cold body cache",
    () => {
      clearBodyCache();
      parseAll();
    },
    { iterations: 3, time: 0, warmupIterations: 1 },
  );
  // The cache kept from earlier iterations: every body has been seen (a long-running watch).
  bench("parse, warm body cache", parseAll, { iterations: 3, time: 0, warmupIterations: 1 });
  // Every Serviceguard body unique (package and node names carry the line number): nearley on each.
  bench(
    "parse, unique Serviceguard bodies",
    () => {
      const parser = createFileParser({ path: "syslog.log", kind: "syslog", hostHint: "node1", yearFor: () => 2026, strict: false });
      for (const line of uniqueLines) parser.parseLine(line);
    },
    { iterations: 3, time: 0, warmupIterations: 1 },
  );
});
