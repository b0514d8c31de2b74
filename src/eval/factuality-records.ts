import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';

const recordSchema = z.object({
  id: z.union([z.string(), z.number()]).optional(),
  ID: z.union([z.string(), z.number()]).optional(),
  document: z.string(),
  claim: z.string(),
  label: z.union([z.literal(0), z.literal(1)]),
  inaccuracy_label: z.union([z.literal(0), z.literal(1)]).optional(),
});

/** One (document, claim, label) record; label 1 = the claim is consistent with the document. */
export interface FactualityRecord {
  id: string;
  document: string;
  claim: string;
  label: 0 | 1;
  /**
   * The label for support alone, when the file annotates it apart from `label`: Polytope's
   * `inaccuracy_label`, where `label` also counts omitted key points and irrelevant or repeated
   * material, which no support decision can see. Training fits on it; every figure uses `label`.
   */
  supportLabel?: 0 | 1;
}

/**
 * Parses a factuality file: JSON lines of `{"id","document","claim","label"}`, or one JSON object
 * keyed by record id (the SummaC validation files), or a JSON array.
 */
export function parseFactualityFile(text: string, file: string): FactualityRecord[] {
  const trimmed = text.trimStart();
  let raw: [string | undefined, unknown][];
  if (trimmed.startsWith('{') && !/}\s*\n\s*{/.test(trimmed.slice(0, 200_000))) {
    raw = Object.entries(JSON.parse(trimmed) as Record<string, unknown>);
  } else if (trimmed.startsWith('[')) {
    raw = (JSON.parse(trimmed) as unknown[]).map((r) => [undefined, r]);
  } else {
    raw = text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line, i) => {
        try {
          return [undefined, JSON.parse(line)];
        } catch (cause) {
          throw new AppError('invalid_input', `${file}:${i + 1}: not JSON`, { cause });
        }
      });
  }
  return raw.map(([key, value], i) => {
    const parsed = recordSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError(
        'invalid_input',
        `${file}: record ${key ?? i + 1}: ${issue.path.join('.')} ${issue.message}`,
      );
    }
    const r = parsed.data;
    return {
      id: String(key ?? r.id ?? r.ID ?? i + 1),
      document: r.document,
      claim: r.claim,
      label: r.label,
      ...(r.inaccuracy_label === undefined ? {} : { supportLabel: r.inaccuracy_label }),
    };
  });
}

/** Loads a factuality file from disk. */
export async function loadFactualityFile(file: string): Promise<FactualityRecord[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new AppError('io_error', `cannot read ${file}`, { cause });
  }
  return parseFactualityFile(text, file);
}
