/**
 * The item lifecycle (DESIGN §2): submitted → candidate | reserved | returned | rejected;
 * a returned item revised by its unit goes back to submitted; adopted is set by publishing a
 * bulletin; merged items live on in the 综合信息 that absorbed them.
 */
export const itemStatuses = [
  'submitted',
  'returned',
  'candidate',
  'reserved',
  'rejected',
  'adopted',
  'merged',
] as const;
export type ItemStatus = (typeof itemStatuses)[number];
export type Decision = 'candidate' | 'reserve' | 'return' | 'reject';

const decisionTarget: Record<Decision, ItemStatus> = {
  candidate: 'candidate',
  reserve: 'reserved',
  return: 'returned',
  reject: 'rejected',
};

/** Where an editor may decide from: anything still open for the editor. */
const decidable: ReadonlySet<ItemStatus> = new Set(['submitted', 'candidate', 'reserved']);

export type Transition = { ok: true; to: ItemStatus } | { ok: false; reason: string };

export function decide(from: ItemStatus, decision: Decision, comment: string | undefined): Transition {
  if (!decidable.has(from))
    return { ok: false, reason: `稿件当前状态为“${statusLabel[from]}”，不能再作此处理` };
  const to = decisionTarget[decision];
  if (to === from) return { ok: false, reason: `稿件已是“${statusLabel[from]}”` };
  if (decision === 'return' && !comment?.trim())
    return { ok: false, reason: '退回修改必须填写意见，告诉单位改什么' };
  return { ok: true, to };
}

export function canRevise(from: ItemStatus): boolean {
  return from === 'returned';
}

export function canEdit(from: ItemStatus): boolean {
  return from === 'submitted' || from === 'candidate' || from === 'reserved';
}

export function canMerge(from: ItemStatus): boolean {
  return from === 'submitted' || from === 'candidate' || from === 'reserved';
}

export const statusLabel: Record<ItemStatus, string> = {
  submitted: '待处理',
  returned: '退回修改',
  candidate: '拟采用',
  reserved: '备用',
  rejected: '退稿',
  adopted: '采用',
  merged: '已合并',
};
