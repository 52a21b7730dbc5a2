import type { Role } from './labels';

export interface NavEntry {
  path: string;
  label: string;
  roles: readonly Role[];
}

/**
 * What each kind of person finds in the menu. The API decides what each may do; the menu only
 * spares people pages that would refuse them.
 */
export const navigation: readonly NavEntry[] = [
  { path: '/', label: '首页', roles: ['admin', 'editor', 'leader', 'reporter', 'unit-admin'] },
  { path: '/my-items', label: '我的信息', roles: ['reporter', 'unit-admin'] },
  { path: '/write', label: '写信息', roles: ['reporter', 'unit-admin'] },
  { path: '/drafts', label: '草稿箱', roles: ['reporter', 'unit-admin'] },
  { path: '/commissions', label: '约稿', roles: ['reporter', 'unit-admin'] },
  { path: '/unit-score', label: '本单位积分', roles: ['reporter', 'unit-admin'] },
  { path: '/queue', label: '待处理', roles: ['editor', 'admin'] },
  { path: '/bulletins', label: '编排刊物', roles: ['editor', 'admin'] },
  { path: '/commission-admin', label: '约稿管理', roles: ['editor', 'admin'] },
];

export function entriesFor(role: Role | undefined): NavEntry[] {
  return role ? navigation.filter((entry) => entry.roles.includes(role)) : [];
}
