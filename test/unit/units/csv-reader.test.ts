import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readUnitCsv } from '#functions/units/import-units/csv';
import { readUnitCsv as readWithCsvParse } from './support/csv-parse-reference';

const text = (chars: string[]) =>
  fc.array(fc.constantFrom(...chars), { maxLength: 6 }).map((list) => list.join(''));
const spaces = fc.constantFrom('', ' ', '\t');
/** Fields as spreadsheets write them, and the broken ones people make by hand. */
const field = fc.oneof(
  text(['a', 'qingzhou', '青州', ' ', '-']),
  fc
    .tuple(spaces, text(['a', '青', ',', '\n', '""', ' ']), spaces)
    .map(([before, inside, after]) => `${before}"${inside}"${after}`),
  text(['a', '青', ',']).map((inside) => `"${inside}`),
  text(['a', '青']).map((inside) => `${inside}"x`),
);
const line = fc.oneof(
  fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => fields.join(',')),
  fc.constantFrom('', '  ', ',,,'),
);

describe('the unit CSV reader', () => {
  it('reads files as csv-parse did: quoted commas and line breaks, blank lines, broken rows, line numbers', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, newline) => {
        const csv = ['id,name,class,信息员', ...lines].join(newline);
        // Left out: a quote again after a closed quote and blanks (`"" "`), which csv-parse read
        // inconsistently (sometimes as a second quoted part, sometimes as an error); refused here.
        fc.pre(!/"[ \t]+"/.test(csv));
        expect(readUnitCsv(csv)).toEqual(readWithCsvParse(csv));
      }),
      { numRuns: 3000 },
    );
  });
});
