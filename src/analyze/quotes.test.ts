import { describe, expect, it } from 'vitest';
import { analyzeArticle } from './analyze.js';
import { extractQuotes } from './quotes.js';

// Sentences from the WikiNews articles of the MultiLing 2011 sample (evaldata/summarization).
const cases: { name: string; text: string; quote: string; speaker: string | null }[] = [
  {
    name: 'quote before "said Name" (M0003, straight quotes)',
    text: 'This earthquake lasted a long time. "Globally, this earthquake was long," said Charles Ammon, associate professor of geosciences at Penn State University.',
    quote: 'Globally, this earthquake was long',
    speaker: 'Charles Ammon',
  },
  {
    name: 'curly quotes, surname resolves to the full name named earlier (M0003)',
    text: 'According to Roger Bilham, professor of geological sciences at the University of Colorado, the quake was long. “No point on Earth remained undisturbed,” said Bilham.',
    quote: 'No point on Earth remained undisturbed',
    speaker: 'Roger Bilham',
  },
  {
    name: 'lowercase title between verb and name (M0016)',
    text: 'During summations, the judge, Sir Michael Astill, criticised the men. "You have betrayed this country that has given you every opportunity," said judge Astill.',
    quote: 'You have betrayed this country that has given you every opportunity',
    speaker: 'Michael Astill',
  },
  {
    name: '"Name told X:" before the quote (M0014)',
    text: 'Marie Fatayi-Williams, whose son Anthony was killed in the attack, told the BBC: "I ask myself - if there is really nothing to hide then why shy away from a public inquiry?"',
    quote: 'I ask myself - if there is really nothing to hide then why shy away from a public inquiry?',
    speaker: null,
  },
  {
    name: 'pronoun speaks for the last person named (M0027)',
    text: 'Iranian National Security Council Secretary Ali Larijani spoke on state radio. "If it is proven that a mistake has been made the issue will be resolved with an apology," he said.',
    quote: 'If it is proven that a mistake has been made the issue will be resolved with an apology',
    speaker: 'Ali Larijani',
  },
  {
    name: 'multi-sentence quote, title before the name (M0027)',
    text: '"We will therefore be imposing a freeze. We will keep other aspects of our policy under close review," said British Foreign Secretary Margaret Beckett to the House of Commons.',
    quote:
      'We will therefore be imposing a freeze. We will keep other aspects of our policy under close review',
    speaker: 'Margaret Beckett',
  },
  {
    name: 'a pronoun speaks for the subject of the sentence before, not the person it names after',
    text: 'Harbour board chairman Olaf Brenner gave Ines Kaur his backing on Monday night. "Ines has run this port for ten years, and one bad week does not change that," he said.',
    quote: 'Ines has run this port for ten years, and one bad week does not change that',
    speaker: 'Olaf Brenner',
  },
  {
    name: 'the person after a role speaks, not the club or firm before it',
    text: 'The crowd booed the players. "The board gave him everything he asked for," said former Merrow captain Tomas Varga, now a radio pundit.',
    quote: 'The board gave him everything he asked for',
    speaker: 'Tomas Varga',
  },
  {
    name: 'a name after "of the" is no role: the person before it speaks',
    text: 'Campaigners want a lower price. "The public paid for the research twice over," said Ida Lund of the Fair Fares Campaign.',
    quote: 'The public paid for the research twice over',
    speaker: 'Ida Lund',
  },
  {
    name: 'the last person an attribution names speaks, past a title and a portfolio',
    text: 'Talks resumed. "We have found a number both sides can live with," said Ostra\'s Minister for Foreign Trade Ida Holm after the session.',
    quote: 'We have found a number both sides can live with',
    speaker: 'Ida Holm',
  },
  {
    name: 'a person in apposition after a role speaks',
    text: 'The cases were opened without force. "These objects belong to every person in Ostra," said the Ostran museum\'s director, Dr. Vera Lind.',
    quote: 'These objects belong to every person in Ostra',
    speaker: 'Vera Lind',
  },
  {
    name: 'a titled person of an institution, read as one name, is the person',
    text: 'The dry season was the worst on record. "The data exist," said Dr. Oskar Lunde of Merrow City University, whose team tracked it.',
    quote: 'The data exist',
    speaker: 'Oskar Lunde',
  },
  {
    name: 'a club named before the chairman is no speaker for "he"',
    text: 'Merrow Rovers chairman Lars Aune gave the manager his backing on Sunday. "He has won two cups in four years," he said.',
    quote: 'He has won two cups in four years',
    speaker: 'Lars Aune',
  },
  {
    name: 'a person in apposition to a possessive role speaks, not its owner',
    text: 'Police say Cardell Hayes rear-ended the car. "This was not some situation where my client hunted down Mr. Smith," said Hayes\'s attorney, John Fuller.',
    quote: 'This was not some situation where my client hunted down Mr. Smith',
    speaker: 'John Fuller',
  },
  {
    name: 'scare quotes of one word are no quotes (M0002)',
    text: 'Jan Egeland said that rich nations were being "stingy" by making small contributions.',
    quote: '',
    speaker: null,
  },
];

describe('extractQuotes', () => {
  it.each(cases)('$name', ({ text, quote, speaker }) => {
    const analysis = analyzeArticle({ title: '', text });
    const found = analysis.quotes;
    if (quote === '') {
      expect(found).toEqual([]);
      return;
    }
    expect(found.map((q) => q.text)).toContain(quote);
    const q = found.find((x) => x.text === quote)!;
    expect(text.slice(q.start, q.end)).toBe(quote);
    if (speaker !== null) {
      expect(q.speaker).toBe(speaker);
      expect(q.speaker_key).toBe(speaker.toLowerCase());
    }
    expect(analysis.sentences[q.sentence]!.start).toBeLessThanOrEqual(q.start);
  });

  it('finds the "told the BBC" speaker by name even without entities', () => {
    const text = 'Greenspon told CTV News: "Even with that, two of the seven were acquitted."';
    expect(extractQuotes(text)[0]?.speaker).toBe('Greenspon');
  });

  it('never gives a quote that ends its sentence to whoever speaks in the next one', () => {
    const text =
      '"I bought the smart one," she said. "Nobody told me anything until I saw the news on Saturday."\nThe Consumer Safety Board said it had acted as soon as it could.';
    const quote = extractQuotes(text).find((q) => q.text.startsWith('Nobody'))!;

    expect(quote.speaker).toBeNull();
  });

  it('never gives a quote to whoever a sentence before it says something of', () => {
    const text = 'Lumora said it had acted responsibly. "We will replace every heater for free."';
    expect(analyzeArticle({ title: '', text }).quotes[0]?.speaker).toBeNull();
    // Where or to whom the words were said introduces the quote after it.
    const told = 'Sergeant Kim Riley told reporters. "We do not want to say too much at this point."';
    expect(analyzeArticle({ title: '', text: told }).quotes[0]?.speaker).toBe('Kim Riley');
  });

  it('gives the quote to the person named after a role between commas ("said its chair, Miriam Osei")', () => {
    const said = (attribution: string) =>
      analyzeArticle({
        title: '',
        text: `The board said it had acted. "A software fix is welcome, but it is not enough,"${attribution}`,
      }).quotes[0]?.speaker;
    expect(said(' said its chair, Miriam Osei, on Saturday.')).toBe('Miriam Osei');
    expect(said(" said the museum's director, Dr. Cordelia Fane.")).toBe('Cordelia Fane');
    expect(said(' said the coach, Mark Ellis.')).toBe('Mark Ellis');
    // A role with no name after it names no one.
    expect(said(' said a police spokesman, adding that more arrests were likely.')).toBeNull();
  });

  it('gives a pronoun no speaker where the sentence naming someone last opens on a pronoun of its own', () => {
    const text =
      'The governor toured the town on Monday. "What I need is the ability to get through red tape," she said, thanking FEMA Director Craig Fugate. ' +
      '"This is a massive debris field, not just a couple of blocks," she said.';
    expect(analyzeArticle({ title: '', text }).quotes.at(-1)?.speaker).toBeNull();
    // A pronoun inside the quotation that names someone is no subject of that sentence.
    const quoted =
      '"He is a window into the soul of modern conservatism," said Ian Haney López, a law professor. He added, "A demonization of minorities is linked to it."';
    expect(analyzeArticle({ title: '', text: quoted }).quotes.at(-1)?.speaker).toBe('Ian Haney López');
  });

  it('gives no person a quote in which they would name themself, and lets an organisation name itself', () => {
    const text =
      'Kofi Annan met the president on Monday. "They will stay as long as they make progress on Mr Annan\'s plan," said Kofi Annan.';
    expect(analyzeArticle({ title: '', text }).quotes[0]?.speaker).toBeNull();
    const own =
      'Kofi Annan met the president. "They will stay as long as they make progress," said Kofi Annan.';
    expect(analyzeArticle({ title: '', text: own }).quotes[0]?.speaker).toBe('Kofi Annan');
    const org =
      'The offer was rejected. "American Airlines did not solicit the investment," American Airlines said.';
    expect(analyzeArticle({ title: '', text: org }).quotes[0]?.speaker).toBe('American Airlines');
  });

  it('gives no speaker for an unnamed possessive role or kin ("said Hayes\'s attorney", "Price\'s mother … she said")', () => {
    const attorney = analyzeArticle({
      title: '',
      text: 'Police say Cardell Hayes fired first. "My client never fired first," said Hayes\'s attorney on Monday.',
    });
    expect(attorney.quotes[0]?.speaker).toBeNull();
    const mother = analyzeArticle({
      title: '',
      text: "Tavin Price died at a hospital. Price's mother, who could be a key witness, said she wants to face the killers.\n\"Every day they're in court, I'm going to be there,\" she said.",
    });
    expect(mother.quotes[0]?.speaker).toBeNull();
    const friend = analyzeArticle({
      title: '',
      text: 'Erin Stoffel\'s friend, Tari Schroth, 36, described the family as kind. She said she was in disbelief.\n"But then I realize they\'re with Jesus," she said.',
    });
    expect(friend.quotes[0]?.speaker).toBe('Tari Schroth');
    const boss = analyzeArticle({
      title: '',
      text: 'The rapper Albert Johnson died on Tuesday. Johnson\'s old label boss, Steve Rifkind, who co-founded Loud Records, also remembered him.\n"When I say Loud was a family, Loud was a family," he said.',
    });
    expect(boss.quotes[0]?.speaker).toBe('Steve Rifkind');
    const speech = analyzeArticle({
      title: '',
      text: 'Mayor Alan Priddy thanked the crews. "Nobody in this town is going to face this alone," he said.',
    });
    expect(speech.quotes[0]?.speaker).toBe('Alan Priddy');
  });

  it('gives the quote to the person in apposition after a role held at a name ("said Facebook founder and CEO, Mark Zuckerberg")', () => {
    const text =
      'William Wei, Business Insider Facebook is buying Oculus VR.\n"Mobile is the platform of today," said Facebook founder and CEO, Mark Zuckerberg.';
    const at = (name: string, from = 0) => ({
      start: text.indexOf(name, from),
      end: text.indexOf(name, from) + name.length,
    });
    // A credit line glued to the company's name read as a person: the role after it still says who speaks.
    const entities = [
      {
        key: 'business insider facebook',
        name: 'Business Insider Facebook',
        kind: 'person' as const,
        mentions: [at('Business Insider Facebook'), at('Facebook', 40)],
      },
      {
        key: 'mark zuckerberg',
        name: 'Mark Zuckerberg',
        kind: 'person' as const,
        mentions: [at('Mark Zuckerberg')],
      },
    ];
    expect(extractQuotes(text, { entities })[0]?.speaker).toBe('Mark Zuckerberg');
    // Words after a name that are no role leave the name the speaker.
    const plain = '"We will appeal," said Anna Berg on Monday, Mark Zuckerberg having left.';
    const people = [
      { key: 'anna berg', name: 'Anna Berg', kind: 'person' as const, mentions: [{ start: 20, end: 29 }] },
      {
        key: 'mark zuckerberg',
        name: 'Mark Zuckerberg',
        kind: 'person' as const,
        mentions: [{ start: plain.indexOf('Mark'), end: plain.indexOf('Mark') + 15 }],
      },
    ];
    expect(extractQuotes(plain, { entities: people })[0]?.speaker).toBe('Anna Berg');
  });

  it('ends an unclosed quote at the end of its paragraph', () => {
    const text = '"This is the first paragraph of a long statement\n"And this continues it," she said.';
    expect(extractQuotes(text).map((q) => q.text)).toEqual([
      'This is the first paragraph of a long statement',
      'And this continues it',
    ]);
  });
});
