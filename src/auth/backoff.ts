import { APIError } from 'better-auth/api';
import type { Executor } from '../store/db.js';
import { CLIENT_IP_HEADER } from './client-ip.js';
import { clearSignInFailures, recordSignInFailure, signInLockedUntil } from '../store/users.js';

/** Free attempts before the back-off starts; then 1 s, 2 s, 4 s … doubling, at most 15 minutes. */
export const FREE_ATTEMPTS = 5;
const MAX_SECONDS = 900;

/** Seconds an address is held back after `failures` consecutive failed sign-ins. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS), MAX_SECONDS);
}

/** What the back-off reads of a better-auth endpoint call. */
export interface SignInCall {
  path: string;
  body?: unknown;
  headers?: Headers;
  context: { returned?: unknown };
}

/**
 * The back-off key of a sign-in: the address signed in to and the client's address. Keyed on the
 * email alone, anyone could keep its owner out by failing on purpose; keyed on both, a guesser
 * slows down only themselves, and the per-address rate limit caps how fast each client guesses.
 */
export function backoffKey(call: Pick<SignInCall, 'body' | 'headers'>): string | null {
  const email = (call.body as { email?: unknown } | undefined)?.email;
  if (typeof email !== 'string') return null;
  const client = call.headers?.get(CLIENT_IP_HEADER) ?? 'direct';
  return `${email.trim().toLowerCase()} ${client}`;
}

/** Before an email sign-in: 429 with Retry-After while this client is held back for this address. */
export async function holdBackSignIn(db: Executor, call: SignInCall, now: Date): Promise<void> {
  if (call.path !== '/sign-in/email') return;
  const key = backoffKey(call);
  if (!key) return;
  const until = await signInLockedUntil(db, key);
  const wait = until ? Math.ceil((until.getTime() - now.getTime()) / 1000) : 0;
  if (wait > 0) {
    throw new APIError(
      'TOO_MANY_REQUESTS',
      { message: 'Too many failed attempts; try again later', code: 'SIGN_IN_BACKOFF' },
      { 'X-Retry-After': String(wait), 'Retry-After': String(wait) },
    );
  }
}

/**
 * After an email sign-in: a wrong password counts against this client and address, a success
 * forgets the count. Unknown and known addresses are treated alike, so the back-off says nothing
 * about which accounts exist.
 */
export async function countSignIn(db: Executor, call: SignInCall, now: Date): Promise<void> {
  if (call.path !== '/sign-in/email') return;
  const key = backoffKey(call);
  if (!key) return;
  const returned = call.context.returned;
  const failed = returned instanceof Error && (returned as { statusCode?: number }).statusCode === 401;
  if (failed) await recordSignInFailure(db, key, now, backoffSeconds);
  else if (!(returned instanceof Error)) await clearSignInFailures(db, key);
}
