import * as z from 'zod/mini';
import { meta } from './meta';
import { personRef } from './person-ref';
import { unitClass } from './units';

export const rankingQuery = z.strictObject({
  period: meta(z.string().check(z.maxLength(10)), {
    description: '月 2026-10、季 2026-Q4 或年 2026',
    example: '2026-10',
  }),
  class: meta(z.optional(unitClass), { description: '单位类别；省略时两类都给出' }),
  format: meta(z.optional(z.enum(['json', 'csv', 'xlsx'])), { description: 'csv 与 xlsx 供 Excel 打开' }),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

export const rankingRow = meta(
  z.object({
    unitId: z.string(),
    name: z.string(),
    submitted: meta(z.int(), { description: '报送' }),
    adopted: meta(z.int(), { description: '采用' }),
    adoptionRate: meta(z.number(), { description: '采用率（%）' }),
    upperAdopted: meta(z.int(), { description: '上级采用' }),
    instructions: meta(z.int(), { description: '批示' }),
    points: meta(z.number(), { description: '得分（积分明细之和）' }),
    rank: z.int(),
    change: meta(z.optional(z.int()), { description: '与上期相比名次变化（正数为上升）' }),
  }),
  { id: 'RankingRow' },
);

export const ranking = meta(
  z.object({
    period: z.string(),
    unitClass: z.string(),
    rows: z.array(rankingRow),
    zeroReport: meta(z.array(z.string()), { description: '零报送单位' }),
    zeroAdoption: meta(z.array(z.string()), { description: '零采用单位' }),
  }),
  { id: 'Ranking' },
);

export const rankings = meta(z.object({ rankings: z.array(ranking) }), { id: 'Rankings' });

export const ledgerQuery = z.strictObject({
  period: meta(z.string().check(z.maxLength(10)), { description: '月 2026-10、季 2026-Q4 或年 2026' }),
});

export const ledgerLine = meta(
  z.object({
    unitId: z.string(),
    source: z.string(),
    refId: meta(z.string(), { description: '稿件、约稿编号或月份' }),
    rule: z.string(),
    policyVersion: z.int(),
    points: z.number(),
    reason: meta(z.string(), { description: '一句话说明，如「《政务信息》2026年第12期采用 +3」' }),
    at: z.string(),
    byPerson: meta(z.optional(personRef), { description: '记录这条积分的人员（人员账号操作时）' }),
  }),
  { id: 'LedgerLine' },
);

export const unitLedger = meta(
  z.object({
    unitId: z.string(),
    unitName: z.string(),
    period: z.string(),
    lines: z.array(ledgerLine),
    total: meta(z.number(), { description: '各条积分之和' }),
    place: meta(
      z.optional(
        z.object({
          unitClass: meta(unitClass, { description: '排名所在的单位类别' }),
          rank: meta(z.int(), { description: '名次（与排名接口同一算法；统计期未结束时为当前名次）' }),
          of: meta(z.int(), { description: '同类单位数' }),
          change: meta(z.optional(z.int()), { description: '与上期相比名次变化（正数为上升）' }),
        }),
      ),
      { description: '本单位在该统计期同类单位中的名次（停用的单位没有名次）' },
    ),
  }),
  { id: 'UnitLedger' },
);

export const overdueReport = meta(
  z.object({
    asOf: z.string(),
    red: z.int(),
    amber: z.int(),
    green: z.int(),
    units: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        unitClass: z.string(),
        status: z.enum(['red', 'amber', 'green']),
        reasons: z.array(
          z.object({
            code: meta(
              z.enum([
                'SILENT',
                'BELOW_QUOTA_PACE',
                'ZERO_ADOPTION',
                'COMMISSION_MISSED',
                'FEEDBACK_OVERDUE',
              ]),
              { description: 'FEEDBACK_OVERDUE：批示落实反馈逾期未报' },
            ),
            message: z.string(),
          }),
        ),
      }),
    ),
  }),
  { id: 'OverdueReport' },
);

export const statisticsParams = z.strictObject({
  year: z.coerce.number().check(z.int()).check(z.gte(2000)).check(z.lte(2100)),
});

const counts = z.record(z.string(), z.number());
export const annualStatistics = meta(
  z.object({
    year: z.int(),
    city: z.object({
      received: meta(z.int(), { description: '收到信息' }),
      issues: meta(z.int(), { description: '编发期数（已发布，不含撤回）' }),
      issuesBySeries: counts,
      itemsInIssues: meta(z.int(), { description: '期刊刊登信息条数' }),
      upperAdopted: meta(z.int(), { description: '上级采用（按署名单位计）' }),
      upperByPublication: counts,
      instructions: meta(z.int(), { description: '批示（按署名单位计）' }),
      instructionsByLevel: counts,
    }),
    units: z.array(
      z.object({
        unitId: z.string(),
        name: z.string(),
        unitClass: z.string(),
        received: z.int(),
        adopted: z.int(),
        upperAdopted: z.int(),
        upperByPublication: counts,
        instructions: z.int(),
        instructionsByLevel: counts,
      }),
    ),
  }),
  { id: 'AnnualStatistics' },
);

export const personRankingQuery = z.strictObject({
  period: meta(z.string().check(z.maxLength(10)), {
    description: '月 2026-10、季 2026-Q4 或年 2026',
    example: '2026',
  }),
  unitId: meta(z.optional(z.string().check(z.maxLength(40))), { description: '只看一个单位的人员' }),
  format: meta(z.optional(z.enum(['json', 'csv', 'xlsx'])), { description: 'csv 与 xlsx 供 Excel 打开' }),
});
export type PersonRankingQuery = z.infer<typeof personRankingQuery>;

export const personRankingRow = meta(
  z.object({
    rank: z.int(),
    personId: z.string(),
    name: meta(z.string(), { description: '姓名' }),
    unitId: z.string(),
    unitName: meta(z.string(), { description: '所属单位' }),
    submitted: meta(z.int(), { description: '报送' }),
    adopted: meta(z.int(), { description: '采用' }),
    adoptionRate: meta(z.number(), { description: '采用率（%）' }),
    upperAdopted: meta(z.int(), { description: '上级采用' }),
    instructions: meta(z.int(), { description: '批示' }),
  }),
  { id: 'PersonRankingRow' },
);

export const personRanking = meta(
  z.object({
    period: z.string(),
    order: meta(z.string(), { description: '排序依据' }),
    rows: z.array(personRankingRow),
  }),
  { id: 'PersonRanking', description: '先进个人：信息员按上级采用、批示、采用、报送排名' },
);
