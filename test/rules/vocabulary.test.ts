import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EVENT_KINDS } from "../../src/catalogue/vocabulary.js";

describe("event vocabulary", () => {
  it("lists exactly the kinds docs/events.md documents", () => {
    const markdown = readFileSync(new URL("../../docs/events.md", import.meta.url), "utf8");
    const documented = new Set<string>();
    for (const line of markdown.split("\n")) {
      const cell = /^\| ((?:`[a-z.]+`(?: \/ )?)+) \|/.exec(line);
      if (cell) for (const kind of cell[1].matchAll(/`([a-z.]+)`/g)) documented.add(kind[1]);
    }
    expect([...EVENT_KINDS].sort()).toEqual([...documented].sort());
  });
});
