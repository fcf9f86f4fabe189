import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headIsLogExport } from "../../src/ingest/discover.js";
import { recordAsJson, tableHeader, tableRecord } from "../../src/parse/export-table.js";
import { parseText } from "../../src/parse/file.js";

describe("a log platform's export (Splunk, Elastic, Graylog, a SIEM)", () => {
  it("reads a CSV record's fields as RFC 4180 writes them: quoted separators, doubled quotes", () => {
    expect(tableRecord('a,"b, c","say ""PSUE""",', ",")).toEqual(["a", "b, c", 'say "PSUE"', ""]);
    expect(tableRecord('a,"unclosed', ",")).toBeNull();
    expect(tableHeader('"_time","host","source","_raw"')).toEqual({ separator: ",", columns: ["_time", "host", "source", "_raw"] });
    expect(tableHeader("@timestamp;host.name;message")).toEqual({ separator: ";", columns: ["@timestamp", "host.name", "message"] });
    expect(tableHeader("Mar  3 14:19:02 nodeA1 cmcld[2311]: Package oracle_pkg halted, node nodeA1")).toBeNull();
  });

  it("round-trips any record of text fields (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 20 }).filter((text) => !/[\r\n]/.test(text)),
          { minLength: 2, maxLength: 6 },
        ),
        (fields) => {
          const line = fields.map((field) => `"${field.replace(/"/g, '""')}"`).join(",");
          expect(tableRecord(line, ",")).toEqual(fields);
        },
      ),
    );
  });

  it("reads Splunk's CSV with the original line (_raw) as the line itself, the export's time aside", () => {
    const text = [
      '"_time","host","source","_raw"',
      '"2026-03-03T14:19:03.000+0100","nodeA1","/var/adm/syslog/syslog.log","Mar  3 14:19:03 nodeA1 cmcld[2311]: Package oracle_pkg halted"',
    ].join("\n");
    const [header, record] = parseText(text, { kind: "syslog", year: 2026 });
    expect(header.format).toBe("unknown");
    expect(record).toMatchObject({ format: "syslog", host: "nodeA1", program: "cmcld", ts: Date.UTC(2026, 2, 3, 14, 19, 3) });
    expect(record.events.map((event) => event.kind)).toContain("pkg.halt.completed");
  });

  it("reads a package log's line an export carried as that package's step, by the file the export names (round 70 #11)", () => {
    const csv = [
      '"_time","host","source","_raw"',
      '"2026-07-22T13:33:02.000+00:00","npv-db1","/etc/cmcluster/ord_app/ord_app.cntl.log","Jul 22 08:33:02 - Node ""npv-db1"": The package will not be started on this node."',
    ].join("\n");
    const json =
      '{"result":{"_time":"2026-07-22T13:33:02.000+00:00","host":"npv-db1","source":"/etc/cmcluster/ord_app/ord_app.cntl.log","_raw":"Jul 22 08:33:02 - Node \\"npv-db1\\": The package will not be started on this node."}}';
    for (const text of [csv, json]) {
      const record = parseText(text, { kind: "syslog", year: 2026 }).at(-1)!;
      expect(record).toMatchObject({ format: "pkglog", host: "npv-db1", package: "ord_app", ts: Date.UTC(2026, 6, 22, 8, 33, 2) });
    }
    // A modular package's line (root@node, a script's tag) from Kibana, by log.file.path (round 70 #12).
    const kibana = [
      '"@timestamp","host.name","log.file.path","message"',
      '"Mar 3, 2026 @ 14:06:36.367","prs-inv2","/usr/local/cmcluster/run/log/inv_db.log","Mar  3 14:06:36 root@prs-inv2 xpca.sh[49527]: device group inv_dg, fence level NEVER"',
    ].join("\n");
    expect(parseText(kibana, { kind: "syslog", year: 2026 }).at(-1)).toMatchObject({ format: "pkglog", host: "prs-inv2", package: "inv_db" });
  });

  it("places a message-only record (Kibana, a SIEM) at the export's time on its host and program, newest first or not", () => {
    const text = [
      "@timestamp;host.name;process.name;message",
      "2026-03-03T14:25:00Z;nodeA1;cmcld;Started package oracle_pkg on node nodeA1.",
      '2026-03-03T14:19:03Z;nodeA1;pairmon;"[oradg] pair state changed PAIR -> PSUE"',
    ].join("\n");
    const lines = parseText(text, { kind: "syslog", timeZone: "UTC" });
    expect(lines.slice(1).map((line) => [line.host, line.program, line.ts])).toEqual([
      ["nodeA1", "cmcld", Date.UTC(2026, 2, 3, 14, 25, 0)],
      ["nodeA1", "pairmon", Date.UTC(2026, 2, 3, 14, 19, 3)],
    ]);
  });

  it("finds an export by its head: a header row and a log event under it, or a JSON event a line", () => {
    expect(headIsLogExport('_time,host,_raw\n2026-03-03T14:19:03Z,nodeA1,"Mar  3 14:19:03 nodeA1 cmcld[1]: x"\n')).toBe(true);
    expect(headIsLogExport('{"@timestamp":"2026-03-03T13:19:03Z","host":{"name":"nodeA1"},"message":"cmcld[1]: x"}\n')).toBe(true);
    expect(headIsLogExport("name,version\nmcadvisor,0.1.0\n")).toBe(false);
    expect(headIsLogExport('{"name":"mcadvisor","version":"0.1.0"}\n')).toBe(false);
    expect(recordAsJson({ separator: ",", columns: ["a", "b"] }, "1,2,3")).toBeNull();
  });
});
