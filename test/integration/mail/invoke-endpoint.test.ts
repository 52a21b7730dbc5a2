/**
 * The local Lambda Invoke API: the SDK's LambdaClient against it, for fixture functions and for the
 * real mailer handler of the catalogue (which then sends through the SES emulator).
 */
import { randomUUID } from 'node:crypto';
import { InvokeCommand, LambdaClient, ResourceNotFoundException } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { localCredentials, localRegion } from '../../../infra/local/aws';
import { applyEnvironment, handlerEnvironment } from '../../../infra/local/env';
import { catalogueFunctionHost } from '../../../infra/local/lambda/catalogue';
import { createFunctionHost } from '../../../infra/local/lambda/host';
import { createInvokeServer, type InvokeServer } from '../../../infra/local/lambda/invoke-server';
import { functionNames } from '../../../shared/catalogue/functions';
import type { TableRef } from '../../../shared/store/dynamo/client';
import { DynamoOutboxStore } from '../../../shared/store/dynamo/outbox';
import { LambdaMailDispatcher } from '../../../shared/store/lambda/mail-dispatcher';
import { freshTable, mailbox, seedUrgentItem } from './support';

const lambdaClient = (endpoint: string) =>
  new LambdaClient({ endpoint, region: localRegion, credentials: localCredentials, maxAttempts: 1 });

const decode = (payload: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(payload));
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('local Lambda invoke endpoint with fixture functions', () => {
  const calls: Record<string, number> = { echo: 0, flaky: 0, broken: 0, slow: 0 };
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const host = createFunctionHost({
    specs: {
      echo: { memoryMb: 128, timeoutSeconds: 5 },
      flaky: { memoryMb: 128, timeoutSeconds: 5 },
      broken: { memoryMb: 128, timeoutSeconds: 5 },
      slow: { memoryMb: 128, timeoutSeconds: 5 },
    },
    load: async (name) => async (event) => {
      calls[name] = (calls[name] ?? 0) + 1;
      if (name === 'flaky' && (calls.flaky ?? 0) < 3) throw new Error(`flaky failure ${calls.flaky}`);
      if (name === 'broken') throw new TypeError('always broken');
      if (name === 'slow') await gate;
      return { got: event };
    },
  });
  const lines: string[] = [];
  let server: InvokeServer;
  let client: LambdaClient;

  beforeAll(async () => {
    server = createInvokeServer({
      functions: host,
      names: ['echo', 'flaky', 'broken', 'slow'],
      retryDelaysMs: [50, 100],
      log: (line) => lines.push(line),
    });
    const port = await server.listen(0);
    client = lambdaClient(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
  });

  it('RequestResponse runs the handler and returns its payload; names, xinbao- names and ARNs all work', async () => {
    for (const FunctionName of [
      'echo',
      'xinbao-echo',
      'arn:aws:lambda:us-east-1:000000000000:function:xinbao-echo',
    ]) {
      const answer = await client.send(
        new InvokeCommand({ FunctionName, Payload: encode({ hello: '你好' }) }),
      );
      expect(answer.StatusCode).toBe(200);
      expect(answer.FunctionError).toBeUndefined();
      expect(decode(answer.Payload)).toEqual({ got: { hello: '你好' } });
    }
  });

  it('RequestResponse reports a thrown error as an Unhandled function error', async () => {
    const answer = await client.send(new InvokeCommand({ FunctionName: 'broken', Payload: encode({}) }));
    expect(answer.StatusCode).toBe(200);
    expect(answer.FunctionError).toBe('Unhandled');
    expect(decode(answer.Payload)).toMatchObject({ errorType: 'TypeError', errorMessage: 'always broken' });
  });

  it('answers ResourceNotFoundException for a function that is not served', async () => {
    await expect(
      client.send(new InvokeCommand({ FunctionName: 'nope', Payload: encode({}) })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('Event answers 202 before the handler has finished', async () => {
    const answer = await client.send(
      new InvokeCommand({ FunctionName: 'slow', InvocationType: 'Event', Payload: encode({}) }),
    );
    expect(answer.StatusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls.slow).toBe(1);
    release();
    await server.idle();
  });

  it('Event retries a failing handler twice, like Lambda, then gives up', async () => {
    const before = calls.broken ?? 0;
    const flaky = await client.send(
      new InvokeCommand({ FunctionName: 'flaky', InvocationType: 'Event', Payload: encode({}) }),
    );
    const broken = await client.send(
      new InvokeCommand({ FunctionName: 'broken', InvocationType: 'Event', Payload: encode({}) }),
    );
    expect([flaky.StatusCode, broken.StatusCode]).toEqual([202, 202]);
    await server.idle();
    expect(calls.flaky).toBe(3);
    expect((calls.broken ?? 0) - before).toBe(3);
    expect(lines.some((line) => line.includes('broken') && line.includes('giving up'))).toBe(true);
  });
});

describe('the mailer through the local invoke endpoint', () => {
  let table: TableRef;
  let server: InvokeServer;
  let client: LambdaClient;

  beforeAll(async () => {
    table = await freshTable(inject('dynamodbEndpoint'));
    server = createInvokeServer({ functions: catalogueFunctionHost(), names: functionNames });
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
    client = lambdaClient(endpoint);
  });
  afterAll(async () => {
    client?.destroy();
    await server?.close();
    table?.client.destroy();
  });

  it('sets MAILER_FUNCTION_NAME and AWS_ENDPOINT_URL_LAMBDA for the handlers', () => {
    expect(process.env.MAILER_FUNCTION_NAME).toBe('mailer');
    expect(process.env.AWS_ENDPOINT_URL_LAMBDA).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('a dispatch (Event invoke, 202) makes the real mailer handler send the alert', async () => {
    const recipient = `duty-${randomUUID().slice(0, 8)}@example.gov.cn`;
    const { messageId } = await seedUrgentItem(table, [recipient]);
    // The dispatcher's own signed invoke, configured from the handler environment above.
    await new LambdaMailDispatcher('mailer').dispatch([messageId]);
    await server.idle();
    const mails = (await mailbox(inject('sesEndpoint'))).filter((mail) =>
      mail.destination.to.includes(recipient),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('【重要紧急信息】临朐县人民政府：我市遭遇强降雨<b>紧急</b>');
    expect(await new DynamoOutboxStore(table).get(messageId)).toMatchObject({
      status: 'sent',
      sentTo: [recipient],
    });
  });

  it('the sweep job event runs through the same endpoint (RequestResponse)', async () => {
    const answer = await client.send(
      new InvokeCommand({
        FunctionName: 'mailer',
        Payload: encode({ job: 'mail-outbox', scheduledTime: new Date().toISOString() }),
      }),
    );
    expect(answer.FunctionError).toBeUndefined();
    expect(decode(answer.Payload)).toMatchObject({ kind: 'sweep', failed: 0 });
  });

  it('a malformed mailer event fails the run (and is reported as a function error)', async () => {
    const answer = await client.send(
      new InvokeCommand({ FunctionName: 'mailer', Payload: encode({ kind: 'nope' }) }),
    );
    expect(answer.FunctionError).toBe('Unhandled');
  });
});
