import type { Child } from 'hono/jsx';
import { hasRole, type Role } from '../../auth/roles.js';
import type { AccountContext } from '../auth/context.js';
import { Layout } from '../discuss/layout.js';

/** One entry of the console's navigation, shown to viewers holding `role`. */
export interface AdminNavEntry {
  href: string;
  label: string;
  role: Role;
}

/** The console's sections in the order the navigation lists them. */
export const ADMIN_NAV: AdminNavEntry[] = [
  { href: '/admin', label: 'Dashboard', role: 'editor' },
  { href: '/admin/sources', label: 'Sources', role: 'editor' },
  { href: '/admin/stories', label: 'Stories', role: 'editor' },
  { href: '/admin/corrections', label: 'Corrections', role: 'editor' },
  { href: '/admin/moderation', label: 'Moderation', role: 'moderator' },
  { href: '/admin/people', label: 'People', role: 'editor' },
  { href: '/admin/settings', label: 'Settings', role: 'editor' },
  { href: '/admin/audit', label: 'Audit log', role: 'editor' },
  { href: '/admin/mail', label: 'Mail', role: 'admin' },
];

/** A console page: the reader site's frame, the console navigation, then the page's content. */
export function AdminLayout({
  c,
  siteName,
  title,
  children,
}: {
  c: AccountContext;
  siteName: string;
  title: string;
  children?: Child;
}) {
  const viewer = c.get('viewer');
  const chrome = { siteName, viewer, csrf: c.get('csrf')(), frame: c.get('frame') };
  const here = c.req.path;
  return (
    <Layout chrome={chrome} title={title}>
      <div class="console">
        <nav aria-label="Editor console" class="admin-nav sans">
          <ul>
            {ADMIN_NAV.filter((entry) => hasRole(viewer?.role, entry.role)).map((entry) => (
              <li>
                <a href={entry.href} aria-current={here === entry.href ? 'page' : undefined}>
                  {entry.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {children}
      </div>
    </Layout>
  );
}
