import { performance } from 'node:perf_hooks';
import { prepareSources } from '../src/verify/prepare.js';
import { verifyDraft } from '../src/verify/verify.js';
import { writeExtractive } from '../src/write/extractive.js';
import { buildPassages, estimateTokens, formatPassages } from '../src/write/passages.js';
import { fillTemplate, loadPrompts } from '../src/write/prompts.js';
import { loadMultilingSample } from '../src/write/sample.js';
import { median } from './lib.js';

/**
 * Extractive write + verify of a 10-source story (the WikiNews events of the multi-document sample;
 * analyses are stored per article, so they are made before timing). The floor is one lower-casing
 * word split over the same texts, measured in the same run.
 */
export function benchWrite(rounds = 40): Record<string, unknown> {
  const events = loadMultilingSample();
  if (!events) return { name: 'write', skipped: 'shared evaldata not found' };
  const timings: number[] = [];
  const floors: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const { sources } of events) {
      let t = performance.now();
      for (const s of sources) s.text.toLowerCase().split(/\s+/);
      floors.push(performance.now() - t);
      t = performance.now();
      const prepared = prepareSources(sources);
      const result = writeExtractive(sources, prepared);
      if (!result.ok) throw new Error(result.reason);
      verifyDraft(result.draft, sources, prepared);
      timings.push(performance.now() - t);
    }
  }
  const warm = timings.slice(events.length * 3);
  const floor = median(floors.slice(events.length * 3));
  return {
    name: 'write',
    story_sources: events[0]!.sources.length,
    stories: events.length,
    median_ms: Number(median(warm).toFixed(2)),
    p90_ms: Number([...warm].sort((a, b) => a - b)[Math.floor(warm.length * 0.9)]!.toFixed(2)),
    floor_median_ms: Number(floor.toFixed(3)),
    ratio_to_floor: Number((median(warm) / floor).toFixed(1)),
    target_ms: 50,
    // No model runs in the benchmark: prompt size as the LLM writer would send it (default budget).
    llm_prompt_tokens_estimate: events.map(({ id, sources }) => {
      const prompts = loadPrompts();
      const passages = buildPassages(sources, 6000);
      const user = fillTemplate(prompts.user, {
        source_count: sources.length,
        publisher_count: sources.length,
        passages: formatPassages(passages),
      });
      return { story: id, passages: passages.length, prompt_tokens: estimateTokens(prompts.system + user) };
    }),
  };
}
