/** A DynamoDB AttributeValue in wire JSON (`{ S: 'x' }`, `{ N: '1' }`, ...), left opaque on purpose. */
export type AttributeValue = Record<string, unknown>;
export type Item = Record<string, AttributeValue>;
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asItem(value: unknown): Item | undefined {
  if (!isRecord(value)) return undefined;
  for (const attr of Object.values(value)) if (!isRecord(attr)) return undefined;
  return value as Item;
}
