import { createSocket, type Socket } from "node:dgram";
import { lookup } from "node:dns/promises";
import type { FindingChangeEvent } from "./record.js";
import { deadlineTimer, errorCode, type Report, type Sender } from "./sender.js";

/**
RFC 5424 over UDP (RFC 5426): one message per datagram, fire and forget. Nothing tells a sender that a
datagram was lost, so delivery is not waited for. What can be seen - the name does not resolve, the
network is unreachable, the kernel's "port unreachable" for an earlier datagram (the socket is
connected, so it comes back as ECONNREFUSED on a later send) - is said once per outage on stderr.
Such errors come back for some datagrams only (one ICMP answer per datagram, rate-limited, reported on
the next send), so sending counts as working again only after `RECOVERED_AFTER` datagrams in a row and
a minute without an error; then the count of failed sends is said.
*/
const RECOVERED_AFTER = 5;
const QUIET_MS = 60_000;

export function udpSender(
  target: { host: string; port: number; label: string },
  options: { format: (event: FindingChangeEvent) => Buffer; report: Report },
): Sender {
  let socket: Promise<Socket> | null = null;
  const pending = new Set<Promise<void>>();
  let outage: { reason: string; dropped: number; lastErrorAt: number; sentSince: number } | null = null;

  const open = (): Promise<Socket> => {
    socket ??= lookup(target.host)
      .then((address) => {
        const created = createSocket(address.family === 6 ? "udp6" : "udp4");
        created.unref();
        // Connected, so the kernel's "port unreachable" comes back as ECONNREFUSED on a later send.
        return new Promise<Socket>((resolve, reject) => {
          created.once("error", (error) => {
            created.close();
            reject(error);
          });
          created.connect(target.port, address.address, () => {
            created.removeAllListeners("error");
            created.on("error", (error) => fail(error));
            resolve(created);
          });
        });
      })
      .catch((error: unknown) => {
        socket = null; // resolve the name again next time (DNS may have been down)
        throw error;
      });
    return socket;
  };

  const fail = (error: unknown): void => {
    if (outage) {
      outage.dropped++;
      outage.lastErrorAt = Date.now();
      outage.sentSince = 0;
      return;
    }
    outage = { reason: errorCode(error), dropped: 1, lastErrorAt: Date.now(), sentSince: 0 };
    options.report(`${target.label}: cannot send (${outage.reason}); finding changes are dropped until it can (UDP has no queue)`);
  };

  const sent = (): void => {
    if (!outage) return;
    outage.sentSince++;
    if (outage.sentSince < RECOVERED_AFTER || Date.now() - outage.lastErrorAt < QUIET_MS) return;
    options.report(`${target.label}: sending again; ${outage.dropped} finding change(s) could not be sent meanwhile`);
    outage = null;
  };

  return {
    label: target.label,
    send(event) {
      const message = options.format(event);
      const attempt = open()
        .then(
          (ready) =>
            new Promise<void>((resolve) => {
              ready.send(message, (error) => {
                if (error) fail(error);
                else sent();
                resolve();
              });
            }),
        )
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
