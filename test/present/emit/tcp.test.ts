import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { tcpSender } from "../../../src/present/emit/tcp.js";
import { formatSyslogMessage } from "../../../src/present/emit/syslog.js";
import type { Sender } from "../../../src/present/emit/sender.js";
import { waitFor } from "../../helpers/wait.js";
import { finding, parseSyslog } from "./rfc5424.js";

/** A syslog receiver reading RFC 6587 octet-counted frames, as rsyslog's imtcp does. */
class Receiver {
  readonly messages: string[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(port = 0): Promise<void> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      let buffered = Buffer.alloc(0);
      socket.on("data", (chunk) => {
        buffered = Buffer.concat([buffered, chunk]);
        for (;;) {
          const space = buffered.indexOf(0x20);
          if (space < 0) return;
          const header = buffered.subarray(0, space).toString("ascii");
          if (!/^[1-9]\d*$/.test(header)) throw new Error(`bad MSG-LEN '${header}'`);
          const length = Number(header);
          if (buffered.length < space + 1 + length) return;
          this.messages.push(parseSyslog(buffered.subarray(space + 1, space + 1 + length)).params.id);
          buffered = buffered.subarray(space + 1 + length);
        }
      });
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    this.server = server;
    this.port = (server.address() as { port: number }).port;
  }

  /** The receiver goes away: its listening socket and every connection. */
  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

const receivers: Receiver[] = [];
const senders: Sender[] = [];
afterEach(async () => {
  for (const sender of senders.splice(0)) await sender.close(Date.now());
  for (const receiver of receivers.splice(0)) await receiver.stop();
});

function setUp(options: { maxQueue?: number } = {}): { receiver: Receiver; sender: (port: number) => Sender; reports: string[] } {
  const receiver = new Receiver();
  receivers.push(receiver);
  const reports: string[] = [];
  return {
    receiver,
    reports,
    sender: (port) => {
      const sender = tcpSender(
        { host: "127.0.0.1", port, label: `syslog+tcp://127.0.0.1:${port}` },
        {
          format: (event) => formatSyslogMessage(event),
          report: (message) => reports.push(message),
          maxQueue: options.maxQueue,
          initialBackoffMs: 20,
          maxBackoffMs: 100,
        },
      );
      senders.push(sender);
      return sender;
    },
  };
}

const change = (id: string) => ({ change: "opened", finding: finding({ id }), bundle: "/b" });

describe("syslog over TCP: octet-counted frames, a bounded queue across outages", () => {
  it("close() waits until everything sent has been handed over on the connection", async () => {
    const { receiver, sender } = setUp();
    await receiver.start();
    const tcp = sender(receiver.port);
    const ids = Array.from({ length: 200 }, (_, index) => `id${index}`);
    for (const id of ids) tcp.send(change(id));
    await tcp.close(Date.now() + 10_000);
    await waitFor(() => (receiver.messages.length === ids.length ? true : undefined), "all frames at the receiver");
    expect(receiver.messages).toEqual(ids);
  });

  it("an outage is said once when it starts, once when the queue overflows (the oldest go), once when it is over; the newest arrive", async () => {
    const { receiver, sender, reports } = setUp({ maxQueue: 3 });
    await receiver.start();
    const port = receiver.port;
    await receiver.stop(); // the receiver is down when the sender starts
    const tcp = sender(port);
    for (const id of ["w1", "w2", "w3"]) tcp.send(change(id));
    await waitFor(() => (reports.some((line) => line.includes("cannot connect")) ? true : undefined), "the outage report");
    for (const id of ["w4", "w5"]) tcp.send(change(id));
    await waitFor(() => (reports.some((line) => line.includes("dropping the oldest")) ? true : undefined), "the drop report");
    await new Promise((resolve) => setTimeout(resolve, 200)); // reconnect attempts fail meanwhile: no more reports

    await receiver.start(port);
    await waitFor(() => (receiver.messages.length === 3 ? true : undefined), `the queued frames (reports: ${reports.join(" | ")})`);
    expect(receiver.messages).toEqual(["w3", "w4", "w5"]);
    await waitFor(() => (reports.some((line) => line.includes("delivering again")) ? true : undefined), "the recovery report");
    expect(reports).toEqual([
      `syslog+tcp://127.0.0.1:${port}: cannot connect (ECONNREFUSED); keeping up to 3 finding change(s) and retrying`,
      `syslog+tcp://127.0.0.1:${port}: 3 finding change(s) waiting (ECONNREFUSED): dropping the oldest until it takes them again`,
      `syslog+tcp://127.0.0.1:${port}: delivering again; 2 finding change(s) were dropped meanwhile`,
    ]);
    tcp.send(change("after"));
    await tcp.close(Date.now() + 10_000);
    await waitFor(() => (receiver.messages.length === 4 ? true : undefined), "the frame after the outage");
  });

  it("a connection lost is said once, what is sent meanwhile waits and arrives when the receiver is back", async () => {
    const { receiver, sender, reports } = setUp();
    await receiver.start();
    const tcp = sender(receiver.port);
    tcp.send(change("before"));
    await waitFor(() => (receiver.messages.length === 1 ? true : undefined), "the first frame");
    await receiver.stop();
    // A frame written before the sender sees the connection go may be lost with it (plain TCP has no
    // acknowledgement); from the report on, the sender knows, and what it is given waits in the queue.
    let probes = 0;
    await waitFor(() => {
      if (reports.some((line) => line.includes("connection lost"))) return true;
      tcp.send(change(`probe${probes++}`));
      return undefined;
    }, "the connection-lost report");
    const waiting = ["q1", "q2", "q3"];
    for (const id of waiting) tcp.send(change(id));
    await receiver.start(receiver.port);
    await waitFor(() => (waiting.every((id) => receiver.messages.includes(id)) ? true : undefined), `the waiting frames (got ${receiver.messages.join(",")})`);
    expect(receiver.messages.slice(-3)).toEqual(waiting);
    expect(reports.filter((line) => line.includes("connection lost"))).toHaveLength(1);
    await waitFor(() => (reports.some((line) => line.includes("delivering again")) ? true : undefined), "the recovery report");
    await tcp.close(Date.now() + 10_000);
  });

  it("a receiver that never answers: close() gives up at its deadline and says how many changes were not delivered", async () => {
    const { receiver, sender, reports } = setUp();
    await receiver.start();
    const port = receiver.port;
    await receiver.stop(); // nobody listens there now
    const tcp = sender(port);
    tcp.send(change("a"));
    tcp.send(change("b"));
    await tcp.close(Date.now() + 300);
    expect(reports).toContain(`syslog+tcp://127.0.0.1:${port}: 2 finding change(s) not delivered (ECONNREFUSED); gave up waiting`);
    expect(reports.filter((line) => line.includes("cannot connect"))).toHaveLength(1);
  });

  it("a target nobody needs says nothing: no change, no outage report", async () => {
    const { receiver, sender, reports } = setUp();
    await receiver.start();
    const port = receiver.port;
    await receiver.stop();
    const tcp = sender(port);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await tcp.close(Date.now() + 300);
    expect(reports).toEqual([]);
  });
});
