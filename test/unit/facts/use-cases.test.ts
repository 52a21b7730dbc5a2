/** Upper-level facts: the rules and refusals of each use case, against an in-memory store. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '#shared/domain/roles';
import { ConflictError } from '#shared/errors';
import type { Item } from '#shared/schemas/items';
import type { FactWrite, FeedbackWrite, ItemFactRows } from '#shared/store/dynamo/facts';
import type { FactStore, FactsDeps } from '../../../functions/facts/deps';
import { getItemFacts } from '../../../functions/facts/get-facts/use-case';
import { recordFeedback } from '../../../functions/facts/record-feedback/use-case';
import { recordForwarded } from '../../../functions/facts/record-forwarded/use-case';
import { recordInstruction } from '../../../functions/facts/record-instruction/use-case';
import { recordUpperAdoption } from '../../../functions/facts/record-upper-adoption/use-case';
import { feedbackStatus, noonOf } from '../../../functions/facts/rules';
import { MemoryUnitStore } from '../../support/memory-stores';

/** The store's contract in memory: the conditional Put on the fact key, and feedback once. */
class MemoryFactStore implements FactStore {
  readonly writes: FactWrite[] = [];
  readonly rows = new Map<string, ItemFactRows>();
  private of(itemId: string): ItemFactRows {
    const rows = this.rows.get(itemId) ?? { forwarded: undefined, upperAdoptions: [], instructions: [] };
    this.rows.set(itemId, rows);
    return rows;
  }
  async ofItem(itemId: string) {
    const rows = this.of(itemId);
    return { ...rows, upperAdoptions: [...rows.upperAdoptions], instructions: [...rows.instructions] };
  }
  async record(write: FactWrite) {
    const rows = this.of(write.fact.fact.itemId);
    const fact = write.fact;
    const exists =
      fact.kind === 'forwarded'
        ? rows.forwarded !== undefined
        : fact.kind === 'upper'
          ? rows.upperAdoptions.some((row) => row.publicationId === fact.fact.publicationId)
          : rows.instructions.some((row) => row.instructionId === fact.fact.instructionId);
    if (exists) throw new ConflictError(write.duplicate.code, write.duplicate.message);
    if (fact.kind === 'forwarded') rows.forwarded = fact.fact;
    else if (fact.kind === 'upper') rows.upperAdoptions.push(fact.fact);
    else rows.instructions.push(fact.fact);
    this.writes.push(write);
  }
  async feedback(write: FeedbackWrite) {
    const row = this.of(write.itemId).instructions.find(
      (entry) => entry.instructionId === write.instructionId,
    );
    if (!row || row.feedbackDate) throw new ConflictError('FEEDBACK_EXISTS', '已反馈');
    row.feedbackDate = write.date;
    row.feedbackAt = write.at;
    row.feedbackBy = write.by;
  }
}

const editor: Principal = { role: 'editor', tokenId: 'editor-token-0001' };
const reporter: Principal = { role: 'reporter', tokenId: 'reporter-token-01', unitId: 'kuiwen' };
const foreignReporter: Principal = { role: 'reporter', tokenId: 'reporter-token-02', unitId: 'other' };

function item(itemId: string, status: Item['status'], coUnits: string[] = []): Item {
  return {
    itemId,
    unitId: 'kuiwen',
    status,
    title: '奎文区冬季供暖保障有力有序',
    body: '入冬以来，奎文区新建改造供热管网12公里，供暖面积达到860万平方米。',
    eventDate: '2026-11-02',
    urgency: 'normal',
    openness: 'public',
    approver: '张主任',
    author: { name: '李四', phone: '0536-1234567' },
    submittedAt: '2026-11-02T01:00:00.000Z',
    updatedAt: '2026-11-03T01:00:00.000Z',
    revisions: [],
    findings: [],
    duplicates: [],
    coUnits,
    version: 2,
  };
}

const adoptedId = 'it_00000000000000000000a1';
const mergedId = 'it_00000000000000000000a2';
const submittedId = 'it_00000000000000000000a3';

let facts: MemoryFactStore;
let deps: FactsDeps;
let now = new Date('2026-11-20T02:00:00.000Z');

beforeEach(() => {
  now = new Date('2026-11-20T02:00:00.000Z');
  facts = new MemoryFactStore();
  const units = new MemoryUnitStore();
  for (const [id, unitClass] of [
    ['kuiwen', 'county'],
    ['fagaiwei', 'department'],
  ] as const) {
    units.units.set(id, {
      id,
      name: id,
      class: unitClass,
      contacts: [],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      version: 1,
    });
  }
  const items = new Map([
    [adoptedId, item(adoptedId, 'adopted')],
    [mergedId, item(mergedId, 'adopted', ['fagaiwei'])],
    [submittedId, item(submittedId, 'submitted')],
  ]);
  deps = {
    facts,
    items: { get: async (itemId) => items.get(itemId) },
    units,
    policies: { latest: async () => undefined },
    now: () => now,
  };
});

describe('forwarded (上报)', () => {
  it('records the date once; a second call is 409 ALREADY_FORWARDED', async () => {
    const fact = await recordForwarded(deps, editor, adoptedId, { date: '2026-11-10' });
    expect(fact).toMatchObject({ itemId: adoptedId, date: '2026-11-10', recordedBy: editor.tokenId });
    expect(facts.writes[0]?.event).toMatchObject({ action: 'forward' });
    expect(facts.writes[0]?.ledger).toEqual([]);
    await expect(recordForwarded(deps, editor, adoptedId, { date: '2026-11-11' })).rejects.toMatchObject({
      status: 409,
      code: 'ALREADY_FORWARDED',
    });
  });

  it('refuses an unknown item (404) and a date in the future (422)', async () => {
    await expect(
      recordForwarded(deps, editor, 'it_0000000000000000000zzz', { date: '2026-11-10' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(recordForwarded(deps, editor, adoptedId, { date: '2026-11-21' })).rejects.toMatchObject({
      status: 422,
      code: 'DATE_IN_FUTURE',
    });
  });
});

describe('upper-level adoption (上级采用)', () => {
  it('scores the publication with the forwarding multiplier and moves the counters of each period', async () => {
    await recordForwarded(deps, editor, adoptedId, { date: '2026-11-05' });
    const fact = await recordUpperAdoption(deps, editor, adoptedId, {
      publicationId: 'province-zwxx',
      date: '2026-11-12',
    });
    expect(fact).toMatchObject({ forwardedThroughCity: true, itemPoints: 12, policyVersion: 0 });
    const write = facts.writes[1];
    expect(write?.itemStatus).toBe('adopted');
    expect(write?.ledger).toEqual([
      expect.objectContaining({
        unitId: 'kuiwen',
        rule: 'upper:province-zwxx',
        points: 12,
        at: noonOf('2026-11-12').toISOString(),
        reason: '省政府《政务信息》采用（经市政府办公室报送 ×1.2）+12',
      }),
    ]);
    expect(write?.counters.map((c) => [c.unitId, c.unitClass, c.period, c.add])).toEqual([
      ['kuiwen', 'county', '2026-11', { upperAdopted: 1, 'upperBy:province-zwxx': 1, points: 12 }],
      ['kuiwen', 'county', '2026-Q4', { upperAdopted: 1, 'upperBy:province-zwxx': 1, points: 12 }],
      ['kuiwen', 'county', '2026', { upperAdopted: 1, 'upperBy:province-zwxx': 1, points: 12 }],
    ]);
  });

  it('counts only the difference over an earlier adoption (highest-only) and refuses the same publication', async () => {
    await recordUpperAdoption(deps, editor, adoptedId, {
      publicationId: 'province-zwxx',
      date: '2026-11-12',
    });
    await recordUpperAdoption(deps, editor, adoptedId, {
      publicationId: 'province-szzb',
      date: '2026-11-13',
    });
    expect(facts.writes[0]?.ledger[0]?.points).toBe(10);
    expect(facts.writes[1]?.ledger[0]).toMatchObject({ points: 20 });
    expect(facts.writes[1]?.ledger[0]?.reason).toContain('补差');
    await expect(
      recordUpperAdoption(deps, editor, adoptedId, { publicationId: 'province-zwxx', date: '2026-11-14' }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('splits a merged item evenly between its units, each with its own class', async () => {
    await recordUpperAdoption(deps, editor, mergedId, { publicationId: 'province-zwxx', date: '2026-11-12' });
    const write = facts.writes[0];
    expect(write?.ledger.map((line) => [line.unitId, line.points])).toEqual([
      ['kuiwen', 5],
      ['fagaiwei', 5],
    ]);
    expect(write?.counters.filter((c) => c.period === '2026-11').map((c) => [c.unitId, c.unitClass])).toEqual(
      [
        ['kuiwen', 'county'],
        ['fagaiwei', 'department'],
      ],
    );
  });

  it('refuses an item that was not adopted (422 NOT_ADOPTED) and an unknown publication (422)', async () => {
    await expect(
      recordUpperAdoption(deps, editor, submittedId, { publicationId: 'province-zwxx', date: '2026-11-12' }),
    ).rejects.toMatchObject({ status: 422, code: 'NOT_ADOPTED' });
    await expect(
      recordUpperAdoption(deps, editor, adoptedId, { publicationId: 'no-such-paper', date: '2026-11-12' }),
    ).rejects.toMatchObject({ status: 422, code: 'UNKNOWN_PUBLICATION' });
    expect(facts.writes).toHaveLength(0);
  });
});

const instruction = {
  leader: '王市长',
  level: 'city' as const,
  date: '2026-11-15',
  text: '此件很好，请各县市区学习借鉴。',
  feedbackDue: '2026-11-25',
};

describe('instruction (批示)', () => {
  it('scores the level once per item; a second one of that level is recorded with 0 points', async () => {
    const first = await recordInstruction(deps, editor, adoptedId, instruction);
    expect(first.instructionId).toMatch(/^in_[0-9a-z]{20,30}$/);
    expect(first.feedbackStatus).toBe('pending');
    const second = await recordInstruction(deps, editor, adoptedId, { ...instruction, leader: '李副市长' });
    expect(second.instructionId).not.toBe(first.instructionId);
    const [a, b] = facts.writes;
    expect(a?.ledger[0]).toMatchObject({
      rule: 'instruction:city',
      points: 5,
      reason: '市领导王市长批示 +5',
    });
    expect(b?.ledger[0]).toMatchObject({ points: 0 });
    expect(b?.ledger[0]?.reason).toContain('不重复计分');
    expect(a?.ledger[0]?.at).not.toBe(b?.ledger[0]?.at);
    expect(a?.counters[0]?.add).toEqual({ instructions: 1, 'instructionsBy:city': 1, points: 5 });
    expect(b?.counters[0]?.add).toEqual({ instructions: 1, 'instructionsBy:city': 1, points: 0 });
    const province = await recordInstruction(deps, editor, adoptedId, { ...instruction, level: 'province' });
    expect(province.level).toBe('province');
    expect(facts.writes[2]?.ledger[0]?.points).toBe(50);
  });

  it('refuses a 批示 on an item that was never adopted, a due date before it, a future date', async () => {
    await expect(recordInstruction(deps, editor, submittedId, instruction)).rejects.toMatchObject({
      status: 422,
      code: 'NOT_ADOPTED',
    });
    await expect(
      recordInstruction(deps, editor, adoptedId, { ...instruction, feedbackDue: '2026-11-14' }),
    ).rejects.toMatchObject({ status: 422, code: 'FEEDBACK_DUE_BEFORE_INSTRUCTION' });
    await expect(
      recordInstruction(deps, editor, adoptedId, {
        ...instruction,
        date: '2026-12-01',
        feedbackDue: '2026-12-09',
      }),
    ).rejects.toMatchObject({ status: 422, code: 'DATE_IN_FUTURE' });
    expect(facts.writes).toHaveLength(0);
  });
});

describe('feedback (落实反馈)', () => {
  it("lets the item's unit report once; before the 批示 is 422; another unit gets 404", async () => {
    const recorded = await recordInstruction(deps, editor, adoptedId, instruction);
    await expect(
      recordFeedback(deps, reporter, adoptedId, recorded.instructionId, { date: '2026-11-14' }),
    ).rejects.toMatchObject({ status: 422, code: 'FEEDBACK_BEFORE_INSTRUCTION' });
    await expect(
      recordFeedback(deps, foreignReporter, adoptedId, recorded.instructionId, { date: '2026-11-18' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      recordFeedback(deps, reporter, adoptedId, 'in_0000000000000000000000', { date: '2026-11-18' }),
    ).rejects.toMatchObject({ status: 404, code: 'INSTRUCTION_NOT_FOUND' });
    const done = await recordFeedback(deps, reporter, adoptedId, recorded.instructionId, {
      date: '2026-11-18',
    });
    expect(done).toMatchObject({ feedbackDate: '2026-11-18', feedbackStatus: 'on-time' });
    await expect(
      recordFeedback(deps, editor, adoptedId, recorded.instructionId, { date: '2026-11-19' }),
    ).rejects.toMatchObject({ status: 409, code: 'FEEDBACK_EXISTS' });
  });

  it('shows every fact with the feedback status against now; a foreign reporter gets 404', async () => {
    await recordForwarded(deps, editor, adoptedId, { date: '2026-11-05' });
    await recordUpperAdoption(deps, editor, adoptedId, {
      publicationId: 'province-zwxx',
      date: '2026-11-12',
    });
    const open = await recordInstruction(deps, editor, adoptedId, instruction);
    const view = await getItemFacts(deps, reporter, adoptedId);
    expect(view.forwarded?.date).toBe('2026-11-05');
    expect(view.upperAdoptions.map((u) => u.publicationId)).toEqual(['province-zwxx']);
    expect(view.instructions).toEqual([
      expect.objectContaining({ instructionId: open.instructionId, feedbackStatus: 'pending' }),
    ]);
    now = new Date('2026-11-26T02:00:00.000Z');
    expect((await getItemFacts(deps, editor, adoptedId)).instructions[0]?.feedbackStatus).toBe('overdue');
    await expect(getItemFacts(deps, foreignReporter, adoptedId)).rejects.toMatchObject({ status: 404 });
  });
});

describe('feedbackStatus', () => {
  it('is on time up to the due day, late after it, pending or overdue without feedback', () => {
    const at = new Date('2026-11-20T17:00:00.000Z'); // 2026-11-21 in Shanghai
    expect(feedbackStatus({ feedbackDue: '2026-11-20', feedbackDate: '2026-11-20' }, at)).toBe('on-time');
    expect(feedbackStatus({ feedbackDue: '2026-11-20', feedbackDate: '2026-11-21' }, at)).toBe('late');
    expect(feedbackStatus({ feedbackDue: '2026-11-21' }, at)).toBe('pending');
    expect(feedbackStatus({ feedbackDue: '2026-11-20' }, at)).toBe('overdue');
  });
});
