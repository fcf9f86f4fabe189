/**
An incident collected as one folder per site or per cluster: case/ldn_prod/ldnux01/var/adm/..., case/mcr_dr/mcrux01/...
Each site's folder holds node folders, so discovery makes each a bundle of its own, and one site's events are never
correlated with the other's: a Continentalclusters recovery at one cluster was not seen beside the primary's suspended
P-VOL, whose bundle alone asked for a full resync (round 64 #03).

Sibling bundles (one parent folder) are one incident when the logs of one name the other: its folder's name (the
cluster its monitor reports, `ldn_prod UNREACHABLE alert`) or one of its nodes (`Timed out node slo1`), as a word.
Only a few siblings with no node name in common: a folder of incidents (`samples/`, a support engineer's cases) holds
many, or incidents of one cluster whose node folders share their names.
*/

import { closeSync, openSync, readSync } from "node:fs";
import { basename, dirname } from "node:path";

/** What the join reads of a discovered file (discover.ts's InputFile). */
interface PlacedFile {
  readonly path: string;
  readonly bundle: string;
  readonly hostHint: string | null;
  readonly compressed: boolean;
}

// Sites or clusters of one incident: two (Metrocluster, Continentalclusters), three (3DC).
const MAX_SIBLINGS = 4;
// A name this short (or a folder named like a collection) says nothing when found in another site's logs.
const MIN_NAME_LENGTH = 3;
const GENERIC_FOLDER = /^(?:logs?|nodes?|sites?|data|files|collect(?:ion)?s?|bundles?|primary|secondary|recovery|dr|prod|tmp)$/i;
// Read at most this much of a site's files looking for the other's names: the names, when said, come with every
// membership change and monitor notice; a bundle of gigabytes is not read twice for them.
const SCAN_BYTES_PER_BUNDLE = 64 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The nodes each bundle's folders name (the files' host hints). */
export function nodesOfBundles(files: readonly PlacedFile[]): Map<string, Set<string>> {
  const nodesOfBundle = new Map<string, Set<string>>();
  for (const file of files) {
    if (file.hostHint === null) continue;
    const nodes = nodesOfBundle.get(file.bundle) ?? new Set<string>();
    nodes.add(file.hostHint);
    nodesOfBundle.set(file.bundle, nodes);
  }
  return nodesOfBundle;
}

/** Sibling bundles that name each other, each mapped to their parent folder (the incident's bundle). */
export function sitesOfOneIncident(files: readonly PlacedFile[]): ReadonlyMap<string, string> {
  const nodesOfBundle = nodesOfBundles(files);
  const siblingsOf = new Map<string, string[]>();
  for (const bundle of nodesOfBundle.keys()) {
    const parent = dirname(bundle);
    if (parent === bundle) continue;
    siblingsOf.set(parent, [...(siblingsOf.get(parent) ?? []), bundle]);
  }
  const joined = new Map<string, string>();
  for (const [parent, siblings] of siblingsOf) {
    if (siblings.length < 2 || siblings.length > MAX_SIBLINGS || !disjoint(siblings.map((bundle) => nodesOfBundle.get(bundle)!))) continue;
    const groups = new UnionFind(siblings);
    for (const bundle of siblings) {
      const others = siblings.filter((other) => other !== bundle && !groups.same(bundle, other));
      if (others.length === 0) continue;
      const named = namedIn(
        files.filter((file) => file.bundle === bundle && !file.compressed),
        others.map((other) => ({ bundle: other, names: namesOf(other, nodesOfBundle.get(other)!) })),
      );
      for (const other of named) groups.join(bundle, other);
    }
    for (const bundle of siblings) if (groups.size(bundle) > 1) joined.set(bundle, parent);
  }
  return joined;
}

function disjoint(nodeSets: readonly Set<string>[]): boolean {
  const seen = new Set<string>();
  for (const nodes of nodeSets) {
    for (const node of nodes) {
      if (seen.has(node)) return false;
      seen.add(node);
    }
  }
  return true;
}

function namesOf(bundle: string, nodes: ReadonlySet<string>): string[] {
  const folder = basename(bundle);
  const names = [...nodes];
  if (!GENERIC_FOLDER.test(folder)) names.push(folder);
  return names.filter((name) => name.length >= MIN_NAME_LENGTH);
}

/** Which of `others` the files name (any of its names as a word), reading each file in chunks until all are found. */
function namedIn(files: readonly PlacedFile[], others: ReadonlyArray<{ bundle: string; names: string[] }>): string[] {
  const pending = others
    .filter((other) => other.names.length > 0)
    .map((other) => ({ bundle: other.bundle, pattern: new RegExp(`(?<![\\w.-])(?:${other.names.map(escapeRegExp).join("|")})(?![\\w-])`) }));
  const found: string[] = [];
  let budget = SCAN_BYTES_PER_BUNDLE;
  const buffer = Buffer.alloc(CHUNK_BYTES);
  for (const file of files) {
    if (pending.length === 0 || budget <= 0) break;
    let descriptor: number;
    try {
      descriptor = openSync(file.path, "r");
    } catch {
      continue; // Unreadable here: the ingest stage says so for the file.
    }
    try {
      let carry = "";
      let position = 0;
      while (pending.length > 0 && budget > 0) {
        const read = readSync(descriptor, buffer, 0, Math.min(CHUNK_BYTES, budget), position);
        if (read <= 0) break;
        position += read;
        budget -= read;
        // A name cut by the chunk's end is found in the next one: the tail of this one goes before it.
        const text = carry + buffer.toString("latin1", 0, read);
        for (let index = pending.length - 1; index >= 0; index--) {
          if (pending[index].pattern.test(text)) {
            found.push(pending[index].bundle);
            pending.splice(index, 1);
          }
        }
        carry = text.slice(-256);
      }
    } finally {
      closeSync(descriptor);
    }
  }
  return found;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  constructor(items: readonly string[]) {
    for (const item of items) this.parent.set(item, item);
  }
  private root(item: string): string {
    let current = item;
    while (this.parent.get(current) !== current) current = this.parent.get(current)!;
    return current;
  }
  same(left: string, right: string): boolean {
    return this.root(left) === this.root(right);
  }
  join(left: string, right: string): void {
    this.parent.set(this.root(left), this.root(right));
  }
  size(item: string): number {
    const root = this.root(item);
    return [...this.parent.keys()].filter((other) => this.root(other) === root).length;
  }
}
