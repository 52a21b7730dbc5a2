import { personOf } from '#shared/domain/actor';
import type { Principal } from '#shared/domain/roles';
import { ValidationError } from '#shared/errors';
import type { ItemSubmit } from '#shared/schemas/items';
import type { PersonStore } from '#shared/store/ports';

type Author = { name: string; phone: string };

/**
 * 执笔人: what the unit wrote, and where it left the name or phone empty, the signed-in person's
 * own profile (read only then). A call with an `xb_` token has no profile: both stay required.
 */
export async function signOff(
  people: Pick<PersonStore, 'get'> | undefined,
  principal: Principal,
  given: ItemSubmit['author'],
): Promise<Author> {
  let name = given?.name;
  let phone = given?.phone;
  if ((!name || !phone) && principal.personId && people) {
    const person = await people.get(principal.personId);
    name ||= person?.name;
    phone ||= person?.phone;
  }
  const missing = [
    ...(name ? [] : [{ path: 'author.name', message: '请填写执笔人姓名（账号资料中也没有姓名）' }]),
    ...(phone ? [] : [{ path: 'author.phone', message: '请填写执笔人电话（账号资料中没有联系电话）' }]),
  ];
  if (missing.length > 0 || !name || !phone) throw new ValidationError(missing);
  return { name, phone };
}

/** The submitting person, for `submittedBy` (absent for `xb_` token calls). */
export function submitterOf(principal: Principal) {
  const { byPerson } = personOf(principal);
  return byPerson ? { submittedBy: byPerson } : {};
}
