# Configuration files: package ASCII/config files (legacy `NAME value`, modular `name value` and
# `module/param value`, e.g. `dts/xpca/AUTO_SVOLPSUE 0`), the cluster ASCII file (indented
# `NAME value` lines; SITE_NAME and SITE under each NODE_NAME name the sites, read in line order by
# src/correlate/sites.ts), and the Metrocluster environment file (shell: `NAME=value`, `NAME="value"`,
# `export NAME=value`). Comments (#) and blank lines are understood and emit nothing; a lone name
# (a section header such as HORCM_MON) is understood and emits nothing.
# Each setting becomes config.setting { name: upper case without the module prefix, value: as
# written, without surrounding quotes or a trailing shell comment }.

@preprocessor typescript

@{%
import moo from "moo";

const lexer = moo.states({
  main: {
    blank: /[ \t]+/,
    comment: { match: /#[^]*/, lineBreaks: true },
    exportKeyword: /export(?=[ \t])/,
    // "DEVICE_GROUP[1]=...": a shell array element (a package with several device groups) is one more value of its name.
    name: { match: /[A-Za-z_][A-Za-z0-9_.-]*(?:\/[A-Za-z_][A-Za-z0-9_.-]*)*(?:\[\d{1,3}\])?(?=[ \t=]|(?![^]))/, next: "afterName" },
  },
  afterName: {
    equals: { match: /=/, next: "value" },
    blank: { match: /[ \t]+/, next: "value" },
  },
  value: {
    quoted: { match: /"[^"]*"|'[^']*'/, next: "trailer" },
    text: { match: /[^]+/, lineBreaks: true },
  },
  trailer: {
    text: { match: /[^]+/, lineBreaks: true },
  },
});

interface Token { text: string }

function setting(name: Token, value: string): Array<{ kind: string; fields: Record<string, string> }> {
  const bare = name.text.replace(/\[\d+\]$/, "");
  const slash = bare.lastIndexOf("/");
  return [{ kind: "config.setting", fields: { name: (slash >= 0 ? bare.slice(slash + 1) : bare).toUpperCase(), value } }];
}

/** Unquoted value: drop a trailing shell comment and blanks; keep everything else as written. */
function plainValue(text: Token): string {
  return text.text.replace(/(?:^|[ \t]+)#[^]*$/, "").trim();
}

export const meta = {
  name: "config",
  role: "config",
  formats: ["config"],
  description: "Package/cluster ASCII files and Metrocluster environment files: NAME value, module/param value, NAME=value",
};

export const samples: Array<{ text: string; expect: unknown }> = [
  { text: "AUTO_SVOLPSUE=0", expect: [{ kind: "config.setting", fields: { name: "AUTO_SVOLPSUE", value: "0" } }] },
  { text: "DEVICE_GROUP[1]=\"trd_redo\"", expect: [{ kind: "config.setting", fields: { name: "DEVICE_GROUP", value: "trd_redo" } }] },
  { text: "DEVICE_GROUP=\"pkgA_dg\"", expect: [{ kind: "config.setting", fields: { name: "DEVICE_GROUP", value: "pkgA_dg" } }] },
  { text: "export HORCMINST=0   # instance on every node", expect: [{ kind: "config.setting", fields: { name: "HORCMINST", value: "0" } }] },
  { text: "RUN_SCRIPT_TIMEOUT\t\tNO_TIMEOUT", expect: [{ kind: "config.setting", fields: { name: "RUN_SCRIPT_TIMEOUT", value: "NO_TIMEOUT" } }] },
  { text: "run_script_timeout 300", expect: [{ kind: "config.setting", fields: { name: "RUN_SCRIPT_TIMEOUT", value: "300" } }] },
  { text: "dts/xpca/AUTO_NONCURDATA 1", expect: [{ kind: "config.setting", fields: { name: "AUTO_NONCURDATA", value: "1" } }] },
  { text: "  MEMBER_TIMEOUT 14000000", expect: [{ kind: "config.setting", fields: { name: "MEMBER_TIMEOUT", value: "14000000" } }] },
  { text: "service_cmd \"/etc/cmcluster/pkgA/mon.sh monitor\"", expect: [{ kind: "config.setting", fields: { name: "SERVICE_CMD", value: "/etc/cmcluster/pkgA/mon.sh monitor" } }] },
  { text: "# AUTO_SVOLPSUE=1", expect: [] },
  { text: "", expect: [] },
  { text: "HORCM_MON", expect: [] },
  // The cluster ASCII file of a site-aware cluster: SITE_NAME before the nodes, SITE under each NODE_NAME.
  { text: "SITE_NAME\t\tdc-east", expect: [{ kind: "config.setting", fields: { name: "SITE_NAME", value: "dc-east" } }] },
  { text: "  SITE\t\t\tdc-east", expect: [{ kind: "config.setting", fields: { name: "SITE", value: "dc-east" } }] },
];
%}

@lexer lexer

line -> %blank:? %comment:?          {% () => [] %}
      | %blank:? setting                 {% ([, events]) => events %}

setting -> exportWord:? %name                      {% () => [] %}
         | exportWord:? %name %equals valueTail    {% ([, name, , value]) => setting(name, value ?? "") %}
         | exportWord:? %name %blank valueTail     {% ([, name, , value]) => (value ? setting(name, value) : []) %}

exportWord -> %exportKeyword %blank

valueTail -> null              {% () => null %}
           | %quoted %text:?   {% ([quoted]) => quoted.text.slice(1, -1) %}
           | %text             {% ([text]) => plainValue(text) %}
