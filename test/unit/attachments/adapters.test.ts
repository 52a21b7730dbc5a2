import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  NotFound,
  S3Client,
} from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '#shared/schemas/attachments';
import type { HistoryEvent } from '#shared/schemas/items';
import { DynamoAttachmentStore } from '#shared/store/dynamo/attachments';
import { S3AttachmentObjects } from '#shared/store/s3/attachment-objects';
import { s3Client } from '#shared/store/s3/client';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const presigningClient = () =>
  new S3Client({
    region: 'cn-north-1',
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

describe('S3AttachmentObjects presigning (no network)', () => {
  it('signs Content-Type and Content-Length into a 15-minute PUT and carries no checksum of an empty body', async () => {
    const objects = new S3AttachmentObjects(presigningClient(), 'attachments');
    const { url, headers } = await objects.presignPut({
      key: 'items/it_1/at_1/汇报材料.pdf',
      contentType: 'application/pdf',
      size: 1234,
      expiresIn: 900,
    });
    const parsed = new URL(url);
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(parsed.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(
      expect.arrayContaining(['content-length', 'content-type', 'host']),
    );
    expect(url.toLowerCase()).not.toContain('checksum');
    expect(decodeURIComponent(parsed.pathname)).toContain('items/it_1/at_1/汇报材料.pdf');
    expect(headers).toEqual({ 'Content-Type': 'application/pdf', 'Content-Length': '1234' });
  });

  it('presigns a GET that overrides type and disposition', async () => {
    const objects = new S3AttachmentObjects(presigningClient(), 'attachments');
    const url = await objects.presignGet({
      key: 'items/it_1/at_1/汇报材料.pdf',
      contentType: 'application/pdf',
      contentDisposition: "attachment; filename*=UTF-8''%E6%B1%87%E6%8A%A5.pdf",
      expiresIn: 900,
    });
    const parsed = new URL(url);
    expect(parsed.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(parsed.searchParams.get('response-content-disposition')).toBe(
      "attachment; filename*=UTF-8''%E6%B1%87%E6%8A%A5.pdf",
    );
    expect(parsed.searchParams.get('X-Amz-Expires')).toBe('900');
  });
});

describe('s3Client from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('takes path style from XINBAO_S3_PATH_STYLE and checksums only when required', async () => {
    process.env.XINBAO_S3_PATH_STYLE = 'true';
    const local = s3Client();
    expect(local.config.forcePathStyle).toBe(true);
    expect(await local.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await local.config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
    delete process.env.XINBAO_S3_PATH_STYLE;
    expect(s3Client().config.forcePathStyle).toBe(false);
  });
});

describe('S3AttachmentObjects calls (mocked S3)', () => {
  const s3 = mockClient(S3Client);
  beforeEach(() => s3.reset());

  it('answers undefined for a missing object and the size otherwise', async () => {
    const objects = new S3AttachmentObjects(new S3Client({ region: 'cn-north-1', credentials }), 'b');
    s3.on(HeadObjectCommand, { Key: 'missing' }).rejects(
      new NotFound({ message: 'Not Found', $metadata: {} }),
    );
    s3.on(HeadObjectCommand, { Key: 'there' }).resolves({
      ContentLength: 42,
      ContentType: 'application/pdf',
    });
    expect(await objects.head('missing')).toBeUndefined();
    expect(await objects.head('there')).toEqual({ size: 42, contentType: 'application/pdf' });
    s3.on(HeadObjectCommand, { Key: 'broken' }).rejects(new Error('boom'));
    await expect(objects.head('broken')).rejects.toThrow('boom');
  });

  it('reads a byte range, trimming a server that ignored Range, and deletes', async () => {
    const objects = new S3AttachmentObjects(new S3Client({ region: 'cn-north-1', credentials }), 'b');
    // The SDK's stream mixin, reduced to the one method the adapter calls.
    const body = () =>
      ({
        transformToByteArray: async () => new TextEncoder().encode('0123456789'),
      }) as unknown as GetObjectCommandOutput['Body'];
    s3.on(GetObjectCommand)
      .resolvesOnce({ Body: body() })
      .resolvesOnce({ Body: body(), ContentRange: 'bytes 0-9/10' });
    expect(new TextDecoder().decode(await objects.readRange('k', 2, 4))).toBe('234');
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input.Range).toBe('bytes=2-4');
    expect(new TextDecoder().decode(await objects.readRange('k', 0, 9))).toBe('0123456789');
    s3.on(DeleteObjectCommand).resolves({});
    await objects.delete('k');
    expect(s3.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({ Bucket: 'b', Key: 'k' });
  });
});

describe('DynamoAttachmentStore (mocked DynamoDB)', () => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  beforeEach(() => dynamo.reset());
  const table = {
    client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'cn-north-1', credentials })),
    tableName: 't',
  };
  const store = () => new DynamoAttachmentStore(table);
  const attachment: Attachment = {
    attachmentId: `at_${'1'.repeat(24)}`,
    itemId: `it_${'1'.repeat(24)}`,
    fileName: '汇报.pdf',
    contentType: 'application/pdf',
    size: 10,
    status: 'pending',
    createdAt: '2026-11-25T02:00:00.000Z',
  };
  const event: HistoryEvent = {
    at: '2026-11-25T02:00:00.000Z',
    by: 'tok',
    role: 'reporter',
    action: 'attach',
  };
  const cancelled = (codes: string[]) =>
    Object.assign(new Error('Transaction cancelled'), {
      name: 'TransactionCanceledException',
      CancellationReasons: codes.map((Code) => ({ Code })),
    });

  it('creates the record and its event in one transaction, guarded by the item', async () => {
    dynamo.on(TransactWriteCommand).resolves({});
    await store().create(attachment, event);
    const actions = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    expect(actions).toHaveLength(3);
    expect(actions[0]?.ConditionCheck?.Key).toEqual({ pk: `ITEM#${attachment.itemId}`, sk: 'ITEM' });
    expect(actions[1]?.Put?.Item).toMatchObject({
      pk: `ITEM#${attachment.itemId}`,
      sk: `ATTACHMENT#${attachment.attachmentId}`,
      status: 'pending',
    });
    expect(actions[2]?.Put?.Item).toMatchObject({ action: 'attach', pk: `ITEM#${attachment.itemId}` });
  });

  it('confirms only from pending, and says so when it is not', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));
    const confirmed = {
      ...attachment,
      status: 'confirmed' as const,
      confirmedAt: '2026-11-25T02:05:00.000Z',
    };
    await expect(store().confirm(confirmed, { ...event, action: 'attach-confirm' })).rejects.toMatchObject({
      status: 409,
      code: 'ATTACHMENT_NOT_PENDING',
    });
    const update = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems?.[0]?.Update;
    expect(update?.ConditionExpression).toContain('#status = :pending');
    expect(update?.ExpressionAttributeValues?.[':at']).toBe('2026-11-25T02:05:00.000Z');
  });

  it('reads a record back without its keys', async () => {
    dynamo.on(GetCommand).resolves({
      Item: { pk: 'x', sk: 'y', type: 'attachment', ...attachment },
    });
    expect(await store().get(attachment.itemId, attachment.attachmentId)).toEqual(attachment);
  });
});
