/** One bulletin's public page: its public items only, each with a permalink anchor. */
import { siteKeys, type VisibleBulletin } from '../site';
import { html, paragraphs } from './escape';
import { bulletinLabel, chineseDate } from './format';
import { breadcrumbs, page } from './layout';

export function renderBulletinPage(b: VisibleBulletin, officeName: string): string {
  const label = bulletinLabel(b);
  const key = b.key;
  const body = html`${breadcrumbs(key, [
    { label: `${b.year}年`, to: siteKeys.year(b.year) },
    { label: `《${b.seriesName}》`, to: siteKeys.series(b.seriesId) },
    { label: `第${b.number}期` },
  ])}
<article class="bulletin">
<header class="masthead">
<p class="series-name">${b.seriesName}</p>
<h1>${label}</h1>
<p class="issue">第${b.number}期${b.total === undefined ? '' : `　总第${b.total}期`}</p>
<p class="meta">编发单位：${officeName}　<time datetime="${b.publishedAt}">${chineseDate(b.publishedAt)}</time></p>
</header>
<nav class="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">本期目录</h2>
<ol>
${b.items.map((item) => html`<li><a href="#${item.itemId}">${item.title}</a></li>\n`)}</ol>
</nav>
${b.items.map(
  (item) => html`<section class="item" id="${item.itemId}" aria-labelledby="h-${item.itemId}">
<h2 id="h-${item.itemId}">${item.title}</h2>
${item.unitNames.length > 0 ? html`<p class="units">（${item.unitNames.join('、')}）</p>\n` : ''}${paragraphs(item.body)}<p class="permalink"><a href="#${item.itemId}">本条固定链接<span class="vh">：${item.title}</span></a></p>
</section>
`,
)}</article>`;
  return page({ key, title: label, officeName, body });
}
