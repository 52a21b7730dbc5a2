/**
 * Request bodies for the fuzzer: JSON from the document's schemas (well-formed, mutated, of another
 * type, malformed, random bytes), unit CSV whose every row is refused, junk for routes without a
 * body, under right and wrong content types; and the handlers' body checks, replayed as the judge.
 */
import fc from 'fast-check';
import type { RouteDeclaration } from '#shared/catalogue/routes';
import {
  anyJson,
  type Components,
  type JsonSchema,
  mutate,
  mutation,
  nastyString,
  wellFormed,
} from './fuzz-schema';

export interface DrawnBody {
  bytes?: Buffer;
  contentType?: string;
  note: string;
}

export const jsonText = (value: unknown) => JSON.stringify(value) ?? 'null';
const wrongTypes = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json-patch+json',
  'image/png',
  'application/octet-stream',
  '*/*',
];
const malformed = [
  '{',
  '{"a":1',
  "{'title':'x'}",
  'undefined',
  '{"a":1}garbage',
  '\uFEFF{}',
  '{"a":1,}',
  'NaN',
  '{"title":"\\ud800"}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `{"a":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
];

export function jsonBody(schema: JsonSchema, components: Components): fc.Arbitrary<DrawnBody> {
  const contentType = fc.oneof(
    {
      weight: 8,
      arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'Application/JSON'),
    },
    { weight: 1, arbitrary: fc.constantFrom(...wrongTypes) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const payload: fc.Arbitrary<{ bytes?: Buffer; note: string }> = fc.oneof(
    {
      weight: 3,
      arbitrary: wellFormed(schema, components).map((value) => ({
        bytes: Buffer.from(jsonText(value)),
        note: 'well-formed body',
      })),
    },
    {
      weight: 8,
      arbitrary: fc.tuple(wellFormed(schema, components), mutation).map(([value, change]) => {
        const changed = mutate(value, change);
        return { bytes: Buffer.from(jsonText(changed.value)), note: changed.note };
      }),
    },
    {
      weight: 1,
      arbitrary: anyJson.map((value) => ({
        bytes: Buffer.from(jsonText(value)),
        note: 'body of another type',
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(...malformed)
        .map((text) => ({ bytes: Buffer.from(text), note: 'malformed JSON' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .uint8Array({ maxLength: 300 })
        .map((raw) => ({ bytes: Buffer.from(raw), note: 'random bytes' })),
    },
    { weight: 1, arbitrary: fc.constant({ note: 'no body' }) },
  );
  return fc
    .tuple(payload, contentType)
    .map(([drawn, type]) => ({ ...drawn, ...(type ? { contentType: type } : {}) }));
}

/** Unit CSV in which every row is refused by construction: the id column never holds a valid id. */
export function csvBody(): fc.Arbitrary<DrawnBody> {
  const cell = nastyString.map((text) => text.replace(/[",\r\n]/g, ' ').slice(0, 300));
  const row = fc
    .tuple(cell, cell, fc.constantFrom('county', 'department', '县市区', 'x'), cell, cell)
    .map(
      ([id, name, unitClass, person, email]) =>
        `X${id},${name},${unitClass},${person},0536-1234567,${email},`,
    );
  const text = fc
    .tuple(
      fc.constantFrom('编号,名称,类别,信息员,电话,邮箱,负责人邮箱', 'id,name', ''),
      fc.array(row, { maxLength: 5 }),
    )
    .map(([header, rows]) => ({
      bytes: Buffer.from([header, ...rows].join('\n')),
      note: 'CSV of refused rows',
    }));
  const payload = fc.oneof(
    { weight: 4, arbitrary: text },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ maxLength: 300 }).map((raw) => ({
        bytes: Buffer.from(raw.map((byte) => (byte === 0x0a ? 0x20 : byte))),
        note: 'binary CSV',
      })),
    },
    { weight: 1, arbitrary: fc.constant({ note: 'no body' }) },
  );
  const contentType = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom('text/csv', 'text/plain; charset=gb18030', 'application/vnd.ms-excel'),
    },
    { weight: 1, arbitrary: fc.constantFrom('application/json', 'image/png') },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  return fc
    .tuple(payload, contentType)
    .map(([drawn, type]) => ({ ...drawn, ...(type ? { contentType: type } : {}) }));
}

/** Routes that take no body: mostly none, sometimes an empty object (allowed), sometimes junk. */
export const noBody: fc.Arbitrary<DrawnBody> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ note: 'no body' }) },
  {
    weight: 1,
    arbitrary: fc.constant({
      bytes: Buffer.from('{}'),
      contentType: 'application/json',
      note: 'empty object',
    }),
  },
  {
    weight: 2,
    arbitrary: anyJson.map((value) => ({
      bytes: Buffer.from(jsonText(value)),
      contentType: 'application/json',
      note: 'unexpected body',
    })),
  },
);

const mediaTypes: Record<string, string[]> = {
  json: ['application/json'],
  csv: ['text/csv', 'text/plain', 'application/vnd.ms-excel'],
};

/** The body checks of `shared/http/request.ts`, replayed: why this body must be refused, if it must. */
export function bodyDefect(route: RouteDeclaration, body: DrawnBody): string | undefined {
  const bytes = body.bytes ?? Buffer.alloc(0);
  const declared = route.body;
  if (!declared) {
    const text = bytes.toString('utf8').trim();
    return text === '' || text === '{}' ? undefined : 'body on a route without one';
  }
  if (bytes.length > declared.maxBytes) return 'body over the limit';
  const type = (body.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!mediaTypes[declared.kind]?.includes(type)) return 'wrong content type';
  if (bytes.length === 0) return 'empty body';
  if (declared.kind === 'csv')
    return route.operationId === 'importUnits' ? 'every CSV row refused' : undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch {
    return 'malformed JSON';
  }
  return declared.schema && !declared.schema.safeParse(parsed).success
    ? 'body against the schema'
    : undefined;
}
