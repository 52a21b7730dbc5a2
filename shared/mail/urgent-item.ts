/**
 * The urgent-item alert (重要紧急信息提醒) sent to the office's duty recipients when a unit
 * submits an `important` item: a Chinese subject, a plain-text part and a phone-friendly HTML part.
 */
import type { Item } from '../schemas/items';
import type { RenderedMail } from '../store/ses/mail-sender';
import { escapeHtml, mailPage } from './layout';

export interface UrgentItemAlert {
  item: Pick<Item, 'itemId' | 'title' | 'body' | 'eventDate' | 'submittedAt' | 'approver' | 'author'>;
  /** The unit's full name; the id when the unit cannot be found. */
  unitName: string;
}

/** How much of the body the alert carries. */
export const excerptLength = 300;

export { escapeHtml } from './layout';

/** One line: no line breaks (a header must not be split), collapsed spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `2026年11月25日 14:05` in Asia/Shanghai. */
export function shanghaiTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`;
}

/** `2026-11-24` → `2026年11月24日`. */
export function chineseDate(localDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  return match ? `${match[1]}年${match[2]}月${match[3]}日` : localDate;
}

/** The first `excerptLength` characters (code points, so no CJK or emoji is cut in half). */
export function excerpt(body: string): { text: string; truncated: boolean } {
  const characters = Array.from(body.trim());
  if (characters.length <= excerptLength) return { text: characters.join(''), truncated: false };
  return { text: `${characters.slice(0, excerptLength).join('').trimEnd()}……`, truncated: true };
}

export function renderUrgentItemAlert({ item, unitName }: UrgentItemAlert): RenderedMail {
  const title = oneLine(item.title);
  const unit = oneLine(unitName);
  const subject = `【重要紧急信息】${unit}：${title}`;
  const body = excerpt(item.body);
  const fields: [string, string][] = [
    ['报送单位', unit],
    ['事件日期', chineseDate(item.eventDate)],
    ['报送时间', `${shanghaiTime(item.submittedAt)}（北京时间）`],
    ['审核领导', item.approver],
    ['执笔人', `${item.author.name}　电话：${item.author.phone}`],
    ['稿件编号', item.itemId],
  ];

  const text = [
    '信息科值班同志：',
    '',
    `${unit}报送了一条重要紧急信息，请及时处理。`,
    '',
    `标题：${title}`,
    ...fields.map(([label, value]) => `${label}：${value}`),
    '',
    `正文${body.truncated ? `（前${excerptLength}字）` : ''}：`,
    body.text,
    '',
    '——',
    '本邮件由信报系统自动发送，请勿直接回复。',
    '',
  ].join('\n');

  const cell = 'padding:6px 8px;border-bottom:1px solid #eee;vertical-align:top;';
  const rows = fields
    .map(
      ([label, value]) =>
        `<tr><th scope="row" style="${cell}text-align:left;white-space:nowrap;color:#555;font-weight:normal;">` +
        `${escapeHtml(label)}</th><td style="${cell}word-break:break-all;">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const paragraphs = body.text
    .split(/\n+/)
    .filter((line) => line.trim() !== '')
    .map((line) => `<p style="margin:0 0 8px;text-indent:2em;">${escapeHtml(line.trim())}</p>`)
    .join('\n');

  const html = mailPage(
    subject,
    `<p style="margin:0 0 8px;color:#b00020;font-weight:bold;">【重要紧急信息】</p>
<h1 style="margin:0 0 12px;font-size:20px;line-height:1.4;">${escapeHtml(title)}</h1>
<p style="margin:0 0 12px;">${escapeHtml(unit)}报送了一条重要紧急信息，请及时处理。</p>
<table role="presentation" style="width:100%;border-collapse:collapse;font-size:15px;margin:0 0 16px;">
${rows}
</table>
<h2 style="margin:0 0 8px;font-size:16px;">正文${body.truncated ? `（前${excerptLength}字）` : ''}</h2>
${paragraphs}`,
  );
  return { subject, text, html };
}
