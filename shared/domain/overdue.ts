/**
 * The overdue-unit report (督办): which units have gone silent, fall behind their monthly quota,
 * have no adoption this year, let a 约稿 pass, or owe a 批示's 落实反馈 past its due date —
 * red, amber or green per unit. Pure.
 */
export interface OverdueUnit {
  unitId: string;
  name: string;
  unitClass: string;
  lastSubmittedAt?: string;
}

export interface OverdueInputs {
  now: Date;
  silentDays: number;
  /** Items a month per unit class (the policy's quota). */
  quotaPerMonth: Record<string, number>;
  submittedThisMonth: Map<string, number>;
  adoptedThisYear: Map<string, number>;
  /** Topics of the 约稿 each unit missed (deadline passed, no answer). */
  missedCommissions: Map<string, string[]>;
  /** The 批示 each unit owes a 落实反馈 for, past the due date (no feedback recorded). */
  feedbackOverdue: Map<string, OverdueFeedback[]>;
}

export interface OverdueFeedback {
  /** 批示领导, as recorded. */
  leader: string;
  /** `YYYY-MM-DD`. */
  feedbackDue: string;
  /** The 批示 and its item, for the unit's 站内消息. */
  instructionId?: string;
  itemId?: string;
}

export interface OverdueReason {
  code: 'SILENT' | 'BELOW_QUOTA_PACE' | 'ZERO_ADOPTION' | 'COMMISSION_MISSED' | 'FEEDBACK_OVERDUE';
  message: string;
}

export interface OverdueRow {
  unitId: string;
  name: string;
  unitClass: string;
  status: 'red' | 'amber' | 'green';
  reasons: OverdueReason[];
}

const dayMs = 86_400_000;
const shanghai = (at: Date) => new Date(at.getTime() + 8 * 3600_000);

/** Items a unit should have by today to keep pace with its monthly quota (rounded down). */
export function quotaPace(perMonth: number, now: Date): number {
  const local = shanghai(now);
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  return Math.floor((perMonth * local.getUTCDate()) / daysInMonth);
}

function reasonsOf(unit: OverdueUnit, inputs: OverdueInputs): OverdueReason[] {
  const reasons: OverdueReason[] = [];
  const silentFor = unit.lastSubmittedAt
    ? Math.floor((inputs.now.getTime() - Date.parse(unit.lastSubmittedAt)) / dayMs)
    : undefined;
  if (silentFor === undefined || silentFor >= inputs.silentDays) {
    reasons.push({
      code: 'SILENT',
      message: silentFor === undefined ? '从未报送信息' : `已连续 ${silentFor} 天未报送信息`,
    });
  }
  const perMonth = inputs.quotaPerMonth[unit.unitClass] ?? 0;
  const expected = quotaPace(perMonth, inputs.now);
  const submitted = inputs.submittedThisMonth.get(unit.unitId) ?? 0;
  if (submitted < expected) {
    reasons.push({
      code: 'BELOW_QUOTA_PACE',
      message: `本月已报送 ${submitted} 篇，按每月 ${perMonth} 篇的进度此时应不少于 ${expected} 篇`,
    });
  }
  if ((inputs.adoptedThisYear.get(unit.unitId) ?? 0) === 0) {
    reasons.push({ code: 'ZERO_ADOPTION', message: '今年尚无信息被采用' });
  }
  const missed = inputs.missedCommissions.get(unit.unitId) ?? [];
  if (missed.length > 0) {
    reasons.push({
      code: 'COMMISSION_MISSED',
      message: `约稿逾期未报：${missed.map((topic) => `“${topic}”`).join('、')}`,
    });
  }
  const feedback = inputs.feedbackOverdue.get(unit.unitId) ?? [];
  if (feedback.length > 0) {
    reasons.push({
      code: 'FEEDBACK_OVERDUE',
      message: `批示落实反馈逾期未报：${feedback.map(dueLabel).join('、')}`,
    });
  }
  return reasons;
}

/** `张市长批示（应于11月20日前反馈）`. */
function dueLabel(feedback: OverdueFeedback): string {
  const [, month, day] = feedback.feedbackDue.split('-');
  return `${feedback.leader}批示（应于${Number(month)}月${Number(day)}日前反馈）`;
}

/** Red when silent or behind on two or more counts; amber on one; green otherwise. */
export function overdueReport(units: OverdueUnit[], inputs: OverdueInputs): OverdueRow[] {
  const rank = { red: 0, amber: 1, green: 2 } as const;
  return units
    .map((unit): OverdueRow => {
      const reasons = reasonsOf(unit, inputs);
      const status =
        reasons.some((reason) => reason.code === 'SILENT') || reasons.length >= 2
          ? 'red'
          : reasons.length === 1
            ? 'amber'
            : 'green';
      return { unitId: unit.unitId, name: unit.name, unitClass: unit.unitClass, status, reasons };
    })
    .sort((a, b) => rank[a.status] - rank[b.status] || a.unitId.localeCompare(b.unitId));
}
