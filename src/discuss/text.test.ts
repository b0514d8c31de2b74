import { describe, expect, it } from 'vitest';
import { commentParagraphs, extractLinks, hashBody, normalizeBody } from './text.js';

describe('comment text', () => {
  it('normalizes line ends, trailing spaces and runs of blank lines', () => {
    expect(normalizeBody('  First.  \r\n\r\n\r\n\r\nSecond.\r\n  ')).toBe('First.\n\nSecond.');
  });

  it('hashes ignoring case and spacing, so a resubmitted copy matches', () => {
    expect(hashBody('Same  text\nhere')).toBe(hashBody('same text here'));
    expect(hashBody('same text')).not.toBe(hashBody('other text'));
  });

  const rows: [string, string, unknown][] = [
    ['plain paragraphs', 'One.\n\nTwo.', [[{ text: 'One.' }], [{ text: 'Two.' }]]],
    [
      'a link ending a sentence keeps the full stop outside',
      'See https://example.com/a?b=1.',
      [
        [
          { text: 'See ' },
          { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
          { text: '.' },
        ],
      ],
    ],
    [
      'a bare www host becomes https',
      'www.example.org',
      [[{ text: 'www.example.org', href: 'https://www.example.org/' }]],
    ],
    ['javascript: is never a link', 'javascript:alert(1)', [[{ text: 'javascript:alert(1)' }]]],
    [
      'markup stays text (escaped by the view)',
      '<script>alert(1)</script> http://x.example/"onmouseover=alert(1)',
      [
        [
          { text: '<script>alert(1)</script> ' },
          { text: 'http://x.example/', href: 'http://x.example/' },
          { text: '"onmouseover=alert(1)' },
        ],
      ],
    ],
  ];
  it.each(rows)('%s', (_name, body, expected) => {
    expect(commentParagraphs(body)).toEqual(expected);
  });

  it('finds links for the links phase', () => {
    expect(extractLinks('a https://a.example, b www.b.example; c')).toEqual([
      'https://a.example',
      'www.b.example',
    ]);
  });
});
