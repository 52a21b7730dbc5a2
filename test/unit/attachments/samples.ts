/** Small real-looking files, built by hand: magic numbers and minimal ZIP packages with stored entries. */

export const jpegBytes = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);
export const pngBytes = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00,
  0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00,
]);
export const pdfBytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
export const gifBytes = new TextEncoder().encode('GIF89a\u0001\u0000\u0001\u0000');
export const textBytes = new TextEncoder().encode('<html><body>不是附件</body></html>');

export interface ZipEntry {
  name: string;
  data?: string | Uint8Array;
}

export interface ZipOptions {
  /** Set general-purpose flag bit 3 with zero sizes in the local headers, as streaming writers do. */
  dataDescriptor?: boolean;
  /** Bytes of padding before the entries we care about (a big first entry). */
  leadingPadding?: number;
}

const u16 = (value: number) => [value & 0xff, (value >>> 8) & 0xff];
const u32 = (value: number) => [
  value & 0xff,
  (value >>> 8) & 0xff,
  (value >>> 16) & 0xff,
  (value >>> 24) & 0xff,
];

/** A ZIP of stored (uncompressed) entries; CRCs are left 0 since nothing here checks them. */
export function zip(entries: readonly ZipEntry[], options: ZipOptions = {}): Uint8Array {
  const encoder = new TextEncoder();
  const all: ZipEntry[] = [
    ...(options.leadingPadding
      ? [{ name: 'docProps/thumbnail.bin', data: new Uint8Array(options.leadingPadding) }]
      : []),
    ...entries,
  ];
  const local: number[] = [];
  const central: number[] = [];
  for (const entry of all) {
    const name = encoder.encode(entry.name);
    const data =
      typeof entry.data === 'string' ? encoder.encode(entry.data) : (entry.data ?? new Uint8Array(0));
    const offset = local.length;
    const flags = options.dataDescriptor ? 0x08 : 0;
    const size = options.dataDescriptor ? 0 : data.length;
    local.push(...u32(0x04034b50), ...u16(20), ...u16(flags), ...u16(0), ...u16(0), ...u16(0));
    local.push(...u32(0), ...u32(size), ...u32(size), ...u16(name.length), ...u16(0), ...name);
    for (const byte of data) local.push(byte);
    if (options.dataDescriptor)
      local.push(...u32(0x08074b50), ...u32(0), ...u32(data.length), ...u32(data.length));
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(flags), ...u16(0), ...u16(0), ...u16(0));
    central.push(
      ...u32(0),
      ...u32(data.length),
      ...u32(data.length),
      ...u16(name.length),
      ...u16(0),
      ...u16(0),
    );
    central.push(...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  const end = [
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(all.length),
    ...u16(all.length),
    ...u32(central.length),
    ...u32(local.length),
    ...u16(0),
  ];
  return Uint8Array.from(local.concat(central, end));
}

const contentTypes = '<?xml version="1.0" encoding="UTF-8"?><Types/>';

export const docxBytes = (options?: ZipOptions) =>
  zip(
    [
      { name: '[Content_Types].xml', data: contentTypes },
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ],
    options,
  );

export const xlsxBytes = (options?: ZipOptions) =>
  zip(
    [
      { name: '[Content_Types].xml', data: contentTypes },
      { name: '_rels/.rels', data: '<Relationships/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet/>' },
    ],
    options,
  );

export const plainZipBytes = () => zip([{ name: 'readme.txt', data: '说明' }]);
