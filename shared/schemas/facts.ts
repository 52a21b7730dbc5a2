/**
 * Upper-level facts (DESIGN §2 UpperAdoption, Instruction): 上报 (forwarded), 上级采用, 批示 and
 * the unit's 落实反馈. Each fact is recorded by an editor (feedback also by the unit) and scored
 * in the transaction that stores it.
 */
import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { itemId, localDate } from './item-fields';
import { meta } from './meta';
import { personRef } from './person-ref';
import { unitId } from './units';

export const instructionId = meta(z.string().check(z.regex(/^in_[0-9a-z]{20,30}$/, '批示编号格式不正确')), {
  description: '批示编号',
});

export const instructionLevel = meta(z.enum(['city', 'province', 'state']), {
  description: '批示领导级别：city 市领导，province 省领导，state 国务院领导',
});

export const publicationId = meta(
  z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, '刊物编号须为 2–40 位小写字母、数字或连字符')),
  { description: '上级刊物编号（见当年考核办法 upperPublications）', example: 'province-zwxx' },
);

export const factItemParams = z.strictObject({ itemId });
export const instructionParams = z.strictObject({ itemId, instructionId });

export const forwardedBody = meta(
  z.strictObject({ date: meta(localDate, { description: '上报日期（北京时间）' }) }),
  { id: 'ForwardedCreate' },
);
export type ForwardedBody = z.infer<typeof forwardedBody>;

export const upperAdoptionBody = meta(
  z.strictObject({ publicationId, date: meta(localDate, { description: '上级刊物采用日期' }) }),
  { id: 'UpperAdoptionCreate' },
);
export type UpperAdoptionBody = z.infer<typeof upperAdoptionBody>;

export const instructionBody = meta(
  z.strictObject({
    leader: meta(singleLine(2, 40), { description: '批示领导（姓名及职务）' }),
    level: instructionLevel,
    date: meta(localDate, { description: '批示日期' }),
    text: meta(multiLine(1, 2000), { description: '批示内容' }),
    feedbackDue: meta(localDate, { description: '落实反馈截止日期' }),
  }),
  { id: 'InstructionCreate' },
);
export type InstructionBody = z.infer<typeof instructionBody>;

export const feedbackBody = meta(z.strictObject({ date: meta(localDate, { description: '落实反馈日期' }) }), {
  id: 'InstructionFeedbackCreate',
});
export type FeedbackBody = z.infer<typeof feedbackBody>;

export const feedbackStatuses = ['pending', 'on-time', 'late', 'overdue'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export const forwardedFact = meta(
  z.object({
    itemId,
    date: localDate,
    recordedAt: isoDateTime,
    recordedBy: z.string(),
    byPerson: z.optional(personRef),
  }),
  { id: 'ForwardedFact' },
);
export type ForwardedFact = z.infer<typeof forwardedFact>;

export const upperAdoptionFact = meta(
  z.object({
    itemId,
    publicationId,
    publicationName: z.string(),
    date: localDate,
    forwardedThroughCity: meta(z.boolean(), { description: '是否经市政府办公室上报' }),
    /** Item-level points (after the multiplier, before co-credit) this adoption counts for the item. */
    itemPoints: meta(z.number(), { description: '本次采用计入该信息的分值（合并信息分配前）' }),
    policyVersion: z.int(),
    units: z.array(unitId),
    recordedAt: isoDateTime,
    recordedBy: z.string(),
    byPerson: z.optional(personRef),
  }),
  { id: 'UpperAdoptionFact' },
);
export type UpperAdoptionFact = z.infer<typeof upperAdoptionFact>;

export const instructionFact = meta(
  z.object({
    itemId,
    instructionId,
    leader: z.string(),
    level: instructionLevel,
    date: localDate,
    text: z.string(),
    feedbackDue: localDate,
    feedbackDate: meta(z.optional(localDate), { description: '落实反馈日期' }),
    feedbackAt: z.optional(isoDateTime),
    feedbackBy: z.optional(z.string()),
    feedbackByPerson: z.optional(personRef),
    units: z.array(unitId),
    recordedAt: isoDateTime,
    recordedBy: z.string(),
    byPerson: z.optional(personRef),
  }),
  { id: 'InstructionFact' },
);
export type InstructionFact = z.infer<typeof instructionFact>;

export const instructionView = meta(
  z.extend(instructionFact, {
    feedbackStatus: meta(z.enum(feedbackStatuses), {
      description: 'pending 待反馈，on-time 按时反馈，late 逾期反馈，overdue 已过期未反馈',
    }),
  }),
  { id: 'Instruction' },
);
export type InstructionView = z.infer<typeof instructionView>;

export const itemFacts = meta(
  z.object({
    itemId,
    forwarded: z.optional(forwardedFact),
    upperAdoptions: z.array(upperAdoptionFact),
    instructions: z.array(instructionView),
  }),
  { id: 'ItemFacts' },
);
export type ItemFacts = z.infer<typeof itemFacts>;
