/** A retried 批示 (same Idempotency-Key) against the real local store: the first answer, nothing counted twice. */
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FactsDeps } from '../../../functions/facts/deps';
import { idempotentInstruction } from '../../../functions/facts/record-instruction/idempotent';
import { recordInstruction } from '../../../functions/facts/record-instruction/use-case';
import { localDynamoClient } from '../../../infra/local/aws';
import { ensureTable } from '../../../infra/local/provision';
import type { Principal } from '../../../shared/domain/roles';
import type { InstructionBody } from '../../../shared/schemas/facts';
import { periodCounters } from '../../../shared/store/dynamo/aggregates';
import { documentClient, type TableRef } from '../../../shared/store/dynamo/client';
import { DynamoFactStore } from '../../../shared/store/dynamo/facts';
import { DynamoItemStore } from '../../../shared/store/dynamo/items';
import { keys } from '../../../shared/store/dynamo/keys';
import { ledgerOf } from '../../../shared/store/dynamo/ledger';
import { DynamoPolicyStore } from '../../../shared/store/dynamo/policy';
import { DynamoUnitStore } from '../../../shared/store/dynamo/units';

let table: TableRef;
let facts: DynamoFactStore;
let once: ReturnType<typeof idempotentInstruction>;
const tableName = `instruction-retry-${randomBytes(4).toString('hex')}`;
const editor: Principal = { role: 'editor', tokenId: 'editor-token-0001' };
const itemId = 'it_0000000000000000000r01';
const body: InstructionBody = {
  leader: '王市长',
  level: 'city',
  date: '2026-11-10',
  text: '此件很好，请各县市区学习借鉴。',
  feedbackDue: '2026-11-30',
};

beforeAll(async () => {
  const client = localDynamoClient(inject('dynamodbEndpoint'));
  await ensureTable(client, tableName);
  table = { client: documentClient(client), tableName };
  const units = new DynamoUnitStore(table);
  await units.create({
    id: 'linqu',
    name: '临朐县人民政府',
    class: 'county',
    contacts: [],
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
  });
  const items = new DynamoItemStore(table);
  await items.submit({
    item: {
      itemId,
      unitId: 'linqu',
      status: 'adopted',
      title: '临朐县冬季供暖保障有力有序',
      body: '入冬以来，临朐县新建改造供热管网12公里，供暖面积达到860万平方米，群众满意度明显提升。',
      eventDate: '2026-11-02',
      urgency: 'normal',
      openness: 'public',
      approver: '张主任',
      author: { name: '李四', phone: '0536-1234567' },
      submittedAt: '2026-11-02T01:00:00.000Z',
      updatedAt: '2026-11-02T01:00:00.000Z',
      revisions: [],
      findings: [],
      duplicates: [],
      coUnits: [],
      version: 1,
    },
    event: {
      at: '2026-11-02T01:00:00.000Z',
      by: 'reporter',
      role: 'reporter',
      action: 'submit',
      to: 'submitted',
    },
    unitClass: 'county',
    signature: [],
  });
  facts = new DynamoFactStore(table);
  const deps: FactsDeps = {
    facts,
    items,
    units,
    policies: new DynamoPolicyStore(table),
    now: () => new Date('2026-11-20T02:00:00.000Z'),
  };
  once = idempotentInstruction(
    (principal, id, input) => recordInstruction(deps, principal, id, input),
    client,
    tableName,
  );
});

afterAll(() => {
  table?.client.destroy();
});

describe('a retried 批示', () => {
  it('answers the first result to the same key and body, and records and scores it once', async () => {
    const first = await once('retry-key-0001', editor, itemId, body);
    const retried = await once('retry-key-0001', editor, itemId, body);
    expect(retried).toEqual(first);
    expect((await facts.ofItem(itemId)).instructions.map((row) => row.instructionId)).toEqual([
      first.instructionId,
    ]);
    const lines = await ledgerOf(table, 'linqu', '2026-11-01', '2026-12-01');
    expect(lines.map((line) => line.reason)).toEqual(['市领导王市长批示 +5']);
    const { Item } = await table.client.send(
      new GetCommand({ TableName: tableName, Key: keys.aggregate('2026', 'linqu'), ConsistentRead: true }),
    );
    expect(periodCounters(Item, '2026')).toMatchObject({ instructions: 1, points: 5, instructionItems: 1 });
  });

  it('refuses the same key with another body (422), storing nothing', async () => {
    const refused = await once('retry-key-0001', editor, itemId, { ...body, text: '另一条批示内容。' }).then(
      () => undefined,
      (error: { status: number; code: string }) => error,
    );
    expect(refused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect((await facts.ofItem(itemId)).instructions).toHaveLength(1);
  });
});
