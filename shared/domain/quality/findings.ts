import type { Finding } from '../../schemas/items';
import { daysBetween, shanghaiDate } from './dates';
import { meetingOnlyEvidence } from './meeting-only';
import { vagueTimeWords } from './vague-time';

/** What the checks read; an `ItemSubmit` fits, and so does an imported or pre-checked draft. */
export interface QualityInput {
  title: string;
  body: string;
  /** YYYY-MM-DD, Asia/Shanghai. */
  eventDate: string;
  urgency: 'normal' | 'important';
  approver?: string;
  author?: { name?: string; phone?: string };
}

/** Lengths in characters, whitespace not counted (a bulletin item is ~300–1,500 characters). */
export const TITLE_MIN = 8;
export const TITLE_MAX = 40;
export const BODY_MIN = 150;
export const BODY_MAX = 3000;

/**
 * Days after the event beyond which an item is late: 重要紧急信息 must arrive within 2 days
 * (the assessment penalises late important items), ordinary items within 10 days. Days are
 * Shanghai calendar days: an event on the 1st submitted on the 3rd is 2 days — on time.
 */
export const LATE_AFTER_DAYS = { important: 2, normal: 10 } as const;

function charCount(text: string): number {
  return Array.from(text.replace(/\s+/gu, '')).length;
}

function blank(value: string | undefined): boolean {
  return !value || value.trim() === '';
}

function lengthFindings(title: string, body: string): Finding[] {
  const findings: Finding[] = [];
  const titleLength = charCount(title);
  const bodyLength = charCount(body);
  if (titleLength > TITLE_MAX) {
    findings.push({
      code: 'TITLE_TOO_LONG',
      message: `标题 ${titleLength} 字，超过 ${TITLE_MAX} 字，请压缩为一句话概括核心事实。`,
    });
  } else if (titleLength < TITLE_MIN) {
    findings.push({
      code: 'TITLE_TOO_SHORT',
      message: `标题仅 ${titleLength} 字，少于 ${TITLE_MIN} 字，请写明主体、事项和成效。`,
    });
  }
  if (bodyLength < BODY_MIN) {
    findings.push({
      code: 'BODY_TOO_SHORT',
      message: `正文仅 ${bodyLength} 字，少于 ${BODY_MIN} 字，请补充做法、成效和具体数据。`,
    });
  } else if (bodyLength > BODY_MAX) {
    findings.push({
      code: 'BODY_TOO_LONG',
      message: `正文 ${bodyLength} 字，超过 ${BODY_MAX} 字，请精简；如拟报《专报》可适当放宽，请在报送时说明。`,
    });
  }
  return findings;
}

function signoffFinding(input: QualityInput): Finding | undefined {
  const missing = [
    blank(input.approver) ? '审核领导' : undefined,
    blank(input.author?.name) ? '执笔人姓名' : undefined,
    blank(input.author?.phone) ? '执笔人电话' : undefined,
  ].filter((field): field is string => field !== undefined);
  if (missing.length === 0) return undefined;
  return {
    code: 'MISSING_SIGNOFF',
    message: `缺少${missing.join('、')}，请补全签发信息后报送。`,
    evidence: missing,
  };
}

function lateFinding(input: QualityInput, now: Date): Finding | undefined {
  const today = shanghaiDate(now);
  const days = daysBetween(input.eventDate, today);
  const limit = LATE_AFTER_DAYS[input.urgency];
  if (days === undefined || days <= limit) return undefined;
  const kind = input.urgency === 'important' ? '重要紧急信息' : '信息';
  return {
    code: 'LATE',
    message: `事件发生于 ${input.eventDate}，报送时已过 ${days} 天；${kind}应在事发后 ${limit} 天内报送，请提高时效。`,
    evidence: [`事件日期 ${input.eventDate}`, `报送日期 ${today}`],
  };
}

/**
 * Warnings returned with a submission (DESIGN §5). Secrecy is NOT here — it refuses, see
 * `findSecrecyMarker` — and neither are near-duplicates, which need the index (`duplicateFinding`).
 */
export function qualityFindings(input: QualityInput, now: Date): Finding[] {
  const findings: Finding[] = [];
  const text = `${input.title}\n${input.body}`;
  const vague = vagueTimeWords(text);
  if (vague.length > 0) {
    findings.push({
      code: 'VAGUE_TIME',
      message: `使用了“${vague.join('”“')}”等模糊时间表述，请写明具体日期（如“11月18日”）。`,
      evidence: vague,
    });
  }
  const meeting = meetingOnlyEvidence(text);
  if (meeting) {
    findings.push({
      code: 'MEETING_ONLY',
      message: '稿件只反映开会、参观、调研等过程，缺少具体成效和数据，请补充取得的实际成果、数字或典型做法。',
      evidence: meeting,
    });
  }
  findings.push(...lengthFindings(input.title, input.body));
  const signoff = signoffFinding(input);
  if (signoff) findings.push(signoff);
  const late = lateFinding(input, now);
  if (late) findings.push(late);
  return findings;
}
