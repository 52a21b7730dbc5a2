import { ConflictError } from '#shared/errors';
import type { Unit, UnitUpdate } from '#shared/schemas/units';
import type { UnitsDeps } from '../deps';
import { unitNotFound } from '../get-unit/use-case';

export async function updateUnit(deps: UnitsDeps, id: string, change: UnitUpdate): Promise<Unit> {
  const current = await deps.units.get(id);
  if (!current) throw unitNotFound(id);
  if (current.version !== change.version) {
    throw new ConflictError('VERSION_CONFLICT', '单位信息已被他人修改，请刷新后重试');
  }
  const { version, headEmail, ...fields } = change;
  const next: Unit = {
    ...current,
    ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
    version: version + 1,
    updatedAt: deps.now().toISOString(),
  };
  if (headEmail === null) delete next.headEmail;
  else if (headEmail !== undefined) next.headEmail = headEmail;
  await deps.units.replace(next, version);
  return next;
}
