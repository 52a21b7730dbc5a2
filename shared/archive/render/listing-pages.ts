/** Home, year and series pages: lists of issues, built from the whole visible state. */
import {
  allBulletins,
  bulletinsOfSeries,
  bulletinsOfYear,
  relative,
  type SiteState,
  seriesOf,
  siteKeys,
  type VisibleBulletin,
} from '../site';
import { html, type SafeHtml } from './escape';
import { bulletinLabel, chineseDate } from './format';
import { breadcrumbs, page } from './layout';

const latestOnHome = 12;

function issueEntry(from: string, b: VisibleBulletin, withSeries: boolean): SafeHtml {
  const text = withSeries ? bulletinLabel(b) : `第${b.number}期`;
  return html`<li class="issue-entry">
<p><a href="${relative(from, b.key)}">${text}</a>${b.total === undefined ? '' : `（总第${b.total}期）`}　<time datetime="${b.publishedAt}">${chineseDate(b.publishedAt)}</time></p>
<ul class="titles">
${b.items.map((item) => html`<li><a href="${relative(from, b.key)}#${item.itemId}">${item.title}</a></li>\n`)}</ul>
</li>
`;
}

function issueList(from: string, bulletins: VisibleBulletin[], withSeries: boolean): SafeHtml {
  if (bulletins.length === 0) return html`<p>暂无可公开的简报。</p>`;
  return html`<ol class="issues">\n${bulletins.map((b) => issueEntry(from, b, withSeries))}</ol>`;
}

export function renderHomePage(state: SiteState, officeName: string): string {
  const key = siteKeys.home;
  const latest = allBulletins(state).slice(0, latestOnHome);
  const series = seriesOf(state);
  const body = html`<h1>政务信息公开</h1>
<p class="lead">${officeName}编发的政务信息简报中可公开的内容，按年度和刊物分类，可全文检索。</p>
<section aria-labelledby="latest-heading">
<h2 id="latest-heading">最新各期</h2>
${issueList(key, latest, true)}
</section>
<section aria-labelledby="years-heading">
<h2 id="years-heading">按年度浏览</h2>
${
  state.years.length === 0
    ? html`<p>暂无。</p>`
    : html`<ul class="chips">\n${state.years.map(
        (entry) =>
          html`<li><a href="${relative(key, siteKeys.year(entry.year))}">${entry.year}年</a>（${entry.bulletins.length}期）</li>\n`,
      )}</ul>`
}
</section>
<section aria-labelledby="series-heading">
<h2 id="series-heading">按刊物浏览</h2>
${
  series.length === 0
    ? html`<p>暂无。</p>`
    : html`<ul class="chips">\n${series.map(
        (s) =>
          html`<li><a href="${relative(key, siteKeys.series(s.seriesId))}">《${s.seriesName}》</a></li>\n`,
      )}</ul>`
}
</section>`;
  return page({ key, title: '首页', officeName, body });
}

function groupBySeries(
  bulletins: VisibleBulletin[],
): { seriesId: string; name: string; list: VisibleBulletin[] }[] {
  const groups = new Map<string, { seriesId: string; name: string; list: VisibleBulletin[] }>();
  for (const b of bulletins) {
    const group = groups.get(b.seriesId) ?? { seriesId: b.seriesId, name: b.seriesName, list: [] };
    group.list.push(b);
    groups.set(b.seriesId, group);
  }
  return [...groups.values()];
}

export function renderYearPage(state: SiteState, year: number, officeName: string): string {
  const key = siteKeys.year(year);
  const groups = groupBySeries(bulletinsOfYear(state, year));
  const body = html`${breadcrumbs(key, [{ label: `${year}年` }])}
<h1>${year}年各期简报</h1>
${
  groups.length === 0
    ? html`<p>本年度暂无可公开的简报。</p>`
    : groups.map(
        (group) => html`<section aria-labelledby="s-${group.seriesId}">
<h2 id="s-${group.seriesId}">《${group.name}》</h2>
${issueList(key, group.list, false)}
</section>
`,
      )
}`;
  return page({ key, title: `${year}年`, officeName, body });
}

export function renderSeriesPage(state: SiteState, seriesId: string, officeName: string): string {
  const key = siteKeys.series(seriesId);
  const bulletins = bulletinsOfSeries(state, seriesId);
  const name = bulletins[0]?.seriesName ?? seriesId;
  const years = [...new Set(bulletins.map((b) => b.year))];
  const body = html`${breadcrumbs(key, [{ label: `《${name}》` }])}
<h1>《${name}》各期</h1>
${
  years.length === 0
    ? html`<p>暂无可公开的简报。</p>`
    : years.map(
        (year) => html`<section aria-labelledby="y-${year}">
<h2 id="y-${year}">${year}年</h2>
${issueList(
  key,
  bulletins.filter((b) => b.year === year),
  false,
)}
</section>
`,
      )
}`;
  return page({ key, title: `《${name}》`, officeName, body });
}
