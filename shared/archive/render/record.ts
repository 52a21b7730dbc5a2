/**
 * The bulletin's record copy: one standalone HTML document of the WHOLE bulletin, internal items
 * included, kept privately with its SHA-256. Deterministic (no render time), so the same bulletin
 * always hashes the same. Styles are embedded because the copy must stand alone.
 */
import type { Bulletin } from '../../schemas/bulletins';
import { siteCss } from './assets';
import { html, paragraphs } from './escape';
import { bulletinLabel, chineseDate } from './format';

function distributionLine(label: string, names: string[]) {
  return names.length > 0 ? html`<p><strong>${label}：</strong>${names.join('，')}</p>\n` : '';
}

export function renderBulletinRecord(bulletin: Bulletin, officeName: string): string {
  const label = bulletinLabel(bulletin);
  const { distribution } = bulletin;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${label}</title>
<style>${siteCss}</style>
</head>
<body>
<main class="record">
<article class="bulletin">
<header class="masthead">
<p class="series-name">${bulletin.seriesName}</p>
<h1>${label}</h1>
<p class="issue">第${bulletin.number ?? '—'}期${bulletin.total === undefined ? '' : `　总第${bulletin.total}期`}</p>
<p class="meta">编发单位：${officeName}　<time datetime="${bulletin.publishedAt ?? ''}">${chineseDate(bulletin.publishedAt)}</time>${bulletin.signer ? html`　签发：${bulletin.signer}` : ''}</p>
</header>
${bulletin.items.map(
  (item) => html`<section class="item" id="${item.itemId}">
<h2>${item.title}</h2>
${item.unitNames.length > 0 ? html`<p class="units">（${item.unitNames.join('、')}）</p>\n` : ''}${paragraphs(item.body)}</section>
`,
)}<footer>
${distributionLine('报', distribution.report)}${distributionLine('送', distribution.send)}${distributionLine('发', distribution.issue)}</footer>
</article>
</main>
</body>
</html>
`.value;
}
