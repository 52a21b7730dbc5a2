import { describe, expect, it } from 'vitest';
import { paragraphsFromHtml, paragraphsFromText, pastedParagraphs } from './paste';

/** What Word 2016 puts on the clipboard for two paragraphs, one bold run and an empty line. */
const wordHtml = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">
<style>p.MsoNormal{margin:0cm;font-family:仿宋_GB2312}</style></head><body lang=ZH-CN>
<!--StartFragment--><p class=MsoNormal style='text-indent:32.0pt'><span style='font-size:16.0pt'>　　11月20日，我区召开<b>秋冬季</b>安全生产工作会议。<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoNormal style='text-indent:32.0pt'><span>　　会议要求，各镇街要压实责任，\n确保不发生重大事故。</span></p><!--EndFragment--></body></html>`;

describe('pasting from Word into the body', () => {
  it('keeps the paragraphs and drops formatting, indents and empty lines', () => {
    expect(paragraphsFromHtml(wordHtml)).toBe(
      '11月20日，我区召开秋冬季安全生产工作会议。\n会议要求，各镇街要压实责任，确保不发生重大事故。',
    );
  });

  it('takes plain text line by line when there is no HTML', () => {
    expect(paragraphsFromText('　　第一段。\r\n\r\n  第二段。  \n')).toBe('第一段。\n第二段。');
    const clipboard = { getData: (type: string) => (type === 'text/plain' ? '甲\n\n乙' : '') };
    expect(pastedParagraphs(clipboard)).toBe('甲\n乙');
  });

  it('reads list items and table rows as paragraphs', () => {
    expect(paragraphsFromHtml('<ul><li>一是加强领导</li><li>二是压实责任</li></ul>')).toBe(
      '一是加强领导\n二是压实责任',
    );
  });
});
