/**
 * Attachments end to end against the real local services: the handler (HTTP stack included)
 * with s3rver and the local DynamoDB, a browser-like upload with fetch to the presigned URL.
 */
import { randomBytes } from 'node:crypto';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDynamoClient, localS3Client } from '../../../infra/local/aws';
import { ensureBucket, ensureTable } from '../../../infra/local/provision';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoHistoryStore } from '../../../shared/store/dynamo/history';
import { keys } from '../../../shared/store/dynamo/keys';
import type { HttpHandler } from '../../support/handlers';
import { as, httpEvent, invoke } from '../../support/http-events';
import { anItem, foreignUnit, itemIdOf, ownUnit } from '../../unit/attachments/fakes';
import { docxBytes, pdfBytes, pngBytes } from '../../unit/attachments/samples';

const suffix = randomBytes(4).toString('hex');
const tableName = `attachments-${suffix}`;
const bucket = `attachments-${suffix}`;
const itemId = itemIdOf(7);

let handler: HttpHandler;
let table: TableRef;
let s3: S3Client;

beforeAll(async () => {
  const dynamoEndpoint = inject('dynamodbEndpoint');
  const s3Endpoint = inject('s3Endpoint');
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    ATTACHMENTS_BUCKET: bucket,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_ENDPOINT_URL_S3: s3Endpoint,
    XINBAO_S3_PATH_STYLE: 'true',
  });
  const dynamo = localDynamoClient(dynamoEndpoint);
  await ensureTable(dynamo, tableName);
  table = { client: documentClient(dynamo), tableName };
  s3 = localS3Client(s3Endpoint);
  await ensureBucket(s3, bucket);
  await table.client.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...keys.item(itemId), type: 'item', ...anItem({ itemId }) },
    }),
  );
  // Imported only now: the handler's modules read the environment when they first run.
  ({ handler } = (await import('../../../functions/attachments/handler')) as { handler: HttpHandler });
});

afterAll(() => {
  table?.client.destroy();
  s3?.destroy();
});

const base = `/items/${itemId}/attachments`;
const reporter = as('reporter', ownUnit);

async function requestUpload(body: object) {
  return invoke(
    handler as Parameters<typeof invoke>[0],
    httpEvent({
      method: 'POST',
      path: base,
      routePath: '/items/{itemId}/attachments',
      params: { itemId },
      body,
      auth: reporter,
    }),
  );
}

const call = (method: 'GET' | 'POST', attachmentId: string, auth = reporter) =>
  invoke(
    handler as Parameters<typeof invoke>[0],
    httpEvent({
      method,
      path: `${base}/${attachmentId}${method === 'POST' ? '/confirm' : ''}`,
      routePath: `/items/{itemId}/attachments/{attachmentId}${method === 'POST' ? '/confirm' : ''}`,
      params: { itemId, attachmentId },
      auth,
    }),
  );

interface UploadAnswer {
  attachment: { attachmentId: string; fileName: string; status: string };
  upload: { url: string; method: string; headers: Record<string, string> };
}

async function put(upload: UploadAnswer['upload'], body: Uint8Array) {
  const { 'Content-Length': _length, ...headers } = upload.headers;
  const response = await fetch(upload.url, { method: upload.method, headers, body });
  expect(response.status, await response.text()).toBe(200);
}

describe('attachments against s3rver and the local DynamoDB', () => {
  it('presign PUT → upload → confirm → presigned GET returns the bytes under the Chinese name', async () => {
    const request = await requestUpload({
      fileName: '../../青州市 政务服务改革（汇报）.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    });
    expect(request.status).toBe(201);
    const answer = request.body as unknown as UploadAnswer;
    expect(answer.attachment).toMatchObject({
      fileName: '青州市 政务服务改革（汇报）.pdf',
      status: 'pending',
    });
    const id = answer.attachment.attachmentId;

    expect((await call('GET', id)).body.error?.code).toBe('ATTACHMENT_NOT_READY');
    expect((await call('POST', id)).body.error?.code).toBe('ATTACHMENT_NOT_UPLOADED');

    await put(answer.upload, pdfBytes);
    const confirmed = await call('POST', id);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ attachmentId: id, status: 'confirmed' });
    const again = await call('POST', id);
    expect(again.body).toEqual(confirmed.body);

    for (const auth of [reporter, as('editor'), as('leader')]) {
      const download = await call('GET', id, auth);
      expect(download.status).toBe(200);
      const response = await fetch(String(download.body.url));
      expect(response.status).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const disposition = response.headers.get('content-disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? '';
      expect(decodeURIComponent(encoded)).toBe('青州市 政务服务改革（汇报）.pdf');
    }

    expect((await call('GET', id, as('reporter', foreignUnit))).status).toBe(404);
    const history = await new DynamoHistoryStore(table).list(itemId);
    expect(history.map((event) => event.action)).toEqual(['attach', 'attach-confirm']);
  });

  it('a lie (declared pdf, uploaded png) → 422 ATTACHMENT_MISMATCH and the object is gone', async () => {
    const request = await requestUpload({
      fileName: '材料.pdf',
      contentType: 'application/pdf',
      size: pngBytes.length,
    });
    const answer = request.body as unknown as UploadAnswer;
    await put(answer.upload, pngBytes);
    const key = `quarantine/items/${itemId}/${answer.attachment.attachmentId}/材料.pdf`;
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ContentLength).toBe(
      pngBytes.length,
    );

    const refused = await call('POST', answer.attachment.attachmentId);
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('ATTACHMENT_MISMATCH');
    expect(refused.body.error?.message).toContain('PNG');
    await expect(s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 404 },
    });
    expect((await call('GET', answer.attachment.attachmentId)).status).toBe(409);
  });

  it('a re-upload with the same URL after confirmation does not change what is downloaded', async () => {
    const request = await requestUpload({
      fileName: '汇报.pdf',
      contentType: 'application/pdf',
      size: pdfBytes.length,
    });
    const answer = request.body as unknown as UploadAnswer;
    const id = answer.attachment.attachmentId;
    await put(answer.upload, pdfBytes);
    expect((await call('POST', id)).status).toBe(200);

    // The presigned PUT is still valid: other bytes of the declared type and size go up, and
    // confirming again (as a client would) answers the confirmed attachment.
    const swapped = new Uint8Array(pdfBytes.length).fill(0x41);
    await put(answer.upload, swapped);
    expect((await call('POST', id)).status).toBe(200);

    const download = await call('GET', id, as('editor'));
    const response = await fetch(String(download.body.url));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdfBytes);
    // What was checked sits at the final key; the quarantine copy was removed on confirmation.
    const finalKey = `items/${itemId}/${id}/汇报.pdf`;
    expect((await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: finalKey }))).ContentLength).toBe(
      pdfBytes.length,
    );
  });

  it('tells a real docx from its central directory after a ranged read', async () => {
    const body = docxBytes({ leadingPadding: 40_000 });
    const request = await requestUpload({
      fileName: '汇报.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: body.length,
    });
    const answer = request.body as unknown as UploadAnswer;
    await put(answer.upload, body);
    const confirmed = await call('POST', answer.attachment.attachmentId);
    expect(confirmed.status).toBe(200);
  });
});
