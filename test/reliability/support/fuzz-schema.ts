/**
 * Values from the JSON Schemas of `openapi.json`: well-formed ones (as a client that read the document
 * would send), and the hostile material the fuzzer puts into them: wrong types, nasty strings,
 * extreme numbers, stray keys.
 */
import fc from 'fast-check';

export type JsonSchema = Record<string, unknown>;
export type Components = Record<string, JsonSchema>;

const asSchema = (value: unknown): JsonSchema =>
  value && typeof value === 'object' ? (value as JsonSchema) : {};

export function resolve(schema: JsonSchema, components: Components): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const target = components[ref.split('/').pop() ?? ''];
  if (!target) throw new Error(`openapi.json refers to a missing schema ${ref}`);
  return resolve(target, components);
}

const words = ['安全生产', '营商环境', '乡村振兴', '政务信息', '潍坊', 'report', '第12期', '县市区'];
const text = (minLength: number, maxLength: number) =>
  fc
    .array(
      fc.oneof(
        fc.constantFrom(...words),
        fc.string({ maxLength: 6 }),
        fc.string({ unit: 'grapheme', maxLength: 4 }),
      ),
      {
        maxLength: 12,
      },
    )
    .map((parts) => {
      let joined = parts.join('').trim();
      while (joined.length < minLength) joined += '政务信息报送';
      return joined.slice(0, maxLength);
    });

/** A value the schema admits (nearly always: the route's own zod schema is the judge). */
export function wellFormed(schema: JsonSchema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.anyOf))
    return fc.oneof(...s.anyOf.map((inner) => wellFormed(asSchema(inner), components, depth)));
  if (Array.isArray(s.type)) {
    return fc.oneof(...s.type.map((type) => wellFormed({ ...s, type }, components, depth)));
  }
  const min = (key: string) => (typeof s[key] === 'number' ? (s[key] as number) : undefined);
  switch (s.type) {
    case 'string': {
      if (s.format === 'email') {
        const part = fc.string({
          unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'),
          minLength: 1,
          maxLength: 12,
        });
        return fc.oneof(
          fc.tuple(part, part).map(([name, domain]) => `${name}@${domain}.gov.cn`),
          fc.emailAddress(),
        );
      }
      if (s.pattern === '^\\d{4}-\\d{2}-\\d{2}$') {
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date(), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10));
      }
      if (s.format === 'date-time') {
        return fc
          .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
          .map((date) => date.toISOString());
      }
      if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern));
      return text(min('minLength') ?? 0, Math.min(min('maxLength') ?? 40, 200));
    }
    case 'integer': {
      const exclusive = min('exclusiveMinimum');
      const lower = min('minimum') ?? (exclusive !== undefined ? Math.floor(exclusive) + 1 : -1000);
      return fc.integer({ min: lower, max: Math.max(lower, min('maximum') ?? lower + 10_000) });
    }
    case 'number': {
      const lower = min('minimum') ?? min('exclusiveMinimum') ?? -1000;
      const upper = min('maximum') ?? lower + 10_000;
      // Mostly the numbers people type (whole, or with two decimals), sometimes any double in range.
      return fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: Math.ceil(lower), max: Math.floor(upper) }) },
        {
          weight: 5,
          arbitrary: fc
            .integer({ min: Math.ceil(lower * 100), max: Math.floor(upper * 100) })
            .map((cents) => cents / 100),
        },
        { weight: 1, arbitrary: fc.double({ min: lower, max: upper, noNaN: true, noDefaultInfinity: true }) },
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const items = wellFormed(asSchema(s.items), components, depth + 1);
      const minLength = min('minItems') ?? 0;
      return fc.array(items, {
        minLength,
        maxLength: Math.max(minLength, Math.min(min('maxItems') ?? 3, 3)),
      });
    }
    case 'object': {
      const properties = asSchema(s.properties);
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const fields = Object.fromEntries(
        Object.entries(properties).map(([name, inner]) => [
          name,
          wellFormed(asSchema(inner), components, depth + 1),
        ]),
      );
      const record = fc.record(fields, { requiredKeys: [...required] });
      const extra = asSchema(s.additionalProperties);
      if (Object.keys(extra).length === 0 || depth > 4) return record;
      const keys = s.propertyNames
        ? wellFormed(asSchema(s.propertyNames), components, depth + 1)
        : fc.string();
      const map = fc.dictionary(keys as fc.Arbitrary<string>, wellFormed(extra, components, depth + 1), {
        maxKeys: 3,
      });
      return fc.tuple(record, map).map(([known, more]) => ({ ...more, ...known }));
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Strings that break naive code: astral plane, RTL, NUL and control characters, lone surrogates, huge. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\u202Eevil\u202C',
      'مرحبا بالعالم',
      '\u200F\u200E\u061C',
      '𠜎𠜱𠝹𠱓𠱸',
      '😀👩‍👩‍👧‍👦🏳️‍🌈',
      '\uD800',
      'x\uDC00y',
      'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
      '\uFEFF',
      '\u2028\u2029',
      '\t\r\n\v\f\b',
      '<script>alert(1)</script>',
      "' OR '1'='1' --",
      ['$', '{jndi:ldap://x/a}'].join(''),
      '{{7*7}}',
      '../../etc/passwd',
      '%00%2e%2e%2f',
      '%s%n%x',
      '\\',
      '"',
      'null',
      'true',
      '-1',
      '1e309',
      'NaN',
      '２０２６',
      '٢٠٢٦-١١-٢٠',
      'ＡＢＣ',
      'ı İ ß ﬀ',
      '绝密★',
      // Markers in disguise and control characters (issue 11): refused in every free-text field.
      '绝\u200B密',
      '机\u00A0密★一年',
      '絕密★啟用前',
      '內部資料 請注意保密',
      '【机密】内部资料 注意保密',
      'a\u0085b',
      'a\rb\nc',
      '\u001b[31m红\u001b[0m',
      'A'.repeat(300),
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'a'.repeat(70_000),
      '中'.repeat(25_000),
      '𠜎'.repeat(20_000),
      '\u0000'.repeat(30_000),
      '\u202E'.repeat(20_000),
    ),
  },
);

export const extremeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  -(2 ** 31) - 1,
  2 ** 31,
  1e-300,
  5e-324,
  1e-131,
  9.99e125,
  0.01,
  0.1 + 0.2,
  123_456_789_012,
);

/** Any JSON value, of any type, including awkward ones. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  extremeNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(nastyString, { maxLength: 3 }),
);

export const strayKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'pk',
    'sk',
    'unitId',
    'role',
    'status',
    'version',
    '',
  ),
  nastyString.filter((key) => key.length < 200),
);

type Path = (string | number)[];

function nodes(value: unknown, path: Path = [], out: { path: Path; value: unknown }[] = []) {
  out.push({ path, value });
  if (Array.isArray(value)) {
    for (const [index, inner] of value.entries()) nodes(inner, [...path, index], out);
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) nodes(inner, [...path, key], out);
  }
  return out;
}

/** Own enumerable properties only, so that a `__proto__` key is a key and not a prototype. */
function defineKey(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function setAt(root: unknown, path: Path, replace: (current: unknown) => unknown): unknown {
  if (path.length === 0) return replace(root);
  const [head, ...rest] = path;
  if (Array.isArray(root))
    return root.map((inner, index) => (index === head ? setAt(inner, rest, replace) : inner));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(root as Record<string, unknown>)) {
    defineKey(copy, key, key === head ? setAt(inner, rest, replace) : inner);
  }
  return copy;
}

export type MutationKind = 'drop' | 'retype' | 'stray' | 'nasty' | 'number';

export interface Mutation {
  kind: MutationKind;
  pick: number;
  payload: unknown;
  number: number;
  key: string;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>('drop', 'retype', 'stray', 'nasty', 'number'),
  pick: fc.nat(),
  payload: anyJson,
  number: extremeNumber,
  key: strayKey,
});

/** Changes that keep a value's shape: hostile strings and extreme numbers where the schema may admit them. */
export const shapeKeepingMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>('nasty', 'number'),
  pick: fc.nat(),
  payload: fc.oneof(nastyString, extremeNumber),
  number: extremeNumber,
  key: fc.constant(''),
});

/** Applies one mutation to a copy of `value`; returns the mutated value and what was done. */
export function mutate(value: unknown, change: Mutation): { value: unknown; note: string } {
  const all = nodes(value);
  const choose = <T>(list: T[]) => list[change.pick % list.length];
  switch (change.kind) {
    case 'drop': {
      const target = choose(
        all.filter(
          (node) =>
            node.value &&
            typeof node.value === 'object' &&
            !Array.isArray(node.value) &&
            Object.keys(node.value).length > 0,
        ),
      );
      if (!target) break;
      const keys = Object.keys(target.value as object);
      const gone = keys[change.pick % keys.length] ?? '';
      return {
        value: setAt(value, target.path, (current) =>
          Object.fromEntries(Object.entries(current as object).filter(([key]) => key !== gone)),
        ),
        note: `drop ${[...target.path, gone].join('.')}`,
      };
    }
    case 'stray': {
      const target = choose(
        all.filter((node) => node.value && typeof node.value === 'object' && !Array.isArray(node.value)),
      );
      if (!target) break;
      return {
        value: setAt(value, target.path, (current) => {
          const copy: Record<string, unknown> = {};
          for (const [key, inner] of Object.entries(current as object)) defineKey(copy, key, inner);
          defineKey(copy, change.key, change.payload);
          return copy;
        }),
        note: `stray key ${JSON.stringify(change.key).slice(0, 40)} at ${target.path.join('.')}`,
      };
    }
    case 'nasty': {
      const strings = all.filter((node) => typeof node.value === 'string');
      const target = choose(strings.length > 0 ? strings : all);
      if (!target) break;
      // JSON, not String(): a generated object may have no prototype (and so no toString).
      const payload =
        typeof change.payload === 'string' ? change.payload : (JSON.stringify(change.payload) ?? 'null');
      return {
        value: setAt(value, target.path, () => payload),
        note: `nasty string at ${target.path.join('.')}`,
      };
    }
    case 'number': {
      const numbers = all.filter((node) => typeof node.value === 'number');
      const target = choose(numbers.length > 0 ? numbers : all);
      if (!target) break;
      const payload = typeof change.payload === 'number' ? change.payload : change.number;
      return {
        value: setAt(value, target.path, () => payload),
        note: `extreme number at ${target.path.join('.')}`,
      };
    }
    case 'retype':
      break;
  }
  const target = choose(all) ?? { path: [], value };
  return {
    value: setAt(value, target.path, () => change.payload),
    note: `retype ${target.path.join('.') || 'body'}`,
  };
}
