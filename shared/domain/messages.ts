/**
 * 站内消息: what each event tells the people of the unit concerned. Pure: the producers (decision,
 * publishing, 约稿, the reminder jobs) hand these to a MessageWriter. Each message's key is
 * deterministic per event — a retried decision or a rerun job stores nothing twice.
 */
import type { MessageDraft } from '../store/ports';

interface ItemRef {
  itemId: string;
  unitId: string;
  title: string;
}

const shortDate = (iso: string) => {
  // Asia/Shanghai calendar date and time of an instant, as people read a deadline.
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
};

/** 退回修改, with the editor's comment; one per return (the item's version after it). */
export function itemReturnedMessage(
  item: ItemRef & { version: number },
  comment: string,
  at: string,
): MessageDraft {
  return {
    key: `rt-${item.itemId}-${item.version}`,
    kind: 'item-returned',
    title: `稿件被退回修改：${item.title}`,
    text: `编辑意见：${comment}\n请按意见修改后重新报送。`,
    unitId: item.unitId,
    itemId: item.itemId,
    createdAt: at,
  };
}

/** 已采用, with the issue (《政务信息》2026年第12期); one per item and bulletin, to each credited unit. */
export function itemAdoptedMessages(
  item: ItemRef & { coUnits: readonly string[] },
  bulletin: { bulletinId: string; label: string },
  at: string,
): MessageDraft[] {
  return [...new Set([item.unitId, ...item.coUnits])].map((unitId) => ({
    key: `ad-${item.itemId}-${bulletin.bulletinId}`,
    kind: 'item-adopted',
    title: `稿件已采用：${item.title}`,
    text: `${bulletin.label}采用了“${item.title}”。`,
    unitId,
    itemId: item.itemId,
    bulletinId: bulletin.bulletinId,
    createdAt: at,
  }));
}

interface CommissionRef {
  commissionId: string;
  topic: string;
  deadline: string;
}

/** A new 约稿 addressed to the unit. */
export function commissionNewMessage(commission: CommissionRef, unitId: string, at: string): MessageDraft {
  return {
    key: `cn-${commission.commissionId}`,
    kind: 'commission-new',
    title: `新约稿：${commission.topic}`,
    text: `信息科向本单位约稿“${commission.topic}”，请于${shortDate(commission.deadline)}前报送。`,
    unitId,
    commissionId: commission.commissionId,
    createdAt: at,
  };
}

/** A 约稿 the unit has not answered, due within days (once per commission and unit). */
export function commissionDueMessage(commission: CommissionRef, unitId: string, at: string): MessageDraft {
  return {
    key: `cd-${commission.commissionId}`,
    kind: 'commission-due',
    title: `约稿即将截止：${commission.topic}`,
    text: `约稿“${commission.topic}”将于${shortDate(commission.deadline)}截止，本单位尚未报送。`,
    unitId,
    commissionId: commission.commissionId,
    createdAt: at,
  };
}

/** A 批示 whose 落实反馈 the unit owes, due soon or past due (once per instruction). */
export function instructionFeedbackDueMessage(
  instruction: {
    instructionId: string;
    leader: string;
    feedbackDue: string;
    itemId: string;
    itemTitle?: string;
  },
  unitId: string,
  at: string,
): MessageDraft {
  const [, month, day] = instruction.feedbackDue.split('-');
  return {
    key: `fd-${instruction.instructionId}`,
    kind: 'instruction-feedback-due',
    title: `批示落实反馈待报：${instruction.leader}批示`,
    text: `${instruction.leader}对${instruction.itemTitle ? `“${instruction.itemTitle}”` : '本单位信息'}的批示，落实反馈应于${Number(month)}月${Number(day)}日前报送。`,
    unitId,
    itemId: instruction.itemId,
    instructionId: instruction.instructionId,
    createdAt: at,
  };
}
