import type { components } from '../../api/schema.generated';

export type ItemFacts = components['schemas']['ItemFacts'];
export type InstructionLevel = components['schemas']['InstructionCreate']['level'];
export type FeedbackStatus = components['schemas']['Instruction']['feedbackStatus'];

export const instructionLevels: Record<InstructionLevel, string> = {
  city: '市领导',
  province: '省领导',
  state: '国务院领导',
};

export const feedbackStatuses: Record<FeedbackStatus, string> = {
  pending: '待反馈',
  'on-time': '按时反馈',
  late: '逾期反馈',
  overdue: '已过期未反馈',
};

/** Today in Beijing as YYYY-MM-DD, the default date of a fact recorded today. */
export function todayInBeijing(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export interface InstructionForm {
  leader: string;
  level: InstructionLevel;
  date: string;
  text: string;
  feedbackDue: string;
}

/** What the 批示 form checks before sending (the API checks the same). */
export function instructionProblem(form: InstructionForm): string | undefined {
  if (form.leader.trim() === '') return '请填写批示领导';
  if (!form.date) return '请选择批示日期';
  if (form.text.trim() === '') return '请填写批示内容';
  if (!form.feedbackDue) return '请选择落实反馈截止日期';
  if (form.feedbackDue < form.date) return '落实反馈截止日期不能早于批示日期';
  return undefined;
}
