import { describe, expect, it } from "vitest";
import { nodeKey, shortNodeName } from "../../src/model/node-names.js";

describe("a node's names", () => {
  it("drops the DNS domain rsyslog or a loghost writes, keeping the name as written", () => {
    expect(shortNodeName("finb1.dr.example.co.uk")).toBe("finb1");
    expect(shortNodeName("LXCRM02.corp")).toBe("LXCRM02");
    expect(shortNodeName("muc-hp1")).toBe("muc-hp1");
  });

  it("leaves what is no qualified name as it is (an address, a trailing dot, an empty name)", () => {
    expect(shortNodeName("10.1.2.3")).toBe("10.1.2.3");
    expect(shortNodeName("node1.")).toBe("node1.");
    expect(shortNodeName("")).toBe("");
  });

  it("keys a node in lower case, without its domain", () => {
    expect(nodeKey(" LXBIL01.corp.example ")).toBe("lxbil01");
    expect(nodeKey("10.1.2.3")).toBe("10.1.2.3");
  });
});
