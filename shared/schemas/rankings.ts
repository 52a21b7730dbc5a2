import * as z from 'zod';
import { unitClass } from './units';

export const rankingQuery = z.strictObject({
  period: z.string().max(10).meta({ description: '月 2026-10、季 2026-Q4 或年 2026', example: '2026-10' }),
  class: unitClass.optional().meta({ description: '单位类别；省略时两类都给出' }),
  format: z.enum(['json', 'csv', 'xlsx']).optional().meta({ description: 'csv 与 xlsx 供 Excel 打开' }),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

export const rankingRow = z
  .object({
    unitId: z.string(),
    name: z.string(),
    submitted: z.int().meta({ description: '报送' }),
    adopted: z.int().meta({ description: '采用' }),
    adoptionRate: z.number().meta({ description: '采用率（%）' }),
    upperAdopted: z.int().meta({ description: '上级采用' }),
    instructions: z.int().meta({ description: '批示' }),
    points: z.number().meta({ description: '得分（积分明细之和）' }),
    rank: z.int(),
    change: z.int().optional().meta({ description: '与上期相比名次变化（正数为上升）' }),
  })
  .meta({ id: 'RankingRow' });

export const ranking = z
  .object({
    period: z.string(),
    unitClass: z.string(),
    rows: z.array(rankingRow),
    zeroReport: z.array(z.string()).meta({ description: '零报送单位' }),
    zeroAdoption: z.array(z.string()).meta({ description: '零采用单位' }),
  })
  .meta({ id: 'Ranking' });

export const rankings = z.object({ rankings: z.array(ranking) }).meta({ id: 'Rankings' });

export const ledgerQuery = z.strictObject({
  period: z.string().max(10).meta({ description: '月 2026-10、季 2026-Q4 或年 2026' }),
});

export const ledgerLine = z
  .object({
    unitId: z.string(),
    source: z.string(),
    refId: z.string().meta({ description: '稿件、约稿编号或月份' }),
    rule: z.string(),
    policyVersion: z.int(),
    points: z.number(),
    reason: z.string().meta({ description: '一句话说明，如「《政务信息》2026年第12期采用 +3」' }),
    at: z.string(),
  })
  .meta({ id: 'LedgerLine' });

export const unitLedger = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    period: z.string(),
    lines: z.array(ledgerLine),
    total: z.number().meta({ description: '各条积分之和' }),
  })
  .meta({ id: 'UnitLedger' });

export const overdueReport = z
  .object({
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
            code: z
              .enum(['SILENT', 'BELOW_QUOTA_PACE', 'ZERO_ADOPTION', 'COMMISSION_MISSED', 'FEEDBACK_OVERDUE'])
              .meta({ description: 'FEEDBACK_OVERDUE：批示落实反馈逾期未报' }),
            message: z.string(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'OverdueReport' });

export const statisticsParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

const counts = z.record(z.string(), z.number());
export const annualStatistics = z
  .object({
    year: z.int(),
    city: z.object({
      received: z.int().meta({ description: '收到信息' }),
      issues: z.int().meta({ description: '编发期数（已发布，不含撤回）' }),
      issuesBySeries: counts,
      itemsInIssues: z.int().meta({ description: '期刊刊登信息条数' }),
      upperAdopted: z.int().meta({ description: '上级采用（按署名单位计）' }),
      upperByPublication: counts,
      instructions: z.int().meta({ description: '批示（按署名单位计）' }),
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
  })
  .meta({ id: 'AnnualStatistics' });
