/**
 * Reads the table behind a test stack directly (through the local DynamoDB front, so its isolation
 * holds) and checks what a load left behind: every item whole (its submit event beside it), every
 * unit's counters equal to a recount of its items, every completed idempotency record pointing at
 * a stored item. Only Queries, as the product itself reads.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion } from '../../../infra/local/aws';
import type { FaultStats } from '../../../infra/local/dynamo/faults';
import { faultStatsPath } from '../../../infra/local/dynamo/faults';
import { localNames } from '../../../infra/local/env';
import { periodsOf } from '../../../shared/domain/periods';
import { periodCounters } from '../../../shared/store/dynamo/aggregates';
import type { TestStack } from '../../support/local-stack';
import { runPool } from './load-client';

export interface StoredItem {
  itemId: string;
  unitId: string;
  title: string;
  submittedAt: string;
}

export interface StoreAudit {
  items: StoredItem[];
  /** Items whose partition lacks the submit event written in the same transaction. */
  itemsWithoutSubmitEvent: string[];
  /** `unit period: counter N, items M` for every counter that differs from the recount. */
  counterMismatches: string[];
  idempotency: {
    completed: number;
    inProgress: number;
    /** Completed records whose answer names an item that is not stored. */
    completedWithoutItem: string[];
    /** Items named by two completed records. */
    claimedTwice: string[];
  };
}

/** A document client with patience: faults may still be injected while we read. */
function storeClient(stack: TestStack): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    endpoint: stack.urls.dynamodb,
    region: localRegion,
    credentials: localCredentials,
    maxAttempts: 20,
  });
  return DynamoDBDocumentClient.from(client);
}

async function queryAll(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'TableName'>,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({ ...input, TableName: localNames.table, ExclusiveStartKey: start }),
    );
    rows.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return rows;
}

export async function faultStats(stack: TestStack): Promise<FaultStats> {
  return (await (await fetch(`${stack.urls.dynamodb}${faultStatsPath}`)).json()) as FaultStats;
}

export async function auditStore(stack: TestStack, unitIds: string[]): Promise<StoreAudit> {
  const client = storeClient(stack);
  try {
    const items: StoredItem[] = [];
    await runPool(unitIds.length, 8, async (index) => {
      const unitId = unitIds[index] as string;
      const rows = await queryAll(client, {
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': `UNITITEMS#${unitId}` },
      });
      for (const row of rows) {
        items.push({
          itemId: String(row.itemId),
          unitId: String(row.unitId),
          title: String(row.title),
          submittedAt: String(row.submittedAt),
        });
      }
    });

    const itemsWithoutSubmitEvent: string[] = [];
    await runPool(items.length, 16, async (index) => {
      const { itemId } = items[index] as StoredItem;
      const events = await queryAll(client, {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
        ExpressionAttributeValues: { ':pk': `ITEM#${itemId}`, ':event': 'EVENT#' },
      });
      if (!events.some((event) => event.action === 'submit')) itemsWithoutSubmitEvent.push(itemId);
    });

    const recount = new Map<string, number>();
    const periods = new Set(periodsOf(new Date()));
    for (const item of items) {
      for (const period of periodsOf(new Date(item.submittedAt))) {
        periods.add(period);
        const key = `${item.unitId} ${period}`;
        recount.set(key, (recount.get(key) ?? 0) + 1);
      }
    }
    const counted = new Map<string, number>();
    // Counters: one row per unit and year, every period's figures as `<period>:<counter>`.
    for (const year of new Set([...periods].map((period) => period.slice(0, 4)))) {
      const rows = await queryAll(client, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `AGG#${year}` },
      });
      for (const row of rows) {
        for (const period of periods) {
          if (!period.startsWith(year)) continue;
          const submitted = periodCounters(row, period).submitted;
          if (submitted !== undefined) counted.set(`${String(row.unitId)} ${period}`, submitted);
        }
      }
    }
    const counterMismatches: string[] = [];
    for (const key of new Set([...recount.keys(), ...counted.keys()])) {
      const counter = counted.get(key) ?? 0;
      const recounted = recount.get(key) ?? 0;
      if (counter !== recounted) counterMismatches.push(`${key}: counter ${counter}, items ${recounted}`);
    }

    const records = await queryAll(client, {
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': 'IDEMPOTENCY#submitItem' },
    });
    const stored = new Set(items.map((item) => item.itemId));
    const claims = new Map<string, number>();
    const completedWithoutItem: string[] = [];
    let completed = 0;
    for (const record of records) {
      if (record.status !== 'COMPLETED') continue;
      completed += 1;
      const itemId = answeredItemId(record.data);
      if (!itemId || !stored.has(itemId)) completedWithoutItem.push(itemId ?? String(record.sk));
      else claims.set(itemId, (claims.get(itemId) ?? 0) + 1);
    }
    return {
      items,
      itemsWithoutSubmitEvent,
      counterMismatches,
      idempotency: {
        completed,
        inProgress: records.filter((record) => record.status === 'INPROGRESS').length,
        completedWithoutItem,
        claimedTwice: [...claims].filter(([, count]) => count > 1).map(([itemId]) => itemId),
      },
    };
  } finally {
    client.destroy();
  }
}

/** The item id in a stored idempotent answer (kept as a map; older Powertools records may hold JSON). */
function answeredItemId(data: unknown): string | undefined {
  const answer = typeof data === 'string' ? (JSON.parse(data) as unknown) : data;
  if (typeof answer !== 'object' || answer === null) return undefined;
  const itemId = (answer as { itemId?: unknown }).itemId;
  return typeof itemId === 'string' ? itemId : undefined;
}
