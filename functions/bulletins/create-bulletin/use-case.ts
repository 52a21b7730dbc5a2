import { newId } from '#shared/domain/ids';
import { yearOf } from '#shared/domain/periods';
import type { Principal } from '#shared/domain/roles';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { DraftDeps } from '../deps';
import { activeSeries, bulletinItems, candidateItems } from '../rules';

/** A draft issue from candidate items, in the order given; numbers come only at publication. */
export async function createBulletin(
  deps: DraftDeps,
  editor: Principal,
  input: { seriesId: string; itemIds: string[] },
): Promise<Bulletin> {
  const series = await activeSeries(deps, input.seriesId);
  const items = await candidateItems(deps, series, input.itemIds);
  const now = deps.now();
  const at = now.toISOString();
  const bulletin: Bulletin = {
    bulletinId: newId('bl', now),
    seriesId: series.seriesId,
    seriesName: series.name,
    year: Number(yearOf(now)),
    status: 'draft',
    items: bulletinItems(await deps.units.list(), items),
    editor: editor.tokenId,
    distribution: { report: [], send: [], issue: [] },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await deps.bulletins.create(bulletin);
  return bulletin;
}
