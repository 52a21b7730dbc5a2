/** The replay's writes: transactions of at most 100 actions, each moving the counters by exactly its own lines. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { diffLedger, type TimedLine } from '#shared/domain/scoring/index';
import { DynamoReplayStore } from '#shared/store/dynamo/replays';

const dynamo = mockClient(DynamoDBDocumentClient);
const store = new DynamoReplayStore({
  client: DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'ap-southeast-1' })),
  tableName: 'xinbao-test',
});

/** `count` adoption lines of one unit spread over the year, 3 points each under version `version`. */
function lines(count: number, version: number, points: number): TimedLine[] {
  return Array.from({ length: count }, (_, index) => ({
    unitId: 'linqu',
    source: 'item',
    refId: `it_${String(index).padStart(4, '0')}`,
    rule: 'series:zwxx',
    policyVersion: version,
    points,
    reason: `《政务信息》2026年第${index + 1}期采用 +${points}`,
    at: new Date(Date.UTC(2026, index % 12, 10, 2)).toISOString(),
  }));
}

/** What a transaction's Update of the counter row `pk` adds to one attribute. */
function added(actions: TransactWriteCommandInput['TransactItems'], pk: string, attribute: string): number {
  const update = actions?.find((action) => action.Update?.Key?.pk === pk)?.Update;
  const names = Object.entries(update?.ExpressionAttributeNames ?? {});
  const placeholder = names.find(([, name]) => name === attribute)?.[0]?.replace('#c', ':v');
  return Number((placeholder && update?.ExpressionAttributeValues?.[placeholder]) ?? 0);
}

beforeEach(() => {
  dynamo.reset();
  dynamo.on(TransactWriteCommand).resolves({});
});

describe('replay writes', () => {
  it('splits 250 changed lines into transactions of ≤ 100 actions whose counter moves add up to the change', async () => {
    const diff = diffLedger(lines(250, 1, 3), lines(250, 2, 4));
    await store.apply(diff, () => 'county');
    const calls = dynamo.commandCalls(TransactWriteCommand);
    expect(calls.length).toBeGreaterThan(2);
    let yearPoints = 0;
    let linePuts = 0;
    for (const call of calls) {
      const actions = call.args[0].input.TransactItems ?? [];
      expect(actions.length).toBeLessThanOrEqual(100);
      const puts = actions.filter((action) => action.Put);
      linePuts += puts.length;
      const moved = added(actions, 'AGG#2026', '2026:points');
      // Each transaction moves the year's points by exactly the lines it rewrites (+1 each), in the
      // year's row and in the next year's (where 2027 finds its previous year).
      expect(moved).toBe(puts.length);
      expect(added(actions, 'AGG#2027', '2026:points')).toBe(moved);
      yearPoints += moved;
    }
    expect(linePuts).toBe(250);
    expect(yearPoints).toBe(250);
  });

  it('writes nothing when there is nothing to change', async () => {
    const same = lines(30, 2, 4);
    await store.apply(diffLedger(same, same), () => 'county');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
