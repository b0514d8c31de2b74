import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../lib/loopback.js';
import { type LlmDraft, llmDraftSchema } from '../../write/llm-draft.js';
import { cleanDraft } from './clean.js';
import { type ErrorKind, type Injection, inject } from './kinds.js';
import { parseWriterPrompt } from './prompt.js';

/**
 * An OpenAI-compatible chat endpoint on 127.0.0.1 that answers the LLM writer with drafts carrying
 * one planned error. On its own it is the stand-in model: it writes a faithful draft from the
 * prompt's passages, judges every claim supported and repairs nothing (it sends its draft back as
 * it was). In front of a real endpoint (`upstream`) it asks that model for the draft, the verdicts
 * and the repair, and only puts the planned error into the first draft.
 */
export interface InjectionServer {
  baseUrl: string;
  /** The error the next draft carries, or `clean` for none. */
  plan(kind: ErrorKind | 'clean'): void;
  /** What the drafts of the current plan carried, once drafted. */
  outcome(): PlanOutcome;
  close(): Promise<void>;
}

/** The first draft of a plan, its error when the story had material for one, and the last draft sent. */
export interface PlanOutcome {
  draft?: LlmDraft;
  injection?: Injection;
  /** The draft of the last answer (the repair when one was asked), as the writer received it. */
  final?: LlmDraft;
}

/** A real model endpoint the server sits in front of. */
export interface Upstream {
  baseUrl: string;
  apiKey?: string;
  /** The fetch that reaches it: the address guard of the operator's allowlist. */
  fetch?: typeof fetch;
}

interface ChatRequest {
  messages: { role: string; content: string }[];
}

/** Starts the server on an ephemeral loopback port. */
export async function startInjectionServer(options: { upstream?: Upstream } = {}): Promise<InjectionServer> {
  let kind: ErrorKind | 'clean' = 'clean';
  let state: PlanOutcome = {};
  const answer = async (body: ChatRequest & Record<string, unknown>): Promise<unknown> => {
    const messages = body.messages ?? [];
    const last = messages.at(-1)?.content ?? '';
    const isRepair = messages.some((m) => m.role === 'assistant');
    if (/^Claim \d+: /m.test(last) && !isRepair) {
      if (options.upstream) return forward(options.upstream, body);
      const claims = [...last.matchAll(/^Claim (\d+): /gm)].map((m) => Number(m[1]));
      const verdicts = claims.map((claim) => ({ claim, supported: true, reason: 'supported' }));
      return completion(JSON.stringify({ verdicts }));
    }
    if (isRepair) {
      const reply = options.upstream
        ? await forward(options.upstream, body)
        : completion(messages.find((m) => m.role === 'assistant')!.content);
      state.final = draftIn(reply);
      return reply;
    }
    const story = parseWriterPrompt(messages.find((m) => m.role === 'user')?.content ?? '');
    const reply = options.upstream ? await forward(options.upstream, body) : completion('');
    const draft = options.upstream ? draftIn(reply) : cleanDraft(story);
    if (!draft) {
      state = {};
      return reply;
    }
    const injected = kind === 'clean' ? undefined : inject(draft, story, kind);
    const sent = injected?.draft ?? draft;
    state = { draft: sent, final: sent, ...(injected ? { injection: injected.injection } : {}) };
    return withContent(reply, JSON.stringify(sent));
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      send(res, 200, await answer(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
    } catch (error) {
      send(res, 502, { error: { message: error instanceof Error ? error.message : String(error) } });
    }
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    plan(next) {
      kind = next;
      state = {};
    },
    outcome: () => state,
    close,
  };
}

/** Passes a request to the real endpoint and returns its answer (an HTTP error is thrown, then 502). */
async function forward(upstream: Upstream, body: unknown): Promise<unknown> {
  const response = await (upstream.fetch ?? fetch)(
    `${upstream.baseUrl.replace(/\/$/, '')}/chat/completions`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(upstream.apiKey ? { authorization: `Bearer ${upstream.apiKey}` } : {}),
      },
      body: JSON.stringify(body),
    },
  );
  if (!response.ok) throw new Error(`upstream answered HTTP ${response.status}`);
  return response.json();
}

function completion(content: string): unknown {
  return {
    id: 'chatcmpl-stand-in',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'stand-in',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

/** The draft in a chat answer, when it holds one (JSON, possibly in a code fence). */
function draftIn(reply: unknown): LlmDraft | undefined {
  const content = (reply as { choices?: { message?: { content?: string } }[] }).choices?.[0]?.message
    ?.content;
  if (typeof content !== 'string') return undefined;
  try {
    const parsed = llmDraftSchema.safeParse(JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function withContent(reply: unknown, content: string): unknown {
  const copy = structuredClone(reply) as { choices: { message: { content: string } }[] };
  copy.choices[0]!.message.content = content;
  return copy;
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}
