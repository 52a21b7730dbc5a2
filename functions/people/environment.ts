import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { readOptionalConfig } from '#shared/config';
import { newTemporaryPassword } from '#shared/domain/people';
import { ConflictError } from '#shared/errors';
import { CognitoIdentityAdmin } from '#shared/store/cognito/identity-admin';
import { tableFromEnvironment } from '#shared/store/dynamo/client';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { DynamoUnitStore } from '#shared/store/dynamo/units';
import type { IdentityAdmin } from '#shared/store/ports';
import type { PeopleDeps } from './deps';

/**
 * The pool's admin client, made on first use (the pool id is read then, not at load). A deployment
 * with no user pool configured refuses account changes with a coded answer instead of failing.
 */
function lazyIdentityAdmin(): IdentityAdmin {
  let admin: CognitoIdentityAdmin | undefined;
  const get = () => {
    const userPoolId = readOptionalConfig('userPoolId');
    if (!userPoolId) {
      throw new ConflictError(
        'IDENTITY_NOT_CONFIGURED',
        '本环境未配置用户池，暂不能创建或变更人员账号，请联系系统管理员',
      );
    }
    admin ??= new CognitoIdentityAdmin(new CognitoIdentityProviderClient({}), userPoolId);
    return admin;
  };
  return {
    createUser: async (input) => get().createUser(input),
    addToGroup: async (username, group) => get().addToGroup(username, group),
    removeFromGroup: async (username, group) => get().removeFromGroup(username, group),
    disable: async (username) => get().disable(username),
    enable: async (username) => get().enable(username),
    setPassword: async (username, password, permanent) => get().setPassword(username, password, permanent),
    updateAttributes: async (username, attributes) => get().updateAttributes(username, attributes),
    resetPassword: async (username) => get().resetPassword(username),
    findUser: async (username) => get().findUser(username),
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
