import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaldataPath } from '../../test/evaldata.js';
import { analyzeArticle } from './analyze.js';
import { detectLanguage } from './language.js';

const multiling = readFileSync(evaldataPath('summarization/multiling2011/documents.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { documents: { text: string[] }[] });

describe('analyzeArticle', () => {
  it('analyzes a real WikiNews article (M0001: aid pledges)', () => {
    const lines = multiling[0]!.documents[1]!.text;
    const text = lines.slice(1).join('\n');
    const a = analyzeArticle({ title: lines[0]!, text });
    expect(a.language).toBe('en');
    expect(a.sentences.length).toBeGreaterThan(5);
    for (const s of a.sentences) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
    expect(a.entities.find((e) => e.key === 'junichiro koizumi')?.kind).toBe('person');
    expect(a.figures.some((f) => f.kind === 'amount' && f.unit === 'USD' && f.value === 350e6)).toBe(true);
    expect(a.keywords.length).toBeGreaterThan(5);
    expect(a.title_entities).toContain('japan');
  });

  it('splits sentences without breaking on abbreviations and initials', () => {
    const text =
      'President George W. Bush signed it. The U.S. Senate agreed on Jan. 7 at 10 a.m. local time. Done! ' +
      'The court ruled in Kimble v. Marvel on Monday. He had arrived to help care for the child.Less than a week later he was hurt. ' +
      'Shares of Amazon.com rose.';
    const a = analyzeArticle({ title: '', text });
    expect(a.sentences.map((s) => text.slice(s.start, s.end))).toEqual([
      'President George W. Bush signed it.',
      'The U.S. Senate agreed on Jan. 7 at 10 a.m. local time.',
      'Done!',
      'The court ruled in Kimble v. Marvel on Monday.',
      'He had arrived to help care for the child.',
      'Less than a week later he was hurt.',
      'Shares of Amazon.com rose.',
    ]);
  });

  it('weights keywords against document frequencies', () => {
    const text =
      'The tsunami relief effort grew after the tsunami. Tsunami donations rose. Relief agencies said so.';
    const common = { docs: 1000, get: (t: string) => (t === 'tsunami' ? 900 : 1) };
    const a = analyzeArticle({ title: '', text }, { df: common });
    expect(a.keywords[0]!.term).not.toBe('tsunami');
    expect(analyzeArticle({ title: '', text }).keywords[0]!.term).toBe('tsunami');
  });

  // Bad input: no crash, language recorded, fewer features.
  it.each([
    ['empty text', '', 'und'],
    ['title only', '', 'und'],
    ['Korean', '김정관 산업통상자원부 장관은 월요일 워싱턴에서 "협상이 거의 끝났다"고 말했다.', 'ko'],
    ['Japanese', '東京で日米の貿易交渉が開かれ、大臣は「合意は近い」と述べた。', 'ja'],
    ['Arabic', 'قال الوزير إن المحادثات ستستمر في واشنطن يوم الاثنين', 'ar'],
    ['mixed scripts', 'Samsung 갤럭시 S5 출시, 가격은 ₩900,000 — 東京でも発売', 'ko'],
  ])('%s', (_name, text, language) => {
    const a = analyzeArticle({ title: 'Title', text });
    expect(a.language).toBe(language);
    expect(a.entities).toEqual([]);
    expect(a.sentences.length).toBe(text ? 1 : 0);
  });

  it('handles 1 MB of text by analyzing its head only', () => {
    const text = `${'The minister said "talks will go on" in Seoul on Monday. '.repeat(20_000)}`.slice(
      0,
      1_000_000,
    );
    const a = analyzeArticle({ title: 'Big', text }, { maxChars: 50_000 });
    expect(a.sentences.length).toBeGreaterThan(15_000);
    expect(a.quotes.every((q) => q.end <= 50_000)).toBe(true);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Europe reaches crunch point on banking union', 'en'],
    ['Der Minister sagte, dass die Verhandlungen weitergehen und die Bank zustimmt.', 'de'],
    ['Le ministre a dit que les négociations continuent pour la France et les banques.', 'fr'],
    ['El ministro dijo que las negociaciones continúan con los bancos de la región.', 'es'],
    ['Москва объявила о новых санкциях', 'ru'],
    ['12345 !!!', 'und'],
  ])('%s → %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('gives a tie in function words to the language listed first, and none to no function word', () => {
    // "de" and "la" are French, Spanish and Romanian function words alike.
    expect(detectLanguage('de la Vega')).toBe('fr');
    expect(detectLanguage('Zebra Quagga Okapi')).toBe('und');
  });
});
