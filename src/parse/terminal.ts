/**
A line as the terminal showed it. A session saved with script(1), a paste of one, or a keystroke log keeps the bytes
the terminal was sent: colour and title escapes around the prompt, and the user's corrections as they were echoed -
a backspace and an erase-to-end-of-line (`^H ESC[K`), `^H ^H`, a cursor moved left and characters deleted (`ESC[D`,
`ESC[P`), a DEL typed at a raw capture. Read as they are, "pairresync -g dg -c 15" followed by five erasures and
"-swaps -c 15" is a plain resync (round 60 #11); the terminal showed, and the shell ran, the swap resync. So the line is
rendered on one row as a terminal renders it before any grammar reads it: escapes executed or dropped, BS moving the
cursor back, text overwriting what is under the cursor, a carriage return going back to the start of the row. The
stored line keeps its bytes. `cat -v` notation (`^H`, `^?`, `^[[K`) pasted into a ticket is read as the bytes it
stands for.
*/

/** A line holding terminal editing or escapes: ESC, BS, DEL, or their `cat -v` forms. */
const TERMINAL_BYTES = /[\x08\x1b\x7f]|\^(?:H(?![A-Za-z0-9_])|\?|\[[[\]])/;

/** Bytes no terminal session sends in a line of text (NUL, other controls, invalid UTF-8): binary junk, left as it is. */
const NOT_TERMINAL = /[\x00-\x06\x0e-\x1a\x1c-\x1f\ufffd]/;

/** Whether `text` needs rendering (most lines do not: one regex test), and is no binary junk. */
export function hasTerminalEditing(text: string): boolean {
  // Every line pays this test: about 65 ms per million lines of the bench syslog (none of them matches).
  return TERMINAL_BYTES.test(text) && !NOT_TERMINAL.test(text);
}

/** The `cat -v` notation of the editing bytes, turned back into them. */
function fromCaretNotation(text: string): string {
  if (!text.includes("^")) return text;
  return text
    .replace(/\^H(?![A-Za-z0-9_])/g, "\b")
    .replace(/\^\?/g, "\x7f")
    .replace(/\^\[(?=[[\]])/g, "\x1b");
}

/** One terminal row and its cursor. */
interface Screen {
  readonly row: string[];
  cursor: number;
}

/** `text` rendered on one terminal row: what the screen showed at the end of the line. */
export function renderTerminal(text: string): string {
  const input = fromCaretNotation(text);
  const screen: Screen = { row: [], cursor: 0 };
  const { row } = screen;
  let at = 0;
  while (at < input.length) {
    const code = input.charCodeAt(at);
    if (code === 0x1b) {
      at = escape(input, at, screen);
      continue;
    }
    at++;
    if (code === 0x08) screen.cursor = Math.max(0, screen.cursor - 1);
    else if (code === 0x7f) {
      // DEL reaching a capture is the erase key the line discipline acted on: the character before is gone.
      if (screen.cursor > 0) {
        screen.cursor--;
        row.splice(screen.cursor, 1);
      }
    } else if (code === 0x0d) screen.cursor = 0;
    else if (code !== 0x07) {
      while (row.length < screen.cursor) row.push(" ");
      row[screen.cursor++] = input[at - 1];
    }
  }
  return row.join("").trimEnd();
}

/**
Executes the escape sequence at `at` on the screen (erasing, deleting, inserting, moving the cursor) and returns where
the text after it starts. CSI sequences that change only colours or modes, OSC titles and other strings are dropped.
*/
function escape(input: string, at: number, screen: Screen): number {
  const { row } = screen;
  const kind = input[at + 1];
  if (kind === "[") {
    let end = at + 2;
    while (end < input.length && /[0-?]/.test(input[end])) end++;
    while (end < input.length && /[ -/]/.test(input[end])) end++;
    if (end >= input.length) return input.length;
    const params = input.slice(at + 2, end);
    const count = Math.max(1, Number.parseInt(params, 10) || 1);
    const cursor = screen.cursor;
    switch (input[end]) {
      case "K": {
        const mode = Number.parseInt(params, 10) || 0;
        if (mode === 0) row.length = Math.min(row.length, cursor);
        else if (mode === 1) for (let index = 0; index <= cursor && index < row.length; index++) row[index] = " ";
        else row.length = 0;
        break;
      }
      case "P":
        row.splice(cursor, count);
        break;
      case "@":
        if (cursor < row.length) row.splice(cursor, 0, ...new Array<string>(count).fill(" "));
        break;
      case "X":
        for (let index = cursor; index < cursor + count && index < row.length; index++) row[index] = " ";
        break;
      case "D":
        screen.cursor = Math.max(0, cursor - count);
        break;
      case "C":
        screen.cursor = cursor + count;
        break;
      case "G":
        screen.cursor = count - 1;
        break;
      default:
        break;
    }
    return end + 1;
  }
  if (kind === "]" || kind === "P" || kind === "_" || kind === "^" || kind === "X") {
    // A string (OSC title, DCS): up to BEL or ST (ESC \).
    for (let end = at + 2; end < input.length; end++) {
      if (input.charCodeAt(end) === 0x07) return end + 1;
      if (input.charCodeAt(end) === 0x1b && input[end + 1] === "\\") return end + 2;
    }
    return input.length;
  }
  // A character-set choice (ESC ( B) takes one more character; any other escape is ESC and one character.
  if (kind !== undefined && "()*+#%".includes(kind)) return Math.min(input.length, at + 3);
  return Math.min(input.length, at + 2);
}
