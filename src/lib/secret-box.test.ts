import { describe, expect, it } from 'vitest';
import { createSecretBox, isSealed, maskSecret } from './secret-box.js';

const box = createSecretBox('an auth secret of at least thirty-two characters');

describe('createSecretBox', () => {
  it('seals a secret so that the stored value does not contain it, and opens it again', () => {
    const sealed = box.seal('sk-live-0123456789abcdef');
    expect(isSealed(sealed)).toBe(true);
    expect(sealed).not.toContain('0123456789');
    expect(box.open(sealed)).toBe('sk-live-0123456789abcdef');
    // A fresh IV each time: equal secrets do not give equal stored values.
    expect(box.seal('sk-live-0123456789abcdef')).not.toBe(sealed);
  });

  it.each([
    ['another auth secret', (s: string) => s, createSecretBox('a different auth secret, also long enough')],
    ['an altered value', (s: string) => `${s.slice(0, -2)}${s.endsWith('AA') ? 'BB' : 'AA'}`, box],
    ['a truncated value', (s: string) => s.slice(0, 20), box],
    ['a value that was never sealed', () => 'sk-plain', box],
  ])('refuses to open a value with %s', (_, change, opener) => {
    expect(() => opener.open(change(box.seal('sk-live-0123456789abcdef')))).toThrow(
      /sealed with another auth secret, or altered/,
    );
  });

  it.each([
    ['sk-live-0123456789abcdef', '…cdef'],
    ['short-key', '(set)'],
  ])('shows %s as %s', (plain, shown) => {
    expect(maskSecret(plain)).toBe(shown);
  });
});
