# HP-UX LVM kernel messages (vmunix), the storage side of a Continuous Access failure: with
# FENCE=DATA a failed link fences the P-VOL and the volume group's I/O hangs or fails before the
# package does. Shapes (syslog body after `vmunix: `):
#   LVM: WARNING: VG 64 0x010000: LV 1: Some I/O requests to this LV are waiting indefinitely ...
#   LVM: VG 64 0x010000: Lost quorum.
#   LVM: VG 64 0x010000: PVLink 31 0x000003 Failed! The PV is not accessible.
# The volume group is named by its device number (major 64, minor 0x010000 = /dev/vgNN/group).

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    hex: /0x[0-9a-fA-F]+/,
    number: /\d+(?![A-Za-z0-9_])/,
    word: /[A-Za-z_\/][A-Za-z0-9_.\/-]*/,
    punct: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["hex", "number", "word"], drop: ["space", "punct"], endToken: true },
);

type Token = SourcedToken;
// `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
interface Draft { kind: string; fields: Record<string, string | null> }

/** "VG 64 0x010000" -> "64 0x010000"; "LV 1" -> "1"; "PVLink 31 0x000003" -> "31 0x000003". */
function deviceAfter(tokens: Token[], key: string): string | null {
  const index = tokens.findIndex((token) => token.value === key);
  if (index < 0 || !tokens[index + 1]) return null;
  const parts = [tokens[index + 1].value];
  if (tokens[index + 2]?.type === "hex") parts.push(tokens[index + 2].value);
  return parts.join(" ");
}

function interpret(tokens: Token[]): Draft[] {
  const words = tokens.map((token) => token.value.toLowerCase());
  const text = words.join(" ");
  const vg = deviceAfter(tokens, "VG");
  if (text.includes("requests to this lv are waiting")) return [{ kind: "lvm.io.waiting", fields: { vg, lv: deviceAfter(tokens, "LV") } }];
  if (text.includes("lost quorum")) return [{ kind: "lvm.quorum.lost", fields: { vg } }];
  if (words.includes("pvlink") && words.includes("failed")) return [{ kind: "lvm.pv.failed", fields: { vg, pv: deviceAfter(tokens, "PVLink") } }];
  return [];
}
%}

@lexer lexer

body -> item:* %eol {% ([items]) => (items.length > 0 && items[0].value === "LVM" ? interpret(items) : []) %}

item -> %anyToken {% id %}

@{%
export const meta = {
  name: "lvm",
  role: "body",
  formats: ["syslog"],
  prefilter: /^LVM: /,
  description: "HP-UX LVM kernel messages about volume groups losing I/O paths or quorum",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "LVM: WARNING: VG 64 0x010000: LV 1: Some I/O requests to this LV are waiting indefinitely for an unavailable PV.", expect: [{ kind: "lvm.io.waiting", fields: { vg: "64 0x010000", lv: "1" } }] },
  { text: "LVM: VG 64 0x010000: Lost quorum.", expect: [{ kind: "lvm.quorum.lost", fields: { vg: "64 0x010000" } }] },
  { text: "LVM: VG 64 0x010000: PVLink 31 0x000003 Failed! The PV is not accessible.", expect: [{ kind: "lvm.pv.failed", fields: { vg: "64 0x010000", pv: "31 0x000003" } }] },
  { text: "LVM: VG 64 0x010000: PVLink 31 0x000003 Recovered.", expect: [] },
];
%}
