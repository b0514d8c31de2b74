import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';
import { SUPPORT_THRESHOLD } from '../verify/policy.js';
import { buildSupportIndex, scoreSupport } from '../verify/support.js';
import { type FactualityMetrics, factualityMetrics } from './factuality-metrics.js';
import { inTrainingHalf } from './support-training.js';

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

/** One prediction line: 1 = supported. */
export interface FactualityPrediction {
  id: string;
  label: 0 | 1;
  score: number;
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

/**
 * Runs the verifier's support decision on each record and scores it against the labels. `held_out`
 * scores only the records whose document is outside the half the support model was fitted on: on
 * the SummaC files that is the figure to quote; on other data both agree up to sampling.
 */
export function evaluateFactuality(
  records: readonly FactualityRecord[],
  threshold = SUPPORT_THRESHOLD,
): { metrics: FactualityMetrics; held_out: FactualityMetrics; predictions: FactualityPrediction[] } {
  const predictions = records.map((r) => {
    const result = scoreSupport(buildSupportIndex([{ id: 0, text: r.document }]), r.claim);
    const score = Math.round(result.score * 1e4) / 1e4;
    return { id: r.id, label: (score >= threshold ? 1 : 0) as 0 | 1, score };
  });
  const pairs = records.map((r, i) => ({ label: r.label, predicted: predictions[i]!.label }));
  const metrics = factualityMetrics(pairs);
  const held_out = factualityMetrics(pairs.filter((_, i) => !inTrainingHalf(records[i]!.document)));
  return { metrics, held_out, predictions };
}
