import { describe, expect, it } from "vitest";
import { PrimaryClusterHalt, type ClusterKnowledge, type PackageWhereabouts } from "../../src/correlate/primary-halt.js";
import type { LogEvent, Scalar } from "../../src/model/events.js";

const minute = 60_000;
const start = Date.UTC(2026, 2, 12, 9, 0);
let line = 0;

function event(host: string, at: number, kind = "admin.command", fields: Record<string, Scalar> = {}): LogEvent {
  return {
    id: 0,
    kind,
    ts: start + at * minute,
    host,
    package: null,
    deviceGroup: null,
    node: null,
    fields,
    source: { file: `/b/${host}/var/adm/syslog/syslog.log`, line: ++line },
    raw: "",
  };
}

function command(halt: PrimaryClusterHalt, host: string, at: number, name: string, args = ""): void {
  const fields = { command: name, args };
  halt.noteCommand(event(host, at, "admin.command", fields), fields, host);
}

function knowledge(options: { peers?: Record<string, string[]>; packages?: PackageWhereabouts[] } = {}): ClusterKnowledge {
  const peers = options.peers ?? {};
  return {
    sameCluster: (node, other) => node === other || (peers[node] ?? []).includes(other),
    peersOf: (node) => new Set(peers[node] ?? []),
    packages: () => options.packages ?? [],
  };
}

/** The manual's order: the primary's package down, its cluster halted, then the forced recovery on fra1. */
function manualOrder(): PrimaryClusterHalt {
  const halt = new PrimaryClusterHalt();
  halt.notePackageStopped(event("ldn1", 0, "pkg.halted"), "ldn1");
  command(halt, "ldn1", 20, "cmhaltcl", "-f -v");
  command(halt, "fra1", 30, "cmrecovercl", "-f");
  return halt;
}

describe("the primary cluster halted before a forced recovery", () => {
  it("is read from the package stop and the cmhaltcl before cmrecovercl, and names those lines", () => {
    const lines = manualOrder().haltedBeforeRecovery("fra1", knowledge({ packages: [{ node: "ldn1", running: false, startedAt: null }] }));
    expect(lines?.map((found) => found.host)).toEqual(["ldn1", "ldn1"]);
    expect(lines?.map((found) => found.kind)).toEqual(["pkg.halted", "admin.command"]);
  });

  it("is not read when the halted cluster's package runs again, or started there after the halt", () => {
    expect(manualOrder().haltedBeforeRecovery("fra1", knowledge({ packages: [{ node: "ldn1", running: true, startedAt: start }] }))).toBeNull();
    expect(
      manualOrder().haltedBeforeRecovery(
        "fra1",
        knowledge({ packages: [{ node: "ldn2", running: false, startedAt: start + 25 * minute }], peers: { ldn1: ["ldn1", "ldn2"] } }),
      ),
    ).toBeNull();
  });

  it("is not read when the halt was of the recovery node's own cluster", () => {
    expect(manualOrder().haltedBeforeRecovery("fra1", knowledge({ peers: { ldn1: ["ldn1", "fra1"] } }))).toBeNull();
    const formedAgain = manualOrder();
    formedAgain.noteFormed("fra1", start + 25 * minute);
    expect(formedAgain.haltedBeforeRecovery("fra1", knowledge())).toBeNull();
  });

  it("is not read without a package stop on the halted cluster, a halt after the recovery, or on the recovery node itself", () => {
    const noStop = new PrimaryClusterHalt();
    command(noStop, "ldn1", 20, "cmhaltcl", "-v");
    command(noStop, "fra1", 30, "cmrecovercl", "-f");
    expect(noStop.haltedBeforeRecovery("fra1", knowledge())).toBeNull();

    const haltAfter = new PrimaryClusterHalt();
    haltAfter.notePackageStopped(event("ldn1", 0, "pkg.halted"), "ldn1");
    command(haltAfter, "fra1", 10, "cmrecovercl", "-f");
    command(haltAfter, "ldn1", 20, "cmhaltcl", "-f");
    expect(haltAfter.haltedBeforeRecovery("fra1", knowledge())).toBeNull();

    expect(manualOrder().haltedBeforeRecovery("ldn1", knowledge())).toBeNull();
    expect(manualOrder().haltedBeforeRecovery(null, knowledge())).toBeNull();
  });

  it("is not read from a stop logged only after the recovery command", () => {
    const late = new PrimaryClusterHalt();
    command(late, "ldn1", 20, "cmhaltcl", "-f");
    command(late, "fra1", 30, "cmrecovercl", "-f");
    late.notePackageStopped(event("ldn1", 40, "pkg.halted"), "ldn1");
    expect(late.haltedBeforeRecovery("fra1", knowledge())).toBeNull();
  });
});
