// The syslog fast path must return exactly what the grammar returns, for every line it accepts,
// and must accept the common shapes (BSD and ISO 8601 stamps). Lines are generated from the header's
// parts, including the awkward ones: IP hosts, priority codes, padded days, tags with and without
// [pid], colons and brackets inside bodies, several blanks, impossible dates, RFC 3339 fractions and
// offsets in both spellings (+hh:mm, journalctl's +hhmm, Z), offsets out of range.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grammarNamed, runGrammar } from "../../src/parse/index.js";

const syslog = grammarNamed("syslog");
const fastParse = syslog.module.fastParse as (line: string) => unknown;
const grammarParse = (line: string): unknown => {
  const results = runGrammar(syslog, line);
  expect(results.length).toBeLessThanOrEqual(1);
  return results[0];
};

const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const blanks = fc.constantFrom(" ", " ", " ", "  ", "   ");
const day = fc.oneof(
  fc.integer({ min: 1, max: 31 }).map(String),
  fc.integer({ min: 1, max: 9 }).map((n) => ` ${n}`),
  fc.integer({ min: 0, max: 99 }).map(String),
);
const two = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, "0"));
const time = fc.tuple(two, two, two).map(([h, m, s]) => `${h}:${m}:${s}`);
const host = fc.oneof(
  fc.constantFrom("nodeA1", "star04", "localhost", "10.0.0.12", "192.168.1.1", "fe80::1", "node-b.example.com", "D6", "<30>", "A1", "x"),
  fc.ipV4(),
  fc.stringMatching(/^[A-Za-z0-9._:[\]-]{1,12}$/),
);
const program = fc.constantFrom("cmcld", "CM-CMD", "vmunix", "/usr/sbin/cron", "cmclconfd", "sshd", "syslogd", "master_control_script.sh", "a:b", "x[");
const pid = fc
  .option(
    fc.integer({ min: 0, max: 99999 }).map((n) => `[${n}]`),
    { nil: "" },
  )
  .chain((tag) => fc.constantFrom(tag, tag === "" ? "" : ` ${tag}`));
const body = fc.oneof(
  fc.constantFrom(
    "",
    "Started package pkgA on node nodeA1.",
    "last message repeated 3 times",
    "-- MARK --",
    "LVM: VG 64 0x010000: Lost quorum.",
    ": leading colon",
    "  two blanks",
    "x[1]: nested tag",
    "tab\there",
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
// ISO 8601 stamps as rsyslog (RFC 3339) and journalctl (short-iso, short-iso-precise) write them, and broken ones.
const digits = (length: number) => fc.integer({ min: 0, max: 10 ** length - 1 }).map((n) => String(n).padStart(length, "0"));
const fraction = fc.option(
  fc
    .integer({ min: 1, max: 9 })
    .chain((length) => digits(length))
    .map((d) => `.${d}`),
  { nil: "" },
);
const offset = fc.oneof(
  fc.constantFrom("", "Z", "+01:00", "-05:00", "+0100", "-0500", "+05:30", "+0530", "+00:00", "-0000", "+23:59"),
  fc.tuple(fc.constantFrom("+", "-"), two, two, fc.constantFrom(":", "")).map(([sign, h, m, colon]) => `${sign}${h}${colon}${m}`),
);
const isoStamp = fc
  .tuple(digits(4), two, two, fc.constantFrom("T", "T", "T", " ", "t"), two, two, two, fraction, offset)
  .map(([y, mo, d, t, h, mi, s, f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}:${s}${f}${z}`);
// journalctl -o short-precise adds microseconds to the BSD stamp (and broken fractions: none, ten digits).
const bsdFraction = fc.oneof(fc.constant(""), fc.constant(""), fraction, fc.constantFrom(".", ".0123456789", ".x"));
// Months in the nodes' locales (src/model/calendar.ts): journals exported with LANG=de_DE, fr_FR, ja_JP...
const localMonth = fc.constantFrom("Mai", "Mär", "abr", "nov", "févr.", "juil.", "de març", " 3月", "12月", " 4월", "paź");
const bsdStamp = fc
  .record({
    month: fc.oneof(fc.constantFrom(...months), fc.constantFrom("Foo", "novx", "", "sa", " 13月"), localMonth),
    b1: blanks,
    day,
    b2: blanks,
    time,
    f: bsdFraction,
  })
  .map((p) => `${p.month}${p.b1}${p.day}${p.b2}${p.time}${p.f}`);
// journalctl -o short-full / with-unit (weekday, ISO date, time, the zone's abbreviation) and -o short-unix (epoch seconds
// and a fraction), with broken ones (no zone, a month name, short epochs, no fraction).
const fullStamp = fc
  .tuple(
    fc.constantFrom("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Foo", "Mar", "Do", "jeu.", "sáb", "mar", "dimarts"),
    digits(4),
    two,
    two,
    time,
    fc.constantFrom("", "", ".123456", "."),
    fc.constantFrom(" CET", " CEST", " UTC", " +03", " -0330", " America/New_York", "", " 1"),
  )
  .map(([w, y, mo, d, t, f, z]) => `${w} ${y}-${mo}-${d} ${t}${f}${z}`);
const unixStamp = fc
  .tuple(fc.oneof(fc.integer({ min: 100_000_000, max: 9_999_999_999 }).map(String), fc.constantFrom("0999999999", "12345678", "17099999999")), fraction)
  .map(([seconds, f]) => `${seconds}${f}`);
const priority = fc.option(fc.constantFrom("D6", "B5", "Q0", "<30>", "<191>"), { nil: undefined });

const line = fc
  .record({
    stamp: fc.oneof(bsdStamp, isoStamp, fullStamp, unixStamp),
    b3: blanks,
    priority,
    host,
    b4: blanks,
    program,
    pid,
    colon: fc.constantFrom(": ", ":", " ", ": "),
    body,
  })
  .map((p) => `${p.stamp}${p.b3}${p.priority ? `${p.priority} ` : ""}${p.host}${p.b4}${p.program}${p.pid}${p.colon}${p.body}`);
// Lines only the grammar reads: date(1)-stamped lines and journalctl's markers.
const weekday = fc.constantFrom("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Foo");
const dated = fc
  .tuple(
    weekday,
    fc.constantFrom(...months),
    blanks,
    day,
    time,
    fc.constantFrom("", " EST", " CET", " UTC+1", " 2026"),
    digits(4),
    fc.constantFrom("", " ", " CLUSTER_ALERT primary_cluster/UNREACHABLE 5 MINUTES", " x"),
  )
  .map(([w, m, b, d, t, z, y, rest]) => `${w} ${m}${b}${d} ${t}${z} ${y}${rest}`);
const marker = fc.oneof(
  fc.constantFrom("-- Reboot --", "-- No entries --", "-- Boot 5f2c0a61 --", "--  --", "-- x", "--- Boot ---"),
  fc.string({ maxLength: 30 }).map((text) => `-- ${text} --`),
);

describe("syslog fastParse", () => {
  it("returns what the grammar returns whenever it accepts a line", () => {
    fc.assert(
      fc.property(line, (text) => {
        const fast = fastParse(text);
        if (fast !== undefined) expect(grammarParse(text)).toEqual(fast);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts the common shapes (no priority code) exactly when the grammar does", () => {
    fc.assert(
      fc.property(
        line.filter((text) => !/^ ?(?:\S+ +\S+ +\S+(?: +\S+)?|\d\S*) +(?:[A-JQ-X][0-7]|<\d{1,3}>) /.test(text)),
        (text) => {
          expect(fastParse(text)).toEqual(grammarParse(text));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("leaves date(1)-stamped lines and journal markers to the grammar", () => {
    fc.assert(
      fc.property(fc.oneof(dated, marker), (text) => {
        expect(fastParse(text)).toBeUndefined();
        grammarParse(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads RFC 5424 lines: each field back, `-` as nothing, the structured data and a BOM left out of the body", () => {
    const nil = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
    const word = fc.stringMatching(/^[A-Za-z0-9._/-]{1,12}$/).filter((text) => text !== "-");
    const param = fc.stringMatching(/^[ A-Za-z0-9\]=[]{0,10}$/).map((text) => text.replace(/[\]"\\]/g, (c) => `\\${c}`));
    const structured = fc.oneof(
      fc.constant("-"),
      fc.array(fc.tuple(word, param), { minLength: 1, maxLength: 3 }).map((elements) => elements.map(([id, value]) => `[${id} k="${value}"]`).join("")),
    );
    fc.assert(
      fc.property(
        fc.record({
          pri: fc.integer({ min: 0, max: 191 }),
          stamp: fc.tuple(
            fc.integer({ min: 2000, max: 2099 }),
            fc.integer({ min: 1, max: 12 }),
            fc.integer({ min: 1, max: 28 }),
            fc.integer({ min: 0, max: 23 }),
            fc.integer({ min: 0, max: 59 }),
            fc.integer({ min: 0, max: 59 }),
          ),
          host: nil(word),
          app: nil(word),
          procid: nil(fc.integer({ min: 1, max: 99999 })),
          msgid: nil(word),
          structured,
          message: fc.option(
            fc.tuple(
              fc.boolean(),
              fc.string({ maxLength: 30 }).map((text) => text.replace(/\n/g, " ")),
            ),
            { nil: undefined },
          ),
        }),
        ({ pri, stamp: [year, month, dayOfMonth, hour, minute, second], host: hostName, app, procid, msgid, structured: sd, message }) => {
          const pad = (n: number) => String(n).padStart(2, "0");
          const stampText = `${year}-${pad(month)}-${pad(dayOfMonth)}T${pad(hour)}:${pad(minute)}:${pad(second)}Z`;
          const text = `<${pri}>1 ${stampText} ${hostName ?? "-"} ${app ?? "-"} ${procid ?? "-"} ${msgid ?? "-"} ${sd}${message ? ` ${message[0] ? "\uFEFF" : ""}${message[1]}` : ""}`;
          const parsed = grammarParse(text) as Record<string, unknown>;
          expect(parsed).toMatchObject({ format: "syslog", year, month, day: dayOfMonth, hour, minute, second, utcOffset: 0 });
          expect(parsed.host).toBe(hostName);
          expect(parsed.program).toBe(app);
          expect(parsed.pid).toBe(procid);
          // Blanks between the header and the message are one separator (as in the other layouts); after a BOM they are text.
          expect(parsed.body).toBe(message === undefined ? "" : message[0] ? message[1] : message[1].replace(/^ +/, ""));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("reads journal JSON entries (-o json, json-sse) as the grammar does: time as a UTC instant, fields back, byte arrays decoded", () => {
    const text = fc.string({ maxLength: 30 });
    const bytesOf = (value: string) => [...Buffer.from(value, "utf8")];
    fc.assert(
      fc.property(
        fc.record(
          {
            __REALTIME_TIMESTAMP: fc.oneof(
              fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => `${s}${String(s % 1_000_000).padStart(6, "0")}`),
              fc.constantFrom("", "x", "-1"),
            ),
            _SOURCE_REALTIME_TIMESTAMP: fc.integer({ min: 946_684_800_000_000, max: 4_102_444_800_000_000 }).map(String),
            _HOSTNAME: fc.oneof(fc.constantFrom("wms-a1", "nodeB1", ""), text),
            SYSLOG_IDENTIFIER: fc.oneof(fc.constantFrom("cmcld", "kernel", "mcxpca_dgmon"), text),
            _COMM: fc.constantFrom("cmcld", "horcmgr"),
            _PID: fc.oneof(fc.integer({ min: 1, max: 4_194_304 }).map(String), fc.constantFrom("", "12a")),
            SYSLOG_PID: fc.integer({ min: 1, max: 99999 }).map(String),
            MESSAGE: fc.oneof(text, text.map(bytesOf), fc.array(text, { minLength: 1, maxLength: 2 }), fc.constant(null)),
            PRIORITY: fc.constantFrom("3", "6"),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom("", "data: "),
        (entry, prefix) => {
          const line = `${prefix}${JSON.stringify(entry)}`;
          const fast = fastParse(line) as Record<string, unknown> | undefined;
          expect(fast).toEqual(grammarParse(line));
          if (!("MESSAGE" in entry) && !("__REALTIME_TIMESTAMP" in entry)) {
            expect(fast).toBeUndefined();
            return;
          }
          expect(fast).toBeDefined();
          const message = entry.MESSAGE;
          const body =
            typeof message === "string"
              ? message
              : Array.isArray(message) && message.length > 0
                ? typeof message[0] === "number"
                  ? Buffer.from(message as number[]).toString("utf8")
                  : message[0]
                : "";
          if (!/^(?:last message repeated|above message repeats) \d+ times?$/.test(String(body))) expect(fast!.body).toBe(body);
          const micros = entry._SOURCE_REALTIME_TIMESTAMP ?? (/^\d+$/.test(entry.__REALTIME_TIMESTAMP ?? "") ? entry.__REALTIME_TIMESTAMP : undefined);
          if (micros === undefined) {
            expect(fast!.year).toBeUndefined();
            return;
          }
          const time = new Date(Math.floor(Number(micros) / 1000));
          expect(fast).toMatchObject({
            year: time.getUTCFullYear(),
            month: time.getUTCMonth() + 1,
            day: time.getUTCDate(),
            hour: time.getUTCHours(),
            minute: time.getUTCMinutes(),
            second: time.getUTCSeconds(),
            millisecond: time.getUTCMilliseconds(),
            utcOffset: 0,
            instant: true,
          });
        },
      ),
      { numRuns: 1000 },
    );
    // JSON that is no journal entry, and broken JSON, is no header on either path.
    for (const line of ['{"level":"info","msg":"x"}', '{"MESSAGE":', "[1,2]", 'data: {"a":1}', "{}"]) {
      expect(fastParse(line)).toBeUndefined();
      expect(grammarParse(line)).toBeUndefined();
    }
  });

  it("accepts the lines the grammar samples show, except the priority-code, date(1), EMS notification stamp, marker and RFC 5424 ones", () => {
    for (const sample of syslog.samples) {
      if (/ D6 |^-- |^[A-Z][a-z]{2} [A-Z][a-z]{2} |^<\d+>\d |^Notification Time: /.test(sample.text)) expect(fastParse(sample.text)).toBeUndefined();
      else expect(fastParse(sample.text)).toEqual(sample.expect);
    }
  });

  it("never throws on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        fastParse(text);
        grammarParse(text);
      }),
      { numRuns: 2000 },
    );
  });
  // The BSD stamp is read by a scanner, not a regex: blanks other than a space (what `\s` matches: tab,
  // no-break space, U+2028 ...) and near-miss stamps around every field.
  it("agrees with the grammar on BSD lines with other blanks and broken fields", () => {
    const odd = fc.constantFrom(" ", "  ", "\t", "\u00a0", "\u2028", "\ufeff", "\u3000", "", ":", "[", "]", "[1]", " [", "x");
    const piece = fc.oneof(odd, fc.constantFrom("nodeA1", "cmcld", "12", "1", "123", "00:00:00", "0:00:00", "<30>", "D6", "D8", "K6", "[42]", ": "));
    const oddLine = fc
      .tuple(fc.constantFrom(...months, "No", "Nov", "Nov "), fc.array(piece, { maxLength: 12 }))
      .map(([month, pieces]) => `${month}${pieces.join("")}`);
    const near = fc.tuple(bsdStamp, fc.array(fc.oneof(odd, piece), { maxLength: 8 }), body).map(([stamp, pieces, text]) => `${stamp}${pieces.join("")}${text}`);
    fc.assert(
      fc.property(fc.oneof(oddLine, near, line), (text) => {
        const fast = fastParse(text);
        if (fast !== undefined) expect(grammarParse(text)).toEqual(fast);
        else if (!/^(?:\S+ +\S+ +\S+(?: +\S+)?|\d\S*) +(?:[A-JQ-X][0-7]|<\d{1,3}>) /.test(text) && /^[A-Z][a-z]{2} /.test(text))
          expect(grammarParse(text)).toBeUndefined();
      }),
      { numRuns: 4000 },
    );
  });
});
