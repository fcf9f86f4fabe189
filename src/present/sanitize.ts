/**
Log text is hostile to terminals: a line can carry `ESC ]0;title BEL` or `ESC [2J`. Everything a
presenter prints that came from a log goes through `sanitizeForTerminal`, which shows control
characters in caret notation (ESC becomes `^[`, BEL `^G`, as `cat -v` does) so they stay visible
and inert. TAB becomes a space so columns stay aligned.
*/

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

function caret(character: string): string {
  const code = character.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return "^?";
  return `M-^${String.fromCharCode(code - 0x80 + 0x40)}`;
}

export function sanitizeForTerminal(text: string): string {
  return text.replace(/\t/g, " ").replace(CONTROL, caret);
}

/** Escape for HTML text and attribute values (after neutralising control characters). */
export function escapeHtml(text: string): string {
  return sanitizeForTerminal(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
