import * as z from 'zod/mini';
import { itemStatuses } from '../domain/items/lifecycle';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { itemId, itemParams, itemText, localDate } from './item-fields';
import { meta } from './meta';
import { personRef } from './person-ref';
import { unitId } from './units';

export { itemId, itemStatuses, itemText, localDate };

const personName = singleLine(2, 20);
const phone = z.string().check(z.regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确'));

export const itemSubmit = meta(
  z.strictObject({
    ...itemText,
    eventDate: meta(localDate, { description: '事件发生日期；不得晚于明天' }),
    urgency: meta(z.enum(['normal', 'important']), { description: 'important 为重要紧急信息' }),
    openness: meta(z.enum(['public', 'internal']), { description: 'public 可公开，internal 内部' }),
    secrecy: z.literal('non-secret', { error: '只能报送非涉密信息：secrecy 必须为 non-secret' }),
    approver: meta(personName, { description: '审核领导' }),
    author: meta(z.optional(z.strictObject({ name: z.optional(personName), phone: z.optional(phone) })), {
      description: '执笔人；姓名或电话留空时取登录人员账号资料中的姓名和电话（令牌调用须填写）',
    }),
    commissionId: meta(z.optional(z.string().check(z.regex(/^cm_[0-9a-z]{20,30}$/))), {
      description: '约稿编号',
    }),
  }),
  { id: 'ItemSubmit' },
);
export type ItemSubmit = z.infer<typeof itemSubmit>;

/** A returned item's revision: the same fields a unit submitted, with the version it read. */
export const itemRevise = meta(
  z.extend(z.omit(itemSubmit, { commissionId: true }), { version: z.int().check(z.positive()) }),
  { id: 'ItemRevise' },
);
export type ItemRevise = z.infer<typeof itemRevise>;

export const finding = meta(
  z.object({
    code: meta(z.string(), { description: '提示代码，如 VAGUE_TIME、MEETING_ONLY、NEAR_DUPLICATE' }),
    message: meta(z.string(), { description: '给信息员看的中文提示' }),
    evidence: meta(z.optional(z.array(z.string())), { description: '触发提示的原文片段' }),
  }),
  { id: 'Finding' },
);
export type Finding = z.infer<typeof finding>;

const similarity = z.number().check(z.gte(0)).check(z.lte(1));

/** A near-duplicate in full, as stored and as staff and the item's own unit see it. */
export const duplicateRef = meta(z.object({ itemId, unitId, title: z.string(), similarity }), {
  id: 'DuplicateRef',
});
export type DuplicateRef = z.infer<typeof duplicateRef>;

/** Another unit's near-duplicate as a reporter sees it: how similar, never which item or unit. */
export const duplicateNote = meta(
  z.strictObject({
    similarity,
    note: meta(z.string(), { description: '如“其他单位已报送相似信息（相似度 80%）”' }),
  }),
  { id: 'DuplicateNote' },
);
export type DuplicateNote = z.infer<typeof duplicateNote>;

export const duplicateHint = meta(z.union([duplicateRef, duplicateNote]), {
  id: 'DuplicateHint',
  description: '疑似重复：本单位的稿件给出编号与标题，其他单位的只给相似度（信息员视角）',
});
export type DuplicateHint = z.infer<typeof duplicateHint>;

export const textVersion = meta(
  z.object({
    title: z.string(),
    body: z.string(),
    at: isoDateTime,
    by: z.string(),
    byPerson: z.optional(personRef),
  }),
  { id: 'TextVersion' },
);

export const item = meta(
  z.object({
    itemId,
    unitId,
    status: z.enum(itemStatuses),
    title: meta(z.string(), { description: '单位报送的标题（最近一次修改稿）' }),
    body: z.string(),
    eventDate: localDate,
    urgency: z.enum(['normal', 'important']),
    openness: z.enum(['public', 'internal']),
    approver: z.string(),
    author: z.object({ name: z.string(), phone: z.string() }),
    commissionId: z.optional(z.string()),
    submittedBy: meta(z.optional(personRef), { description: '报送人（人员账号登录报送时记录）' }),
    submittedAt: isoDateTime,
    updatedAt: isoDateTime,
    revisions: meta(z.array(textVersion), { description: '单位此前报送的各稿（不变）' }),
    edited: meta(z.optional(textVersion), { description: '编辑修改稿；单位报送的文字保持不变' }),
    findings: z.array(finding),
    duplicates: z.array(duplicateHint),
    coUnits: meta(z.array(unitId), { description: '综合信息的共同署名单位' }),
    mergedFrom: z.optional(z.array(itemId)),
    sourcePeople: meta(
      z.optional(
        z.array(
          z.object({
            personId: meta(z.string(), { description: '人员编号（用户池 sub）' }),
            name: meta(z.string(), { description: '报送时的姓名' }),
            unitId,
          }),
        ),
      ),
      { description: '综合信息所合并各原稿的报送人及其单位（先进个人按此计数，与共同署名单位一致）' },
    ),
    mergedInto: z.optional(itemId),
    lastComment: z.optional(z.string()),
    version: z.int(),
  }),
  { id: 'Item' },
);
export type Item = z.infer<typeof item>;

export const submitResult = meta(item, { id: 'ItemSubmitted' });

export const precheckResult = meta(
  z.object({ findings: z.array(finding), duplicates: z.array(duplicateHint) }),
  { id: 'PrecheckResult' },
);

export { itemParams };

export const itemListQuery = z
  .strictObject({
    status: z.optional(z.enum(itemStatuses)),
    unitId: z.optional(unitId),
    from: meta(z.optional(localDate), { description: '报送日期起（含）' }),
    to: meta(z.optional(localDate), { description: '报送日期止（含）' }),
    urgency: z.optional(z.enum(['normal', 'important'])),
    hasWarnings: z.optional(z.enum(['true', 'false'])),
    limit: z.optional(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(100))),
    cursor: meta(z.optional(z.string().check(z.maxLength(2000))), { description: '上一页返回的 nextCursor' }),
  })
  .check(
    z.refine((query) => !query.from || !query.to || query.from <= query.to, {
      path: ['to'],
      message: '结束日期不能早于开始日期',
    }),
  );
export type ItemListQuery = z.infer<typeof itemListQuery>;

export const itemSummary = meta(
  z.extend(
    z.pick(item, {
      itemId: true,
      unitId: true,
      status: true,
      title: true,
      eventDate: true,
      urgency: true,
      openness: true,
      submittedAt: true,
      version: true,
    }),
    { warnings: meta(z.int(), { description: '质量提示条数' }) },
  ),
  { id: 'ItemSummary' },
);

export const itemList = meta(z.object({ items: z.array(itemSummary), nextCursor: z.optional(z.string()) }), {
  id: 'ItemList',
});

export const decisions = ['candidate', 'reserve', 'return', 'reject'] as const;
export const decisionBody = meta(
  z.strictObject({
    decision: meta(z.enum(decisions), {
      description: 'candidate 拟采用，reserve 备用，return 退回修改，reject 退稿',
    }),
    version: z.int().check(z.positive()),
    comment: meta(z.optional(multiLine(1, 1000)), { description: '意见；退回时必填' }),
  }),
  { id: 'Decision' },
);
export type DecisionBody = z.infer<typeof decisionBody>;

export const editBody = meta(z.strictObject({ ...itemText, version: z.int().check(z.positive()) }), {
  id: 'ItemEdit',
});

export const mergeBody = meta(
  z.strictObject({
    itemIds: z.array(itemId).check(z.minLength(2)).check(z.maxLength(10)),
    ...itemText,
    comment: meta(z.optional(multiLine(0, 1000)), { description: '合并说明' }),
  }),
  { id: 'ItemMerge' },
);

export const historyEvent = meta(
  z.object({
    at: isoDateTime,
    by: meta(z.string(), { description: '操作人凭据（令牌编号；人员登录时为 person:<人员编号>）' }),
    byPerson: z.optional(personRef),
    role: z.string(),
    action: meta(z.string(), { description: 'submit / revise / decide / edit / merge / attach …' }),
    from: z.optional(z.string()),
    to: z.optional(z.string()),
    comment: z.optional(z.string()),
  }),
  { id: 'HistoryEvent' },
);
export type HistoryEvent = z.infer<typeof historyEvent>;

export const itemHistory = meta(z.object({ itemId, events: z.array(historyEvent) }), { id: 'ItemHistory' });

export const diffPart = meta(z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() }), {
  id: 'DiffPart',
});
export const itemDiff = meta(
  z.object({
    itemId,
    basis: meta(z.enum(['edited', 'none']), { description: 'edited：与编辑修改稿对照；none：编辑尚未改动' }),
    title: z.array(diffPart),
    body: z.array(diffPart),
  }),
  { id: 'ItemDiff' },
);
