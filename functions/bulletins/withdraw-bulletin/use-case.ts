import { personOf } from '#shared/domain/actor';
import { creditedPeople } from '#shared/domain/person-ranking';
import type { Principal } from '#shared/domain/roles';
import { ConflictError } from '#shared/errors';
import { logger } from '#shared/http/logger';
import type { Bulletin } from '#shared/schemas/bulletins';
import { personChangesAt } from '#shared/store/dynamo/person-counters';
import { reverseAdoptions } from '../adoption-points';
import type { BulletinsDeps } from '../deps';
import { existingBulletin } from '../rules';

/** The adoption lines the issue's credited units hold at its publication moment. */
async function earnedLines(deps: BulletinsDeps, issue: Bulletin) {
  const at = issue.publishedAt;
  if (!at) return [];
  const unitIds = [...new Set(issue.items.flatMap((entry) => [entry.unitId, ...entry.coUnits]))];
  return (await Promise.all(unitIds.map((unitId) => deps.bulletins.ledgerAt(unitId, at)))).flat();
}

/** The adoptions the issue counted for the persons its items credit, taken back at its publication moment. */
async function takenBackFromPeople(deps: BulletinsDeps, issue: Bulletin) {
  if (!issue.publishedAt) return [];
  const at = new Date(issue.publishedAt);
  const items = await Promise.all(issue.items.map((entry) => deps.items.get(entry.itemId)));
  return items.flatMap((item) => (item ? personChangesAt(creditedPeople(item), at, { adopted: -1 }) : []));
}

/**
 * 撤回: the number stays taken, the issue leaves the public site and its search, and in the same
 * transaction the points and adoptions it earned are taken back (a unit reads
 * 「《政务信息》2026年第12期撤回 -3」), so scores and rankings at once equal what a replay gives.
 */
export async function withdrawBulletin(
  deps: BulletinsDeps,
  editor: Principal,
  bulletinId: string,
  input: { version: number; reason: string },
): Promise<Bulletin> {
  const current = await existingBulletin(deps, bulletinId);
  if (current.status !== 'published') {
    throw new ConflictError('NOT_PUBLISHED', '只有已发布的期刊可以撤回');
  }
  if (current.version !== input.version)
    throw new ConflictError('VERSION_CONFLICT', '这一期已被他人修改，请刷新后再操作');
  const at = deps.now().toISOString();
  const next: Bulletin = {
    ...current,
    status: 'withdrawn',
    withdrawnAt: at,
    withdrawReason: input.reason,
    updatedAt: at,
    version: current.version + 1,
  };
  const unitClasses = new Map((await deps.units.list()).map((unit) => [unit.id, unit.class]));
  await deps.bulletins.withdraw({
    bulletin: next,
    expectedVersion: current.version,
    ...personOf(editor),
    personCounters: await takenBackFromPeople(deps, current),
    ...reverseAdoptions(current, await earnedLines(deps, current), unitClasses),
  });
  logger.info('bulletin withdrawn', { bulletinId, by: editor.tokenId });
  await deps.archive.bulletinChanged(next).catch((error: unknown) => {
    logger.error('archive update failed; run `archive rebuild`', {
      bulletinId,
      error: error instanceof Error ? error.name : 'unknown',
    });
  });
  return next;
}
