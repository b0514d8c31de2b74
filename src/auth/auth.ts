import { betterAuth } from 'better-auth';
import { magicLink } from 'better-auth/plugins/magic-link';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Logger } from '../lib/log.js';
import { CLIENT_IP_HEADER } from './client-ip.js';
import { authHooks } from './hooks.js';
import type { Mailer } from './mailer.js';

/** What the auth instance needs; built once by the process's composition root. */
export interface AuthDeps {
  db: Kysely<DB>;
  mailer: Mailer;
  logger: Logger;
  /** Public base URL of the site (cookies are Secure when it is https). */
  siteUrl: string;
  /** The site's name as readers see it now (an editor may rename the site without a restart). */
  siteName: () => string;
  secret: string;
  requireEmailVerification: boolean;
  /** Sign-in attempts allowed per IP per minute before 429 with Retry-After. */
  signInPerMinute?: number;
}

export { ROLES, type Role } from './roles.js';

// better-auth's tables under our names with snake_case columns, so our own SQL reads naturally.
const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;

/** Builds the better-auth instance over our database: email+password, magic link, roles. */
export function createAuth(deps: AuthDeps) {
  const secure = deps.siteUrl.startsWith('https://');
  return betterAuth({
    appName: deps.siteName(),
    baseURL: deps.siteUrl,
    basePath: '/api/auth',
    secret: deps.secret,
    database: { db: deps.db, type: 'postgres' },
    logger: { disabled: true },
    telemetry: { enabled: false },
    hooks: authHooks(deps.db),
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', ...timestamps },
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'reader', input: false },
      },
    },
    session: {
      modelName: 'sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        ...timestamps,
      },
    },
    account: {
      modelName: 'accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', ...timestamps },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: deps.signInPerMinute ?? 5 },
        '/sign-up/email': { window: 60, max: deps.signInPerMinute ?? 5 },
        '/request-password-reset': { window: 60, max: 3 },
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: deps.requireEmailVerification,
      revokeSessionsOnPasswordReset: true,
      // No auto sign-in: sign-up then answers the same for a new and a taken address (no enumeration);
      // the owner of a taken address gets a mail instead.
      autoSignIn: false,
      onExistingUserSignUp: async ({ user }) => {
        await deps.mailer.send({
          to: user.email,
          subject: `Someone tried to sign up to ${deps.siteName()} with your address`,
          text: 'You already have an account. If this was you, sign in or reset your password.\n',
        });
      },
      sendResetPassword: async ({ user, url }) => {
        await deps.mailer.send({
          to: user.email,
          subject: `Reset your ${deps.siteName()} password`,
          text: `Reset your password: ${url}\n`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: deps.requireEmailVerification,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        await deps.mailer.send({
          to: user.email,
          subject: `Confirm your ${deps.siteName()} address`,
          text: `Confirm your address: ${url}\n`,
        });
      },
    },
    advanced: {
      useSecureCookies: secure,
      cookiePrefix: 'newsloom',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [
      magicLink({
        sendMagicLink: async ({ email, url }) => {
          await deps.mailer.send({
            to: email,
            subject: `Sign in to ${deps.siteName()}`,
            text: `Sign in: ${url}\n`,
          });
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
