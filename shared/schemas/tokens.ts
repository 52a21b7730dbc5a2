import * as z from 'zod/mini';
import { roles } from '../domain/roles';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { meta } from './meta';
import { unitId } from './units';

export const tokenId = meta(z.string().check(z.regex(/^[a-z2-7]{16}$/, '令牌编号格式不正确')), {
  description: '令牌编号（不是令牌本身）',
});

export const role = meta(z.enum(roles), { description: '角色' });

export const tokenIssue = meta(
  z
    .strictObject({
      role,
      unitId: meta(z.optional(unitId), { description: '信息员（reporter）必须绑定单位，其他角色不得绑定' }),
      label: meta(singleLine(1, 60), { description: '用途或持有人，如“张三 办公电脑”' }),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.role === 'reporter' && !value.unitId)
          ctx.addIssue({ code: 'custom', path: ['unitId'], message: '信息员令牌必须指定所属单位' });
        if (value.role !== 'reporter' && value.unitId)
          ctx.addIssue({ code: 'custom', path: ['unitId'], message: '只有信息员令牌可以绑定单位' });
      }),
    ),
  { id: 'TokenIssue' },
);
export type TokenIssue = z.infer<typeof tokenIssue>;

export const tokenSummary = meta(
  z.object({
    tokenId,
    role,
    unitId: z.optional(unitId),
    label: z.string(),
    createdAt: isoDateTime,
    createdBy: z.string(),
    lastUsedAt: z.optional(isoDateTime),
    revokedAt: z.optional(isoDateTime),
  }),
  { id: 'TokenSummary' },
);
export type TokenSummary = z.infer<typeof tokenSummary>;

export const tokenIssued = meta(
  z.extend(tokenSummary, {
    token: meta(z.string(), { description: '令牌明文，只显示这一次，请立即妥善保存' }),
  }),
  { id: 'TokenIssued' },
);

export const tokenList = meta(z.object({ tokens: z.array(tokenSummary) }), { id: 'TokenList' });
export const tokenParams = z.strictObject({ tokenId });
export const tokenListQuery = z.strictObject({
  unitId: z.optional(unitId),
  includeRevoked: z.optional(z.enum(['true', 'false'])),
});

export const whoAmI = meta(z.object({ role, roleLabel: z.string(), unitId: z.optional(unitId), tokenId }), {
  id: 'WhoAmI',
});
