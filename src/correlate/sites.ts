/**
Sites by name: which nodes form each site, so advice can say "site dc-east (P-VOL side): nodes nodeA1,
nodeA2" instead of only "P-VOL side". Names come from the operator (`--site NAME=node,node`, the sites
file) or from the cluster ASCII file (`cmgetconf` / `cmquerycl` output): `SITE_NAME` entries, which
precede the nodes, and `SITE` under each `NODE_NAME`, naming the site of the node above it (Managing
Serviceguard 15th ed. p.159-160, 19th ed. p.108, A.11.20 p.118: "If SITE is used, it must be used for
each node in the cluster"). Which side (P-VOL or S-VOL) a site is on comes from the pair states its
nodes logged (pair-model.ts); where no name is known the side is still given, with how it was inferred.
*/

import type { LogEvent, Scalar } from "../model/events.js";
import { nodeKey, shortNodeName } from "../model/node-names.js";
import type { SiteInference, SiteInfo, SiteSource } from "../model/findings.js";
import type { SitePlaceholder } from "../catalogue/state-paths.js";

export type { SiteInference, SiteInfo, SiteSource } from "../model/findings.js";

export interface SiteDefinition {
  readonly name: string;
  readonly nodes: readonly string[];
  readonly source: SiteSource;
  /** `--site`, the sites file's path, or the cluster ASCII file's path and line. */
  readonly origin: string;
}

/**
Serviceguard's own limits (Managing Serviceguard, NODE_NAME: "39 characters (bytes) or less", the host
name without the domain); a site name is held to the same, since cmviewcl -S and the package's
site_preferred policy use it the same way. A name outside them is never put into advice.
*/
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_NAME_BYTES = 39;

export function isValidSiteName(name: string): boolean {
  return NAME.test(name) && Buffer.byteLength(name) <= MAX_NAME_BYTES;
}

export const isValidNodeName = isValidSiteName;

/** `dc-east=nodeA1,nodeA2` (blanks around the parts allowed); the error says what is wrong, for the user. */
export function parseSiteSpec(text: string, source: SiteSource, origin: string): SiteDefinition | string {
  const equals = text.indexOf("=");
  if (equals < 0) return `'${text}' is not NAME=node,node`;
  const name = text.slice(0, equals).trim();
  const nodes = text
    .slice(equals + 1)
    .split(",")
    .map((node) => node.trim())
    .filter((node) => node !== "");
  if (!isValidSiteName(name)) return `'${name}' is not a site name (letters, digits, '.', '-', '_', at most 39 characters)`;
  if (nodes.length === 0) return `site ${name} names no node`;
  const invalid = nodes.find((node) => !isValidNodeName(node));
  if (invalid !== undefined) return `'${invalid}' is not a node name (a host name without its domain, at most 39 characters)`;
  return { name, nodes, source, origin };
}

/**
The sites file: one site per line as `NAME=node,node` (the `--site` form), `#` starts a comment, blank
lines are ignored. Every bad line is reported with its number.
*/
export function parseSitesFile(text: string, path: string): { sites: SiteDefinition[]; problems: string[] } {
  const sites: SiteDefinition[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (line === "") return;
    const parsed = parseSiteSpec(line, "sites-file", `${path}:${index + 1}`);
    if (typeof parsed === "string") problems.push(`${path}:${index + 1}: ${parsed}`);
    else sites.push(parsed);
  });
  return { sites, problems };
}

/** Two definitions naming one node in two sites cannot both hold. */
export function conflictingSites(sites: readonly SiteDefinition[]): string | null {
  const siteOf = new Map<string, string>();
  for (const site of sites) {
    for (const node of site.nodes) {
      const previous = siteOf.get(node);
      if (previous !== undefined && previous !== site.name) return `node ${node} is in site ${previous} and in site ${site.name}`;
      siteOf.set(node, site.name);
    }
  }
  return null;
}

interface Placement {
  readonly site: string;
  readonly source: SiteSource;
  readonly origin: string;
  /** The node's name as the definition wrote it (without its DNS domain). */
  readonly node: string;
}

/**
The sites of one bundle: the operator's definitions, then what the cluster ASCII file says for the nodes
they leave out. Configuration events of a file come in line order, so `SITE` belongs to the
`NODE_NAME` last seen in the same file.
*/
export class SiteMap {
  private readonly placements = new Map<string, Placement>();
  /** Site names in the order they were declared (SITE_NAME, or the operator's order). */
  private readonly declared: string[] = [];
  private readonly currentNode = new Map<string, string>();

  constructor(operatorSites: readonly SiteDefinition[] = []) {
    for (const site of operatorSites) {
      this.declare(site.name);
      for (const node of site.nodes)
        this.placements.set(nodeKey(node), { site: site.name, source: site.source, origin: site.origin, node: shortNodeName(node) });
    }
  }

  private declare(name: string): void {
    if (!this.declared.includes(name)) this.declared.push(name);
  }

  /** A `config.setting` of a cluster ASCII file (no package): SITE_NAME, NODE_NAME, SITE. */
  applyConfig(event: LogEvent): void {
    if (event.package) return;
    const name = String(event.fields.name ?? "").toUpperCase();
    const value = typeof event.fields.value === "string" ? event.fields.value.trim() : "";
    const file = event.source.file;
    if (name === "SITE_NAME" && isValidSiteName(value)) this.declare(value);
    else if (name === "NODE_NAME") {
      if (isValidNodeName(value)) this.currentNode.set(file, shortNodeName(value));
      else this.currentNode.delete(file);
    } else if (name === "SITE") {
      const node = this.currentNode.get(file);
      if (node === undefined || !isValidSiteName(value)) return;
      this.declare(value);
      // The operator's word wins: a --site or the sites file placed this node already.
      const placed = this.placements.get(nodeKey(node));
      if (placed && placed.source !== "cluster-ascii") return;
      this.placements.set(nodeKey(node), { site: value, source: "cluster-ascii", origin: `${file}:${event.source.line}`, node });
    }
  }

  siteOf(node: string | null): Placement | null {
    return node === null ? null : (this.placements.get(nodeKey(node)) ?? null);
  }

  nodesOf(site: string): string[] {
    return [...this.placements.values()]
      .filter((placement) => placement.site === site)
      .map((placement) => placement.node)
      .sort();
  }

  /** Named sites that hold at least one node. */
  sites(): string[] {
    return this.declared.filter((site) => this.nodesOf(site).length > 0);
  }
}

const SIDE_WORDS: Readonly<Record<string, string>> = { PVOL: "P-VOL side", SVOL: "S-VOL side" };

export function sideWords(side: string | null): string | null {
  return side === null ? null : (SIDE_WORDS[side] ?? null);
}

/** `site dc-east (P-VOL side): nodes nodeA1, nodeA2`, or the side with how it was inferred. */
export function siteLabel(info: Pick<SiteInfo, "name" | "nodes" | "side" | "firstSide" | "inferredFrom">): string | null {
  const now = sideWords(info.side);
  const first = sideWords(info.firstSide);
  const side =
    now !== null && first !== null && first !== now
      ? `${first} before the incident, ${now} now`
      : (now ?? (first !== null ? `${first} before the incident` : null));
  if (info.name !== null) {
    return `site ${info.name}${side !== null ? ` (${side})` : ""}${info.nodes.length > 0 ? `: nodes ${info.nodes.join(", ")}` : ""}`;
  }
  if (side === null) return null;
  const seen = info.nodes.length > 0 ? `, nodes seen there: ${info.nodes.join(", ")}` : "";
  return `${side} (inferred from the pair states the nodes logged${seen}; no site names known)`;
}

/** Template values (`{site.name}` ...) of a finding's site; read back by `siteInfoOf`. */
export function siteValues(info: SiteInfo | null): Partial<Record<SitePlaceholder, Scalar>> {
  if (info === null) return {};
  // One word (no blank): a value placed in a step's `where` must pass as one shell word (src/catalogue/names.ts).
  const list = (nodes: readonly string[]): string | null => (nodes.length > 0 ? nodes.join(",") : null);
  const values: Record<SitePlaceholder, Scalar> = {
    "site.name": info.name,
    "site.nodes": list(info.nodes),
    "site.side": sideWords(info.side),
    "site.firstSide": sideWords(info.firstSide),
    "site.label": siteLabel(info),
    "site.inferredFrom": info.inferredFrom,
    "site.source": info.source,
    "otherSite.name": info.otherSite?.name ?? null,
    "otherSite.nodes": list(info.otherSite?.nodes ?? []),
    "otherSite.side": sideWords(info.otherSite?.side ?? null),
    "otherSite.label": info.otherSite ? siteLabel({ ...info.otherSite, firstSide: null, inferredFrom: info.inferredFrom }) : null,
  };
  return values;
}

const SIDE_OF_WORDS: Readonly<Record<string, string>> = { "P-VOL side": "PVOL", "S-VOL side": "SVOL" };

/** The finding's site from its captured template values (the engine keeps values, not objects). */
export function siteInfoOf(values: Readonly<Record<string, Scalar | undefined>>): SiteInfo | null {
  const text = (name: string): string | null => (typeof values[name] === "string" && values[name] !== "" ? (values[name] as string) : null);
  const nodes = (name: string): string[] => text(name)?.split(",") ?? [];
  const side = (name: string): string | null => SIDE_OF_WORDS[text(name) ?? ""] ?? null;
  const inferred = text("site.inferredFrom") as SiteInference | null;
  if (text("site.name") === null && side("site.side") === null && side("site.firstSide") === null) return null;
  const other =
    text("otherSite.name") !== null || side("otherSite.side") !== null || nodes("otherSite.nodes").length > 0
      ? { name: text("otherSite.name"), nodes: nodes("otherSite.nodes"), side: side("otherSite.side") }
      : null;
  return {
    name: text("site.name"),
    nodes: nodes("site.nodes"),
    side: side("site.side"),
    firstSide: side("site.firstSide"),
    inferredFrom: inferred,
    source: text("site.source"),
    otherSite: other,
  };
}
