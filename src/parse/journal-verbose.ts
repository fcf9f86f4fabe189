/**
`journalctl -o verbose`: each entry is a record line, the entry's time as journalctl shows it and its cursor
("Tue 2026-01-27 13:05:50.562007 CET [s=...;i=...;b=...;m=...;t=6495d71d0d6d7;x=...]"), then its fields one a line,
indented four spaces ("    SYSLOG_IDENTIFIER=cadgmon", "    MESSAGE=payhub_dg P-VOL PSUE ..."). The cursor's `t=` is
the entry's time in microseconds since the epoch (hex). Read line by line: the record line is read as a journal entry
with no message (it dates the lines under it), the MESSAGE line as the entry with the identifier and pid the fields
above it named (journald stores them before the message); the other fields carry no event. The entry's host comes
after its message: the file's node names it, else the host the entry before it named.
*/

/** The entry being read: its time, and what its fields above the message said. */
export interface JournalVerboseEntry {
  readonly microseconds: string;
  readonly program: string | null;
  readonly pid: string | null;
  /** The _HOSTNAME of the entries read so far (the last one). */
  readonly host: string | null;
}

const RECORD = /^\S+ \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? \S+ \[s=[0-9a-f]+;i=[0-9a-f]+;b=[0-9a-f]+;m=[0-9a-f]+;t=([0-9a-f]{1,15});x=[0-9a-f]+\]\s*$/;
const FIELD = /^ {4}([A-Z0-9_]+)=(.*)$/;

/** What a line of a verbose export is: `asJson`, the journal entry (`journalctl -o json`) to read it as, when it has one. */
export interface VerboseLine {
  readonly entry: JournalVerboseEntry | null;
  readonly asJson?: string;
}

/** A cheap look before the record line's expression: it ends with its cursor's "]". */
export function mayBeVerboseRecord(line: string): boolean {
  const last = line.charCodeAt(line.length - 1) === 13 ? line.length - 2 : line.length - 1;
  return last > 40 && line.charCodeAt(last) === 93; /* ] */
}

/** Whether the text's first line that is not empty is a verbose export's record line. */
export function headIsJournalVerbose(text: string): boolean {
  for (const line of text.split("\n", 20)) {
    if (line.trim() === "") continue;
    return RECORD.test(line.replace(/\r$/, ""));
  }
  return false;
}

/**
The line read as part of a verbose export, given the entry it is in (null outside one): undefined when it is none (a
line that is neither a record line nor, inside an entry, an indented field).
*/
export function readVerboseLine(line: string, entry: JournalVerboseEntry | null, hostHint: string | null): VerboseLine | undefined {
  const text = line.endsWith("\r") ? line.slice(0, -1) : line;
  const record = RECORD.exec(text);
  if (record !== null) {
    const microseconds = String(parseInt(record[1], 16));
    return {
      entry: { microseconds, program: null, pid: null, host: entry?.host ?? null },
      asJson: JSON.stringify({ __REALTIME_TIMESTAMP: microseconds, MESSAGE: "" }),
    };
  }
  if (entry === null) return undefined;
  const field = FIELD.exec(text);
  if (field === null) return undefined;
  const [, name, value] = field;
  switch (name) {
    case "SYSLOG_IDENTIFIER":
      return { entry: { ...entry, program: value } };
    case "SYSLOG_PID":
      return { entry: { ...entry, pid: value } };
    case "_HOSTNAME":
      return { entry: { ...entry, host: value } };
    case "MESSAGE": {
      const fields: Record<string, string> = { __REALTIME_TIMESTAMP: entry.microseconds };
      if (hostHint === null && entry.host !== null) fields._HOSTNAME = entry.host;
      if (entry.program !== null) fields.SYSLOG_IDENTIFIER = entry.program;
      if (entry.pid !== null) fields.SYSLOG_PID = entry.pid;
      fields.MESSAGE = value;
      return { entry, asJson: JSON.stringify(fields) };
    }
    default:
      return { entry };
  }
}
