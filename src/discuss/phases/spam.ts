import type { Phase } from '../types.js';

/** A filled honeypot field is a bot; a form sent faster than anyone could type waits for a moderator. */
export const spamPhase: Phase = {
  name: 'spam',
  onEdit: false,
  run({ honeypot, elapsedMs, settings }) {
    if (honeypot.trim() !== '') return { status: 'rejected', reason: 'honeypot' };
    if (elapsedMs !== null && elapsedMs < settings.minFormMs)
      return { status: 'pending', reason: 'too_fast' };
    return undefined;
  },
};
