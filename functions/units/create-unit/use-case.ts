import type { Unit, UnitCreate } from '#shared/schemas/units';
import type { UnitsDeps } from '../deps';

export async function createUnit(deps: UnitsDeps, input: UnitCreate): Promise<Unit> {
  const now = deps.now().toISOString();
  const unit: Unit = { ...input, active: true, createdAt: now, updatedAt: now, version: 1 };
  await deps.units.create(unit);
  return unit;
}
