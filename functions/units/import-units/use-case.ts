import { findSecrecyMarkerIn } from '#shared/domain/quality/secrecy';
import { BadRequestError, ConflictError, SecrecyRefusedError } from '#shared/errors';
import { issuesToDetails } from '#shared/http/request';
import { type ImportReport, unitCreate } from '#shared/schemas/units';
import { createUnit } from '../create-unit/use-case';
import type { UnitsDeps } from '../deps';
import { type CsvRow, readUnitCsv } from './csv';

export type ImportProgress = (done: number, total: number) => void;

function toCreateInput(fields: Record<string, string>) {
  const contact =
    fields.contactName || fields.contactPhone || fields.contactEmail
      ? [
          {
            name: fields.contactName ?? '',
            phone: fields.contactPhone ?? '',
            email: fields.contactEmail ?? '',
          },
        ]
      : [];
  return {
    id: fields.id,
    name: fields.name,
    class: fields.class,
    contacts: contact,
    ...(fields.headEmail ? { headEmail: fields.headEmail } : {}),
  };
}

/** A marker anywhere refuses the whole file before anything is stored, naming the line. */
function refuseSecrets(rows: readonly CsvRow[]): void {
  for (const row of rows) {
    for (const text of 'error' in row ? [row.text] : row.cells) {
      const found = findSecrecyMarkerIn(text);
      if (found) {
        throw new SecrecyRefusedError(found, `第 ${row.line} 行`, [
          { path: `line ${row.line}`, message: `含有涉密标志“${found.marker}”`, code: 'SECRECY_REFUSED' },
        ]);
      }
    }
  }
}

/**
 * Good rows are imported, bad rows reported by line number; a row whose id already exists
 * (in the store or earlier in the same file) is reported, never overwritten.
 */
export async function importUnits(
  deps: UnitsDeps,
  csvText: string,
  onProgress?: ImportProgress,
): Promise<ImportReport> {
  const { rows, headerError } = readUnitCsv(csvText);
  if (headerError) throw new BadRequestError('CSV_HEADER_INVALID', headerError);
  refuseSecrets(rows);
  const report: ImportReport = { imported: 0, rejected: [] };
  const seen = new Set<string>();
  let done = 0;
  for (const row of rows) {
    if ('error' in row) {
      report.rejected.push({ line: row.line, reason: row.error });
    } else {
      const id = row.fields.id;
      const parsed = unitCreate.safeParse(toCreateInput(row.fields));
      if (!parsed.success) {
        const reason = issuesToDetails(parsed.error.issues)
          .map((detail) => `${detail.path}: ${detail.message}`)
          .join('；');
        report.rejected.push({ line: row.line, id, reason });
      } else if (seen.has(parsed.data.id)) {
        report.rejected.push({ line: row.line, id, reason: '与文件中前面的行编号重复' });
      } else {
        seen.add(parsed.data.id);
        try {
          await createUnit(deps, parsed.data);
          report.imported += 1;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          report.rejected.push({ line: row.line, id, reason: error.message });
        }
      }
    }
    done += 1;
    onProgress?.(done, rows.length);
  }
  return report;
}
