import { describe, expect, it } from 'vitest';
import { toImportRow } from './interchange.js';

const now = new Date('2026-02-01T00:00:00Z');
const good = {
  id: 'a1',
  url: 'https://Example.com/x?utm_source=feed#top',
  title: '  Talks resume  ',
  text: 'Negotiators met on Monday.',
  published_at: '2026-01-30T10:00:00Z',
  source: { name: 'Outlet', url: 'https://example.com' },
  language: 'en',
  story: 'gold',
};

describe('toImportRow', () => {
  it('normalizes a good line', () => {
    const row = toImportRow(good, now);
    if (typeof row === 'string') throw new Error(row);
    expect(row.article.canonical_url).toBe('https://example.com/x');
    expect(row.article.url).toBe(good.url);
    expect(row.article.title).toBe('Talks resume');
    expect(row.article.external_id).toBe('a1');
    expect(row.article.published_at).toEqual(new Date('2026-01-30T10:00:00Z'));
    expect(row.source).toMatchObject({ key: 'https://example.com/', name: 'Outlet', kind: 'import' });
    expect(JSON.stringify(row)).not.toContain('gold');
  });

  it('turns HTML into sanitized HTML and plain text', () => {
    const row = toImportRow(
      {
        ...good,
        text: undefined,
        html: '<p>One <b>bold</b> claim.</p><script>alert(1)</script><p onclick="x()">Two.</p>',
      },
      now,
    );
    if (typeof row === 'string') throw new Error(row);
    expect(row.article.text).toBe('One bold claim.\nTwo.');
    expect(row.article.html).not.toMatch(/script|onclick/);
  });

  it('names the source by name when it has no URL, and by the article host when absent', () => {
    const byName = toImportRow({ ...good, source: { name: 'Wire Service' } }, now);
    const byHost = toImportRow({ ...good, source: undefined }, now);
    expect(typeof byName !== 'string' && byName.source.key).toBe('name:wire service');
    expect(typeof byHost !== 'string' && byHost.source.name).toBe('example.com');
  });

  it('identifies an article without a URL by source and id, so a re-import matches', () => {
    const a = toImportRow({ ...good, url: undefined }, now);
    const b = toImportRow({ ...good, url: undefined }, now);
    expect(typeof a !== 'string' && a.article.canonical_url).toBe('urn:newsloom:https://example.com/:a1');
    expect(a).toEqual(b);
  });

  it.each([
    [{ ...good, title: undefined }, 'missing title'],
    [{ ...good, title: '   ' }, 'missing title'],
    [{ ...good, text: undefined }, 'missing text'],
    [{ ...good, text: undefined, html: '<script>x</script>' }, 'missing text (empty after removing markup)'],
    [{ ...good, published_at: 'yesterday' }, 'bad date "yesterday"'],
    [{ ...good, published_at: '2031-01-01T00:00:00Z' }, 'is in the future'],
    [{ ...good, url: 'javascript:alert(1)' }, 'bad url'],
    [{ ...good, source: {}, url: undefined }, 'missing source'],
    [{ ...good, title: 42 }, 'title'],
    [[1, 2], 'expected object'],
    [null, 'expected object'],
  ])('rejects %j with a reason', (value, reason) => {
    const row = toImportRow(value, now);
    expect(typeof row).toBe('string');
    expect(row).toContain(reason);
  });
});
