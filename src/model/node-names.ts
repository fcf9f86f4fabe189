/**
How one node is written across a bundle: its daemons log the short name Serviceguard knows it by ("Started package
fin_rec on node finb1"), while rsyslog on the same node may write its FQDN as the line's host
("finb1.dr.example.co.uk cmcld[741]: ..."), and a loghost may write either (round 74 #10: one node read as two,
and its own package as running in two places).
*/

// A host name with a DNS domain: a letter first (an IPv4 address is no name), then the domain after the first dot.
const QUALIFIED = /^([A-Za-z][A-Za-z0-9_-]*)\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

// A bundle names few hosts, each on thousands of events: each is looked up once.
const shortNames = new Map<string, string>();

/** A node's name without its DNS domain, as written otherwise ("finb1" of finb1.dr.example.co.uk). */
export function shortNodeName(name: string): string {
  let short = shortNames.get(name);
  if (short === undefined) {
    short = QUALIFIED.exec(name)?.[1] ?? name;
    if (shortNames.size >= 4096) shortNames.clear();
    shortNames.set(name, short);
  }
  return short;
}

/** A node's name as a key: without its DNS domain, in lower case (names differ in case between logs and files). */
export function nodeKey(name: string): string {
  return shortNodeName(name.trim()).toLowerCase();
}

/**
Whether a file's name names a node as a word of it, between separators (start, end, `_`, `.`, `-`, a space): a
collection's status/clm1_pairdisplay_20150608_0833.txt or pd-ins1.txt is that node's output. Case does not matter.
*/
export function nameNamesNode(fileName: string, node: string): boolean {
  const name = fileName.toLowerCase();
  const word = node.toLowerCase();
  if (word === "") return false;
  for (let at = name.indexOf(word); at >= 0; at = name.indexOf(word, at + 1)) {
    const before = at === 0 ? "" : name[at - 1];
    const after = name[at + word.length] ?? "";
    if ((before === "" || "_.- ".includes(before)) && (after === "" || "_.- ".includes(after))) return true;
  }
  return false;
}
