/**
Rows as CSV (RFC 4180): a header row, fields with a comma, a quote or a line break quoted, quotes
doubled, CRLF line ends. Log text stays data in a spreadsheet too: control characters are shown in
caret notation as the table shows them (sanitize.ts), and a text cell that a spreadsheet would run as
a formula (starting with =, +, -, @; OWASP "CSV Injection") gets a leading apostrophe. Numbers are
written as they are; use --format json for the exact stored text.
*/
import { sanitizeForTerminal } from "./sanitize.js";

const FORMULA_START = /^[=+\-@]/;

function field(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  let text = sanitizeForTerminal(typeof value === "object" ? JSON.stringify(value) : String(value));
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const lines = [columns.map(field), ...rows.map((row) => columns.map((column) => field(row[column])))];
  return lines.map((cells) => `${cells.join(",")}\r\n`).join("");
}
