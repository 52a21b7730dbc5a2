import { isUnitBound, isUnitRole, type Principal, roleLabels } from '#shared/domain/roles';
import { ConflictError, ForbiddenError, ValidationError } from '#shared/errors';
import type { Person, PersonUpdate } from '#shared/schemas/people';
import type { PeopleDeps } from '../deps';
import { auditEvent, checkUnit, managedPerson } from '../rules';

/**
 * Name, phone and e-mail by an admin or the person's unit-admin; role and unit by an admin only.
 * The pool is changed first (its calls can be repeated), then our record at the version read,
 * with the audit event naming who acted. A role change moves the person to the new role's group.
 */
export async function updatePerson(
  deps: PeopleDeps,
  principal: Principal,
  personId: string,
  change: PersonUpdate,
): Promise<Person> {
  const current = await managedPerson(deps, principal, personId);
  if (isUnitBound(principal) && (change.role !== undefined || change.unitId !== undefined))
    throw new ForbiddenError('PERSON_FIELD_ADMIN_ONLY', '只有系统管理员可以修改人员的角色和所属单位');
  if (current.version !== change.version)
    throw new ConflictError('VERSION_CONFLICT', '人员信息已被他人修改，请刷新后重试');

  const role = change.role ?? current.role;
  const unitId = isUnitRole(role)
    ? change.unitId === undefined
      ? current.unitId
      : (change.unitId ?? undefined)
    : undefined;
  if (isUnitRole(role) && !unitId)
    throw new ValidationError([{ path: 'unitId', message: `${roleLabels[role]}必须指定所属单位` }]);
  if (unitId !== current.unitId) await checkUnit(deps, unitId);

  const next: Person = {
    ...current,
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.email !== undefined ? { email: change.email } : {}),
    role,
    version: current.version + 1,
    updatedAt: deps.now().toISOString(),
  };
  if (change.phone === null) delete next.phone;
  else if (change.phone !== undefined) next.phone = change.phone;
  if (unitId) next.unitId = unitId;
  else delete next.unitId;

  const changed = (['name', 'phone', 'email', 'role', 'unitId'] as const).filter(
    (field) => next[field] !== current[field],
  );
  if (changed.length === 0) return current;

  const attributes = {
    ...(next.name !== current.name ? { name: next.name } : {}),
    ...(next.email !== current.email && next.email ? { email: next.email } : {}),
    ...(next.unitId !== current.unitId ? { unitId: next.unitId ?? null } : {}),
  };
  await deps.identity.updateAttributes(current.username, attributes);
  if (role !== current.role) {
    await deps.identity.addToGroup(current.username, role);
    await deps.identity.removeFromGroup(current.username, current.role);
  }
  await deps.people.replace(
    next,
    current.version,
    auditEvent(principal, next.updatedAt ?? '', 'update', changed),
  );
  return next;
}
