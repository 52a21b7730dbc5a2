import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '#shared/domain/scoring/defaults';
import { loadHandler } from '../../support/handlers';
import { as, httpEvent, invoke } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);
const { year: _y, version: _v, ...body } = defaultPolicy(2026);

beforeEach(() => {
  dynamo.reset();
  dynamo.on(GetCommand).resolves({});
  dynamo.on(TransactWriteCommand).resolves({});
});

const put = (value: object, year = '2026') =>
  httpEvent({
    method: 'PUT',
    path: `/policy/${year}`,
    routePath: '/policy/{year}',
    params: { year },
    body: value,
    auth: as('admin'),
  });

describe('policy API', () => {
  it('GET answers the defaults (version 0) when nothing is stored', async () => {
    const handler = await loadHandler('policy');
    const reply = await invoke(
      handler,
      httpEvent({
        method: 'GET',
        path: '/policy/2026',
        routePath: '/policy/{year}',
        params: { year: '2026' },
        auth: as('leader'),
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      year: 2026,
      version: 0,
      instructionBonus: { city: 5, province: 50, state: 100 },
    });
  });

  it('PUT stores version 1 in one transaction (version row + LATEST)', async () => {
    const handler = await loadHandler('policy');
    const reply = await invoke(handler, put(body));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ year: 2026, version: 1 });
    const [call] = dynamo.commandCalls(TransactWriteCommand);
    const keys = call?.args[0].input.TransactItems?.map(
      (item) => item.Put?.Item && [item.Put.Item.pk, item.Put.Item.sk],
    );
    expect(keys).toEqual([
      ['POLICY#2026', 'V#000001'],
      ['POLICY#2026', 'LATEST'],
    ]);
  });

  it('PUT refuses an invalid policy with 400 and field details, writing nothing', async () => {
    const handler = await loadHandler('policy');
    const reply = await invoke(handler, put({ ...body, seriesPoints: { zwxx: -3 }, silentDays: 0 }));
    expect(reply.status).toBe(400);
    const paths = (reply.body.error?.details ?? []).map((d: { path?: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['seriesPoints.zwxx', 'silentDays']));
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('refuses a malformed year', async () => {
    const handler = await loadHandler('policy');
    const reply = await invoke(handler, put(body, '26'));
    expect(reply.status).toBe(400);
  });
});
