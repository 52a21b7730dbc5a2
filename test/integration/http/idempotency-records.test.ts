/**
 * The in-house idempotency (shared/http/idempotent.ts) replaced Powertools idempotency without a
 * migration: records written by either are answered by the other, on the real local store. A
 * retry arriving after a deploy must get the first answer, not run the work a second time.
 */
import { randomBytes } from 'node:crypto';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { ConflictError, UnprocessableError } from '../../../shared/errors';
import { idempotencyWindowSeconds, idempotent } from '../../../shared/http/idempotent';
import { documentClient } from '../../../shared/store/dynamo/client';
import { lambdaContext } from '../../support/http-events';

interface Request {
  key: string;
  unitId: string;
  body: { title: string; tags: string[]; Author?: string };
}
interface Answer {
  itemId: string;
  title: string;
}

let dynamo: DynamoDBClient;
const tableName = `idem-records-${randomBytes(4).toString('hex')}`;
const reusedMessage = '这个 Idempotency-Key 已用于另一篇内容不同的稿件';

/** The operation as the items function declared it to Powertools before the change. */
function powertools(work: (request: Request) => Promise<Answer>) {
  const persistenceStore = new DynamoDBPersistenceLayer({
    tableName,
    awsSdkV3Client: dynamo,
    keyAttr: 'pk',
    sortKeyAttr: 'sk',
    staticPkValue: 'IDEMPOTENCY#submitItem',
    expiryAttr: 'expiresAt',
  });
  const config = new IdempotencyConfig({
    eventKeyJmesPath: '[key, unitId]',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: idempotencyWindowSeconds,
  });
  config.registerLambdaContext(lambdaContext);
  return makeIdempotent(work, { persistenceStore, config });
}

function inHouse(work: (request: Request) => Promise<Answer>) {
  const once = idempotent<Request, Answer>(
    {
      operationId: 'submitItem',
      keyOf: (request) => [request.key, request.unitId],
      payloadOf: (request) => request.body,
      reusedMessage,
    },
    dynamo,
    tableName,
    work,
  );
  return (request: Request) => once(request, lambdaContext);
}

const request = (key: string, title = '供热管网改造完成'): Request => ({
  key,
  unitId: 'linqu',
  // Mixed-case keys and an array: the payload hash sorts keys as Powertools did.
  body: { title, tags: ['民生', '供热'], Author: '李四' },
});

async function records() {
  const { Items } = await documentClient(dynamo).send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'IDEMPOTENCY#submitItem' },
      ConsistentRead: true,
    }),
  );
  return Items ?? [];
}

beforeAll(async () => {
  dynamo = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(dynamo, tableName);
});

afterAll(() => dynamo.destroy());

describe('idempotency records across the switch from Powertools', () => {
  it('answers a retry of a request Powertools completed, without running the work again', async () => {
    const first = vi.fn(async (r: Request) => ({ itemId: 'it_first', title: r.body.title }));
    await expect(powertools(first)(request('key-old-0001'))).resolves.toEqual({
      itemId: 'it_first',
      title: '供热管网改造完成',
    });

    const retry = vi.fn(async () => ({ itemId: 'it_second', title: 'x' }));
    await expect(inHouse(retry)(request('key-old-0001'))).resolves.toEqual({
      itemId: 'it_first',
      title: '供热管网改造完成',
    });
    expect(retry).not.toHaveBeenCalled();
    // The same key with another text is refused, as Powertools refused it.
    await expect(inHouse(retry)(request('key-old-0001', '另一篇'))).rejects.toBeInstanceOf(
      UnprocessableError,
    );
    expect(retry).not.toHaveBeenCalled();
  });

  it('writes records Powertools would answer from, in the same shape', async () => {
    const first = vi.fn(async (r: Request) => ({ itemId: 'it_new', title: r.body.title }));
    await inHouse(first)(request('key-new-0001'));

    const retry = vi.fn(async () => ({ itemId: 'it_again', title: 'x' }));
    await expect(powertools(retry)(request('key-new-0001'))).resolves.toEqual({
      itemId: 'it_new',
      title: '供热管网改造完成',
    });
    expect(retry).not.toHaveBeenCalled();
    const written = (await records()).filter((record) => record.data?.itemId === 'it_new');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatchObject({ status: 'COMPLETED', validation: expect.any(String) });
    expect(written[0]?.expiresAt).toBeGreaterThan(Date.now() / 1000 + idempotencyWindowSeconds - 600);
  });

  it('refuses a retry while the first request still runs, and frees the key when the work fails', async () => {
    let finish: (answer: Answer) => void = () => undefined;
    const slow = inHouse(() => new Promise<Answer>((resolve) => (finish = resolve)));
    const running = slow(request('key-busy-0001'));
    await vi.waitFor(async () => {
      await expect(inHouse(vi.fn())(request('key-busy-0001'))).rejects.toBeInstanceOf(ConflictError);
    });
    finish({ itemId: 'it_busy', title: 'done' });
    await expect(running).resolves.toEqual({ itemId: 'it_busy', title: 'done' });

    const failing = inHouse(async () => {
      throw new Error('store down');
    });
    await expect(failing(request('key-fail-0001'))).rejects.toThrow('store down');
    const corrected = vi.fn(async () => ({ itemId: 'it_ok', title: 'ok' }));
    await expect(inHouse(corrected)(request('key-fail-0001', '改过的标题'))).resolves.toEqual({
      itemId: 'it_ok',
      title: 'ok',
    });
    expect(corrected).toHaveBeenCalledTimes(1);
  });
});
