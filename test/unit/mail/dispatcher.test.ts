import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxPut } from '#shared/store/dynamo/outbox';
import { LambdaMailDispatcher, mailDispatcherFromEnvironment } from '#shared/store/lambda/mail-dispatcher';

const lambda = mockClient(LambdaClient);

beforeEach(() => lambda.reset());
afterEach(() => {
  delete process.env.MAILER_FUNCTION_NAME;
});

describe('LambdaMailDispatcher', () => {
  it('invokes the mailer asynchronously with the message ids', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    await new LambdaMailDispatcher('xinbao-mailer', new LambdaClient({})).dispatch(['m1', 'm2']);
    const input = lambda.commandCalls(InvokeCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ FunctionName: 'xinbao-mailer', InvocationType: 'Event' });
    expect(JSON.parse(new TextDecoder().decode(input?.Payload as Uint8Array))).toEqual({
      kind: 'send',
      messageIds: ['m1', 'm2'],
    });
  });

  it('does nothing for no ids and fails on an unexpected answer', async () => {
    const dispatcher = new LambdaMailDispatcher('xinbao-mailer', new LambdaClient({}));
    await dispatcher.dispatch([]);
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(0);
    lambda.on(InvokeCommand).resolves({ StatusCode: 200 });
    await expect(dispatcher.dispatch(['m1'])).rejects.toThrow(/answered 200/);
  });

  it('reads MAILER_FUNCTION_NAME at dispatch time', async () => {
    lambda.on(InvokeCommand).resolves({ StatusCode: 202 });
    const dispatcher = mailDispatcherFromEnvironment(new LambdaClient({}));
    await expect(dispatcher.dispatch(['m1'])).rejects.toThrow(/MAILER_FUNCTION_NAME/);
    process.env.MAILER_FUNCTION_NAME = 'mailer';
    await dispatcher.dispatch(['m1']);
    expect(lambda.commandCalls(InvokeCommand)[0]?.args[0].input.FunctionName).toBe('mailer');
  });
});

describe('outboxPut', () => {
  it('puts a pending entry with its sparse gsi3 keys, never over an existing one', () => {
    const put = outboxPut('t', {
      messageId: 'm1',
      kind: 'urgent-item',
      refId: 'item-1',
      createdAt: '2026-11-24T16:05:00.000Z',
      status: 'pending',
      attempts: 0,
      sentTo: [],
    });
    expect(put).toEqual({
      Put: {
        TableName: 't',
        Item: {
          pk: 'OUTBOX#m1',
          sk: 'MAIL',
          gsi3pk: 'OUTBOX#pending',
          gsi3sk: '2026-11-24T16:05:00.000Z#m1',
          messageId: 'm1',
          kind: 'urgent-item',
          refId: 'item-1',
          createdAt: '2026-11-24T16:05:00.000Z',
          status: 'pending',
          attempts: 0,
          sentTo: [],
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  });
});
