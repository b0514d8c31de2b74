import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { prepareSources } from '../verify/prepare.js';
import type { SourceArticle } from '../verify/types.js';
import { collectCandidates } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { pickDek } from './dek.js';
import { headlineSentence, pickHeadline, pickLede } from './headline.js';
import { MAX_HEADLINE, mainClause } from './headline-clause.js';

describe('mainClause', () => {
  it('cuts a long sentence without a comma before its first subordinate clause', () => {
    expect(
      mainClause(
        'The harbour authority closed the northern channel to all shipping on Monday morning after a tanker ran aground near the breakwater in heavy fog.',
      ),
    ).toBe('The harbour authority closed the northern channel to all shipping on Monday morning');
  });

  it('does not make a headline of a clause that only names someone', () => {
    const text =
      'Mara Quill, the veteran harbour pilot with thirty years on the northern channel, guided the stranded tanker back into deep water.';
    // The name and what it did, without the role between commas.
    expect(mainClause(text)).toBe('Mara Quill guided the stranded tanker back into deep water');
    expect(
      mainClause('Paris, London and Berlin, the three capitals, agreed on a joint plan for the border.'),
    ).toBe('Paris, London and Berlin, the three capitals, agreed on a joint plan for the border');
  });

  it('starts after an opening phrase of place, time or circumstance', () => {
    expect(
      mainClause(
        'In a new study of 103 patients and 100 healthy volunteers, investigators found that the finger ratio predicts the illness.',
      ),
    ).toBe('Investigators found that the finger ratio predicts the illness');
    // Not when what follows leans on the phrase.
    expect(
      mainClause('When officer Mark Engravalle arrived at the house, he noticed the children had no shoes.'),
    ).not.toMatch(/^He noticed/);
  });

  it('takes the first of two sentences extraction ran together', () => {
    expect(
      mainClause(
        'Ana Ruiz had recently moved to Dunmore to care for her mother.Less than a week later, she was arrested.',
      ),
    ).toBe('Ana Ruiz had recently moved to Dunmore to care for her mother');
  });

  it('starts after a linking adverb that ties the sentence to the one before', () => {
    // Multi-News (the Blagojevich filing).
    expect(
      mainClause('Further, the public official denies being aware of cash contributions to his campaign.'),
    ).toBe('The public official denies being aware of cash contributions to his campaign');
    expect(mainClause('Paris, the capital of France, hosted the summit on Tuesday afternoon.')).toMatch(
      /^Paris/,
    );
  });

  it('keeps an opening clause that makes a statement', () => {
    expect(
      mainClause('The harbour reopened to shipping on Tuesday, two days after the tanker ran aground.'),
    ).toBe('The harbour reopened to shipping on Tuesday');
  });
});

describe('pickHeadline', () => {
  const report = (id: number, hour: number, title: string, text: string): SourceArticle =>
    sourceArticle(id, title, text, new Date(Date.UTC(2026, 10, 14, hour)));
  /** Two reports an hour apart under one title and text, and the headline picked for them. */
  const headlineOfTwo = (title: string, text: string, withBest = true) => {
    const sources = [report(1, 9, title, text), report(2, 10, title, text)];
    const candidates = collectCandidates(sources);
    const best = withBest ? candidates[0] : undefined;
    return { candidates, headline: pickHeadline(sources, candidates, prepareSources(sources), best) };
  };

  it('prefers a title that tells what happened over a newer one that asks a question', () => {
    const sources = [
      report(
        1,
        8,
        'Lumora recalls HearthLink smart heaters after nine house fires',
        'Lumora Systems is recalling its HearthLink smart heaters after nine house fires in Calvera. The heaters can overheat because of a software fault.',
      ),
      report(
        2,
        9,
        'Lumora HearthLink heater recall follows nine house fires',
        'The recall of HearthLink smart heaters by Lumora Systems follows nine house fires. Owners were told to unplug the heaters.',
      ),
      report(
        3,
        20,
        'Lumora knew of overheating HearthLink heaters in July. Why did the recall take so long?',
        'Lumora Systems knew in July that HearthLink smart heaters could overheat. The recall came four months later.',
      ),
    ];
    const candidates = collectCandidates(sources);
    const headline = pickHeadline(sources, candidates, prepareSources(sources), undefined);
    expect(headline?.text).not.toMatch(/\?/);
  });

  it('takes the title most reports agree on among the newest day, not a later one that reports a reaction', () => {
    const sources = [
      report(
        1,
        9,
        'Reserve Bank of Calvera cuts key rate to 3.75 percent',
        'The Reserve Bank of Calvera cut its key rate to 3.75 percent on Thursday. Inflation has fallen to 2.6 percent.',
      ),
      report(
        2,
        14,
        'Reserve Bank rate cut leaves markets betting on two more',
        'The Reserve Bank rate cut left markets betting on two more cuts. Bond yields fell.',
      ),
      report(
        3,
        23,
        'Reserve Bank cut comes too soon, savers and critics warn',
        'Savers and critics said the Reserve Bank cut came too soon. Deposit rates will fall.',
      ),
    ];
    const candidates = collectCandidates(sources);
    const headline = pickHeadline(sources, candidates, prepareSources(sources), undefined);
    expect(headline?.text).toMatch(/^Reserve Bank (?:of Calvera cuts|rate cut leaves)/);
  });

  it('takes no page furniture or a title the reports do not tell of for the headline', () => {
    const text =
      'A Coast Guard helicopter crew rescued a swimmer from the water off Crane Beach on Tuesday. The swimmer was taken to hospital in Ipswich. The Coast Guard said the helicopter crew found the swimmer within minutes.';
    for (const junk of [
      'share tweet pin email',
      'Local News More>>',
      'Published on Dec 29, 2016',
      'April 10th, 2016',
    ]) {
      const sources = [
        report(1, 9, junk, text),
        report(2, 10, 'Breaking News Emails Get breaking news alerts', text),
      ];
      const candidates = collectCandidates(sources);
      const headline = pickHeadline(sources, candidates, prepareSources(sources), candidates[0]);
      expect(headline?.text).toBe(
        'A Coast Guard helicopter crew rescued a swimmer from the water off Crane Beach on Tuesday',
      );
    }
  });

  it("takes a single short report's title that its opening sentence tells, though no word recurs", () => {
    const sources = [
      report(
        1,
        9,
        'Freedonia raises rates to 4.5%',
        'The central bank of Freedonia raised its main interest rate to 4.5% on Tuesday. Critics in parliament said the move would hurt small businesses. The bank also approved a support package for exporters.',
      ),
    ];
    const candidates = collectCandidates(sources);
    const headline = pickHeadline(sources, candidates, prepareSources(sources), candidates[0]);
    expect(headline?.text).toBe('Freedonia raises rates to 4.5%');
    // An unrelated title on that one report is still no headline.
    const stray = [{ ...sources[0]!, title: 'Weekend weather brings sunshine to the coast' }];
    const fallback = pickHeadline(stray, collectCandidates(stray), prepareSources(stray), candidates[0]);
    expect(fallback?.text).toBe(
      'The central bank of Freedonia raised its main interest rate to 4.5% on Tuesday',
    );
  });

  it("takes no title that is a name once its picture's credit is gone, nor a picture's caption", () => {
    const text =
      'Officer Anabel Ruizhandez of the Dunmore Police died on Tuesday after she was hit by a car. Anabel Ruizhandez had served with Dunmore Police for ten years. The driver was arrested at the scene.';
    const sources = [
      report(1, 9, 'Anabel Ruizhandez (Photo: Dunmore Police)', text),
      report(2, 10, 'Anabel Ruizhandez (Photo: Dunmore Police)', text),
    ];
    const candidates = collectCandidates(sources);
    const headline = pickHeadline(sources, candidates, prepareSources(sources), candidates[0]);
    expect(headline?.text).not.toBe('Anabel Ruizhandez');
    const caption = [
      report(
        1,
        9,
        'Officer Anabel Ruizhandez waves to the crowd at a parade in 2019. (Photo: Dunmore Police)',
        text,
      ),
      report(
        2,
        10,
        'Officer Anabel Ruizhandez waves to the crowd at a parade in 2019. (Photo: Dunmore Police)',
        text,
      ),
    ];
    const picked = collectCandidates(caption);
    const named = pickHeadline(caption, picked, prepareSources(caption), picked[0]);
    expect(named?.text).not.toMatch(/waves to the crowd/);
  });

  it('cuts a title too long for a headline at a clause boundary', () => {
    const title =
      'Lumora recalls HearthLink smart heaters after nine house fires in Calvera as regulators open an inquiry into the software fault';
    const text =
      'Lumora Systems is recalling its HearthLink smart heaters after nine house fires in Calvera. Regulators opened an inquiry into the software fault. The heaters can overheat.';
    const { headline } = headlineOfTwo(title, text);
    expect(title.length).toBeGreaterThan(MAX_HEADLINE);
    expect(headline?.text).toBe('Lumora recalls HearthLink smart heaters after nine house fires in Calvera');
  });

  it('tells the story by its best sentence when a long title has no cut that fits', () => {
    // Multi-News (Jefferson Airplane): a name, then a relative clause running past the limit, and
    // the site cut the title before its verb.
    const title =
      'Jefferson Airplane singer Marty Balin, who co-founded the San Francisco rock band in 1965 and sang on all of its 1960s albums and hits';
    const text =
      'Marty Balin, a founder of the San Francisco rock band Jefferson Airplane, died on Thursday. Balin co-founded the band in 1965 and sang on its albums. The band had hits in the 1960s.';
    const { candidates, headline } = headlineOfTwo(title, text);
    expect(headline?.text).toBe('Marty Balin died on Thursday');
    expect(headline?.sentence).toBe(candidates[0]);
    // With its verb, the title tells it without the clause about him.
    expect(headlineOfTwo(`${title}, died`, text).headline?.text).toBe(
      'Jefferson Airplane singer Marty Balin died',
    );
  });

  it('takes no title a site cut short, but a title in title case that ends on a particle', () => {
    const text =
      'Nola, a northern white rhino, died at the San Diego Zoo Safari Park on Sunday. The park said Nola was 41. Only three northern white rhinos are left in the world.';
    const cut = headlineOfTwo('The San Diego Zoo Safari Park is absolutely', text, false);
    expect(cut.headline?.text).not.toBe('The San Diego Zoo Safari Park is absolutely');
    const particle = headlineOfTwo('Safari Park Staff Mourn Nola, Vow To Carry On', text, false);
    expect(particle.headline?.text).toBe('Safari Park Staff Mourn Nola, Vow To Carry On');
  });

  it("takes a title without its site's label or wire dateline", () => {
    const text =
      'Rescuers freed 40 sheep from a flooded barn near Dunmore on Monday. The sheep were taken to higher ground. The farmer said the barn flooded within an hour.';
    for (const title of [
      'UPDATE: Rescuers free 40 sheep from flooded barn near Dunmore',
      'DUNMORE, Pa. (AP) — Rescuers free 40 sheep from flooded barn near Dunmore',
      'Rescuers free 40 sheep from flooded barn near Dunmore (Image: Jane Orr/Getty)',
    ]) {
      const { headline } = headlineOfTwo(title, text, false);
      expect(headline?.text).toBe('Rescuers free 40 sheep from flooded barn near Dunmore');
    }
  });
});

describe('pickHeadline: how a title ends', () => {
  const text =
    'Rescuers freed 40 sheep from a flooded barn near Dunmore on Monday. The sheep were taken to higher ground. The farmer said the barn flooded within an hour.';
  const pick = (title: string) => {
    const sources = [1, 2].map((id) =>
      sourceArticle(id, title, text, new Date(Date.UTC(2026, 10, 14, 8 + id))),
    );
    const candidates = collectCandidates(sources);
    return pickHeadline(sources, candidates, prepareSources(sources), candidates[0])?.text;
  };

  it('drops the full stop of a title that is a sentence, not that of an abbreviation', () => {
    // Multi-News: "Vitalii Sediuk strikes again."; MultiLing: "… deductible for 2004 in the U.S."
    expect(pick('Rescuers free 40 sheep from flooded barn near Dunmore.')).toBe(
      'Rescuers free 40 sheep from flooded barn near Dunmore',
    );
    expect(pick('Rescuers free 40 sheep from flooded Dunmore barn of Acme Farms Inc.')).toBe(
      'Rescuers free 40 sheep from flooded Dunmore barn of Acme Farms Inc.',
    );
  });

  it('takes no title that introduces what follows it', () => {
    // Multi-News: "First reactions to the president’s big jobs speech:"
    expect(pick('First reactions from Dunmore to the flooded barn and its 40 sheep:')).toBe(
      'Rescuers freed 40 sheep from a flooded barn near Dunmore on Monday',
    );
  });
});

describe('headlineSentence', () => {
  it('passes over a sentence whose subject stands for what another told, when one names it', () => {
    const text =
      'For about a decade it operated unhindered from a two-storey building in Accra. Organised criminals ran a fake embassy in Accra that issued real visas. Police raided the building last week.';
    const sources = [sourceArticle(1, '', text, new Date(Date.UTC(2026, 10, 14, 9)))];
    const candidates = collectCandidates(sources);
    expect(candidates[0]?.text).toMatch(/^For about a decade it/);
    expect(headlineSentence(candidates)?.text).toMatch(/^Organised criminals ran a fake embassy/);
    // Alone, it still serves.
    expect(headlineSentence(candidates.slice(0, 1))?.text).toMatch(/^For about a decade it/);
  });
});

describe('pickDek', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));
  const fire = (id: number, day: number, text: string) =>
    sourceArticle(id, `Brennick plant fire ${id}`, text, at(day));
  const first = fire(
    1,
    21,
    'A fire at a paint plant on the Brennick industrial estate injured three workers on Saturday. ' +
      'About 12,000 residents were told to stay indoors while the smoke drifted over the town.',
  );
  const third = fire(
    3,
    23,
    'The fire at the Brennick paint plant has renewed criticism of cuts to safety inspections. ' +
      'Smoke spread over the town, where about 12,000 residents were told to stay indoors.',
  );
  const headline = 'Brennick asks what was in the smoke';

  function dekOf(opening: SourceArticle): string | undefined {
    const candidates = collectCandidates([first, opening, third]);
    const opener = candidates.find((c) => c.article === opening && c.position === 0)!;
    const pool = candidates.filter((c) => c.article === opening);
    const picks = [opener, ...candidates.filter((c) => c.article !== opening)];
    return pickDek(picks, opener, pool, headline, conceptWeights(candidates))?.text;
  }

  it("passes over the opening report's next sentence that no other report tells for a more central one", () => {
    const opening = fire(
      2,
      22,
      'A day after fire ripped through the Brennick paint plant, residents were asking how it was allowed to store solvents so close to their homes. ' +
        'Harrow General Hospital said on Sunday that a 34-year-old worker was in stable condition. ' +
        'Crews used foam to protect two bulk storage tanks next to the building. ' +
        'About 12,000 residents were told to stay indoors for five hours while the smoke drifted over the town.',
    );
    expect(dekOf(opening)).toMatch(/^About 12,000 residents/);
  });

  it('keeps the next sentence when it tells what the other reports tell', () => {
    const opening = fire(
      2,
      22,
      'A day after fire ripped through the Brennick paint plant, residents were asking how it was allowed to store solvents so close to their homes. ' +
        'About 12,000 residents were told to stay indoors for five hours while the smoke drifted over the town. ' +
        'Harrow General Hospital said on Sunday that a 34-year-old worker was in stable condition.',
    );
    expect(dekOf(opening)).toMatch(/^About 12,000 residents/);
  });

  it('keeps the next sentence of a single report, where every word pair counts alike', () => {
    const only = collectCandidates([first]);
    const opener = only[0]!;
    expect(pickDek([opener], opener, only, headline, conceptWeights(only))?.text).toMatch(/^About 12,000/);
    const alone = fire(
      4,
      22,
      'A fire ripped through the Brennick paint plant on Saturday. ' +
        'Harrow General Hospital said on Sunday that a 34-year-old worker was in stable condition. ' +
        'About 12,000 residents of the town of Brennick were told to stay indoors for five hours while the smoke drifted north.',
    );
    const own = collectCandidates([alone]);
    expect(pickDek([own[0]!], own[0], own, headline, conceptWeights(own))?.text).toMatch(/^Harrow General/);
  });
});

describe('pickLede: how central its sentences are', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 10, day, 9));
  const fire = (id: number, day: number, text: string) =>
    sourceArticle(id, `Brennick plant fire ${id}`, text, at(day));
  // Two days either side of the opening report: neither is of its news cycle, so only the opening
  // report's own sentences read on.
  const first = fire(
    1,
    20,
    'A fire at a paint plant on the Brennick industrial estate injured three workers on Saturday. ' +
      'About 12,000 residents were told to stay indoors while the smoke drifted over the town. ' +
      'The company said production would be suspended for at least a week.',
  );
  const third = fire(
    3,
    24,
    'The fire at the Brennick paint plant has renewed criticism of cuts to safety inspections. ' +
      'Smoke spread over the town, where about 12,000 residents were told to stay indoors. ' +
      'Inspectors had warned the plant in March over how it stored solvents. ' +
      'The plant employs 210 people.',
  );
  const headline = 'Brennick asks what was in the smoke';
  const opens =
    'A day after fire ripped through the Brennick paint plant, residents were asking how it was allowed to store solvents so close to their homes.\n';

  function ledeOf(opening: SourceArticle, others = [first, third]): string[] {
    const candidates = collectCandidates(
      [first, opening, third].filter((a) => a === opening || others.includes(a)),
    );
    const opener = candidates.find((c) => c.article === opening && c.position === 0)!;
    const own = candidates.filter((c) => c.article === opening && c !== opener);
    const picks = [opener, ...own, ...candidates.filter((c) => c.article !== opening)];
    return pickLede(picks, undefined, opener, [], headline, conceptWeights(candidates)).map((c) => c.text);
  }

  it('passes over a sentence no other report tells for a later paragraph that all of them tell', () => {
    const opening = fire(
      2,
      22,
      opens +
        'Crews used foam to protect two bulk storage tanks next to the building.\n' +
        'About 12,000 residents were told to stay indoors for five hours while the smoke drifted over the town.',
    );
    expect(ledeOf(opening)).toEqual([
      expect.stringMatching(/^A day after fire/),
      expect.stringMatching(/^About 12,000 residents/),
    ]);
  });

  it('leaves to the body a third sentence that tells nothing another report tells', () => {
    const opening = fire(
      2,
      22,
      opens +
        'About 12,000 residents were told to stay indoors for five hours while the smoke drifted over the town.\n' +
        'Crews used foam to protect two bulk storage tanks next to the building.',
    );
    const lede = ledeOf(opening);
    expect(lede).toContainEqual(expect.stringMatching(/^About 12,000 residents/));
    expect(lede).not.toContainEqual(expect.stringMatching(/^Crews used foam/));
  });

  it('keeps a sentence that opens a paragraph the more central one only goes on with', () => {
    const asks = 'Parents on the estate want the site closed.';
    const prices =
      'The Riverside group says house prices fell after about 12,000 residents were told to stay indoors while the smoke drifted over the town.';
    const together = fire(2, 22, `${opens}${asks} ${prices}`);
    expect(ledeOf(together)[1]).toBe(asks);
    const apart = fire(2, 22, `${opens}${asks}\n${prices}`);
    expect(ledeOf(apart)[1]).toBe(prices);
    expect(ledeOf(apart)).not.toContain(asks);
  });

  it('keeps the next sentence of a story of one report, where every word pair counts alike', () => {
    const opening = fire(
      2,
      22,
      opens +
        'Crews used foam to protect two bulk storage tanks next to the building.\n' +
        'About 12,000 residents were told to stay indoors for five hours while the smoke drifted over the town.',
    );
    expect(ledeOf(opening, [])[1]).toMatch(/^Crews used foam/);
  });
});
