// Time per stage of `analyze`, driving the built modules (dist/) directly in one process on one syslog
// file, so the hot spot shows: read + frame, header parse, body grammars, the file parser as analyze runs
// it (header + body + per-file context), store (Store.appendLines, with the time inside each SQL
// statement), and the rules (correlateBundle). Prints one JSON object.
// Usage: node bench/stages.mjs FILE [--batch 5000]
import { createReadStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

const dist = new URL("../dist/", import.meta.url);
const load = (path) => import(new URL(path, dist).href);

const { LineFramer } = await load("ingest/lines.js");
const { parseHeader, parseBody, clearBodyCache, createFileParser } = await load("parse/index.js");
const { openDatabase } = await load("store/db.js");
const { Store } = await load("store/store.js");
const { correlateBundle } = await load("pipeline/correlate.js");
const { RuleEngine } = await load("correlate/engine.js");
const { loadRules } = await load("catalogue/load.js");

const ms = (start) => Math.round((performance.now() - start) * 10) / 10;
// CPU time of this process (user + system) since `start`: steadier than wall time on a shared machine.
const cpuMs = (start) => {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 100) / 10;
};

export async function measureStages(path, { batchLines = 5000, year = 2026, pragmas = [] } = {}) {
  const size = statSync(path).size;
  const result = { file: path, bytes: size, stages: {} };

  // 1. read + frame: bytes to lines (what LineFramer does for analyze and watch).
  let started = performance.now();
  let cpuStarted = process.cpuUsage();
  const framer = new LineFramer();
  const texts = [];
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    for (const framed of framer.push(chunk)) texts.push(framed.text);
  }
  for (const framed of framer.flush()) texts.push(framed.text);
  result.lines = texts.length;
  result.stages.readFrame = { ms: ms(started), cpuMs: cpuMs(cpuStarted) };

  // 2. header parse only (the syslog fast path, nearley when it declines).
  started = performance.now();
  cpuStarted = process.cpuUsage();
  const headers = new Array(texts.length);
  for (let index = 0; index < texts.length; index++) headers[index] = parseHeader(texts[index], "syslog");
  result.stages.header = { ms: ms(started), cpuMs: cpuMs(cpuStarted) };

  // 3. body grammars only (prefilter, then nearley; the body cache starts empty as in a fresh process).
  clearBodyCache();
  started = performance.now();
  cpuStarted = process.cpuUsage();
  let withEvents = 0;
  for (const header of headers) {
    if (!header) continue;
    if (parseBody(header.format, header.body).length > 0) withEvents++;
  }
  result.stages.body = { ms: ms(started), cpuMs: cpuMs(cpuStarted), linesWithEvents: withEvents };

  // 4. The file parser as analyze runs it (header + body + year, host, package context); cache cleared again.
  clearBodyCache();
  started = performance.now();
  cpuStarted = process.cpuUsage();
  const parser = createFileParser({ path, kind: "syslog", hostHint: null, packageHint: null, yearFor: () => year, strict: false });
  const parsed = new Array(texts.length);
  for (let index = 0; index < texts.length; index++) parsed[index] = parser.parseLine(texts[index]);
  result.stages.parse = { ms: ms(started), cpuMs: cpuMs(cpuStarted), note: "header + body + file context (what ingest calls per line)" };
  headers.length = 0;

  // 5. Store: Store.appendLines in batches, as ingestFile calls it; each prepared statement is timed.
  const folder = mkdtempSync(join(tmpdir(), "mcadvisor-stages-"));
  try {
    const database = openDatabase(join(folder, "stages.db"));
    // Experiments: --pragma "cache_size=-65536" (repeatable) before the Store is built.
    for (const pragma of pragmas) database.pragma(pragma);
    const store = new Store(database);
    const inside = {};
    for (const [name, statement] of Object.entries(store.statements)) {
      const run = statement.run.bind(statement);
      inside[name] = 0;
      statement.run = (...parameters) => {
        const before = performance.now();
        try {
          return run(...parameters);
        } finally {
          inside[name] += performance.now() - before;
        }
      };
      const get = statement.get?.bind(statement);
      if (get && statement.reader) {
        statement.get = (...parameters) => {
          const before = performance.now();
          try {
            return get(...parameters);
          } finally {
            inside[name] += performance.now() - before;
          }
        };
      }
    }
    const bundle = dirname(resolve(path));
    const file = store.addFile({
      path,
      bundle,
      hostHint: null,
      packageHint: null,
      kind: "syslog",
      fingerprint: `stages:${path}`,
      headBytes: 4096,
      dev: null,
      ino: null,
      size,
      mtime: null,
    });
    for (const key of Object.keys(inside)) inside[key] = 0;
    started = performance.now();
    cpuStarted = process.cpuUsage();
    let events = 0;
    for (let first = 0; first < texts.length; first += batchLines) {
      const batch = [];
      const last = Math.min(texts.length, first + batchLines);
      for (let index = first; index < last; index++) {
        const line = parsed[index];
        events += line.events.length;
        batch.push({
          lineNo: index + 1,
          ts: line.ts,
          host: line.host,
          program: line.program,
          package: line.package,
          format: line.format,
          text: texts[index],
          events: line.events,
        });
      }
      store.appendLines(file.id, batch, { offset: 0, lineCount: last, pending: null, size, parserContext: JSON.stringify(parser.context()) });
    }
    const storeMs = ms(started);
    const storeCpuMs = cpuMs(cpuStarted);
    const statementsMs = Object.values(inside).reduce((sum, value) => sum + value, 0);
    result.stages.store = {
      ms: storeMs,
      cpuMs: storeCpuMs,
      batchLines,
      events,
      insideStatementsMs: Object.fromEntries(
        Object.entries(inside)
          .filter(([, value]) => value > 0)
          .map(([name, value]) => [name, Math.round(value)]),
      ),
      outsideStatementsMs: Math.round(storeMs - statementsMs),
      note: "outside = transaction BEGIN/COMMIT (WAL page writes, checkpoints) and JavaScript around the statements",
    };
    texts.length = 0;
    parsed.length = 0;

    // 6. Rules: replay every stored event of the bundle through the engine and store the findings.
    const rules = loadRules([], { collectErrors: true }).rules;
    started = performance.now();
    cpuStarted = process.cpuUsage();
    const findings = correlateBundle(store, bundle, rules);
    result.stages.rules = { ms: ms(started), cpuMs: cpuMs(cpuStarted), events, findings: findings.length, rules: rules.length };
    // The engine alone (what feeding the rules as lines are stored costs): the events read back first, then pushed.
    const stored = [...store.eventsOfBundle(bundle)];
    started = performance.now();
    cpuStarted = process.cpuUsage();
    const engine = new RuleEngine(rules);
    for (const event of stored) engine.push(event);
    engine.advance(store.lastTimeOfBundle(bundle));
    engine.finish();
    engine.findings();
    const engineCpuMs = cpuMs(cpuStarted);
    result.stages.engine = {
      ms: ms(started),
      cpuMs: engineCpuMs,
      events: stored.length,
      usPerEvent: Math.round(((engineCpuMs * 1000) / stored.length) * 10) / 10,
    };
    store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return result;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const path = process.argv[2];
  if (!path) {
    console.error("usage: node bench/stages.mjs FILE [--batch 5000]");
    process.exit(2);
  }
  const batchIndex = process.argv.indexOf("--batch");
  const batchLines = batchIndex > 0 ? Number(process.argv[batchIndex + 1]) : 5000;
  const pragmas = process.argv.flatMap((value, index) => (process.argv[index - 1] === "--pragma" ? [value] : []));
  console.log(JSON.stringify(await measureStages(path, { batchLines, pragmas }), null, 2));
}
