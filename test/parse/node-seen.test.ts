// node.seen: the parse stage marks a node's line when its file had not heard from that node for fifteen minutes, so the
// engine knows a site kept running from lines no grammar reads (an application's monitor, sshd, cron).
import { describe, expect, it } from "vitest";
import { createFileParser, parseText } from "../../src/parse/index.js";
import type { FileKind } from "../../src/parse/index.js";
import { NODE_SEEN_KIND, readEventCount } from "../../src/model/events.js";

const SYSLOG = [
  "Nov 14 21:07:00 fradb1 orders_mon.sh[15530]: orders alive: sessions=137",
  "Nov 14 21:07:30 fradb1 sshd[16936]: Accepted publickey for ordadm from 10.20.2.40 port 43567 ssh2",
  "Nov 14 21:07:40 fradb2 cron[2210]: (root) CMD (/usr/sbin/dmesg - >>/var/adm/messages)",
  "Nov 14 21:22:00 fradb1 orders_mon.sh[15530]: orders alive: sessions=304",
  "Nov 14 21:22:01 fradb1 orders_mon.sh[15530]: orders alive: sessions=305",
  "    a continuation line without a header",
  "Nov 14 21:40:00 fradb1 sshd[17634]: Received disconnect from 10.20.2.40: 11: disconnected by user",
];

const seenLines = (kind: FileKind, text: string, markNodeSeen = true): number[] =>
  parseText(text, { kind, year: 2023, markNodeSeen })
    .map((line, index) => (line.events.some((event) => event.kind === NODE_SEEN_KIND) ? index + 1 : 0))
    .filter((line) => line > 0);

describe("node.seen markers", () => {
  it("marks a node's first line, then its first line fifteen minutes or more after the last mark, per node", () => {
    // fradb1 at 21:07:00 (first), not 21:07:30; fradb2 at 21:07:40 (first of its own); fradb1 at 21:22:00 (fifteen minutes on),
    // not 21:22:01, not the header-less line; fradb1 at 21:40:00.
    expect(seenLines("syslog", SYSLOG.join("\n"))).toEqual([1, 3, 4, 7]);
  });

  it("is not a fact a grammar read: a line's event count leaves it out", () => {
    const [first] = parseText(SYSLOG[0], { kind: "syslog", year: 2023, markNodeSeen: true });
    expect(first.events).toEqual([{ kind: NODE_SEEN_KIND }]);
    expect(readEventCount(first.events)).toBe(0);
  });

  it("keeps the events the grammars read and the unread marker beside it", () => {
    const cmcld = "Nov 14 21:07:00 fradb1 cmcld[2048]: Started package orders on node fradb1.";
    const unread = "Nov 14 21:07:00 fradb1 dbwrap[4711]: the S-VOLs answered in a way this check does not accept";
    const [started] = parseText(cmcld, { kind: "syslog", year: 2023, markNodeSeen: true });
    expect(started.events.map((event) => event.kind)).toEqual(["pkg.started", NODE_SEEN_KIND]);
    expect(readEventCount(started.events)).toBe(1);
    const [marked] = parseText(unread, { kind: "syslog", year: 2023, markNodeSeen: true });
    expect(marked.events.map((event) => event.kind)).toEqual(["line.unread", NODE_SEEN_KIND]);
  });

  it("marks package-log lines too, and nothing in saved command output, histories or configuration", () => {
    const pkglog = [
      '\t########### Node "fradb1": Starting package at Tue Nov 14 21:07:00 CET 2023 ###########',
      'Nov 14 21:07:02 - Node "fradb1": Package orders is configured with remote data replication.',
      'Nov 14 21:09:02 - Node "fradb1": Package start completed.',
    ].join("\n");
    expect(seenLines("pkglog", pkglog).length).toBeGreaterThan(0);
    expect(seenLines("cmdlog", "Tue Nov 14 21:07:00 CET 2023\npairdisplay -g ord_jdg\n")).toEqual([]);
    expect(seenLines("history", "#1699992420\npairdisplay -g ord_jdg -fcx\n")).toEqual([]);
  });

  it("is off unless asked: a parse for a tool or a test shows what the grammars read", () => {
    expect(seenLines("syslog", SYSLOG.join("\n"), false)).toEqual([]);
  });

  it("a file read on from its checkpoint marks the lines a whole read marks (the context carries the last marks)", () => {
    const whole = seenLines("syslog", SYSLOG.join("\n"));
    for (let split = 1; split < SYSLOG.length; split++) {
      const options = { path: "syslog.log", kind: "syslog" as const, yearFor: () => 2023, markNodeSeen: true };
      const first = createFileParser(options);
      const marked: number[] = [];
      SYSLOG.slice(0, split).forEach((text, index) => {
        if (first.parseLine(text).events.some((event) => event.kind === NODE_SEEN_KIND)) marked.push(index + 1);
      });
      const resumed = createFileParser({ ...options, resume: JSON.parse(JSON.stringify(first.context())) });
      SYSLOG.slice(split).forEach((text, index) => {
        if (resumed.parseLine(text).events.some((event) => event.kind === NODE_SEEN_KIND)) marked.push(split + index + 1);
      });
      expect(marked, `split after line ${split}`).toEqual(whole);
    }
  });

  it("marks again after the file's clock steps back (a rotated copy appended, a wrong year)", () => {
    const text = ["Nov 14 21:07:00 fradb1 a[1]: x", "Nov 14 21:07:10 fradb1 a[1]: y", "Nov 14 20:00:00 fradb1 a[1]: z"].join("\n");
    expect(seenLines("syslog", text)).toEqual([1, 3]);
  });
});
