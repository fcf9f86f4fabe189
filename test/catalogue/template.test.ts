import { describe, expect, it } from "vitest";
import { fillTemplate, placeholdersOf, printedPlaceholdersOf } from "../../src/catalogue/template.js";

const fills = (template: string, values: Record<string, string | number | null>, expected: string) => () =>
  expect(fillTemplate(template, values)).toBe(expected);

describe("fillTemplate", () => {
  it(
    "fills names and state paths",
    fills("pairresync -g {deviceGroup} -c 15 on {pvol.node}", { deviceGroup: "oradg", "pvol.node": "nodeA1" }, "pairresync -g oradg -c 15 on nodeA1"),
  );
  it("prints a missing value as <name>", fills("cmrunpkg -n {node} {package}", { package: "oracle_pkg" }, "cmrunpkg -n <node> oracle_pkg"));
  it("prints null and empty values as <name>", fills("{deviceGroup}/{fence}", { deviceGroup: null, fence: "" }, "<deviceGroup>/<fence>"));
  it("uses the fallback text", fills("touch {setting.PKGDIR|<package directory>}/FORCEFLAG", {}, "touch <package directory>/FORCEFLAG"));
  it(
    "multiplies and rounds up without binary-fraction noise",
    fills("{max.seconds*10} s = {max.seconds*1000000} us", { "max.seconds": 6.1 }, "61 s = 6100000 us"),
  );
  // Review (attack/mt): 1e23 seconds × 10000000 printed "MEMBER_TIMEOUT 9.999999999999999e+29".
  it("prints a product that is no safe integer, or a number in exponent form, as <name> (or the fallback)", () => {
    expect(fillTemplate("MEMBER_TIMEOUT {max.seconds*10000000}", { "max.seconds": 1e23 })).toBe("MEMBER_TIMEOUT <max.seconds>");
    expect(fillTemplate("MEMBER_TIMEOUT {max.seconds*10000000}", { "max.seconds": 9999999999 })).toBe("MEMBER_TIMEOUT <max.seconds>");
    expect(fillTemplate("{max.seconds*10|a larger value}", { "max.seconds": 1e300 })).toBe("a larger value");
    expect(fillTemplate("{max.seconds} s", { "max.seconds": 1e23 })).toBe("<max.seconds> s");
    expect(fillTemplate("MEMBER_TIMEOUT {max.seconds*10000000}", { "max.seconds": 900_000_000 })).toBe("MEMBER_TIMEOUT 9000000000000000");
  });
  it("lists placeholders as printed, with their multipliers", () => expect(printedPlaceholdersOf("{a} {b.c*10} {d|x}")).toEqual(["a", "b.c*10", "d"]));
  it(
    "lowers the case for command options",
    fills("paircreate -g {deviceGroup} -f {fence:lower|<data|never|async>} -vl", { deviceGroup: "oradg", fence: "DATA" }, "paircreate -g oradg -f data -vl"),
  );
  it(
    "shows an optional segment when all its placeholders have values",
    fills(
      "Primary site[? {site.name} (nodes {site.nodes})?], P-VOL side ({node})",
      { "site.name": "dc-east", "site.nodes": "nodeA1, nodeA2", node: "nodeA1" },
      "Primary site dc-east (nodes nodeA1, nodeA2), P-VOL side (nodeA1)",
    ),
  );
  it(
    "drops an optional segment when one of its placeholders has no value",
    fills(
      "Primary site[? {site.name} (nodes {site.nodes})?], P-VOL side ({node})",
      { "site.name": "dc-east", node: "nodeA1" },
      "Primary site, P-VOL side (nodeA1)",
    ),
  );
  it("keeps literal brackets that are not a segment", fills("[Y/N] {node} [?]", { node: "n1" }, "[Y/N] n1 [?]"));
  it("lists placeholders", () => expect(placeholdersOf("{a} {b.c*10} {d|x}")).toEqual(["a", "b.c", "d"]));
});
