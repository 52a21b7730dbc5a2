/**
 * An item's size as DynamoDB counts it for TableSizeBytes and capacity (wire JSON in, bytes out):
 * attribute names and strings in UTF-8 bytes, numbers about one byte per two significant digits
 * plus one, binaries their bytes, booleans and nulls one byte, lists and maps 3 bytes plus one per
 * element plus their contents, sets the sum of their members.
 */
export type WireValue = Record<string, unknown>;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

function numberSize(text: string): number {
  const digits = text.replace(/^[-+]/, '').replace(/e.*$/i, '').replace('.', '').replace(/^0+/, '');
  const significant = digits.replace(/0+$/, '').length;
  return Math.ceil(Math.max(1, significant) / 2) + 1;
}

export function valueSize(value: WireValue): number {
  const [type, raw] = Object.entries(value)[0] ?? ['NULL', true];
  switch (type) {
    case 'S':
      return utf8(String(raw));
    case 'N':
      return numberSize(String(raw));
    case 'B':
      return typeof raw === 'string' ? Buffer.from(raw, 'base64').length : 0;
    case 'BOOL':
    case 'NULL':
      return 1;
    case 'SS':
      return (raw as string[]).reduce((sum, entry) => sum + utf8(entry), 0);
    case 'NS':
      return (raw as string[]).reduce((sum, entry) => sum + numberSize(entry), 0);
    case 'BS':
      return (raw as string[]).reduce((sum, entry) => sum + Buffer.from(entry, 'base64').length, 0);
    case 'L':
      return 3 + (raw as WireValue[]).reduce((sum, entry) => sum + 1 + valueSize(entry), 0);
    case 'M':
      return (
        3 +
        Object.entries(raw as Record<string, WireValue>).reduce(
          (sum, [name, entry]) => sum + 1 + utf8(name) + valueSize(entry),
          0,
        )
      );
    default:
      return 0;
  }
}

/** Bytes of one item: every attribute's name plus its value. */
export function itemSize(item: Record<string, WireValue>): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += utf8(name) + valueSize(value);
  return size;
}
