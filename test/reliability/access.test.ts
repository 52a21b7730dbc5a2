/**
 * The access matrix over HTTP against the live local stack: the route table × role × own/foreign
 * unit, with real tokens, real items and attachments of two units. The unit-level matrix proves
 * each handler refuses; this proves the gateway, the authorizer and the handlers refuse together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import type { Role } from '#shared/domain/roles';
import { bodies, deniedPairs, queriesFor, reporterScoped } from '../support/access-cases';
import { apiClient, type Reply } from '../support/api';
import { showStackErrorsOnFailure, submitItem } from '../support/e2e';
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
  'getUnitLedger',
  'getOverdueReport',
  'getStatistics',
];

/** One unit's resources, as the path parameters of the route table name them. */
interface UnitWorld {
  token: string;
  unitId: string;
  itemId: string;
  itemTitle: string;
  attachmentId: string;
}

let stack: TestStack;
const call = apiClient(() => stack.urls.api);
let own: UnitWorld;
let foreign: UnitWorld;
let revokedToken = '';
let revokedTokenId = '';
const tokenOf = (role: Exclude<Role, 'reporter'>) =>
  ({ admin: stack.tokens.ADMIN_TOKEN, editor: stack.tokens.EDITOR_TOKEN, leader: stack.tokens.LEADER_TOKEN })[
    role
  ];

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
        ? { json: bodies[route.operationId] ?? {} }
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
  return { token, unitId, itemId, itemTitle: title, attachmentId };
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
