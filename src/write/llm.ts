import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import {
  APICallError,
  generateText,
  type ModelMessage,
  NoObjectGeneratedError,
  Output,
  RetryError,
} from 'ai';
import type { z } from 'zod';
import type { Logger } from '../lib/log.js';
import type { Finding } from '../verify/types.js';
import { draftForRepair, llmDraftSchema, toDraft } from './llm-draft.js';
import { judgeAnswerSchema, judgePrompt, toVerdicts } from './llm-judge.js';
import { describeFindings } from './llm-repair.js';
import { formatDisagreements } from './disputed-prompt.js';
import { buildPassages, formatPassages } from './passages.js';
import { fillTemplate, type Prompts } from './prompts.js';
import type { DraftAttempt, Judgement, LlmWriter, TokenUsage } from './types.js';

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
  /** Every request to the model goes through this (the address guard: see `guardedFetch`). */
  fetch: typeof fetch;
}

/**
 * The LLM writer over any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp, LM Studio…),
 * and the support judge the verifier asks on the same endpoint.
 */
export function createLlmWriter(options: LlmWriterOptions): LlmWriter {
  const provider = createOpenAICompatible({
    name: 'newsloom',
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    supportsStructuredOutputs: true,
    fetch: options.fetch,
  });
  const model = provider.chatModel(options.model);
  /** One structured call: the answer validated against `schema`, its time and tokens logged. */
  const ask = async <T>(
    schema: z.ZodType<T>,
    request: { system: string; messages: ModelMessage[]; temperature: number },
    context: Record<string, unknown>,
    event: string,
  ): Promise<{ output: T; usage: TokenUsage }> => {
    const started = Date.now();
    const result = await generateText({
      model,
      ...request,
      output: Output.object({ schema }),
      maxRetries: options.maxRetries,
      timeout: options.timeoutMs,
    });
    const usage = tokens(result.usage);
    options.logger.info(
      {
        model: options.model,
        ...context,
        ms: Date.now() - started,
        prompt_tokens: usage.promptTokens,
        output_tokens: usage.outputTokens,
      },
      event,
    );
    return { output: result.output, usage };
  };
  return {
    model: options.model,
    async draft(sources, repair, disagreements = []) {
      const passages = buildPassages(sources, options.promptTokens);
      const user = fillTemplate(options.prompts.user, {
        source_count: sources.length,
        publisher_count: new Set(sources.map((s) => s.source_id)).size,
        passages: formatPassages(passages),
        disagreements: formatDisagreements(disagreements),
      }).replace(/\n{3,}/g, '\n\n');
      const messages: ModelMessage[] = [{ role: 'user', content: user }];
      if (repair) {
        messages.push({ role: 'assistant', content: draftForRepair(repair.draft, passages) });
        messages.push({
          role: 'user',
          content: fillTemplate(options.prompts.repair, {
            findings: describeFindings(repair.findings, passages),
            draft: draftForRepair(repair.draft, passages),
          }),
        });
      }
      try {
        const { output, usage } = await ask(
          llmDraftSchema,
          { system: options.prompts.system, messages, temperature: 0.2 },
          { repair: Boolean(repair) },
          'llm draft',
        );
        const { draft, findings } = toDraft(output, passages);
        return { draft, findings, usage };
      } catch (error) {
        return failure(error, options, Boolean(repair));
      }
    },
    async judge(claims) {
      try {
        const { output, usage } = await ask(
          judgeAnswerSchema,
          {
            system: options.prompts.judgeSystem,
            messages: [{ role: 'user', content: judgePrompt(options.prompts.judgeUser, claims) }],
            temperature: 0,
          },
          { claims: claims.length },
          'llm support judge',
        );
        return { verdicts: toVerdicts(output, claims), findings: [], usage };
      } catch (error) {
        const { message, usage } = describeFailure(error, options, 'verdict list');
        options.logger.warn({ model: options.model, stage: 'judge', reason: message }, 'llm judge failed');
        const finding: Finding = {
          location: 'draft',
          check: 'support',
          severity: 'warning',
          message: `support judge: ${message}; lexical support scores kept`,
        };
        return { verdicts: [], findings: [finding], usage } satisfies Judgement;
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
  const { message, usage } = describeFailure(error, options, 'draft');
  options.logger.warn({ model: options.model, stage, reason: message }, 'llm draft failed');
  const finding: Finding = {
    location: 'draft',
    check: 'draft',
    severity: 'error',
    message: `${stage}: ${message}`,
  };
  return { findings: [finding], usage };
}

/** What went wrong with a model call, in words an editor can act on, and the tokens it still cost. */
function describeFailure(
  error: unknown,
  options: LlmWriterOptions,
  answer: 'draft' | 'verdict list',
): { message: string; usage: TokenUsage } {
  let message: string;
  let usage: TokenUsage = { promptTokens: 0, outputTokens: 0 };
  const last = RetryError.isInstance(error) ? error.lastError : error;
  const attempts = RetryError.isInstance(error) ? error.errors.length : 1;
  if (NoObjectGeneratedError.isInstance(error)) {
    usage = tokens(error.usage);
    message = error.text?.trim()
      ? `model answer is not a valid ${answer}: ${(error.cause instanceof Error ? error.cause.message : error.message).slice(0, 200)}`
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
  return { message, usage };
}
