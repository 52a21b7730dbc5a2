/**
 * What a person types or taps into an authenticator app (Microsoft Authenticator, Google 身份验证器,
 * FreeOTP …) to bind TOTP: the secret in groups of four, and the standard otpauth:// URI (on a
 * phone, tapping it opens the authenticator). No QR code: no small, well-kept QR library is among
 * the project's dependencies, and the key typed by hand works in every authenticator.
 */

import { tokenClaims } from './cognito';

/** The issuer shown in the authenticator beside the person's username. */
export const totpIssuer = '信报';

/** `ABCD EFGH IJKL …`: easier to copy by hand without losing one's place. */
export function groupedSecret(secret: string): string {
  return (
    secret
      .replace(/\s+/g, '')
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** The Key URI Format authenticators read: SHA-1, 6 digits, 30 seconds (Cognito's TOTP). */
export function totpUri(secret: string, username: string, issuer: string = totpIssuer): string {
  const label = encodeURIComponent(`${issuer}:${username}`);
  const query = new URLSearchParams({
    secret: secret.replace(/\s+/g, ''),
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${query.toString()}`;
}

/** A code as people type it (spaces, full-width digits) → 6 ASCII digits, or undefined. */
export function normaliseCode(input: string): string | undefined {
  const digits = input
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

/** The `username` claim of a Cognito access token (shown in the authenticator), or ''. */
export function usernameOf(accessToken: string): string {
  const { username } = tokenClaims(accessToken);
  return typeof username === 'string' ? username : '';
}
