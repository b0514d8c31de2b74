import { describe, expect, it } from 'vitest';
import { type BannerFacts, commandLine, startupBanner } from './banner.js';

const firstStart: BannerFacts = {
  version: '1.2.3',
  url: 'http://localhost:3400/',
  data: '/srv/newsloom/data',
  engine: 'pglite',
  demo: true,
  counts: { sources: 0, published_stories: 11 },
  admins: 0,
  smtp: false,
  workers: true,
  command: 'node bin/newsloom.js',
};

describe('startupBanner', () => {
  it('tells a first-time operator where the site is, what it shows, and how to make the first admin', () => {
    expect(startupBanner(firstStart)).toBe(
      [
        '',
        '  Newsloom 1.2.3 is serving http://localhost:3400/',
        '',
        '  Data      /srv/newsloom/data (embedded PostgreSQL)',
        '  Content   demo: fictional stories from fictional outlets',
        '  Mail      no SMTP set: sign-up and reset mail waits in the outbox (`mail list`, or http://localhost:3400/admin/mail)',
        '  Admin     none yet: create the first one (below), then sign in at http://localhost:3400/admin',
        '  Commands  in another terminal, while the site runs:',
        '              node bin/newsloom.js users create --email you@example.com --role admin',
        '              node bin/newsloom.js sources add <feed-url>',
        '              node bin/newsloom.js mail list',
        '',
        '  Ctrl+C stops it.',
        '',
      ].join('\n'),
    );
  });

  it.each([
    [
      'a newsroom with admins and sources on PostgreSQL, web only',
      {
        ...firstStart,
        data: 'postgres://newsloom:***@db/newsloom',
        engine: 'postgres',
        demo: false,
        counts: { sources: 12, published_stories: 1 },
        admins: 2,
        smtp: true,
        workers: false,
      },
      [
        'PostgreSQL at postgres://newsloom:***@db/newsloom',
        '12 sources, 1 published story',
        'sent through the configured SMTP server',
        '2 admins; the console is at http://localhost:3400/admin',
        'run `newsloom worker` beside it',
      ],
      ['users create', 'sources add', 'demo'],
    ],
    [
      'an empty newsroom',
      { ...firstStart, demo: false },
      ['no sources yet', 'sources add <feed-url>'],
      ['demo'],
    ],
  ] as const)('describes %s', (_, facts, shown, hidden) => {
    const banner = startupBanner(facts as BannerFacts);
    for (const text of shown) expect(banner).toContain(text);
    for (const text of hidden) expect(banner).not.toContain(text);
  });
});

describe('commandLine', () => {
  it.each([
    [
      'a checkout, default data',
      ['node', '/repo/bin/newsloom.js'],
      '/repo',
      '/repo/data',
      'node bin/newsloom.js',
    ],
    [
      'a checkout, another data directory',
      ['node', '/repo/bin/newsloom.js'],
      '/repo',
      '/tmp/site',
      'node bin/newsloom.js --data-dir /tmp/site',
    ],
    [
      'a checkout run from elsewhere',
      ['node', '/repo/bin/newsloom.js'],
      '/home/me',
      '/home/me/data',
      'node /repo/bin/newsloom.js',
    ],
    [
      'an installed command',
      ['node', '/usr/bin/newsloom'],
      '/srv',
      '/srv/site/data',
      'newsloom --data-dir site/data',
    ],
  ])('names the command for %s', (_, argv, cwd, dataDir, expected) => {
    expect(commandLine(dataDir, { argv, cwd })).toBe(expected);
  });
});
