/**
 * The leaders' mail when a bulletin is published (期刊发布通知): a Chinese subject naming the issue,
 * a plain-text part and a phone-friendly HTML part listing the items (title and units), and a link
 * to the issue's page on the public archive site when the series is archived there.
 */
import type { Bulletin } from '../schemas/bulletins';
import type { RenderedMail } from '../store/ses/mail-sender';
import { mailPage } from './layout';
import { escapeHtml, shanghaiTime } from './urgent-item';

export interface BulletinPublishedMail {
  bulletin: Pick<
    Bulletin,
    'seriesId' | 'seriesName' | 'year' | 'number' | 'total' | 'items' | 'signer' | 'publishedAt'
  >;
  /** The issue's archive page; absent when the series is not archived or no archive URL is configured. */
  archiveLink?: string | undefined;
  /** 编发单位, shown in the mail's closing line. */
  officeName?: string | undefined;
}

/** One line: no line breaks (a header must not be split), collapsed spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `<base>/<year>/<seriesId>/<number>/`: the archive's page of one issue. Undefined without a base
 * URL, for a series not on the archive, or for an issue without a number.
 */
export function archivePageUrl(
  base: string | undefined,
  bulletin: Pick<Bulletin, 'year' | 'seriesId' | 'number'>,
  archived: boolean,
): string | undefined {
  if (!base || !archived || bulletin.number === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const root = base.replace(/\/+$/, '');
  return `${root}/${bulletin.year}/${encodeURIComponent(bulletin.seriesId)}/${bulletin.number}/`;
}

/** 《政务信息》2026年第12期（总第287期） */
export function issueLabel(bulletin: BulletinPublishedMail['bulletin']): string {
  const name = oneLine(bulletin.seriesName);
  const number = bulletin.number === undefined ? '' : `第${bulletin.number}期`;
  const total = bulletin.total === undefined ? '' : `（总第${bulletin.total}期）`;
  return `《${name}》${bulletin.year}年${number}${total}`;
}

export function renderBulletinPublished({
  bulletin,
  archiveLink,
  officeName,
}: BulletinPublishedMail): RenderedMail {
  const label = issueLabel(bulletin);
  const subject = `${label}已发布`;
  const items = bulletin.items.map((item) => ({
    title: oneLine(item.title),
    units:
      item.unitNames
        .map(oneLine)
        .filter((name) => name !== '')
        .join('、') || item.unitId,
    internal: item.openness === 'internal',
  }));
  const facts: [string, string][] = [
    ...(bulletin.publishedAt
      ? [['发布时间', `${shanghaiTime(bulletin.publishedAt)}（北京时间）`] as [string, string]]
      : []),
    ...(bulletin.signer ? [['签发', oneLine(bulletin.signer)] as [string, string]] : []),
    ['篇数', `${items.length}篇`],
  ];
  const from = officeName ? oneLine(officeName) : '';
  const internalNote = items.some((item) => item.internal)
    ? '标注〔内部〕的稿件不在公开档案网站展示，请勿外传。'
    : '';

  const text = [
    '各位领导：',
    '',
    `${label}已发布，本期目录如下：`,
    '',
    ...items.map(
      (item, index) => `${index + 1}. ${item.internal ? '〔内部〕' : ''}${item.title}（${item.units}）`,
    ),
    '',
    ...facts.map(([key, value]) => `${key}：${value}`),
    ...(archiveLink ? ['', `在线阅读（公开稿件）：${archiveLink}`] : []),
    ...(internalNote ? ['', internalNote] : []),
    '',
    '——',
    `${from ? `${from}　` : ''}本邮件由信报系统自动发送，请勿直接回复。`,
    '',
  ].join('\n');

  const cell = 'padding:6px 8px;border-bottom:1px solid #eee;vertical-align:top;';
  const list = items
    .map(
      (item) =>
        `<li style="margin:0 0 10px;">${item.internal ? '<span style="color:#b00020;">〔内部〕</span>' : ''}` +
        `<strong>${escapeHtml(item.title)}</strong><br>` +
        `<span style="color:#555;">（${escapeHtml(item.units)}）</span></li>`,
    )
    .join('\n');
  const rows = facts
    .map(
      ([key, value]) =>
        `<tr><th scope="row" style="${cell}text-align:left;white-space:nowrap;color:#555;font-weight:normal;">` +
        `${escapeHtml(key)}</th><td style="${cell}word-break:break-all;">${escapeHtml(value)}</td></tr>`,
    )
    .join('\n');
  const link = archiveLink
    ? `<p style="margin:16px 0;"><a href="${escapeHtml(archiveLink)}" style="display:inline-block;padding:10px 16px;background:#b00020;color:#ffffff;text-decoration:none;border-radius:4px;">在线阅读本期（公开稿件）</a></p>\n` +
      `<p style="margin:0 0 12px;font-size:13px;color:#888;word-break:break-all;">${escapeHtml(archiveLink)}</p>`
    : '';

  const html = mailPage(
    subject,
    `<h1 style="margin:0 0 12px;font-size:20px;line-height:1.4;color:#b00020;">${escapeHtml(label)}</h1>
<p style="margin:0 0 12px;">各位领导：${escapeHtml(label)}已发布，本期目录如下。</p>
<ol style="margin:0 0 16px;padding-left:1.5em;">
${list}
</ol>
<table role="presentation" style="width:100%;border-collapse:collapse;font-size:15px;margin:0 0 16px;">
${rows}
</table>
${link}${internalNote ? `<p style="margin:0 0 12px;font-size:14px;color:#b00020;">${escapeHtml(internalNote)}</p>\n` : ''}`,
    { footer: `${from ? `${from}　` : ''}本邮件由信报系统自动发送，请勿直接回复。` },
  );
  return { subject, text, html };
}
