import { describe, expect, it } from "vitest";
import { brokenRule, quoteRaw, ruleFor, screenValues } from "../../src/catalogue/names.js";

describe("names a command may carry", () => {
  it("package names: Managing Serviceguard's rule (39 characters, alphanumeric ends, . - _ inside)", () => {
    expect(brokenRule("package", "oracle_pkg")).toBeNull();
    expect(brokenRule("package", "a".repeat(39))).toBeNull();
    expect(brokenRule("package", "a".repeat(40))?.what).toBe("package");
    for (const bad of ["sap_pkg;reboot", "_pkg", "pkg-", "pkg name", "pkg$(id)", "pkg`id`", "pkg\nrm", "pkg|sh", "pkg&", "pkg>x", "pkg'", 'pkg"', "pkg\\"]) {
      expect(brokenRule("package", bad), bad).not.toBeNull();
    }
  });

  it("node names: host names of at most 39 bytes", () => {
    expect(brokenRule("node", "nodeA1")).toBeNull();
    expect(brokenRule("pvol.node", "node-b1")).toBeNull();
    expect(brokenRule("setting.NODE_NAME", "nodeB1")).toBeNull();
    expect(brokenRule("node", "<img src=x onerror=alert(1)>")).not.toBeNull();
    expect(brokenRule("node", "cmcld[2048]:")).not.toBeNull();
    expect(brokenRule("node", "é".repeat(20))).not.toBeNull();
    expect(brokenRule("node", "n".repeat(40))).not.toBeNull();
  });

  it("device groups, instances, fence levels, addresses, paths, and any other word", () => {
    expect(brokenRule("deviceGroup", "oradg")).toBeNull();
    expect(brokenRule("deviceGroup", "ora dg")).not.toBeNull();
    expect(brokenRule("deviceGroup", "d".repeat(32))).not.toBeNull();
    expect(brokenRule("instance", 0)).toBeNull();
    expect(brokenRule("event.instance", "12")).toBeNull();
    expect(brokenRule("instance", "0;reboot")).not.toBeNull();
    expect(brokenRule("fence", "ASYNC")).toBeNull();
    expect(brokenRule("fence", "never")).toBeNull();
    expect(brokenRule("fence", "ASYNC -swaps")).not.toBeNull();
    expect(brokenRule("event.ip", "10.1.1.20")).toBeNull();
    expect(brokenRule("event.subnet", "fe80::/64")).toBeNull();
    expect(brokenRule("event.ip", "10.1.1.20;reboot")).not.toBeNull();
    expect(brokenRule("setting.PKGDIR", "/etc/cmcluster/oracle_pkg")).toBeNull();
    expect(brokenRule("setting.PKGDIR", "/etc/cmcluster/$(reboot)")).not.toBeNull();
    expect(brokenRule("max.seconds", 61)).toBeNull();
    expect(brokenRule("local.role", "PVOL")).toBeNull();
    expect(brokenRule("local.role", "PVOL && reboot")).not.toBeNull();
    expect(ruleFor("some.new.value").what).toBe("value");
  });

  it("screening withholds only broken values and names each", () => {
    const { values, withheld } = screenValues({ package: "sap_pkg;reboot", node: "nodeA1", event: undefined }, ["package", "node", "deviceGroup"]);
    expect(values).toEqual({ package: undefined, node: "nodeA1", event: undefined });
    expect(withheld).toEqual([expect.objectContaining({ placeholder: "package", value: "sap_pkg;reboot" })]);
  });

  it("the raw value is quoted with every non-printable character escaped", () => {
    expect(quoteRaw('a\u001b]0;x\u0007"\\')).toBe(String.raw`"a\u001b]0;x\u0007\"\\"`);
    expect(quoteRaw("rtl\u202eexe")).toBe(String.raw`"rtl\u202eexe"`);
    expect(quoteRaw("x".repeat(200))).toBe(`"${"x".repeat(120)}..."`);
  });
});
