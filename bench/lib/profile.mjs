// Summarise a V8 .cpuprofile: top functions by self time, and time per source file.
import { readFileSync } from "node:fs";

/** { totalMs, functions: [{ name, file, line, selfMs, selfPercent }], files: [{ file, selfMs, selfPercent }] } */
export function summariseProfile(path, { top = 25, root = "" } = {}) {
  const profile = JSON.parse(readFileSync(path, "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfTicks = new Map();
  for (const sample of profile.samples) selfTicks.set(sample, (selfTicks.get(sample) ?? 0) + 1);
  const intervals = profile.timeDeltas;
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const perSample = totalMs / Math.max(1, profile.samples.length);
  void intervals;
  const functions = new Map();
  const files = new Map();
  for (const [id, ticks] of selfTicks) {
    const frame = byId.get(id).callFrame;
    const file = (frame.url || "(native)").replace(/^file:\/\//, "").replace(root, "");
    const name = frame.functionName || "(anonymous)";
    const key = `${name} ${file}:${frame.lineNumber + 1}`;
    const entry = functions.get(key) ?? { name, file, line: frame.lineNumber + 1, selfMs: 0 };
    entry.selfMs += ticks * perSample;
    functions.set(key, entry);
    files.set(file, (files.get(file) ?? 0) + ticks * perSample);
  }
  const round = (value) => Math.round(value * 10) / 10;
  const percent = (value) => round((value / totalMs) * 100);
  return {
    totalMs: round(totalMs),
    functions: [...functions.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, top)
      .map((entry) => ({ ...entry, selfMs: round(entry.selfMs), selfPercent: percent(entry.selfMs) })),
    files: [...files.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([file, selfMs]) => ({ file, selfMs: round(selfMs), selfPercent: percent(selfMs) })),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop())) {
  const summary = summariseProfile(process.argv[2], { top: Number(process.argv[3] ?? 30), root: process.cwd() + "/" });
  console.log(`total ${summary.totalMs} ms`);
  for (const entry of summary.functions)
    console.log(`${String(entry.selfPercent).padStart(5)}%  ${String(entry.selfMs).padStart(8)} ms  ${entry.name}  ${entry.file}:${entry.line}`);
  console.log("--- by file");
  for (const entry of summary.files) console.log(`${String(entry.selfPercent).padStart(5)}%  ${String(entry.selfMs).padStart(8)} ms  ${entry.file}`);
}
