import type { Phase } from '../types.js';

/** A banned or suspended author can neither post nor edit. */
export const bannedPhase: Phase = {
  name: 'banned',
  onEdit: true,
  async run({ author, now, lookups }) {
    const ban = await lookups.activeBan(author.id, now);
    if (!ban) return undefined;
    return { status: 'rejected', reason: ban.kind === 'suspend' ? 'suspended' : 'banned' };
  },
};
