import { createSocket, type Socket } from "node:dgram";
import { lookup } from "node:dns/promises";
import type { FindingChangeEvent } from "./record.js";
import { deadlineTimer, errorCode, type Report, type Sender } from "./sender.js";

/**
RFC 5424 over UDP (RFC 5426): one message per datagram, fire and forget. Nothing tells a sender that a
datagram was lost or that nobody listens (an unconnected socket gets no ICMP error), so delivery is not
waited for; what can be seen - the name does not resolve, the network is unreachable - is said once
per outage on stderr, with how many changes were dropped when sending works again.
*/
export function udpSender(target: { host: string; port: number; label: string }, options: { format: (event: FindingChangeEvent) => Buffer; report: Report }): Sender {
  let socket: Promise<Socket> | null = null;
  const pending = new Set<Promise<void>>();
  let outage: { reason: string; dropped: number } | null = null;

  const open = (): Promise<Socket> => {
    socket ??= lookup(target.host).then((address) => {
      const created = createSocket(address.family === 6 ? "udp6" : "udp4");
      created.unref();
      // Connected, so the kernel's "port unreachable" comes back as ECONNREFUSED on a later send.
      return new Promise<Socket>((resolve, reject) => {
        created.once("error", reject);
        created.connect(target.port, address.address, () => {
          created.off("error", reject);
          created.on("error", (error) => fail(error));
          resolve(created);
        });
      });
    });
    return socket;
  };

  const fail = (error: unknown): void => {
    socket = null; // resolve the name again next time (DNS may have been down)
    if (outage) {
      outage.dropped++;
      return;
    }
    outage = { reason: errorCode(error), dropped: 1 };
    options.report(`${target.label}: cannot send (${outage.reason}); finding changes are dropped until it can (UDP has no queue)`);
  };

  const sent = (): void => {
    if (!outage) return;
    options.report(`${target.label}: sending again; ${outage.dropped} finding change(s) were dropped while it could not`);
    outage = null;
  };

  return {
    label: target.label,
    send(event) {
      const message = options.format(event);
      const attempt = open()
        .then((ready) => new Promise<void>((resolve) => {
          ready.send(message, (error) => {
            if (error) fail(error);
            else sent();
            resolve();
          });
        }))
        .catch((error: unknown) => fail(error));
      pending.add(attempt);
      void attempt.finally(() => pending.delete(attempt));
    },
    async close(deadline) {
      const timer = deadlineTimer(deadline);
      await Promise.race([Promise.all(pending), timer.promise]);
      timer.cancel();
      if (pending.size > 0) options.report(`${target.label}: ${pending.size} finding change(s) not sent before the deadline`);
      const ready = socket ? await socket.catch(() => null) : null;
      ready?.close();
    },
  };
}
