import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler as heartbeat } from '#functions/jobs/heartbeat/handler';
import { loadHandler } from '../../support/handlers';
import { httpEvent, invoke, lambdaContext } from '../../support/http-events';

const dynamo = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  dynamo.reset();
});

describe('scheduler heartbeat and health', () => {
  it('records one run per scheduled time and ignores a repeated delivery', async () => {
    dynamo
      .on(PutCommand)
      .resolvesOnce({})
      .rejects(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }));
    const event = { job: 'heartbeat', scheduledTime: '2026-11-25T08:15:00+08:00' };
    expect(await heartbeat(event, lambdaContext)).toMatchObject({
      recorded: true,
      scheduledTime: '2026-11-25T00:15:00.000Z',
    });
    expect(await heartbeat(event, lambdaContext)).toMatchObject({ recorded: false });
    expect(dynamo.commandCalls(PutCommand)[0]?.args[0].input.Item).toMatchObject({
      pk: 'JOB#heartbeat',
      sk: 'RUN#2026-11-25T00:15:00.000Z',
    });
  });

  it('refuses a payload that is not a job event', async () => {
    await expect(heartbeat({ job: 'heartbeat' } as never, lambdaContext)).rejects.toThrow();
    expect(dynamo.calls()).toHaveLength(0);
  });

  it('reports ok with the last scheduler run, and degraded when the table is unreachable', async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: [{ finishedAt: '2026-11-25T00:15:01.000Z' }] });
    const system = await loadHandler('system');
    const ok = await invoke(system, httpEvent({ method: 'GET', path: '/health' }));
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'ok',
      checks: { table: 'ok', schedulerLastRunAt: '2026-11-25T00:15:01.000Z' },
    });
    dynamo.on(GetCommand).rejects(new Error('connect ECONNREFUSED'));
    const degraded = await invoke(system, httpEvent({ method: 'GET', path: '/health' }));
    expect(degraded.body).toMatchObject({ status: 'degraded', checks: { table: 'unreachable' } });
  });
});
