import { Readable } from 'node:stream';

/**
 * Reads a stream up to its first newline and returns that line together with a stream that still
 * yields everything, first line included, so a format can be detected without consuming input.
 */
export async function peekFirstLine(
  input: Readable,
  limit = 1 << 20,
): Promise<{ firstLine: string; stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < limit) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    size += chunk.length;
    if (chunk.includes(10)) break;
  }
  const buffered = Buffer.concat(head);
  const newline = buffered.indexOf(10);
  const firstLine = buffered.subarray(0, newline === -1 ? buffered.length : newline).toString('utf8');
  async function* replay() {
    if (buffered.length > 0) yield buffered;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { firstLine, stream: Readable.from(replay(), { objectMode: false }) };
}
