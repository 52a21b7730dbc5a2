import * as z from 'zod';
import { commissionUnitStatuses } from '../domain/commissions';
import { isoDateTime } from './common';
import { multiLine, singleLine } from './free-text';
import { itemId } from './items';
import { unitId } from './units';

export { commissionUnitStatuses };

export const commissionId = z
  .string()
  .regex(/^cm_[0-9a-z]{20,30}$/, '约稿编号格式不正确')
  .meta({ description: '约稿编号' });

export const commissionCreate = z
  .strictObject({
    topic: singleLine(4, 80).meta({ description: '约稿题目' }),
    requirements: multiLine(0, 2000).meta({ description: '约稿要求（可为空）' }),
    deadline: isoDateTime.meta({ description: '截止时间（须晚于当前时间）' }),
    unitIds: z
      .union([z.literal('all'), z.array(unitId).min(1).max(1000)])
      .meta({ description: '约稿单位：单位编号列表，或 "all" 表示全部启用的单位' }),
  })
  .meta({ id: 'CommissionCreate' });
export type CommissionCreate = z.infer<typeof commissionCreate>;

export const commissionUnitStatus = z
  .enum(commissionUnitStatuses)
  .meta({ description: 'pending 待报送，answered 按时报送，late 逾期报送，missed 截止后仍未报送' });

export const commissionUnit = z
  .object({
    unitId,
    unitName: z.string().optional(),
    status: commissionUnitStatus,
    itemId: itemId.optional().meta({ description: '首篇回应稿件' }),
    answeredAt: isoDateTime.optional(),
    onTime: z.boolean().optional(),
  })
  .meta({ id: 'CommissionUnit' });
export type CommissionUnit = z.infer<typeof commissionUnit>;

const commissionFields = {
  commissionId,
  topic: z.string(),
  requirements: z.string(),
  deadline: isoDateTime,
  year: z.int(),
  targetAll: z.boolean().meta({ description: '创建时是否约全部单位' }),
  open: z.boolean().meta({ description: '尚未到截止时间' }),
  createdAt: isoDateTime,
};

export const commissionCounts = z
  .object({ pending: z.int(), answered: z.int(), late: z.int(), missed: z.int() })
  .meta({ id: 'CommissionCounts' });

export const commission = z
  .object({
    ...commissionFields,
    createdBy: z.string(),
    unitCount: z.int(),
    counts: commissionCounts,
    units: z.array(commissionUnit),
  })
  .meta({ id: 'Commission' });
export type Commission = z.infer<typeof commission>;

export const commissionSummary = z
  .object({ ...commissionFields, createdBy: z.string(), unitCount: z.int() })
  .meta({ id: 'CommissionSummary' });
export type CommissionSummary = z.infer<typeof commissionSummary>;

export const commissionList = z
  .object({ year: z.int(), commissions: z.array(commissionSummary) })
  .meta({ id: 'CommissionList' });

/** What a unit sees: the commission and its own row only. */
export const unitCommission = z
  .object({ ...commissionFields, unit: commissionUnit })
  .meta({ id: 'UnitCommission' });
export type UnitCommission = z.infer<typeof unitCommission>;

export const unitCommissionList = z
  .object({ unitId, commissions: z.array(unitCommission) })
  .meta({ id: 'UnitCommissionList' });

export const commissionParams = z.strictObject({ commissionId });
export const unitCommissionParams = z.strictObject({ unitId });
export const commissionListQuery = z.strictObject({
  year: z
    .string()
    .regex(/^\d{4}$/, '年度格式应为 YYYY')
    .optional()
    .meta({ description: '截止时间所在年度（北京时间），默认今年' }),
});
