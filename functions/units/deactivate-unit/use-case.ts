import { ConflictError } from '#shared/errors';
import type { Unit } from '#shared/schemas/units';
import type { UnitsDeps } from '../deps';
import { unitNotFound } from '../get-unit/use-case';

/** Deactivation keeps the unit and everything it reported; it only leaves future lists and quotas. */
export async function deactivateUnit(deps: UnitsDeps, id: string, version: number): Promise<Unit> {
  const current = await deps.units.get(id);
  if (!current) throw unitNotFound(id);
  if (current.version !== version) {
    throw new ConflictError('VERSION_CONFLICT', '单位信息已被他人修改，请刷新后重试');
  }
  if (!current.active) return current;
  const next: Unit = { ...current, active: false, version: version + 1, updatedAt: deps.now().toISOString() };
  await deps.units.replace(next, version);
  return next;
}
