import { isUnitBound, type Principal } from '#shared/domain/roles';
import { NotFoundError } from '#shared/errors';
import type { Unit } from '#shared/schemas/units';
import type { UnitsDeps } from '../deps';

export function unitNotFound(id: string): NotFoundError {
  return new NotFoundError('UNIT_NOT_FOUND', `找不到单位“${id}”`);
}

/** A reporter asking for another unit gets the same 404 as for a unit that does not exist. */
export async function getUnit(deps: UnitsDeps, principal: Principal, id: string): Promise<Unit> {
  if (isUnitBound(principal) && principal.unitId !== id) throw unitNotFound(id);
  const unit = await deps.units.get(id);
  if (!unit) throw unitNotFound(id);
  return unit;
}
