import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { readConfig } from '../../config';
import type { MfaStatus } from '../ports';

/** The factor name Cognito lists in `UserMFASettingList` for an activated TOTP authenticator. */
export const totpFactor = 'SOFTWARE_TOKEN_MFA';

/**
 * Reads a person's activated MFA factors with AdminGetUser (`userPoolActions.tokens`, the only
 * Cognito action the authorizer is granted). Its `UserMFASettingList` lists the factors Cognito
 * asks for at every sign-in; the deprecated `MFAOptions` (SMS only) is not consulted. A user the
 * pool does not know has no TOTP.
 */
export class CognitoMfaStatus implements MfaStatus {
  constructor(
    private readonly client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({}),
    private readonly userPoolId: string = readConfig('userPoolId'),
  ) {}

  async hasTotp(username: string): Promise<boolean> {
    try {
      const user = await this.client.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }),
      );
      return user.UserMFASettingList?.includes(totpFactor) ?? false;
    } catch (error) {
      if (error instanceof Error && error.name === 'UserNotFoundException') return false;
      throw error;
    }
  }
}
