import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { DocxImportError, importDocx } from './docx';

/** A real Word file as a 信息员's office writes one: a heading, indented paragraphs, an empty line. */
async function wordFile(paragraphs: Paragraph[], name = '信息稿.docx'): Promise<File> {
  const document = new Document({ sections: [{ children: paragraphs }] });
  const bytes = await Packer.toArrayBuffer(document);
  return new File([bytes], name, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
}

describe('taking an item from a Word file', () => {
  it('takes the heading as the title and the other paragraphs as the body, formatting dropped', async () => {
    const file = await wordFile([
      new Paragraph({ text: '潍城区开展安全生产大检查整改隐患119处', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({
        children: [
          new TextRun('\u3000\u300011月20日至24日，潍城区组织开展'),
          new TextRun({ text: '安全生产大检查', bold: true }),
          new TextRun('，检查企业86家。'),
        ],
      }),
      new Paragraph({ text: '' }),
      new Paragraph({ text: '\u3000\u3000排查隐患126处，已整改119处。' }),
    ]);
    expect(await importDocx(file)).toEqual({
      title: '潍城区开展安全生产大检查整改隐患119处',
      body: '11月20日至24日，潍城区组织开展安全生产大检查，检查企业86家。\n排查隐患126处，已整改119处。',
    });
  });

  it('takes the first paragraph as the title when the file has no heading', async () => {
    const file = await wordFile([
      new Paragraph({ text: '寒亭区完成冬季供暖设施检修' }),
      new Paragraph({ text: '截至11月15日，寒亭区完成供热管网检修32公里。' }),
    ]);
    expect(await importDocx(file)).toEqual({
      title: '寒亭区完成冬季供暖设施检修',
      body: '截至11月15日，寒亭区完成供热管网检修32公里。',
    });
  });

  it('refuses a file that is not a .docx, and a damaged one, in Chinese', async () => {
    const old = new File(['not a docx'], '旧格式.doc', { type: 'application/msword' });
    await expect(importDocx(old)).rejects.toThrow(/只能导入 Word 文档（\.docx）/);
    const broken = new File(['PK not really a zip'], '坏文件.docx', { type: '' });
    await expect(importDocx(broken)).rejects.toBeInstanceOf(DocxImportError);
    await expect(importDocx(broken)).rejects.toThrow(/无法读取这个 Word 文档/);
  });
});
