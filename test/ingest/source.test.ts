import { appendFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { contentChunks } from "../../src/ingest/source.js";
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
