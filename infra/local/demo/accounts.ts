import { join } from 'node:path';
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { createPerson } from '../../../functions/people/create-person/use-case';
import type { PeopleDeps } from '../../../functions/people/deps';
import { newTemporaryPassword } from '../../../shared/domain/people';
import type { Role, StaffPrincipal } from '../../../shared/domain/roles';
import { CognitoIdentityAdmin } from '../../../shared/store/cognito/identity-admin';
import type { TableRef } from '../../../shared/store/dynamo/client';
import { DynamoPersonStore } from '../../../shared/store/dynamo/people';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import { readEnvFile, writeEnvFile } from '../env';

/** The variable prefix of each demo account in `<data>/demo-accounts.env`. */
const prefixes = {
  admin: 'ADMIN',
  editor: 'EDITOR',
  leader: 'LEADER',
  reporter: 'REPORTER',
  'unit-admin': 'UNIT_ADMIN',
} as const satisfies Record<Role, string>;

type Prefix = (typeof prefixes)[Role];
/** `ADMIN_USERNAME`, `ADMIN_PASSWORD`, … `UNIT_ADMIN_PASSWORD`. */
export type DemoAccounts = Record<`${Prefix}_USERNAME` | `${Prefix}_PASSWORD`, string>;

interface DemoPerson {
  role: Role;
  username: string;
  name: string;
  phone: string;
  unit: boolean;
}

/** One person per role; the reporter and the unit-admin belong to the demo reporter's unit. */
const demoPeople: readonly DemoPerson[] = [
  { role: 'admin', username: 'demo.admin', name: '赵建国', phone: '0536-8230001', unit: false },
  { role: 'editor', username: 'demo.editor', name: '王芳', phone: '0536-8230002', unit: false },
  { role: 'leader', username: 'demo.leader', name: '刘振华', phone: '0536-8230003', unit: false },
  { role: 'reporter', username: 'demo.reporter', name: '李晓梅', phone: '0536-8201234', unit: true },
  { role: 'unit-admin', username: 'demo.unitadmin', name: '陈静', phone: '0536-8201235', unit: true },
];

/**
 * A strong password (every character class, as the pool's policy asks) whose symbols need no
 * quoting where `demo-accounts.env` is sourced by a shell (`$`, `!`, `&`, `*`, `?`, `^`, `#` would).
 */
export function demoPassword(): string {
  const safe = '-_=+.@%';
  return newTemporaryPassword(16).replace(
    /[^A-Za-z0-9]/g,
    (symbol) => safe[symbol.charCodeAt(0) % safe.length] ?? '-',
  );
}

export const demoAccountsFile = (dataDir: string) => join(dataDir, 'demo-accounts.env');

export async function readDemoAccounts(dataDir: string): Promise<DemoAccounts | undefined> {
  const env = await readEnvFile(demoAccountsFile(dataDir));
  if (!env) return undefined;
  const accounts: Record<string, string> = {};
  for (const prefix of Object.values(prefixes)) {
    for (const key of [`${prefix}_USERNAME`, `${prefix}_PASSWORD`]) {
      const value = env[key];
      if (!value) return undefined;
      accounts[key] = value;
    }
  }
  return accounts as DemoAccounts;
}

/** Whoever starts the stack: the same bootstrap credential the demo tokens are issued by. */
const bootstrap: StaffPrincipal = { role: 'admin', tokenId: 'bootstrap' };

/**
 * One signed-in person per role, made through the people function's own use case (pool user in
 * its role's group, person record with its audit event), each with a permanent password kept in
 * `<data>/demo-accounts.env`. Later starts find the same people (same ids) and set the same
 * passwords again, so the file is always what signs in. Passwords are never logged.
 */
export async function loadDemoAccounts(options: {
  table: TableRef;
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  unitId: string;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<DemoAccounts> {
  const identity = new CognitoIdentityAdmin(options.cognito, options.userPoolId);
  const deps: PeopleDeps = {
    people: new DynamoPersonStore(options.table),
    units: new DynamoUnitStore(options.table),
    identity,
    now: () => new Date(),
    poolSendsMail: false,
    newPassword: newTemporaryPassword,
  };
  const known = (await readEnvFile(demoAccountsFile(options.dataDir))) ?? {};
  const accounts: Record<string, string> = {};
  let made = 0;
  for (const person of demoPeople) {
    const prefix = prefixes[person.role];
    const created = await createPerson(deps, bootstrap, {
      username: person.username,
      name: person.name,
      phone: person.phone,
      email: `${person.username}@example.gov.cn`,
      role: person.role,
      ...(person.unit ? { unitId: options.unitId } : {}),
    });
    if (created.invitation !== 'none') made += 1;
    const password = known[`${prefix}_PASSWORD`] || demoPassword();
    await identity.setPassword(person.username, password, true);
    accounts[`${prefix}_USERNAME`] = person.username;
    accounts[`${prefix}_PASSWORD`] = password;
  }
  await writeEnvFile(
    demoAccountsFile(options.dataDir),
    accounts,
    '信报本地演示账号（仅供本机演示，勿用于生产）/ Xinbao local demo accounts — demo only\n' +
      '每次启动都会把密码设回本文件所写 / every start sets these passwords again',
  );
  if (made > 0) log(options, `已创建演示账号 ${made} 个 / created ${made} demo account(s)`);
  return accounts as DemoAccounts;
}

function log(options: { log?: (line: string) => void }, line: string) {
  options.log?.(line);
}
