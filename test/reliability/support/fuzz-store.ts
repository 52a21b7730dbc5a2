/**
 * The whole table, read with a Scan (fine in a test, never in the product), as comparable text:
 * one entry per key. Left out because they legitimately change while requests are refused: the
 * authorizer's `lastUsedAt` on token rows, what the local scheduler's cron ticks write (run
 * markers, and the sent-mail markers of a daily job that happens to fire during the run), and the
 * rate-limit counters that accepted calls to a limited route (a precheck) add.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { localCredentials, localRegion } from '../../../infra/local/aws';

export type Snapshot = Map<string, string>;

export async function snapshotTable(endpoint: string, tableName: string): Promise<Snapshot> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials }),
  );
  const rows: Snapshot = new Map();
  let start: Record<string, unknown> | undefined;
  try {
    do {
      const page = await client.send(
        new ScanCommand({ TableName: tableName, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      for (const item of page.Items ?? []) {
        if (/^(JOB(MAIL)?|RATE)#/.test(String(item.pk))) continue;
        const { lastUsedAt: _touched, ...row } = item;
        const sorted = Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b)));
        rows.set(`${String(item.pk)} | ${String(item.sk)}`, JSON.stringify(sorted));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return rows;
}

/** Keys added, removed or changed between two snapshots, with the rows, for the failure message. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const changes: string[] = [];
  for (const [key, row] of after) {
    const old = before.get(key);
    if (old === undefined) changes.push(`added ${key}: ${row.slice(0, 300)}`);
    else if (old !== row) changes.push(`changed ${key}: ${old.slice(0, 300)} → ${row.slice(0, 300)}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`removed ${key}`);
  return changes;
}
