import type { Command } from "commander";
import { userInfo } from "node:os";
import { UsageError } from "../../errors.js";
import { openDatabase } from "../../store/db.js";
import { getFinding, listFindings, type StoredFinding } from "../../store/read.js";
import type { SqliteDatabase } from "../../store/db.js";
import {
  acknowledgementOf,
  listAcknowledgements,
  openForAcknowledging,
  removeAcknowledgement,
  saveAcknowledgement,
  uniqueIdFor,
} from "../../store/acknowledgements.js";
import {
  acknowledgementEffect,
  describeAcknowledgement,
  formatLocalInstant,
  parseAcknowledgementUntil,
  UNTIL_FORMS,
  type Acknowledgement,
} from "../../model/acknowledgement.js";
import { sanitizeForTerminal } from "../../present/sanitize.js";
import { renderTable } from "../../present/table.js";
import { databaseFlag, databasePath, formatOption } from "../options.js";

interface AckFlags {
  db?: string;
  note?: string;
  until?: string;
  by?: string;
  list?: boolean;
  format?: string;
}

/** Who acknowledges: the OS user, or the one who ran sudo (root says nothing about who handles it). */
export function currentOperator(environment: NodeJS.ProcessEnv = process.env): string {
  let name: string | undefined;
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry for this uid (a container): fall back on the environment
  }
  if ((name === "root" || name === undefined) && environment.SUDO_USER) return environment.SUDO_USER;
  return name ?? environment.USER ?? environment.LOGNAME ?? "unknown";
}

const findingLine = (finding: StoredFinding): string =>
  `${finding.id}  ${finding.severity.toUpperCase()} ${finding.status} [${finding.action}] ${sanitizeForTerminal(finding.title)}`;

/** The finding `typed` names among the stored ones (whole id or a unique prefix). */
export function findingNamed(findings: readonly StoredFinding[], typed: string): StoredFinding {
  const byId = new Map(findings.map((finding) => [finding.id, finding]));
  const id = uniqueIdFor(typed, [...byId.keys()], {
    noun: "finding",
    describe: (candidate) => findingLine(byId.get(candidate) as StoredFinding),
    hint: 'the ids are in `mcadvisor analyze --format json` (findings[].id), the TUI\'s detail, or `mcadvisor query "SELECT id, action, title FROM findings"`',
  });
  return byId.get(id) as StoredFinding;
}

export interface AcknowledgeRequest {
  readonly note: string;
  readonly until: number | null;
  readonly by: string;
  readonly at: number;
}

/** The acknowledgement of `finding`, checked: a note is required and only an open finding can be acknowledged. */
export function acknowledgementFor(finding: StoredFinding, request: AcknowledgeRequest): Acknowledgement {
  const note = request.note.trim();
  if (note === "")
    throw new UsageError('an acknowledgement needs a note: --note "what is being done, by whom"', {
      hint: "the note is what the next operator reads beside the finding",
    });
  if (finding.status !== "open") {
    throw new UsageError(`finding ${finding.id} is ${finding.status}: there is nothing to acknowledge`, { hint: "only open findings raise the exit status" });
  }
  return { findingId: finding.id, by: request.by.trim() || "unknown", at: request.at, note, until: request.until, severity: finding.severity };
}

/**
What the TUI's `a` key writes with: each call opens the database for one short write (as `ack` does,
beside a running watch) and closes it, so the TUI itself stays a reader.
*/
export function acknowledgementWriter(path: string, by: string = currentOperator()) {
  const withDatabase = <T>(work: (database: SqliteDatabase) => T): T => {
    const target = openForAcknowledging(path);
    try {
      return work(target.database);
    } finally {
      target.close();
    }
  };
  return {
    acknowledge(findingId: string, note: string, until: number | null, at: number = Date.now()): void {
      withDatabase((database) => {
        const finding = getFinding(database, findingId);
        if (!finding) throw new UsageError(`finding ${findingId} is no longer stored`);
        saveAcknowledgement(database, acknowledgementFor(finding, { note, until, by, at }));
      });
    },
    unacknowledge(findingId: string): void {
      withDatabase((database) => {
        if (!removeAcknowledgement(database, findingId)) throw new UsageError(`finding ${findingId.slice(0, 8)} is not acknowledged`);
      });
    },
  };
}

function listText(acknowledgements: readonly Acknowledgement[], findings: Map<string, StoredFinding>, now: number): string {
  if (acknowledgements.length === 0) return "No acknowledgements.\n";
  const rows = acknowledgements.map((acknowledgement) => {
    const finding = findings.get(acknowledgement.findingId);
    const effect = finding ? acknowledgementEffect(finding, acknowledgement, now) : null;
    return {
      FINDING: acknowledgement.findingId,
      NOW:
        effect === null
          ? "finding gone"
          : effect.active
            ? "in effect"
            : effect.lapsed === "expired"
              ? "expired"
              : effect.lapsed === "severity-rose"
                ? `rose to ${finding?.severity}`
                : finding?.status,
      SEVERITY: finding ? finding.severity : acknowledgement.severity,
      BY: acknowledgement.by,
      AT: formatLocalInstant(acknowledgement.at),
      UNTIL: acknowledgement.until === null ? "resolved" : formatLocalInstant(acknowledgement.until),
      NOTE: acknowledgement.note,
      TITLE: finding ? `[${finding.action}] ${finding.title}` : "",
    };
  });
  return renderTable(rows, ["FINDING", "NOW", "SEVERITY", "BY", "AT", "UNTIL", "NOTE", "TITLE"], 70);
}

function listJson(acknowledgements: readonly Acknowledgement[], findings: Map<string, StoredFinding>, now: number): string {
  const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
  const document = acknowledgements.map((acknowledgement) => {
    const finding = findings.get(acknowledgement.findingId);
    const effect = finding ? acknowledgementEffect(finding, acknowledgement, now) : null;
    return {
      findingId: acknowledgement.findingId,
      by: acknowledgement.by,
      at: iso(acknowledgement.at),
      note: acknowledgement.note,
      until: iso(acknowledgement.until),
      severity: acknowledgement.severity,
      active: effect?.active ?? false,
      lapsed: effect === null ? "finding-gone" : effect.lapsed,
      finding: finding ? { severity: finding.severity, status: finding.status, action: finding.action, title: finding.title, bundle: finding.bundle } : null,
    };
  });
  return `${JSON.stringify(document, null, 2)}\n`;
}

export function register(program: Command): void {
  program
    .command("ack")
    .description(
      "acknowledge a finding (known, being handled): it is still shown, marked, but no longer raises the exit status of analyze and report until --until, until its severity rises, or until it resolves",
    )
    .argument("[finding-id]", "the finding's id, or enough of its start to name only one")
    .option("--note <text>", "what is being done and by whom (required)")
    .option("--until <time>", `when it ends, on the clock on the wall: ${UNTIL_FORMS}; default: while the finding stays open`)
    .option("--by <name>", "who acknowledges (default: the OS user, or sudo's caller)")
    .option("--list", "list the acknowledgements and whether each is still in effect")
    .option("--format <format>", "with --list: text (default) or json")
    .addOption(databaseFlag("read"))
    .action((typed: string | undefined, flags: AckFlags) => {
      const path = databasePath(flags.db);
      const now = Date.now();
      if (flags.list) {
        if (typed !== undefined || flags.note !== undefined || flags.until !== undefined) {
          throw new UsageError("--list takes no finding id, --note or --until", { hint: "mcadvisor ack --list, or mcadvisor ack FINDING-ID --note TEXT" });
        }
        const format = formatOption(flags.format, ["text", "json"], "text");
        const database = openDatabase(path, { readonly: true });
        try {
          const findings = new Map(listFindings(database).map((finding) => [finding.id, finding]));
          const acknowledgements = listAcknowledgements(database);
          process.stdout.write(format === "json" ? listJson(acknowledgements, findings, now) : listText(acknowledgements, findings, now));
        } finally {
          database.close();
        }
        return;
      }
      if (flags.format !== undefined) throw new UsageError("--format goes with --list");
      if (typed === undefined) throw new UsageError("ack needs a finding id (or --list)", { hint: 'mcadvisor ack FINDING-ID --note "TEXT" [--until 4h]' });
      if (flags.note === undefined)
        throw new UsageError("ack needs --note: what is being done and by whom", { hint: 'mcadvisor ack FINDING-ID --note "TEXT" [--until 4h]' });
      let until: number | null = null;
      if (flags.until !== undefined) {
        const parsed = parseAcknowledgementUntil(flags.until, now);
        if ("error" in parsed) throw new UsageError(parsed.error, { hint: "a time without an offset is read on this machine's clock (TZ)" });
        until = parsed.until;
      }
      const target = openForAcknowledging(path);
      try {
        const finding = findingNamed(listFindings(target.database), typed);
        const acknowledgement = acknowledgementFor(finding, { note: flags.note, until, by: flags.by ?? currentOperator(), at: now });
        const replaced = saveAcknowledgement(target.database, acknowledgement);
        const effect = acknowledgementEffect(finding, acknowledgement, now);
        process.stdout.write(
          `${replaced ? "acknowledgement replaced" : "acknowledged"}: ${findingLine(finding)}\n  ${sanitizeForTerminal(describeAcknowledgement(effect))}\n`,
        );
      } finally {
        target.close();
      }
    });

  program
    .command("unack")
    .description("remove a finding's acknowledgement: it raises the exit status again")
    .argument("<finding-id>", "the finding's id, or enough of its start to name only one acknowledged finding")
    .addOption(databaseFlag("read"))
    .action((typed: string, flags: { db?: string }) => {
      const target = openForAcknowledging(databasePath(flags.db));
      try {
        const acknowledged = listAcknowledgements(target.database);
        const findings = new Map(listFindings(target.database).map((finding) => [finding.id, finding]));
        const wanted = typed.trim().toLowerCase();
        if (wanted !== "" && !acknowledged.some((acknowledgement) => acknowledgement.findingId.startsWith(wanted))) {
          const named = [...findings.keys()].filter((id) => id.startsWith(wanted));
          if (named.length === 1)
            throw new UsageError(`finding ${named[0]} is not acknowledged: nothing to remove`, { hint: "mcadvisor ack --list shows the acknowledgements" });
        }
        const id = uniqueIdFor(
          typed,
          acknowledged.map((acknowledgement) => acknowledgement.findingId),
          {
            noun: "acknowledged finding",
            describe: (candidate) => {
              const finding = findings.get(candidate);
              return finding ? findingLine(finding) : `${candidate}  (finding no longer stored)`;
            },
            hint: "mcadvisor ack --list shows the acknowledged findings",
          },
        );
        const before = acknowledgementOf(target.database, id) as Acknowledgement;
        removeAcknowledgement(target.database, id);
        const finding = findings.get(id);
        process.stdout.write(
          `acknowledgement removed: ${finding ? findingLine(finding) : id}\n  was by ${sanitizeForTerminal(before.by)}: ${sanitizeForTerminal(before.note)}\n`,
        );
      } finally {
        target.close();
      }
    });
}
