/**
 * The near-duplicate index written after the commit, through the real local runtime: the items
 * and lsh-indexer handlers of the catalogue, hosted as the local stack hosts them (each held to
 * its declared table access), the local Lambda Invoke API for the asynchronous invoke, and the
 * local DynamoDB. A submission stores one signature row; the indexer writes its LSH bucket rows a
 * moment later; a near-duplicate submitted once the index has caught up names the first item.
 */
import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ItemsDeps } from '../../../functions/items/deps';
import { submitItem } from '../../../functions/items/submit-item/use-case';
import { localCredentials, localRegion } from '../../../infra/local/aws';
import { applyEnvironment, handlerEnvironment } from '../../../infra/local/env';
import { catalogueFunctionHost } from '../../../infra/local/lambda/catalogue';
import { createInvokeServer, type InvokeServer } from '../../../infra/local/lambda/invoke-server';
import { enforceTableAccess, type TableAccessDenied } from '../../../infra/local/lambda/table-guard';
import { functionNames } from '../../../shared/catalogue/functions';
import { shanghaiDate } from '../../../shared/domain/periods';
import { decodeSignature, lshBuckets } from '../../../shared/domain/quality/index';
import type { Item, ItemSubmit } from '../../../shared/schemas/items';
import type { TableRef } from '../../../shared/store/dynamo/client';
import { DynamoCommissionStore } from '../../../shared/store/dynamo/commissions';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { keys } from '../../../shared/store/dynamo/keys';
import { DynamoPolicyStore } from '../../../shared/store/dynamo/policy';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { duplicateItems } from '../../fixtures/items/duplicates';
import { as, httpEvent } from '../../support/http-events';
import { freshTable } from '../mail/support';

let table: TableRef;
let server: InvokeServer;
let lambda: LambdaClient;
let removeGuard: () => void = () => {};
const denied: TableAccessDenied[] = [];
const host = catalogueFunctionHost();

const fixture = (id: string) => {
  const found = duplicateItems.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no fixture ${id}`);
  return found;
};

/** A fixture's text as a unit submits it today. */
function submission(id: string, title?: string): ItemSubmit {
  const { input } = fixture(id);
  return {
    title: title ?? input.title,
    body: input.body,
    eventDate: shanghaiDate(new Date()),
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '王建国',
    author: { name: '李晓梅', phone: '0571-88001234' },
  };
}

const unit = (id: string, name: string) => ({
  id,
  name,
  class: 'county' as const,
  contacts: [],
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

/** POST /items through the catalogue's items handler, as the local gateway calls it. */
async function submitThroughHandler(unitId: string, body: ItemSubmit): Promise<Item> {
  const answer = (await host.invoke(
    'items',
    httpEvent({
      method: 'POST',
      path: '/items',
      headers: { 'idempotency-key': randomUUID() },
      body,
      auth: as('reporter', unitId),
    }),
  )) as { statusCode: number; body: string };
  expect(answer.statusCode, answer.body).toBe(201);
  const itemId = String(JSON.parse(answer.body).itemId);
  const stored = await new DynamoItemStore(table).get(itemId);
  if (!stored) throw new Error(`${itemId} not stored`);
  return stored;
}

async function signatureRow(itemId: string) {
  const { Item } = await table.client.send(
    new GetCommand({
      TableName: table.tableName,
      Key: keys.duplicateSignature(itemId),
      ConsistentRead: true,
    }),
  );
  return Item;
}

/** Every bucket row of an item, read key by key from its stored signature. */
async function bucketRows(itemId: string) {
  const row = await signatureRow(itemId);
  if (!row) throw new Error(`no signature row for ${itemId}`);
  const signature = decodeSignature(String(row.signature));
  const rows = await Promise.all(
    lshBuckets(signature).map(async ({ band, bucket }) => {
      const { Item } = await table.client.send(
        new GetCommand({
          TableName: table.tableName,
          Key: keys.lshEntry(band, bucket, String(row.submittedAt), itemId),
          ConsistentRead: true,
        }),
      );
      return Item;
    }),
  );
  return rows;
}

const invoke = async (event: unknown) => {
  const answer = await lambda.send(
    new InvokeCommand({
      FunctionName: 'lsh-indexer',
      Payload: new TextEncoder().encode(JSON.stringify(event)),
    }),
  );
  expect(answer.FunctionError).toBeUndefined();
  return JSON.parse(new TextDecoder().decode(answer.Payload));
};

beforeAll(async () => {
  table = await freshTable(inject('dynamodbEndpoint'));
  server = createInvokeServer({ functions: host, names: functionNames, retryDelaysMs: [50, 100] });
  const port = await server.listen(0);
  const endpoint = `http://127.0.0.1:${port}`;
  // What the local stack gives every handler, on this test's own table.
  applyEnvironment({
    ...handlerEnvironment({
      dynamodb: inject('dynamodbEndpoint'),
      s3: inject('s3Endpoint'),
      ses: inject('sesEndpoint'),
      lambda: endpoint,
    }),
    TABLE_NAME: table.tableName,
  });
  removeGuard = enforceTableAccess((error) => denied.push(error));
  lambda = new LambdaClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });
  const units = new DynamoUnitStore(table);
  await units.create(unit('qingshan', '青山县人民政府'));
  await units.create(unit('citywater', '市水利局'));
});

afterAll(async () => {
  removeGuard();
  lambda?.destroy();
  await server?.close();
  table?.client.destroy();
});

describe('near-duplicate index after the commit', () => {
  let first: Item;

  it('stores one pending signature with the item; the indexer writes its 42 bucket rows after the commit', async () => {
    first = await submitThroughHandler('qingshan', submission('d1a'));
    // The asynchronous invoke the submission made: wait for it, never a fixed sleep.
    await server.idle();
    const row = await signatureRow(first.itemId);
    expect(row).toMatchObject({ itemId: first.itemId, unitId: 'qingshan', title: first.title });
    expect(row?.gsi3pk).toBeUndefined();
    const rows = await bucketRows(first.itemId);
    expect(rows).toHaveLength(42);
    for (const bucket of rows) {
      // Tiny rows: keys, the item id and the expiry; the details stay on the signature row.
      expect(Object.keys(bucket ?? {}).sort()).toEqual(['expiresAt', 'itemId', 'pk', 'sk']);
    }
    expect(denied).toEqual([]);
  });

  it('flags a near-duplicate submitted seconds later, by another unit, once the index has caught up', async () => {
    const second = await submitThroughHandler('citywater', submission('d1b', fixture('d1b').input.title));
    expect(second.duplicates).toContainEqual(
      expect.objectContaining({ itemId: first.itemId, unitId: 'qingshan', title: first.title }),
    );
    expect(second.findings.map((finding) => finding.code)).toContain('NEAR_DUPLICATE');
    await server.idle();
    expect(denied).toEqual([]);
  });

  it('is idempotent: indexing an item again writes the very same rows', async () => {
    const before = await bucketRows(first.itemId);
    expect(await invoke({ kind: 'index', itemIds: [first.itemId] })).toMatchObject({ indexed: 0 });
    // A rerun that finds the mark still set (a crash after the writes, before the mark was cleared).
    await table.client.send(
      new UpdateCommand({
        TableName: table.tableName,
        Key: keys.duplicateSignature(first.itemId),
        UpdateExpression: 'SET gsi3pk = :pending, gsi3sk = :sk',
        ExpressionAttributeValues: {
          ':pending': keys.duplicateSignaturesPending,
          ':sk': `${first.submittedAt}#${first.itemId}`,
        },
      }),
    );
    expect(await invoke({ kind: 'index', itemIds: [first.itemId] })).toMatchObject({ indexed: 1, rows: 42 });
    expect(await bucketRows(first.itemId)).toEqual(before);
    expect((await signatureRow(first.itemId))?.gsi3pk).toBeUndefined();
    expect(denied).toEqual([]);
  });

  it('the sweep indexes a signature whose invoke was lost, and the next duplicate finds it', async () => {
    // A submission whose request to the indexer never arrived (a crash between commit and invoke);
    // it happened two minutes ago, so the sweep (which leaves the last 30 s to the invoke) takes it.
    const lostAt = new Date(Date.now() - 2 * 60_000);
    const deps: ItemsDeps = {
      items: new DynamoItemStore(table),
      units: new DynamoUnitStore(table),
      history: new DynamoHistoryStore(table),
      mail: { dispatch: async () => {} },
      duplicateIndex: {
        request: async () => {
          throw new Error('connection reset');
        },
      },
      scoring: {
        policies: new DynamoPolicyStore(table),
        commissions: new DynamoCommissionStore(table),
      },
      now: () => lostAt,
    };
    const reporter = { role: 'reporter', unitId: 'qingshan', tokenId: 'tk_qingshan_01' } as const;
    const lost = await submitItem(deps, reporter, submission('d2a'));
    expect((await signatureRow(lost.itemId))?.gsi3pk).toBe(keys.duplicateSignaturesPending);
    const beforeSweep = await submitThroughHandler('citywater', submission('d2b'));
    expect(beforeSweep.duplicates.map((hint) => ('itemId' in hint ? hint.itemId : ''))).not.toContain(
      lost.itemId,
    );

    const swept = await invoke({ job: 'lsh-index', scheduledTime: new Date().toISOString() });
    expect(swept).toMatchObject({ kind: 'sweep', indexed: 1, rows: 42 });
    expect((await signatureRow(lost.itemId))?.gsi3pk).toBeUndefined();
    const afterSweep = await submitThroughHandler('citywater', submission('d2b', '转报：同题信息'));
    expect(afterSweep.duplicates).toContainEqual(expect.objectContaining({ itemId: lost.itemId }));
    await server.idle();
    expect(denied).toEqual([]);
  });
});
