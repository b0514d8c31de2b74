import type { Phase } from '../types.js';

/** Empty or over-long comments are rejected. */
export const lengthPhase: Phase = {
  name: 'length',
  onEdit: true,
  run({ body, settings }) {
    if (body.length === 0) return { status: 'rejected', reason: 'empty' };
    if ([...body].length > settings.maxLength) return { status: 'rejected', reason: 'too_long' };
    return undefined;
  },
};
