import { z } from 'zod';

/** What a connection test found. */
export interface EndpointCheck {
  ok: boolean;
  /** One line for the editor. */
  message: string;
  /** Model ids the endpoint lists (first few). */
  models: string[];
  ms: number;
}

const modelList = z.object({ data: z.array(z.object({ id: z.string() })) });

/**
 * Asks an OpenAI-compatible endpoint for its models (`GET {base}/models`, the cheapest call every
 * such server answers) with a short timeout, and says whether the chosen model is among them.
 * `fetchImpl` is the process's guarded fetch, so a test cannot reach what the writer may not.
 */
export async function testModelEndpoint(
  input: { baseUrl: string; model?: string; apiKey?: string },
  { timeoutMs = 5000, fetchImpl }: { timeoutMs?: number; fetchImpl: typeof fetch },
): Promise<EndpointCheck> {
  const started = Date.now();
  const done = (ok: boolean, message: string, models: string[] = []): EndpointCheck => ({
    ok,
    message,
    models: models.slice(0, 10),
    ms: Date.now() - started,
  });
  if (!/^https?:\/\//.test(input.baseUrl) || !URL.canParse(input.baseUrl))
    return done(false, 'The endpoint must be an http:// or https:// URL.');
  const url = `${input.baseUrl.replace(/\/+$/, '')}/models`;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      headers: input.apiKey ? { authorization: `Bearer ${input.apiKey}` } : {},
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const reason =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs / 1000} s`
        : ((error as { cause?: Error }).cause?.message ?? (error as Error).message);
    return done(false, `Could not reach ${url}: ${reason}.`);
  }
  if (response.status === 401 || response.status === 403)
    return done(false, `The endpoint refused the key (HTTP ${response.status}).`);
  if (!response.ok) return done(false, `The endpoint answered HTTP ${response.status}.`);
  const parsed = modelList.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    return done(false, 'The endpoint answered, but not with an OpenAI-compatible model list.');
  const ids = parsed.data.data.map((m) => m.id);
  if (input.model && !ids.includes(input.model))
    return done(false, `Connected, but the endpoint does not list the model "${input.model}".`, ids);
  return done(true, `Connected: ${ids.length} model${ids.length === 1 ? '' : 's'} listed.`, ids);
}
