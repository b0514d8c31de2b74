/** Why a comment was rejected or held, in words a reader understands (keyed by the pipeline's reason code). */
export const REASON_TEXT: Record<string, string> = {
  empty: 'Write something first.',
  too_long: 'That comment is too long.',
  comments_closed: 'Comments are closed on this story.',
  banned: 'Your account cannot post comments.',
  suspended: 'Your account is suspended from commenting for now.',
  rate_limited: 'You are commenting too fast. Wait a minute and try again.',
  duplicate: 'You already posted that.',
  too_many_links: 'That comment has too many links.',
  banned_word: 'That comment uses language we do not publish.',
  honeypot: 'That looked like spam.',
  suspect_word: 'Your comment waits for a moderator.',
  new_account: 'Thanks! New accounts’ first comments wait for a moderator; yours will appear once approved.',
  too_fast: 'Your comment waits for a moderator.',
  moderator: 'Removed by a moderator.',
};

/** Notices after a successful form, selected by `?thoughts=` (never echoing the query's own text). */
export const THOUGHTS_NOTICES: Record<string, string> = {
  posted: 'Your comment is published.',
  held: 'Your comment waits for a moderator.',
  edited: 'Your comment was updated.',
  deleted: 'Your comment was deleted.',
  reported: 'Thanks. A moderator will look at it.',
  liked: 'Thanks for the like.',
  unliked: 'Like removed.',
  closed: 'Comments are now closed on this story.',
  opened: 'Comments are open again on this story.',
  'inaccuracy-reported': 'Thanks. An editor will check that sentence.',
};

/** The human text for a reason code. */
export function reasonText(reason: string | null | undefined): string {
  return (reason && REASON_TEXT[reason]) || 'That comment could not be posted.';
}
