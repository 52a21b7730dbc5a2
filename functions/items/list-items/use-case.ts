import { monthOf } from '#shared/domain/periods';
import { isUnitBound, type Principal } from '#shared/domain/roles';
import { NotFoundError } from '#shared/errors';
import type { Item, ItemListQuery } from '#shared/schemas/items';
import type { ItemPageQuery } from '#shared/store/ports';
import type { ItemsDeps } from '../deps';
import { decodeCursor, encodeCursor, fingerprint } from './cursor';

type Partition = Pick<ItemPageQuery, 'IndexName'> & { pk: string; pkName: string; skName: string };

/** With no unit or status to key on, the month index is walked back this far by default. */
const defaultMonthsBack = 12;

/**
 * Partitions read at once at first: the newest two. A wave whose months all ran out without
 * filling the list doubles the next one (2, 4, 8: an empty year takes 3 round trips instead of
 * 13); a month with more behind it is read on alone, page by page, as the month-by-month walk
 * reads it. The price is at most the pages of a wave after the one that fills the list: read, not
 * used (an empty month costs DynamoDB's minimum read, as it does when walked one by one).
 */
const firstWave = 2;

const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();
const endOf = (date: string) => new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString();

function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  const cursor = new Date(`${to}-01T00:00:00Z`);
  while (cursor.toISOString().slice(0, 7) >= from) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() - 1);
  }
  return months;
}

/** The index partitions to read, newest first: a unit's items, a status queue, or the months. */
function plan(query: ItemListQuery, now: Date): Partition[] {
  if (query.unitId)
    return [{ IndexName: 'gsi2', pk: `UNITITEMS#${query.unitId}`, pkName: 'gsi2pk', skName: 'gsi2sk' }];
  if (query.status)
    return [{ IndexName: 'gsi1', pk: `QUEUE#${query.status}`, pkName: 'gsi1pk', skName: 'gsi1sk' }];
  const to = query.to ? monthOf(new Date(endOf(query.to))) : monthOf(now);
  const fallback = new Date(now);
  fallback.setUTCMonth(fallback.getUTCMonth() - defaultMonthsBack);
  const from = query.from ? query.from.slice(0, 7) : monthOf(fallback);
  return monthsBetween(from, to).map((month) => ({
    IndexName: 'gsi3',
    pk: `ITEMS#${month}`,
    pkName: 'gsi3pk',
    skName: 'gsi3sk',
  }));
}

function pageQuery(partition: Partition, query: ItemListQuery, limit: number): ItemPageQuery {
  const names: Record<string, string> = { '#pk': partition.pkName };
  const values: Record<string, unknown> = { ':pk': partition.pk };
  let key = '#pk = :pk';
  if (query.from && query.to) {
    key += ' AND #sk BETWEEN :from AND :to';
    Object.assign(values, { ':from': startOf(query.from), ':to': endOf(query.to) });
  } else if (query.from) {
    key += ' AND #sk >= :from';
    values[':from'] = startOf(query.from);
  } else if (query.to) {
    key += ' AND #sk < :to';
    values[':to'] = endOf(query.to);
  }
  if (query.from || query.to) names['#sk'] = partition.skName;
  const filters: string[] = [];
  if (query.status && partition.IndexName !== 'gsi1') {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.urgency) {
    filters.push('urgency = :urgency');
    values[':urgency'] = query.urgency;
  }
  if (query.hasWarnings) {
    filters.push(query.hasWarnings === 'true' ? 'warnings > :zero' : 'warnings = :zero');
    values[':zero'] = 0;
  }
  return {
    IndexName: partition.IndexName,
    KeyConditionExpression: key,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    Limit: limit,
    ScanIndexForward: false,
  };
}

function summary(item: Item) {
  const { itemId, unitId, status, title, eventDate, urgency, openness, submittedAt, version } = item;
  return {
    itemId,
    unitId,
    status,
    title,
    eventDate,
    urgency,
    openness,
    submittedAt,
    version,
    warnings: item.findings.length,
  };
}

/**
 * The editor's queue and a unit's own list: newest first, filtered, with an opaque cursor.
 * Every read is a Query on an index (never a Scan); a reporter always gets their own unit.
 */
export async function listItems(deps: ItemsDeps, principal: Principal, input: ItemListQuery) {
  if (isUnitBound(principal) && input.unitId && input.unitId !== principal.unitId) {
    throw new NotFoundError('UNIT_NOT_FOUND', `找不到单位“${input.unitId}”`);
  }
  const query: ItemListQuery = isUnitBound(principal) ? { ...input, unitId: principal.unitId } : input;
  const limit = query.limit ?? 20;
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const print = fingerprint(filters);
  const partitions = plan(query, deps.now());
  let position = decodeCursor(input.cursor, print, partitions);
  const items: Item[] = [];
  let waveSize = firstWave;
  while (items.length < limit && position.partition < partitions.length) {
    const remaining = limit - items.length;
    // The next few partitions at once (the months back of an editor's list are often empty):
    // each page is read as the sequential walk would read it, and pages are taken in order while
    // they fit whole; the first that does not (or has more behind it) ends the wave.
    const wave = partitions.slice(position.partition, position.partition + waveSize);
    const pages = await Promise.all(
      wave.map((partition, index) =>
        deps.items.page({
          ...pageQuery(partition, query, remaining),
          ...(index === 0 && position.lastKey ? { ExclusiveStartKey: position.lastKey } : {}),
        }),
      ),
    );
    let used = 0;
    for (const [index, page] of pages.entries()) {
      // Only the wave's first page is read with the room left; a later one that no longer fits
      // is read again, on its own, by the next turn of the loop.
      if (index > 0 && page.items.length > limit - items.length) break;
      items.push(...page.items);
      used += 1;
      position = page.lastKey
        ? { partition: position.partition, lastKey: page.lastKey }
        : { partition: position.partition + 1 };
      if (page.lastKey || items.length >= limit) break;
    }
    waveSize = used === pages.length && !position.lastKey ? waveSize * 2 : 1;
  }
  const more = position.partition < partitions.length;
  return {
    items: items.map(summary),
    ...(more ? { nextCursor: encodeCursor(position, print) } : {}),
  };
}
