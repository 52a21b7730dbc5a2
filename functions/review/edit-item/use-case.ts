import { actorOf } from '#shared/domain/actor';
import { canEdit, statusLabel } from '#shared/domain/items/lifecycle';
import type { Principal } from '#shared/domain/roles';
import { ConflictError } from '#shared/errors';
import type { Item } from '#shared/schemas/items';
import { itemNotFound } from '../../items/access';
import type { ReviewDeps } from '../deps';

/** The editor's version sits beside the unit's text, which is never changed. */
export async function editItem(
  deps: ReviewDeps,
  editor: Principal,
  itemId: string,
  input: { title: string; body: string; version: number },
): Promise<Item> {
  const current = await deps.items.get(itemId);
  if (!current) throw itemNotFound(itemId);
  if (current.version !== input.version)
    throw new ConflictError('VERSION_CONFLICT', '稿件已被他人处理或修改，请刷新后再操作');
  if (!canEdit(current.status)) {
    throw new ConflictError('NOT_EDITABLE', `稿件当前状态为“${statusLabel[current.status]}”，不能再修改`);
  }
  const at = deps.now().toISOString();
  const next: Item = {
    ...current,
    edited: { title: input.title, body: input.body, at, ...actorOf(editor) },
    updatedAt: at,
    version: current.version + 1,
  };
  await deps.items.update(next, current.version, [
    { at, ...actorOf(editor), role: editor.role, action: 'edit', from: current.status, to: current.status },
  ]);
  return next;
}
