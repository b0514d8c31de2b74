import { describe, expect, it } from 'vitest';
import { memoize, PageCache } from './page-cache.js';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('memoize', () => {
  it('loads a stale key once for every caller waiting at the same time', async () => {
    const gate = deferred<string>();
    let loads = 0;
    const lookup = memoize(async () => {
      loads++;
      return gate.promise;
    });
    const callers = Array.from({ length: 5 }, () => lookup('slug'));
    gate.resolve('key-1');
    expect(await Promise.all(callers)).toEqual(Array(5).fill('key-1'));
    expect(loads).toBe(1);
    expect(lookup.peek('slug')).toBe('key-1');
  });

  it('remembers nothing loaded before a forget, and loads again after a failure', async () => {
    const gates = [deferred<string>(), deferred<string>(), deferred<string>()];
    let loads = 0;
    const lookup = memoize(() => gates[loads++]!.promise);
    const before = lookup('slug');
    lookup.forget('slug');
    gates[0]!.resolve('old');
    expect(await before).toBe('old');
    expect(lookup.peek('slug')).toBeUndefined();

    const failing = lookup('slug');
    gates[1]!.reject(new Error('database unavailable'));
    await expect(failing).rejects.toThrow('database unavailable');
    const retried = lookup('slug');
    gates[2]!.resolve('new');
    expect(await retried).toBe('new');
    expect(loads).toBe(3);
  });
});

describe('PageCache.fill', () => {
  it('makes a missing page once for every request that misses it at the same time', async () => {
    const cache = new PageCache();
    const gate = deferred<void>();
    let renders = 0;
    const make = async () => {
      renders++;
      await gate.promise;
      return cache.set('story:a', '<p>a</p>', '"a"');
    };
    const requests = Array.from({ length: 4 }, () => cache.fill('story:a', make));
    gate.resolve();
    const pages = await Promise.all(requests);
    expect(new Set(pages).size).toBe(1);
    expect(renders).toBe(1);
    expect(await cache.fill('story:a', make)).toBe(pages[0]);
    expect(renders).toBe(1);
  });

  it('tries again after a render that failed', async () => {
    const cache = new PageCache();
    await expect(cache.fill('story:b', () => Promise.reject(new Error('no database')))).rejects.toThrow();
    const page = await cache.fill('story:b', async () => cache.set('story:b', '<p>b</p>', '"b"'));
    expect(page.etag).toBe('"b"');
  });
});
