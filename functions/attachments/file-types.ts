import type { AttachmentCreate, attachmentTypes } from '#shared/schemas/attachments';

export type AttachmentType = (typeof attachmentTypes)[number];
export type DeclaredContentType = AttachmentCreate['contentType'];

interface FileType {
  contentType: DeclaredContentType;
  /** Lower-case extensions a file name of this type may end with; the first is the usual one. */
  extensions: readonly string[];
  label: string;
  image: boolean;
}

/** The five attachment types: what a client declares, what the name must end with, what users read. */
export const fileTypes: Record<AttachmentType, FileType> = {
  jpg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPG 图片', image: true },
  png: { contentType: 'image/png', extensions: ['png'], label: 'PNG 图片', image: true },
  pdf: { contentType: 'application/pdf', extensions: ['pdf'], label: 'PDF 文件', image: false },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word 文档（docx）',
    image: false,
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel 表格（xlsx）',
    image: false,
  },
};

export function typeOfContentType(contentType: string): AttachmentType | undefined {
  for (const [type, spec] of Object.entries(fileTypes) as [AttachmentType, FileType][]) {
    if (spec.contentType === contentType) return type;
  }
  return undefined;
}

export function typeOfExtension(extension: string): AttachmentType | undefined {
  const lower = extension.toLowerCase();
  for (const [type, spec] of Object.entries(fileTypes) as [AttachmentType, FileType][]) {
    if (spec.extensions.includes(lower)) return type;
  }
  return undefined;
}

/** What the bytes turned out to be: one of ours, or something else worth naming in a message. */
export type SniffedType = AttachmentType | 'gif' | 'ole' | 'zip' | 'empty' | 'unknown';

const otherLabels: Record<Exclude<SniffedType, AttachmentType>, string> = {
  gif: 'GIF 图片',
  ole: '旧版 Office 文件（doc、xls 等）',
  zip: '其他 ZIP 压缩文件',
  empty: '空文件',
  unknown: '无法识别的文件类型',
};

export function sniffedLabel(type: SniffedType): string {
  return type in fileTypes
    ? fileTypes[type as AttachmentType].label
    : otherLabels[type as keyof typeof otherLabels];
}

/** Random access to the uploaded object: `read` is an inclusive byte range, as HTTP Range is. */
export interface ByteSource {
  size: number;
  read(start: number, endInclusive: number): Promise<Uint8Array>;
}

/** How much of the start to read: enough for the magic numbers and the first ZIP entries. */
export const headBytes = 16 * 1024;
const eocdMinimum = 22;
const eocdSearch = eocdMinimum + 0xffff;
/** A 20 MB Office file has a central directory far below this; beyond it we give up. */
const centralDirectoryCap = 4 * 1024 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

const u16 = (bytes: Uint8Array, at: number) => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number) => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
const signatureAt = (bytes: Uint8Array, at: number, third: number, fourth: number) =>
  bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === third && bytes[at + 3] === fourth;

const utf8 = new TextDecoder('utf-8');
const nameAt = (bytes: Uint8Array, at: number, length: number) =>
  utf8.decode(bytes.subarray(at, at + length));

/** Walks local file headers from the start while their sizes are known (no data descriptor). */
export function localEntryNames(head: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 30 <= head.length && signatureAt(head, at, 0x03, 0x04)) {
    const flags = u16(head, at + 6);
    const compressed = u32(head, at + 18);
    const nameLength = u16(head, at + 26);
    const extraLength = u16(head, at + 28);
    if (at + 30 + nameLength > head.length) break;
    names.push(nameAt(head, at + 30, nameLength));
    if (flags & 0x08 || compressed === 0xffffffff) break;
    at += 30 + nameLength + extraLength + compressed;
  }
  return names;
}

/** The entry names listed in a central directory. */
export function centralEntryNames(directory: Uint8Array): string[] {
  const names: string[] = [];
  let at = 0;
  while (at + 46 <= directory.length && signatureAt(directory, at, 0x01, 0x02)) {
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    if (at + 46 + nameLength > directory.length) break;
    names.push(nameAt(directory, at + 46, nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Office Open XML: a Word package keeps its parts under `word/`, a workbook under `xl/`. */
export function officeTypeOf(names: readonly string[]): 'docx' | 'xlsx' | undefined {
  const word = names.some((name) => name.startsWith('word/'));
  const excel = names.some((name) => name.startsWith('xl/'));
  if (word === excel) return undefined;
  return word ? 'docx' : 'xlsx';
}

async function centralDirectoryNames(source: ByteSource): Promise<string[]> {
  const tailStart = Math.max(0, source.size - eocdSearch);
  const tail = await source.read(tailStart, source.size - 1);
  for (let at = tail.length - eocdMinimum; at >= 0; at--) {
    if (!signatureAt(tail, at, 0x05, 0x06)) continue;
    const size = u32(tail, at + 12);
    const offset = u32(tail, at + 16);
    if (size === 0 || size > centralDirectoryCap || offset + size > source.size) return [];
    const directory =
      offset >= tailStart
        ? tail.subarray(offset - tailStart, offset - tailStart + size)
        : await source.read(offset, offset + size - 1);
    return centralEntryNames(directory);
  }
  return [];
}

async function sniffZip(source: ByteSource, head: Uint8Array): Promise<SniffedType> {
  const fromHead = officeTypeOf(localEntryNames(head));
  if (fromHead) return fromHead;
  return officeTypeOf(await centralDirectoryNames(source)) ?? 'zip';
}

/**
 * What an object really is, from its bytes: JPEG FF D8 FF, PNG 89 50 4E 47 0D 0A 1A 0A, PDF
 * `%PDF-`, and for ZIP (`PK\x03\x04`) the entry names: first the local headers in the first
 * KBs, then, when those do not settle it, the central directory found from the end.
 */
export async function sniffType(source: ByteSource): Promise<SniffedType> {
  if (source.size === 0) return 'empty';
  const head = await source.read(0, Math.min(source.size, headBytes) - 1);
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (signatureAt(head, 0, 0x03, 0x04)) return sniffZip(source, head);
  return 'unknown';
}
