import type { Unit } from '#shared/schemas/units';
import type { UnitsDeps } from '../deps';

export interface ListUnitsQuery {
  class?: Unit['class'];
  active?: 'true' | 'false';
}

export async function listUnits(deps: UnitsDeps, query: ListUnitsQuery) {
  const all = await deps.units.list();
  const units = all.filter(
    (unit) =>
      (!query.class || unit.class === query.class) &&
      (query.active === undefined || String(unit.active) === query.active),
  );
  units.sort((a, b) => a.class.localeCompare(b.class) || a.id.localeCompare(b.id));
  return { units, count: units.length };
}
