import type { Phase } from '../types.js';
import { bannedPhase } from './banned.js';
import { lengthPhase } from './length.js';
import { linksPhase } from './links.js';
import { newAccountPhase } from './new-account.js';
import { rateLimitPhase } from './rate-limit.js';
import { repeatedPhase } from './repeated.js';
import { spamPhase } from './spam.js';
import { storyClosedPhase } from './story-closed.js';
import { wordsPhase } from './words.js';

/**
 * The moderation pipeline, in order: cheap checks on the text first, then who is posting and how
 * often, then what the text says, then trust and spam signals. The first rejection ends the run.
 */
export const phases: readonly Phase[] = [
  lengthPhase, // empty or too long
  storyClosedPhase, // closed by an editor or after N days
  bannedPhase, // a banned or suspended author cannot post or edit
  rateLimitPhase, // per author and per address
  repeatedPhase, // the same text again
  linksPhase, // too many links
  wordsPhase, // banned words reject, suspect words hold (with the word shown)
  newAccountPhase, // first N comments of an account are held
  spamPhase, // honeypot and too-fast submission
];
