// A grammar must never give two parses. Bodies are generated from the words the grammars key on
// (sentence starts, keywords, state tokens) mixed with arbitrary words, so overlapping rules show up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grammars, runGrammar } from "../../src/parse/index.js";

const keywords = [
  "Request", "from", "node", "to", "start", "halt", "package", "on", "Executing", "'/etc/cmcluster/p/p.cntl start'", "for", "Started", "Halted",
  "Package", "run", "script", "exited", "with", "timed", "out", "switching", "Switching", "disabled", "Timed", "Attempting", "form", "a", "new",
  "cluster", "3", "nodes", "node", "have", "has", "formed", "re-formed", "The", "active", "membership", "is:", "ServiceGuard", "daemon,",
  "died", "upon", "receiving", "the", "signal", "Member", "seems", "unhealthy", "Warning:", "cmcld", "was", "unable", "last", "4.2", "seconds.",
  "This", "is", "at", "risk", "of", "being", "evicted", "configured", "remote", "data", "replication", "Lost", "connection", "(cmcld):",
  "Could", "not", "read", "messages", "cmrunpkg", "cmmodpkg", "-e", "-n", "Starting", "Halting", "completed", "failed", "FAILED", "halted",
  "ERROR", "ERROR:", "successfully", "Failed", "md", "Deactivating", "Activating", "volume", "group", "Checking", "filesystems:", "Mounting",
  "Unmounting", "filesystem", "Adding", "IP", "address", "Remove", "subnet", "service", "Function", "WARNING:", "Unmount", "vgchange",
  "trying", "again.", "failed,", "pkgA", "nodeA1", "vg01", "/dev/vg01/lvol1", "######", "configuration", "applied", "Mon", "Nov", "24",
  "10:00:00", "EST", "2014", "SVOL_PSUE", "P-VOL", "PSUE", "EX_ENORMT", "(242)", "AUTO_SVOLPSUE=0", "FORCEFLAG", "horctakeover", "-g", "local",
  "CLUSTER_ALERT", "UNREACHABLE", "5", "MINUTES", "recovery", "Processing",
];
const word = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...keywords) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 6 }) });
const body = fc.array(word, { maxLength: 14 }).map((words) => words.join(" "));

describe.each(grammars().filter((entry) => entry.role === "body" || entry.role === "config").map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
  it("gives at most one parse for any word sequence", () => {
    fc.assert(fc.property(body, (text) => {
      expect(runGrammar(entry, text).length).toBeLessThanOrEqual(1);
    }), { numRuns: 4000 });
  });
});

describe.each(grammars().filter((entry) => entry.role === "header").map((entry) => [entry.name, entry] as const))("%s", (_name, entry) => {
  const prefixes = fc.constantFrom("", "\t", "   ", "Nov 24 10:00:01 ", "Nov  4 10:00:01 - ", "Nov 24 10:00:01 - Node \"n1\": ", "\t########### Node \"n1\": ", "###### ", "Nov 24 10:00:01 root@n1 x.sh[1]: ", "Nov 24 10:00:01 n1 D6 ");
  it("gives at most one parse for any line", () => {
    fc.assert(fc.property(prefixes, body, fc.constantFrom("", " ###########", " at Mon Nov 24 10:00:00 EST 2014 ######", "  "), (prefix, text, suffix) => {
      expect(runGrammar(entry, prefix + text + suffix).length).toBeLessThanOrEqual(1);
    }), { numRuns: 4000 });
  });
});
