import {
  DeleteItemCommand,
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { idempotentSubmit } from '#functions/items/submit-item/idempotent';
import { ServiceUnavailableError } from '#shared/errors';
import type { Item, ItemSubmit } from '#shared/schemas/items';

const dynamo = mockClient(DynamoDBClient);
const reporter = { role: 'reporter', unitId: 'weicheng', tokenId: 'tk_1' } as const;
const body = { title: '标题', body: '正文' } as unknown as ItemSubmit;
const stored = { itemId: 'it_0001', unitId: 'weicheng', title: '标题' } as unknown as Item;
const throttle = () =>
  new ProvisionedThroughputExceededException({ message: 'throttled', $metadata: { httpStatusCode: 400 } });

beforeEach(() => {
  dynamo.reset();
  dynamo.on(PutItemCommand).resolves({});
  dynamo.on(DeleteItemCommand).resolves({});
});

describe('idempotent submission when the store throttles', () => {
  it('answers with the stored item and records the answer when the first record update is throttled', async () => {
    dynamo.on(UpdateItemCommand).rejectsOnce(throttle()).resolves({});
    const submit = vi.fn(async () => stored);
    const once = idempotentSubmit(submit, new DynamoDBClient({ region: 'us-east-1' }), 'xinbao');

    await expect(once('key-00000001', reporter, body)).resolves.toEqual(stored);
    expect(submit).toHaveBeenCalledTimes(1);
    const updates = dynamo.commandCalls(UpdateItemCommand);
    expect(updates).toHaveLength(2);
    expect(updates[1]?.args[0].input.ExpressionAttributeValues?.[':status']).toEqual({ S: 'COMPLETED' });
  });

  it('passes a failed submission on and stores no answer', async () => {
    const submit = vi.fn(async (): Promise<Item> => {
      throw new ServiceUnavailableError('STORE_BUSY', '系统繁忙，请稍后重试');
    });
    const once = idempotentSubmit(submit, new DynamoDBClient({ region: 'us-east-1' }), 'xinbao');

    await expect(once('key-00000002', reporter, body)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(dynamo.commandCalls(UpdateItemCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(DeleteItemCommand)).toHaveLength(1);
  });
});
