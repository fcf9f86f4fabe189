import { describe, expect, it } from "vitest";
import { escapeHtml, sanitizeForTerminal } from "../../src/present/sanitize.js";

describe("text from the logs is shown inert", () => {
  it("controls in caret notation, as cat -v shows them", () => {
    expect(sanitizeForTerminal("a\u001b]0;title\u0007b\tc\u009bd")).toBe("a^[]0;title^Gb cM-^[d");
  });

  it("characters that reorder or hide text by their code point: direction overrides and isolates, zero-width, line separators", () => {
    // "exe.\u202etxt" reads as "exe.txt" reversed on a terminal that honours the override.
    expect(sanitizeForTerminal("dg\u202eS- ora\u202c")).toBe("dg<U+202E>S- ora<U+202C>");
    expect(sanitizeForTerminal("a\u2028b\u2029c\u200bd\u2066e\u2069f\ufeffg\u061ch")).toBe("a<U+2028>b<U+2029>c<U+200B>d<U+2066>e<U+2069>f<U+FEFF>g<U+061C>h");
    // Letters of any script stay as they are.
    expect(sanitizeForTerminal("été 東京 Ω")).toBe("été 東京 Ω");
    expect(escapeHtml("<b>\u202e</b>")).toBe("&#60;b&#62;&#60;U+202E&#62;&#60;/b&#62;");
  });
});
