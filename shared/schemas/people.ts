/**
 * People (人员账号): one record per person who signs in through the user pool (Amazon Cognito in
 * the cloud, cognito-local on one machine). Our record — not the token's claims — is the source
 * of truth for role, unit and whether the person may act (`active`).
 */
import * as z from 'zod/mini';
import { isUnitRole, roleLabels } from '../domain/roles';
import { isoDateTime } from './common';
import { meta } from './meta';
import { role } from './tokens';
import { personName, phone, unitId } from './units';

/** The user pool's `sub` of the person: a UUID, fixed for the life of the account. */
export const personId = meta(
  z
    .string()
    .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '人员编号格式不正确')),
  { description: '人员编号（用户池 sub）', example: '3f2c9a4e-8b1d-4c6f-9e2a-5d7b1c0f4a21' },
);

/** Sign-in name: lower-case letters, digits, `.`, `_`, `-`; 3–32 characters, starting with a letter. */
export const username = meta(
  z
    .string()
    .check(z.regex(/^[a-z][a-z0-9._-]{2,31}$/, '用户名须为 3–32 位小写字母、数字或 . _ -，且以字母开头')),
  { description: '登录用户名', example: 'weicheng.lixm' },
);

export const personEmail = z.email().check(z.maxLength(254));

/** A unit role must name its unit; other roles must not. */
function unitMatchesRole(value: { role?: string; unitId?: string | undefined }, ctx: z.core.$RefinementCtx) {
  if (value.role === undefined) return;
  if (isUnitRole(value.role) && !value.unitId)
    ctx.addIssue({
      code: 'custom',
      path: ['unitId'],
      message: `${roleLabels[value.role]}必须指定所属单位`,
    });
  if (!isUnitRole(value.role) && value.unitId)
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: '只有信息员和单位管理员可以绑定单位' });
}

export const person = meta(
  z.object({
    personId,
    username,
    name: z.string(),
    phone: z.optional(z.string()),
    email: z.optional(z.string()),
    role,
    unitId: z.optional(unitId),
    active: meta(z.boolean(), { description: '停用的人员不能再调用接口（10 秒内生效）' }),
    createdAt: isoDateTime,
    createdBy: meta(z.string(), { description: '创建者（令牌编号或 person:<人员编号>）' }),
    updatedAt: z.optional(isoDateTime),
    version: meta(z.int().check(z.positive()), { description: '版本号；修改时须带上读取时的版本' }),
  }),
  { id: 'Person' },
);
export type Person = z.infer<typeof person>;

/** What an admin (any role) or a unit-admin (reporters of its own unit) sends to create a person. */
export const personCreate = meta(
  z
    .strictObject({
      username,
      name: meta(personName, { description: '姓名' }),
      phone: meta(z.optional(phone), { description: '联系电话' }),
      email: meta(personEmail, { description: '电子邮箱（接收账号邀请和重置密码邮件）' }),
      role,
      unitId: meta(z.optional(unitId), { description: '信息员、单位管理员必须绑定单位，其他角色不得绑定' }),
    })
    .check(z.superRefine(unitMatchesRole)),
  { id: 'PersonCreate' },
);
export type PersonCreate = z.infer<typeof personCreate>;

export const personParams = z.strictObject({ personId });
