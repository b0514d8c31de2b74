import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody } from './decode.js';

const korean = '서울 시장이 오늘 새 정책을 발표했다';
const japanese = '東京都は今日、新しい政策を発表しました';

describe('decodeBody', () => {
  it.each([
    [
      'EUC-KR feed with an XML declaration',
      iconv.encode(`<?xml version="1.0" encoding="EUC-KR"?><rss><title>${korean}</title></rss>`, 'euc-kr'),
      null,
      'euc-kr',
    ],
    [
      'EUC-KR feed without a declaration (charset guessed from the bytes)',
      iconv.encode(`<rss><title>${korean}</title></rss>`, 'euc-kr'),
      null,
      'euc-kr',
    ],
    [
      'Shift_JIS feed with an XML declaration',
      iconv.encode(
        `<?xml version="1.0" encoding="Shift_JIS"?><rss><title>${japanese}</title></rss>`,
        'shift_jis',
      ),
      null,
      'shift_jis',
    ],
    [
      'Shift_JIS feed declared only in the HTTP header',
      iconv.encode(`<rss><title>${japanese}</title></rss>`, 'shift_jis'),
      'application/rss+xml; charset=Shift_JIS',
      'shift_jis',
    ],
    [
      'Shift_JIS feed without any declaration',
      iconv.encode(`<rss><title>${japanese}</title></rss>`, 'shift_jis'),
      null,
      'shift_jis',
    ],
    [
      'HTML page with <meta charset> in cp1252 (ISO-8859-1 label)',
      iconv.encode('<html><head><meta charset="iso-8859-1"></head><p>Café “x”</p>', 'windows-1252'),
      'text/html',
      'windows-1252',
    ],
  ])('%s', (_name, bytes, contentType, charset) => {
    const decoded = decodeBody(bytes, contentType);
    expect(decoded.charset).toBe(charset);
    expect(decoded.text).not.toContain('\ufffd');
    expect(decoded.text).toMatch(/서울|東京|Café “x”/);
  });

  it('lets a byte-order mark win over a wrong declaration', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>Zürich</t>'),
    ]);
    expect(decodeBody(bytes, 'text/xml; charset=iso-8859-1')).toMatchObject({
      from: 'bom',
      charset: 'utf-8',
    });
    expect(decodeBody(bytes).text).toContain('Zürich');
  });

  it('reports invalid UTF-8 instead of producing mojibake silently', () => {
    const bytes = Buffer.from([...Buffer.from('<t>caf'), 0xc3, 0x28, ...Buffer.from('</t>')]);
    const declared = decodeBody(bytes, 'text/xml; charset=utf-8');
    expect(declared.warning).toMatch(/invalid bytes/);
    const undeclared = decodeBody(Buffer.from([...Buffer.from('<t>caf'), 0xe9, ...Buffer.from('</t>')]));
    expect(undeclared).toMatchObject({ charset: 'windows-1252', text: '<t>café</t>' });
    expect(undeclared.warning).toMatch(/not valid UTF-8/);
  });
});

describe('decodeBody with a wrong declaration', () => {
  it('reads EUC-KR bytes under a UTF-8 XML declaration as EUC-KR, with a warning', () => {
    const bytes = iconv.encode(
      `<?xml version="1.0" encoding="UTF-8"?><rss><title>${korean}</title></rss>`,
      'euc-kr',
    );
    const decoded = decodeBody(bytes);
    expect(decoded).toMatchObject({ charset: 'euc-kr', warning: 'declared UTF-8 but the bytes are euc-kr' });
    expect(decoded.text).toContain(korean);
  });
});
