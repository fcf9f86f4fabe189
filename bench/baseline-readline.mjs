// Baseline: the least a Node program can do with every line of a syslog file: fs stream -> readline,
// one header regex per line (time, host, program, pid, message), count cmcld lines. No storage.
// Usage: node bench/baseline-readline.mjs FILE   (prints {"lines":N,"matched":M,"cmcld":C})
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

const HEADER = /^(\w{3} [ \d]\d \d\d:\d\d:\d\d) (\S+) ([^\s:[]+)(?:\[(\d+)\])?: (.*)$/;
const input = createInterface({ input: createReadStream(process.argv[2], { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
let lines = 0;
let matched = 0;
let cmcld = 0;
for await (const line of input) {
  lines++;
  const match = HEADER.exec(line);
  if (match) {
    matched++;
    if (match[3] === "cmcld") cmcld++;
  }
}
console.log(JSON.stringify({ lines, matched, cmcld }));
