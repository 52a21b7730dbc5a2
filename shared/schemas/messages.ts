/**
 * 站内消息 (in-app messages): stored per person, produced where things happen — an item returned
 * (退回修改) or adopted (已采用), a 约稿 issued or due soon, 批示 feedback due — for the people of
 * the unit concerned. Ids are deterministic per event and person, so a retried producer never
 * stores a message twice.
 */
import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { meta } from './meta';

export const messageKinds = [
  'item-returned',
  'item-adopted',
  'commission-new',
  'commission-due',
  'instruction-feedback-due',
] as const;
export type MessageKind = (typeof messageKinds)[number];

export const messageId = meta(
  z.string().check(z.regex(/^[a-z]{2}-[0-9a-z_-]{3,120}$/, '消息编号格式不正确')),
  { description: '消息编号' },
);

export const message = meta(
  z.object({
    messageId,
    kind: meta(z.enum(messageKinds), {
      description:
        'item-returned 退回修改（附编辑意见）；item-adopted 已采用（附期号）；commission-new 新约稿；commission-due 约稿即将截止；instruction-feedback-due 批示落实反馈即将到期',
    }),
    title: meta(z.string(), { description: '一行中文标题，如“稿件被退回修改：某某”' }),
    text: meta(z.string(), { description: '消息正文（中文；退回修改时含编辑意见）' }),
    unitId: meta(z.string(), { description: '所涉单位' }),
    itemId: meta(z.optional(z.string()), { description: '所涉稿件' }),
    commissionId: meta(z.optional(z.string()), { description: '所涉约稿' }),
    bulletinId: meta(z.optional(z.string()), { description: '采用该稿的期刊' }),
    instructionId: meta(z.optional(z.string()), { description: '所涉批示' }),
    createdAt: isoDateTime,
    readAt: meta(z.optional(isoDateTime), { description: '标为已读的时间；未读则没有' }),
  }),
  { id: 'Message' },
);
export type Message = z.infer<typeof message>;

export const messageList = meta(
  z.object({
    messages: meta(z.array(message), { description: '本人的消息，最新的在前' }),
    nextCursor: meta(z.optional(z.string()), { description: '下一页游标；没有则已是最后一页' }),
  }),
  { id: 'MessageList' },
);

export const messageListQuery = z.strictObject({
  unread: meta(z.optional(z.enum(['true', 'false'])), { description: 'true 只列未读消息' }),
  limit: meta(z.optional(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(100))), {
    description: '每页条数（1–100，默认 20）',
  }),
  cursor: meta(z.optional(z.string().check(z.maxLength(500))), { description: '上一页返回的 nextCursor' }),
});
export type MessageListQuery = z.infer<typeof messageListQuery>;

export const messageParams = z.strictObject({ messageId });

export const unreadCount = meta(z.object({ unread: meta(z.int(), { description: '未读消息条数' }) }), {
  id: 'UnreadCount',
});

export const readAllResult = meta(
  z.object({ marked: meta(z.int(), { description: '本次标为已读的条数' }) }),
  { id: 'MessagesMarkedRead' },
);

export const messagePreferences = meta(
  z.object({
    mailCopy: meta(z.boolean(), {
      description:
        '是否把站内消息抄送到本人账号的电子邮箱：退回修改随即发送（5 分钟内），其他消息每天 17:00 汇总为一封（当天没有则不发）',
    }),
    updatedAt: z.optional(isoDateTime),
  }),
  { id: 'MessagePreferences' },
);
export type MessagePreferences = z.infer<typeof messagePreferences>;

export const messagePreferencesUpdate = meta(z.strictObject({ mailCopy: z.boolean() }), {
  id: 'MessagePreferencesUpdate',
  description: '设置站内消息的邮件抄送（邮箱为人员账号资料中的邮箱）',
});
