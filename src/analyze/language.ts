// Scripts that name their language on their own (Hangul → Korean, kana → Japanese…).
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Thai}/gu, 'th'],
];

// The most frequent function words of Latin-script languages; the best share of hits wins.
const FUNCTION_WORDS: [string, Set<string>][] = Object.entries({
  en: 'the of and to in is that for it was on with as by he said at from his be are have has an were',
  de: 'der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an wird',
  fr: 'le la les de des et en un une du est que pour dans qui sur au pas par plus ne il avec se',
  es: 'el la de que y en los del se las por un para con una su al es lo como más pero sus le',
  pt: 'o a de que e do da em um para com não uma os no se na por mais as dos como mas ao ele',
  it: 'il di che la e in un per non una del della è sono le si con da al dei gli anche come',
  nl: 'de het een van en in is dat op te zijn voor met die niet aan er maar om ook als bij',
  sv: 'och i att det som en på är av för med till den har de inte om ett han men var',
  ro: 'și în de la cu pe care din a fost este un o pentru nu mai au să ca sau',
}).map(([lang, words]): [string, Set<string>] => [lang, new Set(words.split(' '))]);

// Each function word with the languages (indices into FUNCTION_WORDS) it is one of: a text's
// words are looked up once, not once per language.
const LANGUAGES_OF = new Map<string, number[]>();
FUNCTION_WORDS.forEach(([, words], index) => {
  for (const w of words) LANGUAGES_OF.set(w, [...(LANGUAGES_OF.get(w) ?? []), index]);
});

const SAMPLE = 800;

/**
 * The ISO 639-1 code of the text's language, or 'und'. Non-Latin scripts decide by script share;
 * Latin text by the share of each language's function words in the first 800 characters.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE);
  const letters = (sample.match(/\p{L}/gu) ?? []).length;
  if (letters < 3) return 'und';
  let best = 'und';
  let bestCount = 0;
  let wide = 0;
  for (let i = 0; i < sample.length; i++) if (sample.charCodeAt(i) > 0x24f) wide++;
  for (const [re, lang] of wide > letters * 0.1 ? SCRIPTS : []) {
    const count = (sample.match(re) ?? []).length;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  // Kana among Han characters means Japanese.
  if (best === 'zh' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample)) best = 'ja';
  if (bestCount > letters * 0.25) return best;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = new Array<number>(FUNCTION_WORDS.length).fill(0);
  for (const w of words) for (const index of LANGUAGES_OF.get(w) ?? []) hits[index]!++;
  let lang = 'und';
  let score = 0;
  // In the list's order, so a tie goes to the language listed first.
  FUNCTION_WORDS.forEach(([code], index) => {
    if (hits[index]! > score) {
      lang = code;
      score = hits[index]!;
    }
  });
  // Headlines are short: one function word is enough; longer text needs a real share.
  return score >= Math.min(2, Math.max(1, words.length / 20)) || (score >= 1 && words.length < 12)
    ? lang
    : 'und';
}
