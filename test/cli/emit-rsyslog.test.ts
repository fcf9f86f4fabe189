import { appendFileSync, cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runMcadvisor } from "../helpers/cli.js";
import { tempDir } from "../helpers/temp.js";
import { nodeTree, startWatch, syslogLine } from "../watch/harness.js";
import { startRsyslog } from "../helpers/rsyslog.js";
import { waitFor } from "../helpers/wait.js";

interface JsonFinding {
  id: string;
  rule: string;
  action: string;
  severity: string;
  status: string;
  title: string;
  package: string | null;
  deviceGroup: string | null;
  node: string | null;
  site: string | null;
  firstSeen: string;
  lastSeen: string;
  resolvedAt: string | null;
  bundle: string;
}

describe("--emit against a real rsyslog", () => {
  it("analyze sends each finding over UDP and over TCP; rsyslog parses the RFC 5424 header and decodes the structured data to the finding's values", async () => {
    const directory = tempDir("mcadvisor-rsyslog-");
    const rsyslog = await startRsyslog(join(directory, "rsyslog"));
    // The incident folder's name holds '"', ']', '\' and multibyte text: the bundle value must be escaped
    // and the TCP frame counted in bytes. The site rule's title is multibyte too (test/fixtures/emit-rules).
    const bundle = join(directory, 'incident "Nord] \\ Ü 日本');
    cpSync(join(repositoryRoot, "samples", "site-failover-svol-takeover"), bundle, { recursive: true });
    appendFileSync(
      join(bundle, "nodeB2", "var", "adm", "syslog", "syslog.log"),
      "Nov 17 14:55:00 nodeB2 root: pairdisplay -g oradg: EX_COMERR (255) can't communicate with HORCM instance 1\n",
    );

    const result = runMcadvisor([
      "analyze",
      "--db",
      join(directory, "mcadvisor.db"),
      "--format",
      "json",
      "--rules",
      join(repositoryRoot, "test", "fixtures", "emit-rules"),
      "--emit",
      `syslog://127.0.0.1:${rsyslog.udpPort}`,
      "--emit",
      `syslog+tcp://127.0.0.1:${rsyslog.tcpPort}`,
      bundle,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(2); // the emission does not change analyze's exit status
    const findings = (JSON.parse(result.stdout) as { findings: JsonFinding[] }).findings;
    expect(findings.map((finding) => finding.rule).sort()).toEqual([
      "emit-test-unicode-title",
      "failback-after-failover",
      "raid-manager-instance-error",
      "swap-resync-after-takeover",
    ]);

    const received = await waitFor(() => {
      const records = rsyslog.json().filter((record) => record.sd["mcadvisor@32473"] !== undefined);
      return records.length >= findings.length * 2 ? records : undefined;
    }, `every finding over both inputs in ${rsyslog.jsonFile}`);
    expect(received).toHaveLength(findings.length * 2);
    for (const finding of findings) {
      for (const input of ["imudp", "imtcp"]) {
        const record = received.find((entry) => entry.inputname === input && entry.sd["mcadvisor@32473"].id === finding.id);
        expect(record, `${finding.rule} over ${input}`).toBeDefined();
        expect(record?.msgid).toBe("finding-opened");
        expect(record?.msg).toBe(`\ufeff${finding.title}`);
        const { id, rule, action, severity, status, firstSeen, lastSeen } = finding;
        const known = Object.fromEntries(
          (["package", "deviceGroup", "node", "site"] as const).flatMap((key) => (finding[key] === null ? [] : [[key, finding[key]]])),
        );
        expect(record?.sd["mcadvisor@32473"]).toEqual({ id, change: "opened", action, severity, status, rule, ...known, firstSeen, lastSeen, bundle });
      }
    }

    // The header as rsyslog read it: PRI local0 with the finding's severity, version 1, APP-NAME, MSGID.
    const lines = rsyslog.lines().filter((line) => line.includes(" mcadvisor "));
    const critical = findings.find((finding) => finding.rule === "swap-resync-after-takeover") as JsonFinding;
    const criticalLines = lines.filter((line) => line.includes(`id="${critical.id}"`));
    expect(criticalLines).toHaveLength(2);
    for (const line of criticalLines) expect(line).toMatch(/^im(udp|tcp) <130>1 \S+ \S+ mcadvisor \d+ finding-opened \[mcadvisor@32473 id="/);
    expect(lines.find((line) => line.includes("emit-test-unicode-title"))).toContain(`<132>1 `);
    // The failback, set aside while the swap resync speaks (status superseded): informational.
    expect(lines.find((line) => line.includes("failback-after-failover"))).toContain(`<134>1 `);
    await rsyslog.stop();
  });

  it("watch sends a change as it happens over TCP, and its resolution", async () => {
    const rsyslog = await startRsyslog(join(tempDir("mcadvisor-rsyslog-"), "rsyslog"));
    const tree = nodeTree();
    writeFileSync(tree.syslog, `${syslogLine("syslogd: restart")}\n`);
    const watcher = await startWatch(["--db", tree.db, "--root", tree.root, "--tz", "UTC", "--emit", `syslog+tcp://127.0.0.1:${rsyslog.tcpPort}`]);
    appendFileSync(tree.syslog, `${syslogLine("root: pairdisplay -g dbdg: EX_COMERR (255) can't communicate with HORCM instance 1")}\n`);
    const opened = await waitFor(
      () => rsyslog.json().find((record) => record.msgid === "finding-opened"),
      `the opened change at rsyslog (watch: ${watcher.stderr()})`,
    );
    expect(opened.sd["mcadvisor@32473"]).toMatchObject({
      change: "opened",
      action: "restart-raid-manager",
      severity: "critical",
      deviceGroup: "dbdg",
      node: "nodeB1",
    });
    appendFileSync(tree.syslog, `${syslogLine("horcmstart.sh[4242]: HORCM inst 1 starts successfully.")}\n`);
    const resolved = await waitFor(() => rsyslog.json().find((record) => record.msgid === "finding-resolved"), "the resolved change at rsyslog");
    expect(resolved.sd["mcadvisor@32473"]).toMatchObject({ change: "resolved", id: opened.sd["mcadvisor@32473"].id, status: "resolved" });
    expect(rsyslog.lines().find((line) => line.includes("finding-resolved"))).toMatch(/^imtcp <134>1 /);
    expect(await watcher.stop()).toBe(0);
    await rsyslog.stop();
  });
});
