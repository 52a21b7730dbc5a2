import * as z from 'zod';
import { itemStatuses } from '../domain/items/lifecycle';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { unitId } from './units';

export { itemStatuses };

export const itemId = z
  .string()
  .regex(/^it_[0-9a-z]{20,30}$/, '稿件编号格式不正确')
  .meta({ description: '稿件编号' });

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00+08:00`)), '日期不存在')
  .meta({ description: '日期（北京时间）', example: '2026-11-20' });

const personName = singleLine(2, 20);
const phone = z.string().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确');

export const itemText = {
  title: singleLine(4, 80).meta({ description: '标题' }),
  body: multiLine(20, 20_000).meta({ description: '正文（纯文本，段落以换行分隔）' }),
};

export const itemSubmit = z
  .strictObject({
    ...itemText,
    eventDate: localDate.meta({ description: '事件发生日期；不得晚于明天' }),
    urgency: z.enum(['normal', 'important']).meta({ description: 'important 为重要紧急信息' }),
    openness: z.enum(['public', 'internal']).meta({ description: 'public 可公开，internal 内部' }),
    secrecy: z.literal('non-secret', { error: '只能报送非涉密信息：secrecy 必须为 non-secret' }),
    approver: personName.meta({ description: '审核领导' }),
    author: z.strictObject({ name: personName, phone }).meta({ description: '执笔人' }),
    commissionId: z
      .string()
      .regex(/^cm_[0-9a-z]{20,30}$/)
      .optional()
      .meta({ description: '约稿编号' }),
  })
  .meta({ id: 'ItemSubmit' });
export type ItemSubmit = z.infer<typeof itemSubmit>;

/** A returned item's revision: the same fields a unit submitted, with the version it read. */
export const itemRevise = itemSubmit
  .omit({ commissionId: true })
  .extend({ version: z.int().positive() })
  .meta({ id: 'ItemRevise' });
export type ItemRevise = z.infer<typeof itemRevise>;

export const finding = z
  .object({
    code: z.string().meta({ description: '提示代码，如 VAGUE_TIME、MEETING_ONLY、NEAR_DUPLICATE' }),
    message: z.string().meta({ description: '给信息员看的中文提示' }),
    evidence: z.array(z.string()).optional().meta({ description: '触发提示的原文片段' }),
  })
  .meta({ id: 'Finding' });
export type Finding = z.infer<typeof finding>;

const similarity = z.number().min(0).max(1);

/** A near-duplicate in full, as stored and as staff and the item's own unit see it. */
export const duplicateRef = z
  .object({ itemId, unitId, title: z.string(), similarity })
  .meta({ id: 'DuplicateRef' });
export type DuplicateRef = z.infer<typeof duplicateRef>;

/** Another unit's near-duplicate as a reporter sees it: how similar, never which item or unit. */
export const duplicateNote = z
  .strictObject({
    similarity,
    note: z.string().meta({ description: '如“其他单位已报送相似信息（相似度 80%）”' }),
  })
  .meta({ id: 'DuplicateNote' });
export type DuplicateNote = z.infer<typeof duplicateNote>;

export const duplicateHint = z.union([duplicateRef, duplicateNote]).meta({
  id: 'DuplicateHint',
  description: '疑似重复：本单位的稿件给出编号与标题，其他单位的只给相似度（信息员视角）',
});
export type DuplicateHint = z.infer<typeof duplicateHint>;

export const textVersion = z
  .object({ title: z.string(), body: z.string(), at: isoDateTime, by: z.string() })
  .meta({ id: 'TextVersion' });

export const item = z
  .object({
    itemId,
    unitId,
    status: z.enum(itemStatuses),
    title: z.string().meta({ description: '单位报送的标题（最近一次修改稿）' }),
    body: z.string(),
    eventDate: localDate,
    urgency: z.enum(['normal', 'important']),
    openness: z.enum(['public', 'internal']),
    approver: z.string(),
    author: z.object({ name: z.string(), phone: z.string() }),
    commissionId: z.string().optional(),
    submittedAt: isoDateTime,
    updatedAt: isoDateTime,
    revisions: z.array(textVersion).meta({ description: '单位此前报送的各稿（不变）' }),
    edited: textVersion.optional().meta({ description: '编辑修改稿；单位报送的文字保持不变' }),
    findings: z.array(finding),
    duplicates: z.array(duplicateHint),
    coUnits: z.array(unitId).meta({ description: '综合信息的共同署名单位' }),
    mergedFrom: z.array(itemId).optional(),
    mergedInto: itemId.optional(),
    lastComment: z.string().optional(),
    version: z.int(),
  })
  .meta({ id: 'Item' });
export type Item = z.infer<typeof item>;

export const submitResult = item.meta({ id: 'ItemSubmitted' });

export const precheckResult = z
  .object({ findings: z.array(finding), duplicates: z.array(duplicateHint) })
  .meta({ id: 'PrecheckResult' });

export const itemParams = z.strictObject({ itemId });

export const itemListQuery = z
  .strictObject({
    status: z.enum(itemStatuses).optional(),
    unitId: unitId.optional(),
    from: localDate.optional().meta({ description: '报送日期起（含）' }),
    to: localDate.optional().meta({ description: '报送日期止（含）' }),
    urgency: z.enum(['normal', 'important']).optional(),
    hasWarnings: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(100).optional(),
    cursor: z.string().max(2000).optional().meta({ description: '上一页返回的 nextCursor' }),
  })
  // A reversed range is a mistake to report, not a query to send (DynamoDB refuses BETWEEN high AND low).
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: '结束日期不能早于开始日期',
  });
export type ItemListQuery = z.infer<typeof itemListQuery>;

export const itemSummary = item
  .pick({
    itemId: true,
    unitId: true,
    status: true,
    title: true,
    eventDate: true,
    urgency: true,
    openness: true,
    submittedAt: true,
    version: true,
  })
  .extend({ warnings: z.int().meta({ description: '质量提示条数' }) })
  .meta({ id: 'ItemSummary' });

export const itemList = z
  .object({ items: z.array(itemSummary), nextCursor: z.string().optional() })
  .meta({ id: 'ItemList' });

export const decisions = ['candidate', 'reserve', 'return', 'reject'] as const;
export const decisionBody = z
  .strictObject({
    decision: z
      .enum(decisions)
      .meta({ description: 'candidate 拟采用，reserve 备用，return 退回修改，reject 退稿' }),
    version: z.int().positive(),
    comment: multiLine(1, 1000).optional().meta({ description: '意见；退回时必填' }),
  })
  .meta({ id: 'Decision' });
export type DecisionBody = z.infer<typeof decisionBody>;

export const editBody = z.strictObject({ ...itemText, version: z.int().positive() }).meta({ id: 'ItemEdit' });

export const mergeBody = z
  .strictObject({
    itemIds: z.array(itemId).min(2).max(10),
    ...itemText,
    comment: multiLine(0, 1000).optional().meta({ description: '合并说明' }),
  })
  .meta({ id: 'ItemMerge' });

export const historyEvent = z
  .object({
    at: isoDateTime,
    by: z.string().meta({ description: '操作人令牌编号' }),
    role: z.string(),
    action: z.string().meta({ description: 'submit / revise / decide / edit / merge / attach …' }),
    from: z.string().optional(),
    to: z.string().optional(),
    comment: z.string().optional(),
  })
  .meta({ id: 'HistoryEvent' });
export type HistoryEvent = z.infer<typeof historyEvent>;

export const itemHistory = z.object({ itemId, events: z.array(historyEvent) }).meta({ id: 'ItemHistory' });

export const diffPart = z
  .object({ op: z.enum(['same', 'added', 'removed']), text: z.string() })
  .meta({ id: 'DiffPart' });
export const itemDiff = z
  .object({
    itemId,
    basis: z.enum(['edited', 'none']).meta({ description: 'edited：与编辑修改稿对照；none：编辑尚未改动' }),
    title: z.array(diffPart),
    body: z.array(diffPart),
  })
  .meta({ id: 'ItemDiff' });
