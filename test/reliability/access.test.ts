/**
 * The access matrix over HTTP against the live local stack: the route table × role × own/foreign
 * unit, with real tokens, real items and attachments of two units. The unit-level matrix proves
 * each handler refuses; this proves the gateway, the authorizer and the handlers refuse together.
 * Then what else a caller must not get over HTTP: another unit's item through near-duplicate
 * hints, unlimited prechecks, another unit's page through a crafted cursor, and a new token from
 * an admin token revoked a moment ago.
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimits } from '#shared/catalogue/rate-limits';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import type { Role } from '#shared/domain/roles';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoPersonStore } from '#shared/store/dynamo/people';
import { localCredentials, localRegion } from '../../infra/local/aws';
import { localNames } from '../../infra/local/env';
import { bodiesFor, deniedPairs, queriesFor, reporterScoped, unitScoped } from '../support/access-cases';
import { apiClient, type Reply } from '../support/api';
import { awaitStackDuplicateIndex } from '../support/duplicate-index';
import { showStackErrorsOnFailure, submitItem, todayInShanghai } from '../support/e2e';
import { startStackForTest, type TestStack } from '../support/local-stack';
import { inPool } from './support/access-pool';

const table = routes as readonly RouteDeclaration[];

/**
 * Every operation this HTTP matrix knows how to reach. A new route fails the first test until it
 * is added here, and to `test/support/access-cases.ts` when it needs a body or a unit query.
 */
const matrixOperations = [
  'getHealth',
  'getOpenApi',
  'listUnits',
  'createUnit',
  'importUnits',
  'getUnit',
  'updateUnit',
  'deactivateUnit',
  'whoAmI',
  'listTokens',
  'issueToken',
  'revokeToken',
  'submitItem',
  'precheckItem',
  'listItems',
  'getItem',
  'reviseItem',
  'getItemHistory',
  'getItemDiff',
  'decideItem',
  'editItem',
  'mergeItems',
  'createAttachmentUpload',
  'confirmAttachment',
  'getAttachmentDownload',
  'getDutyRecipients',
  'putDutyRecipients',
  'getPolicy',
  'putPolicy',
  'replayPolicy',
  'listPolicyReplays',
  'getLeaderRecipients',
  'putLeaderRecipients',
  'getSeries',
  'putSeries',
  'createCommission',
  'listCommissions',
  'getCommission',
  'listUnitCommissions',
  'createBulletin',
  'listBulletins',
  'getBulletin',
  'updateBulletin',
  'publishBulletin',
  'withdrawBulletin',
  'getBulletinDocx',
  'recordForwarded',
  'recordUpperAdoption',
  'recordInstruction',
  'recordInstructionFeedback',
  'getItemFacts',
  'getRankings',
  'getPeopleRankings',
  'getUnitLedger',
  'getOverdueReport',
  'getStatistics',
  'createPerson',
  'listPeople',
  'getPerson',
  'getPersonEvents',
  'updatePerson',
  'disablePerson',
  'enablePerson',
  'resetPersonPassword',
  'createDraft',
  'listDrafts',
  'getDraft',
  'updateDraft',
  'deleteDraft',
  'submitDraft',
  'listMessages',
  'countUnreadMessages',
  'readMessage',
  'readAllMessages',
  'getMessagePreferences',
  'putMessagePreferences',
];

/** One unit's resources, as the path parameters of the route table name them. */
interface UnitWorld {
  token: string;
  unitId: string;
  itemId: string;
  itemTitle: string;
  attachmentId: string;
  /** A 信息员 of the unit (its person record, written straight to the table: no user pool needed). */
  personId: string;
  /** A draft (草稿) of the unit's token: only that caller may read, change, submit or delete it. */
  draftId: string;
  /** A message id of the unit's item (a 退回修改 message's form): nobody else's inbox holds it. */
  messageId: string;
}

let stack: TestStack;
const call = apiClient(() => stack.urls.api);
let own: UnitWorld;
let foreign: UnitWorld;
let revokedToken = '';
let revokedTokenId = '';
/** An `xb_` token of the own unit's 单位管理员 (issued in beforeAll). */
let unitAdminToken = '';
const tokenOf = (role: Exclude<Role, 'reporter'>) =>
  ({
    admin: stack.tokens.ADMIN_TOKEN,
    editor: stack.tokens.EDITOR_TOKEN,
    leader: stack.tokens.LEADER_TOKEN,
    'unit-admin': unitAdminToken,
  })[role];

/** Ids for the placeholders that are not a unit's own resources. */
const otherIds = {
  instructionId: 'in_0000000000000000000000',
  commissionId: 'cm_0000000000000000000000',
  bulletinId: 'bl_0000000000000000000000',
  year: '2026',
};

function pathFor(route: RouteDeclaration, world: UnitWorld): string {
  const ids: Record<string, string> = { ...otherIds, ...world, tokenId: revokedTokenId };
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ids[name];
    if (value === undefined) throw new Error(`the access matrix has no id for {${name}} in ${route.path}`);
    return encodeURIComponent(value);
  });
}

/** The request a route takes, aimed at `world`'s resources, with a valid body where the matrix has one. */
function request(route: RouteDeclaration, world: UnitWorld, token: string | undefined): Promise<Reply> {
  const query = queriesFor(world.unitId)[route.operationId];
  const search = query ? `?${new URLSearchParams(query)}` : '';
  const headers: Record<string, string> = route.idempotent
    ? { 'idempotency-key': `access-${Date.now()}` }
    : {};
  const options = {
    ...(token ? { token } : {}),
    headers,
    ...(route.body?.kind === 'csv'
      ? { text: 'id,name\n' }
      : route.body
        ? { json: bodiesFor(world.unitId)[route.operationId] ?? {} }
        : {}),
  };
  return call(route.method, `${pathFor(route, world)}${search}`, options);
}

interface Mismatch {
  check: string;
  status: number;
  body: unknown;
}

async function unitWorld(token: string, unitId: string, title: string): Promise<UnitWorld> {
  const itemId = await submitItem(call, token, {
    title,
    body: `11月20日，${title}，排查隐患126处，已整改119处，整改率94.4%。`,
  });
  // A confirmed attachment, so that reading it is allowed where the unit may read it.
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const upload = await call('POST', `/items/${itemId}/attachments`, {
    token,
    json: { fileName: '检查通报.pdf', contentType: 'application/pdf', size: pdf.length },
  });
  expect(upload.status, JSON.stringify(upload.body)).toBe(201);
  const { attachment, upload: target } = upload.body as {
    attachment: { attachmentId: string };
    upload: { url: string; headers: Record<string, string> };
  };
  expect((await fetch(target.url, { method: 'PUT', headers: target.headers, body: pdf })).ok).toBe(true);
  const attachmentId = attachment.attachmentId;
  const confirmed = await call('POST', `/items/${itemId}/attachments/${attachmentId}/confirm`, { token });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  const personId = crypto.randomUUID();
  const people = new DynamoPersonStore({
    client: documentClient(
      new DynamoDBClient({
        endpoint: stack.urls.dynamodb,
        region: localRegion,
        credentials: localCredentials,
      }),
    ),
    tableName: localNames.table,
  });
  await people.create({
    personId,
    username: `${unitId}.matrix`.slice(0, 32),
    name: title,
    email: 'matrix@example.gov.cn',
    role: 'reporter',
    unitId,
    active: true,
    createdAt: new Date().toISOString(),
    createdBy: 'cli',
    version: 1,
  });
  const draft = await call('POST', '/drafts', { token, json: { title: `${title}（草稿）` } });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  const draftId = String(draft.body.draftId);
  return {
    token,
    unitId,
    itemId,
    itemTitle: title,
    attachmentId,
    personId,
    draftId,
    messageId: `rt-${itemId}-2`,
  };
}

beforeAll(async () => {
  stack = await startStackForTest();
  const admin = stack.tokens.ADMIN_TOKEN;
  const units = await call('GET', '/units', { token: admin });
  const foreignUnit = (units.body.units as { id: string }[]).find(
    (unit) => unit.id !== stack.tokens.REPORTER_UNIT,
  );
  if (!foreignUnit) throw new Error('the demo city has one unit only');
  const issued = await call('POST', '/tokens', {
    token: admin,
    json: { role: 'reporter', unitId: foreignUnit.id, label: '外单位 信息员' },
  });
  expect(issued.status).toBe(201);
  const unitAdmin = await call('POST', '/tokens', {
    token: admin,
    json: { role: 'unit-admin', unitId: stack.tokens.REPORTER_UNIT, label: '本单位 单位管理员' },
  });
  expect(unitAdmin.status).toBe(201);
  unitAdminToken = String(unitAdmin.body.token);
  const doomed = await call('POST', '/tokens', { token: admin, json: { role: 'editor', label: '待吊销' } });
  revokedToken = String(doomed.body.token);
  revokedTokenId = String(doomed.body.tokenId);
  expect((await call('POST', `/tokens/${revokedTokenId}/revoke`, { token: admin })).status).toBe(200);

  own = await unitWorld(
    stack.tokens.REPORTER_TOKEN,
    stack.tokens.REPORTER_UNIT,
    '本单位开展冬季安全生产大检查',
  );
  foreign = await unitWorld(String(issued.body.token), foreignUnit.id, '外单位推进农村人居环境整治');
}, 120_000);

afterAll(async () => {
  await stack?.stop();
});

showStackErrorsOnFailure(() => stack.output());

describe('access matrix over HTTP: route table × role × own/foreign unit', () => {
  it('knows every route of the table', () => {
    const declared = table.map((route) => route.operationId).sort();
    expect(declared).toEqual([...matrixOperations].sort());
  });

  it('refuses every role a route does not admit with 403 ROLE_NOT_ALLOWED', async () => {
    const pairs = deniedPairs(table);
    const wrong: Mismatch[] = [];
    await inPool(pairs, 8, async ({ route, role }) => {
      const token = role === 'reporter' ? own.token : tokenOf(role);
      const reply = await request(route, own, token);
      if (reply.status !== 403 || reply.body.error?.code !== 'ROLE_NOT_ALLOWED') {
        wrong.push({ check: `${route.operationId} as ${role}`, status: reply.status, body: reply.body });
      }
    });
    console.log(`access: ${pairs.length} route × role refusals over HTTP, ${wrong.length} wrong`);
    expect(wrong).toEqual([]);
  });

  it('answers 401 to a missing, a made-up and a revoked token on every bearer route', async () => {
    const bearer = table.filter((route) => route.auth === 'bearer');
    const cases = bearer.flatMap((route) => [
      { route, token: undefined, code: undefined },
      { route, token: 'not-a-real-token-000000000000000000', code: 'TOKEN_INVALID' },
      { route, token: revokedToken, code: 'TOKEN_REVOKED' },
    ]);
    const wrong: Mismatch[] = [];
    await inPool(cases, 8, async ({ route, token, code }) => {
      const reply = await request(route, own, token);
      // Without an Authorization header the gateway itself answers, with its fixed body (no code).
      if (reply.status !== 401 || reply.body.error?.code !== code) {
        wrong.push({
          check: `${route.operationId} with ${code ?? 'no'} token`,
          status: reply.status,
          body: reply.body,
        });
      }
    });
    console.log(`access: ${cases.length} unauthenticated requests over HTTP, ${wrong.length} not 401`);
    expect(wrong).toEqual([]);
  });

  it("keeps a reporter out of another unit's items, attachments, facts, ledger and commissions", async () => {
    const scoped = reporterScoped(table);
    const cases = scoped.flatMap((route) => [
      { route, caller: own, target: foreign },
      { route, caller: foreign, target: own },
    ]);
    const wrong: Mismatch[] = [];
    await inPool(cases, 8, async ({ route, caller, target }) => {
      const reply = await request(route, target, caller.token);
      const leaked = JSON.stringify(reply.body).includes(target.itemTitle);
      if (reply.status !== 404 || leaked) {
        wrong.push({
          check: `${route.operationId}: ${caller.unitId} → ${target.unitId}`,
          status: reply.status,
          body: reply.body,
        });
      }
    });
    console.log(`access: ${cases.length} cross-unit reaches over HTTP, ${wrong.length} not refused with 404`);
    expect(wrong).toEqual([]);

    // Nothing a foreign reporter sent changed the item.
    const item = await call('GET', `/items/${foreign.itemId}`, { token: stack.tokens.EDITOR_TOKEN });
    expect(item.body).toMatchObject({ title: foreign.itemTitle, version: 1, status: 'submitted' });
  });

  it("keeps a unit-admin out of another unit's people, items and resources", async () => {
    const cases = unitScoped(table).filter(({ role }) => role === 'unit-admin');
    const wrong: Mismatch[] = [];
    await inPool(cases, 8, async ({ route }) => {
      const reply = await request(route, foreign, unitAdminToken);
      const leaked = JSON.stringify(reply.body).includes(foreign.itemTitle);
      if (reply.status !== 404 || leaked)
        wrong.push({
          check: `${route.operationId}: unit-admin → ${foreign.unitId}`,
          status: reply.status,
          body: reply.body,
        });
    });
    console.log(
      `access: ${cases.length} unit-admin cross-unit reaches over HTTP, ${wrong.length} not refused with 404`,
    );
    expect(wrong).toEqual([]);
    const person = await call('GET', `/people/${foreign.personId}`, { token: stack.tokens.ADMIN_TOKEN });
    expect(person.body).toMatchObject({ active: true, version: 1, name: foreign.itemTitle });
  });

  it("lets a reporter read its own unit's resources, and staff read any unit's (the refusals above are about ownership)", async () => {
    const reads = reporterScoped(table).filter((route) => route.method === 'GET');
    const cases = reads.flatMap((route) => [
      { route, who: `reporter of ${own.unitId}`, token: own.token, target: own },
      ...(['admin', 'editor', 'leader'] as const)
        .filter((role) => route.roles.includes(role))
        .map((role) => ({ route, who: role, token: tokenOf(role), target: foreign })),
    ]);
    const wrong: Mismatch[] = [];
    await inPool(cases, 8, async ({ route, who, token, target }) => {
      const reply = await request(route, target, token);
      if (reply.status !== 200) {
        wrong.push({
          check: `${route.operationId} as ${who} → ${target.unitId}`,
          status: reply.status,
          body: reply.body,
        });
      }
    });
    console.log(`access: ${cases.length} permitted reads over HTTP, ${wrong.length} refused`);
    expect(wrong).toEqual([]);
  });
});

/** The item text a precheck or submission sends, as the unit world's items were written. */
const draftOf = (title: string) => ({
  title,
  body: `11月20日，${title}，排查隐患126处，已整改119处，整改率94.4%。`,
  eventDate: todayInShanghai(),
  urgency: 'normal',
  openness: 'public',
  secrecy: 'non-secret',
  approver: '张建国',
  author: { name: '李晓梅', phone: '0536-8201234' },
});

const issueToken = async (json: object) => {
  const issued = await call('POST', '/tokens', { token: stack.tokens.ADMIN_TOKEN, json });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return { token: String(issued.body.token), tokenId: String(issued.body.tokenId) };
};

describe('hints, rate limits, cursors and revoked admins over HTTP', () => {
  it("shows a reporter another unit's similar item only as a note, and staff the full reference", async () => {
    // The other unit's item is found once the indexer has written its bucket rows (after its commit).
    await awaitStackDuplicateIndex(stack, [foreign.itemId]);
    const text = draftOf(foreign.itemTitle);
    // The reporter typed the title itself; what must not come back is the other unit's item named
    // as such: its id, its unit, its title as a hint quotes it (《…》).
    const secrets = [
      foreign.itemId,
      `"${foreign.unitId}"`,
      `（${foreign.unitId}）`,
      `《${foreign.itemTitle}》`,
    ];
    const asReporter = await call('POST', '/items/precheck', { token: own.token, json: text });
    expect(asReporter.status).toBe(200);
    expect(secrets.filter((secret) => JSON.stringify(asReporter.body).includes(secret))).toEqual([]);
    expect(asReporter.body.duplicates).toContainEqual({
      similarity: expect.any(Number),
      note: expect.stringMatching(/^其他单位已报送相似信息（相似度 \d+%）$/),
    });

    const asEditor = await call('POST', '/items/precheck', { token: stack.tokens.EDITOR_TOKEN, json: text });
    expect(asEditor.body.duplicates).toContainEqual(
      expect.objectContaining({ itemId: foreign.itemId, unitId: foreign.unitId, title: foreign.itemTitle }),
    );

    // Submitted anyway: the unit's answer and its later reads are redacted; the stored item is not.
    const submitted = await call('POST', '/items', {
      token: own.token,
      json: text,
      headers: { 'idempotency-key': `hints-${Date.now()}` },
    });
    expect(submitted.status).toBe(201);
    const itemId = String(submitted.body.itemId);
    const read = await call('GET', `/items/${itemId}`, { token: own.token });
    for (const reply of [submitted, read]) {
      expect(secrets.filter((secret) => JSON.stringify(reply.body).includes(secret))).toEqual([]);
    }
    const staff = await call('GET', `/items/${itemId}`, { token: stack.tokens.EDITOR_TOKEN });
    expect(staff.body.duplicates).toContainEqual(expect.objectContaining({ itemId: foreign.itemId }));
  });

  it('answers a burst of prechecks past the limit with 429 and Retry-After; another caller is unaffected', async () => {
    const { limit, windowSeconds } = rateLimits.precheck;
    const burst = (await issueToken({ role: 'reporter', unitId: own.unitId, label: '预检 连发' })).token;
    // With under 20 s left in this window, start in the next, so the burst (a few seconds) normally
    // fits in one window; when it does not, the count is bounded instead (exact counts: unit test).
    const windowMs = windowSeconds * 1000;
    const left = windowMs - (Date.now() % windowMs);
    if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
    const firstWindow = Math.floor(Date.now() / windowMs);
    const statuses: number[] = [];
    let refused: Reply | undefined;
    while (!refused && statuses.length < 3 * limit) {
      const reply = await call('POST', '/items/precheck', {
        token: burst,
        json: draftOf('连发预检测试稿件标题'),
      });
      statuses.push(reply.status);
      if (reply.status === 429) refused = reply;
    }
    const sameWindow = Math.floor(Date.now() / windowMs) === firstWindow;
    const accepted = statuses.filter((status) => status === 200).length;
    console.log(`access: ${accepted} prechecks accepted before the first 429 (limit ${limit})`);
    expect(refused, `no 429 after ${statuses.length} prechecks`).toBeDefined();
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    if (sameWindow) expect(accepted).toBe(limit);
    else expect(accepted).toBeLessThanOrEqual(2 * limit);
    expect(refused?.body.error?.code).toBe('RATE_LIMITED');
    expect(refused?.body.error?.message).toMatch(/请求过于频繁.*秒后重试/);
    const retryAfter = Number(refused?.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);

    const other = await call('POST', '/items/precheck', {
      token: own.token,
      json: draftOf('另一信息员的预检'),
    });
    expect(other.status).toBe(200);
  });

  it('refuses a tampered list cursor with 400 INVALID_CURSOR, never 500 and never another unit', async () => {
    const first = await call('GET', '/items?limit=1', { token: own.token });
    expect(first.status).toBe(200);
    const cursor = String(first.body.nextCursor);
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      f: string;
      partition: number;
      lastKey: Record<string, string>;
    };
    const forge = (body: object) => Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
    const tampered = {
      "another unit's key": forge({
        ...decoded,
        lastKey: {
          pk: `ITEM#${foreign.itemId}`,
          sk: 'ITEM',
          gsi2pk: `UNITITEMS#${foreign.unitId}`,
          gsi2sk: `${decoded.lastKey.gsi2sk}`,
        },
      }),
      "another index's key": forge({
        ...decoded,
        lastKey: { pk: decoded.lastKey.pk, sk: 'ITEM', gsi1pk: 'QUEUE#submitted', gsi1sk: 'x' },
      }),
      'a partition past the plan': forge({ ...decoded, partition: 7 }),
      'garbage that decodes': forge({ partition: 0 }),
    };
    const wrong: Mismatch[] = [];
    for (const [check, forged] of Object.entries(tampered)) {
      const reply = await call('GET', `/items?limit=1&cursor=${forged}`, { token: own.token });
      if (reply.status !== 400 || reply.body.error?.code !== 'INVALID_CURSOR') {
        wrong.push({ check, status: reply.status, body: reply.body });
      }
      expect(JSON.stringify(reply.body)).not.toContain(foreign.itemTitle);
    }
    expect(wrong).toEqual([]);
    // The genuine cursor still pages on.
    expect((await call('GET', `/items?limit=1&cursor=${cursor}`, { token: own.token })).status).toBe(200);
  });

  it('stops a just-revoked admin token from issuing a token, even while the authorizer cache holds it', async () => {
    const doomed = await issueToken({ role: 'admin', label: '即将吊销的管理员' });
    // Cached as valid by the gateway's authorizer cache from this call on.
    expect((await call('GET', '/me', { token: doomed.token })).status).toBe(200);
    const revoked = await call('POST', `/tokens/${doomed.tokenId}/revoke`, {
      token: stack.tokens.ADMIN_TOKEN,
    });
    expect(revoked.status).toBe(200);
    const minted = await call('POST', '/tokens', {
      token: doomed.token,
      json: { role: 'admin', label: '越权签发' },
    });
    expect(minted.status).toBe(401);
    expect(minted.body.error?.code).toBe('TOKEN_REVOKED');
    const listed = await call('GET', '/tokens?includeRevoked=true', { token: stack.tokens.ADMIN_TOKEN });
    const labels = (listed.body.tokens as { label: string }[]).map((token) => token.label);
    expect(labels).not.toContain('越权签发');
  });
});
