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
    add(
      "speed-vs-lnav",
      "analyze 1M lines / lnav headless ≤ 1.0, every line stored",
      `${number(ratio, 2)} (${seconds(analyze1m.wallMs)} vs ${seconds(lnav.wallMs)}); stored ${number(analyze1m.linesStored)} of ${number(analyze1m.lines)} lines`,
      ratio <= 1.0 && analyze1m.linesStored === analyze1m.lines,
    );
  } else {
    add("speed-vs-lnav", "analyze 1M lines / lnav headless ≤ 1.0, every line stored", lnav?.installed === false ? "lnav not installed" : "not measured", null);
  }
  if (analyze1m) add("rss-1m", "peak RSS of analyze 1M < 300 MiB", `${number(mib(analyze1m.peakRssBytes), 1)} MiB`, analyze1m.peakRssBytes < 300 * MIB);
  const analyze10m = results.analyze?.["10m"];
  if (analyze1m && analyze10m) {
    add(
      "rss-flat",
      "peak RSS of analyze 10M ≤ that of 1M (flat; +5% for GC timing)",
      `${number(mib(analyze10m.peakRssBytes), 1)} MiB vs ${number(mib(analyze1m.peakRssBytes), 1)} MiB`,
      analyze10m.peakRssBytes <= analyze1m.peakRssBytes * 1.05 && analyze10m.peakRssBytes < 300 * MIB,
    );
  } else {
    add("rss-flat", "peak RSS of analyze 10M ≤ that of 1M (flat)", "10M run skipped", null);
  }
  const first = results.firstFinding;
  if (first?.analyze) {
    add(
      "first-finding-analyze",
      "200k-line bundle, analyze: first finding stored < 1 s",
      `${seconds(first.analyze.firstFindingMs)} (${first.analyze.action ?? "no finding"})`,
      first.analyze.firstFindingMs !== null && first.analyze.firstFindingMs < 1000,
    );
  }
  if (first?.watch) {
    add(
      "first-finding-watch",
      "200k-line bundle, watch: first finding printed < 1 s",
      `${seconds(first.watch.firstFindingMs)} (${first.watch.action ?? "no finding"})`,
      first.watch.firstFindingMs !== null && first.watch.firstFindingMs < 1000,
    );
  }
  const watch = results.watch;
  if (watch?.latencyMs) {
    add(
      "watch-p99",
      "watch append-to-finding p99 < 1 s",
      `p50 ${number(watch.latencyMs.p50, 1)} ms, p99 ${number(watch.latencyMs.p99, 1)} ms`,
      watch.latencyMs.p99 < 1000,
    );
    add("watch-idle", "watch idle CPU near zero (< 1 % of a core)", `${number(watch.idleCpuPercent, 2)} %`, watch.idleCpuPercent < 1);
  } else {
    add("watch-p99", "watch append-to-finding p99 < 1 s", watch?.error ?? "not measured", null);
  }
  return goals;
}

const ratioText = (ratio) => (ratio == null ? "n/a" : `${number(ratio, 2)}×`);

/**
The target table of issue 14: each figure measured in this run beside lnav on the same files (runs
alternate), with the value before the change as the issue states it.
*/
export function judgeTargets(results) {
  const rows = [];
  const add = (id, figure, before, target, measured, pass) =>
    rows.push({ id, figure, before, target, measured, verdict: pass === null ? "n/a" : pass ? "PASS" : "MISS" });
  const run = (name) => results.analyze?.[name];
  const versus = (name, limit, label, before) => {
    const analyze = run(name);
    if (!analyze) return add(`${name}-vs-lnav`, label, before, `≤ ${number(limit, 1)}×`, "not measured", null);
    if (!analyze.lnav) return add(`${name}-vs-lnav`, label, before, `≤ ${number(limit, 1)}×`, `${seconds(analyze.wallMs)}; lnav not installed`, null);
    add(
      `${name}-vs-lnav`,
      label,
      before,
      `≤ ${number(limit, 1)}×`,
      `**${ratioText(analyze.ratioVsLnav)}** (${seconds(analyze.wallMs)} vs lnav ${seconds(analyze.lnav.wallMs)}, median of ${analyze.runs})`,
      analyze.ratioVsLnav <= limit,
    );
  };
  versus("1m", 1.0, "analyze 1M-line syslog / lnav", "7.5-11×");
  versus("1m-worker", 1.0, "the same with the parse worker forced (MCADVISOR_PARSE_THREAD=worker; auto uses it only on a free core)", "-");
  versus("10m", 0.9, "analyze 10M / lnav", "not measured");
  versus("samples", 1.0, "analyze of samples/ / lnav on the same files", "6.3× (2.17 s vs 0.33 s)");
  const rss1m = run("1m")?.peakRssBytes;
  const rss10m = run("10m")?.peakRssBytes;
  add(
    "rss",
    "peak RSS, 1M and 10M",
    "224 / 209 MiB",
    "< 200 MiB, flat",
    `${number(mib(rss1m), 1)} / ${rss10m ? number(mib(rss10m), 1) : "n/a"} MiB (lnav ${number(mib(run("1m")?.lnav?.peakRssBytes), 1)} / ${rss10m ? number(mib(run("10m")?.lnav?.peakRssBytes), 1) : "n/a"} MiB)`,
    rss1m == null ? null : rss1m < 200 * MIB && (rss10m == null || (rss10m < 200 * MIB && rss10m <= rss1m * 1.05)),
  );
  const database = run("1m")?.database;
  add(
    "database",
    "database size per 1M lines (search index included)",
    "258 MiB",
    "< 100 MiB",
    database?.withSearchIndexPerMillionLines
      ? `${number(mib(database.withSearchIndexPerMillionLines), 1)} MiB (${number(mib(database.bytesPerMillionLines), 1)} MiB before the first search)`
      : "not measured",
    database?.withSearchIndexPerMillionLines ? database.withSearchIndexPerMillionLines < 100 * MIB : null,
  );
  const first = results.firstFinding;
  add(
    "first-finding",
    "200k-line bundle: first finding, analyze / watch",
    "1.66 s / 0.35 s",
    "< 1 s / < 0.5 s",
    first ? `${seconds(first.analyze?.firstFindingMs)} / ${seconds(first.watch?.firstFindingMs)}` : "not measured",
    first?.analyze?.firstFindingMs != null && first?.watch?.firstFindingMs != null
      ? first.analyze.firstFindingMs < 1000 && first.watch.firstFindingMs < 500
      : null,
  );
  const watch = results.watch;
  add(
    "watch-p99",
    "watch append → finding p99",
    "42.6 ms",
    "< 50 ms",
    watch?.latencyMs ? `${number(watch.latencyMs.p99, 1)} ms (p50 ${number(watch.latencyMs.p50, 1)} ms)` : "not measured",
    watch?.latencyMs ? watch.latencyMs.p99 < 50 : null,
  );
  const append = results.appendLatency;
  if (append?.p99Ms !== undefined) {
    add(
      "append",
      "watch: one appended line stored (the open last block rewritten, checkpoint, commit)",
      "-",
      "p99 < 1 ms (issue: 0.43 ms)",
      `p50 ${number(append.p50Ms, 2)} ms, p99 ${number(append.p99Ms, 2)} ms (${number(append.appends)} appends, ${number(append.over1Ms)} over 1 ms)`,
      append.p99Ms < 1,
    );
  }
  const search = results.search;
  if (search?.before) {
    const worst = (side) => Math.max(side.tuiNoMatch.ms, side.queryNoMatch.ms);
    add(
      "search",
      "search of 1M lines (TUI / query), before and after the search index",
      "-",
      "< 0.3 s / < 10 ms",
      `${number(search.before.tuiNoMatch.ms, 0)} / ${number(search.before.queryNoMatch.ms, 0)} ms before; ${number(search.after.tuiNoMatch.ms, 1)} / ${number(search.after.queryNoMatch.ms, 1)} ms after (a word no line holds: every line visited)`,
      worst(search.before) < 300 && worst(search.after) < 10,
    );
  } else {
    add("search", "search of 1M lines (TUI / query), before and after the search index", "-", "< 0.3 s / < 10 ms", search?.error ?? "not measured", null);
  }
  const startup = results.startup;
  if (startup) {
    add(
      "startup",
      "start-up: `--version` / `analyze` of a one-line bundle",
      "0.21-0.26 s / 0.41-0.44 s",
      "well under 0.3 s",
      `${seconds(startup.version.wallMs)} / ${seconds(startup.analyzeOneLine.wallMs)} (node alone ${seconds(startup.node?.wallMs)})`,
      startup.version.wallMs < 300 && startup.analyzeOneLine.wallMs < 300,
    );
  }
  return rows;
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
  out.push(
    `Run ${results.date ?? "?"} with \`npm run bench\`${results.options?.skip10m ? " (10M step skipped)" : ""}. See docs/performance.md for what each figure means.`,
    "",
  );
  out.push(
    table(
      ["machine", ""],
      [
        ["CPU", `${machine.cpuModel ?? "?"}, ${machine.cores ?? "?"} cores`],
        ["RAM", `${number(mib(machine.memoryBytes) / 1024, 1)} GiB`],
        ["OS", machine.os ?? "?"],
        ["Node", machine.node ?? "?"],
        ["SQLite (better-sqlite3)", `${machine.sqlite ?? "?"} (${machine.betterSqlite3 ?? "?"})`],
        ["lnav", machine.lnav ?? "not installed"],
        ["load average at start / end", `${machine.loadStart ?? "?"} / ${machine.loadEnd ?? "?"}`],
        ["shared", machine.shared ?? "?"],
      ],
    ),
    "",
  );

  const targets = results.targets ?? judgeTargets(results);
  out.push("## Targets (issue 14), side by side with lnav in the same run", "");
  out.push(
    table(
      ["figure", "before", "target", "measured", "verdict"],
      targets.map((row) => [row.figure, row.before, row.target, row.measured, `**${row.verdict}**`]),
    ),
    "",
  );
  const search = results.search;
  if (search?.before) {
    const cell = (entry) => `${number(entry.ms, entry.ms < 10 ? 2 : 0)} ms`;
    out.push("Search and read-back on the 1M database (bench/search.mjs, in-process, median of the runs):", "");
    out.push(
      table(
        ["question", "before the search index", "after"],
        [
          [
            `Logs view: next match of a rare word (\`${search.before.tuiFirstMatch.word}\`)`,
            cell(search.before.tuiFirstMatch),
            cell(search.after.tuiFirstMatch),
          ],
          [`Logs view: a word no line holds (\`${search.before.tuiNoMatch.word}\`)`, cell(search.before.tuiNoMatch), cell(search.after.tuiNoMatch)],
          ["query: `SELECT count(*) FROM log_search(...)`, the rare word", cell(search.before.queryAllMatches), cell(search.after.queryAllMatches)],
          ["query: log_search, the word no line holds", cell(search.before.queryNoMatch), cell(search.after.queryNoMatch)],
        ],
      ),
      "",
    );
    out.push(
      `Building the search index: ${seconds(search.build.ms)}, ${number(mib(search.build.indexBytes), 1)} MiB. ` +
        `One hour (from ${search.hour.since}): the report's count of its lines ${cell(search.hour.storeApi)} (block time index; ${number(search.hour.storeApi.firstMs ?? search.hour.storeApi.ms, 0)} ms the first time), the same in SQL through log_lines ${cell(search.hour.sql)} (every block decoded); ` +
        `\`log_lines WHERE file = ?\` ${cell(search.oneFile)}; every line through log_lines ${cell(search.everyLine)}.`,
      "",
    );
  }

  out.push("## Goals (issue 7)", "");
  out.push(
    table(
      ["goal", "measured", "verdict"],
      (results.goals ?? []).map((goal) => [goal.goal, goal.figure, `**${goal.verdict}**`]),
    ),
    "",
  );

  const rows = [];
  const addRow = (name, run, stores) => {
    if (!run) return;
    if (run.installed === false) {
      rows.push([name, "not installed", "", "", "", "", stores]);
      return;
    }
    rows.push([
      name,
      seconds(run.wallMs),
      number(run.linesPerSecond),
      number(run.mbPerSecond, 1),
      `${number(mib(run.peakRssBytes), 1)} MiB`,
      run.runs ? `${run.runs}` : "1",
      stores,
    ]);
  };
  addRow("`mcadvisor analyze` 1M lines", results.analyze?.["1m"], "every line (blocks) + events + findings");
  addRow("`mcadvisor analyze` 10M lines", results.analyze?.["10m"], "every line (blocks) + events + findings");
  addRow("lnav headless `SELECT count(*) FROM syslog_log`, 10M", results.analyze?.["10m"]?.lnav, "index in memory");
  addRow("`mcadvisor analyze samples`", results.analyze?.samples, "every line (blocks) + events + findings");
  addRow("lnav headless `SELECT count(*) FROM all_logs`, the same files", results.analyze?.samples?.lnav, "index in memory");
  addRow("lnav headless `SELECT count(*) FROM syslog_log`, 1M", results.baselines?.lnav, "index in memory");
  addRow("Node readline + 1 regex, 1M", results.baselines?.readline, "nothing");
  out.push("## Throughput (wall time is the median of the runs; whole process, start-up included)", "");
  out.push(table(["command", "wall", "lines/s", "MB/s", "peak RSS", "runs", "keeps"], rows), "");
  for (const [name, run] of Object.entries(results.analyze ?? {})) {
    const peak = run.rssPeak;
    if (!peak || name === "samples") continue;
    if (peak.ingestEndMs !== null) {
      out.push(
        `analyze ${name}: the database stopped growing at ${seconds(peak.ingestEndMs)} of ${seconds(peak.runMs ?? run.wallMs)} ` +
          "(after that: correlation of the stored events, the findings stored, the JSON output).",
        "",
      );
    }
    out.push(
      `RSS of analyze ${name} (sampled every 200 ms): highest ${number(mib(peak.sampledPeakRssBytes), 1)} MiB at ${seconds(peak.atMs)} with ${number(peak.databaseWrittenAtPeak * 100)} % of the database written; ` +
        `max while ingesting ${number(mib(peak.maxRssDuringIngestBytes), 1)} MiB, after (correlation, output) ${number(mib(peak.maxRssAfterIngestBytes), 1)} MiB.`,
      "",
    );
  }
  const database = results.analyze?.["1m"]?.database;
  if (database?.withSearchIndexBytes) {
    out.push(
      `With its search index built (at the first search): ${number(mib(database.withSearchIndexBytes), 1)} MiB = **${number(mib(database.withSearchIndexPerMillionLines), 1)} MiB per million lines**.`,
      "",
    );
  }
  if (database) {
    out.push(
      `Database: ${number(mib(database.bytes), 1)} MiB for ${number(results.analyze["1m"].lines)} lines = **${number(mib(database.bytesPerMillionLines), 1)} MiB per million lines** ` +
        `(input ${number(mib(results.analyze["1m"].inputBytes), 1)} MiB; ${number(database.bytes / results.analyze["1m"].inputBytes, 2)}× the log).`,
      "",
    );
  }

  const stages = results.stages;
  if (stages?.stages) {
    const total = Object.entries(stages.stages)
      .filter(([name]) => !["header", "body", "engine"].includes(name))
      .reduce((sum, [, stage]) => sum + stage.ms, 0);
    const perLine = (ms) => number((ms * 1000) / stages.lines, 2);
    out.push(`## Time per stage (in-process, ${number(stages.lines)} lines; bench/stages.mjs)`, "");
    const stageRows = [
      ["read + frame (LineFramer)", stages.stages.readFrame],
      ["header parse (fast path / nearley)", stages.stages.header],
      ["body grammars (prefilter + nearley)", stages.stages.body],
      ["= file parser as analyze runs it", stages.stages.parse],
      ["store (Store.appendLines: blocks, events, commits)", stages.stages.store],
      ["rules (correlateBundle: read events back, engine, findings)", stages.stages.rules],
      [
        `rules engine alone (events fed as stored): ${stages.stages.engine ? number(stages.stages.engine.usPerEvent, 1) : "?"} µs CPU per event`,
        stages.stages.engine,
      ],
    ]
      .filter(([, stage]) => stage)
      .map(([name, stage]) => [
        name,
        `${number(stage.ms)} ms`,
        stage.cpuMs == null ? "n/a" : `${number(stage.cpuMs)} ms`,
        perLine(stage.ms),
        ["header", "body", "engine"].some((key) => stages.stages[key] === stage) ? "(part of the row above)" : `${number((stage.ms / total) * 100, 0)} %`,
      ]);
    out.push(table(["stage", "wall", "CPU", "µs/line (wall)", "share of wall"], stageRows), "");
    const inside = stages.stages.store?.insideStatementsMs;
    if (inside) {
      out.push(
        `Store detail: ${Object.entries(inside)
          .map(([name, value]) => `${name} ${number(value)} ms`)
          .join(", ")}, outside the statements (BEGIN/COMMIT, WAL writes, checkpoints) ${number(stages.stages.store.outsideStatementsMs)} ms.`,
        "",
      );
    }
  }
  if (results.sqliteFloor) {
    const floor = results.sqliteFloor;
    out.push(
      `SQLite floor of the rejected layout, a row per line (bench/sqlite-floor.mjs, ${number(floor.lines)} lines of the same file, one transaction, no parsing): ` +
        `text only ${seconds(floor.plainMs)}, text + FTS5 ${seconds(floor.ftsMs)}.`,
      "",
    );
  }

  const first = results.firstFinding;
  if (first) {
    out.push(`## First finding on the incident bundle (${number(first.lines)} lines, 4 nodes, ${first.incident})`, "");
    const firstRows = [];
    if (first.analyze)
      firstRows.push([
        "analyze: start to first finding row stored",
        seconds(first.analyze.firstFindingMs),
        `whole run ${seconds(first.analyze.wallMs)}`,
        first.analyze.action ?? "none",
      ]);
    if (first.watch)
      firstRows.push([
        "watch (fresh copy): start to first finding printed",
        seconds(first.watch.firstFindingMs),
        `all lines stored ${seconds(first.watch.caughtUpMs)}`,
        first.watch.action ?? "none",
      ]);
    out.push(table(["measure", "time", "context", "first finding"], firstRows), "");
  }
  const watch = results.watch;
  if (watch?.latencyMs) {
    out.push("## watch (bench/watch-latency.mjs)", "");
    out.push(
      table(
        ["figure", "value"],
        [
          [
            "append → finding printed, p50 / p99 / max",
            `${number(watch.latencyMs.p50, 1)} / ${number(watch.latencyMs.p99, 1)} / ${number(watch.latencyMs.max, 1)} ms (${watch.latencyMs.samples} samples)`,
          ],
          ["idle CPU", `${number(watch.idleCpuPercent, 2)} % of one core`],
          ["sustained ingest", `${number(watch.throughput?.linesPerSecond)} lines/s (${number(watch.throughput?.lines)} lines appended at once)`],
        ],
      ),
      "",
    );
  }
  const profile = results.profile;
  if (profile?.functions) {
    out.push(`## CPU profile of \`analyze\` on ${profile.input} (node --cpu-prof, top self time of ${seconds(profile.totalMs)})`, "");
    out.push(
      table(
        ["self", "function", "where"],
        profile.functions.map((entry) => [`${number(entry.selfPercent, 1)} %`, `\`${entry.name.slice(0, 60)}\``, `${entry.file}:${entry.line}`]),
      ),
      "",
    );
  }
  if (results.notes?.length) out.push("## Notes", "", ...results.notes.map((note) => `- ${note}`), "");
  return `${out.join("\n")}\n`;
}
