import { DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import {
  bodies,
  deniedPairs,
  pathIds,
  queriesFor,
  reporterScoped,
  selfRoutes,
} from '../../support/access-cases';
import { loadHandler } from '../../support/handlers';
import { as, httpEvent, invoke } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const table = routes as readonly RouteDeclaration[];

const foreignUnit = 'foreign-unit';
const ids = {
  itemId: 'it_0000000000000000000000',
  attachmentId: 'at_0000000000000000000000',
  tokenId: 'abcdefghijklmnop',
  instructionId: 'in_0000000000000000000000',
};

const foreignItem = {
  itemId: ids.itemId,
  unitId: foreignUnit,
  status: 'submitted',
  title: '外单位的稿件标题',
  body: '外单位的稿件正文，信息员不应看到。'.repeat(3),
  eventDate: '2026-11-20',
  urgency: 'normal',
  openness: 'public',
  approver: '李主任',
  author: { name: '王五', phone: '0536-1234567' },
  submittedAt: '2026-11-20T01:00:00.000Z',
  updatedAt: '2026-11-20T01:00:00.000Z',
  revisions: [],
  findings: [],
  duplicates: [],
  coUnits: [],
  version: 1,
};

function eventFor(route: RouteDeclaration, auth: ReturnType<typeof as>) {
  const params: Record<string, string> = {};
  let path = route.path;
  for (const name of pathIds) {
    if (!route.path.includes(`{${name}}`)) continue;
    params[name] = name === 'unitId' ? foreignUnit : ids[name];
    path = path.replace(`{${name}}`, params[name] ?? '');
  }
  const query = queriesFor(foreignUnit)[route.operationId];
  const body = bodies[route.operationId];
  return httpEvent({
    method: route.method,
    path,
    routePath: route.path,
    params,
    ...(query ? { query } : {}),
    ...(body ? { body } : {}),
    auth,
  });
}

beforeEach(() => {
  dynamo.reset();
  dynamo.on(GetCommand).callsFake(async (input: { Key: { pk: string } }) => {
    if (input.Key.pk === 'UNITS') return { Item: { id: foreignUnit } };
    if (input.Key.pk.startsWith('ITEM#')) return { Item: foreignItem };
    return {};
  });
  dynamo.on(QueryCommand).resolves({ Items: [] });
});

describe('access matrix: route table × role × foreign unit', () => {
  it('gives every bearer route at least one role and every reporter route a unit rule', () => {
    for (const route of table) {
      if (route.auth === 'public') {
        expect(route.roles, route.operationId).toHaveLength(0);
        continue;
      }
      expect(route.roles.length, route.operationId).toBeGreaterThan(0);
      if (route.roles.includes('reporter')) {
        expect(route.unitScoped === true || selfRoutes.has(route.operationId), route.operationId).toBe(true);
      }
    }
  });

  const denied = deniedPairs(table);

  it.each(denied.map(({ route, role }) => [route.operationId, role, route] as const))(
    '%s refuses %s with 403 before touching the store',
    async (_operation, role, route) => {
      const handler = await loadHandler(route.function);
      const reply = await invoke(
        handler,
        eventFor(route, as(role, role === 'reporter' || role === 'unit-admin' ? 'own-unit' : undefined)),
      );
      expect(reply.status).toBe(403);
      expect(reply.body.error?.code).toBe('ROLE_NOT_ALLOWED');
      expect(dynamo.calls()).toHaveLength(0);
    },
  );

  const scoped = reporterScoped(table);

  it.each(
    scoped.flatMap((route) =>
      (['reporter', 'unit-admin'] as const).map((role) => [route.operationId, role, route] as const),
    ),
  )(
    "%s answers 404 to a %s reaching for another unit's resource, and reveals nothing",
    async (_operation, role, route) => {
      const handler = await loadHandler(route.function);
      const reply = await invoke(handler, eventFor(route, as(role, 'own-unit')));
      expect(reply.status).toBe(404);
      expect(JSON.stringify(reply.body)).not.toContain('外单位');
    },
  );

  it.each(
    table.filter((route) => route.auth === 'bearer').map((route) => [route.operationId, route] as const),
  )('%s answers 401 to a revoked token', async (_operation, route) => {
    const handler = await loadHandler(route.function);
    const reply = await invoke(handler, eventFor(route, { status: 'revoked' }));
    expect(reply.status).toBe(401);
  });
});
