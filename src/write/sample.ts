import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fallbackAnalysis } from '../verify/extract.js';
import type { SourceArticle } from '../verify/types.js';

/** The sample inside the shared evaluation data (`../shared/evaldata`, described in CONTRIBUTING.md). */
export const MULTILING_SAMPLE = 'summarization/multiling2011/documents.jsonl';

/** Where the sample lies beside a checkout, for benchmarks and harnesses that run without it too. */
export const MULTILING_FILE = path.resolve(import.meta.dirname, '../../../shared/evaldata', MULTILING_SAMPLE);

interface MultilingLine {
  instance_id: string;
  documents: { filename: string; text: string[] }[];
}

/** One WikiNews event of the sample and its reports. */
export interface SampleEvent {
  id: string;
  sources: SourceArticle[];
}

/** The sample when the shared data is present, undefined otherwise (benchmarks skip it then). */
export function loadMultilingSample(file = MULTILING_FILE): SampleEvent[] | undefined {
  return existsSync(file) ? readMultilingSample(file) : undefined;
}

/**
 * The multi-document sample (3 WikiNews events × 10 articles) as source articles, one outlet per
 * file so diversity rules have something to work on.
 */
export function readMultilingSample(file: string): SampleEvent[] {
  let nextId = 1;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const event = JSON.parse(line) as MultilingLine;
      const sources = event.documents.map((doc, i) => {
        const [first = '', second = '', ...rest] = doc.text;
        const date = /^(\d{4})\/(\d{2})\/(\d{2})\s+/.exec(first);
        const text = rest.join('\n\n');
        return {
          id: nextId++,
          source_id: i + 1,
          outlet: `WikiNews ${doc.filename}`,
          title: first.replace(/^\d{4}\/\d{2}\/\d{2}\s+/, ''),
          text: text || second,
          published_at: date ? new Date(`${date[1]}-${date[2]}-${date[3]}T12:00:00Z`) : null,
          analysis: fallbackAnalysis(text || second),
        };
      });
      return { id: event.instance_id, sources };
    });
}
