import { describe, expect, it } from "vitest";
import { parseText } from "../../src/parse/file.js";
import { hasTerminalEditing, renderTerminal } from "../../src/parse/terminal.js";

describe("a line read as the terminal showed it (round 60 #11)", () => {
  it("applies backspaces and erase-to-end-of-line echoed by the shell", () => {
    const typed = "pairresync -g dg_mes3 -c 15" + "\b\x1b[K".repeat(5) + "-swaps -c 15 -I3";
    expect(renderTerminal(typed)).toBe("pairresync -g dg_mes3 -swaps -c 15 -I3");
  });

  it("drops colour and title escapes around a prompt", () => {
    const line = "\x1b]0;root@khl-app1:~\x07\x1b[1;31mkhl-app1:~ #\x1b[0m pairdisplay -g dg -fc";
    expect(renderTerminal(line)).toBe("khl-app1:~ # pairdisplay -g dg -fc");
  });

  it("reads BS-space-BS, DEL, cursor moves, deletions and a carriage return", () => {
    expect(renderTerminal("pairsplit -S\b \bR")).toBe("pairsplit -R");
    expect(renderTerminal("pairresync -swapp\x7fs")).toBe("pairresync -swaps");
    expect(renderTerminal("horctakeover -g dgX -S\x1b[4D\x1b[P")).toBe("horctakeover -g dg -S");
    expect(renderTerminal(" 31 %\r100 %")).toBe("100 %");
  });

  it("reads cat -v notation pasted into a ticket, not a caret before a word", () => {
    expect(renderTerminal("pairresync -g dg -c 15^H^H^H^H^H-swaps")).toBe("pairresync -g dg -swaps");
    expect(hasTerminalEditing("grep '^Host' /etc/hosts")).toBe(false);
    expect(hasTerminalEditing("grep -n '^HORCM_MON' /etc/horcm0.conf")).toBe(false);
    expect(hasTerminalEditing("\u007fELF\u0002\u0001\u0001\u0000LINK 01")).toBe(false);
    expect(hasTerminalEditing("Dec  1 03:31:20 n1 cmcld[1]: Started package p on node n1.")).toBe(false);
  });

  it("gives the grammars the rendered command: the swap resync, not a plain one", () => {
    const text =
      "Script started on 2025-09-21 10:02:11+02:00\n\x1b[1;31mkhl-app1:~ #\x1b[0m pairresync -g dg_mes3 -c 15" + "\b\x1b[K".repeat(5) + "-swaps -c 15 -I3\n";
    const lines = parseText(text, { kind: "cmdlog", year: 2025 });
    const events = lines.flatMap((line) => line.events).filter((event) => event.kind !== "node.seen");
    const resync = events.find((event) => JSON.stringify(event).includes("swaps") || event.fields?.mode !== undefined);
    expect(JSON.stringify(events)).toContain("swaps");
    expect(resync).toBeDefined();
  });
});
