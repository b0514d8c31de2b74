import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['src', 'test', 'docs', 'bench', 'scripts'];
const SELF = 'test/project-language.test.ts';

/**
 * Ways of speaking about how the project was built rather than about the project: a reader of the
 * code has no tracker entry, no task and no coordinator to look up, so each must say what it means.
 */
const PHRASES = [
  /\b(from|in|per|see|by|of) the issue\b/i,
  /\bthe issue (asks|says|wants|lists|requires)\b/i,
  /\(the issue\b|\bthe issue:/i,
  /\bthe (ingest|feeds?|clustering|writer|verify|security|store|operator) issue\b/i,
  /\bissue (examples|text|list)\b/i,
  /\b[a-z]+ issue's\b/i,
  /\bissue #?\d+\b/i,
  /\bticket #?\d+\b/i,
  /\b(the|this) ticket (asks|says|wants|lists|requires)\b/i,
  /\bcoordinator\b/i,
];

function projectFiles(): string[] {
  return FOLDERS.flatMap((top) =>
    readdirSync(path.join(ROOT, top), { recursive: true, encoding: 'utf8' })
      .map((file) => `${top}/${file}`)
      .filter((file) => /\.(ts|tsx|md|js|json)$/.test(file) && file !== SELF),
  );
}

describe('the words of the code, tests and docs', () => {
  it('speak of the project, never of the work items or process that built it', () => {
    const found: string[] = [];
    for (const file of projectFiles()) {
      const lines = readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (PHRASES.some((phrase) => phrase.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
