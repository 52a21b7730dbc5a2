import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readOptionalConfig } from '#shared/config';
import { newTemporaryPassword } from '#shared/domain/people';
import { CognitoIdentityAdmin } from '#shared/store/cognito/identity-admin';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { IdentityAdmin } from '#shared/store/ports';
import type { PeopleDeps } from './deps';

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

/** The people function's deps (also the CLI's), from the environment: the table and the pool. */
export function peopleDepsFromEnvironment(): PeopleDeps {
  const table = tableFromEnvironment();
  return {
    people: new DynamoPersonStore(table),
    units: new DynamoUnitStore(table),
    identity: lazyIdentityAdmin(),
    now: () => new Date(),
    poolSendsMail: readOptionalConfig('userPoolSendsMail') !== 'false',
    newPassword: newTemporaryPassword,
  };
}
