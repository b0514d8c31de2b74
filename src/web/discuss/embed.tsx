import type { Accounts } from '../../auth/accounts.js';
import type { AccountContext } from '../auth/context.js';
import type { StoryThoughts } from '../context.js';
import { thoughtsFor, thoughtsProps } from './routes.js';
import { Thoughts } from './thoughts.js';

/**
 * The Thoughts section a story page embeds: the thread as everyone signed out sees it first (cached
 * with the page, which is re-rendered when the thread changes), or this request's own view of it.
 */
export function storyThoughts(accounts: Accounts): StoryThoughts {
  return {
    async public(storyId, returnTo) {
      const props = await thoughtsProps(accounts, storyId, returnTo, { viewer: null, csrf: '' });
      return String(await (<Thoughts {...props} />).toString());
    },
    async live(c, storyId, returnTo) {
      const props = await thoughtsFor(accounts, c as AccountContext, storyId, returnTo);
      return String(await (<Thoughts {...props} />).toString());
    },
  };
}

/** Whether a request asks for more than the default thread view (a sort, a page, a notice after a form). */
export function asksForThreadView(query: (name: string) => string | null | undefined): boolean {
  return Boolean(query('sort') || query('page') || query('thoughts'));
}
