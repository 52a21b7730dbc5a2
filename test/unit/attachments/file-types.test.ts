import { describe, expect, it } from 'vitest';
import {
  type ByteSource,
  centralEntryNames,
  headBytes,
  localEntryNames,
  sniffType,
  typeOfContentType,
  typeOfExtension,
} from '#functions/attachments/file-types';
import {
  docxBytes,
  gifBytes,
  jpegBytes,
  pdfBytes,
  plainZipBytes,
  pngBytes,
  textBytes,
  xlsxBytes,
  zip,
} from './samples';

function source(bytes: Uint8Array) {
  const reads: [number, number][] = [];
  const src: ByteSource = {
    size: bytes.length,
    read: async (start, end) => {
      reads.push([start, end]);
      return bytes.slice(start, end + 1);
    },
  };
  return { src, reads };
}

const sniff = (bytes: Uint8Array) => sniffType(source(bytes).src);

describe('sniffType', () => {
  it('recognises JPEG, PNG and PDF by their magic numbers', async () => {
    expect(await sniff(jpegBytes)).toBe('jpg');
    expect(await sniff(pngBytes)).toBe('png');
    expect(await sniff(pdfBytes)).toBe('pdf');
  });

  it('tells docx from xlsx by the entry names of a minimal package', async () => {
    expect(await sniff(docxBytes())).toBe('docx');
    expect(await sniff(xlsxBytes())).toBe('xlsx');
  });

  it('falls back to the central directory when the local headers stop early (data descriptors)', async () => {
    const bytes = xlsxBytes({ dataDescriptor: true });
    expect(localEntryNames(bytes)).toEqual(['[Content_Types].xml']);
    const { src, reads } = source(bytes);
    expect(await sniffType(src)).toBe('xlsx');
    expect(reads.length).toBe(2);
  });

  it('reads the central directory from the end when a big first entry hides the rest', async () => {
    const bytes = docxBytes({ leadingPadding: 200_000 });
    const { src, reads } = source(bytes);
    expect(await sniffType(src)).toBe('docx');
    expect(reads[0]).toEqual([0, headBytes - 1]);
    expect(reads.every(([start, end]) => end - start < 100_000)).toBe(true);
  });

  it('names other files for the error message', async () => {
    expect(await sniff(plainZipBytes())).toBe('zip');
    expect(await sniff(gifBytes)).toBe('gif');
    expect(await sniff(textBytes)).toBe('unknown');
    expect(await sniff(new Uint8Array(0))).toBe('empty');
    expect(await sniff(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
  });

  it('does not mistake a package holding both word/ and xl/ parts for either', async () => {
    expect(await sniff(zip([{ name: 'word/document.xml' }, { name: 'xl/workbook.xml' }]))).toBe('zip');
  });

  it('survives truncated and corrupt ZIPs', async () => {
    const bytes = docxBytes();
    expect(await sniff(bytes.slice(0, 40))).toBe('zip');
    expect(centralEntryNames(new Uint8Array(10))).toEqual([]);
  });
});

describe('type tables', () => {
  it('maps declared content types and extensions onto the five types', () => {
    expect(typeOfContentType('image/jpeg')).toBe('jpg');
    expect(typeOfContentType('text/html')).toBeUndefined();
    expect(typeOfExtension('JPEG')).toBe('jpg');
    expect(typeOfExtension('xlsx')).toBe('xlsx');
    expect(typeOfExtension('exe')).toBeUndefined();
  });
});
