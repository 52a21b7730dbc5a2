import * as z from 'zod/mini';
import { isUnitRole, roleLabels, roles } from '../domain/roles';
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
      unitId: meta(z.optional(unitId), {
        description: '信息员（reporter）和单位管理员（unit-admin）必须绑定单位，其他角色不得绑定',
      }),
      label: meta(singleLine(1, 60), { description: '用途或持有人，如“张三 办公电脑”' }),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (isUnitRole(value.role) && !value.unitId)
          ctx.addIssue({
            code: 'custom',
            path: ['unitId'],
            message: `${roleLabels[value.role]}令牌必须指定所属单位`,
          });
        if (!isUnitRole(value.role) && value.unitId)
          ctx.addIssue({
            code: 'custom',
            path: ['unitId'],
            message: '只有信息员和单位管理员令牌可以绑定单位',
          });
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

/** The person behind a call made with a user pool access token (our record, not the token's claims). */
export const whoAmIPerson = meta(
  z.object({
    personId: z.string(),
    username: z.string(),
    name: z.string(),
    role,
    roleLabel: z.string(),
    unitId: z.optional(unitId),
    phone: z.optional(z.string()),
    email: z.optional(z.string()),
  }),
  { id: 'WhoAmIPerson' },
);

export const whoAmI = meta(
  z.object({
    role,
    roleLabel: z.string(),
    unitId: z.optional(unitId),
    tokenId: meta(z.optional(tokenId), { description: '以 xb_ 令牌调用时：令牌编号' }),
    person: meta(z.optional(whoAmIPerson), { description: '以个人账号登录调用时：本人的人员信息' }),
  }),
  { id: 'WhoAmI' },
);
