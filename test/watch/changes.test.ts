import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { nodeTree, query, startWatch, syslogLine } from "./harness.js";

// A consumer of `watch --format json` keeps an alert open until it reads `resolved` or `withdrawn`:
// a finding that no longer holds must say so, also across a restart.

const SITE_RULE = `id: site-horcm-down
title: Site rule - the Raid Manager instance is down, call storage
severity: warning
description: A site's own rule, present in the first run only.
summary: "Raid Manager instance down on {node}: call the storage team"
match:
  key: node
  event:
    kind: horcm.error
advice:
  action: restart-raid-manager
  steps:
    - where: "Phone"
      command: "<call the storage team>"
      why: "Our procedure."
examples:
  fire:
    - files:
        - path: nodeB1/var/adm/syslog/syslog.log
          text: |
            Nov  7 14:07:07 nodeB1 root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1
  notFire:
    - files:
        - path: nodeB1/var/adm/syslog/syslog.log
          text: |
            Nov  7 14:07:07 nodeB1 sshd[4410]: Accepted publickey for root
`;

describe("watch: changes a consumer can rely on", () => {
  it("a finding that no longer holds after a restart (the site's rules changed) is printed as withdrawn and removed", async () => {
    const tree = nodeTree();
    const rulesDir = join(tree.root, "..", "site-rules");
    mkdirSync(rulesDir);
    writeFileSync(join(rulesDir, "site-horcm-down.yaml"), SITE_RULE);
    writeFileSync(tree.syslog, `${syslogLine("root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1")}\n`);

    const first = await startWatch(["--db", tree.db, "--root", tree.root, "--format", "json", "--rules", rulesDir]);
    const opened = JSON.parse(await first.waitForStdout((line) => line.includes("site-horcm-down"))) as Record<string, unknown>;
    expect(opened).toMatchObject({ change: "opened", rule: "site-horcm-down" });
    expect(await first.stop()).toBe(0);

    const second = await startWatch(["--db", tree.db, "--root", tree.root, "--format", "json"]);
    const withdrawn = JSON.parse(await second.waitForStdout((line) => line.includes('"withdrawn"'))) as Record<string, unknown>;
    expect(withdrawn).toMatchObject({ change: "withdrawn", id: opened.id, rule: "site-horcm-down" });
    expect(await second.stop()).toBe(0);
    expect(query<{ rule: string }>(tree.db, "SELECT rule FROM finding").map((row) => row.rule)).not.toContain("site-horcm-down");
    // No change is printed twice, and only open findings were ever opened.
    const changes = second.stdout.filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as { change: string; id: string });
    expect(changes.filter((change) => change.id === opened.id).map((change) => change.change)).toEqual(["withdrawn"]);
  });

  it("text: the withdrawn line says the finding no longer holds", async () => {
    const tree = nodeTree();
    const rulesDir = join(tree.root, "..", "site-rules");
    mkdirSync(rulesDir);
    writeFileSync(join(rulesDir, "site-horcm-down.yaml"), SITE_RULE);
    writeFileSync(tree.syslog, `${syslogLine("root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1")}\n`);
    const first = await startWatch(["--db", tree.db, "--root", tree.root, "--rules", rulesDir]);
    await first.waitForStdout((line) => line.includes("OPENED"));
    expect(await first.stop()).toBe(0);
    const second = await startWatch(["--db", tree.db, "--root", tree.root]);
    const line = await second.waitForStdout((text) => text.includes("WITHDRAWN"));
    expect(line).toMatch(/WITHDRAWN WARNING \[restart-raid-manager\] Site rule/);
    expect(second.stdout.join("\n")).toContain("no longer holds");
    expect(await second.stop()).toBe(0);
  });
});
