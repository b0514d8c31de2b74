import { Hono } from 'hono';
import type { AccountEnv } from '../auth/context.js';
import { auditSection } from './audit.js';
import { dashboardSection } from './dashboard.js';
import type { AdminDeps } from './deps.js';
import { correctionsSection } from './corrections.js';
import { adminGate } from './gate.js';
import { mailSection } from './mail.js';
import { storiesSection } from './stories.js';
import { moderationSection } from './moderation.js';
import { peopleSection } from './people.js';
import { settingsSection } from './settings.js';
import { sourcesSection } from './sources.js';

export type { AdminDeps } from './deps.js';

/** A section of the console: its routes, mounted under `/admin`. */
export type AdminSection = (deps: AdminDeps) => Hono<AccountEnv>;

/** Console sections, each in its own module. */
const SECTIONS: AdminSection[] = [
  dashboardSection,
  sourcesSection,
  storiesSection,
  correctionsSection,
  moderationSection,
  peopleSection,
  settingsSection,
  auditSection,
  mailSection,
];

/** The editor console under `/admin`: every route behind the role gate. */
export function adminApp(deps: AdminDeps): Hono<AccountEnv> {
  const app = new Hono<AccountEnv>();
  app.use('/admin', adminGate());
  app.use('/admin/*', adminGate());
  for (const section of SECTIONS) app.route('/admin', section(deps));
  return app;
}
