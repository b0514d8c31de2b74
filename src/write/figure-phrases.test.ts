import { describe, expect, it } from 'vitest';
import { pastParticiple, phraseLabel } from './figure-phrases.js';
import { figureLabel } from './figures.js';
import { tagWords } from './nlp.js';

// Sentences from the demo corpus (heater recall, satellite, museum theft, wildfire, league final).
describe('labels read from the phrases that name a cost, a value or a count', () => {
  it.each([
    [
      'Lumora Systems expects its recall of HearthLink 2 smart heaters to cost about $62 million, the company said.',
      '$62 million',
      'amount',
      'expected cost of the recall',
    ],
    [
      'The company has put the cost of the recall at $62 million.',
      '$62 million',
      'amount',
      'cost of the recall',
    ],
    [
      'The recall is expected to cost the city about $640,000.',
      '$640,000',
      'amount',
      'expected cost of the recall',
    ],
    [
      'The mission has cost $410 million, including the satellite.',
      '$410 million',
      'amount',
      'cost of the mission',
    ],
    [
      'The full mission, including the satellite and five years of operations, cost $410 million.',
      '$410 million',
      'amount',
      'cost of the full mission',
    ],
    [
      'The two objects were valued at about $4.2 million.',
      '$4.2 million',
      'amount',
      'value of the two objects',
    ],
    ['Aurelis was paid about $68 million for the launch.', '$68 million', 'amount', 'payment for the launch'],
    ['The victory earns Harrow prize money of $14 million.', '$14 million', 'amount', 'prize money'],
    ['The win is worth $14 million in prize money.', '$14 million', 'amount', 'prize money'],
    // The verb that pays the damages is no part of them.
    ['The couple refused to pay damages of $135,000.', '$135,000', 'amount', 'damages'],
    // A cut in spending is no spending.
    [
      'The plan seeks $5.1 trillion in domestic spending cuts over 10 years.',
      '$5.1 trillion',
      'amount',
      'domestic spending cuts',
    ],
    [
      'The number of homes destroyed by the fire has risen to 163, according to a revised figure.',
      '163',
      'count',
      'homes destroyed',
    ],
    ['The company raised the number of units covered to 480,000.', '480,000', 'count', 'units covered'],
    ['The death toll from the capsize rose to 17 on Friday.', '17', 'count', 'death toll'],
  ] as const)('%s', (sentence, figure, kind, label) => {
    const start = sentence.indexOf(figure);
    expect(phraseLabel(sentence, kind, start, start + figure.length)).toBe(label);
  });

  it('names customers cut off from a supply by the cut, which stays true once it is restored', () => {
    const sentence = 'Crownline said it had shut off power to 14,000 customers as a precaution.';
    const start = sentence.indexOf('14,000');
    expect(phraseLabel(sentence, 'count', start, start + 6, 'customers')).toBe('customers who lost power');
  });

  it.each([
    // Who is paid is not what it costs; a phrase inside another ("between the two sides") is no subject.
    ['Closing the gap between the two sides would cost about $96 million.', '$96 million'],
    ['The contract, which the agency has valued at up to $1.2 billion, is open.', '$1.2 billion'],
  ])('%s: no label from a phrase that does not name it', (sentence, figure) => {
    const start = sentence.indexOf(figure);
    expect(phraseLabel(sentence, 'amount', start, start + figure.length)).toBeUndefined();
  });
});

describe('labels read past hedges and from the verb that acts on a count', () => {
  it.each([
    ['The fire had burned about 21,000 acres by Saturday morning.', '21,000 acres', '21,000', 'acres burned'],
    [
      'The wildfire tore through the hills, forcing about 9,500 residents to leave their homes.',
      '9,500 residents',
      '9,500',
      'residents forced to leave their homes',
    ],
    [
      'A fire destroyed the factory early on Tuesday, killing one worker and halting production.',
      'one worker',
      'one',
      'worker killed',
    ],
    [
      'The company has sold about 110,000 Glide V2 bikes in Calvera.',
      '110,000',
      '110,000',
      'Glide V2 bikes sold in Calvera',
    ],
    [
      'About 38 percent of mortgages are on variable rates, meaning roughly 1.3 million households will see payments fall.',
      '1.3 million households',
      '1.3 million',
      undefined,
    ],
    [
      'An injection reduced migraine days in a year-long trial involving 2,340 patients.',
      '2,340 patients',
      '2,340',
      undefined,
    ],
    [
      'The ministry said its overall grant to national museums had risen by 2 percent this year.',
      '2 percent',
      '2 percent',
      'rise in its overall grant',
    ],
  ])('%s', (sentence, shown, number, label) => {
    const start = sentence.indexOf(shown);
    expect(
      figureLabel(tagWords(sentence), start, start + number.length, sentence, start + shown.length),
    ).toBe(label);
  });

  it('turns the verb into what was done', () => {
    expect(
      ['recalling', 'burning', 'cutting', 'carrying', 'stopping', 'selling', 'employs'].map(pastParticiple),
    ).toEqual(['recalled', 'burned', 'cut', 'carried', 'stopped', 'sold', 'employed']);
  });
});
