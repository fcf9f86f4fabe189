import { describe, expect, it } from "vitest";
import { findingChanges } from "../../../src/present/emit/changes.js";
import type { StoredFinding } from "../../../src/store/read.js";
import { finding } from "./rfc5424.js";

const stored = (overrides: Partial<StoredFinding> = {}): StoredFinding => ({ ...finding(), bundle: "/incidents/a", updatedAt: "", ...overrides });
const names = (changes: ReturnType<typeof findingChanges>): string[] => changes.map((change) => `${change.change} ${change.finding.id}`);

describe("what an analysis changed, against what the database held before it", () => {
  it("a first analysis opens each finding, and also resolves those the logs already resolve, in the logs' order", () => {
    const later = stored({ id: "b", firstSeen: 2000, lastSeen: 3000 });
    const resolved = stored({ id: "a", firstSeen: 1000, status: "resolved", resolvedAt: 2500 });
    expect(names(findingChanges([], [later, resolved], { bundles: ["/incidents/a"] }))).toEqual(["opened a", "opened b", "resolved a"]);
  });

  it("the same findings again change nothing", () => {
    const same = [stored({ id: "a" }), stored({ id: "b", status: "resolved", resolvedAt: 5 })];
    expect(
      findingChanges(
        same,
        same.map((entry) => ({ ...entry, lastSeen: entry.lastSeen + 10 })),
        { bundles: ["/incidents/a"] },
      ),
    ).toEqual([]);
  });

  it("a higher severity is escalated, open then resolved is resolved, resolved then open is opened again", () => {
    const before = [stored({ id: "up", severity: "warning" }), stored({ id: "fixed" }), stored({ id: "back", status: "resolved", resolvedAt: 1 })];
    const after = [stored({ id: "up", severity: "critical" }), stored({ id: "fixed", status: "resolved", resolvedAt: 9 }), stored({ id: "back" })];
    expect(names(findingChanges(before, after, { bundles: ["/incidents/a"] })).sort()).toEqual(["escalated up", "opened back", "resolved fixed"]);
  });

  it("a finding the rules no longer conclude is withdrawn, with what was stored of it; other bundles are not touched", () => {
    const gone = stored({ id: "gone" });
    const elsewhere = stored({ id: "other", bundle: "/incidents/b" });
    const changes = findingChanges([gone, elsewhere], [], { bundles: ["/incidents/a"] });
    expect(names(changes)).toEqual(["withdrawn gone"]);
    expect(changes[0].finding).toBe(gone);
  });

  it("a moved incident folder keeps its findings: nothing is withdrawn or opened again", () => {
    const before = [stored({ id: "a", bundle: "/old/place" })];
    const after = [stored({ id: "a", bundle: "/new/place" })];
    expect(findingChanges(before, after, { bundles: ["/new/place"], renamed: new Map([["/old/place", "/new/place"]]) })).toEqual([]);
  });
});
