import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { getLeaderRecipients } from '#functions/settings/get-leader-recipients/use-case';
import { getSeries } from '#functions/settings/get-series/use-case';
import { handler } from '#functions/settings/handler';
import { putLeaderRecipients } from '#functions/settings/put-leader-recipients/use-case';
import { putSeries } from '#functions/settings/put-series/use-case';
import { defaultSeries, removedSeriesIds } from '#shared/domain/series';
import type { Series } from '#shared/schemas/bulletins';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoSeriesStore } from '#shared/store/dynamo/series';
import { as, httpEvent, invoke } from '../../support/http-events';
import { MemoryLeaders, MemorySeries } from '../mail/memory-outbox';

const now = () => new Date('2026-11-25T02:00:00.000Z');

const leader = (email: string, bulletins = true) => ({
  name: '领导',
  email,
  bulletins,
  digest: 'daily' as const,
});

describe('settings: leader recipients', () => {
  it('reads an empty list before anything is configured', async () => {
    expect(await getLeaderRecipients({ leaders: new MemoryLeaders() })).toEqual({ recipients: [] });
  });

  it('replaces the list and records who changed it and when', async () => {
    const leaders = new MemoryLeaders();
    const value = { recipients: [leader('mayor@example.gov.cn'), leader('sg@example.gov.cn', false)] };
    const stored = await putLeaderRecipients({ leaders, now }, value, 'tok-admin');
    expect(stored).toEqual({ ...value, updatedAt: '2026-11-25T02:00:00.000Z', updatedBy: 'tok-admin' });
    expect(await getLeaderRecipients({ leaders })).toEqual(stored);
  });

  it('refuses the same address twice (case-insensitively) and stores nothing', async () => {
    const leaders = new MemoryLeaders();
    await expect(
      putLeaderRecipients(
        { leaders, now },
        { recipients: [leader('a@example.gov.cn'), leader('b@example.gov.cn'), leader('A@Example.GOV.cn')] },
        'tok-admin',
      ),
    ).rejects.toMatchObject({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: '领导收件人的邮箱不能重复',
      details: [{ path: 'recipients.2.email', message: '与第 1 位收件人的邮箱重复' }],
    });
    expect(leaders.value).toBeUndefined();
  });
});

describe('settings: series', () => {
  it('answers the four defaults before any series is saved', async () => {
    const { series } = await getSeries({ series: new MemorySeries() });
    expect(series).toEqual([
      { seriesId: 'zwxx', name: '政务信息', publicOnly: false, archived: true, active: true },
      { seriesId: 'mryq', name: '每日要情', publicOnly: false, archived: false, active: true },
      { seriesId: 'zb', name: '专报', publicOnly: false, archived: false, active: true },
      { seriesId: 'zk', name: '增刊', publicOnly: true, archived: true, active: true },
    ]);
    series[0] = { ...series[0], name: '改动' } as Series;
    expect(defaultSeries[0]?.name).toBe('政务信息');
  });

  it('saves a list that keeps every id (deactivating one, adding one)', async () => {
    const store = new MemorySeries();
    const next = [
      ...defaultSeries.map((s) => (s.seriesId === 'zb' ? { ...s, active: false } : { ...s })),
      { seriesId: 'dcbg', name: '调查报告', publicOnly: false, archived: false, active: true },
    ];
    expect(await putSeries({ series: store }, { series: next })).toEqual({ series: next });
    expect(await getSeries({ series: store })).toEqual({ series: next });
  });

  it('refuses a list that drops a default or a previously stored id with 422 SERIES_REMOVED', async () => {
    const store = new MemorySeries();
    const withoutZk = defaultSeries.filter((s) => s.seriesId !== 'zk');
    await expect(putSeries({ series: store }, { series: withoutZk })).rejects.toMatchObject({
      status: 422,
      code: 'SERIES_REMOVED',
      message: expect.stringContaining('只能停用'),
    });
    const extra = { seriesId: 'dcbg', name: '调查报告', publicOnly: false, archived: false, active: true };
    await putSeries({ series: store }, { series: [...defaultSeries, extra] });
    await expect(putSeries({ series: store }, { series: [...defaultSeries] })).rejects.toMatchObject({
      code: 'SERIES_REMOVED',
      details: [expect.objectContaining({ seriesId: 'dcbg' })],
    });
    expect(store.puts).toBe(1);
  });

  it('refuses duplicate ids with 400 and stores nothing', async () => {
    const store = new MemorySeries();
    await expect(
      putSeries(
        { series: store },
        { series: [...defaultSeries, { ...(defaultSeries[1] as Series), name: '重复' }] },
      ),
    ).rejects.toMatchObject({
      status: 400,
      details: [{ path: 'series.4.seriesId', message: '刊物编号“mryq”与第 2 个刊物重复' }],
    });
    expect(store.puts).toBe(0);
  });

  it('removedSeriesIds: defaults always count as known', () => {
    expect(removedSeriesIds([], [])).toEqual(['zwxx', 'mryq', 'zb', 'zk']);
  });
});

const dynamo = mockClient(DynamoDBDocumentClient);
const conditionFailed = () =>
  Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });

describe('DynamoSeriesStore', () => {
  beforeEach(() => dynamo.reset());
  const store = () =>
    new DynamoSeriesStore({
      client: documentClient(new DynamoDBClient({ region: 'us-east-1' })),
      tableName: 't',
    });

  it('reads the defaults when no row exists, and creates the row only if still absent', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(PutCommand).resolves({});
    expect(await store().list()).toHaveLength(4);
    await store().put([...defaultSeries]);
    const input = dynamo.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      TableName: 't',
      Item: { pk: 'SETTINGS', sk: 'series', revision: 1 },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    expect(dynamo.commandCalls(GetCommand)[1]?.args[0].input.ConsistentRead).toBe(true);
  });

  it('writes over the revision it read, and answers 409 when someone saved in between', async () => {
    dynamo
      .on(GetCommand)
      .resolves({ Item: { pk: 'SETTINGS', sk: 'series', series: defaultSeries, revision: 3 } });
    dynamo.on(PutCommand).rejects(conditionFailed());
    await expect(store().put([...defaultSeries])).rejects.toMatchObject({
      status: 409,
      code: 'SERIES_CHANGED',
    });
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input).toMatchObject({
      Item: { revision: 4 },
      ConditionExpression: 'revision = :revision',
      ExpressionAttributeValues: { ':revision': 3 },
    });
  });

  it('guards against a removal itself, against the freshest stored list', async () => {
    const extra = { seriesId: 'dcbg', name: '调查报告', publicOnly: false, archived: false, active: true };
    dynamo.on(GetCommand).resolves({ Item: { series: [...defaultSeries, extra], revision: 1 } });
    await expect(store().put([...defaultSeries])).rejects.toMatchObject({
      status: 422,
      code: 'SERIES_REMOVED',
    });
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(0);
  });
});

describe('settings handler: the HTTP stack', () => {
  const rows = new Map<string, Record<string, unknown>>();
  beforeEach(() => {
    dynamo.reset();
    rows.clear();
    dynamo
      .on(GetCommand)
      .callsFake(async (input: { Key: { sk: string } }) => ({ Item: rows.get(input.Key.sk) }));
    dynamo.on(PutCommand).callsFake(async (input: { Item: Record<string, unknown> & { sk: string } }) => {
      rows.set(input.Item.sk, input.Item);
      return {};
    });
  });

  it('GET /series answers the defaults to editors and leaders; PUT is for admins', async () => {
    for (const role of ['admin', 'editor', 'leader'] as const) {
      const reply = await invoke(handler, httpEvent({ method: 'GET', path: '/series', auth: as(role) }));
      expect(reply.status).toBe(200);
      expect((reply.body as { series: Series[] }).series.map((s) => s.seriesId)).toEqual([
        'zwxx',
        'mryq',
        'zb',
        'zk',
      ]);
    }
    const reporter = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/series', auth: as('reporter', 'qingzhou') }),
    );
    expect(reporter.status).toBe(403);
    const editorPut = await invoke(
      handler,
      httpEvent({ method: 'PUT', path: '/series', body: { series: defaultSeries }, auth: as('editor') }),
    );
    expect(editorPut.status).toBe(403);
  });

  it('PUT /series deactivates but refuses removal with 422 SERIES_REMOVED', async () => {
    const next = defaultSeries.map((s) => (s.seriesId === 'zk' ? { ...s, active: false } : s));
    const ok = await invoke(
      handler,
      httpEvent({ method: 'PUT', path: '/series', body: { series: next }, auth: as('admin') }),
    );
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ series: next });
    const removed = await invoke(
      handler,
      httpEvent({ method: 'PUT', path: '/series', body: { series: next.slice(0, 3) }, auth: as('admin') }),
    );
    expect(removed.status).toBe(422);
    expect(removed.body.error?.code).toBe('SERIES_REMOVED');
    expect(removed.body.error?.message).toContain('zk');
  });

  it('PUT then GET /settings/leader-recipients round-trips for admins only', async () => {
    const value = { recipients: [leader('mayor@example.gov.cn')] };
    const put = await invoke(
      handler,
      httpEvent({ method: 'PUT', path: '/settings/leader-recipients', body: value, auth: as('admin') }),
    );
    expect(put.status).toBe(200);
    const get = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/settings/leader-recipients', auth: as('admin') }),
    );
    expect(get.body).toMatchObject(value);
    const leaderGet = await invoke(
      handler,
      httpEvent({ method: 'GET', path: '/settings/leader-recipients', auth: as('leader') }),
    );
    expect(leaderGet.status).toBe(403);
  });
});
