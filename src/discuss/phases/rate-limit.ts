import type { Phase } from '../types.js';

// A shared address (an office, a campus) carries several readers, so it gets more room than one user.
const IP_FACTOR = 4;

/** At most `perMinute` comments per author, and `4 × perMinute` per address, in any minute. */
export const rateLimitPhase: Phase = {
  name: 'rate-limit',
  onEdit: false,
  async run({ author, ip, now, settings, lookups }) {
    const since = new Date(now.getTime() - 60_000);
    if ((await lookups.countByUserSince(author.id, since)) >= settings.perMinute) {
      return { status: 'rejected', reason: 'rate_limited' };
    }
    if (ip && (await lookups.countByIpSince(ip, since)) >= settings.perMinute * IP_FACTOR) {
      return { status: 'rejected', reason: 'rate_limited' };
    }
    return undefined;
  },
};
