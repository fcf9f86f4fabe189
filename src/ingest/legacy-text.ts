/**
A line that is not UTF-8, in the encoding its node wrote it in. HP-UX and older Linux nodes set up for Japan
write their package logs, `date` output and operators' notes in EUC-JP (LANG=ja_JP.eucJP) and Windows desktops
save hand-overs in Shift_JIS; Korean nodes write EUC-KR; European nodes on ISO-8859-1/15 locales write their
month names and notes in Latin-1 ("Mär", "févr."). Read as UTF-8 such a line is replacement characters, its date
unread and its line undated (round 63 #07: a Japanese package log's refusal could not be placed in time).

Each candidate must decode the whole line without an error and look like its language: at least one kana for the
Japanese encodings (every Japanese sentence has some; a Korean or Latin-1 line decoded as EUC-JP gives kanji only),
at least one Hangul syllable for EUC-KR. Latin-1 is the last candidate and only for text: every byte above 0x7F a
printable Latin-1 character (0xA0-0xFF), no control byte, at most a third of the line. Anything else (binary junk,
a cut multibyte character) is left to the UTF-8 decoder's replacement characters, which the parse stage reads as
junk.
*/

import { isUtf8 } from "node:buffer";

// What a line in a Japanese encoding shows: kana, or the kanji of a date ("2月 14 09時03分12秒", `date` in ja_JP: a
// package log's step lines hold no kana). A Korean line read as EUC-JP gives other kanji, and a Japanese one read as
// EUC-KR gives Hangul: EUC-JP is tried first.
const JAPANESE = /[\u3041-\u30ff年月日時分秒曜]/;
const HANGUL = /[\uac00-\ud7a3]/;

interface Candidate {
  readonly decoder: { decode(bytes: Uint8Array): string };
  readonly looksRight: RegExp;
}

let candidates: readonly Candidate[] | undefined;

/** Decoders are made on the first line that needs them: most bundles never do. */
function candidateDecoders(): readonly Candidate[] {
  candidates ??= [
    { decoder: new TextDecoder("euc-jp", { fatal: true }), looksRight: JAPANESE },
    { decoder: new TextDecoder("shift_jis", { fatal: true }), looksRight: JAPANESE },
    { decoder: new TextDecoder("euc-kr", { fatal: true }), looksRight: HANGUL },
  ];
  return candidates;
}

const latin1Decoder = new TextDecoder("latin1");

function decodes(candidate: Candidate, bytes: Uint8Array): string | null {
  try {
    return candidate.decoder.decode(bytes);
  } catch {
    return null; // Not this encoding: an invalid sequence.
  }
}

/**
Reads the lines of one file that are not UTF-8. A file is written in one encoding: the one a line of it was surely
in (it looked like its language) is tried first for its later lines, which need only decode without an error (a step
line with a service name and one kanji, a note in Latin script).
*/
export class LegacyText {
  private fileEncoding: Candidate | null = null;

  /** The text of a line that is not valid UTF-8, or null when no legacy encoding reads it as text. */
  read(bytes: Uint8Array): string | null {
    if (this.fileEncoding !== null) {
      const text = decodes(this.fileEncoding, bytes);
      if (text !== null) return text;
    }
    for (const candidate of candidateDecoders()) {
      const text = decodes(candidate, bytes);
      if (text !== null && candidate.looksRight.test(text)) {
        this.fileEncoding = candidate;
        return text;
      }
    }
    return latin1Text(bytes);
  }
}

function latin1Text(bytes: Uint8Array): string | null {
  let high = 0;
  for (const byte of bytes) {
    if (byte >= 0x80) {
      if (byte < 0xa0) return null;
      high++;
    } else if ((byte < 0x20 && byte !== 0x09) || byte === 0x7f) {
      return null;
    }
  }
  return high > 0 && high * 3 <= bytes.length ? latin1Decoder.decode(bytes) : null;
}

const utf8Decoder = new TextDecoder("utf-8");

/** A file's head (or any run of lines) as text, each line that is not UTF-8 read as LegacyText does. */
export function textOf(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return utf8Decoder.decode(bytes);
  const legacy = new LegacyText();
  const lines: string[] = [];
  let start = 0;
  while (start <= bytes.length) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline === -1 ? bytes.length : newline;
    const line = bytes.subarray(start, end);
    lines.push(isUtf8(line) ? utf8Decoder.decode(line) : (legacy.read(line) ?? utf8Decoder.decode(line)));
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines.join("\n");
}
