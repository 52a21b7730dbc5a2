import { actorOf } from '#shared/domain/actor';
import { newId } from '#shared/domain/ids';
import { canMerge, statusLabel } from '#shared/domain/items/lifecycle';
import { creditedPeople } from '#shared/domain/person-ranking';
import type { Principal } from '#shared/domain/roles';
import { ConflictError, UnprocessableError } from '#shared/errors';
import type { HistoryEvent, Item } from '#shared/schemas/items';
import { itemNotFound } from '../../items/access';
import type { ReviewDeps } from '../deps';

/**
 * 综合信息: several units' items become one candidate credited to all of them. The sources
 * are kept (status merged, pointing at the result) so their history and counters stay true.
 */
export async function mergeItems(
  deps: ReviewDeps,
  editor: Principal,
  input: { itemIds: string[]; title: string; body: string; comment?: string },
): Promise<Item> {
  const ids = [...new Set(input.itemIds)];
  if (ids.length < 2) throw new UnprocessableError('MERGE_NEEDS_TWO', '至少选择两篇不同的稿件才能合并');
  const sources: Item[] = [];
  for (const id of ids) {
    const source = await deps.items.get(id);
    if (!source) throw itemNotFound(id);
    if (!canMerge(source.status)) {
      throw new ConflictError(
        'NOT_MERGEABLE',
        `稿件“${source.title}”当前状态为“${statusLabel[source.status]}”，不能合并`,
      );
    }
    sources.push(source);
  }
  const [primary] = sources;
  if (!primary) throw new UnprocessableError('MERGE_NEEDS_TWO', '至少选择两篇不同的稿件才能合并');
  const now = deps.now();
  const at = now.toISOString();
  const mergedId = newId('it', now);
  const units = [...new Set(sources.map((source) => source.unitId))];
  const merged: Item = {
    itemId: mergedId,
    unitId: primary.unitId,
    status: 'candidate',
    title: input.title,
    body: input.body,
    eventDate:
      sources
        .map((source) => source.eventDate)
        .sort()
        .at(-1) ?? primary.eventDate,
    urgency: sources.some((source) => source.urgency === 'important') ? 'important' : 'normal',
    // One internal source keeps the whole 综合信息 off the public archive.
    openness: sources.every((source) => source.openness === 'public') ? 'public' : 'internal',
    approver: primary.approver,
    author: primary.author,
    submittedAt: at,
    updatedAt: at,
    revisions: [],
    edited: { title: input.title, body: input.body, at, ...actorOf(editor) },
    findings: [],
    duplicates: [],
    coUnits: units.filter((unit) => unit !== primary.unitId),
    mergedFrom: ids,
    // The persons of the sources, credited for what the 综合信息 earns as their units are.
    sourcePeople: creditedPeople({
      unitId: primary.unitId,
      sourcePeople: sources.flatMap((source) => creditedPeople(source)),
    }),
    version: 1,
  };
  const event = (from: string | undefined, to: string): HistoryEvent => ({
    at,
    ...actorOf(editor),
    role: editor.role,
    action: 'merge',
    ...(from ? { from } : {}),
    to,
    ...(input.comment ? { comment: input.comment } : {}),
  });
  await deps.items.updateMany(
    [
      { item: merged, expectedVersion: undefined },
      ...sources.map((source) => ({
        item: {
          ...source,
          status: 'merged' as const,
          mergedInto: mergedId,
          updatedAt: at,
          version: source.version + 1,
        },
        expectedVersion: source.version,
      })),
    ],
    [
      { itemId: mergedId, event: event(undefined, 'candidate') },
      ...sources.map((source) => ({ itemId: source.itemId, event: event(source.status, 'merged') })),
    ],
  );
  return merged;
}
