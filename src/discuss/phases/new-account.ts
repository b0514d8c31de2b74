import { hasRole } from '../../auth/roles.js';
import type { Phase } from '../types.js';

/** An account's first N comments wait for a moderator; staff are trusted. */
export const newAccountPhase: Phase = {
  name: 'new-account',
  onEdit: false,
  async run({ author, settings, lookups }) {
    if (settings.heldForNewAccounts === 0 || hasRole(author.role, 'moderator')) return undefined;
    if ((await lookups.visibleCountByUser(author.id)) < settings.heldForNewAccounts) {
      return { status: 'pending', reason: 'new_account' };
    }
    return undefined;
  },
};
