/**
 * Per-caller rate limits, in one place. Routes name one of these in the route table; the shared
 * HTTP layer counts each caller's (token's) requests per route in a fixed window and answers
 * 429 RATE_LIMITED with Retry-After beyond the limit, in both runtimes alike.
 *
 * The figures are far above what a person at the console or a unit's integration does (a
 * reporter checks and submits a few items an hour; a busy day's burst is a few a minute) and
 * low enough that a script cannot use the expensive calls — near-duplicate lookups, document
 * and spreadsheet rendering — to mine other units' submissions or to load the system.
 */
export interface RateLimit {
  /** Requests allowed per caller and route in one window. */
  limit: number;
  windowSeconds: number;
}

export const rateLimits = {
  /** 预检: 42 near-duplicate bucket queries and a read of the candidates' signatures each. */
  precheck: { limit: 60, windowSeconds: 60 },
  /** Submissions: the near-duplicate lookup, a transaction of up to 12 writes and 42 index rows after it. */
  submit: { limit: 30, windowSeconds: 60 },
  /** Rankings as CSV/XLSX and the bulletin's Word link: rendered or signed on each call. */
  download: { limit: 30, windowSeconds: 60 },
} as const satisfies Record<string, RateLimit>;
