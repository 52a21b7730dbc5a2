/**
 * People (人员账号): one record per person who signs in through the user pool (Amazon Cognito in
 * the cloud, cognito-local on one machine). Our record — not the token's claims — is the source
 * of truth for role, unit and whether the person may act (`active`).
 */
import * as z from 'zod/mini';
import { isUnitRole, roleLabels } from '../domain/roles';
import { isoDateTime } from './common';
import { meta } from './meta';
import { personRef } from './person-ref';
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

export { type PersonRef, personRef } from './person-ref';

/** `POST /people` answers the person; the temporary password only when the pool mails no invitation. */
export const personCreated = meta(
  z.extend(person, {
    temporaryPassword: meta(z.optional(z.string()), {
      description: '临时密码：只在用户池不发送邀请邮件时（本地环境）返回这一次，首次登录时必须修改',
    }),
    invitation: meta(z.enum(['mailed', 'returned', 'none']), {
      description:
        'mailed：邀请邮件已由用户池发出；returned：临时密码随本次应答返回；none：账号已存在，未重新发送',
    }),
  }),
  { id: 'PersonCreated' },
);

export const personUpdate = meta(
  z
    .strictObject({
      version: meta(z.int().check(z.positive()), { description: '读取时的版本号' }),
      name: meta(z.optional(personName), { description: '姓名' }),
      phone: meta(z.optional(z.nullable(phone)), { description: '联系电话；null 清除' }),
      email: meta(z.optional(personEmail), { description: '电子邮箱' }),
      role: meta(z.optional(role), { description: '角色（仅系统管理员可改）' }),
      unitId: meta(z.optional(z.nullable(unitId)), {
        description: '所属单位（仅系统管理员可改；改为非单位角色时须为 null）',
      }),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.role !== undefined && !isUnitRole(value.role) && typeof value.unitId === 'string')
          ctx.addIssue({ code: 'custom', path: ['unitId'], message: '只有信息员和单位管理员可以绑定单位' });
      }),
    ),
  { id: 'PersonUpdate' },
);
export type PersonUpdate = z.infer<typeof personUpdate>;

export const personAction = meta(
  z.strictObject({ version: meta(z.int().check(z.positive()), { description: '读取时的版本号' }) }),
  { id: 'PersonAction' },
);

export const personPasswordReset = meta(
  z.extend(person, {
    temporaryPassword: meta(z.optional(z.string()), {
      description: '新的临时密码：只在用户池不发送邮件时（本地环境）返回这一次',
    }),
  }),
  { id: 'PersonPasswordReset' },
);

export const personListQuery = meta(
  z.strictObject({
    unitId: meta(z.optional(unitId), { description: '按单位筛选（单位管理员只能看本单位）' }),
    role: meta(z.optional(role), { description: '按角色筛选' }),
    active: meta(z.optional(z.enum(['true', 'false'])), { description: '按启用状态筛选' }),
    limit: z.optional(z.coerce.number().check(z.int()).check(z.gte(1)).check(z.lte(100))),
    cursor: meta(z.optional(z.string().check(z.maxLength(500))), { description: '上一页返回的 nextCursor' }),
  }),
  { id: 'PersonListQuery' },
);
export type PersonListQuery = z.infer<typeof personListQuery>;

export const personList = meta(z.object({ people: z.array(person), nextCursor: z.optional(z.string()) }), {
  id: 'PersonList',
});

/** One audit event of a person's account: who acted (credential and, when a person, the person). */
export const personEvent = meta(
  z.object({
    at: isoDateTime,
    by: meta(z.string(), { description: '操作人凭据（令牌编号、person:<人员编号> 或 cli）' }),
    byPerson: z.optional(personRef),
    role: z.string(),
    action: meta(z.enum(['create', 'update', 'disable', 'enable', 'reset-password']), {
      description: '操作',
    }),
    changes: meta(z.optional(z.array(z.string())), { description: '修改的字段' }),
  }),
  { id: 'PersonEvent' },
);
export type PersonEvent = z.infer<typeof personEvent>;

export const personEvents = meta(z.object({ personId, events: z.array(personEvent) }), {
  id: 'PersonEvents',
});
