import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { TableRef } from './client';
import { rethrowStoreError } from './errors';

/** Every page of a Query (never a Scan): for partitions known to stay small, such as units or tokens. */
export async function queryAll(
  table: TableRef,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.client
      .send(new QueryCommand({ ...input, TableName: table.tableName, ExclusiveStartKey: cursor }))
      .catch(rethrowStoreError);
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

/** How many rows a Query matches (Select COUNT, every page; never a Scan), without reading them. */
export async function queryCount(
  table: TableRef,
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Select'>,
): Promise<number> {
  let count = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await table.client
      .send(
        new QueryCommand({
          ...input,
          TableName: table.tableName,
          Select: 'COUNT',
          ExclusiveStartKey: cursor,
        }),
      )
      .catch(rethrowStoreError);
    count += page.Count ?? 0;
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return count;
}
