import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect.js';
import { openTestDatabase } from '../db/testing.js';
import { guardedFetch } from '../ingest/fetch/guarded-fetch.js';
import { silentLogger } from '../lib/log.js';
import { findingsForVersion } from '../store/findings.js';
import { sampleSources } from '../verify/fixtures.js';
import { anatomyProblems } from '../write/anatomy.js';
import { createLlmWriter } from '../write/llm.js';
import { loadPrompts } from '../write/prompts.js';
import { type FakeLlm, type FakeReply, startFakeLlm } from '../write/testing/fake-llm.js';
import { seedStory } from './testing.js';
import { type WriteDeps, writeStory } from './write-story.js';

// Passages of the sample story, numbered by the writer: [1]-[4] Daily Ledger, [5]-[8] Port Verde Times.
const good = {
  headline: 'Freedonia raises its interest rate to 4.5%',
  dek: 'The central bank of Freedonia raised its main interest rate to 4.5% and approved a $350 billion support package for exporters.',
  lede: [
    {
      text: 'The central bank of Freedonia raised its main interest rate to 4.5% on Tuesday.',
      citations: [1],
    },
  ],
  sections: [
    {
      heading: 'Support for exporters',
      sentences: [
        { text: 'The bank also approved a $350 billion support package for exporters.', citations: [3, 8] },
      ],
    },
    {
      heading: 'What was said',
      sentences: [
        { text: 'Finance Minister Piotr Nowak said the government backed the decision.', citations: [6] },
        { text: '“This is painful but necessary,” Nowak told reporters in Port Verde.', citations: [7] },
      ],
    },
  ],
};

/** The good draft with one more sentence in the last section. */
function withSentence(text: string, citations: number[]) {
  const copy = structuredClone(good);
  copy.sections[1]!.sentences.push({ text, citations });
  return JSON.stringify(copy);
}

const hostile: { name: string; reply: string; check: string; text: string }[] = [
  {
    name: 'invented quote',
    reply: withSentence('“We will cut rates next month,” said Governor Ana Silva.', [2]),
    check: 'quote',
    text: 'We will cut rates next month',
  },
  {
    name: 'quote given to the wrong speaker',
    reply: withSentence('“This is painful but necessary,” said Governor Ana Silva.', [7, 2]),
    check: 'speaker',
    text: 'This is painful but necessary,” said Governor',
  },
  {
    name: 'changed figure',
    reply: withSentence('Exporters will receive $450 billion in support, the bank said.', [8]),
    check: 'figure',
    text: '$450 billion',
  },
  {
    name: 'name not in any source',
    reply: withSentence('Opposition leader Marta Kowalczyk criticised the decision in parliament.', [4]),
    check: 'entity',
    text: 'Kowalczyk',
  },
  {
    name: 'sentence without citations',
    reply: withSentence('Critics in parliament said the move would hurt small businesses.', []),
    check: 'citation',
    text: '',
  },
  {
    name: 'citation ids out of range',
    reply: withSentence('Critics in parliament said the move would hurt small businesses.', [42]),
    check: 'citation',
    text: '',
  },
];

/** A support judge's answer: one verdict per claim number, in order. */
function judge(...verdicts: { supported: boolean; reason?: string }[]): FakeReply {
  return {
    content: JSON.stringify({ verdicts: verdicts.map((v, i) => ({ claim: i + 1, reason: '', ...v })) }),
    usage: { prompt_tokens: 300, completion_tokens: 40 },
  };
}

/** A judge that accepts everything it is shown. */
const lenientJudge = judge(...Array.from({ length: 12 }, () => ({ supported: true })));

const broken: {
  name: string;
  replies: FakeReply[];
  message: RegExp;
  maxRetries?: number;
  timeoutMs?: number;
}[] = [
  {
    name: 'malformed JSON',
    replies: [{ content: '{"headline": "Freedonia raises rates", "lede": [' }],
    message: /not a valid draft/,
  },
  { name: 'empty answer', replies: [{ content: '' }], message: /empty answer|not a valid draft/ },
  {
    name: 'timeout',
    replies: [{ content: JSON.stringify(good), delayMs: 3000 }],
    message: /did not answer within 400 ms/,
    timeoutMs: 400,
  },
  // Without Retry-After the SDK backs off for seconds; the 429 case below covers the retry itself.
  { name: '500', replies: [{ status: 500 }], message: /HTTP 500 after 1 attempt/, maxRetries: 0 },
  {
    name: '429 with Retry-After, every time',
    replies: [{ status: 429, retryAfter: 0 }],
    message: /HTTP 429 after 2 attempts/,
  },
];

describe('writeStory with the LLM writer', () => {
  let database: Database;
  let llm: FakeLlm;
  const writer = (options: { timeoutMs?: number; maxRetries?: number } = {}) =>
    createLlmWriter({
      baseUrl: llm.baseUrl,
      model: 'fake-7b',
      timeoutMs: options.timeoutMs ?? 5000,
      maxRetries: options.maxRetries ?? 1,
      promptTokens: 4000,
      prompts: loadPrompts(),
      logger: silentLogger(),
      // The fake model listens on loopback, which the operator must allow as for feeds.
      fetch: loopbackFetch,
    });
  const loopbackFetch = guardedFetch(['127.0.0.1']);
  let deps: WriteDeps;
  let storyId: number;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    llm = await startFakeLlm();
    deps = { db: database.db, logger: silentLogger(), policy: 'auto', llm: writer() };
    const [a, b] = sampleSources();
    ({ storyId } = await seedStory(
      database.db,
      'freedonia-rates',
      [a!, b!].map((s) => ({
        outlet: s.outlet,
        title: s.title,
        text: s.text,
        published_at: s.published_at!,
      })),
    ));
  });
  afterAll(async () => {
    await llm?.close();
    await database?.close();
  });

  it('publishes a verified model draft with its token counts', async () => {
    llm.script([{ content: JSON.stringify(good), usage: { prompt_tokens: 900, completion_tokens: 250 } }]);
    const outcome = await writeStory(deps, storyId, { force: true });
    if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
    expect(outcome.version.writer).toBe('fake-7b');
    expect(outcome.version.model).toBe('fake-7b');
    expect([outcome.version.prompt_tokens, outcome.version.output_tokens]).toEqual([900, 250]);
    expect(outcome.version.body.sections[0]!.sentences[0]!.citations.map((c) => c.article_id)).toHaveLength(
      2,
    );
    // Quotes and key figures come from the sources the draft cites, not from the model's answer.
    expect(outcome.version.body.quotes.map((q) => [q.speaker, q.role])).toContainEqual([
      'Ana Silva',
      'Governor',
    ]);
    const figures = outcome.version.body.figures;
    expect(figures.map((f) => [f.value, f.label])).toContainEqual([4.5, 'main interest rate']);
    for (const f of figures) expect(f.label).toBeTruthy();
    expect(anatomyProblems(outcome.version)).toEqual([]);
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0]!.messages.at(-1)!.content).toContain('[8] Exporters will receive 350bn dollars');
    expect(outcome.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(hostile)(
    'drops the failing sentence of a draft with an $name, after one repair',
    async ({ reply, check, text }) => {
      // Even a judge that accepts every sentence cannot let the failing one through.
      llm.script([{ content: reply }, { content: reply }, lenientJudge]);
      const outcome = await writeStory(deps, storyId, { force: true });
      if (outcome.status !== 'published') throw new Error(JSON.stringify(outcome));
      expect(llm.requests[1]!.messages.at(-1)!.content).toMatch(/failed verification/);
      // The judge is asked about every sentence not copied from its sources, once, after the repair.
      expect(llm.requests.length).toBeLessThanOrEqual(3);
      for (const request of llm.requests.slice(2))
        expect(request.messages.at(-1)!.content).toMatch(/^Claims to check/);
      const stored = await findingsForVersion(database.db, outcome.version.id);
      expect(stored.filter((f) => f.severity === 'error').map((f) => f.check)).toContain(check);
      expect(
        stored.some((f) => f.message === 'dropped: failed verification' && f.location === 'sections.1.2'),
      ).toBe(true);
      const texts = outcome.version.body.sections.flatMap((s) => s.sentences.map((x) => x.text));
      expect(texts).toHaveLength(3);
      if (text) expect(texts.join(' ')).not.toContain(text);
    },
  );

  it('tells the model which passage holds a sentence that cites one that does not', async () => {
    const reply = withSentence('The bank also approved a $350 billion support package for exporters.', [1]);
    const fixed = withSentence('The bank also approved a $350 billion support package for exporters.', [3]);
    llm.script([{ content: reply }, { content: fixed }, lenientJudge]);
    const outcome = await writeStory(deps, storyId, { force: true });
    if (outcome.status !== 'published') throw new Error(outcome.status);
    expect(llm.requests[1]!.messages.at(-1)!.content).toContain(
      '- sections.1.2: the cited passages do not hold this sentence; passage [3] does: cite it and keep the words',
    );
    expect(outcome.version.body.sections[1]!.sentences).toHaveLength(3);
  });

  it('ignores quotes and key figures the model lists: the pipeline takes them from the sources', async () => {
    const reply = {
      ...structuredClone(good),
      quotes: [{ text: 'We will cut rates next month', speaker: 'Ana Silva', passage: 2 }],
      figures: [{ text: '$450 billion', passage: 3 }],
    };
    llm.script([{ content: JSON.stringify(reply) }]);
    const outcome = await writeStory(deps, storyId, { force: true });
    if (outcome.status !== 'published') throw new Error(outcome.status);
    expect(outcome.version.body.quotes.map((q) => q.text)).not.toContain('We will cut rates next month');
    expect(outcome.version.body.figures.map((f) => f.value)).not.toContain(450e9);
    expect(outcome.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const prompt = llm.requests
      .at(-1)!
      .messages.map((m) => m.content)
      .join('\n');
    expect(prompt).toContain('[8] Exporters will receive 350bn dollars');
  });

  it('holds a hostile draft for an editor under the review policy', async () => {
    llm.script([{ content: hostile[0]!.reply }]);
    const outcome = await writeStory({ ...deps, policy: 'review' }, storyId, { force: true });
    expect(outcome.status).toBe('review');
  });

  it('takes the repaired draft when the repair verifies', async () => {
    llm.script([{ content: hostile[2]!.reply }, { content: JSON.stringify(good) }]);
    const outcome = await writeStory(deps, storyId, { force: true });
    if (outcome.status !== 'published') throw new Error(outcome.status);
    expect(outcome.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(outcome.findings.map((f) => f.message)).toContainEqual(
      expect.stringMatching(/asked the model to repair it once/),
    );
    expect(outcome.version.writer).toBe('fake-7b');
  });

  it.each(broken)(
    'falls back to the extractive writer on $name, and says so',
    async ({ replies, message, maxRetries, timeoutMs }) => {
      llm.script(replies);
      const outcome = await writeStory({ ...deps, llm: writer({ maxRetries, timeoutMs }) }, storyId, {
        force: true,
      });
      if (outcome.status !== 'published') throw new Error(outcome.status);
      expect(outcome.version.writer).toBe('extractive');
      const stored = await findingsForVersion(database.db, outcome.version.id);
      expect(stored.map((f) => f.message)).toContainEqual(expect.stringMatching(message));
      expect(stored.map((f) => f.message)).toContainEqual(
        'LLM writer fake-7b gave no usable draft; extractive writer used',
      );
    },
  );

  it('waits out a 429 with Retry-After and uses the answer that follows', async () => {
    llm.script([{ status: 429, retryAfter: 1 }, { content: JSON.stringify(good) }]);
    const outcome = await writeStory(deps, storyId, { force: true });
    if (outcome.status !== 'published') throw new Error(outcome.status);
    expect(outcome.version.writer).toBe('fake-7b');
    expect(llm.requests).toHaveLength(2);
  });

  describe('with the support judge', () => {
    const judged = (text: string, citations: number[]) => ({ content: withSentence(text, citations) });

    it('rejects a sentence the lexical scorer accepts, with its reason', async () => {
      const text =
        'The central bank of Freedonia raised its main interest rate on Tuesday to fight inflation.';
      llm.script([judged(text, [1]), judge({ supported: false, reason: 'the passage gives no motive' })]);
      const outcome = await writeStory(deps, storyId, { force: true });
      if (outcome.status !== 'published') throw new Error(outcome.status);
      expect(llm.requests).toHaveLength(2);
      expect(llm.requests[1]!.messages.at(-1)!.content).toContain(`Claim 1: ${text}`);
      const stored = await findingsForVersion(database.db, outcome.version.id);
      expect(stored).toContainEqual(
        expect.objectContaining({
          location: 'sections.1.2',
          check: 'judge',
          severity: 'error',
          message: expect.stringContaining('the passage gives no motive'),
        }),
      );
      expect(outcome.version.body.sections.flatMap((s) => s.sentences.map((x) => x.text))).not.toContain(
        text,
      );
      // The judge's tokens count toward the version's.
      expect(outcome.version.prompt_tokens).toBe(1200 + 300);
    });

    it('cannot clear what the deterministic checks found, and keeps its verdict with the version', async () => {
      const text = 'The central bank raised rates again this year.';
      // The lexical scorer fails this sentence and asks for a repair, which keeps it; the judge accepts it.
      llm.script([judged(text, [5]), judged(text, [5]), judge({ supported: true, reason: 'a paraphrase' })]);
      const outcome = await writeStory(deps, storyId, { force: true });
      if (outcome.status !== 'published') throw new Error(outcome.status);
      const texts = outcome.version.body.sections.flatMap((s) => s.sentences.map((x) => x.text));
      expect(texts).not.toContain(text);
      const stored = await findingsForVersion(database.db, outcome.version.id);
      expect(stored).toContainEqual(
        expect.objectContaining({ location: 'sections.1.2', check: 'support', severity: 'error' }),
      );
      expect(stored).toContainEqual(
        expect.objectContaining({
          location: 'sections.1.2',
          check: 'judge',
          severity: 'info',
          detail: expect.objectContaining({ supported: true, reason: 'a paraphrase' }),
        }),
      );
    });

    it('keeps the lexical decision, visibly, when the judge fails', async () => {
      const text = 'The central bank raised rates again this year.';
      llm.script([judged(text, [5]), judged(text, [5]), { status: 500 }]);
      const outcome = await writeStory({ ...deps, llm: writer({ maxRetries: 0 }) }, storyId, { force: true });
      if (outcome.status !== 'published') throw new Error(outcome.status);
      const stored = await findingsForVersion(database.db, outcome.version.id);
      expect(stored).toContainEqual(
        expect.objectContaining({
          check: 'support',
          severity: 'warning',
          message: expect.stringMatching(/^support judge: model endpoint answered HTTP 500/),
        }),
      );
      expect(stored).toContainEqual(
        expect.objectContaining({ location: 'sections.1.2', check: 'support', severity: 'error' }),
      );
      expect(outcome.version.body.sections.flatMap((s) => s.sentences.map((x) => x.text))).not.toContain(
        text,
      );
    });
  });
});
