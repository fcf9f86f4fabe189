/**
Blocks sealed on the parse side (block-codec.ts BlockSealer, in the parse worker when it runs) are the
blocks the store would have written itself: same rows, byte for byte, whatever the batches, for a file
read from its start or resumed on a stored open last block; and the store writes a sealed block as it is
only where its own block boundaries agree.
*/
import zlib from "node:zlib";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addSyslogFile, generatedLines } from "../helpers/store-files.js";
import { openDatabase } from "../../src/store/db.js";
import { Store, type LineToStore } from "../../src/store/store.js";
import { BlockSealer, compressSealed, encodeBlock, WRITE_CODEC, type SealedBlock, type SealerOptions } from "../../src/store/block-codec.js";
import { tempDir } from "../helpers/temp.js";

const lines = (from: number, to: number): LineToStore[] => generatedLines(from, to);

function newStore(directory: string, name: string): { store: Store; fileId: number } {
  const store = new Store(openDatabase(join(directory, name)));
  const fileId = addSyslogFile(store, "/logs", "syslog.log", "f");
  return { store, fileId };
}

function blockRows(store: Store): unknown[] {
  return store.database
    .prepare(
      "SELECT first_line, line_count, start_offset, end_offset, ts_min, ts_max, untimed, text_bytes, codec, columns, text FROM block ORDER BY first_line",
    )
    .all();
}

/** Stores `batches` (line ranges) as ingest does: a sealer beside the lines when `seal`, the last batch final. */
function storeBatches(store: Store, fileId: number, batches: readonly [number, number][], seal: boolean, final = true, options?: SealerOptions): SealedBlock[] {
  const sealer = seal ? new BlockSealer(store.openBlock(fileId), options) : null;
  const all: SealedBlock[] = [];
  batches.forEach(([from, to], index) => {
    const batch = lines(from, to);
    for (const line of batch) sealer?.add(line);
    const last = final && index === batches.length - 1;
    if (last) sealer?.finish();
    const sealed = sealer?.take() ?? [];
    all.push(...sealed);
    store.appendLines(fileId, batch, { offset: to * 1000 + 999, lineCount: to, pending: null }, { final: last, sealed });
  });
  return all;
}

describe("blocks sealed on the parse side", () => {
  const batchings: [string, [number, number][]][] = [
    ["one batch", [[1, 3000]]],
    ["batches of 500", Array.from({ length: 6 }, (_, index): [number, number] => [index * 500 + 1, index * 500 + 500])],
    [
      "uneven batches",
      [
        [1, 1],
        [2, 777],
        [778, 779],
        [780, 2411],
        [2412, 3000],
      ],
    ],
  ];

  for (const [name, batches] of batchings) {
    it(`store the same rows as blocks the store encodes itself (${name})`, () => {
      const directory = tempDir();
      const plain = newStore(directory, "plain.db");
      const sealed = newStore(directory, "sealed.db");
      storeBatches(plain.store, plain.fileId, batches, false);
      const blocks = storeBatches(sealed.store, sealed.fileId, batches, true);
      expect(blockRows(sealed.store)).toEqual(blockRows(plain.store));
      // Every stored block was sealed (the last one too: the file was read to its end).
      expect(blocks.map((entry) => entry.firstLine)).toEqual((blockRows(plain.store) as { first_line: number }[]).map((row) => row.first_line));
    });
  }

  it("resume on a stored open last block: that block is the store's, the next ones are sealed, the rows the same", () => {
    const directory = tempDir();
    const plain = newStore(directory, "plain.db");
    const sealed = newStore(directory, "sealed.db");
    // A first run leaves the file's last block open (not final), as watch or a grown file does.
    storeBatches(plain.store, plain.fileId, [[1, 900]], false, false);
    storeBatches(sealed.store, sealed.fileId, [[1, 900]], false, false);
    const open = sealed.store.openBlock(sealed.fileId);
    expect(open).not.toBeNull();
    expect(open?.firstLine).toBeGreaterThan(1);
    storeBatches(
      plain.store,
      plain.fileId,
      [
        [901, 1500],
        [1501, 2600],
      ],
      false,
    );
    const blocks = storeBatches(
      sealed.store,
      sealed.fileId,
      [
        [901, 1500],
        [1501, 2600],
      ],
      true,
    );
    expect(blockRows(sealed.store)).toEqual(blockRows(plain.store));
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks.every((entry) => entry.firstLine > (open?.firstLine ?? 0))).toBe(true);
  });

  it("a sealed block is written as it is where the boundaries agree, and ignored where its line count does not", () => {
    const directory = tempDir();
    const { store, fileId } = newStore(directory, "b.db");
    const batch = lines(1, 1200);
    const sealer = new BlockSealer();
    for (const line of batch) sealer.add(line);
    sealer.finish();
    const [first, second, ...rest] = sealer.take();
    // The same texts compressed harder: other bytes that decode the same, so the stored row shows which was written.
    const recompressed = (entry: SealedBlock): SealedBlock => ({
      firstLine: entry.firstLine,
      block: { ...entry.block, text: zlib.deflateRawSync(zlib.inflateRawSync(entry.block.text), { level: 9 }) },
    });
    const marked = recompressed(first);
    const wrongCount: SealedBlock = {
      firstLine: second.firstLine,
      block: { ...encodeBlock(batch.slice(second.firstLine - 1, second.firstLine + 9), WRITE_CODEC) },
    };
    store.appendLines(fileId, batch, { offset: 1, lineCount: 1200, pending: null }, { final: true, sealed: [marked, wrongCount, ...rest] });
    const rows = blockRows(store) as { first_line: number; line_count: number; text: Buffer }[];
    expect(rows[0].text.equals(marked.block.text)).toBe(true);
    expect(rows[0].text.equals(first.block.text)).toBe(false);
    expect(rows[1].first_line).toBe(second.firstLine);
    expect(rows[1].line_count).toBe(second.block.lineCount);
    expect(rows[1].text.equals(second.block.text)).toBe(true);
    expect(rows.reduce((sum, row) => sum + row.line_count, 0)).toBe(1200);
  });
  // The pipeline's sealer leaves the texts for the store's thread to compress (parse-batches.ts BatchParser).
  for (const [name, batches] of batchings) {
    it(`left uncompressed by the sealer, store the same rows as compressed there and as the store's own (${name})`, () => {
      const directory = tempDir();
      const plain = newStore(directory, "plain.db");
      const compressed = newStore(directory, "compressed.db");
      const uncompressed = newStore(directory, "uncompressed.db");
      storeBatches(plain.store, plain.fileId, batches, false);
      storeBatches(compressed.store, compressed.fileId, batches, true);
      const blocks = storeBatches(uncompressed.store, uncompressed.fileId, batches, true, true, { compress: false });
      expect(blocks.length).toBeGreaterThan(0);
      expect(blocks.every((entry) => entry.block.codec === "none")).toBe(true);
      expect(blockRows(uncompressed.store)).toEqual(blockRows(plain.store));
      expect(blockRows(uncompressed.store)).toEqual(blockRows(compressed.store));
    });
  }

  it("resumed on a stored open last block, left uncompressed by the sealer: the same rows", () => {
    const directory = tempDir();
    const plain = newStore(directory, "plain.db");
    const sealed = newStore(directory, "sealed.db");
    storeBatches(plain.store, plain.fileId, [[1, 900]], false, false);
    storeBatches(sealed.store, sealed.fileId, [[1, 900]], true, false, { compress: false });
    storeBatches(plain.store, plain.fileId, [[901, 2600]], false);
    storeBatches(sealed.store, sealed.fileId, [[901, 2600]], true, true, { compress: false });
    expect(blockRows(sealed.store)).toEqual(blockRows(plain.store));
  });

  it("compressSealed compresses the texts left uncompressed as encodeBlock does, and keeps compressed ones as they are", () => {
    const batch = lines(1, 1200);
    const raw = new BlockSealer(null, { compress: false });
    const compressed = new BlockSealer();
    for (const line of batch) {
      raw.add(line);
      compressed.add(line);
    }
    raw.finish();
    compressed.finish();
    const expected = compressed.take();
    expect(compressSealed(raw.take())).toEqual(expected);
    expect(compressSealed(expected)).toBe(expected);
  });
});
