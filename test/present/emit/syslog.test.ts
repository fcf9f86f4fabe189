import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeParamValue, formatSyslogMessage, frameOctetCounted, MAX_MESSAGE_OCTETS, messageId, SD_ID } from "../../../src/present/emit/syslog.js";
import { finding, parseSyslog } from "./rfc5424.js";

const fixed = { now: new Date(Date.UTC(2026, 11, 1, 10, 0, 0, 123)), hostname: "mc-monitor", procId: "4242", timeZone: "Europe/Paris" };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

describe("RFC 5424 message for a finding change", () => {
  it("has PRI local0, version 1, the time it was made, HOSTNAME, APP-NAME mcadvisor, PROCID, a MSGID per change, the finding as structured data and the title after a BOM", () => {
    const message = formatSyslogMessage({ change: "opened", finding: finding(), bundle: "/var/log/mc/cluster1" }, fixed);
    const expected =
      '<130>1 2026-12-01T10:00:00.123Z mc-monitor mcadvisor 4242 finding-opened [mcadvisor@32473 id="f6e1869717c2b2c8" change="opened"' +
      ' action="swap-resync" severity="critical" status="open" rule="swap-resync-after-takeover" package="oracle_pkg" deviceGroup="oradg"' +
      ' node="nodeB1" site="S-VOL side" firstSeen="2026-11-16T03:13:34+01:00" lastSeen="2026-11-17T11:45:00+01:00" bundle="/var/log/mc/cluster1"] ';
    expect(message.subarray(0, Buffer.byteLength(expected)).toString("utf8")).toBe(expected);
    expect(message.subarray(Buffer.byteLength(expected), Buffer.byteLength(expected) + 3)).toEqual(BOM);
    expect(message.subarray(Buffer.byteLength(expected) + 3).toString("utf8")).toBe(finding().title);
  });

  it("maps the change and the finding's severity to the syslog severity: critical 2, warning 4, info 5 (notice); resolved and withdrawn 6", () => {
    const pri = (change: string, overrides: Parameters<typeof finding>[0] = {}): number =>
      parseSyslog(formatSyslogMessage({ change, finding: finding(overrides), bundle: "/b" }, fixed)).pri;
    expect(pri("opened")).toBe(16 * 8 + 2);
    expect(pri("escalated", { severity: "warning" })).toBe(16 * 8 + 4);
    expect(pri("opened", { severity: "info" })).toBe(16 * 8 + 5);
    expect(pri("resolved", { status: "resolved", resolvedAt: Date.UTC(2026, 10, 17, 12, 0, 0) })).toBe(16 * 8 + 6);
    expect(pri("withdrawn")).toBe(16 * 8 + 6);
    // A change name the engine adds later passes through, as loud as the open finding.
    const later = parseSyslog(formatSyslogMessage({ change: "reopened", finding: finding(), bundle: "/b" }, fixed));
    expect(later.pri).toBe(16 * 8 + 2);
    expect(later.msgId).toBe("finding-reopened");
    expect(later.params.change).toBe("reopened");
  });

  it("leaves out what the finding does not know (no NILVALUE inside the structured data) and gives resolvedAt once resolved", () => {
    const parsed = parseSyslog(
      formatSyslogMessage(
        {
          change: "resolved",
          finding: finding({ site: null, node: null, status: "resolved", resolvedAt: Date.UTC(2026, 10, 17, 12, 0, 0) }),
          bundle: "/b",
        },
        { ...fixed, timeZone: undefined },
      ),
    );
    expect(parsed.params).not.toHaveProperty("site");
    expect(parsed.params).not.toHaveProperty("node");
    expect(parsed.params.resolvedAt).toBe("2026-11-17T12:00:00");
    expect(parsed.msgId).toBe("finding-resolved");
  });

  it("escapes '\"', '\\' and ']' in values and shows control characters from the logs in caret notation, so no value ends an element or a line", () => {
    expect(escapeParamValue('a"b\\c]d')).toBe('a\\"b\\\\c\\]d');
    const hostile = finding({
      package: 'pkg"] [evil@1 x="y',
      deviceGroup: "dg\\",
      node: "node\nFeb 30 00:00:00 forged: line",
      title: "title\r\nwith\u0000NUL and \u001b]0;xterm title\u0007",
    });
    const message = formatSyslogMessage({ change: "opened", finding: hostile, bundle: "/b]" }, fixed);
    for (const byte of [0x0a, 0x0d, 0x00, 0x1b, 0x07]) expect(message.includes(byte)).toBe(false);
    const parsed = parseSyslog(message);
    expect(parsed.sdId).toBe(SD_ID);
    expect(parsed.params.package).toBe('pkg"] [evil@1 x="y');
    expect(parsed.params.deviceGroup).toBe("dg\\");
    expect(parsed.params.node).toBe("node^JFeb 30 00:00:00 forged: line");
    expect(parsed.params.bundle).toBe("/b]");
    expect(parsed.msg).toBe("title^M^Jwith^@NUL and ^[]0;xterm title^G");
  });

  it("counts octets, not characters, in the TCP frame (RFC 6587 MSG-LEN) with multibyte text", () => {
    const title = "Paket läuft am Ausweichstandort – 日本語 🚀";
    const message = formatSyslogMessage({ change: "opened", finding: finding({ title, package: "paquet_été" }), bundle: "/données" }, fixed);
    const frame = frameOctetCounted(message);
    const space = frame.indexOf(0x20);
    const length = Number(frame.subarray(0, space).toString("ascii"));
    expect(length).toBe(message.length);
    expect(frame.length).toBe(space + 1 + length);
    const text = message.toString("utf8");
    expect(length).toBeGreaterThan(text.length); // the characters would have counted short
    expect(parseSyslog(frame.subarray(space + 1)).msg).toBe(title);
  });

  it("keeps header fields within their RFC maximum lengths and printable US-ASCII", () => {
    const parsed = parseSyslog(
      formatSyslogMessage(
        { change: "a change name far longer than thirty-two characters", finding: finding(), bundle: "/b" },
        {
          ...fixed,
          hostname: `${"h".repeat(300)} with spaces`,
          procId: "p".repeat(200),
        },
      ),
    );
    expect(parsed.hostname).toHaveLength(255);
    expect(parsed.procId).toHaveLength(128);
    expect(parsed.msgId.length).toBeLessThanOrEqual(32);
    expect(parsed.msgId).toMatch(/^[\x21-\x7e]+$/);
    expect(messageId("opened")).toBe("finding-opened");
    expect(parseSyslog(formatSyslogMessage({ change: "opened", finding: finding(), bundle: "/b" }, { ...fixed, hostname: "" })).hostname).toBe("-");
    expect(parseSyslog(formatSyslogMessage({ change: "opened", finding: finding(), bundle: "/b" }, { ...fixed, hostname: "nœud-été" })).hostname).toBe(
      "n_ud-_t_",
    );
  });

  it("stays within 2048 octets: the title and the values from logs are cut at a character boundary, our own fields never", () => {
    const long = finding({ title: `Ü${'ä€𝄞"]\\'.repeat(500)}`, package: "p€".repeat(400), deviceGroup: "]".repeat(900) });
    const message = formatSyslogMessage({ change: "opened", finding: long, bundle: `/${"ü".repeat(2000)}` }, fixed);
    expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_OCTETS);
    expect(message.toString("utf8")).not.toContain("\ufffd"); // no character cut in half
    const parsed = parseSyslog(message);
    expect(parsed).toMatchObject({
      params: { id: "f6e1869717c2b2c8", change: "opened", action: "swap-resync", severity: "critical", status: "open", rule: "swap-resync-after-takeover" },
    });
    for (const cut of [parsed.msg, parsed.params.package, parsed.params.bundle].filter((value) => value !== undefined && value !== "")) {
      expect(cut.endsWith("...")).toBe(true);
    }
    expect(long.title.startsWith(parsed.msg.slice(0, -3))).toBe(true);
  });

  it("any text from the logs gives a parseable message of at most 2048 octets, without CR, LF or NUL, that gives the values back", () => {
    const text = fc.string({ unit: "binary", maxLength: 3000 });
    fc.assert(
      fc.property(text, text, text, text, (title, packageName, node, bundle) => {
        const message = formatSyslogMessage({ change: "opened", finding: finding({ title, package: packageName, node }), bundle }, fixed);
        expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE_OCTETS);
        for (const byte of [0x0a, 0x0d, 0x00]) expect(message.includes(byte)).toBe(false);
        const parsed = parseSyslog(message);
        expect(parsed.params.id).toBe("f6e1869717c2b2c8");
        // Each value is the original with control characters made visible, or a cut prefix of it marked "...".
        for (const [shown, original] of [
          [parsed.params.package, packageName],
          [parsed.params.node, node],
          [parsed.params.bundle, bundle],
          [parsed.msg, title],
        ]) {
          const whole = visible(original);
          expect(shown === whole || (shown.endsWith("...") && whole.startsWith(shown.slice(0, -3)))).toBe(true);
        }
      }),
      // A zero-width space in a package's name (found by a CI run, seed 2013951299): shown as <U+200B>.
      { numRuns: 300, examples: [["", "\u200b", "", ""]] },
    );
  });
});

/** What the logs' text becomes: tabs as spaces, control characters in caret notation; a lone surrogate is not UTF-8. */
function visible(text: string): string {
  return Buffer.from(
    text
      .replace(/\t/g, " ")
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (character) => {
        const code = character.charCodeAt(0);
        if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
        if (code === 0x7f) return "^?";
        return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
      })
      // Characters that change how text reads without being seen (direction marks, zero-width): named by code point.
      .replace(
        /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g,
        (character) => `<U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`,
      ),
    "utf8",
  ).toString("utf8");
}
