/**
 * API Gateway's authorizer result cache: keyed by the identity source values, each entry lives
 * `ttlSeconds` from when the authorizer answered. A TTL of 0 disables caching.
 */
export class AuthorizerCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T): void {
    if (this.ttlSeconds <= 0) return;
    if (this.entries.size >= 10_000) this.prune();
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlSeconds * 1000 });
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    // Still full of live entries: forget the oldest rather than grow without bound.
    for (const key of this.entries.keys()) {
      if (this.entries.size < 10_000) break;
      this.entries.delete(key);
    }
  }
}
