import { describe, expect, it } from 'vitest';
import { totpCode } from '../../support/totp';

describe("the tests' TOTP codes", () => {
  // RFC 6238 appendix B, SHA-1 rows, secret "12345678901234567890", last 6 of the 8 digits.
  it('match the RFC 6238 test vectors', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(secret, 1_234_567_890_000)).toBe('005924');
    expect(totpCode(secret, 20_000_000_000_000)).toBe('353130');
  });
});
