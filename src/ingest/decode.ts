import iconv from 'iconv-lite';

/** Text decoded from bytes, with the charset used and how it was chosen. */
export interface DecodedText {
  text: string;
  charset: string;
  /** bom, http, xml, meta, or default. */
  from: 'bom' | 'http' | 'xml' | 'meta' | 'default';
  /** Set when bytes did not fit the charset and were replaced: shown, never silent. */
  warning?: string;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xfe, 0xff], 'utf-16be'],
  [[0xff, 0xfe], 'utf-16le'],
];

// Labels that name a superset in practice (WHATWG Encoding): a page saying ISO-8859-1 is cp1252.
const ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'ks_c_5601-1987': 'euc-kr',
  'x-sjis': 'shift_jis',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  utf8: 'utf-8',
};

/** The charset named in a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return match ? match[1]!.toLowerCase() : null;
}

/** The encoding in an XML declaration or an HTML <meta>, read from the first bytes as ASCII. */
function sniffDeclared(bytes: Buffer): { charset: string; from: 'xml' | 'meta' } | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return { charset: xml[1]!.toLowerCase(), from: 'xml' };
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  if (meta) return { charset: meta[1]!.toLowerCase(), from: 'meta' };
  return null;
}

function normalizeCharset(label: string): string | null {
  const name = ALIASES[label] ?? label;
  return iconv.encodingExists(name) ? name : null;
}

/**
 * Decodes a feed or page: a byte-order mark wins, then the HTTP charset, then the XML declaration
 * or <meta charset>, then UTF-8. Undeclared bytes that are not UTF-8 are read as cp1252 (the most
 * common undeclared legacy encoding) with a warning rather than turned into replacement characters.
 */
export function decodeBody(bytes: Buffer, contentType?: string | null): DecodedText {
  for (const [bom, charset] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      return { text: iconv.decode(bytes.subarray(bom.length), charset), charset, from: 'bom' };
    }
  }
  const http = charsetFromContentType(contentType);
  const declared = sniffDeclared(bytes);
  const candidates: [string, DecodedText['from']][] = [];
  if (http) candidates.push([http, 'http']);
  if (declared) candidates.push([declared.charset, declared.from]);
  for (const [label, from] of candidates) {
    const charset = normalizeCharset(label);
    if (!charset) continue;
    if (charset === 'utf-8') return decodeUtf8(bytes, from);
    return { text: iconv.decode(bytes, charset), charset, from };
  }
  return decodeUtf8(bytes, 'default');
}

function decodeUtf8(bytes: Buffer, from: DecodedText['from']): DecodedText {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8', from };
  } catch {
    if (from === 'default') {
      const charset = guessLegacyCharset(bytes);
      return {
        text: iconv.decode(bytes, charset),
        charset,
        from,
        warning: `not valid UTF-8 and no charset declared; guessed ${charset}`,
      };
    }
    // A template that declares UTF-8 over legacy bytes is common (Korean and Japanese portals).
    const legacy = guessLegacyCharset(bytes);
    if (legacy !== 'windows-1252') {
      return {
        text: iconv.decode(bytes, legacy),
        charset: legacy,
        from,
        warning: `declared UTF-8 but the bytes are ${legacy}`,
      };
    }
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      charset: 'utf-8',
      from,
      warning: 'declared UTF-8 but contains invalid bytes; they were replaced with U+FFFD',
    };
  }
}

// Each East Asian legacy encoding decodes the others' bytes into replacement characters or into
// scripts the text would not use; the script that dominates tells them apart.
// Japanese prose is about a third kana even when kanji-heavy, hence its lower share.
const LEGACY: [string, RegExp, number][] = [
  ['shift_jis', /[\u3040-\u30ff]/gu, 0.2],
  ['euc-kr', /[\uac00-\ud7a3]/gu, 0.5],
  ['gb18030', /[\u4e00-\u9fff]/gu, 0.5],
];

/** Picks the legacy charset whose decoding is clean and mostly in its own script; else cp1252. */
export function guessLegacyCharset(bytes: Buffer): string {
  const sample = bytes.subarray(0, 64 * 1024);
  for (const [charset, script, share] of LEGACY) {
    const text = iconv.decode(sample, charset);
    if (text.includes('\ufffd')) continue;
    const nonAscii = text.replace(/[\x00-\x7f]/g, '').length;
    const inScript = text.match(script)?.length ?? 0;
    if (nonAscii > 0 && inScript / nonAscii > share) return charset;
  }
  return 'windows-1252';
}
