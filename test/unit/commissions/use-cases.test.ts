import { beforeEach, describe, expect, it } from 'vitest';
import type { Principal } from '#shared/domain/roles';
import type { Unit } from '#shared/schemas/units';
import type { StoredCommission, StoredCommissionUnit } from '#shared/store/dynamo/commissions';
import { createCommission } from '../../../functions/commissions/create-commission/use-case';
import type { CommissionStore, CommissionsDeps } from '../../../functions/commissions/deps';
import { getCommission } from '../../../functions/commissions/get-commission/use-case';
import { listCommissions } from '../../../functions/commissions/list-commissions/use-case';
import { listUnitCommissions } from '../../../functions/commissions/list-unit-commissions/use-case';
import { MemoryUnitStore } from '../../support/memory-stores';

/** The store's contract in memory: a commission and its unit rows. */
class MemoryCommissionStore implements CommissionStore {
  readonly commissions = new Map<string, StoredCommission>();
  readonly rows = new Map<string, StoredCommissionUnit[]>();
  async create(commission: StoredCommission, unitIds: readonly string[]) {
    this.commissions.set(commission.commissionId, commission);
    this.rows.set(
      commission.commissionId,
      unitIds.map((unitId) => ({
        commissionId: commission.commissionId,
        unitId,
        status: 'pending' as const,
        topic: commission.topic,
        requirements: commission.requirements,
        deadline: commission.deadline,
        year: commission.year,
        targetAll: commission.targetAll,
        createdAt: commission.createdAt,
      })),
    );
  }
  async get(commissionId: string) {
    const commission = this.commissions.get(commissionId);
    return commission ? { commission, units: this.rows.get(commissionId) ?? [] } : undefined;
  }
  async unitRow(commissionId: string, unitId: string) {
    return this.rows.get(commissionId)?.find((row) => row.unitId === unitId);
  }
  async ofYear(year: number) {
    return [...this.commissions.values()].filter((commission) => commission.year === year);
  }
  async ofUnit(unitId: string) {
    return [...this.rows.values()].flat().filter((row) => row.unitId === unitId);
  }
}

const unit = (id: string, active = true): Unit => ({
  id,
  name: `${id}人民政府`,
  class: 'county',
  contacts: [],
  active,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
});

const editor: Principal = { role: 'editor', tokenId: 'editor-token-0001' };
const reporterOf = (unitId: string): Principal => ({
  role: 'reporter',
  tokenId: 'reporter-token-01',
  unitId,
});

let now = new Date('2026-11-25T02:00:00.000Z');
let store: MemoryCommissionStore;
let deps: CommissionsDeps;

beforeEach(async () => {
  now = new Date('2026-11-25T02:00:00.000Z');
  store = new MemoryCommissionStore();
  const units = new MemoryUnitStore();
  for (const u of [unit('anqiu'), unit('qingzhou'), unit('zhucheng'), unit('closed', false)])
    await units.create(u);
  deps = { commissions: store, units, now: () => now };
});

const body = (overrides: Record<string, unknown> = {}) => ({
  topic: '冬季供暖保障工作情况',
  requirements: '请报送供暖保障的具体措施和成效，附数据。',
  deadline: '2026-11-30T10:00:00.000Z',
  unitIds: ['anqiu', 'qingzhou'] as string[] | 'all',
  ...overrides,
});

describe('createCommission', () => {
  it('stores one pending row per asked unit and answers with every status', async () => {
    const created = await createCommission(deps, editor, body());
    expect(created).toMatchObject({ topic: '冬季供暖保障工作情况', year: 2026, open: true, unitCount: 2 });
    expect(created.units.map((row) => [row.unitId, row.status])).toEqual([
      ['anqiu', 'pending'],
      ['qingzhou', 'pending'],
    ]);
    expect(created.counts).toEqual({ pending: 2, answered: 0, late: 0, missed: 0 });
  });

  it('asks every active unit for "all"', async () => {
    const created = await createCommission(deps, editor, body({ unitIds: 'all' }));
    expect(created.targetAll).toBe(true);
    expect(created.units.map((row) => row.unitId)).toEqual(['anqiu', 'qingzhou', 'zhucheng']);
  });

  it('refuses a deadline in the past with 400 and a Chinese message, storing nothing', async () => {
    await expect(
      createCommission(deps, editor, body({ deadline: '2026-11-24T00:00:00.000Z' })),
    ).rejects.toMatchObject({
      status: 400,
      code: 'COMMISSION_DEADLINE_PASSED',
      message: expect.stringMatching(/截止时间/),
    });
    expect(store.commissions.size).toBe(0);
  });

  it('refuses unknown or inactive units with 422, storing nothing', async () => {
    await expect(
      createCommission(deps, editor, body({ unitIds: ['anqiu', 'nowhere', 'closed'] })),
    ).rejects.toMatchObject({ status: 422, code: 'COMMISSION_UNITS_INVALID' });
    expect(store.commissions.size).toBe(0);
  });
});

describe('reading commissions', () => {
  it('shows missed once the deadline has passed, and the reporter only its own row', async () => {
    const created = await createCommission(deps, editor, body());
    const row = store.rows.get(created.commissionId)?.find((r) => r.unitId === 'anqiu');
    if (!row) throw new Error('row missing');
    Object.assign(row, {
      status: 'answered',
      itemId: 'it_0000000000000000000001',
      answeredAt: '2026-11-26T00:00:00.000Z',
    });
    now = new Date('2026-12-01T00:00:00.000Z');

    const seen = await getCommission(deps, editor, created.commissionId);
    expect(seen.units.map((r) => [r.unitId, r.status])).toEqual([
      ['anqiu', 'answered'],
      ['qingzhou', 'missed'],
    ]);
    expect(seen.open).toBe(false);
    expect(seen.counts).toMatchObject({ answered: 1, missed: 1 });

    const own = await getCommission(deps, reporterOf('qingzhou'), created.commissionId);
    expect(own.units).toEqual([expect.objectContaining({ unitId: 'qingzhou', status: 'missed' })]);
    await expect(getCommission(deps, reporterOf('zhucheng'), created.commissionId)).rejects.toMatchObject({
      status: 404,
    });
  });

  it('lists a year for staff and a unit its own commissions only', async () => {
    const first = await createCommission(deps, editor, body({ deadline: '2026-12-20T00:00:00.000Z' }));
    const second = await createCommission(deps, editor, body({ unitIds: ['zhucheng'] }));
    const year = await listCommissions(deps, { year: '2026' });
    expect(year.commissions.map((c) => c.commissionId)).toEqual([second.commissionId, first.commissionId]);
    expect((await listCommissions(deps, { year: '2025' })).commissions).toEqual([]);

    const mine = await listUnitCommissions(deps, reporterOf('zhucheng'), 'zhucheng');
    expect(mine.commissions.map((c) => [c.commissionId, c.unit.unitId, c.unit.status])).toEqual([
      [second.commissionId, 'zhucheng', 'pending'],
    ]);
    await expect(listUnitCommissions(deps, reporterOf('zhucheng'), 'anqiu')).rejects.toMatchObject({
      status: 404,
    });
    expect((await listUnitCommissions(deps, editor, 'anqiu')).commissions).toHaveLength(1);
    await expect(listUnitCommissions(deps, editor, 'nowhere')).rejects.toMatchObject({ status: 404 });
  });
});
