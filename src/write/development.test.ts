import { describe, expect, it } from 'vitest';
import { readDevelopment } from './development.js';
import { tagWords } from './nlp.js';

const read = (text: string) => readDevelopment(tagWords(text), text);

describe('reading a sentence as a development', () => {
  it.each([
    'The Merrow Port Authority offered dockworkers a 6 percent pay rise on Wednesday.',
    'The ferry to Isle Dunne was cancelled two hours before departure because of high seas.',
    'Brisk Foods is recalling 30,000 jars of honey because some lids may not seal, the company said on Monday.',
    'The regulator said it would fine the operator for the delay.',
    'Councillor Ada Voss, who chairs the harbour committee, has called for an inquiry.',
    'Pickets stood outside the main gate of the port of Merrow on Thursday morning.',
    'The port authority said it had received 40 complaints about the delays.',
    'The new ferry terminal was opened by the harbour minister on Friday.',
  ])('an action or announcement: %s', (text) => {
    expect(read(text)).toEqual({ event: true, leans: false });
  });

  it.each([
    'The port has 320 idle cranes, according to figures it published in the spring.',
    'Engineers said the tank held around 9,000 litres of diesel.',
    'Around 40 percent of the fund is expected to go to the northern docks.',
    'The union says pay at the port is below the national average.',
    'The cause of the blackout has not been determined.',
    'The shipping line runs four sailings a day to the island.',
    'The dockers union is seeking a 9 percent pay rise over two years.',
    'The harbour board has so far declined to comment on the talks.',
    'Unemployment in Merrow stood at 8.2 percent in October, compared with 4.6 percent nationally.',
    'Merrow had led the league table through most of the season.',
    'The ferry service was funded by the harbour board, as most island routes are.',
  ])('how things stand, a view, a forecast or what did not happen: %s', (text) => {
    expect(read(text).event).toBe(false);
  });

  it.each([
    'For the families along the docks, dock unions say, it will change little.',
    'For a town that has lost its mill, its school and its bus route, the result meant more than sport.',
    'Harbour master Ines Kaur said investigators believed it was still in the port.',
    'The mayor has said she wants a share of that money to go to the fishing villages.',
  ])('a subject that points to what the sentence does not name: %s', (text) => {
    expect(read(text).leans).toBe(true);
  });
});
