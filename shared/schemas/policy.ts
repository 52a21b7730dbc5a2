/**
 * 考核办法 (ScoringPolicy) as versioned data, one document per year. Every score is a sum over the
 * ledger, and the ledger is what the pure rules in `shared/domain/scoring` derive from facts
 * under one of these documents; changing the policy stores a new version and replays the year.
 */
import * as z from 'zod';
import { seriesId } from './bulletins';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { unitClass } from './units';

/**
 * Points carry at most two decimals (co-credit halves and thirds are rounded to 0.01). Exactly, so
 * that a value like 5e-324 is refused here rather than by DynamoDB (numbers below 1e-130 underflow).
 */
const points = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((value) => Math.round(value * 100) / 100 === value, '分值最多保留两位小数');

const share = z
  .number()
  .min(0)
  .max(1)
  .refine((value) => Math.round(value * 10_000) / 10_000 === value, '比例最多保留四位小数');

export const policyYear = z.coerce.number().int().min(2000).max(2100);

export const upperPublication = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, '刊物编号须为 2–40 位小写字母、数字或连字符')
    .meta({ example: 'province-zwxx' }),
  name: singleLine(1, 40).meta({ example: '省政府《政务信息》' }),
  points: points(500),
  forwardedMultiplier: z
    .number()
    .min(1)
    .max(5)
    .meta({ description: '经市政府办公室报送（上报）后被采用时的分值倍数' }),
});
export type UpperPublication = z.infer<typeof upperPublication>;

export const unitQuota = z.strictObject({
  unitClass,
  perMonth: z.int().min(0).max(100).meta({ description: '每月最少报送篇数' }),
  basePoints: points(100).meta({ description: '完成当月任务得分' }),
  deductionPerMissing: points(50).meta({ description: '每少报一篇扣分' }),
});
export type UnitQuota = z.infer<typeof unitQuota>;

const policyShape = {
  source: z
    .array(singleLine(1, 200))
    .min(1)
    .max(20)
    .meta({ description: '所依据的考核办法（文件名称、文号或说明）' }),
  seriesPoints: z
    .record(seriesId, points(100))
    .refine((record) => Object.keys(record).length > 0, '至少设置一种刊物的采用分值')
    .meta({ description: '本级刊物每采用一篇的分值，按刊物编号' }),
  upperPublications: z.array(upperPublication).min(1).max(30),
  instructionBonus: z
    .strictObject({ city: points(200), province: points(500), state: points(1000) })
    .meta({ description: '领导批示加分（同一信息同一级别只计一次）' }),
  accumulate: z
    .boolean()
    .meta({ description: 'true：同一信息被多个上级刊物采用时累计计分；false：只按最高分计' }),
  coCredit: z
    .enum(['even', 'fixed'])
    .meta({ description: '合并信息的分值分配：even 平分；fixed 按固定比例' }),
  fixedShares: z
    .strictObject({ lead: share, other: share })
    .meta({ description: 'fixed 时主报单位与其他单位各得分值的比例' }),
  quotas: z.array(unitQuota).max(10),
  commission: z.strictObject({
    answeredBonus: points(50),
    latePenalty: points(50),
    missedPenalty: points(50),
  }),
  lateImportantPenalty: points(50).meta({ description: '重要紧急信息迟报扣分' }),
  silentDays: z.int().min(1).max(90).meta({ description: '连续多少天未报送列入督办' }),
};

type PolicyShape = z.infer<z.ZodObject<typeof policyShape>>;

function uniqueness(value: PolicyShape, ctx: z.core.$RefinementCtx<PolicyShape>): void {
  const publications = new Map<string, number>();
  value.upperPublications.forEach((publication, index) => {
    const first = publications.get(publication.id);
    if (first === undefined) publications.set(publication.id, index);
    else
      ctx.addIssue({
        code: 'custom',
        path: ['upperPublications', index, 'id'],
        message: `上级刊物编号“${publication.id}”与第 ${first + 1} 个重复`,
      });
  });
  const classes = new Map<string, number>();
  value.quotas.forEach((quota, index) => {
    const first = classes.get(quota.unitClass);
    if (first === undefined) classes.set(quota.unitClass, index);
    else
      ctx.addIssue({
        code: 'custom',
        path: ['quotas', index, 'unitClass'],
        message: `单位类别“${quota.unitClass}”的任务与第 ${first + 1} 条重复`,
      });
  });
}

/** The body of `PUT /policy/{year}`: the policy without year and version (the server assigns them). */
export const scoringPolicyBody = z
  .strictObject(policyShape)
  .superRefine(uniqueness)
  .meta({ id: 'ScoringPolicyBody' });
export type ScoringPolicyBody = z.infer<typeof scoringPolicyBody>;

export const scoringPolicy = z
  .strictObject({
    year: z.int().min(2000).max(2100),
    version: z.int().min(0).meta({ description: '版本号；0 为系统默认办法（尚未保存过）' }),
    ...policyShape,
  })
  .superRefine(uniqueness)
  .meta({ id: 'ScoringPolicy' });
export type ScoringPolicy = z.infer<typeof scoringPolicy>;

export const storedPolicy = z
  .strictObject({
    year: z.int().min(2000).max(2100),
    version: z.int().min(0),
    ...policyShape,
    updatedAt: isoDateTime.optional(),
    updatedBy: z.string().optional(),
  })
  .superRefine(uniqueness)
  .meta({ id: 'StoredScoringPolicy' });
export type StoredPolicy = z.infer<typeof storedPolicy>;

export const policyParams = z.strictObject({ year: policyYear });
export const policyQuery = z.strictObject({
  version: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: '查看某一历史版本；不填为最新版本' }),
});
