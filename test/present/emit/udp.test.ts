import { createSocket, type Socket } from "node:dgram";
import { afterEach, describe, expect, it } from "vitest";
import { udpSender } from "../../../src/present/emit/udp.js";
import { formatSyslogMessage } from "../../../src/present/emit/syslog.js";
import { finding, parseSyslog } from "./rfc5424.js";
import { waitFor } from "../../helpers/wait.js";

const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.close();
});

async function boundSocket(): Promise<{ socket: Socket; port: number }> {
  const socket = createSocket("udp4");
  sockets.push(socket);
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  return { socket, port: socket.address().port };
}

const change = (id: string) => ({ change: "opened", finding: finding({ id }), bundle: "/b" });

describe("syslog over UDP", () => {
  it("sends one RFC 5424 message per datagram", async () => {
    const { socket, port } = await boundSocket();
    const received: string[] = [];
    socket.on("message", (datagram) => received.push(parseSyslog(datagram).params.id));
    const reports: string[] = [];
    const udp = udpSender(
      { host: "127.0.0.1", port, label: `syslog://127.0.0.1:${port}` },
      { format: (event) => formatSyslogMessage(event), report: (line) => reports.push(line) },
    );
    for (const id of ["a", "b", "c"]) udp.send(change(id));
    await udp.close(Date.now() + 5000);
    await waitFor(() => (received.length === 3 ? true : undefined), "three datagrams");
    expect(received.sort()).toEqual(["a", "b", "c"]);
    expect(reports).toEqual([]);
  });

  it("a port nobody listens on is said once, however many changes fail", async () => {
    const { socket, port } = await boundSocket();
    socket.close(); // the port answers "unreachable" now
    sockets.splice(sockets.indexOf(socket), 1);
    const reports: string[] = [];
    const udp = udpSender(
      { host: "127.0.0.1", port, label: `syslog://127.0.0.1:${port}` },
      { format: (event) => formatSyslogMessage(event), report: (line) => reports.push(line) },
    );
    for (let index = 0; index < 20; index++) {
      udp.send(change(`id${index}`));
      await new Promise((resolve) => setTimeout(resolve, 10)); // let the kernel's answer come back
    }
    await udp.close(Date.now() + 5000);
    expect(reports).toEqual([`syslog://127.0.0.1:${port}: cannot send (ECONNREFUSED); finding changes are dropped until it can (UDP has no queue)`]);
  });
});
