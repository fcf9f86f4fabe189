# VxFS kernel messages (HP-UX vmunix, Linux kernel) about a file system that filled up. A package's
# run script or its application fails when its file system is full, often with no ERROR line of its own
# (a customer_defined_run_cmds hook exits silently): this line is then the only cause in the logs. The
# device is the one the package log mounts ("Mounting /dev/vgmx/lv_spool at /mx/spool"), which is how the
# rules engine finds the package. Shape (Veritas File System message catalogue, V-2-1 vx_nospace):
#   vxfs: msgcnt 4 mesg 001: V-2-1: vx_nospace - /dev/vgmx/lv_spool file system full (1 block extent)

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /\s+/, lineBreaks: true },
    path: /\/[^\s]+/,
    word: /[A-Za-z0-9_.-]+/,
    other: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["path", "word"], drop: ["space", "other"], endToken: true },
);

type Token = SourcedToken;
// `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
interface Draft { kind: string; fields: Record<string, string> }

function interpret(tokens: Token[]): Draft[] {
  const words = tokens.map((token) => token.value.toLowerCase());
  if (words[0] !== "vxfs" || !words.includes("vx_nospace")) return [];
  const device = tokens.find((token) => token.type === "path")?.value;
  if (device === undefined) return [];
  return [{ kind: "fs.full", fields: { device, detail: `file system ${device} full` } }];
}
%}

@lexer lexer

body -> item:* %eol {% ([items]) => interpret(items) %}

item -> %anyToken {% id %}

@{%
export const meta = {
  name: "vxfs",
  role: "body",
  formats: ["syslog"],
  prefilter: /vx_nospace/,
  description: "VxFS kernel messages about a full file system (vx_nospace), tied to a package by the device its run script mounted",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "vxfs: msgcnt 4 mesg 001: V-2-1: vx_nospace - /dev/vgmx/lv_spool file system full (1 block extent)", expect: [{ kind: "fs.full", fields: { device: "/dev/vgmx/lv_spool", detail: "file system /dev/vgmx/lv_spool full" } }] },
  { text: "vxfs: msgcnt 1 mesg 001: V-2-1: vx_nospace - /dev/vx/dsk/oradg/oravol file system full (8 block extent)", expect: [{ kind: "fs.full", fields: { device: "/dev/vx/dsk/oradg/oravol", detail: "file system /dev/vx/dsk/oradg/oravol full" } }] },
  { text: "vxfs: msgcnt 2 mesg 037: V-2-37: vx_metaioerr - /dev/vg01/lvol3 file system meta data read error", expect: [] },
];
%}
