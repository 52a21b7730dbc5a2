import { createHash } from 'node:crypto';
import { dynamoError } from './errors';
import type { Json } from './types';

/** DynamoDB keeps a ClientRequestToken for 10 minutes after the first request completes. */
const WINDOW_MS = 10 * 60 * 1000;

interface Remembered {
  fingerprint: string;
  expiresAt: number;
  response: Json;
}

/**
 * Tokens of committed TransactWriteItems calls (in memory: a restart forgets them). Must be used
 * inside the exclusive lock so that a concurrent repeat cannot apply twice.
 */
export class IdempotencyTokens {
  private readonly remembered = new Map<string, Remembered>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The earlier answer when this is a repeat; throws when the token came with other parameters. */
  replay(token: string, fingerprint: string): Json | undefined {
    this.expire();
    const earlier = this.remembered.get(token);
    if (!earlier) return undefined;
    if (earlier.fingerprint !== fingerprint) {
      throw dynamoError(
        'IdempotentParameterMismatchException',
        'Transaction request with the same client token was made with different parameters',
      );
    }
    return earlier.response;
  }

  remember(token: string, fingerprint: string, response: Json): void {
    this.remembered.set(token, { fingerprint, expiresAt: this.now() + WINDOW_MS, response });
  }

  private expire(): void {
    const now = this.now();
    // Insertion order is expiry order, so stop at the first live token.
    for (const [token, entry] of this.remembered) {
      if (entry.expiresAt > now) return;
      this.remembered.delete(token);
    }
  }
}

/** Fingerprint of a request's effect: everything but the token and the reporting options. */
export function fingerprint(request: Json): string {
  const { ClientRequestToken, ReturnConsumedCapacity, ...effect } = request;
  return createHash('sha256').update(canonicalJson(effect)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
