/**
 * A bulletin (期) as a Word document in the office's bulletin layout: the red masthead (刊头) with
 * the series name, 第N期（总第N期）, the 编发单位 and date line over a red rule, the items in order
 * (title, body with a two-character first-line indent, the units in brackets), and the 版记 —
 * 报/送/发 between two rules, then 签发. A4, 公文 margins, centred page numbers (— 1 —).
 *
 * Fonts: each run names its East Asian font (方正小标宋简体 for titles, 仿宋_GB2312 for text,
 * 楷体_GB2312 for attributions, 黑体 for labels) with Times New Roman for Latin letters and digits.
 * The document's theme and default style carry the Windows fonts 宋体/仿宋 for Simplified Chinese,
 * so a machine without the office's GB fonts still shows Chinese in a Song/FangSong face.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  type IFontAttributesProperties,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import type { Bulletin, BulletinItem, Distribution } from '../../schemas/bulletins';

export interface BulletinDocxOptions {
  /** 编发单位, e.g. 潍坊市人民政府办公室. */
  officeName: string;
  /** Internal (内部) items are printed only when true. */
  includeInternal: boolean;
}

const red = 'FF0000';

const latin = 'Times New Roman';
const font = (eastAsia: string): IFontAttributesProperties => ({
  ascii: latin,
  hAnsi: latin,
  cs: latin,
  eastAsia,
  hint: 'eastAsia',
});
export const bulletinFonts = {
  /** 刊头 and titles: 方正小标宋简体 (a Song face). */
  masthead: font('方正小标宋简体'),
  /** Body text: 仿宋_GB2312. */
  text: font('仿宋_GB2312'),
  /** Attributions: 楷体_GB2312. */
  kai: font('楷体_GB2312'),
  /** Labels of the 版记: 黑体. */
  hei: font('黑体'),
} as const;

/** Half-points: 三号 16 pt, 四号 14 pt, 二号 22 pt. */
const size = { sanhao: 32, sihao: 28, erhao: 44 } as const;

/** A4 and the 公文 margins (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips. */
const page = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474 } as const;
const textWidth = page.width - page.left - page.right;
/** 28 pt exact line pitch of 公文 body text (22 lines a page). */
const bodyLine = 560;

/** Whether XML 1.0 can carry the code point (not C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates). */
function xmlAllowed(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return false;
  return codePoint !== 0xfffe && codePoint !== 0xffff;
}

/** Text fit for a run: no characters XML refuses, no line breaks, tabs as spaces. */
export function cleanText(text: string): string {
  let kept = '';
  for (const character of text) if (xmlAllowed(character.codePointAt(0) ?? 0)) kept += character;
  return kept.replace(/[\t\r\n]+/g, ' ');
}

/** One line of a title or name: collapsed whitespace. */
function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** Body paragraphs: split on line breaks, blank lines dropped, leading (full-width) indentation removed. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => cleanText(line).replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((line) => line !== '');
}

/** `2026-11-25T02:00:00Z` → `2026年11月25日` in Asia/Shanghai (no leading zeros, as printed on 公文). */
export function bulletinDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** `（潍城区人民政府）`, or `（甲、乙）` for 综合信息 credited to several units. */
export function unitAttribution(item: Pick<BulletinItem, 'unitNames' | 'unitId'>): string {
  const names = item.unitNames.map(oneLine).filter((name) => name !== '');
  return `（${names.length > 0 ? names.join('、') : item.unitId}）`;
}

/** The 版记 lines that have recipients: `报：甲，乙。` */
export function distributionLines(distribution: Distribution): string[] {
  const lines: [string, string[]][] = [
    ['报', distribution.report],
    ['送', distribution.send],
    ['发', distribution.issue],
  ];
  return lines
    .map(([label, names]) => [label, names.map(oneLine).filter((name) => name !== '')] as const)
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => `${label}：${names.join('，')}。`);
}

/** The items a rendering carries: all, or only the public ones. */
export function printedItems(bulletin: Pick<Bulletin, 'items'>, includeInternal: boolean): BulletinItem[] {
  return bulletin.items.filter((item) => includeInternal || item.openness === 'public');
}

/** Masthead size: as large as 72 pt, smaller for long names so that one line holds them. */
function mastheadSize(name: string): number {
  const characters = Math.max(Array.from(name).length, 1);
  const points = Math.min(72, Math.floor((textWidth / 20 / characters) * 0.9));
  return Math.max(points, 26) * 2;
}

function masthead(bulletin: Bulletin, options: BulletinDocxOptions): Paragraph[] {
  const name = oneLine(bulletin.seriesName);
  const numberLine = bulletin.number === undefined ? '第　　期' : `第${bulletin.number}期`;
  const totalLine = bulletin.total === undefined ? '' : `（总第${bulletin.total}期）`;
  const date = bulletin.publishedAt ? bulletinDate(bulletin.publishedAt) : '　　年　月　日';
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new TextRun({ text: name, font: bulletinFonts.masthead, size: mastheadSize(name), color: red }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 120 },
      children: [
        new TextRun({ text: numberLine, font: bulletinFonts.text, size: size.sanhao }),
        ...(totalLine ? [new TextRun({ text: totalLine, font: bulletinFonts.text, size: size.sanhao })] : []),
      ],
    }),
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      spacing: { before: 0, after: 360 },
      border: { bottom: { style: BorderStyle.THICK, size: 24, color: red, space: 6 } },
      children: [
        new TextRun({ text: oneLine(options.officeName), font: bulletinFonts.text, size: size.sanhao }),
        new TextRun({ children: [new Tab(), date], font: bulletinFonts.text, size: size.sanhao }),
      ],
    }),
  ];
}

function itemParagraphs(item: BulletinItem, first: boolean): Paragraph[] {
  const body = bodyParagraphs(item.body);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: first ? 120 : 480, after: 240, line: 600, lineRule: LineRuleType.AT_LEAST },
      children: [
        new TextRun({
          text: oneLine(item.title),
          font: bulletinFonts.masthead,
          size: size.erhao,
          bold: true,
        }),
      ],
    }),
    ...body.map(
      (text) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: 2 * 320, firstLineChars: 200 },
          spacing: { before: 0, after: 0, line: bodyLine, lineRule: LineRuleType.EXACT },
          children: [new TextRun({ text, font: bulletinFonts.text, size: size.sanhao })],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 0, after: 0, line: bodyLine, lineRule: LineRuleType.EXACT },
      children: [new TextRun({ text: unitAttribution(item), font: bulletinFonts.kai, size: size.sanhao })],
    }),
  ];
}

const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 } as const;

/** 版记: 报/送/发 (only the lines that have recipients) between two rules, then 签发. */
function colophon(bulletin: Bulletin): Paragraph[] {
  const lines = distributionLines(bulletin.distribution);
  const runs = (text: string): ParagraphChild[] => {
    const colon = text.indexOf('：');
    return [
      new TextRun({ text: text.slice(0, colon + 1), font: bulletinFonts.hei, size: size.sihao }),
      new TextRun({ text: text.slice(colon + 1), font: bulletinFonts.text, size: size.sihao }),
    ];
  };
  const paragraphs = lines.map(
    (line, index) =>
      new Paragraph({
        keepNext: true,
        keepLines: true,
        indent: { left: 560, hanging: 560 },
        spacing: { before: 0, after: 0, line: 480, lineRule: LineRuleType.EXACT },
        border: {
          ...(index === 0 ? { top: rule } : {}),
          ...(index === lines.length - 1 ? { bottom: rule } : {}),
        },
        children: runs(line),
      }),
  );
  const signer = bulletin.signer ? oneLine(bulletin.signer) : '';
  if (signer) {
    paragraphs.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        keepLines: true,
        spacing: { before: lines.length > 0 ? 120 : 0, after: 0 },
        ...(lines.length === 0 ? { border: { top: rule } } : {}),
        children: [
          new TextRun({ text: '签发：', font: bulletinFonts.hei, size: size.sihao }),
          new TextRun({ text: signer, font: bulletinFonts.text, size: size.sihao }),
        ],
      }),
    );
  }
  if (paragraphs.length === 0) return [];
  return [new Paragraph({ spacing: { before: 720, after: 0 }, keepNext: true, children: [] }), ...paragraphs];
}

function pageNumberFooter(): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: { ...font('宋体'), ascii: '宋体', hAnsi: '宋体' }, size: size.sihao });
  return new Footer({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [run(['— ', PageNumber.CURRENT, ' —'])] }),
    ],
  });
}

/**
 * Renders a bulletin as .docx. Internal items appear only with `includeInternal`. The text is
 * stable for a given bulletin (the bytes may differ: the package carries timestamps).
 */
export async function renderBulletinDocx(bulletin: Bulletin, options: BulletinDocxOptions): Promise<Buffer> {
  const items = printedItems(bulletin, options.includeInternal);
  const seriesName = oneLine(bulletin.seriesName);
  const title =
    bulletin.number === undefined
      ? `《${seriesName}》${bulletin.year}年（草稿）`
      : `《${seriesName}》${bulletin.year}年第${bulletin.number}期`;
  const document = new Document({
    title,
    creator: oneLine(options.officeName),
    lastModifiedBy: oneLine(options.officeName),
    theme: {
      fonts: {
        headings: { latin, eastAsia: '宋体', scripts: { Hans: '宋体' } },
        body: { latin, eastAsia: '仿宋', scripts: { Hans: '仿宋' } },
      },
    },
    styles: {
      default: {
        document: {
          run: { font: font('仿宋'), size: size.sanhao, language: { value: 'en-US', eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: {
              top: page.top,
              bottom: page.bottom,
              left: page.left,
              right: page.right,
              header: 851,
              footer: 992,
            },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [
          ...masthead(bulletin, options),
          ...items.flatMap((item, index) => itemParagraphs(item, index === 0)),
          ...colophon(bulletin),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
