import type { components } from '../../api/schema.generated';
import { type ItemStatus, itemStatuses } from '../../labels';

export type HistoryEvent = components['schemas']['HistoryEvent'];

const actions: Record<string, string> = {
  submit: '报送',
  revise: '修改后重新报送',
  decide: '处理',
  edit: '编辑修改',
  merge: '合并为综合信息',
  attach: '上传附件',
  'attach-confirm': '附件已确认',
  adopt: '采用',
};

const roles: Record<string, string> = {
  reporter: '信息员',
  'unit-admin': '单位管理员',
  editor: '信息科',
  leader: '领导',
  admin: '管理员',
};

function statusLabel(status: string | undefined): string | undefined {
  return status && status in itemStatuses ? itemStatuses[status as ItemStatus].label : undefined;
}

/** One line of 处理记录 as a 信息员 reads it: 信息科 张三 处理：待处理 → 退回修改. */
export function describeEvent(event: HistoryEvent): { who: string; what: string } {
  const role = roles[event.role] ?? '';
  const who = event.byPerson ? `${role} ${event.byPerson.name}`.trim() : role || '系统';
  const from = statusLabel(event.from);
  const to = statusLabel(event.to);
  const change = from && to && from !== to ? `：${from} → ${to}` : to && !from ? `：${to}` : '';
  return { who, what: `${actions[event.action] ?? '处理'}${change}` };
}

/** The issue that adopted the item (《政务信息》2026年第12期), from its latest 采用 event. */
export function adoptingIssue(events: readonly HistoryEvent[]): string | undefined {
  return [...events].reverse().find((event) => event.action === 'adopt')?.comment;
}
