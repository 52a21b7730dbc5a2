/**
 * Requests that are well-formed but for one free-text field, which carries a secrecy marker (often
 * disguised: zero-width or no-break spaces, traditional forms) or a control character. Each knows
 * the answer it must get: 422 SECRECY_REFUSED for a marker, 400 VALIDATION_FAILED for a control.
 */
import fc from 'fast-check';
import { dotted, type StringField, stringFields, valueAt, withValueAt } from '../../support/free-text-fields';
import { type FuzzRequest, type FuzzWorld, type Operation, wellFormedRequestsFor } from './fuzz-requests';
import type { Components } from './fuzz-schema';

export interface FreeTextCase {
  request: FuzzRequest;
  field: string;
  expected: { status: 422; code: 'SECRECY_REFUSED' } | { status: 400; code: 'VALIDATION_FAILED' };
}

const markers = fc.constantFrom(
  '机密★一年',
  '绝密★启用前',
  '绝\u200B密',
  '机\u00A0密★一年',
  '秘\uFEFF密★6个月',
  '機密★長期',
  '絕密',
  '【機密】',
  '（秘密）',
  '密级：机密',
  '內部資料 請注意保密',
  '内部资料 请注意保密',
  '【机密】内部资料 注意保密',
  '严禁外传',
);
/** Refused in a single line; in a text, all but LF, CR (becomes LF) and tab. */
const lineControls = fc.constantFrom(
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0085',
  '\u2028',
  '\u2029',
  '\u0000',
  '\u001b',
);
const textControls = fc.constantFrom('\u0085', '\u2028', '\u2029', '\u0000', '\u0007', '\u001b', '\u007f');

/** Undefined for operations without a JSON body that has free text. */
export function freeTextCasesFor(
  operation: Operation,
  world: FuzzWorld,
  components: Components,
): fc.Arbitrary<FreeTextCase | undefined> | undefined {
  if (operation.route.body?.kind !== 'json' || !operation.body) return undefined;
  const fields = stringFields(operation.body.schema, components).filter(
    (field): field is StringField & { kind: 'line' | 'text' } => field.kind !== 'unmarked',
  );
  if (fields.length === 0) return undefined;
  return fc
    .record({
      base: wellFormedRequestsFor(operation, world, components),
      pick: fc.nat(),
      secret: fc.boolean(),
      marker: markers,
      lineControl: lineControls,
      textControl: textControls,
      at: fc.nat(),
    })
    .map(({ base, pick, secret, marker, lineControl, textControl, at }) => {
      const body = JSON.parse(base.body?.toString('utf8') ?? 'null') as unknown;
      const present = fields.filter((field) => typeof valueAt(body, field.path) === 'string');
      const field = present[pick % Math.max(1, present.length)];
      if (!field) return undefined;
      const chars = Array.from(String(valueAt(body, field.path)));
      // In the middle: a control at either end would be trimmed away, and that is fine.
      const cut = chars.length < 2 ? 0 : 1 + (at % (chars.length - 1));
      const head = chars.slice(0, cut).join('');
      const tail = chars.slice(cut).join('');
      const value = secret
        ? `${head}${marker}${tail}`
        : `${head || '甲'}${field.kind === 'line' ? lineControl : textControl}${tail || '乙'}`;
      const changed = Buffer.from(JSON.stringify(withValueAt(body, field.path, value)));
      return {
        request: {
          ...base,
          body: changed,
          notes: [`${secret ? 'marker' : 'control'} in ${dotted(field.path)}`],
        },
        field: dotted(field.path),
        expected: secret
          ? ({ status: 422, code: 'SECRECY_REFUSED' } as const)
          : ({ status: 400, code: 'VALIDATION_FAILED' } as const),
      };
    });
}
