import type { Principal } from '#shared/domain/roles';
import { AppError, BadRequestError } from '#shared/errors';
import { issuesToDetails } from '#shared/http/request';
import { personCreate } from '#shared/schemas/people';
import { readUnitCsv } from '../../units/import-units/csv';
import { createPerson } from '../create-person/use-case';
import type { PeopleDeps } from '../deps';

export interface PeopleImportReport {
  /** Accounts made by this run. */
  created: number;
  /** Rows whose account already existed (a re-run): left as they are. */
  existing: number;
  rejected: { line: number; username?: string; reason: string }[];
  /** Only where the pool sends no mail: each new account's temporary password, for handing over. */
  passwords: { username: string; temporaryPassword: string }[];
}

/**
 * The sign-in name of a row: the 用户名 column, else the local part of the 信息员's e-mail when it
 * makes a valid username (lower-cased). Nothing is made up from a Chinese name.
 */
export function usernameOf(fields: Record<string, string>): string | undefined {
  const given = (fields.用户名 ?? fields.username ?? '').trim();
  if (given) return given;
  const local = (fields.contactEmail ?? '').split('@')[0]?.toLowerCase() ?? '';
  return /^[a-z][a-z0-9._-]{2,31}$/.test(local) ? local : undefined;
}

/**
 * 信息员 accounts from the units CSV (编号, 信息员, 电话, 邮箱, optionally 用户名): one reporter per
 * row with a 信息员, through the same use case as `POST /people`, so a re-run creates nothing
 * twice. Bad rows are reported by line number; the good ones are created.
 */
export async function importPeople(
  deps: PeopleDeps,
  actor: Principal,
  csvText: string,
  onProgress?: (done: number, total: number) => void,
): Promise<PeopleImportReport> {
  const { rows, headerError } = readUnitCsv(csvText);
  if (headerError) throw new BadRequestError('CSV_HEADER_INVALID', headerError);
  const report: PeopleImportReport = { created: 0, existing: 0, rejected: [], passwords: [] };
  let done = 0;
  for (const row of rows) {
    onProgress?.(done++, rows.length);
    if ('error' in row) {
      report.rejected.push({ line: row.line, reason: row.error });
      continue;
    }
    const { fields } = row;
    if (!fields.contactName) continue; // a unit without a 信息员: nothing to create
    const username = usernameOf(fields);
    if (!username) {
      report.rejected.push({
        line: row.line,
        reason: '缺少用户名：请加“用户名”列，或填写可作用户名的信息员邮箱',
      });
      continue;
    }
    const parsed = personCreate.safeParse({
      username,
      name: fields.contactName,
      ...(fields.contactPhone ? { phone: fields.contactPhone } : {}),
      email: fields.contactEmail,
      role: 'reporter',
      unitId: fields.id,
    });
    if (!parsed.success) {
      const reason = issuesToDetails(parsed.error.issues)
        .map((detail) => `${detail.path ?? ''} ${detail.message}`.trim())
        .join('；');
      report.rejected.push({ line: row.line, username, reason });
      continue;
    }
    try {
      const created = await createPerson(deps, actor, parsed.data);
      if (created.invitation === 'none') report.existing++;
      else report.created++;
      if (created.temporaryPassword)
        report.passwords.push({ username, temporaryPassword: created.temporaryPassword });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.rejected.push({ line: row.line, username, reason: `${error.message}（${error.code}）` });
    }
  }
  onProgress?.(rows.length, rows.length);
  return report;
}
