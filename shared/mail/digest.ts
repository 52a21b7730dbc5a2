/**
 * The leader digest (领导摘要): important items submitted, bulletins published, the overdue
 * counts for one day or one week, and the units whose rank moved most this month. Titles, unit
 * and series names are escaped.
 */
import type { RenderedMail } from '../store/ses/mail-sender';
import { mailPage } from './layout';
import { escapeHtml } from './urgent-item';

export interface DigestWindow {
  frequency: 'daily' | 'weekly';
  /** `D-YYYY-MM-DD` or `W-YYYY-Www`. */
  period: string;
  /** Inclusive start and exclusive end, ISO instants. */
  from: string;
  to: string;
}

export interface DigestContent {
  items: Array<{ title: string; unitName: string; submittedAt: string }>;
  bulletins: Array<{ seriesName: string; year: number; number?: number; publishedAt: string }>;
  overdue: { red: number; amber: number };
  /** Rank movement this month so far against last month (up to 3 each way); absent or empty: no section. */
  movement?: RankMovement;
}

export interface RankMover {
  name: string;
  /** Rank now, within the unit's class. */
  rank: number;
  /** Places gained (positive) or lost (negative) since last month. */
  change: number;
}

export interface RankMovement {
  /** `YYYY-MM`. */
  month: string;
  up: RankMover[];
  down: RankMover[];
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Nothing new and no unit needing 督办: the digest is not sent (rank movement alone does not send it). */
export function isDigestEmpty(content: DigestContent): boolean {
  return (
    content.items.length === 0 &&
    content.bulletins.length === 0 &&
    content.overdue.red === 0 &&
    content.overdue.amber === 0
  );
}

/** Month and day of an instant in Asia/Shanghai. */
function monthDay(at: string): { month: number; day: number } {
  const local = new Date(Date.parse(at) + 8 * 3600_000);
  return { month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** `11月25日` for a day; `11月18日—24日` (or `11月25日—12月1日`) for a week. */
export function windowLabel(window: DigestWindow): string {
  const first = monthDay(window.from);
  const last = monthDay(new Date(Date.parse(window.to) - 1).toISOString());
  if (window.frequency === 'daily') return `${first.month}月${first.day}日`;
  return first.month === last.month
    ? `${first.month}月${first.day}日—${last.day}日`
    : `${first.month}月${first.day}日—${last.month}月${last.day}日`;
}

/** `11月25日 09:30` in Asia/Shanghai. */
function stamp(at: string): string {
  const local = new Date(Date.parse(at) + 8 * 3600_000);
  const time = local.toISOString().slice(11, 16);
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${time}`;
}

function issueName(bulletin: DigestContent['bulletins'][number]): string {
  const number = bulletin.number !== undefined ? `第${bulletin.number}期` : '';
  return `${oneLine(bulletin.seriesName)}（${bulletin.year}年${number}）`;
}

function page(subject: string, body: string): string {
  return mailPage(subject, body, {
    width: 720,
    footer: '本邮件由信报系统自动发送，请勿直接回复。如不需要摘要，请联系信息科调整接收设置。',
  });
}

function moverLine(mover: RankMover): string {
  const arrow = mover.change > 0 ? `↑${mover.change}` : `↓${-mover.change}`;
  return `${oneLine(mover.name)} ${arrow}（现第${mover.rank}名）`;
}

/** `11月排名变化（截至目前，与上月比）` and its lines; undefined when nothing moved. */
function movementSection(movement: RankMovement | undefined) {
  if (!movement || (movement.up.length === 0 && movement.down.length === 0)) return undefined;
  const heading = `${Number(movement.month.slice(5, 7))}月排名变化（截至目前，与上月比）`;
  const lines = [
    ...(movement.up.length ? [`上升：${movement.up.map(moverLine).join('；')}`] : []),
    ...(movement.down.length ? [`下降：${movement.down.map(moverLine).join('；')}`] : []),
  ];
  return { heading, lines };
}

export function renderDigest(window: DigestWindow, content: DigestContent): RenderedMail {
  const label = windowLabel(window);
  const kind = window.frequency === 'daily' ? '每日' : '每周';
  const scope = window.frequency === 'daily' ? '当日' : '本周';
  const subject = `信报${kind}摘要（${label}）`;
  const movement = movementSection(content.movement);
  const overdueLine = `截至目前，督办红色 ${content.overdue.red} 个、黄色 ${content.overdue.amber} 个单位。`;
  const text = [
    '各位领导：',
    '',
    `${label}政务信息工作摘要如下。`,
    '',
    `一、重要紧急信息（${content.items.length} 条）`,
    ...(content.items.length
      ? content.items.map(
          (item) => `  · ${oneLine(item.title)}（${oneLine(item.unitName)}，${stamp(item.submittedAt)}）`,
        )
      : [`  ${scope}无。`]),
    '',
    `二、刊物发布（${content.bulletins.length} 期）`,
    ...(content.bulletins.length
      ? content.bulletins.map((bulletin) => `  · ${issueName(bulletin)}，${stamp(bulletin.publishedAt)}`)
      : [`  ${scope}无。`]),
    '',
    '三、督办情况',
    `  ${overdueLine}`,
    '',
    ...(movement ? [`四、${movement.heading}`, ...movement.lines.map((line) => `  ${line}`), ''] : []),
    '——',
    '本邮件由信报系统自动发送，请勿直接回复。',
    '',
  ].join('\n');
  const list = (entries: string[]) =>
    entries.length
      ? `<ul style="margin:0 0 12px;">\n${entries.map((entry) => `<li>${entry}</li>`).join('\n')}\n</ul>`
      : `<p style="margin:0 0 12px;color:#666;">${scope}无。</p>`;
  const html = page(
    subject,
    `<h1 style="margin:0 0 12px;font-size:20px;">${escapeHtml(subject)}</h1>
<h2 style="margin:12px 0 6px;font-size:17px;">重要紧急信息（${content.items.length} 条）</h2>
${list(
  content.items.map(
    (item) =>
      `${escapeHtml(oneLine(item.title))}<span style="color:#666;">（${escapeHtml(oneLine(item.unitName))}，${escapeHtml(stamp(item.submittedAt))}）</span>`,
  ),
)}
<h2 style="margin:12px 0 6px;font-size:17px;">刊物发布（${content.bulletins.length} 期）</h2>
${list(
  content.bulletins.map(
    (bulletin) =>
      `${escapeHtml(issueName(bulletin))}<span style="color:#666;">，${escapeHtml(stamp(bulletin.publishedAt))}</span>`,
  ),
)}
<h2 style="margin:12px 0 6px;font-size:17px;">督办情况</h2>
<p style="margin:0 0 12px;">${escapeHtml(overdueLine)}</p>${
      movement
        ? `\n<h2 style="margin:12px 0 6px;font-size:17px;">${escapeHtml(movement.heading)}</h2>\n` +
          movement.lines.map((line) => `<p style="margin:0 0 6px;">${escapeHtml(line)}</p>`).join('\n')
        : ''
    }`,
  );
  return { subject, text, html };
}
