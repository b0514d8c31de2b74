import type { Phase } from '../types.js';

/** The same text from the same author within a day is a double submit or a spam run. */
export const repeatedPhase: Phase = {
  name: 'repeated',
  onEdit: false,
  async run({ author, bodyHash, now, lookups }) {
    const since = new Date(now.getTime() - 86_400_000);
    if (await lookups.hasDuplicateSince(author.id, bodyHash, since))
      return { status: 'rejected', reason: 'duplicate' };
    return undefined;
  },
};
