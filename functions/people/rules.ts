import { actorOf } from '#shared/domain/actor';
import { isUnitBound, type Principal } from '#shared/domain/roles';
import { ForbiddenError, NotFoundError, UnprocessableError } from '#shared/errors';
import type { Person, PersonEvent } from '#shared/schemas/people';
import type { PeopleDeps } from './deps';

export const personNotFound = (personId: string) =>
  new NotFoundError('PERSON_NOT_FOUND', `找不到人员“${personId}”`);

/** A unit-admin manages its own unit's 信息员 only; an admin anyone. */
export const unitAdminScope = () =>
  new ForbiddenError('PERSON_SCOPE', '单位管理员只能管理本单位信息员的账号');

/** Whether the caller may see this person: admins everyone, a unit-admin its own unit's people. */
export function canSee(principal: Principal, person: Person): boolean {
  return !isUnitBound(principal) || person.unitId === principal.unitId;
}

/** Whether the caller may change this person's account. */
export function canManage(principal: Principal, person: Person): boolean {
  if (!isUnitBound(principal)) return principal.role === 'admin';
  return principal.role === 'unit-admin' && person.unitId === principal.unitId && person.role === 'reporter';
}

/** The person as the caller may reach it: another unit's person is not found (never forbidden). */
export async function reachablePerson(deps: PeopleDeps, principal: Principal, personId: string) {
  const person = await deps.people.get(personId);
  if (!person || !canSee(principal, person)) throw personNotFound(personId);
  return person;
}

export async function managedPerson(deps: PeopleDeps, principal: Principal, personId: string) {
  const person = await reachablePerson(deps, principal, personId);
  if (!canManage(principal, person)) throw unitAdminScope();
  return person;
}

/** A unit role's unit must exist and be active. */
export async function checkUnit(deps: PeopleDeps, unitId: string | undefined): Promise<void> {
  if (!unitId) return;
  const unit = await deps.units.get(unitId);
  if (!unit) throw new UnprocessableError('UNIT_NOT_FOUND', `找不到单位“${unitId}”，无法绑定人员`);
  if (!unit.active) throw new UnprocessableError('UNIT_INACTIVE', `单位“${unit.name}”已停用，不能绑定人员`);
}

export function auditEvent(
  principal: Principal,
  at: string,
  action: PersonEvent['action'],
  changes?: string[],
): PersonEvent {
  return { at, ...actorOf(principal), role: principal.role, action, ...(changes ? { changes } : {}) };
}
