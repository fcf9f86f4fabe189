import { describe, expect, it } from "vitest";
import { LegacyText, textOf } from "../../src/ingest/legacy-text.js";
import { LineFramer } from "../../src/ingest/lines.js";

// Bytes as iconv wrote them (iconv -f UTF-8 -t EUC-JP / SHIFT_JIS / EUC-KR / LATIN1).
const EUC_JP_STEP = Buffer.from(
  "32b7ee203134203039bbfe3033caac3132c9c3202d204e6f646520226f736b31223a2048616c74696e672073657276696365206b61696b65695f6d6f6e",
  "hex",
);
const SHIFT_JIS_NOTE = Buffer.from("88f88c7082ac3a20686f72636d73746172742e73682031312082f08ec08d73", "hex");
const EUC_KR_DATE = Buffer.from("323032362e2030342e2030332e2028b1dd292030303a35383a3430204b5354", "hex");
const LATIN1_LINE = Buffer.from("4de4722031322030343a32303a3330206e64733120476572e474", "hex");

describe("LegacyText: lines that are not UTF-8, in their node's encoding", () => {
  it("reads a Japanese package log's step line written in EUC-JP (kanji of a date, no kana)", () => {
    expect(new LegacyText().read(EUC_JP_STEP)).toBe('2月 14 09時03分12秒 - Node "osk1": Halting service kaikei_mon');
  });

  it("reads a Shift_JIS hand-over note", () => {
    expect(new LegacyText().read(SHIFT_JIS_NOTE)).toBe("引継ぎ: horcmstart.sh 11 を実行");
  });

  it("reads Korean `date` output in EUC-KR", () => {
    expect(new LegacyText().read(EUC_KR_DATE)).toBe("2026. 04. 03. (금) 00:58:40 KST");
  });

  it("reads a European node's Latin-1 month and words", () => {
    expect(new LegacyText().read(LATIN1_LINE)).toBe("Mär 12 04:20:30 nds1 Gerät");
  });

  it("leaves binary junk and control bytes to the UTF-8 decoder's replacement characters", () => {
    const reader = new LegacyText();
    expect(reader.read(Buffer.from([0x41, 0xff, 0xfe, 0x00, 0x42]))).toBeNull();
    expect(reader.read(Buffer.from([0x81, 0x01, 0x68, 0x6f]))).toBeNull();
    // Mostly high bytes: not a Latin-1 sentence.
    expect(reader.read(Buffer.from([0xe9, 0xe9, 0xe9, 0x41]))).toBeNull();
  });

  it("keeps the file's encoding for its later lines once one line showed it", () => {
    const reader = new LegacyText();
    reader.read(EUC_JP_STEP);
    // One kanji ("停", EUC-JP c4e4) and ASCII: alone it shows neither kana nor a date's kanji (EUC-KR reads it as Hangul).
    const stopped = Buffer.concat([Buffer.from("kaikei_mon "), Buffer.from([0xc4, 0xe4])]);
    expect(new LegacyText().read(stopped)).not.toBe("kaikei_mon 停");
    expect(reader.read(stopped)).toBe("kaikei_mon 停");
  });
});

describe("text of EUC-JP lines, framed and sniffed", () => {
  it("frames an EUC-JP package log's lines as Japanese text, ASCII lines untouched", () => {
    const framer = new LineFramer();
    const lines = [...framer.push(Buffer.concat([Buffer.from("plain ascii\n"), EUC_JP_STEP, Buffer.from("\n")])), ...framer.flush()];
    expect(lines.map((line) => line.text)).toEqual(["plain ascii", '2月 14 09時03分12秒 - Node "osk1": Halting service kaikei_mon']);
    expect(lines[1].endOffset).toBe(12 + EUC_JP_STEP.length + 1);
  });

  it("gives a head's text line by line (discovery's sniffing)", () => {
    expect(textOf(Buffer.concat([Buffer.from("$ date\n"), EUC_JP_STEP]))).toBe('$ date\n2月 14 09時03分12秒 - Node "osk1": Halting service kaikei_mon');
    expect(textOf(Buffer.from("utf-8 é\n"))).toBe("utf-8 é\n");
  });
});
