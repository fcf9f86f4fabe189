import { describe, expect, it } from "vitest";
import { discoverInputs } from "../../src/ingest/discover.js";
import { writeFileAt as touch } from "../helpers/files.js";
import { tempDir } from "../helpers/temp.js";

const bundlesOf = (root: string): string[] => [...new Set(discoverInputs([root]).files.map((file) => file.bundle.slice(root.length)))].sort();

describe("an incident collected as one folder per site or cluster", () => {
  it("is one bundle when one cluster's logs name the other (its folder, the cluster its monitor reports)", () => {
    const root = tempDir();
    touch(root, "case/ldn_prod/ldnux01/var/adm/syslog/syslog.log", "Mar 17 09:00:01 ldnux01 cmcld[1]: Started package ledger on node ldnux01.\n");
    touch(
      root,
      "case/mcr_dr/mcrux01/var/adm/syslog/syslog.log",
      "Mar 17 09:57:41 mcrux01 cmclsentryd[3342]: Continentalclusters: ldn_prod UNREACHABLE alert (5 min)\n",
    );
    expect(bundlesOf(root)).toEqual(["/case"]);
  });

  it("is one bundle when one site's logs name a node of the other", () => {
    const root = tempDir();
    touch(root, "case/london/lon1/var/adm/syslog/syslog.log", "Mar 17 09:00:01 lon1 cmcld[1]: Timed out node slo1. It may have failed.\n");
    touch(root, "case/slough/slo1/var/adm/syslog/syslog.log", "Mar 17 08:00:01 slo1 sshd[1]: Accepted publickey for root\n");
    expect(bundlesOf(root)).toEqual(["/case"]);
  });

  it("stays apart when neither names the other, when they share node names (incidents of one cluster), or among many (a folder of incidents)", () => {
    const root = tempDir();
    touch(root, "a/inc1/nodeA1/var/adm/syslog/syslog.log", "Mar 17 09:00:01 nodeA1 cmcld[1]: Started package p on node nodeA1.\n");
    touch(root, "a/inc2/hpx1/var/adm/syslog/syslog.log", "Mar 17 09:00:01 hpx1 cmcld[1]: Started package q on node hpx1.\n");
    touch(root, "b/inc1/nodeA1/var/adm/syslog/syslog.log", "Mar 17 09:00:01 nodeA1 cmcld[1]: Timed out node nodeB1.\n");
    touch(root, "b/inc2/nodeB1/var/adm/syslog/syslog.log", "Mar 17 09:00:01 nodeB1 cmcld[1]: Timed out node nodeA1.\n");
    touch(root, "b/inc3/nodeA1/var/adm/syslog/syslog.log", "Mar 18 09:00:01 nodeA1 cmcld[1]: Started package p on node nodeA1.\n");
    for (const site of ["s1", "s2", "s3", "s4", "s5"]) {
      touch(root, `c/${site}/${site}n1/var/adm/syslog/syslog.log`, `Mar 17 09:00:01 ${site}n1 cmcld[1]: Timed out node s1n1.\n`);
    }
    expect(bundlesOf(root)).toEqual(["/a/inc1", "/a/inc2", "/b/inc1", "/b/inc2", "/b/inc3", "/c/s1", "/c/s2", "/c/s3", "/c/s4", "/c/s5"]);
  });
});
