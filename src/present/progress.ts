/**
A one-line progress bar on stderr, drawn only when stdout and stderr are both a terminal and only
once the work has taken over a second (short runs stay quiet; `analyze > file`, pipes and cron get
nothing of it).
*/
export interface Progress {
  update(state: { bytesDone: number; bytesTotal: number; lines: number }): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function createProgress(
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
  output: { isTTY?: boolean } = process.stdout,
): Progress {
  if (!stream.isTTY || !output.isTTY) return silent;
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  return {
    update({ bytesDone, bytesTotal, lines }) {
      const time = now();
      if (time - started < 1000 || time - lastDraw < 100) return;
      lastDraw = time;
      drawn = true;
      const width = 30;
      const fraction = bytesTotal > 0 ? Math.min(bytesDone / bytesTotal, 1) : 0;
      const filled = Math.round(fraction * width);
      const rate = Math.round(lines / ((time - started) / 1000));
      const megabytes = (bytes: number): string => (bytes / 1048576).toFixed(1);
      stream.write(
        `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${megabytes(bytesDone)}/${megabytes(bytesTotal)} MB  ${rate.toLocaleString("en-US")} lines/s `,
      );
    },
    done() {
      if (drawn) stream.write("\r\u001b[K");
    },
  };
}
