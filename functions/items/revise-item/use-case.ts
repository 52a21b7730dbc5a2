import { actorOf } from '#shared/domain/actor';
import { canRevise, statusLabel } from '#shared/domain/items/lifecycle';
import type { UnitPrincipal } from '#shared/domain/roles';
import { ConflictError } from '#shared/errors';
import type { Item, ItemRevise } from '#shared/schemas/items';
import { readableItem } from '../access';
import type { ItemsDeps } from '../deps';
import { itemSeenBy } from '../item-view';
import { signOff } from '../sign-off';
import { assess, refuseUnacceptable } from '../submission-rules';

type Reporter = UnitPrincipal;

/**
 * A returned item revised by its unit goes back to the queue; the text it replaces is kept in
 * `revisions`, unchanged, and the editor's version of that text is dropped. The answer names only
 * the unit's own similar items.
 */
export async function reviseItem(
  deps: ItemsDeps,
  principal: Reporter,
  itemId: string,
  input: ItemRevise,
): Promise<Item> {
  const now = deps.now();
  refuseUnacceptable(input, now);
  const current = await readableItem(deps.items, principal, itemId);
  if (current.unitId !== principal.unitId)
    throw new ConflictError('NOT_OWN_ITEM', '只有原报送单位可以修改这篇稿件');
  if (!canRevise(current.status)) {
    throw new ConflictError(
      'NOT_RETURNED',
      `稿件当前状态为“${statusLabel[current.status]}”，只有退回修改的稿件可以修改重报`,
    );
  }
  if (current.version !== input.version)
    throw new ConflictError('VERSION_CONFLICT', '稿件已被他人处理或修改，请刷新后再操作');
  const at = now.toISOString();
  const author = await signOff(deps.people, principal, input.author);
  const { findings, duplicates } = await assess(deps.items, { ...input, author }, now, itemId);
  const { version: _version, secrecy: _secrecy, ...fields } = input;
  // The editor's version was an edit of the text this revision replaces: it no longer applies,
  // and left in place it would be published (and shown as 改稿对照) instead of the unit's new text.
  const { edited: _superseded, ...kept } = current;
  const next: Item = {
    ...kept,
    ...fields,
    author,
    status: 'submitted',
    revisions: [
      ...current.revisions,
      { title: current.title, body: current.body, at: current.updatedAt, by: current.unitId },
    ],
    findings,
    duplicates,
    updatedAt: at,
    version: current.version + 1,
  };
  await deps.items.update(next, current.version, [
    { at, ...actorOf(principal), role: principal.role, action: 'revise', from: 'returned', to: 'submitted' },
  ]);
  return itemSeenBy(principal, next);
}
