import type { components } from '../../api/schema.generated';

export type Commission = components['schemas']['Commission'];
export type CommissionSummary = components['schemas']['CommissionSummary'];
export type CommissionUnitStatus = components['schemas']['CommissionUnit']['status'];

/** Each unit's answer to a 约稿, in the office's words and tag colours. */
export const commissionUnitStatuses: Record<
  CommissionUnitStatus,
  { label: string; tag: 'primary' | 'success' | 'info' | 'warning' | 'danger' }
> = {
  pending: { label: '待报送', tag: 'primary' },
  answered: { label: '按时报送', tag: 'success' },
  late: { label: '逾期报送', tag: 'warning' },
  missed: { label: '未报送', tag: 'danger' },
};

export interface CommissionForm {
  topic: string;
  requirements: string;
  deadline: Date | undefined;
  allUnits: boolean;
  unitIds: string[];
}

/** What the form checks before sending (the API checks the same and answers in Chinese). */
export function commissionFormProblem(form: CommissionForm, now: Date): string | undefined {
  if (form.topic.trim() === '') return '请填写约稿题目';
  if (!form.deadline) return '请选择截止时间';
  if (form.deadline.getTime() <= now.getTime()) return '截止时间须晚于当前时间';
  if (!form.allUnits && form.unitIds.length === 0) return '请选择约稿单位，或选择全部单位';
  return undefined;
}

export function commissionBody(form: CommissionForm): components['schemas']['CommissionCreate'] {
  return {
    topic: form.topic.trim(),
    requirements: form.requirements.trim(),
    deadline: (form.deadline ?? new Date()).toISOString(),
    unitIds: form.allUnits ? 'all' : [...form.unitIds],
  };
}
