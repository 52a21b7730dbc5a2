import { describe, expect, it } from 'vitest';
import { renderBulletinPage } from '#shared/archive/render/bulletin-page';
import { renderHomePage, renderYearPage } from '#shared/archive/render/listing-pages';
import { renderBulletinRecord } from '#shared/archive/render/record';
import { renderSearchPage } from '#shared/archive/render/search-page';
import { type SiteState, visibleBulletin } from '#shared/archive/site';
import { bulletin, item } from './support';

const xss = '<img src=x onerror=alert(1)>';

function shown(b = bulletin()) {
  const visible = visibleBulletin(b, true);
  if (!visible) throw new Error('expected a visible bulletin');
  return visible;
}

describe('archive pages', () => {
  it('escape every user string: a title holding markup appears only as text', () => {
    const b = bulletin({
      seriesName: `政务"信息'${xss}`,
      items: [item({ title: xss, body: `正文${xss}\n"引号" & 'x'`, unitNames: [`${xss}局`] })],
    });
    const state: SiteState = { years: [{ year: 2026, bulletins: [shown(b)] }] };
    for (const page of [
      renderBulletinPage(shown(b), `办公室${xss}`),
      renderYearPage(state, 2026, '办公室'),
      renderHomePage(state, '办公室'),
      renderBulletinRecord(b, `办公室${xss}`),
    ]) {
      expect(page).not.toContain('<img');
      expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(page).not.toMatch(/<script>|onerror=alert\(1\)>/);
    }
  });

  it('renders a valid-looking shell: doctype, lang, charset, viewport, landmarks, no inline script', () => {
    const page = renderBulletinPage(shown(), '市人民政府办公室');
    expect(page.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('name="viewport"');
    expect(page).toContain('<main id="main"');
    expect(page).toContain('href="#main"');
    expect(page).toContain('href="../../../assets/site.css"');
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(page).not.toMatch(/https?:\/\//);
    const search = renderSearchPage('办公室');
    expect(search).toContain('<script src="../assets/search.js" defer></script>');
  });

  it('never renders internal items on the public page, even their titles', () => {
    const b = bulletin({
      items: [
        item({ title: '公开标题甲', body: '公开正文甲' }),
        item({ title: '内部标题乙', body: '内部正文乙', openness: 'internal' }),
      ],
    });
    const page = renderBulletinPage(shown(b), '办公室');
    expect(page).toContain('公开标题甲');
    expect(page).not.toContain('内部');
    const record = renderBulletinRecord(b, '办公室');
    expect(record).toContain('内部标题乙');
    expect(record).toContain('内部正文乙');
  });

  it('gives each item a permalink anchor and paragraphs from line breaks', () => {
    const it1 = item({ body: '第一段。\r\n\r\n第二段。' });
    const page = renderBulletinPage(shown(bulletin({ items: [it1] })), '办公室');
    expect(page).toContain(`<section class="item" id="${it1.itemId}"`);
    expect(page).toContain(`<a href="#${it1.itemId}">本条固定链接`);
    expect(page).toContain('<p>第一段。</p>\n<p>第二段。</p>');
  });

  it('the record carries masthead, numbers, office, date, units and the 报/送/发 footer', () => {
    const b = bulletin({ number: 12, total: 1012 });
    const record = renderBulletinRecord(b, '潍坊市人民政府办公室');
    for (const text of [
      '《政务信息》2026年第12期',
      '第12期　总第1012期',
      '潍坊市人民政府办公室',
      '2026年11月25日',
    ])
      expect(record).toContain(text);
    expect(record).toContain('高密市人民政府');
    expect(record).toMatch(
      /报：<\/strong>省政府办公厅[\s\S]*送：<\/strong>市委办公室[\s\S]*发：<\/strong>各县市区政府/,
    );
    // Deterministic, so its SHA-256 is stable.
    expect(renderBulletinRecord(b, '潍坊市人民政府办公室')).toBe(record);
  });

  it('only published, archived-series bulletins with a public item are visible', () => {
    expect(visibleBulletin(bulletin(), true)).toBeDefined();
    expect(visibleBulletin(bulletin(), false)).toBeUndefined();
    expect(visibleBulletin(bulletin({ status: 'draft' }), true)).toBeUndefined();
    expect(visibleBulletin(bulletin({ status: 'withdrawn' }), true)).toBeUndefined();
    expect(visibleBulletin(bulletin({ items: [item({ openness: 'internal' })] }), true)).toBeUndefined();
  });
});
