import { spawn, type ChildProcess } from "node:child_process";
import { createSocket } from "node:dgram";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { delimiter, join } from "node:path";
import { afterEach } from "vitest";
import { waitFor } from "./wait.js";

/**
A real rsyslogd for end-to-end tests: started on 127.0.0.1 with its own configuration (imudp and imtcp
on free ports), work directory and pid file, in the foreground, writing what it receives to two files:
`lines` (the RFC 5424 fields as rsyslog parsed them, one message a line) and `json` (the structured
data as rsyslog's mmpstrucdata decoded it). Stopped after each test.
*/
export interface Rsyslog {
  readonly udpPort: number;
  readonly tcpPort: number;
  readonly linesFile: string;
  readonly jsonFile: string;
  lines(): string[];
  json(): Array<{ inputname: string; msgid: string; msg: string; sd: Record<string, Record<string, string>> }>;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  "this end-to-end test needs a real rsyslog: install the Debian package with `apt-get install -y rsyslog` (as root, or with sudo); .ci/run installs it before npm test";

/** rsyslogd's path: on PATH, or in the sbin folders a normal user's PATH may lack. */
export function rsyslogdPath(): string {
  const folders = [...(process.env.PATH ?? "").split(delimiter), "/usr/sbin", "/sbin", "/usr/local/sbin"];
  for (const folder of folders.filter(Boolean)) {
    const candidate = join(folder, "rsyslogd");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  throw new Error(`rsyslogd not found (looked on PATH and in /usr/sbin, /sbin): ${INSTALL_HINT}`);
}

async function freeTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function freeUdpPort(): Promise<number> {
  const socket = createSocket("udp4");
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

export async function startRsyslog(directory: string): Promise<Rsyslog> {
  const binary = rsyslogdPath();
  const [udpPort, tcpPort] = [await freeUdpPort(), await freeTcpPort()];
  const work = join(directory, "work");
  mkdirSync(work, { recursive: true });
  const linesFile = join(directory, "received.log");
  const jsonFile = join(directory, "received.json");
  const config = join(directory, "rsyslog.conf");
  const pidFile = join(directory, "rsyslogd.pid");
  writeFileSync(
    config,
    `
global(workDirectory="${work}")
module(load="imudp")
module(load="imtcp")
module(load="mmpstrucdata")
input(type="imudp" address="127.0.0.1" port="${udpPort}" ruleset="received")
input(type="imtcp" address="127.0.0.1" port="${tcpPort}" ruleset="received")
template(name="fields" type="string"
         string="%inputname% <%pri%>%protocol-version% %timereported:::date-rfc3339% %hostname% %app-name% %procid% %msgid% %structured-data% %msg%\\n")
template(name="decoded" type="list") {
  constant(value="{") property(name="inputname" format="jsonf") constant(value=",") property(name="msgid" format="jsonf")
  constant(value=",") property(name="msg" format="jsonf") constant(value=",\\"sd\\":") property(name="$!rfc5424-sd") constant(value="}\\n")
}
ruleset(name="received") {
  action(type="omfile" file="${linesFile}" template="fields")
  action(type="mmpstrucdata" sd_name.lowercase="off")
  action(type="omfile" file="${jsonFile}" template="decoded")
}
`,
  );
  const child = spawn(binary, ["-n", "-f", config, "-i", pidFile], { stdio: ["ignore", "pipe", "pipe"] });
  running.push(child);
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const read = (file: string): string => (existsSync(file) ? readFileSync(file, "utf8") : "");
  const lines = (): string[] => read(linesFile).split("\n").filter(Boolean);
  const alive = (): void => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`rsyslogd exited (${child.exitCode ?? child.signalCode}): ${output}`);
  };

  // Ready when the TCP input accepts and a datagram sent to the UDP input comes out in the file.
  const tcpReady = async (): Promise<boolean> =>
    new Promise((resolve) => {
      const probe = connect({ host: "127.0.0.1", port: tcpPort });
      probe.once("connect", () => {
        probe.destroy();
        resolve(true);
      });
      probe.once("error", () => resolve(false));
    });
  const deadline = Date.now() + 20_000;
  while (!(await tcpReady())) {
    alive();
    if (Date.now() > deadline) throw new Error(`rsyslogd did not listen on TCP ${tcpPort}: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const udp = createSocket("udp4");
  try {
    await waitFor(
      () => {
        alive();
        if (lines().some((line) => line.includes(" readiness-probe "))) return true;
        udp.send(Buffer.from('<134>1 - localhost readiness-probe - - [probe@32473 ready="?"] ready?'), udpPort, "127.0.0.1");
        return undefined;
      },
      `rsyslogd to write what its UDP input ${udpPort} receives (${output})`,
      20_000,
    );
  } finally {
    udp.close();
  }

  return {
    udpPort,
    tcpPort,
    linesFile,
    jsonFile,
    lines,
    json: () =>
      read(jsonFile)
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as ReturnType<Rsyslog["json"]>[number]),
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
