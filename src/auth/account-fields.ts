import { z } from 'zod';
import { textProblem } from '../lib/input-checks.js';

/** The longest display name, on every path that sets one (forms, better-auth's API, the CLI). */
export const MAX_DISPLAY_NAME = 60;
const MAX_IMAGE_URL = 2048;

/** A display name: at most 60 characters, not blank, no control characters. */
export const displayNameSchema = z
  .string({ error: 'name must be text' })
  .max(MAX_DISPLAY_NAME, `name must have at most ${MAX_DISPLAY_NAME} characters`)
  .refine((name) => name.trim().length > 0, 'name must have at least 1 character')
  .superRefine((name, ctx) => {
    const problem = textProblem(name, { lineBreaks: false });
    if (problem) ctx.addIssue({ code: 'custom', message: `name ${problem}` });
  });

/** A profile image: an http(s) URL as a string, or null to remove it. */
export const imageSchema = z
  .string({ error: 'image must be a URL as a string, or null' })
  .max(MAX_IMAGE_URL, `image must be a URL of at most ${MAX_IMAGE_URL} characters`)
  .refine((url) => /^https?:\/\//i.test(url) && URL.canParse(url), 'image must be an http:// or https:// URL')
  .nullable();

/** The account fields better-auth's sign-up and update-user take from a client, as we allow them. */
const accountFields = z.object({ name: displayNameSchema.optional(), image: imageSchema.optional() });

/** The better-auth endpoints that set account fields from a request body. */
export const ACCOUNT_FIELD_PATHS: ReadonlySet<string> = new Set(['/sign-up/email', '/update-user']);

/** Why a sign-up or profile update body breaks an account field's limits, or null. */
export function accountFieldsProblem(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const parsed = accountFields.safeParse(body);
  return parsed.success ? null : parsed.error.issues[0]!.message;
}
