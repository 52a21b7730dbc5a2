import { actorOf } from '#shared/domain/actor';
import type { Principal } from '#shared/domain/roles';
import type { Bulletin, BulletinItem, BulletinUpdate } from '#shared/schemas/bulletins';
import type { Item } from '#shared/schemas/items';
import type { DraftWrite } from '#shared/store/dynamo/bulletins';
import type { DraftDeps } from '../deps';
import {
  activeSeries,
  adoptedText,
  bulletinItems,
  candidateItems,
  existingBulletin,
  requireDraft,
  requireUnchanged,
} from '../rules';

type EntryUpdate = NonNullable<BulletinUpdate['items']>[number];

/**
 * The editor's text for one entry becomes the item's adopted version (its `edited` text), so
 * the issue prints what the item holds. Changing the text of an item that moved since the draft
 * recorded it would overwrite what the editor has not seen: refused as stale.
 */
function editOf(
  editor: Principal,
  item: Item,
  update: EntryUpdate,
  recorded: BulletinItem | undefined,
  at: string,
): DraftWrite['edits'][number] | undefined {
  const current = adoptedText(item);
  const wanted = { title: update.title ?? current.title, body: update.body ?? current.body };
  if (wanted.title === current.title && wanted.body === current.body) return undefined;
  if (recorded) requireUnchanged(recorded, item);
  return {
    item: {
      ...item,
      edited: { ...wanted, at, ...actorOf(editor) },
      updatedAt: at,
      version: item.version + 1,
    },
    expectedVersion: item.version,
    event: { at, ...actorOf(editor), role: editor.role, action: 'edit', from: item.status, to: item.status },
  };
}

/**
 * Reorders and edits a draft. Listing the items refreshes them: each entry is rebuilt from its
 * item as it is now (openness, adopted text, version); an entry given a text different from the
 * item's adopted version edits that version, in the same transaction as the draft.
 */
export async function updateBulletin(
  deps: DraftDeps,
  editor: Principal,
  bulletinId: string,
  input: BulletinUpdate,
): Promise<Bulletin> {
  const current = await existingBulletin(deps, bulletinId);
  requireDraft(current, input.version);
  const at = deps.now().toISOString();
  let items = current.items;
  const edits: DraftWrite['edits'] = [];
  if (input.items) {
    const updates = input.items;
    const series = await activeSeries(deps, current.seriesId);
    const fresh = await candidateItems(
      deps,
      series,
      updates.map((entry) => entry.itemId),
    );
    const recorded = new Map(current.items.map((entry) => [entry.itemId, entry]));
    const saved = fresh.map((item, index) => {
      const update = updates[index];
      const edit = update && editOf(editor, item, update, recorded.get(item.itemId), at);
      if (edit) edits.push(edit);
      return edit?.item ?? item;
    });
    items = bulletinItems(await deps.units.list(), saved);
  }
  const next: Bulletin = {
    ...current,
    items,
    ...(input.signer ? { signer: input.signer } : {}),
    ...(input.distribution ? { distribution: input.distribution } : {}),
    updatedAt: at,
    version: current.version + 1,
  };
  await deps.bulletins.saveDraft({ bulletin: next, expectedVersion: current.version, edits });
  return next;
}
