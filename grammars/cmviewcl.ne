# Serviceguard's status tables as `cmviewcl` prints them (table format, the default; `cmviewcl -v`, `-p`, `-l package`),
# saved by an operator, a cron job or a support engineer beside the logs (Managing Serviceguard 15th ed. p.330;
# Managing HP Serviceguard for Linux 6th ed. p.220; A.11.16 prints PKG_SWITCH where later releases print AUTO_RUN):
#     CLUSTER        STATUS
#     cluster1       up
#
#       NODE           STATUS       STATE
#       ftsys9         up           running
#
#         PACKAGE        STATUS           STATE            AUTO_RUN         NODE
#         pkg1           up               running          enabled          ftsys9
#         pkg2           down             halted           disabled         unowned
# A package row naming its node is its place at that time (the caller dates the line from the saved output's `date`
# header or the file's name). An unowned row, or a multi-node package's SYSTEM column (yes/no), names no node.
# A cluster row and a node row say which nodes are that cluster's (the cluster's own view, a cluster fact even when the
# output has no time: src/correlate/clusters.ts). A bare `name up` or `name up running` line means that only under its
# table's header: each header row gives a `table.header` event, and the file's parser keeps a row only under its own
# table and fills its cluster from the cluster row above it (meta.tableRows, src/parse/file.ts). Other tables of
# `cmviewcl -v` (Quorum_Server_Status's NAME STATUS STATE, Network_Parameters...) have headers of their own, so their
# rows are no node's. The line format (`-f line`) and the switching tables are not read.

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
interface Draft { kind: string; package?: string; node?: string; fields: Record<string, Scalar> }

// The words cmviewcl prints in each column (Managing Serviceguard, "Package Status and State").
const STATUS = new Set(["up", "down", "unknown", "start_wait", "halt_wait", "detached", "partial"]);
const STATE = new Set(["running", "halted", "failed", "starting", "halting", "unknown", "detached", "maintenance", "blocked", "changing", "reconfiguring", "halt_aborted", "failing", "fail_wait", "start_wait", "halt_wait", "relocate_wait", "reconfigure_wait"]);
const SWITCHING = new Set(["enabled", "disabled"]);
// A package or node name as Serviceguard allows it (letters, digits, dot, dash, underscore).
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NO_NODE = new Set(["unowned", "yes", "no"]);
// A cluster's and a node's STATUS, a node's STATE (Managing Serviceguard, "Cluster Status", "Node Status and State").
const CLUSTER_STATUS = new Set(["up", "down", "unknown", "starting"]);
const NODE_STATUS = new Set(["up", "down", "unknown"]);
const NODE_STATE = new Set(["running", "halted", "failed", "reconfiguring", "reforming", "unknown", "detached", "starting", "halting"]);
// A table's header: its column names in capitals, one of them STATUS ("NODE STATUS STATE", "NAME STATUS STATE").
const COLUMN = /^[A-Z][A-Z_]*$/;
// A package row the table layout reads (the prefilter's first shape): claimed even when it names no node, so the
// token grammars do not read "pkg2 down halted disabled unowned" as prose.
const PACKAGE_ROW_LIKE = /\b(?:up|down|unknown|start_wait|halt_wait|detached|partial)[ \t]+[a-z_]+[ \t]+(?:enabled|disabled)[ \t]/;

/** The events of one line, or undefined when it is none of the tables' lines (left to the other grammars). */
function line(tokens: Token[], text: string): Draft[] | undefined {
  const words = tokens.map((token) => token.value);
  if (words.length >= 2 && words.every((word) => COLUMN.test(word)) && words.includes("STATUS")) {
    return [{ kind: "table.header", fields: { table: words[0] } }];
  }
  if (words.length === 2 && NAME.test(words[0]) && CLUSTER_STATUS.has(words[1])) {
    return [{ kind: "cluster.status", fields: { cluster: words[0], status: words[1] } }];
  }
  if (words.length === 3 && NAME.test(words[0]) && NODE_STATUS.has(words[1]) && NODE_STATE.has(words[2])) {
    return [{ kind: "node.status", node: words[0], fields: { status: words[1], state: words[2] } }];
  }
  if (words.length === 5) return row(words);
  return PACKAGE_ROW_LIKE.test(text) ? [] : undefined;
}

function row(words: string[]): Draft[] {
  const [name, status, state, switching, node] = words;
  if (!NAME.test(name) || !NAME.test(node) || NO_NODE.has(node.toLowerCase())) return [];
  if (!STATUS.has(status) || !STATE.has(state) || !SWITCHING.has(switching)) return [];
  return [{ kind: "pkg.status", package: name, node, fields: { status, state, autoRun: switching } }];
}
%}

@lexer lexer

body -> item:* %eol {% ([items], _location, reject) => line(items, items.map((token: Token) => token.value).join(" ")) ?? reject %}

item -> %anyToken {% id %}

@{%
export const meta = {
  name: "cmviewcl",
  role: "body",
  formats: ["cmdlog"],
  exclusive: true,
  prefilter:
    /\b(?:up|down|unknown|start_wait|halt_wait|detached|partial)[ \t]+[a-z_]+[ \t]+(?:enabled|disabled)[ \t]|^[ \t]*[A-Za-z0-9][\w.-]*[ \t]+(?:up|down|unknown|starting)(?:[ \t]+[a-z]+)?[ \t]*$|^[ \t]*[A-Z][A-Z_]*(?:[ \t]+[A-Z][A-Z_]*)*[ \t]+STATUS\b/,
  // Rows whose meaning is their table's: kept under their header only, their cluster filled from the cluster row above.
  tableRows: {
    "cluster.status": { table: "CLUSTER" },
    "node.status": { table: "NODE", fill: { cluster: "cluster.status" } },
    "pkg.status": { fill: { cluster: "cluster.status" } },
  },
  description: "Serviceguard's status tables (cmviewcl): which nodes a cluster has, where a package ran when the saved output was taken",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "    PACKAGE        STATUS           STATE            AUTO_RUN         NODE", expect: [{ kind: "table.header", fields: { table: "PACKAGE" } }] },
  { text: "    pkg1           up               running          enabled          ftsys9", expect: [{ kind: "pkg.status", package: "pkg1", node: "ftsys9", fields: { status: "up", state: "running", autoRun: "enabled" } }] },
  { text: "pkg_banque     up               running          enabled          lgl-ba01", expect: [{ kind: "pkg.status", package: "pkg_banque", node: "lgl-ba01", fields: { status: "up", state: "running", autoRun: "enabled" } }] },
  { text: "    erp.db-01      up               halting          disabled         tor-u2", expect: [{ kind: "pkg.status", package: "erp.db-01", node: "tor-u2", fields: { status: "up", state: "halting", autoRun: "disabled" } }] },
  { text: "    pkg2           down             halted           disabled         unowned", expect: [] },
  { text: "    pkg3           down             failed           disabled         unowned", expect: [] },
  { text: "    SG-CFS-pkg     up               running          enabled          yes", expect: [] },
  { text: "  nodeA1         up           running", expect: [{ kind: "node.status", node: "nodeA1", fields: { status: "up", state: "running" } }] },
  { text: "  a1             up           reforming", expect: [{ kind: "node.status", node: "a1", fields: { status: "up", state: "reforming" } }] },
  { text: "  hux4480        down         halted", expect: [{ kind: "node.status", node: "hux4480", fields: { status: "down", state: "halted" } }] },
  { text: "CLUSTER        STATUS       ", expect: [{ kind: "table.header", fields: { table: "CLUSTER" } }] },
  { text: "  NODE           STATUS       STATE        ", expect: [{ kind: "table.header", fields: { table: "NODE" } }] },
  { text: "    PACKAGE        STATUS           STATE            PKG_SWITCH   NODE", expect: [{ kind: "table.header", fields: { table: "PACKAGE" } }] },
  { text: "CHECK STATUS: PSUE", expect: null },
  { text: "      NAME           STATUS       STATE", expect: [{ kind: "table.header", fields: { table: "NAME" } }] },
  { text: "mcmm           up           ", expect: [{ kind: "cluster.status", fields: { cluster: "mcmm", status: "up" } }] },
  { text: "cluster_sap    down", expect: [{ kind: "cluster.status", fields: { cluster: "cluster_sap", status: "down" } }] },
  { text: "    qs-srv01       up           running", expect: [{ kind: "node.status", node: "qs-srv01", fields: { status: "up", state: "running" } }] },
  { text: "link eth1 is down", expect: null },
  { text: "STATUS: all pairs PAIR", expect: null },
  { text: "    Primary        up           enabled      ftsys9       (current)", expect: [] },
  { text: "the package is up running enabled on node1 now", expect: [] },
];
%}
