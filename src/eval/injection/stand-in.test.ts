import { afterAll, describe, expect, it } from 'vitest';
import { ERROR_KINDS, inject } from './kinds.js';
import { cleanDraft } from './clean.js';
import { parseWriterPrompt } from './prompt.js';
import { type InjectionServer, startInjectionServer } from './stand-in.js';

// A writer prompt as src/write/passages.ts formats it, shaped on the demo corpus' transit strike.
const PROMPT = `The story has 2 source articles from 2 publishers. Their passages:

Source: Meridian Wire: "Sable City transit workers walk out" (2026-11-12)
[1] Buses and trams across Sable City stood still on Thursday after 6,800 transit workers began a strike.
[2] The union is seeking a 14 percent pay increase over three years; the authority has offered 7.5 percent.
[3] "Our members kept this city moving through floods and heat waves," said Dana Okafor, president of Local 212.
[4] The strike has cost city businesses an estimated 40 million dollars so far, officials said.

Source: Lantern Herald: "Transit strike strands commuters" (2026-11-12)
[5] "We have put a fair offer on the table, and the door is open tonight," said Leonard Brisk, chief executive.
[6] Roads into the city centre were heavily congested by 7 a.m. as commuters drove to work.
[7] Commuter rail services run by the national operator were not affected by the strike.

Write the article as the JSON object described. Cite passage numbers only from the list above.`;

const story = parseWriterPrompt(PROMPT);

describe('the stand-in model', () => {
  it('reads passages and sources from the writer prompt', () => {
    expect(story.sources).toEqual([
      { outlet: 'Meridian Wire', title: 'Sable City transit workers walk out' },
      { outlet: 'Lantern Herald', title: 'Transit strike strands commuters' },
    ]);
    expect(story.passages.map((p) => [p.id, p.source])).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
      [4, 0],
      [5, 1],
      [6, 1],
      [7, 1],
    ]);
  });

  it('writes a clean draft whose every sentence cites the passages it came from', () => {
    const draft = cleanDraft(story);
    const sentences = [...draft.lede, ...draft.sections.flatMap((s) => s.sentences)];
    expect(sentences.length).toBeGreaterThanOrEqual(5);
    for (const s of sentences) expect(s.citations.length).toBeGreaterThan(0);
  });

  it.each(ERROR_KINDS)('injects one %s that no passage says', (kind) => {
    const clean = cleanDraft(story);
    const made = inject(clean, story, kind);
    if (!made) throw new Error(`no ${kind} for the sample story`);
    const sentences = [...made.draft.lede, ...made.draft.sections.flatMap((s) => s.sentences)];
    expect(sentences).toHaveLength([...clean.lede, ...clean.sections.flatMap((s) => s.sentences)].length + 1);
    const { text, citations } = made.injection;
    const cited = story.passages.filter((p) => citations.includes(p.id)).map((p) => p.text);
    // Either the words are not the cited passage's, or the citation is what is wrong.
    if (kind === 'no_citation') expect(citations).toEqual([]);
    else expect(cited).not.toContain(text);
  });
});

describe('the injection server', () => {
  const servers: InjectionServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  const chat = async (server: InjectionServer, messages: { role: string; content: string }[]) => {
    const response = await fetch(`${server.baseUrl}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages }),
    });
    const body = (await response.json()) as { choices: { message: { content: string } }[] };
    return { status: response.status, content: body.choices?.[0]?.message.content ?? '' };
  };

  it('puts the planned error into a real endpoint draft and passes judge requests through', async () => {
    const upstream = await startInjectionServer();
    const proxy = await startInjectionServer({ upstream: { baseUrl: upstream.baseUrl } });
    servers.push(upstream, proxy);
    proxy.plan('negation_flipped');
    const drafted = await chat(proxy, [{ role: 'user', content: PROMPT }]);
    expect(drafted.status).toBe(200);
    const injection = proxy.outcome().injection!;
    expect(injection.kind).toBe('negation_flipped');
    expect(drafted.content).toContain(JSON.stringify(injection.text));
    const judged = await chat(proxy, [
      { role: 'user', content: 'Claims to check:\n\nClaim 1: x\nClaim 2: y' },
    ]);
    expect(JSON.parse(judged.content).verdicts).toHaveLength(2);
  });

  it('answers 502 when the real endpoint is down', async () => {
    const upstream = await startInjectionServer();
    await upstream.close();
    const proxy = await startInjectionServer({ upstream: { baseUrl: upstream.baseUrl } });
    servers.push(proxy);
    const drafted = await chat(proxy, [{ role: 'user', content: PROMPT }]);
    expect(drafted.status).toBe(502);
    expect(proxy.outcome().draft).toBeUndefined();
  });
});
