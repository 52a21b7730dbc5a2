/**
 * The user pool people sign in to (Amazon Cognito), its five role groups and the web console's
 * app client. Accounts are created by administrators only (the people function, the CLI); the
 * pool mails invitations and password-reset codes in Chinese through our SES identity and
 * configuration set. Who may do what is decided by our person records, not by the pool: the
 * groups mirror the role for the console's sake.
 *
 * MFA: Cognito's MFA setting is pool-wide (off / optional / required). The pool is OPTIONAL with
 * TOTP as the only factor: a person with TOTP activated is asked for the code at every sign-in
 * (device remembering stays off), and the authorizer refuses admin and editor access tokens
 * (REQUIRE_MFA_ROLES) while the pool lists no TOTP activated for the person (AdminGetUser).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import { mfaRequiredRoles, unitAttributeName, userPoolGroups } from '../../shared/catalogue/user-pool';

/** How long an invitation's temporary password works (Cognito counts whole days). */
export const temporaryPasswordDays = 3;

/** The console's sessions: access and ID tokens for an hour, refresh for one working day. */
export const consoleTokenValidity = {
  access: Duration.hours(1),
  id: Duration.hours(1),
  refresh: Duration.hours(12),
} as const;

export interface UserPoolMailSettings {
  /** The verified SES sender (MAIL_FROM). */
  readonly fromAddress: string;
  /** The SES identity that is verified when it is the sender's domain rather than the address. */
  readonly verifiedDomain?: string;
  readonly configurationSet: ses.IConfigurationSet;
  /** 编发单位, named as the sender and in the mail text. */
  readonly officeName: string;
}

/** The invitation and the password-reset mail, in Chinese ({username} and {####} filled by Cognito). */
export function userPoolMessages(officeName: string) {
  const system = `${officeName}政务信息报送与考核系统（信报）`;
  return {
    invitation: {
      emailSubject: '信报系统账号开通通知',
      emailBody: [
        '您好：',
        '',
        `${system}已为您开通账号。`,
        '用户名：{username}',
        '临时密码：{####}',
        '',
        `请在 ${temporaryPasswordDays} 天内登录并设置新密码（至少 12 位，须含大写字母、小写字母、数字和符号）。`,
        '系统管理员和编辑账号设置密码后还须绑定动态口令（TOTP）才能使用系统。',
        '临时密码逾期失效的，请联系单位管理员或系统管理员重新发送。',
        '如您并未申请此账号，请忽略本邮件。',
      ].join('<br>'),
    },
    verification: {
      emailSubject: '信报系统验证码',
      emailBody: [
        '您好：',
        '',
        `您在${system}的验证码为：{####}`,
        '此验证码用于重置密码或验证邮箱，请勿告诉他人。',
        '如非本人操作，请忽略本邮件并联系系统管理员。',
      ].join('<br>'),
      // The pool sends no SMS (no SMS role, no phone sign-in); set so no English default remains.
      smsMessage: '信报系统验证码：{####}',
    },
  } as const;
}

export interface XinbaoUserPoolProps {
  readonly mail: UserPoolMailSettings;
}

export class XinbaoUserPool extends Construct {
  readonly userPool: cognito.UserPool;
  readonly consoleClient: cognito.UserPoolClient;
  readonly groups: cognito.UserPoolGroup[];
  /** The access tokens' `iss`: https://cognito-idp.<region>.amazonaws.com/<poolId>. */
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: XinbaoUserPoolProps) {
    super(scope, id);
    const { mail } = props;
    const messages = userPoolMessages(mail.officeName);

    this.userPool = new cognito.UserPool(this, 'Pool', {
      // Administrators create every account (POST /people, the CLI); nobody signs up.
      selfSignUpEnabled: false,
      // Usernames (e.g. weicheng.lixm), not e-mail addresses: several people may share a unit mailbox.
      signInAliases: { username: true },
      signInCaseSensitive: false,
      customAttributes: {
        [unitAttributeName]: new cognito.StringAttribute({ mutable: true, minLen: 0, maxLen: 64 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(temporaryPasswordDays),
        passwordHistorySize: 5,
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true, email: false },
      // No `deviceTracking`: device remembering stays off, since a remembered device would skip the
      // TOTP prompt that the authorizer's MFA rule relies on.
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      userInvitation: messages.invitation,
      userVerification: {
        ...messages.verification,
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      email: cognito.UserPoolEmail.withSES({
        fromEmail: mail.fromAddress,
        fromName: mail.officeName,
        configurationSetName: mail.configurationSet.configurationSetName,
        ...(mail.verifiedDomain ? { sesVerifiedDomain: mail.verifiedDomain } : {}),
      }),
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        "MFA is pool-wide in Cognito; requiring it would force TOTP on all 96 units' 信息员 too. The pool " +
        `is OPTIONAL with TOTP only, and the API refuses ${mfaRequiredRoles.join(' and ')} accounts ` +
        '(403 MFA_REQUIRED) until the pool lists TOTP activated for the person, whom Cognito then asks ' +
        'for the code at every sign-in.',
    });

    this.groups = userPoolGroups.map(
      (group, precedence) =>
        new cognito.UserPoolGroup(this, `Group-${group.name}`, {
          userPool: this.userPool,
          groupName: group.name,
          description: group.description,
          precedence,
        }),
    );

    // The web console: a public single-page application (no secret), password sign-in over TLS
    // (USER_PASSWORD_AUTH, what the console's own form sends) and refresh tokens; no hosted UI.
    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      userPoolClientName: 'xinbao-console',
      generateSecret: false,
      authFlows: { userPassword: true },
      disableOAuth: true,
      accessTokenValidity: consoleTokenValidity.access,
      idTokenValidity: consoleTokenValidity.id,
      refreshTokenValidity: consoleTokenValidity.refresh,
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ fullname: true, email: true, emailVerified: true, phoneNumber: true })
        .withCustomAttributes(unitAttributeName),
      // Name, e-mail and unit change through PATCH /people (our record first), never by the person
      // through the pool: the recovery address must stay the one an administrator recorded.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true }),
    });

    const stack = Stack.of(this);
    this.issuer = `https://cognito-idp.${stack.region}.amazonaws.com/${this.userPool.userPoolId}`;
  }
}
