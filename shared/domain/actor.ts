import type { Principal } from './roles';

/** A person acting, as audit records name them (id and name at the time). */
export interface PersonActor {
  personId: string;
  name: string;
}

/**
 * Who acted, for audit records: `by` is the credential (an `xb_` token's id, or
 * `person:<personId>`), kept for every record as before; `byPerson` names the person when a
 * person signed in. Calls with an `xb_` token (integrations, the CLI) carry no `byPerson`.
 */
export function actorOf(principal: Pick<Principal, 'tokenId' | 'personId' | 'personName'>): {
  by: string;
  byPerson?: PersonActor;
} {
  return principal.personId
    ? { by: principal.tokenId, byPerson: { personId: principal.personId, name: principal.personName ?? '' } }
    : { by: principal.tokenId };
}

/** Only the person, for records whose credential field has another name (recordedBy, publishedBy …). */
export function personOf(principal: Pick<Principal, 'personId' | 'personName'>): { byPerson?: PersonActor } {
  return principal.personId
    ? { byPerson: { personId: principal.personId, name: principal.personName ?? '' } }
    : {};
}
