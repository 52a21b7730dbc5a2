import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  type AttributeType,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { unitAttributeName } from '../../catalogue/user-pool';
import { readConfig } from '../../config';
import type { Role } from '../../domain/roles';
import type { IdentityAdmin, IdentityAttributes } from '../ports';

/** The user pool attribute holding a person's unit (declared in the pool's schema as `unit`). */
export const unitAttribute = `custom:${unitAttributeName}`;

function attributeList(attributes: IdentityAttributes): AttributeType[] {
  const list: AttributeType[] = [];
  if (attributes.name !== undefined) list.push({ Name: 'name', Value: attributes.name });
  if (attributes.email !== undefined) {
    list.push({ Name: 'email', Value: attributes.email }, { Name: 'email_verified', Value: 'true' });
  }
  // Cognito cannot delete a custom attribute through this call: an empty value clears it.
  if (attributes.unitId !== undefined) list.push({ Name: unitAttribute, Value: attributes.unitId ?? '' });
  return list;
}

function subOf(attributes: AttributeType[] | undefined): string | undefined {
  return attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
}

/**
 * The user pool's admin API: exactly the actions of `userPoolActions.admin`
 * (shared/catalogue/user-pool.ts), which the people function's role is granted. The endpoint comes from the SDK's own
 * AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER when set (cognito-local in the local runtime).
 * Passwords are passed through to the pool only: never logged, never stored.
 */
export class CognitoIdentityAdmin implements IdentityAdmin {
  constructor(
    private readonly client: CognitoIdentityProviderClient = new CognitoIdentityProviderClient({}),
    private readonly userPoolId: string = readConfig('userPoolId'),
  ) {}

  async createUser(input: {
    username: string;
    temporaryPassword: string;
    attributes: IdentityAttributes;
    invite: boolean;
  }): Promise<{ personId: string }> {
    const { User } = await this.client.send(
      new AdminCreateUserCommand({
        UserPoolId: this.userPoolId,
        Username: input.username,
        TemporaryPassword: input.temporaryPassword,
        UserAttributes: attributeList(input.attributes),
        ...(input.invite ? { DesiredDeliveryMediums: ['EMAIL'] } : { MessageAction: 'SUPPRESS' }),
      }),
    );
    const personId = subOf(User?.Attributes);
    if (!personId) throw new Error('the user pool answered a new user without its sub');
    return { personId };
  }

  async addToGroup(username: string, group: Role): Promise<void> {
    await this.client.send(
      new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: username, GroupName: group }),
    );
  }

  async removeFromGroup(username: string, group: Role): Promise<void> {
    await this.client.send(
      new AdminRemoveUserFromGroupCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        GroupName: group,
      }),
    );
  }

  async disable(username: string): Promise<void> {
    await this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async enable(username: string): Promise<void> {
    await this.client.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: username }));
  }

  async setPassword(username: string, password: string, permanent: boolean): Promise<void> {
    await this.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        Password: password,
        Permanent: permanent,
      }),
    );
  }

  async updateAttributes(username: string, attributes: IdentityAttributes): Promise<void> {
    const list = attributeList(attributes);
    if (list.length === 0) return;
    await this.client.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: this.userPoolId,
        Username: username,
        UserAttributes: list,
      }),
    );
  }

  async resetPassword(username: string): Promise<void> {
    await this.client.send(
      new AdminResetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: username }),
    );
  }

  async findUser(username: string): Promise<{ personId: string } | undefined> {
    try {
      const user = await this.client.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }),
      );
      const personId = subOf(user.UserAttributes);
      return personId ? { personId } : undefined;
    } catch (error) {
      if (error instanceof Error && error.name === 'UserNotFoundException') return undefined;
      throw error;
    }
  }
}
