import * as z from 'zod/mini';
import { commissionUnitStatuses } from '../domain/commissions';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { itemId } from './item-fields';
import { meta } from './meta';
import { unitId } from './units';

export { commissionUnitStatuses };

export const commissionId = meta(z.string().check(z.regex(/^cm_[0-9a-z]{20,30}$/, '约稿编号格式不正确')), {
  description: '约稿编号',
});

export const commissionCreate = meta(
  z.strictObject({
    topic: meta(singleLine(4, 80), { description: '约稿题目' }),
    requirements: meta(multiLine(0, 2000), { description: '约稿要求（可为空）' }),
    deadline: meta(isoDateTime, { description: '截止时间（须晚于当前时间）' }),
    unitIds: meta(
      z.union([z.literal('all'), z.array(unitId).check(z.minLength(1)).check(z.maxLength(1000))]),
      { description: '约稿单位：单位编号列表，或 "all" 表示全部启用的单位' },
    ),
  }),
  { id: 'CommissionCreate' },
);
export type CommissionCreate = z.infer<typeof commissionCreate>;

export const commissionUnitStatus = meta(z.enum(commissionUnitStatuses), {
  description: 'pending 待报送，answered 按时报送，late 逾期报送，missed 截止后仍未报送',
});

export const commissionUnit = meta(
  z.object({
    unitId,
    unitName: z.optional(z.string()),
    status: commissionUnitStatus,
    itemId: meta(z.optional(itemId), { description: '首篇回应稿件' }),
    answeredAt: z.optional(isoDateTime),
    onTime: z.optional(z.boolean()),
  }),
  { id: 'CommissionUnit' },
);
export type CommissionUnit = z.infer<typeof commissionUnit>;

const commissionFields = {
  commissionId,
  topic: z.string(),
  requirements: z.string(),
  deadline: isoDateTime,
  year: z.int(),
  targetAll: meta(z.boolean(), { description: '创建时是否约全部单位' }),
  open: meta(z.boolean(), { description: '尚未到截止时间' }),
  createdAt: isoDateTime,
};

export const commissionCounts = meta(
  z.object({ pending: z.int(), answered: z.int(), late: z.int(), missed: z.int() }),
  { id: 'CommissionCounts' },
);

export const commission = meta(
  z.object({
    ...commissionFields,
    createdBy: z.string(),
    unitCount: z.int(),
    counts: commissionCounts,
    units: z.array(commissionUnit),
  }),
  { id: 'Commission' },
);
export type Commission = z.infer<typeof commission>;

export const commissionSummary = meta(
  z.object({ ...commissionFields, createdBy: z.string(), unitCount: z.int() }),
  { id: 'CommissionSummary' },
);
export type CommissionSummary = z.infer<typeof commissionSummary>;

export const commissionList = meta(z.object({ year: z.int(), commissions: z.array(commissionSummary) }), {
  id: 'CommissionList',
});

/** What a unit sees: the commission and its own row only. */
export const unitCommission = meta(z.object({ ...commissionFields, unit: commissionUnit }), {
  id: 'UnitCommission',
});
export type UnitCommission = z.infer<typeof unitCommission>;

export const unitCommissionList = meta(z.object({ unitId, commissions: z.array(unitCommission) }), {
  id: 'UnitCommissionList',
});

export const commissionParams = z.strictObject({ commissionId });
export const unitCommissionParams = z.strictObject({ unitId });
export const commissionListQuery = z.strictObject({
  year: meta(z.optional(z.string().check(z.regex(/^\d{4}$/, '年度格式应为 YYYY'))), {
    description: '截止时间所在年度（北京时间），默认今年',
  }),
});
