import * as z from 'zod';
import { isoDateTime } from './common';
import { singleLine } from './free-text';

export const unitClasses = ['county', 'department'] as const;
export const unitClassLabels: Record<(typeof unitClasses)[number], string> = {
  county: '县市区',
  department: '市直部门',
};

export const unitId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, '单位编号须为 2–40 位小写字母、数字或连字符，且以字母开头')
  .meta({ description: '单位编号（slug）', example: 'wuzhong-district' });

export const unitClass = z
  .enum(unitClasses)
  .meta({ description: '单位类别：county 县市区，department 市直部门' });

const phone = z.string().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确');
const personName = singleLine(1, 20);

export const contact = z
  .strictObject({ name: personName, phone, email: z.email().max(254) })
  .meta({ id: 'Contact', description: '信息员' });

export const unitCreate = z
  .strictObject({
    id: unitId,
    name: singleLine(2, 50).meta({ description: '单位全称' }),
    class: unitClass,
    contacts: z.array(contact).max(5).default([]),
    headEmail: z.email().max(254).optional().meta({ description: '主要负责人邮箱（逾期升级提醒）' }),
  })
  .meta({ id: 'UnitCreate' });
export type UnitCreate = z.infer<typeof unitCreate>;

export const unitUpdate = z
  .strictObject({
    version: z.int().positive().meta({ description: '读取时的版本号；不一致时返回 409' }),
    name: singleLine(2, 50).optional().meta({ description: '单位全称' }),
    class: unitClass.optional(),
    contacts: z.array(contact).max(5).optional(),
    headEmail: z.email().max(254).nullable().optional(),
  })
  .meta({ id: 'UnitUpdate' });
export type UnitUpdate = z.infer<typeof unitUpdate>;

export const unit = z
  .object({
    id: unitId,
    name: z.string(),
    class: unitClass,
    contacts: z.array(contact),
    headEmail: z.string().optional(),
    active: z.boolean(),
    lastSubmittedAt: isoDateTime.optional().meta({ description: '最近一次报送时间' }),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: 'Unit' });
export type Unit = z.infer<typeof unit>;

export const unitParams = z.strictObject({ unitId });
export const unitListQuery = z.strictObject({
  class: unitClass.optional(),
  active: z
    .enum(['true', 'false'])
    .optional()
    .meta({ description: '只列出启用（true）或停用（false）的单位' }),
});
export const unitList = z.object({ units: z.array(unit), count: z.int() }).meta({ id: 'UnitList' });

export const deactivateBody = z.strictObject({ version: z.int().positive() });

export const importReport = z
  .object({
    imported: z.int().meta({ description: '成功导入的行数' }),
    rejected: z.array(z.object({ line: z.int(), id: z.string().optional(), reason: z.string() })),
  })
  .meta({ id: 'UnitImportReport' });
export type ImportReport = z.infer<typeof importReport>;
