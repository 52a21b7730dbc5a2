import { isUnitBound, type Principal } from '#shared/domain/roles';
import { ConflictError, NotFoundError } from '#shared/errors';
import type { Person, PersonCreate } from '#shared/schemas/people';
import type { PeopleDeps } from '../deps';
import { auditEvent, checkUnit, unitAdminScope } from '../rules';

export type PersonCreated = Person & {
  temporaryPassword?: string;
  invitation: 'mailed' | 'returned' | 'none';
};

const exists = (username: string) =>
  new ConflictError('PERSON_EXISTS', `用户名“${username}”已被其他人员使用，请换一个用户名`);

function isUsernameTaken(error: unknown): boolean {
  return error instanceof Error && error.name === 'UsernameExistsException';
}

/**
 * Creates the user in the pool (the pool mails the invitation where it sends mail; otherwise the
 * temporary password is answered once), puts it in its role's group, and stores the person with
 * its audit event. Idempotent on the username: a repeat with the same role and unit answers the
 * stored person (no password); an account left half-made by an earlier failure is completed.
 */
export async function createPerson(
  deps: PeopleDeps,
  principal: Principal,
  input: PersonCreate,
): Promise<PersonCreated> {
  if (isUnitBound(principal)) {
    // Another unit is not found (as for every resource of another unit); another role is refused.
    if (input.unitId !== undefined && input.unitId !== principal.unitId)
      throw new NotFoundError('UNIT_NOT_FOUND', `找不到单位“${input.unitId}”`);
    if (input.role !== 'reporter' || input.unitId !== principal.unitId) throw unitAdminScope();
  }
  await checkUnit(deps, input.unitId);

  let found = await deps.identity.findUser(input.username);
  let temporaryPassword: string | undefined;
  let invitation: PersonCreated['invitation'] = 'none';
  if (!found) {
    temporaryPassword = deps.newPassword();
    try {
      found = await deps.identity.createUser({
        username: input.username,
        temporaryPassword,
        attributes: { name: input.name, email: input.email, unitId: input.unitId ?? null },
        invite: deps.poolSendsMail,
      });
      invitation = deps.poolSendsMail ? 'mailed' : 'returned';
    } catch (error) {
      // Another request made this user a moment ago: carry on as a repeat.
      if (!isUsernameTaken(error)) throw error;
      temporaryPassword = undefined;
      found = await deps.identity.findUser(input.username);
      if (!found) throw error;
    }
  }

  const stored = await deps.people.get(found.personId);
  if (stored) {
    if (stored.role !== input.role || stored.unitId !== input.unitId) throw exists(input.username);
    if (isUnitBound(principal) && stored.unitId !== principal.unitId) throw exists(input.username);
    return { ...stored, invitation: 'none' };
  }

  // A user the pool has but our table lacks (an earlier attempt failed half-way): where the pool
  // sends no mail, nobody has the first password, so a fresh temporary one is answered.
  if (invitation === 'none' && !deps.poolSendsMail) {
    temporaryPassword = deps.newPassword();
    await deps.identity.setPassword(input.username, temporaryPassword, false);
    invitation = 'returned';
  }
  await deps.identity.addToGroup(input.username, input.role);

  const at = deps.now().toISOString();
  const person: Person = {
    personId: found.personId,
    username: input.username,
    name: input.name,
    ...(input.phone ? { phone: input.phone } : {}),
    email: input.email,
    role: input.role,
    ...(input.unitId ? { unitId: input.unitId } : {}),
    active: true,
    createdAt: at,
    createdBy: principal.tokenId,
    version: 1,
  };
  try {
    await deps.people.create(person, auditEvent(principal, at, 'create'));
  } catch (error) {
    // A concurrent repeat stored it first: answer what it stored.
    if (!(error instanceof ConflictError)) throw error;
    const winner = await deps.people.get(found.personId);
    if (!winner || winner.role !== input.role || winner.unitId !== input.unitId) throw exists(input.username);
    return { ...winner, invitation: 'none' };
  }
  return {
    ...person,
    invitation,
    ...(invitation === 'returned' && temporaryPassword ? { temporaryPassword } : {}),
  };
}
