import { destination, type Logger, pino } from 'pino';

export type { Logger };

/** Creates the process logger: JSON lines on stderr, so stdout stays free for command output. */
export function createLogger(level: string = 'info'): Logger {
  return pino({ level, base: { app: 'newsloom' } }, destination(2));
}

/** A logger that discards everything, for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
