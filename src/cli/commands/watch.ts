import type { Command } from "commander";
import { whenStandardOutputCloses } from "../output.js";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { openDatabase } from "../../store/db.js";
import { acquireWriterLock } from "../../store/lock.js";
import { Store } from "../../store/store.js";
import { defaultTargets, explicitTargets, startLive } from "../../pipeline/live.js";
import { changeRecord, jsonLine, openEmission } from "../../present/emit/index.js";
import { sanitizeForTerminal } from "../../present/sanitize.js";
import { formatFindingTime } from "../../model/time.js";
import type { LiveChange } from "../../pipeline/live-findings.js";
import type { Finding } from "../../model/findings.js";
import { version } from "../../version.js";
import { supersededNote } from "../../present/set-aside.js";
import {
  collect,
  databaseFlag,
  databasePath,
  emitTargets,
  formatOption,
  loadRulesOrFail,
  rulesFlag,
  type SharedFlags,
  siteFlag,
  siteOptions,
  sitesFlag,
  timeZoneFlag,
  timeZoneOption,
  nodeTimeZoneFlag,
  nodeTimeZoneOption,
  yearFlag,
  yearOption,
} from "../options.js";

interface WatchFlags extends SharedFlags {
  root?: string;
  format?: string;
  poll?: boolean;
  emit?: string[];
}

/** One compact block per change: what, how bad, where, and the first command to run. */
function renderChangeText(change: LiveChange, finding: Finding, timeZone: string | undefined): string {
  const clean = sanitizeForTerminal;
  const scope = [
    finding.package && `package ${finding.package}`,
    finding.deviceGroup && `device group ${finding.deviceGroup}`,
    finding.node && `node ${finding.node}`,
  ]
    .filter(Boolean)
    .join(", ");
  const when = change === "resolved" && finding.resolvedAt !== null ? finding.resolvedAt : finding.lastSeen;
  const lines = [
    `${formatFindingTime(when, timeZone)} ${change.toUpperCase()} ${finding.severity.toUpperCase()} [${finding.action}] ${clean(finding.title)} (${finding.id})`,
  ];
  if (scope) lines.push(`  ${clean(scope)}`);
  if (change === "withdrawn") {
    lines.push(
      "  no longer holds: the lines read so far, taken in the logs' order as analyze takes them, do not give it (a more specific finding may cover it); close it",
    );
    return `${lines.join("\n")}\n`;
  }
  lines.push(`  ${clean(finding.summary)}`);
  const first = finding.steps[0];
  if (change === "superseded") {
    lines.push(`  ${clean(supersededNote(finding))}`);
    return `${lines.join("\n")}\n`;
  }
  if (change !== "resolved" && first) lines.push(`  first step on ${clean(first.where)}: ${clean(first.command)}`);
  return `${lines.join("\n")}\n`;
}

export function register(program: Command): void {
  program
    .command("watch")
    .description("follow syslog and package logs as they are written, store every line and print findings as they open, escalate or resolve")
    .argument(
      "[paths...]",
      "files or folders to follow (default: ROOT/var/adm/syslog/syslog.log and ROOT/etc/cmcluster/; on Linux also ROOT/var/log/messages and $SGCONF, $SGRUN/log under /usr/local/cmcluster or /opt/cmcluster, when present)",
    )
    .addOption(databaseFlag("store"))
    .option("--root <dir>", "prefix of the default paths (a mounted or copied node tree)", "/")
    .option("--format <format>", "text (default) or json (one JSON object per line)")
    .option("--poll", "poll files instead of inotify (NFS, CIFS)")
    .addOption(yearFlag({ reference: "now" }))
    .addOption(timeZoneFlag())
    .addOption(nodeTimeZoneFlag())
    .addOption(rulesFlag())
    .option("--emit <target>", "also send each finding change on: syslog://HOST:PORT (UDP), syslog+tcp://HOST:PORT or jsonl:FILE (repeatable)", collect)
    .addOption(siteFlag())
    .addOption(sitesFlag())
    .action(async (paths: string[], flags: WatchFlags) => {
      const format = formatOption(flags.format, ["text", "json"], "text");
      const timeZone = timeZoneOption(flags.tz);
      const nodeZones = nodeTimeZoneOption(flags.nodeTz);
      const fixedYear = yearOption(flags.year);
      const emitTo = emitTargets(flags.emit, format);
      const rules = loadRulesOrFail(flags.rules);
      const sites = siteOptions(flags.site, flags.sites);
      const emission = emitTo.length > 0 ? openEmission(emitTo, { version, timeZone }) : null;
      const path = databasePath(flags.db);
      const lock = acquireWriterLock(path, "watch");
      const store = new Store(openDatabase(path));
      const targets = paths.length > 0 ? explicitTargets(paths) : defaultTargets(flags.root ?? "/");
      // Followed anyway (a node tree being copied in, a mount not up yet), but a typo must not wait in silence.
      const missing =
        paths.length > 0
          ? paths.filter((target) => !existsSync(target)).map((target) => `${target} does not exist (yet)`)
          : existsSync(flags.root ?? "/")
            ? []
            : [`--root ${resolve(flags.root ?? "/")} does not exist (yet)`];
      for (const message of missing)
        process.stderr.write(`mcadvisor: ${sanitizeForTerminal(message)}: nothing is read from it until it appears; check the path\n`);
      try {
        const session = startLive({
          store,
          rules,
          sites,
          targets,
          timeZone,
          nodeZones,
          fixedYear,
          poll: flags.poll ?? false,
          // A diagnostic knob, not an option: the test harness turns the sweep off (docs/decisions.md).
          safetySweepSeconds: process.env.MCADVISOR_WATCH_SWEEP_SECONDS ? Number(process.env.MCADVISOR_WATCH_SWEEP_SECONDS) : undefined,
          onChange: (change, finding, bundle) => {
            if (format === "json") {
              process.stdout.write(jsonLine(changeRecord({ change, finding, bundle }, { version, timeZone })));
            } else {
              process.stdout.write(renderChangeText(change, finding, timeZone));
            }
            emission?.emit({ change, finding, bundle });
          },
          onProblem: (message) => process.stderr.write(`mcadvisor: ${sanitizeForTerminal(message)}\n`),
        });
        const stopSignal = new Promise<string>((resolveStop) => {
          process.once("SIGINT", () => resolveStop("SIGINT"));
          process.once("SIGTERM", () => resolveStop("SIGTERM"));
          // The reader of the changes went away (`watch | head`): nobody is told anything more, unless --emit
          // delivers them elsewhere.
          if (!emitTo.some((target) => target.kind !== "jsonl" || target.path !== "-")) whenStandardOutputCloses(() => resolveStop("closed output"));
        });
        await session.ready;
        const watched = [...targets.files, ...targets.directories].map((target) => sanitizeForTerminal(target)).join(", ");
        process.stderr.write(`mcadvisor: watching ${watched} (database ${sanitizeForTerminal(path)}); stop with Ctrl-C\n`);
        await stopSignal;
        await session.stop();
        await emission?.close(); // the last changes are delivered (bounded wait) before "stopped"
        process.stderr.write("mcadvisor: stopped\n");
        process.exitCode = 0;
      } finally {
        store.close();
        lock.release();
      }
    });
}
