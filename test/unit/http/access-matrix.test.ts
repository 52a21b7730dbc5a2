import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import {
  bodiesFor,
  deniedPairs,
  pathIds,
  queriesFor,
  selfRoutes,
  unitScoped,
} from '../../support/access-cases';
import { loadHandler } from '../../support/handlers';
import { as, httpEvent, invoke, stubLiveCallerToken } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const table = routes as readonly RouteDeclaration[];

const foreignUnit = 'foreign-unit';
const ids = {
  itemId: 'it_0000000000000000000000',
  attachmentId: 'at_0000000000000000000000',
  tokenId: 'abcdefghijklmnop',
  instructionId: 'in_0000000000000000000000',
  personId: '3f2c9a4e-8b1d-4c6f-9e2a-5d7b1c0f4a21',
  // Another person's draft and message: they live in that person's partitions, which the caller's
  // requests never name — the stub answers "no such row" for the caller's own partition.
  draftId: 'df_0000000000000000000000',
  messageId: 'rt-it_0000000000000000000000-2',
};

/** A 信息员 of the foreign unit: a unit-admin of another unit must never reach them. */
const foreignPerson = {
  personId: ids.personId,
  username: 'foreign.reporter',
  name: '外单位信息员',
  email: 'foreign@example.gov.cn',
  role: 'reporter',
  unitId: foreignUnit,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'cli',
  version: 1,
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
  const body = bodiesFor(foreignUnit)[route.operationId];
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
    if (input.Key.pk.startsWith('PERSON#')) return { Item: foreignPerson };
    return {};
  });
  dynamo.on(QueryCommand).resolves({ Items: [] });
  // Marking a message read names the caller's own inbox: another person's message is not there.
  dynamo.on(UpdateCommand).callsFake(async (input: { Key: { pk: string } }) => {
    if (!input.Key.pk.startsWith('INBOX#')) return {};
    throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
  });
  // Routes that change accounts re-read the caller's token: it is live, so what refuses is ownership.
  stubLiveCallerToken(dynamo);
});

describe('access matrix: route table × role × foreign unit', () => {
  it('gives every bearer route at least one role and every reporter route a unit rule', () => {
    for (const route of table) {
      if (route.auth === 'public') {
        expect(route.roles, route.operationId).toHaveLength(0);
        continue;
      }
      expect(route.roles.length, route.operationId).toBeGreaterThan(0);
      if (route.roles.includes('reporter') || route.roles.includes('unit-admin')) {
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

  const scoped = unitScoped(table);

  it('covers the people routes: a unit-admin reaches every one of them only for its own unit', () => {
    const peopleOperations = scoped.filter(({ route }) => route.function === 'people');
    expect(peopleOperations.map(({ role }) => role)).not.toContain('reporter');
    expect(peopleOperations.length).toBe(table.filter((route) => route.function === 'people').length);
  });

  it.each(scoped.map(({ route, role }) => [route.operationId, role, route] as const))(
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
