import { describe, expect, it } from "vitest";
import { clockDisagreements, type ClockAnchor } from "../../src/correlate/clocks.js";

const T0 = Date.UTC(2026, 0, 14, 8, 40, 40);
const MINUTE = 60_000;
const membership = (host: string, ts: number, members = "insa1,insa2,insb1,insb2"): ClockAnchor => ({
  ts,
  kind: "cluster.membership",
  host,
  fields: { members },
});
const alert = (host: string, ts: number, cluster: string, minutes: number | null, condition = "UNREACHABLE"): ClockAnchor => ({
  ts,
  kind: "cc.alert",
  host,
  fields: { cluster, condition, minutes },
});

describe("clocks that disagree by a zone", () => {
  it("finds the node whose clock reads an hour off from the membership every member logged at once", () => {
    const found = clockDisagreements([
      membership("insa1", T0 + 60 * MINUTE),
      membership("insa2", T0),
      membership("insb1", T0 + 60 * MINUTE + 1000),
      membership("insb2", T0 + 60 * MINUTE),
    ]);
    expect(found).toHaveLength(1);
    const [disagreement] = found;
    expect(Math.abs(disagreement.minutes)).toBe(60);
    const [early, late] = disagreement.minutes > 0 ? [disagreement.reference, disagreement.offset] : [disagreement.offset, disagreement.reference];
    expect(early).toEqual(["insa2"]);
    expect(late).toEqual(["insa1", "insb1", "insb2"]);
  });

  it("reads two Continentalclusters monitors that lost each other, each on its own continent's clock", () => {
    const found = clockDisagreements([
      alert("lonpay2", T0, "jnb_clu", 5),
      alert("jnbpay2", T0 + 120 * MINUTE, "lon_clu", 5),
      alert("lonpay2", T0 + 5 * MINUTE, "jnb_clu", 10),
      alert("jnbpay2", T0 + 125 * MINUTE, "lon_clu", 10),
      alert("lonpay2", T0 + 39 * MINUTE, "jnb_clu", null, "UP"),
      alert("jnbpay2", T0 + 159 * MINUTE, "lon_clu", null, "UP"),
    ]);
    expect(found.map((each) => Math.abs(each.minutes))).toEqual([120]);
  });

  it("says nothing when the nodes agree, drift by minutes, or logged two real reformations an hour apart", () => {
    expect(clockDisagreements([membership("a", T0), membership("b", T0 + 2000), membership("c", T0 + 1000)])).toEqual([]);
    expect(clockDisagreements([membership("a", T0), membership("b", T0 + 7 * MINUTE)])).toEqual([]);
    expect(clockDisagreements([membership("a", T0), membership("b", T0), membership("a", T0 + 60 * MINUTE), membership("b", T0 + 60 * MINUTE + 3000)])).toEqual(
      [],
    );
  });
});

describe("monitor notices of two different outages", () => {
  it("are not a clock: one notice each, on unrelated clusters, hours apart", () => {
    const found = clockDisagreements([
      { ts: T0, kind: "cc.alert", host: "cltC1", fields: { cluster: "atl_cluster", condition: "UNREACHABLE", minutes: 5 } },
      { ts: T0 + 240 * MINUTE, kind: "cc.alert", host: "atlA1", fields: { cluster: "lax_cluster", condition: "UNREACHABLE", minutes: 5 } },
    ]);
    expect(found).toEqual([]);
  });
});
