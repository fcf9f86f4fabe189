/**
Log text is hostile to terminals: a line can carry `ESC ]0;title BEL` or `ESC [2J`. Everything a
presenter prints that came from a log goes through `sanitizeForTerminal`, which shows control
characters in caret notation (ESC becomes `^[`, BEL `^G`, as `cat -v` does) so they stay visible
and inert. TAB becomes a space so columns stay aligned. Invisible characters that reorder or hide text are
shown by their code point.
*/

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

function caret(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return "^?";
  return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
}

/**
Characters that change how the text around them reads without being seen: direction overrides and isolates (an
RLO shows "dg_ora -S" as something else), zero-width characters, line and paragraph separators. Shown as <U+202E>.
*/
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

const codePoint = (character: string): string => `<U+${(character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, "0")}>`;

export function sanitizeForTerminal(text: string): string {
  return text.replace(/\t/g, " ").replace(CONTROL, caret).replace(INVISIBLE, codePoint);
}

/** Escape for HTML text and attribute values (after neutralising control characters). */
export function escapeHtml(text: string): string {
  return sanitizeForTerminal(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
