/**
 * The reminder to a unit that has not yet answered a 约稿 whose deadline is near (约稿提醒):
 * the topic, requirements and deadline, and how to answer. Topic, requirements and unit name are escaped.
 */
import type { RenderedMail } from '../store/ses/mail-sender';
import { escapeHtml, mailPage } from './layout';
import { shanghaiTime } from './urgent-item';

export interface CommissionReminder {
  unitName: string;
  commissionId: string;
  topic: string;
  requirements: string;
  /** ISO instant. */
  deadline: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A subject stays short on a phone: long topics are cut at 16 characters. */
function shortTopic(topic: string): string {
  const characters = Array.from(oneLine(topic));
  return characters.length <= 16 ? characters.join('') : `${characters.slice(0, 16).join('')}…`;
}

/** `11月27日` of an instant in Asia/Shanghai. */
function monthDay(at: string): string {
  const local = new Date(Date.parse(at) + 8 * 3600_000);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

export function renderCommissionReminder(reminder: CommissionReminder): RenderedMail {
  const name = oneLine(reminder.unitName);
  const topic = oneLine(reminder.topic);
  const deadline = `${shanghaiTime(reminder.deadline)}（北京时间）`;
  const subject = `【约稿提醒】“${shortTopic(reminder.topic)}”${monthDay(reminder.deadline)}截止`;
  const lead = `约稿“${topic}”将于${deadline}截止，贵单位尚未报送，请抓紧组织报送。`;
  const how = `报送时请在稿件中填写约稿编号 ${reminder.commissionId}，逾期未报将按考核办法扣分。`;
  const requirements = reminder.requirements
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const text = [
    `${name}信息工作联系人：`,
    '',
    lead,
    '',
    '约稿要求：',
    ...requirements.map((line) => `  ${line}`),
    '',
    how,
    '',
    '——',
    '本邮件由信报系统自动发送，请勿直接回复。',
    '',
  ].join('\n');
  const html = mailPage(
    subject,
    `<p style="margin:0 0 8px;color:#b26a00;font-weight:bold;">【约稿提醒】</p>
<p style="margin:0 0 8px;">${escapeHtml(name)}信息工作联系人：</p>
<p style="margin:0 0 12px;text-indent:2em;">${escapeHtml(lead)}</p>
<h2 style="margin:0 0 6px;font-size:16px;">约稿要求</h2>
${requirements.map((line) => `<p style="margin:0 0 6px;text-indent:2em;">${escapeHtml(line)}</p>`).join('\n')}
<p style="margin:12px 0 0;">${escapeHtml(how)}</p>`,
  );
  return { subject, text, html };
}
