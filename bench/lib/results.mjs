// The results document (bench/results/latest.json) and its Markdown table (latest.md).

const MIB = 1024 * 1024;
export const mib = (bytes) => (bytes == null ? null : Math.round((bytes / MIB) * 10) / 10);
const number = (value, digits = 0) =>
  value == null ? "n/a" : Number(value).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ms) => (ms == null ? "n/a" : `${number(ms / 1000, 2)} s`);

/** PASS / MISS / n/a for each goal of issue 7, from the measured figures. */
export function judgeGoals(results) {
  const goals = [];
  const add = (id, goal, figure, pass, note = "") => goals.push({ id, goal, figure, verdict: pass === null ? "n/a" : pass ? "PASS" : "MISS", note });
  const analyze1m = results.analyze?.["1m"];
  const lnav = results.baselines?.lnav;
  if (analyze1m && lnav?.installed) {
    const ratio = analyze1m.wallMs / lnav.wallMs;
    results.ratioVsLnav = Math.round(ratio * 100) / 100;
    add("speed-vs-lnav", "analyze 1M lines / lnav headless ≤ 1.0, every line stored",
      `${number(ratio, 2)} (${seconds(analyze1m.wallMs)} vs ${seconds(lnav.wallMs)}); stored ${number(analyze1m.linesStored)} of ${number(analyze1m.lines)} lines`,
      ratio <= 1.0 && analyze1m.linesStored === analyze1m.lines);
  } else {
    add("speed-vs-lnav", "analyze 1M lines / lnav headless ≤ 1.0, every line stored", lnav?.installed === false ? "lnav not installed" : "not measured", null);
  }
  if (analyze1m) add("rss-1m", "peak RSS of analyze 1M < 300 MiB", `${number(mib(analyze1m.peakRssBytes), 1)} MiB`, analyze1m.peakRssBytes < 300 * MIB);
  const analyze10m = results.analyze?.["10m"];
  if (analyze1m && analyze10m) {
    add("rss-flat", "peak RSS of analyze 10M ≤ that of 1M (flat; +5% for GC timing)",
      `${number(mib(analyze10m.peakRssBytes), 1)} MiB vs ${number(mib(analyze1m.peakRssBytes), 1)} MiB`,
      analyze10m.peakRssBytes <= analyze1m.peakRssBytes * 1.05 && analyze10m.peakRssBytes < 300 * MIB);
  } else {
    add("rss-flat", "peak RSS of analyze 10M ≤ that of 1M (flat)", "10M run skipped", null);
  }
  const first = results.firstFinding;
  if (first?.analyze) {
    add("first-finding-analyze", "200k-line bundle, analyze: first finding stored < 1 s", `${seconds(first.analyze.firstFindingMs)} (${first.analyze.action ?? "no finding"})`,
      first.analyze.firstFindingMs !== null && first.analyze.firstFindingMs < 1000);
  }
  if (first?.watch) {
    add("first-finding-watch", "200k-line bundle, watch: first finding printed < 1 s", `${seconds(first.watch.firstFindingMs)} (${first.watch.action ?? "no finding"})`,
      first.watch.firstFindingMs !== null && first.watch.firstFindingMs < 1000);
  }
  const watch = results.watch;
  if (watch?.latencyMs) {
    add("watch-p99", "watch append-to-finding p99 < 1 s", `p50 ${number(watch.latencyMs.p50, 1)} ms, p99 ${number(watch.latencyMs.p99, 1)} ms`, watch.latencyMs.p99 < 1000);
    add("watch-idle", "watch idle CPU near zero (< 1 % of a core)", `${number(watch.idleCpuPercent, 2)} %`, watch.idleCpuPercent < 1);
  } else {
    add("watch-p99", "watch append-to-finding p99 < 1 s", watch?.error ?? "not measured", null);
  }
  return goals;
}

function table(header, rows) {
  // A "|" inside a cell (a regular expression in the profile) would split it: escape it.
  const line = (cells) => `| ${cells.map((cell) => String(cell).replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** The Markdown page: machine, goals with verdicts, throughput table with baselines, stages, profile. */
export function formatMarkdown(results) {
  const out = [];
  const machine = results.machine ?? {};
  out.push(`# mcadvisor benchmark results`, "");
  out.push(`Run ${results.date ?? "?"} with \`npm run bench\`${results.options?.skip10m ? " (10M step skipped)" : ""}. See docs/performance.md for what each figure means.`, "");
  out.push(table(["machine", ""], [
    ["CPU", `${machine.cpuModel ?? "?"}, ${machine.cores ?? "?"} cores`],
    ["RAM", `${number(mib(machine.memoryBytes) / 1024, 1)} GiB`],
    ["OS", machine.os ?? "?"],
    ["Node", machine.node ?? "?"],
    ["SQLite (better-sqlite3)", `${machine.sqlite ?? "?"} (${machine.betterSqlite3 ?? "?"})`],
    ["lnav", machine.lnav ?? "not installed"],
    ["load average at start / end", `${machine.loadStart ?? "?"} / ${machine.loadEnd ?? "?"}`],
    ["shared", machine.shared ?? "?"],
  ]), "");

  out.push("## Goals (issue 7)", "");
  out.push(table(["goal", "measured", "verdict"], (results.goals ?? []).map((goal) => [goal.goal, goal.figure, `**${goal.verdict}**`])), "");

  const rows = [];
  const addRow = (name, run, stores) => {
    if (!run) return;
    if (run.installed === false) {
      rows.push([name, "not installed", "", "", "", "", stores]);
      return;
    }
    rows.push([name, seconds(run.wallMs), number(run.linesPerSecond), number(run.mbPerSecond, 1), `${number(mib(run.peakRssBytes), 1)} MiB`,
      run.runs ? `${run.runs}` : "1", stores]);
  };
  addRow("`mcadvisor analyze` 1M lines", results.analyze?.["1m"], "every line + FTS + events + findings");
  addRow("`mcadvisor analyze` 10M lines", results.analyze?.["10m"], "every line + FTS + events + findings");
  addRow("lnav headless `SELECT count(*) FROM syslog_log`, 1M", results.baselines?.lnav, "index in memory");
  addRow("Node readline + 1 regex, 1M", results.baselines?.readline, "nothing");
  out.push("## Throughput (wall time is the median of the runs; whole process, start-up included)", "");
  out.push(table(["command", "wall", "lines/s", "MB/s", "peak RSS", "runs", "keeps"], rows), "");
  for (const [name, run] of Object.entries(results.analyze ?? {})) {
    const peak = run.rssPeak;
    if (!peak) continue;
    if (peak.ingestEndMs !== null) {
      out.push(`analyze ${name}: the database stopped growing at ${seconds(peak.ingestEndMs)} of ${seconds(peak.runMs ?? run.wallMs)} `
        + "(after that: correlation of the stored events, the findings stored, the JSON output).", "");
    }
    out.push(`RSS of analyze ${name} (sampled every 200 ms): highest ${number(mib(peak.sampledPeakRssBytes), 1)} MiB at ${seconds(peak.atMs)} with ${number(peak.databaseWrittenAtPeak * 100)} % of the database written; `
      + `max while ingesting ${number(mib(peak.maxRssDuringIngestBytes), 1)} MiB, after (correlation, output) ${number(mib(peak.maxRssAfterIngestBytes), 1)} MiB.`, "");
  }
  const database = results.analyze?.["1m"]?.database;
  if (database) {
    out.push(`Database: ${number(mib(database.bytes), 1)} MiB for ${number(results.analyze["1m"].lines)} lines = **${number(mib(database.bytesPerMillionLines), 1)} MiB per million lines** `
      + `(input ${number(mib(results.analyze["1m"].inputBytes), 1)} MiB; ${number(database.bytes / results.analyze["1m"].inputBytes, 2)}× the log).`, "");
  }

  const stages = results.stages;
  if (stages?.stages) {
    const total = Object.entries(stages.stages).filter(([name]) => !["header", "body"].includes(name)).reduce((sum, [, stage]) => sum + stage.ms, 0);
    const perLine = (ms) => number((ms * 1000) / stages.lines, 2);
    out.push(`## Time per stage (in-process, ${number(stages.lines)} lines; bench/stages.mjs)`, "");
    const stageRows = [
      ["read + frame (LineFramer)", stages.stages.readFrame],
      ["header parse (fast path / nearley)", stages.stages.header],
      ["body grammars (prefilter + nearley)", stages.stages.body],
      ["= file parser as analyze runs it", stages.stages.parse],
      ["store (Store.appendLines: lines, events, FTS, commits)", stages.stages.store],
      ["rules (correlateBundle: read events back, engine, findings)", stages.stages.rules],
    ].filter(([, stage]) => stage).map(([name, stage]) => [name, `${number(stage.ms)} ms`, stage.cpuMs == null ? "n/a" : `${number(stage.cpuMs)} ms`, perLine(stage.ms),
      ["header", "body"].some((key) => stages.stages[key] === stage) ? "(part of the parser)" : `${number((stage.ms / total) * 100, 0)} %`]);
    out.push(table(["stage", "wall", "CPU", "µs/line (wall)", "share of wall"], stageRows), "");
    const inside = stages.stages.store?.insideStatementsMs;
    if (inside) {
      out.push(`Store detail: ${Object.entries(inside).map(([name, value]) => `${name} ${number(value)} ms`).join(", ")}, outside the statements (BEGIN/COMMIT, WAL writes, checkpoints) ${number(stages.stages.store.outsideStatementsMs)} ms.`, "");
    }
  }
  if (results.sqliteFloor) {
    const floor = results.sqliteFloor;
    out.push(`SQLite floor (bench/sqlite-floor.mjs, ${number(floor.lines)} lines of the same file, one transaction, no parsing): `
      + `text only ${seconds(floor.plainMs)}, text + FTS5 ${seconds(floor.ftsMs)}.`, "");
  }

  const first = results.firstFinding;
  if (first) {
    out.push(`## First finding on the incident bundle (${number(first.lines)} lines, 4 nodes, ${first.incident})`, "");
    const firstRows = [];
    if (first.analyze) firstRows.push(["analyze: start to first finding row stored", seconds(first.analyze.firstFindingMs), `whole run ${seconds(first.analyze.wallMs)}`, first.analyze.action ?? "none"]);
    if (first.watch) firstRows.push(["watch (fresh copy): start to first finding printed", seconds(first.watch.firstFindingMs), `all lines stored ${seconds(first.watch.caughtUpMs)}`, first.watch.action ?? "none"]);
    out.push(table(["measure", "time", "context", "first finding"], firstRows), "");
  }
  const watch = results.watch;
  if (watch?.latencyMs) {
    out.push("## watch (bench/watch-latency.mjs)", "");
    out.push(table(["figure", "value"], [
      ["append → finding printed, p50 / p99 / max", `${number(watch.latencyMs.p50, 1)} / ${number(watch.latencyMs.p99, 1)} / ${number(watch.latencyMs.max, 1)} ms (${watch.latencyMs.samples} samples)`],
      ["idle CPU", `${number(watch.idleCpuPercent, 2)} % of one core`],
      ["sustained ingest", `${number(watch.throughput?.linesPerSecond)} lines/s (${number(watch.throughput?.lines)} lines appended at once)`],
    ]), "");
  }
  const profile = results.profile;
  if (profile?.functions) {
    out.push(`## CPU profile of \`analyze\` on ${profile.input} (node --cpu-prof, top self time of ${seconds(profile.totalMs)})`, "");
    out.push(table(["self", "function", "where"], profile.functions.map((entry) => [`${number(entry.selfPercent, 1)} %`, `\`${entry.name.slice(0, 60)}\``, `${entry.file}:${entry.line}`])), "");
  }
  if (results.notes?.length) out.push("## Notes", "", ...results.notes.map((note) => `- ${note}`), "");
  return `${out.join("\n")}\n`;
}
