import type { StoryBody, StoryVersion } from '../db/schema.js';
import { normalizeForMatch } from '../verify/text.js';

function sentenceTexts(body: StoryBody): Set<string> {
  return new Set(
    [...body.lede, ...body.sections.flatMap((s) => s.sentences)].map((s) => normalizeForMatch(s.text)),
  );
}

/** Says what changed against the previous version: sources, sentences, writer, correction. */
export function changeNote(
  previous: Pick<StoryVersion, 'body' | 'source_count' | 'publisher_count' | 'writer'> | undefined,
  next: {
    body: StoryBody;
    source_count: number;
    publisher_count: number;
    writer: string;
    correction_reason?: string | null;
  },
): string {
  if (!previous)
    return `First version, from ${next.source_count} sources by ${next.publisher_count} publishers.`;
  const parts: string[] = [];
  if (next.correction_reason) parts.push(`Correction: ${next.correction_reason}.`);
  const sources = next.source_count - previous.source_count;
  if (sources !== 0) {
    parts.push(
      `${Math.abs(sources)} source${Math.abs(sources) === 1 ? '' : 's'} ${sources > 0 ? 'added' : 'removed'} (now ${next.source_count} from ${next.publisher_count} publishers).`,
    );
  }
  const before = sentenceTexts(previous.body);
  const after = sentenceTexts(next.body);
  const added = [...after].filter((t) => !before.has(t)).length;
  const removed = [...before].filter((t) => !after.has(t)).length;
  if (added || removed) parts.push(`${added} sentence${added === 1 ? '' : 's'} added, ${removed} removed.`);
  if (previous.writer !== next.writer) parts.push(`Written by ${next.writer} (was ${previous.writer}).`);
  return parts.length > 0 ? parts.join(' ') : 'No change in content.';
}
