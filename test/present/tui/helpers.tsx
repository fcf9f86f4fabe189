import { render } from "ink-testing-library";
import { openDatabase, type SqliteDatabase } from "../../../src/store/db.js";
import { Store } from "../../../src/store/store.js";
import { App } from "../../../src/present/tui/app.js";
import { acknowledgementWriter } from "../../../src/cli/commands/ack.js";
import { sampleDatabase as analysedSamples } from "../../helpers/sample-database.js";

/** A database analysed from sample incidents, the test's own copy; returns its path (the writer is closed). */
export async function sampleDatabase(...names: string[]): Promise<string> {
  return analysedSamples(names, { prefix: "mcadvisor-tui-", fileName: "tui.db" });
}

/**
Stores one more line at the end of the file holding the newest line, `afterMs` after it, as another
process (watch) would: through the store, in the file's last block.
*/
export function appendNewestLine(path: string, text: string, afterMs: number, program: string): void {
  const store = new Store(openDatabase(path));
  try {
    const newest = store.database.prepare("SELECT id, line_count AS lineCount, offset, ts_max AS ts FROM file ORDER BY ts_max DESC LIMIT 1").get() as {
      id: number;
      lineCount: number;
      offset: number;
      ts: number;
    };
    store.appendLines(
      newest.id,
      [{ lineNo: newest.lineCount + 1, ts: newest.ts + afterMs, host: "nodeB1", program, package: null, format: "syslog", text, events: [] }],
      { offset: newest.offset, lineCount: newest.lineCount + 1, pending: null },
    );
  } finally {
    store.close();
  }
}

export const keys = {
  up: "\u001b[A",
  down: "\u001b[B",
  enter: "\r",
  escape: "\u001b",
  tab: "\t",
  backspace: "\u007f",
};

export interface Tui {
  readonly database: SqliteDatabase;
  readonly frame: () => string;
  readonly press: (...inputs: string[]) => Promise<void>;
  readonly unmount: () => void;
}

/**
Renders the App read-only on `path` at a fixed size, acknowledging (`a`) as `tester` through the real
writer; `press` writes keys one at a time, each after the last frame settled.
*/
export function renderTui(path: string, options: { columns?: number; rows?: number; pollMs?: number } = {}): Tui {
  const database = openDatabase(path, { readonly: true });
  const instance = render(
    <App
      database={database}
      size={{ columns: options.columns ?? 80, rows: options.rows ?? 24 }}
      pollMs={options.pollMs ?? 20}
      theme={{ color: false }}
      acknowledgements={acknowledgementWriter(path, "tester")}
    />,
  );
  return {
    database,
    frame: () => instance.lastFrame() ?? "",
    press: async (...inputs: string[]) => {
      for (const input of inputs) {
        const before = instance.lastFrame();
        instance.stdin.write(input);
        // ink reads input on the next tick and renders after; a resolved frame is what the next key sees. On a
        // loaded machine that takes more than a tick: wait for the frame to change (a key that changes nothing
        // on screen waits the bound), so a key never reaches a handler that has not seen the one before it.
        await new Promise((resolve) => setImmediate(resolve));
        for (const started = Date.now(); instance.lastFrame() === before && Date.now() - started < 250;) {
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    },
    unmount: () => {
      instance.unmount();
      database.close();
    },
  };
}
