import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { peopleRoutes } from '#shared/catalogue/routes/people';
import { readOptionalConfig } from '#shared/config';
import { newTemporaryPassword } from '#shared/domain/people';
import { httpFunction } from '#shared/http/http-function';
import { CognitoIdentityAdmin } from '#shared/store/cognito/identity-admin';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { IdentityAdmin } from '#shared/store/ports';
import { createPerson } from './create-person/use-case';
import type { PeopleDeps } from './deps';
import { listPeople } from './list-people/use-case';
import { resetPassword } from './reset-password/use-case';
import { reachablePerson } from './rules';
import { setPersonActive } from './set-active/use-case';
import { updatePerson } from './update-person/use-case';

/** The pool's admin client, made on first use (the pool id is read then, not at load). */
function lazyIdentityAdmin(): IdentityAdmin {
  let admin: CognitoIdentityAdmin | undefined;
  const get = () => {
    admin ??= new CognitoIdentityAdmin(new CognitoIdentityProviderClient({}));
    return admin;
  };
  return {
    createUser: (input) => get().createUser(input),
    addToGroup: (username, group) => get().addToGroup(username, group),
    removeFromGroup: (username, group) => get().removeFromGroup(username, group),
    disable: (username) => get().disable(username),
    enable: (username) => get().enable(username),
    setPassword: (username, password, permanent) => get().setPassword(username, password, permanent),
    updateAttributes: (username, attributes) => get().updateAttributes(username, attributes),
    resetPassword: (username) => get().resetPassword(username),
    findUser: (username) => get().findUser(username),
  };
}

const table = tableFromEnvironment();
const deps: PeopleDeps = {
  people: new DynamoPersonStore(table),
  units: new DynamoUnitStore(table),
  identity: lazyIdentityAdmin(),
  now: () => new Date(),
  poolSendsMail: readOptionalConfig('userPoolSendsMail') !== 'false',
  newPassword: newTemporaryPassword,
};

export const handler = httpFunction(peopleRoutes, {
  createPerson: ({ principal, body }) => createPerson(deps, principal, body),
  listPeople: ({ principal, query }) => listPeople(deps, principal, query),
  getPerson: ({ principal, params }) => reachablePerson(deps, principal, params.personId),
  getPersonEvents: async ({ principal, params }) => {
    const person = await reachablePerson(deps, principal, params.personId);
    return { personId: person.personId, events: await deps.people.events(person.personId) };
  },
  updatePerson: ({ principal, params, body }) => updatePerson(deps, principal, params.personId, body),
  disablePerson: ({ principal, params }) => setPersonActive(deps, principal, params.personId, false),
  enablePerson: ({ principal, params }) => setPersonActive(deps, principal, params.personId, true),
  resetPersonPassword: ({ principal, params }) => resetPassword(deps, principal, params.personId),
});
