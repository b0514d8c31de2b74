import type { Span } from '../analyze/types.js';
import { epochDay, valueContext } from './context.js';
import { eventValues } from './events.js';
import { numericValues, type RawValue } from './quantities.js';
import { titleValues } from './titles.js';
import type { DetectionSource, Mention } from './types.js';

/**
 * Every value an article states that sources could disagree on, each with its sentence and the
 * context that says what it measures. Reads the article's stored analysis (sentences, entities,
 * figures) and adds what the analysis does not keep (measures, ordinals, tallies, times, titles).
 */
export function articleMentions(article: DetectionSource): Mention[] {
  const { sentences, entities, figures } = article.analysis;
  const raws: RawValue[] = numericValues(article.text, figures);
  // Any name after "held in" or "at" is a place, whatever analysis guessed ("Pellin Quay" reads like a person's name).
  const places = entities;
  for (const sentence of sentences) {
    raws.push(...eventValues(article.text, sentence, article.published_at, places));
    raws.push(...titleValues(article.text, sentence, entities));
  }
  const out: Mention[] = [];
  for (const raw of dropOverlaps(raws)) {
    const sentence = sentences.find((s) => s.start <= raw.span.start && raw.span.end <= s.end);
    if (!sentence) continue;
    const others = raws.filter((r) => r !== raw && r.kind !== 'title').map((r) => r.span);
    const context = valueContext(article.text, sentence, raw.span, article.published_at, others, raw.about);
    const { about: _, ...value } = raw;
    out.push({
      articleId: article.id,
      ...value,
      sentence: { start: sentence.start, end: sentence.end },
      published: article.published_at ? epochDay(article.published_at) : null,
      ...context,
    });
  }
  return out;
}

/** Where a time or date was read inside a number already taken ("4.30 p.m." and "4"), the first reading wins. */
function dropOverlaps(raws: RawValue[]): RawValue[] {
  const kept: RawValue[] = [];
  const order: RawValue['kind'][] = [
    'title',
    'time',
    'date',
    'place',
    'tally',
    'measure',
    'ordinal',
    'amount',
    'percent',
    'count',
  ];
  const sorted = [...raws].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
  for (const raw of sorted) {
    if (raw.kind !== 'title' && kept.some((k) => k.kind !== 'title' && overlaps(k.span, raw.span))) continue;
    kept.push(raw);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}
