/**
 * The fault injector in the real front, seen through the AWS SDK: an injected throttle is a
 * DynamoDB throttle the SDK retries, and a throttled write is never half-done: each item lands once.
 */
import { CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { afterEach, describe, expect, it } from 'vitest';
import { localCredentials, localRegion } from '../../../infra/local/aws';
import { type FaultStats, faultStatsPath } from '../../../infra/local/dynamo/faults';
import { type LocalDynamo, startLocalDynamo } from '../../../infra/local/dynamo/index';

let dynamo: LocalDynamo | undefined;
afterEach(async () => {
  await dynamo?.close();
  dynamo = undefined;
});

// A fixed 5 ms pause between attempts: the SDK's default throttling backoff (0.5 s doubling to 20 s)
// lets an unlucky run of throttles outlast the test's time-out; what is tested is the retrying, not the pause.
const client = (endpoint: string, maxAttempts: number) =>
  new DynamoDBClient({
    endpoint,
    region: localRegion,
    credentials: localCredentials,
    retryStrategy: new ConfiguredRetryStrategy(maxAttempts, () => 5),
  });

async function start(throttle: number) {
  dynamo = await startLocalDynamo({ port: 0, faults: { throttle } });
  const admin = client(dynamo.endpoint, 1);
  await admin.send(
    new CreateTableCommand({
      TableName: 'faults',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  dynamo.faults.arm();
  return dynamo;
}

const stats = async (endpoint: string) =>
  (await (await fetch(`${endpoint}${faultStatsPath}`)).json()) as FaultStats;

describe('injected throttling', () => {
  it('reaches the SDK as ProvisionedThroughputExceededException, retried by the SDK', async () => {
    const { endpoint } = await start(1);
    const put = client(endpoint, 3).send(
      new PutItemCommand({ TableName: 'faults', Item: { pk: { S: 'a' } } }),
    );
    await expect(put).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400, attempts: 3 },
    });
    expect(await stats(endpoint)).toMatchObject({ injected: { throttle: 3 }, byOperation: { PutItem: 3 } });
  });

  it('lets a patient client store every item exactly once through a throttling store', async () => {
    // Half the calls throttled: some are certain to be (0.5^21 ≈ 5e-7 otherwise), none exhausts 30 attempts.
    const { endpoint } = await start(0.5);
    const patient = client(endpoint, 30);
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        patient.send(new PutItemCommand({ TableName: 'faults', Item: { pk: { S: `item-${index}` } } })),
      ),
    );
    const scanned = await patient.send(new ScanCommand({ TableName: 'faults' }));
    expect(scanned.Count).toBe(20);
    const figures = await stats(endpoint);
    expect(figures.injected.throttle).toBeGreaterThan(0);
    expect(figures.calls).toBe(21 + figures.injected.throttle);
  });
});
