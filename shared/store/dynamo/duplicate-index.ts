import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decodeSignature, encodeSignature, lshBuckets } from '../../domain/quality/minhash';
import type { DuplicateCandidate, LshEntry } from '../ports';
import { batchGetRows, batchWriteLimit, chunks, untilProcessed } from './batch';
import type { TableRef } from './client';
import { isConditionFailure, rethrowStoreError } from './errors';
import { keys } from './keys';
import type { TransactItem } from './transactions';

/** Near-duplicate rows live as long as the 180-day window that is searched, plus a day. */
export const duplicateRetentionSeconds = 181 * 86_400;

/** What the submit transaction stores for the near-duplicate index: the signature, marked pending. */
export interface SignatureRow {
  itemId: string;
  unitId: string;
  title: string;
  submittedAt: string;
  signature: readonly number[];
}

/** A stored signature as the indexer reads it. */
export interface StoredSignature extends SignatureRow {
  expiresAt: number;
  pending: boolean;
}

const expiresAtOf = (submittedAt: string) =>
  Math.floor(new Date(submittedAt).getTime() / 1000) + duplicateRetentionSeconds;

/**
 * The Put of an item's signature row for the submit transaction: one small row instead of one
 * row per LSH band. The sparse gsi3 entry marks it as not yet indexed until the indexer has
 * written its bucket rows (functions/lsh-indexer).
 */
export function duplicateSignaturePut(tableName: string, row: SignatureRow): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.duplicateSignature(row.itemId),
        ...keys.duplicateSignaturePending(row.submittedAt, row.itemId),
        type: 'duplicate-signature',
        itemId: row.itemId,
        unitId: row.unitId,
        title: row.title,
        submittedAt: row.submittedAt,
        signature: encodeSignature(row.signature),
        expiresAt: expiresAtOf(row.submittedAt),
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

function toStoredSignature(raw: Record<string, unknown>): StoredSignature {
  return {
    itemId: String(raw.itemId),
    unitId: String(raw.unitId),
    title: String(raw.title),
    submittedAt: String(raw.submittedAt),
    signature: [...decodeSignature(String(raw.signature))],
    expiresAt: Number(raw.expiresAt),
    pending: raw.gsi3pk === keys.duplicateSignaturesPending,
  };
}

/** Signature rows by item id (BatchGetItem, unprocessed keys retried); unknown ids are left out. */
export async function readSignatures(
  table: TableRef,
  itemIds: readonly string[],
): Promise<StoredSignature[]> {
  const unique = [...new Set(itemIds)];
  const rows = await batchGetRows(
    table,
    unique.map((itemId) => keys.duplicateSignature(itemId)),
  );
  return rows.map(toStoredSignature);
}

/**
 * Bounds of one lookup. A bucket is normally a handful of rows, but text that many items share
 * (a unit's standing phrases, a template) makes a few buckets hold a large part of the window,
 * and reading them whole made every submission read and score every item of the window (the
 * year bench's 8,300 items: a lookup's cost grew with the year). So each bucket is read newest
 * first up to `bucketReadLimit` rows, and only the `candidateLimit` items sharing the most buckets
 * are read and scored: the number of shared bands grows as J³ with the similarity, so an item
 * above the threshold shares several buckets while one sharing boilerplate shares one or two.
 */
export const bucketReadLimit = 50;
export const candidateLimit = 100;

/**
 * Items sharing at least one LSH bucket with a signature, submitted since `since`: one Query per
 * bucket key (all in parallel, item ids only, newest first, at most `bucketReadLimit`), then the
 * signature rows of the `candidateLimit` items sharing the most buckets in one BatchGet. Only
 * indexed items are found: a signature whose bucket rows are still being written (a second or
 * so after its submission) is found once the indexer has run.
 */
export async function duplicateCandidates(
  table: TableRef,
  buckets: readonly LshEntry[],
  since: string,
): Promise<DuplicateCandidate[]> {
  const pages = await Promise.all(
    buckets.map(({ band, bucket }) =>
      table.client
        .send(
          new QueryCommand({
            TableName: table.tableName,
            KeyConditionExpression: 'pk = :pk AND sk >= :since',
            ProjectionExpression: 'itemId, sk',
            ExpressionAttributeValues: { ':pk': keys.lshEntry(band, bucket, '', '').pk, ':since': since },
            ScanIndexForward: false,
            Limit: bucketReadLimit,
          }),
        )
        .catch(rethrowStoreError),
    ),
  );
  const shared = new Map<string, { buckets: number; sk: string }>();
  for (const page of pages) {
    for (const raw of page.Items ?? []) {
      const itemId = String(raw.itemId);
      const entry = shared.get(itemId);
      if (entry) entry.buckets += 1;
      else shared.set(itemId, { buckets: 1, sk: String(raw.sk) });
    }
  }
  if (shared.size === 0) return [];
  const chosen = [...shared]
    .sort(([, a], [, b]) => b.buckets - a.buckets || (a.sk < b.sk ? 1 : a.sk > b.sk ? -1 : 0))
    .slice(0, candidateLimit)
    .map(([itemId]) => itemId);
  const rows = await readSignatures(table, chosen);
  return rows
    .filter((row) => row.submittedAt >= since)
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0))
    .map(({ itemId, unitId, title, signature }) => ({ itemId, unitId, title, signature: [...signature] }));
}

/** The LSH bucket rows of one signature: tiny (keys, item id, expiry), one per band. */
export function bucketRows(row: Pick<StoredSignature, 'itemId' | 'submittedAt' | 'signature'>) {
  const expiresAt = expiresAtOf(row.submittedAt);
  return lshBuckets(row.signature).map(({ band, bucket }) => ({
    ...keys.lshEntry(band, bucket, row.submittedAt, row.itemId),
    itemId: row.itemId,
    expiresAt,
  }));
}

/** The near-duplicate index as its writer (the LSH indexer) sees it. */
export class DynamoDuplicateIndexStore {
  constructor(private readonly table: TableRef) {}

  signatures(itemIds: readonly string[]): Promise<StoredSignature[]> {
    return readSignatures(this.table, itemIds);
  }

  /** Signatures still marked pending, submitted before `before`, oldest first, at most `limit`. */
  async pending(before: string, limit: number): Promise<string[]> {
    const itemIds: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.table.client
        .send(
          new QueryCommand({
            TableName: this.table.tableName,
            IndexName: 'gsi3',
            KeyConditionExpression: 'gsi3pk = :pending AND gsi3sk < :before',
            ExpressionAttributeValues: { ':pending': keys.duplicateSignaturesPending, ':before': before },
            Limit: limit - itemIds.length,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        )
        .catch(rethrowStoreError);
      for (const raw of page.Items ?? []) itemIds.push(String(raw.itemId));
      startKey = page.LastEvaluatedKey;
    } while (startKey && itemIds.length < limit);
    return itemIds;
  }

  /**
   * Writes the bucket rows of these signatures (BatchWriteItem, 25 a request, unprocessed items
   * retried). Putting the same keys again writes the same rows: a rerun changes nothing.
   */
  async writeBuckets(rows: readonly Pick<StoredSignature, 'itemId' | 'submittedAt' | 'signature'>[]) {
    const puts = rows.flatMap(bucketRows).map((Item) => ({ PutRequest: { Item } }));
    await Promise.all(
      chunks(puts, batchWriteLimit).map((chunk) =>
        untilProcessed(chunk, async (requests) => {
          const answer = await this.table.client
            .send(new BatchWriteCommand({ RequestItems: { [this.table.tableName]: requests } }))
            .catch(rethrowStoreError);
          return (answer.UnprocessedItems?.[this.table.tableName] ?? []) as typeof requests;
        }),
      ),
    );
    return puts.length;
  }

  /** Clears the pending mark once the buckets are written; a row already cleared (or gone) is fine. */
  async markIndexed(itemId: string): Promise<void> {
    await this.table.client
      .send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.duplicateSignature(itemId),
          UpdateExpression: 'REMOVE gsi3pk, gsi3sk',
          ConditionExpression: 'attribute_exists(pk)',
        }),
      )
      .catch((error: unknown) => {
        if (isConditionFailure(error)) return;
        rethrowStoreError(error);
      });
  }
}
