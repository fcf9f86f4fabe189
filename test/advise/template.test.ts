import { describe, expect, it } from "vitest";
import { fillTemplate, placeholdersOf } from "../../src/advise/template.js";

const fills = (template: string, values: Record<string, string | number | null>, expected: string) => () =>
  expect(fillTemplate(template, values)).toBe(expected);

describe("fillTemplate", () => {
  it("fills names and state paths", fills("pairresync -g {deviceGroup} -c 15 on {pvol.node}", { deviceGroup: "oradg", "pvol.node": "nodeA1" }, "pairresync -g oradg -c 15 on nodeA1"));
  it("prints a missing value as <name>", fills("cmrunpkg -n {node} {package}", { package: "oracle_pkg" }, "cmrunpkg -n <node> oracle_pkg"));
  it("prints null and empty values as <name>", fills("{deviceGroup}/{fence}", { deviceGroup: null, fence: "" }, "<deviceGroup>/<fence>"));
  it("uses the fallback text", fills("touch {setting.PKGDIR|<package directory>}/FORCEFLAG", {}, "touch <package directory>/FORCEFLAG"));
  it("multiplies and rounds up without binary-fraction noise", fills("{max.seconds*10} s = {max.seconds*1000000} us", { "max.seconds": 6.1 }, "61 s = 6100000 us"));
  it("lowers the case for command options", fills("paircreate -g {deviceGroup} -f {fence:lower|<data|never|async>} -vl", { deviceGroup: "oradg", fence: "DATA" }, "paircreate -g oradg -f data -vl"));
  it("lists placeholders", () => expect(placeholdersOf("{a} {b.c*10} {d|x}")).toEqual(["a", "b.c", "d"]));
});
