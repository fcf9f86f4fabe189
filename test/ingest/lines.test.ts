import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { randomBytes } from "node:crypto";
import { countNonTextBytes, LineFramer, looksBinary, type FramedLine } from "../../src/ingest/lines.js";

function frame(chunks: readonly Buffer[], options?: ConstructorParameters<typeof LineFramer>[0]): FramedLine[] {
  const framer = new LineFramer(options);
  const lines = chunks.flatMap((chunk) => framer.push(chunk));
  return [...lines, ...framer.flush()];
}

const texts = (lines: readonly FramedLine[]): string[] => lines.map((line) => line.text);

describe("LineFramer", () => {
  it("splits on LF and strips a CR before it", () => {
    expect(texts(frame([Buffer.from("a\r\nb\nc\r\n")]))).toEqual(["a", "b", "c"]);
  });

  it("keeps a last line without newline, at end of input", () => {
    const framer = new LineFramer();
    expect(texts(framer.push(Buffer.from("one\ntwo")))).toEqual(["one"]);
    expect(framer.committedOffset).toBe(4);
    expect(framer.pendingText()).toBe("two");
    expect(texts(framer.flush())).toEqual(["two"]);
    expect(framer.committedOffset).toBe(7);
  });

  it("replaces invalid UTF-8 and keeps NUL bytes instead of failing", () => {
    const [line] = frame([Buffer.from([0x41, 0xff, 0xfe, 0x00, 0x42, 0x0a])]);
    expect(line.text).toBe("A\ufffd\ufffd\u0000B");
  });

  it("cuts a 1 MB line with a marker and keeps the byte accounting exact", () => {
    const long = Buffer.alloc(1024 * 1024, 0x78);
    const lines = frame([long, Buffer.from("\nnext\n")], { maxLineBytes: 1000 });
    expect(lines).toHaveLength(2);
    expect(lines[0].text.startsWith("x".repeat(1000))).toBe(true);
    expect(lines[0].text).toContain(`line cut, ${1024 * 1024 - 1000} more bytes not stored`);
    expect(lines[0].cutBytes).toBe(1024 * 1024 - 1000);
    expect(lines[1]).toMatchObject({ text: "next", startOffset: 1024 * 1024 + 1, lineNo: 2 });
  });

  it("resumes numbering and offsets from a checkpoint", () => {
    const lines = frame([Buffer.from("x\n")], { offset: 100, lineCount: 7 });
    expect(lines[0]).toMatchObject({ lineNo: 8, startOffset: 100, endOffset: 102 });
  });

  it("frames the same lines however the bytes are chunked (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.array(fc.nat(400), { maxLength: 8 }), (bytes, cuts) => {
        const input = Buffer.from(bytes);
        const whole = frame([input]);
        const points = [...new Set(cuts.map((cut) => cut % (input.length + 1)))].sort((a, b) => a - b);
        const chunks: Buffer[] = [];
        let previous = 0;
        for (const point of points) {
          chunks.push(input.subarray(previous, point));
          previous = point;
        }
        chunks.push(input.subarray(previous));
        const pieces = frame(chunks);
        expect(pieces).toEqual(whole);
        // Every byte is accounted for: the last line ends where the input ends.
        expect(whole.length === 0 ? 0 : whole[whole.length - 1].endOffset).toBe(input.length);
      }),
    );
  });
});

describe("countNonTextBytes: whether a file looks binary", () => {
  const syslog = Buffer.from(
    "Nov 20 16:31:02 nodeA1 cmcld[2048]: Request from node nodeA1 to start package oracle_pkg on node nodeA1.\r\n" +
      "Nov 20 16:31:03 nodeA1 app: Zürich \u00e9t\u00e9 \u2014 \u001b[1mbold\u001b[0m\tdone\n",
  );

  it("finds none in a log's text: CRLF, tabs, UTF-8, a terminal's escapes", () => {
    expect(countNonTextBytes(syslog, true)).toBe(0);
  });

  it("counts NUL and control bytes, DEL, invalid UTF-8, overlong forms and surrogates", () => {
    expect(countNonTextBytes(Buffer.from("text \u0000\u0001\u007f line\n"), true)).toBe(3);
    expect(countNonTextBytes(Buffer.from([0x6c, 0x69, 0x6e, 0x65, 0xff, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0x6c, 0x69, 0x6e, 0x65]), true)).toBe(6);
  });

  it("counts short runs of text between binary bytes, so random data is not half text", () => {
    expect(countNonTextBytes(Buffer.from([0x00, 0x41, 0x42, 0x00, 0x41, 0x42, 0x43, 0x44, 0x00]), true)).toBe(5);
    for (let sample = 0; sample < 50; sample++) {
      const random = randomBytes(4096);
      expect(countNonTextBytes(random, false) / 4096).toBeGreaterThan(0.75);
    }
    // UTF-16: every other byte a NUL.
    expect(looksBinary(countNonTextBytes(Buffer.from("Nov 20 16:31:02 nodeA1 cmcld: started\n", "utf16le"), true), 76)).toBe(true);
  });

  it("takes a head's last run and a character cut by its end as text; the whole content's short last run not", () => {
    const cut = Buffer.concat([Buffer.from("a log line \u00e9"), Buffer.from("\u00e9").subarray(0, 1)]);
    expect(countNonTextBytes(cut, false)).toBe(0);
    expect(countNonTextBytes(Buffer.from([0x00, 0x41, 0x42]), false)).toBe(1);
    expect(countNonTextBytes(Buffer.from([0x00, 0x41, 0x42]), true)).toBe(3);
    // A short file of text is text.
    expect(countNonTextBytes(Buffer.from("ok\n"), true)).toBe(0);
  });

  it("looks binary only above half", () => {
    expect(looksBinary(50, 100)).toBe(false);
    expect(looksBinary(51, 100)).toBe(true);
    expect(looksBinary(countNonTextBytes(syslog, true), syslog.length)).toBe(false);
  });
});
