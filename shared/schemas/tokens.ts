import * as z from 'zod';
import { roles } from '../domain/roles';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { unitId } from './units';

export const tokenId = z
  .string()
  .regex(/^[a-z2-7]{16}$/, '令牌编号格式不正确')
  .meta({ description: '令牌编号（不是令牌本身）' });

export const role = z.enum(roles).meta({ description: '角色' });

export const tokenIssue = z
  .strictObject({
    role,
    unitId: unitId.optional().meta({ description: '信息员（reporter）必须绑定单位，其他角色不得绑定' }),
    label: singleLine(1, 60).meta({ description: '用途或持有人，如“张三 办公电脑”' }),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'reporter' && !value.unitId)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: '信息员令牌必须指定所属单位' });
    if (value.role !== 'reporter' && value.unitId)
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: '只有信息员令牌可以绑定单位' });
  })
  .meta({ id: 'TokenIssue' });
export type TokenIssue = z.infer<typeof tokenIssue>;

export const tokenSummary = z
  .object({
    tokenId,
    role,
    unitId: unitId.optional(),
    label: z.string(),
    createdAt: isoDateTime,
    createdBy: z.string(),
    lastUsedAt: isoDateTime.optional(),
    revokedAt: isoDateTime.optional(),
  })
  .meta({ id: 'TokenSummary' });
export type TokenSummary = z.infer<typeof tokenSummary>;

export const tokenIssued = tokenSummary
  .extend({ token: z.string().meta({ description: '令牌明文，只显示这一次，请立即妥善保存' }) })
  .meta({ id: 'TokenIssued' });

export const tokenList = z.object({ tokens: z.array(tokenSummary) }).meta({ id: 'TokenList' });
export const tokenParams = z.strictObject({ tokenId });
export const tokenListQuery = z.strictObject({
  unitId: unitId.optional(),
  includeRevoked: z.enum(['true', 'false']).optional(),
});

export const whoAmI = z
  .object({ role, roleLabel: z.string(), unitId: unitId.optional(), tokenId })
  .meta({ id: 'WhoAmI' });
