import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, generateText, NoObjectGeneratedError, Output, RetryError } from 'ai';
import type { Logger } from '../lib/log.js';
import type { Finding } from '../verify/types.js';
import { draftForRepair, llmDraftSchema, toDraft } from './llm-draft.js';
import { buildPassages, formatPassages } from './passages.js';
import { fillTemplate, type Prompts } from './prompts.js';
import type { DraftAttempt, LlmWriter, TokenUsage } from './types.js';

/** How to reach the model and how patient to be with it. */
export interface LlmWriterOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  maxRetries: number;
  promptTokens: number;
  prompts: Prompts;
  logger: Logger;
}

/** The LLM writer over any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp, LM Studio…). */
export function createLlmWriter(options: LlmWriterOptions): LlmWriter {
  const provider = createOpenAICompatible({
    name: 'newsloom',
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    supportsStructuredOutputs: true,
  });
  const model = provider.chatModel(options.model);
  return {
    model: options.model,
    async draft(sources, repair) {
      const passages = buildPassages(sources, options.promptTokens);
      const user = fillTemplate(options.prompts.user, {
        source_count: sources.length,
        publisher_count: new Set(sources.map((s) => s.source_id)).size,
        passages: formatPassages(passages),
      });
      const messages: { role: 'user' | 'assistant'; content: string }[] = [{ role: 'user', content: user }];
      if (repair) {
        messages.push({ role: 'assistant', content: draftForRepair(repair.draft, passages) });
        messages.push({
          role: 'user',
          content: fillTemplate(options.prompts.repair, {
            findings: describeFindings(repair.findings),
            draft: draftForRepair(repair.draft, passages),
          }),
        });
      }
      const started = Date.now();
      try {
        const result = await generateText({
          model,
          system: options.prompts.system,
          messages,
          output: Output.object({ schema: llmDraftSchema }),
          maxRetries: options.maxRetries,
          timeout: options.timeoutMs,
          temperature: 0.2,
        });
        const usage = tokens(result.usage);
        options.logger.info(
          {
            model: options.model,
            repair: Boolean(repair),
            ms: Date.now() - started,
            prompt_tokens: usage.promptTokens,
            output_tokens: usage.outputTokens,
          },
          'llm draft',
        );
        const { draft, findings } = toDraft(result.output, passages);
        return { draft, findings, usage };
      } catch (error) {
        return failure(error, options, Boolean(repair));
      }
    },
  };
}

function tokens(usage: { inputTokens?: number; outputTokens?: number } | undefined): TokenUsage {
  return { promptTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

/** Every way a call can fail becomes a visible `draft` finding; nothing is thrown past the writer. */
function failure(error: unknown, options: LlmWriterOptions, repair: boolean): DraftAttempt {
  const stage = repair ? 'repair' : 'draft';
  let message: string;
  let usage: TokenUsage = { promptTokens: 0, outputTokens: 0 };
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const attempts = RetryError.isInstance(error) ? error.errors.length : 1;
  if (NoObjectGeneratedError.isInstance(error)) {
    usage = tokens(error.usage);
    message = error.text?.trim()
      ? `model answer is not a valid draft: ${(error.cause instanceof Error ? error.cause.message : error.message).slice(0, 200)}`
      : 'model gave an empty answer';
  } else if (APICallError.isInstance(last)) {
    message = `model endpoint answered HTTP ${last.statusCode ?? '?'} after ${attempts} attempt${attempts === 1 ? '' : 's'}`;
  } else if (
    last instanceof Error &&
    (last.name === 'TimeoutError' || last.name === 'AbortError' || /timeout|aborted/i.test(last.message))
  ) {
    message = `model did not answer within ${options.timeoutMs} ms`;
  } else {
    message = `model call failed: ${last instanceof Error ? last.message : String(last)}`;
  }
  options.logger.warn({ model: options.model, stage, reason: message }, 'llm draft failed');
  const finding: Finding = {
    location: 'draft',
    check: 'draft',
    severity: 'error',
    message: `${stage}: ${message}`,
  };
  return { findings: [finding], usage };
}

function describeFindings(findings: readonly Finding[]): string {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => `- ${f.location}: ${f.message}`)
    .join('\n');
}
