/** What a submission and a month close score: pure rules, read as a unit would read its ledger. */
import { describe, expect, it } from 'vitest';
import {
  defaultPolicy,
  ledgerFor,
  ledgerTimeOf,
  monthCloseFacts,
  monthEnd,
  submissionFacts,
} from '#shared/domain/scoring/index';

const policy = defaultPolicy(2026);
const deadline = '2026-10-20T10:00:00.000Z';
const commission = { commissionId: 'cm_1', topic: '冬季供暖保障情况', deadline };
const item = (at: string, urgency: 'normal' | 'important' = 'normal', late = false) => ({
  itemId: 'it_1',
  unitId: 'linqu',
  urgency,
  submittedAt: at,
  findings: late ? [{ code: 'LATE' }, { code: 'VAGUE_TIME' }] : [{ code: 'VAGUE_TIME' }],
});
const reasons = (facts: ReturnType<typeof submissionFacts>) =>
  facts.flatMap((fact) => ledgerFor(fact, policy).map((line) => line.reason));

describe('submission facts', () => {
  it('scores a 约稿 answered up to the deadline as on time, after it as late', () => {
    expect(reasons(submissionFacts(item(deadline), commission))).toEqual([
      '约稿“冬季供暖保障情况”按时报送 +2',
    ]);
    expect(reasons(submissionFacts(item('2026-10-20T10:00:00.001Z'), commission))).toEqual([
      '约稿“冬季供暖保障情况”逾期报送 -1',
    ]);
  });

  it('penalises a late 重要紧急信息 only: an ordinary late item or an on-time important one costs nothing', () => {
    expect(reasons(submissionFacts(item(deadline, 'important', true)))).toEqual(['重要紧急信息迟报 -5']);
    expect(submissionFacts(item(deadline, 'normal', true))).toEqual([]);
    expect(submissionFacts(item(deadline, 'important', false))).toEqual([]);
  });

  it('dates its lines at the submission', () => {
    const [fact] = submissionFacts(item(deadline), commission);
    expect(fact && ledgerTimeOf(fact)).toBe(deadline);
  });
});

describe('month close facts', () => {
  const asked = [
    { ...commission, status: 'pending' as const },
    { ...commission, commissionId: 'cm_2', status: 'answered' as const },
    { ...commission, commissionId: 'cm_3', deadline: '2026-11-02T02:00:00.000Z', status: 'pending' as const },
  ];

  it('gives a county that met its quota the base points, and misses only unanswered 约稿 due in the month', () => {
    const facts = monthCloseFacts('2026-10', { unitId: 'linqu', unitClass: 'county', submitted: 5 }, asked);
    expect(facts.flatMap((fact) => ledgerFor(fact, policy))).toMatchObject([
      { rule: 'quota:county:met', points: 10, reason: '2026年10月报送 5 篇，完成每月 4 篇任务 +10' },
      { rule: 'commission:missed', refId: 'cm_1', points: -2, reason: '约稿“冬季供暖保障情况”未报送 -2' },
    ]);
  });

  it('deducts per missing item for a department below quota', () => {
    const [quota] = monthCloseFacts('2026-10', { unitId: 'fgw', unitClass: 'department', submitted: 0 }, []);
    expect(quota && ledgerFor(quota, policy)).toMatchObject([
      {
        rule: 'quota:department:missed',
        points: -4,
        reason: '2026年10月报送 0 篇，未完成每月 2 篇任务，缺 2 篇 -4',
      },
    ]);
  });

  it('puts the quota line at the last millisecond of the month in Shanghai', () => {
    expect(monthEnd('2026-10')).toBe('2026-10-31T15:59:59.999Z');
    expect(monthEnd('2026-12')).toBe('2026-12-31T15:59:59.999Z');
    const [quota] = monthCloseFacts('2026-12', { unitId: 'fgw', unitClass: 'department', submitted: 2 }, []);
    expect(quota && ledgerTimeOf(quota)).toBe('2026-12-31T15:59:59.999Z');
  });
});
