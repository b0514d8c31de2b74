import type { Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Logger } from '../lib/log.js';

// PostgreSQL frontend/backend protocol 3.0 (postgresql.org/docs/current/protocol-message-formats.html).
const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/**
 * How long a client may sit silent inside a transaction before it is cut off (and rolled back):
 * meanwhile the server's own queries wait, so a command stopped mid-transaction (Ctrl+Z, a hung
 * terminal) must not hold the site for ever.
 */
const IDLE_IN_TRANSACTION_MS = 120_000;

/** The embedded engine and the gate every one of the server's own queries passes through. */
export interface SessionTarget {
  pglite: PGlite;
  /** The server's pool (one connection): holding its client keeps the server's own queries out. */
  pool: pg.Pool;
  /** Run-time parameters a client is told at start-up (server_version, TimeZone…). */
  parameters: [string, string][];
}

/**
 * Serves one client connection of the control socket from the embedded engine. PGlite is a
 * single session, shared with the server's own pool, so a client's statements run only while the
 * pool's one connection is held: taken at the client's first message, given back when the engine
 * reports the session idle again (ReadyForQuery 'I'). A client's transaction thus excludes the
 * server's queries and nothing else; between transactions the site goes on serving.
 */
export function serveSession(
  socket: Socket,
  target: SessionTarget,
  logger: Logger,
  { idleInTransactionMs = IDLE_IN_TRANSACTION_MS }: { idleInTransactionMs?: number } = {},
): Promise<void> {
  let pending: Buffer = Buffer.alloc(0);
  let started = false;
  let held: pg.PoolClient | null = null;
  let work = Promise.resolve();
  let closed = false;

  const release = () => {
    held?.release();
    held = null;
    socket.setTimeout(0);
  };
  const fail = (error: unknown) => {
    logger.warn({ err: error }, 'control socket session failed');
    socket.destroy();
  };

  /** Runs complete messages on the engine and answers with what it said. */
  const run = async (messages: Buffer): Promise<void> => {
    if (!held) {
      held = await target.pool.connect();
      socket.setTimeout(idleInTransactionMs);
    }
    const reply = Buffer.from(await target.pglite.execProtocolRaw(new Uint8Array(messages)));
    if (!socket.destroyed) socket.write(reply);
    if (lastReadyStatus(reply) === 'I') release();
  };

  const drain = async (): Promise<void> => {
    while (!closed) {
      if (!started) {
        const startup = takeStartup(pending);
        if (!startup) return;
        pending = startup.rest;
        if (startup.code === SSL_REQUEST || startup.code === GSS_REQUEST) socket.write('N');
        else if (startup.code === PROTOCOL_3) {
          started = true;
          socket.write(greeting(target.parameters));
        } else {
          // A cancel request (nothing to cancel: statements run one at a time) or an unknown protocol.
          if (startup.code !== CANCEL_REQUEST) socket.write(errorResponse('unsupported protocol'));
          socket.end();
          return;
        }
        continue;
      }
      const { messages, terminate, rest } = takeMessages(pending);
      pending = rest;
      if (messages.length > 0) await run(messages);
      if (terminate) {
        socket.end();
        return;
      }
      if (messages.length === 0) return;
    }
  };

  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    work = work.then(drain).catch(fail);
  });
  socket.on('error', () => socket.destroy());
  socket.on('timeout', () => {
    logger.warn({ idle_ms: idleInTransactionMs }, 'control socket client idle in a transaction: cut off');
    socket.destroy();
  });
  return new Promise((resolve) => {
    socket.on('close', () => {
      closed = true;
      // A client that went away inside a transaction leaves no half-done work behind.
      work
        .then(async () => {
          if (!held) return;
          await target.pglite.execProtocolRaw(new Uint8Array(Buffer.concat([SYNC, query('ROLLBACK')])));
        })
        .catch((error) => logger.warn({ err: error }, 'control socket rollback failed'))
        .finally(() => {
          release();
          resolve();
        });
    });
  });
}

/** A startup-phase packet (no type byte: length, then a code), or null while incomplete. */
function takeStartup(buffer: Buffer): { code: number; rest: Buffer } | null {
  if (buffer.length < 8) return null;
  const length = buffer.readInt32BE(0);
  if (buffer.length < length) return null;
  return { code: buffer.readInt32BE(4), rest: buffer.subarray(length) };
}

/** The complete messages at the front of the buffer (up to a Terminate), and what is left. */
function takeMessages(buffer: Buffer): { messages: Buffer; terminate: boolean; rest: Buffer } {
  let end = 0;
  while (end + 5 <= buffer.length) {
    const size = 1 + buffer.readInt32BE(end + 1);
    if (end + size > buffer.length) break;
    if (buffer[end] === 0x58 /* X: Terminate */) {
      return { messages: buffer.subarray(0, end), terminate: true, rest: Buffer.alloc(0) };
    }
    end += size;
  }
  return { messages: buffer.subarray(0, end), terminate: false, rest: buffer.subarray(end) };
}

/** The transaction status of the last ReadyForQuery in a reply ('I', 'T', 'E'), if any. */
export function lastReadyStatus(reply: Buffer): string | undefined {
  let status: string | undefined;
  for (let at = 0; at + 5 <= reply.length; at += 1 + reply.readInt32BE(at + 1)) {
    if (reply[at] === 0x5a /* Z */) status = String.fromCharCode(reply[at + 5]!);
  }
  return status;
}

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const cstring = (text: string) => Buffer.from(`${text}\0`, 'utf8');
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const SYNC = message('S', Buffer.alloc(0));
const query = (sql: string) => message('Q', cstring(sql));

/** AuthenticationOk, the parameters clients read, a key, ReadyForQuery (idle). */
function greeting(parameters: [string, string][]): Buffer {
  return Buffer.concat([
    message('R', int32(0)),
    ...parameters.map(([name, value]) => message('S', Buffer.concat([cstring(name), cstring(value)]))),
    message('K', Buffer.concat([int32(process.pid), int32(0)])),
    message('Z', Buffer.from('I')),
  ]);
}

function errorResponse(text: string): Buffer {
  return message(
    'E',
    Buffer.concat([
      Buffer.from('S'),
      cstring('FATAL'),
      Buffer.from('C'),
      cstring('08P01'),
      Buffer.from('M'),
      cstring(text),
      Buffer.from([0]),
    ]),
  );
}
