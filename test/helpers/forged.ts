import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export const FORGED_PACKAGE = "sap_pkg;reboot";
export const FORGED_NODE = "<img src=x onerror=alert(1)>";

export function write(root: string, relative: string, content: string): void {
  const path = join(root, relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/**
A bundle with two forged names: a syslog line written with `logger -t 'cmcld[2048]'` naming package
`sap_pkg;reboot`, and a node folder named `<img src=x onerror=alert(1)>` whose package log reports a
failed halt (the folder gives the node when the lines do not).
*/
export function forgedBundle(root: string): string {
  const bundle = join(root, "bundle");
  write(bundle, "nodeA2/var/adm/syslog/syslog.log", `Nov  9 11:10:00 nodeA2 cmcld[2048]: Package ${FORGED_PACKAGE} halt script timed out.\n`);
  write(
    bundle,
    `${FORGED_NODE}/etc/cmcluster/web_pkg/web_pkg.log`,
    ["\tERROR:  Function umount_fs", "\tERROR:  Failed to unmount /dev/vg01/lvol1", "Nov  9 11:00:05 - Package halt failed", ""].join("\n"),
  );
  return bundle;
}
