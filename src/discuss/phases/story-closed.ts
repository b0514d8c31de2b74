import type { Phase } from '../types.js';

const DAY_MS = 86_400_000;

/** Closed per story by an editor, or automatically N days after publication. */
export const storyClosedPhase: Phase = {
  name: 'story-closed',
  onEdit: false,
  run({ story, now, settings }) {
    if (story.closed) return { status: 'rejected', reason: 'comments_closed' };
    const days = settings.closeAfterDays;
    if (days > 0 && story.publishedAt && now.getTime() - story.publishedAt.getTime() > days * DAY_MS) {
      return { status: 'rejected', reason: 'comments_closed' };
    }
    return undefined;
  },
};
