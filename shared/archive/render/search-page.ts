/** The search page: a form and an empty result list that assets/search.js fills in. */
import { siteKeys } from '../site';
import { html } from './escape';
import { breadcrumbs, page, searchForm } from './layout';

export function renderSearchPage(officeName: string): string {
  const key = siteKeys.searchPage;
  const body = html`${breadcrumbs(key, [{ label: '全文检索' }])}
<h1>全文检索</h1>
${searchForm(key, 'q')}
<p class="hint">按原文精确匹配；多个词用空格分开，须同时出现。检索全部年份，结果按时间由近及远排列。</p>
<p id="search-status" role="status" aria-live="polite"></p>
<ol id="search-results" class="results"></ol>
<noscript><p>全文检索需要启用浏览器的 JavaScript；也可按年度或刊物浏览。</p></noscript>`;
  return page({ key, title: '全文检索', officeName, body, headerSearch: false, scripts: [siteKeys.js] });
}
