import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../lib/errors.js';

/** One cluster of a summarisation set: the articles of one event and a human summary of them. */
export const summaryClusterSchema = z.object({
  instance_id: z.string().min(1),
  documents: z
    .array(z.object({ id: z.string().min(1), title: z.string().default(''), text: z.string() }))
    .min(1),
  summary: z.string().min(1),
});

export type SummaryCluster = z.infer<typeof summaryClusterSchema>;

/** Reads one cluster per line (`{"instance_id", "documents": [{"id","title","text"}], "summary"}`). */
export function readSummaryClusters(file: string): SummaryCluster[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('io_error', `cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  const out: SummaryCluster[] = [];
  for (const [i, line] of content.split('\n').entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (cause) {
      throw new AppError('invalid_input', `${file} line ${i + 1}: invalid JSON`, { cause });
    }
    const parsed = summaryClusterSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError(
        'invalid_input',
        `${file} line ${i + 1}: ${issue.path.join('.') || 'line'}: ${issue.message}`,
      );
    }
    out.push(parsed.data);
  }
  if (out.length === 0) throw new AppError('invalid_input', `${file} holds no clusters`);
  return out;
}
