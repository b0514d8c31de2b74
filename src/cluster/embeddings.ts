import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { embedMany } from 'ai';
import type { Config } from '../config/config.js';
import type { Logger } from '../lib/log.js';
import type { Executor } from '../store/db.js';
import { embeddingsOf, saveEmbeddings } from '../store/embeddings.js';

/** Article embeddings from an OpenAI-compatible `/v1/embeddings` endpoint. */
export interface Embedder {
  model: string;
  /** One unit-length vector per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}

/** Where the embeddings endpoint is (the base URL ends before `/embeddings`, e.g. `http://host/v1`). */
export interface EmbedderOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
  /** The fetch requests go through: the feed fetcher's address guard in production. */
  fetch?: typeof fetch;
}

// Enough of an article to say what it is about; more costs tokens and says little more.
const EMBEDDED_CHARS = 2000;

/** An embedder over any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, llama.cpp, LM Studio…). */
export function createEmbedder(options: EmbedderOptions): Embedder {
  const provider = createOpenAICompatible({
    name: 'newsloom',
    baseURL: options.baseUrl,
    apiKey: options.apiKey,
    fetch: options.fetch,
  });
  const model = provider.embeddingModel(options.model);
  return {
    model: options.model,
    async embed(texts) {
      const { embeddings } = await embedMany({
        model,
        values: texts,
        maxRetries: 1,
        abortSignal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      return embeddings.map(unit);
    },
  };
}

/** The embedder the config names, or none (clustering then runs offline). */
export function embedderFrom(
  config: Pick<Config, 'embeddingsBaseUrl' | 'embeddingsModel' | 'embeddingsApiKey'>,
  fetchImpl?: typeof fetch,
): Embedder | undefined {
  if (!config.embeddingsBaseUrl || !config.embeddingsModel) return undefined;
  return createEmbedder({
    baseUrl: config.embeddingsBaseUrl,
    model: config.embeddingsModel,
    apiKey: config.embeddingsApiKey,
    fetch: fetchImpl,
  });
}

function unit(vector: number[]): number[] {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return vector.map((x) => x / norm);
}

/**
 * The embeddings of the given articles: stored ones, and the missing ones asked of the endpoint
 * and stored (once per article and model). When the endpoint fails the articles go without (the
 * clusterer then weighs words, names and figures alone) and one line is logged.
 */
export async function articleEmbeddings(
  deps: { db: Executor; embedder?: Embedder; logger?: Logger },
  articles: readonly { id: number; title: string; text: string }[],
): Promise<Map<number, Float32Array>> {
  const out = new Map<number, Float32Array>();
  const embedder = deps.embedder;
  if (!embedder || articles.length === 0) return out;
  const stored = await embeddingsOf(
    deps.db,
    articles.map((a) => a.id),
    embedder.model,
  );
  for (const [id, v] of stored) out.set(id, Float32Array.from(v));
  const missing = articles.filter((a) => !stored.has(a.id));
  if (missing.length === 0) return out;
  let vectors: number[][];
  try {
    vectors = await embedder.embed(missing.map((a) => `${a.title}\n${a.text}`.slice(0, EMBEDDED_CHARS)));
    if (vectors.length !== missing.length)
      throw new Error(`${vectors.length} embeddings for ${missing.length} texts`);
  } catch (error) {
    deps.logger?.warn(
      { articles: missing.length, model: embedder.model, err: error },
      'embeddings endpoint failed; clustering these articles without embeddings',
    );
    return out;
  }
  await saveEmbeddings(
    deps.db,
    missing.map((a, i) => ({ articleId: a.id, model: embedder.model, embedding: vectors[i]! })),
  );
  for (const [i, a] of missing.entries()) out.set(a.id, Float32Array.from(vectors[i]!));
  return out;
}
