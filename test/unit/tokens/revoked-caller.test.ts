/**
 * The authorizer's answer is cached for a few seconds, so a just-revoked admin token still
 * reaches the handlers. Routes that change accounts re-read the caller's own token row: a revoked
 * admin cannot mint a token that outlives it, nor revoke others or change units.
 */
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as tokens } from '#functions/tokens/handler';
import { handler as units } from '#functions/units/handler';
import { type RouteDeclaration, routes } from '#shared/catalogue/routes';
import { as, httpEvent, invoke, stubLiveCallerToken } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  dynamo.reset();
  dynamo.on(PutCommand).resolves({});
});

const issue = () =>
  invoke(
    tokens,
    httpEvent({
      method: 'POST',
      path: '/tokens',
      body: { role: 'admin', label: '备用管理员' },
      auth: as('admin'),
    }),
  );

describe('an admin token revoked while the authorizer still holds it as valid', () => {
  it('cannot issue a token: 401 TOKEN_REVOKED, nothing stored', async () => {
    stubLiveCallerToken(dynamo, '2026-11-20T02:00:00.000Z');
    const reply = await issue();
    expect(reply.status).toBe(401);
    expect(reply.body.error).toMatchObject({ code: 'TOKEN_REVOKED' });
    expect(reply.body.error?.message).toMatch(/已被吊销/);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('cannot revoke tokens or create units either', async () => {
    stubLiveCallerToken(dynamo, '2026-11-20T02:00:00.000Z');
    const revoke = await invoke(
      tokens,
      httpEvent({
        method: 'POST',
        path: '/tokens/qrstuvwxyzabcdef/revoke',
        routePath: '/tokens/{tokenId}/revoke',
        params: { tokenId: 'qrstuvwxyzabcdef' },
        auth: as('admin'),
      }),
    );
    expect(revoke.status).toBe(401);
    const unit = await invoke(
      units,
      httpEvent({
        method: 'POST',
        path: '/units',
        body: { id: 'shouguang', name: '寿光市人民政府', class: 'county' },
        auth: as('admin'),
      }),
    );
    expect(unit.status).toBe(401);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });

  it('still lets an active admin issue one', async () => {
    stubLiveCallerToken(dynamo);
    const reply = await issue();
    expect(reply.status).toBe(201);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(1);
  });

  it('re-reads the caller on every account-changing route', () => {
    const accountWrites = (routes as readonly RouteDeclaration[])
      .filter((route) => route.function === 'tokens' || route.function === 'units')
      .filter((route) => route.method !== 'GET');
    expect(accountWrites.filter((route) => !route.recheckCaller).map((route) => route.operationId)).toEqual(
      [],
    );
  });
});
