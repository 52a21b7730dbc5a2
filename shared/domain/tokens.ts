import { createHash, randomBytes } from 'node:crypto';

const base32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A token is shown once; only its SHA-256 is ever stored. */
export function newTokenSecret(): string {
  return `xb_${randomBytes(32).toString('base64url')}`;
}

/** Short public handle for listing and revoking, unrelated to the secret. */
export function newTokenId(): string {
  const bytes = randomBytes(16);
  let id = '';
  for (const byte of bytes) id += base32[byte % 32];
  return id;
}

export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** `Authorization: Bearer <token>` → the token, or undefined when the header is anything else. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_\-.~+/]{10,200}={0,2})$/.exec(header?.trim() ?? '');
  return match?.[1];
}

/** Writing lastUsedAt on every call would turn each read into a write; once a minute is enough. */
export const lastUsedResolutionMs = 60_000;

export function shouldTouch(lastUsedAt: string | undefined, now: Date): boolean {
  return !lastUsedAt || now.getTime() - Date.parse(lastUsedAt) >= lastUsedResolutionMs;
}
