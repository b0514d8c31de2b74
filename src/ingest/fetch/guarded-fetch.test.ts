import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-server.js';
import { guardedFetch } from './guarded-fetch.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ '/models': { body: '{"data":[]}' } });
  server.routes.set('/hop', (_request, response) => {
    const port = new URL(server.url).port;
    response.writeHead(302, { location: `http://127.0.0.2:${port}/models` }).end();
  });
});
afterAll(async () => {
  await server?.close();
});

/** The code of the error a refused fetch carries (fetch wraps it as the cause). */
async function refusal(promise: Promise<Response>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (e: Error & { cause?: { code?: string } }) => e,
  );
  return error?.cause?.code;
}

describe('guardedFetch', () => {
  it.each([
    ['loopback by IP', () => `${server.url}/models`],
    ['loopback by name', () => `http://localhost:${new URL(server.url).port}/models`],
    ['link-local metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', () => 'http://[::1]:11434/v1/models'],
    ['IPv4-mapped loopback', () => 'http://[::ffff:127.0.0.1]:11434/v1/models'],
  ])('refuses %s without an allowlist, before connecting', async (_what, url) => {
    const before = server.requests.length;
    expect(await refusal(guardedFetch([])(url()))).toBe('fetch_blocked');
    expect(server.requests.length).toBe(before);
  });

  it('reaches an address the operator allowlisted', async () => {
    const answer = await guardedFetch(['127.0.0.1'])(`${server.url}/models`);
    expect(await answer.json()).toEqual({ data: [] });
  });

  it('refuses a redirect from an allowed address to one that is not', async () => {
    expect(await refusal(guardedFetch(['127.0.0.1/32'])(`${server.url}/hop`))).toBe('fetch_blocked');
  });
});
