/**
 * E-mail copies of 站内消息: a 退回修改 at once, everything else in one daily digest. Every text
 * the people typed (titles, comments) is escaped.
 */
import type { Message } from '../schemas/messages';
import type { RenderedMail } from '../store/ses/mail-sender';
import { escapeHtml, mailPage } from './layout';

const footer =
  '本邮件由信报系统根据您的设置自动抄送站内消息；不再需要时，可在控制台“站内消息”中关闭邮件抄送。';

const lines = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

const shortTitle = (title: string) => {
  const characters = Array.from(title.replace(/\s+/g, ' ').trim());
  return characters.length <= 24 ? characters.join('') : `${characters.slice(0, 24).join('')}…`;
};

/** 退回修改, mailed at once: the item's title and the editor's comment. */
export function renderReturnedMail(personName: string, message: Message): RenderedMail {
  const subject = `【退回修改】${shortTitle(message.title.replace(/^稿件被退回修改：/, ''))}`;
  const text = [`${personName}：`, '', message.title, ...lines(message.text), '', '——', footer, ''].join(
    '\n',
  );
  const html = mailPage(
    subject,
    `<p style="margin:0 0 8px;">${escapeHtml(personName)}：</p>
<p style="margin:0 0 8px;font-weight:bold;">${escapeHtml(message.title)}</p>
${lines(message.text)
  .map((line) => `<p style="margin:0 0 6px;">${escapeHtml(line)}</p>`)
  .join('\n')}`,
    { footer },
  );
  return { subject, text, html };
}

/** The day's other messages in one mail (已采用, 约稿, 批示反馈 …), oldest first. */
export function renderMessageDigest(
  personName: string,
  day: string,
  messages: readonly Message[],
): RenderedMail {
  const [, month, date] = day.split('-');
  const when = `${Number(month)}月${Number(date)}日`;
  const subject = `【站内消息】${when}共${messages.length}条`;
  const text = [
    `${personName}：`,
    '',
    `您有${messages.length}条新的站内消息：`,
    '',
    ...messages.flatMap((message, index) => [
      `${index + 1}. ${message.title}`,
      ...lines(message.text).map((line) => `   ${line}`),
    ]),
    '',
    '——',
    footer,
    '',
  ].join('\n');
  const html = mailPage(
    subject,
    `<p style="margin:0 0 8px;">${escapeHtml(personName)}：</p>
<p style="margin:0 0 12px;">您有${messages.length}条新的站内消息：</p>
<ol style="margin:0;padding-left:1.5em;">
${messages
  .map(
    (message) =>
      `<li style="margin:0 0 10px;"><strong>${escapeHtml(message.title)}</strong>${lines(message.text)
        .map((line) => `<br>${escapeHtml(line)}`)
        .join('')}</li>`,
  )
  .join('\n')}
</ol>`,
    { footer },
  );
  return { subject, text, html };
}
