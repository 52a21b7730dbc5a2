/**
 * A refused 涉密 submission leaves nothing: no item, no idempotency record, no counter, and
 * not its text in any log line. Runs the real items handler against the local store.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import { documentClient } from '../../../shared/store/dynamo/client';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';
import type { HttpHandler } from '../../support/handlers';
import { loadHandler } from '../../support/handlers';
import { as, httpEvent, invoke } from '../../support/http-events';

const tableName = 'secrecy-trace';
const secretText = '机密★一年 关于某重点工程的内部安排，严禁外传';
let handler: HttpHandler;
const client = () => documentClient(localDynamoClient(inject('dynamodbEndpoint')));
const output: string[] = [];

const draft = {
  title: '关于某重点工程推进情况的报告',
  body: `${secretText}。工程已完成投资12亿元，完成年度计划的85%。`,
  eventDate: '2026-11-20',
  urgency: 'normal',
  openness: 'internal',
  secrecy: 'non-secret',
  approver: '张建国',
  author: { name: '李晓梅', phone: '0536-8201234' },
};

beforeAll(async () => {
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamodbEndpoint'),
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_LOG_LEVEL: 'DEBUG',
  });
  await ensureTable(localDynamoClient(inject('dynamodbEndpoint')), tableName);
  await new DynamoUnitStore({ client: client(), tableName }).create({
    id: 'linqu',
    name: '临朐县人民政府',
    class: 'county',
    contacts: [],
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  });
  handler = await loadHandler('items');
  const capture = (chunk: unknown) => {
    output.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe('a refused secret submission', () => {
  it('stores nothing and logs nothing of its text; the same key then works for a clean text', async () => {
    const key = 'retry-key-0001';
    const refused = await invoke(
      handler,
      httpEvent({
        method: 'POST',
        path: '/items',
        body: draft,
        headers: { 'idempotency-key': key },
        auth: as('reporter', 'linqu'),
      }),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error?.code).toBe('SECRECY_REFUSED');
    const afterRefusal = await client().send(new ScanCommand({ TableName: tableName }));
    // Refused while the request is read, before the rate limit counts it: not even a count row.
    expect((afterRefusal.Items ?? []).map((entry) => entry.pk)).toEqual(['UNITS']);
    expect(output.join('')).not.toContain('重点工程的内部安排');

    const clean = {
      ...draft,
      body: '11月20日，某重点工程完成投资12亿元，完成年度计划的85%，带动就业1200人。',
    };
    const accepted = await invoke(
      handler,
      httpEvent({
        method: 'POST',
        path: '/items',
        body: clean,
        headers: { 'idempotency-key': key },
        auth: as('reporter', 'linqu'),
      }),
    );
    expect(accepted.status).toBe(201);
    const afterAcceptance = await client().send(new ScanCommand({ TableName: tableName }));
    const partitions = (afterAcceptance.Items ?? []).map((entry) => String(entry.pk));
    expect(partitions.filter((pk) => pk.startsWith('ITEM#'))).toHaveLength(2);
    expect(partitions).toContain('IDEMPOTENCY#submitItem');
    expect(output.join('')).not.toContain('带动就业1200人');
  });
});
