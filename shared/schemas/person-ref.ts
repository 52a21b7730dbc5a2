/**
 * The person who acted, as audit records name them beside the credential (`by`): kept apart from
 * the people schemas so that every record's schema can use it without pulling those in.
 */
import * as z from 'zod/mini';
import { meta } from './meta';

export const personRef = meta(
  z.object({
    personId: meta(z.string(), { description: '人员编号（用户池 sub）' }),
    name: meta(z.string(), { description: '操作时的姓名' }),
  }),
  { id: 'PersonRef', description: '操作人（人员账号登录时记录；令牌调用和早先的记录没有）' },
);
export type PersonRef = z.infer<typeof personRef>;
