/**
Standard output that a reader closed early (`mcadvisor analyze | head -2`, a monitoring pipe that timed out).
Node turns the EPIPE into an 'error' event that nobody listens to, which kills the process with a stack trace and
exit 1: a "warning" the analysis never said. With this handler a closed pipe only means "nobody reads": what is
still to print is dropped, the exit status stays the analysis's own, and `watch` stops as on Ctrl-C.
*/

type Listener = () => void;

let closed = false;
const listeners = new Set<Listener>();

function onOutputError(error: NodeJS.ErrnoException): void {
  if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") {
    if (closed) return;
    closed = true;
    for (const listener of listeners) listener();
    return;
  }
  // Any other write failure (a full disk behind a redirection) must not pass for success.
  process.stderr.write(`mcadvisor: cannot write the output: ${error.message}\n`);
  process.exitCode = 3;
}

let installed = false;

/** Called once by the CLI before any command writes. */
export function guardStandardOutput(stream: NodeJS.WriteStream = process.stdout): void {
  if (installed) return;
  installed = true;
  stream.on("error", onOutputError);
}

/** Whether the reader of standard output went away. */
export function standardOutputClosed(): boolean {
  return closed;
}

/** Run `listener` once when the reader of standard output goes away (at once if it already has). */
export function whenStandardOutputCloses(listener: Listener): void {
  if (closed) listener();
  else listeners.add(listener);
}
