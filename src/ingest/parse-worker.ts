import { AppError, describeError, type ErrorCode } from '../lib/errors.js';
import { type FeedParseInput, type FeedParseOutput, feedCandidates } from './feed-candidates.js';

/** A worker's answer: the parsed feed, or the error with its code (a thrown error would lose it). */
export type WorkerAnswer = { ok: FeedParseOutput } | { error: { code: ErrorCode | null; message: string } };

/** The task a parse-pool worker runs: `feedCandidates` on one fetched feed. */
export default function parseFeedInWorker(input: FeedParseInput): WorkerAnswer {
  try {
    return { ok: feedCandidates(input) };
  } catch (error) {
    return { error: { code: error instanceof AppError ? error.code : null, message: describeError(error) } };
  }
}
