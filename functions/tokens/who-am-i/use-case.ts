import { type Principal, roleLabels } from '#shared/domain/roles';
import { UnauthorizedError } from '#shared/errors';
import type { PersonStore } from '#shared/store/ports';

/**
 * Who is calling: for an `xb_` token its role, unit and token id; for a person signed in through
 * the user pool, the person as our record has them now (id, username, name, role, unit, phone,
 * e-mail).
 */
export async function whoAmI(deps: { people: Pick<PersonStore, 'get'> }, principal: Principal) {
  const base = {
    role: principal.role,
    roleLabel: roleLabels[principal.role],
    ...(principal.unitId ? { unitId: principal.unitId } : {}),
  };
  if (!principal.personId) return { ...base, tokenId: principal.tokenId };
  const person = await deps.people.get(principal.personId);
  // Gone since the authorizer's cached answer: as good as disabled.
  if (!person?.active) {
    throw new UnauthorizedError('ACCOUNT_DISABLED', '账号已停用，请联系单位管理员或系统管理员');
  }
  return {
    ...base,
    person: {
      personId: person.personId,
      username: person.username,
      name: person.name,
      role: person.role,
      roleLabel: roleLabels[person.role],
      ...(person.unitId ? { unitId: person.unitId } : {}),
      ...(person.phone ? { phone: person.phone } : {}),
      ...(person.email ? { email: person.email } : {}),
    },
  };
}
