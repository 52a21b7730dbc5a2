import type { components } from './api/schema.generated';

export type ItemStatus = components['schemas']['ItemSummary']['status'];
export type Role = components['schemas']['WhoAmI']['role'];

/** The office's own words for an item's state, and the tag colour a list shows it in. */
export const itemStatuses: Record<
  ItemStatus,
  { label: string; tag: 'primary' | 'success' | 'info' | 'warning' | 'danger' }
> = {
  submitted: { label: '待处理', tag: 'primary' },
  candidate: { label: '拟采用', tag: 'warning' },
  reserved: { label: '备用', tag: 'info' },
  returned: { label: '退回修改', tag: 'danger' },
  rejected: { label: '退稿', tag: 'info' },
  adopted: { label: '已采用', tag: 'success' },
  merged: { label: '已合并', tag: 'success' },
};

export const urgencies = { normal: '一般', important: '紧急重要' } as const;
export const opennesses = { public: '可公开', internal: '内部' } as const;
export const unitClasses = { county: '县市区', department: '市直部门' } as const;

/** 2026-11-20 → 2026年11月20日, as every page of the office writes a date. */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** An ISO instant shown in Beijing time, 2026年11月20日 14:05. */
export function chineseDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}
