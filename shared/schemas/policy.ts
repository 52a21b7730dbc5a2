/**
 * 考核办法 (ScoringPolicy) as versioned data, one document per year. Every score is a sum over the
 * ledger, and the ledger is what the pure rules in `shared/domain/scoring` derive from facts
 * under one of these documents; changing the policy stores a new version and replays the year.
 */
import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { singleLine } from './free-text';
import { meta } from './meta';
import { seriesId } from './series-id';
import { unitClass } from './units';

/**
 * Points carry at most two decimals (co-credit halves and thirds are rounded to 0.01). Exactly, so
 * that a value like 5e-324 is refused here rather than by DynamoDB (numbers below 1e-130 underflow).
 */
const points = (max: number) =>
  z
    .number()
    .check(z.gte(0))
    .check(z.lte(max))
    .check(z.refine((value) => Math.round(value * 100) / 100 === value, '分值最多保留两位小数'));

const share = z
  .number()
  .check(z.gte(0))
  .check(z.lte(1))
  .check(z.refine((value) => Math.round(value * 10_000) / 10_000 === value, '比例最多保留四位小数'));

export const policyYear = z.coerce.number().check(z.int()).check(z.gte(2000)).check(z.lte(2100));

export const upperPublication = z.strictObject({
  id: meta(
    z.string().check(z.regex(/^[a-z][a-z0-9-]{1,39}$/, '刊物编号须为 2–40 位小写字母、数字或连字符')),
    { example: 'province-zwxx' },
  ),
  name: meta(singleLine(1, 40), { example: '省政府《政务信息》' }),
  points: points(500),
  forwardedMultiplier: meta(z.number().check(z.gte(1)).check(z.lte(5)), {
    description: '经市政府办公室报送（上报）后被采用时的分值倍数',
  }),
});
export type UpperPublication = z.infer<typeof upperPublication>;

export const unitQuota = z.strictObject({
  unitClass,
  perMonth: meta(z.int().check(z.gte(0)).check(z.lte(100)), { description: '每月最少报送篇数' }),
  basePoints: meta(points(100), { description: '完成当月任务得分' }),
  deductionPerMissing: meta(points(50), { description: '每少报一篇扣分' }),
});
export type UnitQuota = z.infer<typeof unitQuota>;

const policyShape = {
  source: meta(z.array(singleLine(1, 200)).check(z.minLength(1)).check(z.maxLength(20)), {
    description: '所依据的考核办法（文件名称、文号或说明）',
  }),
  seriesPoints: meta(
    z
      .record(seriesId, points(100))
      .check(z.refine((record) => Object.keys(record).length > 0, '至少设置一种刊物的采用分值')),
    { description: '本级刊物每采用一篇的分值，按刊物编号' },
  ),
  upperPublications: z.array(upperPublication).check(z.minLength(1)).check(z.maxLength(30)),
  instructionBonus: meta(z.strictObject({ city: points(200), province: points(500), state: points(1000) }), {
    description: '领导批示加分（同一信息同一级别只计一次）',
  }),
  accumulate: meta(z.boolean(), {
    description: 'true：同一信息被多个上级刊物采用时累计计分；false：只按最高分计',
  }),
  coCredit: meta(z.enum(['even', 'fixed']), {
    description: '合并信息的分值分配：even 平分；fixed 按固定比例',
  }),
  fixedShares: meta(z.strictObject({ lead: share, other: share }), {
    description: 'fixed 时主报单位与其他单位各得分值的比例',
  }),
  quotas: z.array(unitQuota).check(z.maxLength(10)),
  commission: z.strictObject({
    answeredBonus: points(50),
    latePenalty: points(50),
    missedPenalty: points(50),
  }),
  lateImportantPenalty: meta(points(50), { description: '重要紧急信息迟报扣分' }),
  silentDays: meta(z.int().check(z.gte(1)).check(z.lte(90)), { description: '连续多少天未报送列入督办' }),
};

type PolicyShape = z.infer<z.ZodMiniObject<typeof policyShape>>;

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
export const scoringPolicyBody = meta(z.strictObject(policyShape).check(z.superRefine(uniqueness)), {
  id: 'ScoringPolicyBody',
});
export type ScoringPolicyBody = z.infer<typeof scoringPolicyBody>;

export const scoringPolicy = meta(
  z
    .strictObject({
      year: z.int().check(z.gte(2000)).check(z.lte(2100)),
      version: meta(z.int().check(z.gte(0)), { description: '版本号；0 为系统默认办法（尚未保存过）' }),
      ...policyShape,
    })
    .check(z.superRefine(uniqueness)),
  { id: 'ScoringPolicy' },
);
export type ScoringPolicy = z.infer<typeof scoringPolicy>;

export const storedPolicy = meta(
  z
    .strictObject({
      year: z.int().check(z.gte(2000)).check(z.lte(2100)),
      version: z.int().check(z.gte(0)),
      ...policyShape,
      updatedAt: z.optional(isoDateTime),
      updatedBy: z.optional(z.string()),
    })
    .check(z.superRefine(uniqueness)),
  { id: 'StoredScoringPolicy' },
);
export type StoredPolicy = z.infer<typeof storedPolicy>;

export const policyParams = z.strictObject({ year: policyYear });
export const policyQuery = z.strictObject({
  version: meta(z.optional(z.coerce.number().check(z.int()).check(z.gte(0))), {
    description: '查看某一历史版本；不填为最新版本',
  }),
});
