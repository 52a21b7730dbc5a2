import type { Principal } from '#shared/domain/roles';
import type { Person } from '#shared/schemas/people';
import type { PeopleDeps } from '../deps';
import { auditEvent, managedPerson } from '../rules';

/**
 * 重置密码. Where the pool sends mail, it resets the password and mails the person a code; where
 * it does not, a new temporary password (to be changed at the next sign-in) is answered once.
 * Either way the audit event names who reset it; the password itself is never stored or logged.
 */
export async function resetPassword(
  deps: PeopleDeps,
  principal: Principal,
  personId: string,
): Promise<Person & { temporaryPassword?: string }> {
  const current = await managedPerson(deps, principal, personId);
  let temporaryPassword: string | undefined;
  if (deps.poolSendsMail) await deps.identity.resetPassword(current.username);
  else {
    temporaryPassword = deps.newPassword();
    await deps.identity.setPassword(current.username, temporaryPassword, false);
  }
  const at = deps.now().toISOString();
  const next: Person = { ...current, version: current.version + 1, updatedAt: at };
  await deps.people.replace(next, current.version, auditEvent(principal, at, 'reset-password'));
  return { ...next, ...(temporaryPassword ? { temporaryPassword } : {}) };
}
