import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import { roles } from '#shared/domain/roles';
import { loadHandler } from '../../support/handlers';
import { as, httpEvent, invoke } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const table = routes as readonly RouteDeclaration[];

/** Routes a reporter may call that are about the caller itself rather than a unit's resources. */
const selfRoutes = new Set(['whoAmI']);

const handlerOf = (route: RouteDeclaration) => loadHandler(route.function);

function eventFor(route: RouteDeclaration, auth: ReturnType<typeof as>, unitId = 'foreign-unit') {
  const path = route.path.replace('{unitId}', unitId).replace('{tokenId}', 'abcdefghijklmnop');
  const params: Record<string, string> = {};
  if (route.path.includes('{unitId}')) params.unitId = unitId;
  if (route.path.includes('{tokenId}')) params.tokenId = 'abcdefghijklmnop';
  return httpEvent({ method: route.method, path, routePath: route.path, params, auth });
}

beforeEach(() => {
  dynamo.reset();
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

  const denied = table.flatMap((route) =>
    route.auth === 'bearer'
      ? roles.filter((role) => !route.roles.includes(role)).map((role) => ({ route, role }))
      : [],
  );

  it.each(denied.map(({ route, role }) => [route.operationId, role, route] as const))(
    '%s refuses %s with 403 before touching the store',
    async (_operation, role, route) => {
      const reply = await invoke(
        await handlerOf(route),
        eventFor(route, as(role, role === 'reporter' ? 'own-unit' : undefined)),
      );
      expect(reply.status).toBe(403);
      expect(reply.body.error?.code).toBe('ROLE_NOT_ALLOWED');
      expect(dynamo.calls()).toHaveLength(0);
    },
  );

  const scoped = table.filter((route) => route.unitScoped && route.roles.includes('reporter'));

  it.each(scoped.map((route) => [route.operationId, route] as const))(
    "%s answers 404 to a reporter asking for another unit's resource",
    async (_operation, route) => {
      dynamo.on(GetCommand).resolves({ Item: { id: 'foreign-unit' } });
      const reply = await invoke(await handlerOf(route), eventFor(route, as('reporter', 'own-unit')));
      expect(reply.status).toBe(404);
    },
  );

  it.each(
    table.filter((route) => route.auth === 'bearer').map((route) => [route.operationId, route] as const),
  )('%s answers 401 to a revoked token', async (_operation, route) => {
    const reply = await invoke(await handlerOf(route), eventFor(route, { status: 'revoked' }));
    expect(reply.status).toBe(401);
  });
});
