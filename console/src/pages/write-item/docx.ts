/**
 * A Word (.docx) file read in the browser: the first paragraph or heading is the title, the rest
 * the body, cleaned as a paste from Word is (paste.ts). mammoth is imported only when a person
 * picks a file, so the page's first load does not carry it.
 */
import { paragraphsFromHtml } from './paste';

export interface ImportedText {
  title: string;
  body: string;
}

/** Why a file could not be read, in the words a 信息员 reads. */
export class DocxImportError extends Error {}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function looksLikeDocx(file: Pick<File, 'name' | 'type'>): boolean {
  return file.type === docxType || /\.docx$/i.test(file.name);
}

/** Title and body from mammoth's HTML of the document. */
export function textFromDocxHtml(html: string, parser?: DOMParser): ImportedText {
  const paragraphs = paragraphsFromHtml(html, parser).split('\n').filter(Boolean);
  const [title = '', ...body] = paragraphs;
  return { title, body: body.join('\n') };
}

export async function importDocx(file: Blob & { name: string; type: string }): Promise<ImportedText> {
  if (!looksLikeDocx(file))
    throw new DocxImportError('只能导入 Word 文档（.docx）；.doc 请先在 Word 中另存为 .docx');
  const { default: mammoth } = await import('mammoth');
  const arrayBuffer = await file.arrayBuffer();
  // The browser build reads `arrayBuffer`; Node's (component tests) reads `buffer`. Both accept it.
  const input = { arrayBuffer, buffer: arrayBuffer };
  let html: string;
  try {
    html = (await mammoth.convertToHtml(input)).value;
  } catch {
    throw new DocxImportError('无法读取这个 Word 文档，请确认文件未损坏，或直接复制粘贴正文');
  }
  const text = textFromDocxHtml(html);
  if (!text.title) throw new DocxImportError('这个 Word 文档里没有文字');
  return text;
}
