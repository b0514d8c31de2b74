import { Hono } from 'hono';
import type { Accounts } from '../../auth/accounts.js';
import type { AccountEnv } from '../auth/context.js';
import { commentsApi } from './api.js';
import { moderationRoutes } from './moderation.js';
import { discussRoutes } from './routes.js';

export { asksForThreadView, storyThoughts } from './embed.js';
export { thoughtsFor } from './routes.js';
export { Thoughts, type ThoughtsProps } from './thoughts.js';

/** Every discussion route: Thoughts pages and forms, the comments API, moderation and editor queues. */
export function discussApp(accounts: Accounts): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  app.route('/', commentsApi(accounts));
  app.route('/', moderationRoutes(accounts));
  app.route('/', discussRoutes(accounts));
  return app;
}
