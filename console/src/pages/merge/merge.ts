import type { components } from '../../api/schema.generated';
import type { Item } from '../queue/decisions';

type ItemMerge = components['schemas']['ItemMerge'];

/**
 * The body of POST /items/merge: the lead item first (its unit heads the 综合信息; the API
 * co-credits the other items' units). Checked here only so the editor hears about an empty
 * field before sending; the API checks the same and more.
 */
export function mergeRequest(
  chosen: readonly Item[],
  leadId: string | undefined,
  form: { title: string; body: string; comment: string },
): { body: ItemMerge } | { problem: string } {
  if (chosen.length < 2) return { problem: '至少选择两篇稿件才能合并' };
  if (form.title.trim() === '' || form.body.trim() === '') return { problem: '请填写综合信息的标题和正文' };
  const lead = chosen.find((item) => item.itemId === leadId) ?? chosen[0];
  if (!lead) return { problem: '至少选择两篇稿件才能合并' };
  const comment = form.comment.trim();
  return {
    body: {
      itemIds: [lead.itemId, ...chosen.filter((item) => item !== lead).map((item) => item.itemId)],
      title: form.title.trim(),
      body: form.body,
      ...(comment ? { comment } : {}),
    },
  };
}
