/**
Operators' acknowledgements, one per finding id (table `acknowledgement`, migration 6). The presenters
read them attached to the findings (`withAcknowledgements`); `mcadvisor ack` and the TUI write them.

Writing while `watch` (or `analyze`) holds the writer lock is allowed: the lock keeps two rules engines
from feeding one findings table, and an acknowledgement never touches that table. It is one short write
transaction on its own table, which SQLite in WAL mode serialises with the writer's transactions
(busy_timeout), as `report` does with its one row. Only a database whose schema is older than this
mcadvisor's must be migrated first, and a migration is a writer's job: then the lock is taken as `analyze`
takes it, and refused while another writer runs.
*/
import { existsSync } from "node:fs";
import { StoreError, UsageError } from "../errors.js";
import { acknowledgementEffect, type Acknowledgement } from "../model/acknowledgement.js";
import type { Severity } from "../model/findings.js";
import { openDatabase, schemaVersionOf, type SqliteDatabase } from "./db.js";
import { acquireWriterLock } from "./lock.js";
import { schemaVersion } from "./schema.js";
import type { StoredFinding } from "./read.js";

interface AcknowledgementRow {
  finding_id: string;
  acknowledged_by: string;
  acknowledged_at: number;
  note: string;
  until: number | null;
  severity: Severity;
}

const toAcknowledgement = (row: AcknowledgementRow): Acknowledgement => ({
  findingId: row.finding_id,
  by: row.acknowledged_by,
  at: row.acknowledged_at,
  note: row.note,
  until: row.until,
  severity: row.severity,
});

/** A database written by an mcadvisor before acknowledgements (opened read-only, so not migrated) has none. */
function hasTable(database: SqliteDatabase): boolean {
  return database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'acknowledgement'").get() !== undefined;
}

/** Every acknowledgement, newest first. */
export function listAcknowledgements(database: SqliteDatabase): Acknowledgement[] {
  if (!hasTable(database)) return [];
  return (database.prepare("SELECT * FROM acknowledgement ORDER BY acknowledged_at DESC, finding_id").all() as AcknowledgementRow[]).map(toAcknowledgement);
}

/** The findings, each with its acknowledgement (and what it does at the real time `now`) when it has one. */
export function withAcknowledgements<T extends StoredFinding>(database: SqliteDatabase, findings: readonly T[], now: number = Date.now()): T[] {
  if (findings.length === 0 || !hasTable(database)) return [...findings];
  const byId = new Map(listAcknowledgements(database).map((acknowledgement) => [acknowledgement.findingId, acknowledgement]));
  return findings.map((finding) => {
    const acknowledgement = byId.get(finding.id);
    return acknowledgement ? { ...finding, acknowledgement: acknowledgementEffect(finding, acknowledgement, now) } : finding;
  });
}

export function acknowledgementOf(database: SqliteDatabase, findingId: string): Acknowledgement | undefined {
  if (!hasTable(database)) return undefined;
  const row = database.prepare("SELECT * FROM acknowledgement WHERE finding_id = ?").get(findingId) as AcknowledgementRow | undefined;
  return row ? toAcknowledgement(row) : undefined;
}

/** Stores (or replaces) the acknowledgement of its finding; true when it replaced one. */
export function saveAcknowledgement(database: SqliteDatabase, acknowledgement: Acknowledgement): boolean {
  return database
    .transaction(() => {
      const replaced = acknowledgementOf(database, acknowledgement.findingId) !== undefined;
      database
        .prepare(
          `INSERT INTO acknowledgement (finding_id, acknowledged_by, acknowledged_at, note, until, severity)
      VALUES (@findingId, @by, @at, @note, @until, @severity)
      ON CONFLICT (finding_id) DO UPDATE SET acknowledged_by = excluded.acknowledged_by, acknowledged_at = excluded.acknowledged_at,
        note = excluded.note, until = excluded.until, severity = excluded.severity`,
        )
        .run(acknowledgement);
      return replaced;
    })
    .immediate();
}

/** Removes a finding's acknowledgement; false when it had none. */
export function removeAcknowledgement(database: SqliteDatabase, findingId: string): boolean {
  if (!hasTable(database)) return false;
  return database.prepare("DELETE FROM acknowledgement WHERE finding_id = ?").run(findingId).changes > 0;
}

/**
The one id among `ids` that `typed` names: the whole id, or a prefix only one id has. An ambiguous prefix
and an unknown id are usage errors (exit 3) that say which ids there are.
*/
export function uniqueIdFor(typed: string, ids: readonly string[], what: { noun: string; describe: (id: string) => string; hint: string }): string {
  const wanted = typed.trim().toLowerCase();
  if (wanted === "") throw new UsageError(`give the ${what.noun} id (or the start of it)`, { hint: what.hint });
  if (ids.includes(wanted)) return wanted;
  const matching = ids.filter((id) => id.startsWith(wanted));
  if (matching.length === 1) return matching[0];
  if (matching.length === 0) throw new UsageError(`no ${what.noun} with an id starting with '${typed}'`, { hint: what.hint });
  const shown = matching
    .slice(0, 8)
    .map((id) => `\n  ${what.describe(id)}`)
    .join("");
  throw new UsageError(`'${typed}' is the start of ${matching.length} ${what.noun} ids:${shown}${matching.length > 8 ? "\n  ..." : ""}`, {
    hint: "give more of the id, enough that only one starts with it",
  });
}

export interface AcknowledgingDatabase {
  readonly database: SqliteDatabase;
  close(): void;
}

/**
Opens an existing database to write acknowledgements (see the module comment for why no writer lock is
needed, except to migrate an older schema first).
*/
export function openForAcknowledging(path: string): AcknowledgingDatabase {
  if (!existsSync(path)) {
    throw new StoreError(`no database at ${path}`, {
      hint: "acknowledge findings in the database analyze or watch wrote: run `mcadvisor analyze PATH...` first, or point --db at it",
    });
  }
  // The version alone, read without opening it as a reader (a reader refuses an older schema).
  const version = schemaVersionOf(path);
  if (version >= schemaVersion) {
    const database = openDatabase(path);
    return { database, close: () => database.close() };
  }
  let lock: ReturnType<typeof acquireWriterLock>;
  try {
    lock = acquireWriterLock(path, "ack (upgrading the database's schema)");
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    throw new StoreError(`${error.message}, and its schema is older than this mcadvisor's`, {
      hint: "acknowledging must first upgrade the schema, which only the one writer may do: restart watch with this mcadvisor (it upgrades the database), then acknowledge",
      cause: error,
    });
  }
  try {
    const database = openDatabase(path);
    return {
      database,
      close() {
        database.close();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}
