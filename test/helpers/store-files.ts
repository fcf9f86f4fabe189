import { join } from "node:path";
import type { LineToStore, Store } from "../../src/store/store.js";

/** A syslog file record for store tests: `<bundle>/<name>`, no inode, its name as its fingerprint unless given. */
export function addSyslogFile(store: Store, bundle: string, name: string, fingerprint = name): number {
  return store.addFile({
    path: join(bundle, name),
    bundle,
    hostHint: null,
    packageHint: null,
    kind: "syslog",
    fingerprint,
    headBytes: 4096,
    dev: null,
    ino: null,
    size: null,
    mtime: null,
  }).id;
}

const START = Date.UTC(2026, 10, 16, 0, 0, 0);

export interface GeneratedLineOptions {
  /** Some times step back a little (a merged or clock-skewed file). */
  readonly stepsBack?: boolean;
  /** Some lines carry a `line.unread` marker (no real event). */
  readonly unreadMarkers?: boolean;
}

/**
Line `n` of a generated file for block and batch tests: lengths vary (blocks close on bytes at differing line
counts), a time on most, a non-ASCII character now and then, an event now and then.
*/
export function generatedLine(n: number, options: GeneratedLineOptions = {}): LineToStore {
  const ts = n % 13 === 0 ? null : START + n * 1500 - (options.stepsBack ? (n % 7) * 4000 : 0);
  return {
    lineNo: n,
    ts,
    host: `node${n % 3}`,
    program: n % 4 === 0 ? "cmcld" : "sshd",
    package: n % 9 === 0 ? "oracle_pkg" : null,
    format: ts === null ? "unknown" : "syslog",
    text: `line ${n} ${"abcdefghij".repeat(n % 40)}${n % 17 === 0 ? " é" : ""}`,
    events: n % 6 === 0 ? [{ kind: "test.event", fields: { n } }] : options.unreadMarkers && n % 29 === 0 ? [{ kind: "line.unread" }] : [],
    startOffset: n * 1000,
    endOffset: n * 1000 + 999,
  };
}

/** Lines `from` to `to` (inclusive) of the generated file. */
export function generatedLines(from: number, to: number, options: GeneratedLineOptions = {}): LineToStore[] {
  return Array.from({ length: to - from + 1 }, (_, index) => generatedLine(from + index, options));
}
