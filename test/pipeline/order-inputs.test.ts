import { describe, expect, it } from "vitest";
import { orderInputs } from "../../src/pipeline/analyze.js";

describe("the order a run reads its files in", () => {
  // Review of round 78 #20's change: a configuration attached as text, sorted before the node's folder, gave its
  // settings first (a setting's first value is kept) and hid the node's own short run script timeout.
  it("reads a configuration saved beside the live ones after them, and both before the logs", () => {
    const input = (path: string, kind: "config" | "syslog") => ({ bundle: "/b", path, kind });
    const files = [
      input("/b/CHG0042/sap_pkg.conf.txt", "config"),
      input("/b/audit/bookdb.conf.20251212", "config"),
      // Known by its first line only (cmgetconf's output under any name): a saved copy too (review of round 80 #14's change).
      input("/b/nodeA1/root/sap_pkg.cfg", "config"),
      input("/b/nodeA1/etc/cmcluster/sap_pkg/sap_pkg.config", "config"),
      input("/b/nodeA1/var/adm/syslog/syslog.log", "syslog"),
    ];
    expect(orderInputs(files, new Set()).map((file) => file.path)).toEqual([
      "/b/nodeA1/etc/cmcluster/sap_pkg/sap_pkg.config",
      "/b/CHG0042/sap_pkg.conf.txt",
      "/b/audit/bookdb.conf.20251212",
      "/b/nodeA1/root/sap_pkg.cfg",
      "/b/nodeA1/var/adm/syslog/syslog.log",
    ]);
  });
});
