import { join } from "node:path";
import type { Store } from "../../src/store/store.js";

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
