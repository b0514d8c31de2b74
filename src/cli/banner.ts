import path from 'node:path';
import { redact } from '../db/connect.js';
import { getSetting } from '../store/site.js';
import { countAll } from '../store/stats.js';
import { countUsersWithRole } from '../store/users.js';
import type { CommandContext } from './context.js';

/** What a person starting the site needs to know first. */
export interface BannerFacts {
  version: string;
  url: string;
  /** The data directory (embedded) or the redacted server address. */
  data: string;
  engine: 'pglite' | 'postgres';
  demo: boolean;
  counts: { sources: number; published_stories: number };
  admins: number;
  smtp: boolean;
  workers: boolean;
  /** How to run `newsloom` on this data from the same shell. */
  command: string;
}

/** The few lines `serve` prints on a terminal once the site answers. */
export function startupBanner(f: BannerFacts): string {
  const consoleUrl = `${f.url}admin`;
  const rows: [string, string][] = [
    ['Data', f.engine === 'pglite' ? `${f.data} (embedded PostgreSQL)` : `PostgreSQL at ${f.data}`],
    ['Content', content(f)],
    [
      'Mail',
      f.smtp
        ? 'sent through the configured SMTP server'
        : `no SMTP set: sign-up and reset mail waits in the outbox (\`mail list\`, or ${f.url}admin/mail)`,
    ],
    [
      'Admin',
      f.admins > 0
        ? `${f.admins} admin${f.admins === 1 ? '' : 's'}; the console is at ${consoleUrl}`
        : `none yet: create the first one (below), then sign in at ${consoleUrl}`,
    ],
  ];
  if (!f.workers) rows.push(['Jobs', 'not run here (--no-workers): run `newsloom worker` beside it']);
  const commands = [
    ...(f.admins === 0 ? ['users create --email you@example.com --role admin'] : []),
    ...(f.demo || f.counts.sources === 0 ? ['sources add <feed-url>'] : []),
    'mail list',
  ].map((c) => `${f.command} ${c}`);
  rows.push(['Commands', ['in another terminal, while the site runs:', ...commands].join('\n  ')]);
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = rows.map(
    ([label, text]) => `  ${label.padEnd(width)}${text.split('\n').join(`\n  ${' '.repeat(width)}`)}`,
  );
  return ['', `  Newsloom ${f.version} is serving ${f.url}`, '', ...lines, '', '  Ctrl+C stops it.', ''].join(
    '\n',
  );
}

function content(f: BannerFacts): string {
  if (f.demo) return 'demo: fictional stories from fictional outlets';
  if (f.counts.sources === 0) return 'no sources yet';
  const stories = f.counts.published_stories;
  return `${f.counts.sources} source${f.counts.sources === 1 ? '' : 's'}, ${stories} published stor${stories === 1 ? 'y' : 'ies'}`;
}

/**
 * How a person runs `newsloom` on the same data from this shell: the script as it was started
 * (`node bin/newsloom.js` in a checkout, `newsloom` once installed) plus `--data-dir` unless it is
 * the default one here.
 */
export function commandLine(
  dataDir: string,
  { argv = process.argv, cwd = process.cwd() }: { argv?: string[]; cwd?: string } = {},
): string {
  const script = argv[1] ?? '';
  const relative = (file: string) => {
    const rel = path.relative(cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  };
  const base = path.basename(script) === 'newsloom.js' ? `node ${relative(script)}` : 'newsloom';
  return dataDir === path.resolve(cwd, 'data') ? base : `${base} --data-dir ${relative(dataDir)}`;
}

/** Gathers the banner's facts from the running process. */
export async function bannerFacts(
  context: CommandContext,
  { url, version, workers }: { url: string; version: string; workers: boolean },
): Promise<BannerFacts> {
  const { config, database } = context;
  const db = database.db;
  const [demo, counts, admins] = await Promise.all([
    getSetting(db, 'demo'),
    countAll(db),
    countUsersWithRole(db, 'admin'),
  ]);
  return {
    version,
    url,
    data: config.databaseUrl ? redact(config.databaseUrl) : config.dataDir,
    engine: database.engine,
    demo: demo !== undefined && demo !== null,
    counts,
    admins,
    smtp: config.smtpUrl !== undefined,
    workers,
    command: commandLine(config.dataDir),
  };
}
