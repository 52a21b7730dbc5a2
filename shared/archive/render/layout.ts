/** The page shell every archive page shares: landmarks, skip link, navigation, search form. */
import { relative, siteKeys } from '../site';
import { html, type SafeHtml } from './escape';

export interface PageOptions {
  /** The object key the page is written to: every link is made relative to it. */
  key: string;
  title: string;
  officeName: string;
  body: SafeHtml;
  /** The search page has its own form in <main>; one search landmark per page is enough. */
  headerSearch?: boolean;
  scripts?: string[];
}

export function searchForm(key: string, id: string, value = ''): SafeHtml {
  return html`<form class="search" role="search" action="${relative(key, siteKeys.searchPage)}" method="get">
<label for="${id}">全文检索</label>
<input type="search" id="${id}" name="q" value="${value}" maxlength="100">
<button type="submit">检索</button>
</form>`;
}

export function page(options: PageOptions): string {
  const { key } = options;
  const link = (to: string) => relative(key, to);
  const scripts = (options.scripts ?? []).map((src) => html`<script src="${link(src)}" defer></script>\n`);
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} · ${options.officeName}政务信息公开</title>
<link rel="stylesheet" href="${link(siteKeys.css)}">
${scripts}</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="site">
<div class="wrap">
<p class="brand"><a href="${link(siteKeys.home)}">${options.officeName}政务信息公开</a></p>
<nav aria-label="网站导航">
<ul>
<li><a href="${link(siteKeys.home)}">首页</a></li>
<li><a href="${link(siteKeys.rankingNotices)}">采用情况通报</a></li>
<li><a href="${link(siteKeys.searchPage)}">全文检索</a></li>
</ul>
</nav>
${options.headerSearch === false ? '' : searchForm(key, 'site-q')}
</div>
</header>
<main id="main" tabindex="-1">
<div class="wrap">
${options.body}
</div>
</main>
<footer class="site">
<div class="wrap">
<p>${options.officeName}编发。本站仅刊载经审核可公开的政务信息。</p>
</div>
</footer>
</body>
</html>
`.value;
}

/** 首页 › 2026年 › … ; the last entry is the current page. */
export function breadcrumbs(key: string, trail: { label: string; to?: string }[]): SafeHtml {
  const entries = [{ label: '首页', to: siteKeys.home }, ...trail];
  return html`<nav class="crumbs" aria-label="当前位置">
<ol>
${entries.map((entry) =>
  entry.to
    ? html`<li><a href="${relative(key, entry.to)}">${entry.label}</a></li>\n`
    : html`<li aria-current="page">${entry.label}</li>\n`,
)}</ol>
</nav>`;
}
