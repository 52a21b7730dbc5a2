import type { components } from '../../api/schema.generated';

export type Message = components['schemas']['Message'];

export const messageKinds: Record<Message['kind'], string> = {
  'item-returned': '退回修改',
  'item-adopted': '已采用',
  'commission-new': '新约稿',
  'commission-due': '约稿即将截止',
  'instruction-feedback-due': '批示反馈即将到期',
};

/** Where a message leads: the item it is about, or the 约稿 page; `undefined` when nothing to open. */
export function messageTarget(message: Message): { path: string; label: string } | undefined {
  if (message.kind === 'commission-new' || message.kind === 'commission-due') {
    return { path: '/commissions', label: '查看约稿' };
  }
  if (message.itemId) return { path: `/my-items/${message.itemId}`, label: '查看稿件' };
  return message.commissionId ? { path: '/commissions', label: '查看约稿' } : undefined;
}
