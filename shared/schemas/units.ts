import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { meta } from './meta';

export const unitClasses = ['county', 'department'] as const;
export const unitClassLabels: Record<(typeof unitClasses)[number], string> = {
  county: '县市区',
  department: '市直部门',
};

export const unitId = meta(
  z
    .string()
    .check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, '单位编号须为 2–40 位小写字母、数字或连字符，且以字母开头')),
  { description: '单位编号（slug）', example: 'wuzhong-district' },
);

export const unitClass = meta(z.enum(unitClasses), {
  description: '单位类别：county 县市区，department 市直部门',
});

export const phone = z.string().check(z.regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确'));
export const personName = singleLine(1, 20);

export const contact = meta(
  z.strictObject({ name: personName, phone, email: z.email().check(z.maxLength(254)) }),
  { id: 'Contact', description: '信息员' },
);

export const unitCreate = meta(
  z.strictObject({
    id: unitId,
    name: meta(singleLine(2, 50), { description: '单位全称' }),
    class: unitClass,
    contacts: z._default(z.array(contact).check(z.maxLength(5)), []),
    headEmail: meta(z.optional(z.email().check(z.maxLength(254))), {
      description: '主要负责人邮箱（逾期升级提醒）',
    }),
  }),
  { id: 'UnitCreate' },
);
export type UnitCreate = z.infer<typeof unitCreate>;

export const unitUpdate = meta(
  z.strictObject({
    version: meta(z.int().check(z.positive()), { description: '读取时的版本号；不一致时返回 409' }),
    name: meta(z.optional(singleLine(2, 50)), { description: '单位全称' }),
    class: z.optional(unitClass),
    contacts: z.optional(z.array(contact).check(z.maxLength(5))),
    headEmail: z.optional(z.nullable(z.email().check(z.maxLength(254)))),
  }),
  { id: 'UnitUpdate' },
);
export type UnitUpdate = z.infer<typeof unitUpdate>;

export const unit = meta(
  z.object({
    id: unitId,
    name: z.string(),
    class: unitClass,
    contacts: z.array(contact),
    headEmail: z.optional(z.string()),
    active: z.boolean(),
    lastSubmittedAt: meta(z.optional(isoDateTime), { description: '最近一次报送时间' }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.int(),
  }),
  { id: 'Unit' },
);
export type Unit = z.infer<typeof unit>;

export const unitParams = z.strictObject({ unitId });
export const unitListQuery = z.strictObject({
  class: z.optional(unitClass),
  active: meta(z.optional(z.enum(['true', 'false'])), {
    description: '只列出启用（true）或停用（false）的单位',
  }),
});
export const unitList = meta(z.object({ units: z.array(unit), count: z.int() }), { id: 'UnitList' });

export const deactivateBody = z.strictObject({ version: z.int().check(z.positive()) });

export const importReport = meta(
  z.object({
    imported: meta(z.int(), { description: '成功导入的行数' }),
    rejected: z.array(z.object({ line: z.int(), id: z.optional(z.string()), reason: z.string() })),
  }),
  { id: 'UnitImportReport' },
);
export type ImportReport = z.infer<typeof importReport>;
