import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../lib/secret-box.js';
import { openSecrets, sealSecrets } from './settings-secrets.js';

const box = createSecretBox('the auth secret of this installation, 32+');

describe('secrets among the stored settings', () => {
  it('seals them for writing and opens them for use, leaving other settings as they are', () => {
    const sealed = sealSecrets({ siteName: 'Loom', llmApiKey: 'sk-0123456789abcdef' }, box);
    expect(sealed.siteName).toBe('Loom');
    expect(sealed.llmApiKey).toMatch(/^sealed:v1:/);
    // Sealing twice does not seal a sealed value again.
    expect(sealSecrets(sealed, box)).toEqual(sealed);
    expect(openSecrets(sealed, box)).toEqual({
      stored: { siteName: 'Loom', llmApiKey: 'sk-0123456789abcdef' },
      plain: false,
      unreadable: [],
    });
  });

  it.each([
    ['a cleared key', { llmApiKey: null }, { llmApiKey: null }],
    ['no key', {}, {}],
  ])('keeps %s as it is', (_, stored, expected) => {
    expect(sealSecrets(stored, box)).toEqual(expected);
    expect(openSecrets(stored, box).stored).toEqual(expected);
  });

  it('reports a key in the clear, and drops one it cannot open', () => {
    expect(openSecrets({ llmApiKey: 'sk-clear' }, box)).toMatchObject({ plain: true, unreadable: [] });
    const foreign = sealSecrets(
      { llmApiKey: 'sk-elsewhere' },
      createSecretBox('another auth secret, 32+ chars long'),
    );
    expect(openSecrets(foreign, box)).toEqual({ stored: {}, plain: false, unreadable: ['llmApiKey'] });
    expect(openSecrets(foreign, undefined).unreadable).toEqual(['llmApiKey']);
  });

  it('refuses to write a secret in the clear when there is no auth secret to seal it with', () => {
    expect(() => sealSecrets({ llmApiKey: 'sk-x' }, undefined)).toThrow(/without an auth secret/);
  });
});
