import { UnprocessableError } from '#shared/errors';
import type { Bulletin, BulletinUpdate } from '#shared/schemas/bulletins';
import type { BulletinsDeps } from '../deps';
import { activeSeries, bulletinItems, candidateItems, existingBulletin, requireDraft } from '../rules';

/** Reorders and edits a draft; the adopted text given here is what the issue prints. */
export async function updateBulletin(
  deps: BulletinsDeps,
  bulletinId: string,
  input: BulletinUpdate,
): Promise<Bulletin> {
  const current = await existingBulletin(deps, bulletinId);
  requireDraft(current, input.version);
  let items = current.items;
  if (input.items) {
    const series = await activeSeries(deps, current.seriesId);
    const fresh = await bulletinItems(
      deps,
      await candidateItems(
        deps,
        series,
        input.items.map((entry) => entry.itemId),
      ),
    );
    items = fresh.map((entry, index) => {
      const edit = input.items?.[index];
      if (!edit) throw new UnprocessableError('ITEM_MISSING', '稿件列表不完整');
      return { ...entry, title: edit.title, body: edit.body };
    });
  }
  const next: Bulletin = {
    ...current,
    items,
    ...(input.signer ? { signer: input.signer } : {}),
    ...(input.distribution ? { distribution: input.distribution } : {}),
    updatedAt: deps.now().toISOString(),
    version: current.version + 1,
  };
  await deps.bulletins.replace(next, current.version);
  return next;
}
