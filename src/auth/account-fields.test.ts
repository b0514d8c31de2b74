import { describe, expect, it } from 'vitest';
import { accountFieldsProblem } from './account-fields.js';

describe('account fields from better-auth requests', () => {
  it.each([
    [{ name: 'Ada' }, null],
    [{ name: 'n'.repeat(60), image: 'https://example.test/a.png' }, null],
    [{ image: null }, null],
    [{ email: 'a@example.test', password: 'x' }, null],
    [{ name: 'n'.repeat(61) }, 'name must have at most 60 characters'],
    [{ name: '   ' }, 'name must have at least 1 character'],
    [{ name: 'A\u0007da' }, 'name contains a control character (U+0007)'],
    [{ name: 42 }, 'name must be text'],
    [{ image: { url: 'https://example.test/a.png' } }, 'image must be a URL as a string, or null'],
    [{ image: 'javascript:alert(1)' }, 'image must be an http:// or https:// URL'],
    [{ image: `https://example.test/${'a'.repeat(2100)}` }, 'image must be a URL of at most 2048 characters'],
  ])('%j', (body, problem) => {
    expect(accountFieldsProblem(body)).toBe(problem);
  });
});
