import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { schedules } from '../../events/schedules';
import { createPerson } from '../../functions/people/create-person/use-case';
import { peopleDepsFromEnvironment } from '../../functions/people/environment';
import { importPeople } from '../../functions/people/import-people/use-case';
import { issueToken } from '../../functions/tokens/issue-token/use-case';
import { listTokens } from '../../functions/tokens/list-tokens/use-case';
import { revokeToken } from '../../functions/tokens/revoke-token/use-case';
import { createUnit } from '../../functions/units/create-unit/use-case';
import { importUnits } from '../../functions/units/import-units/use-case';
import { listUnits } from '../../functions/units/list-units/use-case';
import { functions } from '../../shared/catalogue/functions';
import { readOptionalConfig } from '../../shared/config';
import { decodeText } from '../../shared/http/request';
import { personCreate } from '../../shared/schemas/people';
import { tokenIssue } from '../../shared/schemas/tokens';
import { unitCreate } from '../../shared/schemas/units';
import { tableFromEnvironment } from '../../shared/store/dynamo/client';
import { DynamoTokenStore } from '../../shared/store/dynamo/tokens';
import { DynamoUnitStore } from '../../shared/store/dynamo/units';
import { progressBar } from './progress';

export type Flags = Record<string, string | boolean | undefined>;
export type Print = (line: string) => void;

function deps() {
  const table = tableFromEnvironment();
  const units = new DynamoUnitStore(table);
  return { units, tokens: new DynamoTokenStore(table), now: () => new Date() };
}

const text = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? flags[name] : undefined);

export async function unitsList(print: Print) {
  const { units } = await listUnits(deps(), {});
  for (const unit of units)
    print(`${unit.id}\t${unit.class}\t${unit.active ? '启用' : '停用'}\t${unit.name}`);
  print(`共 ${units.length} 个单位`);
}

export async function unitsCreate(flags: Flags, print: Print) {
  const contact = text(flags, 'contact-name')
    ? [
        {
          name: text(flags, 'contact-name'),
          phone: text(flags, 'contact-phone'),
          email: text(flags, 'contact-email'),
        },
      ]
    : [];
  const input = unitCreate.parse({
    id: text(flags, 'id'),
    name: text(flags, 'name'),
    class: text(flags, 'class'),
    contacts: contact,
    ...(text(flags, 'head-email') ? { headEmail: text(flags, 'head-email') } : {}),
  });
  const unit = await createUnit(deps(), input);
  print(`已创建单位 ${unit.id}（${unit.name}）`);
}

export async function unitsImport(file: string, print: Print): Promise<number> {
  const csv = decodeText(readFileSync(resolve(file)));
  const bar = progressBar('导入单位');
  const report = await importUnits(deps(), csv, (done, total) => bar.update(done, total)).finally(() =>
    bar.stop(),
  );
  print(`导入成功 ${report.imported} 行，拒绝 ${report.rejected.length} 行`);
  for (const row of report.rejected)
    print(`  第 ${row.line} 行${row.id ? `（${row.id}）` : ''}：${row.reason}`);
  return report.rejected.length > 0 ? 1 : 0;
}

export async function tokensIssue(flags: Flags, print: Print) {
  const input = tokenIssue.parse({
    role: text(flags, 'role'),
    label: text(flags, 'label'),
    ...(text(flags, 'unit') ? { unitId: text(flags, 'unit') } : {}),
  });
  const issued = await issueToken(deps(), input, 'cli');
  print(`令牌编号 ${issued.tokenId}（${issued.role}${issued.unitId ? ` · ${issued.unitId}` : ''}）`);
  print('令牌明文只显示这一次，请立即保存：');
  print(issued.token);
}

export async function tokensList(print: Print) {
  const { tokens } = await listTokens(deps(), { includeRevoked: 'true' });
  for (const token of tokens) {
    const state = token.revokedAt ? `已吊销 ${token.revokedAt}` : `最近使用 ${token.lastUsedAt ?? '从未'}`;
    print(`${token.tokenId}\t${token.role}\t${token.unitId ?? '-'}\t${token.label}\t${state}`);
  }
}

export async function tokensRevoke(tokenId: string, print: Print) {
  const token = await revokeToken(deps(), tokenId);
  print(`已吊销令牌 ${token.tokenId}（${token.label}）于 ${token.revokedAt}`);
}

/** Runs a scheduled job by hand through the same handler the scheduler invokes. */
export async function runJob(job: string, flags: Flags, print: Print) {
  const schedule = schedules.find((entry) => entry.job === job);
  if (!schedule)
    throw new Error(`没有名为 ${job} 的定时任务；可用：${schedules.map((s) => s.job).join('、')}`);
  const entry = resolve(import.meta.dirname, '../..', functions[schedule.function].entry);
  const module = (await import(entry)) as { handler: (event: unknown, context: unknown) => Promise<unknown> };
  const scheduledTime = text(flags, 'time') ?? new Date().toISOString();
  const period = text(flags, 'period');
  const result = await module.handler(
    { job, scheduledTime, manual: true, ...(period ? { period } : {}) },
    { awsRequestId: `cli-${Date.now()}` },
  );
  print(JSON.stringify(result, null, 2));
}

/** The CLI acts as an admin with the credential `cli` (audit events and `createdBy` say so). */
const cliAdmin = { role: 'admin', tokenId: 'cli' } as const;

/**
 * Temporary passwords (only where the pool sends no mail) go to a file only the owner can read,
 * never to the terminal or a log.
 */
function savePasswords(file: string, rows: { username: string; temporaryPassword: string }[], print: Print) {
  if (rows.length === 0) return;
  const lines = [
    '用户名,临时密码（首次登录时须修改）',
    ...rows.map((row) => `${row.username},${row.temporaryPassword}`),
  ];
  writeFileSync(resolve(file), `\uFEFF${lines.join('\r\n')}\r\n`, { mode: 0o600 });
  print(`${rows.length} 个新账号的临时密码已写入 ${resolve(file)}（仅本人可读；交付后请删除）`);
}

export async function peopleImport(file: string, flags: Flags, print: Print): Promise<number> {
  const csv = decodeText(readFileSync(resolve(file)));
  const bar = progressBar('导入信息员账号');
  const report = await importPeople(peopleDepsFromEnvironment(), cliAdmin, csv, (done, total) =>
    bar.update(done, total),
  ).finally(() => bar.stop());
  print(`新建 ${report.created} 个账号，已存在 ${report.existing} 个，拒绝 ${report.rejected.length} 行`);
  for (const row of report.rejected)
    print(`  第 ${row.line} 行${row.username ? `（${row.username}）` : ''}：${row.reason}`);
  savePasswords(text(flags, 'passwords') ?? `people-passwords-${Date.now()}.csv`, report.passwords, print);
  return report.rejected.length > 0 ? 1 : 0;
}

/** The first admin person (in AWS: the pool mails the invitation; locally the password goes to a file). */
export async function peopleCreateAdmin(flags: Flags, print: Print) {
  if (!readOptionalConfig('userPoolId')) {
    throw new Error(
      '未指定用户池：云上请加 --user-pool <XinbaoStateful 的 UserPoolId 输出>（或设置 USER_POOL_ID）；本地须由 npm start 运行用户池（cognito-local）',
    );
  }
  const input = personCreate.parse({
    username: text(flags, 'username'),
    name: text(flags, 'name'),
    email: text(flags, 'email'),
    role: 'admin',
    ...(text(flags, 'phone') ? { phone: text(flags, 'phone') } : {}),
  });
  const created = await createPerson(peopleDepsFromEnvironment(), cliAdmin, input);
  const how =
    created.invitation === 'mailed'
      ? `邀请邮件已发往 ${created.email}`
      : created.invitation === 'none'
        ? '账号已存在，未作改动'
        : '临时密码见下述文件';
  print(`系统管理员 ${created.username}（${created.personId}）：${how}`);
  if (created.temporaryPassword)
    savePasswords(
      text(flags, 'passwords') ?? `admin-password-${Date.now()}.csv`,
      [{ username: created.username, temporaryPassword: created.temporaryPassword }],
      print,
    );
}
