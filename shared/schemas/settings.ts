import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { meta } from './meta';

export const dutyRecipients = meta(
  z.strictObject({
    recipients: meta(
      z
        .array(
          z.strictObject({
            name: meta(singleLine(1, 20), { description: '姓名' }),
            email: z.email().check(z.maxLength(254)),
          }),
        )
        .check(z.maxLength(20)),
      { description: '重要紧急信息提醒的值班收件人' },
    ),
  }),
  { id: 'DutyRecipients' },
);
export type DutyRecipients = z.infer<typeof dutyRecipients>;

export const dutyRecipientsStored = meta(
  z.extend(dutyRecipients, { updatedAt: z.optional(isoDateTime), updatedBy: z.optional(z.string()) }),
  { id: 'DutyRecipientsStored' },
);

export const leaderRecipients = meta(
  z.strictObject({
    recipients: z
      .array(
        z.strictObject({
          name: meta(singleLine(1, 20), { description: '姓名' }),
          email: z.email().check(z.maxLength(254)),
          bulletins: meta(z.boolean(), { description: '每期发布时收到邮件' }),
          digest: meta(z.enum(['daily', 'weekly', 'off']), { description: '领导摘要邮件频率' }),
        }),
      )
      .check(z.maxLength(50)),
  }),
  { id: 'LeaderRecipients' },
);
export type LeaderRecipients = z.infer<typeof leaderRecipients>;

export const leaderRecipientsStored = meta(
  z.extend(leaderRecipients, { updatedAt: z.optional(isoDateTime), updatedBy: z.optional(z.string()) }),
  { id: 'LeaderRecipientsStored' },
);
