import { statusLabel } from '#shared/domain/items/lifecycle';
import { ConflictError, NotFoundError, UnprocessableError } from '#shared/errors';
import type { Bulletin, BulletinItem, Series } from '#shared/schemas/bulletins';
import type { Item } from '#shared/schemas/items';
import type { Unit } from '#shared/schemas/units';
import type { DraftDeps } from './deps';

export function bulletinNotFound(bulletinId: string): NotFoundError {
  return new NotFoundError('BULLETIN_NOT_FOUND', `找不到期刊“${bulletinId}”`);
}

export async function existingBulletin(deps: DraftDeps, bulletinId: string): Promise<Bulletin> {
  const bulletin = await deps.bulletins.get(bulletinId);
  if (!bulletin) throw bulletinNotFound(bulletinId);
  return bulletin;
}

export function requireDraft(bulletin: Bulletin, expectedVersion: number): void {
  if (bulletin.status !== 'draft') {
    throw new ConflictError(
      bulletin.status === 'published' ? 'ALREADY_PUBLISHED' : 'BULLETIN_WITHDRAWN',
      `《${bulletin.seriesName}》${bulletin.year}年第${bulletin.number}期已${bulletin.status === 'published' ? '发布' : '撤回'}，不能再修改或发布`,
    );
  }
  if (bulletin.version !== expectedVersion) {
    throw new ConflictError('VERSION_CONFLICT', '这一期已被他人修改，请刷新后再操作');
  }
}

export async function activeSeries(deps: DraftDeps, seriesId: string): Promise<Series> {
  const series = (await deps.series.list()).find((entry) => entry.seriesId === seriesId);
  if (!series?.active) throw new UnprocessableError('SERIES_NOT_FOUND', `没有启用的刊物“${seriesId}”`);
  return series;
}

/**
 * The items of an issue must all be 拟采用 candidates right now; a public-only series refuses
 * internal items. Returns them in the requested order.
 */
export async function candidateItems(deps: DraftDeps, series: Series, itemIds: string[]): Promise<Item[]> {
  if (new Set(itemIds).size !== itemIds.length) {
    throw new UnprocessableError('DUPLICATE_ITEM', '同一篇稿件在本期中出现了不止一次');
  }
  const items: Item[] = [];
  for (const itemId of itemIds) {
    const item = await deps.items.get(itemId);
    if (!item) throw new UnprocessableError('ITEM_NOT_FOUND', `找不到稿件“${itemId}”`);
    if (item.status !== 'candidate') {
      throw new ConflictError(
        item.status === 'adopted' ? 'ITEM_ALREADY_ADOPTED' : 'ITEM_NOT_CANDIDATE',
        item.status === 'adopted'
          ? `稿件“${item.title}”已在另一期发布`
          : `稿件“${item.title}”当前为“${statusLabel[item.status]}”，只有“拟采用”的稿件可以编入期刊`,
      );
    }
    if (series.publicOnly && item.openness === 'internal') {
      throw new UnprocessableError(
        'INTERNAL_IN_PUBLIC_SERIES',
        `《${series.name}》只收可公开的稿件，“${item.title}”标为内部`,
      );
    }
    items.push(item);
  }
  return items;
}

/** The adopted version of an item: the editor's edited text where there is one, else the unit's. */
export function adoptedText(item: Item): { title: string; body: string } {
  const text = item.edited ?? item;
  return { title: text.title, body: text.body };
}

/**
 * An issue's entries as the items are now: openness from the item, text from its adopted
 * version, and the item version they reflect (publishing checks it has not moved since).
 */
export function bulletinItems(unitList: readonly Pick<Unit, 'id' | 'name'>[], items: Item[]): BulletinItem[] {
  const units = new Map(unitList.map((unit) => [unit.id, unit.name]));
  return items.map((item) => {
    const credited = [item.unitId, ...item.coUnits];
    return {
      itemId: item.itemId,
      unitId: item.unitId,
      coUnits: item.coUnits,
      unitNames: credited.map((id) => units.get(id) ?? id),
      ...adoptedText(item),
      openness: item.openness,
      itemVersion: item.version,
    };
  });
}

/**
 * Refuses a draft entry whose item changed after the draft recorded it (returned, revised,
 * re-edited, openness changed …): the editor must look at the item as it is now. An entry saved
 * before versions were recorded counts as changed.
 */
export function requireUnchanged(entry: BulletinItem, item: Item): void {
  if (entry.itemVersion === item.version) return;
  throw new ConflictError(
    'DRAFT_STALE',
    `稿件“${adoptedText(item).title}”在本期草稿保存后已有改动（如退回修改、单位重报或重新编辑），请刷新草稿、核对后再操作`,
    [{ path: 'items', message: '稿件已有改动', itemId: item.itemId }],
  );
}
