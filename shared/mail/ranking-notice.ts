/**
 * The monthly ranking notice (政务信息采用情况通报): one table with a section per unit class, the
 * 零报送 / 零采用 annex and a link to the notice's archive page (with the score chart), as an HTML
 * part and a plain-text part. Everything a unit typed (its name) is escaped.
 */
import type { Ranking, RankingRow } from '../domain/ranking';
import type { RenderedMail } from '../store/ses/mail-sender';
import { mailPage } from './layout';
import { escapeHtml } from './urgent-item';

const classLabels: Record<string, string> = { county: '县市区', department: '市直部门' };
const classLabel = (unitClass: string) => classLabels[unitClass] ?? unitClass;

/** `2026-10` → `2026年10月`; other periods unchanged. */
export function periodLabel(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? `${month[1]}年${Number(month[2])}月` : period;
}

/** ↑2, ↓1, 持平, or 新 when the unit was not ranked the period before. */
export function changeLabel(change: number | undefined): string {
  if (change === undefined) return '新';
  if (change > 0) return `↑${change}`;
  if (change < 0) return `↓${-change}`;
  return '持平';
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

const columns = ['名次', '单位', '报送', '采用', '采用率', '得分', '变化'] as const;

function cells(row: RankingRow): string[] {
  return [
    String(row.rank),
    oneLine(row.name),
    String(row.submitted),
    String(row.adopted),
    `${row.adoptionRate}%`,
    String(row.points),
    changeLabel(row.change),
  ];
}

/** `<base>/rankings/<month>.html`: the notice's archive page; undefined without a usable base URL. */
export function rankingPageUrl(base: string | undefined, month: string): string | undefined {
  if (!base) return undefined;
  try {
    const { protocol } = new URL(base);
    if (protocol !== 'https:' && protocol !== 'http:') return undefined;
  } catch {
    return undefined;
  }
  return `${base.replace(/\/+$/, '')}/rankings/${month}.html`;
}

export function renderRankingNotice(period: string, rankings: Ranking[], archiveLink?: string): RenderedMail {
  const label = periodLabel(period);
  const subject = `${label}政务信息采用情况通报`;
  const title = `政务信息采用情况通报（${label}）`;
  const annex = (names: string[]) => (names.length ? names.map(oneLine).join('、') : '无');

  const text = [
    '各县市区、市直各部门：',
    '',
    `现将${label}各单位政务信息报送、采用情况通报如下。`,
    '',
    ...rankings.flatMap((ranking, index) => [
      `${['一', '二', '三', '四'][index] ?? index + 1}、${classLabel(ranking.unitClass)}`,
      columns.join('\t'),
      ...(ranking.rows.length ? ranking.rows.map((row) => cells(row).join('\t')) : ['（无单位）']),
      '',
    ]),
    '附：',
    ...rankings.flatMap((ranking) => [
      `${classLabel(ranking.unitClass)}零报送单位：${annex(ranking.zeroReport)}`,
      `${classLabel(ranking.unitClass)}零采用单位：${annex(ranking.zeroAdoption)}`,
    ]),
    ...(archiveLink ? ['', `在线查看（含得分图）：${archiveLink}`] : []),
    '',
    '——',
    '本邮件由信报系统自动发送，请勿直接回复。',
    '',
  ].join('\n');

  const cell = 'padding:4px 6px;border:1px solid #ddd;text-align:center;';
  const head = columns.map((column) => `<th scope="col" style="${cell}background:#f0f0f0;">${column}</th>`);
  const sections = rankings
    .map((ranking) => {
      const heading = `<tr><th scope="rowgroup" colspan="${columns.length}" style="${cell}text-align:left;background:#fafafa;">${escapeHtml(classLabel(ranking.unitClass))}</th></tr>`;
      const body = ranking.rows.length
        ? ranking.rows.map(
            (row) =>
              `<tr>${cells(row)
                .map((value) => `<td style="${cell}">${escapeHtml(value)}</td>`)
                .join('')}</tr>`,
          )
        : [`<tr><td colspan="${columns.length}" style="${cell}">（无单位）</td></tr>`];
      return `<tbody>\n${heading}\n${body.join('\n')}\n</tbody>`;
    })
    .join('\n');
  const tables = `<table style="width:100%;border-collapse:collapse;font-size:14px;">
<thead><tr>${head.join('')}</tr></thead>
${sections}
</table>`;
  const link = archiveLink
    ? `<p style="margin:16px 0;"><a href="${escapeHtml(archiveLink)}" style="display:inline-block;padding:10px 16px;background:#b00020;color:#ffffff;text-decoration:none;border-radius:4px;">在线查看（含得分图）</a></p>\n`
    : '';
  const annexHtml = rankings
    .map(
      (ranking) =>
        `<p style="margin:0 0 6px;">${escapeHtml(classLabel(ranking.unitClass))}零报送单位：${escapeHtml(annex(ranking.zeroReport))}</p>\n` +
        `<p style="margin:0 0 6px;">${escapeHtml(classLabel(ranking.unitClass))}零采用单位：${escapeHtml(annex(ranking.zeroAdoption))}</p>`,
    )
    .join('\n');

  const html = mailPage(
    subject,
    `<h1 style="margin:0 0 12px;font-size:20px;text-align:center;">${escapeHtml(title)}</h1>
<p style="margin:0 0 8px;">各县市区、市直各部门：</p>
<p style="margin:0 0 12px;text-indent:2em;">现将${escapeHtml(label)}各单位政务信息报送、采用情况通报如下。</p>
${tables}
<h2 style="margin:16px 0 8px;font-size:17px;">附：零报送、零采用单位</h2>
${annexHtml}
${link}`,
    { width: 720 },
  );
  return { subject, text, html };
}
