import { apiError } from '../../api/client';
import type { components } from '../../api/schema.generated';

export type Bulletin = components['schemas']['Bulletin'];
export type BulletinItem = components['schemas']['BulletinItem'];
export type BulletinSummary = components['schemas']['BulletinSummary'];
export type Distribution = components['schemas']['Distribution'];

/** The API's limit on one issue (PUT /bulletins/{id} refuses more); the page says it up front. */
export const maxBulletinItems = 15;

export const bulletinStatuses: Record<
  Bulletin['status'],
  { label: string; tag: 'primary' | 'success' | 'info' | 'warning' | 'danger' }
> = {
  draft: { label: '草稿', tag: 'warning' },
  published: { label: '已发布', tag: 'success' },
  withdrawn: { label: '已撤回', tag: 'info' },
};

/** 第3期（总第128期）, or 待发布 before publishing assigns the numbers. */
export function issueLabel(bulletin: Pick<Bulletin, 'number' | 'total'>): string {
  if (bulletin.number === undefined) return '待发布';
  return bulletin.total === undefined
    ? `第${bulletin.number}期`
    : `第${bulletin.number}期（总第${bulletin.total}期）`;
}

/** Whether one more item fits in the issue. */
export function canAdd(count: number): boolean {
  return count < maxBulletinItems;
}

/** The list with the entry at `from` moved to `to` (a drag or an up/down button); a copy. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return next;
  const [entry] = next.splice(from, 1);
  next.splice(to, 0, entry as T);
  return next;
}

/** 报/送/发 as the form edits them: one name a line (or separated by 、，,；). */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[\n、，,；;]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

export function recipientsText(names: readonly string[]): string {
  return names.join('\n');
}

/** What the withdraw dialog checks before sending (the API checks the same). */
export function withdrawReasonProblem(reason: string): string | undefined {
  if (reason.trim() === '') return '撤回必须填写原因';
  if (reason.trim().length < 2) return '撤回原因至少写 2 个字';
  if (reason.length > 500) return '撤回原因不能超过 500 字';
  return undefined;
}

/** The words a person reads when the draft changed under them (another editor, another tab). */
export const bulletinConflictMessage = '本期已被他人修改，已刷新为最新内容，请核对后再操作';

/** A refusal as the composer shows it: a version conflict explained, anything else in the API's words. */
export function refusalText(status: number, body: unknown): { conflict: boolean; text: string } {
  const refusal = apiError(body);
  if (status === 409 && (refusal?.code === 'VERSION_CONFLICT' || !refusal))
    return { conflict: true, text: bulletinConflictMessage };
  const details = (refusal?.details ?? []).map((detail) => detail.message).join('；');
  const message = refusal?.message ?? '操作未成功，请稍后重试';
  return { conflict: status === 409, text: details ? `${message}：${details}` : message };
}
