import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from './errors.js';

/** How a sealed value starts: recognisable anywhere it is stored (exports leave such values out). */
const PREFIX = 'sealed:v1:';

/** Seals secrets for storage and opens them again, with one key. */
export interface SecretBox {
  /** The secret encrypted and authenticated: `sealed:v1:<iv>.<tag>.<ciphertext>` (base64url). */
  seal(plain: string): string;
  /** The secret again; throws when the value was altered or sealed with another key. */
  open(sealed: string): string;
}

/** Whether a stored value is a sealed secret. */
export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(PREFIX);
}

/**
 * A box whose key is derived (HKDF-SHA256) from `secret`, the installation's auth secret, so a
 * copy of the database alone does not give up what it seals. AES-256-GCM, a fresh IV per value.
 */
export function createSecretBox(secret: string, purpose = 'newsloom stored secrets v1'): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', secret, 'newsloom', purpose, 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${PREFIX}${[iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.')}`;
    },
    open(sealed) {
      const [iv, tag, data] = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split('.') : [];
      try {
        if (iv === undefined || tag === undefined || data === undefined)
          throw new Error('not a sealed value');
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (cause) {
        throw new AppError(
          'config_invalid',
          'a stored secret cannot be opened: it was sealed with another auth secret, or altered',
          { cause },
        );
      }
    },
  };
}

/** A secret as a page may show it: its last four characters, when it is long enough to spare them. */
export function maskSecret(plain: string): string {
  return plain.length >= 16 ? `…${plain.slice(-4)}` : '(set)';
}
