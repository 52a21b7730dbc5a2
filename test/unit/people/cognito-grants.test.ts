/**
 * The Cognito adapters call exactly the actions the CDK stack grants their functions
 * (`userPoolActions`): a new Admin* call that is not declared there would be refused by IAM in
 * the cloud, so it fails here first. And the authorizer's TOTP look-up reads AdminGetUser the
 * way Cognito documents it (UserMFASettingList).
 */
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { userPoolActions } from '#shared/catalogue/user-pool';
import { CognitoIdentityAdmin } from '#shared/store/cognito/identity-admin';
import { CognitoMfaStatus } from '#shared/store/cognito/mfa-status';

const cognito = mockClient(CognitoIdentityProviderClient);
const poolId = 'ap-southeast-1_Xinbao01';

/** `AdminCreateUserCommand` → `cognito-idp:AdminCreateUser`: the IAM action of each call sent. */
const actionsSent = () =>
  cognito.calls().map((call) => `cognito-idp:${call.args[0].constructor.name.replace(/Command$/, '')}`);

beforeEach(() => {
  cognito.reset();
  cognito.onAnyCommand().resolves({});
});

describe('the people function (userPool: admin)', () => {
  it('sends only the granted Admin* actions, to its own pool', async () => {
    cognito.on(AdminGetUserCommand).resolves({ UserAttributes: [{ Name: 'sub', Value: 'abc' }] });
    const admin = new CognitoIdentityAdmin(new CognitoIdentityProviderClient({}), poolId);
    cognito.resolvesOnce({ User: { Attributes: [{ Name: 'sub', Value: 'abc' }] } });
    await admin.createUser({
      username: 'wang.ming',
      temporaryPassword: 'Tmp-Passw0rd!x',
      attributes: { name: '王明', email: 'wang@example.gov.cn', unitId: null },
      invite: true,
    });
    await admin.addToGroup('wang.ming', 'admin');
    await admin.removeFromGroup('wang.ming', 'editor');
    await admin.disable('wang.ming');
    await admin.enable('wang.ming');
    await admin.setPassword('wang.ming', 'An0ther-Passw0rd!', true);
    await admin.updateAttributes('wang.ming', { name: '王明明' });
    await admin.resetPassword('wang.ming');
    await admin.findUser('wang.ming');

    const sent = actionsSent();
    expect(new Set(sent)).toEqual(new Set(userPoolActions.admin));
    for (const call of cognito.calls()) {
      expect((call.args[0].input as { UserPoolId?: string }).UserPoolId).toBe(poolId);
    }
  });
});

describe('the authorizer (userPool: tokens)', () => {
  const status = () => new CognitoMfaStatus(new CognitoIdentityProviderClient({}), poolId);

  it('sees TOTP only when the pool lists SOFTWARE_TOKEN_MFA among the activated factors', async () => {
    cognito
      .on(AdminGetUserCommand)
      .resolves({ Username: 'admin.wang', UserMFASettingList: ['SOFTWARE_TOKEN_MFA'] });
    expect(await status().hasTotp('admin.wang')).toBe(true);
    cognito.on(AdminGetUserCommand).resolves({ Username: 'admin.wang', UserMFASettingList: ['SMS_MFA'] });
    expect(await status().hasTotp('admin.wang')).toBe(false);
    cognito.on(AdminGetUserCommand).resolves({ Username: 'admin.wang' });
    expect(await status().hasTotp('admin.wang')).toBe(false);
    expect(new Set(actionsSent())).toEqual(new Set(userPoolActions.tokens));
    expect(cognito.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: poolId,
      Username: 'admin.wang',
    });
  });

  it('has no TOTP for a user the pool does not know, and lets other failures through', async () => {
    cognito
      .on(AdminGetUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));
    expect(await status().hasTotp('gone.user')).toBe(false);
    cognito.on(AdminGetUserCommand).rejects(new Error('Rate exceeded'));
    await expect(status().hasTotp('admin.wang')).rejects.toThrow('Rate exceeded');
  });
});
