import { type ApiClient, apiError } from '../../api/client';
import type { components } from '../../api/schema.generated';

export type Decision = components['schemas']['Decision']['decision'];
export type Item = components['schemas']['Item'];

/** The office's words for each decision, as buttons and dialogs say them. */
export const decisionLabels: Record<Decision, string> = {
  candidate: '拟采用',
  reserve: '备用',
  return: '退回修改',
  reject: '退稿',
};

/** The words a person reads when someone else acted on the item first. */
export const conflictMessage = '该稿件已被他人处理，已刷新为最新状态';

/**
 * What the dialog checks before sending (the API checks the same and answers in Chinese):
 * a return must tell the unit what to change.
 */
export function commentProblem(decision: Decision, comment: string): string | undefined {
  if (decision === 'return' && comment.trim() === '') return '退回修改必须填写意见，告诉单位改什么';
  if (comment.length > 1000) return '意见不能超过 1000 字';
  return undefined;
}

export type DecisionOutcome =
  | { kind: 'done'; item: Item }
  /** Someone else moved the item first: the caller reloads it and says so. */
  | { kind: 'conflict'; message: string }
  | { kind: 'refused'; message: string };

/** POST /items/{itemId}/decision with the version the person saw. */
export async function sendDecision(
  api: ApiClient,
  itemId: string,
  decision: Decision,
  version: number,
  comment: string,
): Promise<DecisionOutcome> {
  const trimmed = comment.trim();
  const { data, error, response } = await api.POST('/items/{itemId}/decision', {
    params: { path: { itemId } },
    body: { decision, version, ...(trimmed ? { comment: trimmed } : {}) },
  });
  if (data) return { kind: 'done', item: data };
  const refusal = apiError(error);
  // Any 409 means the item moved on (another editor, or a retry after a lost answer): reload it.
  if (response.status === 409)
    return {
      kind: 'conflict',
      message:
        refusal?.code === 'VERSION_CONFLICT' || !refusal
          ? conflictMessage
          : `${refusal.message}（已刷新为最新状态）`,
    };
  return { kind: 'refused', message: refusal?.message ?? '操作未成功，请稍后重试' };
}
