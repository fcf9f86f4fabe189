import { createHash } from "node:crypto";
import type { InputFile } from "../ingest/discover.js";
import { identify, openContent } from "../ingest/source.js";
import { InputError } from "../errors.js";
import type { Store } from "../store/store.js";
import { storedFingerprint } from "./ingest.js";

/**
An incident folder analysed before under another path (moved, renamed, copied to an archive) is the
same incident: a file's identity is its content, not its path. A stored bundle is that folder when every
one of its files has a counterpart among the new folder's inputs with the same head fingerprint and the
same content over all the bytes stored from it (the hash analyze kept). Files the new folder adds, or
that grew since, are read on top as usual. Two incidents that merely share a file's first 4 KiB do not
match, so each keeps its own lines.
*/
export async function findMovedBundle(store: Store, bundle: string, inputs: readonly InputFile[], exclude: ReadonlySet<string>): Promise<string | null> {
  if (store.filesOfBundle(bundle).length > 0) return null;
  const fingerprints = new Map<InputFile, string>();
  for (const input of inputs) {
    try {
      fingerprints.set(input, storedFingerprint(input, (await identify(input.path, input.compressed)).fingerprint));
    } catch (error) {
      // Reported once when ingest reads it; here it simply cannot vouch for the old folder.
      if (!(error instanceof InputError)) throw error;
    }
  }
  const candidates = new Set<string>();
  for (const fingerprint of new Set(fingerprints.values())) {
    for (const other of store.bundlesWithFingerprint(fingerprint, bundle)) if (!exclude.has(other)) candidates.add(other);
  }
  const prefixHashes = new Map<string, string | null>();
  const prefixHash = async (input: InputFile, bytes: number): Promise<string | null> => {
    const key = `${bytes}\u0000${input.path}`;
    if (!prefixHashes.has(key)) prefixHashes.set(key, await hashPrefix(input, bytes));
    return prefixHashes.get(key) ?? null;
  };
  for (const candidate of [...candidates].sort()) {
    const stored = store.filesOfBundle(candidate);
    if (stored.length === 0 || stored.some((file) => file.contentHash === null || file.contentHashBytes === null)) continue;
    const unused = new Set(fingerprints.keys());
    let allFound = true;
    for (const file of stored) {
      let found: InputFile | undefined;
      for (const input of unused) {
        if (fingerprints.get(input) !== file.fingerprint) continue;
        if ((await prefixHash(input, file.contentHashBytes as number)) === file.contentHash) {
          found = input;
          break;
        }
      }
      if (!found) {
        allFound = false;
        break;
      }
      unused.delete(found);
    }
    if (allFound) return candidate;
  }
  return null;
}

/** sha256 of a file's first `bytes` bytes of content (decompressed for .gz); null when it is shorter or unreadable. */
async function hashPrefix(input: InputFile, bytes: number): Promise<string | null> {
  const hash = createHash("sha256");
  let remaining = bytes;
  const { stream } = openContent(input.path, input.compressed, 0);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const part = chunk.length > remaining ? chunk.subarray(0, remaining) : chunk;
      hash.update(part);
      remaining -= part.length;
      if (remaining === 0) break;
    }
  } catch {
    // A damaged or vanished file cannot prove it is the stored one; ingest reports it by name.
    return null;
  } finally {
    stream.destroy();
  }
  return remaining === 0 ? hash.digest("hex") : null;
}
