/**
Files read side by side, kept near each other in time: after each stored batch a file waits while another file
of its set has reached only an earlier time (or has stored nothing yet). The bundle's correlator can feed the
rules an event only once every file read beside it is past that event (correlate.ts), so a file that ran ahead
would only make its events wait in memory; paced, the rules conclude while the files are read.

The file that has reached the earliest time never waits, so the set always moves; files at the same time go on
together. A file that leaves (read to its end, or failed) never holds the others back.
*/
export class Pacer {
  /** Each file read: the newest time its stored lines reached (-Infinity before its first timed batch). */
  private readonly reached = new Map<object, number>();
  private readonly waiting = new Map<object, () => void>();

  /** A file joins the set before it is read. */
  join(file: object): void {
    this.reached.set(file, Number.NEGATIVE_INFINITY);
  }

  /** After a batch of `file` was stored (`ts`: its newest time, null if none): resolves when the file may read on. */
  async after(file: object, ts: number | null): Promise<void> {
    const before = this.reached.get(file);
    if (before === undefined) return;
    if (ts !== null && ts > before) this.reached.set(file, ts);
    this.wake();
    if (this.mayGo(file)) return;
    await new Promise<void>((resolve) => this.waiting.set(file, resolve));
  }

  /** The file was read to its end or failed. */
  leave(file: object): void {
    this.reached.delete(file);
    this.waiting.get(file)?.();
    this.waiting.delete(file);
    this.wake();
  }

  private mayGo(file: object): boolean {
    const mine = this.reached.get(file) ?? Number.POSITIVE_INFINITY;
    for (const [other, reached] of this.reached) if (other !== file && reached < mine) return false;
    return true;
  }

  private wake(): void {
    for (const [file, resolve] of this.waiting) {
      if (!this.mayGo(file)) continue;
      this.waiting.delete(file);
      resolve();
    }
  }
}
