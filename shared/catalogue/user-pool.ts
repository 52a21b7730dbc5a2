/**
 * The user pool people sign in to, declared once: its groups (one per role), the custom attribute
 * holding a person's unit, the roles that must have TOTP bound, and the Cognito actions each kind
 * of function access stands for. The CDK app builds the pool and the grants from this; the
 * adapters in shared/store/cognito call exactly these actions (checked by their unit tests).
 */
import { type Role, roleLabels, roles } from '../domain/roles';

/** The custom attribute (`custom:unit` in tokens and attribute lists) holding a person's unit. */
export const unitAttributeName = 'unit';

/** One group per role, named after it (the people function moves users between these). */
export const userPoolGroups: readonly { name: Role; description: string }[] = roles.map((role) => ({
  name: role,
  description: `${roleLabels[role]}（${role}）`,
}));

/**
 * Roles whose people must have TOTP (动态口令) bound before the API accepts their access tokens,
 * in the cloud (REQUIRE_MFA_ROLES, set by the CDK stack). Locally unset: cognito-local has no MFA.
 */
export const mfaRequiredRoles = ['admin', 'editor'] as const satisfies readonly Role[];

/**
 * The Cognito actions behind each kind of `access.userPool` (shared/catalogue/functions.ts),
 * granted on the pool's ARN only:
 * - `admin`: the people function's admin API (CognitoIdentityAdmin);
 * - `tokens`: the authorizer, which verifies access tokens with the pool's public keys (no IAM
 *   needed) and reads a person's activated MFA factors (CognitoMfaStatus).
 */
export const userPoolActions = {
  admin: [
    'cognito-idp:AdminCreateUser',
    'cognito-idp:AdminAddUserToGroup',
    'cognito-idp:AdminRemoveUserFromGroup',
    'cognito-idp:AdminDisableUser',
    'cognito-idp:AdminEnableUser',
    'cognito-idp:AdminSetUserPassword',
    'cognito-idp:AdminUpdateUserAttributes',
    'cognito-idp:AdminResetUserPassword',
    'cognito-idp:AdminGetUser',
  ],
  tokens: ['cognito-idp:AdminGetUser'],
} as const;

export type UserPoolAccess = keyof typeof userPoolActions;
