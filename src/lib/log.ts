import { destination, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** How log lines are written: one JSON object per line, or readable lines for a person. */
export type LogFormat = 'json' | 'pretty';

/**
 * Creates the process logger on stderr, so stdout stays free for command output: JSON lines for
 * machines, or (`pretty`) a time, a level, the message and its fields on one line.
 */
export function createLogger(level: string = 'info', format: LogFormat = 'json'): Logger {
  const options = { level, base: { app: 'newsloom' } };
  if (format === 'json') return pino(options, destination(2));
  // Synchronous, in this thread: a log line is never lost when the process exits at once.
  return pino(
    options,
    pretty({
      destination: 2,
      sync: true,
      colorize: process.stderr.isTTY === true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,app',
      singleLine: true,
    }),
  );
}

/** The format for a setting: `auto` is readable on a terminal and JSON anywhere else (a file, a pipe, journald). */
export function logFormatFor(
  setting: 'auto' | LogFormat,
  stream: { isTTY?: boolean } = process.stderr,
): LogFormat {
  if (setting !== 'auto') return setting;
  return stream.isTTY ? 'pretty' : 'json';
}

/** A logger that discards everything, for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
