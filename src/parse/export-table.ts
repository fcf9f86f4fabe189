/**
A log platform's export as a table (Splunk's "Export results" as CSV, Kibana's and Graylog's CSV, a SIEM's): a header
row naming the columns, then one record a line (RFC 4180: a field in double quotes may hold the separator, a quote is
doubled inside). Each record is read as the JSON object of its columns, which the syslog grammar reads as a platform's
event (grammars/syslog.ne: the original line when the export kept it, else the message at the export's time). Tab- and
semicolon-separated exports too. A record a message broke over several lines is not joined (kept as text).
*/

export interface ExportTable {
  readonly separator: string;
  readonly columns: readonly string[];
}

const SEPARATORS = [",", "\t", ";", "|"];
// A column's name: a word, dotted or with @ (_time, @timestamp, host.name, "Source Host").
const COLUMN_NAME = /^[A-Za-z_@][\w.@ -]{0,63}$/;

/** The fields of one record, or null when its quotes do not close on this line. */
export function tableRecord(line: string, separator: string): string[] | null {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  let at = 0;
  for (; at < line.length; at++) {
    const char = line[at];
    if (quoted) {
      if (char === '"' && line[at + 1] === '"') {
        field += '"';
        at++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (char === separator) {
      fields.push(field);
      field = "";
    } else field += char;
  }
  if (quoted) return null;
  fields.push(field.replace(/\r$/, ""));
  return fields;
}

/** The table a header row opens (two columns or more, every one a column's name), or null. */
export function tableHeader(line: string): ExportTable | null {
  for (const separator of SEPARATORS) {
    if (!line.includes(separator)) continue;
    const columns = tableRecord(line, separator);
    if (columns === null || columns.length < 2) continue;
    const names = columns.map((column) => column.trim());
    if (names.every((name) => COLUMN_NAME.test(name))) return { separator, columns: names };
  }
  return null;
}

/** A record as the JSON object of its columns (the names as exported), or null when it has another number of fields. */
export function recordAsJson(table: ExportTable, line: string): string | null {
  const values = tableRecord(line, table.separator);
  if (values === null || values.length !== table.columns.length) return null;
  const record: Record<string, string> = {};
  table.columns.forEach((column, index) => {
    record[column] = values[index];
  });
  return JSON.stringify(record);
}
