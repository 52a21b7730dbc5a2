import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  bodyParagraphs,
  bulletinDate,
  cleanText,
  distributionLines,
  renderBulletinDocx,
} from '#shared/render/docx/bulletin';
import type { Bulletin } from '#shared/schemas/bulletins';
import { bulletinItem, publishedBulletin } from '../../fixtures/bulletins';

const bulletin: Bulletin = publishedBulletin({
  items: [
    bulletinItem({
      itemId: 'it_01',
      unitId: 'weicheng',
      coUnits: [],
      unitNames: ['潍城区人民政府'],
      title: '潍城区“三个聚焦”推动营商环境持续优化',
      body: '今年以来，潍城区聚焦企业需求，推出12项改革举措。\n\n　　一是压缩审批时限，平均办理时间缩短至2个工作日。\r\n二是强化要素保障。',
      openness: 'public',
    }),
    bulletinItem({
      itemId: 'it_02',
      unitId: 'swj',
      coUnits: ['fgw'],
      unitNames: ['市商务局', '市发展改革委'],
      title: '我市外贸进出口逆势增长',
      body: '1—10月，全市外贸进出口总额同比增长8.6%。',
      openness: 'internal',
    }),
    bulletinItem({
      itemId: 'it_03',
      unitId: 'qingzhou',
      coUnits: [],
      unitNames: ['青州市人民政府'],
      title: `标题含特殊字符 <&>"' 测试`,
      body: `正文也含 <b>&amp;</b> 与 "引号" 'single'。`,
      openness: 'public',
    }),
  ],
  distribution: {
    report: ['省政府办公厅', '市委常委'],
    send: [],
    issue: ['各县市区人民政府', '市直各部门'],
  },
  updatedAt: '2026-11-24T17:30:00.000Z',
  publishedAt: '2026-11-24T17:30:00.000Z',
});

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return entities[name] ?? '';
  });

/** The document's paragraphs, each the join of its `<w:t>` contents. */
function paragraphsOf(docx: Buffer): string[] {
  const files = unzipSync(new Uint8Array(docx));
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('word/document.xml missing');
  return [...strFromU8(xml).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
  );
}

function xmlOf(docx: Buffer, name: string): string {
  const file = unzipSync(new Uint8Array(docx))[name];
  if (!file) throw new Error(`${name} missing`);
  return strFromU8(file);
}

describe('bulletin .docx', async () => {
  const full = await renderBulletinDocx(bulletin, {
    officeName: '潍坊市人民政府办公室',
    includeInternal: true,
  });
  const paragraphs = paragraphsOf(full);
  const text = paragraphs.join('\n');

  it('prints the masthead: series name, 第12期, 总第287期, office and the Asia/Shanghai date', () => {
    expect(paragraphs[0]).toBe('政务信息');
    expect(paragraphs[1]).toBe('第12期（总第287期）');
    expect(paragraphs[2]).toBe('潍坊市人民政府办公室2026年11月25日');
    const xml = xmlOf(full, 'word/document.xml');
    // Red, large masthead in a Song face; a red rule under the office/date line; a right tab for the date.
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/><w:color w:val="FF0000"\/><w:sz w:val="144"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="thick" w:color="FF0000"/);
    expect(xml).toContain('<w:tab w:val="right" w:pos="8844"/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('prints every item in order: title, body paragraphs with a two-character indent, units in brackets', () => {
    const order = [
      '潍城区“三个聚焦”推动营商环境持续优化',
      '今年以来，潍城区聚焦企业需求，推出12项改革举措。',
      '一是压缩审批时限，平均办理时间缩短至2个工作日。',
      '二是强化要素保障。',
      '（潍城区人民政府）',
      '我市外贸进出口逆势增长',
      '1—10月，全市外贸进出口总额同比增长8.6%。',
      '（市商务局、市发展改革委）',
      `标题含特殊字符 <&>"' 测试`,
    ];
    const positions = order.map((line) => paragraphs.indexOf(line));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const xml = xmlOf(full, 'word/document.xml');
    expect(xml).toContain('<w:ind w:firstLine="640" w:firstLineChars="200"/>');
  });

  it('prints the 版记 lines that have recipients and the 签发 line', () => {
    expect(paragraphs).toContain('报：省政府办公厅，市委常委。');
    expect(paragraphs).toContain('发：各县市区人民政府，市直各部门。');
    expect(text).not.toContain('送：');
    expect(paragraphs).toContain('签发：张明');
  });

  it('round-trips XML-special characters as text', () => {
    expect(text).toContain(`标题含特殊字符 <&>"' 测试`);
    expect(text).toContain(`正文也含 <b>&amp;</b> 与 "引号" 'single'。`);
    expect(xmlOf(full, 'word/document.xml')).not.toContain('<b>');
  });

  it('is A4 with 公文 margins and a centred page number in the footer', () => {
    const xml = xmlOf(full, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
    const footer = xmlOf(full, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('<w:jc w:val="center"/>');
  });

  it('leaves internal items out when includeInternal is false', async () => {
    const publicOnly = paragraphsOf(
      await renderBulletinDocx(bulletin, { officeName: '潍坊市人民政府办公室', includeInternal: false }),
    );
    const publicText = publicOnly.join('\n');
    expect(publicText).toContain('潍城区“三个聚焦”推动营商环境持续优化');
    expect(publicText).toContain(`标题含特殊字符 <&>"' 测试`);
    expect(publicText).not.toContain('我市外贸进出口逆势增长');
    expect(publicText).not.toContain('8.6%');
    expect(publicText).not.toContain('市商务局');
  });

  it('renders the same text every time', async () => {
    const again = await renderBulletinDocx(bulletin, {
      officeName: '潍坊市人民政府办公室',
      includeInternal: true,
    });
    expect(paragraphsOf(again)).toEqual(paragraphs);
  });

  it('renders a draft (no number, no date) and drops characters XML cannot carry', async () => {
    const draft = paragraphsOf(
      await renderBulletinDocx(
        {
          ...bulletin,
          status: 'draft',
          number: undefined,
          total: undefined,
          publishedAt: undefined,
          signer: undefined,
          distribution: { report: [], send: [], issue: [] },
          items: [
            { ...bulletin.items[0], title: 'A\u0000B\u0007C', body: 'x\u001Fy' } as Bulletin['items'][number],
          ],
        },
        { officeName: '市人民政府办公室', includeInternal: true },
      ),
    );
    expect(draft[1]).toBe('第　　期');
    expect(draft).toContain('ABC');
    expect(draft).toContain('xy');
    expect(draft.join('\n')).not.toMatch(/签发|报：|发：/);
  });
});

describe('bulletin .docx helpers', () => {
  it('dates in Asia/Shanghai without leading zeros', () => {
    expect(bulletinDate('2026-12-31T16:30:00Z')).toBe('2027年1月1日');
    expect(bulletinDate('2026-11-25T02:00:00Z')).toBe('2026年11月25日');
  });

  it('splits the body on any line break and drops blank lines and typed indentation', () => {
    expect(bodyParagraphs('　　甲\r\n\r\n乙\r丙\n  ')).toEqual(['甲', '乙', '丙']);
    expect(cleanText('a\tb\u0001')).toBe('a b');
  });

  it('omits empty distribution lines', () => {
    expect(distributionLines({ report: [], send: ['市人大常委会办公室'], issue: [' '] })).toEqual([
      '送：市人大常委会办公室。',
    ]);
  });
});
