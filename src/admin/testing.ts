import { loadStorySources } from '../publish/sources.js';
import { storeVersion, type WriteDeps } from '../publish/write-story.js';
import type { SourceArticle } from '../verify/types.js';

/** Two outlets on one flood: the sources of the review tests' stories. */
export const FLOOD = [
  {
    outlet: 'Valley Post',
    title: 'Floods hit Lower Dorn',
    text: 'Rescue teams reached the flooded valley of Lower Dorn on Sunday after three days of rain. Officials said 40 homes were evacuated overnight. The regional council opened two shelters in local schools.',
  },
  {
    outlet: 'Dorn Herald',
    title: 'Lower Dorn evacuates 40 homes',
    text: 'Forty homes in Lower Dorn were evacuated after the river burst its banks on Saturday night. The council said shelters in two schools would stay open all week. Roads into the valley remain closed.',
  },
];

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
 * Stores a version of a FLOOD story the verifier holds: a headline with a figure no source has and
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
