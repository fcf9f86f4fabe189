/**
A finding's site in one line, as text, the TUI and the reports show it: the site by name with its nodes
and the other site, and where the names came from; without names, the side and how it was inferred.
Returns plain text: each presenter escapes it for its medium (names and paths may come from logs).
*/
import type { SiteInfo } from "../model/findings.js";
import { sideWords } from "../correlate/sites.js";

function sidePhrase(side: string | null, firstSide: string | null): string | null {
  const now = sideWords(side);
  const first = sideWords(firstSide);
  if (now !== null && first !== null && first !== now) return `${first} before the incident, ${now} now`;
  return now ?? (first !== null ? `${first} before the incident` : null);
}

const nodesOf = (nodes: readonly string[]): string => (nodes.length > 0 ? `: nodes ${nodes.join(", ")}` : "");

/** `path` shows a file:line source the way the presenter shows paths (relative to the bundle, the cwd ...). */
export function describeSite(info: SiteInfo, path: (source: string) => string = (source) => source): string {
  const side = sidePhrase(info.side, info.firstSide);
  const otherSide = sideWords(info.otherSite?.side ?? null);
  if (info.name !== null) {
    const own = `site ${info.name}${side !== null ? ` (${side})` : ""}${nodesOf(info.nodes)}`;
    const other = info.otherSite?.name
      ? `; other site ${info.otherSite.name}${otherSide !== null ? ` (${otherSide})` : ""}${nodesOf(info.otherSite.nodes)}`
      : "";
    const origin =
      info.inferredFrom === "site-option"
        ? "--site"
        : info.inferredFrom === "sites-file"
          ? `the sites file ${info.source === null ? "" : path(info.source)}`.trimEnd()
          : `the cluster ASCII file${info.source === null ? "" : ` ${path(info.source)}`}`;
    return `${own}${other} (named by ${origin})`;
  }
  const seen = info.nodes.length > 0 ? ` (nodes seen there: ${info.nodes.join(", ")})` : "";
  const other = info.otherSite && info.otherSite.nodes.length > 0 ? `; ${otherSide ?? "other side"}: ${info.otherSite.nodes.join(", ")}` : "";
  const from = info.source !== null ? `, e.g. ${path(info.source)}` : "";
  return `${side ?? "side unknown"}${seen}${other} (inferred from the pair states the nodes logged${from}; no site names: give --site NAME=node,node or include the cluster ASCII file)`;
}
