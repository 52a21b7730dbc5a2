/** What every upper-level fact shares: the adopted-item rule, the scoring day and the counters. */
import { actorOf } from '#shared/domain/actor';
import { periodsOf, shanghaiDate } from '#shared/domain/periods';
import type { Principal } from '#shared/domain/roles';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import type { LedgerLine } from '#shared/domain/scoring/index';
import { UnprocessableError } from '#shared/errors';
import type { FeedbackStatus, InstructionFact } from '#shared/schemas/facts';
import type { HistoryEvent, Item } from '#shared/schemas/items';
import type { ScoringPolicy } from '#shared/schemas/policy';
import type { CounterChange } from '#shared/store/dynamo/ledger';
import type { FactsDeps } from './deps';

/** A fact dated `date` counts at noon of that day in Shanghai: well inside its month, quarter and year. */
export function noonOf(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`);
}

export function requireNotFuture(date: string, now: Date, what: string): void {
  if (date > shanghaiDate(now)) {
    throw new UnprocessableError('DATE_IN_FUTURE', `${what}（${date}）不能晚于今天`);
  }
}

export function requireAdopted(item: Item, what: string): void {
  if (item.status !== 'adopted') {
    throw new UnprocessableError(
      'NOT_ADOPTED',
      `稿件尚未被本级刊物采用（当前状态：${item.status}），不能记录${what}`,
    );
  }
}

/** The lead unit first, then the co-credited units of a merged item, each once. */
export function creditedUnits(item: Item): string[] {
  return [...new Set([item.unitId, ...item.coUnits])];
}

export async function policyFor(deps: FactsDeps, date: string): Promise<ScoringPolicy> {
  const year = Number(date.slice(0, 4));
  return (await deps.policies.latest(year)) ?? defaultPolicy(year);
}

/** The counters a fact moves: `add` and the unit's points from its ledger lines, in each period of the day. */
export async function countersFor(
  deps: FactsDeps,
  unitIds: string[],
  lines: LedgerLine[],
  at: Date,
  add: CounterChange['add'],
): Promise<CounterChange[]> {
  const changes: CounterChange[] = [];
  for (const unitId of unitIds) {
    const unit = await deps.units.get(unitId);
    const cents = lines
      .filter((line) => line.unitId === unitId)
      .reduce((sum, line) => sum + Math.round(line.points * 100), 0);
    for (const period of periodsOf(at)) {
      changes.push({
        unitId,
        unitClass: unit?.class ?? 'unknown',
        period,
        add: { ...add, points: cents / 100 },
      });
    }
  }
  return changes;
}

export function factEvent(principal: Principal, at: string, action: string, comment: string): HistoryEvent {
  return { at, ...actorOf(principal), role: principal.role, action, comment };
}

/** 落实反馈 status against `now` (Asia/Shanghai dates). */
export function feedbackStatus(
  instruction: Pick<InstructionFact, 'feedbackDate' | 'feedbackDue'>,
  now: Date,
): FeedbackStatus {
  if (instruction.feedbackDate) {
    return instruction.feedbackDate <= instruction.feedbackDue ? 'on-time' : 'late';
  }
  return shanghaiDate(now) > instruction.feedbackDue ? 'overdue' : 'pending';
}
