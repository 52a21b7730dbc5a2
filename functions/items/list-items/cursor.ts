import { createHash } from 'node:crypto';
import { BadRequestError } from '#shared/errors';

export interface Position {
  /** Which partition of the plan the next page starts in. */
  partition: number;
  lastKey?: Record<string, unknown>;
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

export function decodeCursor(cursor: string | undefined, filters: string): Position {
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
  if (lastKey !== undefined && (typeof lastKey !== 'object' || lastKey === null)) throw invalid();
  return { partition, ...(lastKey ? { lastKey: lastKey as Record<string, unknown> } : {}) };
}
