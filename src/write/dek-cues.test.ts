import { describe, expect, it } from 'vitest';
import { answers, stakesNamed, toldBefore } from './dek-cues.js';

describe('stakesNamed', () => {
  it('weighs a sentence by the kinds of stake it names: harm, risk, cost, an effect to come, its scale', () => {
    expect(stakesNamed('The mission cost $410 million, including five years of operations.')).toBe(0.5);
    expect(
      stakesNamed(
        'The defect has been linked to nine house fires and four people suffering minor burns, and could cost the company $62 million.',
      ),
    ).toBe(1);
    expect(stakesNamed('Monday the Dow shed 1,175 points, its largest point drop in history.')).toBe(0.5);
    expect(
      stakesNamed('About 12,000 residents were told to stay indoors while the smoke drifted north.'),
    ).toBe(0.5);
  });

  it('finds none in a detail of how the news happened, nor in words that only look like a stake', () => {
    expect(
      stakesNamed(
        "The rocket's first stage landed on a barge in the ocean about eight minutes after lift-off.",
      ),
    ).toBe(0);
    // "first half" is no first of its kind; time spent is no cost; "will" is news prose's future.
    expect(
      stakesNamed("Rovers dominated the first half and led through captain Mateo Ilic's free kick."),
    ).toBe(0);
    expect(stakesNamed('Jimmy Page has spent the last couple of years putting the releases together.')).toBe(
      0,
    );
    expect(stakesNamed('BBC News has clips of two of the songs that will accompany the release.')).toBe(0);
  });
});

describe('answers', () => {
  it("finds a party's account of its own conduct, and a reply to criticism", () => {
    expect(
      answers('The Consumer Product Safety Board said it had acted as soon as it had enough evidence.'),
    ).toBe(true);
    expect(
      answers('The electoral commission said it would review certification rules before the election.'),
    ).toBe(true);
    expect(answers('The Royal Navy insists that they were operating in Iraqi waters.')).toBe(true);
    expect(answers("Museum director Dr. Cordelia Fane defended the museum's staff.")).toBe(true);
  });

  it('does not take what a party says of others, or of the news, for an answer', () => {
    expect(
      answers(
        'Lumora has released a software update, but the regulator said owners should unplug the heaters.',
      ),
    ).toBe(false);
    expect(
      answers('The national weather service said data from the satellite would be available in spring.'),
    ).toBe(false);
  });
});

describe('toldBefore', () => {
  it('finds what came before the news: a report of last week, a year before the story', () => {
    expect(
      toldBefore(
        'Consumer price inflation fell to 2.6 percent in October, the statistics office reported last week.',
      ),
    ).toBe(true);
    expect(toldBefore('Lumora listed on the Sable City exchange in 2023 at $18 a share.', 2026)).toBe(true);
  });

  it('does not take the distant past of a finding, a year to come, or an undated year for background', () => {
    expect(toldBefore('The dinosaur roamed the area 150 million years ago, scientists determined.')).toBe(
      false,
    );
    expect(toldBefore('The satellite will begin sending data to forecasters in 2027.', 2026)).toBe(false);
    expect(toldBefore('Lumora listed on the Sable City exchange in 2023 at $18 a share.')).toBe(false);
  });
});
