/**
 * The stand-in model reads what any model reads: the writer's prompt. These are the numbered
 * passages and their sources as the prompt lists them (see src/write/passages.ts, formatPassages).
 */

/** One numbered passage of the prompt. */
export interface PromptPassage {
  id: number;
  text: string;
  /** Index of the source it belongs to, in prompt order. */
  source: number;
}

/** One source heading of the prompt. */
export interface PromptSource {
  outlet: string;
  title: string;
}

/** The passages and sources listed in a writer prompt. */
export interface PromptStory {
  passages: PromptPassage[];
  sources: PromptSource[];
  /** Values the prompt says the article may not state as settled (see src/write/disputed-prompt.ts). */
  unsettled: string[];
}

const SOURCE_LINE = /^Source: (.*?): "(.*)"(?: \(\d{4}-\d{2}-\d{2}\))?$/;
const PASSAGE_LINE = /^\[(\d+)\] (.+)$/;
const FACT_LINE = /^- .+?: (?:write .+?; not|disputed:) (.+)$/;

/** Reads the passages and sources from the writer's user prompt. */
export function parseWriterPrompt(prompt: string): PromptStory {
  const passages: PromptPassage[] = [];
  const sources: PromptSource[] = [];
  const unsettled: string[] = [];
  for (const line of prompt.split('\n')) {
    const fact = FACT_LINE.exec(line);
    if (fact) {
      // "142 (County Herald); 163 (The Sentinel, Daily Post)"
      for (const value of fact[1]!.split('; ')) unsettled.push(value.replace(/ \([^()]*\)$/, ''));
      continue;
    }
    const source = SOURCE_LINE.exec(line);
    if (source) {
      sources.push({ outlet: source[1]!, title: source[2]! });
      continue;
    }
    const passage = PASSAGE_LINE.exec(line);
    if (passage && sources.length > 0)
      passages.push({ id: Number(passage[1]), text: passage[2]!.trim(), source: sources.length - 1 });
  }
  return { passages, sources, unsettled };
}
