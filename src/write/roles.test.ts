import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../analyze/analyze.js';
import type { SourceArticle } from '../verify/types.js';
import { roleOf } from './roles.js';

function article(text: string, id = 1): SourceArticle {
  return {
    id,
    source_id: id,
    outlet: 'Meridian Wire',
    title: 'Report',
    text,
    published_at: null,
    analysis: analyzeArticle({ title: 'Report', text }),
  };
}

describe('speaker roles beside a quote', () => {
  const source = article(
    [
      '"It is a fishing expedition," said Derek Hollins, Quill\'s campaign manager.',
      '"Couples want guests to have fun," said Rebecca Dolgin, Editor in Chief of The Knot.',
      '"The light resets the clock," said Jamie Zeitzer, PhD, assistant professor of psychiatry.',
      'Charisse Stinson, 21, faces aggravated child abuse charges.',
      'Peter Shapiro, 42, a concert promoter, said the shows sold out.',
      '"We came to close a deal," said Trade Minister Mara Ellison.',
      'Tory MP Karen Vecchio says she will oppose the bill.',
      'A resident of the building, Harold Noel, said the lifts were old.',
      'Another resident, Robert Whitley, said the doors opened between floors.',
      "The National Renewal party's spokesman on home affairs, Anton Reyes, said the fleet was too small.",
      'After Russian Foreign Minister Sergey Lavrov spoke, the talks ended.',
      'Watching President Barack Obama speak, the crowd cheered.',
      '"The data exist," said Dr. Ilse Varga of Sable City University, which runs the lab.',
      '"We lost everything," said Dan Keller of Henderson.',
      '"We keep getting asked," said Sibley Memorial Hospital nurse Yulette Newman.',
      '"It is not a rite of passage," said William Copeland, lead author of the study and an associate professor of psychiatry and behavioral sciences at the Duke University Medical Center in Durham.',
      'Alice Hoagland, whose son Mark Bingham was a passenger, said she was proud.',
      'David Beamer, whose son Todd led the revolt with the words, "Let\'s roll," said he was proud.',
      'Kim Lehmkuhl, under fire for months over the minutes, said she would stay.',
    ].join(' '),
  );
  it.each([
    // Whose it is, or a title, opening what follows the name.
    ['Derek Hollins', "Quill's campaign manager"],
    ['Rebecca Dolgin', 'Editor in Chief of The Knot'],
    // A degree or an age between the name and who they are; after an age, a verb is what they did.
    ['Jamie Zeitzer', 'assistant professor of psychiatry'],
    ['Charisse Stinson', null],
    ['Peter Shapiro', 'a concert promoter'],
    // A title with what qualifies it; a role of what or whom it serves.
    ['Mara Ellison', 'Trade Minister'],
    ['Karen Vecchio', 'Tory MP'],
    ['Harold Noel', 'resident of the building'],
    ['Robert Whitley', 'resident'],
    ['Anton Reyes', "the National Renewal party's spokesman on home affairs"],
    // A capital that only opens the sentence qualifies no role.
    ['Sergey Lavrov', 'Russian Foreign Minister'],
    ['Barack Obama', 'President'],
    // The organisation "of" joins to the name, not a place.
    ['Ilse Varga', 'Sable City University'],
    ['Dan Keller', null],
    ['Yulette Newman', 'Sibley Memorial Hospital nurse'],
    // A role too long to end in reach says who they are in its first part.
    ['William Copeland', 'lead author of the study'],
    // Whose someone is; not a clause a quotation finishes, nor a circumstance.
    ['Alice Hoagland', 'whose son Mark Bingham was a passenger'],
    ['David Beamer', null],
    ['Kim Lehmkuhl', null],
  ])('%s: %j', (speaker, role) => {
    expect(roleOf([source], source, speaker)).toBe(role);
  });

  it('names the organisation a possessive role points to, as the report named it before the speaker', () => {
    const landlords = article(
      'The Calveran Landlords Association wants a ban on charging e-bikes in hallways. ' +
        '"A landlord is responsible for everyone," said the association\'s chief executive, Rupert Vane.',
    );
    expect(roleOf([landlords], landlords, 'Rupert Vane')).toBe(
      'chief executive of the Calveran Landlords Association',
    );
    // A role that goes on after its noun keeps the owner before it; a kind written after the name counts.
    const party = article(
      'Members of the opposition National Renewal party said the tariff was leverage. ' +
        '"The tariff is the only reason they are at the table," said Victor Hale, the party\'s spokesman on trade.',
    );
    expect(roleOf([party], party, 'Victor Hale')).toBe("the National Renewal party's spokesman on trade");
  });

  it('leaves a possessive role as it is when the report names no such organisation before, or two', () => {
    const after = article(
      '"We were not told," said the association\'s chief executive, Rupert Vane. ' +
        'The Calveran Landlords Association met on Friday.',
    );
    expect(roleOf([after], after, 'Rupert Vane')).toBe("the association's chief executive");
    const two = article(
      'The Calveran Landlords Association and the Sable Tenants Association met on Friday. ' +
        '"We were not told," said the association\'s chief executive, Rupert Vane.',
    );
    expect(roleOf([two], two, 'Rupert Vane')).toBe("the association's chief executive");
  });
});
