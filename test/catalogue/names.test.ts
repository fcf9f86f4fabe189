import { describe, expect, it } from "vitest";
import { brokenRule, quoteRaw, ruleFor, screenValues, withheldWarning } from "../../src/catalogue/names.js";

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

  it("no value pasted into a command can be an option or climb out of a folder", () => {
    // A group named -S in `pairsplit -g {deviceGroup}`, a "volume group" -v in `vgchange -a n {event.vg}` (every group on
    // Linux LVM), a fuser target -k, a package folder ../other.
    expect(brokenRule("deviceGroup", "-S")?.what).toBe("device group");
    expect(brokenRule("deviceGroup", "dg-ora")).toBeNull();
    expect(brokenRule("deviceGroup", ".hidden_dg")).toBeNull();
    expect(brokenRule("event.vg", "-v")?.what).toBe("path");
    expect(brokenRule("event.vg", "/dev/vg-ora")).toBeNull();
    expect(brokenRule("setting.PKGDIR", "/etc/cmcluster/oracle_pkg/../payroll_pkg")).not.toBeNull();
    expect(brokenRule("setting.PKGDIR", "../payroll_pkg")).not.toBeNull();
    expect(brokenRule("setting.PKGDIR", "/etc/cmcluster/..")).not.toBeNull();
    expect(brokenRule("setting.PKGDIR", "/etc/cmcluster/pkg..old")).toBeNull();
    expect(brokenRule("event.target", "-k")?.what).toBe("value");
    expect(brokenRule("event.target", "--kill")).not.toBeNull();
    expect(brokenRule("event.target", "/oradata-1")).toBeNull();
    expect(brokenRule("event.recoveryGroup", "-f")).not.toBeNull();
  });

  it("a value shown only in prose is shown as text, never with controls, invisible characters or shell substitutions", () => {
    expect(brokenRule("event.detail", "Failed to fsck one of the logical volumes (lvol3).", false)).toBeNull();
    expect(brokenRule("membership.failed", "nodeA1, nodeA2", false)).toBeNull();
    for (const bad of ["a\u001b[2J", "rtl\u202eexe", "line\u2028break", "zero\u200bwidth", "$(reboot)", "`id`", "x".repeat(501)]) {
      expect(brokenRule("event.detail", bad, false), bad).not.toBeNull();
    }
    // A name keeps its own rule in prose: a fence level is a fence level wherever it is shown.
    expect(brokenRule("fence", "$(reboot)", false)?.what).toBe("fence level");
    expect(brokenRule("fence", "never -s", false)).not.toBeNull();
  });

  it("every placeholder is screened: names in commands by their rule, the rest of the texts as prose", () => {
    const { values, withheld } = screenValues(
      { fence: "$(reboot)", "event.detail": "fsck failed on lvol3", "event.cause": "x\u202ey", "event.target": "-k" },
      ["event.target"],
      ["fence", "event.detail", "event.cause", "event.target"],
    );
    expect(values).toEqual({ fence: undefined, "event.detail": "fsck failed on lvol3", "event.cause": undefined, "event.target": undefined });
    expect(withheld.map((entry) => [entry.placeholder, entry.rule.what])).toEqual([
      ["event.target", "value"],
      ["fence", "fence level"],
      ["event.cause", "text"],
    ]);
  });

  it("screening withholds only broken values and names each", () => {
    const { values, withheld } = screenValues({ package: "sap_pkg;reboot", node: "nodeA1", event: undefined }, ["package", "node", "deviceGroup"]);
    expect(values).toEqual({ package: undefined, node: "nodeA1", event: undefined });
    expect(withheld).toEqual([expect.objectContaining({ placeholder: "package", value: "sap_pkg;reboot" })]);
  });

  // Review (attack/inst, attack/mt): numbers skipped the rules, and horcctl -D -I1.2345678901234568e+21 and
  // MEMBER_TIMEOUT 9.999999999999999e+29 were printed. A number is checked as the template prints it.
  it("checks a number as printed: an instance of at most 4 digits, a plain decimal, a product that stays exact", () => {
    expect(brokenRule("instance", 9999)).toBeNull();
    expect(brokenRule("instance", 12345)?.what).toBe("Raid Manager instance");
    expect(brokenRule("event.instance", 1.2345678901234568e21)?.what).toBe("Raid Manager instance");
    expect(brokenRule("event.instance", "1234567890123456789012")?.what).toBe("Raid Manager instance");
    expect(brokenRule("instance", -1)).not.toBeNull();
    expect(brokenRule("instance", 1.5)).not.toBeNull();
    expect(brokenRule("max.seconds", 4.2)).toBeNull();
    expect(brokenRule("max.seconds", 1e23)?.what).toBe("number");
    expect(brokenRule("max.seconds", 1e-7)).not.toBeNull();
    expect(brokenRule("max.seconds", 1.2345678901234568e20)).not.toBeNull();
    expect(brokenRule("max.seconds", Number.NaN)).not.toBeNull();
    // A leading '-' is an option after a command; in prose a sign does no harm.
    expect(brokenRule("max.seconds", -5)).not.toBeNull();
    expect(brokenRule("max.seconds", -5, false)).toBeNull();
    expect(brokenRule("count", "-5")).not.toBeNull();
    // A product is checked as printed: past 2^53 (or in exponent form) it is no exact number.
    expect(brokenRule("max.seconds*10000000", 8.5)).toBeNull();
    expect(brokenRule("max.seconds*10000000", 9999999999)?.what).toBe("number");
    expect(brokenRule("max.seconds*10000000", 1e15)).not.toBeNull();
    // Any other placeholder holding a number: a negative one is an option too.
    expect(brokenRule("event.code", -1)).not.toBeNull();
    expect(brokenRule("event.code", 251)).toBeNull();
  });

  it("withholds a value whose product cannot be printed, once, and says why", () => {
    const { values, withheld } = screenValues({ "max.seconds": 9999999999 }, ["max.seconds*10000000"], ["max.seconds", "max.seconds*10"]);
    expect(values["max.seconds"]).toBeUndefined();
    expect(withheld).toEqual([expect.objectContaining({ placeholder: "max.seconds", value: 9999999999, multiplier: "*10000000" })]);
    expect(withheldWarning(withheld[0])).toContain('"9999999999", which multiplied by 10000000 is too large to print as an exact whole number');
    expect(withheldWarning(withheld[0])).toContain("<max.seconds>");
    const huge = screenValues({ "max.seconds": 1e23 }, ["max.seconds*10000000"], ["max.seconds"]).withheld;
    expect(huge).toEqual([expect.objectContaining({ placeholder: "max.seconds", value: 1e23 })]);
    expect(huge[0].multiplier).toBeUndefined();
    expect(withheldWarning(huge[0])).toContain('The logs name the number "1e+23", which is not a valid number');
    expect(screenValues({ "max.seconds": 6.1 }, ["max.seconds*10000000"], ["max.seconds"]).withheld).toEqual([]);
  });

  it("the raw value is quoted with every non-printable character escaped", () => {
    expect(quoteRaw('a\u001b]0;x\u0007"\\')).toBe(String.raw`"a\u001b]0;x\u0007\"\\"`);
    expect(quoteRaw("rtl\u202eexe")).toBe(String.raw`"rtl\u202eexe"`);
    expect(quoteRaw("x".repeat(200))).toBe(`"${"x".repeat(120)}..."`);
  });
});
