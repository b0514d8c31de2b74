import { describe, expect, it } from 'vitest';
import type { Ban } from '../../db/schema.js';
import { moderate } from '../pipeline.js';
import { extractLinks, hashBody } from '../text.js';
import type { ModerationContext, ModerationLookups, ModerationSettings } from '../types.js';
import { bannedPhase } from './banned.js';
import { phases } from './index.js';
import { lengthPhase } from './length.js';
import { linksPhase } from './links.js';
import { newAccountPhase } from './new-account.js';
import { rateLimitPhase } from './rate-limit.js';
import { repeatedPhase } from './repeated.js';
import { spamPhase } from './spam.js';
import { storyClosedPhase } from './story-closed.js';
import { wordsPhase } from './words.js';

const NOW = new Date('2026-03-01T12:00:00Z');

const settings: ModerationSettings = {
  maxLength: 50,
  maxLinks: 2,
  perMinute: 3,
  heldForNewAccounts: 1,
  closeAfterDays: 30,
  editMinutes: 15,
  bannedWords: ['scumbag', 'buy followers'],
  suspectWords: ['idiot'],
  minFormMs: 3000,
};

function ban(kind: Ban['kind']): Ban {
  return {
    id: 1,
    user_id: 'u',
    kind,
    reason: 'r',
    until: null,
    created_by: null,
    created_at: NOW,
    lifted_at: null,
  };
}

interface Facts {
  ban?: Ban;
  byUser?: number;
  byIp?: number;
  duplicate?: boolean;
  visible?: number;
}

function ctx(over: Partial<Omit<ModerationContext, 'lookups'>> = {}, facts: Facts = {}): ModerationContext {
  const body = over.body ?? 'A fair point about the budget.';
  const lookups: ModerationLookups = {
    activeBan: async () => facts.ban,
    countByUserSince: async () => facts.byUser ?? 0,
    countByIpSince: async () => facts.byIp ?? 0,
    hasDuplicateSince: async () => facts.duplicate ?? false,
    visibleCountByUser: async () => facts.visible ?? 5,
  };
  return {
    now: NOW,
    editing: false,
    body,
    bodyHash: hashBody(body),
    links: extractLinks(body),
    author: { id: 'u', role: 'reader' },
    story: { closed: false, publishedAt: new Date('2026-02-20T00:00:00Z') },
    ip: '192.0.2.1',
    honeypot: '',
    elapsedMs: 20_000,
    settings,
    lookups,
    ...over,
  };
}

describe('moderation phases', () => {
  const rows: [string, (typeof phases)[number], ModerationContext, string | undefined][] = [
    ['empty after trimming', lengthPhase, ctx({ body: '' }), 'rejected:empty'],
    ['a 51-character rant', lengthPhase, ctx({ body: 'x'.repeat(51) }), 'rejected:too_long'],
    ['50 emoji count as 50 characters', lengthPhase, ctx({ body: '👍'.repeat(50) }), undefined],
    [
      'closed by an editor',
      storyClosedPhase,
      ctx({ story: { closed: true, publishedAt: NOW } }),
      'rejected:comments_closed',
    ],
    [
      'published 31 days ago',
      storyClosedPhase,
      ctx({ story: { closed: false, publishedAt: new Date('2026-01-29T00:00:00Z') } }),
      'rejected:comments_closed',
    ],
    ['published 9 days ago', storyClosedPhase, ctx(), undefined],
    ['banned author', bannedPhase, ctx({}, { ban: ban('ban') }), 'rejected:banned'],
    ['suspended author', bannedPhase, ctx({}, { ban: ban('suspend') }), 'rejected:suspended'],
    ['no ban', bannedPhase, ctx(), undefined],
    ['fourth comment within a minute', rateLimitPhase, ctx({}, { byUser: 3 }), 'rejected:rate_limited'],
    ['busy shared address (12 in a minute)', rateLimitPhase, ctx({}, { byIp: 12 }), 'rejected:rate_limited'],
    ['third comment within a minute', rateLimitPhase, ctx({}, { byUser: 2, byIp: 11 }), undefined],
    ['double submit of the same text', repeatedPhase, ctx({}, { duplicate: true }), 'rejected:duplicate'],
    [
      'three links',
      linksPhase,
      ctx({ body: 'a https://a.example b http://b.example c www.c.example' }),
      'rejected:too_many_links',
    ],
    ['two links', linksPhase, ctx({ body: 'see https://a.example and https://b.example' }), undefined],
    [
      'banned word in capitals',
      wordsPhase,
      ctx({ body: 'What a SCUMBAG move.' }),
      'rejected:banned_word:scumbag',
    ],
    [
      'banned phrase',
      wordsPhase,
      ctx({ body: 'Cheap! Buy  followers here' }),
      'rejected:banned_word:buy followers',
    ],
    [
      'suspect word held with the word',
      wordsPhase,
      ctx({ body: 'Only an idiot would say that' }),
      'pending:suspect_word:idiot',
    ],
    ['word inside another word is fine', wordsPhase, ctx({ body: 'Idiotic? No, idiosyncratic.' }), undefined],
    ['first comment of a new account', newAccountPhase, ctx({}, { visible: 0 }), 'pending:new_account'],
    [
      'moderators are trusted',
      newAccountPhase,
      ctx({ author: { id: 'm', role: 'moderator' } }, { visible: 0 }),
      undefined,
    ],
    ['account with a published comment', newAccountPhase, ctx({}, { visible: 1 }), undefined],
    ['honeypot filled by a bot', spamPhase, ctx({ honeypot: 'http://spam.example' }), 'rejected:honeypot'],
    ['sent 400 ms after the form appeared', spamPhase, ctx({ elapsedMs: 400 }), 'pending:too_fast'],
    ['API client without form timing', spamPhase, ctx({ elapsedMs: null }), undefined],
  ];

  it.each(rows)('%s', async (_name, phase, context, expected) => {
    const verdict = await phase.run(context);
    const got = verdict
      ? [verdict.status, verdict.reason, verdict.matchedWord].filter(Boolean).join(':')
      : undefined;
    expect(got).toBe(expected);
  });
});

describe('the pipeline', () => {
  it('publishes an ordinary comment', async () => {
    expect(await moderate(ctx())).toEqual({ status: 'visible', reason: null, matchedWord: null });
  });

  it('lets a later rejection override an earlier hold', async () => {
    const result = await moderate(ctx({ body: 'you idiot', honeypot: 'x' }));
    expect(result).toMatchObject({ status: 'rejected', reason: 'honeypot' });
  });

  it('keeps the first hold and its word when nothing rejects', async () => {
    const result = await moderate(ctx({ body: 'you idiot' }, { visible: 0 }));
    expect(result).toEqual({ status: 'pending', reason: 'suspect_word', matchedWord: 'idiot' });
  });

  it('stops at the first rejection in order (banned before rate limit)', async () => {
    const result = await moderate(ctx({}, { ban: ban('ban'), byUser: 10 }));
    expect(result.reason).toBe('banned');
  });

  it('checks an edit for content and bans only', async () => {
    const editing = ctx(
      { editing: true, story: { closed: true, publishedAt: NOW } },
      { byUser: 99, duplicate: true, visible: 0 },
    );
    expect((await moderate(editing)).status).toBe('visible');
    expect((await moderate({ ...editing, body: 'scumbag' })).reason).toBe('banned_word');
    expect((await moderate(ctx({ editing: true }, { ban: ban('ban') }))).reason).toBe('banned');
  });

  it('runs the phases in the documented order', () => {
    expect(phases.map((p) => p.name)).toEqual([
      'length',
      'story-closed',
      'banned',
      'rate-limit',
      'repeated',
      'links',
      'words',
      'new-account',
      'spam',
    ]);
  });
});
