import { describe, expect, it } from 'vitest';
import { localPath, redirectTarget } from './redirect-target.js';

describe('localPath', () => {
  it.each([
    ['/stories/budget', '/stories/budget'],
    ['/search?q=a%2Fb#results', '/search?q=a%2Fb#results'],
    ['/a/./b/../c', '/a/c'],
    ['/%2F%2Fhost', '/%2F%2Fhost'],
  ])('keeps the same-site path %j as %j', (value, path) => {
    expect(localPath(value)).toBe(path);
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/.//evil.example',
    '/a/..//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\u0000/x',
    'https://evil.example/',
    'javascript:alert(1)',
    'stories',
    '',
    `/${'a'.repeat(2001)}`,
    42,
  ])('refuses %j', (value) => {
    expect(localPath(value)).toBeNull();
    expect(redirectTarget(value, '/fallback')).toBe('/fallback');
  });
});
