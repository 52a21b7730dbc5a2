import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPerson } from '#functions/people/create-person/use-case';
import type { PeopleDeps } from '#functions/people/deps';
import { listPeople } from '#functions/people/list-people/use-case';
import { resetPassword } from '#functions/people/reset-password/use-case';
import { reachablePerson } from '#functions/people/rules';
import { setPersonActive } from '#functions/people/set-active/use-case';
import { updatePerson } from '#functions/people/update-person/use-case';
import { newTemporaryPassword } from '#shared/domain/people';
import type { Principal } from '#shared/domain/roles';
import type { Person } from '#shared/schemas/people';
import { CognitoIdentityAdmin } from '#shared/store/cognito/identity-admin';
import { MemoryPersonStore, MemoryUnitStore } from '../../support/memory-stores';

const cognito = mockClient(CognitoIdentityProviderClient);
const poolId = 'local_pool1';

const admin: Principal = {
  role: 'admin',
  tokenId: 'person:00000000-0000-4000-8000-000000000001',
  personId: '00000000-0000-4000-8000-000000000001',
  personName: '系统管理员',
};
const adminToken: Principal = { role: 'admin', tokenId: 'abcdefghijklmnop' };
const unitAdmin: Principal = {
  role: 'unit-admin',
  unitId: 'weicheng',
  tokenId: 'person:00000000-0000-4000-8000-000000000002',
  personId: '00000000-0000-4000-8000-000000000002',
  personName: '潍城管理员',
};

const sub = (n: number) => `3f2c9a4e-8b1d-4c6f-9e2a-${String(n).padStart(12, '0')}`;

function unit(id: string, active = true) {
  return {
    id,
    name: `${id}单位`,
    class: 'county' as const,
    contacts: [],
    active,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  };
}

let people: MemoryPersonStore;
let users: Map<string, string>;
let nextSub: number;

function deps(poolSendsMail = false): PeopleDeps {
  const units = new MemoryUnitStore();
  units.units.set('weicheng', unit('weicheng'));
  units.units.set('kuiwen', unit('kuiwen'));
  units.units.set('closed', unit('closed', false));
  return {
    people,
    units,
    identity: new CognitoIdentityAdmin(new CognitoIdentityProviderClient({ region: 'us-east-1' }), poolId),
    now: () => new Date('2026-12-01T02:00:00.000Z'),
    poolSendsMail,
    newPassword: () => 'Tmp#Passw0rd-Once',
  };
}

beforeEach(() => {
  cognito.reset();
  people = new MemoryPersonStore();
  users = new Map();
  nextSub = 100;
  // A small stand-in for the pool: usernames → subs.
  cognito.on(AdminGetUserCommand).callsFake(async (input: { Username: string }) => {
    const found = users.get(input.Username);
    if (!found) throw Object.assign(new Error('User does not exist.'), { name: 'UserNotFoundException' });
    return { Username: input.Username, UserAttributes: [{ Name: 'sub', Value: found }] };
  });
  cognito.on(AdminCreateUserCommand).callsFake(async (input: { Username: string }) => {
    if (users.has(input.Username))
      throw Object.assign(new Error('User account already exists'), { name: 'UsernameExistsException' });
    const value = sub(nextSub++);
    users.set(input.Username, value);
    return { User: { Username: input.Username, Attributes: [{ Name: 'sub', Value: value }] } };
  });
  cognito.on(AdminAddUserToGroupCommand).resolves({});
  cognito.on(AdminRemoveUserFromGroupCommand).resolves({});
  cognito.on(AdminDisableUserCommand).resolves({});
  cognito.on(AdminEnableUserCommand).resolves({});
  cognito.on(AdminSetUserPasswordCommand).resolves({});
  cognito.on(AdminResetUserPasswordCommand).resolves({});
  cognito.on(AdminUpdateUserAttributesCommand).resolves({});
});

const reporterInput = {
  username: 'weicheng.lixm',
  name: '李晓梅',
  phone: '0536-8201234',
  email: 'lixm@example.gov.cn',
  role: 'reporter' as const,
  unitId: 'weicheng',
};

async function seed(
  d: PeopleDeps,
  input: Partial<typeof reporterInput> & { username: string },
): Promise<Person> {
  const created = await createPerson(d, admin, { ...reporterInput, ...input });
  const { temporaryPassword: _t, invitation: _i, ...person } = created;
  return person;
}

describe('POST /people: creating an account', () => {
  it('where the pool sends no mail, creates the user silently and answers the temporary password once', async () => {
    const d = deps(false);
    const created = await createPerson(d, admin, reporterInput);
    expect(created).toMatchObject({
      username: 'weicheng.lixm',
      role: 'reporter',
      unitId: 'weicheng',
      active: true,
      version: 1,
      invitation: 'returned',
      temporaryPassword: 'Tmp#Passw0rd-Once',
      createdBy: admin.tokenId,
    });
    const create = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input;
    expect(create).toMatchObject({
      UserPoolId: poolId,
      Username: 'weicheng.lixm',
      MessageAction: 'SUPPRESS',
    });
    expect(create?.UserAttributes).toContainEqual({ Name: 'custom:unit', Value: 'weicheng' });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input.GroupName).toBe('reporter');
    // The stored record never holds the password; the audit event names the acting person.
    const stored = await people.get(created.personId);
    expect(JSON.stringify(stored)).not.toContain('Tmp#Passw0rd-Once');
    expect(await people.events(created.personId)).toEqual([
      {
        at: '2026-12-01T02:00:00.000Z',
        by: admin.tokenId,
        byPerson: { personId: admin.personId, name: '系统管理员' },
        role: 'admin',
        action: 'create',
      },
    ]);
  });

  it('where the pool mails, asks it to send the invitation and answers no password', async () => {
    const created = await createPerson(deps(true), adminToken, reporterInput);
    expect(created.invitation).toBe('mailed');
    expect(created).not.toHaveProperty('temporaryPassword');
    const create = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input;
    expect(create?.DesiredDeliveryMediums).toEqual(['EMAIL']);
    expect(create?.MessageAction).toBeUndefined();
    // An xb_ token acted: the event keeps the token attribution only.
    expect((await people.events(created.personId))[0]).toEqual(
      expect.not.objectContaining({ byPerson: expect.anything() }),
    );
  });

  it('is idempotent on the username: a repeat answers the stored person, without a password', async () => {
    const d = deps(false);
    const first = await createPerson(d, admin, reporterInput);
    const again = await createPerson(d, admin, reporterInput);
    expect(again.personId).toBe(first.personId);
    expect(again.invitation).toBe('none');
    expect(again).not.toHaveProperty('temporaryPassword');
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(1);
    expect(people.people.size).toBe(1);
    expect(await people.events(first.personId)).toHaveLength(1);
  });

  it('refuses a username already used for another role or unit with 409 PERSON_EXISTS', async () => {
    const d = deps(false);
    await createPerson(d, admin, reporterInput);
    await expect(createPerson(d, admin, { ...reporterInput, unitId: 'kuiwen' })).rejects.toMatchObject({
      status: 409,
      code: 'PERSON_EXISTS',
    });
  });

  it('completes an account the pool has but our table lacks, with a fresh temporary password', async () => {
    users.set('weicheng.lixm', sub(7));
    const created = await createPerson(deps(false), admin, reporterInput);
    expect(created).toMatchObject({
      personId: sub(7),
      invitation: 'returned',
      temporaryPassword: 'Tmp#Passw0rd-Once',
    });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)[0]?.args[0].input).toMatchObject({
      Username: 'weicheng.lixm',
      Permanent: false,
    });
  });

  it('lets a unit-admin create its own unit’s reporters only', async () => {
    const d = deps(false);
    const own = await createPerson(d, unitAdmin, reporterInput);
    expect(own.unitId).toBe('weicheng');
    await expect(
      createPerson(d, unitAdmin, { ...reporterInput, username: 'kuiwen.zhang', unitId: 'kuiwen' }),
    ).rejects.toMatchObject({ status: 404, code: 'UNIT_NOT_FOUND' });
    await expect(
      createPerson(d, unitAdmin, { ...reporterInput, username: 'weicheng.boss', role: 'unit-admin' }),
    ).rejects.toMatchObject({ status: 403, code: 'PERSON_SCOPE' });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(1);
  });

  it('refuses an unknown or inactive unit before touching the pool', async () => {
    const d = deps(false);
    await expect(createPerson(d, admin, { ...reporterInput, unitId: 'nowhere' })).rejects.toMatchObject({
      code: 'UNIT_NOT_FOUND',
    });
    await expect(createPerson(d, admin, { ...reporterInput, unitId: 'closed' })).rejects.toMatchObject({
      code: 'UNIT_INACTIVE',
    });
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('GET /people', () => {
  it('lists by username with filters and a cursor; a unit-admin sees its own unit only', async () => {
    const d = deps(false);
    for (const name of ['a.one', 'b.two', 'c.three', 'd.four'])
      await seed(d, { username: `weicheng.${name}`, name: '甲' });
    await seed(d, { username: 'kuiwen.zhao', unitId: 'kuiwen' });
    await seed(d, {
      username: 'editor.wang',
      role: 'editor' as 'reporter',
      unitId: undefined as unknown as string,
    });

    const first = await listPeople(d, admin, { unitId: 'weicheng', limit: 3 });
    expect(first.people.map((p) => p.username)).toEqual([
      'weicheng.a.one',
      'weicheng.b.two',
      'weicheng.c.three',
    ]);
    const second = await listPeople(d, admin, { unitId: 'weicheng', limit: 3, cursor: first.nextCursor });
    expect(second.people.map((p) => p.username)).toEqual(['weicheng.d.four']);
    expect(second.nextCursor).toBeUndefined();
    await expect(listPeople(d, admin, { role: 'editor', cursor: first.nextCursor })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });

    expect((await listPeople(d, admin, { role: 'editor' })).people.map((p) => p.username)).toEqual([
      'editor.wang',
    ]);
    const mine = await listPeople(d, unitAdmin, {});
    expect(mine.people.every((p) => p.unitId === 'weicheng')).toBe(true);
    expect(mine.people).toHaveLength(4);
    await expect(listPeople(d, unitAdmin, { unitId: 'kuiwen' })).rejects.toMatchObject({
      status: 404,
      code: 'UNIT_NOT_FOUND',
    });
  });
});

describe('changing a person', () => {
  it('a unit-admin edits its reporter’s name; the pool’s attributes follow; role and unit are admin-only', async () => {
    const d = deps(false);
    const person = await seed(d, { username: 'weicheng.lixm' });
    const changed = await updatePerson(d, unitAdmin, person.personId, {
      version: 1,
      name: '李晓玫',
      phone: null,
    });
    expect(changed).toMatchObject({ name: '李晓玫', version: 2 });
    expect(changed).not.toHaveProperty('phone');
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input.UserAttributes).toEqual([
      { Name: 'name', Value: '李晓玫' },
    ]);
    await expect(
      updatePerson(d, unitAdmin, person.personId, { version: 2, role: 'editor' }),
    ).rejects.toMatchObject({
      status: 403,
      code: 'PERSON_FIELD_ADMIN_ONLY',
    });
    await expect(updatePerson(d, admin, person.personId, { version: 1, name: '旧' })).rejects.toMatchObject({
      status: 409,
      code: 'VERSION_CONFLICT',
    });
    const events = await people.events(person.personId);
    expect(events.at(-1)).toMatchObject({
      action: 'update',
      changes: ['name', 'phone'],
      byPerson: { name: '潍城管理员' },
    });
  });

  it('an admin’s role change moves the pool group; a move to a staff role drops the unit', async () => {
    const d = deps(false);
    const person = await seed(d, { username: 'weicheng.lixm' });
    const promoted = await updatePerson(d, admin, person.personId, { version: 1, role: 'unit-admin' });
    expect(promoted).toMatchObject({ role: 'unit-admin', unitId: 'weicheng' });
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).at(-1)?.args[0].input.GroupName).toBe(
      'unit-admin',
    );
    expect(cognito.commandCalls(AdminRemoveUserFromGroupCommand)[0]?.args[0].input.GroupName).toBe(
      'reporter',
    );
    const editor = await updatePerson(d, admin, person.personId, { version: 2, role: 'editor' });
    expect(editor).toMatchObject({ role: 'editor' });
    expect(editor).not.toHaveProperty('unitId');
    expect(
      cognito.commandCalls(AdminUpdateUserAttributesCommand).at(-1)?.args[0].input.UserAttributes,
    ).toEqual([{ Name: 'custom:unit', Value: '' }]);
  });

  it('disable stores the record first, then the pool; a repeat adds no second event; enable reverses it', async () => {
    const d = deps(false);
    const person = await seed(d, { username: 'weicheng.lixm' });
    const disabled = await setPersonActive(d, unitAdmin, person.personId, false);
    expect(disabled).toMatchObject({ active: false, version: 2 });
    expect((await people.get(person.personId))?.active).toBe(false);
    expect(cognito.commandCalls(AdminDisableUserCommand)).toHaveLength(1);
    await setPersonActive(d, unitAdmin, person.personId, false);
    expect((await people.events(person.personId)).map((e) => e.action)).toEqual(['create', 'disable']);
    const enabled = await setPersonActive(d, admin, person.personId, true);
    expect(enabled).toMatchObject({ active: true, version: 3 });
    expect(cognito.commandCalls(AdminEnableUserCommand)).toHaveLength(1);
  });

  it('nobody disables their own account', async () => {
    const d = deps(false);
    people.people.set(admin.personId ?? '', {
      personId: admin.personId ?? '',
      username: 'admin',
      name: '系统管理员',
      role: 'admin',
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'cli',
      version: 1,
    });
    await expect(setPersonActive(d, admin, admin.personId ?? '', false)).rejects.toMatchObject({
      code: 'CANNOT_DISABLE_SELF',
    });
  });

  it('reset answers a new temporary password once where the pool sends no mail, and lets the pool mail otherwise', async () => {
    const local = deps(false);
    const person = await seed(local, { username: 'weicheng.lixm' });
    const reset = await resetPassword(local, admin, person.personId);
    expect(reset.temporaryPassword).toBe('Tmp#Passw0rd-Once');
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)[0]?.args[0].input).toMatchObject({
      Permanent: false,
    });
    const cloud = { ...deps(true), people };
    const mailed = await resetPassword(cloud, admin, person.personId);
    expect(mailed).not.toHaveProperty('temporaryPassword');
    expect(cognito.commandCalls(AdminResetUserPasswordCommand)[0]?.args[0].input.Username).toBe(
      'weicheng.lixm',
    );
    expect((await people.events(person.personId)).map((e) => e.action)).toEqual([
      'create',
      'reset-password',
      'reset-password',
    ]);
  });

  it('a unit-admin never reaches another unit’s people (404) nor its own unit’s other unit-admins (403)', async () => {
    const d = deps(false);
    const foreign = await seed(d, { username: 'kuiwen.zhao', unitId: 'kuiwen' });
    const peer = await seed(d, { username: 'weicheng.boss', role: 'unit-admin' as 'reporter' });
    for (const attempt of [
      () => reachablePerson(d, unitAdmin, foreign.personId),
      () => updatePerson(d, unitAdmin, foreign.personId, { version: 1, name: '改' }),
      () => setPersonActive(d, unitAdmin, foreign.personId, false),
      () => resetPassword(d, unitAdmin, foreign.personId),
    ])
      await expect(attempt()).rejects.toMatchObject({ status: 404, code: 'PERSON_NOT_FOUND' });
    await expect(setPersonActive(d, unitAdmin, peer.personId, false)).rejects.toMatchObject({
      status: 403,
      code: 'PERSON_SCOPE',
    });
    expect((await people.get(foreign.personId))?.active).toBe(true);
  });
});

describe('temporary passwords', () => {
  it('meet a strong policy: 16 characters with upper, lower, digit and symbol, never the same twice', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = newTemporaryPassword();
      expect(password).toHaveLength(16);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });
});

describe('people import from the units CSV', () => {
  it('creates one reporter per 信息员 row, reports bad rows by line, and creates nothing twice on a re-run', async () => {
    const { importPeople } = await import('#functions/people/import-people/use-case');
    const d = deps(false);
    const csv = [
      '编号,名称,类别,信息员,电话,邮箱,用户名',
      'weicheng,潍城区人民政府,县市区,李晓梅,0536-8201234,lixm@example.gov.cn,weicheng.lixm',
      'kuiwen,奎文区人民政府,县市区,王芳,0536-8781234,wangfang@example.gov.cn,',
      'closed,已停用单位,县市区,赵强,0536-4221234,zhaoq@example.gov.cn,closed.zhao',
      'nowhere,不存在单位,县市区,钱七,0536-1111111,not-an-email,nowhere.qian',
      'hanting,寒亭区人民政府,县市区,,,,',
    ].join('\r\n');
    const cliAdmin = { role: 'admin', tokenId: 'cli' } as const;
    const progress: number[] = [];
    const first = await importPeople(d, cliAdmin, csv, (done) => progress.push(done));
    expect(first).toMatchObject({ created: 2, existing: 0 });
    expect(first.rejected.map((row) => row.line)).toEqual([4, 5]);
    expect(first.rejected[0]?.reason).toContain('UNIT_INACTIVE');
    expect(first.rejected[1]?.reason).toContain('email');
    expect(first.passwords.map((row) => row.username)).toEqual(['weicheng.lixm', 'wangfang']);
    expect(progress.at(-1)).toBe(5);
    const again = await importPeople(d, cliAdmin, csv);
    expect(again).toMatchObject({ created: 0, existing: 2, passwords: [] });
    expect(cognito.commandCalls(AdminCreateUserCommand)).toHaveLength(2);
    expect((await people.list()).map((p) => [p.username, p.unitId, p.createdBy])).toEqual([
      ['wangfang', 'kuiwen', 'cli'],
      ['weicheng.lixm', 'weicheng', 'cli'],
    ]);
  });
});
