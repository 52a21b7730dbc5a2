import { describe, expect, it } from 'vitest';
import { groupedSecret, normaliseCode, totpUri, usernameOf } from './totp';

describe('what a person copies into an authenticator', () => {
  it('shows the secret in groups of four', () => {
    expect(groupedSecret('JBSWY3DPEHPK3PXPAB')).toBe('JBSW Y3DP EHPK 3PXP AB');
  });

  it('builds the otpauth:// URI authenticators read, with the issuer and the username', () => {
    const uri = totpUri('JBSW Y3DP', 'wang.editor');
    const [label, query] = uri.split('?');
    expect(decodeURIComponent(label ?? '')).toBe('otpauth://totp/信报:wang.editor');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      secret: 'JBSWY3DP',
      issuer: '信报',
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });

  it('accepts a code typed with spaces or full-width digits, and nothing but six digits', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('１２３４５６')).toBe('123456');
    expect(normaliseCode('12345')).toBeUndefined();
    expect(normaliseCode('12345a')).toBeUndefined();
  });

  it('reads the username from an access token, and nothing from a malformed one', () => {
    const payload = btoa(JSON.stringify({ username: 'wang.editor', token_use: 'access' }))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    expect(usernameOf(`h.${payload}.s`)).toBe('wang.editor');
    expect(usernameOf('not-a-token')).toBe('');
  });
});
