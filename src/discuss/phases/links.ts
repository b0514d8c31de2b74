import type { Phase } from '../types.js';

/** More links than `maxLinks` reads as advertising. */
export const linksPhase: Phase = {
  name: 'links',
  onEdit: true,
  run({ links, settings }) {
    if (links.length > settings.maxLinks) return { status: 'rejected', reason: 'too_many_links' };
    return undefined;
  },
};
