import { appendFileSync, fstatSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { contentChunks, identify, READ_AT_ONCE_BYTES, readHead, readTailCompressed, readTailPlain, type ReadAhead } from "../../src/ingest/source.js";
import { tempDir } from "../helpers/temp.js";

describe("contentChunks of a small plain file (one read)", () => {
  it("gives the file from the offset, then the lines added after its end was read, then stops", () => {
    const path = join(tempDir(), "syslog.log");
    writeFileSync(path, "line 1\nline 2\n");
    const content = contentChunks(path, false, 7);
    const chunks = (content.chunks as Iterable<Buffer>)[Symbol.iterator]();
    expect(chunks.next().value?.toString()).toBe("line 2\n");
    const added = `${"x".repeat(3000)}\n`;
    appendFileSync(path, added);
    let rest = "";
    for (let next = chunks.next(); !next.done; next = chunks.next()) rest += next.value.toString();
    expect(rest).toBe(added);
    content.close();
  });
});

describe("a small plain file read once (identify's readAhead)", () => {
  const chunksOf = (content: ReturnType<typeof contentChunks>): string[] => [...(content.chunks as Iterable<Buffer>)].map((chunk) => chunk.toString());

  it("gives the same head, chunks and growth as a separate read, then closes its descriptor", async () => {
    const path = join(tempDir(), "syslog.log");
    writeFileSync(path, "line 1\nline 2\n");
    const plain = await identify(path, false);
    const once = await identify(path, false, { readSmall: true });
    expect(plain.readAhead).toBeUndefined();
    expect(once.fingerprint).toBe(plain.fingerprint);
    expect(once.headBytes).toBe(plain.headBytes);
    const ahead = once.readAhead as ReadAhead;
    expect(ahead.data.toString()).toBe("line 1\nline 2\n");
    // Lines written after identify read the file are read on from its descriptor, as contentChunks reads them.
    const added = `${"x".repeat(3000)}\n`;
    appendFileSync(path, added);
    const content = contentChunks(path, false, 7, ahead);
    expect(chunksOf(content).join("")).toBe(`line 2\n${added}`);
    content.close();
    expect(() => fstatSync(ahead.descriptor)).toThrow();
  });

  it("is not used from an offset at or past what it read: the file is read as before", async () => {
    const path = join(tempDir(), "syslog.log");
    writeFileSync(path, "line 1\n");
    const ahead = (await identify(path, false, { readSmall: true })).readAhead as ReadAhead;
    appendFileSync(path, "line 2\n");
    expect(chunksOf(contentChunks(path, false, 7, ahead)).join("")).toBe("line 2\n");
    expect(() => fstatSync(ahead.descriptor)).toThrow();
  });

  it("is not made for a compressed file or one larger than a single read", async () => {
    const directory = tempDir();
    const large = join(directory, "large.log");
    writeFileSync(large, Buffer.alloc(READ_AT_ONCE_BYTES + 1, 0x61));
    expect((await identify(large, false, { readSmall: true })).readAhead).toBeUndefined();
    const archive = join(directory, "syslog.log.gz");
    writeFileSync(archive, gzipSync("line 1\n"));
    expect((await identify(archive, true, { readSmall: true })).readAhead).toBeUndefined();
  });
});

describe("identify with the stat and head its caller already took (analyze)", () => {
  it("gives the identity it would have found itself", async () => {
    const directory = tempDir();
    const archive = join(directory, "syslog.log.gz");
    writeFileSync(archive, gzipSync(`${"Nov 11 00:12:49 nodeA1 sshd[1]: line\n".repeat(200)}`));
    const small = join(directory, "syslog.log");
    writeFileSync(small, "line 1\nline 2\n");
    for (const [path, compressed] of [
      [archive, true],
      [small, false],
    ] as const) {
      const alone = await identify(path, compressed, { readSmall: true });
      // The small file is read whole (its head then comes from that read); the archive's head is the one given.
      const given = await identify(path, compressed, { readSmall: true, stats: statSync(path), head: await readHead(path, compressed) });
      expect([given.fingerprint, given.headBytes, given.dev, given.ino, given.size, given.mtimeMs]).toEqual([
        alone.fingerprint,
        alone.headBytes,
        alone.dev,
        alone.ino,
        alone.size,
        alone.mtimeMs,
      ]);
      expect(given.headHash(4)).toBe(alone.headHash(4));
      alone.readAhead?.close();
      given.readAhead?.close();
    }
  });
});

describe("a log's tail for the year of its lines, a trailing NUL run left out (round 60 #17)", () => {
  // A node that crashed mid-write leaves blocks allocated and never written: kilobytes of NULs after its last line.
  const text = "Oct 11 21:00:58 b1 master_control_script.sh[1]: started\nFeb 02 22:31:00 b1 mcxpca.sh[2]: Waiting for horctakeover\n";
  const content = Buffer.concat([Buffer.from(text), Buffer.alloc(8192 + 100, 0)]);

  it("reads the text before the NULs of a plain file", () => {
    const path = join(tempDir("nul-tail"), "pkg.log");
    writeFileSync(path, content);
    expect(readTailPlain(path, content.length).endsWith("Waiting for horctakeover")).toBe(true);
  });

  it("reads the text before the NULs of a compressed file", async () => {
    const path = join(tempDir("nul-tail-gz"), "pkg.log.gz");
    writeFileSync(path, gzipSync(content));
    expect((await readTailCompressed(path)).endsWith("Waiting for horctakeover")).toBe(true);
  });

  it("keeps the line ends between a compressed file's chunks", async () => {
    const path = join(tempDir("nul-tail-chunks"), "pkg.log.gz");
    const lines = Array.from({ length: 4000 }, (_, index) => `Feb 02 22:${String(index % 60).padStart(2, "0")}:00 b1 x[1]: line ${index}\n`).join("");
    writeFileSync(path, gzipSync(Buffer.from(lines)));
    const tail = await readTailCompressed(path);
    expect(tail.split("\n").every((line, index, all) => index === 0 || index === all.length - 1 || /^Feb 02 .* line \d+$/.test(line))).toBe(true);
  });

  it("gives nothing for a file of NULs only", () => {
    const path = join(tempDir("nul-only"), "pkg.log");
    writeFileSync(path, Buffer.alloc(10000, 0));
    expect(readTailPlain(path, 10000)).toBe("");
  });
});
