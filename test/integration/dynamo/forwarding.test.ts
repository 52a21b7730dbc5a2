import { DeleteTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalDynamo, startLocalDynamo } from '../../../infra/local/dynamo';
import { closeServer, listen } from '../../../infra/local/dynamo/servers';
import { clientsFor, nameOf, outcome } from './support/clients';
import { createItemsTable } from './support/tables';

// Everything but the two transaction operations must reach dynalite and come back unchanged.

const AUTH = {
  authorization:
    'AWS4-HMAC-SHA256 Credential=local/20200101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
  'x-amz-date': '20200101T000000Z',
};

function call(endpoint: string, target: string, body: string, headers: Record<string, string> = AUTH) {
  return fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${target}`,
      ...headers,
    },
    body,
  });
}

describe('local DynamoDB front: forwarding and its own errors', { timeout: 30_000 }, () => {
  let local: LocalDynamo | undefined;
  const endpoint = () => {
    if (!local) throw new Error('not started');
    return local.endpoint;
  };
  beforeAll(async () => {
    local = await startLocalDynamo({ port: 0 });
  });
  afterAll(async () => {
    await local?.close();
  });

  it('answers plain operations with the same bytes as dynalite itself', async () => {
    const bare = dynalite({ createTableMs: 0 });
    const barePort = await listen(bare, 0, '127.0.0.1');
    const table =
      '{"TableName":"fwd_table","BillingMode":"PAY_PER_REQUEST","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],' +
      '"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]}';
    const item = '{"TableName":"fwd_table","Item":{"pk":{"S":"信报 ✓"},"n":{"N":"1.50"},"b":{"B":"AAEC"}}}';
    const get = '{"TableName":"fwd_table","Key":{"pk":{"S":"信报 ✓"}}}';
    try {
      for (const target of [endpoint(), `http://127.0.0.1:${barePort}`]) {
        await call(target, 'CreateTable', table);
        await call(target, 'PutItem', item);
      }
      const viaFront = await call(endpoint(), 'GetItem', get);
      const direct = await call(`http://127.0.0.1:${barePort}`, 'GetItem', get);
      expect(viaFront.status).toBe(direct.status);
      expect(viaFront.headers.get('x-amz-crc32')).toBe(direct.headers.get('x-amz-crc32'));
      expect(Buffer.from(await viaFront.arrayBuffer())).toEqual(Buffer.from(await direct.arrayBuffer()));
    } finally {
      await closeServer(bare);
    }
  });

  it('makes a table usable as soon as CreateTable returns, and gone once DeleteTable returns', async () => {
    const clients = clientsFor(endpoint());
    try {
      const runs = Array.from({ length: 20 }, async () => {
        const table = await createItemsTable(clients.client);
        await clients.doc.send(new PutCommand({ TableName: table, Item: { pk: 'a', sk: '1' } }));
        await clients.client.send(new DeleteTableCommand({ TableName: table }));
        return nameOf(await outcome(clients.client.send(new DescribeTableCommand({ TableName: table }))));
      });
      expect(new Set(await Promise.all(runs))).toEqual(new Set(['ResourceNotFoundException']));
    } finally {
      clients.client.destroy();
    }
  });

  it("passes dynalite's own errors and health check through", async () => {
    const health = await fetch(endpoint());
    expect(await health.text()).toBe('healthy: dynamodb.us-east-1.amazonaws.com ');

    const unsigned = await call(endpoint(), 'ListTables', '{}', {});
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({
      __type: 'com.amazon.coral.service#MissingAuthenticationTokenException',
    });

    const unknown = await call(endpoint(), 'ExecuteStatement', '{}');
    expect(await unknown.json()).toEqual({ __type: 'com.amazon.coral.service#UnknownOperationException' });
  });

  it('answers its own errors as DynamoDB-shaped JSON', async () => {
    const broken = await call(endpoint(), 'TransactWriteItems', '{not json');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await broken.json()).toMatchObject({ __type: 'com.amazon.coral.service#SerializationException' });

    const noItems = await call(endpoint(), 'TransactGetItems', '{}');
    expect(await noItems.json()).toMatchObject({
      __type: 'com.amazon.coral.validate#ValidationException',
      message: expect.any(String),
    });
  });
});
