/**
 * The monthly ranking notice (采用情况通报) on the archive: per unit class a bar chart of scores
 * as inline SVG (no script; each bar labelled in text and titled for screen readers) and the same
 * figures as a table, plus the 零报送 / 零采用 annex; and the index of every published notice.
 */
import type { Ranking, RankingRow } from '../../domain/ranking';
import { unitClassLabels } from '../../schemas/units';
import { relative, siteKeys } from '../site';
import { html, type SafeHtml } from './escape';
import { breadcrumbs, page } from './layout';

const classLabel = (unitClass: string) =>
  (unitClassLabels as Record<string, string | undefined>)[unitClass] ?? unitClass;

/** `2026-10` → `2026年10月`. */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return `${year}年${Number(number)}月`;
}

const changeLabel = (change: number | undefined) =>
  change === undefined ? '新' : change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '持平';

/** Two decimals at most, no trailing zeros. */
const score = (points: number) => String(Math.round(points * 100) / 100);

// The chart is drawn at phone width (320 units): each unit takes a label line and a bar below it.
const chart = { width: 320, valueWidth: 56, row: 40, label: 14, bar: 14, top: 4 } as const;

/** Horizontal bars of every unit's score; negative scores extend left of the zero line. */
export function scoreChart(id: string, caption: string, rows: RankingRow[]): SafeHtml {
  if (rows.length === 0) return html``;
  const values = rows.map((row) => row.points);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const span = high - low || 1;
  const area = chart.width - chart.valueWidth;
  const x = (value: number) => Math.round(((value - low) / span) * area * 10) / 10;
  const zero = x(0);
  const height = chart.top + rows.length * chart.row;
  const summary = rows.map((row) => `${row.name}${score(row.points)}分`).join('，');
  return html`<figure class="chart">
<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${chart.width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
<title id="${id}-title">${caption}</title>
<desc id="${id}-desc">${summary}</desc>
${rows.map((row, index) => {
  const top = chart.top + index * chart.row;
  const end = x(row.points);
  const left = Math.min(zero, end);
  const width = Math.max(Math.abs(end - zero), row.points === 0 ? 0 : 1);
  return html`<g>
<title>第${row.rank}名 ${row.name}：${score(row.points)}分</title>
<text x="0" y="${top + chart.label}" font-size="${chart.label}" fill="#1f1f1f">${row.rank}. ${row.name}</text>
<rect x="${left}" y="${top + chart.label + 4}" width="${width}" height="${chart.bar}" fill="${row.points < 0 ? '#6b6b6b' : '#a40000'}"></rect>
<text x="${chart.width}" y="${top + chart.label + 4 + chart.bar - 2}" font-size="${chart.label}" text-anchor="end" fill="#1f1f1f">${score(row.points)}分</text>
</g>
`;
})}<line x1="${zero}" y1="0" x2="${zero}" y2="${height}" stroke="#4a4a4a" stroke-width="1"></line>
</svg>
<figcaption>${caption}</figcaption>
</figure>`;
}

function rankingTable(ranking: Ranking, label: string): SafeHtml {
  // A narrow screen scrolls the table sideways: the region is focusable so keyboards can scroll it too.
  return html`<div class="table-scroll" tabindex="0" role="region" aria-label="${label}排名明细">
<table class="ranking">
<caption class="vh">${label}排名明细</caption>
<thead><tr><th scope="col">名次</th><th scope="col">单位</th><th scope="col">报送</th><th scope="col">采用</th><th scope="col">采用率</th><th scope="col">得分</th><th scope="col">变化</th></tr></thead>
<tbody>
${ranking.rows.map(
  (row) =>
    html`<tr><td>${row.rank}</td><th scope="row">${row.name}</th><td>${row.submitted}</td><td>${row.adopted}</td><td>${row.adoptionRate}%</td><td>${score(row.points)}</td><td>${changeLabel(row.change)}</td></tr>\n`,
)}</tbody>
</table>
</div>`;
}

export function renderRankingNoticePage(month: string, rankings: Ranking[], officeName: string): string {
  const key = siteKeys.rankingNotice(month);
  const label = monthLabel(month);
  const title = `${label}政务信息采用情况通报`;
  const annex = (names: string[]) => (names.length ? names.join('、') : '无');
  const body = html`${breadcrumbs(key, [{ label: '采用情况通报', to: siteKeys.rankingNotices }, { label }])}
<h1>${title}</h1>
<p class="lead">现将${label}各单位政务信息报送、采用情况通报如下。得分为各单位积分明细之和，同类单位之间排名。</p>
${rankings.map((ranking) => {
  const name = classLabel(ranking.unitClass);
  const id = `c-${ranking.unitClass}`;
  return html`<section aria-labelledby="${id}">
<h2 id="${id}">${name}</h2>
${
  ranking.rows.length === 0
    ? html`<p>本类暂无单位。</p>`
    : html`${scoreChart(`chart-${ranking.unitClass}`, `${name}得分（${label}）`, ranking.rows)}
${rankingTable(ranking, name)}`
}
</section>
`;
})}<section aria-labelledby="annex">
<h2 id="annex">附：零报送、零采用单位</h2>
<ul>
${rankings.map(
  (ranking) =>
    html`<li>${classLabel(ranking.unitClass)}零报送单位：${annex(ranking.zeroReport)}</li>
<li>${classLabel(ranking.unitClass)}零采用单位：${annex(ranking.zeroAdoption)}</li>
`,
)}</ul>
</section>`;
  return page({ key, title, officeName, body });
}

/** Every published notice, newest first. */
export function renderRankingNoticesIndex(months: string[], officeName: string): string {
  const key = siteKeys.rankingNotices;
  const sorted = [...months].sort().reverse();
  const body = html`${breadcrumbs(key, [{ label: '采用情况通报' }])}
<h1>政务信息采用情况通报</h1>
${
  sorted.length === 0
    ? html`<p>暂无通报。</p>`
    : html`<ul class="notices">
${sorted.map(
  (month) =>
    html`<li><a href="${relative(key, siteKeys.rankingNotice(month))}">${monthLabel(month)}政务信息采用情况通报</a></li>\n`,
)}</ul>`
}`;
  return page({ key, title: '采用情况通报', officeName, body });
}
