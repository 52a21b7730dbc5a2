import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/attachments/handler';
import { as, httpEvent, invoke } from '../../support/http-events';
import { anItem, foreignUnit, itemIdOf, ownUnit } from './fakes';

const dynamo = mockClient(DynamoDBDocumentClient);
/** Every request that reached "S3": a server standing in for it at the function's S3 endpoint. */
const s3Requests: Pick<IncomingMessage, 'method' | 'url'>[] = [];
const s3 = createServer((request, response) => {
  s3Requests.push({ method: request.method, url: request.url });
  response.writeHead(500).end();
});
const itemId = itemIdOf(3);
const attachmentId = `at_${'7'.repeat(24)}`;
const stored = {
  attachmentId,
  itemId,
  fileName: '青州 汇报.pdf',
  contentType: 'application/pdf',
  size: 10,
  status: 'confirmed',
  createdAt: '2026-11-25T02:00:00.000Z',
  confirmedAt: '2026-11-25T02:01:00.000Z',
};

beforeAll(async () => {
  await new Promise<void>((resolve) => s3.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${(s3.address() as AddressInfo).port}`,
    XINBAO_S3_PATH_STYLE: 'true',
    ATTACHMENTS_BUCKET: 'attachments',
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
  });
});

afterAll(() => new Promise((resolve) => s3.close(resolve)));

beforeEach(() => {
  dynamo.reset();
  s3Requests.length = 0;
  dynamo.on(GetCommand).callsFake(async (input: { Key: { pk: string; sk: string } }) => {
    if (input.Key.sk === 'ITEM') return { Item: { ...anItem({ itemId }) } };
    if (input.Key.sk === `ATTACHMENT#${attachmentId}`) return { Item: stored };
    return {};
  });
  dynamo.on(TransactWriteCommand).resolves({});
});

const routes = {
  create: '/items/{itemId}/attachments',
  confirm: '/items/{itemId}/attachments/{attachmentId}/confirm',
  download: '/items/{itemId}/attachments/{attachmentId}',
} as const;

function event(route: keyof typeof routes, auth: ReturnType<typeof as>) {
  const routePath = routes[route];
  const params: Record<string, string> = { itemId, ...(route === 'create' ? {} : { attachmentId }) };
  return httpEvent({
    method: route === 'download' ? 'GET' : 'POST',
    path: routePath.replace('{itemId}', itemId).replace('{attachmentId}', attachmentId),
    routePath,
    params,
    ...(route === 'create'
      ? { body: { fileName: '汇报.pdf', contentType: 'application/pdf', size: 10 } }
      : {}),
    auth,
  });
}

describe('attachments handler: the HTTP stack', () => {
  it.each(['create', 'confirm', 'download'] as const)(
    '%s: a reporter of another unit gets 404 ITEM_NOT_FOUND, nothing is written or signed',
    async (route) => {
      const reply = await invoke(handler, event(route, as('reporter', foreignUnit)));
      expect(reply.status).toBe(404);
      expect(reply.body.error?.code).toBe('ITEM_NOT_FOUND');
      expect(JSON.stringify(reply.body)).not.toContain('青州');
      expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
      expect(s3Requests).toHaveLength(0);
    },
  );

  it('answers 201 with a presigned PUT for the own unit', async () => {
    const reply = await invoke(handler, event('create', as('reporter', ownUnit)));
    expect(reply.status).toBe(201);
    const upload = reply.body.upload as { url: string; headers: Record<string, string> };
    expect(upload.url).toContain('X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost');
    expect(upload.headers).toEqual({ 'Content-Type': 'application/pdf', 'Content-Length': '10' });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it('answers a confirmed attachment again on confirm, and a download URL to an editor', async () => {
    const again = await invoke(handler, event('confirm', as('reporter', ownUnit)));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ attachmentId, status: 'confirmed' });
    const download = await invoke(handler, event('download', as('editor')));
    expect(download.status).toBe(200);
    const url = new URL(String(download.body.url));
    expect(url.searchParams.get('response-content-disposition')).toContain(
      "filename*=UTF-8''%E9%9D%92%E5%B7%9E%20%E6%B1%87%E6%8A%A5.pdf",
    );
    expect(s3Requests).toHaveLength(0);
  });
});
