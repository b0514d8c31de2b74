import type { Phase } from '../types.js';

/** The body as space-separated lowercase words, padded, so a list entry matches whole words only. */
export function wordText(body: string): string {
  const words = body
    .toLowerCase()
    .split(/[^\p{L}\p{N}']+/u)
    .filter(Boolean);
  return ` ${words.join(' ')} `;
}

/** The first list entry (a word or a phrase) that occurs as whole words in the body. */
export function findWord(text: string, list: readonly string[]): string | undefined {
  return list.find((entry) => {
    const normalized = wordText(entry).trim();
    return normalized.length > 0 && text.includes(` ${normalized} `);
  });
}

/** A banned word rejects; a suspect word holds for a moderator, who sees which word it was. */
export const wordsPhase: Phase = {
  name: 'words',
  onEdit: true,
  run({ body, settings }) {
    const text = wordText(body);
    const banned = findWord(text, settings.bannedWords);
    if (banned) return { status: 'rejected', reason: 'banned_word', matchedWord: banned };
    const suspect = findWord(text, settings.suspectWords);
    if (suspect) return { status: 'pending', reason: 'suspect_word', matchedWord: suspect };
    return undefined;
  },
};
