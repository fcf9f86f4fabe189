/** A parsed batch packed for the worker's message and unpacked on the main thread is the batch it was. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packBatch, slimBatch, transferables, unpackBatch } from "../../src/pipeline/batch-transfer.js";
import type { ParsedBatch } from "../../src/pipeline/parse-batches.js";
import type { LineToStore } from "../../src/store/store.js";
import { encodeBlock, WRITE_CODEC, type SealedBlock } from "../../src/store/block-codec.js";

// Framed lines: no newline, and (decoded from UTF-8 or read as Latin-1) no lone surrogate.
const lineText = fc.string({ unit: fc.constantFrom("a", " ", "é", "\u00ff", "\ufffd", "😀", "\r", "\t", "[", "\u0000"), maxLength: 40 });
const name = fc.option(fc.constantFrom("nodeA1", "cmcld", "oracle_pkg", "ünï"), { nil: null });
const line = fc.record({
  ts: fc.option(fc.integer({ min: 0, max: 2 ** 42 }), { nil: null }),
  host: name,
  program: name,
  package: name,
  format: fc.constantFrom("syslog", "pkglog", "unknown", "config"),
  text: lineText,
  events: fc.array(
    fc.record({
      kind: fc.constantFrom("pkg.started", "line.unread"),
      fields: fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
    }),
    { maxLength: 2 },
  ),
});

/** The lines cut into blocks of `size` lines, each encoded as the parse side seals it (the last one too). */
function sealedBlocks(lines: readonly LineToStore[], size: number): SealedBlock[] {
  const blocks: SealedBlock[] = [];
  for (let at = 0; at < lines.length; at += size) {
    blocks.push({ firstLine: lines[at].lineNo, block: encodeBlock(lines.slice(at, at + size), WRITE_CODEC) });
  }
  return blocks;
}

describe("batch transfer", () => {
  it("unpacks exactly what was packed, through a real structured clone with the buffers handed over", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), fc.integer({ min: 1, max: 12 }), (drafts, final, blockLines) => {
        let offset = 100;
        const lines: LineToStore[] = drafts.map((draft, index) => {
          const startOffset = offset;
          offset += Buffer.byteLength(draft.text) + 1;
          return { ...draft, lineNo: index + 7, startOffset, endOffset: offset };
        });
        const batch: ParsedBatch = {
          type: "batch",
          lines,
          endOffset: offset,
          lineCount: lines.length + 6,
          parserContext: '{"ts":null}',
          bytesRead: offset,
          final,
          blocks: sealedBlocks(lines, blockLines),
        };
        const slim = slimBatch(batch);
        const packed = packBatch(slim);
        const received = structuredClone(packed, { transfer: transferables(packed) });
        expect(unpackBatch(received)).toEqual(slim);
        // Slim: every line with events and every line outside the sealed blocks, in order; the totals of all.
        const sealedLines = new Set(batch.blocks.flatMap(({ firstLine, block }) => Array.from({ length: block.lineCount }, (_, index) => firstLine + index)));
        expect(slim.lines).toEqual(lines.filter((kept) => kept.events.length > 0 || !sealedLines.has(kept.lineNo)));
        expect(slim.totals.lines).toBe(lines.length);
        expect(slim.totals.unparsed).toBe(lines.filter((kept) => kept.format === "unknown").length);
      }),
    );
  });
});
