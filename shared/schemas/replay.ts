/** Replaying a year's ledger under the policy in force (重算), and its audit record. */
import * as z from 'zod/mini';
import { isoDateTime } from './common';
import { meta } from './meta';
import { personRef } from './person-ref';
import { unitId } from './units';

export const replayQuery = z.strictObject({
  dryRun: meta(z.optional(z.enum(['true', 'false'])), { description: 'true：只计算各单位积分变化，不写入' }),
});

export const unitPointChange = meta(
  z.object({
    unitId,
    before: meta(z.number(), { description: '重算前该年积分' }),
    after: meta(z.number(), { description: '重算后该年积分' }),
    delta: z.number(),
    linesBefore: z.int(),
    linesAfter: z.int(),
    linesChanged: meta(z.int(), { description: '新增、改写或删除的积分明细条数' }),
  }),
  { id: 'UnitPointChange' },
);

export const replayAudit = meta(
  z.object({
    replayId: z.string(),
    year: z.int(),
    policyVersion: meta(z.int(), { description: '重算所用考核办法版本' }),
    at: isoDateTime,
    by: meta(z.string(), { description: '执行重算的凭据（令牌编号或 person:<人员编号>）' }),
    byPerson: z.optional(personRef),
    dryRun: z.boolean(),
    facts: meta(z.int(), { description: '参与重算的计分事项数' }),
    linesBefore: z.int(),
    linesAfter: z.int(),
    linesWritten: z.int(),
    linesDeleted: z.int(),
    changes: meta(z.array(unitPointChange), { description: '积分明细有变化的单位' }),
  }),
  { id: 'PolicyReplay' },
);
export type ReplayAudit = z.infer<typeof replayAudit>;

export const replayList = meta(z.object({ year: z.int(), replays: z.array(replayAudit) }), {
  id: 'PolicyReplayList',
});
