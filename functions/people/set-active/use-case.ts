import type { Principal } from '#shared/domain/roles';
import { UnprocessableError } from '#shared/errors';
import type { Person } from '#shared/schemas/people';
import type { PeopleDeps } from '../deps';
import { auditEvent, managedPerson } from '../rules';

/**
 * 停用 / 启用. Disabling stores our record first — the authorizer reads it, so the person is
 * refused within its cache time even if the pool's call then fails — and then disables the user
 * in the pool; enabling goes the other way round. Repeating either changes nothing more (no second
 * audit event) but repeats the pool's call, so a half-done earlier attempt is completed.
 */
export async function setPersonActive(
  deps: PeopleDeps,
  principal: Principal,
  personId: string,
  active: boolean,
): Promise<Person> {
  const current = await managedPerson(deps, principal, personId);
  if (!active && principal.personId === current.personId)
    throw new UnprocessableError('CANNOT_DISABLE_SELF', '不能停用自己的账号');
  if (active) await deps.identity.enable(current.username);
  if (current.active === active) {
    if (!active) await deps.identity.disable(current.username);
    return current;
  }
  const at = deps.now().toISOString();
  const next: Person = { ...current, active, version: current.version + 1, updatedAt: at };
  await deps.people.replace(next, current.version, auditEvent(principal, at, active ? 'enable' : 'disable'));
  if (!active) await deps.identity.disable(current.username);
  return next;
}
