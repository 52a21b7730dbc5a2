/**
 * The submit transaction stays within 12 actions in every case: the near-duplicate index is one
 * signature row in it (its LSH bucket rows are written after the commit by the indexer), and a
 * 约稿 answer's scoring fact rides on the answer's own Update of the unit's commission row. The
 * fullest case — an urgent item answering a 约稿 late at the year's end with an Idempotency-Key,
 * itself reported late — is 12. Captured from the real store over a mocked DynamoDB client.
 */
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ItemsDeps } from '#functions/items/deps';
import { submitItem } from '#functions/items/submit-item/use-case';
import type { UnitPrincipal } from '#shared/domain/roles';
import type { ItemSubmit } from '#shared/schemas/items';
import type { Unit } from '#shared/schemas/units';
import { documentClient } from '#shared/store/dynamo/client';
import { DynamoItemStore } from '#shared/store/dynamo/items';

const dynamo = mockClient(DynamoDBDocumentClient);
const reporter: UnitPrincipal = {
  role: 'reporter',
  unitId: 'linqu',
  tokenId: 'tk_linqu_reporter',
};
/** A 信息员 signed in (Cognito): the submission counts for them too (先进个人). */
const personId = '3f2c9a4e-8b1d-4c6f-9e2a-5d7b1c0f4a21';
const signedIn: UnitPrincipal = {
  role: 'reporter',
  unitId: 'linqu',
  tokenId: `person:${personId}`,
  personId,
  personName: '李四',
};
const unit: Unit = {
  id: 'linqu',
  name: '临朐县人民政府',
  class: 'county',
  contacts: [],
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

function depsAt(now: Date, requested: string[][]): ItemsDeps {
  return {
    items: new DynamoItemStore({ client: documentClient(), tableName: 'xinbao' }),
    units: { get: async () => unit } as unknown as ItemsDeps['units'],
    history: { list: async () => [] },
    mail: { dispatch: async () => {} },
    duplicateIndex: {
      request: async (itemIds) => {
        requested.push(itemIds);
      },
    },
    scoring: {
      policies: { latest: async () => undefined },
      // A 约稿 due a week before, still waiting for this unit: answering now is late.
      commissions: {
        unitRow: async (commissionId: string, unitId: string) => ({
          commissionId,
          unitId,
          status: 'pending' as const,
          topic: '冬季清洁取暖',
          requirements: '500字以内',
          deadline: '2026-12-24',
          year: 2026,
          targetAll: true,
          createdAt: '2026-12-01T00:00:00.000Z',
        }),
      },
    },
    now: () => now,
  };
}

/** 重要紧急, answering the 约稿, reported 11 days after the event (LATE). */
const fullest: ItemSubmit = {
  title: '临朐县遭遇强降雪全力保障群众温暖过冬',
  body: '12月20日，临朐县遭遇强降雪，县应急局启动应急响应，组织抢修供热管网12公里，保障群众温暖过冬。',
  eventDate: '2026-12-20',
  urgency: 'important',
  openness: 'internal',
  secrecy: 'non-secret',
  approver: '王副县长',
  author: { name: '李四', phone: '0536-7654321' },
  commissionId: 'cm_2026_winter',
};

beforeEach(() => {
  dynamo.reset();
  dynamo.on(QueryCommand).resolves({ Items: [] });
  dynamo.on(GetCommand).resolves({});
  dynamo.on(BatchGetCommand).resolves({ Responses: {} });
  dynamo.on(TransactWriteCommand).resolves({});
});

/** The actions of the one transaction a submission sends, in order. */
function transaction() {
  const calls = dynamo.commandCalls(TransactWriteCommand);
  expect(calls).toHaveLength(1);
  return calls[0]?.args[0].input.TransactItems ?? [];
}

/** The partitions of the one transaction a submission sends, in order. */
function partitionsOfTransaction(): string[] {
  return transaction().map((action) => {
    const key = action.Put?.Item ?? action.Update?.Key ?? action.Delete?.Key ?? action.ConditionCheck?.Key;
    return String(key?.pk).split('#')[0] ?? '';
  });
}

// 23:00 on 31 December in Shanghai: the year's last hour (the counters of two years move).
const yearsEnd = new Date('2026-12-31T15:00:00.000Z');

describe('the submit transaction', () => {
  it('answers a 约稿 late, urgently, at the year’s end, with a key: the answer’s fact on the commission row', async () => {
    const requested: string[][] = [];
    // Reported the day after the event: urgent, but not late.
    const item = await submitItem(
      depsAt(yearsEnd, requested),
      reporter,
      { ...fullest, eventDate: '2026-12-31' },
      'key-0001',
    );
    const partitions = partitionsOfTransaction();
    console.log(
      `submit transaction, urgent late 约稿 answer: ${partitions.length} actions (${partitions.join(', ')})`,
    );
    // The urgent alert, the claim, the 约稿 answer and its ledger line are all in it; no LSH row,
    // and no fact row of its own for the answer.
    expect(partitions).toEqual(
      expect.arrayContaining([
        'ITEM',
        'UNITS',
        'AGG',
        'DUPSIG',
        'OUTBOX',
        'SUBMITKEY',
        'COMMISSION',
        'LEDGER',
      ]),
    );
    expect(partitions).not.toContain('LSH');
    expect(partitions).not.toContain('SCOREFACT');
    expect(partitions.length).toBeLessThanOrEqual(11);
    // The answer's Update records the late answer's fact, once: only if the row has none yet.
    const answer = transaction().find(
      (action) => action.Update?.Key?.pk === 'COMMISSION#cm_2026_winter',
    )?.Update;
    expect(answer?.ConditionExpression).toContain('attribute_not_exists(#fact)');
    expect(answer?.ExpressionAttributeValues?.[':fact']).toMatchObject({
      kind: 'commission',
      commissionId: 'cm_2026_winter',
      unitId: 'linqu',
      outcome: 'late',
    });
    expect(answer?.ExpressionAttributeValues?.[':scoringPk']).toBe('SCORING#2026');
    // The bucket rows are asked for after the commit, for this item.
    expect(requested).toEqual([[item.itemId]]);
  });

  it('holds at most 12 actions in the fullest case: reported late as well, it adds only its penalty’s fact and line', async () => {
    await submitItem(depsAt(yearsEnd, []), reporter, { ...fullest, eventDate: '2026-12-31' }, 'key-0002');
    const onTime = partitionsOfTransaction();
    dynamo.resetHistory();
    // Reported 11 days after the event: the LATE finding scores a penalty too.
    await submitItem(depsAt(yearsEnd, []), reporter, fullest, 'key-0003');
    const late = partitionsOfTransaction();
    console.log(`submit transaction, everything at once: ${late.length} actions (${late.join(', ')})`);
    expect(late).not.toContain('LSH');
    expect([...late].sort()).toEqual([...onTime, 'SCOREFACT', 'LEDGER'].sort());
    expect(late.length).toBeLessThanOrEqual(12);
  });

  it('holds at most 12 actions for a signed-in person too: their figure rides on the unit’s counter Update', async () => {
    await submitItem(depsAt(yearsEnd, []), reporter, fullest, 'key-0004');
    const byToken = partitionsOfTransaction();
    dynamo.resetHistory();
    await submitItem(depsAt(yearsEnd, []), signedIn, fullest, 'key-0005');
    const byPerson = partitionsOfTransaction();
    console.log(
      `submit transaction, a signed-in person's fullest case: ${byPerson.length} actions (${byPerson.join(', ')})`,
    );
    expect(byPerson).toEqual(byToken);
    expect(byPerson.length).toBeLessThanOrEqual(12);
    expect(byPerson).not.toContain('PAGG');
    // The person's month figure is an attribute of the unit's year row, in the same Update.
    const yearRow = transaction().find(
      (action) => action.Update?.Key?.pk === 'AGG#2026' && action.Update.Key.sk === 'UNIT#linqu',
    )?.Update;
    const names = yearRow?.ExpressionAttributeNames ?? {};
    const attribute = Object.keys(names).find((key) => names[key] === `person:${personId}:2026-12:submitted`);
    expect(attribute).toBeDefined();
    expect(yearRow?.ExpressionAttributeValues?.[String(attribute).replace('#c', ':v')]).toBe(1);
    expect(Object.values(names)).toContain('2026-12:submitted');
  });

  it('scores nothing for an answer to a 约稿 already scored (the month close recorded it missed)', async () => {
    const deps = depsAt(yearsEnd, []);
    deps.scoring.commissions = {
      unitRow: async (commissionId: string, unitId: string) => ({
        commissionId,
        unitId,
        status: 'pending' as const,
        topic: '冬季清洁取暖',
        requirements: '500字以内',
        deadline: '2026-11-24',
        year: 2026,
        targetAll: true,
        createdAt: '2026-11-01T00:00:00.000Z',
        fact: { outcome: 'missed' as const },
      }),
    };
    const { urgency: _urgent, ...normal } = fullest;
    await submitItem(deps, reporter, { ...normal, urgency: 'normal' }, undefined);
    const partitions = partitionsOfTransaction();
    expect(partitions).toContain('COMMISSION');
    expect(partitions).not.toContain('LEDGER');
    expect(partitions).not.toContain('SCOREFACT');
    const answer = transaction().find(
      (action) => action.Update?.Key?.pk === 'COMMISSION#cm_2026_winter',
    )?.Update;
    expect(answer?.ConditionExpression).toBe('attribute_exists(pk)');
  });

  it('holds the item, its event, the unit row, the counters and one signature row for a plain submission', async () => {
    const { commissionId: _none, ...plain } = fullest;
    await submitItem(
      depsAt(new Date('2026-12-21T02:00:00.000Z'), []),
      reporter,
      { ...plain, urgency: 'normal' },
      undefined,
    );
    const actions = dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input.TransactItems ?? [];
    const partitions = actions.map(
      (action) => String((action.Put?.Item ?? action.Update?.Key)?.pk).split('#')[0],
    );
    expect(partitions.filter((partition) => partition !== 'AGG')).toEqual([
      'ITEM',
      'ITEM',
      'UNITS',
      'DUPSIG',
    ]);
  });

  it('still answers with the stored item when asking for the index fails', async () => {
    const deps = depsAt(new Date('2026-12-21T02:00:00.000Z'), []);
    deps.duplicateIndex = {
      request: async () => {
        throw new Error('Lambda unreachable');
      },
    };
    const { commissionId: _none, ...plain } = fullest;
    const item = await submitItem(deps, reporter, plain, undefined);
    expect(item.status).toBe('submitted');
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
