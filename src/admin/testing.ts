import { loadStorySources } from '../publish/sources.js';
import { storeVersion, type WriteDeps } from '../publish/write-story.js';

import type { SourceArticle } from '../verify/types.js';

/** The headline of the held version: its figure (900) is in no source. */
export const HELD_HEADLINE = 'Floods force 900 families from Lower Dorn';
/** The sentence of the held version that no source supports (the verifier drops it). */
export const UNSUPPORTED = 'The army built a bridge of boats across the river.';

function cite(source: SourceArticle, sentence: string) {
  const start = source.text.indexOf(sentence);
  if (start < 0) throw new Error(`not in ${source.outlet}: ${sentence}`);
  return { text: sentence, citations: [{ article_id: source.id, start, end: start + sentence.length }] };
}

/**
 * Stores a version of a flood story (`floodFrom`) the verifier holds: a headline with a figure no source has and
 * one unsupported sentence beside two verified ones (as a writer's mistakes would look).
 */
export async function storeHeldVersion(deps: WriteDeps, storyId: number) {
  const sources = await loadStorySources(deps.db, storyId, deps.loadAnalyses);
  const [valley, herald] = sources;
  return storeVersion(deps, {
    storyId,
    sources,
    writer: 'extractive',
    draft: {
      headline: HELD_HEADLINE,
      dek: 'Rescue teams reached the flooded valley after three days of rain.',
      body: {
        lede: [cite(valley!, 'Officials said 40 homes were evacuated overnight.')],
        sections: [
          {
            heading: '',
            sentences: [
              cite(herald!, 'The council said shelters in two schools would stay open all week.'),
              { ...cite(herald!, 'Roads into the valley remain closed.'), text: UNSUPPORTED },
            ],
          },
        ],
        quotes: [],
        figures: [],
      },
    },
  });
}
