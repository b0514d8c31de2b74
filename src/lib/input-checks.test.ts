import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { jsonDepth, jsonProblem, MAX_ID, parseId, pathId, textProblem } from './input-checks.js';

describe('textProblem', () => {
  it.each([
    ['plain text', true, null],
    ['two\r\nlines\tand a tab', true, null],
    ['two\nlines', false, 'contains a control character (U+000A)'],
    ['nul\u0000', true, 'contains a control character (U+0000)'],
    ['bell\u0007', true, 'contains a control character (U+0007)'],
    ['del\u007f', true, 'contains a control character (U+007F)'],
  ])('%j (line breaks allowed: %s)', (text, lineBreaks, problem) => {
    expect(textProblem(text, { lineBreaks })).toBe(problem);
  });
});

describe('jsonProblem', () => {
  it.each([
    ['', null],
    ['{"body":"hi\\nthere","tags":[["a"]]}', null],
    ['{"s":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}', null],
    [`${'['.repeat(33)}${']'.repeat(33)}`, 'the JSON body is nested deeper than 32 levels'],
    ['{"a":', 'the body is not valid JSON'],
    ['{"email":"a\\u0000@example.test"}', 'a JSON string contains a control character (U+0000)'],
    ['{"a\\u0001":1}', 'a JSON string contains a control character (U+0001)'],
  ])('%j', (text, problem) => {
    expect(jsonProblem(text)).toBe(problem);
  });

  it('counts depth without parsing, past what a recursive parser survives', () => {
    expect(jsonDepth(`{"image":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)).toBe(50_001);
  });
});

describe('ids', () => {
  it.each([
    ['1', 1],
    [String(MAX_ID), MAX_ID],
    ['0', null],
    [String(MAX_ID + 1), null],
    ['99999999999', null],
    ['12a', null],
    [undefined, null],
  ])('parseId(%j) is %j', (text, id) => {
    expect(parseId(text)).toBe(id);
  });

  it('says not found for a segment that is no number, and bad input for one out of range', () => {
    expect(() => pathId('abc', 'comment')).toThrowError(expect.objectContaining({ code: 'not_found' }));
    expect(() => pathId('99999999999', 'comment')).toThrowError(
      new AppError('invalid_input', `comment must be a whole number between 1 and ${MAX_ID}`),
    );
  });
});
