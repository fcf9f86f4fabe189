import { EventEmitter } from "node:events";
import { afterEach, expect, it, vi } from "vitest";
import { render, type Instance } from "ink";
import { openDatabase, type SqliteDatabase } from "../../../src/store/db.js";
import { App } from "../../../src/present/tui/app.js";
import { sampleDatabase } from "./helpers.js";

/** A terminal whose size the test changes, as a window manager or tmux would. */
class FakeTerminal extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = true;
  last = "";
  write = (frame: string): boolean => {
    this.last = frame;
    return true;
  };
}

class FakeKeyboard extends EventEmitter {
  isTTY = true;
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
  read(): null {
    return null;
  }
}

let instance: Instance | undefined;
let database: SqliteDatabase | undefined;

afterEach(() => {
  instance?.unmount();
  database?.close();
});

it("follows a resize: the findings gain a title column when the terminal widens and lose it when it narrows", async () => {
  database = openDatabase(await sampleDatabase("site-failover-svol-takeover"), { readonly: true });
  const terminal = new FakeTerminal();
  instance = render(<App database={database} theme={{ color: false }} />, {
    stdout: terminal as unknown as NodeJS.WriteStream,
    stdin: new FakeKeyboard() as unknown as NodeJS.ReadStream,
    debug: true,
    patchConsole: false,
    exitOnCtrlC: false,
  });
  await vi.waitFor(() => expect(terminal.last).toContain("swap-resync"));
  expect(terminal.last).not.toContain("TITLE");
  terminal.columns = 140;
  terminal.rows = 40;
  terminal.emit("resize");
  await vi.waitFor(() => expect(terminal.last).toContain("TITLE"));
  for (const row of terminal.last.split("\n")) expect(row.length).toBeLessThanOrEqual(140);
  terminal.columns = 80;
  terminal.emit("resize");
  await vi.waitFor(() => expect(terminal.last).not.toContain("TITLE"));
  for (const row of terminal.last.split("\n")) expect(row.length).toBeLessThanOrEqual(80);
});
