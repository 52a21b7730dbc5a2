import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Attachment } from '#shared/schemas/attachments';
import type { HistoryEvent } from '#shared/schemas/items';
import { DynamoAttachmentStore } from '#shared/store/dynamo/attachments';
import { S3AttachmentObjects } from '#shared/store/s3/attachment-objects';
import { S3HttpClient } from '#shared/store/s3/http-client';

// The S3 calls themselves (head, ranges, copies, faults) are tested in test/unit/s3/http-client.test.ts.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };
const presigningClient = () =>
  new S3HttpClient(
    {
      endpoint: 'https://s3.cn-north-1.amazonaws.com.cn',
      region: 'cn-north-1',
      credentials,
      pathStyle: false,
      maxAttempts: 3,
      idleTimeoutMs: 1000,
    },
    async () => {
      throw new Error('presigning sends nothing');
    },
  );

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
