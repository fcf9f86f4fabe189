import { describe, expect, it } from "vitest";
import { nameNamesNode, nodeKey, shortNodeName } from "../../src/model/node-names.js";

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

describe("a file named after its node", () => {
  it("names a node as a word of the name, in any case", () => {
    expect(nameNamesNode("fin01_pairdisplay_20241120_0916.txt", "fin01")).toBe(true);
    expect(nameNamesNode("pd-INS1.txt", "ins1")).toBe(true);
    expect(nameNamesNode("sd-p1.out", "sd-p1")).toBe(true);
  });

  it("not inside another word or name", () => {
    expect(nameNamesNode("fin011_pairdisplay.txt", "fin01")).toBe(false);
    expect(nameNamesNode("xfin01.txt", "fin01")).toBe(false);
    expect(nameNamesNode("anything.txt", "")).toBe(false);
  });
});
