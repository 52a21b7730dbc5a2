/**
 * Fuzz from `openapi.json`: at least 10,000 requests over every route of the live local stack —
 * wrong types, missing and stray fields, huge and unicode strings, bad ids, bad and revoked tokens,
 * wrong content types, bad queries, every role. No answer is a 5xx; every refusal carries a code and
 * a Chinese message; nothing the generator knows is invalid is accepted; and the table is the same
 * afterwards. Then schema-valid requests carrying hostile values, which reach the use cases and the
 * store: still no 5xx. And well-formed requests whose one free-text field carries a disguised
 * secrecy marker or a control character: 422 SECRECY_REFUSED or 400, nothing stored. Reproduce a failure with
 * `FUZZ_SEED=<printed seed> npm run test:reliability -- test/reliability/fuzz.test.ts`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import { localNames } from '../../infra/local/env';
import { apiClient } from '../support/api';
import { showStackErrorsOnFailure } from '../support/e2e';
import { startStackForTest, type TestStack } from '../support/local-stack';
import { type FreeTextCase, freeTextCasesFor } from './support/fuzz-free-text';
import { rawClient } from './support/fuzz-http';
import {
  type FuzzWorld,
  type Operation,
  operationsOf,
  requestsFor,
  wellFormedRequestsFor,
} from './support/fuzz-requests';
import { expectClean, fire, generate, report } from './support/fuzz-run';
import type { Components } from './support/fuzz-schema';
import { differences, snapshotTable } from './support/fuzz-store';
import { buildWorld } from './support/fuzz-world';

const table = routes as readonly RouteDeclaration[];
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const minimumRequests = Number(process.env.FUZZ_RUNS ?? 10_000);
const concurrency = 16;
/** Schema-valid requests per operation in the second run (they reach the use cases and the store). */
const wellFormedPerOperation = Number(process.env.FUZZ_WELL_FORMED ?? 40);
/** Requests per operation with free text carrying a (disguised) marker or a control character. */
const freeTextPerOperation = Number(process.env.FUZZ_FREE_TEXT ?? 30);

let stack: TestStack;
const call = apiClient(() => stack.urls.api);
let world: FuzzWorld;

beforeAll(async () => {
  stack = await startStackForTest();
  world = await buildWorld(stack, call);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

showStackErrorsOnFailure(() => stack.output());

describe(`fuzz from openapi.json (seed ${seed})`, () => {
  let operations: Operation[];
  let components: Components;

  beforeAll(async () => {
    const document = (await (await fetch(stack.urls.openapi)).json()) as Parameters<typeof operationsOf>[0];
    operations = operationsOf(document, table);
    components = document.components.schemas;
  });

  it('covers every route of the table', () => {
    expect(operations.map((operation) => operation.route.operationId).sort()).toEqual(
      table.map((route) => route.operationId).sort(),
    );
  });

  it('survives 10,000 hostile requests: no 5xx, coded refusals, nothing invalid accepted, store unchanged', async () => {
    const requests = generate(
      seed,
      operations,
      Math.ceil(minimumRequests / operations.length),
      (operation) => requestsFor(operation, world, components),
      0,
    );
    console.log(
      `fuzz: seed ${seed}; ${requests.length} requests over ${operations.length} operations, ${concurrency} at a time`,
    );
    const before = await snapshotTable(stack.urls.dynamodb, localNames.table);
    const run = await fire(stack.urls.api, requests, concurrency);
    const after = await snapshotTable(stack.urls.dynamodb, localNames.table);
    const changes = differences(before, after);
    report('hostile', requests, run);
    console.log(`fuzz hostile: ${changes.length} of ${before.size} table rows changed`);
    expectClean(run, seed);
    expect(changes, `table changed by refused requests (seed ${seed})`).toEqual([]);
    expect(requests.length).toBeGreaterThanOrEqual(minimumRequests);
  });

  it('refuses disguised markers (422) and control characters (400) in every free-text field, storing nothing', async () => {
    const cases = operations.flatMap((operation, index) => {
      const arbitrary = freeTextCasesFor(operation, world, components);
      if (!arbitrary) return [];
      return fc
        .sample(arbitrary, { seed: seed + 200_000 + index, numRuns: freeTextPerOperation })
        .filter((entry): entry is FreeTextCase => entry !== undefined);
    });
    const before = await snapshotTable(stack.urls.dynamodb, localNames.table);
    const client = rawClient(stack.urls.api, concurrency);
    const wrong: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < cases.length) {
        const { request, field, expected } = cases[next++] as FreeTextCase;
        const reply = await client.send(request.method, request.path, request.headers, request.body);
        const code =
          reply.status < 500 ? (JSON.parse(reply.text) as { error?: { code?: string } }).error?.code : '';
        if (reply.status !== expected.status || code !== expected.code) {
          wrong.push(
            `${request.operationId} ${field}: ${reply.status} ${code} instead of ${expected.status} ${expected.code}; ` +
              `body ${JSON.stringify(request.body?.toString('utf8').slice(0, 200))}`,
          );
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    client.close();
    const changes = differences(before, await snapshotTable(stack.urls.dynamodb, localNames.table));
    console.log(`fuzz free text: ${cases.length} requests, ${wrong.length} answered otherwise`);
    expect(wrong.slice(0, 8), `free-text refusals (seed ${seed})`).toEqual([]);
    expect(changes, `table changed by refused free text (seed ${seed})`).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(freeTextPerOperation * 10);
  });

  // After the store comparison from here on: these requests reach the use cases, and some succeed.
  it('refuses with 400 the inputs that once reached DynamoDB and came back 500', async () => {
    const editor = stack.tokens.EDITOR_TOKEN;
    const reversed = await call('GET', '/items?from=2026-11-10&to=2026-11-01&status=submitted', {
      token: editor,
    });
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(400);
    expect(reversed.body.error?.details?.[0]?.path).toBe('query.to');

    const admin = stack.tokens.ADMIN_TOKEN;
    const stored = await call('GET', '/policy/2026', { token: admin });
    const { year: _year, version: _version, updatedAt: _at, updatedBy: _by, ...policy } = stored.body;
    const publications = policy.upperPublications as { points: number }[];
    const underflowing = [
      {
        ...policy,
        upperPublications: publications.map((entry, index) =>
          index === 0 ? { ...entry, points: 5e-324 } : entry,
        ),
      },
      { ...policy, fixedShares: { lead: 1, other: 1e-200 } },
    ];
    for (const json of underflowing) {
      const refused = await call('PUT', '/policy/2026', { token: admin, json });
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error?.code).toBe('VALIDATION_FAILED');
    }
    // The same document with ordinary numbers is stored: the refusals above are about the numbers.
    expect((await call('PUT', '/policy/2026', { token: admin, json: policy })).status).toBe(200);
  });

  it('answers schema-valid requests with hostile values without a 5xx', async () => {
    const requests = generate(
      seed,
      operations,
      wellFormedPerOperation,
      (operation) => wellFormedRequestsFor(operation, world, components),
      100_000,
    );
    const run = await fire(stack.urls.api, requests, concurrency);
    report('well-formed', requests, run);
    expectClean(run, seed);
  });
});
