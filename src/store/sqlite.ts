/**
better-sqlite3, the one SQLite binding mcadvisor uses. Required rather than imported: an ES module's import of a
CommonJS package makes Node read the package's files with its export lexer before loading them, about 10 ms of
every start-up (analyze of a one-line bundle) for names this code never imports one by one.
*/
import type BetterSqlite3 from "better-sqlite3";
import { createRequire } from "node:module";

export const Database = createRequire(import.meta.url)("better-sqlite3") as typeof BetterSqlite3;
export type SqliteDatabase = BetterSqlite3.Database;
