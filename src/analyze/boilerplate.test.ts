import { describe, expect, it } from 'vitest';
import { analyzeArticle } from './analyze.js';
import { blankBoilerplate } from './boilerplate.js';

const CRAWL =
  'These crawls are part of an effort to archive pages as they are created. Then the Internet Archive ' +
  'hopes that links to these pages will not break.';

describe('blankBoilerplate', () => {
  it('blanks a crawl notice line and keeps the news and its offsets', () => {
    const text = `${CRAWL}\nMayor Ilse Brandt opened the Kettleford bridge on Tuesday.`;
    const out = blankBoilerplate(text);
    expect(out).toHaveLength(text.length);
    expect(out.trim()).toBe('Mayor Ilse Brandt opened the Kettleford bridge on Tuesday.');
    expect(out.indexOf('Ilse')).toBe(text.indexOf('Ilse'));
  });

  it('blanks missing-page and sign-up notices', () => {
    const text =
      'Sorry, the page you requested could not be found.\n' +
      'Email Sign Up By signing up you agree to receive email newsletters from the Courier.';
    expect(blankBoilerplate(text).trim()).toBe('');
  });

  it("blanks an archive's description of a crawl and a sign-in prompt", () => {
    const text =
      'The seed for this crawl was a list of every host in the archive\n' +
      'The WARC files associated with this crawl are not available to the public.\n' +
      'Crawl of outlinks from a wiki started in spring. These files are currently not publicly accessible.\n' +
      'Welcome back. Please sign in\n' +
      'By submitting your registration information, you agree to our Terms of Service.';
    expect(blankBoilerplate(text).trim()).toBe('');
  });

  it('blanks the whole of a page titled as a notice when its notice lines are half of it', () => {
    const listing =
      '- Front pages of every site on the list:\n' +
      '-- every address with more than one inter-domain link pointing at it, ranked by those links\n' +
      '-- at most 50 addresses per site';
    const out = blankBoilerplate(listing, true);
    expect(out).toHaveLength(listing.length);
    expect(out.trim()).toBe('');
    // Without a notice title the lines beside the notice stay.
    expect(blankBoilerplate(listing).trim()).toContain('Front pages of every site');
  });

  it('keeps the news under a notice title when the notice is a small part of the text', () => {
    const text =
      'Get breaking news alerts and special reports.\n' +
      'Mayor Ilse Brandt opened the Kettleford bridge on Tuesday, two years after floods swept the old one away. ' +
      'The council spent 4.2 million crowns on the crossing, which carries the town road over the Tarn.';
    expect(blankBoilerplate(text, true).trim()).toMatch(/^Mayor Ilse Brandt/);
  });

  it('returns news without notices as it is', () => {
    const text = 'The archive of the Tallow Gazette was saved by volunteers, the page said.';
    expect(blankBoilerplate(text)).toBe(text);
  });
});

describe('analyzeArticle on a notice in place of an article', () => {
  it('finds no names or keywords in a crawl notice', () => {
    const a = analyzeArticle({ title: '', text: CRAWL });
    expect(a.entities).toEqual([]);
    expect(a.keywords).toEqual([]);
    expect(a.sentences.length).toBe(2);
  });

  it('finds no names in a page whose title and most of whose text are a crawl notice', () => {
    const a = analyzeArticle({
      title: 'The seed for Wide00020 was:',
      text: '- Front pages of Tallow County sites:\n-- every address with more than one inter-domain link to it, ranked by those links',
    });
    expect(a.entities).toEqual([]);
    expect(a.keywords).toEqual([]);
  });

  it('still reads the news beside a notice', () => {
    const a = analyzeArticle({
      title: '',
      text: `${CRAWL}\nMayor Ilse Brandt opened the Kettleford bridge.`,
    });
    expect(a.entities.map((e) => e.key)).toContain('ilse brandt');
    expect(a.entities.map((e) => e.key)).not.toContain('internet archive');
  });
});
