/**
The read side shared by the presenters (text/JSON output, TUI, reports). Presenters never parse
logs; they read what analyze or watch stored.
*/
import type { SqliteDatabase } from "./db.js";
import type { Evidence, Finding, FindingStatus, Severity, SiteInfo, Step } from "../model/findings.js";
import type { FindingAcknowledgement } from "../model/acknowledgement.js";

export interface StoredFinding extends Finding {
  /** The incident bundle (correlation scope) the finding belongs to. */
  readonly bundle: string;
  readonly updatedAt: string;
  /** An operator's acknowledgement, when withAcknowledgements (store/acknowledgements.ts) attached one. */
  readonly acknowledgement?: FindingAcknowledgement;
}

interface FindingRow {
  id: string; bundle: string; rule: string; action: string; severity: Severity; status: FindingStatus; title: string;
  summary: string; package: string | null; device_group: string | null; node: string | null; site: string | null;
  first_seen: number; last_seen: number; resolved_at: number | null; check_first: string; steps: string; evidence: string;
  updated_at: string; site_info: string | null;
}

function toFinding(row: FindingRow): StoredFinding {
  return {
    id: row.id, bundle: row.bundle, rule: row.rule, action: row.action, severity: row.severity, status: row.status,
    title: row.title, summary: row.summary, package: row.package, deviceGroup: row.device_group, node: row.node, site: row.site,
    firstSeen: row.first_seen, lastSeen: row.last_seen, resolvedAt: row.resolved_at,
    checkFirst: JSON.parse(row.check_first) as string[], steps: JSON.parse(row.steps) as Step[],
    evidence: JSON.parse(row.evidence) as Evidence[], updatedAt: row.updated_at,
    siteInfo: row.site_info === null ? null : JSON.parse(row.site_info) as SiteInfo,
  };
}

export interface FindingFilter {
  /** Only these bundles (all when absent). */
  readonly bundles?: readonly string[];
  readonly status?: FindingStatus;
}

/** Most severe first, open before resolved, then oldest first: what needs attention longest comes first. */
export const findingOrder = `CASE status WHEN 'open' THEN 0 ELSE 1 END,
  CASE severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, first_seen, id`;

export function listFindings(database: SqliteDatabase, filter: FindingFilter = {}): StoredFinding[] {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  if (filter.bundles) {
    conditions.push(`bundle IN (${filter.bundles.map(() => "?").join(", ") || "NULL"})`);
    parameters.push(...filter.bundles);
  }
  if (filter.status) {
    conditions.push("status = ?");
    parameters.push(filter.status);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : "";
  const rows = database.prepare(`SELECT * FROM finding ${where} ORDER BY ${findingOrder}`).all(...parameters) as FindingRow[];
  return rows.map(toFinding);
}

export function getFinding(database: SqliteDatabase, id: string): StoredFinding | undefined {
  const row = database.prepare("SELECT * FROM finding WHERE id = ?").get(id) as FindingRow | undefined;
  return row ? toFinding(row) : undefined;
}

export interface InputTotals {
  readonly files: number;
  readonly lines: number;
  readonly events: number;
  /** Lines no header or configuration grammar recognised (stored all the same). */
  readonly unparsed: number;
}

/** Totals over the given files (by id), or over the whole database. */
export function inputTotals(database: SqliteDatabase, fileIds?: readonly number[]): InputTotals {
  const scope = fileIds ? `WHERE file_id IN (${fileIds.join(",") || "NULL"})` : "";
  const lines = database.prepare(`SELECT count(*) AS n, coalesce(sum(format = 'unknown'), 0) AS unparsed FROM line ${scope}`).get() as { n: number; unparsed: number };
  const events = database.prepare(`SELECT count(*) AS n FROM event ${scope}`).get() as { n: number };
  const files = fileIds ? fileIds.length : (database.prepare("SELECT count(*) AS n FROM file").get() as { n: number }).n;
  return { files, lines: lines.n, events: events.n, unparsed: lines.unparsed };
}
