import http from 'node:http';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AppError } from '../../lib/errors.js';
import { type AllowList, assertLiteralAllowed, guardedLookup } from './guard.js';

/** Limits of one HTTP exchange. */
export interface RequestLimits {
  /** Time to get a connected socket (DNS included). */
  connectTimeoutMs: number;
  /** Time from sending the request to the response headers. */
  headersTimeoutMs: number;
  /** Time to read the whole body: a server that drips bytes is cut off here. */
  bodyTimeoutMs: number;
  /** Bytes on the wire, enforced while streaming. */
  maxBytes: number;
  /** Bytes after gzip/deflate/brotli decoding (compression bombs). */
  maxDecodedBytes: number;
}

/** One response, body read and decoded from its transfer compression. */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const brotli = promisify(zlib.brotliDecompress);

/** Sends one GET (no redirects followed) through the SSRF-guarded lookup and reads the body. */
export async function requestOnce(
  url: URL,
  headers: Record<string, string>,
  limits: RequestLimits,
  allow: AllowList,
): Promise<RawResponse> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError('fetch_blocked', `refusing to fetch ${url.protocol} URL`);
  }
  assertLiteralAllowed(url, allow);
  const raw = await exchange(url, headers, limits, allow);
  return { ...raw, body: await decompress(raw.body, raw.headers['content-encoding'], limits) };
}

function exchange(
  url: URL,
  headers: Record<string, string>,
  limits: RequestLimits,
  allow: AllowList,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const arm = (ms: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(
        () => fail(new AppError('fetch_timeout', `${what} timed out after ${ms} ms: ${url.host}`)),
        ms,
      );
    };
    const request = client.request(url, {
      method: 'GET',
      headers,
      lookup: guardedLookup(allow) as never,
      agent: false,
    });
    arm(limits.connectTimeoutMs, 'connect');
    request.on('socket', (socket) => {
      socket.once('connect', () => arm(limits.headersTimeoutMs, 'response headers'));
    });
    request.on('error', (error) => fail(wrapNetworkError(error, url)));
    request.on('response', (response) => {
      arm(limits.bodyTimeoutMs, 'body');
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > limits.maxBytes) {
        fail(tooLarge(url, limits.maxBytes));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) fail(tooLarge(url, limits.maxBytes));
        else chunks.push(chunk);
      });
      response.on('error', (error) => fail(wrapNetworkError(error, url)));
      response.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    request.end();
  });
}

async function decompress(
  body: Buffer,
  encoding: string | undefined,
  limits: RequestLimits,
): Promise<Buffer> {
  const name = (encoding ?? '').trim().toLowerCase();
  if (name === '' || name === 'identity' || body.length === 0) return body;
  const options = { maxOutputLength: limits.maxDecodedBytes };
  try {
    if (name === 'gzip' || name === 'x-gzip') return await gunzip(body, options);
    if (name === 'deflate') return await inflate(body, options);
    if (name === 'br') return await brotli(body, options);
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new AppError(
        'fetch_too_large',
        `body is larger than ${limits.maxDecodedBytes} bytes once decompressed`,
        { cause },
      );
    }
    throw new AppError('fetch_failed', `cannot decode ${name} body: ${(cause as Error).message}`, { cause });
  }
  throw new AppError('fetch_failed', `unsupported content encoding ${name}`);
}

function tooLarge(url: URL, max: number): AppError {
  return new AppError('fetch_too_large', `body of ${url.host} is larger than ${max} bytes`);
}

function wrapNetworkError(error: Error, url: URL): Error {
  if (error instanceof AppError) return error;
  return new AppError('fetch_failed', `cannot fetch ${url.host}: ${error.message}`, { cause: error });
}
