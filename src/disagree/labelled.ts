import { analyzeArticle } from '../analyze/analyze.js';
import type { FoundDisagreement } from '../eval/disagreements.js';
import { detectDisagreements } from './detect.js';
import type { DetectionSource } from './types.js';

/** An article of an interchange file, with the gold story label evaluation reads. */
export interface LabelledArticle {
  title: string;
  text: string;
  published_at?: string | null;
  source: { name: string };
  story?: string;
}

/**
 * Detection on articles grouped by their gold story label (not by clustering): every disagreement
 * found in each group of two or more, placed in that story.
 */
export function detectByGoldStory(articles: readonly LabelledArticle[]): FoundDisagreement[] {
  const stories = new Map<string, DetectionSource[]>();
  articles.forEach((a, i) => {
    if (!a.story) return;
    const group = stories.get(a.story) ?? [];
    group.push({
      id: i + 1,
      outlet: a.source.name,
      title: a.title,
      text: a.text,
      published_at: a.published_at ? new Date(a.published_at) : null,
      analysis: analyzeArticle({ title: a.title, text: a.text }),
    });
    stories.set(a.story, group);
  });
  const found: FoundDisagreement[] = [];
  for (const [story, sources] of stories) {
    if (sources.length < 2) continue;
    for (const { disagreement: d } of detectDisagreements(sources)) {
      found.push({ story, detail: d.detail, status: d.status, values: d.values.map((v) => v.value) });
    }
  }
  return found;
}
