/**
 * The free-text fields of a request body, read from the JSON Schema that /openapi.json publishes:
 * every string the schema marks `x-free-text`, and every plain string it does not mark (no enum,
 * const, pattern or format) — which is a field someone forgot to declare as free text.
 */
export type JsonSchema = Record<string, unknown>;
export type FieldPath = (string | number)[];

export interface StringField {
  path: FieldPath;
  kind: 'line' | 'text' | 'unmarked';
}

const asSchema = (value: unknown): JsonSchema =>
  value && typeof value === 'object' ? (value as JsonSchema) : {};

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = components[ref.split('/').pop() ?? ''];
  if (!target) throw new Error(`openapi.json refers to a missing schema ${ref}`);
  return resolve(target, components);
}

/** Array items are addressed by index 0 (the samples hold at least one). */
export function stringFields(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  path: FieldPath = [],
): StringField[] {
  const s = resolve(schema, components);
  const mark = s['x-free-text'];
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const fields: StringField[] = [];
  if (types.includes('string')) {
    if (mark === 'line' || mark === 'text') fields.push({ path, kind: mark });
    else if (!('enum' in s) && !('const' in s) && !('pattern' in s) && !('format' in s))
      fields.push({ path, kind: 'unmarked' });
  }
  for (const inner of [...asArray(s.anyOf), ...asArray(s.oneOf), ...asArray(s.allOf)])
    fields.push(...stringFields(asSchema(inner), components, path));
  for (const [name, inner] of Object.entries(asSchema(s.properties)))
    fields.push(...stringFields(asSchema(inner), components, [...path, name]));
  if (s.items) fields.push(...stringFields(asSchema(s.items), components, [...path, 0]));
  if (s.additionalProperties && typeof s.additionalProperties === 'object')
    fields.push(...stringFields(asSchema(s.additionalProperties), components, [...path, '*']));
  return fields;
}

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The path as the API's error details write it: `items.0.title`. */
export const dotted = (path: FieldPath) => path.join('.');

export function valueAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A deep copy of `root` with the value at `path` replaced. */
export function withValueAt(root: unknown, path: FieldPath, value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let current = copy;
  for (const key of path.slice(0, -1)) current = current[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (last !== undefined) current[last] = value;
  return copy;
}
