/**
The views `mcadvisor query` offers and their columns, read from the schema itself: an in-memory database
built by the same migrations as every real one, so `query --help` and the SQL error hint can never
disagree with what a query sees. Only the one-line notes are written here.
*/
import { openDatabase } from "./db.js";

export interface ViewDescription {
  readonly name: string;
  readonly columns: readonly string[];
  readonly note: string | undefined;
}

const NOTES: Readonly<Record<string, string>> = {
  // One line each, shown under the columns.
  log_lines: "every stored line, parsed or not (format 'unknown' when no grammar read it)",
  events: "what the grammars read from the lines (fields is JSON; docs/events.md lists the kinds)",
  findings: "what the rules concluded (check_first, steps, evidence and site_info are JSON)",
};
// The documented contract views first, in their documented order; any other view after them.
const ORDER = ["log_lines", "events", "findings"];

let described: ViewDescription[] | undefined;

export function describeViews(): readonly ViewDescription[] {
  if (described) return described;
  const database = openDatabase(":memory:");
  try {
    const names = (database.prepare("SELECT name FROM sqlite_master WHERE type = 'view'").all() as Array<{ name: string }>).map((row) => row.name);
    names.sort((left, right) => {
      const rank = (name: string): number => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
      return rank(left) - rank(right) || left.localeCompare(right);
    });
    described = names.map((name) => ({
      name,
      columns: (database.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as Array<{ name: string }>).map((row) => row.name),
      note: NOTES[name],
    }));
    return described;
  } finally {
    database.close();
  }
}

/** The views as help text: name, columns (wrapped), note. */
export function viewsHelp(width = 100): string {
  const views = describeViews();
  const pad = Math.max(...views.map((view) => view.name.length)) + 2;
  const lines = ["Views (read-only; columns as the schema defines them):"];
  for (const view of views) {
    let line = `  ${view.name.padEnd(pad)}`;
    const rows: string[] = [];
    for (const [index, column] of view.columns.entries()) {
      const piece = `${column}${index < view.columns.length - 1 ? "," : ""}`;
      if (line.length + piece.length + 1 > width && line.trim() !== view.name) {
        rows.push(line.trimEnd());
        line = `  ${" ".repeat(pad)}`;
      }
      line += `${piece} `;
    }
    rows.push(line.trimEnd());
    if (view.note) rows.push(`  ${" ".repeat(pad)}${view.note}`);
    lines.push(...rows);
  }
  lines.push("Times (ts, first_seen, last_seen, resolved_at) are ISO 8601 in the logs' wall clock.");
  return lines.join("\n");
}
