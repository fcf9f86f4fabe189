/** A parsed batch packed for the worker's message and unpacked on the main thread is the batch it was. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { packBatch, transferables, unpackBatch } from "../../src/pipeline/batch-transfer.js";
import type { ParsedBatch } from "../../src/pipeline/parse-batches.js";
import type { LineToStore } from "../../src/store/store.js";

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

describe("batch transfer", () => {
  it("unpacks exactly what was packed, through a real structured clone with the buffers handed over", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (drafts, final) => {
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
        };
        const packed = packBatch(batch);
        const received = structuredClone(packed, { transfer: transferables(packed) });
        expect(unpackBatch(received)).toEqual(batch);
      }),
    );
  });
});
