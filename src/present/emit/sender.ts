import type { FindingChangeEvent } from "./record.js";

/** One `--emit` target: takes finding changes, delivers them its own way, and says on close what it could not. */
export interface Sender {
  readonly label: string;
  /** Never throws and never blocks on the network: a target that is down must not stop the others, nor watch. */
  send(event: FindingChangeEvent): void;
  /**
  Waits until what was sent is delivered (TCP: handed to the kernel on an open connection; UDP: sent;
  a file: written), but not past `deadline` (a Date.now() value); then releases the target and reports
  on stderr what was not delivered.
  */
  close(deadline: number): Promise<void>;
}

/** Where a sender's problems go: one line each, on stderr by default. */
export type Report = (message: string) => void;

/** A promise that resolves at `deadline` (keeping the process alive until then) unless cancelled. */
export function deadlineTimer(deadline: number): { promise: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

export function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
