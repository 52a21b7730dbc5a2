import { createHash } from 'node:crypto';
import { BadRequestError } from '#shared/errors';

export interface Position {
  /** Which partition of the plan the next page starts in. */
  partition: number;
  lastKey?: Record<string, unknown>;
}

/** The index partition a page is read from, as the plan names it. */
export interface PartitionKey {
  pkName: string;
  skName: string;
  pk: string;
}

const invalid = () =>
  new BadRequestError('INVALID_CURSOR', '分页游标无效或与筛选条件不符，请从第一页重新查询');

/** Ties a cursor to the filters it was made for, so it cannot be replayed against other ones. */
export function fingerprint(filters: object): string {
  return createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);
}

export function encodeCursor(position: Position, filters: string): string {
  return Buffer.from(JSON.stringify({ ...position, f: filters }), 'utf8').toString('base64url');
}

/**
 * A cursor is the caller's to edit, so its key is checked against the plan before it reaches the
 * store: exactly the item row's keys and the partition's own index keys, all strings, the index
 * key naming the partition being read. Anything else — another unit's or another index's key —
 * would otherwise reach DynamoDB (a 500) or page outside what the caller may list.
 */
function fitsPartition(lastKey: Record<string, unknown>, partition: PartitionKey): boolean {
  const expected = ['pk', 'sk', partition.pkName, partition.skName].sort();
  const names = Object.keys(lastKey).sort();
  if (names.length !== expected.length || names.some((name, index) => name !== expected[index])) return false;
  if (!Object.values(lastKey).every((value) => typeof value === 'string')) return false;
  return (
    lastKey[partition.pkName] === partition.pk &&
    String(lastKey.pk).startsWith('ITEM#') &&
    lastKey.sk === 'ITEM'
  );
}

export function decodeCursor(
  cursor: string | undefined,
  filters: string,
  partitions: readonly PartitionKey[],
): Position {
  if (!cursor) return { partition: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!parsed || typeof parsed !== 'object') throw invalid();
  const { partition, lastKey, f } = parsed as { partition?: unknown; lastKey?: unknown; f?: unknown };
  if (f !== filters || typeof partition !== 'number' || !Number.isInteger(partition) || partition < 0)
    throw invalid();
  const planned = partitions[partition];
  if (!planned) throw invalid();
  if (lastKey === undefined) return { partition };
  if (typeof lastKey !== 'object' || lastKey === null || Array.isArray(lastKey)) throw invalid();
  const key = lastKey as Record<string, unknown>;
  if (!fitsPartition(key, planned)) throw invalid();
  return { partition, lastKey: key };
}
