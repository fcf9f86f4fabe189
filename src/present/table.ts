import { sanitizeForTerminal } from "./sanitize.js";

/** Rows as an aligned text table; cells are sanitised and long ones cut so a log line cannot wreck the layout. */
export function renderTable(rows: readonly Record<string, unknown>[], columns: readonly string[], maxCellWidth = 120): string {
  const cell = (value: unknown): string => {
    const text = sanitizeForTerminal(value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value));
    return text.length > maxCellWidth ? `${text.slice(0, maxCellWidth - 1)}…` : text;
  };
  const body = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, index) => Math.max(column.length, ...body.map((cells) => cells[index].length)));
  const format = (cells: readonly string[]): string =>
    cells
      .map((text, index) => text.padEnd(widths[index]))
      .join("  ")
      .trimEnd();
  const lines = [format(columns), format(widths.map((width) => "-".repeat(width))), ...body.map(format)];
  lines.push(`(${rows.length} row${rows.length === 1 ? "" : "s"})`);
  return `${lines.join("\n")}\n`;
}
