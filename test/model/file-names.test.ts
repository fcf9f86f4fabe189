import { describe, expect, it } from "vitest";
import { packageHintOf } from "../../src/model/file-names.js";

const hint = (path: string): string | null => packageHintOf(path.split("/").filter((segment) => segment.length > 0));

describe("the package a file's path names", () => {
  it("is the package's own folder under the cluster tree", () => {
    expect(hint("/etc/cmcluster/oracle_pkg/oracle_pkg.log")).toBe("oracle_pkg");
    expect(hint("/etc/cmcluster/oracle_pkg/oracle.cntl.log")).toBe("oracle_pkg");
    expect(hint("/etc/cmcluster/oracle_pkg/oracle_pkg.config")).toBe("oracle_pkg");
    expect(hint("/usr/local/cmcluster/run/log/sap_pkg.log.2.gz")).toBe("sap_pkg");
  });

  it("is the log's own name where that name is the folder's with words added ($SG_PACKAGE.log in a shorter folder, round 69 #14)", () => {
    expect(hint("/etc/cmcluster/crm/rpkg_crm.log")).toBe("rpkg_crm");
    expect(hint("/etc/cmcluster/crm/crm_rec.log.1")).toBe("crm_rec");
    // Not a word of it, a generic name, or the folder's own name: the folder says.
    expect(hint("/etc/cmcluster/crm/scrm.log")).toBe("crm");
    expect(hint("/etc/cmcluster/crm/control.log")).toBe("crm");
    expect(hint("/etc/cmcluster/crm/crm.log")).toBe("crm");
    // A log deeper than the package's folder is the folder's.
    expect(hint("/etc/cmcluster/crm/logs/rpkg_crm.log")).toBe("crm");
  });

  it("names no package for the cluster tree's own files", () => {
    expect(hint("/etc/cmcluster/cmclconfig.ascii")).toBeNull();
    expect(hint("/etc/cmcluster")).toBeNull();
  });
});
