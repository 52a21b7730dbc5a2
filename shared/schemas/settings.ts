import * as z from 'zod';
import { isoDateTime } from './common';
import { singleLine } from './free-text';

export const dutyRecipients = z
  .strictObject({
    recipients: z
      .array(
        z.strictObject({ name: singleLine(1, 20).meta({ description: '姓名' }), email: z.email().max(254) }),
      )
      .max(20)
      .meta({ description: '重要紧急信息提醒的值班收件人' }),
  })
  .meta({ id: 'DutyRecipients' });
export type DutyRecipients = z.infer<typeof dutyRecipients>;

export const dutyRecipientsStored = dutyRecipients
  .extend({ updatedAt: isoDateTime.optional(), updatedBy: z.string().optional() })
  .meta({ id: 'DutyRecipientsStored' });

export const leaderRecipients = z
  .strictObject({
    recipients: z
      .array(
        z.strictObject({
          name: singleLine(1, 20).meta({ description: '姓名' }),
          email: z.email().max(254),
          bulletins: z.boolean().meta({ description: '每期发布时收到邮件' }),
          digest: z.enum(['daily', 'weekly', 'off']).meta({ description: '领导摘要邮件频率' }),
        }),
      )
      .max(50),
  })
  .meta({ id: 'LeaderRecipients' });
export type LeaderRecipients = z.infer<typeof leaderRecipients>;

export const leaderRecipientsStored = leaderRecipients
  .extend({ updatedAt: isoDateTime.optional(), updatedBy: z.string().optional() })
  .meta({ id: 'LeaderRecipientsStored' });
