/**
 * People sign in to the local stack as a user of `npm start` would: real HTTP against the stack
 * (its own process) and against cognito-local, with the usernames and passwords the stack wrote
 * to `<data>/demo-accounts.env` and the endpoint and ids it wrote to `<data>/local.env`.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Reply } from '../../support/api';
import { startStackForTest, type TestStack } from '../../support/local-stack';

let stack: TestStack;
let cognito: CognitoIdentityProviderClient;
const call = apiClient(() => stack.urls.api);
/** Every secret the test saw: none may appear in the stack's output. */
const secrets = new Set<string>();

interface Tokens {
  access: string;
  id: string;
}

function remember(...values: (string | undefined)[]) {
  for (const value of values) if (value) secrets.add(value);
}

function poolClient(endpoint: string) {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    // InitiateAuth needs no credentials; the SDK still wants some to exist.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** InitiateAuth USER_PASSWORD_AUTH with the console's client id; answers the challenge if asked. */
async function signIn(username: string, password: string, newPassword?: string): Promise<Tokens> {
  remember(password, newPassword);
  const ClientId = stack.env.USER_POOL_CLIENT_ID;
  const started = await cognito.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  let result = started.AuthenticationResult;
  if (started.ChallengeName === 'NEW_PASSWORD_REQUIRED') {
    if (!newPassword) throw new Error(`${username} must choose a new password`);
    const answered = await cognito.send(
      new RespondToAuthChallengeCommand({
        ClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: started.Session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
      }),
    );
    result = answered.AuthenticationResult;
  } else if (started.ChallengeName) {
    throw new Error(`unexpected challenge ${started.ChallengeName}`);
  }
  if (!result?.AccessToken || !result.IdToken) throw new Error(`${username} got no tokens`);
  remember(result.AccessToken, result.IdToken, result.RefreshToken);
  return { access: result.AccessToken, id: result.IdToken };
}

const demo = (role: 'ADMIN' | 'EDITOR' | 'REPORTER' | 'UNIT_ADMIN') =>
  signIn(stack.accounts[`${role}_USERNAME`], stack.accounts[`${role}_PASSWORD`]);

/** Polls until `check` holds (a disabled person is refused within the authorizer's cache time). */
async function eventually(what: () => Promise<Reply>, holds: (reply: Reply) => boolean, ms: number) {
  const deadline = Date.now() + ms;
  for (;;) {
    const reply = await what();
    if (holds(reply) || Date.now() > deadline) return reply;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function item(title: string) {
  return {
    title,
    body: `${title}。全区新建改造供热管网12公里，惠及群众1.2万户，群众满意度明显提升，相关做法得到上级肯定。`,
    eventDate: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    urgency: 'normal',
    openness: 'public',
    secrecy: 'non-secret',
    approver: '张建国',
  };
}

beforeAll(async () => {
  // INFO, as in the cloud: the log check below then reads everything the handlers would log.
  stack = await startStackForTest({ logLevel: 'INFO', timeoutMs: 60_000 });
  for (const [key, value] of Object.entries(stack.accounts)) if (key.endsWith('_PASSWORD')) remember(value);
  cognito = poolClient(stack.env.COGNITO_ENDPOINT ?? '');
}, 90_000);

afterAll(async () => {
  cognito?.destroy();
  await stack?.stop();
});

describe('signing in to the local stack (cognito-local)', () => {
  it('writes the sign-in facts to local.env and prints them, with usernames but no password', () => {
    expect(stack.env).toMatchObject({
      COGNITO_ENDPOINT: stack.urls.cognito,
      USER_POOL_ID: expect.stringMatching(/\S/),
      USER_POOL_CLIENT_ID: expect.stringMatching(/\S/),
      USER_POOL_SENDS_MAIL: 'false',
    });
    const output = stack.output();
    expect(output).toContain(`USER_POOL_ID=${stack.env.USER_POOL_ID}`);
    expect(output).toContain(`USER_POOL_CLIENT_ID=${stack.env.USER_POOL_CLIENT_ID}`);
    expect(output).toContain(stack.accounts.REPORTER_USERNAME);
    expect(output).toContain('demo-accounts.env');
  });

  it('writes demo-accounts.env so that a shell can source it unchanged', () => {
    const file = join(stack.dataDir, 'demo-accounts.env');
    const sourced = execFileSync(
      'sh',
      ['-c', '. "$1" && printf "%s\\n" "$ADMIN_PASSWORD" "$UNIT_ADMIN_PASSWORD"', 'sh', file],
      {
        encoding: 'utf8',
      },
    );
    expect(sourced.split('\n').slice(0, 2)).toEqual([
      stack.accounts.ADMIN_PASSWORD,
      stack.accounts.UNIT_ADMIN_PASSWORD,
    ]);
    for (const [key, value] of Object.entries(stack.accounts)) {
      if (key.endsWith('_PASSWORD'))
        expect(value, key).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z0-9]).{12,}$/);
    }
  });

  it('signs the demo reporter in; GET /me with the access token names the person; an ID token is refused', async () => {
    const tokens = await demo('REPORTER');
    const me = await call('GET', '/me', { token: tokens.access });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      role: 'reporter',
      unitId: stack.tokens.REPORTER_UNIT,
      person: {
        username: stack.accounts.REPORTER_USERNAME,
        name: '李晓梅',
        role: 'reporter',
        unitId: stack.tokens.REPORTER_UNIT,
      },
    });

    const withId = await call('GET', '/me', { token: tokens.id });
    expect(withId.status).toBe(401);
    expect(withId.body.error?.code).toBe('TOKEN_INVALID');
    expect(withId.body.error?.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('records the signed-in reporter as the submitter of an item', async () => {
    const tokens = await demo('REPORTER');
    const me = await call('GET', '/me', { token: tokens.access });
    const submitted = await call('POST', '/items', {
      token: tokens.access,
      json: item('潍城区完成老旧小区供热改造'),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(submitted.status).toBe(201);
    const person = me.body.person as { personId: string };
    expect(submitted.body.submittedBy).toEqual({ personId: person.personId, name: '李晓梅' });
    // The 执笔人 comes from the person's profile when the submission leaves it out.
    expect(submitted.body.author).toMatchObject({ name: '李晓梅' });
  });

  it('lets the admin make a person who signs in with the temporary password once; disabling refuses the same token', async () => {
    const admin = await demo('ADMIN');
    const username = 'weicheng.zhangl';
    const created = await call('POST', '/people', {
      token: admin.access,
      json: {
        username,
        name: '张岚',
        email: 'weicheng.zhangl@example.gov.cn',
        phone: '0536-8201236',
        role: 'reporter',
        unitId: 'weicheng',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.invitation).toBe('returned');
    const temporary = String(created.body.temporaryPassword);
    remember(temporary);
    // A repeat answers the person again, without a password.
    const repeat = await call('POST', '/people', {
      token: admin.access,
      json: {
        username,
        name: '张岚',
        email: 'weicheng.zhangl@example.gov.cn',
        role: 'reporter',
        unitId: 'weicheng',
      },
    });
    expect(repeat.body.temporaryPassword).toBeUndefined();

    const chosen = `Xb-${randomUUID().slice(0, 8)}-Zz9`;
    const tokens = await signIn(username, temporary, chosen);
    const me = await call('GET', '/me', { token: tokens.access });
    expect(me.status).toBe(200);
    expect(me.body.person).toMatchObject({ personId: created.body.personId, name: '张岚', role: 'reporter' });

    const disabled = await call('POST', `/people/${String(created.body.personId)}/disable`, {
      token: admin.access,
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    // The authorizer caches a caller for at most 10 s; polled, never slept on.
    const refused = await eventually(
      () => call('GET', '/me', { token: tokens.access }),
      (reply) => reply.status === 401,
      15_000,
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error?.code).toBe('ACCOUNT_DISABLED');

    // cognito-local still signs a disabled user in (real Cognito would not): our record refuses it.
    const again = await signIn(username, chosen);
    const fresh = await call('GET', '/me', { token: again.access });
    expect(fresh.status).toBe(401);
    expect(fresh.body.error?.code).toBe('ACCOUNT_DISABLED');
  });

  it("keeps a unit-admin to its own unit's people", async () => {
    const admin = await demo('ADMIN');
    const other = await call('POST', '/people', {
      token: admin.access,
      json: {
        username: 'qingzhou.sunm',
        name: '孙明',
        email: 'qingzhou.sunm@example.gov.cn',
        role: 'reporter',
        unitId: 'qingzhou',
      },
    });
    expect(other.status).toBe(201);
    remember(other.body.temporaryPassword as string | undefined);

    const unitAdmin = await demo('UNIT_ADMIN');
    const listed = await call('GET', '/people', { token: unitAdmin.access });
    expect(listed.status).toBe(200);
    const units = (listed.body.people as { unitId?: string }[]).map((person) => person.unitId);
    expect(units.length).toBeGreaterThan(0);
    expect(new Set(units)).toEqual(new Set([stack.tokens.REPORTER_UNIT]));

    const asked = await call('GET', '/people?unitId=qingzhou', { token: unitAdmin.access });
    expect(asked.status).toBe(404);
    const direct = await call('GET', `/people/${String(other.body.personId)}`, { token: unitAdmin.access });
    expect(direct.status).toBe(404);
    const disable = await call('POST', `/people/${String(other.body.personId)}/disable`, {
      token: unitAdmin.access,
    });
    expect(disable.status).toBe(404);

    // A reporter never reaches /people.
    const reporter = await demo('REPORTER');
    expect((await call('GET', '/people', { token: reporter.access })).status).toBe(403);
  });

  it('logs no password, temporary password or token', () => {
    expect(secrets.size).toBeGreaterThan(10);
    const output = stack.output();
    const leaked = [...secrets].filter((secret) => output.includes(secret));
    expect(leaked).toEqual([]);
  });

  it('keeps the pool, the accounts and their ids across a restart on the same data folder', async () => {
    const before = await call('GET', '/me', { token: (await demo('REPORTER')).access });
    const { accounts, env, dataDir } = stack;
    expect(await stack.stop()).toBe(0);

    stack = await startStackForTest({ dataDir, logLevel: 'INFO', timeoutMs: 60_000 });
    expect(stack.accounts).toEqual(accounts);
    expect(stack.env.USER_POOL_ID).toBe(env.USER_POOL_ID);
    expect(stack.env.USER_POOL_CLIENT_ID).toBe(env.USER_POOL_CLIENT_ID);
    cognito.destroy();
    cognito = poolClient(stack.env.COGNITO_ENDPOINT ?? '');

    const after = await call('GET', '/me', { token: (await demo('REPORTER')).access });
    expect(after.status).toBe(200);
    expect(after.body.person).toEqual(before.body.person);
    const admin = await demo('ADMIN');
    const people = await call('GET', '/people?unitId=weicheng', { token: admin.access });
    const zhang = (people.body.people as { username: string; active: boolean }[]).find(
      (person) => person.username === 'weicheng.zhangl',
    );
    expect(zhang).toMatchObject({ active: false });
    expect(stack.output()).not.toContain(accounts.REPORTER_PASSWORD);
  });
});
