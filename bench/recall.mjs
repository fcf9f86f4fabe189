// Recall of the phrasing corpus (test/phrasings/*.yaml): the share of its entries whose expected event
// the real parser produces (and, where only the package's configuration names the group, the pair-state
// model's resolve()). Precision is what the rule examples and the sample goldens check; this measures
// the other half: how much of what people and Raid Manager write is read at all.
//   node bench/recall.mjs [--failures] [--json]    (after `npm run build`: it runs dist/)
// test/phrasings/corpus.test.ts runs the same corpus against src/ and asserts every entry.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIRECTORY = resolve(here, "..", "test", "phrasings");

const HOST = "nodeB1";
const PACKAGE = "oracle_pkg";
const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_]*)\}/g;

class MissingValue extends Error {}

/** `{name}` filled from `values`; a string that is exactly one placeholder takes the value's own type. */
function fill(value, values) {
  if (typeof value === "string") {
    const whole = /^\{([A-Za-z][A-Za-z0-9_]*)\}$/.exec(value);
    if (whole) {
      if (!(whole[1] in values)) throw new MissingValue(whole[1]);
      return values[whole[1]];
    }
    return value.replace(PLACEHOLDER, (_, name) => {
      if (!(name in values)) throw new MissingValue(name);
      return String(values[name]);
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  return value;
}

/** Every fact of every corpus file, with its `vary` entries expanded: [{ file, fact, from, expect, notExpect, phrasings }]. */
export function loadCorpus(directory = CORPUS_DIRECTORY) {
  const facts = [];
  for (const file of readdirSync(directory)
    .filter((name) => name.endsWith(".yaml"))
    .sort()) {
    const list = parseYaml(readFileSync(join(directory, file), "utf8"));
    for (const raw of list) {
      for (const values of raw.vary ?? [{}]) {
        const phrasings = [];
        for (const phrasing of raw.phrasings) {
          try {
            phrasings.push(fill(phrasing, values));
          } catch (error) {
            if (!(error instanceof MissingValue)) throw error;
          }
        }
        facts.push({
          file,
          fact: fill(raw.fact, values),
          from: raw.from ?? "last",
          expect: [].concat(fill(raw.expect, values)),
          notExpect: [].concat(fill(raw.notExpect ?? [], values)),
          phrasings,
        });
      }
    }
  }
  return facts;
}

function linesOf(text) {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function logEvent(event, parsed, path, lineNo, raw, packageName) {
  return {
    id: 0,
    kind: event.kind,
    ts: parsed.ts,
    host: parsed.host,
    package: event.package ?? packageName ?? parsed.package ?? null,
    deviceGroup: event.deviceGroup ?? null,
    node: event.node ?? parsed.host ?? null,
    fields: event.fields ?? {},
    source: { file: path, line: lineNo },
    raw,
  };
}

/** The events one phrasing gives, with the device group and how it was attached after resolve(). */
export function eventsOfPhrasing({ createFileParser, PairModel }, phrasing, from = "last") {
  const model = new PairModel();
  if (phrasing.config) {
    const path = `${HOST}/etc/cmcluster/${PACKAGE}/${PACKAGE}_xpca.env`;
    const parser = createFileParser({ path, kind: "config", hostHint: HOST, packageHint: PACKAGE, yearFor: () => 2026 });
    linesOf(phrasing.config).forEach((text, index) => {
      const parsed = parser.parseLine(text);
      for (const event of parsed.events) model.apply({ ...logEvent(event, parsed, path, index + 1, text, PACKAGE), ts: null });
    });
  }
  let kind;
  let lines;
  let path;
  if (phrasing.body !== undefined) {
    kind = "pkglog";
    lines = [`Nov 20 10:00:01 - Node "${HOST}": ${phrasing.body}`];
  } else if (phrasing.pkglog !== undefined) {
    kind = "pkglog";
    lines = linesOf(phrasing.pkglog);
  } else {
    kind = "syslog";
    lines = linesOf(phrasing.syslog);
  }
  if (kind === "pkglog") path = `${HOST}/etc/cmcluster/${PACKAGE}/${PACKAGE}.log`;
  else path = `${HOST}/var/adm/syslog/syslog.log`;
  const parser = createFileParser({ path, kind, hostHint: HOST, packageHint: kind === "pkglog" ? PACKAGE : null, yearFor: () => 2026 });
  const wanted = (index) => (phrasing.at !== undefined ? index === phrasing.at - 1 : from === "all" || index === lines.length - 1);
  const produced = [];
  lines.forEach((text, index) => {
    const parsed = parser.parseLine(text);
    const events = parsed.events.map((event) => logEvent(event, parsed, path, index + 1, text, kind === "pkglog" ? PACKAGE : null));
    for (const event of events) model.apply(event);
    if (!wanted(index)) return;
    for (const event of events) {
      const resolved = model.resolve(event);
      const fields = { ...event.fields };
      if (fields.deviceGroupFrom === undefined && resolved.deviceGroupFrom !== undefined && event.deviceGroup === null)
        fields.deviceGroupFrom = resolved.deviceGroupFrom;
      produced.push({ kind: event.kind, deviceGroup: resolved.deviceGroup, fields, line: index + 1 });
    }
  });
  return produced;
}

function matches(expected, event) {
  if (expected.kind !== event.kind) return false;
  if ("deviceGroup" in expected && (expected.deviceGroup ?? null) !== (event.deviceGroup ?? null)) return false;
  for (const [name, value] of Object.entries(expected.fields ?? {})) {
    if ((event.fields[name] ?? null) !== value) return false;
  }
  return true;
}

/** Run every phrasing of every fact: { total, passed, recall, entries: [{ file, fact, phrasing, ok, produced }] }. */
export function runCorpus(modules, facts = loadCorpus()) {
  const entries = [];
  for (const fact of facts) {
    for (const phrasing of fact.phrasings) {
      let produced;
      let error = null;
      try {
        produced = eventsOfPhrasing(modules, phrasing, fact.from);
      } catch (thrown) {
        produced = [];
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      const ok =
        error === null &&
        fact.expect.every((expected) => produced.some((event) => matches(expected, event))) &&
        !fact.notExpect.some((unwanted) => produced.some((event) => matches(unwanted, event)));
      entries.push({ file: fact.file, fact: fact.fact, phrasing, ok, produced, error });
    }
  }
  const passed = entries.filter((entry) => entry.ok).length;
  return { total: entries.length, passed, recall: entries.length === 0 ? 0 : passed / entries.length, entries };
}

export function formatRecall(result) {
  const byFile = new Map();
  for (const entry of result.entries) {
    const counts = byFile.get(entry.file) ?? { total: 0, passed: 0 };
    counts.total++;
    if (entry.ok) counts.passed++;
    byFile.set(entry.file, counts);
  }
  const percent = (passed, total) => `${(total === 0 ? 0 : (100 * passed) / total).toFixed(1)}%`;
  const lines = [`phrasing recall: ${result.passed}/${result.total} (${percent(result.passed, result.total)})`];
  for (const [file, counts] of byFile)
    lines.push(`  ${file.padEnd(24)} ${String(counts.passed).padStart(4)}/${String(counts.total).padEnd(4)} ${percent(counts.passed, counts.total)}`);
  return lines.join("\n");
}

async function main() {
  const dist = resolve(here, "..", "dist");
  const parse = await import(pathToFileURL(join(dist, "parse", "index.js")).href);
  const { PairModel } = await import(pathToFileURL(join(dist, "correlate", "pair-model.js")).href);
  const result = runCorpus({ createFileParser: parse.createFileParser, PairModel });
  if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify({ total: result.total, passed: result.passed, recall: result.recall }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${formatRecall(result)}\n`);
  if (process.argv.includes("--failures")) {
    for (const entry of result.entries.filter((item) => !item.ok)) {
      const text = entry.phrasing.body ?? entry.phrasing.pkglog ?? entry.phrasing.syslog;
      process.stdout.write(
        `\n${entry.file}: ${entry.fact}\n  ${String(text).trim().replace(/\n/g, "\n  ")}\n  got: ${JSON.stringify(entry.produced.map(({ kind, deviceGroup, fields }) => ({ kind, deviceGroup, fields })))}${entry.error ? `\n  error: ${entry.error}` : ""}\n`,
      );
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`recall: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(3);
  });
}
