# Serviceguard's package status table as `cmviewcl` prints it (table format, the default; `cmviewcl -v`, `-p`,
# `-l package`), saved by an operator, a cron job or a support engineer beside the logs. A package row says where
# the package ran when the output was taken (Managing Serviceguard 15th ed. p.330; Managing HP Serviceguard for
# Linux 6th ed. p.220; A.11.16 prints PKG_SWITCH where later releases print AUTO_RUN):
#     PACKAGE        STATUS           STATE            AUTO_RUN         NODE
#     pkg1           up               running          enabled          ftsys9
#     pkg2           down             halted           disabled         unowned
# Only a row naming its node is read: it is the package's place at that time (the caller dates the line from the
# saved output's `date` header or the file's name). An unowned row, or a multi-node package's SYSTEM column (yes/no),
# names no node. The line format (`-f line`) and the node and switching tables are not read.

@preprocessor typescript

@{%
import moo from "moo";
import { filteredLexer, isRealToken } from "../../parse/token-filter.js";
import type { SourcedToken } from "../../parse/token-filter.js";

const lexer = filteredLexer(
  moo.compile({
    space: { match: /[ \t]+/ },
    word: /[^\s]+/,
    other: { match: /[^]/, lineBreaks: true },
  }),
  { keep: ["word"], drop: ["space", "other"], endToken: true },
);

type Token = SourcedToken;
// `var` because nearleyc also emits `declare var anyToken`.
var anyToken = { test: isRealToken };
type Scalar = string | number | boolean | null;
interface Draft { kind: string; package: string; node: string; fields: Record<string, Scalar> }

// The words cmviewcl prints in each column (Managing Serviceguard, "Package Status and State").
const STATUS = new Set(["up", "down", "unknown", "start_wait", "halt_wait", "detached", "partial"]);
const STATE = new Set(["running", "halted", "failed", "starting", "halting", "unknown", "detached", "maintenance", "blocked", "changing", "reconfiguring", "halt_aborted", "failing", "fail_wait", "start_wait", "halt_wait", "relocate_wait", "reconfigure_wait"]);
const SWITCHING = new Set(["enabled", "disabled"]);
// A package or node name as Serviceguard allows it (letters, digits, dot, dash, underscore).
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NO_NODE = new Set(["unowned", "yes", "no"]);

function row(tokens: Token[]): Draft[] {
  if (tokens.length !== 5) return [];
  const [name, status, state, switching, node] = tokens.map((token) => token.value);
  if (!NAME.test(name) || !NAME.test(node) || NO_NODE.has(node.toLowerCase())) return [];
  if (!STATUS.has(status) || !STATE.has(state) || !SWITCHING.has(switching)) return [];
  return [{ kind: "pkg.status", package: name, node, fields: { status, state, autoRun: switching } }];
}
%}

@lexer lexer

body -> item:* %eol {% ([items]) => row(items) %}

item -> %anyToken {% id %}

@{%
export const meta = {
  name: "cmviewcl",
  role: "body",
  formats: ["cmdlog"],
  exclusive: true,
  prefilter: /\b(?:up|down|unknown|start_wait|halt_wait|detached|partial)[ \t]+[a-z_]+[ \t]+(?:enabled|disabled)[ \t]/,
  description: "Serviceguard's package status table (cmviewcl): where a package ran when the saved output was taken",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "    PACKAGE        STATUS           STATE            AUTO_RUN         NODE", expect: [] },
  { text: "    pkg1           up               running          enabled          ftsys9", expect: [{ kind: "pkg.status", package: "pkg1", node: "ftsys9", fields: { status: "up", state: "running", autoRun: "enabled" } }] },
  { text: "pkg_banque     up               running          enabled          lgl-ba01", expect: [{ kind: "pkg.status", package: "pkg_banque", node: "lgl-ba01", fields: { status: "up", state: "running", autoRun: "enabled" } }] },
  { text: "    erp.db-01      up               halting          disabled         tor-u2", expect: [{ kind: "pkg.status", package: "erp.db-01", node: "tor-u2", fields: { status: "up", state: "halting", autoRun: "disabled" } }] },
  { text: "    pkg2           down             halted           disabled         unowned", expect: [] },
  { text: "    pkg3           down             failed           disabled         unowned", expect: [] },
  { text: "    SG-CFS-pkg     up               running          enabled          yes", expect: [] },
  { text: "  nodeA1         up           running", expect: [] },
  { text: "    Primary        up           enabled      ftsys9       (current)", expect: [] },
  { text: "the package is up running enabled on node1 now", expect: [] },
];
%}
