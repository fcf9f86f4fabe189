import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decompressCommand, decompressedStream, DecompressorError, missingDecompressor } from "../../src/ingest/compression.js";
import { compressionOf, withoutCompressionSuffix, type Compression } from "../../src/model/file-names.js";

// Rotations compressed with a program Node does not carry are read through that program (xz, bzip2, zstd, lz4;
// .ci/run installs them). Its failures reach the reader as errors after the bytes it wrote, as zlib's do.

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), "mcadvisor-compression-"));
  folders.push(made);
  return made;
}

const content = Array.from({ length: 3000 }, (_, index) => `Nov 25 04:00:00 nodeB1 cmcld[2048]: line ${index} of a rotated log`).join("\n") + "\n";

/** `content` compressed by `program` into `path` (the programs write to standard output with -c). */
function compressWith(program: string, path: string): string {
  writeFileSync(path, execFileSync(program, ["-c"], { input: content, maxBuffer: 1 << 26 }));
  return path;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<{ text: string; error: Error | null }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
    return { text: Buffer.concat(chunks).toString("utf8"), error: null };
  } catch (error) {
    return { text: Buffer.concat(chunks).toString("utf8"), error: error as Error };
  }
}

describe("compressionOf", () => {
  it("tells the format by the last suffix, as logrotate names rotations", () => {
    expect(compressionOf("/var/log/messages-20261201.xz")).toBe("xz");
    expect(compressionOf("syslog.log.1.gz")).toBe("gzip");
    expect(compressionOf("syslog.log.0.bz2")).toBe("bzip2");
    expect(compressionOf("messages.zst")).toBe("zstd");
    expect(compressionOf("messages.lz4")).toBe("lz4");
    expect(compressionOf("messages.lzma")).toBe("xz");
    expect(compressionOf("OLDsyslog.log.Z")).toBe("compress");
    expect(compressionOf("syslog.log")).toBeNull();
    expect(compressionOf("syslog.log.gz.1")).toBeNull();
    expect(withoutCompressionSuffix("pkg.log.1.xz")).toBe("pkg.log.1");
    expect(decompressCommand("xz", "logs/messages-20261201.xz")).toBe("xz -dc logs/messages-20261201.xz");
    // A file name is data: quoted whole in a hint's command.
    expect(decompressCommand("xz", "a b.xz")).toBe("xz -dc 'a b.xz'");
    expect(decompressCommand("bzip2", "x'; rm -rf ~; '.bz2")).toBe("bzip2 -dc 'x'\\''; rm -rf ~; '\\''.bz2'");
    expect(decompressCommand("gzip", "-n.gz")).toBe("gzip -dc ./-n.gz");
  });
});

describe("decompressedStream", () => {
  it.each([
    ["xz", "xz"],
    ["bzip2", "bzip2"],
    ["zstd", "zstd"],
    ["gzip", "gzip"],
  ] as const)("gives the content of a %s file whole", async (compression: Compression, program: string) => {
    const path = compressWith(program, join(folder(), "-messages"));
    const { text, error } = await readAll(decompressedStream(path, compression, 4096));
    expect(error).toBeNull();
    expect(text).toBe(content);
  });

  it("gives what a cut archive holds, then the program's own words as an error", async () => {
    const whole = compressWith("xz", join(folder(), "whole.xz"));
    const cut = join(folder(), "cut.xz");
    const bytes = readFileSync(whole);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
    const { text, error } = await readAll(decompressedStream(cut, "xz"));
    expect(error).toBeInstanceOf(DecompressorError);
    expect(error?.message).toMatch(/^xz failed \(exit 1\): .*(Unexpected end of input|[Cc]ompressed data is corrupt)/);
    expect(content.startsWith(text)).toBe(true);
  });

  it("says when the file is not what its name says", async () => {
    const path = join(folder(), "syslog.log.1.xz");
    writeFileSync(path, "not compressed at all\n");
    const { error } = await readAll(decompressedStream(path, "xz"));
    expect(error?.message).toMatch(/^xz failed \(exit 1\): .*File format not recognized/);
  });

  it("ends the program when the reader stops early (a head read)", async () => {
    const path = compressWith("xz", join(folder(), "big.xz"));
    const stream = decompressedStream(path, "xz", 1024);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      expect(chunk.length).toBeGreaterThan(0);
      break; // for-await destroys the stream
    }
    expect(stream.destroyed).toBe(true);
  });

  it("says which program is missing and what to install, when PATH has none", async () => {
    const saved = process.env["PATH"];
    process.env["PATH"] = "/nonexistent";
    try {
      expect(missingDecompressor("xz")).toEqual({ program: "xz", package: expect.stringContaining("xz-utils") });
      expect(missingDecompressor("gzip")).toBeNull();
      const { error } = await readAll(decompressedStream(join(folder(), "x.xz"), "xz"));
      expect(error?.message).toMatch(/^xz is not installed \(xz-utils/);
    } finally {
      process.env["PATH"] = saved;
    }
    expect(missingDecompressor("xz")).toBeNull();
  });
});
