/** Replaying a year's ledger under the policy in force (重算), and its audit record. */
import * as z from 'zod';
import { isoDateTime } from './common';
import { unitId } from './units';

export const replayQuery = z.strictObject({
  dryRun: z.enum(['true', 'false']).optional().meta({ description: 'true：只计算各单位积分变化，不写入' }),
});

export const unitPointChange = z
  .object({
    unitId,
    before: z.number().meta({ description: '重算前该年积分' }),
    after: z.number().meta({ description: '重算后该年积分' }),
    delta: z.number(),
    linesBefore: z.int(),
    linesAfter: z.int(),
    linesChanged: z.int().meta({ description: '新增、改写或删除的积分明细条数' }),
  })
  .meta({ id: 'UnitPointChange' });

export const replayAudit = z
  .object({
    replayId: z.string(),
    year: z.int(),
    policyVersion: z.int().meta({ description: '重算所用考核办法版本' }),
    at: isoDateTime,
    by: z.string().meta({ description: '执行重算的令牌编号' }),
    dryRun: z.boolean(),
    facts: z.int().meta({ description: '参与重算的计分事项数' }),
    linesBefore: z.int(),
    linesAfter: z.int(),
    linesWritten: z.int(),
    linesDeleted: z.int(),
    changes: z.array(unitPointChange).meta({ description: '积分明细有变化的单位' }),
  })
  .meta({ id: 'PolicyReplay' });
export type ReplayAudit = z.infer<typeof replayAudit>;

export const replayList = z
  .object({ year: z.int(), replays: z.array(replayAudit) })
  .meta({ id: 'PolicyReplayList' });
