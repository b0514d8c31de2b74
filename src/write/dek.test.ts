import { describe, expect, it } from 'vitest';
import { sourceArticle } from '../verify/fixtures.js';
import { collectCandidates } from './candidates.js';
import { conceptWeights } from './concepts.js';
import { pickDek } from './dek.js';

const at = (day: number, hour = 9) => new Date(Date.UTC(2026, 10, day, hour));

describe('pickDek: what is at stake', () => {
  const launch = (id: number, day: number, hour: number, text: string) =>
    sourceArticle(id, `Halcyon-2 launch ${id}`, text, at(day, hour));
  const headline = 'Calvera launches Halcyon-2 weather satellite at second attempt';
  const opening = launch(
    1,
    25,
    8,
    'Calvera launched its Halcyon-2 weather satellite from Cape Morrow Spaceport on Wednesday, a day after the first attempt was called off because of high winds. ' +
      "The rocket's first stage landed on a barge in the ocean about eight minutes after lift-off, the company said. " +
      'Controllers made contact with the satellite 52 minutes after launch.',
  );

  function dekOf(...others: string[]): string | undefined {
    const reports = [opening, ...others.map((text, i) => launch(i + 2, 25, 10 + i, text))];
    const candidates = collectCandidates(reports);
    const opener = candidates.find((c) => c.article === opening && c.position === 0)!;
    const pool = candidates.filter((c) => c.article === opening);
    const picks = [opener, ...candidates.filter((c) => c.article !== opening)];
    return pickDek(picks, opener, pool, headline, conceptWeights(candidates))?.text;
  }

  it("gives the opening report's next sentence, a detail, way to the cost the other reports tell", () => {
    expect(
      dekOf(
        'The Halcyon-2 weather satellite lifted off from Cape Morrow on Wednesday. The Halcyon-2 mission cost $410 million, including five years of operations, the space agency said.',
        'Critics say the Halcyon-2 mission ran three years late. The final Halcyon-2 mission cost of $410 million, including five years of operations, is 55 percent higher than budgeted.',
      ),
    ).toMatch(/\$410 million/);
  });

  it('keeps the next sentence over one of its lead paragraphs that the reports tell as much', () => {
    expect(
      dekOf(
        "The Halcyon-2 weather satellite lifted off from Cape Morrow on Wednesday. The rocket's first stage landed on a barge in the ocean after lift-off. Controllers made contact with the satellite 52 minutes after launch.",
        "Halcyon-2 reached its transfer orbit on Wednesday. The rocket's first stage landed on a barge in the ocean eight minutes after lift-off. Controllers made contact with the satellite after launch.",
      ),
    ).toMatch(/^The rocket's first stage landed on a barge in the ocean about eight minutes/);
  });
});

describe('pickDek: undated coverage', () => {
  const recall = (id: number, text: string) => sourceArticle(id, `Heater recall ${id}`, text, null);
  const reports = [
    recall(
      1,
      'Lumora Systems is recalling 410,000 HearthLink 2 smart heaters over a firmware fault. ' +
        'The Consumer Product Safety Board said it had acted as soon as it had evidence of the fire risk. ' +
        'The defect has been linked to nine house fires and four people suffering minor burns.',
    ),
    recall(
      2,
      'Lumora Systems recalled its HearthLink 2 smart heaters on Saturday. ' +
        'Retailers removed the heaters from sale on Sunday and took returns in stores.',
    ),
  ];
  const candidates = collectCandidates(reports);
  const find = (start: string) => candidates.find((c) => c.text.startsWith(start))!;

  it("passes over a party's account of its own conduct for the harm the news has done", () => {
    const picks = [find('Lumora Systems is'), find('The Consumer Product'), find('The defect')];
    expect(pickDek(picks, undefined, [], 'Lumora recalls smart heaters')?.text).toMatch(/^The defect/);
  });

  it('prefers a later pick that names a stake to an earlier one that names none', () => {
    const picks = [find('Lumora Systems is'), find('Lumora Systems recalled'), find('The defect')];
    expect(pickDek(picks, undefined, [], 'Lumora recalls smart heaters')?.text).toMatch(/^The defect/);
  });

  it('does not reach far down the picks for a stake', () => {
    const plain = (id: number) =>
      collectCandidates([
        recall(
          10 + id,
          `Lumora Systems said on day ${id} of the recall that the HearthLink 2 smart heaters were being collected.`,
        ),
      ])[0]!;
    const picks = [find('Lumora Systems is'), ...[1, 2, 3, 4, 5].map(plain), find('The defect')];
    expect(pickDek(picks, undefined, [], 'Lumora recalls smart heaters')?.text).toMatch(/on day 1 of/);
  });

  it('keeps the order of the picks among sentences that name as much at stake', () => {
    const picks = [find('Lumora Systems is'), find('Lumora Systems recalled'), find('Retailers removed')];
    expect(pickDek(picks, undefined, [], 'Lumora recalls smart heaters')?.text).toMatch(
      /^Lumora Systems recalled/,
    );
  });
});

describe('pickDek: whom it names', () => {
  const jersey = sourceArticle(
    1,
    'Rockies misspell Tulowitzki jersey',
    'The Colorado Rockies gave out 15,000 replica jerseys honoring shortstop Troy Tulowitzki on Saturday night. ' +
      'Tulowitzki leads the majors in hitting at .340 this season. ' +
      'The club issued a statement apologizing for the misspelled jerseys.',
    null,
  );
  const candidates = collectCandidates([jersey]);

  it('gives no dek that names by surname alone someone the headline does not name', () => {
    expect(pickDek(candidates, undefined, [], 'Rockies hand out misspelled jerseys')?.text).toMatch(
      /^The club/,
    );
  });

  it('names someone by surname when the headline names them', () => {
    expect(pickDek(candidates, undefined, [], 'Rockies misspell Troy Tulowitzki jersey')?.text).toMatch(
      /^Tulowitzki leads/,
    );
  });
});
