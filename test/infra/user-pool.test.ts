/**
 * The user pool people sign in to (stateful stack) and what the functions get from it (stateless
 * stack): the pool's sign-in and password rules, the MFA arrangement, the five role groups, the
 * console's app client, the Chinese mail through our SES identity, the people function's grant
 * and the authorizer's settings.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { consoleTokenValidity, temporaryPasswordDays } from '../../infra/cdk/user-pool';
import { contextKeys, defaultMailFrom } from '../../infra/cdk/xinbao-app';
import { mfaRequiredRoles, userPoolActions, userPoolGroups } from '../../shared/catalogue/user-pool';
import { envNames } from '../../shared/config';
import { roles } from '../../shared/domain/roles';
import { acknowledgements, logicalId, resourcesOf, synthesizeXinbao } from './support';

const xinbao = synthesizeXinbao();
const { stateful, stateless, statefulTemplate, statelessTemplate } = xinbao;
const poolId = logicalId(stateful.userPool);
const clientId = logicalId(stateful.userPoolClient);
const poolProperties = () => {
  const pools = resourcesOf(statefulTemplate, 'AWS::Cognito::UserPool');
  expect(pools).toHaveLength(1);
  return pools[0]?.[1] as Record<string, unknown>;
};

describe('the user pool', () => {
  it('takes usernames, not e-mail addresses, and no self sign-up', () => {
    const pool = poolProperties();
    expect(pool.UsernameAttributes).toBeUndefined();
    expect(pool.AliasAttributes).toBeUndefined();
    expect(pool.AdminCreateUserConfig).toMatchObject({ AllowAdminCreateUserOnly: true });
    expect(pool.UsernameConfiguration).toEqual({ CaseSensitive: false });
  });

  it('asks for strong passwords and lets a temporary one live three days', () => {
    expect(poolProperties().Policies).toEqual({
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
        TemporaryPasswordValidityDays: temporaryPasswordDays,
        PasswordHistorySize: 5,
      },
    });
    expect(temporaryPasswordDays).toBe(3);
  });

  it('keeps the unit in a mutable custom attribute and recovers accounts by e-mail only', () => {
    const pool = poolProperties();
    expect(pool.Schema).toEqual([
      expect.objectContaining({ Name: 'unit', AttributeDataType: 'String', Mutable: true }),
    ]);
    expect(pool.AccountRecoverySetting).toEqual({
      RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }],
    });
  });

  it('offers TOTP as the only second factor, optional pool-wide, with no remembered devices', () => {
    const pool = poolProperties();
    expect(pool.MfaConfiguration).toBe('OPTIONAL');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    // A remembered device would skip the TOTP prompt the authorizer's rule relies on.
    expect(pool.DeviceConfiguration).toBeUndefined();
    expect(pool.SmsConfiguration).toBeUndefined();
  });

  it('is on the Plus plan with threat protection enforced', () => {
    const pool = poolProperties();
    expect(pool.UserPoolTier).toBe('PLUS');
    expect(pool.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
  });

  it('is deletion protected and retained, like the table', () => {
    statefulTemplate.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('acknowledges the pool-wide MFA finding with the per-role rule as the reason', () => {
    const found = acknowledgements(xinbao.app).filter(({ id }) => id.endsWith('AwsSolutions-COG2'));
    expect(found).toHaveLength(1);
    expect(found[0]?.reason).toMatch(/OPTIONAL with TOTP only/);
    expect(found[0]?.reason).toMatch(/MFA_REQUIRED/);
  });
});

describe('the groups', () => {
  it('are the five roles, each with its Chinese name', () => {
    const groups = resourcesOf(statefulTemplate, 'AWS::Cognito::UserPoolGroup').map(([, group]) => group);
    expect(groups.map((group) => group.GroupName).sort()).toEqual([...roles].sort());
    expect(groups).toHaveLength(5);
    for (const group of groups) expect(group.UserPoolId).toEqual({ Ref: poolId });
    const descriptions = Object.fromEntries(groups.map((group) => [group.GroupName, group.Description]));
    expect(descriptions).toMatchObject({
      admin: '系统管理员（admin）',
      editor: '信息科编辑（editor）',
      leader: '领导（leader）',
      reporter: '信息员（reporter）',
      'unit-admin': '单位管理员（unit-admin）',
    });
    expect(userPoolGroups).toHaveLength(5);
  });
});

describe("the console's app client", () => {
  const client = () => {
    const clients = resourcesOf(statefulTemplate, 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    return clients[0]?.[1] as Record<string, unknown>;
  };

  it('signs in with username and password and refreshes, with no secret and no hosted UI', () => {
    const properties = client();
    expect(properties.ExplicitAuthFlows).toEqual(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(properties.GenerateSecret).toBe(false);
    expect(properties.AllowedOAuthFlowsUserPoolClient).toBe(false);
    expect(properties.AllowedOAuthFlows).toBeUndefined();
  });

  it('issues hour-long access and ID tokens and half-day refresh tokens, revocable', () => {
    const properties = client();
    expect(properties).toMatchObject({
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 12 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      EnableTokenRevocation: true,
      PreventUserExistenceErrors: 'ENABLED',
    });
    expect(consoleTokenValidity.access.toMinutes()).toBeLessThanOrEqual(60);
  });

  it('lets a person write none of name, e-mail, phone or unit through the pool', () => {
    const written = client().WriteAttributes as string[];
    for (const attribute of ['name', 'email', 'phone_number', 'custom:unit']) {
      expect(written).not.toContain(attribute);
    }
    expect(written.length).toBeGreaterThan(0);
  });
});

describe('the invitation and reset mail', () => {
  it('goes through our SES identity and configuration set, from the office', () => {
    const email = poolProperties().EmailConfiguration as Record<string, unknown>;
    expect(email.EmailSendingAccount).toBe('DEVELOPER');
    expect(email.ConfigurationSet).toEqual({ Ref: logicalId(stateful.mailConfigurationSet) });
    expect(JSON.stringify(email.SourceArn)).toContain(`:identity/${defaultMailFrom}`);
    expect(String(email.From)).toContain(`<${defaultMailFrom}>`);
  });

  it('is in Chinese, with the username and the temporary password or code', () => {
    const pool = poolProperties();
    const invitation = (pool.AdminCreateUserConfig as { InviteMessageTemplate: Record<string, string> })
      .InviteMessageTemplate;
    expect(invitation.EmailSubject).toBe('信报系统账号开通通知');
    expect(invitation.EmailMessage).toContain('用户名：{username}');
    expect(invitation.EmailMessage).toContain('临时密码：{####}');
    expect(invitation.EmailMessage).toContain('3 天内');
    expect(invitation.EmailMessage).toContain('动态口令（TOTP）');
    const verification = pool.VerificationMessageTemplate as Record<string, string>;
    expect(verification.DefaultEmailOption).toBe('CONFIRM_WITH_CODE');
    expect(verification.EmailSubject).toBe('信报系统验证码');
    expect(verification.EmailMessage).toContain('验证码为：{####}');
    expect(verification.EmailMessage).toContain('重置密码');
  });

  it("names the domain identity when the sender's domain is what SES verified", () => {
    const withDomain = synthesizeXinbao({
      nag: false,
      context: { [contextKeys.mailFrom]: 'xinbao@weifang.gov.cn', [contextKeys.mailIdentity]: 'domain' },
    });
    const pool = resourcesOf(withDomain.statefulTemplate, 'AWS::Cognito::UserPool')[0]?.[1] ?? {};
    const sourceArn = JSON.stringify((pool.EmailConfiguration as Record<string, unknown>).SourceArn);
    expect(sourceArn).toContain(':identity/weifang.gov.cn');
    expect(sourceArn).not.toContain('xinbao@');
  });
});

describe('what the functions get from the pool', () => {
  type Statement = { Action: string | string[]; Resource: unknown };
  const cognitoStatements = (name: 'people' | 'authorizer') => {
    const role = logicalId(stateless.functions[name].role);
    const statements: Statement[] = [];
    for (const [, properties] of resourcesOf(statelessTemplate, 'AWS::IAM::Policy')) {
      if (!(properties.Roles as { Ref?: string }[]).some((entry) => entry.Ref === role)) continue;
      for (const statement of (properties.PolicyDocument as { Statement: Statement[] }).Statement) {
        if ([statement.Action].flat().some((action) => action.startsWith('cognito-idp:'))) {
          statements.push(statement);
        }
      }
    }
    return statements;
  };
  const variables = (name: 'people' | 'authorizer') =>
    statelessTemplate.toJSON().Resources[logicalId(stateless.functions[name].function)].Properties.Environment
      .Variables as Record<string, unknown>;
  const importOf = (value: unknown) => JSON.stringify(value);

  it('gives the people function exactly the Admin* actions it calls, on this pool only', () => {
    const statements = cognitoStatements('people');
    expect(statements).toHaveLength(1);
    expect([statements[0]?.Action].flat().sort()).toEqual([...userPoolActions.admin].sort());
    const resource = importOf(statements[0]?.Resource);
    expect(resource).toContain('Fn::ImportValue');
    expect(resource).toContain(`${poolId}Arn`);
    expect(resource).not.toContain('*');
  });

  it('tells the people function the pool id and that the pool mails invitations', () => {
    const env = variables('people');
    expect(importOf(env[envNames.userPoolId])).toContain(poolId);
    expect(env[envNames.userPoolSendsMail]).toBe('true');
  });

  it('lets the authorizer read only a user (for TOTP), on this pool only', () => {
    const statements = cognitoStatements('authorizer');
    expect(statements).toHaveLength(1);
    expect([statements[0]?.Action].flat()).toEqual(['cognito-idp:AdminGetUser']);
    expect(importOf(statements[0]?.Resource)).toContain(`${poolId}Arn`);
  });

  it("gives the authorizer the pool's issuer, the console client and the MFA roles", () => {
    const env = variables('authorizer');
    expect(env[envNames.userPoolIssuer]).toEqual({
      'Fn::Join': [
        '',
        [
          'https://cognito-idp.ap-southeast-1.amazonaws.com/',
          { 'Fn::ImportValue': expect.stringContaining(poolId) },
        ],
      ],
    });
    expect(importOf(env[envNames.userPoolClientId])).toContain(clientId);
    expect(importOf(env[envNames.userPoolId])).toContain(poolId);
    expect(env[envNames.requireMfaRoles]).toBe(mfaRequiredRoles.join(','));
    expect(env[envNames.requireMfaRoles]).toBe('admin,editor');
    expect(env[envNames.userPoolJwksUrl]).toBeUndefined();
  });

  it('gives no other function any part of the pool', () => {
    for (const [name, fn] of Object.entries(stateless.functions)) {
      if (name === 'people' || name === 'authorizer') continue;
      const env =
        statelessTemplate.toJSON().Resources[logicalId(fn.function)].Properties.Environment.Variables;
      expect(
        Object.keys(env).filter((key) => key.startsWith('USER_POOL')),
        name,
      ).toEqual([]);
    }
  });

  it('publishes the pool id, client id and issuer as outputs (the CLI and the console read them)', () => {
    const outputs = statefulTemplate.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(outputs.UserPoolId?.Value).toEqual({ Ref: poolId });
    expect(outputs.UserPoolClientId?.Value).toEqual({ Ref: clientId });
    expect(outputs.UserPoolIssuer).toBeDefined();
  });
});
