import {
  countCommentsByIpSince,
  countCommentsByUserSince,
  countVisibleByUser,
  hasCommentWithHashSince,
} from '../store/comments.js';
import type { Executor } from '../store/db.js';
import { activeBan } from '../store/moderation.js';
import type { ModerationLookups } from './types.js';

/** The moderation lookups answered from the database. */
export function databaseLookups(db: Executor): ModerationLookups {
  return {
    activeBan: (userId, now) => activeBan(db, userId, now),
    countByUserSince: (userId, since) => countCommentsByUserSince(db, userId, since),
    countByIpSince: (ip, since) => countCommentsByIpSince(db, ip, since),
    hasDuplicateSince: (userId, hash, since) => hasCommentWithHashSince(db, userId, hash, since),
    visibleCountByUser: (userId) => countVisibleByUser(db, userId),
  };
}
