import type { Principal } from '#shared/domain/roles';
import { ConflictError } from '#shared/errors';
import { logger } from '#shared/http/logger';
import type { Bulletin } from '#shared/schemas/bulletins';
import type { BulletinsDeps } from '../deps';
import { existingBulletin } from '../rules';

/** 撤回: the number stays taken, the issue leaves the public site and its search. */
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
  await deps.bulletins.replace(next, current.version);
  logger.info('bulletin withdrawn', { bulletinId, by: editor.tokenId });
  await deps.archive.bulletinChanged(next).catch((error: unknown) => {
    logger.error('archive update failed; run `archive rebuild`', {
      bulletinId,
      error: error instanceof Error ? error.message : 'unknown',
    });
  });
  return next;
}
