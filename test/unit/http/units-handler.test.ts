import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '#functions/units/handler';
import { as, httpEvent, invoke, stubLiveCallerToken } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);

const storedUnit = {
  pk: 'UNITS',
  sk: 'UNIT#qingzhou',
  id: 'qingzhou',
  name: '青州市人民政府',
  class: 'county',
  contacts: [],
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
};

const newUnit = { id: 'shouguang', name: '寿光市人民政府', class: 'county' };

beforeEach(() => {
  dynamo.reset();
  stubLiveCallerToken(dynamo);
});

describe('units handler: the HTTP stack as a user meets it', () => {
  it('creates a unit for an admin and answers 201 with version 1', async () => {
    dynamo.on(PutCommand).resolves({});
    const reply = await invoke(
      handler,
      httpEvent({ method: 'POST', path: '/units', body: newUnit, auth: as('admin') }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ id: 'shouguang', active: true, version: 1, contacts: [] });
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input.ConditionExpression).toBe(
      'attribute_not_exists(pk)',
    );
  });

  it('answers 409 UNIT_EXISTS for a duplicate id', async () => {
    const failure = Object.assign(new Error('The conditional request failed'), {
      name: 'ConditionalCheckFailedException',
    });
    dynamo.on(PutCommand).rejects(failure);
    const reply = await invoke(
      handler,
      httpEvent({ method: 'POST', path: '/units', body: newUnit, auth: as('admin') }),
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error?.code).toBe('UNIT_EXISTS');
    expect(reply.body.error?.message).toContain('shouguang');
  });

  it('refuses malformed JSON with 400 MALFORMED_JSON and writes nothing', async () => {
    const reply = await invoke(
      handler,
      httpEvent({
        method: 'POST',
        path: '/units',
        body: '{"id": "x",',
        headers: { 'content-type': 'application/json' },
        auth: as('admin'),
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error?.code).toBe('MALFORMED_JSON');
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('refuses a wrong content type with 415', async () => {
    const reply = await invoke(
      handler,
      httpEvent({
        method: 'POST',
        path: '/units',
        body: JSON.stringify(newUnit),
        headers: { 'content-type': 'text/plain' },
        auth: as('admin'),
      }),
    );
    expect(reply.status).toBe(415);
    expect(reply.body.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses an oversize body with 413 before parsing it', async () => {
    const reply = await invoke(
      handler,
      httpEvent({
        method: 'POST',
        path: '/units',
        body: { ...newUnit, name: '长'.repeat(40_000) },
        auth: as('admin'),
      }),
    );
    expect(reply.status).toBe(413);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('names each unknown or mistyped field in Chinese', async () => {
    const reply = await invoke(
      handler,
      httpEvent({
        method: 'POST',
        path: '/units',
        body: { ...newUnit, class: 42, status: 'active' },
        auth: as('admin'),
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error?.code).toBe('VALIDATION_FAILED');
    const paths = reply.body.error?.details?.map((detail) => detail.path);
    expect(paths).toEqual(expect.arrayContaining(['class', 'status']));
    expect(reply.body.error?.details?.find((detail) => detail.path === 'status')?.message).toContain(
      '不允许的字段',
    );
    expect(reply.body.error?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('refuses ids with path characters or absurd length', async () => {
    for (const unitId of ['../etc', 'a%2Fb', 'x'.repeat(300), 'UPPER']) {
      const reply = await invoke(
        handler,
        httpEvent({
          method: 'GET',
          path: `/units/${unitId}`,
          routePath: '/units/{unitId}',
          params: { unitId },
          auth: as('admin'),
        }),
      );
      expect(reply.status).toBe(400);
      expect(reply.body.error?.code).toBe('INVALID_PARAMETER');
    }
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('answers 401 for an invalid or revoked token and 403 for a role that may not act', async () => {
    const invalid = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/units', auth: { status: 'invalid' } }),
    );
    expect(invalid.status).toBe(401);
    expect(invalid.body.error?.code).toBe('TOKEN_INVALID');
    const revoked = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/units', auth: { status: 'revoked', tokenId: 'abcdefghijklmnop' } }),
    );
    expect(revoked.status).toBe(401);
    expect(revoked.body.error?.code).toBe('TOKEN_REVOKED');
    const reporter = await invoke(
      handler,
      httpEvent({ method: 'POST', path: '/units', body: newUnit, auth: as('reporter', 'qingzhou') }),
    );
    expect(reporter.status).toBe(403);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('shows a reporter its own unit and answers 404 for any other unit, existing or not', async () => {
    dynamo.on(GetCommand).resolves({ Item: storedUnit });
    const own = await invoke(
      handler,
      httpEvent({
        method: 'GET',
        path: '/units/qingzhou',
        routePath: '/units/{unitId}',
        params: { unitId: 'qingzhou' },
        auth: as('reporter', 'qingzhou'),
      }),
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: 'qingzhou', name: '青州市人民政府' });
    const foreign = await invoke(
      handler,
      httpEvent({
        method: 'GET',
        path: '/units/shouguang',
        routePath: '/units/{unitId}',
        params: { unitId: 'shouguang' },
        auth: as('reporter', 'qingzhou'),
      }),
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.error?.code).toBe('UNIT_NOT_FOUND');
  });

  it('refuses a stale version with 409 and keeps the stored unit', async () => {
    dynamo.on(GetCommand, { Key: { pk: 'UNITS' } }).resolves({ Item: { ...storedUnit, version: 3 } });
    const reply = await invoke(
      handler,
      httpEvent({
        method: 'PATCH',
        path: '/units/qingzhou',
        routePath: '/units/{unitId}',
        params: { unitId: 'qingzhou' },
        body: { version: 2, name: '青州市' },
        auth: as('admin'),
      }),
    );
    expect(reply.status).toBe(409);
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });

  it('lists units by class from one Query, never a Scan', async () => {
    dynamo.on(QueryCommand).resolves({
      Items: [
        storedUnit,
        { ...storedUnit, sk: 'UNIT#fgw', id: 'fgw', name: '市发展和改革委员会', class: 'department' },
      ],
    });
    const reply = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/units', query: { class: 'department' }, auth: as('leader') }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ count: 1, units: [{ id: 'fgw' }] });
    expect(dynamo.calls().map((call) => call.args[0].constructor.name)).toEqual(['QueryCommand']);
  });

  it('adds security headers and a request id to every answer, errors included', async () => {
    const reply = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/units', auth: { status: 'invalid' } }),
    );
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['strict-transport-security']).toContain('max-age');
    expect(reply.headers['x-request-id']).toMatch(/^req-/);
  });

  it('turns an unexpected failure into a 500 that leaks nothing', async () => {
    dynamo.on(QueryCommand).rejects(new Error('socket hang up at 10.0.0.7:8000 secret-table'));
    const reply = await invoke(handler, httpEvent({ method: 'GET', path: '/units', auth: as('admin') }));
    expect(reply.status).toBe(500);
    expect(reply.body.error?.code).toBe('INTERNAL_ERROR');
    expect(JSON.stringify(reply.body)).not.toContain('secret-table');
  });

  it('answers 503 STORE_BUSY when throttling outlasts the SDK retries', async () => {
    dynamo
      .on(QueryCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' }));
    const reply = await invoke(handler, httpEvent({ method: 'GET', path: '/units', auth: as('admin') }));
    expect(reply.status).toBe(503);
    expect(reply.body.error?.code).toBe('STORE_BUSY');
  });
});
