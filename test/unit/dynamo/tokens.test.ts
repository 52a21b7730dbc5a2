import { describe, expect, it } from 'vitest';
import { fingerprint, IdempotencyTokens } from '../../../infra/local/dynamo/tokens';

describe('IdempotencyTokens', () => {
  const request = { TransactItems: [{ Put: { TableName: 't', Item: { pk: { S: 'a' } } } }] };

  it('replays a repeat and rejects the token with other parameters', () => {
    const tokens = new IdempotencyTokens(() => 0);
    tokens.remember('tok', fingerprint(request), {});
    expect(tokens.replay('tok', fingerprint({ ...request, ReturnConsumedCapacity: 'TOTAL' }))).toEqual({});
    expect(() => tokens.replay('tok', fingerprint({ TransactItems: [] }))).toThrow(/different parameters/);
  });

  it('forgets a token after 10 minutes', () => {
    let now = 0;
    const tokens = new IdempotencyTokens(() => now);
    tokens.remember('tok', fingerprint(request), {});
    now = 10 * 60 * 1000 - 1;
    expect(tokens.replay('tok', fingerprint(request))).toEqual({});
    now = 10 * 60 * 1000;
    expect(tokens.replay('tok', fingerprint(request))).toBeUndefined();
  });

  it('fingerprints independently of key order', () => {
    expect(fingerprint({ a: 1, b: { c: 2, d: 3 } })).toBe(fingerprint({ b: { d: 3, c: 2 }, a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
  });
});
