// Every line of the incident bundles in samples/ goes through the parser: no grammar may be
// ambiguous on them, and a line carrying a Metrocluster / Raid Manager token must yield an event.
// MCADVISOR_SCAN_REPORT=<file> also writes the lines that yield nothing, for review.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { discoverInputs } from "../../src/ingest/discover.js";
import { createFileParser } from "../../src/parse/index.js";

const samplesDir = new URL("../../samples/", import.meta.url).pathname;
const bundles = existsSync(samplesDir)
  ? readdirSync(samplesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "tools")
      .map((entry) => entry.name)
      .sort()
  : [];
// Tokens that are Metrocluster/Raid Manager facts wherever they stand.
const STRONG =
  /\b[PS]-?VOL_(?:PAIR|COPY|PSUS|SSUS|PSUE|PDUB|PFUL|PFUS|SSWS|SMPL)\b|\bEX_[A-Z]{5,6}\b|\bAUTO_[A-Z]{4,}\b|\bhorctakeover\b|\bpairresync\b|\bCLUSTER_AL(?:ERT|ARM)\b/;
const INTERESTING = /cmcld|cmclconfd|CM-CMD|Package|package|VOL|EX_|AUTO_|FORCEFLAG|horc|pair|HORCM|fence|takeover|CLUSTER_|cmrecovercl|ERROR|WARNING/;

function linesOf(path: string): string[] {
  const bytes = readFileSync(path);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(path.endsWith(".gz") ? gunzipSync(bytes) : bytes);
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line));
}

describe.skipIf(bundles.length === 0)("samples/ bundles", () => {
  it.each(bundles)("%s: every line parses, Metrocluster tokens give events", (bundle) => {
    const { files } = discoverInputs([`${samplesDir}${bundle}`]);
    const silent: string[] = [];
    const missed: string[] = [];
    for (const file of files) {
      const parser = createFileParser({
        path: file.path,
        kind: file.kind,
        hostHint: file.hostHint,
        packageHint: file.packageHint,
        yearFor: () => 2026,
        strict: true,
      });
      linesOf(file.path).forEach((text, index) => {
        const parsed = parser.parseLine(text);
        const where = `${file.path.slice(samplesDir.length)}:${index + 1}`;
        // An unread-line marker says the grammars missed the line: it does not count as an event here.
        if (parsed.events.some((event) => event.kind !== "line.unread")) return;
        if (file.kind !== "config" && STRONG.test(parsed.body)) missed.push(`${where}: ${text}`);
        if (file.kind !== "config" && INTERESTING.test(text)) silent.push(`${where}: ${text}`);
      });
    }
    const report = process.env.MCADVISOR_SCAN_REPORT;
    if (report) writeFileSync(`${report}.${bundle}.txt`, `${silent.join("\n")}\n`);
    expect(missed).toEqual([]);
  });
});
