import type { Finding } from "../../../src/model/findings.js";

/** A finding as the engine makes it, with the fields a test changes. */
export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: "f6e1869717c2b2c8",
    rule: "swap-resync-after-takeover",
    action: "swap-resync",
    severity: "critical",
    status: "open",
    title: "Package runs at the failover site on SSWS data after a takeover - resync with -swaps, never a plain pairresync",
    summary: "oracle_pkg runs on nodeB1 on oradg SSWS",
    package: "oracle_pkg",
    deviceGroup: "oradg",
    node: "nodeB1",
    site: "S-VOL side",
    firstSeen: Date.UTC(2026, 10, 16, 3, 13, 34),
    lastSeen: Date.UTC(2026, 10, 17, 11, 45, 0),
    resolvedAt: null,
    checkFirst: [],
    steps: [{ where: "nodeB1", command: "pairresync -g oradg -c 15 -swaps", why: "" }],
    evidence: [],
    ...overrides,
  };
}

export interface ParsedSyslog {
  readonly pri: number;
  readonly version: string;
  readonly timestamp: string;
  readonly hostname: string;
  readonly appName: string;
  readonly procId: string;
  readonly msgId: string;
  readonly sdId: string;
  readonly params: Record<string, string>;
  readonly bom: boolean;
  readonly msg: string;
}

/**
A strict reader of one RFC 5424 message (section 6 ABNF) with one SD-ELEMENT, written from the RFC and
independent of the code under test: header fields are PRINTUSASCII, SD-NAMEs at most 32 characters
without `= ] "` or space, PARAM-VALUEs undo the `\"`, `\\` and `\]` escapes (a `"` or `]` unescaped
inside a value is an error).
*/
export function parseSyslog(bytes: Buffer): ParsedSyslog {
  const text = bytes.toString("utf8");
  const header = /^<(\d{1,3})>([1-9]\d{0,2}) (\S+) ([\x21-\x7e]{1,255}) ([\x21-\x7e]{1,48}) ([\x21-\x7e]{1,128}) ([\x21-\x7e]{1,32}) /.exec(text);
  if (!header) throw new Error(`not an RFC 5424 header: ${text.slice(0, 120)}`);
  const [, pri, version, timestamp, hostname, appName, procId, msgId] = header;
  let position = header[0].length;
  const name = (): string => {
    const match = /^[^= \]"]{1,32}/.exec(text.slice(position));
    if (!match) throw new Error(`bad SD-NAME at ${position}: ${text.slice(position, position + 40)}`);
    position += match[0].length;
    return match[0];
  };
  const expect = (character: string): void => {
    if (text[position] !== character)
      throw new Error(`expected '${character}' at ${position}, found '${text[position]}': ${text.slice(position - 20, position + 20)}`);
    position++;
  };
  expect("[");
  const sdId = name();
  const params: Record<string, string> = {};
  while (text[position] === " ") {
    position++;
    const paramName = name();
    expect("=");
    expect('"');
    let value = "";
    for (;;) {
      const character = text[position];
      if (character === undefined) throw new Error("unterminated PARAM-VALUE");
      if (character === "\\" && ['"', "\\", "]"].includes(text[position + 1])) {
        value += text[position + 1];
        position += 2;
        continue;
      }
      if (character === '"') break;
      if (character === "]") throw new Error(`unescaped ']' in the value of ${paramName}`);
      value += character;
      position++;
    }
    expect('"');
    params[paramName] = value;
  }
  expect("]");
  let msg = "";
  let bom = false;
  if (position < text.length) {
    expect(" ");
    msg = text.slice(position);
    if (msg.startsWith("\ufeff")) {
      bom = true;
      msg = msg.slice(1);
    }
  }
  return { pri: Number(pri), version, timestamp, hostname, appName, procId, msgId, sdId, params, bom, msg };
}
