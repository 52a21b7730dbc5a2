/**
 * The weekly overdue report (督办通报): the full report for leaders and the office's duty
 * recipients, a reminder to each red / amber unit with its own reasons only, and the escalation
 * to the head of a unit red two weeks running. Unit names, 约稿 topics and leaders are escaped.
 */
import type { OverdueRow } from '../domain/overdue';
import type { RenderedMail } from '../store/ses/mail-sender';
import { mailPage } from './layout';
import { escapeHtml } from './urgent-item';

const statusLabels: Record<OverdueRow['status'], string> = { red: '红色', amber: '黄色', green: '绿色' };
const statusColours: Record<OverdueRow['status'], string> = {
  red: '#b00020',
  amber: '#b26a00',
  green: '#2e7d32',
};
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** `2026-W45` → `2026年第45周`. */
export function weekLabel(week: string): string {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  return match ? `${match[1]}年第${Number(match[2])}周` : week;
}

function page(subject: string, body: string): string {
  return mailPage(subject, body, { width: 720 });
}

const footer = ['', '——', '本邮件由信报系统自动发送，请勿直接回复。', ''];

export interface OverdueSummary {
  red: number;
  amber: number;
  green: number;
  units: OverdueRow[];
}

/** The full report for leaders and the office's duty recipients: red and amber units with every reason. */
export function renderOverdueReport(week: string, report: OverdueSummary): RenderedMail {
  const label = weekLabel(week);
  const subject = `政务信息报送督办通报（${label}）`;
  const flagged = report.units.filter((row) => row.status !== 'green');
  const summary = `红色 ${report.red} 个、黄色 ${report.amber} 个、绿色 ${report.green} 个单位。`;
  const text = [
    '各位领导、同志们：',
    '',
    `${label}政务信息报送督办情况：${summary}`,
    '',
    ...(flagged.length
      ? flagged.flatMap((row) => [
          `【${statusLabels[row.status]}】${oneLine(row.name)}`,
          ...row.reasons.map((reason) => `  · ${oneLine(reason.message)}`),
        ])
      : ['本周没有需要督办的单位。']),
    ...footer,
  ].join('\n');
  const cell = 'padding:4px 6px;border:1px solid #ddd;vertical-align:top;';
  const rows = flagged
    .map(
      (row) =>
        `<tr><td style="${cell}color:${statusColours[row.status]};white-space:nowrap;">${statusLabels[row.status]}</td>` +
        `<td style="${cell}">${escapeHtml(oneLine(row.name))}</td>` +
        `<td style="${cell}">${row.reasons.map((reason) => escapeHtml(oneLine(reason.message))).join('<br>')}</td></tr>`,
    )
    .join('\n');
  const html = page(
    subject,
    `<h1 style="margin:0 0 12px;font-size:20px;">${escapeHtml(subject)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(summary)}</p>
${
  flagged.length
    ? `<table style="width:100%;border-collapse:collapse;font-size:14px;">
<thead><tr><th style="${cell}background:#f0f0f0;">状态</th><th style="${cell}background:#f0f0f0;">单位</th><th style="${cell}background:#f0f0f0;">原因</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`
    : '<p>本周没有需要督办的单位。</p>'
}`,
  );
  return { subject, text, html };
}

/** The reminder to one unit's contacts: its status and its own reasons, nothing about others. */
export function renderOverdueReminder(week: string, row: OverdueRow): RenderedMail {
  const label = weekLabel(week);
  const name = oneLine(row.name);
  const subject = `【督办提醒】${name}政务信息报送情况（${label}）`;
  const text = [
    `${name}信息工作联系人：`,
    '',
    `截至${label}，贵单位政务信息报送情况为${statusLabels[row.status]}，具体如下：`,
    ...row.reasons.map((reason) => `  · ${oneLine(reason.message)}`),
    '',
    '请抓紧报送信息。',
    ...footer,
  ].join('\n');
  const html = page(
    subject,
    `<p style="margin:0 0 8px;color:${statusColours[row.status]};font-weight:bold;">【督办提醒·${statusLabels[row.status]}】</p>
<p style="margin:0 0 8px;">${escapeHtml(name)}信息工作联系人：</p>
<p style="margin:0 0 8px;text-indent:2em;">截至${escapeHtml(label)}，贵单位政务信息报送情况如下：</p>
<ul style="margin:0 0 12px;">
${row.reasons.map((reason) => `<li>${escapeHtml(oneLine(reason.message))}</li>`).join('\n')}
</ul>
<p style="margin:0;text-indent:2em;">请抓紧报送信息。</p>`,
  );
  return { subject, text, html };
}

/**
 * The escalation to a unit's head (主要负责人) when the unit is red for the second week running:
 * one more mail, besides the contacts' reminder, that says so plainly.
 */
export function renderOverdueEscalation(week: string, row: OverdueRow): RenderedMail {
  const label = weekLabel(week);
  const name = oneLine(row.name);
  const subject = `【督办升级】${name}连续两周报送情况为红色`;
  const lead = `截至${label}，贵单位政务信息报送情况已连续第二周为红色，具体如下：`;
  const ask = '请督促本单位信息工作人员抓紧报送信息，并落实有关反馈。';
  const text = [
    `${name}主要负责同志：`,
    '',
    lead,
    ...row.reasons.map((reason) => `  · ${oneLine(reason.message)}`),
    '',
    ask,
    ...footer,
  ].join('\n');
  const html = page(
    subject,
    `<p style="margin:0 0 8px;color:${statusColours.red};font-weight:bold;">【督办升级·连续两周红色】</p>
<p style="margin:0 0 8px;">${escapeHtml(name)}主要负责同志：</p>
<p style="margin:0 0 8px;text-indent:2em;">${escapeHtml(lead)}</p>
<ul style="margin:0 0 12px;">
${row.reasons.map((reason) => `<li>${escapeHtml(oneLine(reason.message))}</li>`).join('\n')}
</ul>
<p style="margin:0;text-indent:2em;">${escapeHtml(ask)}</p>`,
  );
  return { subject, text, html };
}
