/** The four roles of DESIGN §1. A reporter is always bound to exactly one unit. */
export const roles = ['admin', 'editor', 'leader', 'reporter'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: '系统管理员',
  editor: '信息科编辑',
  leader: '领导',
  reporter: '信息员',
};

export type Principal =
  | { role: 'admin' | 'editor' | 'leader'; tokenId: string; unitId?: undefined }
  | { role: 'reporter'; tokenId: string; unitId: string };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
