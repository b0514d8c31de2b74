import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../lib/loopback.js';

/** One scripted answer of the fake model endpoint. */
export type FakeReply =
  | { content: string; delayMs?: number; usage?: { prompt_tokens: number; completion_tokens: number } }
  | { status: number; retryAfter?: number; body?: string };

/** A small OpenAI-compatible chat completions server on 127.0.0.1 that answers from a script. */
export interface FakeLlm {
  baseUrl: string;
  /** Request bodies received, in order. */
  requests: { messages: { role: string; content: string }[]; model: string }[];
  /** Replaces the script; each request takes the next reply (the last one repeats). */
  script(replies: FakeReply[]): void;
  close(): Promise<void>;
}

/** Starts the fake endpoint on an ephemeral loopback port. */
export async function startFakeLlm(): Promise<FakeLlm> {
  let replies: FakeReply[] = [];
  let served = 0;
  const requests: FakeLlm['requests'] = [];
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    requests.push(body);
    const reply = replies[Math.min(served++, replies.length - 1)];
    if (!reply) return send(res, 500, { error: { message: 'no scripted reply' } });
    if ('status' in reply) {
      if (reply.retryAfter !== undefined) res.setHeader('retry-after', String(reply.retryAfter));
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      return res.end(
        reply.body ??
          JSON.stringify({ error: { message: `scripted ${reply.status}`, type: 'server_error' } }),
      );
    }
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    if (res.destroyed) return;
    const usage = reply.usage ?? { prompt_tokens: 1200, completion_tokens: 300 };
    send(res, 200, {
      id: `chatcmpl-${served}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.content }, finish_reason: 'stop' }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    });
  });
  const { port, close } = await listenOnLoopback(server);
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(next) {
      replies = next;
      served = 0;
      requests.length = 0;
    },
    close,
  };
}

function send(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}
