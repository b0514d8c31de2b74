import { SingleBar } from 'cli-progress';

/** A progress reporter: a bar on a terminal, nothing otherwise (summary lines are printed at the end). */
export interface Progress {
  update(value: number, total?: number): void;
  stop(): void;
}

/** Shows a progress bar on stderr when it is a terminal. */
export function startProgress(label: string, total: number, unit: string): Progress {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(Math.max(total, 1), 0);
  return {
    update(value, newTotal) {
      if (newTotal !== undefined) bar.setTotal(newTotal);
      bar.update(value);
    },
    stop() {
      bar.stop();
    },
  };
}
