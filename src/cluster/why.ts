import type { PlacementEvidence } from './types.js';

/** How an article came to be in its story, as the clusterer (or an editor) recorded it. */
export interface Placement {
  assigned_by: string;
  evidence: PlacementEvidence | null;
}

/**
 * One sentence saying why an article is in its story, for the editor's console: the names and
 * figures it shares with the story, how alike the words are and how far apart in time.
 */
export function whyInStory(placement: Placement | undefined): string {
  if (!placement) return 'No placement recorded.';
  if (placement.assigned_by === 'editor') return 'Placed here by an editor.';
  if (placement.assigned_by === 'merge') return 'Came with a story that was merged into this one.';
  const e = placement.evidence;
  if (!e) return 'Placed by the clusterer before it recorded its evidence.';
  if (e.reason === 'started') return 'Started this story.';
  if (e.reason === 'duplicate') return 'A copy of an article already in this story.';
  if (e.reason === 'merged')
    return 'Came with a story the clusterer found to be the same event, by how its reports agree, and joined to this one.';
  const parts: string[] = [];
  if (e.shared_names.length > 0) parts.push(`names ${e.shared_names.join(', ')}`);
  if (e.shared_figures.length > 0) parts.push(`figures ${e.shared_figures.map(figureText).join(', ')}`);
  const shared = parts.length > 0 ? `Shares ${parts.join('; ')}. ` : 'Shares no rare name or figure. ';
  const embedding = e.embedding === null ? '' : `, meaning ${percent(e.embedding)} alike`;
  const when = e.hours > 0 ? `${Math.round(e.hours)} hours from the story's span` : 'within the story’s span';
  return `${shared}Words ${percent(e.text)} alike${embedding}; ${when}; score ${e.score.toFixed(2)}.`;
}

/** "#count:workers:340" → "340 workers", "#amount:USD:9000000" → "9,000,000 USD", a date as YYYY-MM-DD. */
export function figureText(key: string): string {
  const [kind = '', unit = '', raw = ''] = key.replace(/^#/, '').split(':');
  const value = Number(raw);
  if (kind === 'date' && Number.isFinite(value)) return new Date(value).toISOString().slice(0, 10);
  if (kind === 'percent') return `${value}%`;
  const number = Number.isFinite(value) ? value.toLocaleString('en-US') : raw;
  return unit ? `${number} ${unit}` : number;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
