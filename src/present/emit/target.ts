import { resolve } from "node:path";
import { UsageError } from "../../errors.js";

/** Where finding changes are sent: `--emit` values, parsed. */
export type EmitTarget =
  | { readonly kind: "syslog-udp"; readonly host: string; readonly port: number; readonly label: string }
  | { readonly kind: "syslog-tcp"; readonly host: string; readonly port: number; readonly label: string }
  | { readonly kind: "jsonl"; readonly path: string | "-"; readonly label: string };

export const EMIT_FORMS =
  "syslog://HOST:PORT (RFC 5424 over UDP), syslog+tcp://HOST:PORT (RFC 5424 over TCP, octet-counted frames) or jsonl:FILE (one JSON object per line; jsonl:- for stdout)";
const DEFAULT_SYSLOG_PORT = 514;

function invalid(value: string, why: string): UsageError {
  return new UsageError(`--emit ${JSON.stringify(value)}: ${why}`, { hint: `--emit takes ${EMIT_FORMS}; it may be repeated` });
}

const SYSLOG_ADDRESS = /^(?:\[([^\]]+)\]|([^:/[\]@?#\s]+))(?::([^/]*))?\/?$/;

function parseSyslog(value: string, kind: "syslog-udp" | "syslog-tcp"): EmitTarget {
  const address = value.slice(value.indexOf("//") + 2);
  const match = SYSLOG_ADDRESS.exec(address);
  if (!match) throw invalid(value, "expected HOST:PORT after the scheme (an IPv6 address in brackets: [::1]:514)");
  const host = match[1] ?? match[2];
  const written = match[3];
  const port = written === undefined ? DEFAULT_SYSLOG_PORT : Number(written);
  if (written !== undefined && (!/^\d+$/.test(written) || port < 1 || port > 65535)) {
    throw invalid(value, `the PORT must be a number from 1 to 65535, not '${written}'`);
  }
  const scheme = kind === "syslog-udp" ? "syslog" : "syslog+tcp";
  return { kind, host, port, label: `${scheme}://${host.includes(":") ? `[${host}]` : host}:${port}` };
}

/** One `--emit` value; a bad one is a usage error naming the accepted forms. */
export function parseEmitTarget(value: string): EmitTarget {
  const lower = value.toLowerCase();
  if (lower.startsWith("syslog://")) return parseSyslog(value, "syslog-udp");
  if (lower.startsWith("syslog+tcp://")) return parseSyslog(value, "syslog-tcp");
  if (lower.startsWith("jsonl:")) {
    const file = value.slice("jsonl:".length);
    if (file === "") throw invalid(value, "the FILE is missing");
    return file === "-" ? { kind: "jsonl", path: "-", label: "jsonl:-" } : { kind: "jsonl", path: resolve(file), label: `jsonl:${file}` };
  }
  throw invalid(value, "unknown form");
}
