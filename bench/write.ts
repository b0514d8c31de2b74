import { performance } from 'node:perf_hooks';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import o200kBase from 'js-tiktoken/ranks/o200k_base';
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
    llm_prompt_tokens: llmPromptTokens(events),
  };
}

/**
 * Prompt tokens per story version as the LLM writer would send them (system prompt + user prompt with
 * the passages chosen under the default 6,000-token budget), counted with real BPE tokenizers. What
 * the model answers cannot be measured without running one.
 */
function llmPromptTokens(events: NonNullable<ReturnType<typeof loadMultilingSample>>) {
  const prompts = loadPrompts();
  const o200k = new Tiktoken(o200kBase);
  const cl100k = new Tiktoken(cl100kBase);
  return {
    measured:
      'prompt tokens, counted with js-tiktoken: o200k_base (GPT-4o, GPT-4.1, o-series) and cl100k_base (GPT-4, GPT-3.5); other model families tokenize differently',
    not_measured:
      'output tokens and the model-reported prompt tokens: they need a model run; when a model is configured each version stores and logs prompt_tokens and output_tokens',
    stories: events.map(({ id, sources }) => {
      const passages = buildPassages(sources, 6000);
      const user = fillTemplate(prompts.user, {
        source_count: sources.length,
        publisher_count: new Set(sources.map((s) => s.source_id)).size,
        passages: formatPassages(passages),
      });
      const text = `${prompts.system}\n${user}`;
      return {
        story: id,
        sources: sources.length,
        passages: passages.length,
        prompt_tokens_o200k: o200k.encode(text).length,
        prompt_tokens_cl100k: cl100k.encode(text).length,
        // The writer's budget estimate (4 characters a token), beside the measured counts.
        prompt_tokens_estimate: estimateTokens(text),
      };
    }),
  };
}
