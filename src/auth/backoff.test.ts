import { describe, expect, it } from 'vitest';
import { backoffKey, backoffSeconds } from './backoff.js';

describe('sign-in back-off', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 1],
    [6, 2],
    [9, 16],
    [15, 900],
    [40, 900],
  ])('after %i consecutive failures waits %i s', (failures, seconds) => {
    expect(backoffSeconds(failures)).toBe(seconds);
  });
});

describe('sign-in back-off key', () => {
  const call = (email: unknown, ip?: string) => ({
    body: { email, password: 'x' },
    headers: new Headers(ip ? { 'x-newsloom-client-ip': ip } : {}),
  });

  it('keys on the address and the client, so one client cannot hold back another', () => {
    expect(backoffKey(call(' Ada@Example.TEST ', '192.0.2.1'))).toBe('ada@example.test 192.0.2.1');
    expect(backoffKey(call('ada@example.test', '192.0.2.1'))).not.toBe(
      backoffKey(call('ada@example.test', '198.51.100.7')),
    );
    expect(backoffKey(call('ada@example.test'))).toBe('ada@example.test direct');
    expect(backoffKey(call(42, '192.0.2.1'))).toBeNull();
  });
});
