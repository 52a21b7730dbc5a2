/**
 * The five roles of DESIGN §1. A reporter (信息员) and a unit-admin (单位管理员) are always bound
 * to exactly one unit: a unit-admin does what a reporter does for its unit and also manages its
 * own unit's reporter accounts (账号分发).
 */
export const roles = ['admin', 'editor', 'leader', 'reporter', 'unit-admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  editor: '信息科编辑',
  leader: '领导',
  reporter: '信息员',
  'unit-admin': '单位管理员',
};

/** Roles bound to one unit: they see and act on their own unit's resources only. */
export const unitRoles = ['reporter', 'unit-admin'] as const satisfies readonly Role[];
export type UnitRole = (typeof unitRoles)[number];

/**
 * Who is calling. `tokenId` names the credential: an `xb_` token's id, or for a person signed in
 * through the user pool `person:<personId>` (stable per person, so rate limits and audit lines
 * keep one key per caller). `personId` and `personName` are set only when a person acted.
 */
interface Caller {
  tokenId: string;
  personId?: string;
  personName?: string;
}

export type StaffPrincipal = Caller & { role: 'admin' | 'editor' | 'leader'; unitId?: undefined };
export type UnitPrincipal = Caller & { role: UnitRole; unitId: string };
export type Principal = StaffPrincipal | UnitPrincipal;

/** The credential id of a person's session (see `Principal.tokenId`). */
export const personCallerId = (personId: string) => `person:${personId}`;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

export function isUnitRole(value: unknown): value is UnitRole {
  return typeof value === 'string' && (unitRoles as readonly string[]).includes(value);
}

/** A caller bound to a unit (reporter or unit-admin): reaches its own unit's resources only. */
export function isUnitBound(principal: Principal): principal is UnitPrincipal {
  return isUnitRole(principal.role);
}

/**
 * A comma-separated list of roles (`admin,editor`), as configuration carries it; empty or unset
 * is no role. An unknown name throws: a misspelt MFA rule must not silently protect no one.
 */
export function parseRoleList(text: string | undefined): Role[] {
  const names = (text ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const name of names) {
    if (!isRole(name)) throw new Error(`unknown role "${name}" (known: ${roles.join(', ')})`);
  }
  return names as Role[];
}
